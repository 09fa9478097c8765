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
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from assistant import classifier, registry
from assistant.query import keywords
from assistant.answer.evidence import sentences, strip_md, units_of


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

# every block's specification: the numbered chapters of the template each block follows, and the words a question
# names each by ("the functional requirements chapter", "chapter 4", "key digital functionalities vs functional
# requirements")
CHAPTERS = (
    (1, Step("1 Version History", "", r"^spec/1-version-history", "what changed between published versions"),
     r"version\s+histor(?:y|ies)|release\s+notes?"),
    (2, Step("2 Description", "", r"^spec/2-description", "what the block is for"), r"description"),
    (3, Step("3 Terminology", "", r"^spec/3-terminology", "the block's terms and what they mean"),
     r"terminology|glossary"),
    (4, Step("4 Key Digital Functionalities", "", r"^spec/4-key-digital-functionalities"),
     r"key\s+digital\s+functionalit(?:y|ies)|kdfs?"),
    (5, Step("5 Cross-Cutting Requirements", "", r"^spec/5-cross-cutting-requirements"),
     r"cross[- ]?cutting\s+requirements?"),
    (6, Step("6 Functional Requirements", "", r"^spec/6-functional-requirements"),
     r"(?<!non-)(?<!non)(?<!non )functional\s+requirements?"),
    (7, Step("7 Data Structures", "", r"^spec/7-data-structures"), r"data\s+(?:structures?|models?)"),
    (8, Step("8 Service APIs", "", r"^spec/8-(?:service-apis|apis)"), r"service\s+apis?|apis?\s+and\s+services|apis?"),
    (9, Step("9 Internal Workflows", "", r"^spec/9-(?:internal-)?workflows"), r"(?:internal\s+)?workflows?"),
    (10, Step("10 Other Resources", "", r"^spec/1[01]-other-resources"), r"other\s+resources"),
)
_CHAPTER = r"(?:chapters?|sections?)"
_SPEC = r"(?:spec|specs|specification|specifications)"
_A_SPEC = (rf"(?:a|an|the|each|every|any|one)?\s*(?:govstack\s+)?(?:[\w-]+\s+)?(?:building[- ]block\s+|bb\s+)?{_SPEC}\b")
_WHERE_IS = r"(?!\s+(?:describes?|covers?|explains?|mentions?|talks?|deals?|says?|defines?|specif(?:y|ies)|has|have)\b)"
# how a block's specification is laid out: "What are the standard chapters of a building block specification?", "How
# is a GovStack building block spec organised?", "What sections does each BB spec have?" — not where something is
# ("Which sections of the Payments spec describe refunds?"), nor how data is organised
ASKS_STRUCTURE = re.compile(
    rf"\bhow\s+(?:is|are)\s+{_A_SPEC}(?:\s+\w+){{0,2}}?\s+(?:structured|organi[sz]ed|laid\s+out|arranged|set\s+up)\b"
    rf"|\b(?:structure|layout|outline|table\s+of\s+contents|template)\s+(?:of|for)\s+{_A_SPEC}"
    rf"|\b(?:standard|same|usual|typical|numbered|main|common)\s+(?:numbered\s+)?(?:chapters|sections)\b"
    rf"|\b(?:what|which)\s+(?:chapters|sections)\s+(?:does|do|will|would|should)\s+{_A_SPEC}\s+(?:have|contain|include)\b"
    rf"|\b(?:chapters|sections)\s+(?:of|in)\s+{_A_SPEC}{_WHERE_IS}", re.I)
ASKS_DIFFERENCE = re.compile(r"\b(?:differ\w*|distinguish|compare\w*|versus|vs\.?|same\s+thing|confus\w*|overlap\w*)\b",
                             re.I)


# (each chapter's name, alone and named as a chapter; chapter numbers: "chapter 4 and chapter 6", "chapters 4 and 6")
_NAMES = {n: re.compile(rf"\b(?:{words})\b", re.I) for n, _step, words in CHAPTERS}
_NAMED_AS_CHAPTER = {n: re.compile(rf"\b(?:{words})\s+{_CHAPTER}\b|\b{_CHAPTER}\s+(?:on|about|called|named|titled|for)\s+"
                                   rf"(?:the\s+)?[\"'“]?(?:{words})\b", re.I) for n, _step, words in CHAPTERS}
_CHAPTER_NUMBERS = re.compile(r"\b(?:chapters?|sections?|ch\.)\s*(\d{1,2})((?:\s*(?:,|and|&|or|vs\.?|versus)\s*"
                              r"(?:chapter\s+|section\s+)?\d{1,2}\b)*)", re.I)


def asks_chapters(question: str) -> tuple[int, ...]:
    """The chapters of a block's specification a question asks about as chapters (all of them when it asks how a
    specification is laid out), else ().

    >>> asks_chapters("What are the standard chapters of a building block specification?")
    (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    >>> asks_chapters("I'm reading the CMS spec. Chapter 4 and chapter 6 sound like the same thing - what's the difference?")
    (4, 6)
    >>> asks_chapters("What's the difference between key digital functionalities and functional requirements?")
    (4, 6)
    >>> asks_chapters("What does the cross-cutting requirements chapter of a building block spec contain?")
    (5,)
    >>> asks_chapters("How is a GovStack building block spec organised?")
    (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    >>> [asks_chapters(q) for q in ("What are the functional requirements of the Payments BB?",
    ...  "Which sections of the Payments spec describe refunds?", "How is the data organised in the registry?",
    ...  "What is the difference between functional and non-functional requirements?",
    ...  "Which section describes the cross-cutting requirements for logging?",
    ...  "In the e-Marketplace API chapter they talk about a 'flow-of-value'. What does that mean in plain terms?")]
    [(), (), (), (), (), ()]
    """
    q = question or ""
    named = {n for n, pat in _NAMED_AS_CHAPTER.items() if pat.search(q)}
    for m in _CHAPTER_NUMBERS.finditer(q):
        named.update(int(d) for d in re.findall(r"\d{1,2}", m.group(0)))
    if not named and ASKS_DIFFERENCE.search(q):
        # two of the chapters newcomers confuse, compared without the word "chapter"
        said = {n for n in (4, 5, 6) if _NAMES[n].search(q)}
        if len(said) >= 2:
            named = said
    named &= set(_NAMES)
    if named and (len(named) > 1 and ASKS_DIFFERENCE.search(q) or len(_other_words(q)) <= OTHER_WORDS):
        return tuple(sorted(named))
    if named:
        return ()  # a chapter named where something is ("In the e-Marketplace API chapter they talk about …")
    if ASKS_STRUCTURE.search(q):
        return tuple(n for n, _s, _w in CHAPTERS)
    return ()


_TIP = re.compile(r"^(?:tip|note|info)\s*:\s*", re.I)
ALIKE = 0.6  # the share of two sentences' words (Jaccard) that makes them one template sentence


REPEATS = 0.45  # … and that makes a second sentence of a chapter say the first again


def _alike(a: set[str], b: set[str], share: float = ALIKE) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= share


# the words besides the chapters' and the specification's a question on what chapters are for may have ("What does the
# cross-cutting requirements chapter of a building block spec contain?" has none; "In the e-Marketplace API chapter they
# talk about turning a 'store-of-value' into a 'flow-of-value'. What does that mean?" has five: it asks what that means)
OTHER_WORDS = 2
_CHAPTER_ASK_WORDS = {"chapter", "chapters", "section", "sections", "contain", "contains", "cover", "covers", "include",
                      "includes", "purpose", "point", "mean", "means", "meant", "describe", "describes", "about", "spec",
                      "specs", "specification", "specifications", "building", "block", "blocks", "govstack", "standard",
                      "goes", "belongs", "each", "every", "numbered", "supposed", "there"}


def _other_words(question: str) -> list[str]:
    """The question's content words that are not chapter names, block names or words asking what a chapter is for."""
    q = question
    for pat in _NAMES.values():
        q = pat.sub(" ", q)
    q = re.sub(r"\b\d{1,2}\b", " ", q)
    names = {w.lower() for b in registry.find_bbs(q) for w in registry.name_of(b).split()}
    return [w for w in keywords(q) if w not in _CHAPTER_ASK_WORDS and w not in names]


def _template_key(text: str) -> str:
    """A sentence as the chapter template says it in every block ("Tip:" and "building block"'s case aside)."""
    t = re.sub(r"^[>\s*]*(?:tip|note|info)\s*:\s*\**\s*", "", strip_md(text).strip(), flags=re.I)
    return " ".join(t.lower().replace("_", "").split())


def chapter_sentences(chunk) -> list[str]:
    """The sentences of a chapter's first passage, as written (the template's own included: the answer's units leave
    those out as page furniture)."""
    out = []
    for para in re.split(r"\n\s*\n", chunk.text)[:3]:
        if para.lstrip().startswith("|"):
            continue
        out += [strip_md(x).strip() for x in sentences(" ".join(para.split()))]
    return [x for x in out if len(x) >= 20 and x.endswith((".", ":"))]


def chapters(index, release: str, bbs: list[str], numbers: Sequence[int]) -> tuple[str, list[tuple[Step, Any, list[str]]]]:
    """(the block quoted, each asked chapter's (step, its page's first passage, what the template says it is for)): the
    named block's pages when the question names one, else those of the block whose pages say the template's sentences
    for most of the chapters asked, then the most of them."""
    said = _template(index, release)
    if len(bbs) == 1 and bbs[0] in said:
        block = bbs[0]
    elif said:
        order = list(said)
        block = max(said, key=lambda b: (sum(bool(said[b].get(n, (None, []))[1]) for n in numbers),
                                         sum(len(said[b].get(n, (None, []))[1]) for n in numbers), -order.index(b)))
    else:
        return "", []
    out = []
    for n, step, _w in CHAPTERS:
        if n in numbers and n in said[block]:
            c, quotes = said[block][n]
            out.append((Step(step.title, c.folder, step.path, step.why), c, quotes))
    return block, out


_TEMPLATES: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def _template(index, release: str) -> dict[str, dict[int, tuple[Any, list[str]]]]:
    """Each block's chapters in a release: {block: {chapter: (its page's first passage, the template's sentences it
    says, at most CHAPTER_SENTENCES)}}. A template sentence is one at least TEMPLATE_SHARED blocks' pages share, or
    nearly ("The Key Digital Functionalities (KDFs) describe …" in one block); of two saying the same, the first. Built
    once per index and release."""
    per_index = _TEMPLATES.setdefault(index, {})
    if release in per_index:
        return per_index[release]
    firsts: dict[str, dict[int, Any]] = {}
    for b in registry.building_blocks():
        folder = block_folder(index, release, b.id)
        for n, step, _w in CHAPTERS:
            chunks = index.chunks_of(release, folder, step.path) if folder else []
            if chunks:
                firsts.setdefault(b.id, {})[n] = chunks[0]
    shared: dict[int, list[set[str]]] = {}
    for n, _s, _w in CHAPTERS:
        counts: dict[str, int] = {}
        for pages_ in firsts.values():
            if n in pages_:
                for k in {_template_key(x) for x in chapter_sentences(pages_[n])}:
                    counts[k] = counts.get(k, 0) + 1
        shared[n] = [set(k.split()) for k, c in counts.items() if c >= TEMPLATE_SHARED]
    out: dict[str, dict[int, tuple[Any, list[str]]]] = {}
    for bb, pages_ in firsts.items():
        for n, c in pages_.items():
            quotes: list[str] = []
            for x in chapter_sentences(c):
                words = set(_template_key(x).split())
                if any(_alike(words, k) for k in shared[n]) and not any(
                        _alike(words, set(_template_key(y).split()), REPEATS) for y in quotes):
                    quotes.append(_TIP.sub("", x))
            out.setdefault(bb, {})[n] = (c, quotes[:CHAPTER_SENTENCES])
    per_index[release] = out
    return out


TEMPLATE_SHARED = 2  # blocks that say a sentence for it to be the template's
CHAPTER_SENTENCES = 2  # a chapter's template sentences quoted at most


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
# … but a question on writing or correcting the specification asks how to contribute, not what to read: "How could
# someone like me get involved in writing the specs?" had been read as one by the model (d79-039)
_WRITES_SPEC = re.compile(r"\b(writ(e|es|ing|ten)|wrote|author\w*|edit\w*|contribut\w*|correct\w*|shap(e|ing))\s+"
                          r"(to\s+|in\s+|on\s+)?(the\s+|these\s+|those\s+|a\s+)?(govstack\s+)?(specs?|specifications?|standards?|"
                          r"pages?|it|them|that)\b|\bget(ting)?\s+involved\b|\b(mistakes?|typos?|errors?)\s+(in|on)\b|"
                          r"\bpropos\w*\s+(a\s+|an\s+)?(changes?|corrections?|edits?|fix(es)?)\b|\bfeedback\s+on\b", re.I)


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
    >>> asks_reading_path("How could someone like me get involved in writing the specs?", [0.0] * 384)
    False
    """
    if ASKS_READING_PATH.search(question or ""):
        return True
    if _WRITES_SPEC.search(question or ""):
        return False
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
