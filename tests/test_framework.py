"""Tests for ingest.framework: SDG Digital Investment Framework JSON → records (tiny inline data + the corpus)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ingest.framework import FRAMEWORK_TO_GOVSTACK, load_framework, quill_to_text


def delta(*ops: dict) -> str:
    return json.dumps({"ops": list(ops)})


def txt(s: str) -> dict:
    return {"insert": s}


def bold(s: str) -> dict:
    return {"insert": s, "attributes": {"bold": True}}


def bullet(indent: int = 0) -> dict:
    attrs: dict = {"list": "bullet"}
    if indent:
        attrs["indent"] = indent
    return {"insert": "\n", "attributes": attrs}


# --- quill_to_text ----------------------------------------------------------------------------------------


def test_quill_bullets_attach_to_the_preceding_line():
    d = delta(bold("Colours:"), txt("\nRed"), bullet(), txt("Dark red"), bullet(1), txt("Blue"), bullet(), txt("\nAfter.\n"))
    assert quill_to_text(d) == "Colours:\n- Red\n  - Dark red\n- Blue\n\nAfter."


def test_quill_accepts_dicts_plain_text_and_nbsp():
    assert quill_to_text({"ops": [{"insert": "A\u00a0b\n"}]}) == "A b"
    assert quill_to_text("not a delta at all") == "not a delta at all"
    assert quill_to_text({"ops": [{"insert": {"image": "x.png"}}, {"insert": "text\n"}]}) == "text"


def test_quill_ordered_lists_are_numbered():
    d = delta(txt("one"), {"insert": "\n", "attributes": {"list": "ordered"}}, txt("two"),
              {"insert": "\n", "attributes": {"list": "ordered"}})
    assert quill_to_text(d) == "1. one\n2. two"


# --- load_framework on a tiny directory ------------------------------------------------------------------

BB = {
    "name": "Scheduling",
    "slug": "scheduling",
    "description": delta(
        bold("Short Description:\u00a0"), txt("Books things.\n\n"),
        bold("Full Description:\u00a0"), txt("Books things at set times.\n\n"),
        bold("Other Names:\u00a0"), txt("Booking tool, Calendar (shared, online)\n\n"),
        bold("Key Digital Functionalities:"), txt("\nCreate an event"), bullet(), txt("Cancel an event"), bullet(), txt("\n"),
        bold("Examples of use in different sectors:"), txt("\n"),
        bold("Farming sector:\u00a0"), bullet(), txt("Plan a harvest"), bullet(1), txt("Plan a sale"), bullet(1),
        bold("Schools sector:\u00a0"), txt("Timetables. Examples include:"), bullet(), txt("Exams"), bullet(1), txt("\n"),
    ),
}
BB_UNMAPPED = {"name": "Fancy Analytics", "slug": "fancy_analytics", "description": delta(txt("Nothing here.\n"))}
WORKFLOW = {
    "name": "Client Reminders",
    "slug": "client_reminders",
    "description": delta(
        bold("Short Description:\u00a0"), txt("Reminds people.\n\n"),
        bold("Other Names:\u00a0"), txt("Nudging\n\n"),
        bold("Sample mappings of workflows to use case:"), txt("\n"),
        bold("Farming: Crop Sales:\u00a0"), txt("Remind sellers of market day"), bullet(),
        bold("Use Case Schools: Lessons at Home:\u00a0"), txt("Remind pupils of homework"), bullet(), txt("\n"),
    ),
}
USE_CASE = {
    "name": "Crop Sales",
    "slug": "crop_sales",
    "description": delta(
        bold("Description:\u00a0"), txt("Farmers sell crops.\n\n"), bold("Sector:\u00a0"), txt("Agriculture\n\n"),
        bold("Steps for this use case include:"), txt("\nList a crop"), bullet(), txt("Get paid"), bullet(), txt("\n"),
    ),
}
SDGS = [
    {"code": "1", "description": "Goal one", "targets": [
        {"code": "1.1", "description": "Target one", "indicators": [{"code": "1.1.1", "description": "Indicator"}]},
    ]},
    {"code": "2", "description": "Goal two", "targets": []},
]


def write_framework(tmp_path: Path) -> Path:
    (tmp_path / "building-blocks.json").write_text(json.dumps([BB, BB_UNMAPPED, {"slug": "no_name"}]), encoding="utf-8")
    (tmp_path / "workflows.json").write_text(json.dumps([WORKFLOW]), encoding="utf-8")
    (tmp_path / "use-cases.json").write_text(json.dumps([USE_CASE]), encoding="utf-8")
    (tmp_path / "sdgs.json").write_text('[{"code": "1", "description": "broken', encoding="utf-8")
    return tmp_path


def test_malformed_file_and_record_are_skipped_with_reasons(tmp_path: Path):
    data = load_framework(write_framework(tmp_path))
    reasons = dict(data.skipped)
    assert set(reasons) == {"sdgs.json", "building-blocks.json[2]"}
    assert "JSONDecodeError" in reasons["sdgs.json"]
    assert "name" in reasons["building-blocks.json[2]"]
    assert data.sdg_targets == [] and data.goals == {}
    assert len(data.building_blocks) == 2 and len(data.workflows) == 1 and len(data.use_cases) == 1


def test_building_block_fields(tmp_path: Path):
    bb, unmapped = load_framework(write_framework(tmp_path)).building_blocks
    assert bb.short_description == "Books things."
    assert bb.full_description == "Books things at set times."
    assert bb.other_names == ["Booking tool", "Calendar (shared, online)"]
    assert bb.key_functionalities == ["Create an event", "Cancel an event"]
    assert bb.sector_examples == [
        "Farming sector: Plan a harvest; Plan a sale",
        "Schools sector: Timetables. Examples include: Exams",
    ]
    assert "- Create an event" in bb.text and "  - Plan a harvest" in bb.text
    assert bb.govstack_bb == "scheduler"
    assert unmapped.govstack_bb is None


def test_workflow_and_use_case_are_linked_through_sample_mappings(tmp_path: Path):
    data = load_framework(write_framework(tmp_path))
    wf, uc = data.workflows[0], data.use_cases[0]
    assert wf.examples == ["Farming: Crop Sales: Remind sellers of market day",
                           "Use Case Schools: Lessons at Home: Remind pupils of homework"]
    assert wf.other_names == ["Nudging"]
    assert wf.use_cases == ["crop_sales"]  # "Lessons at Home" names no use case in this data
    assert wf.building_blocks == []
    assert uc.workflows == ["client_reminders"]
    assert (uc.description, uc.sector) == ("Farmers sell crops.", "Agriculture")
    assert [s["name"] for s in uc.steps] == ["List a crop", "Get paid"]


def test_sdg_targets_flatten_goals(tmp_path: Path):
    (tmp_path / "sdgs.json").write_text(json.dumps(SDGS), encoding="utf-8")
    data = load_framework(tmp_path)
    assert data.goals == {"1": "Goal one", "2": "Goal two"}
    (target,) = data.sdg_targets
    assert (target.goal_code, target.goal_description, target.code, target.description) == ("1", "Goal one", "1.1", "Target one")
    assert target.indicators == ["1.1.1: Indicator"]
    # the three other files are missing here: each is reported, none raises
    assert {f for f, _ in data.skipped} == {"building-blocks.json", "workflows.json", "use-cases.json"}


def test_mapping_table_only_names_canonical_ids():
    canonical = {"cloud-infrastructure", "content-management", "consent", "digital-registries", "emarketplace",
                 "esignature", "gis", "identity", "information-mediator", "messaging", "payments", "registration",
                 "scheduler", "wallet", "workflow"}
    assert {v for v in FRAMEWORK_TO_GOVSTACK.values() if v} <= canonical


# --- the real corpus snapshot ------------------------------------------------------------------------------

CORPUS = os.environ.get("GOVSTACK_CORPUS")
needs_corpus = pytest.mark.skipif(not CORPUS, reason="set GOVSTACK_CORPUS to the corpus snapshot to run")


@pytest.mark.corpus
@needs_corpus
def test_real_framework_counts_and_fields():
    data = load_framework(Path(CORPUS) / "sdg-digital-investment-framework")
    assert data.skipped == []
    assert (len(data.building_blocks), len(data.workflows), len(data.use_cases), len(data.goals)) == (23, 16, 16, 17)
    assert len(data.sdg_targets) >= 160
    for bb in data.building_blocks:
        assert bb.short_description and bb.full_description and bb.key_functionalities, bb.slug
        assert bb.sector_examples, bb.slug
    mapped = {bb.slug: bb.govstack_bb for bb in data.building_blocks if bb.govstack_bb}
    assert mapped["consent_management"] == "consent"
    assert mapped["identification_and_authenticatio"] == "identity"
    assert mapped["scheduling"] == "scheduler"
    assert len(mapped) == 12
    for wf in data.workflows:
        assert wf.short_description and wf.examples, wf.slug
    linked = {uc.slug for uc in data.use_cases if uc.workflows}
    assert linked == {"market_linkage", "remote_learning", "maternal_and_newborn_health"}
    assert all(uc.sector for uc in data.use_cases)
