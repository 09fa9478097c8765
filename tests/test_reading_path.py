"""A newcomer asking where to start reading gets a path through the specification's pages, each cited (no index)."""
import re
from types import SimpleNamespace

from assistant import reading_path
from assistant.answer.offline import ExtractiveAnswerer
from assistant.query import analyze
from assistant.retrieve import CorpusIndex, Hit
from assistant.types import Chunk


def _page(folder: str, path: str, text: str, seq: int = 0, bb: str | None = None, title: str = "Page") -> Chunk:
    return Chunk(text=text, release="latest", repo=f"GovStackWorkingGroup/{folder}", folder=folder, path=path,
                 kind="prose", bb=bb, chapter=title, heading_path=[title], url=f"https://specs.govstack.global/{path}",
                 extra={"seq": seq})


PAGES = [
    _page("specifications", "README.md", "The GovStack initiative aims to build reusable digital components."),
    _page("specifications", "building-blocks.md", "Building blocks are software modules that can be combined."),
    _page("specifications", "architecture-and-nonfunctional-requirements/introduction.md",
          "This document gives guidance to building block working groups."),
    # (no cross-cutting requirements page in this release: its step is left out)
    _page("product-use-cases", "use-cases.md", "Reference use cases define high-level steps of a task."),
    _page("bb-payments", "spec/2-description.md", "The Payments Building Block enables digital payments.", bb="payments"),
    _page("bb-payments", "spec/6-functional-requirements.md", "Payment orchestration relates components whereby it:\n\n"
          "* orchestrates payments\n* tracks their status", bb="payments"),
    _page("bb-payments", "spec/8-service-apis.md", "| Field | Type |\n| --- | --- |\n| amount | number |", bb="payments"),
    _page("bb-payments", "spec/8-service-apis.md", "The APIs defined here are a blueprint.", seq=1, bb="payments"),
]


def _index() -> CorpusIndex:
    return CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in PAGES]))


def _answer(question: str) -> str:
    """The path's passages first among the hits, as Assistant._reading_path puts them, then the offline answer."""
    from assistant.service import Assistant

    qa = analyze(question)
    me = SimpleNamespace(index=_index())
    hits = Assistant._reading_path(me, qa, [], "latest", reading_path.asks_chapters(question))
    return ExtractiveAnswerer().answer(qa, hits).text


def test_the_specifications_path_is_its_pages_in_reading_order_each_quoted_and_cited():
    text = _answer("Where should a newcomer start reading the specification?")
    assert text.startswith("A path through the GovStack specification")
    order = ["1. **What GovStack is**", "2. **The building blocks**", "3. **How the blocks fit together**",
             "4. **Reference use cases**"]
    assert all(s in text for s in order) and [text.index(s) for s in order] == sorted(text.index(s) for s in order)
    assert "The GovStack initiative aims to build reusable digital components. [1]" in text
    assert "The rules every block follows" not in text  # the release has no such page
    assert "Payments" not in text


def test_a_named_blocks_path_is_its_chapters_and_a_chapter_opening_on_a_list_or_table_is_not_quoted():
    text = _answer("Where do I start with the Payments spec?")
    assert text.startswith("The Payments specification is laid out in the chapters")
    assert "1. **2 Description** — what the block is for" in text
    # (its requirements open on a line that introduces a list: the chapter is cited, that line not quoted)
    assert "whereby it" not in text and re.search(r"\*\*6 Functional Requirements\*\* — [^\n]* \[\d\]\n", text)
    # (the API chapter's first passage is a table: its first passage with a sentence is quoted)
    assert "**8 Service APIs** — the APIs other systems call: The APIs defined here are a blueprint." in text


def test_questions_about_starting_something_else_are_not_reading_paths():
    assert reading_path.asks_reading_path("Is there a reading order for the specification?")
    assert reading_path.asks_reading_path("Which pages should a beginner read first?")
    for q in ("Where does the registration process start?", "How do I begin an API call to the Consent BB?",
              "Where should a ministry begin its digital transformation?", "What do I read in a consent notice?"):
        assert not reading_path.asks_reading_path(q), q


def test_the_patterns_read_none_of_the_near_misses_of_the_gold_questions():
    # (evals/gold/reading_path.jsonl: 130 questions sharing the words of a request for a reading path — "Where does the
    # signing process start?", "In which sequence are the payment APIs called?" — that ask about the spec's content)
    from evals.gold import GOLD_DIR, load_jsonl

    items = load_jsonl(GOLD_DIR / "reading_path.jsonl")
    assert len(items) == 260 and len({i["id"] for i in items}) == 260
    assert not [i["question"] for i in items if not i["reading_path"] and reading_path.asks_reading_path(i["question"])]
    assert sum(reading_path.asks_reading_path(i["question"]) for i in items if i["reading_path"]) >= 75


def test_the_learned_model_reads_a_question_the_patterns_do_not(monkeypatch):
    import numpy as np

    model = {"w": np.asarray([1.0, 0.0, 0.0]), "b": -2.0, "threshold": 0.7}
    monkeypatch.setattr(reading_path, "_model", lambda: model)
    q = "Which GovStack document gives me the big picture before my briefing?"
    assert not reading_path.asks_reading_path(q)  # no pattern, no vector
    assert reading_path.asks_reading_path(q, [4.0, 0.0, 0.0])  # sigmoid(2) = 0.88
    assert not reading_path.asks_reading_path(q, [2.5, 0.0, 0.0])  # sigmoid(0.5) = 0.62
    assert not reading_path.asks_reading_path(q, [4.0, 0.0])  # a vector of another model: no reading
    monkeypatch.setattr(reading_path, "_model", lambda: None)
    assert not reading_path.asks_reading_path(q, [4.0, 0.0, 0.0])  # without the model file, the patterns alone


def test_the_shipped_model_file_matches_the_embedding_size():
    import json

    raw = json.loads(reading_path.MODEL_FILE.read_text(encoding="utf-8"))
    assert len(raw["weights"]) == raw["embedding_dim"] == 384 and 0.5 <= raw["threshold"] < 1


def test_how_many_building_blocks_is_answered_with_every_block_each_quoted_where_its_description_names_it():
    PAGES.extend([
        _page("bb-consent", "spec/2-description.md", "Note: this page is a draft. Personal data is everywhere. The Consent "
              "Building Block enables individuals to approve the use of their data.", bb="consent"),
        _page("bb-wallet", "spec/2-description.md", "Wallet as a term can mean many things.", bb="wallet"),
    ])
    try:
        text = _answer("How many building blocks are there?")
    finally:
        del PAGES[-2:]
    # (the blocks the release specifies, in registry order; Payments has a description page too)
    assert text.startswith("GovStack specifies 3 building blocks, each in its own specification:"), text
    assert "- **Consent**: The Consent Building Block enables individuals to approve the use of their data. [1]" in text
    assert "- **Payments**: The Payments Building Block enables digital payments. [2]" in text
    assert "- **Wallet**: Wallet as a term can mean many things. [3]" in text  # (no sentence names it: the first)
    assert not reading_path.asks_catalogue("Which building blocks do we need for a school meals service?")


def test_the_service_reads_the_question_by_the_vector_the_search_computed_and_a_follow_up_by_its_patterns(monkeypatch):
    from assistant.service import Assistant

    monkeypatch.setattr(reading_path, "_model", lambda: {"w": [1.0, 0.0], "b": -2.0, "threshold": 0.7})
    monkeypatch.setattr(reading_path.classifier, "probabilities",
                        lambda m, v: [1.0 / (1.0 + 2.718281828 ** -(v[0][0] * m["w"][0] + m["b"]))])
    qa = analyze("Which GovStack document gives me the big picture before my briefing?")
    qa.standalone = qa.question + " (GovStack)"  # (a form the search embedded; the question itself was not)
    qa.vectors = {qa.standalone: [4.0, 0.0]}
    assert Assistant._asks_reading_path(None, qa)  # (self unused: nothing is embedded again)
    qa.previous = "What is GovStack?"  # a follow-up's standalone vector is its context's: the patterns alone decide
    assert not Assistant._asks_reading_path(None, qa)
    qa.vectors = {qa.question: [4.0, 0.0]}  # …unless the question's own was computed
    assert Assistant._asks_reading_path(None, qa)


CHAPTER_PAGES = [
    _page("bb-consent", "spec/4-key-digital-functionalities.md", "Key Digital Functionalities describe the core (required) "
          "functions that this Building Block must be able to perform.\n\nConsent records are kept.", bb="consent"),
    _page("bb-consent", "spec/6-functional-requirements.md", "This section lists the technical capabilities of this "
          "Building Block.\n\nThe functional requirements section lists the technical capabilities that this Building "
          "Block should have. These requirements should be sufficient to deliver all functionality that is listed in "
          "the Key Digital Functionalities section.", bb="consent"),
    _page("bb-cms", "spec/4-key-digital-functionalities.md", "> **Tip:** The Key Digital Functionalities (KDFs) describe "
          "the core (required) functions that this building block must be able to perform.\n\nWebsites are published.",
          bb="content-management"),
    _page("bb-cms", "spec/6-functional-requirements.md", "A CMS must publish pages.", bb="content-management"),
    _page("bb-payments", "spec/4-key-digital-functionalities.md", "Key Digital Functionalities describe the core (required) "
          "functions that this Building Block must be able to perform.\n\nPayments are orchestrated.", bb="payments"),
    _page("bb-payments", "spec/6-functional-requirements.md", "This section lists the technical capabilities of this "
          "Building Block.", bb="payments"),
]


def test_what_a_chapter_is_for_is_the_templates_sentence_quoted_from_the_named_block_or_the_block_saying_most_of_it():
    PAGES.extend(CHAPTER_PAGES)
    try:
        text = _answer("I'm reading the CMS spec. Chapter 4 and chapter 6 sound like the same thing - what's the difference?")
        generic = _answer("What is the difference between key digital functionalities and functional requirements?")
        every = _answer("What are the standard chapters of a building block specification?")
    finally:
        del PAGES[-len(CHAPTER_PAGES):]
    # the named block's own pages; a sentence near the template's ("(KDFs)") is its, without the "Tip:"
    assert text.startswith("In the Content Management specification, what these chapters are for"), text
    assert "- **4 Key Digital Functionalities**: The Key Digital Functionalities (KDFs) describe the core (required) " \
           "functions that this building block must be able to perform. [1]" in text
    # (a chapter whose page says none of the template's sentences is cited, its content not quoted)
    assert "- **6 Functional Requirements** [2]" in text
    assert "Websites are published" not in text and "A CMS must publish pages" not in text
    # no block named: the block whose pages say most of the template (Consent: both chapters); of two sentences saying
    # the same, the first; a second saying more is kept
    assert "(quoted from the Consent specification)" in generic
    assert generic.count("technical capabilities") == 1
    assert "These requirements should be sufficient to deliver all functionality" not in generic  # (said by one block)
    # every chapter when the layout is asked; a chapter the quoted block lacks is left out
    assert every.startswith("Every building block's specification has these chapters"), every
    assert "**4 Key Digital Functionalities**" in every and "**2 Description**" not in every


def test_questions_on_a_chapters_content_are_not_questions_on_the_chapters():
    assert reading_path.asks_chapters("chapters 4 and 6 of the Payments spec?") == (4, 6)
    for q in ("What are the functional requirements of the Payments BB?", "Which sections of the spec describe refunds?",
              "What is the difference between functional and non-functional requirements?",
              "Which API creates a consent record?", "How is the data organised in the registry?"):
        assert reading_path.asks_chapters(q) == (), q


def test_a_question_on_writing_the_spec_is_not_a_reading_path_but_a_study_plan_is_still_one():
    v = [0.0] * 384  # (a vector the model would read: the words decide first)
    assert not reading_path.asks_reading_path("How could someone like me get involved in writing the specs?", v)
    for q in ("I've been asked to lead a reading group on GovStack. Can you propose a sequence of sessions?",
              "Journalist writing a piece on digital public infrastructure: how should I work through the material?",
              "Our vendor team has one week to onboard on GovStack. Could you propose a day-by-day reading schedule?"):
        assert not reading_path._WRITES_SPEC.search(q), q
