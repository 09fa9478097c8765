"""Which key functionality a suggestion's reason quotes: is it one that explains the need?

    python bench/bench_reasons.py --index data/index [--errors]

Gold: `evals/gold/reason_functionalities.jsonl` — 207 (need, building block) pairs, taken from the reasons the
suggester gave for the dev descriptions (usecases_dev, usecases_novel, usecases_short_dev; 14 per block at most),
each labelled by a writer who saw no code with every key functionality of that block (the headings of its
"Key Digital Functionalities" page, "(description)" for its description) that explains the need, and the best
one. 28 pairs got none (the need does not call for that block, or no functionality of it is about the need);
they are counted apart, as the share of reasons given for a need the block does not serve.

Prints: the share of the 179 labelled pairs whose quoted functionality is a good one, and the share where it is the
best one; then the same with the sentence similarity alone (REASON_NAME_WEIGHT = 0) for comparison. The labels
name the headings of the `latest` release: after a spec update renames a heading, its pairs count as wrong
until the gold is relabelled.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import index_option, open_assistant  # noqa: E402

GOLD = ROOT / "evals" / "gold" / "reason_functionalities.jsonl"


def score(sug, items: list[dict], show_errors: bool = False) -> tuple[float, float]:
    good = best = 0
    for it in items:
        f = sug.functionality_for(it["need"], it["bb"])
        label = (f.label or "(description)") if f else None
        good += label in it["good"]
        best += label == it["best"]
        if show_errors and label not in it["good"]:
            print(f"  {it['id']} {it['bb']:20} {it['need'][:70]!r:72} quoted: {label} | good: {', '.join(it['good'])}")
    return good / len(items), best / len(items)


def main() -> None:
    ap = argparse.ArgumentParser()
    index_option(ap)
    ap.add_argument("--errors", action="store_true", help="list the pairs whose quoted functionality is not a good one")
    args = ap.parse_args()
    from assistant import suggest as S

    sug = S.Suggester(open_assistant(args.index))
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [r for r in rows if r["good"]]
    print(f"{len(rows)} pairs, {len(items)} with a functionality that explains the need, "
          f"{len(rows) - len(items)} ({(len(rows) - len(items)) / len(rows):.3f}) where none does")
    g, b = score(sug, items, args.errors)
    print(f"quoted functionality good: {g:.3f}  best: {b:.3f}   (REASON_NAME_WEIGHT {S.REASON_NAME_WEIGHT})")
    shipped = S.REASON_NAME_WEIGHT
    try:
        S.REASON_NAME_WEIGHT = 0.0
        g0, b0 = score(sug, items)
    finally:
        S.REASON_NAME_WEIGHT = shipped
    print(f"sentence similarity alone: good {g0:.3f}  best: {b0:.3f}")


if __name__ == "__main__":
    main()
