"""Which product use case a question names (retrieve.CorpusIndex.named_use_case), over a tiny index of use-case chunks."""
from types import SimpleNamespace

import pytest

from assistant.retrieve import CorpusIndex, asked_step
from assistant.types import Chunk

TITLES = {"INST-1": "Unconditional Social Cash Transfer", "INST-2": "Anticipatory Cash Transfers",
          "AGR-2": "Rural Advisory Service for Farmers", "EDU-1": "Remote Learning", "HLTC-2": "Telemedicine"}


def _chunk(uc: str, title: str, step: str | None, text: str) -> Chunk:
    return Chunk(text=text, release="latest", repo="product-use-cases", folder="product-use-cases",
                 path=f"use-cases/{uc.lower()}.md", kind="use_case_step" if step else "use_case",
                 heading_path=["Product Use Cases", f"{uc} {title}"] + ([f"Step {step} X"] if step else []),
                 extra={"uc_id": uc, "uc_title": title, **({"step": step} if step else {})})


@pytest.fixture(scope="module")
def index():
    chunks = [_chunk(uc, t, None, f"{uc} – {t}. The programme pays households and registers people.")
              for uc, t in TITLES.items()]
    chunks += [_chunk("INST-2", TITLES["INST-2"], n, f"Step {n} of the programme.") for n in ("1", "2", "5")]
    # (other pages, so that the title words have the weight they have in a corpus)
    chunks += [Chunk(text=f"Page {n} on social payments, services, registration and messaging.", release="latest", repo="bb-x",
                     folder="bb-x", path=f"spec/{n}.md", kind="prose", heading_path=["X"]) for n in range(20)]
    return CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in chunks]))


@pytest.mark.parametrize("question, expected", [
    ("What triggers payouts in the anticipatory cash transfer use case?", "INST-2"),
    ("In the unconditional cash transfer use case, how does the money reach families?", "INST-1"),
    ("is there a govstack use case about advisory services for farmers?", "AGR-2"),
    ("What happens at step 3 of INST-1?", "INST-1"),
    ("In GovStack's telemedicine example, when is the fee taken?", "HLTC-2"),
    # "cash transfer" alone fits two use cases as well: it names neither
    ("In the cash transfer use case, who registers people?", None),
    ("Which block sends SMS reminders?", None),
])
def test_a_use_case_is_named_by_its_title_or_id(index, question, expected):
    assert index.named_use_case("latest", question) == expected


def test_a_use_case_keeps_its_passages(index):
    title, ids = index.use_cases("latest")["INST-2"]
    assert title == "Anticipatory Cash Transfers" and len(ids) == 4


def test_a_step_is_asked_for_by_its_place():
    assert asked_step("how does the very first step work in that one?", ["1", "2", "5"]) == "1"
    assert asked_step("and what happens in the final stage?", ["1", "2", "5"]) == "5"
    assert asked_step("what happens at step 4?", ["1", "2", "5"]) is None  # a step the use case does not have
