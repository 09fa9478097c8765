"""HTTP load: ≥ 50 concurrent clients for ≥ 60 s against `govstack-assistant serve` on loopback.

    cp -r data/index /tmp/http-idx          # never load-test the index you ingest into
    python bench/bench_http_load.py --index /tmp/http-idx [--clients 50] [--duration 60] [--workers 2] [--json out.json]

Starts the server as a child process (127.0.0.1 only, a free port), waits until every worker has loaded the index,
then runs `--clients` concurrent keep-alive clients (httpx, asyncio) for `--duration` seconds (or until
`--max-requests`): a mix of POST /ask with the questions of evals/gold/qa.jsonl (multi-turn items are sent with their
history) and GET /health. Reports errors, p50/p95/p99 latency per endpoint, throughput, and the RSS of the server
processes sampled every second (memory must stay bounded: the last third of the run vs the first third).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_CLIENTS, MAX_DURATION_S, MAX_REQUESTS = 500, 900, 1_000_000  # hard bounds, whatever the flags say


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


# ----- the server's memory, from /proc (no psutil dependency) ------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def process_tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.append(p)
            todo += _children(p)
    return seen


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def system_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        vals = [int(x) for x in f.readline().split()[1:]]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
    tck = os.sysconf("SC_CLK_TCK")
    return (sum(vals[:8]) - idle) / tck, sum(vals[:8]) / tck


def system_busy_cores(start: tuple[float, float], elapsed: float) -> float:
    busy0, _ = start
    busy1, _ = system_cpu()
    return (busy1 - busy0) / max(elapsed, 1e-9)


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class RssSampler(threading.Thread):
    """Samples the RSS of every process in the server's tree (the supervisor and its workers) every `every` s."""

    def __init__(self, pid: int, every: float = 1.0):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, dict[int, float]]] = []
        self.cpu: dict[int, tuple[float, float]] = {}  # pid → (first, last) CPU seconds seen
        self._halt = threading.Event()

    def run(self):
        t0 = time.time()
        while not self._halt.is_set():
            tree = [p for p in process_tree(self.pid) if "multiprocessing.resource_tracker" not in cmdline(p)]
            self.samples.append((time.time() - t0, {p: rss_mb(p) for p in tree}))
            for p in tree:
                c = cpu_s(p)
                self.cpu[p] = (self.cpu.get(p, (c, c))[0], c)
            self._halt.wait(self.every)

    def stop(self):
        self._halt.set()
        if self.is_alive():
            self.join(5)


# ----- the workload ---------------------------------------------------------------------------------------
def load_requests(path: Path) -> list[dict]:
    """POST /ask bodies from the gold set: single questions, and the last turn of multi-turn items with history."""
    bodies = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        it = json.loads(line)
        if it.get("question"):
            bodies.append({"question": it["question"]})
        elif it.get("turns"):
            turns = [str(t) for t in it["turns"]]
            hist = []
            for t in turns[:-1]:
                hist += [{"role": "user", "content": t}, {"role": "assistant", "content": "(earlier answer)"}]
            bodies.append({"question": turns[-1], "history": hist})
    return bodies


async def run_clients(base: str, bodies: list[dict], clients: int, duration: float, max_requests: int,
                      health_share: float, seed: int, token: str | None):
    import httpx

    results: list[tuple[str, float, int, float]] = []  # (endpoint, latency s, status or -1, t since start)
    errors: Counter = Counter()
    examples: dict[str, str] = {}
    rnd = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    t_start = time.perf_counter()
    deadline = t_start + duration
    sent = 0

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=httpx.Timeout(120.0), headers=headers) as c:
        async def one_client(i: int):
            nonlocal sent
            r = random.Random(rnd.random() + i)
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                health = r.random() < health_share
                t = time.perf_counter()
                try:
                    if health:
                        resp = await c.get("/health")
                    else:
                        resp = await c.post("/ask", json=r.choice(bodies))
                    lat = time.perf_counter() - t
                    ok = resp.status_code == 200 and (health or "answer" in resp.json())
                    status = resp.status_code
                    if not ok:
                        key = f"{'/health' if health else '/ask'} HTTP {resp.status_code}"
                        errors[key] += 1
                        examples.setdefault(key, resp.text[:300])
                except Exception as e:  # a refused or dropped connection is an error too
                    lat, status = time.perf_counter() - t, -1
                    key = f"{'/health' if health else '/ask'} {type(e).__name__}"
                    errors[key] += 1
                    examples.setdefault(key, str(e)[:300])
                results.append(("/health" if health else "/ask", lat, status, t - t_start))

        await asyncio.gather(*[one_client(i) for i in range(clients)])
    return results, errors, examples, time.perf_counter() - t_start


# ----- the server ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(args.workers), "--no-access-log", "--log-level", "warning"]
    if args.chroma_url:
        cmd += ["--chroma-url", args.chroma_url]
    else:
        cmd += ["--index", str(args.index)]
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_ready(base: str, proc: subprocess.Popen, workers: int, timeout: float, token: str | None) -> float:
    """Until /health is 200 on many fresh connections in a row (the kernel spreads them over the workers)."""
    import httpx

    t0 = time.time()
    need = max(10, 8 * workers)
    streak = 0
    while time.time() - t0 < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            r = httpx.get(base + "/health", timeout=5)  # a new connection each time
            streak = streak + 1 if r.status_code == 200 else 0
        except httpx.HTTPError:
            streak = 0
        if streak >= need:
            return time.time() - t0
        time.sleep(0.05 if streak else 0.5)
    raise SystemExit(f"server not ready after {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # our own session: the supervisor and its workers, nothing else
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


# ----- report ----------------------------------------------------------------------------------------------
def summarise(results, errors, examples, elapsed, sampler: RssSampler, args, ready_s: float, client_cpu_s: float,
              sys_busy: float) -> dict:
    by: dict[str, list[float]] = defaultdict(list)
    for ep, lat, status, _ in results:
        if status == 200:
            by[ep].append(lat * 1000)
    allok = [x for v in by.values() for x in v]
    lat = {ep: {"n": len(v), "p50": round(pct(v, 50), 1), "p95": round(pct(v, 95), 1), "p99": round(pct(v, 99), 1),
                "max": round(max(v), 1)} for ep, v in sorted(by.items())}
    lat["all"] = {"n": len(allok), "p50": round(pct(allok, 50), 1), "p95": round(pct(allok, 95), 1),
                  "p99": round(pct(allok, 99), 1), "max": round(max(allok), 1) if allok else None}
    # memory: per process, over the run; bounded = the last third is not above the first third by > 10 %
    samples = sampler.samples
    procs = sorted({p for _, d in samples for p in d})
    per_proc = {}
    for p in procs:
        series = [d[p] for _, d in samples if p in d and d[p] > 0]
        if series:
            third = max(1, len(series) // 3)
            role = ("supervisor" if args.workers > 1 else "server") if p == sampler.pid else "worker"
            per_proc[str(p)] = {"role": role,
                                "start_mb": round(series[0]), "max_mb": round(max(series)), "end_mb": round(series[-1]),
                                "first_third_mean_mb": round(sum(series[:third]) / third),
                                "last_third_mean_mb": round(sum(series[-third:]) / third)}
    totals = [sum(d.values()) for _, d in samples]
    n = len(results)
    n_err = sum(errors.values())
    span = samples[-1][0] - samples[0][0] if len(samples) > 1 else elapsed
    server_cores = sum(last - first for first, last in sampler.cpu.values()) / max(span, 1e-9)
    ask_n = sum(1 for r in results if r[0] == "/ask")
    first = sum(v["first_third_mean_mb"] for v in per_proc.values())
    last = sum(v["last_third_mean_mb"] for v in per_proc.values())
    return {
        "config": {"clients": args.clients, "duration_s": args.duration, "workers": args.workers,
                   "health_share": args.health_share, "index": str(args.index), "chroma_url": args.chroma_url,
                   "cpus": os.cpu_count(), "ready_s": round(ready_s, 1)},
        "requests": n, "ok": n - n_err, "errors": n_err, "error_kinds": dict(errors), "error_examples": examples,
        "elapsed_s": round(elapsed, 1),
        "throughput_rps": round(n / elapsed, 1), "ask_rps": round(ask_n / elapsed, 1),
        "latency_ms": lat,
        "server_cpu_ms_per_request": round(server_cores * span / max(n, 1) * 1000, 1),
        "cpu_cores_used": {"server": round(server_cores, 2), "load_generator": round(client_cpu_s / elapsed, 2),
                           "whole_machine": round(sys_busy, 2),
                           "other_processes": round(max(0.0, sys_busy - server_cores - client_cpu_s / elapsed), 2)},
        "rss_mb": {"processes": per_proc, "total_max": round(max(totals)) if totals else None,
                   "total_end": round(totals[-1]) if totals else None, "samples": len(samples),
                   "bounded": bool(per_proc) and last <= first * 1.10 + 50},
    }


def print_report(rep: dict) -> None:
    c = rep["config"]
    print(f"\nHTTP load: {c['clients']} clients × {rep['elapsed_s']} s, {c['workers']} worker(s) on {c['cpus']} CPUs "
          f"(ready after {c['ready_s']} s), /health share {c['health_share']:.0%}")
    print(f"  requests {rep['requests']}  ok {rep['ok']}  errors {rep['errors']}"
          + (f"  {rep['error_kinds']}" if rep["errors"] else ""))
    print(f"  throughput {rep['throughput_rps']} req/s  (/ask {rep['ask_rps']} req/s)")
    cu = rep["cpu_cores_used"]
    print(f"  CPU cores busy: server {cu['server']}, load generator {cu['load_generator']}, "
          f"other processes {cu['other_processes']} (whole machine {cu['whole_machine']} of {c['cpus']}); "
          f"server CPU per request {rep['server_cpu_ms_per_request']} ms")
    print(f"  {'endpoint':10} {'n':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for ep, v in rep["latency_ms"].items():
        print(f"  {ep:10} {v['n']:>7} {v['p50']:>8} {v['p95']:>8} {v['p99']:>8} {v['max']!s:>8}")
    r = rep["rss_mb"]
    print(f"  RSS (MB, sampled {r['samples']}×): total max {r['total_max']}, end {r['total_end']}; bounded: {r['bounded']}")
    for pid, v in r["processes"].items():
        print(f"    pid {pid:>7} {v['role']:10} start {v['start_mb']:>5}  max {v['max_mb']:>5}  end {v['end_mb']:>5}  "
              f"mean first/last third {v['first_third_mean_mb']}/{v['last_third_mean_mb']}")
    for k, v in rep["error_examples"].items():
        print(f"  e.g. {k}: {v}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", default=os.environ.get("GOVSTACK_INDEX_DIR", "data/index"),
                    help="index folder to serve (use a copy; the server only reads it)")
    ap.add_argument("--chroma-url", help="serve from a Chroma server instead of --index (loopback only)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="uvicorn worker processes")
    ap.add_argument("--health-share", type=float, default=0.2, help="fraction of requests that are GET /health")
    ap.add_argument("--questions", default=str(ROOT / "evals/gold/qa.jsonl"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ready-timeout", type=float, default=300.0)
    ap.add_argument("--json", help="also write the report here")
    args = ap.parse_args()

    args.clients = max(1, min(args.clients, MAX_CLIENTS))
    args.duration = max(1.0, min(args.duration, MAX_DURATION_S))
    args.max_requests = max(1, min(args.max_requests, MAX_REQUESTS))
    if args.chroma_url:
        from urllib.parse import urlparse

        if urlparse(args.chroma_url).hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("--chroma-url must be on loopback: this benchmark never leaves the machine")
    elif not (Path(args.index) / "chroma.sqlite3").is_file():
        raise SystemExit(f"no index at {args.index}: copy one (cp -r data/index /tmp/http-idx) and pass --index")

    bodies = load_requests(Path(args.questions))
    token = os.environ.get("GOVSTACK_API_TOKEN") or None
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(args, port)
    sampler = RssSampler(proc.pid)
    try:
        ready_s = wait_ready(base, proc, args.workers, args.ready_timeout, token)
        sampler.start()
        cpu0, sys0 = time.process_time(), system_cpu()
        results, errors, examples, elapsed = asyncio.run(
            run_clients(base, bodies, args.clients, args.duration, args.max_requests, args.health_share, args.seed, token))
        client_cpu = time.process_time() - cpu0
        sys_busy = system_busy_cores(sys0, elapsed)
    finally:
        try:
            sampler.stop()  # the last sample still sees the workers
        finally:
            stop_server(proc)  # whatever happened, the server never outlives the benchmark
    rep = summarise(results, errors, examples, elapsed, sampler, args, ready_s, client_cpu, sys_busy)
    print_report(rep)
    if args.json:
        Path(args.json).write_text(json.dumps(rep, indent=2))
    return 0 if rep["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
