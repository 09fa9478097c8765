"""Release comparison: after a spec update, what changed in the answers, in the gold set's validity, and in coverage.

`compare_releases` ingests both releases into one index (incrementally), runs the question suite on each
(filters={"release": R}), and reports:

* answers that changed between the releases (text, pass/fail, abstention, or the top source);
* gold items that do not hold in a release: an expected source file is missing there, or a key fact no
  longer appears in its expected sources (gold items to update);
* pages changed or new between the releases (file hashes under the two release folders) that no gold item
  cites as an expected source (coverage gaps), and the changed pages that gold does cover.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from evals import gold, metrics
from evals.gold import CorpusRelease
from evals.runner import answer_body, run_qa

ANSWER_EXCERPT = 600


def page_changes(corpus: Path, old: str, new: str) -> dict[str, list[tuple[str, str]]]:
    """Markdown/API files changed, new and removed from release `old` to release `new` (by content hash)."""
    a, b = CorpusRelease(Path(corpus), old).hashes(), CorpusRelease(Path(corpus), new).hashes()
    return {
        "changed": sorted(k for k in a.keys() & b.keys() if a[k] != b[k]),
        "new": sorted(b.keys() - a.keys()),
        "removed": sorted(a.keys() - b.keys()),
    }


def coverage_gaps(changes: dict[str, list[tuple[str, str]]], items: Sequence[dict]) -> dict[str, list[dict]]:
    """Changed/new pages split into those some gold item expects as a source, and those none does.

    >>> ch = {"changed": [("bb-x", "a.md")], "new": [("bb-x", "b.md")], "removed": []}
    >>> g = coverage_gaps(ch, [{"id": "q1", "expected_sources": [{"folder": "bb-x", "path": "a.md"}]}])
    >>> [(r["page"], r["change"]) for r in g["gaps"]], g["covered"][0]["items"]
    ([('bb-x/b.md', 'new')], ['q1'])
    """
    by_source: dict[tuple[str, str], list[str]] = {}
    for it in items:
        for s in gold.with_copies(gold.sources_of(it)):
            by_source.setdefault(s, []).append(str(it.get("id")))
    gaps, covered = [], []
    for change in ("changed", "new"):
        for src in changes.get(change, []):
            row = {"page": f"{src[0]}/{src[1]}", "folder": src[0], "path": src[1], "change": change}
            if src in by_source:
                covered.append({**row, "items": by_source[src]})
            else:
                gaps.append(row)
    return {"gaps": gaps, "covered": covered}


def stale_gold(items: Sequence[dict], corpus: Path, releases: Sequence[str]) -> dict[str, list[dict]]:
    """Per release: gold items whose expected sources are missing there or whose key facts no longer appear."""
    out: dict[str, list[dict]] = {}
    for rel in releases:
        cr = CorpusRelease(Path(corpus), rel)
        rows = []
        for it in items:
            if not it.get("answerable"):
                continue
            probs = gold.item_problems(it, cr)
            if probs:
                rows.append({"id": it["id"], "item_release": it.get("release", "latest"),
                             "problems": [p.detail for p in probs],
                             "kinds": sorted({p.kind for p in probs})})
        out[rel] = rows
    return out


def changed_answers(old_records: Sequence[dict], new_records: Sequence[dict]) -> list[dict]:
    """Items whose answer text, pass/fail, abstention or top retrieved source differs between two runs."""
    old = {r["id"]: r for r in old_records}
    out = []
    for r in new_records:
        o = old.get(r["id"])
        if o is None:
            continue
        a_old, a_new = answer_body(o.get("answer", "")), answer_body(r.get("answer", ""))
        top = lambda rec: (f"{rec['retrieved'][0]['folder']}/{rec['retrieved'][0]['path']}"  # noqa: E731
                           if rec.get("retrieved") else None)
        what = []
        if metrics.normalise(a_old) != metrics.normalise(a_new):
            what.append("text")
        if bool(o.get("passed")) != bool(r.get("passed")):
            what.append("pass→fail" if o.get("passed") else "fail→pass")
        if bool(o.get("abstained")) != bool(r.get("abstained")):
            what.append("abstention")
        if top(o) != top(r):
            what.append("top source")
        if what:
            out.append({"id": r["id"], "question": r.get("question"), "changes": what,
                        "old": {"passed": o.get("passed"), "abstained": o.get("abstained"), "top": top(o),
                                "answer": a_old[:ANSWER_EXCERPT]},
                        "new": {"passed": r.get("passed"), "abstained": r.get("abstained"), "top": top(r),
                                "answer": a_new[:ANSWER_EXCERPT]}})
    return out


def compare_releases(settings: Any, corpus: Path, old: str, new: str, items: Sequence[dict], *,
                     embedder: Any = None, show_progress: bool = True, ingest_progress: Any = None) -> dict[str, Any]:
    """Ingest both releases into settings.index_dir (incremental), run the questions on each, report the changes."""
    from assistant.api import ingest
    from assistant.errors import IndexMissing
    from assistant.service import Assistant

    corpus = Path(corpus)
    if embedder is None:
        # An existing index must be extended with the model that built it (the Assistant loads exactly that
        # one from the index's metadata), not with whatever the settings name; a new index uses the settings'.
        try:
            embedder = Assistant(settings).embedder
        except IndexMissing:
            embedder = None
    ingest(settings, releases=[old, new], corpus=corpus, embedder=embedder, progress=ingest_progress)
    assistant = Assistant(settings, embedder=embedder)
    records = {rel: run_qa(assistant, items, release=rel, corpus_release=CorpusRelease(corpus, rel),
                           show_progress=show_progress, desc=f"qa on {rel}") for rel in (old, new)}
    changes = page_changes(corpus, old, new)
    cov = coverage_gaps(changes, items)
    return {
        "releases": [old, new],
        "metrics": {rel: metrics.summarize_qa(recs) for rel, recs in records.items()},
        "answers_changed": changed_answers(records[old], records[new]),
        "gold_to_update": stale_gold(items, corpus, [old, new]),
        "pages": {k: len(v) for k, v in changes.items()},
        "pages_removed": [f"{f}/{p}" for f, p in changes["removed"]],
        "coverage_gaps": cov["gaps"],
        "covered_changes": cov["covered"],
        "records": records,
    }
