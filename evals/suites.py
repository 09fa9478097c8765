"""Suites: which gold items a suite runs (qa, suggest, all, smoke), and how the fixed smoke subset was chosen."""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from evals import gold

SUITES = ("qa", "suggest", "all", "smoke")

# The smoke suite's questions: a fixed, stratified subset of qa.jsonl (every category and building block,
# multi-turn conversations and unanswerable questions), small enough for CI (≤ 5 minutes with model load).
# Fixed rather than sampled per run so that the committed baseline compares like with like. Chosen by
# `select_smoke()` below; regenerate with `python -m evals.suites` after gold ids change, then re-baseline.
SMOKE_QA_IDS = (
    "alias-term-002", "alias-term-004", "arch-006", "arch-013", "cloud-data-001", "cloud-sec-001", "cmp-002", "cmp-003",
    "cmp-007", "cms-arch-001", "cms-sec-001", "consent-api-002", "consent-def-002", "dr-req-002", "em-workflow-001",
    "es-def-001", "gis-api-002", "id-req-002", "im-def-002", "na-001", "na-003", "na-004", "na-005", "onb-001",
    "onb-005", "onb-008", "pay-api-004", "pay-term-002", "reg-req-001", "sch-data-001", "sch-workflow-001", "sec-007",
    "uc-007", "uc-009", "ux-007", "ux-008", "wf-data-001", "which-007", "which-026", "whicht-001"
)


def _h(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()


def select_smoke(items: list[dict], n: int = 40, min_multi: int = 4, min_unanswerable: int = 5) -> list[str]:
    """A deterministic stratified subset: round-robin over categories, preferring building blocks not yet
    covered, then topping up multi-turn and unanswerable items. Order within a category is by a hash of
    the id, so adding an item elsewhere does not reshuffle the choice."""
    by_cat: dict[str, list[dict]] = {}
    for it in sorted(items, key=lambda it: _h(str(it["id"]))):
        if it.get("answerable"):
            by_cat.setdefault(it["category"], []).append(it)
    chosen: list[dict] = []
    bb_seen: Counter = Counter()
    budget = n - min_unanswerable
    while len(chosen) < budget and any(by_cat.values()):
        for cat in sorted(by_cat):
            pool = by_cat[cat]
            if not pool or len(chosen) >= budget:
                continue
            pick = min(pool, key=lambda it: (min((bb_seen[b] for b in gold.bbs_of(it)), default=1), pool.index(it)))
            pool.remove(pick)
            chosen.append(pick)
            bb_seen.update(gold.bbs_of(pick))
    rest = [it for it in sorted(items, key=lambda it: _h(str(it["id"]))) if it not in chosen]
    multi = [it for it in rest if it.get("turns") and it.get("answerable")]
    while sum(1 for it in chosen if it.get("turns")) < min_multi and multi:
        chosen.append(multi.pop(0))
    unans = [it for it in rest if not it.get("answerable")]
    chosen.extend(unans[:min_unanswerable])
    return sorted(str(it["id"]) for it in chosen)


def qa_items(suite: str, qa_path: Path | None = None) -> list[dict]:
    items = gold.load_qa(qa_path)
    if suite == "smoke":
        wanted = set(SMOKE_QA_IDS)
        return [it for it in items if it["id"] in wanted]
    if suite not in ("qa", "all"):
        return []
    return items + (gold.load_qa_dev2() + gold.load_qa_test() if qa_path is None else [])


def suggest_items(suite: str, corpus: Path | None, release: str = "latest", novel_path: Path | None = None) -> list[dict]:
    """Novel descriptions always; the independent test descriptions and short requests for `suggest`/`all`; the
    product use cases (leave-one-out) for `suggest`/`all` when a corpus is known."""
    if suite not in ("suggest", "all", "smoke"):
        return []
    items = gold.load_novel_use_cases(novel_path)
    if suite != "smoke":
        items = items + gold.load_test_use_cases() + gold.load_test2_use_cases() + gold.load_short_requests()
    if suite != "smoke" and corpus is not None:
        items = gold.product_use_cases(corpus, release) + items
    return items


if __name__ == "__main__":  # print a fresh smoke selection (paste into SMOKE_QA_IDS when gold ids change)
    ids = select_smoke(gold.load_qa())
    print(len(ids), "items:")
    print(ids)
