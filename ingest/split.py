"""Heading-aware splitting of clean markdown into chunks that fit the embedding model.

Written by hand because LangChain's splitters either cut by characters (breaking table rows
and list items) or by headings without a size limit; GovStack pages need both at once:
every chunk carries its heading path, never cuts inside a table row, list item or code
block, and fits the model's 256 word-piece window together with that heading path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from assistant.types import DIAGRAM_CONTINUED, without_diagram_head
from ingest.embed import approx_tokens

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^(\s*)([*+-]|\d{1,3}[.)]|\(\d{1,3}\)|\([a-z]\))\s+")
FENCE = re.compile(r"^\s*(```|~~~)")
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9(\"'“*`\[])")
# a full stop that ends an abbreviation ends no sentence: "forms of trusted ID (i.e. ID Card Number, …)" had been cut
# between two chunks after "(i.e."; "etc." is left out, as it mostly does end a sentence
ABBREVIATION_END = re.compile(r"\b(?:e\.g|i\.e|vs|cf|approx|incl|dr|mr|mrs|ms|prof|fig)\.$", re.I)


@dataclass
class Block:
    kind: str  # heading | para | item | table | code
    text: str
    level: int = 0  # heading level
    header: str = ""  # table header rows (kept to repeat when a table is split)


@dataclass
class Piece:
    heading_path: list[str]
    text: str
    tokens: int = 0
    meta: dict = field(default_factory=dict)


def parse_blocks(md: str) -> list[Block]:
    """Markdown → blocks that must never be cut: headings, paragraphs, list items, tables, code fences.

    >>> [b.kind for b in parse_blocks("# T\\npara\\n\\n* a\\n* b\\n\\n| x |\\n|---|\\n| 1 |")]
    ['heading', 'para', 'item', 'item', 'table']
    """
    lines = md.splitlines()
    blocks: list[Block] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if FENCE.match(line):
            fence = FENCE.match(line).group(1)
            j = i + 1
            while j < n and not lines[j].strip().startswith(fence):
                j += 1
            blocks.append(Block("code", "\n".join(lines[i: j + 1])))
            i = j + 1
            continue
        m = HEADING.match(line)
        if m:
            blocks.append(Block("heading", m.group(2).strip(), level=len(m.group(1))))
            i += 1
            continue
        if line.lstrip().startswith("|"):
            j = i
            while j < n and lines[j].lstrip().startswith("|"):
                j += 1
            rows = lines[i:j]
            header = ""
            if len(rows) >= 2 and re.match(r"^\s*\|?[\s:|-]+\|?\s*$", rows[1]) and "-" in rows[1]:
                header = "\n".join(rows[:2])
                rows = rows[2:]
            blocks.append(Block("table", "\n".join(rows), header=header))
            i = j
            continue
        if LIST_ITEM.match(line):
            j = i + 1
            # continuation lines: indented text that is not a new item, or lazy continuation
            while j < n and lines[j].strip() and not LIST_ITEM.match(lines[j]) and not HEADING.match(lines[j]) \
                    and not lines[j].lstrip().startswith("|") and not FENCE.match(lines[j]):
                j += 1
            blocks.append(Block("item", "\n".join(lines[i:j])))
            i = j
            continue
        j = i + 1
        while j < n and lines[j].strip() and not HEADING.match(lines[j]) and not LIST_ITEM.match(lines[j]) \
                and not lines[j].lstrip().startswith("|") and not FENCE.match(lines[j]):
            j += 1
        blocks.append(Block("para", "\n".join(lines[i:j])))
        i = j
    return blocks


def _split_sentences(text: str, budget: int, count: Callable[[str], int], prefix: str = "") -> list[str]:
    """Split an over-long block at sentence ends (then at words) so each part fits the budget.

    >>> _split_sentences("Users sign up. Link a trusted ID (i.e. ID Card, Passport). Use it.", 8, lambda t: len(t.split()))
    ['Users sign up.', 'Link a trusted ID (i.e. ID Card, Passport).', 'Use it.']
    """
    sents: list[str] = []
    for s in SENTENCE_END.split(text):
        if not s.strip():
            continue
        if sents and ABBREVIATION_END.search(sents[-1]):
            sents[-1] = f"{sents[-1]} {s}"
        else:
            sents.append(s)
    parts: list[str] = []
    cur = ""
    for s in sents:
        cand = f"{cur} {s}".strip() if cur else s
        if count(prefix + cand) <= budget:
            cur = cand
            continue
        if cur:
            parts.append(prefix + cur)
        if count(prefix + s) <= budget:
            cur = s
        else:  # one giant "sentence": cut by words
            words, cur = s.split(), ""
            for w in words:
                cand = f"{cur} {w}".strip()
                if cur and count(prefix + cand) > budget:
                    parts.append(prefix + cur)
                    cur = w
                else:
                    cur = cand
    if cur:
        parts.append(prefix + cur)
    return parts


_PARTICIPANT_AS = re.compile(r"^\s*(participant|actor)\s+\S+\s+as\s+\S")


def _diagram_head(lines: list[str]) -> list[str]:
    """What a later part of a cut sequence diagram repeats: the opening fence, "sequenceDiagram" and the participants
    declared with a display name; [] for other code, or a diagram that names none.

    >>> _diagram_head(["```mermaid", "sequenceDiagram", "participant SS1 as IM Security Server", "SS1 ->> CS : read"])
    ['```mermaid', 'sequenceDiagram', 'participant SS1 as IM Security Server', '%% continued']
    >>> _diagram_head(["```json", "{}", "```"]), _diagram_head(["```mermaid", "sequenceDiagram", "A ->> B : go"])
    ([], [])
    """
    if len(lines) < 2 or not lines[0].strip().startswith("```mermaid") or \
            not any(ln.strip() == "sequenceDiagram" for ln in lines[1:4]):
        return []
    names = [ln.strip() for ln in lines if _PARTICIPANT_AS.match(ln)]
    return ["```mermaid", "sequenceDiagram", *names, DIAGRAM_CONTINUED] if names else []


def _fit_block(b: Block, budget: int, count: Callable[[str], int]) -> list[str]:
    """A block as one or more texts within budget; tables split between rows with their header repeated."""
    full = f"{b.header}\n{b.text}".strip() if b.kind == "table" else b.text
    if count(full) <= budget:
        return [full]
    if b.kind == "table":
        out, cur = [], []
        head = b.header
        for row in b.text.splitlines():
            cand = "\n".join([head, *cur, row]).strip()
            if cur and count(cand) > budget:
                out.append("\n".join([head, *cur]).strip())
                cur = []
            if count(f"{head}\n{row}") > budget:
                # one oversized row: keep its first cell as a label on every part
                cells = [c.strip() for c in row.strip().strip("|").split("|")]
                label = (cells[0] + ": ") if cells else ""
                body = " — ".join(c for c in cells[1:] if c)
                out.extend(_split_sentences(body, budget, count, prefix=label))
                continue
            cur.append(row)
        if cur:
            out.append("\n".join([head, *cur]).strip())
        return out
    if b.kind == "code":
        # a sequence diagram cut in parts: each later part opens as a diagram again, with the display names of its
        # participants ("participant SS1 as IM Security Server of Requestor"), so that its steps read as the first's
        # (the head is display text only: the parts are cut as without it, and what is searched leaves it out,
        # Chunk.embed_text)
        lines = b.text.splitlines()
        head = _diagram_head(lines)
        out, cur, body = [], [], []
        for ln in lines:
            if body and count("\n".join(body + [ln])) > budget:
                out.append("\n".join(cur))
                cur, body = list(head), []
            cur.append(ln)
            body.append(ln)
        return out + (["\n".join(cur)] if cur else [])
    m = LIST_ITEM.match(b.text)
    prefix = m.group(0).lstrip() if m else ""
    body = b.text[m.end():] if m else b.text
    return _split_sentences(" ".join(body.split()), budget, count, prefix=prefix)


# A section with a heading and no body ("## 5.19 Use ISO8601/UTC for Timestamps (REQUIRED)" followed by 5.20) says
# everything in its heading; it had been dropped from the index. Only headings that read as a statement are kept:
# not a page title (level 1) nor a bare section name ("6.11 Metrics", "8.2 User APIs").
STATEMENT_HEADING_WORDS = 4
_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")


def _is_statement_heading(b: Block, nxt: Block | None) -> bool:
    """A heading whose section is empty (the next block is a heading at its level or above) and that reads as a
    statement: at least STATEMENT_HEADING_WORDS words besides its number.

    >>> h = lambda t, lv=2: Block("heading", t, level=lv)
    >>> _is_statement_heading(h("5.19 Use ISO8601/UTC for Timestamps (REQUIRED)"), h("5.20 Be autonomous"))
    True
    >>> _is_statement_heading(h("6.11 Metrics"), None), _is_statement_heading(h("Use only Unicode for Text", 1), None)
    (False, False)
    >>> _is_statement_heading(h("5.19 Use ISO8601/UTC for Timestamps"), h("5.19.1 Details", 3))
    False
    """
    if b.level < 2 or (nxt is not None and not (nxt.kind == "heading" and nxt.level <= b.level)):
        return False
    return len(_SECTION_NUMBER.sub("", b.text).split()) >= STATEMENT_HEADING_WORDS


def split_markdown(md: str, base_path: list[str], max_tokens: int = 240,
                   count: Callable[[str], int] = approx_tokens, min_tokens: int = 8) -> list[Piece]:
    """Clean markdown → pieces, each with its heading path and within max_tokens *including* that path.

    The first H1 of a page is its title and belongs in base_path by the caller's choice.
    """
    pieces: list[Piece] = []
    stack: list[tuple[int, str]] = []  # (level, heading)
    cur: list[str] = []
    kinds: list[str] = []
    cur_tokens = 0

    def path() -> list[str]:
        return base_path + [h for _, h in stack]

    def budget() -> int:
        return max(48, max_tokens - count(" › ".join(path())) - 2)

    def flush():
        nonlocal cur, cur_tokens, kinds
        # list items stay one per line; other blocks are separated by a blank line
        text = "".join((("\n" if kinds[k] == "item" == kinds[k - 1] else "\n\n") if k else "") + c
                       for k, c in enumerate(cur)).strip()
        if text and count(text) >= min_tokens:
            pieces.append(Piece(path(), text, count(text)))
        elif text and pieces and pieces[-1].heading_path == path():
            pieces[-1].text += "\n\n" + text
        elif text:
            pieces.append(Piece(path(), text, count(text)))
        cur, kinds, cur_tokens = [], [], 0

    blocks = parse_blocks(md)
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            flush()
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append((b.level, b.text))
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if _is_statement_heading(b, nxt):
                pieces.append(Piece(path(), b.text, count(b.text)))
            continue
        bud = budget()
        for part in _fit_block(b, bud, count):
            t = count(without_diagram_head(part))  # (a repeated diagram head is not searched: it takes no budget)
            if cur and cur_tokens + t + 2 > bud:
                # a lead-in ("… the following best practices:") goes with the list it introduces, not at the
                # end of a chunk that stops before that list
                lead = None
                if len(cur) > 1 and kinds[-1] in ("para", "item") and cur[-1].rstrip().endswith(":") \
                        and count(cur[-1]) + t + 4 <= bud:
                    lead = (cur.pop(), kinds.pop())
                flush()
                if lead:
                    cur.append(lead[0])
                    kinds.append(lead[1])
                    cur_tokens = count(lead[0]) + 2
            cur.append(part)
            kinds.append(b.kind)
            cur_tokens += t + 2
    flush()
    return pieces
