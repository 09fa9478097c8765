"""Question-answering latency: warm p50/p95 per question (offline answerer) and a one-shot CLI `ask`.

    python bench/bench_ask.py --index data/index [--n 100]

Questions come from evals/gold/qa.jsonl (single-turn items), so the mix matches real use.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import index_option, open_assistant  # noqa: E402


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    index_option(ap)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--cold", action="store_true",
                    help="skip the server's warm-up (Assistant.warm_answers): each question embeds its passages' sentences")
    a = ap.parse_args()
    t = time.perf_counter()
    asst = open_assistant(a.index)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    warmed = 0 if a.cold else asst.warm_answers()  # as a server does in its start-up thread
    warm_s = time.perf_counter() - t
    qs = [json.loads(l).get("question") for l in (ROOT / "evals/gold/qa.jsonl").read_text().splitlines()]
    qs = [q for q in qs if q][: a.n]
    asst.ask(qs[0])  # warm-up
    lat, ret, ans = [], [], []
    for q in qs:
        r = asst.ask(q)
        lat.append(r.timings_ms["total"]); ret.append(r.timings_ms["retrieve"]); ans.append(r.timings_ms["answer"])
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "ask", "--index", a.index, "What is a consent record?"],
                   capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    cli_s = time.perf_counter() - t
    print(f"questions: {len(qs)}   index load + model: {load_s:.1f} s   warm-up: {warmed} sentence vectors in {warm_s:.1f} s")
    print(f"total    p50 {statistics.median(lat):6.1f} ms   p95 {pct(lat, 95):6.1f} ms   (targets 150 / 400)")
    print(f"retrieve p50 {statistics.median(ret):6.1f} ms   p95 {pct(ret, 95):6.1f} ms")
    print(f"answer   p50 {statistics.median(ans):6.1f} ms   p95 {pct(ans, 95):6.1f} ms")
    print(f"one-shot `govstack-assistant ask` incl. model load: {cli_s:.1f} s   (target 10 s)")


if __name__ == "__main__":
    main()
