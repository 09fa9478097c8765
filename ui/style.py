"""The app's stylesheet (Gradio 6 takes it at launch()): readable cards, tables and charts at any width.

Colours come from Gradio's theme variables so light and dark mode both work.
"""

CSS = r"""
.gradio-container { max-width: 1280px !important; margin: 0 auto; }
#gs-title h1 { margin-bottom: 0.1em; }
#gs-title p { margin-top: 0; }
:focus-visible { outline: 3px solid var(--color-accent) !important; outline-offset: 2px; }
.gs-muted { color: var(--body-text-color-subdued); }
.gs-small { font-size: 0.88em; }
.gs-badge { display: inline-block; padding: 0 0.45em; margin: 0 0.25em 0.15em 0; border-radius: 999px; font-size: 0.78em;
  border: 1px solid var(--border-color-primary); color: var(--body-text-color-subdued); white-space: nowrap; }
.gs-banner { border-radius: 8px; padding: 0.7em 1em; margin: 0.2em 0 0.6em; border: 1px solid; }
.gs-warn { background: #fff4e5; border-color: #f0a040; color: #5a3600; }
.gs-info { background: #e8f1fb; border-color: #7aa7d9; color: #0d3a66; }
.dark .gs-warn { background: #3a2a12; color: #ffd9a6; }
.dark .gs-info { background: #12263a; color: #cfe3fa; }
.gs-cmd { margin: 0.5em 0 0; padding: 0.4em 0.6em; border-radius: 6px; background: rgba(0,0,0,0.06); overflow-x: auto; }
.gs-cmd code { white-space: pre; }

/* long unbroken words (URLs, API paths, pasted markup) must wrap, not widen the page */
#ask-chat .message-content, #ask-chat .prose, #ask-chat p, #ask-chat li, #ask-chat code, #lesson-body p, #lesson-body li {
  overflow-wrap: anywhere; }

/* sources panel */
.gs-sources h3 { margin: 0 0 0.4em; font-size: 1.05em; }
.gs-src-list { list-style: none; padding: 0; margin: 0; }
.gs-src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.6em 0.75em; margin-bottom: 0.6em;
  background: var(--block-background-fill); }
.gs-src-head { display: flex; gap: 0.5em; align-items: baseline; font-weight: 600; }
.gs-n { display: inline-flex; align-items: center; justify-content: center; min-width: 1.6em; height: 1.6em; border-radius: 999px;
  background: var(--color-accent); color: white; font-size: 0.8em; font-weight: 700; flex: none; padding: 0 0.3em; }
.gs-src-title { overflow-wrap: anywhere; }
.gs-src-meta { font-size: 0.85em; color: var(--body-text-color-subdued); margin: 0.2em 0 0.35em; overflow-wrap: anywhere; }
.gs-snippet { margin: 0; padding: 0.35em 0.6em; border-left: 3px solid var(--border-color-primary); font-size: 0.92em;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 16em; overflow-y: auto; }
.gs-snippet mark, .gs-term mark { background: #fde68a; color: #1f1f1f; padding: 0 0.1em; border-radius: 2px; }
.gs-ctx { color: var(--body-text-color-subdued); }
.gs-src-open { font-size: 0.85em; margin-top: 0.35em; }
.gs-more summary { cursor: pointer; font-size: 0.9em; }
.gs-more ul { font-size: 0.88em; padding-left: 1.2em; }

/* tables */
.gs-table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
/* a wide table scrolls inside its block instead of widening the page: width 0 keeps it out of its ancestors'
   min-content width (flex items default to min-width: auto), min-width 100% then fills the block */
#gs-steps { width: 0; min-width: 100%; }
.gs-table { border-collapse: collapse; width: 100%; font-size: 0.92em; border: none !important; }
.gs-table caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
.gs-table tr, .gs-table thead, .gs-table tbody { border: none !important; }
.gs-table th, .gs-table td { border: none !important; border-bottom: 1px solid var(--border-color-primary) !important;
  padding: 0.35em 0.45em; vertical-align: top; text-align: left; }
.gs-table thead th { font-size: 0.85em; color: var(--body-text-color-subdued); }
.gs-table tr.gs-unsel { opacity: 0.72; }
.gs-table tr.gs-group th { font-size: 0.85em; font-weight: 600; color: var(--body-text-color-subdued);
  padding-top: 0.8em; background: var(--background-fill-secondary); }
.gs-table tr.gs-bad td, .gs-table tr.gs-bad th { background: rgba(198,40,40,0.08); }
.gs-table tr.gs-good td, .gs-table tr.gs-good th { background: rgba(46,125,50,0.08); }
.gs-c { text-align: center !important; width: 2.5em; }
.gs-yes { color: #2e7d32; font-weight: 700; }
.gs-score { white-space: nowrap; width: 8em; }
.gs-bar { display: inline-block; width: 4.5em; height: 0.6em; background: var(--border-color-primary); border-radius: 4px;
  vertical-align: middle; margin-right: 0.35em; overflow: hidden; }
.gs-bar > span { display: block; height: 100%; background: var(--color-accent); }
.gs-num { font-variant-numeric: tabular-nums; }
.gs-why { margin: 0; padding-left: 1.1em; }
.gs-why li { margin-bottom: 0.15em; overflow-wrap: anywhere; }
.gs-table.gs-matrix { width: auto; }
.gs-matrix td.gs-hm { text-align: center; width: 2.2em; min-width: 2.2em; border-left: 1px solid var(--border-color-primary) !important; }
.gs-matrix td.gs-on { background: rgba(21,101,192,0.18); color: #1565c0; }
.gs-matrix thead th { vertical-align: bottom; }
.gs-vert { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; }
.gs-step { font-weight: 400; min-width: 14em; max-width: 32em; }

/* advisor */
.gs-figure { margin: 0; }
.gs-figure figcaption { font-size: 0.85em; color: var(--body-text-color-subdued); text-align: center; }
.gs-diagram { width: 100%; height: auto; max-height: 440px; }
.gs-dg-link { stroke: #7aa7d9; stroke-width: 2.5; }
.gs-dg-im rect { fill: #1565c0; stroke: #0d47a1; stroke-width: 2; }
.gs-dg-im text { fill: white; }
.gs-dg-dashed rect { fill: #e3eefa; stroke: #1565c0; stroke-dasharray: 6 4; }
.gs-dg-dashed text { fill: #0d3a66; }
.gs-dg-bb rect { fill: var(--block-background-fill, #fff); stroke: #1565c0; stroke-width: 1.6; }
.gs-dg-bb text { fill: var(--body-text-color, #1f1f1f); font-size: 14px; }
.gs-dg-t1 { font-weight: 700; font-size: 15px; }
.gs-dg-t2 { font-size: 11.5px; }
.gs-list { padding-left: 1.1em; }
.gs-list li { margin-bottom: 0.5em; }
.gs-chips { margin-top: 0.2em; }
.gs-chip { display: inline-block; font-size: 0.78em; padding: 0 0.5em; margin: 0 0.25em 0.25em 0; border-radius: 999px;
  background: rgba(0,0,0,0.06); }
.gs-chip-on { background: rgba(21,101,192,0.16); color: #0d47a1; }
.dark .gs-chip-on { color: #cfe3fa; }

/* onboarding */
.gs-progress-label { font-weight: 600; margin-bottom: 0.25em; }
.gs-progress-bar { height: 0.5em; border-radius: 999px; background: var(--border-color-primary); overflow: hidden; }
.gs-progress-bar > span { display: block; height: 100%; background: var(--color-accent); }
.gs-steps { display: flex; flex-wrap: wrap; gap: 0.3em 0.9em; list-style: none; padding: 0; margin: 0.5em 0 0; font-size: 0.85em; }
.gs-steps li { display: flex; align-items: center; gap: 0.3em; color: var(--body-text-color-subdued); }
.gs-steps li span { display: inline-flex; width: 1.5em; height: 1.5em; border-radius: 999px; align-items: center; justify-content: center;
  border: 1px solid var(--border-color-primary); font-size: 0.85em; }
.gs-steps li em { font-style: normal; }
.gs-steps li.gs-step-done span { background: var(--color-accent); color: white; border-color: var(--color-accent); }
.gs-steps li.gs-step-current { color: var(--body-text-color); font-weight: 600; }
.gs-steps li.gs-step-current span { border: 2px solid var(--color-accent); }
.gs-glossary dl { margin: 0; }
.gs-term { padding: 0.45em 0; border-bottom: 1px solid var(--border-color-primary); }
.gs-term dd { margin: 0.15em 0 0; overflow-wrap: anywhere; }
.gs-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0.75em; }
.gs-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 0.7em 0.85em; display: flex; flex-direction: column;
  background: var(--block-background-fill); }
.gs-card h4 { margin: 0 0 0.3em; }
.gs-card p { margin: 0 0 0.4em; font-size: 0.92em; }
.gs-func { margin: 0.2em 0 0.5em; padding-left: 1.1em; font-size: 0.88em; }
.gs-ops { color: var(--body-text-color); border-color: var(--color-accent); }
.gs-card-foot { margin-top: auto; display: flex; justify-content: space-between; align-items: center; gap: 0.5em; flex-wrap: wrap; font-size: 0.9em; }

/* maintainers */
.gs-facts { display: flex; flex-wrap: wrap; gap: 0.3em 1.4em; margin: 0 0 0.6em; }
.gs-facts dt { font-size: 0.8em; color: var(--body-text-color-subdued); }
.gs-facts dd { margin: 0; }
.gs-table.gs-compact { width: auto; min-width: 16em; }
.gs-table .gs-r { text-align: right; font-variant-numeric: tabular-nums; }
.gs-table tr.gs-total th, .gs-table tr.gs-total td { font-weight: 600; }
.gs-tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 0.5em; margin-bottom: 0.8em; }
.gs-tile { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.45em 0.6em; }
.gs-tile-v { font-size: 1.35em; font-weight: 700; font-variant-numeric: tabular-nums; }
.gs-tile-k { font-size: 0.82em; color: var(--body-text-color-subdued); }
.gs-delta { font-size: 0.8em; }
.gs-good { color: #2e7d32; }
.gs-bad { color: #c62828; }
.gs-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1em; }
.gs-hbar { display: grid; grid-template-columns: minmax(6em, 11em) 1fr 5.5em; gap: 0.4em; align-items: center; font-size: 0.86em; margin: 0.15em 0; }
.gs-hbar-l { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gs-hbar-t { height: 0.8em; background: var(--border-color-primary); border-radius: 4px; overflow: hidden; }
.gs-hbar-t > span { display: block; height: 100%; }
.gs-hbar-t > span.gs-good { background: #2e7d32; }
.gs-hbar-t > span.gs-mid { background: #ef6c00; }
.gs-hbar-t > span.gs-bad { background: #c62828; }
.gs-hbar-v { font-variant-numeric: tabular-nums; text-align: right; }
.gs-busy { font-style: italic; }

/* small screens */
@media (max-width: 640px) {
  #gs-tabs .tab-wrapper { height: auto; }
  #gs-tabs .tab-container:not(.visually-hidden) { flex-wrap: wrap; height: auto; overflow: visible; }
  .gradio-container { padding-left: 6px !important; padding-right: 6px !important; }
  #gs-title h1 { font-size: 1.55em; }
  #gs-title p { font-size: 0.92em; }
  .gs-table { font-size: 0.86em; }
  .gs-score { width: auto; }
  .gs-bar { width: 2.6em; }
  .gs-step { min-width: 10em; }
  .gs-matrix td.gs-hm { width: 1.7em; min-width: 1.7em; }
  .gs-hbar { grid-template-columns: minmax(5em, 8em) 1fr 4.5em; }
  /* the building-block table becomes one card per block: mark, name and score on a line, reasons below */
  .gs-bbt thead { display: none; }
  .gs-bbt, .gs-bbt tbody, .gs-bbt caption { display: block; }
  .gs-bbt tr { display: grid; grid-template-columns: 1.8em 1fr auto; align-items: baseline;
    border-bottom: 1px solid var(--border-color-primary) !important; padding: 0.3em 0; }
  .gs-bbt th, .gs-bbt td { display: block; border: none !important; padding: 0.1em 0.25em; }
  .gs-bbt td.gs-c { width: auto; }
  .gs-bbt td.gs-whycell { grid-column: 1 / -1; padding-left: 1.8em; }
  .gs-diagram { max-height: 320px; }
}
"""
