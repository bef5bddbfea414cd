#!/usr/bin/env python3
"""Print a random sample of speakers whose voice group came from an introduction, to check by eye.

A named person whose mention gives no group ("Cruz said") takes the role and group of the
article's first titled mention of the same person ("Sen. Ted Cruz"); `quotes` keeps that
mention's bytes in `introduction_start` and `introduction_end`. This script counts those rows and
prints one line per sampled (article, speaker): the group, the speaker mention, the introduction
and the text around it, read from each article's `source` file. Whether each group is right is
for the reader to judge; docs/attribution.md ("Introductions") has the last such check.

    python3 -m venv .venv-probe && .venv-probe/bin/pip install pyarrow
    framelens extract CORPUS --out DIR --formats parquet     # a folder of articles or a .jsonl
    .venv-probe/bin/python scripts/introductions-sample.py DIR [--n 40] [--seed 1] [--text-column text]

Run it from the folder `extract` ran in: `source` paths are as `extract` was given them.
"""
import argparse
import json
import random
from pathlib import Path

import pyarrow.parquet as pq


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder written by framelens extract or report")
    parser.add_argument("--n", type=int, default=40, help="(article, speaker) pairs to print")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text-column", default="text", help="the text field of a .jsonl input")
    args = parser.parse_args()

    quotes = pq.read_table(args.out / "quotes.parquet").to_pylist()
    sources = {r["article"]: r["source"] for r in pq.read_table(args.out / "articles.parquet").to_pylist()}
    introduced = [q for q in quotes if q["introduction_start"] is not None]
    unclassified = sum(q["group"] == "unclassified" for q in quotes)
    pairs = {}
    for q in introduced:
        pairs.setdefault((q["article"], q["speaker_key"]), q)
    print(f"{len(quotes)} attributions; {unclassified} unclassified; {len(introduced)} grouped by an "
          f"introduction, {len(pairs)} (article, speaker) pairs")
    groups = {}
    for q in introduced:
        groups[q["group"]] = groups.get(q["group"], 0) + 1
    print("by group:", ", ".join(f"{g} {n}" for g, n in sorted(groups.items(), key=lambda x: -x[1])))
    keys = sorted(pairs)
    random.Random(args.seed).shuffle(keys)
    for key in keys[: args.n]:
        q = pairs[key]
        text = article_bytes(sources[q["article"]], args.text_column)
        start, end = q["introduction_start"], q["introduction_end"]
        intro = text[start:end].decode("utf-8", "replace")
        around = text[max(0, start - 40) : end + 30].decode("utf-8", "replace").replace("\n", " ")
        print(f"{q['group']:12} | {q['speaker_mention'][:24]:24} | {intro[:48]:48} | …{around}…")


def article_bytes(source: str, text_column: str) -> bytes:
    """The article's text as UTF-8 bytes (the spans' unit): a file, or `FILE.jsonl:LINE`."""
    path, _, line = source.rpartition(":")
    if path.endswith(".jsonl") and line.isdigit():
        with open(path, encoding="utf-8") as rows:
            for number, row in enumerate(rows, start=1):
                if number == int(line):
                    return json.loads(row)[text_column].encode("utf-8")
        raise SystemExit(f"{source}: no such line")
    return Path(source).read_bytes()


if __name__ == "__main__":
    main()
