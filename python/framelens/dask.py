"""framelens on a Dask cluster: one ``extract`` per partition of a dataset, then one ``merge``.

    from dask.distributed import Client
    import framelens.dask

    client = Client()                      # a laptop; or a dask-jobqueue / Kubernetes cluster
    tables = framelens.dask.extract("archive/", "out/", client, partition_size=50_000)

Each task writes its shard into ``out/shards/part-NNNNN/`` and the merge writes the tables,
charts and report.md of one run over the whole dataset into ``out/``. Shards are independent and
idempotent: a failed task is retried (``retries``), a killed worker's task runs again elsewhere,
and running the same call again skips the shards already complete (resume). A partition of a
file is read in place (``--byte-range`` for JSON Lines, ``--rows`` for Parquet), so nothing is
copied and articles without an ``id`` column keep the ids of a run over the whole file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import polars as pl

from . import FramelensError, _flags, _lexicon_flags, _run
from . import merge as _merge

__all__ = ["Partition", "extract", "partitions"]

_BLOCK = 1 << 24  # bytes read at a time when finding line offsets
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass(frozen=True)
class Partition:
    """One task's articles: rows ``[start, stop)`` of ``file`` (all of it when ``stop`` is None),
    as byte offsets for JSON Lines (``line`` is the number of the line at ``start``) and row
    numbers for Parquet."""

    number: int
    file: str
    kind: str
    start: int = 0
    stop: Optional[int] = None
    line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"


def _files(dataset: Union[str, os.PathLike, Iterable]) -> list[Path]:
    if isinstance(dataset, (str, os.PathLike)):
        path = Path(dataset)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file()]
            return sorted(found, key=lambda p: _natural(str(p.relative_to(path))))
        return [path]
    return [Path(p) for p in dataset]


def _natural(text: str) -> list:
    import re

    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _line_offsets(path: Path, every: int) -> list[tuple[int, int]]:
    """Byte offsets, with their line numbers, of the lines after every ``every``-th non-blank
    line of a JSON Lines file, from (0, 1) to its end. Read in blocks: a line is looked at only
    to tell whether it is blank."""
    offsets, articles, line, position = [(0, 1)], 0, 1, 0
    tail = b""
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            data, base = tail + block, position - len(tail)
            start = 0
            while (end := data.find(b"\n", start)) >= 0:
                if _has_text(data, start, end):
                    articles += 1
                    if articles % every == 0:
                        offsets.append((base + end + 1, line + 1))
                line, start = line + 1, end + 1
            tail, position = data[start:], position + len(block)
    if offsets[-1][0] != position:
        offsets.append((position, line))
    return offsets


def _has_text(data: bytes, start: int, end: int) -> bool:
    """Whether ``data[start:end]`` holds more than white space (a JSON line's first byte is
    almost always ``{``, so the slice copied is one byte long)."""
    if end > start and data[start] not in b" \t\r\x0b\x0c":
        return True
    return bool(data[start:end].strip())


def partitions(dataset: Any, partition_size: Optional[int] = None) -> list[Partition]:
    """The partitions of a Parquet or JSON Lines dataset (a file, a folder of them, or a list of
    files): one per file, or per ``partition_size`` articles."""
    out: list[Partition] = []
    for path in _files(dataset):
        kind = _SUFFIXES.get(path.suffix)
        if kind is None:
            raise FramelensError(f"{path}: not a .jsonl, .ndjson or .parquet file")
        if partition_size is None:
            out.append(Partition(len(out), str(path), kind))
        elif kind == "jsonl":
            offsets = _line_offsets(path, partition_size)
            for (start, line), (stop, _) in zip(offsets, offsets[1:]):
                out.append(Partition(len(out), str(path), kind, start, stop, line))
        else:
            rows = pl.scan_parquet(path).select(pl.len()).collect().item()
            for start in range(0, max(rows, 1), partition_size):
                out.append(Partition(len(out), str(path), kind, start, min(start + partition_size, rows)))
    if not out:
        raise FramelensError(f"{dataset}: no .jsonl, .ndjson or .parquet file")
    return out


def _complete(folder: Path) -> bool:
    try:
        return bool(json.loads((folder / "run_manifest.json").read_text(encoding="utf-8")).get("complete"))
    except (OSError, ValueError):
        return False


def _source(part: Partition) -> list[str]:
    """The arguments that make extract read the partition in place: the file, with its byte
    range (JSON Lines) or row range (Parquet) when the partition is part of it."""
    if part.stop is None:
        return [part.file]
    if part.kind == "jsonl":
        return [part.file, "--byte-range", f"{part.start}..{part.stop}", "--first-line", str(part.line)]
    return [part.file, "--rows", f"{part.start}..{part.stop}"]


def extract_partition(part: Partition, out: str, flags: list[str], threads: Optional[int] = None) -> str:
    """Extract one partition into ``out/shards/NAME`` (skipped when already complete). Runs on a
    worker; returns the shard folder."""
    shard = Path(out) / "shards" / part.name
    if _complete(shard):
        return str(shard)
    source = _source(part)
    if threads is None:
        try:
            from distributed import get_worker

            threads = get_worker().state.nthreads
        except (ImportError, ValueError):
            threads = None
    if threads is not None:
        # Polars' own pool (Parquet writing) within the worker's threads too, as rayon's: idle
        # threads of four worker processes on two cores cost a third more CPU.
        os.environ.setdefault("POLARS_MAX_THREADS", str(threads))
    _run(["extract", *source, "--out", str(shard), "--quiet", *flags], threads)
    return str(shard)


def extract(
    dataset: Any,
    out: Union[str, os.PathLike],
    client: Any = None,
    partition_size: Optional[int] = None,
    *,
    lexicons: Any = None,
    story_lexicon: Any = None,
    learned_cues: bool = False,
    retries: int = 2,
    progress: bool = True,
    merge_options: Optional[dict] = None,
    **options: Any,
) -> dict[str, pl.DataFrame]:
    """Extract every partition of ``dataset`` on the cluster of ``client`` (the default client
    when None), then merge the shards into ``out``. ``options`` go to each extract (as in
    ``framelens.extract``), ``merge_options`` to the merge (as in ``framelens.merge``). Returns
    the merged outlet-level tables (``framelens.tables(out)`` reads the per-article ones). A partition that still fails after ``retries`` is named in the error,
    after the other partitions finished (they are kept for a re-run)."""
    from distributed import default_client, wait
    from distributed import progress as show_progress

    client = client if client is not None else default_client()
    out_path = Path(out)
    (out_path / "shards").mkdir(parents=True, exist_ok=True)
    parts = partitions(dataset, partition_size)
    flags = _lexicon_flags(lexicons, story_lexicon, learned_cues) + _flags(options)
    if lexicons is None and story_lexicon is None:
        # Every shard chooses the shipped story lexicons from the same articles, so they merge.
        flags += ["--choose-stories-from", parts[0].file]
    keys = [f"framelens-extract-{out_path.resolve()}-{p.name}" for p in parts]
    futures = client.map(
        extract_partition, parts, out=str(out_path), flags=flags, key=keys, retries=retries, pure=False
    )
    if progress:
        show_progress(futures)
    wait(futures)
    failed = [(p, f.exception()) for p, f in zip(parts, futures) if f.status == "error"]
    shards = [out_path / "shards" / p.name for p in parts]
    try:
        merged = _merge(shards, out_path, **(merge_options or {}))
    except FramelensError as merge_error:
        if not failed:
            raise
        named = "; ".join(f"{p.name} ({p.file}): {e}" for p, e in failed[:5])
        raise FramelensError(f"{len(failed)} of {len(parts)} partitions failed: {named}. Merge: {merge_error}") from None
    return merged
