"""`govstack-assistant eval`: run a suite, write the reports, compare with a baseline, compare two releases."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from evals.suites import SUITES

DEFAULT_REPORT_DIR = Path("evals/reports")
EXIT_REGRESSION = 3  # distinct from 1 (unexpected error) and 2 (a library error, e.g. no index)


def register(sub, common) -> None:
    sp = sub.add_parser("eval", help="evaluate answers and suggestions against the gold sets; write reports",
                        description="Run the gold questions / use cases through the assistant and report metrics. "
                                    "Exit code 3 means --fail-on-regression found a regression.")
    common(sp, llm=True)
    sp.add_argument("--suite", choices=SUITES, default="qa",
                    help="qa: all questions; suggest: use cases; all: both + naive baseline; smoke: the fixed CI subset")
    sp.add_argument("--release", help="release to evaluate (default latest)")
    sp.add_argument("--corpus", help="corpus snapshot (default GOVSTACK_CORPUS or ../shared/govstack-corpus); "
                                     "needed for citation validity, product use cases, the naive baseline and --compare-releases")
    sp.add_argument("--report", default=str(DEFAULT_REPORT_DIR), metavar="DIR",
                    help="where results JSON, Markdown and HTML reports go (default evals/reports)")
    sp.add_argument("--baseline", metavar="FILE", help="results JSON to compare with (e.g. evals/baselines/smoke.json)")
    sp.add_argument("--fail-on-regression", action="store_true",
                    help="exit 3 when a gated metric drops beyond tolerance or items flip from pass to fail")
    sp.add_argument("--tolerance", type=float, default=None, help="absolute tolerance for gated rates (default 0.02)")
    sp.add_argument("--max-flips", type=int, default=0, help="pass→fail item flips allowed by the gate (default 0)")
    sp.add_argument("--write-baseline", metavar="FILE", help="also save this run's results JSON as a baseline file")
    sp.add_argument("--compare-releases", nargs=2, metavar=("OLD", "NEW"),
                    help="ingest both releases into --index, run the questions on each and report what changed")
    sp.add_argument("--with-naive-baseline", action="store_true",
                    help="also run the naive LangChain dense-retrieval recipe on the same questions (always on in 'all')")
    sp.add_argument("--naive-cache", metavar="DIR", help="where the naive baseline's vector store is cached "
                                                         "(default REPORT/.naive-cache)")
    sp.add_argument("--limit", type=int, help="only the first N items of each gold set (quick checks)")
    sp.add_argument("--json", action="store_true", help="print the headline metrics (and gate) as JSON on stdout")
    sp.set_defaults(func=cmd_eval)


def _ingest_progress(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return lambda desc, total: tqdm(total=total, desc=desc, unit="file", file=sys.stderr, leave=False)


def cmd_eval(args) -> int:
    from assistant.api import resolve_corpus
    from assistant.config import Settings
    from assistant.errors import AssistantError, CorpusNotFound
    from evals import gate as gate_mod
    from evals import gold, report, runner, suites

    settings = Settings.from_env(index_dir=Path(args.index) if args.index else None, chroma_url=args.chroma_url,
                                 llm=args.llm, release=args.release)
    try:
        corpus = resolve_corpus(settings, Path(args.corpus) if args.corpus else None)
        if not corpus.is_dir():
            raise CorpusNotFound(f"Corpus folder {corpus} does not exist: pass --corpus PATH to a GovStack snapshot.")
    except CorpusNotFound:
        if args.compare_releases or args.with_naive_baseline or args.corpus:
            raise
        corpus = None
    show = sys.stderr.isatty()
    meta = {"backend": settings.llm or "offline", "index": str(settings.chroma_url or settings.index_dir)}
    report_dir = Path(args.report)
    try:
        baseline = gate_mod.load_results(args.baseline) if args.baseline else None
    except gate_mod.BaselineError as e:
        raise AssistantError(str(e)) from e

    if args.compare_releases:
        from evals.compare import compare_releases

        old, new = args.compare_releases
        items = gold.load_qa()[: args.limit] if args.limit else gold.load_qa()
        print(f"Comparing releases {old} → {new} on {len(items)} questions (index {meta['index']}) …", file=sys.stderr)
        cmp_ = compare_releases(settings, corpus, old, new, items, show_progress=show,
                                ingest_progress=_ingest_progress(show))
        records = cmp_.pop("records")
        cmp_["items_old"] = records[old]
        results = runner.build_results("qa", records[new], [], meta={
            "created": runner.now_iso(), "release": new, "corpus": str(corpus),
            "gold": {"qa": gold.file_digest(gold.QA_FILE), "novel": gold.file_digest(gold.NOVEL_FILE), "test_use_cases": gold.file_digest(gold.TEST_USE_CASES_FILE)}, **meta})
        results["compare"] = cmp_
        stem = f"compare-{old}-{new}"
    else:
        from assistant.service import Assistant

        assistant = Assistant(settings)
        assistant.warm_answers()  # as a server does at start-up: the latencies measured are a warm server's
        results = runner.run_suite(assistant, args.suite, corpus=corpus, release=settings.release,
                                   show_progress=show, limit=args.limit, meta=meta)
        if (args.with_naive_baseline or args.suite == "all") and args.suite != "suggest":
            if corpus is None:
                results["skipped"].append("naive baseline: no corpus (pass --corpus)")
            else:
                from evals.naive import NaiveBaseline, run_naive

                cache = Path(args.naive_cache) if args.naive_cache else report_dir / ".naive-cache"
                nb = NaiveBaseline.build(corpus, settings.release, cache, model=settings.embedding_model,
                                         show_progress=show, model_cache=settings.cache_dir)
                items = suites.qa_items(args.suite)
                results["naive_baseline"] = run_naive(nb, items[: args.limit] if args.limit else items, show_progress=show)
        stem = None
    gate = None
    if baseline is not None:
        baseline["_path"] = args.baseline
        gate = gate_mod.compare(results, baseline, tolerance=args.tolerance if args.tolerance is not None
                                else gate_mod.DEFAULT_TOLERANCE, max_flips=args.max_flips)
    paths = report.write_reports(results, report_dir, gate, stem=stem)
    if args.write_baseline:
        Path(args.write_baseline).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write_baseline).write_text(
            json.dumps(gate_mod.slim(results), indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({"metrics": results["metrics"], "naive_baseline": (results.get("naive_baseline") or {}).get("metrics"),
                          "gate": {k: gate[k] for k in ("regressed", "reasons", "warnings")} if gate else None,
                          "reports": {k: str(v) for k, v in paths.items()}}, ensure_ascii=False))
    else:
        print(summary_text(results, gate, paths))
    if gate is not None and gate["regressed"] and args.fail_on_regression:
        return EXIT_REGRESSION
    return 0


def summary_text(results: dict, gate: dict | None, paths: dict) -> str:
    """The few lines printed after a run: headline metrics, lift, gate verdict, where the reports are."""
    from evals.report import fmt

    out = []
    q = results.get("metrics", {}).get("qa")
    if q:
        out.append(f"qa: {q['n']} items — hit@5 {fmt(q['hit@5'])} · MRR {fmt(q['mrr'])} · nDCG@5 {fmt(q['ndcg@5'])} · "
                   f"key-fact recall {fmt(q['key_fact_recall'])} · citation precision {fmt(q['citation_precision'])} · "
                   f"validity {fmt(q['citation_validity'])} · abstention acc {fmt(q['abstention_accuracy'])} · "
                   f"false abstention {fmt(q['false_abstention_rate'])} · pass {fmt(q['pass_rate'])} · "
                   f"p50 {fmt(q['latency_p50_ms'], '_ms')} p95 {fmt(q['latency_p95_ms'], '_ms')}")
    by_source = results.get("breakdowns", {}).get("qa", {}).get("source") or {}
    if len(by_source) > 1:
        out.append("  by gold set: " + " · ".join(
            f"{name} ({m['n']}): hit@5 {fmt(m.get('hit@5'))}, key-fact recall {fmt(m.get('key_fact_recall'))}, "
            f"pass {fmt(m.get('pass_rate'))}" for name, m in by_source.items()))
    s = results.get("metrics", {}).get("suggest")
    if s:
        out.append(f"suggest: {s['n']} use cases — set F1 {fmt(s['set_f1'])} · per-BB macro F1 {fmt(s['bb_macro_f1'])} · "
                   f"rare-BB F1 {fmt(s['rare_bb_f1'])} · core recall {fmt(s['core_recall'])} · "
                   f"focus@1 {fmt(s.get('focus_at_1'))} · pass {fmt(s['pass_rate'])}")
    nb = (results.get("naive_baseline") or {}).get("metrics")
    if nb:
        out.append(f"naive baseline: hit@5 {fmt(nb['hit@5'])} · MRR {fmt(nb['mrr'])} · "
                   f"key-fact recall (top chunk) {fmt(nb['key_fact_recall'])}")
    c = results.get("compare")
    if c:
        old, new = c["releases"]
        out.append(f"compare {old} → {new}: {len(c['answers_changed'])} answers changed; gold items not holding: "
                   + ", ".join(f"{r} {len(v)}" for r, v in c["gold_to_update"].items())
                   + f"; pages changed {c['pages']['changed']}, new {c['pages']['new']}, removed {c['pages']['removed']}; "
                   f"coverage gaps {len(c['coverage_gaps'])}")
    for sk in results.get("skipped", []):
        out.append(f"skipped: {sk}")
    if gate is not None:
        out.append("gate: " + ("FAIL — " + "; ".join(gate["reasons"]) if gate["regressed"] else "pass"))
        out += [f"  warning: {w}" for w in gate.get("warnings", [])]
    out.append("reports: " + ", ".join(str(p) for p in paths.values()))
    return "\n".join(out)
