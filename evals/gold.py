"""Gold sets: loading the question and use-case gold files, deriving product use cases, and validating both.

Question items, one JSON object a line: `evals/gold/qa.jsonl` (the development set), `qa_dev2.jsonl` and
`qa_dev3.jsonl`, `qa_dev4.jsonl`, `qa_dev5.jsonl`, `qa_dev6.jsonl`, `qa_dev7.jsonl`, `qa_dev8.jsonl` (seven independent writers' 60 questions each (40 in dev8), looked at after their
first run, so development data too), `qa_test.jsonl` (another independent writer's 60 questions, never looked at item by item; its totals were read
when accepting changes) and `qa_test2.jsonl` (a fourth writer's 60, written later; only its totals have been
read)::

    {"id", "question" | "turns": [..], "category", "bb": id | [id, id] | null, "answerable": bool,
     "release": "latest", "expected_sources": [{"folder", "path"}], "key_facts": [[alternative, ...], ...]}

Use-case descriptions, one JSON object a line: `{"id", "description", "expected": [bb], "core": [bb],
"rationale", "unlabelled": [bb] (optional), "paraphrase_of": "AGR-1" (optional)}`:

- `usecases_novel.jsonl` (20): services GovStack has no use case for, written by us;
- `usecases_dev.jsonl` (81): more novel services and paraphrases of product use cases, written in rounds
  (some by independent writers who did not see the suggester) — the suggester's model is fitted on these;
- `usecases_test.jsonl` (30): an independent writer's novel services and paraphrases, never used for fitting
  or for the cue lexicon — the honest estimate;
- `usecases_test2.jsonl` (30): a fourth independent writer, same brief as the test set, written after the model
  was final and never looked at item by item (its core labels weigh consent less and messaging more than the
  others': core is the label writers agree on least);
- `usecases_test_scope.jsonl` (30): a third writer who labelled novel services from the BB scopes alone, not
  in the use cases' convention (5.3 BBs per novel service, core = the 1–3 blocks the service stands on). Only
  the bench reports it: it measures how much the numbers depend on the labelling convention.
- `usecases_dev_steps.jsonl` (30: 22 novel, 8 paraphrases): a fifth writer (2026-11-29), the use cases' convention
  for expected, who listed each service's steps with the blocks each uses (`steps`) and derived core from them
  (blocks in at least half of the steps: 2.4 per service). Only the bench reports it; looked at after its first run.
- `usecases_dev_steps2.jsonl` (30: 25 novel, 5 paraphrases, ids `V-…`): a sixth writer (2026-11-29, fourth session),
  same brief as the fifth (core from the listed steps: 2.2 per service). Only the bench reports it; looked at after
  its first run.
- `usecases_declined.jsonl` (16, ids `D-…` and `T-…`, 2026-12-06, written by us): a short service (`service`) and a
  sentence after it (`negation`) that rules blocks out ("No login is required.": `declined`) or, in the `T-` traps,
  a negation about some people or cases ("Drivers who do not pay within 30 days …") after which the blocks in `kept`
  must stay selected. `bench/bench_suggest.py` scores it ("said not needed"); a dev set: its first run (6 of 11
  left out) widened the negated-verb frame of `CueLexicon.declines`. Plus 45 (ids `N-…`, `T-07…T-16`, 2026-12-06,
  fifty-ninth session) by a helper who saw no code, in the phrasings officials use (terse lists, scope statements,
  "GIS: not needed", "forget about SMS", "no one signs anything"): its first run (11 of 41 left out) gave
  `CueLexicon.declines` its scope, label, list and exclusion frames and the outright declines. Since then (sessions
  60–62) fifteen more helpers who saw no code each wrote 40 (ids `Z-`, `Q-`, `R-`, `S-`, `U-`, `W-`, `E-`, `F-`,
  `G-`, `H-`, `J-`, `L-`, `M-`, `O-`, `V-`: formal, casual, indirect, citizens', memo, chat, second-language, speech,
  terms-of-reference, backlog, replies to a vendor, voice-note and legal-drafting phrasings); each was measured
  before it was read, then added here: 665 items. Session 63 added three more (ids `I-`, `P-`, `BJ-`: meeting
  minutes, a citizens' FAQ page, slide-deck bullets; first run 24/32, 15/34, 9/33 blocks left out): 785 items.
  Session 64 added four (ids `CK-`, `DM-`, `EN-`, `FO-`: e-mail answers to a vendor, workshop notes, backlog
  tickets, a decision log; first run 25/34, 25/32, 22/33, 24/34): 945 items.
- `usecases_declined_test.jsonl` (40, ids `X-…` and `Y-…` traps, 2026-12-06): the same brief for another helper
  who saw neither code nor the dev file, asked for formal, casual, list-like and reasoned phrasings. Never looked at
  item by item; the bench scores it without printing errors (first run 9 of 34 left out, 17 after the dev file's
  frames, 24 after phrasings added from general knowledge of how such sentences are written).
- `usecases_declined_test2.jsonl` (40, ids `K-…`, 2026-12-07): a further helper's, same brief; held out like the
  first (the bench prints its totals only).
- `usecases_declined_test3.jsonl` (120, ids `A-…`, `B-…`, `C-…`, 2026-12-07): three more helpers, same brief, in
  styles none of the dev writers used (a grant proposal's narrative, a group chat of officials, a filled-in
  requirements questionnaire); held out like the others.
- `reading_path.jsonl` (260, ids `RA-`, `RB-`, `RC-`, 2026-12-07, sixty-fifth session): three helpers who saw no
  code, each 40–50 questions asking how to approach the GovStack material (where to start reading, in what order, a
  study plan; about a third on one block's documents; `reading_path: true`) and as many that share their words but
  ask about the spec's content ("Where does the signing process start?"; `false`). `bench/fit_reading_path.py` fits
  the detector's model on them (with the dev QA questions as negatives) and cross-validates by writer. Each writer was
  measured before it was read (the patterns, written on RA: 17/40 and 12/40; the model fitted on RA + RB: 31/40 of RC
  with the patterns, no near-miss read); all three are dev now.
- `short_names.jsonl` (60, ids `SN-`, 2026-12-07, sixty-fifth session): services named in 2–4 words by a helper who
  saw no code, 30 of them one of the 16 reference use cases in other words (`match`: "vaccination drive" → HLTC-3)
  and 30 none of them (`match: null`, some near misses: "hospital bed booking"). `bench/bench_suggest.py` scores the
  use case a name too short to analyse is pointed to (Suggester._named_use_case): first run at the threshold set
  before it, 24/30 named right, none shown for the 30 others. Looked at since: dev.
- `usecases_probe.jsonl` (105, ids `P-…` novel services of 1–8 sentences, `PL-…` long paragraphs, `PS-…` one-line
  requests with a `focus`; `style` says which; 2026-12-06): written by three helpers who saw no code, from the BB
  scopes alone, in styles the other sets have few of (problem statements, user stories, numbered lists, a pasted
  document, plain-word requests, rambling paragraphs). `expected` lists only the blocks a step clearly requires, so
  `bench/bench_suggest.py` ("probe sets") scores recall and focus@1 only. Looked at item by item to find cue and
  reading gaps: a dev set. Plus 80 (2026-12-06, fifty-ninth session, two more helpers): `E-…` (`esl`) written as
  officials write English as a second language, with typos and non-native grammar; `R-…` (`shall`) requirement
  excerpts ("FR-03: The system shall …") and `C-…` (`citizen`) first-person wishes of citizens.
- `usecases_short_dev.jsonl` and `usecases_short_test.jsonl` (30 each, two more independent writers): short
  requests, one or two sentences as an official would type them into a chat box, each about one obvious block
  (`focus`, which is also its core; two per BB). expected = the focus and what the text states outright; the
  nine common blocks a full service would also use are `unlabelled`, the rare ones are judged. The dev half was
  looked at while fixing the cue lexicon; the test half never was, and `eval --suite suggest` scores it
  (focus@1: the focus ranks first).
- `needs_dev.jsonl` and `needs_test.jsonl` (100 each, 2026-12-05, two more writers who saw no code): one step
  as an official writes it inside a description ("have district officers approve it"), labelled from the BB
  scopes with the blocks it falls in (`expected`), the ones a reader could also accept (`acceptable`), and 10
  clauses that need no block (expected []). `bench/bench_suggest.py` scores the per-step table with them (need →
  building blocks); the dev half's one-block clauses are the cue lexicon's step examples (so its row is
  fitted), the test half was never looked at. `needs_dev2.jsonl` (149, a third writer, 10 per block, no
  no-block clauses), `needs_dev3.jsonl` (99, a fourth writer, the same brief as the first two) and
  `needs_dev4.jsonl` (103, a fifth: the 4–7 steps of twenty service paragraphs, in the paragraph's own words):
  the four dev files are the fit of the per-need model (assistant.suggest.NEED_MODEL, `bench/bench_needs.py`,
  which scores each writer with a model fitted on the other three) and their one-block clauses the step examples.
  `needs_test2.jsonl` (107, 2026-12-05, a sixth writer with the fifth's brief: twenty more services, 11 no-block and
  21 two-block steps) is held out like needs_test: never fitted on, never read item by item.

Labels follow the GovStack product use cases' own convention (expected = every BB an implementation of the whole
service would use, so the cross-cutting blocks — identity, consent, information mediator, messaging, scheduler,
workflow — are nearly always in; core = BBs used in at least half of its steps). `unlabelled` lists BBs the
writer did not judge (the independent writers followed the product use cases, which never list Content
Management, Wallet or Cloud Infrastructure): metrics ignore those BBs for that item. The product use cases
themselves do not judge a block none of them lists (they predate Content Management, Wallet and Cloud
Infrastructure), so `product_use_cases` marks those `unlabelled` too.

The 16 product use cases are not stored: they are derived from the corpus release itself
(see `product_use_cases`), so they follow the spec when it changes.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from evals.metrics import normalise

GOLD_DIR = Path(__file__).resolve().parent / "gold"
QA_FILE = GOLD_DIR / "qa.jsonl"
# the dev-independent question sets, qa_dev2.jsonl … qa_dev83.jsonl, one per independent writer (see load_qa_dev)
QA_DEV_NUMBERS = range(2, 106)
QA_DEV_FILES = [GOLD_DIR / f"qa_dev{n}.jsonl" for n in QA_DEV_NUMBERS]
QA_TEST_FILE = GOLD_DIR / "qa_test.jsonl"
QA_TEST2_FILE = GOLD_DIR / "qa_test2.jsonl"
QA_TEST3_FILE = GOLD_DIR / "qa_test3.jsonl"
NOVEL_FILE = GOLD_DIR / "usecases_novel.jsonl"
DEV_USE_CASES_FILE = GOLD_DIR / "usecases_dev.jsonl"
TEST_USE_CASES_FILE = GOLD_DIR / "usecases_test.jsonl"
TEST2_USE_CASES_FILE = GOLD_DIR / "usecases_test2.jsonl"
SHORT_TEST_FILE = GOLD_DIR / "usecases_short_test.jsonl"

CATEGORIES = ("definition", "terminology", "requirement", "api", "data", "workflow", "architecture", "security",
              "use-case", "comparison", "ui-ux", "onboarding", "which-bb")
# What the issue asks of the gold set (checked by the tests without the corpus).
MIN_QUESTIONS, MIN_MULTI_TURN, MIN_UNANSWERABLE, MIN_NOVEL_USE_CASES = 150, 15, 15, 15
FRAMEWORK_FOLDER = "sdg-digital-investment-framework"  # lives beside the release folders in a snapshot


class GoldError(ValueError):
    """A gold file cannot be read (bad JSON, not an object)."""


def load_jsonl(path: Path | str) -> list[dict]:
    """Objects of a JSONL file, blank lines ignored; a broken line raises GoldError naming file and line."""
    p = Path(path)
    if not p.is_file():
        raise GoldError(f"Gold file {p} not found.")
    out = []
    for ln, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise GoldError(f"{p.name}:{ln}: not valid JSON ({e})") from e
        if not isinstance(obj, dict):
            raise GoldError(f"{p.name}:{ln}: expected a JSON object")
        out.append(obj)
    return out


def load_qa(path: Path | str | None = None) -> list[dict]:
    """The development questions (source "dev"): looked at while building the assistant."""
    return _load_sourced(path or QA_FILE, "dev")


def load_qa_dev2(path: Path | str | None = None) -> list[dict]:
    """Seven independent writers' questions (source "dev-independent": qa_dev2.jsonl; qa_dev3.jsonl written like
    the blind set, by askers who give their context first; qa_dev4.jsonl, a fifth writer with the same brief, first
    run on 71ab765 at pass 0.733; qa_dev5.jsonl, a sixth writer asked for short chat questions, context-first
    officials, newcomers and developers, first run at pass 0.700; qa_dev6.jsonl, an eighth writer in mixed styles
    (ids d7-…), first run on 01a8fa5 at pass 0.683; qa_dev7.jsonl, a ninth writer in mixed styles (ids d8-…), first
    run on 61369a8 at pass 0.633; qa_dev8.jsonl, a tenth writer's 40 (ids f9-…), first run at pass 0.625 on both
    61369a8 and 76b719a; qa_dev9.jsonl, an eleventh writer's 50 (ids g10-…, 2026-11-29, fourth session), first run
    on 8b908a8; qa_dev10.jsonl, a twelfth writer's 50 (ids p11-…, fifth session), first run on 3493de5; qa_dev11.jsonl,
    a thirteenth writer's 50 (ids q12-…, sixth session), first run on b770d2d; qa_dev12.jsonl, a fourteenth writer's
    50 (ids r13-…, seventh session), first run on 8d103a6; qa_dev13.jsonl, a fifteenth writer's 50 (ids u14-…,
    eighth session), first run on c412d38; qa_dev14.jsonl, a sixteenth writer's 50 (ids x15-…, eighth session), first
    run on 80401ef; qa_dev15.jsonl, a seventeenth writer's 50 (ids y16-…, ninth session), first run on f4d126d;
    qa_dev16.jsonl, an eighteenth writer's 50 (ids z17-…, ninth session), first run after that session's changes;
    qa_dev17.jsonl, a nineteenth writer's 50 (ids b19-…, tenth session), first run on ca77841; qa_dev18.jsonl, a
    twentieth writer's 40 (ids c20-…, tenth session), first run after that session's changes; qa_dev19.jsonl, a
    twenty-first writer's 40 (ids e21-…, eleventh session: procurement officers checking products and vendor claims,
    and newcomers' follow-ups), first run on e3376b8; qa_dev20.jsonl, a twenty-second writer's 40 (ids f22-…, twelfth
    session: integrators asking about endpoints, fields and status values, data-protection officers, and the less
    covered blocks), first run on 27fa189; qa_dev21.jsonl, a twenty-third writer's 40 (ids g23-…, thirteenth session:
    procurement officers, vendor developers, project managers, reviewers, and a quarter typed tersely with typos),
    first run on 1204893; qa_dev22.jsonl, a twenty-fourth writer's 40 (ids h24-…, fourteenth session: auditors, an NGO
    running cash transfers, researchers, a small island state's CIO, conformance testers, service designers), first run
    on 7c1b923; qa_dev23.jsonl, a twenty-fifth writer's 40 (ids j25-…, fourteenth session: data protection officers, a
    land registry, a fintech in G2P payments, a telecom regulator, a small municipal IT team, a donor's evaluator),
    first run after that session's changes; qa_dev24.jsonl, a twenty-sixth writer's 40 (ids m26-…, fifteenth session:
    a parliamentary ICT committee, a hospital IT lead, a cash working group, a start-up, a lecturer, a procurement
    officer, a statistics office, a municipal GIS team), first run on e283716; qa_dev25.jsonl, a twenty-seventh
    writer's 40 (ids n27-…, sixteenth session: a student registry, a social-protection MIS, an immigration agency, a
    tax authority, an open-data unit, offline field registration, a national CERT, a UX designer), first run on
    c59412c; qa_dev26.jsonl, a twenty-eighth writer's 40 (ids p28-…, seventeenth session: municipal permits, a health
    insurance fund, input subsidies, procurement, pensions, civil registration, disaster alerts, a DPO, DevOps, a
    vendor's bid, a journalist), first run on f947b5c; qa_dev27.jsonl, a twenty-ninth writer's 40 (ids s29-…,
    seventeenth session: a treasury, a land registry, school meals, immunisation, a mobile operator, court e-filing,
    traffic fines, customs, a researcher, an accessibility auditor, a QA engineer), first run on 4dbe875;
    qa_dev28.jsonl, a thirtieth writer's 40 (ids v30-…, eighteenth session: cash transfers, civil registration, health
    insurance, a tax authority, disaster management, an ID agency, procurement, a municipal portal, DevOps, a
    penetration tester, a UX writer, a journalist), first run on 8287052; qa_dev29.jsonl, a thirty-first writer's 40
    (ids k31-…, eighteenth session: e-vouchers, police records, refugee registration, statistics, a hospital CIO, water
    billing, a small island state, a fintech, an auditor, an API gateway engineer, a student, a minister's adviser),
    first run on 7ad91aa; qa_dev30.jsonl, a thirty-second writer's 40 (ids a33-…, nineteenth session: customs, cash
    transfers, permits, a tax authority, civil registration, scholarships, disaster management, procurement, a data
    protection authority, a mobile operator, a conformance-test vendor, a UX designer), first run on 74e2d8b;
    qa_dev31.jsonl, a thirty-third writer's 40 (ids c35-…, twentieth session: a port authority, health insurance,
    agricultural extension, a pension fund, courts, a land registry, a water utility, statistics, a refugee agency,
    job-seeker services, a systems integrator, a security auditor), first run on c85eb0a; qa_dev32.jsonl, a
    thirty-fourth writer's 40 (ids d36-…, twenty-first session: customs, social housing, vehicle licensing, school
    enrolment, procurement, disaster alerts, a tax authority, a civil registry, building permits, a small island state
    CIO, a conformance-test engineer, a donor's project manager), first run on ea08f1b; qa_dev33.jsonl, a thirty-fifth
    writer's 40 (ids e37-…, twenty-second session: statistics, a port authority, a pension fund, a utility regulator,
    an electoral commission, job-seeker services, courts, national archives, a refugee agency, fisheries licences,
    public transport, a data-protection regulator; questions in everyday words), first run on 65b18b6; qa_dev34.jsonl,
    a thirty-sixth writer's 40 (ids g38-…, twenty-third session: agricultural extension, a social registry, a health
    ministry, a city council, e-procurement, a parliament's library, an ID agency, a university, a telecom regulator,
    an NGO running vouchers, a government cloud team, a start-up; ten comparisons and eight workflows), first run on
    41f25c6; qa_dev35.jsonl, a thirty-seventh writer's 40 (ids h39-…, twenty-third session: school records, a land
    registry, statistics, customs, waste collection, hospitals, pensions, courts, a central bank, archives, an
    anti-corruption agency, a small island state, a consultancy), first run on 489175f; qa_dev36.jsonl, a thirty-eighth
    writer's 40 (ids j40-…, twenty-fourth session: cash transfers, driving licences, agricultural extension, migration,
    tax, a national library, disaster management, procurement, a health insurer, city parking, admissions, a donor
    programme, a vendor's architect, a journalist), first run on 12de878; qa_dev37.jsonl, a thirty-ninth writer's 40
    (ids k41-…, twenty-fourth session: job matching, civil registration, a water utility, fisheries, prisons, elections,
    a customs broker, a broadcaster, housing subsidies, police records, a hospital, a small municipality, an auditor, a
    telecom regulator, a curious citizen; eight multi-turn), first run on cf5abbe and on the session's start 12de878;
    qa_dev38.jsonl and qa_dev39.jsonl, a fortieth and a forty-first writer's 40 each (ids m42-… and p43-…,
    twenty-fifth session: statistics, pensions, school enrolment, land survey, disaster relief, driving licences, a
    vendor, agricultural extension, courts, tax, refugees, social protection, a start-up, a journalist, procurement; a
    public-health lab, vehicle registration, scholarships, city transport, a small island state, business licensing, a
    national archive, a cooperative bank, open data, veterans' benefits, an integrator, a student, customs, environment,
    a helpdesk), first run on the session's start 7242fde; qa_dev40.jsonl and qa_dev41.jsonl, a forty-second and a
    forty-third writer's 40 each (ids r44-… and s45-…, twenty-sixth session: maternal health, a port, a water utility,
    youth employment, a library, a microfinance regulator, a mobile operator, a donor project, fisheries, police
    records, a CIO, a student, a QA tester, elections, a call centre; immunisation, social housing, a mining cadastre,
    teachers' payroll, crop insurance, civil-service HR, e-procurement, cash transfers, data protection, tourism, a
    hospital, a development bank, a hackathon, a parliamentary researcher, a security auditor), first run on the
    session's start 4d5f2b8; qa_dev42.jsonl and qa_dev43.jsonl, a forty-fourth and a forty-fifth writer's 40 each (ids
    w46-… and l47-…, twenty-seventh session: vital statistics, a port, student loans, water, land titling, courts,
    pensions, veterinary services, a library, customs brokers, elections, disability benefits, a start-up, a UN adviser,
    a penetration tester; fisheries, city transport, scholarships, forestry, business registration, prisons, maternal
    health, revenue, waste collection, open data, consular services, a broadcaster, a lecturer, a digital ID project, a
    cloud vendor), first run on the session's start ba8f574; qa_dev44.jsonl and qa_dev45.jsonl, a forty-sixth and a
    forty-seventh writer's 40 each (ids i48-… and o49-…, twenty-eighth session: statistics, veterans, a port, social
    housing, vaccination, customs, pensions, court records, youth employment, civic tech, a telecom regulator, rural
    water, a procurement auditor, a start-up, a parliamentary researcher; disaster management, driving licences, school
    meals, a land registry, tourism, a civil registrar, a national library, energy subsidies, a trade single window, a
    journalist, a hospital CIO, a refugee NGO, a council clerk, an integrator, a data-protection officer), first run on
    the session's start 3e639e3; qa_dev46.jsonl and qa_dev47.jsonl, a forty-eighth and a forty-ninth writer's 40 each
    (ids a50-… and b51-…, twenty-ninth session: a port authority, national statistics, veterinary services, a pension
    fund, public transport, courts, a watchdog, university admissions, a water utility, social housing, a cybersecurity
    auditor, a start-up, labour, fisheries, procurement; customs, national archives, youth employment, vehicle
    inspection, a mobile-money operator, maternal health, elections, a small island state, forestry, consular services,
    a cloud vendor, a UX designer, a donor-funded project, a municipal tax office, an API gateway engineer), first run on
    the session's start 7e22565; qa_dev48.jsonl and qa_dev49.jsonl, a fiftieth and a fifty-first writer's 40 each (ids
    c52-… and d53-…, thirtieth session: housing benefits, a national library, disaster management, driving licences,
    microfinance, school meals, a land registry, refugee services, tourism, a procurement auditor, a telecom regulator,
    a website editor, an integrator, a hospital network, a DevOps engineer; birth registration, small business, police
    records, scholarships, agricultural extension, a parliament's IT office, mining permits, civil-service HR, climate
    finance, a postal service, a penetration tester, a mobile-app developer, a chief data officer, a district health
    office, an open-source maintainer), first run on the session's start 7988bec; qa_dev50.jsonl and qa_dev51.jsonl, a
    fifty-second and a fifty-third writer's 40 each (ids e54-… and f55-…, thirty-first session: customs and excise, a
    water regulator, refugee services, national statistics, land titles, vocational training, waste collection, courts,
    pensions, vehicle licensing, a cybersecurity auditor, an integrator, a data-protection officer, school meals, a
    researcher; fisheries, housing subsidies, disaster management, elections, tourism, procurement, social welfare, a
    central bank, youth employment, a tax authority's IT team, a cloud architect, a front-end developer, a minister's
    adviser, maternal health, a civic-tech volunteer), first run on the session's start 3bc132d; qa_dev52.jsonl and
    qa_dev53.jsonl, a fifty-fourth and a fifty-fifth writer's 40 each (ids g56-… and h57-…, thirty-second session: a
    land registry, a water regulator, a pension fund, courts, customs, a school inspectorate, agricultural extension,
    refugee services, city transport, vaccination, business licensing, a security auditor, a backend developer, a
    procurement consultant, a journalist; national statistics, a port authority, veterans' affairs, public libraries,
    health insurance, municipal waste, a scholarship board, forestry, a microfinance regulator, border health, a DevOps
    engineer, a UX designer, a deputy minister, a donor-funded programme manager, a university student), first run on
    the session's start 1b208b9; qa_dev54.jsonl and qa_dev55.jsonl, a fifty-sixth and a fifty-seventh writer's 40 each
    (ids i58-… and j59-…, thirty-third session: civil registration, a cash-transfer programme, a telecom regulator, a
    teachers' licensing board, national parks, a hospital pharmacy network, an import-permit desk, municipal parking,
    election logistics, a small business agency, a mobile app developer, an enterprise architect, a privacy lawyer, a
    permanent secretary, a graduate student; land survey, crop insurance, juvenile justice, a public broadcaster, blood
    donation, trade licensing, coastal fisheries, student loans, flood early warning, a national archive, an SRE, a QA
    tester, an accessibility consultant, a World Bank task team leader, a city councillor), first run on the session's
    start 18b531f; qa_dev56.jsonl and qa_dev57.jsonl, a fifty-eighth and a fifty-ninth writer's 40 each (ids k60-… and
    l61-…, thirty-fourth session: a land registry office, fisheries licensing, a disability benefits agency, a national
    library, a customs broker, a vaccination campaign, a rural water utility, university admissions, a procurement
    auditor, a cybersecurity officer, a GovTech startup founder, a systems integrator's architect, a data protection
    officer, a minister's adviser, a journalist; birth registration, a youth employment programme, a housing subsidy
    office, a court records unit, road transport licensing, school meals, forestry permits, a pension fund, community
    health workers, a tax authority IT team, a backend developer, a DevOps engineer, a UX designer, a donor-agency
    programme officer, a first-time user), first run on the session's start f1a57c2; qa_dev58.jsonl and qa_dev59.jsonl,
    a sixtieth and a sixty-first writer's 40 each (ids m62-… and n63-…, thirty-fifth session: a business-licensing
    office, a health insurance scheme, an input-subsidy programme, prisons, an elections commission, a shipping
    registry, social workers, a statistics office, a hospital pharmacy, a treasury, a mobile app developer, a database
    administrator, a procurement officer, a privacy lawyer, a curious citizen; a marriage registry, a cash-for-work
    programme, a teacher payroll unit, veterinary services, a refugee camp, a driving test centre, a visa office, a
    library network, an energy subsidy, a cloud hosting team, a frontend developer, a security auditor, an
    accessibility tester, a development bank consultant, a new digital transformation director), first run on the
    session's start fcf6256; qa_dev60.jsonl and qa_dev61.jsonl, a sixty-second and a sixty-third writer's 40 each (ids
    o64-… and p65-…, thirty-seventh session: a procurement officer in a small island state, a hospital IT administrator,
    a journalist on citizen data sharing, a retired civil servant who distrusts jargon; an agriculture-extension
    coordinator, a vendor's solution architect, a data-protection auditor, a thesis student), first run on the session's
    start 51ddc50; qa_dev62.jsonl and qa_dev63.jsonl, a sixty-fourth and a sixty-fifth writer's 40 each (ids q66-… and
    r67-…, thirty-ninth session: a district health officer, a mobile-money start-up founder, a parliamentary researcher,
    a city GIS analyst; a social-protection programme manager, an information-security officer, a court registry clerk,
    a schoolteacher who is not technical), first run on d9ca2a4; qa_dev64.jsonl and qa_dev65.jsonl, a sixty-sixth and a
    sixty-seventh writer's 40 each (ids s68-… and t69-…, forty-first session: a customs agency IT lead, a hospital records
    manager, a donor-agency programme officer, a retired civil servant helping neighbours; an agriculture extension
    coordinator, a cloud and DevOps engineer, a land-registry officer, a journalist), first run on the session's
    CALL_AFTER_API commit; qa_dev66.jsonl and qa_dev67.jsonl, a sixty-eighth and a sixty-ninth writer's 40 each (ids
    u70-… and v71-…, forty-second session: a water-utility billing manager, an election commission IT officer, a
    start-up developer, a parliamentary staffer; a UX designer, a refugee-services caseworker, a tax authority
    integration architect, a small-town mayor who is not technical), first run on the session's list-line commit;
    qa_dev68.jsonl and qa_dev69.jsonl, a seventieth and a seventy-first writer's 40 each (ids w72-… and x73-…,
    forty-third session: a hospital records officer, a farmers'-cooperative treasurer who types short messages with
    typos, a police IT procurement lead, a university student writing a thesis on digital public infrastructure; a
    social-pension programme manager, a cloud hosting engineer at a national data centre, a customs officer at a border
    post, a journalist checking claims about a government app), first run on the session's last code commit;
    qa_dev70.jsonl and qa_dev71.jsonl, a seventy-second and a seventy-third writer's 40 each (ids y74-… and z75-…,
    forty-fourth session: a municipal land-registry clerk, a ministry of education data analyst, a mobile-money
    operator integration engineer, a member of parliament; a public-health emergency coordinator, a small-business
    owner applying for a trade licence who types casually with typos, a national CIO security architect, an NGO worker
    helping refugees register), first run on the session's 'messaging block' commit;
    qa_dev72.jsonl and qa_dev73.jsonl, a seventy-fourth and a seventy-fifth writer's 40 each (ids a76-… and b77-…,
    forty-fifth session: a district agriculture extension officer, a hospital IT administrator integrating a patient
    portal, a ministry of public works procurement officer, a retired citizen not confident with technology; a
    university student writing a thesis on digital public infrastructure, a city transport authority planner, a civil
    registry officer, a QA tester writing test cases for a vendor), first run on the session's 'named operation' and
    later commits); qa_dev74.jsonl and qa_dev75.jsonl, a seventy-sixth and a seventy-seventh writer's 40 each (ids
    c78-… and d79-…, sixty-sixth session, asked for newcomers' and officials' questions on GovStack as a whole — who is
    behind it, releases, contributing, the playbook, how the blocks fit together, the chapters of a specification: a
    newly appointed civil servant, a minister's policy adviser, a donor-agency officer, a curious citizen; a university
    lecturer, a government CIO, a vendor's salesperson, a journalist), first run on 54714bf at pass 23/40 and 22/40;
    qa_dev76.jsonl and qa_dev77.jsonl, a seventy-eighth and a seventy-ninth writer's 40 each with the same brief (ids
    e80-… and f81-…: a small-town IT officer, an MP's research assistant, an NGO programme manager, a start-up developer;
    a World Bank consultant, a retired teacher, a ministry of health director, an open-source contributor), first run on
    59c1fc7's working tree at 22/40 and 26/40 (on 54714bf: 21/40 and 23/40); qa_dev78.jsonl and qa_dev79.jsonl, an
    eightieth and an eighty-first writer's 40 each with the same brief (ids g82-… and h83-…: a regional governor's chief
    of staff, a telecom regulator's policy officer, a UNICEF digital specialist, a computer-science student; a budget
    committee analyst, a software company's CTO, a municipal social-services manager, a data-protection journalist),
    first run on 3a1de9f at 28/40 and 21/40 (on 54714bf: 27/40 and 20/40); qa_dev80.jsonl and qa_dev81.jsonl, an
    eighty-second and an eighty-third writer's 40 each with the same brief (ids i84-… and j85-…, sixty-seventh session:
    a deputy mayor digitising permits, a data-protection authority lawyer, a development-bank project officer, a
    high-school teacher; a health-insurance fund administrator, a procurement officer drafting tender terms, a diaspora
    engineer who wants to volunteer, a ministry of agriculture planner), first run on 7eacab1 and on 0aa8834 at 22/40
    and 14/40; qa_dev82.jsonl and qa_dev83.jsonl, an eighty-fourth and an eighty-fifth writer's 40 each with the same
    brief (ids k86-… and l87-…: a small island state's CIO, a hospital IT manager, a civic-tech activist, a wary treasury
    official; a development bank's digital advisor, a school district administrator, a refugee-agency registration
    officer, a retired engineer volunteering for a council), first run on 3c06e55 at 24/40 and 19/40 (on 7eacab1: 23/40
    and 18/40))
    that were then
    looked at: the failures they showed drove
    changes, so they are development data now."""
    out: list[dict] = []
    for p in ([Path(path)] if path else QA_DEV_FILES):
        out += _load_sourced(p, "dev-independent") if p.exists() else []
    return out


def load_qa_test(path: Path | str | None = None) -> list[dict]:
    """Independent writers' questions, never looked at item by item while building the assistant: qa_test.jsonl
    (source "independent"; its totals have been read to accept or reject changes), qa_test2.jsonl (source
    "independent2", written later by a fourth writer with the same brief; only its totals have been read) and
    qa_test3.jsonl (source "independent3", 40 questions by a seventh writer in mixed styles, written at the end of
    the session that added qa_dev4/qa_dev5; only its first-run totals have been read)."""
    if path:
        return _load_sourced(Path(path), "independent")
    out: list[dict] = []
    for p, source in ((QA_TEST_FILE, "independent"), (QA_TEST2_FILE, "independent2"), (QA_TEST3_FILE, "independent3")):
        out += _load_sourced(p, source) if p.exists() else []
    return out


def _load_sourced(path: Path | str, source) -> list[dict]:
    """Gold items, each with a "source" (a name, or a function of the item) unless the file gives one."""
    items = load_jsonl(path)
    for it in items:
        it.setdefault("source", source(it) if callable(source) else source)
    return items


def load_novel_use_cases(path: Path | str | None = None) -> list[dict]:
    return _load_sourced(path or NOVEL_FILE, "novel")


def _load_tagged(path: Path | str, prefix: str) -> list[dict]:
    """Use-case items with source "<prefix>-paraphrase" or "<prefix>-novel"."""
    return _load_sourced(path, lambda it: f"{prefix}-paraphrase" if it.get("paraphrase_of") else f"{prefix}-novel")


def load_test_use_cases(path: Path | str | None = None) -> list[dict]:
    """The independent writer's descriptions; source "independent-paraphrase" or "independent-novel"."""
    return _load_tagged(path or TEST_USE_CASES_FILE, "independent")


def load_test2_use_cases(path: Path | str | None = None) -> list[dict]:
    """A fourth independent writer's descriptions (source "independent2-…"), written after the model was final."""
    return _load_tagged(path or TEST2_USE_CASES_FILE, "independent2")


def load_dev_use_cases(path: Path | str | None = None) -> list[dict]:
    return _load_tagged(path or DEV_USE_CASES_FILE, "dev")


def load_short_requests(path: Path | str | None = None) -> list[dict]:
    """One- or two-sentence requests with a `focus` block; source "short-request"."""
    return _load_sourced(path or SHORT_TEST_FILE, "short-request")


def file_digest(path: Path | str) -> str:
    """Short content hash of a gold file, recorded in results so a baseline from other gold is recognisable."""
    p = Path(path)
    return hashlib.sha1(p.read_bytes()).hexdigest()[:12] if p.is_file() else ""


# ------------------------------------------------------------------------------------------------------------
# item accessors (the runner, reports and comparisons all read items through these)


def turns_of(item: dict) -> list[str]:
    """The user turns of an item: [question] or its multi-turn conversation (evaluated on the last turn)."""
    t = item.get("turns")
    return [str(x) for x in t] if t else [str(item.get("question", ""))]


def question_of(item: dict) -> str:
    """One-line display of what was asked: the question, or the turns joined with ' ⏵ '."""
    return " ⏵ ".join(turns_of(item))


def bbs_of(item: dict) -> list[str]:
    """Building blocks an item is about ([] for cross-cutting items)."""
    bb = item.get("bb")
    if isinstance(bb, list):
        return [str(b) for b in bb]
    return [str(bb)] if bb else []


def sources_of(item: dict) -> list[tuple[str, str]]:
    return [(s["folder"], s["path"]) for s in item.get("expected_sources") or []]


def with_copies(sources: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The sources, and for an OpenAPI file given as JSON its YAML copy: ingest indexes the YAML copy of an API that
    is published in both forms (ingest.documents: "same API as … (YAML copy indexed)"), so a passage of the YAML
    file is a passage of the document the gold names.

    >>> sorted(with_copies([("bb-messaging", "api/swagger.json")]))
    [('bb-messaging', 'api/swagger.json'), ('bb-messaging', 'api/swagger.yaml'), ('bb-messaging', 'api/swagger.yml')]
    """
    out = set(sources)
    for folder, path in sources:
        if path.startswith("api/") and path.lower().endswith(".json"):
            out |= {(folder, path[:-5] + ext) for ext in (".yaml", ".yml")}
    return out


# ------------------------------------------------------------------------------------------------------------
# the corpus release a gold set is checked against


@dataclass
class CorpusRelease:
    """Files of one release in a snapshot (corpus/<release>/<folder>/<path>); the framework data sits beside it."""

    corpus: Path
    release: str
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def root(self) -> Path:
        return Path(self.corpus) / self.release

    def file(self, folder: str, path: str) -> Path:
        if folder == FRAMEWORK_FOLDER:
            return Path(self.corpus) / folder / path
        return self.root / folder / path

    def exists(self, folder: str, path: str) -> bool:
        key = ("exists", folder, path)
        if key not in self._cache:
            self._cache[key] = bool(folder and path) and ".." not in Path(path).parts and self.file(folder, path).is_file()
        return self._cache[key]

    def text(self, folder: str, path: str) -> str:
        """Normalised text of a source file; for API files also "METHOD /path" lines of its operations."""
        key = ("text", folder, path)
        if key not in self._cache:
            raw = self.file(folder, path).read_text(encoding="utf-8", errors="replace") if self.exists(folder, path) else ""
            if raw and is_api_file(path):
                raw += "\n" + "\n".join(api_operations(raw))
            self._cache[key] = normalise(raw)
        return self._cache[key]

    def hashes(self) -> dict[tuple[str, str], str]:
        """sha1 of every markdown and API file of the release, by (folder, path) (hidden folders skipped)."""
        out: dict[tuple[str, str], str] = {}
        if not self.root.is_dir():
            return out
        for repo in sorted(p for p in self.root.iterdir() if p.is_dir()):
            for f in sorted(repo.rglob("*")):
                rel = f.relative_to(repo).as_posix()
                if not f.is_file() or any(part.startswith(".") for part in rel.split("/")):
                    continue
                if f.suffix == ".md" or (rel.startswith("api/") and is_api_file(rel)):
                    out[(repo.name, rel)] = hashlib.sha1(f.read_bytes()).hexdigest()
        return out


def is_api_file(path: str) -> bool:
    return path.lower().endswith((".yaml", ".yml", ".json"))


_METHODS = ("get", "put", "post", "delete", "patch", "options", "head")


def api_operations(text: str) -> list[str]:
    """"METHOD /path" and "/path" for every operation of an OpenAPI/Swagger text (JSON is YAML too); [] if unreadable.

    A key fact such as "POST /tokens/{tokenId}/revoke" is how answers state an operation, while the file
    spreads the method and the path over two lines.

    >>> api_operations("paths:\\n  /tokens/{id}:\\n    post: {summary: x}\\n    parameters: []\\n")
    ['POST /tokens/{id}', '/tokens/{id}']
    """
    import yaml

    try:
        spec = yaml.safe_load(text)
    except Exception:
        return []
    paths = spec.get("paths") if isinstance(spec, dict) else None
    if not isinstance(paths, dict):
        return []
    out = []
    for p, ops in paths.items():
        if isinstance(ops, dict):
            out.extend(f"{m.upper()} {p}" for m in ops if str(m).lower() in _METHODS)
        out.append(str(p))
    return out


# ------------------------------------------------------------------------------------------------------------
# product use cases, derived from the corpus


def core_of(step_bbs: Iterable[Iterable[str]]) -> list[str]:
    """Building blocks used in at least half of the steps, most used first.

    >>> core_of([["identity", "consent"], ["identity"], ["payments"], ["identity", "payments"]])
    ['identity', 'payments']
    """
    steps = [set(s) for s in step_bbs]
    if not steps:
        return []
    counts = Counter(b for s in steps for b in s)
    return [b for b, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n * 2 >= len(steps)]


def product_use_cases(corpus: Path | str, release: str = "latest") -> list[dict]:
    """The product use cases of a release as suggestion gold, evaluated leave-one-out.

    description = title, summary and each step's title and description (the steps' building-block lists
    are left out: they are the answer); expected = the page's building-block list; core = the building blocks
    used in at least half of its steps. A core block missing from the page's list (HLTC-3 uses the
    Information Mediator in 6 of 10 steps but does not list it) is added to expected: the steps are the
    more specific statement.
    """
    from ingest.usecases import load_use_cases

    recs, _ = load_use_cases(Path(corpus) / release / "product-use-cases")
    items = []
    for uc in recs:
        parts = [f"{uc.title}.", uc.summary]
        for s in uc.steps:
            parts.append(f"{s.title}: {s.description}".strip())
        core = core_of(s.building_blocks for s in uc.steps)
        items.append({  # "unlabelled" is filled in below, once every use case's list is known
            "id": uc.id,
            "description": "\n\n".join(p for p in parts if p),
            "expected": list(uc.building_blocks) + [b for b in core if b not in uc.building_blocks],
            "core": core,
            "source": "product",
            "exclude_use_cases": [uc.id],
            "path": uc.path,
        })
    mark_unjudged(items)
    return items


def mark_unjudged(items: list[dict]) -> None:
    """Set "unlabelled" on every item to the blocks none of them expects: the product use cases were not written
    to judge a block none of them lists (they predate Content Management, Wallet and Cloud Infrastructure)."""
    listed = {b for it in items for b in it["expected"]}
    for it in items:
        it["unlabelled"] = sorted(known_bbs() - listed)


# ------------------------------------------------------------------------------------------------------------
# validation


@lru_cache(maxsize=1)
def known_bbs() -> frozenset[str]:
    from assistant import registry

    return frozenset(registry.bb_ids())


def check_qa_schema(items: list[dict]) -> list[str]:
    """Schema problems of question items: ids unique, one of question/turns, known category/bb, sources/facts shape."""
    errors: list[str] = []
    seen: set[str] = set()
    bbs = known_bbs()
    for n, it in enumerate(items, 1):
        iid = it.get("id")
        where = iid or f"item {n}"
        if not isinstance(iid, str) or not iid:
            errors.append(f"item {n}: missing id")
        elif iid in seen:
            errors.append(f"{iid}: duplicate id")
        seen.add(iid)
        has_q, has_t = bool(it.get("question")), bool(it.get("turns"))
        if has_q == has_t:
            errors.append(f"{where}: needs exactly one of 'question' and 'turns'")
        if has_t and not (isinstance(it["turns"], list) and len(it["turns"]) >= 2
                          and all(isinstance(t, str) and t.strip() for t in it["turns"])):
            errors.append(f"{where}: 'turns' must be a list of at least two non-empty strings")
        if it.get("category") not in CATEGORIES:
            errors.append(f"{where}: unknown category {it.get('category')!r}")
        for b in bbs_of(it):
            if b not in bbs:
                errors.append(f"{where}: unknown building block {b!r}")
        if not isinstance(it.get("answerable"), bool):
            errors.append(f"{where}: 'answerable' must be true or false")
        srcs, facts = it.get("expected_sources"), it.get("key_facts")
        if not isinstance(srcs, list) or not all(isinstance(s, dict) and s.get("folder") and s.get("path") for s in srcs):
            errors.append(f"{where}: expected_sources must be a list of {{folder, path}}")
            continue
        if not isinstance(facts, list) or not all(
                isinstance(f, list) and f and all(isinstance(a, str) and a.strip() for a in f) for f in facts):
            errors.append(f"{where}: key_facts must be a list of non-empty lists of strings")
            continue
        if it.get("answerable") is True and (not srcs or not facts):
            errors.append(f"{where}: an answerable item needs expected_sources and key_facts")
        if it.get("answerable") is False and (srcs or facts):
            errors.append(f"{where}: an unanswerable item has no expected_sources or key_facts")
    return errors


def check_use_case_schema(items: list[dict]) -> list[str]:
    errors: list[str] = []
    seen: set[str] = set()
    bbs = known_bbs()
    for n, it in enumerate(items, 1):
        iid = it.get("id") or f"item {n}"
        if iid in seen:
            errors.append(f"{iid}: duplicate id")
        seen.add(iid)
        if not isinstance(it.get("description"), str) or len(it["description"].split()) < 10:
            errors.append(f"{iid}: description must be a sentence or more")
        exp, core = it.get("expected"), it.get("core")
        if not (isinstance(exp, list) and exp and len(set(exp)) == len(exp) and all(b in bbs for b in exp)):
            errors.append(f"{iid}: expected must be a non-empty list of distinct known building blocks")
            continue
        if not (isinstance(core, list) and core and all(b in exp for b in core)):
            errors.append(f"{iid}: core must be a non-empty subset of expected")
        unl = it.get("unlabelled", [])
        if not (isinstance(unl, list) and all(b in bbs and b not in exp for b in unl)):
            errors.append(f"{iid}: unlabelled must list known building blocks that are not expected")
        if "focus" in it and not (it["focus"] in exp and it["focus"] in core):
            errors.append(f"{iid}: focus must be expected and core")
    return errors


def check_sizes(qa: list[dict], novel: list[dict]) -> list[str]:
    """The issue's size requirements for the gold sets."""
    errors = []
    n_multi = sum(1 for it in qa if it.get("turns"))
    n_unans = sum(1 for it in qa if it.get("answerable") is False)
    if len(qa) < MIN_QUESTIONS:
        errors.append(f"qa: {len(qa)} questions, need at least {MIN_QUESTIONS}")
    if n_multi < MIN_MULTI_TURN:
        errors.append(f"qa: {n_multi} multi-turn conversations, need at least {MIN_MULTI_TURN}")
    if n_unans < MIN_UNANSWERABLE:
        errors.append(f"qa: {n_unans} unanswerable questions, need at least {MIN_UNANSWERABLE}")
    if len(novel) < MIN_NOVEL_USE_CASES:
        errors.append(f"use cases: {len(novel)} novel descriptions, need at least {MIN_NOVEL_USE_CASES}")
    missing = [c for c in CATEGORIES if not any(it.get("category") == c for it in qa)]
    if missing:
        errors.append(f"qa: no item in categories {', '.join(missing)}")
    no_items = sorted(known_bbs() - {b for it in qa for b in bbs_of(it)})
    if no_items:
        errors.append(f"qa: no item about {', '.join(no_items)}")
    return errors


@dataclass
class FactProblem:
    """One gold item that does not hold in a corpus release (used by validation and by release comparison)."""

    id: str
    kind: str  # "missing_source" | "missing_fact"
    detail: str
    source: tuple[str, str] | None = None

    def __str__(self) -> str:
        return f"{self.id}: {self.detail}"


def item_problems(item: dict, release: CorpusRelease) -> list[FactProblem]:
    """Expected sources missing from the release, and key-fact alternatives found in none of the expected sources."""
    out: list[FactProblem] = []
    iid = str(item.get("id"))
    texts = []
    for folder, path in sources_of(item):
        if not release.exists(folder, path):
            out.append(FactProblem(iid, "missing_source", f"expected source {folder}/{path} is not in {release.release}",
                                   (folder, path)))
        else:
            texts.append(release.text(folder, path))
    if not texts:
        return out
    for fact in item.get("key_facts") or []:
        for alt in fact:
            if normalise(alt) not in "\n".join(texts):
                out.append(FactProblem(iid, "missing_fact", f"key fact {alt!r} appears in none of its expected sources "
                                                            f"in {release.release}"))
    return out


def validate_against_corpus(items: list[dict], corpus: Path | str, release: str | None = None) -> list[str]:
    """Every expected source exists in the release (the item's own, or `release`) and every key-fact
    alternative appears in one of the item's expected sources after normalisation."""
    releases: dict[str, CorpusRelease] = {}
    errors = []
    for it in items:
        rel = release or it.get("release") or "latest"
        cr = releases.setdefault(rel, CorpusRelease(Path(corpus), rel))
        errors.extend(str(p) for p in item_problems(it, cr))
    return errors


def validate_use_cases_against_corpus(novel: list[dict], corpus: Path | str, release: str = "latest") -> list[str]:
    """Product use cases must be readable from the release (16 upstream) and their ids must not clash with novel ids."""
    products = product_use_cases(corpus, release)
    errors = []
    if not products:
        errors.append(f"no product use cases readable from {Path(corpus) / release / 'product-use-cases'}")
    clash = {p["id"] for p in products} & {n.get("id") for n in novel}
    if clash:
        errors.append(f"novel use-case ids clash with product use cases: {sorted(clash)}")
    errors.extend(f"{p['id']}: {e}" for p in products for e in check_use_case_schema([p]))
    return errors


def summary(qa: list[dict], novel: list[dict]) -> dict[str, Any]:
    """Counts of the gold sets, for reports."""
    return {
        "questions": len(qa),
        "multi_turn": sum(1 for it in qa if it.get("turns")),
        "unanswerable": sum(1 for it in qa if it.get("answerable") is False),
        "categories": dict(sorted(Counter(it.get("category") for it in qa).items())),
        "novel_use_cases": len(novel),
    }


