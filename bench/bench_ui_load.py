"""Load on the web app: N simulated users at once over loopback, through Gradio's own client; p50/p95 and errors.

    python bench/bench_ui_load.py --index data/index                 # starts the app in-process, 8 users
    python bench/bench_ui_load.py --users 16 --rounds 6 --json
    python bench/bench_ui_load.py --url http://127.0.0.1:7860/       # an app already running (loopback only)

Each user opens its own client (its own session, as a browser tab would) and repeats a visit: a question, a
follow-up in the same conversation, a glossary search, and every other round a building-block suggestion.
The load is bounded (users × rounds visits) and never leaves 127.0.0.1. A baseline with one user is
measured first, so the numbers say what concurrency costs.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUESTIONS = [
    "What does the Consent building block do?",
    "Which endpoint do I call to revoke consent?",
    "What is a voucher in the Payments building block?",
    "How does the Information Mediator secure data exchange?",
    "What is a consent record?",
    "What are the key digital functionalities of the Scheduler?",
    "What is the SDG Digital Investment Framework?",
    "Which standards must every building block use?",
]
FOLLOW_UPS = ["Which APIs does it expose?", "And what data does it store?", "Who uses it?"]
GLOSSARY = ["consent", "token", "registry", "voucher", "api", "workflow"]
DESCRIPTIONS = [
    "Citizens book an appointment at the passport office, pay the fee online and get an SMS reminder.",
    "Farmers register with their national ID, receive SMS advice and are paid subsidies by mobile money.",
    "A ministry publishes tenders, suppliers submit signed bids and the winner is paid after delivery.",
]


def percentile(xs: list[float], q: float) -> float | None:
    """Linear-interpolated percentile (same convention as the eval reports)."""
    if not xs:
        return None
    s = sorted(xs)
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(index: Path, concurrency: int | None) -> tuple[str, object]:
    from assistant.config import Settings
    from assistant.service import Assistant
    from ui.app import DEFAULT_CONCURRENCY, create_app, launch

    settings = Settings.from_env(index_dir=index)
    t = time.perf_counter()
    a = Assistant(settings)
    print(f"loaded the index in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    demo = create_app(a, settings, concurrency=concurrency or DEFAULT_CONCURRENCY)
    port = _free_port()
    launch(demo, port=port, prevent_thread_lock=True, quiet=True)
    return f"http://127.0.0.1:{port}/", demo


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows: list[tuple[str, float, str | None]] = []

    def timed(self, kind: str, fn, check=None):
        t = time.perf_counter()
        err = None
        try:
            out = fn()
            if check is not None and not check(out):
                err = "unexpected output"
        except Exception as e:  # an error is a result of the benchmark, not a crash of it
            err = f"{type(e).__name__}: {str(e)[:160]}"
        with self.lock:
            self.rows.append((kind, (time.perf_counter() - t) * 1000, err))


def _answer_text(chat) -> str:
    if not chat:
        return ""
    c = chat[-1].get("content")
    if isinstance(c, list):
        return " ".join(str(x.get("text", "")) if isinstance(x, dict) else str(x) for x in c)
    return str(c)


def user(url: str, uid: int, rounds: int, rec: Recorder, think: float, suggest_every: int) -> None:
    from gradio_client import Client

    c = Client(url, verbose=False)
    for r in range(rounds):
        q = QUESTIONS[(uid + r) % len(QUESTIONS)]
        rec.timed("ask", lambda: c.predict(q, "latest", [], api_name="/ask"),
                  lambda out: "gs-src" in out[1] or "does not cover" in _answer_text(out[0]))
        # a follow-up in the same session: the server keeps this user's conversation (gr.State)
        fu = FOLLOW_UPS[(uid + r) % len(FOLLOW_UPS)]
        rec.timed("follow-up", lambda: c.predict(fu, "latest", [], api_name="/ask"), lambda out: bool(out[0]))
        rec.timed("glossary", lambda: c.predict(GLOSSARY[(uid + r) % len(GLOSSARY)], "", api_name="/glossary"),
                  lambda out: "gs-glossary" in out or "No term" in out)
        if suggest_every and r % suggest_every == 0:
            d = DESCRIPTIONS[(uid + r) % len(DESCRIPTIONS)]
            rec.timed("suggest", lambda: c.predict(d, api_name="/suggest"), lambda out: "gs-bb-table" in out[1])
        if think:
            time.sleep(think)


def run(url: str, users: int, rounds: int, think: float, suggest_every: int) -> dict:
    rec = Recorder()
    t = time.perf_counter()
    with ThreadPoolExecutor(users) as ex:
        futs = [ex.submit(user, url, i, rounds, rec, think, suggest_every) for i in range(users)]
        for f in futs:
            f.result()
    wall = time.perf_counter() - t
    out: dict = {"users": users, "rounds": rounds, "requests": len(rec.rows), "wall_s": round(wall, 2),
                 "throughput_rps": round(len(rec.rows) / wall, 2) if wall else None, "kinds": {}}
    kinds = sorted({k for k, _, _ in rec.rows}) + ["all"]
    for k in kinds:
        rows = [r for r in rec.rows if k == "all" or r[0] == k]
        ok = [ms for _, ms, e in rows if e is None]
        errs = [e for _, _, e in rows if e is not None]
        out["kinds"][k] = {"n": len(rows), "errors": len(errs), "p50_ms": _r(percentile(ok, 50)),
                           "p95_ms": _r(percentile(ok, 95)), "max_ms": _r(max(ok) if ok else None),
                           "mean_ms": _r(statistics.fmean(ok) if ok else None), "first_errors": errs[:3]}
    return out


def _r(x):
    return None if x is None else round(x, 1)


def print_table(res: dict) -> None:
    print(f"\n{res['users']} user(s) × {res['rounds']} rounds: {res['requests']} requests in {res['wall_s']} s "
          f"({res['throughput_rps']} req/s)")
    print(f"  {'request':<10} {'n':>4} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for k, v in res["kinds"].items():
        print(f"  {k:<10} {v['n']:>4} {v['errors']:>6} {v['p50_ms'] or '—':>8} {v['p95_ms'] or '—':>8} {v['max_ms'] or '—':>8}")
        for e in v["first_errors"]:
            print(f"      error: {e}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--index", default=os.environ.get("GOVSTACK_INDEX_DIR", "data/index"), help="index folder (default data/index)")
    p.add_argument("--url", help="an app already running on this machine (loopback only); default: start one in-process")
    p.add_argument("--users", type=int, default=8, help="simulated users at once (default 8)")
    p.add_argument("--rounds", type=int, default=5, help="visits per user (default 5)")
    p.add_argument("--think", type=float, default=0.0, help="seconds a user waits between visits (default 0: worst case)")
    p.add_argument("--suggest-every", type=int, default=2, help="a suggestion every N visits (0: none)")
    p.add_argument("--concurrency", type=int, help="the app's concurrency limit when started here (default 8)")
    p.add_argument("--no-baseline", action="store_true", help="skip the one-user baseline")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    args = p.parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    demo = None
    if args.url:
        host = urlparse(args.url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            print("error: --url must be a loopback address (this benchmark never loads other machines)", file=sys.stderr)
            return 2
        url = args.url
    else:
        if not (Path(args.index) / "chroma.sqlite3").exists():
            print(f"error: no index at {args.index}: build it with `govstack-assistant ingest --index {args.index}`", file=sys.stderr)
            return 2
        url, demo = start_app(Path(args.index), args.concurrency)
    try:
        # warm-up: first calls load the suggester and fill caches; not measured
        warm = Recorder()
        user(url, 0, 1, warm, 0.0, 1)
        results = {}
        if not args.no_baseline:
            results["baseline"] = run(url, 1, max(2, args.rounds // 2), args.think, args.suggest_every)
        results["load"] = run(url, args.users, args.rounds, args.think, args.suggest_every)
    finally:
        if demo is not None:
            demo.close()
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for v in results.values():
            print_table(v)
        tot = results["load"]["kinds"]["all"]
        print(f"\nat {args.users} concurrent users: p50 {tot['p50_ms']} ms, p95 {tot['p95_ms']} ms, "
              f"{tot['errors']} errors of {tot['n']} requests")
    return 1 if results["load"]["kinds"]["all"]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
