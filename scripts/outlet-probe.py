#!/usr/bin/env python3
"""Can framing features tell outlets apart across stories? A probe on framelens's article table.

Trains a logistic regression to predict each article's outlet from the numeric columns of
`article_features`, holding out whole stories (events): every fold tests on stories the model never
saw, so a story that one outlet covered more cannot carry the score. Reports balanced accuracy
(chance is 1 / number of outlets) and the columns that weigh most.

Columns whose name mentions an outlet, a medium, a byline or a dateline are left out, so that the
probe measures framing, not who credits whom. Counts that grow with article length are left out
too; shares and rates stay.

    python3 -m venv .venv-probe && .venv-probe/bin/pip install scikit-learn pandas pyarrow
    framelens extract CORPUS --out DIR                 # CORPUS with a story per article
    .venv-probe/bin/python scripts/outlet-probe.py DIR [--folds 5] [--only PREFIX] [--without PREFIX] [--json]
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LEFT_OUT = ("outlet", "media", "byline", "dateline")
COUNTS = ("articles", "words", "own_words", "quoted_words", "att_direct", "att_indirect", "att_fragments",
          "att_direct_words", "att_indirect_words", "wc_matches_own", "wc_matches_quoted", "voices_distinct")


def read(dir: Path, name: str) -> pd.DataFrame:
    parquet, csv = dir / f"{name}.parquet", dir / f"{name}.csv"
    return pd.read_parquet(parquet) if parquet.exists() else pd.read_csv(csv)


def features(table: pd.DataFrame) -> pd.DataFrame:
    numeric = table.select_dtypes("number")
    keep = [c for c in numeric.columns if not any(word in c for word in LEFT_OUT) and c not in COUNTS]
    chosen = numeric[keep]
    # A share of nothing is undefined: the column's mean, as the comparison does.
    chosen = chosen.fillna(chosen.mean()).fillna(0.0)
    return chosen.loc[:, chosen.std() > 0]


def probe(dir: Path, folds: int, only: tuple[str, ...] = (), without: tuple[str, ...] = ()) -> dict:
    table = read(dir, "article_features")
    stories = read(dir, "articles").set_index("article")["story"].astype(str)
    table = table[table["article"].map(stories).fillna("") != ""]
    groups = table["article"].map(stories).to_numpy()
    outlets = table["outlet"].to_numpy()
    x = features(table)
    chosen = [c for c in x.columns if (not only or c.startswith(only)) and not (without and c.startswith(without))]
    x = x[chosen]
    folds = min(folds, len(set(groups)))
    if folds < 2 or len(set(outlets)) < 2:
        sys.exit("outlet-probe: needs at least two stories and two outlets")
    predicted = np.empty(len(outlets), dtype=object)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=2000))
    for train, test in GroupKFold(n_splits=folds).split(x, outlets, groups):
        model.fit(x.iloc[train], outlets[train])
        predicted[test] = model.predict(x.iloc[test])
    model.fit(x, outlets)
    weights = np.abs(model[-1].coef_).max(axis=0)
    top = [x.columns[i] for i in np.argsort(-weights)[:10]]
    return {
        "articles": len(outlets),
        "outlets": sorted(set(outlets)),
        "stories": len(set(groups)),
        "folds": folds,
        "features": x.shape[1],
        "balanced_accuracy": round(float(balanced_accuracy_score(outlets, predicted)), 3),
        "chance": round(1 / len(set(outlets)), 3),
        "top_features": top,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="a folder framelens extract or report wrote")
    parser.add_argument("--folds", type=int, default=5, help="folds of whole stories (default 5)")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="keep only columns starting with PREFIX (repeatable), e.g. naming")
    parser.add_argument("--without", action="append", default=[], metavar="PREFIX",
                        help="leave out columns starting with PREFIX (repeatable), e.g. naming_courtesy")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    result = probe(args.dir, args.folds, tuple(args.only), tuple(args.without))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['articles']} articles, {len(result['outlets'])} outlets, {result['stories']} stories, "
          f"{result['features']} features, {result['folds']} folds of whole stories")
    print(f"balanced accuracy {result['balanced_accuracy']:.3f} (chance {result['chance']:.3f})")
    print("weighing most:", ", ".join(result["top_features"]))


if __name__ == "__main__":
    main()
