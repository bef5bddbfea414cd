#!/usr/bin/env python3
"""Near-duplicate detection on planted republications.

Builds a corpus from a JSONL of distinct articles (default: BASIL dev, 180 articles on 60 events,
each event covered by three outlets, so distinct articles share topic, names and quotations). Each
article of a chosen "wire" outlet is republished by 1 to 3 other sites, each copy edited the way
republishers edit: trimmed to its first 60-95% of paragraphs, a headline rewritten, a dateline
and credit line added, site furniture added, one word in 30 replaced. Then runs
`framelens extract` and counts copies found and distinct articles wrongly flagged.

Usage: scripts/eval-copies.py [ARTICLES.jsonl] [--framelens PATH]
"""
import argparse, json, random, subprocess, tempfile, csv, os, sys

p = argparse.ArgumentParser()
p.add_argument("articles", nargs="?", default="../shared/datasets/basil-dev/articles.jsonl")
p.add_argument("--framelens", default="target/release/framelens")
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()
rng = random.Random(a.seed)
rows = [json.loads(line) for line in open(a.articles, encoding="utf-8")]
outlets = sorted({r["outlet"] for r in rows})
wire = outlets[0]
sites = ["Site %02d" % i for i in range(12)]
vocab = [w for r in rows for w in r["text"].split() if w.isalpha() and len(w) > 3]

corpus, truth = [], {}
for r in rows:
    corpus.append(dict(r))
for r in rows:
    if r["outlet"] != wire:
        continue
    for n in range(rng.randint(1, 3)):
        paras = [x for x in r["text"].split("\n") if x.strip()]
        keep = max(1, int(len(paras) * rng.uniform(0.6, 0.95)))
        body = paras[:keep]
        words = " ".join(body).split(" ")
        for i in range(rng.randrange(30), len(words), 30):
            words[i] = rng.choice(vocab)
        text = "\n\n".join(
            [f"{r['title']} | {rng.choice(['Update', 'Breaking', 'World'])}", f"({wire}) —"]
            + [" ".join(words)]
            + ["Read more: " + rng.choice(rows)["title"], "Share this article", f"Copyright {wire}. All rights reserved."]
        )
        cid = f"{r['id']}-copy{n}"
        corpus.append({"id": cid, "outlet": rng.choice(sites), "story": r["story"], "title": r["title"], "text": text})
        truth[cid] = r["id"]

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "corpus.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in corpus:
            f.write(json.dumps(r) + "\n")
    out = os.path.join(tmp, "out")
    subprocess.run([a.framelens, "extract", path, "--out", out, "-q", "--formats", "csv"], check=True)
    flagged = {row["article"]: row["copy_of"] for row in csv.DictReader(open(os.path.join(out, "duplicates.csv")))}

copies = len(truth)
found = sum(1 for c, o in truth.items() if c in flagged)
# a copy may name another copy's original or an earlier copy of the same original: both are right
distinct = [r["id"] for r in rows if r["outlet"] != wire] + [r["id"] for r in rows if r["outlet"] == wire]
wrong = [d for d in distinct if d in flagged]
print(f"articles {len(corpus)}: {len(rows)} distinct, {copies} planted copies")
print(f"copies flagged: {found}/{copies} = {found / copies:.1%}")
print(f"distinct articles flagged wrongly: {len(wrong)}/{len(distinct)} = {len(wrong) / len(distinct):.1%}")
