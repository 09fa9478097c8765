"""Building-block suggestion: properties on a tiny hand-made index (fast), and accuracy on the real index (slow)."""
import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from assistant import registry
from assistant.suggest import (CueLexicon, Suggester, format_suggestion, held_reason, longness, rank_scores, read_marks,
                               resolve_documents, split_needs)
from assistant.types import Chunk, Suggestion
from ingest.embed import HashEmbedder

ROOT = Path(__file__).resolve().parents[1]


def _chunk(text, kind, path, bb=None, heading=None, extra=None, folder=None):
    return Chunk(text=text, release="latest", repo=f"GovStackWorkingGroup/{folder or 'x'}", folder=folder or "x",
                 path=path, kind=kind, bb=bb, chapter=(heading or [""])[-1], heading_path=heading or [],
                 url=f"https://example.org/{path}", extra=extra or {})


def _kdf(bb, title, text):
    name = registry.name_of(bb)
    return _chunk(text, "prose", "spec/4-key-digital-functionalities.md", bb,
                  [name, "4 Key Digital Functionalities", title], folder=f"bb-{bb}")


def _use_case(uc, title, bbs, steps):
    out = [_chunk(f"{uc} – {title}. Building blocks: {', '.join(bbs)}.\n\nA reference service.", "use_case",
                  f"use-cases/{uc.lower()}.md", heading=["Product Use Cases", f"{uc} {title}"],
                  extra={"uc_id": uc, "uc_title": title, "building_blocks": ",".join(bbs)}, folder="product-use-cases")]
    for n, (text, step_bbs, wfs) in enumerate(steps, 1):
        out.append(_chunk(f"{text}\n\nWorkflows: {wfs}\nBuilding blocks: x", "use_case_step", f"use-cases/{uc.lower()}.md",
                          heading=["Product Use Cases", f"{uc} {title}", f"Step {n} Step"], folder="product-use-cases",
                          extra={"uc_id": uc, "uc_title": title, "building_blocks": ",".join(bbs), "step": str(n),
                                 "step_bbs": ",".join(step_bbs), "workflows": wfs}))
    return out


def _fake_assistant():
    chunks = [
        _kdf("payments", "4.1 Payment Orchestration", "Citizens pay fees and the government disburses benefits to bank or mobile money accounts."),
        _kdf("payments", "4.2 Voucher Management", "Vouchers are issued, redeemed and reconciled."),
        _kdf("messaging", "4.1 Government to person", "Informing people by SMS and e-mail about their registration and reminding them of appointments."),
        _kdf("identity", "4.2 Identity Management", "People authenticate with their national ID and their identity is verified."),
        _kdf("registration", "4.1 Online Registration e-services", "Applicants fill in application forms online and officers process the registrations."),
        _kdf("digital-registries", "4.1 Registry lifecycle management", "Records are created, read, updated and deleted in a registry database."),
        _kdf("scheduler", "4.8 Appointment Management", "Appointments are booked and reminders are scheduled."),
        _kdf("gis", "4.1 Map Display", "Locations are displayed on a map."),
        _kdf("esignature", "4.6 Signing", "Documents and agreements are signed with the signer's key."),
        _chunk("Short Description: Communicating with clients by SMS.", "framework_workflow", "workflows.json",
               heading=["SDG Digital Investment Framework", "Workflows", "Client Communication"], folder="sdg"),
        _chunk("Short Description: Payments and transfers.", "framework_workflow", "workflows.json",
               heading=["SDG Digital Investment Framework", "Workflows", "Financial Services"], folder="sdg"),
        _chunk("SDG target 1.3: Implement social protection systems for all.", "sdg_target", "sdgs.json",
               heading=["SDG Digital Investment Framework", "SDG 1", "Target 1.3"], extra={"target": "1.3", "goal": "1"},
               folder="sdg"),
    ]
    chunks += _use_case("INST-1", "Cash Transfer", ["payments", "identity", "messaging", "registration"], [
        ("Beneficiaries register and are enrolled in the programme.", ["registration", "identity"], "Identification and Registration"),
        ("The cash benefit is paid to their mobile money account.", ["payments"], "Financial Services"),
        ("Beneficiaries receive an SMS when the payment is made.", ["messaging"], "Client Communication"),
    ])
    chunks += _use_case("HLTC-1", "Mother Care", ["scheduler", "messaging", "identity"], [
        ("Mothers book antenatal appointments at the clinic.", ["scheduler"], "Client Case Management"),
        ("Mothers receive reminders by SMS before each visit.", ["messaging", "scheduler"], "Client Communication"),
    ])
    index = SimpleNamespace(chunks={f"c{i}": c for i, c in enumerate(chunks)})
    return SimpleNamespace(index=index, embedder=HashEmbedder(dim=64), settings=SimpleNamespace(release="latest", cache_dir=None))


@pytest.fixture(scope="module")
def suggester():
    # without the lexicon's step examples: with a hash embedder, their words (not their meaning) would decide what
    # reads as a service; test_step_examples_are_per_need_evidence_but_not_model_features covers them
    import dataclasses

    sug = Suggester(_fake_assistant())
    sug.lexicon = dataclasses.replace(sug.lexicon, examples={})
    return sug


def assert_declines(lex, cases) -> None:
    """Each (text, blocks, whole): the negation reader finds exactly `blocks` in the text, for the whole service when
    `whole`, else for the step alone."""
    for text, blocks, whole in cases:
        found, outright = lex.declines_both(text)
        assert set(found) == blocks, text
        assert set(outright) == (blocks if whole else set()), text


def assert_answered_no(lex, cases) -> None:
    """Each (text, blocks): a question the text answers no to rules out exactly `blocks` for the whole service."""
    for text, blocks in cases:
        read = lex.answered_no(text, split_needs(text))
        assert {b for _, whole in read for b in whole} == blocks, text


def _by_id(s: Suggestion):
    return {b.id: b for b in s.building_blocks}


@pytest.mark.parametrize("text", ["", "   ", "payments", "hello", "what is the weather", "qwrtz xkcd plmnb vvbg",
                                  "What is the Consent building block?"])
def test_bad_input_gets_guidance_and_nothing_selected(suggester, text):
    s = suggester.suggest(text)
    assert s.guidance and "Describe the service" in s.guidance
    assert s.selected == []
    assert sorted(b.id for b in s.building_blocks) == sorted(registry.bb_ids())


def test_a_service_named_in_a_few_words_gets_the_use_case_it_names_beside_the_guidance(suggester, monkeypatch):
    from assistant import suggest as S
    from assistant.types import SimilarUseCase

    close = SimilarUseCase("INST-1", "Unconditional Social Cash Transfer", 0.54, ["payments", "identity"], "govstack")
    monkeypatch.setattr(S.Suggester, "_similar", lambda self, an, ref, exclude, k=5: [close])
    s = suggester.suggest("cash transfer programme")
    assert s.guidance.startswith("That is too short") and "Describe the service" in s.guidance and s.selected == []
    assert "reference use case INST-1 Unconditional Social Cash Transfer sounds like it; it uses Identity and Payments." \
        in s.guidance and [u.id for u in s.similar_use_cases] == ["INST-1"]
    # …not when the closest is far (NAMED_USE_CASE_MIN), nor for a single word, nor from the framework's use cases
    monkeypatch.setattr(S.Suggester, "_similar", lambda self, an, ref, exclude, k=5: [
        SimilarUseCase("INST-1", "Unconditional Social Cash Transfer", 0.30, ["payments"], "govstack"),
        SimilarUseCase("sdg:x", "Food Assistance", 0.9, [], "sdg-framework")])
    assert not suggester.suggest("land registry").similar_use_cases
    monkeypatch.setattr(S.Suggester, "_similar", lambda self, an, ref, exclude, k=5: [close])
    assert not suggester.suggest("transfers").similar_use_cases
    assert "INST-1" not in (suggester.suggest("hello").guidance or "")  # (one word: nothing to name)


def test_a_very_long_description_is_read_up_to_the_limit_and_says_so(suggester, monkeypatch):
    from assistant import suggest as S

    monkeypatch.setattr(S, "MAX_DESCRIPTION_CHARS", 200)
    text = ("Farmers register online with their national ID. They receive SMS advice every week. " * 10).strip()
    s = suggester.suggest(text)
    assert s.unread_chars == len(text) - len(s.description) > 0 and s.description.endswith("week.")
    assert len(s.description) <= 200 and s.selected
    assert format_suggestion(s).startswith(f"The description is long: its last {s.unread_chars:,} characters")
    assert suggester.suggest(text[:150]).unread_chars == 0


def test_a_description_in_another_language_is_asked_for_in_english(suggester):
    s = suggester.suggest("Les agriculteurs s'inscrivent en ligne, reçoivent des conseils par SMS et sont payés par "
                          "mobile money.")
    assert s.guidance.startswith("This looks like French.") and "in English" in s.guidance and s.selected == []


@pytest.mark.parametrize("text", ["What is GovStack?", "What is the Consent building block?",
                                  "How does the Payments building block handle bulk disbursements to many farmers?"])
def test_a_question_about_the_spec_is_pointed_to_the_chat(suggester, text):
    s = suggester.suggest(text)
    assert s.guidance.startswith("That reads like a question") and "ask it in the chat" in s.guidance
    assert "Describe the service" in s.guidance and s.selected == []
    # …while a request for advice, or a description, is not
    assert not suggester.suggest("Fishers apply online for a licence and pay the fee. Which BBs do we need?").guidance


def test_money_cue_selects_payments_with_a_reason(suggester):
    s = suggester.suggest("Fishers apply online for a licence and pay the licence fee by mobile money.")
    assert s.guidance is None
    pay = _by_id(s)["payments"]
    assert pay.selected
    assert any("pay the licence fee by mobile money" in r and "Payments:" in r for r in pay.reasons)


def test_every_selected_bb_has_reasons_and_citations(suggester):
    s = suggester.suggest("Parents register their child online with their national ID, book an appointment at the "
                          "clinic, get an SMS reminder the day before, and the visit is recorded in the patient register.")
    assert s.selected, "a clear description selects something"
    for b in s.building_blocks:
        if b.selected:
            assert b.reasons, b.id
            assert b.citations, b.id
            for c in b.citations:
                assert c.chunk_id in suggester.a.index.chunks  # every citation points at a real chunk


def test_all_fifteen_ranked_selected_first_and_scores_consistent(suggester):
    s = suggester.suggest("Citizens pay their property tax online and get a receipt by SMS.")
    ids = [b.id for b in s.building_blocks]
    assert sorted(ids) == sorted(registry.bb_ids())
    flags = [b.selected for b in s.building_blocks]
    assert flags == sorted(flags, reverse=True)  # the recommended set comes first
    scores = [b.score for b in s.building_blocks]
    assert scores == sorted(scores, reverse=True)
    assert all((b.score >= 0.5) == b.selected for b in s.building_blocks)


def test_exclude_use_cases_removes_the_use_case_everywhere(suggester):
    text = "Beneficiaries register, the cash benefit is paid to their mobile money account and they receive an SMS."
    with_ref = suggester.suggest(text)
    assert "INST-1" in [u.id for u in with_ref.similar_use_cases]
    without = suggester.suggest(text, exclude_use_cases=["INST-1"])
    assert "INST-1" not in [u.id for u in without.similar_use_cases]
    an = suggester.analyze(text, ["INST-1"])
    assert all(suggester.reference().steps[int(i)].uc_id != "INST-1" for i in an.knn_idx.ravel())
    assert all("INST-1" not in r for b in without.building_blocks for r in b.reasons)


def test_steps_split_the_description_into_needs(suggester):
    s = suggester.suggest("Farmers register online, receive SMS advice and are paid subsidies by mobile money.")
    assert [st.text for st in s.steps] == ["Farmers register online", "receive SMS advice",
                                           "are paid subsidies by mobile money"]
    pay_step = s.steps[2]
    assert "payments" in pay_step.building_blocks
    assert all(w in ("Client Communication", "Financial Services") for st in s.steps for w in st.workflows)
    assert set(b for st in s.steps for b in st.building_blocks) <= set(s.selected)


def test_steps_quote_the_description_as_written(suggester):
    """A fragment too short to be a need is read with its neighbour ("Architects owners log in"), but the step and
    the reason quote the description's own words, "and" and commas kept."""
    s = suggester.suggest("Architects and owners log in, and traders get an SMS reminder a few days before each "
                          "payment is due.")
    assert [st.text for st in s.steps] == ["Architects and owners log in",
                                           "traders get an SMS reminder a few days before each payment is due"]
    assert any("'Architects and owners log in'" in r for b in s.building_blocks for r in b.reasons)


def test_a_request_asking_which_blocks_is_read_without_its_asking_frame(suggester):
    s = suggester.suggest("We run a farmers' agency. Which building blocks would we need to let farmers register online "
                          "and pay them subsidies by mobile money?")
    assert [st.text for st in s.steps] == ["We run a farmers' agency", "let farmers register online",
                                           "pay them subsidies by mobile money"]
    assert "payments" in s.selected and not s.guidance


def test_a_sentence_saying_who_the_asker_is_gives_no_reason_before_the_needs(suggester):
    s = suggester.suggest("We run a payments agency. Farmers are paid subsidies by mobile money.")
    pay = next(b for b in s.building_blocks if b.id == "payments")
    assert pay.selected and pay.reasons[0].startswith("need 'Farmers are paid subsidies by mobile money'")
    assert [st.text for st in s.steps][0] == "We run a payments agency"  # (still read: it is context, not dropped)


def test_a_need_gets_the_workflows_its_nearest_reference_steps_agree_on():
    """The closest reference step lists "Identification and Registration" first; it and three more payment steps
    list "Financial Services": the neighbours' votes, weighted by similarity, put that first."""
    fake = _fake_assistant()
    chunks = list(fake.index.chunks.values())
    chunks.append(_chunk("Short Description: Registering people.", "framework_workflow", "workflows.json",
                         heading=["SDG Digital Investment Framework", "Workflows", "Identification and Registration"],
                         folder="sdg"))
    chunks += _use_case("INST-9", "Benefits", ["payments", "registration"], [
        ("The monthly benefit is paid to a mobile money account.", ["payments", "registration"],
         "Identification and Registration; Financial Services"),
        ("The pension is paid to a mobile money account.", ["payments"], "Financial Services"),
        ("The grant is paid to a bank account.", ["payments"], "Financial Services"),
    ])
    fake.index = SimpleNamespace(chunks={f"c{i}": c for i, c in enumerate(chunks)})
    an = Suggester(fake).analyze("The monthly benefit is paid to their mobile money account.")
    assert an.need_wfs[0][0] == "Financial Services" and "Identification and Registration" in an.need_wfs[0]


def test_need_features_and_evidence():
    """need_features: by how much a block's closest example or functionality leads the best other block's, the soft
    vote of the closest examples, a cue naming another block; need_evidence (NEED_MODEL) rises with a strong cue
    and with a close example, and falls when the need names another block instead."""
    from assistant.suggest import NEED_MODEL, need_evidence, need_features

    ids = registry.bb_ids()
    nb = len(ids)
    pay, msg = ids.index("payments"), ids.index("messaging")
    proto_bb = np.asarray([pay, pay, msg, msg])

    def feats(cue_pay=0.0, cue_msg=0.0, sims=(0.3, 0.2, 0.6, 0.1)):
        cue = np.zeros((1, nb), np.float32)
        cue[0, pay], cue[0, msg] = cue_pay, cue_msg
        spec = np.full((1, nb), 0.2, np.float32)
        return need_features(cue, np.zeros((1, nb)), np.asarray([sims], np.float32), proto_bb,
                             np.full((1, nb), 0.2, np.float32), spec, np.zeros((1, nb)), np.zeros((1, nb)))

    f = feats()
    assert f["example"][0, msg] == pytest.approx(0.6) and f["example_lead"][0, msg] == pytest.approx(0.3)
    assert f["example_lead"][0, pay] == pytest.approx(-0.3) and f["example_top"][0, msg] == 1.0
    # the second-best block's lead over the rest: payments trails messaging but leads every other block
    assert f["example_lead2"][0, pay] > 0 > f["example_lead"][0, pay]
    assert f["example_vote"].sum() == pytest.approx(1.0) and f["example_vote"][0, msg] > f["example_vote"][0, pay]
    assert not f["named_other"].any() and feats(cue_pay=1.0)["named_other"][0, msg] == 1.0
    assert feats(cue_pay=0.5)["weak_strength"][0, pay] == 0.5 and feats(cue_pay=1.0)["strong"][0, pay] == 1.0
    assert NEED_MODEL["weights"], "NEED_MODEL is empty: python bench/bench_needs.py --write"
    base = need_evidence(f)
    assert need_evidence(feats(cue_pay=1.0))[0, pay] > base[0, pay]  # a strong cue is evidence
    assert need_evidence(feats(cue_pay=1.0))[0, msg] < base[0, msg]  # … and another block's cue counts against
    assert need_evidence(feats(sims=(0.7, 0.2, 0.3, 0.1)))[0, pay] > base[0, pay]  # so is a close example
    assert ((0 < base) & (base < 1)).all()


def test_json_round_trip_and_terminal_table(suggester):
    s = suggester.suggest("Citizens pay their property tax online and get a receipt by SMS.")
    d = json.loads(json.dumps(s.to_dict()))
    assert len(d["building_blocks"]) == 15 and "timings_ms" in d
    table = format_suggestion(s)
    assert "Payments" in table and "✔" in table
    assert format_suggestion(suggester.suggest("hello")).startswith("That is too short") or "Describe" in format_suggestion(suggester.suggest("hello"))



def test_a_fee_paid_in_is_not_explained_by_a_disbursement_functionality(suggester):
    """"they pay the fee" is money paid to the government: a reason does not quote a functionality named for paying
    out (the fixture's Voucher Management), though its words are as close as any."""
    f = suggester.functionality_for("they pay the voucher fee", "payments")
    assert f is not None and f.label == "Payment Orchestration"
    assert suggester.functionality_for("vouchers are issued and redeemed", "payments").label == "Voucher Management"


def test_terminal_table_says_centres_on_only_when_the_focus_leads():
    from assistant.types import BuildingBlockScore, Suggestion

    s = Suggestion(description="d", building_blocks=[BuildingBlockScore("identity", "Identity", 1.0, True, []),
                                                     BuildingBlockScore("wallet", "Wallet", 0.8, True, [])], focus="wallet")
    table = format_suggestion(s)
    assert "centres on" not in table and "What sets this service apart from most: Wallet." in table
    s.building_blocks.reverse()
    assert "The description centres on Wallet." in format_suggestion(s)


def test_terminal_table_puts_the_blocks_the_steps_name_before_the_ones_taken_for_granted():
    from assistant.types import BuildingBlockScore as B, Suggestion, SuggestionStep

    s = Suggestion(description="d", building_blocks=[
        B("messaging", "Messaging", 1.0, True, ["similar reference steps use Messaging"]),
        B("gis", "GIS", 0.8, True, ["need 'plot parcels on a map' → GIS"]),
        B("wallet", "Wallet", 0.1, False, [])], steps=[SuggestionStep("plot parcels on a map", [], ["gis"])])
    table = format_suggestion(s)
    assert (table.index("For the steps you describe:") < table.index("GIS")
            < table.index("Also used by GovStack services of this kind") < table.index("Messaging")
            < table.index("Not proposed:") < table.index("Wallet"))
    assert "the ones your steps call for before the ones services like it also use" in table
    assert "Not proposed:" not in format_suggestion(s, show_all=False)
    s.steps[0].building_blocks.append("messaging")  # every selected block named: one list, no headings
    assert "For the steps you describe" not in format_suggestion(s)
    assert format_suggestion(s).index("Messaging") < format_suggestion(s).index("GIS")


def test_an_and_after_both_or_between_joins_two_nouns_not_two_clauses():
    assert split_needs("Give each case a hearing date when both the judge and a courtroom are free.") == [
        "Give each case a hearing date when both the judge and a courtroom are free"]
    assert split_needs("Records are shared between the clinic and the hospital with their consent.") == [
        "Records are shared between the clinic and the hospital with their consent"]
    # … a second action of "both" stays a clause of its own
    assert split_needs("Both parties receive hearing reminders and can follow the case online.") == [
        "Both parties receive hearing reminders", "can follow the case online"]


def test_section_headings_and_list_lead_ins_of_a_pasted_document_are_not_needs():
    text = ("Terms of Reference: Digital Pension System\n\nBackground\nThe ministry pays pensions in cash.\n\n"
            "Scope of work\nThe vendor shall deliver a system that:\n1. Lets older persons apply online.\n"
            "2. Pays pensioners by mobile money.\n\nNon-functional requirements\n"
            "The system must be hosted in the government data centre.")
    assert split_needs(text) == ["The ministry pays pensions in cash",
                                 "Lets older persons apply online", "Pays pensioners by mobile money",
                                 "The system must be hosted in the government data centre"]
    # a heading with nothing after it is all there is to read
    assert split_needs("Background") == ["Background"]
    # a title line, and requirement ids and list marks at the start of a line, are no words of a step
    text = ("Fertiliser Subsidy E-Voucher Programme – Requirements (extract)\nEV-1: Officers shall enrol farmers.\n"
            "EV-2 - Each farmer shall receive a voucher by SMS.\nb) On approval, the dealer is paid.")
    assert split_needs(text) == ["Officers shall enrol farmers", "Each farmer shall receive a voucher by SMS",
                                 "On approval, the dealer is paid"]


def test_split_needs_keeps_long_texts_bounded():
    text = " ".join(f"Step {i} pays the fee and notifies the applicant." for i in range(300))
    needs = split_needs(text)
    assert 0 < len(needs) <= 64
    assert "Step 299" in needs[-1]  # the end of the text is still read


def test_a_definite_cue_selects_its_block_whatever_the_model_says(suggester, monkeypatch):
    import numpy as np

    lex = CueLexicon.load()
    assert lex.match("winners sign the grant agreement digitally")["esignature"].definite
    assert lex.match("the award letter is signed digitally and sent")["esignature"].definite
    assert lex.match("both parties sign the contract")["esignature"].definite  # signing a document at all
    assert lex.match("issue a signed e-prescription")["esignature"].definite
    assert not lex.match("the officer signs off the request")["esignature"].definite  # a weak cue only
    assert lex.match("members sign up with their phone").get("esignature") is None
    assert lex.match("value zones are drawn on the map")["gis"].definite  # a map the service has
    assert lex.match("combining the land register with the cadastral map")["gis"].definite
    assert lex.match("alert the dispatcher when the truck leaves its geofence")["gis"].definite  # GIS's own job
    assert "gis" not in lex.match("developing an implementation plan (road map)")
    assert not lex.match("the ministry can map policies from other countries")["gis"].definite  # a verb: a cue only
    assert lex.match("members sign in digitally").get("esignature") is None
    text = ("Students apply for a scholarship online with their national ID. Exam results are pulled from the exam "
            "council. Successful students sign the scholarship agreement digitally.")
    monkeypatch.setattr(suggester, "probabilities", lambda features: np.zeros(len(registry.bb_ids())))
    s = suggester.suggest(text)
    assert [b.id for b in s.building_blocks if b.selected] == ["esignature"]
    assert any("sign the scholarship agreement digitally" in r for r in _by_id(s)["esignature"].reasons)


def test_lexicon_cues():
    lex = CueLexicon.load()
    assert lex.match("Members sign in with their national ID").get("esignature") is None  # signing in is not signing
    assert lex.match("both parties sign the deed of transfer electronically")["esignature"].strength == 1.0
    assert lex.match("the diploma is signed with the university's key")["esignature"].strength == 1.0
    assert lex.match("the customs record is fetched from the customs system")["information-mediator"].strength == 1.0
    # a shared cloud is a kind of cloud; data shared with an agency goes through the information mediator
    hosted = lex.match("we need to host all ministry applications on a shared government cloud")
    assert hosted["cloud-infrastructure"].strength == 1.0 and hosted["information-mediator"].strength < 1.0
    assert lex.match("exam results are shared with the ministry")["information-mediator"].strength == 1.0
    assert "gis" in lex.match("choose the zone on a map")
    assert lex.match("field teams map the flooded villages")["gis"].strength == 1.0
    # a map that is a plan or a correspondence is not about places: at most a weak hint
    for text in ("develop a road map with all ministries", "stakeholders are mapped and included",
                 "the data fields are mapped to the national schema", "payments are mapped to the payee's account"):
        assert lex.match(text).get("gis") is None or lex.match(text)["gis"].strength < 1.0, text
    # people free at the same time is a scheduling matter; many users at the same time is load on the platform
    assert lex.match("find trainers who are free at the same time").get("cloud-infrastructure") is None
    assert lex.match("find trainers who are free at the same time")["scheduler"].strength == 1.0
    assert lex.match("thousands of students log in at the same time")["cloud-infrastructure"].strength == 1.0
    assert lex.match("the ministry plans training sessions for teachers")["scheduler"].strength == 1.0
    assert lex.match("a registry that is the single source of truth for vehicles")["digital-registries"].strength == 1.0
    # a wallet that holds money is a payment account, not the Wallet BB's credential wallet
    assert lex.match("subsidies are paid to their mobile money wallets")["wallet"].strength < 1.0
    assert lex.match("citizens check their e-wallet balance")["wallet"].strength < 1.0
    assert lex.match("commuters tap a mobile wallet to pay bus fares")["wallet"].strength < 1.0
    # a QR code on a tag or a stall is a label; one shown from the phone is a credential
    assert lex.match("owners get a tag with a QR code linking to the dog's record")["wallet"].strength < 1.0
    assert lex.match("citizens show a QR code on their phone when asked")["wallet"].strength == 1.0
    # signing on a device is a signature; signing on to the portal is a login
    assert lex.match("the recipient signs on the courier's device")["esignature"].definite
    assert lex.match("the recipient signs on the courier's device").get("identity") is None
    assert lex.match("staff sign on to the portal")["identity"].strength == 1.0
    # a person signs a named thing, or a thing "which both parties sign"; signing up or in is not a signature
    assert lex.match("buyer and seller sign the transfer")["esignature"].strength == 1.0
    assert lex.match("the registry updates the title, which both parties sign")["esignature"].strength == 1.0
    for text in ("volunteers sign up for a shift", "officers sign the customer up", "users who sign in get a code"):
        hit = lex.match(text).get("esignature")
        assert hit is None or hit.strength < 1.0, text
    assert lex.match("pensioners pass a face check on their phone")["identity"].strength == 1.0
    # forged papers are what a verifiable signature stops
    assert lex.match("forged licences circulate in the markets")["esignature"].strength == 1.0
    assert lex.match("certificates are often forged")["esignature"].strength == 1.0
    assert lex.match("citizens pay the fee with their phone wallet")["wallet"].strength < 1.0
    # cues found in service descriptions written from the BB scopes (evals/gold/usecases_probe.jsonl): each phrase
    # is a strong cue for its block …
    for text, b in [("conductors scan a pass on the passenger's phone", "wallet"),  # whose phone it is, named
                    ("results go straight to students' phones as a certificate", "wallet"),
                    ("nurses carry their practising licence digitally", "wallet"),
                    ("applicants sorted by how far they live from the school", "gis"),
                    ("warn households in the affected streets by SMS", "gis"),
                    ("researchers submit proposals", "registration"),
                    ("every dam owner must register the dam", "registration"),
                    ("importers declare their goods online", "registration"),
                    ("only households that have opted in may be included", "consent"),
                    ("every parent told the outcome", "messaging"),
                    ("let the applicant know when the permit is ready", "messaging"),
                    ("text each presiding officer their pickup time", "messaging"),
                    ("students get their national exam results on their phones", "messaging"),
                    ("residents text a short number to report a broken light", "messaging"),
                    ("set delivery windows for each polling station", "scheduler"),
                    ("residents reserve the community hall for an event", "scheduler"),
                    ("traders offer prices for a standard food basket", "emarketplace"),
                    ("confirm the certificate hasn't been altered", "esignature"),
                    ("teams deploy their own apps on a shared platform", "cloud-infrastructure"),
                    # first-person voice, and products an official may name
                    ("I want to sign my contract online", "esignature"), ("I wish my licence was on my phone", "wallet"),
                    ("agencies exchange data over X-Road", "information-mediator"), ("log in with MOSIP", "identity"),
                    ("disburse through Mojaloop", "payments"), ("the process runs in Camunda", "workflow"),
                    ("upload shapefiles of the parcels", "gis"), ("the site runs on WordPress", "content-management"),
                    ("hosted on AWS", "cloud-infrastructure"), ("a Telegram bot answers farmers", "messaging")]:
        assert lex.match(text)[b].strength == 1.0, (text, b)
    # "sign-up" and "sign-in" are no signing
    assert "esignature" not in lex.match("fill in the sign-up form") and "esignature" not in lex.match("the sign-in page")
    # … and these look-alikes are not: a receipt confirmed or a code sent on someone's phone, how far a request has
    # got, a broken window, a reserve price, an agency's system told automatically, and paying from a phone (a
    # mobile payment, not a credential on it; the need is read with "(wallet)" added)
    for text in ("citizens confirm receipt on the courier's phone", "pay the annual road licence fee from their phone (wallet)"):
        assert lex.match(text)["wallet"].strength < 1.0, text  # a hint only
    for text in ("a one-time code sent to their phone", "the pension fund is told automatically"):
        hit = lex.match(text).get("messaging")
        assert hit is None or hit.strength < 1.0, text
    for text, b in [("applicants can check how far along their request is", "gis"),
                    ("the office window is broken", "scheduler"), ("each lot has a reserve price", "scheduler")]:
        assert b not in lex.match(text), (text, b)  # not even a hint
    # "is free" of the service is no charge; of someone or something available it is no word about money
    for text in ("the service is free", "registration within the deadline is free", "the test is free"):
        assert "payments" in lex.declines(text), text
    for text in ("a courtroom are free", "find trainers who are free at the same time",
                 "the system checks that the company name is free"):
        assert "payments" not in lex.declines(text), text
    assert lex.match("graduates keep the diploma in a digital wallet on their phone")["wallet"].strength == 1.0
    # other systems told of a death or a birth: the identity system's notification services (c35-013)
    assert lex.match("notify our pension system when a pensioner dies")["identity"].strength == 1.0
    assert lex.match("the hospital notifies the registry of each newborn")["identity"].strength == 1.0
    assert lex.match("the pensioner dies").get("identity") is None
    # step phrasings from the hand-labelled clauses (evals/gold/needs_dev.jsonl), said another way; a report of
    # figures is a declaration (Registration), a licence checked for validity a register look-up
    for text, b in [("we send each caller a text once the case is closed", "messaging"),
                    ("staff confirm the caller is who she says she is", "identity"),
                    ("the claim is forwarded to the regional director for approval", "workflow"),
                    ("refunds above the limit need a two-level sign-off", "workflow"),
                    ("pensioners can revoke their authorisation at any time", "consent"),
                    ("the certificate carries the ministry's electronic seal", "esignature"),
                    ("inspectors confirm the permit has not been tampered with", "esignature"),
                    ("drivers show a digital driving licence at the checkpoint", "wallet"),
                    ("the school system queries the health ministry's system for vaccination status", "information-mediator"),
                    ("the civil registry publishes each birth for the other systems to pick up", "information-mediator"),
                    ("the tax office and social security fund get the new company's data", "information-mediator"),
                    ("answers to frequently asked questions are kept current", "content-management"),
                    ("traders declare their weekly sales", "registration"),
                    ("the officer verifies whether the driver's permit is still valid", "digital-registries")]:
        assert lex.match(text)[b].strength == 1.0, (text, b)
    assert lex.match("the officer reads the text of the regulation").get("messaging") is None
    assert lex.match("the applicant gets the details by SMS").get("information-mediator") is None
    # "applicant" doing another block's job is not a Registration cue; applicants applying are
    assert lex.match("check the applicant is who they say they are").get("registration") is None
    assert lex.match("applicants upload their diploma")["registration"].strength == 1.0
    # a timetable published for people to read is content; booked or reminded by, it is the scheduler's
    assert lex.match("announce the new bus timetable on the transport portal")["scheduler"].strength < 1.0
    assert lex.match("publish the vaccination calendar and remind parents")["scheduler"].strength == 1.0
    assert lex.match("the timetable is posted on the portal every week")["scheduler"].strength == 1.0
    # "book" the verb is a Scheduler cue, the thing read is not
    assert lex.match("readers borrow up to five books for three weeks").get("scheduler") is None
    assert lex.match("lend e-books to registered readers").get("scheduler") is None
    assert lex.match("inspectors book site inspections")["scheduler"].strength == 1.0
    # a business checked against a register is no one's personal data: no strong Consent cue (a person's data is)
    assert lex.match("employers are checked against the company register first")["consent"].strength < 1.0
    assert lex.match("an officer checks the cooperative against the business register")["consent"].strength < 1.0
    assert lex.match("the applicant's income is checked against the tax office records")["consent"].strength == 1.0
    assert lex.match("the company's staff records are checked against the social security register")[
        "consent"].strength == 1.0
    # a report that "goes to the right crew" is routed; going to the right page is not a step of a process
    assert lex.match("reports go to the right maintenance crew")["workflow"].strength == 1.0
    assert lex.match("each request goes straight to the responsible officer")["workflow"].strength == 1.0
    page = lex.match("citizens go to the right page of the portal").get("workflow")
    assert page is None or page.strength < 1.0
    # an exam board or an electoral commission is another organisation; being on board a boat is not
    assert lex.match("exam results are pulled from the exam board")["information-mediator"].strength == 1.0
    assert lex.match("voter rolls are checked against the electoral commission")["information-mediator"].strength == 1.0
    crew = lex.match("crew members on board report the catch").get("information-mediator")
    assert crew is None or crew.strength < 1.0
    # an event logged for the record is a record kept; someone logged in is not
    assert lex.match("the repair is logged")["digital-registries"].strength == 1.0
    assert lex.match("the officer logs each inspection")["digital-registries"].strength == 1.0
    for login in ("the user is logged in", "she is logged on to the portal"):
        hit = lex.match(login).get("digital-registries")
        assert hit is None or hit.strength < 1.0, login
    # a document certified electronically, or a wet-ink signature done away with, is a signature the service makes
    assert lex.match("notaries certify documents electronically")["esignature"].definite
    assert lex.match("no more wet-ink signatures on permits")["esignature"].definite
    # a person referred on to another service is a case handed on; a reference in a text is not
    assert lex.match("the nurse refers the mother to the district hospital")["workflow"].strength == 1.0
    ref = lex.match("officers refer to the manual").get("workflow")
    assert ref is None or ref.strength < 1.0
    # a visit or a vaccination written down is a record kept; people registered are enrolled; a sync is an exchange
    assert lex.match("health workers record each antenatal visit")["digital-registries"].strength == 1.0
    assert lex.match("the app is used to register pregnant women")["registration"].strength == 1.0
    assert lex.match("the clinic app syncs with the national health information system")["information-mediator"].strength == 1.0
    assert lex.match("patients are looked up by their NID")["identity"].strength == 1.0
    # visits or inspections planned are scheduled
    assert lex.match("social workers plan home visits")["scheduler"].strength == 1.0
    # filing papers with an office is applying to it
    assert lex.match("lawyers file case documents online")["registration"].strength == 1.0
    assert lex.match("traders file their monthly sales tax return")["registration"].strength == 1.0
    # documents sent in to be granted a permit are an application; sent for review they are not (yet)
    assert lex.match("builders submit building plans for a construction permit")["registration"].strength == 1.0
    sent = lex.match("the clerk sends the file for review").get("registration")
    assert sent is None or sent.strength < 1.0
    # buying a ticket, pass or permit is paying for it; buying goods alone stays a weak cue (a marketplace's job)
    assert lex.match("tourists buy a park entry ticket online")["payments"].strength == 1.0
    assert lex.match("traders buy goods from suppliers")["payments"].strength < 1.0
    # people compensated for a loss are paid; a compensating step in a process is not money
    assert lex.match("owners are compensated if animals must be culled")["payments"].strength == 1.0
    # accounts settled with an operator are a payment; a settlement where people live, or a dispute settled, is not
    assert lex.match("the authority settles with each bus operator at the end of the day")["payments"].strength == 1.0
    for text in ("map the informal settlements", "the two parties settle their dispute in court"):
        hit = lex.match(text).get("payments")
        assert hit is None or hit.strength < 1.0, text
    assert lex.match("families receive compensation for the land")["payments"].strength == 1.0
    # a named social-security benefit is money paid out; benefiting from something is not
    assert lex.match("jobseekers receive unemployment benefit while they search")["payments"].strength == 1.0
    assert lex.match("families apply for housing benefit")["payments"].strength == 1.0
    assert lex.match("farmers benefit from the advice").get("payments") is None
    for tech in ("a compensating transaction undoes the step", "compensation logic rolls back the booking"):
        hit = lex.match(tech).get("payments")
        assert hit is None or hit.strength < 1.0, tech

def test_step_examples_are_per_need_evidence_but_not_model_features():
    """CueLexicon.examples: a need close to a step example calls for its block (the per-step table), while every
    feature of the fitted model stays as it was (selection is not refitted for them)."""
    import dataclasses

    text = "harbour crews are followed on the screen. Skippers log each trip."
    plain = Suggester(_fake_assistant())
    plain.lexicon = dataclasses.replace(plain.lexicon, examples={})
    with_ex = Suggester(_fake_assistant())
    with_ex.lexicon = dataclasses.replace(with_ex.lexicon, examples={"gis": ["harbour crews are followed on the screen"]})
    a, b = plain.analyze(text), with_ex.analyze(text)
    j = registry.bb_ids().index("gis")
    from assistant.suggest import NEED_MIN_EVIDENCE

    assert a.need_bb[0, j] < NEED_MIN_EVIDENCE <= b.need_bb[0, j]
    assert all((a.features[k] == b.features[k]).all() for k in a.features)
    # a writer's examples left out (bench_needs' leave-one-writer-out) are matched as the gold writes them: with a
    # capital and a full stop, where the lexicon keeps neither
    held = with_ex.analyze(text, ignore_examples=["Harbour crews are followed on the screen."])
    assert held.need_bb[0, j] == pytest.approx(a.need_bb[0, j])


def test_a_need_is_read_in_the_specs_words(suggester, monkeypatch):
    """"Dispatchers are alerted when an ambulance leaves a defined area" is a geofence (query.plain_words), the spec's
    word and a GIS cue; the need is still quoted as written."""
    from assistant import suggest as S

    an = suggester.analyze("Dispatchers are alerted when an ambulance leaves a defined area.")
    assert an.cues[0]["gis"].strength == 1.0 and "geofence" not in an.needs[0]
    monkeypatch.setattr(S, "READ_PLAIN", False)
    an = suggester.analyze("Dispatchers are alerted when an ambulance leaves a defined area.")
    assert "gis" not in an.cues[0] or an.cues[0]["gis"].strength < 1.0


def test_rank_scores_and_longness():
    import numpy as np

    assert longness(5) == 0.0 and longness(400) == 1.0
    p = np.array([0.95, 0.95, 0.2, 0.6])
    share = np.array([0.9, 0.1, 0.9, 0.0])  # share of the service's steps expected to use each BB
    s = rank_scores(p, p >= 0.5, share)
    # selected first (≥ 0.5), the BB most steps use first among them; an unselected BB stays below 0.5
    assert s[0] > s[1] > 0.5 and s[3] >= 0.5 > s[2]
    assert s[1] > s[3]  # equal share floor: the more probable BB ranks higher
    assert np.all(rank_scores(p, np.zeros(4, dtype=bool), share) < 0.5)
    led = rank_scores(p, p >= 0.5, share, 0.5, focus=3)  # the block the description revolves around, when asked to lead
    assert led[3] > led[0] > led[1] and led.max() <= 1.0
    assert rank_scores(p, p >= 0.5, share, 0.5, focus=2)[2] < 0.5  # an unselected block is never promoted


def test_a_short_request_leads_with_the_block_it_names(suggester):
    """One or two sentences are about what they name: a single need is enough to make it the focus, which then
    ranks first; a longer description (more than SHORT_FOCUS_NEEDS needs) keeps the step-share order."""
    from assistant import suggest as S

    s = suggester.suggest("Fishing boats are shown on a map with their location so that inspectors find them.")
    assert s.focus == "gis" and s.building_blocks[0].id == "gis" and s.building_blocks[0].selected
    an = suggester.analyze("Fishing boats are shown on a map. Inspectors find them.")
    assert an.short() and not an.short(max_needs=1)
    sel = suggester.select(suggester.probabilities(an.features))
    assert an.focus_first(sel) == an.focus(sel) and an.focus_first(sel, max_needs=0) is None
    assert S.SHORT_FOCUS_NEEDS >= 2


@pytest.mark.corpus
@pytest.mark.slow
def test_a_need_that_only_hints_at_a_selected_block_is_said_before_the_reference_steps(real_index, monkeypatch):
    """A block selected with the reference use cases' evidence still says which need of the description comes
    closest to it, when one hints at it, and that first (the issue: a reason maps a need to a functionality)."""
    from assistant.service import Assistant

    settings, _ = real_index
    s = Suggester(Assistant(settings)).suggest(
        "Workers injured on the job claim compensation online with the medical report, and a claims officer decides. "
        "Approved compensation is paid monthly to the worker's account, and the worker is informed by email.")
    sched = _by_id(s)["scheduler"]
    assert sched.selected and sched.reasons
    assert "paid monthly" in sched.reasons[0] and "only hints at Scheduler" in sched.reasons[0], sched.reasons
    for b in s.building_blocks:
        hint = [i for i, r in enumerate(b.reasons) if "only hints at" in r]
        steps = [i for i, r in enumerate(b.reasons) if r.startswith("similar reference steps")]
        assert not (hint and steps) or hint[0] < steps[0], (b.id, b.reasons)
    # the hint quotes the block's closest functionality only when that is close to the need (HINT_QUOTE_SIM)
    from assistant import suggest as S

    sug = Suggester(Assistant(settings))
    text = "Approved compensation is paid monthly to the worker's account."
    for sim, quoted in ((-1.0, True), (1.01, False)):
        monkeypatch.setattr(S, "HINT_QUOTE_SIM", sim)
        hint = next(r for r in _by_id(sug.suggest(text))["scheduler"].reasons if "only hints at Scheduler" in r)
        assert ("its closest functionality" in hint) == quoted, hint


@pytest.mark.corpus
@pytest.mark.slow
def test_a_short_request_in_plain_words_gets_a_suggestion_and_small_talk_does_not(real_index):
    """A one-sentence request that names no block outright, just under the similarity line, still reads as a service
    (before, each of these got "This does not read like a description of a service"); sentences about anything else
    still get guidance."""
    from assistant.service import Assistant

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    for text, block in [
            ("Court clerks need to give each case a hearing date when both the judge and a courtroom are free.", "scheduler"),
            ("Let loan officers look up who currently owns a house plot and whether it already carries a mortgage.",
             "digital-registries"),
            ("Residents need a way to text a short number to report a broken street light and get a reply.", "messaging"),
            ("When a baby's birth is recorded, we want the child to get a unique lifelong personal number "
             "automatically.", "identity")]:
        s = sug.suggest(text)
        assert not s.guidance and block in s.selected, (text, s.guidance, s.selected)
    for text in ["The printer on our floor keeps jamming and nobody fixes it.",
                 "The government announced a new budget with higher spending on roads.",
                 "The meeting notes are attached, please review them before Friday.",
                 "I am feeling tired today and want to go home early."]:
        s = sug.suggest(text)
        assert s.guidance and s.selected == [], text


@pytest.mark.corpus
@pytest.mark.slow
def test_a_block_no_need_hints_at_is_held_back_and_says_why(real_index):
    """Payments is likely on similar use cases' evidence alone, but a service whose description moves no money is
    not proposed it (named_only in the lexicon): the reason says so; the same service with a fee gets it."""
    from assistant.service import Assistant

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    text = ("Jobseekers sign up online with their national ID, upload a CV and are matched to vacancies that employers "
            "post; employers are checked against the company register first.")
    an = sug.analyze(text)
    j = registry.bb_ids().index("payments")
    assert sug.select(sug.probabilities(an.features))[j], "the model alone would propose Payments here"
    pay = _by_id(sug.suggest(text))["payments"]
    assert not pay.selected and "money changes hands" in (held_reason(pay) or ""), pay.reasons
    paid = _by_id(sug.suggest(text.replace("upload a CV", "upload a CV, pay the listing fee by mobile money")))
    assert paid["payments"].selected and held_reason(paid["payments"]) is None
    assert {"payments", "esignature", "gis", "wallet"} <= sug.lexicon.named_only
    assert not {"registration", "digital-registries", "identity"} & sug.lexicon.named_only


@pytest.mark.corpus
@pytest.mark.slow
def test_an_unselected_block_a_need_maps_to_says_it_is_not_proposed(real_index):
    """A need can map to a block the service as a whole does not call for (a council's dashboard → Content
    Management): its reason says the need comes closest to it, not "need → block" as a step of the service."""
    from assistant.service import Assistant

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    s = sug.suggest("Residents report broken streetlights from their phone with the location. Reports go to the right "
                    "maintenance crew, residents get an SMS when the repair is done, and the council sees a dashboard "
                    "of open reports per district.")
    for b in s.building_blocks:
        if not b.selected and b.reasons and held_reason(b) is None:
            assert "→" not in b.reasons[0], b.reasons
    cms = _by_id(s)["content-management"]
    assert not cms.selected and "comes closest to Content Management" in cms.reasons[0], cms.reasons


@pytest.mark.corpus
@pytest.mark.slow
def test_independent_test_set_on_real_index(real_index):
    """The held-back gold (never fitted on): the issue's targets for set F1 and per-BB macro F1; every selected
    block has a reason and a citation; a description that revolves around one block ranks it first."""
    from assistant.service import Assistant
    from evals import gold, metrics

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    pairs, f1s = [], []
    for g in gold.load_test_use_cases():
        s = sug.suggest(g["description"])
        pred = set(s.selected) - set(g.get("unlabelled") or ())
        pairs.append((pred, g["expected"]))
        f1s.append(metrics.set_f1(pred, g["expected"]))
        for b in s.building_blocks:
            if b.selected:
                assert b.reasons and b.citations, (g["id"], b.id)
    assert sum(f1s) / len(f1s) >= 0.90
    assert metrics.macro_f1(metrics.per_label_scores(pairs)) >= 0.85
    # short requests (a second independent writer, never looked at): the block each is about is recommended and,
    # most of the time, ranked first (measured 26/30 and 21/30; the bench prints focus@1)
    short = gold.load_short_requests()
    results = [(g, sug.suggest(g["description"])) for g in short]
    assert not [g["id"] for g, s in results if s.guidance]  # a real request is never turned away
    for text in ("I went to the market yesterday and bought apples and bread for the family.",
                 "Yesterday the minister opened a new bridge over the river in the capital."):
        assert sug.suggest(text).guidance and not sug.suggest(text).selected  # nor is a sentence about something else
    assert sum(g["focus"] in s.selected for g, s in results) >= 0.8 * len(short)
    assert sum(s.building_blocks[0].id == g["focus"] for g, s in results) >= 0.6 * len(short)
    s = sug.suggest("The city wants its departments to publish news, events and service pages on its website, "
                    "with an editor approving each page before it goes live, in English and French.")
    assert s.focus == "content-management" and "content-management" in s.selected


@pytest.mark.corpus
@pytest.mark.slow
def test_need_model_on_held_out_step_clauses(real_index):
    """Need → building blocks on the held-out clauses (evals/gold/needs_test.jsonl and needs_test2.jsonl, two writers,
    never fitted on): the strongest block is acceptable, expected blocks are named and named blocks are acceptable
    (measured 0.911 / 0.846 / 0.835 and 0.875 / 0.863 / 0.820; on needs_test, NEED_MODEL without the lead2
    features: 0.878 / 0.846 / 0.825, the hand-set rule before it: 0.722 / 0.791 / 0.659)."""
    from assistant.service import Assistant
    from assistant.suggest import NEED_MIN_EVIDENCE
    from evals import gold, metrics

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    for name, floors in (("needs_test", (0.85, 0.8, 0.8)), ("needs_test2", (0.8, 0.8, 0.75))):
        items = gold.load_jsonl(gold.GOLD_DIR / f"{name}.jsonl")
        evidence = [sug.analyze(it["text"]).need_bb.max(axis=0) for it in items]
        m, _ = metrics.need_clause_scores(items, evidence, registry.bb_ids(), NEED_MIN_EVIDENCE)
        got = (m["top1"], m["recall"], m["precision"])
        assert all(g >= f for g, f in zip(got, floors)), (name, m)


def test_blocks_for_one_need_names_the_blocks_with_the_closest_functionality(suggester):
    """"Which building block …?" questions: one need → the blocks it calls for, strongest first, each with the spec
    sentence to quote (a chunk of that block's own pages)."""
    got = suggester.blocks_for("the government disburses benefits to mobile money accounts")
    assert got and got[0][0] == "payments" and got[0][1] >= 0.75
    f = got[0][2]
    assert f is not None and f.bb == "payments" and suggester.a.index.chunks[f.chunk_id].bb == "payments"
    # the block most of its clauses call for: both the booking and the reminder are the scheduler's; the SMS alone
    # is the messaging block's
    assert [b for b, _, _ in suggester.blocks_for("Appointments are booked at the clinic, and SMS reminders are scheduled")] == ["scheduler"]
    assert suggester.blocks_for("sends an SMS to the applicant")[0][0] == "messaging"
    # a cue word alone ("salary" is money) is not enough: the need must resemble what the block's spec says
    assert suggester.analyze("computes the payroll and salary tax of civil servants").cues[0].get("payments")
    assert suggester.blocks_for("computes the payroll and salary tax of civil servants") == []
    assert suggester.blocks_for("") == [] and suggester.blocks_for("   ") == []


def test_a_reason_quotes_the_functionality_its_need_names_never_a_future_one():
    """The functionality a reason quotes is chosen by the need's similarity to its sentences and to its name; what a
    block will only do in a later release ("Future Scope") is never quoted (bench/bench_reasons.py measures it)."""
    a = _fake_assistant()
    a.index.chunks["future"] = _kdf("payments", "4.9 Future Scope", "Voucher management for offline vouchers is planned.")
    sug = Suggester(a)
    assert not [f for f in sug.reference().funcs if "Future" in f.label]
    f = sug.functionality_for("voucher management", "payments")
    assert f is not None and f.bb == "payments" and f.label == "Voucher Management"
    assert sug.functionality_for("voucher management", "no-such-block") is None


def test_writers_core_rates_are_mixed_into_the_ranking_share(suggester):
    """The ranking share mixes in how often writers call each block core (MODEL["core_rates"], CORE_RATE_WEIGHT)."""
    import numpy as np

    from assistant.suggest import CORE_RATE_WEIGHT, MODEL

    an = suggester.analyze("Citizens pay their fees by mobile money and get an SMS receipt.")
    rates = np.zeros(len(registry.bb_ids()), dtype=np.float32)
    rates[registry.bb_ids().index("workflow")] = 1.0
    base = an.step_share()
    assert np.allclose(an.step_share(core_rates=rates), (1 - CORE_RATE_WEIGHT) * base + CORE_RATE_WEIGHT * rates)
    shipped = Suggester(suggester.a).core_rates()
    assert shipped is not None and shipped[registry.bb_ids().index("messaging")] == MODEL["core_rates"]["messaging"]
    assert Suggester(suggester.a, model={k: v for k, v in MODEL.items() if k != "core_rates"}).core_rates() is None


def test_a_block_one_need_clearly_calls_for_is_selected(suggester):
    """decide: a block some need calls for with evidence ≥ NEED_SELECT_EVIDENCE is selected even where the
    description-level probability is low; below it, the probability decides."""
    import numpy as np

    from assistant import suggest as S

    an = suggester.analyze("Fishers apply online for a licence and the office records the location of each boat.")
    ids = registry.bb_ids()
    gis = ids.index("gis")
    probs = np.zeros(len(ids))
    an.need_bb[:] = 0.0
    an.need_bb[-1, gis] = S.NEED_SELECT_EVIDENCE - 0.05
    assert not S.decide(probs, 0.5, an, suggester.lexicon.named_only)[gis]
    an.need_bb[-1, gis] = S.NEED_SELECT_EVIDENCE
    assert S.decide(probs, 0.5, an, suggester.lexicon.named_only)[gis]


def test_a_block_the_description_does_without_is_not_selected(suggester):
    """A block a need says the service does without ("no signature is needed") is not selected, whatever the
    probability, and its reason says why; another need that calls for it keeps it."""
    import numpy as np

    from assistant import suggest as S

    ids = registry.bb_ids()
    sig, pay = ids.index("esignature"), ids.index("payments")
    an = suggester.analyze("Students request a transcript by email. No signature is needed.")
    assert an.done_without == {"esignature": "No signature is needed"}
    assert an.needs == ["Students request a transcript by email"]  # the sentence that rules it out is no step
    an = suggester.analyze("Students request a transcript by email but no signature is needed.")
    assert an.done_without == {"esignature": "no signature is needed"} and an.need_bb[:, sig].max() == 0.0
    assert not S.decide(np.ones(len(ids)), 0.5, an, suggester.lexicon.named_only)[sig]
    row = next(b for b in suggester.suggest("Students request a transcript by email. No signature is needed.")
               .building_blocks if b.id == "esignature")
    assert not row.selected and "does without it" in row.reasons[0] and row.score <= S.DECLINED_SCORE
    # asked for by one need, waived for some people by another: still needed
    an = suggester.analyze("Applicants pay the permit fee online. Pensioners pay no fee.")
    assert "payments" not in an.done_without
    assert S.decide(np.ones(len(ids)), 0.5, an, suggester.lexicon.named_only)[pay]
    row = _by_id(suggester.suggest("Applicants pay the permit fee online. Pensioners pay no fee."))["payments"]
    assert row.selected and any(r.startswith("“no fee” does not rule it out") for r in row.reasons)  # it was read
    assert suggester.lexicon.declines("members borrow books without paying any fee") == {"payments": "without paying"}
    assert suggester.lexicon.declines("farmers without a bank account are paid by mobile money") == {}
    # a negation about some of the people is not the service doing without
    assert suggester.analyze("Citizens who do not pay on time get an SMS reminder.").done_without == {}


def test_the_ways_officials_rule_a_block_out_are_read(suggester):
    """Phrasings from a helper who saw no code (bench "said not needed"): terse lists, scope statements, labels,
    exclusions, "no one …" — each rules its blocks out; a negation about some people or one step does not."""
    lex = suggester.lexicon
    for text, blocks in [("No SMS, no payments", {"messaging", "payments"}),
                         ("Consent is out of scope", {"consent"}),
                         ("Reminder messages and appointment booking are not needed", {"messaging", "scheduler"}),
                         ("Hosting is not part of this project", {"cloud-infrastructure"}),
                         ("A wallet won't be necessary", {"wallet"}),
                         ("GIS: not needed", {"gis"}), ("Notifications: none", {"messaging"}),
                         ("Phase 1 excludes payments", {"payments"}), ("Forget about SMS", {"messaging"}),
                         ("Without any login", {"identity"}), ("No one signs anything digitally", {"esignature"}),
                         ("Nothing is paid", {"payments"}), ("Citizens don't have to log in", {"identity"}),
                         ("We already decided not to use e-signatures", {"esignature"}),
                         ("We are not building a website with pages or news", {"content-management"}),
                         ("there is no need for consent management", {"consent"}),
                         ("It doesn't need SMS, nor does it need a digital wallet", {"messaging", "wallet"})]:
        assert set(lex.declines(text)) == blocks, text
        # (people who need not do something may be some of them, a step done "without any login" one of several, and
        # SMS one way of telling people: those can be overridden by another need)
        outright = (set() if text.startswith(("Citizens", "Without")) else
                    blocks - ({"messaging"} if "SMS" in text else set()))
        assert set(lex.declines(text, outright_only=True)) == outright, text
    for text in ("Citizens who have no bank account get paid in cash vouchers",
                 "Nothing is published until the editor approves it", "If no slot is free, offer the next day",
                 "There is no longer any need to queue: people book a time online",
                 "No farmer should have to travel to town to register", "Applications that are not complete go back"):
        assert not lex.declines(text), text
    # said of a step or some people, it is a decline another need can override; said of the service, it is outright
    assert lex.declines("Applicants are not charged any fee", outright_only=True) == {}
    assert lex.declines("cash goes to farmers with no bank account", outright_only=True) == {}
    assert set(lex.declines("the app does not need to show maps", outright_only=True)) == {"gis"}


def test_negations_beyond_the_first_phrasings_are_read(suggester):
    """A second helper's phrasings (session 60: 9 of 33 blocks were read at first): adverbs ("explicitly outside the
    scope", "deliberately not recorded"), "never", negations without an apostrophe, "off the table", "not something
    the ministry wants", "neither … nor", "has no …", "not necessary to …", "leave … out", dashes as labels."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("Mapping is not something the ministry wants here", {"gis"}, True),
            ("Digital signatures are off the table for this pilot", {"esignature"}, True),
            ("E-procurement and supplier bids are explicitly outside the scope", {"emarketplace"}, True),
            ("The system shall not exchange data with any other agency", {"information-mediator"}, True),
            ("the system doesnt need to interface with the health ministry", {"information-mediator"}, True),
            ("Consent will deliberately not be recorded", {"consent"}, False),
            ("Identity verification is never performed in this system", {"identity"}, False),
            ("neither e-signatures nor maps are needed", {"esignature", "gis"}, True),
            ("The scheme has no fee", {"payments"}, True),
            ("It is not necessary to book an appointment", {"scheduler"}, True),
            ("the ICT authority hosts it, so leave servers out", {"cloud-infrastructure"}, True),
            ("Payments — not needed", {"payments"}, True),
            ("We won't be needing maps", {"gis"}, True),
            ("the dashboard is not expected to push alerts to anyone", {"messaging"}, False),
            ("there is no approval chain or routing between offices", {"workflow"}, True),
            ("Anyone can look prices up without signing up", {"registration"}, False),
            ("Payments will remain manual for now", {"payments"}, True),
            ("Hosting is handled entirely outside the system", {"cloud-infrastructure"}, True),
            ("Notifications fall to a separate project", {"messaging"}, True),
            ("Appointment booking has been descoped", {"scheduler"}, True),
            ("A digital wallet is not envisaged in this phase", {"wallet"}, True),
            ("We have ruled out e-signatures", {"esignature"}, True),
            ("There is no appetite for maps", {"gis"}, True)])
    for text in ("No reminder is sent if the patient confirms", "Farmers have no bank account, so they get paid in cash",
                 "The farmer cannot sign without a witness", "the app does not store any payment card data",
                 "Citizens cannot pay until the officer approves", "We do not make payments in cash",
                 "pay from the phone instead of queuing at the revenue office",
                 "swap property records without emailing spreadsheets", "browse with or without being logged in",
                 "Applications are not processed until the fee is paid", "No SMS is sent if the patient confirms"):
        assert not lex.declines(text), text
    # a question the description answers no to: bare, it settles it; "No, …" goes on to say how
    text = "Farmers get SMS advice. Do we need maps? Not at all. Will they pay online? No, they pay cash."
    needs = ["Farmers get SMS advice", "Do we need maps", "Not at all", "Will they pay online", "No", "they pay cash"]
    got = lex.answered_no(text, needs)
    assert got[1] == ({"gis": "Do we need maps? Not at all"}, {"gis": "Do we need maps? Not at all"})
    assert set(got[3][0]) == {"payments"} and got[3][1] == {} and got[0] == got[5] == ({}, {})
    # … and the question and its bare answer are no steps of the service
    an = suggester.analyze("Farmers register online and get SMS advice every week. Will farmers pay anything? No.")
    assert an.needs and not any("pay" in n or n == "No" for n in an.needs) and "payments" in an.done_without
    # "not required to pay" is about paying (a step), not the applicants
    assert lex.declines_both("Applicants are not required to pay anything") == (
        {"payments": "are not required to pay anything"}, {})


def test_negations_of_a_third_writer_are_read(suggester):
    """A third helper's phrasings (session 61: 19 of 30 blocks were read at first): "decided against", "was
    discussed and rejected", "will therefore not be procured", "are not to be built", "not planning to put … in a
    wallet", "no one needs to log in", qualifiers after "no …" ("of any kind"), "stays on the existing system",
    requirement-list items with a verdict after the colon, "neither a calendar/booking tool nor …", the system named
    with a modifier ("the filing system itself") or its contractor as the one doing without."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("the council decided against emailing applicants", {"messaging"}, True),
            ("A payment gateway was considered but rejected", {"payments"}, True),
            ("a mapping component will therefore not be procured", {"gis"}, True),
            ("Online bidding and catalogues are not to be built", {"emarketplace"}, True),
            ("The ministry is not planning to put permits inside a digital wallet on phones", {"wallet"}, True),
            ("No one has to log in to read the notices", {"identity"}, True),
            ("there will be no notifications of any kind", {"messaging"}, True),
            ("appointment booking stays on the existing clinic system", {"scheduler"}, True),
            ("Geolocation / mapping of sites: out of scope for the pilot, not needed", {"gis"}, True),
            ("On the payment idea from the workshop: we've dropped it", {"payments"}, True),
            ("they want neither a calendar/booking tool nor text alerts", {"scheduler", "messaging"}, True),
            ("so the tax portal itself does not need a content management system", {"content-management"}, True),
            ("the Contractor shall not supply servers or cloud hosting", {"cloud-infrastructure"}, True)])
    # a verdict after a colon keeps the item whole; a clause after a colon is still a step of its own
    assert split_needs("Mapping of market stalls: out of scope for phase 1, not required") == [
        "Mapping of market stalls: out of scope for phase 1, not required"]
    assert split_needs("The ministry runs a levy: traders pay it monthly") == ["The ministry runs a levy",
                                                                           "traders pay it monthly"]
    for text in ("Officers who decided against approval must give a reason",
                 "Registration: no fee is charged to students who apply before May",
                 "Patients should not be able to book more than two slots a week"):
        assert not ({"workflow", "registration", "scheduler"} & set(lex.declines_both(text)[1])), text


def test_negations_of_formal_informal_and_esl_writers_are_read(suggester):
    """Three more helpers (session 62: a memo writer, a field officer's chat, ministry staff writing in a second
    language; 54 of 90 blocks read at first). Phrased here in other words: "no provision is made for", "is to be
    created", "neither … nor … shall be provided", "forget any …", "or anything like that", "being built", "we do not
    foresee to", "it is not contemplated/our intention to", "has no necessity to", "we're not going to ask … to log
    in", "checking anybody's ID", "nobody will/would ever …", "a non-starter", "just not happening", "a standing rule
    that no …". A limit ("no more than"), a citizen who could not get something, a start without it ("during the
    first month of the pilot"), the present ("right now there is no map") and an exception to a limit are no
    declines."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("No provision is made for appointment booking", {"scheduler"}, True),
            ("there shall be not any fee to pay", {"payments"}, True),
            ("no new database of traders is to be created", {"digital-registries"}, True),
            ("neither payment of fees nor digital signing of the permit shall be provided", {"payments", "esignature"},
             True),
            ("so forget any payment for this one", {"payments"}, True),
            ("there's no booking of visits or anything like that", {"scheduler"}, True),
            ("there's no register of members being built out of it", {"digital-registries"}, True),
            ("We do not foresee to show the kiosks on a map", {"gis"}, True),
            ("It is not contemplated to send notifications to the traders", {"messaging"}, True),
            ("It is not our intention to build an online shop", {"emarketplace"}, True),
            ("The applicant has no necessity to book an appointment", {"scheduler"}, True),
            ("We're not going to ask visitors to log in", {"identity"}, True),
            ("we aren't checking anybody's ID", {"identity"}, True),
            ("Nobody will sign the forms electronically", {"esignature"}, True),
            ("nobody here would ever use a digital wallet", {"wallet"}, True),
            ("text alerts are a non-starter", {"messaging"}, True),
            ("the office has a standing rule that no notifications are sent", {"messaging"}, True),
            ("a phone wallet version is just not happening", {"wallet"}, True),
            # a channel ruled out is a step's: another way of telling people may still be needed
            ("It is not contemplated to send e-mail notifications to the traders", {"messaging"}, False)])
    for text in ("No more than three reminders are sent per month", "there will not be more than two SMS a week",
                 "I couldn't get an appointment for weeks", "During the first month of the pilot no SMS will be sent",
                 "Right now there's no map of the wells at all", "up to two messages a week, except for urgent alerts"):
        assert lex.declines_both(text) == ({}, {}), text
    # a citizen's complaint is what the service is for
    sug = suggester.suggest("I couldn't get an appointment at the passport office for weeks. I want to book a slot "
                            "online and pay the fee by card.")
    assert "scheduler" in {b.id for b in sug.building_blocks if b.selected}
    # (a need of its own after a limit: the exception, not a decline; "everything except for payments" still is one)
    assert lex.declines_both("except for urgent alerts") == ({}, {})
    assert set(lex.declines_both("the portal offers every service except for payments")[0]) == {"payments"}


def test_negations_in_terms_of_reference_backlogs_and_speeches_are_read(suggester):
    """Three more helpers (session 62, after the first round: terms of reference 15 of 31 blocks left out, a
    backlog 14 of 31, a minister's speech 26 of 31). A sentence opening with a label that rules things out ("Out of
    scope:", "Won't have:", "Not in MVP nor later:", "MoSCoW: W —", "Descoped … ->") is one item whatever its commas;
    a channel listed with the job itself ("SMS, e-mail or any other notification") rules the job out; the backlog's shorthand
    ("notifs", "geo"). A time the service does without it (public holidays, "before approval", the first months, the
    pilot) and the paper way a service replaces are no declines."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("Out of scope: online booking of inspection visits, or a calendar of the inspectors", {"scheduler"}, True),
            ("Won't have: SMS, e-mail or any other notification", {"messaging"}, True),
            ("Not in MVP nor later: a map of the kiosks", {"gis"}, True),
            ("MoSCoW: W — geo picker", {"gis"}, True),
            ("Descoped after the demo -> appointment slots", {"scheduler"}, True),
            ("accordingly no map or location lookup is provided", {"gis"}, True),
            ("we're not standing up servers for this", {"cloud-infrastructure"}, True),
            ("no money changes hands at any point", {"payments"}, True),
            ("the tender excludes any mechanism for traders to sell online", {"emarketplace"}, True),
            ("no wallet / phone credential — the card stays", {"wallet"}, True),
            ("push notifs are out of scope", {"messaging"}, True),
            ("there is no chain of approvals", {"workflow"}, True),
            ("no one will be asked to book an appointment", {"scheduler"}, True),
            ("the vendor shall make no provision for time slots or visit bookings", {"scheduler"}, True),
            ("no electronic signing capability is foreseen", {"esignature"}, True),
            # (people asked: maybe some of them; a channel alone: another way may remain)
            ("Members will not be asked for permission to use their data", {"consent"}, False),
            ("We do not need SMS alerts", {"messaging"}, False)])
    assert split_needs("Won't have: SMS, e-mail or any other notification, and no map") == [
        "Won't have: SMS, e-mail or any other notification, and no map"]
    for text in ("Won't have: paper consent forms anymore — all of it moves online", "no bookings on public holidays",
                 "no disbursement before approval", "For the first six months there is no fee at all",
                 "During the pilot we will not enforce the ID login"):
        assert lex.declines_both(text) == ({}, {}), text


def test_a_list_a_negation_rules_out_stays_with_it(suggester):
    """Legal and formal drafting lists what it rules out ("shall not send SMS, e-mails or any other notification"):
    the clauses after the commas are the rest of the negation's object, not steps calling for what they name (session
    62: a legal-drafting helper's first run, 12 of 29 blocks left out, 19 with this). A negation far from the end of
    its clause keeps the next clause a step of its own."""
    lex = suggester.lexicon
    needs = split_needs("Officers review each case. The portal shall not send SMS, e-mails or any other notification to "
                        "applicants, employers or agents.")
    assert needs == ["Officers review each case",
                     "The portal shall not send SMS, e-mails or any other notification to applicants, employers or agents"]
    assert set(lex.declines_both(needs[1])[1]) == {"messaging"}
    needs = split_needs("Applicants shall not be required to log in, open an account or prove who they are")
    assert len(needs) == 1 and set(lex.declines_both(needs[0])[0]) == {"identity"}
    assert split_needs("We check they are not on the list kept by the electoral commission, capture their bank or "
                       "mobile money details") == ["We check they are not on the list kept by the electoral commission",
                                                   "capture their bank or mobile money details"]
    # (what follows the list's last item is not in it: "or cloud services in its offer")
    assert set(lex.declines_both("the Bidder shall not include servers, storage or cloud services in its offer")[1]) \
        == {"cloud-infrastructure"}


def test_replies_to_a_vendor_voice_notes_and_legal_drafting_are_read(suggester):
    """Three more helpers (session 62, third round: a department head answering a vendor's questions, a health
    worker's voice note, legal drafting; first runs 19/30, 21/29, 12/29 blocks left out). A reply that names the
    topic, then says no to it ("On the idea of …: we do not want one", "Regarding …, please leave them out", "As for
    …, so it is not part of this project") rules the topic out (CueLexicon.answered_no); legal forms ("nothing in
    this Regulation shall require … to", "nor shall any fee be", "no <person> shall be required to", "thereof"); "no
    login no …"; "not keeping any database"; opt-ins; a document in an app. A limit after the negation ("more than
    twice") and the way a thing is done ("in cash", "on paper") are no declines."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("nothing in this Regulation shall require the operator to apply an electronic signature to a record",
             {"esignature"}, True),
            ("nor shall any fee be charged", {"payments"}, True),
            ("no visitor shall be required to hold the permit on a mobile phone", {"wallet"}, True),
            ("no user thereof shall be required to log in", {"identity"}, True),
            ("no login no password checks, it is open", {"identity"}, True),
            ("we are not keeping any database of the callers", {"digital-registries"}, True),
            ("there will be no opt-ins or opt-outs", {"consent"}, True),
            ("no permit in an app", {"wallet"}, True)])
    for text in ("The office shall not send a reminder more than twice a month",
                 "the ministry will not pay the grant in cash", "the clerks do not accept forms on paper"):
        assert lex.declines_both(text) == ({}, {}), text
    assert_answered_no(lex, [
            ("Farmers register online. On the idea of showing the plots on a map: we do not want one.", {"gis"}),
            ("Farmers register online. On whether the forms must be signed electronically: they do not.",
             {"esignature"}),
            ("Farmers register online. As for payments, the treasury handles them, so it is not part of this project.",
             {"payments"}),
            ("On your question whether pensioners over 80 pay the fee: they do not.", set()),
            ("On the map, farmers see their plots. They register online.", set())])
    # a provision's number is no step, and "Article 5" is no web content
    assert split_needs("Article 5. Registration under this Resolution is an administrative record. Regulation 4(5). "
                       "The Agency sends an SMS.") == ["Registration under this Resolution is an administrative record",
                                                        "The Agency sends an SMS"]
    assert "content-management" not in lex.match("all other passages remain subject to Article 3")
    assert "content-management" in lex.match("the portal publishes news articles")
    sug = suggester.suggest("Farmers register their plots online and officers approve each one. On the idea of "
                            "showing the plots on a map: we do not want one.")
    assert "gis" not in {b.id for b in sug.building_blocks if b.selected}


def test_minutes_a_citizens_faq_and_slide_bullets_are_read(suggester):
    """Three more helpers (session 63: meeting minutes, a citizens' FAQ page, slide-deck bullets; first runs 24/32,
    15/34, 9/33 blocks left out). A cross before a thing is "no" ("✗ login"); a slide's verdict after a label
    ("— out", "Parked for good", "not in this build", "not budgeted"); a question answered "Nope -", "Neither.",
    "You don't -"; minutes without the verb ("digital signature dropped from scope"), a body without an article
    ("Council will not push …") and "rejected the proposal to …". Not a decline: an answer that goes on to use the
    block ("No - the map only shows the lamp posts"), a kind of a thing ("no same-day bookings"), one way of two
    ("digital or on paper" is both)."""
    lex = suggester.lexicon
    assert read_marks("Pilot: ✗ login, ✗ fees. Map layer ❌") == "Pilot: no login, no fees. Map layer: no"
    assert_declines(lex, [
            ("Phone-held credential — out", {"wallet"}, True),
            ("e-procurement / catalogue: not in this build", {"emarketplace"}, True),
            ("digital signature dropped from scope", {"esignature"}, True),
            ("SC also dropped the idea of digitally signed submissions", {"esignature"}, True),
            ("SC rejected the proposal to let buyers place orders on the platform", {"emarketplace"}, True),
            ("Council will not push any notifications", {"messaging"}, True),
            ("there is no task routing between officers", {"workflow"}, True),
            ("There is no signature step, digital or on paper", {"esignature"}, True),
            ("We will not verify their national IDs", {"identity"}, True)])
    assert lex.declines_both("No same-day bookings") == ({}, {})
    assert_answered_no(lex, [
            ("Do I need to mark my stop on a map? Nope - the pass works everywhere.", {"gis"}),
            ("Do I have to pick a date or pin my house on a map? Neither.", {"gis", "scheduler"}),
            ("Do I have to sign anything? You don't - there's no signature step.", {"esignature"}),
            ("Map layer? Parked for good.", {"gis"}),
            # (the question is no step; the map is not ruled out for the service: the answer goes on to use it)
            ("Will my address show on the map? No - the map only shows the lamp posts.", set())])
    sug = suggester.suggest("Residents book a bulky-waste pickup online and get an SMS the day before. "
                            "Open-access pilot: ✗ fees, ✗ map.")
    held = {b.id for b in sug.building_blocks if not b.selected and b.score <= 0.05}
    assert {"payments", "gis"} <= held


def test_the_learned_fallback_reads_only_clauses_no_frame_reads(suggester, monkeypatch):
    """Suggester._learned_declines: a clause with a negation word that names a block, which neither the frames nor the
    loose reader read, is given to the fitted model (corpus/decline_model.json, bench/fit_declines.py); at or above
    its threshold it rules out what the clause names for the whole service. A clause without a negation word, one a
    frame has read, and a cue that is only the people ("applicants") are never its to read."""
    from assistant import suggest as S

    model = S._decline_model()
    assert model is not None and model["w"].shape == (384,) and 0.5 <= model["threshold"] < 1.0
    lex = suggester.lexicon
    needs = ["Farmers register their plots", "Honestly nobody in the village would bother with a map of the wells",
             "we do not need SMS", "Citizens who do not pay on time get a reminder"]
    both = [lex.declines_both(n) for n in needs]
    assert [bool(f) for f, _ in both] == [False, False, True, False]
    # (the fixture's hash embedder is not the one the model was fitted on: the model is not used)
    assert suggester._learned_declines(needs, both) == both
    # a model that says yes to everything: only the unread clauses with a negation word and a cue change
    dim = len(suggester.a.embedder.embed(["x"])[0])
    monkeypatch.setattr(S, "_decline_model", lambda: {"w": np.zeros(dim), "b": 10.0, "threshold": 0.8})
    read = suggester._learned_declines(needs, both)
    assert read[0] == both[0] and read[2] == both[2]
    # (a clause about some people, "who do not pay on time", is not read: the loose reader skips it too)
    assert set(read[1][1]) == {"gis"} and read[3] == both[3]
    assert S.declinable_cues(lex, "Applicants are not emailed") == {"messaging"}
    assert S.declinable_cues(lex, "Farmers get SMS advice") == set()
    # a "no-" compound is a thing, not a negation ("a daily report of bookings and no-shows"); "no-one" is nobody
    assert S.declinable_cues(lex, "Centre managers get a daily report of bookings and no-shows") == set()
    assert S.declinable_cues(lex, "No-one books a slot") == {"scheduler"}


@pytest.mark.corpus
@pytest.mark.slow
def test_the_shipped_decline_model_keeps_a_negation_about_some_people(real_index):
    """With the real embedder the fitted model reads what it was fitted for, not a negation about some of the people
    ("citizens who do not pay on time get a reminder") nor the old system's lack: their blocks stay selected."""
    from assistant.service import Assistant

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    needs = ["Citizens who do not pay on time get a reminder", "The old system never sent reminders"]
    both = [sug.lexicon.declines_both(n) for n in needs]
    assert sug._learned_declines(needs, both) == both
    picked = {b.id for b in sug.suggest("Residents pay the water bill online by mobile money. Citizens who do not pay "
                                        "on time get a reminder by SMS.").building_blocks if b.selected}
    assert {"payments", "messaging"} <= picked


def test_indirect_negations_no_frame_reads_are_read_loosely(suggester):
    """A fourth helper said no indirectly (session 61: 4 of 29 blocks read at first); the loose reader
    (CueLexicon._loose_declines) reads a negated wish, plan or build, "there is no …", "nothing is meant to …", or a
    verdict after the thing, with the block's cue after the negation (before the verdict). For the whole service when
    the makers say it, or it is a verdict on scope, and the words name one block; a step's otherwise."""
    lex = suggester.lexicon
    assert_declines(lex, [
            ("Honestly we don't want the team building a new database of citizens", {"digital-registries"}, True),
            ("there is really no money changing hands anywhere in this", {"payments"}, True),
            ("nothing here is meant to be stored on a cloud server", {"cloud-infrastructure"}, False),
            ("a catalogue of goods for sale would serve no purpose here", {"emarketplace"}, True),
            ("an SMS channel was discussed and abandoned", {"messaging"}, False),  # (a channel: not the job)
            ("appointment booking is neither planned nor wanted", {"scheduler"}, True)])
    # a decision for the future, whatever its verb, and verdicts from backlogs and scope notes (a fifth writer,
    # session 61: 10 of 29 at first, 16 with these)
    for text, block in [("The agency will not pursue a phone version of the permit card", "wallet"),
                        ("we won't keep any lasting database of the volunteers", "digital-registries"),
                        ("The SMS alerts story was taken off the backlog", "messaging"),
                        ("Online guidance pages were struck from the scope", "content-management"),
                        ("there is no legal basis for an online catalogue of goods", "emarketplace")]:
        assert block in lex.declines_both(text)[0], text
    # a sixth writer (session 61: 11 of 29 at first, 19 with these): what was decided or told ("informed that no …"),
    # "no <person> will need to apply", "asked not to be sent …", "decommissioned", "is not something we will pursue",
    # "X is out —", "prove who they are" (no relative clause)
    for text, block in [("The board was told that no online news pages will be produced", "content-management"),
                        ("so no farmer will need to apply for it", "registration"),
                        ("Residents asked not to be sent text messages", "messaging"),
                        ("The ministry has decommissioned the old payment gateway", "payments"),
                        ("a phone wallet for the permit is not something we will pursue", "wallet"),
                        ("map view is out — people pick the district from a list", "gis"),
                        ("We did not want anyone to have to prove who they are", "identity")]:
        assert block in lex.declines_both(text)[0], text
    assert "payments" not in lex.declines_both("The budget was cut by a tenth this year")[0]
    # the project's own money is no word on Payments
    assert lex.declines_both("the budget line for servers was taken off the backlog")[0].keys() == {"cloud-infrastructure"}
    # a condition or a limit after the negation (also after a dash), a double negation: no decline
    for text, block in [("No fee is charged within 30 days of the birth", "payments"),
                        ("We don't want an identity check on every visit — only when the bank account changes", "identity"),
                        ("It is not true that applicants will not be able to book a slot online", "scheduler")]:
        assert block not in lex.declines_both(text)[0], text
    # about some people, a limit, a requirement, the present way of working; or the block's words before a negation
    # that is not about them
    for text in ("Farmers who do not want a map get a printed list", "No clerk may approve more than ten files a day",
                 "Currently nothing is signed electronically", "Officers check the parcel on the map and there are no "
                 "disputes", "The old system never sent reminders", "Parcels are mapped, but we don't need a new database"
                 " of owners"):
        found = lex.declines_both(text)[0]
        assert not ({"gis", "workflow", "esignature", "messaging"} & set(found)), (text, found)


def test_documents_a_citizen_wants_on_the_phone_are_read_where_the_wish_refers_back_to_them(suggester):
    """"All of that should be on my phone" after "the airline wanted the kids' vaccination cards": the wish is read as
    the cards on the phone (resolve_documents), a credential held on the phone (Wallet)."""
    assert resolve_documents(["I left the vaccination cards at home", "I had photos", "all of them should be on my phone"]
                             )[2] == "the vaccination cards should be on my phone"
    # a wish naming its document, or with nothing to refer to, is read as written
    assert resolve_documents(["they buy a permit", "they keep the permit on their phone"])[1] == \
        "they keep the permit on their phone"
    assert resolve_documents(["I pay the fee", "I want it on my phone"]) == ["I pay the fee", "I want it on my phone"]
    an = suggester.analyze("Last year the border post wanted my children's vaccination cards and I had left them at "
                           "home. I only had photos, which they refused. I wish all of that was on my phone so the "
                           "officer could check it.")
    wish = next(i for i, n in enumerate(an.needs) if "on my phone" in n)
    assert an.cues[wish]["wallet"].strength == 1.0, an.cues


def test_a_block_ruled_out_for_the_whole_service_stays_out_whatever_other_sentences_say(suggester):
    an = suggester.analyze("Citizens request a home visit from a social worker. Scheduling is not in scope; the "
                           "office arranges visits by phone.")
    assert an.done_without == {"scheduler": "Scheduling is not in scope"}
    # ruling out one way of doing a block's job ("No SMS") leaves the block to a need that still calls for it
    an = suggester.analyze("Residents book a slot online and get a reminder the day before. No SMS, no payments.")
    assert an.done_without == {"payments": "no payments"}
    assert suggester.analyze("Residents apply for a parking permit. No SMS, no payments.").done_without == {
        "messaging": "No SMS", "payments": "no payments"}
    # "…, not this project" is a rider of what precedes it, so the sentence says who does the hosting
    assert split_needs("Servers and hosting are handled by the national cloud team, not this project.") == [
        "Servers and hosting are handled by the national cloud team, not this project"]
    assert "cloud-infrastructure" in suggester.lexicon.declines(
        "Servers and hosting are handled by the national cloud team, not this project")



@pytest.mark.corpus
@pytest.mark.slow
def test_sdg_targets_come_from_the_goals_of_close_use_cases(real_index):
    """A target's text alone is far from a service's words; a goal the close reference use case lists (AGR-2: SDG 2,
    SDG 8) is what supports it, and the target says so. A goal with no target near any need is listed as the goal."""
    from assistant.service import Assistant

    settings, _ = real_index
    sug = Suggester(Assistant(settings))
    s = sug.suggest("Smallholder farmers register with their national ID, receive SMS advice on planting and weather, "
                    "and get fertiliser subsidy vouchers they redeem at agro-dealers.")
    assert s.sdg_targets and s.sdg_targets[0]["goal"] == "2", s.sdg_targets
    assert all(t["goal"] in ("2", "8") and "AGR-" in t.get("why", "") for t in s.sdg_targets), s.sdg_targets
    assert all(t["need"] in [st.text for st in s.steps] for t in s.sdg_targets)
    # the same service with its own use case left out keeps a goal of the other farmers' use case
    left_out = sug.suggest(s.description, exclude_use_cases=["AGR-2"])
    assert left_out.sdg_targets and left_out.sdg_targets[0]["goal"] == "2"
    assert all("AGR-2" not in t.get("why", "") for t in left_out.sdg_targets)


def test_typos_in_a_description_are_repaired_and_said(monkeypatch):
    """The description is read with its typos repaired by the assistant's speller (as a question is), so the cues
    see "payment"; the repairs are reported; without a speller the text is read as typed."""
    import dataclasses

    from assistant import suggest as S
    from assistant.spelling import Speller

    a = _fake_assistant()
    speller = Speller(["payment of the fee", "the payment", "register online", "register the farm"])
    a.speller = lambda release: speller
    sug = Suggester(a)
    sug.lexicon = dataclasses.replace(sug.lexicon, examples={})
    s = sug.suggest("Farmers registre online, then they make the paymnet of the fee.")
    assert s.spelled == [("registre", "register"), ("paymnet", "payment")]
    assert "registration" in s.selected and s.steps[0].text == "Farmers register online"
    assert "Read “registre” as “register”, “paymnet” as “payment”." in format_suggestion(s)
    monkeypatch.setattr(S, "SPELLING", False)
    typed = sug.suggest("Farmers registre online, then they make the paymnet of the fee.")
    assert typed.spelled == [] and typed.steps[0].text == "Farmers registre online"
    assert _by_id(typed)["registration"].score < _by_id(s)["registration"].score
    assert Suggester(_fake_assistant()).repair_spelling("paymnet") == ("paymnet", [])  # no speller: as typed
