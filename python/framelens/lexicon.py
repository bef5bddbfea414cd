"""Lexicon tools, as ``framelens lexicon check`` and ``framelens lexicon suggest``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, NamedTuple, Optional

import polars as pl

from . import _as_input, _flags, _framelens, _is_path, _run

__all__ = ["Checked", "check", "suggest"]


class Checked(NamedTuple):
    """What ``check`` finds."""

    problems: pl.DataFrame
    """Every problem: severity, file, line, column, message, fix."""
    coverage: dict[str, float]
    """With a corpus: the share of each outlet's words the lexicon touches."""

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed), as the command line's exit code 0."""
        return self.problems.filter(pl.col("severity") == "error").height == 0


def check(paths: Any, corpus: Optional[Any] = None) -> Checked:
    """Check lexicon files or folders (and, with ``corpus``, their coverage of it)."""
    names = [os.fspath(paths)] if _is_path(paths) else [os.fspath(p) for p in paths]
    schema = {"severity": pl.String, "file": pl.String, "line": pl.Int64, "column": pl.Int64,
              "message": pl.String, "fix": pl.String}
    with tempfile.TemporaryDirectory(prefix="framelens-") as scratch:
        source = _as_input(corpus, Path(scratch))[0] if corpus is not None else None
        problems, touched = _framelens.check_lexicons(names, source)
    return Checked(pl.DataFrame(problems, schema=schema), dict(touched))


def suggest(data: Any, out: os.PathLike[str] | str, **options: Any) -> dict[str, Any]:
    """Draft a story lexicon from a corpus, as ``framelens lexicon suggest``: the
    ``suggestions``, ``slot_groups`` and ``style`` tables, and ``draft`` (the text of
    draft.toml). Files are written into ``out``."""
    with tempfile.TemporaryDirectory(prefix="framelens-") as scratch:
        source, _ = _as_input(data, Path(scratch))
        _run(["lexicon", "suggest", source, "--out", os.fspath(out), *_flags(options)])
    native = _framelens.read_tables(os.fspath(out), ["suggestions", "slot_groups", "style"])
    found: dict[str, Any] = {name: pl.DataFrame(table) for name, table in native.items()}
    draft = Path(out) / "draft.toml"
    found["draft"] = draft.read_text(encoding="utf-8") if draft.exists() else ""
    return found
