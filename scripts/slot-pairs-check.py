#!/usr/bin/env python3
"""How many of `lexicon suggest`'s groups of alternatives pair two labels of one annotated
concept, against NewsWCL50's word-choice annotations. Standard library only.

    framelens lexicon suggest ../shared/datasets/newswcl50 --out /tmp/wcl
    python3 scripts/slot-pairs-check.py /tmp/wcl/slot_groups.csv \\
        ../shared/datasets/newswcl50/annotations.csv

A member matches an annotated mention when the two are equal after lower-casing and trimming a
leading determiner and surrounding punctuation (terms are as `suggest` writes them, so an
inflected form the annotators did not write counts as no match: the share is a lower bound).
Prints every group's first two members, marked `+` when some annotated concept holds both, and
the counts.
"""

import argparse
import collections
import csv
import re

DETERMINER = re.compile(r"^(the|a|an|this|that|these|those|his|her|its|their|our)\s+")


def annotated_concepts(path):
    """Mention text -> the concepts it was annotated as."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows and rows[0] and rows[0][0].startswith("sep="):
        rows = rows[1:]
    header, data = rows[0], rows[1:]
    concepts = collections.defaultdict(set)
    for values in data:
        row = dict(zip(header, values))
        mention = DETERMINER.sub("", row["code_mention"].lower().strip()).strip(" .,\"'")
        concepts[mention].add(row["code_name"])
    return concepts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("slot_groups", help="slot_groups.csv written by framelens lexicon suggest")
    parser.add_argument("annotations", help="NewsWCL50 annotations.csv")
    args = parser.parse_args()
    concepts = annotated_concepts(args.annotations)
    groups = collections.OrderedDict()
    with open(args.slot_groups, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups.setdefault(row["group"], []).append(row["term"])
    same = 0
    for members in groups.values():
        a, b = members[0], members[1]
        hit = bool(concepts.get(a, set()) & concepts.get(b, set()))
        same += hit
        print(("+ " if hit else "  ") + f"{a} / {b}")
    print(f"{len(groups)} groups; {same} pair two labels of one annotated concept")


if __name__ == "__main__":
    main()
