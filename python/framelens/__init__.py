"""framelens: measure and compare how news outlets frame the same story.

The functions mirror the command line's subcommands and run the same code in this process (the
GIL is released while it works). Tables come back as polars DataFrames with the same names and
columns as the files the command line writes; they cross from Rust as Arrow, not row by row.

    import framelens
    tables = framelens.extract("corpora/iraq-2020")
    tables["word_choice"]

Every keyword argument not named in a signature becomes the command-line option of the same
name: ``text_column="body"`` is ``--text-column body``, ``drop_copies=True`` is
``--drop-copies``, a list repeats the option.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import polars as pl

from . import _framelens
from ._framelens import FramelensError, __version__

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["PER_ARTICLE", "FramelensError", "__version__", "compare", "extract", "lexicon", "merge", "report", "tables"]


def _is_path(data: Any) -> bool:
    return isinstance(data, (str, os.PathLike))


def _flags(options: Mapping[str, Any]) -> list[str]:
    """Command-line options from keyword arguments (None and False are left out)."""
    out: list[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            out.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                out += [flag, str(item)]
        else:
            out += [flag, str(value)]
    return out


def _lexicon_flags(lexicons: Any, story_lexicon: Any, learned_cues: bool) -> list[str]:
    def many(value: Any) -> list[str]:
        if value is None:
            return []
        if _is_path(value):
            return [os.fspath(value)]
        return [os.fspath(v) for v in value]

    flags = _flags({"lexicon": many(lexicons), "story_lexicon": many(story_lexicon)})
    return flags + (["--learned-cues"] if learned_cues else [])


def _run(args: Sequence[str], threads: Optional[int] = None) -> int:
    return _framelens.run([os.fspath(a) for a in args], threads)


#: Tables with a row per article or finer (the others have a row per outlet, or per outlet and
#: something else, and stay small at any corpus size).
PER_ARTICLE = frozenset({"articles", "evidence", "sentences", "article_word_choice", "article_features",
                         "quote_spans", "quotes", "removed_lines", "duplicates", "article_partials"})


def tables(folder: PathLike, per_article: bool = True) -> dict[str, pl.DataFrame]:
    """The tables of a finished run folder (from its Parquet files), by name; without
    ``per_article``, only the outlet-level ones (see ``PER_ARTICLE``)."""
    folder = Path(folder)
    manifest = json.loads((folder / "run_manifest.json").read_text(encoding="utf-8"))
    if not manifest.get("complete"):
        raise FramelensError(f"{folder}: the run did not finish (run_manifest.json is not complete)")
    files = [Path(f) for f in manifest.get("files", []) if f.endswith(".parquet") and "/" not in f]
    names = sorted(set(manifest.get("tables", [])) | {f.stem for f in files})
    names = [n for n in names if per_article or n not in PER_ARTICLE]
    native = _framelens.read_tables(str(folder), names)
    return {name: pl.DataFrame(table) for name, table in native.items()}


def _as_input(data: Any, scratch: Path) -> tuple[str, Optional[str]]:
    """A path the command line reads: `data` itself, or a Parquet file written from a data frame.
    Returns the path and, for a data frame, the path to hide from `source` columns."""
    if _is_path(data):
        return os.fspath(data), None
    if isinstance(data, pl.DataFrame):
        frame = data
    elif hasattr(data, "__arrow_c_stream__"):
        frame = pl.DataFrame(data)
    else:
        raise TypeError(f"data must be a path, a polars DataFrame or an Arrow table, not {type(data).__name__}")
    plain = [c for c, t in frame.schema.items() if not t.is_nested()]
    frame = frame.select([pl.col(c).cast(pl.String) for c in plain])
    if "id" not in frame.columns:
        # Stable ids: without them, each row's id would name the temporary file.
        frame = frame.with_columns(pl.concat_str(pl.lit("row "), pl.int_range(1, pl.len() + 1).cast(pl.String)).alias("id"))
    path = scratch / "data.parquet"
    _framelens.write_parquet(frame, str(path))
    return str(path), str(path)


def _hide(found: dict[str, pl.DataFrame], temporary: Optional[str]) -> dict[str, pl.DataFrame]:
    if temporary is None:
        return found
    for name, frame in found.items():
        if "source" in frame.columns:
            found[name] = frame.with_columns(pl.col("source").str.replace(temporary, "data", literal=True))
    return found


def _measure(
    command: str,
    data: Any,
    out: Optional[PathLike],
    lexicons: Any,
    story_lexicon: Any,
    learned_cues: bool,
    threads: Optional[int],
    options: Mapping[str, Any],
) -> dict[str, pl.DataFrame]:
    with tempfile.TemporaryDirectory(prefix="framelens-") as scratch:
        source, temporary = _as_input(data, Path(scratch))
        folder = Path(out) if out is not None else Path(scratch) / "out"
        defaults = {} if out is not None else {"formats": "parquet"}
        args = [command, source, "--out", str(folder), "--quiet"]
        args += _lexicon_flags(lexicons, story_lexicon, learned_cues) + _flags({**defaults, **options})
        if _run(args, threads) == 1:
            warnings.warn(f"framelens {command}: some inputs were skipped (listed under errors in run_manifest.json)", stacklevel=3)
        return _hide(tables(folder), temporary)


def extract(
    data: Any,
    lexicons: Any = None,
    story_lexicon: Any = None,
    learned_cues: bool = False,
    threads: Optional[int] = None,
    *,
    out: Optional[PathLike] = None,
    **options: Any,
) -> dict[str, pl.DataFrame]:
    """Measure articles, as ``framelens extract``: every table, by name.

    ``data`` is a path (folder, JSONL, CSV or Parquet file), a polars DataFrame or an Arrow
    table (pyarrow) with a ``text`` column and optionally ``outlet``, ``id``, ``title``,
    ``date``, ``url``, ``story``. ``lexicons`` are lexicon files or folders, ``story_lexicon``
    shipped story ids. With ``out`` the files stay there (CSV and Parquet, as the command line
    writes them); without it they are written to a temporary folder and removed.
    """
    return _measure("extract", data, out, lexicons, story_lexicon, learned_cues, threads, options)


def report(
    data: Any,
    out: PathLike,
    lexicons: Any = None,
    story_lexicon: Any = None,
    learned_cues: bool = False,
    threads: Optional[int] = None,
    **options: Any,
) -> dict[str, pl.DataFrame]:
    """Measure and compare, as ``framelens report``: writes the tables, charts and report.md
    into ``out`` and returns the tables."""
    return _measure("report", data, out, lexicons, story_lexicon, learned_cues, threads, options)


def merge(
    shards: Iterable[PathLike],
    out: PathLike,
    dedupe: bool = False,
    link: bool = False,
    lexicons: Any = None,
    threads: Optional[int] = None,
    **options: Any,
) -> dict[str, pl.DataFrame]:
    """Combine the output folders of ``extract`` runs over parts of a corpus, as
    ``framelens merge``: the tables, intervals, charts and report.md of one run over the whole
    corpus, written into ``out``. Returns the outlet-level tables (a merged corpus may be too
    large to hold per article; ``framelens.tables(out)`` or ``pl.scan_parquet`` reads the rest)."""
    args = ["merge", *[os.fspath(s) for s in shards], "--out", os.fspath(out), "--quiet"]
    args += _lexicon_flags(lexicons, None, False) + _flags({"dedupe": dedupe, "link": link, **options})
    _run(args, threads)
    return tables(out, per_article=False)


def compare(folder: PathLike, threads: Optional[int] = None, **options: Any) -> dict[str, pl.DataFrame]:
    """Compare the outlets of a finished run again, as ``framelens compare``: returns the
    comparison tables (clusters, distances, merge_tree, cluster_stability)."""
    _run(["compare", os.fspath(folder), *_flags(options)], threads)
    names = ["clusters", "distances", "merge_tree", "cluster_stability"]
    native = _framelens.read_tables(os.fspath(folder), names)
    return {name: pl.DataFrame(table) for name, table in native.items()}


from . import lexicon  # noqa: E402  (uses the helpers above)
