#!/usr/bin/env bash
# How the shipped cue model's threshold was chosen: cross-fitting on PolNeAR train alone.
# Train's articles (sorted by name) are split into two halves, alternately; a model trained on
# each half finds attributions in the other at each threshold, and the two halves' counts are
# summed into one F1 (overlap 0.3). Needs ../shared/datasets/polnear and a release build:
#   cargo build --release && models/crossfit-threshold.sh
set -euo pipefail
FRAMELENS=${FRAMELENS:-./target/release/framelens}
TRAIN=${TRAIN:-../shared/datasets/polnear/train}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for half in a b; do mkdir -p "$work/$half/text" "$work/$half/ann"; done
i=0
for text in $(ls "$TRAIN"/text/*.txt | sort); do
  half=$([ $((i % 2)) -eq 0 ] && echo a || echo b)
  name=$(basename "$text" .txt)
  ln -s "$(realpath "$text")" "$work/$half/text/"
  for ann in "$TRAIN"/attributions/"${name}"_*.ann; do ln -s "$(realpath "$ann")" "$work/$half/ann/"; done
  i=$((i + 1))
done
for half in a b; do
  "$FRAMELENS" train cues --gold "$work/$half/ann" --texts "$work/$half/text" --out "$work/model_$half.tsv" 2>/dev/null
done
echo "threshold predicted gold matched F1"
for threshold in 0 -0.5 -1 -1.5 -2 -2.5 -3 -3.5 -4; do
  counts=""
  for half in a b; do
    other=$([ "$half" = a ] && echo b || echo a)
    counts="$counts $("$FRAMELENS" eval attributions --gold "$work/$other/ann" --texts "$work/$other/text" \
      --learned-cues --cue-model "$work/model_$half.tsv" --cue-threshold="$threshold" --json 2>/dev/null |
      python3 -c 'import json, sys; c = json.load(sys.stdin)[0]["all"]["counts"]; print(c["predicted"], c["gold"], c["matched"])')"
  done
  echo "$threshold $counts" | python3 -c '
import sys
t, *v = sys.stdin.read().split()
p, g, m = (int(v[k]) + int(v[k + 3]) for k in range(3))
print(t, p, g, m, "%.4f" % (2 * m / (p + g)))'
done
