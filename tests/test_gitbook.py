"""Tests for ingest.gitbook: GitBook markdown → clean markdown (tiny inline pages + the real corpus)."""
from __future__ import annotations

import os
import random
import textwrap
import time
from pathlib import Path

import pytest

from ingest.gitbook import CleanPage, clean_gitbook


def _md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _body(text: str, **kw) -> str:
    return clean_gitbook(_md(text), **kw).body


# --- front matter and title ---------------------------------------------------------------------------------------


def test_front_matter_is_stripped_and_folded_description_kept():
    page = clean_gitbook(_md("""
        ---
        description: >-
          Terms common to the ID
          building blocks
        layout:
          title:
            visible: true
        ---

        # **3** Terminology

        Text.
    """))
    assert isinstance(page, CleanPage)
    assert page.description == "Terms common to the ID building blocks"
    assert page.title == "3 Terminology"
    assert "layout" not in page.body and "---" not in page.body
    assert page.body.startswith("# 3 Terminology")


def test_page_without_front_matter_or_h1():
    page = clean_gitbook("Just a paragraph.\n\n## Sub\n")
    assert page.description is None and page.title is None
    assert page.body == "Just a paragraph.\n\n## Sub"


def test_hash_line_inside_code_is_not_the_title():
    page = clean_gitbook("```bash\n# not a title\n```\n\n# Real\n")
    assert page.title == "Real"


# --- liquid tags ----------------------------------------------------------------------------------------------------


def test_hint_keeps_text_as_labelled_quote():
    body = _body("""
        Before.

        {% hint style="warning" %}
        Mind the gap.

        Second line.
        {% endhint %}

        {% hint style="success" %}
        Good idea.
        {% endhint %}

        {% hint style="info" %}
        Fyi.
        {% endhint %}
    """)
    assert "{%" not in body
    assert "> **Warning:** Mind the gap.\n>\n> Second line." in body
    assert "> **Tip:** Good idea." in body
    assert "> **Note:** Fyi." in body


def test_tabs_become_bold_labels_followed_by_content():
    body = _body("""
        {% tabs %}
        {% tab title="First tab" %}
        Alpha content.
        {% endtab %}

        {% tab title="B" %}
        Beta content.
        {% endtab %}
        {% endtabs %}
    """)
    assert "{%" not in body
    assert body.index("**First tab**") < body.index("Alpha content.") < body.index("**B**") < body.index("Beta content.")


def test_content_ref_becomes_see_line():
    body = _body("""
        {% content-ref url="readme/template.md" %}
        [Use case template](readme/template.md)
        {% endcontent-ref %}
    """)
    assert body == "See: Use case template"


def test_embed_file_and_columns():
    body = _body("""
        {% embed url="https://www.youtube.com/watch?v=abc%2F1" %}
        A video caption
        {% endembed %}

        {% file src="../../.gitbook/assets/Intro Deck.pptx" %}

        {% columns %}
        {% column %}
        Left side
        {% endcolumn %}
        {% column %}
        Right side
        {% endcolumn %}
        {% endcolumns %}
    """)
    assert "{%" not in body
    assert "(Embedded: https://www.youtube.com/watch?v=abc%2F1)" in body
    assert "A video caption" in body
    assert "(File: Intro Deck.pptx)" in body
    assert "Left side" in body and "Right side" in body


def test_mermaid_plugin_becomes_code_block():
    body = _body("""
        {% @mermaid/diagram content="sequenceDiagram
        A->>B: press "pay" <br>now" %}

        After.
    """)
    assert "{%" not in body
    assert '```mermaid\nsequenceDiagram\nA->>B: press "pay" <br>now\n```' in body
    assert body.endswith("After.")


def test_unknown_and_unclosed_tags_never_leak_content_markers():
    body = _body("""
        {% code title="x.py" overflow="wrap" %}
        Kept text
        {% endcode %}
    """)
    assert "{%" not in body and "Kept text" in body


# --- API operation blocks ------------------------------------------------------------------------------------------

SWAGGER_PAGE = """
## 8.1 Processes

{% swagger src="https://raw.githubusercontent.com/x/y/main/api/swagger.yaml" path="/processes" method="get" %}
[https://raw.githubusercontent.com/x/y/main/api/swagger.yaml](https://raw.githubusercontent.com/x/y/main/api/swagger.yaml)
{% endswagger %}

{% openapi src="../.gitbook/assets/Voucher (1).yml" path="/vouchers" method="post" %}
[Voucher (1).yml](<../.gitbook/assets/Voucher (1).yml>)
{% endopenapi %}

{% openapi-operation spec="govstack-api" path="/listClients" method="get" %}
[OpenAPI govstack-api](https://raw.githubusercontent.com/x/y/main/api/im.yaml)
{% endopenapi-operation %}
"""


def test_api_blocks_fall_back_to_one_line_and_are_listed_in_order():
    page = clean_gitbook(SWAGGER_PAGE)
    assert page.swagger_refs == [
        {"src": "https://raw.githubusercontent.com/x/y/main/api/swagger.yaml", "path": "/processes", "method": "get"},
        {"src": "../.gitbook/assets/Voucher (1).yml", "path": "/vouchers", "method": "post"},
        {"path": "/listClients", "method": "get", "spec": "govstack-api"},
    ]
    assert "API operation: GET /processes" in page.body
    assert "API operation: POST /vouchers" in page.body
    assert "API operation: GET /listClients" in page.body
    # the repeated spec link is not prose
    assert "swagger.yaml" not in page.body and "Voucher (1).yml" not in page.body and "govstack-api" not in page.body
    assert "{%" not in page.body


def test_api_blocks_resolved_through_callback_verbatim():
    seen = []

    def resolve(ref: dict) -> str | None:
        seen.append(ref)
        if ref.get("path") == "/processes":
            return "#### GET /processes\n\nLists processes. Field `a_b` \\_kept\\_ <raw>."
        return None

    page = clean_gitbook(SWAGGER_PAGE, resolve_api=resolve)
    assert [r["path"] for r in seen] == ["/processes", "/vouchers", "/listClients"]
    assert page.swagger_refs == seen
    # the resolver's text is inserted as is: no unescaping, no tag stripping
    assert "#### GET /processes\n\nLists processes. Field `a_b` \\_kept\\_ <raw>." in page.body
    assert "API operation: GET /processes" not in page.body
    assert "API operation: POST /vouchers" in page.body


def test_resolver_errors_propagate():
    def broken(ref):
        raise KeyError("boom")

    with pytest.raises(KeyError):
        clean_gitbook(SWAGGER_PAGE, resolve_api=broken)


def test_swagger_sub_blocks_become_readable_lines():
    body = _body("""
        {% swagger method="get" path="/users/{id}" baseUrl="https://api.example.org" summary="Get a user" %}
        {% swagger-description %}
        Returns one user.
        {% endswagger-description %}

        {% swagger-parameter in="path" name="id" type="String" required="true" %}
        The user id
        {% endswagger-parameter %}

        {% swagger-parameter in="query" name="verbose" %}
        {% endswagger-parameter %}

        {% swagger-response status="200: OK" description="Found" %}
        ```json
        {"id": 1}
        ```
        {% endswagger-response %}
        {% endswagger %}
    """)
    assert "{%" not in body
    assert "API operation: GET /users/{id} — Get a user" in body
    assert "Returns one user." in body
    assert "Parameter `id` (in path, String, required): The user id" in body
    assert "Parameter `verbose` (in query)" in body
    assert "Response 200: OK: Found" in body
    assert '```json\n{"id": 1}\n```' in body


def test_unclosed_swagger_tag_is_still_recorded_and_does_not_swallow_the_next_block():
    page = clean_gitbook('Intro\n\n{% swagger src="a.yaml" path="/x" method="delete" %}\n\nTail text\n\n'
                         '{% swagger src="a.yaml" path="/y" method="put" %}\n[a.yaml](a.yaml)\n{% endswagger %}\n')
    assert page.swagger_refs == [{"src": "a.yaml", "path": "/x", "method": "delete"},
                                 {"src": "a.yaml", "path": "/y", "method": "put"}]
    assert page.body == "Intro\n\nAPI operation: DELETE /x\n\nTail text\n\nAPI operation: PUT /y"


# --- HTML ------------------------------------------------------------------------------------------------------------


def test_html_table_becomes_pipe_table_with_hidden_header_promoted():
    html_table = (
        '<table data-header-hidden><thead><tr><th width="179"></th><th></th><th></th></tr></thead><tbody>'
        "<tr><td><strong>Term</strong></td><td><strong>Meaning</strong></td><td><strong>Links</strong></td></tr>"
        "<tr><td>Access</td><td><p>A general term for granting and</p><p>restriction of access.</p></td>"
        '<td><p>Opening a file.</p><p><br></p><p><a href="https://x.org/a">https://x.org/a</a></p></td></tr>'
        "<tr><td>A &#x26; B</td><td>Line one<br>Line two | with pipe &#x3C;ID></td><td></td></tr>"
        "</tbody></table>"
    )
    body = _body(f"# T\n\n{html_table}\n\nAfter.\n")
    lines = body.split("\n")
    assert "<" + "table" not in body and "<td" not in body and "&#x" not in body
    assert "| Term | Meaning | Links |" in lines
    assert "| --- | --- | --- |" in lines
    assert "| Access | A general term for granting and restriction of access. | Opening a file. https://x.org/a |" in lines
    # <br> becomes "; ", a literal pipe is escaped so the row keeps its 3 cells, `<ID>` stays text
    assert r"| A & B | Line one; Line two \| with pipe <ID> |  |" in lines
    assert body.endswith("After.")


def test_html_table_with_hidden_header_whose_first_row_is_data_keeps_it_as_a_row():
    """The security requirements hide the header of tables that have none: the first row is a requirement."""
    html_table = (
        '<table data-header-hidden><thead><tr><th width="635"></th><th width="126"></th></tr></thead><tbody>'
        "<tr><td><p><strong>5.12.1 OWASP Compliance</strong></p><p>The custom developed applications MUST take steps "
        "to protect against the top OWASP vulnerabilities.</p></td><td>REQUIRED</td></tr>"
        "<tr><td><p><strong>5.12.3 Support for Common Programming Languages</strong></p><p>The solution should support "
        "common programming languages.</p></td><td>OPTIONAL</td></tr>"
        "</tbody></table>"
    )
    lines = _body(f"# T\n\n{html_table}\n").split("\n")
    i = lines.index("| --- | --- |")
    assert lines[i - 1].replace(" ", "") == "|||"  # no header of its own
    assert lines[i + 1].startswith("| 5.12.1 OWASP Compliance; The custom developed applications MUST") \
        and lines[i + 1].endswith("| REQUIRED |")


def test_columns_of_links_become_one_line_naming_them_all():
    text = ("Browse the building blocks in the following list:\n\n**Building Blocks Specifications**\n\n"
            "{% columns %}\n{% column %}\n[Consent](https://specs.govstack.global/consent)\n\n"
            "[Identity](https://specs.govstack.global/identity)\n{% endcolumn %}\n\n{% column %}\n"
            "[Wallet](https://specs.govstack.global/wallet)\n{% endcolumn %}\n{% endcolumns %}\n\nAfter.\n")
    body = _body(text)
    assert "Consent; Identity; Wallet." in body.split("\n") and "{%" not in body and body.endswith("After.")
    # columns that hold anything but bare links keep their paragraphs
    body = _body("{% columns %}\n{% column %}\nSome text.\n{% endcolumn %}\n{% column %}\n[A](a)\n{% endcolumn %}\n"
                 "{% endcolumns %}\n")
    assert body.split("\n\n") == ["Some text.", "A"]


def test_card_table_becomes_list_without_hidden_columns():
    cards = (
        '<table data-view="cards"><thead><tr><th></th><th></th>'
        '<th data-hidden data-card-target data-type="content-ref"></th></tr></thead><tbody>'
        '<tr><td>Register</td><td></td><td><a href="6.1-register.md">6.1-register.md</a></td></tr>'
        '<tr><td>Authenticate</td><td></td><td><a href="6.2-auth.md">6.2-auth.md</a></td></tr>'
        "</tbody></table>"
    )
    body = _body(cards)
    assert body == "- Register\n- Authenticate"


def test_markdown_pipe_table_padding_trimmed_rows_intact():
    body = _body("""
        | **Term**      | Description                                  |
        | ------------- | -------------------------------------------- |
        | **Room**      | Handles events (“new\\_birth”).               |
        | **Log**       | <p>First.</p><p>Second part</p>              |
        | Code          | PIN \\|\\| Password                             |
    """)
    lines = body.split("\n")
    assert lines == [
        "| **Term** | Description |",
        "| --- | --- |",
        "| **Room** | Handles events (“new_birth”). |",
        "| **Log** | First. Second part |",
        r"| Code | PIN \|\| Password |",
    ]


def test_figures_and_images():
    body = _body("""
        <figure><img src="../a.png" alt=""><figcaption><p>As-Is <a href="https://x">journeys</a></p></figcaption></figure>

        <figure><img src="../b.png" alt="Alt only"><figcaption></figcaption></figure>

        <figure><img src="../c.png" alt=""><figcaption></figcaption></figure>

        <img src="../d.svg" alt="" class="gitbook-drawing">

        <img src="../e.svg" alt="Bare alt">

        ![Sequence diagram](<../.gitbook/assets/image (1).png>)

        ![](../.gitbook/assets/f.png)

        End.
    """)
    assert body == "[Figure: As-Is journeys]\n\n[Figure: Alt only]\n\n[Figure: Bare alt]\n\n[Figure: Sequence diagram]\n\nEnd."


def test_mark_details_summary_br_and_stray_tags():
    body = _body("""
        A <mark style="color:blue;">highlighted</mark> word.<br>Next line.

        <details>

        <summary><a href="https://x.org">India</a></summary>

        Hidden <em>body</em> <u>text</u>.

        </details>

        ## 8.2 P2G <a href="#docs-internal" id="docs-internal"></a>

        Keep <ID>, <token> and a < b placeholders.
    """)
    assert "A highlighted word.\nNext line." in body
    assert "**India**\n\nHidden body text." in body
    assert "## 8.2 P2G\n" in body
    assert "Keep <ID>, <token> and a < b placeholders." in body
    assert "<mark" not in body and "<details" not in body and "<summary" not in body and "<a " not in body


# --- characters ------------------------------------------------------------------------------------------------------


def test_entities_and_invisible_characters():
    body = _body("""
        Fish &#x26; chips&nbsp;today &#x3C;tag> it&#x27;s&#x20;
        &#x20;
        Zero\u200bwidth and\u00a0nbsp. &#xNAN;_&#x53;ample_
    """)
    assert "&#x" not in body and "&nbsp;" not in body and "\u200b" not in body and "\u00a0" not in body
    assert body == "Fish & chips today <tag> it's\n\nZerowidth and nbsp. _Sample_"


def test_backslash_escapes_outside_code_and_hard_breaks():
    body = _body(r"""
        new\_birth \*not bold\* \[x] \<ID> a \& b \| c\
        next line
    """)
    assert body == "new_birth *not bold* [x] <ID> a & b | c\nnext line"


def test_links_keep_text_and_urls_only_when_text_is_url():
    body = _body("""
        See [the guide](https://example.org/guide "Title") and [https://x.org/a](https://x.org/a).
        Local [page](<../a b (1).md>) and <https://auto.link/x>. Empty [](https://gone).
        Escaped \\[not a link](x).
    """)
    assert body == ("See the guide and https://x.org/a.\n"
                    "Local page and https://auto.link/x. Empty .\n"
                    "Escaped [not a link](x).")


# --- structure preserved ----------------------------------------------------------------------------------------------


def test_code_blocks_are_never_altered():
    code = "```html\n<table><tr><td>&#x20;\\_x {% hint %}</td></tr></table>\n  ![i](j) [a](b) <br>\n```"
    body = _body("Intro &#x20;\n\n" + code + "\n\n~~~\n\\_raw &amp;\n~~~\n")
    assert code in body
    assert "~~~\n\\_raw &amp;\n~~~" in body


def test_inline_code_is_not_altered():
    body = _body("Use `new\\_birth &#x20; <b>` here &#x20;\n")
    assert body == "Use `new\\_birth &#x20; <b>` here"


def test_code_inside_hint_stays_unquoted_and_intact():
    body = _body("""
        {% hint style="info" %}
        Run this:

        ```
        make all
        ```
        {% endhint %}
    """)
    assert "> **Note:** Run this:" in body
    assert "```\nmake all\n```" in body


def test_headings_lists_kept_blank_lines_collapsed():
    body = _body("""
        # Title



        ### **9.2.4 Voucher flow**

        ###

        * item one
          * nested

        1. first
        2\\. escaped number
    """)
    assert body == ("# Title\n\n### 9.2.4 Voucher flow\n\n* item one\n  * nested\n\n"
                    "1. first\n2. escaped number")


# --- robustness --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("junk", [
    "", "\x00\x01\x02", "{%", "{% swagger", "{% hint style='x' %}never closed", "<table><tr><td>x",
    "<figure><img", "```\nunclosed fence", "---\n: : bad yaml [\n---\nbody", "---\ndescription: [1, 2\n",
    "\ue000999\ue001 forged token", "&#xFFFFFFFF; &#0; &#x110000;", "\\" * 50, "|" * 100, "\ud800 lone surrogate",
    "{% tab title=\"\" %}", "<summary>", "[a](" * 200, "<" * 300 + ">" * 300, "{%" * 2000,
])
def test_never_raises_on_junk(junk):
    page = clean_gitbook(junk)
    assert isinstance(page, CleanPage) and isinstance(page.body, str)
    assert "\ue000" not in page.body and "\ue001" not in page.body


def test_never_raises_on_random_mixtures():
    rng = random.Random(1234)
    atoms = ["{%", "%}", "{% hint %}", "{% endhint %}", "{% swagger path=\"/a\" %}", "{% endswagger %}", "<table>",
             "</table>", "<tr>", "<td>", "<br>", "<figure>", "<img alt='x'>", "```", "`", "|", "\\", "&#x20;",
             "&#xNAN;", "**", "[", "](", ")", "\n", "\n\n", "# ", "text", "\u200b", "---\n", "<details>", ">"]
    for _ in range(300):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 60)))
        page = clean_gitbook(text)
        assert isinstance(page.body, str)


def test_non_str_input_does_not_raise():
    assert clean_gitbook(b"# Bytes \xff\n").title == "Bytes \ufffd"
    assert clean_gitbook(None).body == ""  # type: ignore[arg-type]


def test_large_page_keeps_every_section():
    big = "\n\n".join(
        f"### Term {i}\n\nSome &#x20; text with <mark>html</mark> and [a link](x) \\_ ok.\n\n"
        f"| **A** | <p>B</p><p>C</p> |\n| --- | --- |\n| x{i} | y |" for i in range(2000)
    )
    body = clean_gitbook(big).body
    assert body.count("### Term") == 2000
    assert body.count("| **A** | B; C |") == 2000 and "&#x" not in body and "<mark" not in body


# --- the real corpus snapshot ------------------------------------------------------------------------------------------

CORPUS = os.environ.get("GOVSTACK_CORPUS")
needs_corpus = pytest.mark.skipif(not CORPUS, reason="set GOVSTACK_CORPUS to the corpus snapshot to run")


@pytest.mark.corpus
@needs_corpus
def test_whole_latest_corpus_cleans_without_leftovers():
    from ingest.glossary import extract_terms, is_terminology_page

    root = Path(CORPUS) / "latest"
    files = sorted(root.rglob("*.md"))
    assert len(files) > 400
    leftovers = []
    refs = 0
    terms = 0
    start = time.perf_counter()
    for f in files:
        rel = f.relative_to(root).as_posix()
        page = clean_gitbook(f.read_text(encoding="utf-8", errors="replace"))
        refs += len(page.swagger_refs)
        for marker in ("{%", "&#x", "<table"):
            if marker in page.body:
                leftovers.append((rel, marker))
        if is_terminology_page(rel, page.title):
            terms += len(extract_terms(page.body))
    elapsed = time.perf_counter() - start
    assert leftovers == []
    assert refs >= 300  # every swagger/openapi block of the service-API chapters is recorded
    assert terms >= 200
    assert elapsed < 15  # generous: a loaded CI box; a laptop takes about 1 s
