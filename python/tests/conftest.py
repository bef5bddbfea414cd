"""Shared fixtures: the repository, the command-line binary, and corpora built from the example."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "corpora" / "iraq-2020"


@pytest.fixture(scope="session")
def binary() -> Path:
    """The framelens binary the command-line side of each comparison runs (FRAMELENS, or the
    debug build)."""
    path = Path(os.environ.get("FRAMELENS", ROOT / "target" / "debug" / "framelens"))
    if not path.exists():
        subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    return path


def cli(binary: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the command line from the repository root; fail with its messages."""
    done = subprocess.run([str(binary), *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def example_rows() -> list[dict]:
    """The example articles as rows with id, outlet, title, date, url and text."""
    with open(EXAMPLE / "manifest.csv", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    rows = []
    for i, row in enumerate(manifest):
        text = (EXAMPLE / "articles" / row["file"]).read_text(encoding="utf-8")
        rows.append({"id": f"a{i}", "outlet": row["outlet"], "title": row["title"], "date": row["date"],
                     "url": row["url"], "story": "expel", "text": text})
    return rows


def generated_rows(count: int) -> list[dict]:
    """`count` articles made from the example ones: each paragraph-trimmed differently, under
    rotating outlets and two stories, with ids."""
    base = example_rows()
    outlets = ["HuffPost", "The Hill", "Sputnik", "France 24", "The Epoch Times"]
    rows = []
    for i in range(count):
        source = base[i % len(base)]
        paragraphs = source["text"].split("\n\n")
        keep = max(2, len(paragraphs) - (i // len(base)) % max(1, len(paragraphs) - 1))
        rows.append({"id": f"g{i:04d}", "outlet": outlets[(i * 3 + i // 7) % len(outlets)],
                     "story": "expel" if i % 3 else "aftermath", "text": "\n\n".join(paragraphs[:keep])})
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
