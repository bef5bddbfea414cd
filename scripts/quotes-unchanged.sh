#!/usr/bin/env bash
# Check that attribution output is unchanged against a baseline binary: the `quotes` rows of the
# example corpus and of PolNeAR train and dev (rules alone and with --learned-cues) must be
# byte-identical, apart from columns that the newer binary adds (compared by the baseline's header).
# Both binaries run with the same lexicons (the iraq-2020 story named), so that only attribution
# changes show, not which story lexicon a binary would choose.
#
#   scripts/quotes-unchanged.sh BASELINE_BINARY [CANDIDATE_BINARY] [POLNEAR_DIR]
#
# BASELINE_BINARY is a framelens built from the commit to compare against, for example:
#   git worktree add /tmp/base REV && cargo build --manifest-path /tmp/base/Cargo.toml \
#     --target-dir target && cp target/debug/framelens /tmp/framelens-base && cargo build
# CANDIDATE_BINARY defaults to target/debug/framelens; POLNEAR_DIR to ../shared/datasets/polnear.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/quotes-unchanged.sh BASELINE_BINARY [CANDIDATE_BINARY] [POLNEAR_DIR]}
cand=${2:-target/debug/framelens}
polnear=${3:-../shared/datasets/polnear}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(corpora/iraq-2020)
for split in dev train; do
  if [ -d "$polnear/$split/text" ]; then inputs+=("$polnear/$split/text"); fi
done
status=0
for input in "${inputs[@]}"; do
  for flags in "" "--learned-cues"; do
    "$base" quotes "$input" --story-lexicon iraq-2020 $flags > "$work/base.csv"
    "$cand" quotes "$input" --story-lexicon iraq-2020 $flags > "$work/cand.csv"
    # Keep only the baseline's columns, in its order, from the candidate's rows.
    if python3 - "$work/base.csv" "$work/cand.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline='') as f:
    base = list(csv.reader(f))
with open(sys.argv[2], newline='') as f:
    cand = list(csv.reader(f))
header = base[0]
index = [cand[0].index(name) for name in header]
projected = [[row[i] for i in index] for row in cand]
if projected != base:
    for n, (a, b) in enumerate(zip(base, projected)):
        if a != b:
            print(f"  first difference at row {n}:\n    baseline:  {a}\n    candidate: {b}")
            break
    print(f"  rows: baseline {len(base) - 1}, candidate {len(cand) - 1}")
    sys.exit(1)
PY
    then
      echo "same: $input ${flags:-(rules)} ($(($(wc -l < "$work/base.csv") - 1)) rows)"
    else
      echo "DIFFERENT: $input ${flags:-(rules)}"; status=1
    fi
  done
done
exit $status
