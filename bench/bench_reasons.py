"""Which key functionality a suggestion's reason quotes: is it one that explains the need?

    python bench/bench_reasons.py --index data/index [--errors]

Gold: `evals/gold/reason_functionalities.jsonl` — 207 (need, building block) pairs, taken from the reasons the
suggester gave for the dev descriptions (usecases_dev, usecases_novel, usecases_short_dev; 14 per block at most),
each labelled by a writer who saw no code with every key functionality of that block (the headings of its
"Key Digital Functionalities" page, "(description)" for its description) that explains the need, and the best
one. 28 pairs got none (the need does not call for that block, or no functionality of it is about the need);
they are counted apart, as the share of reasons given for a need the block does not serve.

Sentences (`evals/gold/reason_sentences.jsonl`, 164 of those needs): every sentence of the functionality the reason
quoted when the file was written, graded by a second writer who saw no code as a quote after "<block>: <functionality> —":
2 = says what the block does for this need, 1 = weak (vague, partial, or needs the text around it), 0 = no reason for
it (another subject, or generic: "It conforms to OGC and ISO standards."). The bench prints the grades of the sentences
quoted now, where the quoted functionality is still the graded one, next to the best grade on offer.

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
SENTENCES = ROOT / "evals" / "gold" / "reason_sentences.jsonl"


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
    sentence_grades(sug)


def sentence_grades(sug) -> None:
    """Grades of the quoted sentences (reason_sentences.jsonl), against the best sentence of the same functionality."""
    rows = [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    quoted, best = [], []
    for r in rows:
        f = sug.functionality_for(r["need"], r["bb"])
        grades = {s["text"]: s["grade"] for s in r["sentences"]}
        if f is None or (f.label or "(description)") != r["functionality"] or f.text not in grades:
            continue  # the reason quotes another functionality now: its sentences were not graded
        quoted.append(grades[f.text])
        best.append(max(grades.values()))
    if not quoted:
        print("quoted sentences: none of the graded functionalities is quoted now")
        return

    def shares(g: list[int]) -> str:
        return (f"mean grade {sum(g) / len(g):.3f}, good (2) {sum(x == 2 for x in g) / len(g):.3f}, "
                f"no reason (0) {sum(x == 0 for x in g) / len(g):.3f}")
    print(f"quoted sentences ({len(quoted)} of {len(rows)} graded needs): {shares(quoted)}")
    print(f"best sentence of the same functionality:   {shares(best)}")


if __name__ == "__main__":
    main()
