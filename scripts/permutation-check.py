#!/usr/bin/env python3
"""Recompute framelens's outlet-against-rest permutation p-values from a report folder's
`article_features.csv` and `articles.csv`, independently of the Rust code.

Outlet labels are permuted within stories; the statistic is the difference of the two sides'
ratio-of-sums values, i.e. article values weighted by their units (own words for `_per_1k_own`
rates, words for `quoted_share`), which is what `outlet_features` shows. Standard library only.

    python3 scripts/permutation-check.py REPORT_DIR [FEATURE:WEIGHT ...] [--permutations N]

Prints, per outlet and feature, framelens's p (from `differences.csv`) beside this script's.
framelens stops a test early once 20 permuted differences were as extreme, so large p-values
agree only roughly; small ones agree closely.
"""

import argparse
import csv
import random
from pathlib import Path

DEFAULT = ["loaded_per_1k_own:own_words", "quoted_share:words", "hedge_per_1k_own:own_words"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("features", nargs="*", default=DEFAULT, help="FEATURE:WEIGHT column pairs")
    parser.add_argument("--permutations", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    articles = list(csv.DictReader(open(args.report / "article_features.csv", newline="")))
    story = {r["article"]: r["story"] for r in csv.DictReader(open(args.report / "articles.csv", newline=""))}
    differences = list(csv.DictReader(open(args.report / "differences.csv", newline="")))
    for spec in args.features:
        feature, weight = spec.split(":")
        rows = [
            (story[a["article"]], a["outlet"], float(a[feature]), float(a[weight]))
            for a in articles
            if a[feature] != ""
        ]
        for outlet in sorted({r[1] for r in rows}):
            p = test(rows, outlet, args.permutations, random.Random(args.seed))
            ours = [d for d in differences if d["feature"] == feature and d["outlet"] == outlet and d["versus"] == "rest"]
            print(f"{feature}\t{outlet}\tframelens p = {ours[0]['p'] if ours else '-'}\tthis script p = {p:.4f}")


def test(rows, outlet, permutations, rng) -> float:
    def statistic(labels):
        s1 = w1 = s2 = w2 = 0.0
        for (_, _, value, weight), label in zip(rows, labels):
            if label == outlet:
                s1, w1 = s1 + value * weight, w1 + weight
            else:
                s2, w2 = s2 + value * weight, w2 + weight
        return s1 / w1 - s2 / w2

    labels = [r[1] for r in rows]
    observed = statistic(labels)
    strata = {}
    for i, r in enumerate(rows):
        strata.setdefault(r[0], []).append(i)
    extreme = 0
    for _ in range(permutations):
        permuted = list(labels)
        for members in strata.values():
            moved = [labels[i] for i in members]
            rng.shuffle(moved)
            for i, label in zip(members, moved):
                permuted[i] = label
        extreme += abs(statistic(permuted)) >= abs(observed) - 1e-12
    return (extreme + 1) / (permutations + 1)


if __name__ == "__main__":
    main()
