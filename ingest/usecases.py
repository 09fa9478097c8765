"""GovStack product use-case pages (GitBook markdown) → structured use-case records."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import yaml

BUILDING_BLOCKS_FILE = Path(__file__).parent.parent / "corpus" / "building_blocks.yaml"

# Where the product-use-cases repository keeps its use-case pages; the same in `latest` and `23Q4`
# (23Q4 also keeps the page template in this folder, which parse_use_case recognises as "not a use case").
USE_CASE_GLOB = "use-cases/*.md"


@dataclass
class UseCaseStep:
    number: str  # "1", "2a", … as written (EDU-1 has two steps numbered "7" upstream)
    title: str
    description: str  # plain text: markdown links, bold, escapes and HTML entities removed
    workflows: list[str] = field(default_factory=list)  # workflow names as written, e.g. "Client Communication"
    building_blocks: list[str] = field(default_factory=list)  # canonical BB ids
    # a listed block's item as written, when it says what the block does in the step: "digital-registries" →
    # "Registry (ChromaDB vector storage)" (EGOV-1); blocks listed by name or link alone have none
    block_roles: dict[str, str] = field(default_factory=dict)


@dataclass
class ProductUseCase:
    id: str  # "INST-1"
    title: str
    sector: str | None
    version: str | None
    status: str | None
    summary: str  # intro paragraph(s) before the first section after the summary table
    sdgs: list[str]  # e.g. ["SDG 1: No Poverty"], or targets ("8.3: Promote …") where the page lists those
    building_blocks: list[str]  # canonical ids from the page's BB list (union of step BBs if it has none)
    steps: list[UseCaseStep]
    path: str  # relative to the repository root, e.g. "use-cases/inst-1-unconditional-social-cash-transfer.md"
    # BB names/links found on the page that map to none of the 15 ids, for review; not part of any BB list.
    unmapped_building_blocks: list[str] = field(default_factory=list)


class UseCaseFormatError(ValueError):
    """The page names a use case (it has an ID) but its structure cannot be read, e.g. it has no steps."""


# ---------------------------------------------------------------------------------------------------------
# Building-block names and links → canonical ids


def _key(s: str) -> str:
    """Compare names without case, spaces or punctuation, so "E-Signature", "eSignature" and "e signature" agree."""
    return re.sub(r"[^a-z0-9]", "", s.lower())


@lru_cache(maxsize=1)
def _bb_lookup() -> dict[str, str]:
    data = yaml.safe_load(BUILDING_BLOCKS_FILE.read_text(encoding="utf-8"))
    lookup: dict[str, str] = {}
    for bb in data:
        for name in [bb["id"], bb["name"], *bb.get("aliases", [])]:
            lookup.setdefault(_key(str(name)), bb["id"])
    return lookup


_MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_BB_SLUG_IN_URL = re.compile(r"(?:^|/)bb-([a-z0-9-]+)", re.I)
_NAME_NOISE = re.compile(r"\((?:[^()]*)\)|\b(?:govstack|building[\s-]*blocks?|bb)\b", re.I)


def _bb_from_url(url: str) -> str | None:
    parsed = urlparse(url if "://" in url else "https://x/" + url.lstrip("/"))
    path = parsed.path
    # GitBook spaces and repository names: https://govstack.gitbook.io/bb-scheduler/v/skd-23q4, …/bb-information-mediation
    m = _BB_SLUG_IN_URL.search(path)
    if m:
        return _bb_lookup().get(_key(m.group(1)))
    # Published spec site: https://specs.govstack.global/registries/… (first path segment is the BB's page name)
    if parsed.netloc.endswith("specs.govstack.global"):
        first = path.strip("/").split("/", 1)[0]
        return _bb_lookup().get(_key(first)) if first else None
    return None


def bb_id_for(name_or_link: str) -> str | None:
    """Canonical building-block id for a name, alias, markdown link or spec URL; None when it names none of the 15.

    >>> [bb_id_for(x) for x in ("Scheduling", "https://govstack.gitbook.io/bb-information-mediation",
    ...                          "[**Digital Registry** ](https://govstack.gitbook.io/bb-digital-registries)",
    ...                          "Registry (ChromaDB vector storage)", "Security")]
    ['scheduler', 'information-mediator', 'digital-registries', 'digital-registries', None]
    """
    if not name_or_link or not name_or_link.strip():
        return None
    s = name_or_link.strip()
    m = _MD_LINK.search(s)
    if m:
        # A link's URL is more reliable than its text (texts vary: "Scheduling", "Scheduler"), but some links
        # point at private GitBook ids (app.gitbook.com/o/…), so fall back to the text.
        return _bb_from_url(m.group(2)) or bb_id_for(m.group(1))
    if "://" in s or s.lower().startswith(("bb-", "/bb-")):
        return _bb_from_url(s)
    text = clean_markdown(s)
    lookup = _bb_lookup()
    hit = lookup.get(_key(text))
    if hit:
        return hit
    # "Registry (ChromaDB vector storage)", "Identity BB", "GovStack Messaging Building Block"
    stripped = _NAME_NOISE.sub(" ", text)
    return lookup.get(_key(stripped)) if _key(stripped) else None


# ---------------------------------------------------------------------------------------------------------
# Markdown → plain text

_ESCAPABLE = "\\`*_{}[]()#+-.!<>&|~$"
_PROTECT = {c: chr(0xE000 + ord(c)) for c in _ESCAPABLE}
_UNPROTECT = {v: k for k, v in _PROTECT.items()}
_LIQUID = re.compile(r"\{%.*?%\}", re.S)  # GitBook blocks: {% hint style="info" %} … {% endhint %}
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1", re.S)
_ITALIC = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")


def clean_markdown(text: str) -> str:
    """Inline markdown → plain text: links keep their text, emphasis and escapes go, entities are decoded.

    >>> clean_markdown("[**SDG 1**](https://x/no\\\\_poverty): No Poverty&#x20; M\\\\&E \\\\* note")
    'SDG 1: No Poverty M&E * note'
    """
    # Escaped characters are set aside first so that "\*\*" is never read as bold.
    s = re.sub(r"\\([" + re.escape(_ESCAPABLE) + r"])", lambda m: _PROTECT[m.group(1)], text)
    s = _LIQUID.sub("", s)
    s = _MD_LINK.sub(lambda m: m.group(1), s)
    s = _HTML_TAG.sub("", s)
    for _ in range(2):  # nested emphasis: ***x***, **_x_**
        s = _BOLD.sub(lambda m: m.group(2), s)
        s = _ITALIC.sub(lambda m: m.group(2), s)
    s = s.replace("**", "")
    s = html.unescape(s)
    s = "".join(_UNPROTECT.get(ch, ch) for ch in s)
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", s).strip()


_LIST_ITEM = re.compile(r"^(\s*)(?:[*+-]|\d+[.)])\s+(.*)$")


def _plain_block(lines: list[str]) -> str:
    """Markdown lines → readable plain text: paragraphs separated by a blank line, list items as "- item"."""
    out: list[str] = []
    for raw in lines:
        if _LIQUID.fullmatch(raw.strip()):
            continue
        m = _LIST_ITEM.match(raw)
        if m and raw.lstrip()[:1] in "*+-":
            depth = len(m.group(1).expandtabs(4)) // 2
            item = clean_markdown(m.group(2))
            line = ("  " * min(depth, 3)) + "- " + item if item else ""
        elif m:  # numbered item: keep its number, it often carries meaning ("1. … 2. …")
            number = raw.strip().split(None, 1)[0]
            line = ("  " * min(len(m.group(1).expandtabs(4)) // 3, 3)) + number + " " + clean_markdown(m.group(2))
        else:
            line = clean_markdown(raw)
        if line.strip():
            out.append(line.rstrip())
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip()


# ---------------------------------------------------------------------------------------------------------
# Page structure

_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_USE_CASE_ID = re.compile(r"^([A-Za-z]{2,8}-\d+[A-Za-z]?)\b")
_STEP_HEADING = re.compile(r"^(?:step\s*)?(\d+[a-z]?)\s*(?:[-–—:.)]\s*|\s+)(.*)$", re.I)

# Labels that open a part of a step. GitBook writes them as bold lines or as #### headings, with or without ":".
_STEP_SECTIONS = {
    "workflows": "workflows",
    "workflow": "workflows",
    "building blocks": "building_blocks",
    "building block": "building_blocks",
    "building block workflows": "building_blocks",
    "building blocks for workflows": "building_blocks",
    "example implementation": "other",
    "example implementations": "other",
    "functional blocks for workflows": "other",
    "future building blocks": "other",
}


def _label(line: str) -> str:
    """A line reduced to the words of a label: "#### Building blocks" / "**Workflows**:&#x20;" → "workflows"."""
    s = _HEADING.sub(lambda m: m.group(2), line.strip())
    return clean_markdown(s).rstrip(":").strip().lower()


def _sections(lines: list[str], level: int) -> list[tuple[str | None, list[str]]]:
    """Split lines at headings of exactly `level` (#=1): [(heading text or None for the preamble, body lines)]."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    in_code = False
    for line in lines:
        if line.lstrip().startswith("```"):
            in_code = not in_code
        m = None if in_code else _HEADING.match(line)
        if m and len(m.group(1)) == level:
            parts.append((m.group(2), []))
        else:
            parts[-1][1].append(line)
    return parts


def _summary_table(lines: list[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines:
        if not line.lstrip().startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and not re.fullmatch(r"[-: ]*", cells[0]):
            table.setdefault(clean_markdown(cells[0]).lower(), clean_markdown(cells[1]))
    return table


_ROLE = re.compile(r"\(([^()]{3,})\)\s*$")  # "Registry (ChromaDB vector storage)": what the block does in the step


def _bbs_in_lines(lines: list[str], unmapped: list[str], roles: dict[str, str] | None = None) -> list[str]:
    """Canonical ids for every BB link or listed name in a BB section, in order, without repeats; a listed name that
    says in parentheses what the block does there goes into `roles` as written (id → item).

    >>> roles = {}
    >>> _bbs_in_lines(["* Registry (ChromaDB vector storage)", "* [**GIS**](https://govstack.gitbook.io/bb-gis)"], [], roles)
    ['digital-registries', 'gis']
    >>> roles
    {'digital-registries': 'Registry (ChromaDB vector storage)'}
    """
    found: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or _LIQUID.fullmatch(line):
            continue
        m = _LIST_ITEM.match(line)
        body = m.group(2) if m else line
        links = list(_MD_LINK.finditer(body))
        candidates = [lk.group(0) for lk in links] if links else [body]
        for cand in candidates:
            bb = bb_id_for(cand)
            if bb and roles is not None and not links and bb not in roles and _ROLE.search(name := clean_markdown(cand).strip()):
                roles[bb] = name
            if bb and bb not in found:
                found.append(bb)
            elif bb is None:
                name = clean_markdown(cand)
                if name and name not in unmapped:
                    unmapped.append(name)
    return found


_LEADING_BOLD = re.compile(r"^((?:\*\*[^*]+?\*\*\s*:?\s*(?:/\s*)?)+)")


def _workflows_in_lines(lines: list[str]) -> list[str]:
    """Workflow names from a step's Workflows part.

    Items are usually "* **Name** for …"; several names can share one item ("**A** / **B**", "**A / B**").
    Some pages use plain bullets (the whole item is the workflow) or an unbulleted bold line.
    Indented sub-bullets elaborate on their parent and are not workflows.
    """
    names: list[str] = []
    for raw in lines:
        if not raw.strip():
            continue
        m = _LIST_ITEM.match(raw)
        if m:
            if len(m.group(1).expandtabs(4)) >= 2:
                continue
            body = m.group(2).strip()
        elif raw.lstrip().startswith("**"):
            body = raw.strip()
        else:
            continue
        lead = _LEADING_BOLD.match(body)
        if lead:
            parts = re.split(r"\s*/\s*", clean_markdown(lead.group(1)))
        else:
            parts = [clean_markdown(body)]
        for part in parts:
            name = part.strip().rstrip(":").strip()
            if name and name.lower() not in (n.lower() for n in names):
                names.append(name)
    return names


def _parse_step(heading: str, body: list[str], unmapped: list[str]) -> UseCaseStep:
    title_text = clean_markdown(heading)
    m = _STEP_HEADING.match(title_text)
    number, title = (m.group(1), m.group(2).strip()) if m else ("", title_text)
    parts: dict[str, list[str]] = {"description": [], "workflows": [], "building_blocks": [], "other": []}
    current = "description"
    for line in body:
        # Only a bold line or a heading can open a part: "[**Workflow**](…bb-workflow)" is a BB link, not a label.
        stripped = line.strip()
        is_label_line = stripped.startswith(("#", "**", "__")) and "](" not in stripped
        label = _label(line) if is_label_line else ""
        if label in _STEP_SECTIONS:
            current = _STEP_SECTIONS[label]
            continue
        parts[current].append(line)
    roles: dict[str, str] = {}
    return UseCaseStep(
        number=number,
        title=title,
        description=_plain_block(parts["description"]),
        workflows=_workflows_in_lines(parts["workflows"]),
        building_blocks=_bbs_in_lines(parts["building_blocks"], unmapped, roles),
        block_roles=roles,
    )


def _sdgs(lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        m = _LIST_ITEM.match(raw)
        if m and len(m.group(1).expandtabs(4)) < 2:
            item = clean_markdown(m.group(2))
            if item:
                out.append(item)
    return out


def parse_use_case(text: str, path: str) -> ProductUseCase | None:
    """One product use-case page → a record; None when the page is not a use case (README, template, index).

    Raises UseCaseFormatError when the page has a use-case ID but no readable steps.
    """
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
    lines = text.split("\n")
    h1_parts = _sections(lines, 1)
    h1 = next(((h, b) for h, b in h1_parts if h is not None), None)
    heading = clean_markdown(h1[0]) if h1 else ""
    page = h1[1] if h1 else lines
    sections = _sections(page, 2)
    by_name = [(_label(h) if h is not None else "", b) for h, b in sections]

    # Preamble: everything before the first H2 that is not the summary heading.
    preamble: list[str] = []
    rest: list[tuple[str, list[str]]] = []
    for name, body in by_name:
        if not rest and (name == "" or "use case summary" in name):
            preamble.extend(body)
        else:
            rest.append((name, body))
    table = _summary_table(preamble)

    # The H1 ID wins: two pages carry a table ID copied from another use case (INST-2 says INST-1, INF-1 says URB-1).
    m = _USE_CASE_ID.match(heading)
    table_id = table.get("id", "")
    mt = _USE_CASE_ID.match(table_id)
    if m:
        uc_id = m.group(1).upper()
        title = re.sub(r"^\s*[-–—:]\s*", "", heading[m.end():]).strip() or table.get("name", "")
    elif mt and mt.group(0) == table_id.strip():
        uc_id, title = mt.group(1).upper(), table.get("name") or heading
    else:
        return None

    steps_body = next((b for n, b in rest if n == "steps"), None)
    unmapped: list[str] = []
    steps: list[UseCaseStep] = []
    if steps_body is not None:
        for h, body in _sections(steps_body, 3):
            if h is None:
                continue
            steps.append(_parse_step(h, body, unmapped))
    if not steps:
        # An ID alone is not enough to call the page a broken use case: example-implementation pages are titled
        # "USCT-01-Outreach-Example1" too. Only a page with the use-case layout (summary table or use-case
        # sections) but no readable steps is malformed.
        section_names = {n for n, _ in rest}
        if not (mt or section_names & {"steps", "building blocks", "stakeholders"}):
            return None
        raise UseCaseFormatError(f"{path}: use case {uc_id} has no '## Steps' section with '### N - Step' headings")

    bb_body = next((b for n, b in rest if n == "building blocks"), None)
    bbs = _bbs_in_lines(bb_body, unmapped) if bb_body else []
    if not bbs:
        for step in steps:
            bbs.extend(b for b in step.building_blocks if b not in bbs)

    sdg_body = next((b for n, b in rest if n.startswith(("sustainable development goal", "sdg"))), [])
    status = table.get("status")
    return ProductUseCase(
        id=uc_id,
        title=title,
        sector=table.get("sector") or None,
        version=table.get("version") or None,
        status=(status.rstrip(". ") or None) if status else None,  # "Draft." on INST-3
        summary=_plain_block([ln for ln in preamble if not ln.lstrip().startswith("|")]),
        sdgs=_sdgs(sdg_body),
        building_blocks=bbs,
        steps=steps,
        path=path,
        unmapped_building_blocks=unmapped,
    )


def load_use_cases(repo_dir: Path) -> tuple[list[ProductUseCase], list[tuple[str, str]]]:
    """Every use-case page of a product-use-cases checkout → (records sorted by id, skipped [(path, reason)]).

    One unreadable or malformed page is reported in `skipped`, never raised.
    """
    repo_dir = Path(repo_dir)
    records: list[ProductUseCase] = []
    skipped: list[tuple[str, str]] = []
    if not repo_dir.is_dir():
        return records, [(str(repo_dir), "not a directory")]
    for file in sorted(repo_dir.glob(USE_CASE_GLOB)):
        rel = file.relative_to(repo_dir).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            skipped.append((rel, f"unreadable: {e}"))
            continue
        try:
            record = parse_use_case(text, rel)
        except UseCaseFormatError as e:
            skipped.append((rel, str(e).removeprefix(f"{rel}: ")))
            continue
        except Exception as e:  # a parser bug on one odd page must not stop the whole ingest
            skipped.append((rel, f"could not parse: {type(e).__name__}: {e}"))
            continue
        if record is None:
            skipped.append((rel, "not a use case: no use-case ID (e.g. 'INST-1') in the title or summary table"))
        else:
            records.append(record)
    records.sort(key=lambda r: (re.sub(r"-\d+.*", "", r.id), int(re.sub(r"\D", "", r.id) or 0), r.id))
    return records, skipped
