"""Abstention: decide when the retrieved evidence does not support an answer, and say so helpfully."""
from __future__ import annotations

import re

from assistant import registry
from assistant.query import QueryAnalysis
from assistant.retrieve import Hit, tokenize

# Calibrated on the gold set (evals/gold/qa.jsonl): see `govstack-assistant eval` for the
# abstention accuracy / false-abstention trade-off these give.
MIN_DENSE = 0.34  # best cosine similarity below this: nothing in the spec is about the question
MIN_COVERAGE = 0.55  # share (IDF-weighted) of the question's words found in the top passages
WEAK_DENSE = 0.48  # between MIN_DENSE and this, low coverage also means "not covered"

_PRICING = re.compile(r"\b(price|prices|pricing|cost|costs|how much|fee|fees|licen[cs]e fee|per (user|citizen|month|year)|budget|quote)\b", re.I)
_MONEY = re.compile(r"(\$|usd|eur|€|price|pricing|per month|per year|cost of)", re.I)


def coverage(qa: QueryAnalysis, hits: list[Hit], idf: dict[str, float], top: int = 5) -> float:
    """How much of the question (weighted by word rarity) appears in the top passages."""
    toks = set(tokenize(qa.question))
    if not toks:
        return 0.0
    text = set(tokenize(" ".join(h.chunk.embed_text for h in hits[:top])))
    total = sum(idf.get(t, 8.0) for t in toks)  # a word the corpus never uses weighs most
    got = sum(idf.get(t, 8.0) for t in toks if t in text)
    return got / total if total else 0.0


def should_abstain(qa: QueryAnalysis, hits: list[Hit], idf: dict[str, float]) -> tuple[bool, str]:
    if qa.unknown_bb:
        return True, f"GovStack has no “{qa.unknown_bb}” building block"
    if not hits:
        return True, "nothing in the specification matches this question"
    best = max(h.dense for h in hits[:5])
    cov = coverage(qa, hits, idf)
    if best < MIN_DENSE:
        return True, "nothing in the specification is about this"
    if best < WEAK_DENSE and cov < MIN_COVERAGE:
        return True, "the specification does not discuss this"
    if _PRICING.search(qa.question) and not any(_MONEY.search(h.chunk.text) for h in hits[:5]):
        return True, "the specification does not give prices or costs of products"
    return False, ""


def abstention_text(qa: QueryAnalysis, reason: str, nearest: list[tuple[str, str]]) -> str:
    """'The GovStack specification does not cover …' plus the nearest covered topics (already cited)."""
    topic = qa.question.rstrip("?.! ")
    if len(topic) > 140:
        topic = topic[:140].rsplit(" ", 1)[0] + "…"
    lines = [f"The GovStack specification does not cover this: “{topic}” ({reason})."]
    if qa.unknown_bb:
        names = ", ".join(b.name for b in registry.building_blocks())
        lines.append(f"Its building blocks are: {names}.")
    if nearest:
        lines.append("The nearest topics it does cover:\n" + "\n".join(f"- {s} {m}" for s, m in nearest))
    return "\n\n".join(lines)
