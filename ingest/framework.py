"""SDG Digital Investment Framework JSON (ICT building blocks, workflows, use cases, SDG targets) → records."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.usecases import bb_id_for

FILES = {
    "building_blocks": "building-blocks.json",
    "workflows": "workflows.json",
    "use_cases": "use-cases.json",
    "sdgs": "sdgs.json",
}

# Framework building block (slug) → GovStack building block id. Decided by reading both descriptions, not by
# name similarity: the framework's 23 blocks are a broader taxonomy and most have no GovStack specification.
# None means "no GovStack BB covers this"; a slug missing here falls back to an exact name/alias match.
FRAMEWORK_TO_GOVSTACK: dict[str, str | None] = {
    "consent_management": "consent",
    "content_management": "content-management",
    "digital_registries": "digital-registries",
    "emarketplace": "emarketplace",
    "geographic_information_services": "gis",
    "identification_and_authenticatio": "identity",  # the slug is truncated upstream
    "information_mediator": "information-mediator",
    "messaging": "messaging",
    "payments": "payments",
    "registration": "registration",
    "scheduling": "scheduler",
    "workflow_and_algorithm": "workflow",
    # Security is a cross-cutting requirement in GovStack (architecture spec), not one of its 15 building blocks.
    "security": None,
    # Shared data repositories (domain stores such as an HMIS) are listed apart from Digital registries upstream.
    "shared_data_repositories": None,
    # Case management, data collection, analytics, dashboards, AI, eLearning, mobility, terminology and
    # collaboration have no GovStack specification.
    "client_case_management": None,
    "data_collection": None,
    "analytics_and_business_intel": None,
    "reporting_and_dashboards": None,
    "artificial_intelligence": None,
    "elearning": None,
    "mobility_management": None,
    "terminology": None,
    "collaboration_management": None,
}


@dataclass
class FrameworkBuildingBlock:
    slug: str
    name: str
    short_description: str
    full_description: str
    other_names: list[str]
    key_functionalities: list[str]
    sector_examples: list[str]  # one entry per sector: "Health sector: example; example"
    text: str  # the whole description as readable text (bullets as "- item")
    govstack_bb: str | None  # canonical GovStack id when this framework block corresponds to one


@dataclass
class FrameworkWorkflow:
    slug: str
    name: str
    short_description: str
    full_description: str
    other_names: list[str]
    examples: list[str]  # the "sample mappings" to use cases: "Agriculture: Market linkage: <how it is used>"
    text: str
    building_blocks: list[str] = field(default_factory=list)  # framework BB slugs; the data links none today
    use_cases: list[str] = field(default_factory=list)  # framework use-case slugs named by the sample mappings


@dataclass
class FrameworkUseCase:
    slug: str
    name: str
    sector: str | None
    description: str
    steps: list[dict]  # {"name", "description"} (+ "workflows"/"building_blocks" only if the data gives them)
    sdg_targets: list[str]  # target codes; the data links none today
    text: str
    workflows: list[str] = field(default_factory=list)  # workflow slugs whose sample mappings name this use case


@dataclass
class SdgTarget:
    goal_code: str
    goal_description: str
    code: str
    description: str
    indicators: list[str]  # "1.1.1: Proportion of population below …"


@dataclass
class FrameworkData:
    building_blocks: list[FrameworkBuildingBlock] = field(default_factory=list)
    workflows: list[FrameworkWorkflow] = field(default_factory=list)
    use_cases: list[FrameworkUseCase] = field(default_factory=list)
    sdg_targets: list[SdgTarget] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)  # goal code → description, e.g. "1" → "End poverty …"
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file or file[index], reason)


# ---------------------------------------------------------------------------------------------------------
# Quill delta → lines → text
#
# In a Quill delta, block formats (list, indent, header) sit on the "\n" that ends a line, not on its text:
#   {"insert": "Item one"}, {"insert": "\n", "attributes": {"list": "bullet"}}  →  "- Item one"
# Written by hand because the only Python Quill libraries render HTML, and we need the bold labels too.


@dataclass
class _Line:
    segments: list[tuple[str, bool]]  # (text, bold)
    list: str | None = None  # "bullet" / "ordered"
    indent: int = 0

    @property
    def text(self) -> str:
        return _tidy("".join(t for t, _ in self.segments))


def _tidy(s: str) -> str:
    return re.sub(r"[ \t]+", " ", s.replace("\u00a0", " ").replace("\u200b", "")).strip()


def _ops(delta: str | dict | list) -> list[dict]:
    if isinstance(delta, str):
        try:
            delta = json.loads(delta)
        except ValueError:
            return [{"insert": delta if delta.endswith("\n") else delta + "\n"}]  # plain text, not a delta
    if isinstance(delta, dict):
        delta = delta.get("ops", [])
    return [op for op in delta if isinstance(op, dict)] if isinstance(delta, list) else []


def _quill_lines(delta: str | dict | list) -> list[_Line]:
    lines: list[_Line] = []
    current: list[tuple[str, bool]] = []
    for op in _ops(delta):
        insert = op.get("insert")
        if not isinstance(insert, str):  # embeds (images, formulas) carry no text
            continue
        attrs = op.get("attributes") or {}
        pieces = insert.split("\n")
        for i, piece in enumerate(pieces):
            if piece:
                current.append((piece, bool(attrs.get("bold"))))
            if i < len(pieces) - 1:  # a newline ends the line and carries the line's format
                try:
                    indent = int(attrs.get("indent") or 0)
                except (TypeError, ValueError):
                    indent = 0
                lines.append(_Line(current, attrs.get("list"), indent))
                current = []
    if current:
        lines.append(_Line(current))
    return lines


def _is_list_line(rendered: str) -> bool:
    return bool(re.match(r"\s*(?:- |\d+\. )", rendered))


def _render(lines: list[_Line]) -> str:
    out: list[str] = []
    counters: dict[int, int] = {}
    for line in lines:
        text = line.text
        if line.list in ("bullet", "ordered", "checked", "unchecked"):
            if not text:
                continue
            pad = "  " * line.indent
            if line.list == "ordered":
                counters[line.indent] = counters.get(line.indent, 0) + 1
                out.append(f"{pad}{counters[line.indent]}. {text}")
            else:
                out.append(f"{pad}- {text}")
            continue
        if out and _is_list_line(out[-1]) and text:
            out.append("")  # a paragraph after a list starts on its own
        counters.clear()
        if text.startswith("•"):  # bullets typed into the text itself ("\t• Machine translation")
            text = "- " + text.lstrip("• ").strip()
        out.append(text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def quill_to_text(delta: str | dict) -> str:
    """Quill delta (JSON string or dict) → plain text; bullet lines become "- item", indented ones "  - item".

    >>> quill_to_text('{"ops":[{"insert":"Fruit:\\\\nApple"},{"insert":"\\\\n","attributes":{"list":"bullet"}}]}')
    'Fruit:\\n- Apple'
    """
    return _render(_quill_lines(delta))


# ---------------------------------------------------------------------------------------------------------
# Bold-labelled sections ("Short Description:", "Key Digital Functionalities:", …)


@dataclass
class _Section:
    label: str  # lower-case, without the colon; "" for text before the first label
    inline: str = ""  # text on the label's own line
    lines: list[_Line] = field(default_factory=list)


def _leading_label(line: _Line) -> tuple[str, str] | None:
    """("Short Description", "rest of line") when the line opens with a bold run ending in ":"."""
    bold = ""
    for i, (text, is_bold) in enumerate(line.segments):
        if not is_bold:
            break
        bold += text
    else:
        i = len(line.segments)
    label = _tidy(bold)
    if not label.endswith(":"):
        return None
    rest = _tidy("".join(t for t, _ in line.segments[i:]))
    return label.rstrip(":").strip(), rest


def _sections(lines: list[_Line]) -> list[_Section]:
    """Split at top-level labels: a bold "Label:" that opens a line which is not a list item."""
    sections = [_Section("")]
    for line in lines:
        found = _leading_label(line) if line.list is None else None
        if found:
            sections.append(_Section(found[0].lower(), found[1]))
        else:
            sections[-1].lines.append(line)
    return sections


def _section(sections: list[_Section], *prefixes: str) -> _Section | None:
    return next((s for s in sections if s.label.startswith(prefixes)), None)


def _section_text(sec: _Section | None) -> str:
    if sec is None:
        return ""
    body = _render(sec.lines)
    return "\n".join(p for p in (sec.inline, body) if p).strip()


def _items(sec: _Section | None) -> list[str]:
    """The list items of a section (top level), or its non-empty lines when it has no list."""
    if sec is None:
        return []
    bullets = [ln.text for ln in sec.lines if ln.list and ln.indent == 0 and ln.text]
    if bullets:
        return bullets
    return [t for t in ([sec.inline] + [ln.text for ln in sec.lines]) if t]


def _names(sec: _Section | None) -> list[str]:
    """ "eApproval, Opt-in system" → ["eApproval", "Opt-in system"] (commas inside brackets do not split)."""
    text = " ".join(_items(sec))
    parts = [p.strip().rstrip(".") for p in re.split(r"[,;](?![^()]*\))", text)]
    parts = [p for p in parts if p]
    # Supply Chain Management's "Other Names" is a sentence upstream ("Track, manage and optimize all …"):
    # names are short, so a long piece means the commas are prose, and the text stays whole.
    if any(len(p.split()) > 6 for p in parts):
        return [text.strip().rstrip(".")]
    return parts


def _labelled_groups(sec: _Section | None) -> list[tuple[str, list[str]]]:
    """Items grouped under bold-labelled list entries: [("Agriculture sector", [text, sub-item, …]), …].

    Sector examples are written as a bullet "**Agriculture sector:** optional text" followed by indented
    bullets; workflow sample mappings as one bullet "**Agriculture: Market linkage:** text".
    """
    groups: list[tuple[str, list[str]]] = []
    if sec is None:
        return groups
    for line in sec.lines:
        if not line.text:
            continue
        found = _leading_label(line)
        if found and line.indent == 0:
            groups.append((found[0], [found[1]] if found[1] else []))
        elif groups:
            groups[-1][1].append(line.text)
        else:
            groups.append(("", [line.text]))
    return groups


def _join_items(texts: list[str]) -> str:
    """["Examples include:", "a", "b"] → "Examples include: a; b" (an intro ending in ":" takes no separator)."""
    out = ""
    for t in texts:
        out = t if not out else out + (" " if out.endswith(":") else "; ") + t
    return out


# ---------------------------------------------------------------------------------------------------------
# Records


def _base(item: Any) -> tuple[str, str, list[_Line]]:
    if not isinstance(item, dict):
        raise ValueError(f"expected an object, got {type(item).__name__}")
    slug, name = item.get("slug"), item.get("name")
    if not isinstance(slug, str) or not slug or not isinstance(name, str) or not name:
        raise ValueError("missing 'slug' or 'name'")
    return slug, name.strip(), _quill_lines(item.get("description") or "")


def _building_block(item: Any) -> FrameworkBuildingBlock:
    slug, name, lines = _base(item)
    secs = _sections(lines)
    examples = [
        f"{label}: {_join_items(texts)}" if label else _join_items(texts)
        for label, texts in _labelled_groups(_section(secs, "examples of use", "sector examples", "example"))
        if texts or label
    ]
    govstack = FRAMEWORK_TO_GOVSTACK[slug] if slug in FRAMEWORK_TO_GOVSTACK else bb_id_for(name)
    return FrameworkBuildingBlock(
        slug=slug,
        name=name,
        short_description=_section_text(_section(secs, "short description")),
        full_description=_section_text(_section(secs, "full description")),
        other_names=_names(_section(secs, "other names")),
        key_functionalities=_items(_section(secs, "key digital functionalit")),
        sector_examples=examples,
        text=_render(lines),
        govstack_bb=govstack,
    )


def _workflow(item: Any) -> FrameworkWorkflow:
    slug, name, lines = _base(item)
    secs = _sections(lines)
    examples = [
        f"{label}: {' '.join(texts)}" if label else " ".join(texts)
        for label, texts in _labelled_groups(_section(secs, "sample mapping", "example"))
    ]
    return FrameworkWorkflow(
        slug=slug,
        name=name,
        short_description=_section_text(_section(secs, "short description")),
        full_description=_section_text(_section(secs, "full description")),
        other_names=_names(_section(secs, "other names")),
        examples=examples,
        text=_render(lines),
    )


def _use_case(item: Any) -> FrameworkUseCase:
    slug, name, lines = _base(item)
    secs = _sections(lines)
    sector = _section_text(_section(secs, "sector")) or None
    steps = [{"name": s, "description": ""} for s in _items(_section(secs, "steps"))]
    return FrameworkUseCase(
        slug=slug,
        name=name,
        sector=sector,
        description=_section_text(_section(secs, "description")),
        steps=steps,
        sdg_targets=[],
        text=_render(lines),
    )


def _sdg_targets(goal: Any) -> tuple[str, str, list[SdgTarget]]:
    if not isinstance(goal, dict) or not goal.get("code"):
        raise ValueError("goal without a 'code'")
    gcode, gdesc = str(goal["code"]).strip(), str(goal.get("description") or "").strip()
    targets = []
    for t in goal.get("targets") or []:
        if not isinstance(t, dict) or not t.get("code"):
            continue
        indicators = [
            f"{i.get('code')}: {str(i.get('description') or '').strip()}"
            for i in t.get("indicators") or []
            if isinstance(i, dict) and i.get("code")
        ]
        targets.append(SdgTarget(gcode, gdesc, str(t["code"]).strip(), str(t.get("description") or "").strip(), indicators))
    return gcode, gdesc, targets


def _link_workflows_to_use_cases(workflows: list[FrameworkWorkflow], use_cases: list[FrameworkUseCase]) -> None:
    """The only use case ↔ workflow link in the data: a workflow's sample mapping labels such as
    "Agriculture: Market linkage" (once "Use Case Education: Remote learning") name a use case."""
    by_name = {re.sub(r"\W+", " ", uc.name.lower()).strip(): uc for uc in use_cases}
    for wf in workflows:
        for example in wf.examples:
            label_parts = [p.strip() for p in example.split(":")]
            for part in label_parts[:-1]:
                key = re.sub(r"\W+", " ", re.sub(r"^use case\s+", "", part.lower())).strip()
                uc = by_name.get(key)
                if uc:
                    if uc.slug not in wf.use_cases:
                        wf.use_cases.append(uc.slug)
                    if wf.slug not in uc.workflows:
                        uc.workflows.append(wf.slug)
                    break


def _read_list(path: Path) -> list:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"expected a JSON list, got {type(data).__name__}")
    return data


def load_framework(dir: Path) -> FrameworkData:
    """Read the four framework files; a missing or malformed file (or record) is skipped with a reason."""
    dir = Path(dir)
    data = FrameworkData()
    builders = {"building_blocks": _building_block, "workflows": _workflow, "use_cases": _use_case}
    for kind, filename in FILES.items():
        try:
            items = _read_list(dir / filename)
        except (OSError, UnicodeDecodeError, ValueError) as e:
            data.skipped.append((filename, f"{type(e).__name__}: {e}"))
            continue
        for i, item in enumerate(items):
            where = f"{filename}[{i}]"
            try:
                if kind == "sdgs":
                    gcode, gdesc, targets = _sdg_targets(item)
                    data.goals[gcode] = gdesc
                    data.sdg_targets.extend(targets)
                else:
                    getattr(data, kind).append(builders[kind](item))
            except Exception as e:  # one odd record must not lose the rest of the file
                data.skipped.append((where, f"{type(e).__name__}: {e}"))
    _link_workflows_to_use_cases(data.workflows, data.use_cases)
    return data
