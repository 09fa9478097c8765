"""Building-block advice in the chat: a described service followed by "Which building blocks do we need?", or inside
that asking sentence.

    python bench/bench_chat_advice.py --index data/index

Asks each description of the advisor's development pool (usecases_dev.jsonl) and the novel set through `ask`, reads
the blocks the answer lists, and prints how often they are exactly the `suggest` selection, their set F1 against the
labels (the advisor's own figure beside it) and the chat latency. The test sets stay with `bench_suggest.py`.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import index_option, open_assistant  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    index_option(ap)
    asst = open_assistant(ap.parse_args().index)
    from assistant import registry
    from evals import gold, metrics

    asst.warm_advisor()
    names = {registry.name_of(b): b for b in registry.bb_ids()}
    items = gold.load_dev_use_cases() + gold.load_novel_use_cases()
    # two ways of asking: the description, then "Which building blocks do we need?"; and the description inside the
    # asking sentence ("Which building blocks would we need for a service where farmers register …?")
    phrasings = {
        "asked after it": lambda d: d + ("" if d.endswith((".", "!", "?")) else ".") + " Which building blocks do we need?",
        "inside the asking sentence": lambda d: "Which building blocks would we need for a service where "
                                                + d[0].lower() + d[1:].rstrip(".!?") + "?",
    }
    sel_of = {it["id"]: set(asst.suggest(it["description"].strip()).selected) for it in items}
    print(f"descriptions asked in the chat: {len(items)}")
    for label, ask in phrasings.items():
        same = advised = 0
        f_chat, f_sug, ms = [], [], []
        for it in items:
            d = it["description"].strip()
            t = time.perf_counter()
            ans = asst.ask(ask(d))
            ms.append((time.perf_counter() - t) * 1000)
            chat = {names[n] for n in re.findall(r"^- \*\*(.+?)\*\* — ", ans.text, re.M) if n in names}
            advised += bool(chat)
            sel = sel_of[it["id"]]
            same += chat == sel
            skip = set(it.get("unlabelled", []))
            want = set(it["expected"]) - skip
            f_chat.append(metrics.set_f1(chat - skip, want))
            f_sug.append(metrics.set_f1(sel - skip, want))
        n = len(items)
        print(f"{label}: answered with the advisor's list {advised}/{n}; list identical to `suggest` {same}/{n}; "
              f"set F1 of the chat's list {statistics.mean(f_chat):.3f} (suggest {statistics.mean(f_sug):.3f}); "
              f"chat latency p50 {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms")


if __name__ == "__main__":
    main()
