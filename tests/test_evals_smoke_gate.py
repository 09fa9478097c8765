"""The regression gate on the real index: the smoke suite must not fall below the committed baseline."""
import pytest

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_smoke_suite_holds_the_baseline(real_index, real_corpus):
    from evals.gate import compare, load_results
    from evals.runner import run_suite
    from assistant.service import Assistant
    from pathlib import Path

    settings, _ = real_index
    res = run_suite(Assistant(settings), "smoke", corpus=real_corpus, show_progress=False)
    base = load_results(Path(__file__).resolve().parents[1] / "evals/baselines/smoke.json")
    verdict = compare(res, base, max_flips=1)
    assert not verdict["regressed"], "\n".join(verdict.get("reasons", []))
    # the headline targets of the answering issue, on the smoke subset
    qa = res["metrics"]["qa"]
    assert qa["hit@5"] >= 0.75 and qa["abstention_accuracy"] >= 0.75 and qa["false_abstention_rate"] <= 0.1
