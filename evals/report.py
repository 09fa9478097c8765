"""Reports: a results document rendered as Markdown and as one self-contained HTML page with inline SVG charts."""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Sequence

from evals import metrics

QA_HEADLINE = [("hit@5", "hit@5"), ("mrr", "MRR"), ("ndcg@5", "nDCG@5"), ("key_fact_recall", "key-fact recall"),
               ("citation_precision", "citation precision"), ("citation_validity", "citation validity"),
               ("abstention_accuracy", "abstention accuracy"), ("false_abstention_rate", "false abstention"),
               ("pass_rate", "pass rate"), ("latency_p50_ms", "latency p50"), ("latency_p95_ms", "latency p95")]
SUGGEST_HEADLINE = [("set_f1", "set F1"), ("precision", "precision"), ("recall", "recall"),
                    ("bb_macro_f1", "per-BB macro F1"), ("rare_bb_f1", "rare-BB F1"),
                    ("core_recall", "core recall (top |core|+2)"), ("focus_at_1", "short requests: focus ranked first"),
                    ("pass_rate", "pass rate"),
                    ("latency_p50_ms", "latency p50"), ("latency_p95_ms", "latency p95")]
NAIVE_ROWS = [("hit@5", "hit@5"), ("mrr", "MRR"), ("ndcg@5", "nDCG@5"), ("key_fact_recall", "key-fact recall")]
MAX_MD_FAILURES = 80
# how each question set has been used (docs/evals.md): a reader of the report must know which numbers are optimistic
SOURCE_TITLE = "Per gold set (dev, dev-independent: looked at while building; independent, independent2, independent3: never item by item)"


def fmt(v: Any, key: str = "") -> str:
    """A metric for people: rates with 3 decimals, latencies in ms, missing as an em dash.

    >>> fmt(0.87345), fmt(None), fmt(123.4, "latency_p50_ms"), fmt(-0.05, "delta")
    ('0.873', '—', '123 ms', '-0.050')
    """
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (int, float)):
        if key.endswith("_ms"):
            return f"{v:.0f} ms"
        if isinstance(v, int):
            return str(v)
        return f"{v:.3f}"
    return str(v)


def fmt_delta(d: Any, key: str = "") -> str:
    if d is None:
        return ""
    if key.endswith("_ms"):
        return f"{d:+.0f} ms"
    return f"{d:+.3f}"


# ------------------------------------------------------------------------------------------------------------
# Markdown


def _md_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def _delta_lookup(gate: dict | None) -> dict[tuple[str, str], dict]:
    return {(d["suite"], d["metric"]): d for d in (gate or {}).get("metrics", [])}


def headline_rows(results: dict, suite: str, gate: dict | None = None) -> list[list[str]]:
    spec = QA_HEADLINE if suite == "qa" else SUGGEST_HEADLINE
    m = results.get("metrics", {}).get(suite) or {}
    deltas = _delta_lookup(gate)
    rows = []
    for key, label in spec:
        d = deltas.get((suite, key))
        row = [label, fmt(m.get(key), key)]
        if gate is not None:
            mark = " ✗" if d and d["regressed"] else (" ✓" if d and d["improved"] else "")
            row += [fmt(d["baseline"], key) if d else "—", (fmt_delta(d["delta"], key) + mark) if d else ""]
        rows.append(row)
    return rows


def render_markdown(results: dict, gate: dict | None = None) -> str:
    """The human report as Markdown: headline, gate verdict, naive lift, breakdowns, release comparison, failures."""
    r = results
    lines = [f"# GovStack assistant evaluation — suite `{r.get('suite')}`", "",
             f"Release `{r.get('release')}` · backend `{r.get('backend', 'offline')}` · index `{r.get('index', '')}` · "
             f"{r.get('created', '')} · {r.get('duration_s', '?')} s", ""]
    if r.get("skipped"):
        lines += ["**Skipped:** " + "; ".join(r["skipped"]), ""]
    hdr = ["metric", "value"] + (["baseline", "Δ"] if gate is not None else [])
    for suite, title in (("qa", "Questions"), ("suggest", "Building-block suggestions")):
        if suite in r.get("metrics", {}):
            m = r["metrics"][suite]
            extra = (f"{m['n']} items ({m['n_answerable']} answerable, {m['n_unanswerable']} unanswerable)"
                     if suite == "qa" else f"{m['n']} use cases")
            lines += [f"## {title}: {extra}", "", _md_table(hdr, headline_rows(r, suite, gate)), ""]
    if gate is not None:
        lines += ["## Regression gate: " + ("**FAIL**" if gate["regressed"] else "pass"), ""]
        lines += [f"- {x}" for x in gate["reasons"]] or ["- no gated metric fell beyond its tolerance; no item flipped"]
        lines += [f"- warning: {w}" for w in gate.get("warnings", [])]
        if gate["pass_to_fail"]:
            lines += ["", "Items that passed in the baseline and fail now:", ""]
            lines += [f"- `{f['id']}` {f['question'][:140]} — {'; '.join(f.get('why') or [])}" for f in gate["pass_to_fail"]]
        if gate["fail_to_pass"]:
            lines += ["", "Newly passing: " + ", ".join(f"`{f['id']}`" for f in gate["fail_to_pass"])]
        lines.append("")
    naive = r.get("naive_baseline")
    if naive:
        qa = r.get("metrics", {}).get("qa") or {}
        rec = naive.get("recipe", {})
        lines += ["## Lift over the naive baseline", "",
                  f"Canonical LangChain recipe: RecursiveCharacterTextSplitter {rec.get('chunk_size')}/{rec.get('chunk_overlap')} "
                  f"over {rec.get('files')} raw markdown files ({rec.get('chunks')} chunks), {rec.get('model')}, Chroma, "
                  f"top-k similarity; key-fact recall of its top chunk. {naive['metrics']['n']} answerable items.", ""]
        rows = []
        for key, label in NAIVE_ROWS:
            a, b = qa.get(key), naive["metrics"].get(key)
            rows.append([label, fmt(a), fmt(b), fmt_delta(a - b) if a is not None and b is not None else ""])
        lines += [_md_table(["metric", "assistant", "naive", "lift"], rows), ""]
    bq = r.get("breakdowns", {}).get("qa")
    if bq:
        cols = ["n", "pass_rate", "hit@5", "mrr", "key_fact_recall", "citation_precision", "false_abstention_rate"]
        for dim, title in (("source", SOURCE_TITLE),
                           ("category", "Per category"), ("bb", "Per building block"), ("type", "Per item type")):
            if not bq.get(dim):
                continue
            rows = [[g] + [fmt(v.get(c), c) for c in cols] for g, v in bq[dim].items()]
            lines += [f"### {title}", "", _md_table([dim] + cols, rows), ""]
    if r.get("worst_groups"):
        lines += ["### Worst categories and building blocks (by pass rate)", "",
                  _md_table(["group", "n", "failed", "pass rate", "hit@5", "key-fact recall"],
                            [[w["group"], w["n"], w["failed"], fmt(w["pass_rate"]), fmt(w["hit@5"]),
                              fmt(w["key_fact_recall"])] for w in r["worst_groups"]]), ""]
    bs = r.get("breakdowns", {}).get("suggest")
    if bs:
        rows = [[bb, v["support"], v["predicted"], fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]),
                 "rare" if bb in metrics.RARE_BBS else ""] for bb, v in bs["bb"].items()]
        lines += ["### Suggestions per building block", "",
                  _md_table(["building block", "expected in", "predicted in", "precision", "recall", "F1", ""], rows), ""]
        rows = [[src, v["n"], fmt(v["set_f1"]), fmt(v["core_recall"]), fmt(v["pass_rate"])] for src, v in bs["source"].items()]
        lines += [_md_table(["source", "n", "set F1", "core recall", "pass rate"], rows), ""]
    cmp_ = r.get("compare")
    if cmp_:
        lines += render_compare_markdown(cmp_)
    fails = [it for it in r.get("items", []) if not it.get("passed")]
    if fails:
        lines += [f"## Failures ({len(fails)})", ""]
        for it in fails[:MAX_MD_FAILURES]:
            q = " ".join(str(it.get("question", "")).split())
            lines.append(f"- **`{it['id']}`** ({it.get('category') or it.get('source', '')}) {q[:200]}")
            for w in it.get("why") or []:
                lines.append(f"  - {w}")
            if it.get("retrieved"):
                lines.append("  - retrieved: " + ", ".join(f"{x['folder']}/{x['path']}" for x in it["retrieved"][:3]))
            if it.get("expected_sources"):
                lines.append("  - expected: " + ", ".join(it["expected_sources"]))
        if len(fails) > MAX_MD_FAILURES:
            lines.append(f"- … {len(fails) - MAX_MD_FAILURES} more in the HTML report and the results JSON")
        lines.append("")
    return "\n".join(lines)


def render_compare_markdown(c: dict) -> list[str]:
    old, new = c["releases"]
    lines = [f"## Release comparison: `{old}` → `{new}`", ""]
    rows = []
    for key, label in QA_HEADLINE:
        a, b = c["metrics"][old].get(key), c["metrics"][new].get(key)
        rows.append([label, fmt(a, key), fmt(b, key), fmt_delta(b - a, key) if a is not None and b is not None else ""])
    lines += [_md_table(["metric", old, new, "Δ"], rows), ""]
    p = c["pages"]
    lines += [f"Pages: {p['changed']} changed, {p['new']} new, {p['removed']} removed; "
              f"{len(c['coverage_gaps'])} changed/new pages are cited by no gold item (coverage gaps); "
              f"{len(c['answers_changed'])} answers changed.", ""]
    for rel, rows_ in c["gold_to_update"].items():
        if rows_:
            lines += [f"### Gold items that do not hold in `{rel}` ({len(rows_)})", ""]
            lines += [f"- `{x['id']}`: " + "; ".join(x["problems"][:3]) for x in rows_[:60]]
            if len(rows_) > 60:
                lines.append(f"- … {len(rows_) - 60} more")
            lines.append("")
    if c["coverage_gaps"]:
        lines += [f"### Coverage gaps: changed or new pages no gold item covers ({len(c['coverage_gaps'])})", ""]
        lines += [f"- {g['change']}: `{g['page']}`" for g in c["coverage_gaps"][:100]]
        if len(c["coverage_gaps"]) > 100:
            lines.append(f"- … {len(c['coverage_gaps']) - 100} more (see the results JSON)")
        lines.append("")
    if c["answers_changed"]:
        lines += [f"### Answers that changed ({len(c['answers_changed'])})", ""]
        for a in c["answers_changed"][:40]:
            lines.append(f"- `{a['id']}` ({', '.join(a['changes'])}): {str(a.get('question'))[:120]} — top source "
                         f"{a['old']['top']} → {a['new']['top']}")
        lines.append("")
    return lines


# ------------------------------------------------------------------------------------------------------------
# SVG charts (inline, no scripts)

_GREEN, _RED, _BLUE, _GREY, _ORANGE = "#2e7d32", "#c62828", "#1565c0", "#9e9e9e", "#ef6c00"


def svg_grouped_bars(groups: Sequence[str], series: Sequence[tuple[str, str, Sequence[float | None]]],
                     title: str, vmax: float = 1.0, width: int = 720) -> str:
    """Horizontal grouped bars, one row per group, one bar per series (values in [0, vmax])."""
    label_w, bar_h, gap = 190, 9, 8
    row_h = bar_h * len(series) + gap
    plot_w = width - label_w - 60
    height = 40 + row_h * len(groups) + 24
    e = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{e(title)}" font-family="sans-serif" font-size="11">',
           f'<text x="0" y="14" font-size="13" font-weight="bold">{e(title)}</text>']
    lx = label_w
    for name, color, _ in series:
        out.append(f'<rect x="{lx}" y="22" width="10" height="10" fill="{color}"/>'
                   f'<text x="{lx + 14}" y="31">{e(name)}</text>')
        lx += 20 + 7 * len(name)
    for i, g in enumerate(groups):
        y0 = 40 + i * row_h
        out.append(f'<text x="{label_w - 6}" y="{y0 + row_h / 2}" text-anchor="end">{e(g)}</text>')
        for j, (name, color, values) in enumerate(series):
            v = values[i]
            y = y0 + j * bar_h
            w = 0 if v is None else max(0.0, min(1.0, v / vmax)) * plot_w
            out.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 1}" fill="{color}">'
                       f'<title>{e(g)} {e(name)}: {fmt(v)}</title></rect>')
            out.append(f'<text x="{label_w + w + 3:.1f}" y="{y + bar_h - 1}" font-size="9">{fmt(v)}</text>')
    out.append(f'<line x1="{label_w}" x2="{label_w}" y1="36" y2="{height - 20}" stroke="#555"/>')
    out.append("</svg>")
    return "".join(out)


def svg_histogram(bins: Sequence[tuple[float, float, int]], title: str, unit: str = "ms", width: int = 720) -> str:
    """Vertical bars of (low, high, count) bins."""
    e = html.escape
    height, pad_l, pad_b, top = 210, 40, 34, 36
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{e(title)}" font-family="sans-serif" font-size="10">',
           f'<text x="0" y="14" font-size="13" font-weight="bold">{e(title)}</text>']
    if not bins:
        out.append('<text x="40" y="60">no data</text></svg>')
        return "".join(out)
    cmax = max(c for _, _, c in bins) or 1
    plot_w, plot_h = width - pad_l - 10, height - pad_b - top
    bw = plot_w / len(bins)
    for i, (lo, hi, c) in enumerate(bins):
        h = c / cmax * plot_h
        x = pad_l + i * bw
        out.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" fill="{_BLUE}">'
                   f'<title>{lo:.0f}–{hi:.0f} {unit}: {c}</title></rect>')
        if c:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{top + plot_h - h - 2:.1f}" text-anchor="middle">{c}</text>')
        out.append(f'<text x="{x + bw / 2:.1f}" y="{top + plot_h + 12}" text-anchor="middle">{lo:.0f}</text>')
    out.append(f'<text x="{width - 10}" y="{height - 4}" text-anchor="end">{e(unit)} (bin start)</text>')
    out.append(f'<line x1="{pad_l}" x2="{width - 10}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#555"/></svg>')
    return "".join(out)


def svg_deltas(rows: Sequence[tuple[str, float, bool, bool]], title: str, width: int = 720) -> str:
    """Bars left (worse) or right (better) of zero: rows of (label, signed improvement, regressed, gated)."""
    e = html.escape
    label_w, bar_h = 200, 16
    height = 30 + bar_h * len(rows) + 10
    mid = label_w + (width - label_w) / 2
    half = (width - label_w) / 2 - 50
    vmax = max([abs(v) for _, v, _, _ in rows] + [0.05])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{e(title)}" font-family="sans-serif" font-size="11">',
           f'<text x="0" y="14" font-size="13" font-weight="bold">{e(title)}</text>']
    for i, (label, v, regressed, gated) in enumerate(rows):
        y = 26 + i * bar_h
        w = abs(v) / vmax * half
        color = _RED if regressed else (_GREEN if v > 0 else (_ORANGE if v < 0 else _GREY))
        x = mid if v >= 0 else mid - w
        out.append(f'<text x="{label_w - 6}" y="{y + 11}" text-anchor="end">{e(label)}{"" if gated else " (info)"}</text>')
        out.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{bar_h - 4}" fill="{color}"/>')
        tx = mid + w + 3 if v >= 0 else mid - w - 3
        out.append(f'<text x="{tx:.1f}" y="{y + 11}" text-anchor="{"start" if v >= 0 else "end"}">{v:+.3f}</text>')
    out.append(f'<line x1="{mid}" x2="{mid}" y1="22" y2="{height - 6}" stroke="#555"/></svg>')
    return "".join(out)


# ------------------------------------------------------------------------------------------------------------
# HTML

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;font-size:.9em}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail{color:#c62828;font-weight:bold}.pass{color:#2e7d32;font-weight:bold}.muted{color:#777}
details{margin:.3em 0;border:1px solid #eee;padding:.3em .6em}summary{cursor:pointer}
pre{white-space:pre-wrap;background:#fafafa;padding:.5em;font-size:.85em}.bad{background:#fdecea}.good{background:#e8f5e9}
"""


def _html_table(header: Sequence[str], rows: Sequence[Sequence[Any]], row_classes: Sequence[str] | None = None) -> str:
    e = html.escape
    out = ["<table><tr>" + "".join(f"<th>{e(str(h))}</th>" for h in header) + "</tr>"]
    for i, r in enumerate(rows):
        cls = f' class="{row_classes[i]}"' if row_classes and row_classes[i] else ""
        cells = "".join(f'<td class="num">{e(str(c))}</td>' if _numeric(c) else f"<td>{e(str(c))}</td>" for c in r)
        out.append(f"<tr{cls}>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def _numeric(c: Any) -> bool:
    s = str(c).replace(" ms", "").replace("+", "").replace("-", "").replace("✗", "").replace("✓", "").strip()
    return s.replace(".", "", 1).isdigit()


def render_html(results: dict, gate: dict | None = None) -> str:
    """One self-contained page: inline CSS and SVG, no scripts, no external resources."""
    e = html.escape
    r = results
    body = [f"<h1>GovStack assistant evaluation — suite <code>{e(str(r.get('suite')))}</code></h1>",
            f"<p class='muted'>Release <code>{e(str(r.get('release')))}</code> · backend <code>{e(str(r.get('backend', 'offline')))}</code> · "
            f"index <code>{e(str(r.get('index', '')))}</code> · {e(str(r.get('created', '')))} · {e(str(r.get('duration_s', '?')))} s</p>"]
    if r.get("skipped"):
        body.append("<p><b>Skipped:</b> " + e("; ".join(r["skipped"])) + "</p>")
    hdr = ["metric", "value"] + (["baseline", "Δ"] if gate is not None else [])
    for suite, title in (("qa", "Questions"), ("suggest", "Building-block suggestions")):
        if suite in r.get("metrics", {}):
            rows = headline_rows(r, suite, gate)
            classes = ["bad" if row[-1].endswith("✗") else ("good" if row[-1].endswith("✓") else "") for row in rows] \
                if gate is not None else None
            body += [f"<h2>{title} ({r['metrics'][suite]['n']} items)</h2>", _html_table(hdr, rows, classes)]
    if gate is not None:
        verdict = "<span class='fail'>FAIL</span>" if gate["regressed"] else "<span class='pass'>pass</span>"
        body.append(f"<h2>Regression gate: {verdict}</h2><ul>")
        body += [f"<li>{e(x)}</li>" for x in gate["reasons"]] or ["<li>no gated metric fell beyond its tolerance; no item flipped</li>"]
        body += [f"<li class='muted'>warning: {e(w)}</li>" for w in gate.get("warnings", [])]
        body.append("</ul>")
        rows = [(f"{d['suite']} {d['metric']}", (d["delta"] or 0.0) * d["direction"] + 0.0, d["regressed"], d["gated"])
                for d in gate["metrics"] if d["delta"] is not None and not d["metric"].endswith("_ms")]
        if rows:
            body.append(svg_deltas(rows, "Change vs baseline (right = better)"))
        if gate["pass_to_fail"]:
            body.append("<h3>Passed in the baseline, fail now</h3><ul>")
            body += [f"<li><code>{e(f['id'])}</code> {e(f['question'][:160])} — {e('; '.join(f.get('why') or []))}</li>"
                     for f in gate["pass_to_fail"]]
            body.append("</ul>")
        if gate["fail_to_pass"]:
            body.append("<p>Newly passing: " + ", ".join(f"<code>{e(f['id'])}</code>" for f in gate["fail_to_pass"]) + "</p>")
    naive = r.get("naive_baseline")
    qa = r.get("metrics", {}).get("qa") or {}
    if naive:
        rec = naive.get("recipe", {})
        body.append("<h2>Lift over the naive baseline</h2>")
        body.append(f"<p class='muted'>Canonical LangChain recipe: RecursiveCharacterTextSplitter {rec.get('chunk_size')}/"
                    f"{rec.get('chunk_overlap')} over {rec.get('files')} raw markdown files ({rec.get('chunks')} chunks), "
                    f"{e(str(rec.get('model')))}, Chroma, top-k similarity; key-fact recall of its top chunk.</p>")
        keys = [k for k, _ in NAIVE_ROWS]
        body.append(svg_grouped_bars([lbl for _, lbl in NAIVE_ROWS],
                                     [("assistant", _BLUE, [qa.get(k) for k in keys]),
                                      ("naive", _GREY, [naive["metrics"].get(k) for k in keys])],
                                     "Assistant vs naive dense retrieval"))
    bq = r.get("breakdowns", {}).get("qa")
    if bq:
        for dim, title in (("source", SOURCE_TITLE),
                           ("category", "Per category"), ("bb", "Per building block")):
            if not bq.get(dim):
                continue
            groups = list(bq[dim])
            body.append(f"<h2>{title}</h2>")
            body.append(svg_grouped_bars(
                [f"{g} ({bq[dim][g]['n']})" for g in groups],
                [("pass rate", _GREEN, [bq[dim][g].get("pass_rate") for g in groups]),
                 ("hit@5", _BLUE, [bq[dim][g].get("hit@5") for g in groups]),
                 ("key-fact recall", _ORANGE, [bq[dim][g].get("key_fact_recall") for g in groups])], title))
            cols = ["n", "pass_rate", "hit@5", "mrr", "ndcg@5", "key_fact_recall", "citation_precision",
                    "abstention_accuracy", "false_abstention_rate"]
            body.append(_html_table([dim] + cols, [[g] + [fmt(v.get(c), c) for c in cols] for g, v in bq[dim].items()]))
        lat = [it.get("latency_ms") for it in r.get("items", []) if it.get("suite") == "qa" and it.get("latency_ms")]
        body.append("<h2>Latency</h2>")
        body.append(svg_histogram(metrics.histogram(lat, 14), f"Answer latency, {len(lat)} questions "
                                  f"(p50 {fmt(qa.get('latency_p50_ms'), '_ms')}, p95 {fmt(qa.get('latency_p95_ms'), '_ms')})"))
    if r.get("worst_groups"):
        body.append("<h2>Worst categories and building blocks</h2>")
        body.append(_html_table(["group", "n", "failed", "pass rate", "hit@5", "key-fact recall"],
                                [[w["group"], w["n"], w["failed"], fmt(w["pass_rate"]), fmt(w["hit@5"]),
                                  fmt(w["key_fact_recall"])] for w in r["worst_groups"]]))
    bs = r.get("breakdowns", {}).get("suggest")
    if bs:
        bbs = list(bs["bb"])
        body.append("<h2>Suggestions per building block</h2>")
        body.append(svg_grouped_bars([f"{b}{' *' if b in metrics.RARE_BBS else ''}" for b in bbs],
                                     [("F1", _GREEN, [bs["bb"][b]["f1"] for b in bbs]),
                                      ("precision", _BLUE, [bs["bb"][b]["precision"] for b in bbs]),
                                      ("recall", _ORANGE, [bs["bb"][b]["recall"] for b in bbs])],
                                     "Per building block (* = rare)"))
        body.append(_html_table(["source", "n", "set F1", "core recall", "pass rate"],
                                [[s, v["n"], fmt(v["set_f1"]), fmt(v["core_recall"]), fmt(v["pass_rate"])]
                                 for s, v in bs["source"].items()]))
    if r.get("compare"):
        body.append(_md_block_to_html(render_compare_markdown(r["compare"])))
    body.append(_items_html(r.get("items", [])))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>GovStack eval — {e(str(r.get('suite')))} — {e(str(r.get('created', '')))}</title>"
            f"<style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>")


def _md_block_to_html(lines: list[str]) -> str:
    """The comparison section reuses its Markdown lines: headings, tables and bullets, escaped."""
    e = html.escape
    out, table, bullets = [], [], []

    def flush():
        if table:
            rows = [[c.strip() for c in ln.strip().strip("|").split(" | ")] for ln in table if not ln.startswith("|---")]
            out.append(_html_table(rows[0], rows[1:]))
            table.clear()
        if bullets:
            out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for ln in lines:
        if ln.startswith("|"):
            table.append(ln)
            continue
        if ln.startswith("- "):
            bullets.append(ln[2:].replace("`", ""))
            continue
        flush()
        if ln.startswith("### "):
            out.append(f"<h3>{e(ln[4:].replace('`', ''))}</h3>")
        elif ln.startswith("## "):
            out.append(f"<h2>{e(ln[3:].replace('`', ''))}</h2>")
        elif ln.strip():
            out.append(f"<p>{e(ln)}</p>")
    flush()
    return "\n".join(out)


def _items_html(items: list[dict]) -> str:
    e = html.escape
    fails = [it for it in items if not it.get("passed")]
    out = [f"<h2>Items ({len(items)}; {len(fails)} failing)</h2>"]
    for it in fails + [it for it in items if it.get("passed")]:
        ok = it.get("passed")
        tag = "<span class='pass'>pass</span>" if ok else "<span class='fail'>fail</span>"
        group = it.get("category") or it.get("source") or ""
        out.append(f"<details><summary>{tag} <code>{e(str(it['id']))}</code> <span class='muted'>{e(str(group))}</span> "
                   f"{e(str(it.get('question', ''))[:160])}</summary>")
        if it.get("why"):
            out.append("<ul>" + "".join(f"<li>{e(w)}</li>" for w in it["why"]) + "</ul>")
        if it.get("suite") == "suggest":
            out.append(f"<p>expected: {e(', '.join(it.get('expected', [])))}<br>core: {e(', '.join(it.get('core', [])))}"
                       f"<br>selected: {e(', '.join(it.get('selected', [])))}<br>ranked: {e(', '.join(it.get('ranked', [])))}</p>")
        else:
            if it.get("expected_sources"):
                out.append("<p>expected: " + e(", ".join(it["expected_sources"])) + "</p>")
            if it.get("retrieved"):
                out.append(_html_table(["#", "retrieved", "section", "kind", "relevant"],
                                       [[x["rank"], f"{x['folder']}/{x['path']}", x.get("section", "")[-90:],
                                         x.get("kind", ""), "✓" if x.get("relevant") else ""] for x in it["retrieved"][:5]]))
            if it.get("answer"):
                out.append(f"<pre>{e(it['answer'][:2500])}</pre>")
        out.append("</details>")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------------------


def write_reports(results: dict, outdir: Path | str, gate: dict | None = None, stem: str | None = None) -> dict[str, Path]:
    """results JSON (with the gate verdict when there is one), Markdown and HTML reports into outdir."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    stem = stem or f"{results.get('suite', 'eval')}-{results.get('release', 'latest')}"
    doc = dict(results)
    if gate is not None:
        doc["gate"] = gate
    paths = {"json": outdir / f"{stem}.json", "md": outdir / f"{stem}.md", "html": outdir / f"{stem}.html"}
    paths["json"].write_text(json.dumps(doc, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    paths["md"].write_text(render_markdown(results, gate), encoding="utf-8")
    paths["html"].write_text(render_html(results, gate), encoding="utf-8")
    return paths
