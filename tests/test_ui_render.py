"""ui/render.py: pure render helpers — escaping, citations, highlighting, advisor tables/diagram, onboarding, reports."""
import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest

from assistant.types import Answer, BuildingBlockScore, Chunk, Citation, SimilarUseCase, Suggestion, SuggestionStep
from assistant import registry
from ui import render

EVIL = '<script>window.__x=1</script><img src=x onerror="window.__x=2"> ${window.__x=3} [c](javascript:alert(1))'


class _Tags(HTMLParser):
    """Collects the elements and attributes a browser would create from an HTML string."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def assert_inert(html: str) -> None:
    """No script/img/iframe element, no event-handler attribute, no javascript: URL can come out of the HTML."""
    for tag, attrs in tags_of(html):
        assert tag not in ("script", "img", "iframe", "object", "embed", "style"), (tag, html[:200])
        for k, v in attrs.items():
            assert not k.startswith("on"), (tag, k)
            if k in ("href", "src"):
                assert v and v.startswith(("http://", "https://")), (tag, k, v)


def cit(n=1, **kw):
    d = dict(n=n, repo="GovStackWorkingGroup/bb-consent", folder="bb-consent", path="spec/3-terminology.md",
             release="latest", bb="consent", title="Consent — 3 Terminology", section="Consent › 3 Terminology › Consent Record",
             url="https://specs.govstack.global/consent/3-terminology", snippet="It represents a signed consent agreement.",
             chunk_id=f"c{n}", kind="glossary_term")
    d.update(kw)
    return Citation(**d)


# ----- escaping ---------------------------------------------------------------------------------------------

def test_esc_and_safe_url():
    assert render.esc(EVIL).count("<") == 0
    assert render.safe_url("https://a.org/x?y=1") == "https://a.org/x?y=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "https://a.org/\"onmouseover=", None, 3):
        assert render.safe_url(bad) is None


def test_link_opens_in_new_tab_and_drops_unsafe_urls():
    a = render.link("Spec <b>", "https://specs.govstack.global/consent")
    assert 'target="_blank"' in a and 'rel="noopener noreferrer"' in a and "&lt;b&gt;" in a
    assert render.link("x", "javascript:alert(1)") == "x"


def test_safe_markdown_keeps_markdown_but_no_raw_html():
    md = render.safe_markdown("**Bold** and <img src=x onerror=alert(1)> and `a<b` and\n```\n<tag>\n```\n![i](https://x.org/i.png)")
    assert "**Bold**" in md and "&lt;img" in md and "<img" not in md.replace("`a<b`", "")
    assert "`a<b`" in md and "```\n<tag>\n```" in md  # code stays verbatim: the renderer escapes it
    assert "![" not in md and "[i](https://x.org/i.png)" in md  # images become links (no remote loads)
    assert render.safe_markdown("[x](javascript:alert(1)) [y](https://ok.org)") == "x [y](https://ok.org)"


def test_md_text_neutralises_markdown_and_html():
    t = render.md_text("<Use Case Template> *x* [a](b) | c")
    assert "<" not in t and "\\*x\\*" in t and "\\[a\\]" in t and "\\|" in t


# ----- answers and sources ----------------------------------------------------------------------------------

def test_answer_markdown_links_citations_and_shows_notice():
    ans = Answer(question="q", text="A consent record is signed [1]. Also [2] and [9].", citations=[cit(1), cit(2, url=None)],
                 notice="LLM endpoint failed (timeout); offline answer shown.")
    md = render.answer_markdown(ans)
    assert '[[1]](https://specs.govstack.global/consent/3-terminology "Consent › 3 Terminology › Consent Record")' in md
    assert "[2]" in md and "[[2]]" not in md  # no URL: stays a plain marker
    assert "[9]" in md  # unknown marker untouched
    assert md.rstrip().endswith("offline answer shown.") and "> ⚠" in md


def test_answer_markdown_escapes_html_from_the_corpus():
    ans = Answer(question="q", text=EVIL + " [1]", citations=[cit(1)])
    md = render.answer_markdown(ans)
    assert "<script" not in md and "<img" not in md and "javascript:" not in md


@pytest.mark.parametrize("passage,snippet,expected", [
    ("Intro. The **Consent** record is signed. Other.", "The Consent record is signed.", ["The **Consent** record is signed."]),
    ("A  first\nsentence here. Second one. Third.", "A first sentence here. Third.", ["A  first\nsentence here.", "Third."]),
    ("Nothing in common.", "Completely different words.", []),
    ("The Consent Building Block enables services for individuals to approve the use of their data. More.",
     "The Consent Building Block enables services for individuals to approve the use of their personal data by…",
     ["The Consent Building Block enables services for individuals to approve the use of their"]),
])
def test_highlight_spans_find_the_quoted_sentences(passage, snippet, expected):
    assert [passage[a:b] for a, b in render.highlight_spans(passage, snippet)] == expected


def test_highlighted_passage_marks_and_escapes():
    html = render.highlighted_passage_html("<b>Intro</b>. The token is revoked. Done.", "The token is revoked.")
    # the formatting tags an OpenAPI description carries are read (not shown), anything else is escaped, never rendered
    assert html == "Intro. <mark>The token is revoked.</mark> Done."
    html = render.highlighted_passage_html("Intro. <script>x</script> The token is revoked.", "The token is revoked.")
    assert "&lt;script&gt;x&lt;/script&gt;" in html and [t for t, _ in tags_of(html)] == ["mark"]


def test_highlighted_passage_windows_long_text_around_the_highlight():
    passage = "filler words " * 300 + "The key sentence is here. " + "tail words " * 300
    html = render.highlighted_passage_html(passage, "The key sentence is here.", max_chars=600)
    assert "<mark>The key sentence is here.</mark>" in html
    assert html.startswith("… ") and html.endswith(" …") and len(html) < 900


def test_table_rows_read_as_lines_and_still_highlight():
    passage = "Scenarios\n| Scenario | Target |\n| --- | --- |\n| 1.3 Data processing | Workflow |"
    html = render.highlighted_passage_html(passage, "1.3 Data processing · Workflow")
    assert "|" not in html and "---" not in html and "Scenario · Target" in html


def test_highlighted_passage_without_passage_marks_the_snippet():
    assert render.highlighted_passage_html(None, "a <quote>") == "<mark>a &lt;quote&gt;</mark>"


def test_sources_html_lists_each_citation_with_link_section_release_and_highlight():
    cs = [cit(1), cit(2, title="Payments — APIs", section="Payments › 8 Service APIs", release="23Q4", kind="api_operation",
                     url="https://specs.govstack.global/payments/8-service-apis", snippet="Revokes a token.", chunk_id="c2")]
    retrieved = cs + [cit(3, title="Other page", chunk_id="c3")]
    html = render.sources_html(cs, {"c1": "Consent Record: It represents a signed consent agreement.", "c2": "x"}, retrieved)
    assert html.count("<li class='gs-src'") == 2
    assert "Sources (2)" in html and "release 23Q4" in html and "API operation" in html
    assert "Consent › 3 Terminology › Consent Record" in html
    assert "<mark>It represents a signed consent agreement.</mark>" in html
    hrefs = [a.get("href") for t, a in tags_of(html) if t == "a"]
    assert "https://specs.govstack.global/consent/3-terminology" in hrefs and "https://specs.govstack.global/payments/8-service-apis" in hrefs
    assert all(a.get("target") == "_blank" for t, a in tags_of(html) if t == "a")
    assert "Other passages retrieved (1)" in html and "Other page" in html


def test_sources_html_is_inert_for_malicious_corpus_text():
    c = cit(1, title=EVIL, section=EVIL, snippet=EVIL, url="javascript:alert(1)", release=EVIL, kind=EVIL)
    html = render.sources_html([c], {"c1": EVIL + " more " + EVIL}, [c, cit(2, title=EVIL, url="data:x", chunk_id="z")])
    assert_inert(html)
    assert "&lt;script&gt;" in html


def test_sources_html_empty_state():
    html = render.sources_html([])
    assert "Sources" in html and "appear here" in html
    # an answer that quoted nothing, though passages were retrieved (the advisor asking for a description)
    assert "quotes no passage" in render.sources_html([], {}, [cit(1)])


def test_feedback_record_fields():
    ans = Answer(question="q", text="t [1]", citations=[cit(1)], release="latest")
    rec = render.feedback_record("2026-01-01T00:00:00Z", "q", ans, "down", "  wrong page ", None)
    assert set(rec) == {"ts", "question", "answer", "citations", "rating", "comment", "release"}
    assert rec["comment"] == "wrong page" and rec["release"] == "latest" and rec["rating"] == "down"
    assert rec["citations"][0]["path"] == "spec/3-terminology.md"
    json.dumps(rec)


# ----- advisor ----------------------------------------------------------------------------------------------

NAMES = {"identity": "Identity", "payments": "Payments", "messaging": "Messaging", "gis": "GIS",
         "information-mediator": "Information Mediator", "scheduler": "Scheduler"}


def suggestion(evil: str = "") -> Suggestion:
    return Suggestion(
        description="Farmers register and get paid" + evil,
        building_blocks=[
            BuildingBlockScore("payments", "Payments", 0.91, True, ["need 'get paid' → Payments" + evil], [cit(1, url="https://specs.govstack.global/payments")]),
            BuildingBlockScore("identity", "Identity", 0.8, True, ["need 'register' → Identity"]),
            BuildingBlockScore("information-mediator", "Information Mediator", 0.7, True, []),
            BuildingBlockScore("gis", "GIS", 0.1, False, []),
        ],
        steps=[SuggestionStep("Farmers register" + evil, ["Identification and Registration"], ["identity"]),
               SuggestionStep("get paid", ["Financial Services"], ["payments", "messaging"])],
        similar_use_cases=[SimilarUseCase("INST-1", "Cash transfer" + evil, 0.4, ["payments", "identity"], "govstack",
                                          "https://govstack.gitbook.io/use-cases/inst-1"),
                           SimilarUseCase("sdg:x", "Market", 0.3, [], "sdg-framework", "javascript:alert(1)")],
        timings_ms={"total": 12.0})


def test_bb_table_lists_every_block_selected_first_with_scores_and_reasons():
    html = render.bb_table_html(suggestion(), NAMES)
    rows = re.findall(r"<tr class='(gs-sel|gs-unsel)'>", html)
    assert rows == ["gs-sel", "gs-sel", "gs-sel", "gs-unsel"]
    assert html.index("Payments") < html.index("Identity") < html.index("GIS")
    assert "0.91" in html and "need &#x27;get paid&#x27; → Payments" in html
    assert 'href="https://specs.govstack.global/payments"' in html
    # the blocks the steps call for (payments, identity) come before the one no step names (the information
    # mediator), each group under its heading, the unselected last
    groups = re.findall(r"<tr class='gs-group gs-group-(\w+)'>", html)
    assert groups == ["named", "assumed", "rest"]
    assert (html.index("For the steps you describe") < html.index("Identity")
            < html.index("Also used by GovStack services of this kind") < html.index("Information Mediator")
            < html.index("Not proposed") < html.index("GIS"))
    assert "the ones your steps call for, then the ones services like it also use" in html
    # a short request leads with the block it is about: the caption says so
    led = render.bb_table_html(dataclasses.replace(suggestion(), focus="payments"), NAMES)
    assert "the one the description is about, then the ones your steps call for" in led
    assert "the one the description is about" not in render.bb_table_html(
        dataclasses.replace(suggestion(), focus="identity"), NAMES)
    # when the steps name every selected block there is one group and no headings
    one = dataclasses.replace(suggestion(), steps=[SuggestionStep("all of it", [], ["payments", "identity",
                                                                                     "information-mediator"])])
    html = render.bb_table_html(one, NAMES)
    assert "gs-group" not in html and "the most central first" in html
    summary = render.suggestion_summary_markdown(suggestion(), NAMES)
    assert "**Payments**, **Identity** for the steps you describe, and **Information Mediator**, which" in summary
    assert "Suggested: **Payments**, **Identity**, **Information Mediator** —" in render.suggestion_summary_markdown(one, NAMES)
    # two pages of one chapter are told apart by their section; a single one keeps its title alone
    two = BuildingBlockScore("consent", "Consent", 0.9, True, ["r"], [cit(1), cit(2, section="Consent › 3 Terminology › Data Subject")])
    html = render.bb_table_html(dataclasses.replace(suggestion(), building_blocks=[two]), NAMES)
    assert "Consent — 3 Terminology › Consent Record" in html and "Consent — 3 Terminology › Data Subject" in html
    assert ">Consent — 3 Terminology</a>" in render.bb_table_html(suggestion(), NAMES)


def test_steps_matrix_marks_the_blocks_of_each_step():
    html = render.steps_matrix_html(suggestion(), NAMES)
    # columns: selected blocks first, then blocks only steps mention
    heads = re.findall(r"<span class='gs-vert'>([^<]+)</span>", html)
    assert heads == ["Payments", "Identity", "Information Mediator", "Messaging"]
    rows = re.findall(r"<tr><th scope='row' class='gs-step'>(.*?)</tr>", html)
    assert len(rows) == 2
    assert rows[0].count("gs-on") == 1 and rows[1].count("gs-on") == 2
    assert "Identification and Registration" in html


def test_similar_use_cases_link_and_chips():
    html = render.similar_use_cases_html(suggestion(), NAMES)
    assert 'href="https://govstack.gitbook.io/use-cases/inst-1"' in html and "INST-1 — Cash transfer" in html
    assert "javascript:" not in html and "Market" in html
    assert "gs-chip gs-chip-on" in html
    assert "None of the reference use cases is close" not in html  # INST-1 is (0.40)


def test_similar_use_cases_say_when_none_is_close():
    s = suggestion()
    s.similar_use_cases = [dataclasses.replace(u, score=0.3) for u in s.similar_use_cases]
    for text in (render.similar_use_cases_html(s, NAMES), render.suggestion_markdown(s, NAMES)):
        assert "None of the reference use cases is close to this service" in text


def test_diagram_puts_the_mediator_in_the_middle_and_links_every_block():
    svg = render.bb_diagram_svg(["payments", "identity", "information-mediator", "gis"], NAMES)
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "<script" not in svg
    assert svg.count("<line") == 3  # every other selected block is joined to the mediator
    assert "Information Mediator" in svg and "gs-dg-dashed" not in svg
    # the mediator rectangle is centred in the viewBox
    vb = [float(x) for x in re.search(r"viewBox='([^']+)'", svg).group(1).split()]
    x, y, w, h = [float(v) for v in re.search(r"<g class='gs-dg-im'><rect x='([\d.]+)' y='([\d.]+)' width='(\d+)' height='(\d+)'", svg).groups()]
    assert abs(x + w / 2 - vb[2] / 2) < 1 and abs(y + h / 2 - vb[3] / 2) < 1


def test_diagram_boxes_never_overlap_and_stay_inside():
    # "Digital Registries" beside the mediator had covered the "In" of "Information Mediator"
    names = {b.id: b.name for b in registry.building_blocks()}
    others = [b for b in names if b != "information-mediator"]
    box = re.compile(r"<rect x='(-?[\d.]+)' y='(-?[\d.]+)' width='(\d+)' height='(\d+)'")
    for n in range(1, len(others) + 1):
        for chosen in (others[:n], others[-n:], sorted(others, key=lambda b: -len(names[b]))[:n]):
            svg = render.bb_diagram_svg(chosen + ["information-mediator"], names)
            vb = [float(x) for x in re.search(r"viewBox='([^']+)'", svg).group(1).split()]
            rects = [tuple(float(v) for v in m.groups()) for m in box.finditer(svg)]
            assert len(rects) == n + 1
            for x, y, w, h in rects:
                assert x >= 0 and y >= 0 and x + w <= vb[2] and y + h <= vb[3], (chosen, (x, y, w, h))
            for i, a in enumerate(rects):
                for b in rects[i + 1:]:
                    apart = a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
                    assert apart, (chosen, a, b)


def test_diagram_when_mediator_not_selected_and_escaping():
    svg = render.bb_diagram_svg(["<b>evil</b>"], {})
    assert "gs-dg-dashed" in svg and "recommended" in svg and "&lt;b&gt;evil" in svg
    assert [t for t, _ in tags_of(svg) if t in ("script", "foreignobject", "image")] == []


def test_suggestion_exports_markdown_and_json():
    s = suggestion()
    md = render.suggestion_markdown(s, NAMES)
    assert md.startswith("# Building-block suggestion") and "| yes | Payments | 0.91 |" in md and "| | GIS | 0.10 |" in md.replace("|  |", "| |")
    assert "## Steps" in md and "## Similar reference use cases" in md
    d = json.loads(render.suggestion_json(s))
    assert [b["id"] for b in d["building_blocks"]] == ["payments", "identity", "information-mediator", "gis"]


def test_summary_says_centres_on_only_when_the_focus_leads():
    s = suggestion()
    s.focus = "payments"  # ranked first: the description is about it
    md = render.suggestion_summary_markdown(s, NAMES)
    assert "centres on **Payments**" in md and "sets this service apart" not in md
    s.focus = "information-mediator"  # a longer description ranks by its steps; the distinctive block comes third
    md = render.suggestion_summary_markdown(s, NAMES)
    assert "centres on" not in md and "What sets this service apart from most is **Information Mediator**" in md


def test_a_description_cut_at_the_limit_is_said_in_the_summary():
    s = suggestion()
    s.unread_chars = 1234
    assert "its last 1,234 characters were not read" in render.suggestion_summary_markdown(s, NAMES)
    s.unread_chars = 0
    assert "not read" not in render.suggestion_summary_markdown(s, NAMES)


def test_guidance_replaces_the_tables():
    s = Suggestion(description="hi", guidance="That is too short <b>.")
    assert "Tell me a bit more" in render.suggestion_summary_markdown(s, NAMES) and "<b>" not in render.suggestion_summary_markdown(s, NAMES)
    assert "## Guidance" in render.suggestion_markdown(s, NAMES)


def test_advisor_html_is_inert_for_malicious_text():
    s = suggestion(EVIL)
    for html in (render.bb_table_html(s, NAMES), render.steps_matrix_html(s, NAMES), render.similar_use_cases_html(s, NAMES)):
        assert_inert(html)


# ----- onboarding -------------------------------------------------------------------------------------------

def gchunk(term, text, bb="consent", release="latest", url="https://specs.govstack.global/consent/3-terminology"):
    return Chunk(text=text, release=release, repo="r", folder=f"bb-{bb}", path="spec/3-terminology.md", kind="glossary_term",
                 bb=bb, heading_path=[bb.title(), "3 Terminology", term], url=url, extra={"term": term})


def test_glossary_entries_strip_the_term_prefix_and_filter_release():
    chunks = [gchunk("Consent Record", "**Consent Record**: a signed agreement."),
              gchunk("Token", "Token - proof of consent.", bb="payments"),
              gchunk("Old", "**Old**: gone.", release="23Q4"),
              Chunk(text="x", release="latest", repo="r", folder="f", path="p", kind="prose")]
    es = render.glossary_entries(chunks, NAMES | {"consent": "Consent"}, release="latest")
    assert [(e["term"], e["definition"], e["source"]) for e in es] == [
        ("Consent Record", "a signed agreement.", "Consent"), ("Token", "proof of consent.", "Payments")]


def test_glossary_search_ranks_term_matches_first_and_filters_by_bb():
    es = render.glossary_entries([gchunk("Consent Record", "**Consent Record**: a signed agreement."),
                                  gchunk("Record", "**Record**: an entry.", bb="digital-registries"),
                                  gchunk("Agreement", "**Agreement**: what a consent record signs.")], NAMES)
    assert [e["term"] for e in render.search_glossary(es, "record")] == ["Record", "Consent Record", "Agreement"]
    assert [e["term"] for e in render.search_glossary(es, "record", bb="consent")] == ["Consent Record", "Agreement"]
    assert render.search_glossary(es, "zzz") == []
    html = render.glossary_html(render.search_glossary(es, "record"), len(es), "record")
    assert "3 of 3 terms" in html and 'href="https://specs.govstack.global/consent/3-terminology"' in html
    assert "No term matches" in render.glossary_html([], 3, "<zz>") and "<zz>" not in render.glossary_html([], 3, "<zz>")


def test_catalogue_cards_count_distinct_operations_and_functionalities():
    from assistant.registry import BuildingBlock

    def c(path, kind="prose", hp=(), extra=None, url=None):
        return Chunk(text="t", release="latest", repo="r", folder="bb-consent", path=path, kind=kind, bb="consent",
                     heading_path=list(hp), url=url, extra=extra or {})

    chunks = [
        c("spec/4-key-digital-functionalities.md", hp=("Consent", "4 Key Digital Functionalities", "4.1 Admin functions")),
        c("spec/4-key-digital-functionalities.md", hp=("Consent", "4 Key Digital Functionalities", "4.1 Admin functions")),
        c("spec/4-key-digital-functionalities.md", hp=("Consent", "4 Key Digital Functionalities", "4.2 User functions")),
        c("spec/4-key-digital-functionalities.md", hp=("Consent", "4 Key Digital Functionalities", "Out of scope")),
        c("api/a.yaml", "api_operation", extra={"method": "GET", "api_path": "/records"}),
        c("spec/8-service-apis.md", "api_operation", extra={"method": "get", "api_path": "/records"}),  # same op twice
        c("api/a.yaml", "api_operation", extra={"method": "POST", "api_path": "/records"}),
        c("spec/README.md", url="https://specs.govstack.global/consent"),
    ]
    bbs = [BuildingBlock("consent", "Consent", (), "Records consent."), BuildingBlock("gis", "GIS", (), "Maps.")]
    cards = render.catalogue_cards(chunks, bbs, "latest")
    assert cards[0] == {"id": "consent", "name": "Consent", "description": "Records consent.",
                        "functionalities": ["Admin functions", "User functions"], "api_operations": 2,
                        "url": "https://specs.govstack.global/consent"}
    assert cards[1]["api_operations"] == 0 and cards[1]["url"] is None
    html = render.catalogue_html(cards)
    assert "2 API operations" in html and "no OpenAPI operations" in html and html.count("<article") == 2
    assert render.catalogue_html(cards, "maps").count("<article") == 1


def test_progress_html_marks_done_current_and_todo():
    html = render.progress_html(1, 3, ["A", "B", "C"])
    assert "Lesson 2 of 3" in html and html.count("gs-step-done") == 1 and html.count("gs-step-todo") == 1
    assert "aria-current=step" in html and "aria-valuenow='2'" in html


def test_lesson_markdown_carries_citations():
    ans = Answer(question="What is GovStack?", text="GovStack is an initiative [1].", citations=[cit(1)])
    md = render.lesson_markdown("What GovStack is", "Start here.", [ans])
    assert md.startswith("## What GovStack is") and "*Start here.*" in md and "#### What is GovStack?" in md
    assert "[[1]](https://specs.govstack.global/consent/3-terminology" in md and "Sources: [1]" in md


# ----- maintainers ------------------------------------------------------------------------------------------

RESULTS = {
    "suite": "smoke", "release": "latest", "backend": "offline", "created": "2026-01-01T00:00:00Z",
    "metrics": {"qa": {"n": 3, "pass_rate": 0.667, "hit@5": 1.0, "latency_p50_ms": 40.0},
                "suggest": {"n": 1, "set_f1": 0.5, "pass_rate": 0.0}},
    "breakdowns": {"qa": {"bb": {"consent": {"n": 2, "pass_rate": 1.0}, "payments": {"n": 1, "pass_rate": 0.0}},
                          "category": {"api": {"n": 3, "pass_rate": 0.667}}},
                   "suggest": {"bb": {"gis": {"f1": 0.4, "support": 2}}}},
    "items": [{"id": "q1", "suite": "qa", "category": "api", "question": "Which <b>endpoint</b>?", "passed": False,
               "why": ["no expected source in the top 5"], "expected_sources": ["bb-consent/api/x.yaml"],
               "retrieved": [{"rank": 1, "folder": "bb-consent", "path": "spec/a.md", "section": "A", "relevant": False}],
               "answer": "It is <script>x</script> POST /x [1]"},
              {"id": "q2", "suite": "qa", "category": "api", "question": "ok", "passed": True},
              {"id": "u1", "suite": "suggest", "source": "novel", "question": "Farmers", "passed": False,
               "expected": ["gis"], "core": ["gis"], "selected": [], "missing": ["gis"], "extra": [], "f1": 0.0,
               "why": ["core not in top 3: gis"]}],
    "gate": {"regressed": True, "reasons": ["qa pass_rate fell from 1.000 to 0.667"], "warnings": [],
             "baseline": {"path": "evals/baselines/smoke.json", "created": "2025"},
             "metrics": [{"suite": "qa", "metric": "pass_rate", "baseline": 1.0, "current": 0.667, "delta": -0.333,
                          "gated": True, "regressed": True, "improved": False},
                         {"suite": "qa", "metric": "latency_p50_ms", "baseline": 50.0, "current": 40.0, "delta": -10.0,
                          "gated": False, "regressed": False, "improved": True}],
             "pass_to_fail": [{"id": "q1", "question": "Which endpoint?"}], "fail_to_pass": []},
}


def test_eval_headline_shows_metrics_and_deltas():
    html = render.eval_headline_html(RESULTS)
    assert "0.667" in html and "40 ms" in html and "-0.333 vs baseline" in html and "-10 ms vs baseline" in html
    assert "Regression vs baseline" in html and "Questions — 3 items" in html and "Building-block suggestions" in html
    assert "No eval report" in render.eval_headline_html({})


def test_breakdown_bars_worst_first():
    rows = render.breakdown_rows(RESULTS, "bb")
    assert [r[0] for r in rows] == ["payments", "consent"]
    html = render.bars_html(rows, "per BB")
    assert html.count("gs-hbar'") == 2 and "width:0%" in html and "width:100%" in html
    assert render.suggest_bb_rows(RESULTS) == [("gis", 0.4, 2)]


def test_failures_table_choices_and_drilldown_are_escaped():
    assert [k for _, k in render.failure_choices(RESULTS)] == ["qa:q1", "suggest:u1"]
    table = render.failures_table_html(RESULTS)
    assert "Failing items (2)" in table and "&lt;b&gt;endpoint" in table
    md = render.failure_detail_markdown(RESULTS["items"][0])
    assert "no expected source" in md and "bb-consent/api/x.yaml" in md and "<script" not in md and "<b>" not in md
    md2 = render.failure_detail_markdown(RESULTS["items"][2])
    assert "**missing:** gis" in md2


def test_deltas_table_and_flips():
    html = render.deltas_html(RESULTS)
    assert "-0.333" in html and "gs-bad" in html and "gs-good" in html and "Passed in the baseline, fail now" in html
    assert "No baseline comparison" in render.deltas_html({"metrics": {}})


def test_status_markdown_one_row_per_kind():
    st = {"index": "data/index", "backend": "offline", "chunks": 5,
          "by_release": {"latest": {"prose": 3, "api_operation": 2}, "23Q4": {"prose": 1}},
          "records": {"latest": {"api_operations": 2}}, "meta": {"last_ingest": "2026-01-01T00:00:00Z"}}
    md = render.status_markdown(st)
    assert "| chunk kind | 23Q4 | latest |" in md and "| spec text | 1 | 3 |" in md and "| API operation | 0 | 2 |" in md
    assert "| **total** | **1** | **5** |" in md and "2026-01-01T00:00:00Z" in md
    html = render.status_html(st, "updated <elsewhere>")
    rows = re.findall(r"<tr><th scope='row'>([^<]+)</th>(.*?)</tr>", html)
    assert [r[0] for r in rows] == ["spec text", "API operation"]
    assert re.findall(r"<td class='gs-r'>(\d+)</td>", rows[1][1]) == ["0", "2"]
    assert "gs-total" in html and "2 api operations" in html and "&lt;elsewhere&gt;" in html


def test_feedback_rows_newest_first():
    rows = render.feedback_table_rows([{"ts": "1", "rating": "up", "question": "a"}, {"ts": "2", "rating": "down", "question": "b", "comment": "c"}])
    assert rows[0][:4] == ["2", "✗ not helpful", "b", "c"] and rows[1][1] == "✓ helpful"
    assert len(rows[0]) == len(render.FEEDBACK_HEADERS)



def test_a_source_on_github_says_so_and_a_spec_page_opens_in_the_specification():
    readme = cit(2, title="Messaging — Repository README", url="https://github.com/GovStackWorkingGroup/bb-messaging/blob/main/README.md",
                 chunk_id="c2")
    html = render.sources_html([cit(1), readme], {})
    assert html.count("Open on GitHub ↗") == 1 and html.count("Open in the specification ↗") == 1


def test_every_chunk_kind_has_a_label_and_a_place_in_the_order():
    from assistant.types import CHUNK_KINDS
    from ui.render import CHUNK_ORDER, KIND_LABELS

    assert set(KIND_LABELS) == set(CHUNK_KINDS) == set(CHUNK_ORDER)


def test_a_source_card_reads_gitbook_italics_as_text_and_keeps_identifiers_underscores():
    from ui.render import highlighted_passage_html

    html = highlighted_passage_html("_Increased Complexity:_ Implementing OpenID Connect is complex. The field "
                                    "data_retention_period_days is kept.", "Implementing OpenID Connect is complex.")
    assert "_Increased" not in html and "Complexity:_" not in html and "Increased Complexity:" in html
    assert "data_retention_period_days" in html
