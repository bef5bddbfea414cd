#!/usr/bin/env python3
"""framelens.dask against one `framelens extract`, on generated articles and this machine's cores.

Generates ARTICLES articles (default 1,000,000) as the benchmark corpus of benches/common does:
the five example articles with their paragraphs shuffled, under 100 outlets, each with an id.
Then, on the same cores and with Parquet output only:

1. one `framelens extract --threads CORES` (the release binary);
2. `framelens.dask.extract` with SHARDS partitions on a LocalCluster of SHARDS worker processes
   of one thread each, then the merge (in this process) with `tables_only`, which writes what
   (1) writes.

Prints wall time, throughput and peak memory of the single process, of each worker and of the
merge, and checks that the merged outlet tables equal the single run's bytes.

    cargo build --release
    (cd python && maturin develop --release)      # or: pip install ./python
    python scripts/scale-bench.py [--articles N] [--shards 4] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["HuffPost", "The Hill", "The Epoch Times", "Sputnik", "France 24"]


def generate(path: Path, articles: int) -> int:
    """Write the corpus; returns the bytes of article text."""
    example = ROOT / "corpora" / "iraq-2020"
    with open(example / "manifest.csv", encoding="utf-8") as f:
        texts = [(example / "articles" / row["file"]).read_text(encoding="utf-8") for row in csv.DictReader(f)]
    rng = random.Random(7)
    total = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(articles):
            base = i % len(texts)
            paragraphs = texts[base].split("\n\n")
            rng.shuffle(paragraphs)
            text = "\n\n".join(paragraphs)
            total += len(text.encode("utf-8"))
            outlet = f"{OUTLETS[base]} {(i // len(texts)) % 20:02}"
            out.write(json.dumps({"id": f"bench-{i:07d}", "outlet": outlet, "text": text}) + "\n")
    return total


def single(binary: Path, corpus: Path, out: Path, cores: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of one extract."""
    started = time.perf_counter()
    process = subprocess.Popen([str(binary), "extract", str(corpus), "--out", str(out), "--formats", "parquet",
                                "--threads", str(cores), "--quiet"], stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, f"framelens extract exited with {status}"
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per shard)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/framelens-scale"))
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "framelens")
    args = parser.parse_args()
    cores = os.cpu_count() or 1

    import framelens
    import framelens.dask
    from distributed import Client, LocalCluster

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    corpus = args.work / "corpus.jsonl"
    started = time.perf_counter()
    text_bytes = generate(corpus, args.articles)
    mb = text_bytes / 1e6
    print(f"corpus: {args.articles:,} articles, {mb:,.0f} MB of text ({time.perf_counter() - started:.0f} s to write)")

    seconds, cpu, rss = single(args.binary, corpus, args.work / "single", cores)
    print(f"one framelens extract, --threads {cores}: {seconds:,.0f} s ({cpu:,.0f} CPU s), {mb / seconds:.1f} MB/s, "
          f"peak {rss / 1024:,.0f} MiB")

    size = -(-args.articles // args.shards)
    out = args.work / "dask"
    workers = args.workers or args.shards
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=0,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        started, merge_cpu = time.perf_counter(), cpu_seconds()
        framelens.dask.extract(corpus, out, client, partition_size=size, progress=False, formats="parquet",
                               merge_options={"tables_only": True, "link": True})
        distributed, merge_cpu = time.perf_counter() - started, cpu_seconds() - merge_cpu
        peaks = client.run(peak_rss)
        worker_cpu = sum(client.run(cpu_seconds).values())
    shards_done = max(m.stat().st_mtime for m in (out / "shards").glob("*/run_manifest.json"))
    merge_seconds = (out / "run_manifest.json").stat().st_mtime - shards_done
    print(f"framelens.dask, {args.shards} shards on {workers} one-thread workers, then merge: "
          f"{distributed:,.0f} s ({merge_seconds:,.0f} s of it merging), {mb / distributed:.1f} MB/s, "
          f"{distributed / seconds:.2f}× the single process; CPU s: workers {worker_cpu:,.0f}, merge {merge_cpu:,.0f}")
    for worker, kib in sorted(peaks.items()):
        print(f"  worker {worker}: peak {kib / 1024:,.0f} MiB")
    print(f"  merge (this process): peak {peak_rss() / 1024:,.0f} MiB")
    same = [name for name in ("word_choice", "outlet_features", "voices", "attribution", "tone", "copies")
            if (out / f"{name}.parquet").read_bytes() == (args.work / "single" / f"{name}.parquet").read_bytes()]
    print(f"outlet tables equal to the single run's bytes: {', '.join(same)}")


if __name__ == "__main__":
    main()
