"""Tests for ingest.usecases: product use-case pages → records (tiny inline pages + the real corpus)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.usecases import UseCaseFormatError, bb_id_for, clean_markdown, load_use_cases, parse_use_case

CANONICAL_IDS = {
    "cloud-infrastructure", "content-management", "consent", "digital-registries", "emarketplace", "esignature",
    "gis", "identity", "information-mediator", "messaging", "payments", "registration", "scheduler", "wallet",
    "workflow",
}

# A made-up use case in the upstream page layout, exercising the variants seen across the real pages:
# H1 ID that disagrees with the table, bold step headings, "Step N -" prefixes, "#### Building Blocks",
# "**Building Block Workflows**", several workflows in one item, plain-text BB names, a private GitBook link.
MINI_PAGE = """\
---
description: a test page
---
# TEST-7 - Library Card

## Product Use Case Summary

| ID      | TEST-9        |
| ------- | ------------- |
| Name    | Library Cards |
| Sector  | Culture       |
| Version | 0.1           |
| Status  | Draft.        |

Residents get a library card online\\_fast &#x20;and borrow **books**.

A second [paragraph](https://example.org/x).

## Stakeholders

* Readers

## Sustainable Development Goals (SDGs)

* [**SDG 4**](https://example.org/sdgs/quality\\_education): Quality Education

## Building Blocks

* [**Scheduling**](https://govstack.gitbook.io/bb-scheduler/v/skd-23q4)
* [**Information Mediator**](https://govstack.gitbook.io/bb-information-mediation)
* Registry (for card records)

## Steps

### **1 - Sign Up**

A reader fills in a form. Costs 5\\* coins.

**Workflows**

* **Client Communication** / **Data Collection and Reporting** to tell readers about it
  * a sub-point that is not a workflow
* **Procurement:** buying cards

#### Building Blocks

[**Scheduling**](https://govstack.gitbook.io/bb-scheduler/)

[**Identity**](https://app.gitbook.com/o/abc/c/def)

### Step 2a - Borrow

Readers borrow items.

**Workflows**&#x20;

* Plain workflow without bold

**Building Block Workflows**

[**Workflow**](https://govstack.gitbook.io/bb-workflow)

[**Digital Registry** ](https://govstack.gitbook.io/bb-digital-registries)

## Contributors

* Nobody
"""


def test_mini_page_header_fields():
    uc = parse_use_case(MINI_PAGE, "use-cases/test-7-library-card.md")
    assert uc is not None
    assert uc.id == "TEST-7"  # the H1 wins over a table ID copied from elsewhere
    assert uc.title == "Library Card"
    assert (uc.sector, uc.version, uc.status) == ("Culture", "0.1", "Draft")
    assert uc.summary == "Residents get a library card online_fast and borrow books.\n\nA second paragraph."
    assert uc.sdgs == ["SDG 4: Quality Education"]
    assert uc.building_blocks == ["scheduler", "information-mediator", "digital-registries"]
    assert uc.path == "use-cases/test-7-library-card.md"


def test_mini_page_steps():
    uc = parse_use_case(MINI_PAGE, "use-cases/test-7-library-card.md")
    assert [s.number for s in uc.steps] == ["1", "2a"]
    first, second = uc.steps
    assert first.title == "Sign Up"
    assert first.description == "A reader fills in a form. Costs 5* coins."
    assert first.workflows == ["Client Communication", "Data Collection and Reporting", "Procurement"]
    # the link to a private GitBook id falls back to the link text
    assert first.building_blocks == ["scheduler", "identity"]
    assert second.title == "Borrow"
    assert second.workflows == ["Plain workflow without bold"]
    # "[**Workflow**](…)" is a BB link, not the start of a Workflows part
    assert second.building_blocks == ["workflow", "digital-registries"]


def test_use_case_bbs_fall_back_to_step_union_when_list_missing():
    page = MINI_PAGE.replace("\n## Building Blocks\n", "\n## Other Things\n")
    uc = parse_use_case(page, "x.md")
    assert uc.building_blocks == ["scheduler", "identity", "workflow", "digital-registries"]


@pytest.mark.parametrize(
    "given, expected",
    [
        ("Scheduling", "scheduler"),
        ("https://govstack.gitbook.io/bb-information-mediation", "information-mediator"),
        ("https://govstack.gitbook.io/bb-information-mediation/v/im-23q4", "information-mediator"),
        ("Information Mediator", "information-mediator"),
        ("Digital Registries", "digital-registries"),
        ("Digital Registry", "digital-registries"),
        ("GIS", "gis"),
        ("E-Signature", "esignature"),
        ("eMarketplace", "emarketplace"),
        ("E-Marketplace", "emarketplace"),
        ("[**Payments**](https://govstack.gitbook.io/bb-payments/)", "payments"),
        ("[**Identity**](https://app.gitbook.com/o/x/c/y)", "identity"),
        ("Registry (ChromaDB vector storage)", "digital-registries"),
        ("https://specs.govstack.global/registries/spec/2-description", "digital-registries"),
        ("bb-cms", "content-management"),
        ("Security", None),
        ("Client Case Management", None),
        ("", None),
        ("https://example.org/bb-unknown-thing", None),
    ],
)
def test_bb_id_for(given, expected):
    assert bb_id_for(given) == expected


def test_clean_markdown_keeps_escaped_asterisks_and_decodes_entities():
    assert clean_markdown("\\*\\*\\* note **bold** M\\&E&#x20;") == "*** note bold M&E"


@pytest.mark.parametrize(
    "page",
    [
        "# Reference Use Cases\n\nSome intro text.\n",
        "# XY-01-Outreach-Example1\n\n### Sequence Diagram\n",  # an example-implementation page, not a use case
        "# \\<Use Case Template>\n\n| ID | \\<Abbev-Sector - Index> |\n| -- | -- |\n\n## Steps\n\n### <# - Step Name>\n",
        "",
    ],
)
def test_non_use_case_pages_give_none(page):
    assert parse_use_case(page, "README.md") is None


def test_use_case_without_steps_is_a_format_error():
    with pytest.raises(UseCaseFormatError, match="no '## Steps'"):
        parse_use_case("# ABC-1 - Half Written\n\n## Building Blocks\n\n* Identity\n", "use-cases/abc-1.md")


def test_load_use_cases_skips_bad_pages_with_reasons(tmp_path: Path):
    folder = tmp_path / "use-cases"
    folder.mkdir()
    (folder / "test-7-library-card.md").write_text(MINI_PAGE, encoding="utf-8")
    (folder / "half.md").write_text("# ABC-1 - Half Written\n\n## Stakeholders\n\n* Someone\n", encoding="utf-8")
    (folder / "template.md").write_text("# \\<Use Case Template>\n", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "README.md").write_text("# Not looked at\n", encoding="utf-8")

    records, skipped = load_use_cases(tmp_path)

    assert [r.id for r in records] == ["TEST-7"]
    reasons = dict(skipped)
    assert set(reasons) == {"use-cases/half.md", "use-cases/template.md", "use-cases/binary.md"}
    assert "Steps" in reasons["use-cases/half.md"]
    assert reasons["use-cases/template.md"].startswith("not a use case")
    assert reasons["use-cases/binary.md"].startswith("unreadable")


def test_load_use_cases_on_missing_dir_reports_instead_of_raising(tmp_path: Path):
    records, skipped = load_use_cases(tmp_path / "nope")
    assert records == [] and skipped and skipped[0][1] == "not a directory"


# --- the real corpus snapshot ------------------------------------------------------------------------------

CORPUS = os.environ.get("GOVSTACK_CORPUS")
needs_corpus = pytest.mark.skipif(not CORPUS, reason="set GOVSTACK_CORPUS to the corpus snapshot to run")


@pytest.mark.corpus
@needs_corpus
def test_latest_use_cases_all_parse_with_steps_and_canonical_bbs():
    records, skipped = load_use_cases(Path(CORPUS) / "latest" / "product-use-cases")
    assert len(records) >= 16, skipped
    assert skipped == []
    ids = [r.id for r in records]
    assert len(set(ids)) == len(ids)
    assert {"INST-1", "INST-2", "INF-1", "EGOV-1"} <= set(ids)
    for r in records:
        assert r.steps, r.id
        assert len(r.building_blocks) >= 2, r.id
        assert set(r.building_blocks) <= CANONICAL_IDS, r.id
        assert r.unmapped_building_blocks == [], r.id
        for s in r.steps:
            assert set(s.building_blocks) <= CANONICAL_IDS, (r.id, s.number)
            assert s.title and s.description, (r.id, s.number)


@pytest.mark.corpus
@needs_corpus
def test_latest_inst1_step_mappings_match_the_page():
    records, _ = load_use_cases(Path(CORPUS) / "latest" / "product-use-cases")
    inst1 = next(r for r in records if r.id == "INST-1")
    assert len(inst1.steps) == 9
    assert inst1.steps[0].building_blocks == ["messaging", "scheduler"]  # written "Scheduling" on the page
    assert inst1.steps[2].building_blocks == ["consent", "identity", "information-mediator"]  # "Building Block Workflows"
    assert inst1.steps[6].building_blocks == ["consent", "identity", "scheduler", "workflow"]
    assert "Client communication" in inst1.steps[0].workflows
    assert inst1.sdgs[0] == "SDG 1: No Poverty"


@pytest.mark.corpus
@needs_corpus
def test_23q4_use_cases_skip_only_the_template():
    records, skipped = load_use_cases(Path(CORPUS) / "23Q4" / "product-use-cases")
    assert len(records) == 14
    assert [p for p, _ in skipped] == ["use-cases/less-than-use-case-template-greater-than.md"]


@pytest.mark.corpus
@needs_corpus
def test_latest_egov1_keeps_what_each_block_does_in_a_step():
    """EGOV-1 lists each step's blocks with their role ("Registry (ChromaDB vector storage)"): the role is kept as the
    page writes it; blocks listed by name alone have none."""
    records, _ = load_use_cases(Path(CORPUS) / "latest" / "product-use-cases")
    egov = next(r for r in records if r.id == "EGOV-1")
    step2 = next(s for s in egov.steps if s.number == "2")
    assert step2.block_roles["digital-registries"] == "Registry (ChromaDB vector storage)"
    assert step2.block_roles["information-mediator"] == "Information Mediator (RAG pipeline integration)"
    assert egov.steps[0].block_roles == {}
    inst1 = next(r for r in records if r.id == "INST-1")
    assert all(s.block_roles == {} for s in inst1.steps)
