"""validate_gold.py FILE PREFIX [CORPUS]: a new question file's schema, corpus validity, id prefix and counts.

What an independent gold writer runs before handing in its file (docs/qa-writer-brief.md). CORPUS defaults to
GOVSTACK_CORPUS, else ../shared/govstack-corpus beside the checkout.
"""
import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from evals import gold  # noqa: E402

path, prefix = sys.argv[1], sys.argv[2]
corpus = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("GOVSTACK_CORPUS", str(ROOT.parent / "shared" / "govstack-corpus"))
items = gold.load_jsonl(path)
errs = gold.check_qa_schema(items) + gold.validate_against_corpus(items, corpus)
errs += [f"{it.get('id')}: id must start with {prefix}" for it in items if not str(it.get("id", "")).startswith(prefix)]
errs += [f"duplicate id {i}" for i, n in collections.Counter(it.get("id") for it in items).items() if n > 1]
print(f"{len(items)} items; multi-turn {sum(1 for i in items if i.get('turns'))}; unanswerable "
      f"{sum(1 for i in items if i.get('answerable') is False)}; which-bb "
      f"{sum(1 for i in items if i.get('category') == 'which-bb')}")
print(dict(collections.Counter(i.get("category") for i in items)))
for e in errs:
    print("ERROR", e)
print("OK" if not errs else f"{len(errs)} errors")
sys.exit(1 if errs else 0)
