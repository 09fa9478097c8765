"""The examples in the docstrings are tests too: every module that has them is run here."""
import doctest
import importlib

import pytest

MODULES = ["assistant.abstain", "assistant.classifier", "assistant.language", "assistant.prefilter", "assistant.reading_path", "assistant.registry", "assistant.query", "assistant.spelling", "assistant.retrieve", "assistant.types", "assistant.answer.evidence",
           "assistant.answer.offline", "assistant.suggest",
           "ingest.documents", "ingest.framework", "ingest.gitbook", "ingest.glossary", "ingest.openapi", "ingest.sources", "ingest.split",
           "ingest.usecases", "ui.render", "evals.metrics", "evals.gold", "evals.report", "evals.compare"]


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    res = doctest.testmod(importlib.import_module(module))
    assert res.attempted > 0 and res.failed == 0


def test_every_module_with_examples_is_listed():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    have = {".".join(p.relative_to(root).with_suffix("").parts) for d in ("assistant", "ingest", "ui", "evals")
            for p in (root / d).rglob("*.py") if ">>> " in p.read_text(encoding="utf-8")}
    assert have <= set(MODULES), sorted(have - set(MODULES))
