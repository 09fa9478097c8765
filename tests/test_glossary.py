"""Tests for ingest.glossary: cleaned terminology chapters → one record per term (inline pages + the corpus)."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from ingest.gitbook import clean_gitbook
from ingest.glossary import GlossaryTerm, extract_terms, is_terminology_page


def _terms(markdown: str) -> list[GlossaryTerm]:
    """Run the real cleaner first: extract_terms is specified on CleanPage.body."""
    return extract_terms(clean_gitbook(textwrap.dedent(markdown).lstrip("\n")).body)


def _pairs(terms: list[GlossaryTerm]) -> list[tuple[str, str]]:
    return [(t.term, t.definition) for t in terms]


# --- which pages ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path,title,expected", [
    ("spec/3-terminology.md", "3 Terminology", True),
    ("spec/2-terminology.md", None, True),
    ("security-requirements/3-terminology.md", None, True),
    ("spec/3-terminology/README.md", "3 Terminology", True),
    ("spec/3-terminology/id-related-bb-common-terminology.md", None, True),
    ("govstack-implementation-playbook/3-terminology.md", "Terminology", True),
    ("docs/intro.md", "Glossary", True),
    ("spec/2-description.md", "2 Description", False),
    ("spec/SUMMARY.md", "Table of contents", False),
    ("use-cases/usct-04-eligibility-determination-example1.md", None, False),  # "termin" ≠ "terminology"
])
def test_is_terminology_page(path, title, expected):
    assert is_terminology_page(path, title) is expected


# --- forms of definition ---------------------------------------------------------------------------------------------


def test_pipe_table_header_skipped_bold_stripped_section_rows_skipped():
    terms = _terms("""
        # 3 Terminology

        | **Term**         | **Description**                                   |
        | ---------------- | ------------------------------------------------- |
        | **Consent**      | A voluntary declaration.                          |
        | **3.5 Access**   |                                                   |
        | **Room**         | Distributes events (“new\\_birth”, “a \\| b”).     |
    """)
    assert _pairs(terms) == [("Consent", "A voluntary declaration."), ("Room", "Distributes events (“new_birth”, “a | b”).")]
    assert all(t.heading_path == ["3 Terminology"] for t in terms)


def test_table_under_numbered_section_heading_gets_that_path():
    terms = _terms("""
        # 3 Terminology

        ## 3.6 Pub/Sub

        | Term          | Description              |
        | ------------- | ------------------------ |
        | **Publisher** | Produces events.         |
    """)
    assert [(t.term, t.heading_path) for t in terms] == [("Publisher", ["3 Terminology", "3.6 Pub/Sub"])]


def test_three_column_table_with_acronym_column():
    terms = _terms("""
        | Term                     | Acronym | Description                     |
        | ------------------------ | ------- | ------------------------------- |
        | Single Sign On           | SSO     | Log in once, use many services. |
        | Uniform Resource Locator |         | An address.                     |
    """)
    assert _pairs(terms) == [("Single Sign On (SSO)", "Log in once, use many services."),
                             ("Uniform Resource Locator", "An address.")]


def test_html_table_with_hidden_header_and_comments_column():
    html_table = (
        "<table data-header-hidden><thead><tr><th></th><th></th><th></th></tr></thead><tbody>"
        "<tr><td><strong>Term or Acronym</strong></td><td><strong>Meaning and Expansion</strong></td>"
        "<td><strong>Comments and Links</strong></td></tr>"
        "<tr><td>CIS</td><td>Center for Internet Security.</td><td><p>A nonprofit.</p><p><a href='https://cis.org'>"
        "https://cis.org</a></p></td></tr>"
        "<tr><td>CVE</td><td><p>Common Vulnerabilities</p><p>and Exposures.</p></td><td></td></tr>"
        "</tbody></table>"
    )
    terms = _terms(f"# 3 Terminology\n\n{html_table}\n")
    assert _pairs(terms) == [
        ("CIS", "Center for Internet Security.\n\nComments and Links: A nonprofit. https://cis.org"),
        ("CVE", "Common Vulnerabilities and Exposures."),
    ]


def test_heading_terms_with_paragraphs_hints_and_anchors():
    terms = _terms("""
        ---
        description: Terminology used within this specification.
        ---

        # 3 Terminology

        We define common terms [here](common.md).

        ### **Attribute** <a href="#attribute" id="attribute"></a>

        Information bound to an entity.

        {% hint style="info" %}
        See also [Claim](#claim).
        {% endhint %}

        ### Claim

        A digital assertion.

        * about identity
        * about membership

        ### Empty heading

        ### Rules engine&#x20;

        A tool.&#x20;
    """)
    assert _pairs(terms) == [
        ("Attribute", "Information bound to an entity.\n\n**Note:** See also Claim."),
        ("Claim", "A digital assertion.\n\n* about identity\n* about membership"),
        ("Rules engine", "A tool."),
    ]
    assert all(t.heading_path == ["3 Terminology"] for t in terms)


def test_nested_heading_terms_keep_parent_term_in_path():
    terms = _terms("""
        # 3 Terminology

        ## Process

        A set of linked activities.

        ### Synchronous Process

        Completes before responding.

        #### Ex. Example

        ```
        Add 3 + 2
        ```
    """)
    assert [(t.term, t.heading_path) for t in terms] == [
        ("Process", ["3 Terminology"]),
        ("Synchronous Process", ["3 Terminology", "Process"]),
        ("Ex. Example", ["3 Terminology", "Process", "Synchronous Process"]),
    ]
    assert terms[2].definition == "```\nAdd 3 + 2\n```"


def test_bold_line_terms_in_tabs_mixed_with_heading_terms():
    terms = _terms("""
        # Terminology

        {% tabs %}
        {% tab title="A" %}
        **Access**

        A general term for granting access.

        #### Accessibility

        Usable by everyone.

        **Activity**

        That which is done.

        &#x20;

        **Alert Policy**&#x20;

        A rule for notifications.
        {% endtab %}

        {% tab title="B" %}
        **Beta**

        Second release phase.
        {% endtab %}
        {% endtabs %}
    """)
    assert _pairs(terms) == [
        ("Access", "A general term for granting access."),
        ("Accessibility", "Usable by everyone."),
        ("Activity", "That which is done."),
        ("Alert Policy", "A rule for notifications."),
        ("Beta", "Second release phase."),  # the tab label "B" is neither a term nor part of a definition
    ]
    # a bold term after a heading term is not "under" that heading
    assert all(t.heading_path == ["Terminology"] for t in terms)


def test_bold_inline_list_and_paragraph_forms():
    terms = _terms("""
        # Glossary

        * **API**: Application programming interface.
        * **SDK** - Software development kit.
        - **CLI:** Command line interface.

        **UI** – User interface.

        **Note:** this is not a term.
    """)
    assert _pairs(terms) == [
        ("API", "Application programming interface."),
        ("SDK", "Software development kit."),
        ("CLI", "Command line interface."),
        ("UI", "User interface.\n\n**Note:** this is not a term."),
    ]


def test_list_inside_a_definition_stays_in_it():
    terms = _terms("""
        # 3 Terminology

        ### Container

        A medium for credentials. Examples:

        * **Mobile wallet**: an app
        * **Cloud store**: a service

        **E.g.: a longer bold lead-in sentence:**

        More text.
    """)
    assert len(terms) == 1
    assert terms[0].term == "Container"
    assert "* **Mobile wallet**: an app" in terms[0].definition
    assert terms[0].definition.endswith("More text.")


def test_no_terms_in_plain_prose_or_empty_input():
    assert extract_terms("") == []
    assert extract_terms("# 3 Terminology\n\nJust an introduction.\n") == []
    assert extract_terms(None) == []  # type: ignore[arg-type]


# --- the real corpus snapshot ----------------------------------------------------------------------------------------

CORPUS = os.environ.get("GOVSTACK_CORPUS")
needs_corpus = pytest.mark.skipif(not CORPUS, reason="set GOVSTACK_CORPUS to the corpus snapshot to run")


@pytest.mark.corpus
@needs_corpus
def test_every_terminology_chapter_of_latest_yields_terms():
    root = Path(CORPUS) / "latest"
    counts: dict[str, int] = {}
    sample: dict[str, GlossaryTerm] = {}
    for f in sorted(root.rglob("*.md")):
        rel = f.relative_to(root).as_posix()
        page = clean_gitbook(f.read_text(encoding="utf-8", errors="replace"))
        if is_terminology_page(rel, page.title):
            terms = extract_terms(page.body)
            counts[rel] = len(terms)
            sample.update({f"{rel}:{t.term}": t for t in terms})
    assert len(counts) >= 15
    assert [rel for rel, n in counts.items() if n == 0] == []
    assert sum(counts.values()) >= 200
    # spot checks, one per form: heading, pipe table, HTML table, bold line in tabs
    assert "Hypervisor" in {t.term for k, t in sample.items() if k.startswith("bb-cloud-infrastructure-hosting/")}
    consent = sample["bb-consent/spec/3-terminology.md:Consent Record"]
    assert consent.definition.startswith("is created when an individual signs a consent agreement")
    assert "specifications/security-requirements/3-terminology.md:CIS" in sample
    assert "implementation-playbook/govstack-implementation-playbook/3-terminology.md:Kubernetes" in sample
    for t in sample.values():
        assert t.term and t.definition.strip()
        assert "**" not in t.term and "{%" not in t.definition and "<td" not in t.definition
