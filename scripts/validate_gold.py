"""validate_gold.py FILE PREFIX [CORPUS]: a new question file's schema, corpus validity, id prefix and counts.

What an independent gold writer runs before handing in its file (docs/qa-writer-brief.md). CORPUS defaults to
GOVSTACK_CORPUS, else the snapshot the assistant itself would find (../shared/govstack-corpus beside the working
directory or beside the installed package), so a copy of this script run from a temporary folder still finds it.
Building-block ids are the registry's canonical ones (`emarketplace`, `esignature`, not the folder names).
"""
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from assistant.api import resolve_corpus  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.errors import CorpusNotFound  # noqa: E402
from evals import gold  # noqa: E402

path, prefix = sys.argv[1], sys.argv[2]
try:
    corpus = resolve_corpus(Settings.from_env(), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
except CorpusNotFound as e:
    sys.exit(f"{e} (the third argument of this script)")
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
