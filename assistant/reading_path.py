"""A reading path through the specification, for a newcomer who asks where to start reading.

"Where should a newcomer start reading the specification?" is not answered by any one passage: retrieval had led with a
Digital Registries logging requirement. The answer is an order of pages — what GovStack is, the blocks, how they fit
together, the rules every block follows, the reference use cases, the security and UI/UX guidelines, the playbook's
journey for a government — each with its own opening sentence, cited. "Where do I start with the Payments spec?" gets
that block's chapters in reading order instead. "How many building blocks are there?" and "List all the building
blocks" get the catalogue: every block the release specifies, each with its description's opening sentence (the
specification's own list page is links only, and left the Workflow block out).

The order and the one-line "why read it" of each step are this project's words (like the onboarding lessons of the
Get-started tab); what each page says is quoted from the page. A page a release lacks is left out of its path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from assistant import classifier, registry
from assistant.answer.evidence import units_of


@dataclass(frozen=True)
class Step:
    title: str  # what the reader learns there (ours)
    folder: str  # the corpus folder of the page
    path: str  # a pattern of the page's path in that folder (the first page matching it)
    why: str = ""  # why read it now (ours)
    bb: str = ""  # in the catalogue, the block the page describes


# the specification as a whole: a newcomer's order
SPEC_PATH = (
    Step("What GovStack is", "specifications", r"^README\.md$"),
    Step("The building blocks", "specifications", r"^building-blocks\.md$",
         "the fifteen blocks; each block's specification has the same chapters, start with its 2 Description"),
    Step("How the blocks fit together", "specifications",
         r"^architecture-and-nonfunctional-requirements/introduction\.md$",
         "what makes software a building block, and how blocks talk to each other"),
    Step("The rules every block follows", "specifications",
         r"^architecture-and-nonfunctional-requirements/5-cross-cutting-requirements\.md$"),
    Step("Reference use cases", "product-use-cases", r"^use-cases\.md$",
         "whole services built from blocks, step by step"),
    Step("Security requirements", "specifications", r"^security-requirements/2-description\.md$"),
    Step("UI/UX guidelines", "specifications", r"^govstack-ui-ux-guidelines/2-description\.md$"),
    Step("For a government starting out", "implementation-playbook", r"(^|/)adopt-govstack/README\.md$",
         "the implementation playbook's journey from a country's needs to services on reusable blocks"),
)

# one block's specification: its chapters in reading order (chapter file names vary between blocks)
BLOCK_PATH = (
    Step("2 Description", "", r"^spec/2-description", "what the block is for, and what it leaves to others"),
    Step("4 Key Digital Functionalities", "", r"^spec/4-key-digital-functionalities", "what it does, in plain terms"),
    Step("9 Internal Workflows", "", r"^spec/9-(internal-)?workflows", "how its processes run, step by step"),
    Step("6 Functional Requirements", "", r"^spec/6-functional-requirements", "the requirements an implementation is tested on"),
    Step("7 Data Structures", "", r"^spec/7-data-structures", "the data it keeps"),
    Step("8 Service APIs", "", r"^spec/8-(service-apis|apis)", "the APIs other systems call"),
)

_READ = r"(?:read\w*|learn\w*|study\w*|go(?:ing)?\s+th(?:rough|ru)|explor\w+|navigat\w+|tackle)"
_DOCS = r"(?:spec|specs|specifications?|documentation|docs|pages?|chapters?|sections?|guidelines)"
_START = (r"(?:start|begin)(?:ning)?\s+(?:with|in|on|into|w/)|where\s+to\s+(?:start|begin)|where(?:'s|\s+is)\s+the\s+start"
          # (said of the asker, and not of starting something: "Where do I start a process instance in the spec?")
          r"|(?:where|how)\s+(?:do|should|can|could|would|shall)\s+(?:i|we|you|one|a\s+\w+|newcomers|beginners|someone)\s+"
          r"(?:\w+\s+)?(?:start|begin)\b(?!\s+(?:a|an|the|my|our|this|that|its|their|to)\b)"
          r"|(?:where|how)\s+(?:do|should|can|could|would)\s+(?:i|we|you|one)\s+(?:navigate|approach|tackle)\b"
          r"|starting\s+point|entry\s+point|best\s+place\s+to\s+(?:start|begin)|first\s+page\s+(?:i|we)\s+should"
          r"|introductory\s+(?:section|page|chapter)|walk\s+(?:me|us)\s+through|approach\s+reading|structure\s+(?:my|our)\s+reading"
          r"|onboard\s+(?:myself|ourselves)|before\s+anything\s+else") + rf"|{_READ}\s+first|first\s+{_READ}"
# "Where should a newcomer start reading the specification?", "What should I read first?", "Is there a reading order
# for the spec?", "which chapters of the GIS spec are the best entry point?", "how do i navigate the govstack spec as a
# beginner?" — not "Where do we start digitising services?" (the playbook's journey answers that, as retrieval finds
# it), nor a question about something in the spec ("Where do I start a process instance?", "Which section describes the
# first step of enrolment?"): a way into the pages (_START) said of the pages themselves (_DOCS), in one sentence, or
# words that only a reading plan is ("reading order", "in what order should I read …", "a roadmap for learning …")
ASKS_READING_PATH = re.compile(
    rf"(?:{_START})[^?.!]{{0,60}}\b{_DOCS}\b|\b{_DOCS}\b[^?.!]{{0,60}}(?:{_START})"
    r"|\b(?:start|begin)\w*\s+(?:by\s+)?(?:reading|studying|learning|going\s+th(?:rough|ru))\b"
    rf"|\bwhat\s+(?:should|do|must|would)\s+(?:i|we|a\s+\w+|newcomers|beginners)\s+{_READ}"
    rf"(?:\s+(?:first|before|to\s+(?:start|begin|learn|understand))\b|\s*\?|\s*$)"
    rf"|\b(?:what|which)\s+order\b[^?.!]{{0,50}}\b{_READ}|\border\s+(?:to|in\s+which\s+to)\s+{_READ}"
    rf"|\b(?:in\s+)?(?:which|what)\s+order\s+(?:should|would|do|must)\b[^?.!]{{0,40}}\b{_DOCS}\b"
    rf"|\b(?:roadmap|curriculum|syllabus)\b[^?.!]{{0,40}}\b(?:{_READ}|{_DOCS})"
    r"|\breading\s+(?:path|order|list|guide|plan|sequence)\b|\bguided\s+tour\b|[\"'“]start\s+here[\"'”]"
    rf"|\b(?:path|route|way|guide|tour)\s+(?:through|around|into)\s+(?:the\s+)?(?:govstack\s+)?{_DOCS}\b"
    rf"|\bfind\s+(?:my|our|one's|your)\s+way\s+(?:around|through|in)\b",
    re.I)


# the learned half (bench/fit_reading_path.py): a question's sentence embedding read by a logistic model, for the
# phrasings no pattern has ("Which GovStack document should I open first to get the big picture?", "Can you suggest a
# 4-week study plan for going through the specs with my class?"). Leaving one of three writers out, the patterns and
# the model (threshold 0.7) read 50/50, 36/40 and 30/40 of their questions (the patterns alone 48, 17 and 12: they
# were written on the first), none of their 130 near-misses and none of 3,404 dev QA questions
MODEL_FILE = Path(__file__).resolve().parents[1] / "corpus" / "reading_path_model.json"


def _model() -> dict[str, Any] | None:
    """corpus/reading_path_model.json as arrays (None when missing or unreadable: the patterns alone decide)."""
    return classifier.load(MODEL_FILE)


def learned_probability(vector: Sequence[float] | None) -> float:
    """The model's probability that a question with this embedding asks for a reading path (0 without a model, or
    for a vector of another size)."""
    m = _model()
    p = classifier.probabilities(m, [vector]) if m is not None and vector is not None else None
    return 0.0 if p is None else float(p[0])


def asks_reading_path(question: str, vector: Sequence[float] | None = None) -> bool:
    """A newcomer asking where to start reading: a pattern says so, or (given the question's embedding) the model.

    >>> asks_reading_path("Where should a newcomer start reading the specification?")
    True
    >>> asks_reading_path("I'm new to GovStack. What should I read first?")
    True
    >>> asks_reading_path("Is there a reading order for the Payments spec?")
    True
    >>> asks_reading_path("Where do I begin with the GovStack documentation?")
    True
    >>> asks_reading_path("Where do I start with the Payments spec?")
    True
    >>> asks_reading_path("Where do I start a process instance in the Workflow spec?")
    False
    >>> asks_reading_path("We're completely new to GovStack. Where do we even start?")
    False
    >>> asks_reading_path("How do I start a process instance through the Workflow API?")
    False
    >>> asks_reading_path("Where should we begin when we start digitising services?")
    False
    """
    if ASKS_READING_PATH.search(question or ""):
        return True
    m = _model()
    return m is not None and vector is not None and learned_probability(vector) >= m["threshold"]


# "How many building blocks are there?", "List all the building blocks", "Which building blocks does GovStack have?"
# — not "Which building blocks do we need for …?" (the advisor's), nor "What is a building block?" (a definition)
ASKS_CATALOGUE = re.compile(
    r"\bhow\s+many\s+(?:govstack\s+)?(?:building\s+blocks|bbs)(?:\s+(?:are\s+there|exist|does\s+govstack|has\s+govstack"
    r"|are\s+(?:in|part\s+of|specified|defined)|(?:are|is)\s+govstack|in\s+(?:govstack|total|all))|\s*\?|\s*$)"
    r"|\b(?:list|name|enumerate|show)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:govstack(?:'s)?\s+)?(?:building\s+blocks|bbs)\b"
    r"|\b(?:what|which)\s+(?:building\s+blocks|bbs)\s+(?:are\s+there|exist|does\s+govstack\s+(?:have|define|specify|include|offer)"
    r"|are\s+(?:in|part\s+of|specified\s+(?:in|by))\s+govstack)\b"
    r"|\bwhat\s+are\s+(?:all\s+)?the\s+(?:govstack\s+)?(?:building\s+blocks|bbs)\s*\??\s*$", re.I)


def asks_catalogue(question: str) -> bool:
    """A question for the list of building blocks.

    >>> [asks_catalogue(q) for q in ("How many building blocks are there?", "List all the GovStack building blocks.",
    ...                              "Which building blocks does GovStack have?", "What are the building blocks?")]
    [True, True, True, True]
    >>> [asks_catalogue(q) for q in ("Which building blocks do we need for a cash transfer?", "What is a building block?",
    ...                              "How many building blocks does the INST-1 use case use?")]
    [False, False, False]
    """
    return bool(ASKS_CATALOGUE.search(question or ""))


def catalogue(index, release: str) -> list[tuple[Step, list]]:
    """Every block the release specifies (registry order), each with its description page's passages in order (its
    README when it has no such page)."""
    out = []
    for b in registry.building_blocks():
        folder = block_folder(index, release, b.id)
        if not folder:
            continue
        for path in (r"^spec/2-description", r"^README\.md$"):
            chunks = index.chunks_of(release, folder, path)
            if chunks:
                first = chunks[0].path
                out.append((Step(b.name, folder, path, bb=b.id), [c for c in chunks if c.path == first]))
                break
    return out


NAMED_WITHIN = 90  # characters
_AS_A_BLOCK = re.compile(r"\b(?:building\s+block|bb)\b", re.I)


def opening(units: list, bb: str = "") -> Any:
    """The unit a step quotes: its page's first sentence that is not a line introducing a list; for a block in the
    catalogue, the first that names the block as a building block ("The CMS Building Block is …"), when one does
    (the Scheduler's description opens on "Digital governance may employ …", the Wallet's on "Note: …")."""
    sents = [u for u in sorted(units, key=lambda u: u.order) if u.kind == "sentence" and not u.text.rstrip().endswith(":")]
    if bb:
        # (named as its subject, near the sentence's start: not a caveat that mentions it in passing)
        named = next((u for u in sents if _AS_A_BLOCK.search(u.text[:NAMED_WITHIN])
                      and bb in registry.find_bbs(u.text[:NAMED_WITHIN]) and not u.text.lstrip().lower().startswith("note")),
                     None)
        if named is not None:
            return named
    plain = [u for u in sents if not u.text.lstrip().lower().startswith("note")]  # (a caveat opens nothing)
    return (plain or sents or [None])[0]


def passage(step: Step, chunks: list) -> Any:
    """The passage of a step's page its answer quotes: the page's first that says something in sentences ("6
    Functional Requirements" opens on a table); in the catalogue, the first whose opening names its block, when one of
    the page's first passages does."""
    said = [(c, opening(units_of(c.text, 0), step.bb)) for c in chunks[:4]]
    named = [c for c, u in said if u is not None and step.bb and step.bb in registry.find_bbs(u.text[:NAMED_WITHIN])]
    return named[0] if named else next((c for c, u in said[:3] if u is not None), chunks[0])


def block_folder(index, release: str, bb: str) -> str | None:
    """The corpus folder of a block's specification in a release (its spec pages' folder)."""
    return next((f for (r, f, p) in index.by_source if r == release and p.startswith("spec/")
                 and (ids := index.by_source[(r, f, p)]) and index.chunks[ids[0]].bb == bb), None)


def pages(index, release: str, bbs: list[str]) -> tuple[str, list[tuple[Step, list]]]:
    """(the block whose chapters these are, or ""; each step with its page's passages in order): one block's chapters
    when the question names exactly one block, else the specification's path. Steps whose page the release lacks are
    left out."""
    block, steps = "", SPEC_PATH
    if len(bbs) == 1 and (folder := block_folder(index, release, bbs[0])):
        block, steps = bbs[0], tuple(Step(s.title, folder, s.path, s.why) for s in BLOCK_PATH)
    out = []
    for s in steps:
        chunks = index.chunks_of(release, s.folder, s.path)
        if chunks:
            first = chunks[0].path
            out.append((s, [c for c in chunks if c.path == first]))
    return block, out
