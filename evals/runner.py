"""The eval runner: asks the assistant every gold item through its public API and scores the answers.

Per-item pass definitions (also in docs/evals.md):

* answerable question: an expected source is among the top 5 retrieved passages (hit@5) **and** at least
  half of its key facts appear in the answer (key-fact recall ≥ 0.5);
* unanswerable question: the assistant abstained;
* use-case description: every core building block is in the top |core|+2 of the ranked suggestion
  **and** the selected set's F1 against the expected set is ≥ 0.5.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

from evals import gold, metrics
from evals.gold import CorpusRelease

RETRIEVED_KEPT = 10  # retrieved passages kept per item record (enough to see where the right page ranked)
PASS_KF = 0.5
PASS_F1 = 0.5
_FOOTER = re.compile(r"\n+\*Source: GovStack specification, release `[^`]*`\.\*\s*$")


def progress(iterable: Iterable, desc: str, total: int | None = None, enabled: bool = True):
    """A tqdm bar on stderr (off when disabled or when stderr is not a terminal, e.g. in CI logs)."""
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, file=sys.stderr, leave=False, unit="item", disable=None)


def _source(c: Any) -> tuple[str, str]:
    if isinstance(c, dict):
        return c.get("folder", ""), c.get("path", "")
    return getattr(c, "folder", ""), getattr(c, "path", "")


def answer_body(text: str) -> str:
    """Answer text without the release footer the service appends (it differs between releases)."""
    return _FOOTER.sub("", text or "").strip()


# ------------------------------------------------------------------------------------------------------------
# questions


def score_answer(item: dict, answer: Any, corpus_release: CorpusRelease | None = None) -> dict:
    """One scored record from a gold item and the Answer the assistant gave (pure apart from file-exists checks)."""
    expected = gold.with_copies(gold.sources_of(item))
    retrieved = [_source(c) for c in answer.retrieved]
    cited = [_source(c) for c in answer.citations]
    answerable = bool(item.get("answerable"))
    rec: dict[str, Any] = _item_head(item)
    rec.update({
        "answer": answer.text,
        "abstained": bool(answer.abstained),
        "backend": getattr(answer, "backend", None),
        "notice": getattr(answer, "notice", None),
        "retrieved": [{"rank": i, "folder": f, "path": p, "release": getattr(c, "release", None),
                       "section": getattr(c, "section", ""),
                       "kind": getattr(c, "kind", ""), "score": getattr(c, "score", None),
                       "relevant": (f, p) in expected}
                      for i, (c, (f, p)) in enumerate(zip(answer.retrieved, retrieved), 1) if i <= RETRIEVED_KEPT],
        "citations": [{"n": getattr(c, "n", i), "folder": f, "path": p, "section": getattr(c, "section", ""),
                       "expected": (f, p) in expected,
                       "valid": corpus_release.exists(f, p) if corpus_release else None}
                      for i, (c, (f, p)) in enumerate(zip(answer.citations, cited), 1)],
        "latency_ms": float((answer.timings_ms or {}).get("total", 0.0)),
        "timings_ms": dict(answer.timings_ms or {}),
    })
    if corpus_release is not None:
        rec["citations_valid"], rec["citations_total"] = metrics.citation_validity(cited, corpus_release.exists)
    else:
        rec["citations_valid"], rec["citations_total"] = 0, 0
    why: list[str] = []
    if answerable:
        facts = item.get("key_facts") or []
        found = metrics.facts_found(answer.text, facts)
        first = metrics.first_relevant_rank(retrieved, expected)
        rec.update({
            "first_relevant_rank": first,
            "hit@1": metrics.hit_at_k(retrieved, expected, 1),
            "hit@3": metrics.hit_at_k(retrieved, expected, 3),
            "hit@5": metrics.hit_at_k(retrieved, expected, 5),
            "rr": metrics.reciprocal_rank(retrieved, expected),
            "ndcg@5": metrics.ndcg_at_k(retrieved, expected, 5),
            "key_fact_recall": (sum(found) / len(found)) if found else None,
            "facts_missing": [f[0] for f, ok in zip(facts, found) if not ok],
            "citation_precision": metrics.citation_precision(cited, expected),
        })
        if not rec["hit@5"]:
            why.append(f"no expected source in the top 5 ({'first at rank ' + str(first) if first else 'not retrieved'})")
        if rec["key_fact_recall"] is not None and rec["key_fact_recall"] < PASS_KF:
            why.append(f"key facts {sum(found)}/{len(found)} found; missing: "
                       + "; ".join(repr(m) for m in rec["facts_missing"]))
        if answer.abstained:
            why.append("abstained on an answerable question")
        rec["passed"] = bool(rec["hit@5"]) and not answer.abstained and \
            (rec["key_fact_recall"] is None or rec["key_fact_recall"] >= PASS_KF)
    else:
        rec["passed"] = bool(answer.abstained)
        if not answer.abstained:
            why.append("answered a question the specification does not cover (should abstain)")
    rec["why"] = why
    return rec


def _item_head(item: dict) -> dict:
    return {
        "id": item.get("id"),
        "suite": "qa",
        "category": item.get("category"),
        "bb": gold.bbs_of(item),
        "type": "unanswerable" if item.get("answerable") is False else ("multi-turn" if item.get("turns") else "single"),
        "answerable": bool(item.get("answerable")),
        "question": gold.question_of(item),
        "expected_sources": [f"{f}/{p}" for f, p in gold.sources_of(item)],
        "source": item.get("source", "dev"),
    }


def error_record(item: dict, err: Exception) -> dict:
    rec = _item_head(item)
    rec.update({"answer": "", "abstained": False, "retrieved": [], "citations": [], "citations_valid": 0,
                "citations_total": 0, "latency_ms": None, "passed": False,
                "error": f"{type(err).__name__}: {err}", "why": [f"error: {type(err).__name__}: {err}"]})
    if rec["answerable"]:
        rec.update({"hit@1": 0.0, "hit@3": 0.0, "hit@5": 0.0, "rr": 0.0, "ndcg@5": 0.0, "key_fact_recall": 0.0})
    return rec


def ask_item(assistant: Any, item: dict, release: str | None = None) -> Any:
    """Answer an item's turns in order, feeding the history (user question + assistant answer text); the
    last Answer is the one evaluated."""
    filters = {"release": release} if release else None
    history: list[dict] = []
    ans = None
    for t in gold.turns_of(item):
        ans = assistant.ask(t, history=list(history), filters=filters)
        history += [{"role": "user", "content": t}, {"role": "assistant", "content": ans.text}]
    return ans


def run_qa(assistant: Any, items: Sequence[dict], release: str | None = None,
           corpus_release: CorpusRelease | None = None, show_progress: bool = True, desc: str = "qa") -> list[dict]:
    """Scored records for every question item (an item that raises is recorded as failed with its error)."""
    out = []
    for item in progress(items, desc, total=len(items), enabled=show_progress):
        try:
            ans = ask_item(assistant, item, release)
        except Exception as e:  # one broken item must not lose the whole run
            out.append(error_record(item, e))
            continue
        out.append(score_answer(item, ans, corpus_release))
    return out


# ------------------------------------------------------------------------------------------------------------
# suggestions


def score_suggestion(item: dict, suggestion: Any) -> dict:
    """One scored record from a use-case gold item and the Suggestion the assistant gave."""
    unlabelled = set(item.get("unlabelled") or ())  # BBs the gold writer did not judge: not scored
    everything = sorted(suggestion.building_blocks, key=lambda b: -float(b.score or 0.0))
    # a short request's focus must rank first among all 15 (nothing filtered out)
    focus_first = (1.0 if everything and everything[0].id == item["focus"] else 0.0) if item.get("focus") else None
    bbs = [b for b in suggestion.building_blocks if b.id not in unlabelled]
    ranked = [b.id for b in sorted(bbs, key=lambda b: -float(b.score or 0.0))]
    selected = [b.id for b in bbs if b.selected]
    expected, core = list(item["expected"]), list(item["core"])
    prec, rec_, f1 = metrics.set_prf(selected, expected)
    cr = metrics.core_recall(ranked, core)
    top = set(ranked[: len(core) + 2])
    passed = (cr is None or cr >= 1.0) and f1 >= PASS_F1 and focus_first != 0.0
    why = []
    if focus_first == 0.0:
        why.append(f"focus {item['focus']} not ranked first ({everything[0].id if everything else 'nothing'} is)")
    if cr is not None and cr < 1.0:
        why.append(f"core not in top {len(core) + 2}: " + ", ".join(c for c in core if c not in top))
    if f1 < PASS_F1:
        why.append(f"set F1 {f1:.2f}: missing {sorted(set(expected) - set(selected))}, "
                   f"extra {sorted(set(selected) - set(expected))}")
    desc = item.get("description", "")
    return {
        "id": item.get("id"),
        "suite": "suggest",
        "source": item.get("source", "novel"),
        "question": desc if len(desc) <= 600 else desc[:600].rsplit(" ", 1)[0] + " …",
        "expected": expected,
        "core": core,
        "selected": selected,
        "ranked": ranked,
        "scores": {b.id: round(float(b.score or 0.0), 4) for b in bbs},
        "precision": prec,
        "recall": rec_,
        "f1": f1,
        "core_recall": cr,
        "focus": item.get("focus"),
        "focus_first": focus_first,
        "missing": sorted(set(expected) - set(selected)),
        "extra": sorted(set(selected) - set(expected)),
        "latency_ms": float((suggestion.timings_ms or {}).get("total", 0.0)) or None,
        "guidance": getattr(suggestion, "guidance", None),
        "passed": passed,
        "why": why,
    }


def run_suggest(assistant: Any, items: Sequence[dict], show_progress: bool = True) -> list[dict]:
    """Scored records for use-case items; product use cases leave themselves out of the reference set."""
    out = []
    for item in progress(items, "suggest", total=len(items), enabled=show_progress):
        t = time.perf_counter()
        try:
            if item.get("exclude_use_cases"):
                s = assistant.suggest(item["description"], exclude_use_cases=list(item["exclude_use_cases"]))
            else:
                s = assistant.suggest(item["description"])
        except Exception as e:
            out.append({"id": item.get("id"), "suite": "suggest", "source": item.get("source", "novel"),
                        "question": item.get("description", "")[:600], "expected": item["expected"],
                        "core": item["core"], "selected": [], "ranked": [], "passed": False,
                        "error": f"{type(e).__name__}: {e}", "why": [f"error: {type(e).__name__}: {e}"],
                        "latency_ms": None})
            continue
        rec = score_suggestion(item, s)
        if rec["latency_ms"] is None:
            rec["latency_ms"] = (time.perf_counter() - t) * 1000
        out.append(rec)
    return out


# ------------------------------------------------------------------------------------------------------------
# results


def qa_breakdowns(records: Sequence[dict]) -> dict[str, dict]:
    return {
        "category": metrics.breakdown(records, lambda r: r["category"], metrics.summarize_qa),
        "bb": metrics.breakdown(records, lambda r: r["bb"] or "cross-cutting", metrics.summarize_qa),
        "type": metrics.breakdown(records, lambda r: r["type"], metrics.summarize_qa),
        "source": metrics.breakdown(records, lambda r: r.get("source", "dev"), metrics.summarize_qa),
    }


def suggest_breakdowns(records: Sequence[dict]) -> dict[str, dict]:
    ok = [r for r in records if not r.get("error")]
    return {
        "bb": metrics.per_label_scores((r["selected"], r["expected"]) for r in ok),
        "source": metrics.breakdown(records, lambda r: r.get("source", "novel"), metrics.summarize_suggest),
    }


def worst_groups(results: dict, n: int = 10) -> list[dict]:
    """The n categories / building blocks with the lowest QA pass rate (ties: more failures first)."""
    rows = []
    for dim in ("category", "bb"):
        for name, m in (results.get("breakdowns", {}).get("qa", {}).get(dim) or {}).items():
            if not m.get("n"):
                continue
            fails = round(m["n"] * (1 - (m.get("pass_rate") or 0.0)))
            rows.append({"group": f"{dim}:{name}", "n": m["n"], "failed": fails, "pass_rate": m.get("pass_rate"),
                         "hit@5": m.get("hit@5"), "key_fact_recall": m.get("key_fact_recall")})
    rows.sort(key=lambda r: (r["pass_rate"] if r["pass_rate"] is not None else 1.0, -r["failed"]))
    return [r for r in rows if r["failed"]][:n]


def build_results(suite: str, qa_records: Sequence[dict], suggest_records: Sequence[dict], *,
                  meta: dict[str, Any] | None = None, skipped: Sequence[str] = ()) -> dict:
    """The results document: headline metrics, breakdowns, and every per-item record."""
    res: dict[str, Any] = {"schema_version": 1, "suite": suite}
    res.update(meta or {})
    res["metrics"] = {}
    res["breakdowns"] = {}
    if qa_records:
        res["metrics"]["qa"] = metrics.summarize_qa(qa_records)
        res["breakdowns"]["qa"] = qa_breakdowns(qa_records)
    if suggest_records:
        res["metrics"]["suggest"] = metrics.summarize_suggest(suggest_records)
        res["breakdowns"]["suggest"] = suggest_breakdowns(suggest_records)
    res["items"] = list(qa_records) + list(suggest_records)
    res["skipped"] = list(skipped)
    res["worst_groups"] = worst_groups(res)
    return res


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def run_suite(assistant: Any, suite: str, *, corpus: Path | None = None, release: str = "latest",
              show_progress: bool = True, limit: int | None = None, qa_path: Path | None = None,
              novel_path: Path | None = None, meta: dict[str, Any] | None = None) -> dict:
    """Run a suite (qa | suggest | all | smoke) against an Assistant and return the results document."""
    from evals import suites

    if suite not in suites.SUITES:
        raise ValueError(f"unknown suite {suite!r}; choose one of {', '.join(suites.SUITES)}")
    t0 = time.perf_counter()
    qa = suites.qa_items(suite, qa_path)
    sg = suites.suggest_items(suite, corpus, release, novel_path)
    if limit:
        qa, sg = qa[:limit], sg[:limit]
    cr = CorpusRelease(Path(corpus), release) if corpus else None
    skipped: list[str] = []
    if corpus is None:
        skipped.append("citation validity: no corpus given (pass --corpus or set GOVSTACK_CORPUS)")
        if suite in ("suggest", "all"):
            skipped.append("product use cases: no corpus to derive them from")
    qa_records = run_qa(assistant, qa, release=release, corpus_release=cr, show_progress=show_progress) if qa else []
    sg_records: list[dict] = []
    if sg:
        if _can_suggest(assistant):
            sg_records = run_suggest(assistant, sg, show_progress=show_progress)
        else:
            skipped.append("suggest suite: this version of the assistant has no suggester (assistant.suggest)")
    info = {
        "created": now_iso(),
        "release": release,
        "gold": {"qa": gold.file_digest(qa_path or gold.QA_FILE), "novel": gold.file_digest(novel_path or gold.NOVEL_FILE),
                 "test_use_cases": gold.file_digest(gold.TEST_USE_CASES_FILE),
                 "test2_use_cases": gold.file_digest(gold.TEST2_USE_CASES_FILE),
                 **{p.stem: gold.file_digest(p) for p in gold.QA_DEV_FILES},
                 "qa_test": gold.file_digest(gold.QA_TEST_FILE), "qa_test2": gold.file_digest(gold.QA_TEST2_FILE),
                 "qa_test3": gold.file_digest(gold.QA_TEST3_FILE),
                 "qa_items": len(qa), "suggest_items": len(sg)},
        "corpus": str(corpus) if corpus else None,
    }
    info.update(meta or {})
    res = build_results(suite, qa_records, sg_records, meta=info, skipped=skipped)
    res["duration_s"] = round(time.perf_counter() - t0, 2)
    return res


def _can_suggest(assistant: Any) -> bool:
    """False when the assistant's suggester module is not there yet (the suggest suite is then reported skipped)."""
    if not hasattr(assistant, "suggest"):
        return False
    if type(assistant).__module__.startswith("assistant."):
        import importlib.util

        return importlib.util.find_spec("assistant.suggest") is not None
    return True
