"""Heading-aware splitting: structure is kept and every piece fits the token budget."""
from ingest.embed import approx_tokens
from ingest.split import parse_blocks, split_markdown


def test_blocks_recognise_structure():
    md = "# T\n\npara one\ncontinued\n\n* item a\n  more a\n* item b\n\n```\ncode | not table\n```\n\n| h |\n|---|\n| r1 |\n| r2 |"
    kinds = [b.kind for b in parse_blocks(md)]
    assert kinds == ["heading", "para", "item", "item", "code", "table"]
    table = parse_blocks(md)[-1]
    assert table.header.startswith("| h |") and table.text.splitlines() == ["| r1 |", "| r2 |"]


def test_heading_path_follows_nesting():
    md = "# Top\n\nintro text here\n\n## A\n\ntext a here\n\n### A.1\n\ntext a1 here\n\n## B\n\ntext b here"
    paths = [p.heading_path for p in split_markdown(md, ["Doc"], min_tokens=1)]
    assert paths == [["Doc", "Top"], ["Doc", "Top", "A"], ["Doc", "Top", "A", "A.1"], ["Doc", "Top", "B"]]


def test_pieces_fit_budget_and_never_split_rows_or_items():
    rows = "\n".join(f"| term{i} | definition number {i} with several words in it |" for i in range(80))
    items = "\n".join(f"* requirement {i} shall be possible to do thing {i} (REQUIRED)" for i in range(60))
    md = f"# Big\n\n| Term | Description |\n|---|---|\n{rows}\n\n## List\n\n{items}\n"
    pieces = split_markdown(md, ["X"], max_tokens=120)
    assert len(pieces) > 4
    for p in pieces:
        assert approx_tokens(" › ".join(p.heading_path)) + p.tokens <= 120 + 2
        for line in p.text.splitlines():
            if line.startswith("|"):
                assert line.rstrip().endswith("|")  # whole rows only
            if line.startswith("* requirement"):
                assert line.rstrip().endswith("(REQUIRED)")  # whole items only
    # the table header is repeated in every table piece
    table_pieces = [p for p in pieces if "| term" in p.text]
    assert all(p.text.startswith("| Term | Description |") for p in table_pieces)


def test_code_block_kept_whole_when_it_fits():
    md = "# C\n\n```json\n{\"a\": 1,\n\n \"b\": 2}\n```\n"
    [p] = split_markdown(md, [])
    assert "```json" in p.text and "\"b\": 2}" in p.text and p.text.rstrip().endswith("```")


def test_oversized_paragraph_is_split_at_sentences():
    md = "# P\n\n" + " ".join(f"Sentence number {i} is here." for i in range(200))
    pieces = split_markdown(md, [], max_tokens=100)
    assert len(pieces) > 3
    assert all(p.text.rstrip().endswith(".") for p in pieces)


def test_lead_in_goes_with_the_list_it_introduces():
    # the lead-in line would fit at the end of the first piece, but its list would not: it opens the next piece
    intro = " ".join(f"Background sentence {i} explains the context." for i in range(8))
    items = "\n\n".join(f"({i}) Practice number {i} is described in a few words here." for i in range(1, 6))
    md = f"# S\n\n{intro}\n\nSome best practices need to be built in:\n\n{items}\n"
    pieces = split_markdown(md, [], max_tokens=120)
    assert len(pieces) >= 2
    assert not any(p.text.rstrip().endswith(":") for p in pieces)
    with_lead = [p for p in pieces if "best practices need to be built in:" in p.text]
    assert len(with_lead) == 1 and "(1) Practice number 1" in with_lead[0].text


def test_parenthesised_numbers_are_list_items():
    assert [b.kind for b in parse_blocks("(1) first thing\n(2) second thing\n(a) sub thing")] == ["item"] * 3


def test_a_requirement_stated_only_in_its_heading_is_kept():
    # architecture 5.18/5.19: "## 5.19 Use ISO8601/UTC for Timestamps (REQUIRED)" has no body; it had been dropped
    md = ("# 5 Cross-Cutting Requirements\n\n## 5.17 No Business Logic in Databases (RECOMMENDED)\n\nAvoid triggers.\n\n"
          "## 5.18 Use only Unicode for Text (REQUIRED)\n\n## 5.19 Use ISO8601/UTC for Timestamps (REQUIRED)\n\n"
          "## 5.20 Metrics\n\n## 5.21 Building Blocks must be Autonomous (REQUIRED)\n\nEach runs alone.\n")
    texts = [p.text for p in split_markdown(md, [], min_tokens=1)]
    assert "5.18 Use only Unicode for Text (REQUIRED)" in texts
    assert "5.19 Use ISO8601/UTC for Timestamps (REQUIRED)" in texts
    assert "5.20 Metrics" not in texts  # a bare section name says nothing
    assert "Avoid triggers." in texts and "Each runs alone." in texts


def test_a_cut_sequence_diagram_repeats_its_participants_names_for_readers_not_for_search():
    from assistant.answer.evidence import units_of
    from assistant.types import Chunk, without_diagram_head

    steps = "\n".join(f"SS1 ->> SS2 : step number {i} of the exchange" for i in range(40))
    md = ("# Flow\n\n```mermaid\nsequenceDiagram\nparticipant SS1 as Security Server of Requestor\n"
          f"participant SS2 as Security Server of Responder\n{steps}\n```\n\nThe results can be cached between calls.")
    pieces = split_markdown(md, ["IM"], max_tokens=120)
    later = [p for p in pieces if "step number 39" in p.text][0]
    assert later.text.startswith("```mermaid\nsequenceDiagram\nparticipant SS1 as Security Server of Requestor")
    # what is searched, and where the parts are cut, are as without the head
    assert not without_diagram_head(later.text).startswith("```") and "participant" not in without_diagram_head(later.text)
    plain = split_markdown(md.replace("participant SS1 as", "participant SS1 is").replace("participant SS2 as",
                                                                                          "participant SS2 is"),
                           ["IM"], max_tokens=120)
    assert [without_diagram_head(p.text).count("->>") for p in pieces] == [p.text.count("->>") for p in plain]
    chunk = Chunk(text=later.text, release="latest", repo="r", folder="f", path="p", kind="prose", heading_path=["IM"])
    assert "participant" not in chunk.embed_text
    # readers get the names, and the prose after the diagram's closing fence
    texts = [u.text for u in units_of(later.text, 0)]
    assert "Security Server of Requestor → Security Server of Responder: step number 39 of the exchange" in texts
    assert "The results can be cached between calls." in texts
