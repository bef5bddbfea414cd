"""Execute every notebook in this folder top to bottom, headless, and fail on any cell error.

Usage (from the repository root, in the environment of notebooks/requirements.txt):
    python notebooks/run.py [NOTEBOOK ...]

Notebooks are executed in memory; the files keep their cleared outputs. A notebook stored with
outputs is refused, so that results computed by framelens never sit in the repository as text.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent


def stored_outputs(notebook):
    return [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]


def main(paths):
    failed = []
    for path in paths or sorted(HERE.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        dirty = stored_outputs(notebook)
        if dirty:
            print(f"{path.name}: stored with outputs in cells {dirty}; clear them before committing")
            failed.append(path.name)
            continue
        client = NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(HERE)}})
        try:
            client.execute()
            print(f"{path.name}: ok ({len(notebook.cells)} cells)")
        except CellExecutionError as err:
            print(f"{path.name}: FAILED\n{err}")
            failed.append(path.name)
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main([Path(p) for p in sys.argv[1:]]))
