"""Render helpers: typed results (Answer, Suggestion, eval results…) → safe HTML / Markdown strings.

Pure functions, no gradio import, so they are unit-tested directly (tests/test_ui_render.py).

Safety rule: every piece of corpus or user text goes through `esc()` (HTML) or `safe_markdown()`
(Markdown) before it reaches the page, and only http(s) URLs become links (`safe_url`). Gradio's own
Markdown sanitiser is a second line of defence, not the first: gr.HTML does not sanitise at all.
"""
from __future__ import annotations

import html
import json
import math
import re
from dataclasses import asdict, is_dataclass
from typing import Any, Iterable, Mapping, Sequence

from assistant.spelling import spelled_note
from assistant.suggest import GROUP_TITLES, display_sections, long_note, sdg_target_basis, selection_groups, similar_note
from assistant.types import field_of

# ------------------------------------------------------------------------------------------------------------
# escaping


def esc(text: Any) -> str:
    """HTML-escape any value (None → "").

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape("" if text is None else str(text), quote=True)


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.I)


def safe_url(url: Any) -> str | None:
    """The URL when it is a plain http(s) URL, else None (no javascript:, data:, relative paths…).

    >>> safe_url("https://specs.govstack.global/consent"), safe_url("javascript:alert(1)")
    ('https://specs.govstack.global/consent', None)
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def link(text: Any, url: Any, cls: str = "") -> str:
    """An <a> that opens in a new tab, or the escaped text alone when the URL is not safe."""
    u = safe_url(url)
    if not u:
        return esc(text)
    c = f' class="{esc(cls)}"' if cls else ""
    return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer"{c}>{esc(text)}</a>'


_FENCE = re.compile(r"(```.*?(?:```|$)|~~~.*?(?:~~~|$))", re.S)
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()\s]*\))*)((?:[^()]|\([^()]*\))*)\)")  # one level of (…) in URLs


def _neutralise_links(seg: str) -> str:
    # images would load remote content: keep them as plain links; links to non-http(s) targets become text
    seg = _MD_IMAGE.sub(lambda m: f"[{m.group(1) or 'image'}]({m.group(2)})", seg)

    def fix(m: re.Match) -> str:
        return m.group(0) if safe_url(m.group(2)) else m.group(1)

    return _MD_LINK.sub(fix, seg)


def safe_markdown(text: Any) -> str:
    """Markdown whose raw HTML is shown as text: `<` outside code becomes `&lt;` (the renderer displays it
    as "<"), code spans/blocks are kept verbatim (the renderer escapes them), images become links and
    links to anything but http(s) lose their target.

    >>> safe_markdown('a <script>x</script> `<b>` [y](javascript:z)')
    'a &lt;script>x&lt;/script> `<b>` y'
    """
    s = "" if text is None else str(text)
    out = []
    for i, block in enumerate(_FENCE.split(s)):
        if i % 2 == 1:  # fenced code block
            out.append(block)
            continue
        pos = 0
        parts = []
        for m in _INLINE_CODE.finditer(block):
            parts.append(_neutralise_links(_escape_lt(block[pos:m.start()])))
            parts.append(m.group(0))
            pos = m.end()
        parts.append(_neutralise_links(_escape_lt(block[pos:])))
        out.append("".join(parts))
    return "".join(out)


def _escape_lt(s: str) -> str:
    # "<" is the only character that can open a tag; entities like "&lt;" already render as text
    return s.replace("<", "&lt;")


def md_text(text: Any) -> str:
    """Plain text made inert inside Markdown (for titles and labels inside links or tables).

    >>> md_text("<Use Case Template> [draft] | *x*")
    '&lt;Use Case Template&gt; \\\\[draft\\\\] \\\\| \\\\*x\\\\*'
    """
    s = esc(" ".join(("" if text is None else str(text)).split()))
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", s)


def md_link(text: Any, url: Any) -> str:
    u = safe_url(url)
    return f"[{md_text(text)}]({u})" if u else md_text(text)


# ------------------------------------------------------------------------------------------------------------
# answers and sources


_get = field_of


_CITE = re.compile(r"(?<![\[\w])\[(\d{1,3})\](?![(\[:])")


def linkify_citations(md: str, citations: Sequence[Any]) -> str:
    """Turn the answer's "[n]" markers into links to the cited page (same tab stays on the chat).

    >>> linkify_citations("Yes [1].", [{"n": 1, "url": "https://x.org/a", "section": "A › B"}])
    'Yes [[1]](https://x.org/a "A › B").'
    """
    by_n = {int(_get(c, "n", 0)): c for c in citations}

    def rep(m: re.Match) -> str:
        c = by_n.get(int(m.group(1)))
        u = safe_url(_get(c, "url")) if c is not None else None
        if not u:
            return m.group(0)
        title = re.sub(r'["\\<>()]', "", " ".join(str(_get(c, "section") or _get(c, "title") or "").split()))
        return f'[[{m.group(1)}]]({u} "{title}")' if title else f"[[{m.group(1)}]]({u})"

    return _CITE.sub(rep, md)


def answer_markdown(answer: Any) -> str:
    """The chat message for an Answer: safe Markdown, clickable [n] markers, the notice (LLM failure,
    truncated question) as a visible note."""
    text = safe_markdown(_get(answer, "text", ""))
    text = linkify_citations(text, _get(answer, "citations", []) or [])
    notice = _get(answer, "notice")
    if notice:
        text += "\n\n> ⚠ " + safe_markdown(" ".join(str(notice).split()))
    return text


def error_markdown(message: str) -> str:
    return "⚠ " + safe_markdown(" ".join(str(message).split()))


# a sentence ends before a capital (or the like), and each quote of a citation's snippet ends where Evidence.citations
# joined it to the next with " … " (a quoted field entry "`forgettable` (boolean) — …" may start in lower case)
_SENT_SPLIT = re.compile(r"(?<=[.!?;:])\s+(?=[\"“(\[A-Z0-9*•-])|\s+…\s+")
# emphasis markers: bold, code, and GitBook's italics ("_Increased Complexity:_"), not an identifier's underscores
_MD_NOISE = re.compile(r"\*\*|__|`|(?<![\w\\])_(?=[^\s_])|(?<=[^\s_])_(?![\w])")


def _norm_with_map(s: str) -> tuple[str, list[int]]:
    """Lower-cased text with whitespace runs collapsed and markdown emphasis/backticks/bullets dropped, plus
    for every normalised character the index of the character it came from (to map matches back)."""
    out: list[str] = []
    idx: list[int] = []
    prev_space = True
    for i, ch in enumerate(s):
        if ch in "*`":
            continue
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                idx.append(i)
            prev_space = True
            continue
        out.append(ch.lower())
        idx.append(i)
        prev_space = False
    return "".join(out), idx


def snippet_sentences(snippet: str) -> list[str]:
    """The quoted sentences of a citation snippet (its clipping ellipsis removed).

    >>> snippet_sentences("It signs. It verifies the seal…")
    ['It signs.', 'It verifies the seal']
    >>> snippet_sentences("`a.basis` (string) — consent / contract … `a.forgettable` (boolean) — may be deleted.")
    ['`a.basis` (string) — consent / contract', '`a.forgettable` (boolean) — may be deleted.']
    """
    s = " ".join((snippet or "").split())
    s = re.sub(r"\s*(…|\.\.\.)$", "", s)
    parts = [p.strip(" -•*") for p in _SENT_SPLIT.split(s)]
    return [p for p in parts if len(p) >= 3]


def highlight_spans(passage: str, snippet: str) -> list[tuple[int, int]]:
    """(start, end) character spans of `passage` that carry the snippet's sentences (merged, sorted).

    >>> p = "Intro. The **Consent** record is signed. Other."
    >>> [p[a:b] for a, b in highlight_spans(p, "The Consent record is signed.")]
    ['The **Consent** record is signed.']
    """
    norm, idx = _norm_with_map(passage or "")
    spans: list[tuple[int, int]] = []
    for sent in snippet_sentences(snippet):
        ns, _ = _norm_with_map(sent)
        ns = ns.strip()
        if len(ns) < 3:
            continue
        pos = norm.find(ns)
        if pos < 0 and ns[-1] in ".;" and len(ns) > 3:
            # a snippet that ends a quoted list item with a full stop the passage does not have (an answer's
            # sentence rather than its quote, e.g. from a saved conversation)
            ns = ns[:-1]
            pos = norm.find(ns)
        if pos < 0 and len(ns) > 40:
            # a clipped or re-joined sentence: highlight the longest leading part found (≥ 40 characters)
            ns, pos = _longest_found_prefix(norm, ns, 40)
        if pos < 0:
            continue
        a, b = idx[pos], idx[pos + len(ns) - 1] + 1
        # extend over closing emphasis markers so "**x**" is not cut in half
        while b < len(passage) and passage[b] in "*`":
            b += 1
        spans.append((a, b))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and (a <= merged[-1][1] or not passage[merged[-1][1]:a].strip()):  # only a space between: one mark
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _longest_found_prefix(hay: str, needle: str, min_len: int) -> tuple[str, int]:
    """The longest prefix of needle (cut at a space, ≥ min_len) that occurs in hay, and where (-1 if none).
    Binary search: if a prefix occurs, every shorter one does too."""
    cuts = [i for i, ch in enumerate(needle) if ch == " " and i >= min_len] + [len(needle)]
    lo, hi, best = 0, len(cuts) - 1, ("", -1)
    while lo <= hi:
        mid = (lo + hi) // 2
        pre = needle[:cuts[mid]]
        pos = hay.find(pre)
        if pos >= 0:
            best, lo = (pre, pos), mid + 1
        else:
            hi = mid - 1
    return best


def _display(s: str) -> str:
    return esc(_MD_NOISE.sub("", s))


_BULLET = re.compile(r"^(\s*)[*+-]\s+(?=\S)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


_HTML_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div|tr|td|th|table)\b[^<>]*>", re.I)
_HTML_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|span|mark|code|sup|sub|u|a|font)\b[^<>]*>", re.I)


def plain_passage(passage: str) -> str:
    r"""Passage text for reading in a card: markdown table rows become "cell · cell" lines, separator rows go, and the
    HTML the OpenAPI descriptions carry ("<b>private_key_jwt</b>", "<ul> <li>iss</li>") is read, not shown.

    >>> plain_passage("Intro\n| a | b |\n|---|---|\n| 1 | |\n* item")
    'Intro\na · b\n1\n• item'
    >>> plain_passage('method : <b>private_key_jwt</b> 2. <span style="color:red">*</span> claims: <ul> <li>iss</li></ul>')
    'method : private_key_jwt 2. * claims: iss'
    """
    if "<" in (passage or ""):
        passage = _HTML_INLINE_TAG.sub("", _HTML_BLOCK_TAG.sub(" ", passage))
        passage = re.sub(r"[ \t]{2,}", " ", passage).replace(" \n", "\n").strip()
    out = []
    for line in (passage or "").split("\n"):
        st = line.strip()
        if st.startswith("|") and _TABLE_SEP.match(st):
            continue
        if st.startswith("|") and st.count("|") >= 2:
            line = " · ".join(c.strip() for c in st.strip("|").split("|") if c.strip())
        line = _BULLET.sub(r"\1• ", line)
        out.append(line)
    return "\n".join(out)


def highlighted_passage_html(passage: str | None, snippet: str, max_chars: int = 1100) -> str:
    """The passage as escaped text with the supporting sentences in <mark>; a window around the first
    highlight when the passage is long; the snippet alone (highlighted) when the passage is unknown or
    the sentences cannot be found in it."""
    passage = plain_passage(passage) if passage else passage
    if not passage:
        return f"<mark>{_display(' '.join((snippet or '').split()))}</mark>" if snippet else ""
    spans = highlight_spans(passage, snippet)
    if not spans:
        body = _display(_clip(passage, max_chars))
        return (f"<mark>{_display(' '.join(snippet.split()))}</mark><br><span class='gs-ctx'>{body}</span>"
                if snippet else body)
    lo, hi = 0, len(passage)
    if hi > max_chars:
        lo = max(0, spans[0][0] - max_chars // 4)
        # start at a word boundary
        while 0 < lo < spans[0][0] and not passage[lo - 1].isspace():
            lo += 1
        hi = min(len(passage), lo + max_chars)
        hi = max(hi, min(len(passage), spans[0][1]))
    out = ["… " if lo > 0 else ""]
    pos = lo
    for a, b in spans:
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            continue
        out.append(_display(passage[pos:a]))
        out.append(f"<mark>{_display(passage[a:b])}</mark>")
        pos = b
    out.append(_display(passage[pos:hi]))
    if hi < len(passage):
        out.append(" …")
    return "".join(out)


def _clip(s: str, n: int) -> str:
    s = s or ""
    return s if len(s) <= n else s[:n].rsplit(" ", 1)[0] + " …"


CHUNK_ORDER = ["prose", "requirement", "api_operation", "api_schema", "glossary_term", "use_case", "use_case_step", "framework_bb",
               "framework_workflow", "framework_use_case", "sdg_target"]
KIND_LABELS = {
    "prose": "spec text", "api_operation": "API operation", "api_schema": "API data schema", "glossary_term": "glossary",
    "requirement": "requirement",
    "use_case": "use case", "use_case_step": "use-case step", "framework_bb": "SDG framework",
    "framework_workflow": "SDG workflow", "framework_use_case": "SDG use case", "sdg_target": "SDG target",
}


def sources_html(citations: Sequence[Any], passages: Mapping[str, str] | None = None,
                 retrieved: Sequence[Any] = (), title: str = "Sources") -> str:
    """The sources panel: one card per cited passage (number, linked title, heading path, release, kind,
    passage with the quoted sentences highlighted) and the other retrieved passages folded below."""
    passages = passages or {}
    if not citations:
        # after an answer that quotes nothing (the advisor asking for a description), say so rather than invite a question
        empty = ("This answer quotes no passage of the specification." if retrieved else
                 "Ask a question: the passages the answer quotes appear here, with links to the published "
                 "specification.")
        body = f"<p class='gs-muted'>{esc(empty)}</p>"
    else:
        items = []
        for c in citations:
            n = _get(c, "n", "")
            url = _get(c, "url")
            head = link(_get(c, "title") or _get(c, "path"), url, "gs-src-title")
            meta = [esc(_get(c, "section") or "")]
            rel = _get(c, "release")
            if rel:
                meta.append(f"<span class='gs-badge'>release {esc(rel)}</span>")
            kind = _get(c, "kind")
            if kind:
                meta.append(f"<span class='gs-badge gs-kind'>{esc(KIND_LABELS.get(kind, kind))}</span>")
            passage = passages.get(_get(c, "chunk_id") or "")
            snip = highlighted_passage_html(passage, _get(c, "snippet") or "")
            where = "Open on GitHub ↗" if re.match(r"https://github\.com/", url or "") else "Open in the specification ↗"
            open_ = (f"<div class='gs-src-open'>{link(where, url)}</div>"
                     if safe_url(url) else
                     f"<div class='gs-src-open gs-muted'>{esc((_get(c, 'folder') or '') + '/' + (_get(c, 'path') or ''))}</div>")
            items.append(
                f"<li class='gs-src' id='gs-src-{esc(n)}'><div class='gs-src-head'><span class='gs-n'>{esc(n)}</span>"
                f"{head}</div><div class='gs-src-meta'>{' '.join(m for m in meta if m)}</div>"
                f"<blockquote class='gs-snippet'>{snip}</blockquote>{open_}</li>")
        body = f"<ol class='gs-src-list'>{''.join(items)}</ol>"
    cited = {_get(c, "chunk_id") for c in citations}
    others = [r for r in retrieved if _get(r, "chunk_id") not in cited]
    more = ""
    if others:
        lis = "".join(f"<li>{link(_get(r, 'title') or _get(r, 'path'), _get(r, 'url'))}"
                      f"<span class='gs-muted'> — {esc(_get(r, 'section') or '')}</span></li>" for r in others)
        more = (f"<details class='gs-more'><summary>Other passages retrieved ({len(others)})</summary>"
                f"<ul>{lis}</ul></details>")
    n = len(citations)
    return (f"<section class='gs-sources' aria-label='{esc(title)}'><h3>{esc(title)}"
            f"{f' ({n})' if n else ''}</h3>{body}{more}</section>")


def feedback_record(ts: str, question: str, answer: Any, rating: str, comment: str | None,
                    release: str | None) -> dict:
    """One line of the feedback log (what maintainers turn into gold items)."""
    cits = []
    for c in _get(answer, "citations", []) or []:
        d = asdict(c) if is_dataclass(c) else dict(c)
        cits.append({k: d.get(k) for k in ("n", "folder", "path", "release", "section", "url", "chunk_id")})
    return {"ts": ts, "question": question, "answer": _get(answer, "text", "") if not isinstance(answer, str) else answer,
            "citations": cits, "rating": rating, "comment": (comment or "").strip() or None,
            "release": release or _get(answer, "release")}


# ------------------------------------------------------------------------------------------------------------
# banners


def banner_html(message: str, command: str | None = None, level: str = "warn") -> str:
    cmd = f"<pre class='gs-cmd'><code>{esc(command)}</code></pre>" if command else ""
    return (f"<div class='gs-banner gs-{esc(level)}' role='alert'><strong>{'⚠' if level != 'info' else 'ℹ'}"
            f"</strong> {esc(message)}{cmd}</div>")


# ------------------------------------------------------------------------------------------------------------
# building-block advisor


def _names(names: Mapping[str, str] | None) -> Mapping[str, str]:
    if names is not None:
        return names
    try:
        from assistant import registry

        return {b.id: b.name for b in registry.building_blocks()}
    except Exception:  # the registry file is missing in a stripped install: ids are shown as they are
        return {}


def _score_bar(score: float) -> str:
    pct = max(0.0, min(1.0, float(score or 0.0))) * 100
    return (f"<span class='gs-bar' role='img' aria-label='score {score:.2f}'><span style='width:{pct:.0f}%'></span></span>"
            f"<span class='gs-num'>{score:.2f}</span>")


def suggestion_summary_markdown(s: Any, names: Mapping[str, str] | None = None) -> str:
    names = _names(names)
    notes = " ".join(n for n in (long_note(_get(s, "unread_chars") or 0), spelled_note(_get(s, "spelled") or [])) if n)
    read_as = f"\n\n_{md_text(notes)}_" if notes else ""
    if _get(s, "guidance"):
        return "**" + md_text("Tell me a bit more") + "** — " + safe_markdown(_get(s, "guidance")) + read_as
    sel = [b for b in _get(s, "building_blocks", []) if _get(b, "selected")]
    if not sel:
        return "No building block scored high enough for this description. Add what happens step by step." + read_as
    def listing_of(bbs):
        return ", ".join(f"**{md_text(names.get(_get(b, 'id'), _get(b, 'name')))}**" for b in bbs)

    groups = dict(selection_groups(s))
    if groups.get("named") and groups.get("assumed"):  # the table's two groups of selected blocks, in its order
        listing = (f"{listing_of(groups['named'])} for the steps you describe, and {listing_of(groups['assumed'])}, "
                   "which GovStack services of this kind also use")
    else:
        listing = listing_of(sel)
    ms = (_get(s, "timings_ms") or {}).get("total")
    tail = f" ({ms:.0f} ms)" if ms else ""
    focus = _get(s, "focus")
    fname = md_text(names.get(focus, focus)) if focus else ""
    if focus and _get(sel[0], "id") == focus:
        centre = f" The description centres on **{fname}**."
    elif focus:  # a longer description ranks by what most of its steps use; the distinctive block may come later
        centre = (f" What sets this service apart from most is **{fname}**; the table ranks the blocks by how many of "
                  "the service's steps would use them.")
    else:
        centre = ""
    return (f"Suggested: {listing} — {len(sel)} of {len(_get(s, 'building_blocks', []))} building blocks{tail}.{centre}"
            f"{read_as}")


def _bb_row(b: Any, names: Mapping[str, str]) -> str:
    """One block's row: selected mark, name, score bar, reasons with cited spec pages."""
    sel = bool(_get(b, "selected"))
    reasons = _get(b, "reasons") or []
    cits = _get(b, "citations") or []
    why = "".join(f"<li>{esc(r)}</li>" for r in reasons[:4])
    if cits:
        titles = [str(_get(c, "title")) for c in cits[:3]]
        # two pages of one chapter ("Registration — 4 Key Digital Functionalities" twice) are told apart by section
        labels = [f"{t} › {str(_get(c, 'section') or '').split(' › ')[-1]}"
                  if titles.count(t) > 1 and _get(c, "section") else t for t, c in zip(titles, cits)]
        why += "<li class='gs-cites'>spec: " + "; ".join(
            link(lab, _get(c, "url")) for lab, c in zip(labels, cits)) + "</li>"
    why_html = f"<ul class='gs-why'>{why}</ul>" if why else "<span class='gs-muted'>—</span>"
    mark = ("<span class='gs-yes' aria-label='selected'>✔</span>" if sel
            else "<span class='gs-muted' aria-label='not selected'>·</span>")
    return (f"<tr class='{'gs-sel' if sel else 'gs-unsel'}'>"
            f"<td class='gs-c'>{mark}</td>"
            f"<th scope='row'>{esc(names.get(_get(b, 'id'), _get(b, 'name') or _get(b, 'id')))}</th>"
            f"<td class='gs-score'>{_score_bar(float(_get(b, 'score') or 0.0))}</td><td class='gs-whycell'>{why_html}</td></tr>")


def bb_table_html(s: Any, names: Mapping[str, str] | None = None) -> str:
    """All building blocks, best first (suggest.display_sections: the ones the steps call for, the others selected,
    the rest, each under its heading when there are both kinds of selected block)."""
    names = _names(names)
    sections = display_sections(s)
    if not sections:
        return ""
    rows = []
    for key, bbs in sections:
        if key:
            rows.append(f"<tr class='gs-group gs-group-{key}'><th colspan='4' scope='rowgroup'>{esc(GROUP_TITLES[key])}"
                        "</th></tr>")
        rows += [_bb_row(b, names) for b in bbs]
    first = sections[0][1][0]
    leads = bool(_get(s, "focus")) and _get(first, "id") == _get(s, "focus") and _get(first, "selected")
    caption = ("Building blocks: selected first — the one the description is about, then " if leads
               else "Building blocks: selected first — ")
    caption += ("the ones your steps call for, then the ones services like it also use; the most central first in each"
                if sections[0][0] else "the most central first")
    return (f"<div class='gs-table-wrap' id='gs-bb-table'><table class='gs-table gs-bbt'><caption>{caption}"
            "</caption><thead><tr><th scope='col'>Selected</th><th scope='col'>Building block</th>"
            "<th scope='col'>Score</th><th scope='col'>Why</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


def _abbr(name: str) -> str:
    words = re.findall(r"[A-Za-z]+", name)
    if len(words) == 1:
        return words[0][:4] if len(words[0]) > 4 else words[0]
    return "".join(w[0].upper() for w in words)[:4]


def steps_matrix_html(s: Any, names: Mapping[str, str] | None = None) -> str:
    """Step × building block table: one row per need found in the description, a filled cell where that
    building block serves the step; workflows (SDG framework) listed per step."""
    names = _names(names)
    steps = _get(s, "steps", []) or []
    if not steps:
        return ""
    order = [_get(b, "id") for key, g in selection_groups(s) if key != "rest" for b in g]  # the table's order
    for st in steps:
        for b in _get(st, "building_blocks", []) or []:
            if b not in order:
                order.append(b)
    if not order:
        return ""
    head = "".join(f"<th scope='col' title='{esc(names.get(b, b))}'><span class='gs-vert'>{esc(names.get(b, b))}</span></th>"
                   for b in order)
    rows = []
    for i, st in enumerate(steps, 1):
        have = set(_get(st, "building_blocks", []) or [])
        cells = "".join(
            f"<td class='gs-hm gs-on'><span aria-label='{esc(names.get(b, b))} used'>●</span></td>" if b in have
            else "<td class='gs-hm'></td>" for b in order)
        wfs = ", ".join(_get(st, "workflows", []) or [])
        wf_html = f"<div class='gs-muted gs-small'>workflows: {esc(wfs)}</div>" if wfs else ""
        rows.append(f"<tr><th scope='row' class='gs-step'><span class='gs-n'>{i}</span> {esc(_get(st, 'text'))}{wf_html}</th>{cells}</tr>")
    return ("<div class='gs-table-wrap' id='gs-steps'><table class='gs-table gs-matrix'><caption>Which building block serves "
            "which step of the description</caption><thead><tr><th scope='col'>Step</th>" + head + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


def similar_use_cases_html(s: Any, names: Mapping[str, str] | None = None) -> str:
    names = _names(names)
    ucs = _get(s, "similar_use_cases", []) or []
    if not ucs:
        return ""
    sel = set(_get(x, "id") for x in _get(s, "building_blocks", []) or [] if _get(x, "selected"))
    items = []
    for u in ucs:
        src = "GovStack use case" if _get(u, "source") == "govstack" else "SDG Digital Investment Framework"
        chips = "".join(f"<span class='gs-chip {'gs-chip-on' if b in sel else ''}'>{esc(names.get(b, b))}</span>"
                        for b in _get(u, "building_blocks", []) or [])
        uid = _get(u, "id") or ""
        label = f"{uid.replace('sdg:', '')} — {_get(u, 'title')}" if not uid.startswith("sdg:") else _get(u, "title")
        items.append(f"<li><div>{link(label, _get(u, 'url'))} <span class='gs-muted gs-small'>{esc(src)} · similarity "
                     f"{float(_get(u, 'score') or 0):.2f}</span></div><div class='gs-chips'>{chips}</div></li>")
    targets = _get(s, "sdg_targets", []) or []
    t_html = ""
    if targets:
        t_html = "<h4>Related SDG targets</h4><ul class='gs-list'>" + "".join(
            f"<li><div>{link(_get(t, 'text') or _get(t, 'title') or _get(t, 'id') or '', _get(t, 'url'))}</div>"
            f"<div class='gs-muted gs-small'>{esc(sdg_target_basis(t))}</div></li>" for t in targets) + "</ul>"
    note = similar_note(ucs)
    note_html = f"<p class='gs-muted gs-small'>{esc(note)}</p>" if note else ""
    return ("<div class='gs-similar'><h4>Similar reference use cases</h4>" + note_html + "<ul class='gs-list'>"
            + "".join(items) + "</ul>" + t_html + "</div>")


def bb_diagram_svg(selected: Sequence[str], names: Mapping[str, str] | None = None,
                   mediator: str = "information-mediator", width: int = 640) -> str:
    """An inline SVG: the Information Mediator in the middle, every other selected building block on a ring
    around it, each joined to the mediator (GovStack blocks exchange data through it). No scripts, no
    external assets; text is escaped.

    >>> svg = bb_diagram_svg(["identity", "payments"], {"identity": "Identity", "payments": "Payments",
    ...                      "information-mediator": "Information Mediator"})
    >>> svg.startswith("<svg") and svg.count("<line") == 2 and "Payments" in svg
    True
    """
    names = _names(names)
    others = [b for b in selected if b != mediator]
    im_selected = mediator in selected
    boxes, width, h = _diagram_layout([names.get(b, b) for b in others], width)
    cx, cy = width / 2, h / 2
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {h}' class='gs-diagram' role='img' "
             f"aria-labelledby='gs-dg-t' preserveAspectRatio='xMidYMid meet'>",
             f"<title id='gs-dg-t'>{esc(_diagram_title(others, im_selected, names, mediator))}</title>"]
    pts = [(b, x, y, w) for b, (x, y, w) in zip(others, boxes)]
    for b, x, y, _ in pts:
        parts.append(f"<line x1='{cx:.1f}' y1='{cy:.1f}' x2='{x:.1f}' y2='{y:.1f}' class='gs-dg-link'/>")
    im_label = names.get(mediator, "Information Mediator")
    parts.append(f"<g class='gs-dg-im{'' if im_selected else ' gs-dg-dashed'}'>"
                 f"<rect x='{cx - _HUB_W / 2:.1f}' y='{cy - _HUB_H / 2:.1f}' width='{_HUB_W}' height='{_HUB_H}' rx='14'/>"
                 f"<text x='{cx:.1f}' y='{cy - 4:.1f}' text-anchor='middle' class='gs-dg-t1'>{esc(im_label)}</text>"
                 f"<text x='{cx:.1f}' y='{cy + 15:.1f}' text-anchor='middle' class='gs-dg-t2'>"
                 f"{'secure data exchange' if im_selected else 'recommended for data exchange'}</text></g>")
    for b, x, y, w in pts:
        label = names.get(b, b)
        parts.append(f"<g class='gs-dg-bb'><rect x='{x - w / 2:.1f}' y='{y - _BOX_H / 2:.1f}' width='{w}' height='{_BOX_H}' rx='10'/>"
                     f"<text x='{x:.1f}' y='{y + 5:.1f}' text-anchor='middle'>{esc(label)}</text></g>")
    if not others:
        parts.append(f"<text x='{cx:.1f}' y='{cy + 70:.1f}' text-anchor='middle' class='gs-dg-t2'>"
                     "No other building block selected.</text>")
    parts.append("</svg>")
    return "".join(parts)


_HUB_W, _HUB_H, _BOX_H, _GAP = 200, 60, 40, 8


def _diagram_layout(labels: Sequence[str], width: int) -> tuple[list[tuple[float, float, int]], int, int]:
    """Centre (x, y) and width of each block's box on an ellipse around the mediator's, and the diagram's width and
    height: the smallest (from `width` × 420, both grown by 5% at a time) at which no two boxes, nor a box and the
    mediator's, overlap. (Growing both keeps the shape the page has room for: a taller one would be shrunk to fit.)

    >>> boxes, w, h = _diagram_layout(["Digital Registries", "Identity"], 640)
    >>> (w, h), [round(x) for x, _, _ in boxes]
    ((640, 420), [320, 320])
    """
    widths = [max(92, min(176, 8 * len(t) + 24)) for t in labels]
    for k in range(20, 60):
        w_all, h = round(width * k / 20), round(420 * k / 20)
        rx = w_all / 2 - max(widths, default=92) / 2 - _GAP
        ry = h / 2 - _BOX_H / 2 - _GAP
        boxes = [(w_all / 2 + rx * math.cos(a), h / 2 + ry * math.sin(a), w, _BOX_H)
                 for a, w in ((-math.pi / 2 + 2 * math.pi * i / max(1, len(labels)), w) for i, w in enumerate(widths))]
        every = boxes + [(w_all / 2, h / 2, _HUB_W, _HUB_H)]
        if not any(_overlap(a, b) for i, a in enumerate(every) for b in every[i + 1:]):
            break
    return [(x, y, w) for x, y, w, _ in boxes], w_all, h


def _overlap(a: tuple, b: tuple) -> bool:
    """Whether two centred boxes (x, y, width, height) come closer than _GAP."""
    return abs(a[0] - b[0]) < (a[2] + b[2]) / 2 + _GAP and abs(a[1] - b[1]) < (a[3] + b[3]) / 2 + _GAP


def _diagram_title(others: Sequence[str], im_selected: bool, names: Mapping[str, str], mediator: str) -> str:
    lst = ", ".join(names.get(b, b) for b in others) or "no other building blocks"
    im = names.get(mediator, "Information Mediator")
    return f"{lst} connected through the {im}" + ("" if im_selected else " (not selected, recommended)")


def suggestion_markdown(s: Any, names: Mapping[str, str] | None = None) -> str:
    """The suggestion as a Markdown document (export)."""
    names = _names(names)
    lines = ["# Building-block suggestion", "", "## Service description", "", _get(s, "description", "").strip(), ""]
    if _get(s, "guidance"):
        lines += ["## Guidance", "", _get(s, "guidance"), ""]
        return "\n".join(lines)
    lines += ["## Building blocks", ""]
    for key, bbs in display_sections(s):  # as the advisor's table
        if key:
            lines += [f"### {GROUP_TITLES[key]}", ""]
        lines += ["| selected | building block | score | why |", "|---|---|---|---|"]
        for b in bbs:
            why = "<br>".join(r.replace("|", "\\|") for r in (_get(b, "reasons") or [])[:3])
            lines.append(f"| {'yes' if _get(b, 'selected') else ''} | {names.get(_get(b, 'id'), _get(b, 'name'))} | "
                         f"{float(_get(b, 'score') or 0):.2f} | {why} |")
        lines.append("")
    cites = [(names.get(_get(b, "id"), _get(b, "name")), c) for b in _get(s, "building_blocks", []) or []
             if _get(b, "selected") for c in (_get(b, "citations") or [])]
    if cites:
        lines += ["### Specification pages", ""]
        for name, c in cites:
            lines.append(f"- {name}: [{_get(c, 'title')} — {_get(c, 'section')}]({_get(c, 'url') or ''})")
        lines.append("")
    if _get(s, "steps"):
        lines += ["## Steps", ""]
        for i, st in enumerate(_get(s, "steps"), 1):
            bbs = ", ".join(names.get(b, b) for b in _get(st, "building_blocks", []) or []) or "—"
            wfs = ", ".join(_get(st, "workflows", []) or []) or "—"
            lines.append(f"{i}. {_get(st, 'text')} — building blocks: {bbs}; workflows: {wfs}")
        lines.append("")
    if _get(s, "similar_use_cases"):
        lines += ["## Similar reference use cases", ""]
        if note := similar_note(_get(s, "similar_use_cases")):
            lines += [f"_{note}_", ""]
        for u in _get(s, "similar_use_cases"):
            bbs = ", ".join(names.get(b, b) for b in _get(u, "building_blocks", []) or [])
            url = _get(u, "url")
            title = f"[{_get(u, 'title')}]({url})" if url else _get(u, "title")
            lines.append(f"- {_get(u, 'id')} {title} (similarity {float(_get(u, 'score') or 0):.2f}): {bbs}")
        lines.append("")
    lines.append("_Generated by govstack-assistant from the GovStack specification._")
    return "\n".join(lines)


def suggestion_json(s: Any) -> str:
    d = s.to_dict() if hasattr(s, "to_dict") else (asdict(s) if is_dataclass(s) else dict(s))
    return json.dumps(d, ensure_ascii=False, indent=1, default=str)


# ------------------------------------------------------------------------------------------------------------
# onboarding: lessons, glossary, catalogue


def progress_html(index: int, total: int, titles: Sequence[str]) -> str:
    """A step indicator: "Lesson i of n" plus one dot per lesson (done / current / to do)."""
    dots = []
    for i, t in enumerate(titles):
        state = "done" if i < index else ("current" if i == index else "todo")
        dots.append(f"<li class='gs-step-{state}' title='{esc(t)}'"
                    f"{' aria-current=step' if state == 'current' else ''}><span>{i + 1}</span>"
                    f"<em>{esc(t)}</em></li>")
    pct = 100 * (index + 1) / max(1, total)
    return (f"<nav class='gs-progress' aria-label='Lesson progress'><div class='gs-progress-label'>Lesson {index + 1} of "
            f"{total}</div><div class='gs-progress-bar' role='progressbar' aria-valuemin='1' aria-valuemax='{total}' "
            f"aria-valuenow='{index + 1}'><span style='width:{pct:.0f}%'></span></div><ol class='gs-steps'>"
            f"{''.join(dots)}</ol></nav>")


def lesson_markdown(title: str, why: str, answers: Sequence[Any], extra_md: str = "") -> str:
    """A lesson: our framing sentence (marked as ours), then each spec-grounded answer with its sources."""
    out = [f"## {md_text(title)}", "", f"*{md_text(why)}*", ""]
    for a in answers:
        q = _get(a, "question", "")
        out += [f"#### {md_text(q)}", ""]
        body = answer_markdown(a)
        out += [body, ""]
        cits = _get(a, "citations", []) or []
        if cits:
            out.append("Sources: " + " · ".join(f"[{_get(c, 'n')}] {md_link(_get(c, 'section') or _get(c, 'title'), _get(c, 'url'))}"
                                               for c in cits))
            out.append("")
    if extra_md:
        out += [extra_md, ""]
    return "\n".join(out)


def glossary_entries(chunks: Iterable[Any], names: Mapping[str, str] | None = None,
                     release: str | None = None) -> list[dict]:
    """Glossary terms from glossary_term chunks: term, definition, building block, link; one entry per
    (term, building block), sorted by term."""
    names = _names(names)
    seen = set()
    out = []
    for c in chunks:
        if _get(c, "kind") != "glossary_term":
            continue
        if release and _get(c, "release") != release:
            continue
        extra = _get(c, "extra") or {}
        term = str(extra.get("term") or "").strip()
        if not term:
            continue
        bb = _get(c, "bb")
        key = (term.lower(), bb, _get(c, "folder"))
        if key in seen:
            continue
        seen.add(key)
        text = str(_get(c, "text") or "")
        definition = re.sub(r"^\s*\**\s*" + re.escape(term) + r"\s*\**\s*[:\-–—]?\s*\**\s*", "", text, flags=re.I).strip()
        hp = _get(c, "heading_path") or []
        source = names.get(bb, bb) if bb else (hp[0] if hp else _get(c, "folder"))
        out.append({"term": term, "definition": definition or text, "bb": bb, "source": source or "",
                    "url": _get(c, "url"), "release": _get(c, "release")})
    out.sort(key=lambda e: (e["term"].lower(), e["source"]))
    return out


def search_glossary(entries: Sequence[dict], query: str, bb: str | None = None, limit: int = 60) -> list[dict]:
    """Entries matching the query: exact term first, then terms starting with it, containing it, then
    definitions containing it (every word of the query must appear).

    >>> e = [{"term": "Consent Record", "definition": "a signed agreement", "bb": "consent"},
    ...      {"term": "Record", "definition": "x", "bb": "digital-registries"},
    ...      {"term": "Agreement", "definition": "what a consent record signs", "bb": "consent"}]
    >>> [x["term"] for x in search_glossary(e, "record")]
    ['Record', 'Consent Record', 'Agreement']
    """
    q = " ".join((query or "").lower().split())
    pool = [e for e in entries if not bb or e.get("bb") == bb]
    if not q:
        return list(pool[:limit])
    words = q.split()
    ranked = []
    for e in pool:
        t = e["term"].lower()
        d = e.get("definition", "").lower()
        if t == q:
            r = 0
        elif t.startswith(q):
            r = 1
        elif q in t:
            r = 2
        elif all(w in t for w in words):
            r = 3
        elif all(w in t or w in d for w in words):
            r = 4
        else:
            continue
        ranked.append((r, len(t), t, e))
    ranked.sort(key=lambda x: x[:3])
    return [e for *_, e in ranked[:limit]]


def glossary_html(results: Sequence[dict], total: int, query: str = "") -> str:
    if not total:
        return "<p class='gs-muted'>No glossary terms in the index.</p>"
    if not results:
        return f"<p class='gs-muted'>No term matches “{esc(query)}”. Try a shorter word.</p>"
    head = (f"{len(results)} of {total} terms" + (f" matching “{esc(query)}”" if query else " (type to search)"))
    items = "".join(
        f"<div class='gs-term'><dt><strong>{esc(e['term'])}</strong> <span class='gs-badge'>{esc(e.get('source') or '')}</span>"
        f"</dt><dd>{esc(_MD_NOISE.sub('', _clip(e.get('definition', ''), 600)))} "
        f"{link('spec ↗', e.get('url'), 'gs-small')}</dd></div>"
        for e in results)
    return f"<div class='gs-glossary'><p class='gs-muted'>{head}</p><dl>{items}</dl></div>"


_KDF_NUMBERED = re.compile(r"^\d")


def catalogue_cards(chunks: Iterable[Any], bbs: Sequence[Any], release: str | None = None) -> list[dict]:
    """One card per building block: our description (registry), key functionalities (headings of its
    "4 Key Digital Functionalities" page), number of distinct API operations, link to its spec."""
    by_bb: dict[str, dict[str, Any]] = {}
    for c in chunks:
        bb = _get(c, "bb")
        if not bb or (release and _get(c, "release") != release):
            continue
        d = by_bb.setdefault(bb, {"kdf": [], "ops": set(), "readme": None, "roots": {}})
        path = _get(c, "path") or ""
        hp = _get(c, "heading_path") or []
        kind = _get(c, "kind")
        if path.endswith("key-digital-functionalities.md") and len(hp) > 2 and hp[2] not in d["kdf"]:
            d["kdf"].append(hp[2])
        if kind == "api_operation":
            ex = _get(c, "extra") or {}
            if ex.get("api_path"):
                d["ops"].add((str(ex.get("method") or "").upper(), str(ex.get("api_path"))))
        url = safe_url(_get(c, "url"))
        if url and "specs.govstack.global" in url and kind not in ("framework_bb",):
            if path == "spec/README.md" and not d["readme"]:
                d["readme"] = url
            root = "/".join(url.split("/")[:4])
            d["roots"][root] = d["roots"].get(root, 0) + 1
    cards = []
    for b in bbs:
        bid, name, desc = _get(b, "id"), _get(b, "name"), _get(b, "description")
        d = by_bb.get(bid, {"kdf": [], "ops": set(), "readme": None, "roots": {}})
        kdf = [h for h in d["kdf"] if _KDF_NUMBERED.match(h)] or list(d["kdf"])
        kdf = [re.sub(r"^[\d.]+\s*", "", h).rstrip(":") for h in kdf]
        roots = sorted(d["roots"].items(), key=lambda kv: -kv[1])
        url = d["readme"] or (roots[0][0] if roots else None)
        cards.append({"id": bid, "name": name, "description": desc, "functionalities": kdf,
                      "api_operations": len(d["ops"]), "url": url})
    return cards


def catalogue_html(cards: Sequence[dict], query: str = "") -> str:
    q = (query or "").lower().strip()
    shown = [c for c in cards if not q or q in (c["name"] + " " + (c["description"] or "") + " "
                                                 + " ".join(c["functionalities"])).lower()]
    if not shown:
        return f"<p class='gs-muted'>No building block matches “{esc(query)}”.</p>"
    out = []
    for c in shown:
        funcs = "".join(f"<li>{esc(f)}</li>" for f in c["functionalities"][:8])
        more = len(c["functionalities"]) - 8
        if more > 0:
            funcs += f"<li class='gs-muted'>… {more} more</li>"
        ops = c["api_operations"]
        out.append(
            f"<article class='gs-card' id='gs-bb-{esc(c['id'])}'><h4>{esc(c['name'])}</h4>"
            f"<p>{esc(c['description'])}</p>"
            + (f"<div class='gs-small'><strong>Key functionalities</strong></div><ul class='gs-func'>{funcs}</ul>" if funcs else "")
            + f"<div class='gs-card-foot'><span class='gs-badge gs-ops'>{f'{ops} API operation' + ('s' if ops != 1 else '') if ops else 'no OpenAPI operations'}</span>"
            f"{link('Specification ↗', c['url'])}</div></article>")
    return f"<div class='gs-cards'>{''.join(out)}</div><p class='gs-muted gs-small'>Descriptions are this project's own summaries; functionalities and API counts come from the indexed specification.</p>"


def role_path_markdown(lessons: Sequence[Any]) -> str:
    return " → ".join(md_text(_get(x, "title")) for x in lessons)


# ------------------------------------------------------------------------------------------------------------
# maintainers: index status, eval reports, feedback


def status_html(st: Mapping[str, Any] | None, note: str = "") -> str:
    """Index status: a few facts, and chunk counts with one row per kind and one column per release."""
    if not st:
        return "<p class='gs-muted'>No index loaded.</p>"
    meta = st.get("meta") or {}
    recs = st.get("records") or {}
    facts = [("index", f"<code>{esc(st.get('index', ''))}</code>"), ("answers", esc(st.get("backend", "offline"))),
             ("chunks", esc(st.get("chunks", 0))), ("last ingest", esc(meta.get("last_ingest") or "—")),
             ("embedding model", esc(meta.get("embedding_model") or "—"))]
    for rel, r in sorted(recs.items()):
        facts.append((f"records ({rel})", esc(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in r.items()))))
    dl = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in facts)
    table = ""
    by = st.get("by_release") or {}
    if by:
        kinds = sorted({k for r in by.values() for k in r}, key=lambda k: (CHUNK_ORDER.index(k) if k in CHUNK_ORDER else 99, k))
        rels = sorted(by)
        head = "".join(f"<th scope='col' class='gs-r'>{esc(r)}</th>" for r in rels)
        body = "".join(f"<tr><th scope='row'>{esc(KIND_LABELS.get(k, k))}</th>"
                       + "".join(f"<td class='gs-r'>{by[r].get(k, 0)}</td>" for r in rels) + "</tr>" for k in kinds)
        total = "<tr class='gs-total'><th scope='row'>total</th>" + "".join(
            f"<td class='gs-r'>{sum(by[r].values())}</td>" for r in rels) + "</tr>"
        table = (f"<div class='gs-table-wrap'><table class='gs-table gs-compact'><thead><tr><th scope='col'>chunk kind</th>"
                 f"{head}</tr></thead><tbody>{body}{total}</tbody></table></div>")
    rep = meta.get("last_report") or {}
    last = ""
    if rep.get("chunks"):
        c = rep["chunks"]
        last = (f"<p class='gs-small gs-muted'>Last ingest: {esc(', '.join(rep.get('releases', [])))} in "
                f"{float(rep.get('seconds') or 0):.0f} s — {c.get('added', 0)} added, {c.get('updated', 0)} updated, "
                f"{c.get('deleted', 0)} deleted, {c.get('unchanged', 0)} unchanged, {c.get('embedded', 0)} embedded.</p>")
    note_html = f"<div class='gs-banner gs-info'>{esc(note)}</div>" if note else ""
    return f"<div class='gs-status'>{note_html}<dl class='gs-facts'>{dl}</dl>{table}{last}</div>"


def status_markdown(st: Mapping[str, Any] | None) -> str:
    if not st:
        return "No index loaded."
    meta = st.get("meta") or {}
    lines = [f"**Index** `{md_text(st.get('index', ''))}` · **answers** {md_text(st.get('backend', 'offline'))} · "
             f"**chunks** {st.get('chunks', 0)} · **last ingest** {md_text(meta.get('last_ingest') or '—')} · "
             f"**embedding model** {md_text(meta.get('embedding_model') or '—')}", ""]
    by = st.get("by_release") or {}
    if by:
        # one row per chunk kind, one column per release: stays narrow however many kinds there are
        kinds = sorted({k for r in by.values() for k in r}, key=lambda k: (CHUNK_ORDER.index(k) if k in CHUNK_ORDER else 99, k))
        rels = sorted(by)
        lines.append("| chunk kind | " + " | ".join(md_text(r) for r in rels) + " |")
        lines.append("|---|" + "---:|" * len(rels))
        for k in kinds:
            lines.append(f"| {md_text(KIND_LABELS.get(k, k))} | " + " | ".join(str(by[r].get(k, 0)) for r in rels) + " |")
        lines.append("| **total** | " + " | ".join(f"**{sum(by[r].values())}**" for r in rels) + " |")
        lines.append("")
    recs = st.get("records") or {}
    if recs:
        lines.append("**Records:** " + "; ".join(
            f"{md_text(rel)}: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in r.items()) for rel, r in sorted(recs.items())))
    rep = meta.get("last_report") or {}
    if rep.get("chunks"):
        c = rep["chunks"]
        lines.append("")
        lines.append(f"**Last ingest:** {', '.join(rep.get('releases', []))} in {float(rep.get('seconds') or 0):.0f} s — "
                     f"{c.get('added', 0)} added, {c.get('updated', 0)} updated, {c.get('deleted', 0)} deleted, "
                     f"{c.get('unchanged', 0)} unchanged, {c.get('embedded', 0)} embedded.")
    return "\n".join(lines)


def fmt_metric(v: Any, key: str = "") -> str:
    """Rates with 3 decimals, latencies in ms, missing as an em dash — the eval reports' own formatter.

    >>> fmt_metric(0.87345), fmt_metric(None), fmt_metric(123.4, "latency_p50_ms")
    ('0.873', '—', '123 ms')
    """
    from evals.report import fmt

    return fmt(v, key)


QA_HEADLINE = [("pass_rate", "pass rate"), ("hit@5", "hit@5"), ("mrr", "MRR"), ("key_fact_recall", "key-fact recall"),
               ("citation_precision", "citation precision"), ("citation_validity", "citation validity"),
               ("abstention_accuracy", "abstention accuracy"), ("false_abstention_rate", "false abstention"),
               ("latency_p50_ms", "latency p50"), ("latency_p95_ms", "latency p95")]
SUGGEST_HEADLINE = [("pass_rate", "pass rate"), ("set_f1", "set F1"), ("bb_macro_f1", "per-BB macro F1"),
                    ("rare_bb_f1", "rare-BB F1"), ("core_recall", "core recall"), ("focus_at_1", "focus@1"),
                    ("latency_p50_ms", "latency p50")]
LOWER_IS_BETTER = {"false_abstention_rate", "latency_p50_ms", "latency_p95_ms"}


def _gate_deltas(results: Mapping[str, Any]) -> dict[tuple[str, str], Mapping[str, Any]]:
    gate = results.get("gate") or {}
    return {(d.get("suite"), d.get("metric")): d for d in gate.get("metrics", []) if isinstance(d, Mapping)}


def eval_headline_html(results: Mapping[str, Any]) -> str:
    """Headline metrics as tiles (value, and the delta vs the baseline when the report has a gate)."""
    if not results:
        return "<p class='gs-muted'>No eval report yet: run the smoke suite or open a results JSON.</p>"
    deltas = _gate_deltas(results)
    blocks = []
    for suite, spec, label in (("qa", QA_HEADLINE, "Questions"), ("suggest", SUGGEST_HEADLINE, "Building-block suggestions")):
        m = (results.get("metrics") or {}).get(suite)
        if not m:
            continue
        tiles = []
        for key, name in spec:
            if key not in m:
                continue
            d = deltas.get((suite, key))
            dl = ""
            if d and d.get("delta") is not None:
                delta = float(d["delta"])
                good = (delta < 0) if key in LOWER_IS_BETTER else (delta > 0)
                cls = "gs-bad" if d.get("regressed") else ("gs-good" if good and abs(delta) > 1e-9 else "gs-muted")
                txt = f"{delta:+.0f} ms" if key.endswith("_ms") else f"{delta:+.3f}"
                dl = f"<div class='gs-delta {cls}'>{esc(txt)} vs baseline</div>"
            tiles.append(f"<div class='gs-tile'><div class='gs-tile-v'>{esc(fmt_metric(m.get(key), key))}</div>"
                         f"<div class='gs-tile-k'>{esc(name)}</div>{dl}</div>")
        n = m.get("n")
        blocks.append(f"<h4>{esc(label)}{f' — {n} items' if n else ''}</h4><div class='gs-tiles'>{''.join(tiles)}</div>")
    gate = results.get("gate")
    verdict = ""
    if gate:
        if gate.get("regressed"):
            verdict = ("<div class='gs-banner gs-warn'><strong>Regression vs baseline.</strong><ul>"
                       + "".join(f"<li>{esc(r)}</li>" for r in gate.get("reasons", [])) + "</ul></div>")
        else:
            verdict = "<div class='gs-banner gs-info'>No regression vs the baseline.</div>"
        if gate.get("warnings"):
            verdict += "<ul class='gs-muted gs-small'>" + "".join(f"<li>{esc(w)}</li>" for w in gate["warnings"]) + "</ul>"
    info = (f"<p class='gs-muted gs-small'>suite {esc(results.get('suite'))} · release {esc(results.get('release'))} · "
            f"backend {esc(results.get('backend'))} · created {esc(results.get('created'))}"
            + (f" · {float(results['duration_s']):.0f} s" if results.get("duration_s") else "") + "</p>")
    skipped = results.get("skipped") or []
    sk = ("<ul class='gs-muted gs-small'>" + "".join(f"<li>skipped: {esc(s)}</li>" for s in skipped) + "</ul>") if skipped else ""
    return f"<div class='gs-eval'>{info}{verdict}{''.join(blocks)}{sk}</div>"


def bars_html(rows: Sequence[tuple[str, float | None, int | None]], title: str, metric_label: str = "pass rate") -> str:
    """Horizontal bars (0–1), one per group, with n; plain HTML/CSS so it reflows at phone width."""
    if not rows:
        return ""
    out = []
    for name, v, n in rows:
        pct = 0 if v is None else max(0.0, min(1.0, float(v))) * 100
        cls = "gs-good" if v is not None and v >= 0.8 else ("gs-bad" if v is not None and v < 0.5 else "gs-mid")
        out.append(f"<div class='gs-hbar'><span class='gs-hbar-l'>{esc(name)}</span><span class='gs-hbar-t' role='img' "
                   f"aria-label='{esc(name)} {esc(metric_label)} {esc(fmt_metric(v))}'><span class='{cls}' style='width:{pct:.0f}%'>"
                   f"</span></span><span class='gs-hbar-v'>{esc(fmt_metric(v))}{f' <small>n={n}</small>' if n else ''}</span></div>")
    return f"<div class='gs-bars'><h4>{esc(title)}</h4>{''.join(out)}</div>"


def breakdown_rows(results: Mapping[str, Any], dim: str, metric: str = "pass_rate") -> list[tuple[str, float | None, int | None]]:
    b = ((results.get("breakdowns") or {}).get("qa") or {}).get(dim) or {}
    rows = [(g, v.get(metric), v.get("n")) for g, v in b.items() if isinstance(v, Mapping)]
    rows.sort(key=lambda r: (r[1] if r[1] is not None else 2.0, r[0]))
    return rows


def suggest_bb_rows(results: Mapping[str, Any]) -> list[tuple[str, float | None, int | None]]:
    b = ((results.get("breakdowns") or {}).get("suggest") or {}).get("bb") or {}
    rows = [(g, v.get("f1"), v.get("support")) for g, v in b.items() if isinstance(v, Mapping)]
    rows.sort(key=lambda r: (r[1] if r[1] is not None else 2.0, r[0]))
    return rows


def failures(results: Mapping[str, Any]) -> list[dict]:
    return [it for it in results.get("items", []) or [] if isinstance(it, Mapping) and not it.get("passed")]


def failure_choices(results: Mapping[str, Any], limit: int = 400) -> list[tuple[str, str]]:
    """(label, key) pairs for the failure drill-down dropdown; key = "suite:id"."""
    out = []
    for it in failures(results)[:limit]:
        q = " ".join(str(it.get("question", "")).split())
        out.append((f"{it.get('id')} · {it.get('category') or it.get('source') or it.get('suite')} · {q[:80]}",
                    f"{it.get('suite', 'qa')}:{it.get('id')}"))
    return out


def failures_table_html(results: Mapping[str, Any], limit: int = 200) -> str:
    fs = failures(results)
    if not fs:
        return "<p class='gs-muted'>No failing items.</p>" if results else ""
    rows = []
    for it in fs[:limit]:
        why = "; ".join(it.get("why") or []) or "—"
        rows.append(f"<tr><th scope='row'><code>{esc(it.get('id'))}</code></th><td>{esc(it.get('category') or it.get('source') or '')}</td>"
                    f"<td>{esc(_clip(' '.join(str(it.get('question', '')).split()), 160))}</td><td>{esc(_clip(why, 240))}</td></tr>")
    more = f"<p class='gs-muted gs-small'>… {len(fs) - limit} more in the results JSON</p>" if len(fs) > limit else ""
    return (f"<div class='gs-table-wrap'><table class='gs-table'><caption>Failing items ({len(fs)})</caption><thead><tr>"
            "<th scope='col'>id</th><th scope='col'>group</th><th scope='col'>question / description</th><th scope='col'>why</th>"
            "</tr></thead><tbody>" + "".join(rows) + f"</tbody></table></div>{more}")


def failure_detail_markdown(item: Mapping[str, Any] | None) -> str:
    if not item:
        return "Pick a failing item to see the question, the answer, what was retrieved and why it failed."
    out = [f"### `{md_text(item.get('id'))}` — {md_text(item.get('category') or item.get('source') or item.get('suite'))}", ""]
    out += ["**Question / description**", "", "> " + md_text(_clip(" ".join(str(item.get("question", "")).split()), 1500)), ""]
    if item.get("why"):
        out += ["**Why it failed**", ""] + [f"- {md_text(w)}" for w in item["why"]] + [""]
    if item.get("error"):
        out += [f"**Error:** `{md_text(item['error'])}`", ""]
    if item.get("suite", "qa") == "qa":
        if item.get("expected_sources"):
            out += ["**Expected sources:** " + ", ".join(f"`{md_text(x)}`" for x in item["expected_sources"]), ""]
        if item.get("retrieved"):
            out += ["**Retrieved (top 10)**", "", "| rank | source | section | relevant |", "|---|---|---|---|"]
            for r in item["retrieved"]:
                out.append(f"| {r.get('rank')} | `{md_text(str(r.get('folder')) + '/' + str(r.get('path')))}` | "
                           f"{md_text(r.get('section', ''))} | {'✔' if r.get('relevant') else ''} |")
            out.append("")
        if item.get("answer"):
            out += ["**Answer given**", "", "> " + safe_markdown(_clip(str(item["answer"]), 2500)).replace("\n", "\n> "), ""]
    else:
        for k in ("expected", "core", "selected", "missing", "extra"):
            if item.get(k) is not None:
                out.append(f"- **{k}:** {md_text(', '.join(item.get(k) or []) or '—')}")
        if item.get("f1") is not None:
            out.append(f"- **set F1:** {float(item['f1']):.2f}")
    return "\n".join(out)


def deltas_html(results: Mapping[str, Any]) -> str:
    """Every metric's delta vs the baseline and the items that flipped (from the report's gate)."""
    gate = results.get("gate") if results else None
    if not gate:
        return ("<p class='gs-muted'>No baseline comparison in this report. Run with a baseline "
                "(<code>--baseline evals/baselines/smoke.json</code>) to see deltas.</p>") if results else ""
    rows = []
    for d in gate.get("metrics", []):
        if d.get("delta") is None and d.get("current") is None:
            continue
        key = str(d.get("metric"))
        delta = d.get("delta")
        cls = "gs-bad" if d.get("regressed") else ("gs-good" if d.get("improved") else "")
        rows.append(f"<tr class='{cls}'><td>{esc(d.get('suite'))}</td><th scope='row'>{esc(key)}</th>"
                    f"<td>{esc(fmt_metric(d.get('baseline'), key))}</td><td>{esc(fmt_metric(d.get('current'), key))}</td>"
                    f"<td>{esc('' if delta is None else (f'{delta:+.0f} ms' if key.endswith('_ms') else f'{delta:+.3f}'))}</td>"
                    f"<td>{'gated' if d.get('gated') else ''}{' ✗' if d.get('regressed') else (' ✓' if d.get('improved') else '')}</td></tr>")
    flips = gate.get("pass_to_fail") or []
    fixed = gate.get("fail_to_pass") or []
    fl = ""
    if flips:
        fl += "<h4>Passed in the baseline, fail now</h4><ul class='gs-list'>" + "".join(
            f"<li><code>{esc(f.get('id'))}</code> {esc(_clip(str(f.get('question', '')), 140))}</li>" for f in flips[:60]) + "</ul>"
    if fixed:
        fl += "<h4>Failed in the baseline, pass now</h4><ul class='gs-list'>" + "".join(
            f"<li><code>{esc(f.get('id'))}</code> {esc(_clip(str(f.get('question', '')), 140))}</li>" for f in fixed[:60]) + "</ul>"
    base = gate.get("baseline") or {}
    return (f"<p class='gs-muted gs-small'>baseline {esc(base.get('path') or '')} ({esc(base.get('created') or '')})</p>"
            "<div class='gs-table-wrap'><table class='gs-table'><thead><tr><th scope='col'>suite</th><th scope='col'>metric</th>"
            "<th scope='col'>baseline</th><th scope='col'>now</th><th scope='col'>Δ</th><th scope='col'></th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>" + fl)


def feedback_table_rows(records: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Newest first: time, rating, question, comment, release, number of citations, answer start."""
    rows = []
    for r in reversed(list(records)):
        rows.append([str(r.get("ts", "")), {"up": "✓ helpful", "down": "✗ not helpful"}.get(str(r.get("rating")), str(r.get("rating", ""))),
                     _clip(" ".join(str(r.get("question", "")).split()), 200), str(r.get("comment") or ""),
                     str(r.get("release") or ""), str(len(r.get("citations") or [])),
                     _clip(" ".join(str(r.get("answer", "")).split()), 200)])
    return rows


FEEDBACK_HEADERS = ["time", "rating", "question", "comment", "release", "citations", "answer"]
