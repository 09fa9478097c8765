"""The offline answerer's intent builders on hand-made passages (no index): process questions get the steps."""
from assistant.answer.evidence import units_of
from assistant.answer.offline import ExtractiveAnswerer
from assistant.query import analyze
from assistant.retrieve import Hit
from assistant.types import Chunk


def _hit(i: int, text: str, heading: str) -> Hit:
    c = Chunk(text=text, release="latest", repo="GovStackWorkingGroup/bb-esignature", folder="bb-esignature",
              path=f"spec/{i}.md", kind="prose", bb="esignature", chapter=heading, heading_path=["E-Signature", heading],
              url=f"https://specs.govstack.global/esignature/{i}")
    return Hit(f"c{i}", c, 1.0 / (i + 1))


def _listing_assistant(chunks: list[Chunk]):
    """Just enough of an Assistant over these chunks for Assistant._augment to bring a listing question's sections."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in chunks]))
    me = SimpleNamespace(index=index, _sections_titled=lambda c, n: Assistant._sections_titled(me, c, n),
                         _listed_sections=lambda q, h, r: Assistant._listed_sections(me, q, h, r))
    return me


def _augmented(qa, chunks: list[Chunk], top: Chunk) -> list[Hit]:
    """The passages Assistant._augment gives the answerer when `top` is the one retrieved, over an index of these chunks."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in chunks]))
    return Assistant._augment(SimpleNamespace(index=index), qa, [Hit(top.id, top, 1.0, 0.6)], "latest")


INTRO = ("This internal workflow is used by the eSignature Building Block to provide one-time signature. "
         "The sequence diagram is divided into front-end and back-end parts.")
STEPS = ("One-time signatures do not require any device to be owned by the end user. The one-time signature works as follows:\n\n"
         "* User authenticates against the ID Building Block\n* A new key pair is created in the HSM\n"
         "* The new key is used to timestamp and sign the document\n"
         "* The X509 certificate is set to expire 1 minute from the time of creation\n"
         "* The private key is deleted from the HSM")


def test_a_process_question_gets_the_steps_in_order():
    qa = analyze("How does one-time signing work step by step?")
    assert qa.intent == "workflow"
    draft = ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows"), _hit(1, STEPS, "2 Description")])
    text = draft.text
    # the passage that lists the steps wins over the one that only introduces the flow, steps numbered in order
    assert "1. User authenticates" in text and "5. The private key is deleted from the HSM" in text
    assert text.index("1. User") < text.index("4. The X509 certificate") < text.index("5. The private key")
    assert "[1]" in text


def test_a_process_answer_takes_no_steps_from_another_spec_than_its_top_passage():
    from dataclasses import replace

    qa = analyze("How does one-time signing work step by step?")
    elsewhere = _hit(1, STEPS.replace("User authenticates", "Shopper authenticates"), "9 Internal Workflows")
    elsewhere = Hit(elsewhere.id, replace(elsewhere.chunk, folder="bb-emarketplace", bb="emarketplace"), elsewhere.score)
    text = ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows"), elsewhere]).text
    assert "1. Shopper authenticates" not in text and "one-time signature" in text
    # the same list in the top passage's own spec is taken
    text = ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows"), _hit(1, STEPS, "2 Description")]).text
    assert "1. User authenticates" in text


def test_a_bold_line_on_its_own_introduces_what_follows():
    text = ("Browse the blocks of this release in the following list:\n\n**Overarching Specifications**\n\n"
            "Architecture and Cross-Functional Requirements\n\n**Building Blocks Specifications**\n\nConsent; Identity; Wallet.")
    assert [u.text for u in units_of(text, 0)] == [
        "Browse the blocks of this release in the following list:", "Overarching Specifications:",
        "Architecture and Cross-Functional Requirements", "Building Blocks Specifications:", "Consent; Identity; Wallet."]
    # bold inside a sentence, or a bold lead with text after it, is not a sub-heading
    assert [u.text for u in units_of("**Note:** the token expires after one hour of inactivity.", 0)] == \
        ["Note: the token expires after one hour of inactivity."]


def test_without_a_step_list_the_general_answer_applies():
    qa = analyze("How does one-time signing work step by step?")
    draft = ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows")])
    assert "one-time signature" in draft.text and "1. " not in draft.text


def test_sequence_diagram_lines_cut_from_their_fence_read_as_steps():
    text = ("Dispatcher->>GeofencingAPI: Get Geofence by ID\nNote over GeofencingAPI: Request: Get Geofence by ID\n"
            "GeofencingAPI-->>Dispatcher: Geofence details\nend\n\nA sentence of prose stays as it is.")
    units = units_of(text, 0)
    assert [u.kind for u in units] == ["item", "item", "item", "sentence"]
    assert units[0].text == "Dispatcher → GeofencingAPI: Get Geofence by ID"
    assert units[1].text == "(GeofencingAPI) Request: Get Geofence by ID"
    assert not any("->>" in u.text or u.text == "end" for u in units)
    # ordinary prose with a dash is left alone
    assert [u.text for u in units_of("Data flows in-to the system - then out. It is fine here.", 0)] == \
        ["Data flows in-to the system - then out.", "It is fine here."]


def test_fenced_diagram_with_attributes_keeps_arrows_and_notes():
    text = ('Onboarding works as follows.\n\n```mermaid fullWidth="false"\nsequenceDiagram\n'
            "note left of RBB: Functional ID is issued to Beneficiary\nRBB->>IM: Register_Beneficiary (Request ID)\n```")
    units = units_of(text, 0)
    assert [u.text for u in units] == ["Onboarding works as follows:", "(RBB) Functional ID is issued to Beneficiary",
                                       "RBB → IM: Register_Beneficiary (Request ID)"]


def test_tied_similarities_share_a_rank_in_id_order():
    from assistant.retrieve import _tied_ranks

    # the same text stored twice comes back in either order from the vector store: same ranks both ways
    a = _tied_ranks([("b", 0.9), ("a", 0.9), ("c", 0.5)])
    b = _tied_ranks([("a", 0.9), ("b", 0.9), ("c", 0.5)])
    assert a == b == [(0, ("a", 0.9)), (0, ("b", 0.9)), (2, ("c", 0.5))]


def _part(seq: int, text: str, rank: int) -> Hit:
    c = Chunk(text=text, release="latest", repo="GovStackWorkingGroup/bb-cloud", folder="bb-cloud", path="spec/9-workflows.md",
              kind="prose", bb="cloud-infrastructure", chapter="9.1 Provisioning a VM",
              heading_path=["Cloud", "9 Internal Workflows", "9.1 Provisioning a VM"], url="https://x/9", extra={"seq": seq})
    return Hit(f"p{seq}", c, 1.0 / (rank + 1))


def test_a_step_list_split_between_two_passages_is_answered_whole():
    """The chunker cut the list: its second half (the next passage of the same section) is retrieved too, and
    even ranked higher; the answer numbers all the steps, each citing the passage it comes from."""
    first = ("Creating a new virtual machine, step by step:\n\n* Choose the VM size (flavor)\n* Choose the image to boot\n"
             "* Choose the boot disk size")
    second = "* Choose the network to connect to\n* Choose or create an ssh keypair\n* Create the VM with an API call"
    other = _part(9, "* An unrelated list item\n* Another item", 2)  # same section, not the next passage
    qa = analyze("Walk me through provisioning a new virtual machine step by step.")
    text = ExtractiveAnswerer().answer(qa, [_part(3, second, 0), _part(2, first, 1), other]).text
    assert "1. Choose the VM size (flavor)" in text and "5. Choose or create an ssh keypair" in text and "6. Create the VM" in text
    assert text.index("3. Choose the boot disk size") < text.index("4. Choose the network")
    assert "unrelated" not in text.split("Also in")[0]
    # without the second half, the answer stops where the passage does
    alone = ExtractiveAnswerer().answer(qa, [_part(2, first, 0)]).text
    assert "3. Choose the boot disk size" in alone and "4. " not in alone


def test_parenthesised_numbering_gives_list_items():
    units = units_of("Best practices:\n\n(1) Least privilege for every actor.\n\n(2) Four-eyes principle for admins.", 0)
    assert [u.kind for u in units] == ["sentence", "item", "item"]
    assert units[1].text == "Least privilege for every actor."


def test_what_does_a_bb_actually_do_is_an_overview():
    for q in ("What does the Consent Building Block actually do for citizens?", "What does the Payments BB do?",
              "What does the GIS building block really provide?",
              "Is the GovStack Wallet BB a mobile money wallet?"):  # asks what the block is
        assert analyze(q).intent == "overview", q
    assert analyze("Is the Payments BB required for G2P?").intent != "overview"


def test_an_overview_lists_functionalities_by_their_titles():
    lead = Chunk(text="The Wallet Building Block provides specifications for building Digital Credential Wallets.",
                 release="latest", repo="r", folder="bb-wallet", path="spec/2-description.md", kind="prose", bb="wallet",
                 heading_path=["Wallet", "2 Description"], extra={"seq": 0})
    kdf = Chunk(text="An Issuer should be able to issue digitally verifiable credentials to a trusted Wallet.",
                release="latest", repo="r", folder="bb-wallet", path="spec/4-key-digital-functionalities.md", kind="prose",
                bb="wallet", heading_path=["Wallet", "4 Key Digital Functionalities", "4.2. Credential Issuance"],
                extra={"seq": 1})
    text = ExtractiveAnswerer().answer(analyze("What does the Wallet BB do?"), [Hit("a", lead, 1.0, 0.7),
                                                                                Hit("b", kdf, 0.5, 0.5)]).text
    assert "- **Credential Issuance**: An Issuer should be able to issue" in text  # not "**. Credential Issuance**"


def test_a_flow_split_over_two_passages_is_answered_whole():
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def chunk(seq: int, text: str, heading: str = "9.1 Login flow") -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-identity", path="spec/9-workflows.md",
                     kind="prose", bb="identity", heading_path=["Identity", "9 Internal Workflows", heading],
                     extra={"seq": seq})

    first = chunk(0, "The login works as follows:\n\n" + "\n".join(f"* Step {i} of the login happens here" for i in range(1, 9)))
    second = chunk(1, "\n".join(f"* Step {i} of the login happens here" for i in range(9, 13)))
    other = chunk(2, "* Step 1 of another flow that is not this one", heading="9.2 Other flow")
    store = SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (first, second, other)])
    index = CorpusIndex(store)
    assert index.next_in_section(first) is second and index.next_in_section(second) is None  # next section: no
    me = SimpleNamespace(index=index)
    hits = Assistant._augment(me, analyze("Walk me through the login workflow"), [Hit(first.id, first, 1.0)], "latest")
    assert [h.id for h in hits] == [first.id, second.id] and hits[1].why == ["continues"]
    text = ExtractiveAnswerer().answer(analyze("Walk me through the login workflow step by step"), hits).text
    assert "1. Step 1 of the login" in text and "12. Step 12 of the login" in text


def test_list_questions_about_a_term_are_not_definitions():
    assert analyze("What is the Scheduler building block, and what can trigger its alerts?").intent == "overview"
    assert analyze("What are the rules for alert schedules?").intent == "requirement"
    assert analyze("What are the phases of a consent agreement?").intent != "term"
    # a definition stays a definition
    assert analyze("What is a consent record?").intent == "term"
    assert analyze("What is an alert schedule?").intent == "term"


def test_a_lead_in_clause_does_not_hide_the_question():
    qa = analyze("In registration rules, what is a 'determinant'?")
    assert qa.intent == "term" and qa.term == "determinant"
    qa = analyze("In the registration spec what does 'determinant' mean? I keep seeing it next to 'rule' and 'requirement'.")
    assert qa.intent == "term" and qa.term == "determinant"  # no comma after the spec's name
    assert analyze("In which building block are consent records kept?").term is None
    assert analyze("How is the Registration building block different from Digital Registries?").intent == "comparison"


def test_requirements_lead_only_when_retrieval_ranks_them_first():
    def hit(i, text, kind):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-emarketplace", path=f"spec/{i}.md", kind=kind,
                  bb="emarketplace", heading_path=["E-Marketplace", f"Section {i}"])
        return Hit(f"m{i}", c, 1.0 / (i + 1))

    top = hit(0, "At least one of the transacting parties in the e-Marketplace is a government entity.", "prose")
    req = hit(1, "The e-Marketplace must allow support tickets between the parties to be created (REQUIRED).", "requirement")
    qa = analyze("Can the e-Marketplace be used when two companies trade, or does the government have to be involved?")
    assert qa.intent == "requirement"
    text = ExtractiveAnswerer().answer(qa, [top, req]).text
    assert text.startswith("At least one of the transacting parties")
    # a requirement passage ranked first still leads, in the requirement form
    text = ExtractiveAnswerer().answer(qa, [req, top]).text
    assert text.startswith("The E-Marketplace specification (Section 1) says:")


def test_the_api_answer_leads_with_the_operation_the_question_describes():
    def op(i, method, path, summary):
        c = Chunk(text=f"{method} {path} — {summary}\nResponses: 200 OK", release="latest", repo="r", folder="bb-payments",
                  path="api/g2p.yml", kind="api_operation", bb="payments", heading_path=["Payments", f"{method} {path}"],
                  extra={"method": method, "api_path": path, "summary": summary})
        return Hit(f"op{i}", c, 1.0 / (i + 1))

    hits = [op(0, "GET", "/accounts/{id}", "Read an account"),
            op(1, "POST", "/identityAccountMapper/beneficiary", "Register beneficiaries in the ID account mapper")]
    text = ExtractiveAnswerer().answer(analyze("Which endpoint registers beneficiaries in the account mapper?"), hits).text
    assert text.startswith("Use **`POST /identityAccountMapper/beneficiary`**")
    # with nothing to tell them apart, retrieval order decides
    text = ExtractiveAnswerer().answer(analyze("Which endpoint should I call?"), hits).text
    assert text.startswith("Use **`GET /accounts/{id}`**")
    # ... unless one is clearly closer in meaning to the question (its embedding similarity)
    hits[1].dense, hits[0].dense = 0.60, 0.45
    text = ExtractiveAnswerer().answer(analyze("Which endpoint should I call?"), hits).text
    assert text.startswith("Use **`POST /identityAccountMapper/beneficiary`**")


def test_two_apis_with_the_same_method_and_path_are_two_operations_each_named_with_its_headers():
    """Payments has three APIs with "GET /bills/{billId}" (the Payer FI's bill inquiry, the inquiry to the biller and
    the biller's response), each with its own headers: each is listed, named by its API, not folded into the first."""
    from assistant.retrieve import _dedupe

    def op(i, api, summary, headers, seq=0):
        c = Chunk(text=f"GET /bills/{{billId}} — {summary}\nHeader parameters: {headers}\nResponses: 200 OK",
                  release="latest", repo="r", folder="bb-payments", path=f"api/{i}.yml", kind="api_operation",
                  bb="payments", heading_path=["Payments", "Service APIs", api, "GET /bills/{billId}"],
                  extra={"method": "GET", "api_path": "/bills/{billId}", "summary": summary, "seq": seq})
        return Hit(f"op{i}-{seq}", c, 1.0 / (i + 1))

    hits = [op(0, "Bill Inquiry Response API from Biller", "Provide bill details", "X-CorrelationID (string, required)"),
            op(0, "Bill Inquiry Response API from Biller", "Provide bill details", "X-CorrelationID (string, required)", 1),
            op(1, "Bill Inquiry API for Payer FI", "Retrieve bill information", "PayerFI-Id (string, required)")]
    # one API's passages are one operation; the other API's is another
    assert [h.id for h in _dedupe(hits)] == ["op0-0", "op1-0"]
    text = ExtractiveAnswerer().answer(analyze("For GET /bills/{billId}, which request headers are mandatory?"),
                                       _dedupe(hits)).text
    assert text.startswith("Use **`GET /bills/{billId}`** — Provide bill details (Payments API: Bill Inquiry Response "
                           "API from Biller)")
    assert "- `GET /bills/{billId}` — Retrieve bill information (Bill Inquiry API for Payer FI) [2]" in text
    assert "Header parameters (Bill Inquiry Response API from Biller): X-CorrelationID (string, required) [1]" in text
    assert "Header parameters (Bill Inquiry API for Payer FI): PayerFI-Id (string, required) [2]" in text


def test_a_related_operation_with_a_terse_summary_says_what_it_does():
    def op(i, path, summary, desc):
        c = Chunk(text=f"GET {path} — {summary}\n{desc}\nAPI: Spatial Awareness and Analysis API", release="latest",
                  repo="r", folder="bb-gis", path="api/gis.yaml", kind="api_operation", bb="gis",
                  heading_path=["GIS", f"GET {path}"], extra={"method": "GET", "api_path": path, "summary": summary})
        return Hit(f"op{i}", c, 1.0 / (i + 1))

    hits = [op(0, "/terminateTask/{taskId}", "Terminate Task", "Terminate an asynchronously executed geoprocessing task."),
            op(1, "/taskStatus/{taskId}", "Get Task Status", "Get the status of an asynchronously executed geoprocessing task."),
            op(2, "/processes", "Get Available Processes", "Get Available Processes")]
    text = ExtractiveAnswerer().answer(analyze("How can the client cancel an asynchronous geoprocessing task?"), hits).text
    assert "- `GET /taskStatus/{taskId}` — Get Task Status: Get the status of an asynchronously executed geoprocessing task. [2]" in text
    assert "- `GET /processes` — Get Available Processes [3]" in text  # a description that only repeats the summary is left out


def test_an_operation_far_down_the_passages_does_not_lead_the_answer():
    """"Which API operations must support TLS 1.3?" reads as an API question, but the passages that answer it are
    prose; an operation that merely shares a word, at rank 4, must not become "Use **`GET /support`**"."""
    prose = [_hit(i, f"All Building Blocks MUST support secure HTTPS transport with TLS 1.3 (passage {i}).", "Security")
             for i in range(3)]
    c = Chunk(text="GET /support/{orderId} — Fetch a support session", release="latest", repo="r", folder="bb-emarketplace",
              path="api/swagger.yaml", kind="api_operation", bb="emarketplace", heading_path=["E-Marketplace", "GET /support"],
              extra={"method": "GET", "api_path": "/support/{orderId}", "summary": "Fetch a support session"})
    qa = analyze("Which API operations must support TLS 1.3?")
    assert qa.intent == "api"
    text = ExtractiveAnswerer().answer(qa, prose + [Hit("op", c, 0.1)]).text
    assert text.startswith("All Building Blocks MUST support secure HTTPS transport with TLS 1.3") and "/support" not in text
    # within the top three it leads, as for any endpoint question
    text = ExtractiveAnswerer().answer(qa, prose[:2] + [Hit("op", c, 0.1)]).text
    assert text.startswith("The E-Marketplace specification defines these API operations")


def test_a_header_list_cut_at_its_passages_end_goes_on_in_the_operations_next_passage(monkeypatch):
    """n27-003: ingest cut "Information-Mediator-Client (string, required) — Format is:" from its
    "INSTANCE/CLASS/MEMBER/SUBSYSTEM", which opens the operation's next passage; the answer joins them and cites both."""
    import assistant.answer.offline as offline

    def part(seq, text):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-digital-registries", path="api/data.yaml",
                  kind="api_operation", bb="digital-registries", heading_path=["Digital Registries", "PUT /data/update"],
                  extra={"method": "PUT", "api_path": "/data/update", "summary": "update", "seq": seq})
        return Hit(f"p{seq}", c, 1.0 / seq)

    head = part(1, "PUT /data/update — update\nUpdates records that match the query.")
    cut = part(2, "PUT /data/update — update Path parameters: id (string, required) Header parameters: "
                  "Information-Mediator-Client (string, required) — Format is:")
    rest = part(3, "INSTANCE/CLASS/MEMBER/SUBSYSTEM Request body fields: query (object, required)")
    qa = analyze("Which header does the Digital Registries PUT /data/update call need, and in what format?")
    text = ExtractiveAnswerer().answer(qa, [head, cut, rest]).text
    assert "Format is: INSTANCE/CLASS/MEMBER/SUBSYSTEM [2][3]" in text
    monkeypatch.setattr(offline, "OP_PART_CONTINUES", False)
    assert "INSTANCE/CLASS" not in ExtractiveAnswerer().answer(qa, [head, cut, rest]).text.split("Header parameters")[1]


def test_a_definition_is_followed_by_a_sentence_about_the_term_not_one_that_mentions_it():
    g = Chunk(text="Voucher: A token of value redeemable for goods.", release="latest", repo="r", folder="bb-payments",
              path="spec/3-terminology.md", kind="glossary_term", bb="payments", heading_path=["Payments", "Voucher"],
              extra={"term": "Voucher"})
    prose = _hit(1, "This page explains how a voucher payment is reconciled by the paying agency every night. "
                    "Vouchers are issued in groups and redeemed at registered merchants.", "Payments")
    text = ExtractiveAnswerer().answer(analyze("What is a voucher?"), [Hit("g", g, 1.0), prose]).text
    assert "Related: Vouchers are issued in groups" in text


def test_an_answer_that_leads_with_a_list_says_whose_list_it_is():
    text = ("- Each message is logged with its sender and time.\n- Logs are kept for five years.\n"
            "- Administrators can search the logs.\n- Log entries cannot be changed.")
    answer = ExtractiveAnswerer().answer(analyze("How long are messages logged?"), [_hit(0, text, "6.6 Logging Services:")]).text
    assert answer.startswith("The E-Signature specification (6.6 Logging Services) says:\n\n- ")


def test_sequence_diagram_steps_keep_participants_with_hyphens():
    from assistant.answer.evidence import readable_diagrams

    text = ("```mermaid\nsequenceDiagram\n    e-Service->>e-Signature BB frontend: Redirect with document hash\n"
            "    e-Signature BB frontend->>ID BB: Authenticate the user\n    ID BB->>ID BB: \n```")
    assert readable_diagrams(text).split() == (
        "* e-Service → e-Signature BB frontend: Redirect with document hash\n"
        "* e-Signature BB frontend → ID BB: Authenticate the user").split()  # a step without a message is no step
    draft = ExtractiveAnswerer().answer(analyze("What happens step by step when a document is signed?"),
                                        [_hit(0, "The signing flow:\n\n" + text, "9 Workflows")])
    assert "- e-Service → e-Signature BB frontend: Redirect with document hash. [1]" in draft.text  # as written


def test_a_process_answer_takes_no_steps_from_a_data_structures_chapter():
    from dataclasses import replace

    qa = analyze("How does one-time signing work step by step?")
    model = _hit(1, STEPS.replace("User authenticates", "Signer record"), "7 Data Structures")
    text = ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows"), model]).text
    assert "1. Signer record" not in text and "one-time signature" in text
    # the same list in a functional-requirements chapter is the steps
    other = Hit(model.id, replace(model.chunk, heading_path=["E-Signature", "6 Functional Requirements"]), model.score)
    assert "1. Signer record" in ExtractiveAnswerer().answer(qa, [_hit(0, INTRO, "9 Internal Workflows"), other]).text


def test_a_process_question_gets_the_steps_that_follow_the_passage_introducing_the_flow():
    """The top passage introduces a flow and the next passage of its section holds the steps (as in the E-Signature
    one-time signing workflow, whose sequence diagram follows three paragraphs of prose)."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def page(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path="spec/9-workflows.md",
                     kind="prose", bb="esignature", heading_path=["E-Signature", "9 Workflows", "9.1 One-time signing"],
                     extra={"seq": seq})

    intro = page(0, "This internal workflow is used to provide a one-time signature. It is divided into front-end "
                    "and back-end parts.")
    steps = page(1, "* User authenticates with the ID Building Block\n* A key pair is created in the HSM\n"
                    "* The document hash is signed\n* The private key is deleted from the HSM")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (intro, steps)]))
    qa = analyze("How does one-time signing work?")
    assert qa.intent == "workflow"
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(intro.id, intro, 1.0, 0.6)], "latest")
    assert [h.id for h in hits] == [intro.id, steps.id] and hits[1].why == ["steps"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    # "This internal workflow …" says which workflow only with its section title
    assert text.startswith("The E-Signature specification (9.1 One-time signing) says:\n\n"
                           "This internal workflow is used to provide a one-time signature.") \
        and "4. The private key is deleted from the HSM." in text


def test_the_prose_a_flows_diagram_follows_is_given_whole():
    """The lean login flow: four sentences of prose tell what changes, and the sequence diagram follows them."""
    def page(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-identity", path="spec/9-workflows.md",
                     kind="prose", bb="identity", heading_path=["Identity", "9 Workflows", "9.1.2 Verification without user claims"],
                     extra={"seq": seq})

    prose = page(0, "If the relying party wants to verify the user without user information, a lean workflow can be "
                    "adopted. The steps of lean flow are similar to the steps in the previous section. However, during "
                    "the authorize call, the scope is set to openid. This informs the UI that no user claims will be "
                    "accessed and thus the UI doesn't show any consent page.")
    steps = page(1, "* User clicks the login button\n* The browser redirects to authorize\n* The user authenticates\n"
                    "* The relying party gets the ID token")
    qa = analyze("How does the lean login flow work?")
    text = ExtractiveAnswerer().answer(qa, _augmented(qa, [prose, steps], prose)).text
    # all four sentences say what the flow is, before its steps (not left to "Also in the specification")
    assert text.index("the scope is set to openid") < text.index("doesn't show any consent page") < text.index("1. User clicks")
    assert "4. The relying party gets the ID token." in text


def test_a_citation_quotes_the_spec_as_written_while_the_answer_reads_as_sentences():
    draft = ExtractiveAnswerer().answer(analyze("How does one-time signing work step by step?"),
                                        [_hit(0, INTRO, "9 Internal Workflows"), _hit(1, STEPS, "2 Description")])
    assert "1. User authenticates against the ID Building Block. [1]" in draft.text  # a full stop for the reader
    quotes = [q for qs in draft.snippets.values() for q in qs]
    assert "User authenticates against the ID Building Block" in quotes  # the snippet as the passage has it


def test_a_yes_no_question_gets_the_sentence_that_rules_on_it():
    # eleven sentences share as many words (stems) with the question as the one that answers it, and come first
    topical = ("Departments send transfers to agencies through the treasury single account. "
               "Each department approves transfers above a threshold before release. "
               "Transfers to beneficiaries are batched by the paying department overnight. "
               "A department reconciles its transfers with the central bank each week. "
               "Two signatures are needed for transfers from a department budget line. "
               "Transfers across departments are reported in the financial management information system. "
               "Departments may delegate transfers to regional offices. "
               "Failed transfers are returned to the originating department. "
               "Departments publish their transfers to agencies in the annual report. "
               "Large transfers between departments are audited by the supreme audit institution. "
               "Transfers to agencies follow the department's cash plan.")
    text = topical + " Government to Government (G2G) transfers are not covered in this specification."
    hits = [_hit(0, text, "2 Description")]
    answer = ExtractiveAnswerer().answer(analyze("Does the building block handle transfers between two ministries?"), hits).text
    assert "not covered in this specification" in answer
    # a question that does not ask yes or no gets no such bonus: the topical sentences fill the answer
    answer = ExtractiveAnswerer().answer(analyze("How are transfers between two ministries handled?"), hits).text
    assert "not covered" not in answer
    # the dots of "i.e." end no sentence: the question still asks yes or no (it had read as asking none, r67-001)
    answer = ExtractiveAnswerer().answer(analyze("Could the building block handle transfers between two ministries, "
                                                 "e.g. from the treasury?"), hits).text
    assert "not covered in this specification" in answer


def test_an_endpoint_question_gets_the_operation_its_section_documents():
    """GitBook API pages: a description, then "Sample user story" and "API endpoint" sub-sections; the question's
    words match the user story, and only the last sub-section names the operation."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def page(seq: int, text: str, *heads: str, **extra) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-messaging", path="spec/8-service-apis.md",
                     kind="prose", bb="messaging", heading_path=["Messaging", "8 Service APIs", *heads],
                     extra={"seq": seq, **extra})

    def op(path: str, summary: str) -> Chunk:
        return Chunk(text=f"POST {path} — {summary}", release="latest", repo="r", folder="bb-messaging",
                     path="api/swagger.yaml", kind="api_operation", bb="messaging",
                     heading_path=["Messaging", f"POST {path}"], extra={"method": "POST", "api_path": path, "summary": summary, "seq": 0})

    single, batch = "8.1.1 Sending single emails", "8.1.2 Sending multiple (batch) emails at once"
    chunks = [page(0, "This API sends out emails one by one.", single),
              page(1, "POST /send/email/single — Send a single email", single, "API endpoint", api_paths="/send/email/single"),
              page(2, "This API sends out identical emails to multiple (batch) recipients at once.", batch),
              page(3, "As a Hospital I want to notify a group of my clients about vacant time slots.", batch, "Sample user story"),
              page(4, "POST /send/email/batch — Send batch emails", batch, "API endpoint", api_paths="/send/email/batch"),
              op("/send/email/single", "Send a single email"), op("/send/email/batch", "Send batch emails")]
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in chunks]))
    story = chunks[3]
    assert [o.extra["api_path"] for o in index.section_operations(story)] == ["/send/email/batch"]
    assert [o.extra["api_path"] for o in index.section_operations(chunks[2])] == ["/send/email/batch"]  # its sub-sections
    me = SimpleNamespace(index=index)
    qa = analyze("A hospital wants to notify a group of patients about vacant slots. Which endpoint should it call?")
    hits = Assistant._augment(me, qa, [Hit(story.id, story, 1.0, 0.6)], "latest")
    brought = next(h for h in hits if "section-api" in h.why)
    assert brought.chunk.extra["api_path"] == "/send/email/batch" and brought.why == ["section-api"]
    assert ExtractiveAnswerer().answer(qa, hits).text.startswith("Use **`POST /send/email/batch`**")
    # not an endpoint question: the passages stay as retrieved
    assert len(Assistant._augment(me, analyze("Who is notified about vacant slots?"), [Hit(story.id, story, 1.0)], "latest")) == 1


def test_an_endpoint_question_gets_the_named_blocks_best_operation_when_the_pages_name_none():
    """A workflow page tells the flow ("find the free slots of a resource"), not the call: the named block's operation
    the question's words match leads; one that shares none of them does not ("which protocol is the API based on?")."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    flow = Chunk(text="The Scheduler calculates the free slots of the resource in the date range and returns them.",
                 release="latest", repo="r", folder="bb-scheduler", path="spec/9-workflows.md", kind="prose", bb="scheduler",
                 heading_path=["Scheduler", "9 Internal Workflows", "9.5.2 Finding resource availability"], extra={"seq": 3})
    op = Chunk(text="GET /resource/availability — get resources that are free in a given date range", release="latest",
               repo="r", folder="bb-scheduler", path="api/scheduler.json", kind="api_operation", bb="scheduler",
               heading_path=["Scheduler", "GET /resource/availability"],
               extra={"method": "GET", "api_path": "/resource/availability", "seq": 0,
                      "summary": "get resources that are free in a given date range"})
    calls = []

    def search(qa, release, k, filters):
        calls.append(filters)
        return [Hit(op.id, op, 0.5, 0.45)]

    me = SimpleNamespace(index=CorpusIndex(SimpleNamespace(all_chunks=lambda: [(flow.id, flow), (op.id, op)])),
                         searcher=SimpleNamespace(search=search))
    top = [Hit(flow.id, flow, 1.0, 0.6)] + [Hit(f"x{i}", Chunk(text=f"Scheduler passage {i}.", release="latest", repo="r",
                                                               folder="bb-scheduler", path=f"spec/{i}.md", kind="prose",
                                                               bb="scheduler", heading_path=["Scheduler"]), 0.5, 0.5)
                                            for i in range(3)]  # the operation comes after the retrieved top k
    qa = analyze("Which Scheduler BB API do I use to find a doctor's free time slots?")
    hits = Assistant._augment(me, qa, list(top), "latest")
    assert calls == [{"bb": ["scheduler"], "kind": ["api_operation"]}] and hits[-1].why == ["block-api"]
    assert ExtractiveAnswerer().answer(qa, hits).text.startswith("Use **`GET /resource/availability`**")
    other = analyze("Which protocol is the Scheduler BB API based on?")
    text = ExtractiveAnswerer().answer(other, Assistant._augment(me, other, top, "latest")).text
    assert not text.startswith("Use **")


def test_a_quoted_list_says_whose_words_it_is():
    from assistant.answer.offline import _says
    from assistant.types import Chunk

    spec = Chunk(text="x", release="latest", repo="r", folder="bb-payments", path="spec/6-functional-requirements.md",
                 kind="requirement", bb="payments", heading_path=["Payments", "6 Functional Requirements", "6.4 Vouchers"])
    framework = Chunk(text="x", release="latest", repo="r", folder="sdg-digital-investment-framework", path="building-blocks.json",
                      kind="framework_bb", bb="payments", heading_path=["SDG Digital Investment Framework", "Payments"])
    assert _says(spec) == "The Payments specification (6.4 Vouchers) says:"
    assert _says(framework) == "The SDG Digital Investment Framework (Payments) says:"  # not the GovStack spec's words


def test_a_question_about_many_items_at_once_leads_with_the_batch_operation():
    def op(i, path, summary):
        c = Chunk(text=f"POST {path} — {summary}", release="latest", repo="r", folder="bb-gis", path="api/geo.yaml",
                  kind="api_operation", bb="gis", heading_path=["GIS", f"POST {path}"],
                  extra={"method": "POST", "api_path": path, "summary": summary})
        return Hit(f"op{i}", c, 1.0 / (i + 1))

    hits = [op(0, "/geocode", "Geocode an address"), op(1, "/batchGeocode", "Batch geocode")]
    many = "I have a spreadsheet with thousands of addresses. Which GIS API call geocodes them all in one go?"
    assert ExtractiveAnswerer().answer(analyze(many), hits).text.startswith("Use **`POST /batchGeocode`**")
    one = "Which GIS API call geocodes an address?"
    assert ExtractiveAnswerer().answer(analyze(one), hits).text.startswith("Use **`POST /geocode`**")


def test_a_lead_that_refers_back_to_its_section_title_gets_the_title():
    """"Some key principles from these design guidelines …" does not say which guidelines: the section title does."""
    lead = _hit(0, "Some key principles from these design guidelines are as follows: resources are nouns, and "
                   "APIs use JSON payloads.", "5.1 Follow TM Forum REST API Design Guidelines")
    text = ExtractiveAnswerer().answer(analyze("Which REST API design guidelines must building blocks follow?"), [lead]).text
    assert text.startswith("The E-Signature specification (5.1 Follow TM Forum REST API Design Guidelines) says:")
    plain = _hit(0, "Building blocks follow the REST API design guidelines of TM Forum.", "5.1 Guidelines")
    text = ExtractiveAnswerer().answer(analyze("Which REST API design guidelines must building blocks follow?"), [plain]).text
    assert text.startswith("Building blocks follow the REST API design guidelines")


def test_a_comparison_says_first_what_each_block_is():
    def page(bb, folder, i, path, text):
        c = Chunk(text=text, release="latest", repo="r", folder=folder, path=path, kind="prose", bb=bb,
                  heading_path=[bb, "2 Description"], extra={"seq": i})
        return Hit(f"{bb}{i}", c, 1.0 / (i + 2))

    hits = [
        page("scheduler", "bb-scheduler", 3, "spec/2-description.md",
             "Currently the following actors have been identified as users of the scheduler building block. "
             "The Scheduler can be used to trigger activities based on time only."),
        page("scheduler", "bb-scheduler", 0, "spec/2-description.md",
             "Digital governance may employ common software components to automate applications. Instead of "
             "replicating the logic, the Scheduler Building Block enables coordination of time-driven activities."),
        page("workflow", "bb-workflow", 0, "spec/2-description.md",
             "The Workflow Building Block provides automation and orchestration of business processes."),
        page("workflow", "bb-workflow", 5, "spec/4-key-digital-functionalities.md",
             "While the WFbb does provide process scheduling capabilities, it is not always responsible for scheduling "
             "the execution of processes."),
    ]
    qa = analyze("What's the difference between the Scheduler and the Workflow building blocks?")
    assert qa.intent == "comparison"
    text = ExtractiveAnswerer().answer(qa, hits).text
    # the sentence naming the block opens its side, not the sector's context before it
    assert "**Scheduler** — Instead of replicating the logic, the Scheduler Building Block enables" in text
    assert "**Workflow** — The Workflow Building Block provides automation" in text
    assert "Digital governance may employ" not in text.split("**Workflow**")[0]
    assert "not always responsible for scheduling" in text


def test_a_comparison_quotes_first_where_one_blocks_spec_names_the_other():
    """"Is that the Messaging BB or the Scheduler BB?": the Messaging spec's line that sends the job to the Scheduler
    Building Block answers it, ahead of lines that only use the words of its subject ("Appointment reminder: …" names
    no block, though "appointment" and "reminder" are words of the Scheduler's subject)."""
    def page(bb, folder, i, text, heading="2 Description"):
        c = Chunk(text=text, release="latest", repo="r", folder=folder, path="spec/2-description.md", kind="prose",
                  bb=bb, heading_path=[bb, heading], extra={"seq": i})
        return Hit(f"{bb}{i}", c, 1.0 / (i + 2))

    hits = [
        page("messaging", "bb-messaging", 0, "The Messaging Building Block provides a secure channel to citizens."),
        page("messaging", "bb-messaging", 1, "Appointment reminder: reminding mothers by SMS before the appointment. "
             "Appointment booking: asking mothers by SMS to confirm the appointment. Reminder: mothers get an SMS "
             "before their appointment.", "Use cases"),
        page("messaging", "bb-messaging", 2, "Appointment reminders are sent to mothers by SMS before the "
             "appointment. Mothers confirm their appointment by SMS.", "Examples"),
        page("scheduler", "bb-scheduler", 0, "The Scheduler Building Block coordinates time-driven activities."),
        page("messaging", "bb-messaging", 7, "Scheduling messages according to business logic is out of the scope of "
             "this Building Block because it is done by the Scheduler Building Block.", "Out of scope"),
    ]
    qa = analyze("We want to remind mothers by SMS before their appointment. Is that the Messaging BB or the Scheduler BB?")
    assert qa.intent == "comparison"
    idf = {"mother": 4.0, "sms": 4.0, "appointment": 4.0, "remind": 3.0, "reminder": 3.0}
    messaging_side = ExtractiveAnswerer(idf).answer(qa, hits).text.split("**Scheduler**")[0]
    assert "done by the Scheduler Building Block" in messaging_side


def test_a_comparison_quotes_first_where_a_blocks_scope_section_sends_the_job_to_the_other():
    """"Is that a job for the Messaging BB or for the Information Mediator?": of the Messaging lines that name the
    Information Mediator, the one from its scope section ("… out of the scope of this Building Block but can be enabled
    through the Information Mediator") says the division of labour; it comes before those that only mention it."""
    def page(i, text, heading):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-messaging", path="spec/2-description.md",
                  kind="prose", bb="messaging", heading_path=["Messaging", "2 Description", heading], extra={"seq": i})
        return Hit(f"m{i}", c, 1.0 / (i + 2))

    hits = [page(0, "The Messaging Building Block provides a secure channel to citizens.", "Overview"),
            page(1, "The Information Mediator publishes the services of the Messaging Building Block for other "
                    "systems to use. Systems push data to the Information Mediator.", "Integration"),
            page(2, "Communication between government services is out of the scope of this Building Block but can be "
                    "enabled through the Information Mediator Building Block.", "Out-of-Scope Assumptions")]
    im = Chunk(text="The Information Mediator Building Block provides a gateway for exchange of data.", release="latest",
               repo="r", folder="bb-information-mediator", path="spec/2-description.md", kind="prose",
               bb="information-mediator", heading_path=["Information Mediator", "2 Description"], extra={"seq": 0})
    qa = analyze("Is sending records between two ministries a job for the Messaging BB or for the Information Mediator?")
    assert qa.intent == "comparison"
    messaging_side = ExtractiveAnswerer().answer(qa, hits + [Hit("im0", im, 0.3)]).text.split("**Information Mediator**")[0]
    assert messaging_side.index("out of the scope of this Building Block") < messaging_side.index("publishes the services")


def test_two_things_with_a_section_each_and_no_glossary_entry_are_compared_from_their_sections():
    def section(i, title, text, why):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path="spec/2-description.md",
                  kind="prose", bb="esignature", heading_path=["E-Signature", "2 Description", title], extra={"seq": i})
        return Hit(f"s{i}", c, 1.0 / (i + 1), why=why)

    hits = [section(0, "2.2.2 SCD-based approach", "The SCD is a personal device of the user. It stores the keys for "
                    "long-term usage.", ["bb", "term-section"]),
            section(1, "4.6 SCD Signing", "The SCD signing is a vital function.", ["bb"]),
            section(2, "2.2.1 One-Time Signature Approach", "One-time signatures need no device. A new key pair is "
                    "created in the HSM for each signature.", ["term-section"])]
    qa = analyze("What's the difference between the one-time signature approach and the SCD-based approach in the "
                 "eSignature BB?")
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The specification describes them in sections of their own:")
    one, _, scd = text.partition("**SCD-based approach** (E-Signature specification, 2.2.2)")
    assert "**One-Time Signature Approach** (E-Signature specification, 2.2.1)" in one and "need no device" in one
    assert "long-term usage" in scd
    # without the sections the service brings, the two retrieved among the top passages still answer section by section
    for h in hits:
        h.why[:] = [w for w in h.why if w != "term-section"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The specification describes them in sections of their own:")
    assert "**One-Time Signature Approach**" in text and "**SCD-based approach**" in text and "**SCD Signing**" not in text


def test_a_difference_is_answered_by_two_sections_only_when_each_is_titled_with_words_of_its_own_from_the_question():
    def section(i, title, text):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-cloud-infrastructure-hosting",
                  path="spec/6-functional-requirements.md", kind="requirement", bb="cloud-infrastructure",
                  heading_path=["Cloud Infrastructure", "6 Functional Requirements", title], extra={"seq": i})
        return Hit(f"s{i}", c, 1.0 / (i + 1))

    hits = [section(0, "6.2 Virtualization platform", "VMs are created from templates (REQUIRED)."),
            section(1, "6.3 Container orchestration platform", "Clusters can be enlarged on the fly (RECOMMENDED).")]
    # "platform" is in both titles: no title is the one thing of the two by a word of its own
    qa = analyze("We're sizing our platform. What does the spec expect at the VM layer compared with containers?")
    assert not ExtractiveAnswerer().answer(qa, hits).text.startswith("The specification describes them")
    qa = analyze("How does the container orchestration platform differ from the virtualization platform?")
    assert ExtractiveAnswerer().answer(qa, hits).text.startswith("The specification describes them")


def test_a_comparison_brings_the_passages_where_a_block_speaks_of_the_other_ones_job():
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def chunk(bb, path, seq, text):
        return Chunk(text=text, release="latest", repo="r", folder=f"bb-{bb}", path=path, kind="prose", bb=bb,
                     heading_path=[bb, path], extra={"seq": seq})

    wf = [chunk("workflow", "spec/2-description.md", 0, "The Workflow Building Block orchestrates processes."),
          chunk("workflow", "spec/4-key-digital-functionalities.md", 0, "Workflow process building with BPMN."),
          chunk("workflow", "spec/4-key-digital-functionalities.md", 1,
                "While the WFbb does provide process scheduling capabilities, it is not always responsible for it."),
          chunk("workflow", "spec/6-functional-requirements.md", 0, "The engine must schedule timers.")]
    sch = [chunk("scheduler", "spec/2-description.md", 0, "The Scheduler Building Block sends time-driven alerts.")]
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in wf + sch]))
    qa = analyze("What's the difference between the Scheduler and the Workflow building blocks?")
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(sch[0].id, sch[0], 1.0)], "latest")
    got = {h.chunk.text for h in hits}
    assert wf[2].text in got and wf[0].text in got  # its functionality about scheduling, and what it is
    assert wf[1].text not in got and wf[3].text not in got  # not its other functionalities, nor other chapters
    # a question that is not a comparison or overview brings nothing
    assert len(Assistant._augment(SimpleNamespace(index=index), analyze("How are timers scheduled?"),
                                  [Hit(wf[3].id, wf[3], 1.0)], "latest")) == 1


def test_a_flow_whose_middle_passage_ranks_first_is_told_from_its_first_step():
    """The steps most like the question are in the middle of a list the chunker cut in three: the answer starts at
    the first step (the passages before it were retrieved too) and runs to the last."""
    first = "Provisioning works as follows:\n\n* Validate the API key of the caller\n* Log the request as is"
    middle = ("* Choose the VM size for provisioning a virtual machine\n* Choose the image to boot the virtual machine\n"
              "* Choose the boot disk size of the virtual machine")
    last = "* Create the VM with an API call"
    qa = analyze("Walk me through provisioning a virtual machine step by step.")
    text = ExtractiveAnswerer().answer(qa, [_part(5, middle, 0), _part(6, last, 1), _part(4, first, 2)]).text
    assert "1. Validate the API key of the caller" in text and "2. Log the request as is" in text
    assert "3. Choose the VM size" in text and "6. Create the VM with an API call" in text
    # a passage before it that ends in prose is another part of the section: the list starts where the passage does
    prose_before = "Provisioning is described below. It has several steps."
    text = ExtractiveAnswerer().answer(qa, [_part(5, middle, 0), _part(4, prose_before, 1)]).text
    assert "1. Choose the VM size" in text


def test_a_fields_question_is_answered_by_the_table_titled_with_the_object():
    def table(i, title, rows, rank_why=None):
        text = "| Name | Type | Description |\n| --- | --- | --- |\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
        c = Chunk(text=text, release="latest", repo="r", folder="bb-registration", path="spec/7-data-structures.md",
                  kind="prose", bb="registration", heading_path=["Registration", "7 Data Structures", title], extra={"seq": i})
        return Hit(f"t{i}", c, 1.0 / (i + 1), why=rank_why or [])

    reg = table(0, "7.2.1 Registration (REQUIRED)", [("id", "varchar", "identity of the registration"),
                                                     ("fees", "object", "fees that apply")])
    svc = table(1, "7.2.2 Service (REQUIRED)", [("serviceId", "varchar", "service identifier"),
                                                ("active", "boolean", "defines if service is active")])
    header = table(2, "7.2.3 Service header", [("authToken", "String", "JWT token"), ("lang", "String", "language")])
    qa = analyze("What fields describe a registration Service object?")
    assert qa.intent == "data"
    text = ExtractiveAnswerer().answer(qa, [reg, header, svc]).text
    # "Service" heads the noun phrase; "Service header" has a word the question does not
    assert text.startswith("The Registration specification (7.2.2 Service (REQUIRED)) says:")
    assert "- serviceId — Type: varchar; Description: service identifier. [1]\n" \
           "- Active — Type: boolean; Description: defines if service is active. [1]" in text
    # the table of what is asked, though another one ranks higher
    text = ExtractiveAnswerer().answer(analyze("Which fields does a registration record hold?"), [svc, reg]).text
    assert text.startswith("The Registration specification (7.2.1 Registration (REQUIRED)) says:")


def test_a_question_for_one_field_leads_with_the_row_that_answers_it():
    def table(i, rows):
        text = "| Name | Type | Description |\n| --- | --- | --- |\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
        c = Chunk(text=text, release="latest", repo="r", folder="bb-scheduler", path="spec/7-data-structures.md",
                  kind="prose", bb="scheduler", heading_path=["Scheduler", "7 Data Structures", "7.2 Data elements"],
                  extra={"seq": i})
        return Hit(f"t{i}", c, 1.0 / (i + 1))

    first = table(0, [("EventId", "String", "unique id of the event"), ("EventName", "String", "title of event")])
    later = table(1, [("Deadline", "Date", "If a participant does not update attendance within it, the participant is "
                                           "marked as a no-show"), ("Venue", "Object", "where the event is")])
    qa = analyze("In the Scheduler, which field of an event decides when a participant is marked as a no-show?")
    assert qa.intent == "data"
    text = ExtractiveAnswerer().answer(qa, [first, later]).text
    # the table's title names no object ("Data elements"): the top table, its row using the question's words first
    # (from the same table's next passage), then the table's rows in order
    assert text.startswith("The Scheduler specification (7.2 Data elements) says:\n\n- Deadline — Type: Date;")
    assert text.index("EventId") < text.index("EventName")
    # a question for the fields in general gets the table in its order
    text = ExtractiveAnswerer().answer(analyze("What fields describe an event in the Scheduler?"), [first, later]).text
    assert "Deadline — Type: Date" not in text.split("\n\n")[1].splitlines()[0]


def test_a_data_question_brings_the_other_tables_of_the_page_a_top_passage_is_on():
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def chunk(path, seq, title, text):
        return Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path=path, kind="prose",
                     bb="esignature", heading_path=["E-Signature", "7 Data Structures", title], extra={"seq": seq})

    rows = "| Name | Type |\n| --- | --- |\n| {0}Id | String |\n| {0}Type | Enum |"
    op = chunk("spec/7-data-structures.md", 0, "7.1.1 eSignature operation", rows.format("Signature"))
    header = chunk("spec/7-data-structures.md", 1, "7.1.2 eSignature operation header", rows.format("Auth"))
    prose = chunk("spec/7-data-structures.md", 2, "7.2 Notes", "Some words about the data.")
    other = chunk("spec/8-service-apis.md", 0, "8.1 APIs", rows.format("Api"))
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (op, header, prose, other)]))
    qa = analyze("What fields describe an eSignature operation?")
    assert qa.intent == "data"
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(header.id, header, 1.0)], "latest")
    assert [h.id for h in hits] == [header.id, op.id] and hits[1].why == ["data-table"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The E-Signature specification (7.1.1 eSignature operation) says:") and "SignatureId" in text


def test_a_which_block_question_no_block_matches_says_so_and_where_the_nearest_passage_is():
    qa = analyze("Which building block runs video calls between doctors and patients?")
    assert qa.bb_need
    hit = _hit(0, "The consultation can be done through a live video chat using a personal device.", "2 Description")
    qa.need_matched = True  # the advisor looked (Assistant._blocks_for_need) and no block was called for
    text = ExtractiveAnswerer().answer(qa, [hit]).text
    assert text.startswith("No building block's key functionalities match this job closely enough to name one; the "
                           "closest passage is in the **E-Signature** specification:")
    # when the advisor has not looked (another release), nothing is claimed
    assert not ExtractiveAnswerer().answer(analyze("Which building block runs video calls?"), [hit]).text.startswith("No ")


def test_two_terms_compared_are_each_defined_from_the_glossary():
    def entry(i, term, text, bb=None):
        c = Chunk(text=f"{term}: {text}", release="latest", repo="r", folder="implementation-playbook" if not bb else f"bb-{bb}",
                  path="terminology.md", kind="glossary_term", bb=bb, heading_path=["Implementation Playbook", term],
                  extra={"term": term})
        return Hit(f"g{i}", c, 1.0 / (i + 1))

    qa = analyze("What is the difference between a use case and a building block?")
    assert qa.terms == ["use case", "building block"] and not qa.bbs
    hits = [entry(0, "Use Case", "A use case is what the IM BB may be used for.", bb="information-mediator"),
            entry(1, "Building Block", "An interoperable software component."),
            entry(2, "Use Case", "A sequence of actions to achieve a goal.")]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The specification defines them as different things:\n\n**Use Case** (Implementation Playbook): "
                           "A sequence of actions to achieve a goal. [1]")  # GovStack's own glossary, with no block named
    assert "**Building Block** (Implementation Playbook): An interoperable software component. [2]" in text
    # one of them not in the glossary: the answer the question's intent gives
    text = ExtractiveAnswerer().answer(qa, hits[1:2]).text
    assert not text.startswith("The specification defines them")


def test_terms_asked_to_be_defined_each_get_the_named_blocks_glossary_entry():
    """"In the Wallet BB, what do 'issuer', 'holder' and 'verifier' mean?": each quoted term's entry, found under the
    qualified name the block's glossary gives it ("Credential Issuer"); another block's "Issuer" is not a point."""
    def entry(i, term, text, bb):
        c = Chunk(text=f"{term}: {text}", release="latest", repo="r", folder=f"bb-{bb}", path="spec/3-terminology.md",
                  kind="glossary_term", bb=bb, heading_path=["3 Terminology", term], extra={"term": term})
        return Hit(f"g{i}", c, 1.0 / (i + 1))

    qa = analyze("New to the wallet topic: in the Wallet building block, what do 'issuer', 'holder' and 'verifier' mean?")
    assert qa.terms == ["issuer", "holder", "verifier"] and qa.terms_defined and qa.intent == "term"
    hits = [entry(0, "Credential Holder", "An entity that possesses and manages digital credentials.", "wallet"),
            entry(1, "Issuer", "Entity that creates a credential for one or more entities.", "registration"),
            entry(2, "Credential Issuer", "An entity responsible for the lifecycle management of credentials.", "wallet"),
            entry(3, "Credential Verifier", "An entity checking the authenticity of digital credentials.", "wallet")]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("**Credential Issuer** (Wallet specification): An entity responsible for the lifecycle "
                           "management of credentials. [1]")
    assert text.index("**Credential Holder**") < text.index("**Credential Verifier**")
    assert "creates a credential" not in text
    # a term the glossary lacks: the answer the question's intent gives
    assert not ExtractiveAnswerer().answer(qa, hits[:3]).text.startswith("**")


def test_fields_a_question_names_are_quoted_from_a_field_list_on_a_page():
    """A schema's fields rendered on a spec page ("…; dataAgreement.forgettable (boolean) — …"): the fields the
    question names, as an identifier or in words before "flag"/"field", are quoted whole, not the clipped run."""
    fields = ("Displayed to the user.; dataAgreement.lawfulBasis (string, required) — Lawful basis of the Data Agreement - "
              "consent / legal_obligation / contract; dataAgreement.dpia (string, required) — Data Protection Impact "
              "Assessment " + "and more words " * 30 + "; dataAgreement.active (boolean) — Data Agreement is active; "
              "dataAgreement.forgettable (boolean) — Consent Record may be deleted when consent is withdrawn.")
    hit = _hit(0, fields, "8.1.2 Service APIs")
    qa = analyze("In the Consent BB OpenAPI schema, what does the forgettable flag on a DataAgreement mean, and which "
                 "values does lawfulBasis allow?")
    draft = ExtractiveAnswerer().answer(qa, [hit])
    text = draft.text
    assert text.startswith("The fields asked about:\n- `dataAgreement.lawfulBasis` (string, required) — Lawful basis")
    assert all(q.startswith("`dataAgreement.") for q in draft.snippets[0])  # the card highlights the entries quoted
    assert "- `dataAgreement.forgettable` (boolean) — Consent Record may be deleted when consent is withdrawn. [1]" in text
    assert "dataAgreement.active" not in text and "dpia" not in text
    # a question naming no field gets no such list
    assert "fields asked about" not in ExtractiveAnswerer().answer(analyze("What does a data agreement hold?"), [hit]).text


def test_a_supporting_point_that_points_back_comes_with_the_sentence_it_points_at():
    ask = analyze("How can a service guess the preferred language of a user?")
    lead = _hit(0, "A service should know the preferred language of a user. The preferred language of a user is kept in "
                   "the profile. A service can ask a user for the preferred language.", "Languages")
    more = _hit(1, "Implement detection based on the settings. Use the Accept-Language HTTP header to read the browser "
                   "settings. This gives a first guess at the preferred language of a user.", "Language Detection")
    text = ExtractiveAnswerer().answer(ask, [lead, more]).text
    assert "- Use the Accept-Language HTTP header to read the browser settings. [2] This gives a first guess at the " \
           "preferred language of a user. [2]" in text
    # a sentence about "this section" or "this building block" points at no sentence
    from assistant.answer.offline import _POINTS_BACK_START
    assert not _POINTS_BACK_START.match("This section describes the languages.")
    assert not _POINTS_BACK_START.match("This Building Block sends messages.") and _POINTS_BACK_START.match("It is kept.")


def test_the_spec_templates_own_sentences_are_found_across_repositories_and_never_quoted():
    from assistant.retrieve import template_key, template_shares
    from assistant.types import Chunk

    boiler = "This section links to any external documents that may be relevant, such as standards documents."
    chunks = {f"c{n}": Chunk(text=f"> **Tip:** {boiler}\n\nThe {bb} block keeps its own records of {n} kinds.",
                             release="latest", repo="r", folder=f"bb-{bb}", path="spec/10-other-resources.md", kind="prose",
                             bb=bb)
              for n, bb in enumerate(["payments", "consent", "scheduler", "wallet", "gis", "identity", "messaging"])}
    shares, keys = template_shares(chunks)
    assert template_key(boiler) in keys and len(keys) == 1  # the block's own sentence differs in each repository
    assert 0.5 < shares["c0"] < 1.0
    shares, keys = template_shares(dict(list(chunks.items())[:6]))  # in six repositories it may be a shared rule
    assert not keys and not shares
    hit = _hit(0, f"{boiler} The external documents of the E-Signature BB are the eIDAS regulation texts.", "Resources")
    qa = analyze("Which external documents are relevant to the eSignature BB?")
    assert ExtractiveAnswerer(template=frozenset({template_key(boiler)})).answer(qa, [hit]).text.startswith(
        "The external documents of the E-Signature BB are the eIDAS regulation texts. [1]")
    assert "This section links" in ExtractiveAnswerer().answer(qa, [hit]).text


def test_a_scope_passage_leads_the_answer_to_whether_a_block_does_a_job_itself():
    """"Does the eMarketplace BB handle supplier vetting, or do we need something else?": the block's scope section
    (retrieve: SCOPE_BOOST marks it "scope") leads, though a use case uses more of the question's words."""
    scope = _hit(0, "The use cases covered in this scope assume that the providers are already vetted and empanelled.",
                 "2.1 Current scope")
    scope.why.append("scope")
    steps = _hit(1, "The eMarketplace BB does not handle supplier vetting; a separate supplier vetting office handles "
                    "supplier vetting.", "Use case")
    qa = analyze("Does the eMarketplace BB handle supplier vetting, or do we need something else for that?")
    text = ExtractiveAnswerer().answer(qa, [scope, steps]).text
    assert text.startswith("The use cases covered in this scope assume that the providers are already vetted")
    scope.why.remove("scope")
    assert not ExtractiveAnswerer().answer(qa, [scope, steps]).text.startswith("The use cases covered")
    # …and so does a passage where the block hands the job to another (retrieve: HANDOVER_BOOST marks it "handover")
    scope.why.append("handover")
    assert ExtractiveAnswerer().answer(qa, [scope, steps]).text.startswith("The use cases covered")
    # the question "…, or which other building block …?" asks the same
    from assistant.query import ASKS_SCOPE
    assert ASKS_SCOPE.search("Does the Scheduler send reminders by itself, or which other building block delivers them?")
    assert ASKS_SCOPE.search("Does the Registration BB collect the fees itself or does it hand payment off?")
    assert not ASKS_SCOPE.search("How does the Scheduler send reminders by itself?")
    assert ASKS_SCOPE.search("If it pings our app on the 1st, will the Scheduler itself first check the list is signed off?")
    assert not ASKS_SCOPE.search("Will the Scheduler check the list?")
    assert ASKS_SCOPE.search("We need reminders and agency-to-agency files. Does the Messaging BB handle both on its own?")
    assert not ASKS_SCOPE.search("Does the Messaging BB handle both SMS and email?")
    assert ASKS_SCOPE.search("if they don't confirm they got it, will the scheduler send it again by itself?")
    assert ASKS_SCOPE.search("Does the Consent building block itself manage that kind of arrangement?")  # b51-006
    assert ASKS_SCOPE.search("can the messaging bb work out by itself when to send them?")
    assert ASKS_SCOPE.search("ok and would it also decide when those go out, a week before polling day?")  # f55-002
    assert not ASKS_SCOPE.search("would it decide when those go out?")
    assert ASKS_SCOPE.search("can the Information Mediator convert it in transit or is that someone else's job?")  # v71-002
    assert not ASKS_SCOPE.search("can the Information Mediator convert it in transit?")
    assert ASKS_SCOPE.search("Can the eMarketplace block run the whole tender for us: vetting, scoring, awarding?")  # r67-031
    assert not ASKS_SCOPE.search("Can the eMarketplace block run a tender?")
    assert ASKS_SCOPE.search("Is the Messaging building block the right channel for that agency-to-agency traffic?")
    assert not ASKS_SCOPE.search("How does the Consent building block manage that kind of arrangement?")
    assert ASKS_SCOPE.search("does it also keep the licence records long term or is that a diff BB?")  # g56-003
    assert ASKS_SCOPE.search("can the cms itself run our approval process or does that belong to another block?")
    assert ASKS_SCOPE.search("Can we just use the Messaging building block for that, since it does secure delivery?")  # l61-001
    assert not ASKS_SCOPE.search("Can we use the Messaging building block for bulk SMS?")
    assert ASKS_SCOPE.search("Is that register something the Identity building block is meant to cover?")  # l61-005
    assert ASKS_SCOPE.search("ok, and could that same block also handle moving money between ministries?")  # h57-004
    assert not ASKS_SCOPE.search("could that same block handle moving money between ministries?")
    assert ASKS_SCOPE.search("A colleague said the Messaging block would do it. Is that the right block?")  # h57-003
    assert ASKS_SCOPE.search("Can a guardian sign it on behalf of a member, or is that handled elsewhere?")  # h57-006
    assert ASKS_SCOPE.search("can the Scheduler keep re-sending it, or do we have to build that somewhere else?")  # h57-001
    assert ASKS_SCOPE.search("Can the IM convert the files in transit, or where is that conversion supposed to happen?")  # i58-004
    assert not ASKS_SCOPE.search("Where is that conversion supposed to happen?")
    assert not ASKS_SCOPE.search("do we have to build that somewhere else?")


def test_a_table_with_a_hidden_header_keeps_its_first_row():
    """GitBook's `data-header-hidden` tables convert to an empty header row ("|  |  |"): the first data row after the
    separator is content, not a header."""
    text = ("|  |  |\n| --- | --- |\n| 5.25.1 Comprehensive Sandbox; the solution MUST include a sandbox | REQUIRED |\n"
            "| 5.25.2 Scalability; the sandbox MUST scale | REQUIRED |")
    assert [u.text for u in units_of(text, 0)] == ["5.25.1 Comprehensive Sandbox; the solution MUST include a sandbox: REQUIRED",
                                                   "5.25.2 Scalability; the sandbox MUST scale: REQUIRED"]
    named = "| Name | Type |\n| --- | --- |\n| serviceId | varchar, the service identifier |"
    assert [u.text for u in units_of(named, 0)] == ["serviceId: varchar, the service identifier"]  # a header is dropped


def test_a_may_we_question_is_answered_by_the_prohibition_in_the_second_passage():
    """The top passage states no rule; the next one prohibits outright: the prohibition leads, though a third passage
    shares more words with the question. A mere negation ("cannot be thought of only as …") does not take the lead."""
    rule = "Database processing tools like triggers and stored procedures should be avoided."
    ban = "Building blocks MUST NOT use shared databases, file systems or memory for data exchange with other building blocks."
    feature = ("Analysts can create multiple database tables in one instance. Modules can share database tables through "
               "links. Linked database tables share records between modules.")
    qa = analyze("Our two modules share the same database tables. Is that allowed?")
    hits = [_hit(0, rule, "5.17 Databases"), _hit(1, ban, "5.3 Communicate only via API"), _hit(2, feature, "DRS-2")]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("Building blocks MUST NOT use shared databases"), text
    soft = "Data migration between modules cannot be thought of only as a one-time project."
    hits[1] = _hit(1, soft, "Strategy")
    assert not ExtractiveAnswerer().answer(qa, hits).text.startswith("Data migration")
    # a scope statement rules on a "can we use it for …?" question as well
    examples = "Example B: a reminder is sent and a video consultation is started when the doctor decides to hold it remotely."
    scope = "Communication between ministries (government to government) is out of the scope of this Building Block."
    qa = analyze("Can we use the Messaging BB for video consultations, or for ministries to message each other?")
    text = ExtractiveAnswerer().answer(qa, [_hit(0, examples, "2 Description"), _hit(1, scope, "Out-of-Scope")]).text
    assert text.startswith("Communication between ministries"), text


def test_a_question_for_the_kinds_of_section_a_spec_describes_lists_them():
    """"What payment infrastructure scenarios does the spec describe?": every section of the page titled with that
    kind, innermost ones only, in page order, each with its opening sentence."""

    from assistant.service import Assistant

    def page(seq: int, text: str, *heads: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-payments", path="spec/2-description.md",
                     kind="prose", bb="payments", heading_path=["Payments", "2 Description", *heads], extra={"seq": seq})

    top = "Payment infrastructure scenarios"
    chunks = [page(0, "This section provides context for this Building Block.", "Overview"),
              page(1, "| Scenario | Approach |\n| --- | --- |\n| 1 | Regional switch |", top),
              page(2, "Regional Switch connects financial service providers. It serves several countries.", top, "Scenario 1"),
              page(3, "More about the regional switch and its settlement.", top, "Scenario 1"),
              page(4, "The Central Bank mints digital currency (CBDC).", top, "Scenario 2"),
              page(5, "Mobile money accounts are widespread.", "Financial inclusion")]
    me = _listing_assistant(chunks)
    qa = analyze("What payment infrastructure scenarios does the Payments spec describe?")
    assert qa.enumerates == "scenario"
    hits = Assistant._augment(me, qa, [Hit(chunks[4].id, chunks[4], 1.0), Hit(chunks[5].id, chunks[5], 0.5)], "latest")
    assert [h.chunk.extra["seq"] for h in hits if "section-list" in h.why] == [4, 2]  # retrieved one marked, other brought
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The Payments specification describes 2 scenarios (Payment infrastructure scenarios):\n"
                           "- **Scenario 1**: Regional Switch connects financial service providers. [")
    assert "- **Scenario 2**: The Central Bank mints digital currency (CBDC). [2]" in text
    # a question that lists nothing keeps the usual answer
    assert analyze("How does scenario 2 distribute funds?").enumerates is None


def test_a_glossary_entry_with_alternative_names_defines_each_of_them():
    def entry(i: int, term: str, definition: str) -> Hit:
        c = Chunk(text=f"{term}: {definition}", release="latest", repo="r", folder="bb-payments",
                  path="spec/3-terminology.md", kind="glossary_term", bb="payments", heading_path=["Payments", term],
                  extra={"term": term})
        return Hit(f"g{i}", c, 1.0 / (i + 1))

    workflow = Hit("w", Chunk(text="Functional IDs must be pre-registered in the Account Mapper before a bulk payment.",
                              release="latest", repo="r", folder="bb-payments", path="spec/9-workflows.md", kind="prose",
                              bb="payments", heading_path=["Payments", "9.1 Bulk payment"]), 2.0)
    mapper = entry(1, "Account Mapper or Account Lookup Directory Service",
                   "A dynamic directory matching beneficiaries' unique identifier and their account numbers.")
    text = ExtractiveAnswerer().answer(analyze("What is an account mapper in the Payments BB?"), [workflow, mapper]).text
    assert text.startswith("**Account Mapper or Account Lookup Directory Service** (Payments specification): A dynamic"), text
    text = ExtractiveAnswerer().answer(analyze("What is an account lookup directory service?"), [workflow, mapper]).text
    assert text.startswith("**Account Mapper or Account Lookup Directory Service**"), text


def test_a_term_is_defined_first_by_govstack_s_own_glossary_unless_a_block_is_its_subject():
    def entry(i: int, bb: str, definition: str, term: str = "Determinant") -> Hit:
        c = Chunk(text=f"{term}: {definition}", release="latest", repo="r", folder=f"bb-{bb}" if bb else "playbook",
                  path="terminology.md", kind="glossary_term", bb=bb or None,
                  heading_path=[registry_name(bb) if bb else "Implementation Playbook", term], extra={"term": term})
        return Hit(f"g{i}", c, 1.0 / (i + 1))

    hits = [entry(0, "registration", "An attribute used as a filter in a registration rule."),
            entry(1, "", "An attribute, defined in the rule, used as a filter.")]
    text = ExtractiveAnswerer().answer(analyze("What is a determinant?"), hits).text
    assert text.startswith("**Determinant** (Implementation Playbook)"), text
    text = ExtractiveAnswerer().answer(analyze("In registration rules, what is a 'determinant'?"), hits).text
    assert text.startswith("**Determinant** (Registration specification)"), text


def registry_name(bb: str) -> str:
    from assistant import registry

    return registry.name_of(bb)


def test_the_sub_sections_of_the_section_named_for_what_is_asked_are_listed(monkeypatch):
    """"What design principles should building blocks follow?": no section title names a principle, but "4.1 Design
    Principles" has one sub-section each; a sub-section that is only a list is quoted by its first items."""

    from assistant.service import Assistant

    def page(seq: int, text: str, *heads: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="specifications", path="arch/4-principles.md",
                     kind="prose", heading_path=["GovStack Architecture", "4 Design Principles and Considerations", *heads],
                     extra={"seq": seq})

    top = "4.1 Design Principles"
    chunks = [page(0, "While the following principles are relevant to many deployments, keep them in mind.", top),
              page(1, "Design of systems should be rooted in the needs of the citizens.", top, "4.1.1 Citizen-Centric"),
              page(2, "The open flow is shown in the diagram below. GovStack advocates for open technology.", top, "4.1.2 Open"),
              page(3, "Deployments should follow these principles:\n\n* Occasional power\n* Low bandwidth", top, "4.1.3 Robust"),
              page(4, "ICT governance matters.", "4.2 Considerations", "4.2.1 ICT Governance")]
    me = _listing_assistant(chunks)
    qa = analyze("What design principles should building blocks follow?")
    hits = Assistant._augment(me, qa, [Hit(chunks[0].id, chunks[0], 1.0)], "latest")
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The GovStack Architecture describes 3 principles (4.1 Design Principles):\n"
                           "- **Citizen-Centric**: Design of systems should be rooted in the needs of the citizens. ["), text
    assert "- **Open**: GovStack advocates for open technology. [" in text  # not the diagram pointer
    assert "- **Robust**: Occasional power; Low bandwidth [" in text
    # too few sub-sections are not read as kinds ("6.1 Adaptors" has two: definitions, requirements)
    from assistant import service

    monkeypatch.setattr(service, "LIST_SECTION_CHILDREN", 4)
    assert len(Assistant._sections_titled(me, chunks[0], "principle")) == 1


def test_points_under_a_section_about_the_noun_are_not_counted_as_instances_of_it():
    """"Which languages must a GovStack UI support?": the sub-sections of "Support multiple languages" are five pieces of
    advice, not five languages; the answer says what they are, and counts them as sections."""

    from assistant.service import Assistant

    def page(seq: int, text: str, *heads: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="design", path="ux/multilingual.md", kind="prose",
                     heading_path=["UI UX Guidelines", "3.2 Accessibility", *heads], extra={"seq": seq})

    top = "3.2.2.2 Support multiple languages"
    chunks = [page(0, "Governments often serve people who speak several languages.", top),
              page(1, "Analyse user demographics data to determine the languages spoken.", top, "Know your users"),
              page(2, "Avoid using complex jargon and technical terms.", top, "Plain words"),
              page(3, "Offer the option for users to set their language preferences.", top, "Preferences"),
              page(4, "Options to switch languages are clearly visible.", top, "Switching")]
    me = _listing_assistant(chunks)
    qa = analyze("Which languages must a GovStack UI support?")
    hits = Assistant._augment(me, qa, [Hit(chunks[0].id, chunks[0], 1.0)], "latest")
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert "4 languages" not in text, text
    assert "“Support multiple languages” has 4 sections:\n- **Know your users**: " in text, text
    # sections titled with the noun but not each one of it ("Language switching") are sections about it
    for c, title in zip(chunks[1:], ("Identify the languages users speak", "Use simple language", "Language preferences",
                                      "Language switching")):
        c.heading_path[-1] = title
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert "4 languages" not in text and "4 sections are about languages (3.2.2.2 Support multiple languages):" in text, text
    # …though the question uses every word of the section's title: "Use a frontend framework" is about one framework,
    # not a collection of them ("Design Principles" is)
    top = "3.3.2.3 Use a frontend framework"
    chunks = [page(0, "A frontend framework is a collection of tools for building user interfaces.", top),
              page(1, "They save developers a significant amount of time.", top, "Benefits of a frontend framework"),
              page(2, "Setting up involves downloading the framework's files.", top, "Setting up a frontend framework"),
              page(3, "Consider the framework's community support and ease of use.", top, "Choosing a frontend framework")]
    me = _listing_assistant(chunks)
    qa = analyze("Which frontend frameworks does the UI guide compare?")
    text = ExtractiveAnswerer().answer(qa, Assistant._augment(me, qa, [Hit(chunks[0].id, chunks[0], 1.0)], "latest")).text
    assert "3 frameworks" not in text and "3 sections are about frameworks" in text, text


def test_kinds_of_thing_a_block_s_glossary_defines_are_listed_when_no_page_has_sections_for_them():
    """"What statuses can an event go through in the scheduler?": no top passage's page has status sections, but the
    Scheduler's glossary has 'Event Status' and 'Alert Status' (another block's or the playbook's entries do not count)."""

    from assistant.service import Assistant

    def term(seq: int, name: str, definition: str, bb: str | None) -> Chunk:
        return Chunk(text=f"{name}: {definition}", release="latest", repo="r", folder=f"bb-{bb or 'playbook'}",
                     path="spec/3-terminology.md", kind="glossary_term", bb=bb, heading_path=["Scheduler", "3 Terminology", name],
                     extra={"seq": seq, "term": name})

    req = Chunk(text="It must be possible to find details of all events in a date range.", release="latest", repo="r",
                folder="bb-scheduler", path="spec/6-functional-requirements.md", kind="requirement", bb="scheduler",
                heading_path=["Scheduler", "6 Functional Requirements", "6.1 Event Management"], extra={"seq": 0})
    chunks = [req, term(1, "Event Status", "State of an event (proposed/published/booked/cancelled).", "scheduler"),
              term(2, "Alert Status", "The state of a scheduled alert (pending/sent/failed).", "scheduler"),
              term(3, "Session Status", "The state of a session.", None)]
    me = _listing_assistant(chunks)
    qa = analyze("What statuses can an event go through in the scheduler?")
    hits = Assistant._augment(me, qa, [Hit(req.id, req, 1.0)], "latest")
    assert [h.chunk.extra["term"] for h in hits if "section-list" in h.why] == ["Event Status", "Alert Status"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The Scheduler specification describes 2 statuses (3 Terminology):\n"
                           "- **Event Status**: State of an event (proposed/published/booked/cancelled). [1]"), text


def test_a_glossary_entry_for_a_modifier_of_the_asked_term_does_not_define_it():
    """"What is the GovStack sandbox?" is not answered with the definition of GovStack (the head word is 'sandbox')."""
    def entry(term: str, definition: str) -> Hit:
        c = Chunk(text=f"{term}: {definition}", release="latest", repo="r", folder="playbook", path="terminology.md",
                  kind="glossary_term", heading_path=["Implementation Playbook", term], extra={"term": term})
        return Hit(term, c, 1.0)

    hits = [entry("GovStack", "An expert community effort. It offers a sandbox for testing.")]
    text = ExtractiveAnswerer().answer(analyze("What is the GovStack sandbox?"), hits).text
    assert not text.startswith("**GovStack**"), text
    assert ExtractiveAnswerer().answer(analyze("What is GovStack?"), hits).text.startswith("**GovStack**")


def test_the_specs_own_questions_are_not_quoted_as_answers():
    """FAQ-style pages put questions among their sentences; an answer quotes what the spec says, not what it asks."""
    faq = ("Messaging BB can relay the messages over any existing communication channel, such as WhatsApp. "
           "The functionality is called BRIDGE-TO. What examples of use cases do the ID BB specifications support?")
    other = "Can different messaging channels talk to each other? Channels are configured per sender organisation."
    text = ExtractiveAnswerer().answer(analyze("Does the Messaging BB relay messages over WhatsApp?"),
                                       [_hit(0, faq, "Building block approach"), _hit(1, other, "Channels")]).text
    assert "BRIDGE-TO" in text and "?" not in text.replace("relay messages over WhatsApp?", ""), text
    # … also as a bold paragraph over its answer (the playbook's FAQ: the question becomes a label, "…support?:")
    bold = ("* The Messaging BB specifications aim to provide practical solutions for national communication.\n\n"
            "Messaging BB can relay the messages over any existing communication channel, such as WhatsApp. "
            "The functionality is called BRIDGE-TO.\n\n**What examples of use cases do the ID BB specifications support?**"
            "\n\nThe Messaging BB specifications cater to a wide array of use cases.")
    text = ExtractiveAnswerer().answer(analyze("Can the Messaging BB send WhatsApp messages?"),
                                       [_hit(0, bold, "Building block approach")]).text
    assert "BRIDGE-TO" in text and "support?" not in text, text


def test_a_list_announced_by_its_intro_is_shown_whole_when_short():
    caps = "An Information Mediator MUST provide the following capabilities:\n\n" + "\n".join(
        f"* capability {n}" for n in range(1, 12))
    text = ExtractiveAnswerer().answer(analyze("What capabilities must an Information Mediator provide?"),
                                       [_hit(0, caps, "2.4.1 Federation")]).text
    assert "Capability 11" in text and "Capability 5" in text, text


def test_the_sentence_that_asks_outweighs_the_context_given_first():
    """An official's context ('slow 2G connections in rural areas') must not pick the passage about rural areas over
    the one the question asks about (design guidance to keep the service usable)."""
    rural = "Number of household with internet connectivity is concentrated in the urban areas as opposed to rural areas."
    guidance = "Design guidance: keep pages light so the service stays usable; cache content for offline use."
    qa = analyze("Lots of our users are on slow connections in rural areas with little internet connectivity. "
                 "What design guidance is there to keep the service usable?")
    text = ExtractiveAnswerer().answer(qa, [_hit(0, rural, "Context"), _hit(1, guidance, "Guidance")]).text
    assert text.startswith("Design guidance"), text


def test_a_glossary_definition_with_bullets_reads_as_sentences():
    from assistant.answer.offline import _definition

    c = _hit(0, "Functional Identity: * Is linked to systems with a specific function. * Functional identification "
                "systems provide official proof of identity", "3 Terminology").chunk
    c.kind = "glossary_term"
    text, _ = _definition(Hit("g", c, 1.0))
    assert "*" not in text and text.startswith("Is linked to systems") and ". Functional identification" in text


def test_sentences_are_embedded_once_across_questions():
    """Scoring by meaning embeds the question and only the sentences it has not met before (the cache is shared by
    the per-call copies that answer concurrently); the scores are the same either way."""
    calls: list[list[str]] = []

    def embed(texts):
        calls.append(list(texts))
        return [[1.0, float(len(t) % 7)] for t in texts]

    hits = [_hit(0, "Consent can be withdrawn at any time. The withdrawal is logged.", "Consent › 2 Description")]
    a = ExtractiveAnswerer(embed=embed)
    first = a.answer(analyze("Can consent be withdrawn?"), hits).text
    second = a.answer(analyze("Can consent be withdrawn?"), hits).text
    assert first == second
    # the question and its two sentences, then the question alone: no sentence again
    # (the question as searched: "Can consent be withdrawn (opt-out)?", in the spec's words)
    assert calls == [calls[0], calls[1], calls[0]] and len(calls[0]) == 1 and len(calls[1]) == 2
    assert calls[0][0].startswith("Can consent be withdrawn")
    # the question the search embedded is not embedded again
    qa = analyze("Can consent be withdrawn?")
    qa.vectors[qa.standalone] = [1.0, 4.0]
    assert a.answer(qa, hits).text == first and len(calls) == 3


def test_a_lead_that_points_at_what_follows_goes_on_into_it():
    """"Below is shown how a pre-registration use of Consent's Workflow works." ends a section whose steps open its
    first sub-section: the answer goes on with them instead of stopping at the pointer."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    sec = ["Consent", "9 Internal Workflows", "9.2 Recording consent at initial registration (pre-registration)"]

    def page(seq: int, text: str, heads: list[str]) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-consent", path="spec/9-workflows.md", kind="prose",
                     bb="consent", heading_path=heads, extra={"seq": seq})

    intro = page(0, "Consent is needed before the individual is provisioned in the system. Below is shown how a "
                    "pre-registration use of the workflow works.", sec)
    steps = page(1, "* The signing starts with a call to the draft endpoint, which returns a ConsentRecord and a Signature.\n"
                    "* None of these are stored in the database until the registration completes.", sec + ["9.2.1 Internal workflow"])
    other = page(2, "Post-registration consent is recorded directly.", sec[:2] + ["9.3 Post-registration"])
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (intro, steps, other)]))
    assert index.next_in_section(intro) is None and index.next_in_section(intro, into_subsections=True) is steps
    assert index.next_in_section(steps, into_subsections=True) is None  # 9.3 is not inside 9.2.1
    qa = analyze("How is consent recorded before the person is registered?")
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(intro.id, intro, 1.0, 0.6)], "latest")
    assert hits[-1].chunk is steps and hits[-1].why == ["follows"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.index("Below is shown") < text.index("None of these are stored in the database")


def test_a_spelled_out_name_is_searched_with_the_acronym_the_glossary_gives():
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex

    def term(t: str, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path="spec/3-terminology.md",
                     kind="glossary_term", bb="esignature", heading_path=["E-Signature", "3 Terminology", t], extra={"term": t})

    chunks = [term("HSM", "**HSM**: Hardware Security Module - a device or software that can store private keys safely."),
              term("UUID", "**UUID**: Unique identifier. Typically a random number."),
              term("CSW", "**CSW**: Catalogue Service for the Web: A standard for discovering metadata.")]
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in chunks]))
    assert index.acronyms("latest") == {"hardware security module": "HSM", "catalogue service for the web": "CSW"}
    q = "Which certification must the hardware security module have?"
    assert index.with_acronyms(q, "latest") == q + " (HSM)"
    assert index.with_acronyms("Must the HSM (hardware security module) be certified?", "latest").endswith("certified?")
    # typed with hyphens, it is the same name
    assert index.with_acronyms("Where is the hardware-security-module kept?", "latest").endswith("kept? (HSM)")


def test_an_operations_page_among_the_passages_moves_up_beside_it_and_is_still_read_at_its_rank():
    from types import SimpleNamespace

    from assistant.answer.evidence import Evidence
    from assistant.retrieve import CorpusIndex, _with_rendering_pages

    def chunk(i, path, kind, text, extra=None):
        return Chunk(text=text, release="latest", repo="r", folder="bb-gis", path=path, kind=kind, bb="gis",
                     heading_path=["GIS", f"Section {i}"], extra=extra or {})

    op = chunk(0, "api/gis.yaml", "api_operation", "POST /batchGeocode — Batch Geocode",
               {"method": "POST", "api_path": "/batchGeocode"})
    others = [chunk(i, f"spec/{i}-other.md", "prose", f"Other passage {i} about geocoding.") for i in range(1, 5)]
    page = chunk(5, "spec/8-service-apis.md", "prose", "POST /batchGeocode — Batch Geocode\nPerform batch geocoding.")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in [op, *others, page]]))
    hits = [Hit(c.id, c, 1.0 - n / 10, 0.5) for n, c in enumerate([op, *others, page])]
    got = _with_rendering_pages(index, hits, k=6)
    assert [h.id for h in got] == [op.id, page.id] + [c.id for c in others]  # cited beside the operation it renders
    assert got[1].moved_from == 5 and "rendered-op" in got[1].why
    # the answer reads the passages in their retrieval order: the moved page is quoted no earlier than before
    reader = ExtractiveAnswerer()
    reader._ask_toks, reader._yes_no, reader._asks_bbs, reader._dense = set(), False, False, {}  # as _compose sets them
    units = reader._ranked_units(Evidence(got), set(), max_hits=6)
    first = {u.hit_index: u.score for u in units if u.order == 0}
    assert set(first) == set(range(6)) and first[1] < min(first[i] for i in range(2, 6))


def _op_hit(bb: str, method: str, path: str, seq: int, text: str) -> Hit:
    """One passage (number seq) of an API operation of the block, ranked by seq."""
    return Hit(f"op{seq}", Chunk(text=text, release="latest", repo="r", folder=f"bb-{bb}", path="api/swagger.yaml",
                                 kind="api_operation", bb=bb, heading_path=[bb.title(), "API", f"{method} {path}"],
                                 extra={"method": method, "api_path": path, "seq": seq}), 1.0 - seq / 10, 0.6)


def test_a_question_what_to_send_gets_each_parameter_with_what_the_api_says_of_it():
    hit = _op_hit("digital-registries", "GET", "/data/myPersonalDataUsage", 0,
                  "GET /data/myPersonalDataUsage — Allows a user to see who has read their personal data\n"
                  "Query parameters: userId (string, required) — User's personal unique identifier; databaseId (string, "
                  "required) — Database acronym Header parameters: Information-Mediator-Client (string, required)")
    text = ExtractiveAnswerer().answer(analyze("Which Digital Registries endpoint shows who read my data, and what do we "
                                               "have to pass in?"), [hit]).text
    assert ("Fields: query parameters: userId (string, required) — User's personal unique identifier; databaseId "
            "(string, required) — Database acronym; header parameters: Information-Mediator-Client (string, required) ["
            ) in text
    text = ExtractiveAnswerer().answer(analyze("Which Digital Registries endpoint shows who read my data?"), [hit]).text
    # every list by name (offline.ALL_FIELD_LISTS): a token the call needs is a header parameter (x73-030)
    assert "Fields: query parameters `userId`, `databaseId`; header parameters `Information-Mediator-Client` [" in text
    # "what is the call missing?" asks what to send, as "what do we have to pass in?" does
    text = ExtractiveAnswerer().answer(analyze("We keep getting HTTP 402 from the Digital Registries data usage endpoint. "
                                               "What is the call missing?"), [hit]).text
    assert "header parameters: Information-Mediator-Client (string, required)" in text


def test_a_field_the_question_names_is_quoted_with_what_the_api_says_of_it():
    def op(seq, text):
        return _op_hit("identity", "POST", "/oauth/token", seq, text)

    hits = [op(0, "POST /oauth/token — Token Endpoint\nCalled by the relying party backend to get the ID token."),
            op(1, "POST /oauth/token — Token Endpoint Request body fields: grant_type (string, required) — Grant type.; "
                  "clientId (string, required); redirect_uri (string, required) — Valid client redirect_uri. Must be same "
                  "as the one sent in the authorize call. Responses: 200 OK")]
    q = "For the Identity BB's /oauth/token endpoint, what must the redirect_uri be?"
    assert analyze(q).intent == "api"  # the lead-in names the endpoint
    text = ExtractiveAnswerer().answer(analyze(q), hits).text
    assert "- `redirect_uri` (string, required) — Valid client redirect_uri. Must be same as the one sent in the authorize " \
           "call. [" in text and "`grant_type` (string" not in text
    # a field the API says nothing of (clientId) is left to the Fields line; in words ("redirect URI") it is the domain's
    text = ExtractiveAnswerer().answer(analyze("What must the redirect_uri be for POST /oauth/token in the Identity BB? "
                                               "And the clientId?"), hits).text
    assert "`redirect_uri` (string, required) — Valid" in text and "`clientId` (string" not in text
    text = ExtractiveAnswerer().answer(analyze("What must the redirect URI be for POST /oauth/token?"), hits).text
    assert "fields asked about" not in text
    # a path's own parameter is no field asked about; a question naming none gets no such list
    assert "fields asked about" not in ExtractiveAnswerer().answer(analyze("What does POST /oauth/token return?"), hits).text


def test_a_parameter_question_gets_the_parameters_its_words_name(monkeypatch):
    import assistant.answer.offline as offline

    hits = [_op_hit("registration", "GET", "/tasks", 0, "GET /tasks — Retrieve all tasks Query parameters: mainTaskId "
                    "(string); firstResult (integer) — Pagination of results.; sortBy (string) — Sort the results by a "
                    "given criterion.; sortOrder (string) — Sort the results in a given order (asc or desc). Responses: 200")]
    q = "I want GET /tasks sorted by due date, soonest first. Which query parameters do I send?"  # i58-040
    text = ExtractiveAnswerer().answer(analyze(q), hits).text
    assert "- `sortBy` (string) — Sort the results by a given criterion. [" in text and "- `sortOrder` (string)" in text
    assert "- `firstResult`" not in text and "- `mainTaskId`" not in text  # ("tasks": the path's word)
    monkeypatch.setattr(offline, "WORDED_PARAMETERS", False)
    assert "- `sortBy`" not in ExtractiveAnswerer().answer(analyze(q), hits).text


def test_an_endpoint_question_about_responses_or_headers_gets_the_operations_own_lines():
    def op(seq, text):
        return _op_hit("workflow", "POST", "/processes/{id}/start", seq, text)

    hits = [op(0, "POST /processes/{id}/start — starts a process instance\nCreate a process instance"),
            op(1, "Header parameters: X-Tenant (string, required) — the tenant Request body fields: who (string) "
                  "Responses: 201 Process started; 404 Process not found Response fields (201): id (string)")]
    text = ExtractiveAnswerer().answer(analyze("What does the Workflow BB return when I call POST /processes/{id}/start, "
                                               "and what if the process id is wrong?"), hits).text
    # (the response fields run on after the codes in the same passage line: they come along)
    assert "Responses: 201 Process started; 404 Process not found; response fields: id (string) [" in text
    assert "Header parameters" not in text
    text = ExtractiveAnswerer().answer(analyze("Which headers does POST /processes/{id}/start of the Workflow BB need?"), hits).text
    assert "Header parameters: X-Tenant (string, required) — the tenant [" in text
    # what to send to authenticate is a header, where the API has one
    text = ExtractiveAnswerer().answer(analyze("When I call POST /processes/{id}/start on the Workflow BB, what auth do "
                                               "I have to send?"), hits).text
    assert "Header parameters: X-Tenant (string, required) — the tenant [" in text
    plain = ExtractiveAnswerer().answer(analyze("Which Workflow BB endpoint starts a process?"), hits).text
    assert "Responses:" not in plain and "Header parameters:" not in plain
    # a status code named in the question asks what comes back, as "answer with" does
    text = ExtractiveAnswerer().answer(analyze("The Workflow BB says a start should answer with 202 Accepted. What does "
                                               "POST /processes/{id}/start specify?"), hits).text
    assert "Responses: 201 Process started; 404 Process not found; response fields: id (string) [" in text
    # a bare status code says little: the fields of the response come with it; a long path between "what does" and
    # "return" is still a question about what comes back
    hits = [op(0, "POST /processes/{id}/start — starts a process instance\nResponses: 200\n"
                  "Response fields: answer.status (boolean, required) — true when the process exists")]
    text = ExtractiveAnswerer().answer(analyze("What does POST /processes/{id}/start in the Workflow BB return?"), hits).text
    assert "Responses: 200; response fields: answer.status (boolean, required) — true when the process exists [" in text
    # response fields cut at a passage's end go on in the operation's next passage; "what numbers does it return"
    # asks for them (c35-030)
    hits = [op(0, "POST /processes/{id}/start — counts\nResponses: 200 Success Response Response fields: [].processed (integer) — "
                  "How many were processed; [].approved (integer) — How many were approved;"),
            op(1, "[].rejected (integer) — How many were rejected")]
    text = ExtractiveAnswerer().answer(analyze("workflow bb POST /processes/{id}/start - what numbers does it "
                                               "return?"), hits).text
    assert "[].approved (integer) — How many were approved; [].rejected (integer) — How many were rejected [1][2]" in text


def test_the_search_reads_an_officials_asking_sentence_twice_unless_it_points_back():
    qa = analyze("Our land registry office wants citizens to sign deeds online. How does the eSignature BB protect keys?")
    assert qa.ask_again == "How does the eSignature BB protect keys?"
    assert qa.search_text == f"{qa.standalone} {qa.ask_again}" and qa.standalone == qa.question
    for q in ("Our two modules share the same database tables. Is that allowed?", "How does the eSignature BB protect keys?"):
        assert analyze(q).ask_again == "" and analyze(q).search_text == analyze(q).standalone, q


def test_a_short_list_item_is_quoted_with_the_line_that_introduces_its_list():
    """"Member (e.g., Ministry of X)" alone, as a supporting point for a question about ministries, says nothing; with
    the line that introduces its list it says what it is part of."""
    lead = _hit(0, "The Information Mediator connects the applications of different ministries. Each ministry runs a "
                   "security server of its own.", "2 Description")
    listing = _hit(1, "Accessing services is done through REST calls.\n\n* The components of the request must be:\n"
                      "  * Security server URL;\n  * Instance (e.g., Country);\n  * Member (e.g., Ministry of X);\n"
                      "  * Application;", "6 Functional Requirements")
    text = ExtractiveAnswerer().answer(analyze("Do ministries each need their own mediator security server?"),
                                       [lead, listing]).text
    for line in text.splitlines():
        if any(item in line for item in ("Security server URL", "Ministry of X", "Instance (e.g.")):  # quoted in its list
            assert "The components of the request must be: Security server URL; Instance (e.g., Country); Member" in line, text


def test_a_short_item_of_a_list_that_opens_its_section_is_quoted_with_the_section_title():
    """An out-of-scope list under its heading: "Real-time video and audio conferencing." alone reads as a feature."""
    lead = _hit(0, "Messages are sent to citizens by SMS, e-mail and messaging apps. A doctor may send a video consultation link.",
                "2 Description")
    scope = _hit(1, "* Fully offline and no internet connection scenarios.\n* Real-time video and audio conferencing.",
                 "Out-of-Scope Assumptions")
    text = ExtractiveAnswerer().answer(analyze("Can the messaging service run video conferencing with audio?"),
                                       [lead, scope]).text
    assert "video and audio conferencing" in text, text
    assert "- Out-of-Scope Assumptions: Real-time video and audio conferencing. [2]" in text, text


def _list_hit(i: int, text: str, seq: int, section: str = "6.1.2 Adaptor Requirements") -> Hit:
    c = Chunk(text=text, release="latest", repo="GovStackWorkingGroup/specs", folder="specifications",
              path="architecture/6-onboarding.md", kind="requirement", bb=None, chapter="6 Onboarding",
              heading_path=["Architecture", "6 Onboarding", section], url="https://specs.govstack.global/arch/6",
              extra={"seq": seq})
    return Hit(f"l{i}", c, 1.0 / (i + 1))


ADAPTOR_1 = ("1. Adaptors should not be used for outbound requests.\n2. Adaptors should always be tied to specific products.\n"
             "3. Adaptors Perform 3 distinct functions (all synchronous):\n   1. Class 1 - URL rewriting (mapping URLs)")
ADAPTOR_2 = "2. Class 2 - Payload mapping (transforming data payloads)\n3. Class 3 - Synchronous 1:many calls\n\nA closing remark."


def test_a_list_the_chunker_split_goes_on_in_the_next_passage_of_its_section():
    qa = analyze("What kinds of adaptor functions does GovStack define for an existing product?")
    hits = [_list_hit(0, ADAPTOR_1, 4), _list_hit(1, ADAPTOR_2, 5)]
    lead = ExtractiveAnswerer().answer(qa, hits).text.split("Also in the specification")[0]
    assert "- Class 1 - URL rewriting" in lead and "- Class 2 - Payload mapping" in lead and "- Class 3 - Synchronous" in lead
    assert lead.index("Class 1") < lead.index("Class 2") < lead.index("Class 3")
    # a passage of another section (or not the next one) does not continue the list
    for other in (_list_hit(1, ADAPTOR_2, 5, section="6.2 Native"), _list_hit(1, ADAPTOR_2, 7)):
        text = ExtractiveAnswerer().answer(qa, [hits[0], other]).text
        assert "- Class 2" not in text.split("Also in the specification")[0]


def test_a_short_line_introducing_a_list_comes_with_the_sentence_before_it():
    premise = ("The CMS Building Block is a model for government websites. The CMSs must integrate with other blocks. "
               "The model therefore uses three overarching criteria to ensure compatibility. CMSs should be:\n\n"
               "* Built for interoperability and easy integration.\n* Respecting open standards.\n"
               "* Designed for scale, flexibility, and upgradability.")
    qa = analyze("What are the three overarching criteria a CMS should meet?")
    text = ExtractiveAnswerer().answer(qa, [_list_hit(0, premise, 1, section="2.1 Premise")]).text
    assert "CMSs should be:" in text and "- Built for interoperability" in text and "- Designed for scale" in text
    # a label line heads a list of its own, not the sentence before it
    steps = ("Bidders submit their bids on the auctions platform. Bids are recorded by the office. The bidding period "
             "ends after two weeks. The office reviews the bids. The highest bid wins the auction. Bidders are told by "
             "the platform. Building Blocks for Workflows:\n\n* EMarketplace\n* Authentication & Authorization")
    text = ExtractiveAnswerer().answer(analyze("Who submits the bids on the auctions platform?"),
                                       [_list_hit(0, steps, 1, section="Step 4")]).text
    lead, _, points = text.partition("Also in the specification")
    assert "Bidders submit" in lead and "Authentication & Authorization" not in lead
    assert points.count("Authentication & Authorization") <= 1  # two short items of one list bring its line once


def test_a_sentence_left_open_before_a_list_introduces_it():
    text = ("The wallet and the verifier should be able to verify the validity of the credentials. Validity of "
            "credentials means, that\n\n* The credential signature is verified\n* The credential has not expired or revoked")
    units = units_of(text, 0)
    assert [u.kind for u in units] == ["sentence", "sentence", "item", "item"]
    assert units[1].text == "Validity of credentials means, that:" and units[0].text.endswith("credentials.")
    # a closed sentence before a list stays as it is
    assert units_of("Keys are kept in an HSM.\n\n* one\n* two items", 0)[0].text == "Keys are kept in an HSM."
    # a trailing comma gives way to the colon; a sentence ending in a link is left alone; task boxes are no words
    units = units_of("Credentials of any format, including, but not limited to,\n\n* W3C Verifiable Credentials", 0)
    assert units[0].text.endswith("not limited to:")
    assert units_of("See https://example.org/api-mandate/\n\n* one item of the list", 0)[0].text.endswith("mandate/")
    assert units_of("Checklist for teams:\n\n* [ ] Test for accessibility", 0)[1].text == "Test for accessibility"
    # … and so does one left open before a table ("The most commonly used personas are" + its rows)
    table = units_of("The most commonly used personas are\n\n| Persona | Capabilities |\n| --- | --- |\n"
                     "| system-admin | Omnipotent |", 0)
    assert [(u.kind, u.text) for u in table] == [("sentence", "The most commonly used personas are:"),
                                                  ("row", "system-admin: Omnipotent")]


def test_a_line_saying_the_following_before_a_list_introduces_it():
    """"…, storing at least the following information." names what its list is, as "…:" does, so its items come with it."""
    text = ("* Personal Data logs are stored with a data tag, storing at least the following information.\n"
            "  * PersonalDataID (unique and unchangeable identifier of a person)\n  * Reader ID- who read the data")
    units = units_of(text, 0)
    assert units[0].text.endswith("the following information:") and [u.kind for u in units] == ["item"] * 3
    assert units_of("The preconditions are as follows.\n\n* one precondition\n* another one", 0)[0].text.endswith(
        "as follows:")
    # a pointer elsewhere is no intro, and neither is a line saying "the following" that no list follows
    assert units_of("Authorization is handled outside of it (see below).\n\n* one item here", 0)[0].text.endswith(".")
    assert units_of("It lists the following information.\n\nA paragraph, not a list.", 0)[0].text.endswith(".")


def test_an_operation_split_in_two_passages_names_its_fields_and_what_comes_back_from_the_other():
    """The lead operation's description passage ranked, its fields passage did not: Assistant._augment brings the other
    passage of the same operation, and the answer names the request body and, asked what comes back, the 201 fields."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def part(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-workflow", path="api/swagger.yaml",
                     kind="api_operation", bb="workflow", heading_path=["Workflow", "POST /processes/{processId}/start"],
                     extra={"method": "POST", "api_path": "/processes/{processId}/start", "seq": seq,
                            "summary": "instantiates a process execution; creates a process instance"})

    about = part(0, "POST /processes/{processId}/start — instantiates a process execution; creates a process instance\n"
                    "Create a process instance and register it with the execution engine\nOperation ID: start")
    fields = part(1, "POST /processes/{processId}/start — instantiates a process execution; creates a process instance\n"
                     "Path parameters: processId (string, required) — The id for a defined process.\n"
                     "Request body description: Process instance initiation payload (initial 'state' for the process)\n"
                     "Request body fields: processStartedBy (string, required)\n"
                     "Responses: 201 Process started; 404 Process not found\n"
                     "Response fields (201): id (string) — The unique process instance ID.")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (about, fields)]))
    me = SimpleNamespace(index=index)
    qa = analyze("How do I start a Workflow process instance through the API, and what do I get back?")
    hits = Assistant._augment(me, qa, [Hit(about.id, about, 1.0, 0.6)], "latest")
    assert [h.chunk.id for h in hits] == [about.id, fields.id] and hits[1].why == ["op-detail"]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("Use **`POST /processes/{processId}/start`**")
    assert "request body: Process instance initiation payload (initial 'state' for the process)" in text
    assert "response fields: id (string) — The unique process instance ID." in text
    # not asked what comes back: the fields passage still comes along for the request body
    qa = analyze("How do I start a Workflow process instance through the API?")
    text = ExtractiveAnswerer().answer(qa, Assistant._augment(me, qa, [Hit(about.id, about, 1.0, 0.6)], "latest")).text
    assert "request body: Process instance initiation payload" in text and "response fields" not in text


def test_an_acronym_the_prose_defines_in_passing_is_searched_too_but_not_for_a_blocks_own_name():
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex

    prose = Chunk(text="The process involves the Payments BB, a Payer Bank (PrBank) and the Payee Bank (PyBank). The "
                       "Information Mediator (IM) carries it.", release="latest", repo="r", folder="bb-payments",
                  path="spec/9-internal-workflows.md", kind="prose", bb="payments", heading_path=["Payments", "9 Flows"])
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(prose.id, prose)]))
    assert index.acronyms("latest") == {"payer bank": "PrBank", "payee bank": "PyBank"}
    q = "What does the payee bank check during pre-validation?"
    assert index.with_acronyms(q, "latest") == q + " (PyBank)"


def test_a_pointer_after_more_quotes_than_a_citation_keeps_still_goes_on_and_a_figure_alone_adds_nothing():
    """The lead quotes five sentences, the last "… four main phases, as illustrated in the figure below:": a citation
    keeps three snippets, but the pointer was quoted all the same and the phases follow. A next passage that is only
    a figure adds nothing (and breaks nothing)."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    sec = ["Consent", "2 Description", "Consent Agreement Lifecycle"]

    def page(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-consent", path="spec/2-description.md",
                     kind="prose", bb="consent", heading_path=sec, extra={"seq": seq})

    intro = page(0, "The consent agreement is defined by the organisation. The organisation designs the consent "
                    "workflow. The consent agreement contains a data policy. The consent agreement names its purpose. "
                    "A consent agreement life-cycle has four main phases, as illustrated in the figure below:\n\n"
                    "[Figure: Diagram Source]")
    phases = page(1, "**Definition**: In this phase, the organisation adopts a Data Policy.\n\n**Capture**: In this "
                     "phase, the Individual reviews the Consent Agreement and it is captured in a Consent Record.")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (intro, phases)]))
    qa = analyze("How does a consent agreement life-cycle go?")
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(intro.id, intro, 1.0, 0.6)], "latest")
    text = ExtractiveAnswerer().answer(qa, hits).text
    # in the page's order, right after the pointer (not as supporting points in order of relevance)
    assert text.index("four main phases") < text.index("adopts a Data Policy") < text.index("captured in a Consent Record")
    figure = page(1, "[Figure: Consent lifecycle]")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (intro, figure)]))
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(intro.id, intro, 1.0, 0.6)], "latest")
    assert "four main phases" in ExtractiveAnswerer().answer(qa, hits).text


def test_an_operations_id_and_tags_are_not_quoted_as_its_words():
    from assistant.answer.evidence import units_of

    op = ("POST /documents — Upload a required document\nUpload a document/attachment to receive a documentId.\n"
          "API: Registration Building Block API (version 0.1.1)\nOperation ID: uploadFile\nTags: Applicant, Operator")
    text = " ".join(u.text for u in units_of(op, 0))
    assert "Upload a document/attachment to receive a documentId" in text and "version 0.1.1" in text
    assert "Operation ID" not in text and "Tags" not in text
    assert "Tags: a label" in " ".join(u.text for u in units_of("Some prose.\nTags: a label in prose stays.", 0))


def test_a_supporting_point_brings_the_short_line_after_it_that_introduces_a_list_and_the_list():
    """Wallet 4.4: "The wallet and the verifier should be able to verify the validity of the credentials. Validity of
    credentials means, that" + three items. As a supporting point the first sentence comes with the line and its items."""
    lead = Chunk(text="A digital credential wallet stores digital credentials. The wallet stores the digital credentials "
                      "that issuers issue. Holders keep digital credentials in the wallet.", release="latest",
                 repo="r", folder="bb-wallet", path="spec/2-description.md", kind="prose", bb="wallet",
                 heading_path=["Wallet", "2 Description"], extra={"seq": 0})
    kdf = Chunk(text="The wallet and the verifier should be able to verify the validity of the credentials. Validity of "
                     "credentials means, that\n\n* The credential signature is verified\n* The credential has not expired "
                     "or revoked\n* A trusted issuer issued the credential", release="latest", repo="r", folder="bb-wallet",
                path="spec/4-key-digital-functionalities.md", kind="prose", bb="wallet",
                heading_path=["Wallet", "4 Key Digital Functionalities", "4.4. Credential Validity"], extra={"seq": 3})
    qa = analyze("What does a digital credential wallet store?")
    text = ExtractiveAnswerer().answer(qa, [Hit("a", lead, 1.0, 0.7), Hit("b", kdf, 0.5, 0.5)]).text
    assert "verify the validity of the credentials. [2] Validity of credentials means, that: The credential signature is " \
           "verified; The credential has not expired or revoked; A trusted issuer issued the credential." in text.replace("\n", " ")


def test_a_second_question_in_the_message_is_answered_under_it():
    """"How do blocks exchange data? Could one block read another block's database directly?": the first question's
    answer leaves the second open, so it is answered, under the question, from the passage retrieved for it."""
    q = "How are the building blocks supposed to exchange data? Could one block simply read another block's database directly?"
    qa = analyze(q)
    assert qa.more_asks == ["Could one block simply read another block's database directly?"]
    lead = _hit(0, "Each building block deployment SHOULD use an Information Mediator to federate and exchange data with "
                   "other data consumers and providers.", "Federation")
    layers = [_hit(i, f"Building blocks are layered ({i}): each exposes its services as REST APIs to the others.", "Layers")
              for i in range(1, 5)]  # the rule ranks below where the lead and the supporting points are taken from
    rule = _hit(5, "Building blocks MUST NOT use shared databases, file systems or memory for data exchange with other "
                   "building blocks.", "Communicate only via API")
    rule.why.append("next-ask")
    idf = {"database": 5.0, "read": 4.0, "directly": 4.0}  # rare words weigh (the corpus gives them ~4-6)
    text = ExtractiveAnswerer(idf).answer(qa, [lead, *layers, rule]).text
    assert "**Could one block simply read another block's database directly?**" in text
    first, second = text.split("**Could one block")
    assert "Information Mediator" in first and "shared databases" not in first
    assert "MUST NOT use shared databases" in second
    # a refinement of the first question is no question of its own; and a passage not retrieved for it is not used
    assert analyze("How does the login move between the two UIs? Which approach is recommended?").more_asks == []
    rule.why.remove("next-ask")
    assert "**Could one block" not in ExtractiveAnswerer(idf).answer(qa, [lead, *layers, rule]).text
    # a second question joined to the first by ", and which …" is one too, shown as a question of its own
    qa = analyze("How are the building blocks supposed to exchange data, and could one block simply read another block's "
                 "database directly?")
    assert qa.more_asks == ["could one block simply read another block's database directly?"]
    rule.why.append("next-ask")
    text = ExtractiveAnswerer(idf).answer(qa, [lead, *layers, rule]).text
    assert "**Could one block simply read another block's database directly?**" in text
    # an operation's label line ("API: Database API (version 1.0)") answers nothing
    label = _op_hit("digital-registries", "GET", "/databases", 6, "GET /databases — list\n\nAPI: Database read-directly "
                                                                      "block API (version 1.0)")
    label.why.append("next-ask")
    rule.why.remove("next-ask")
    text = ExtractiveAnswerer(idf).answer(qa, [lead, *layers, rule, label]).text
    assert "API: Database" not in text


def _op(seq: int, text: str, summary: str | None = "Token Endpoint") -> Hit:
    c = Chunk(text=text, release="latest", repo="r", folder="bb-identity", path="api/idp.yaml", kind="api_operation",
              bb="identity", heading_path=["Identity", "POST /oauth/token"],
              extra={"method": "POST", "api_path": "/oauth/token", "summary": summary, "seq": seq})
    return Hit(f"op{seq}", c, 1.0 / (seq + 1))


def test_a_long_operation_description_split_over_passages_is_read_for_the_question():
    """A long operation is split into passages on one line ("POST /oauth/token — Token Endpoint Once the client …
    1. The only supported client authentication method : <b>private_key_jwt</b> 2. …"): its description is read from
    there, without HTML, and of a long one the sentences the question asks about come along; a passage that goes on
    with the fields ("… (string) — The GPS co-ordinates …") names no summary."""
    desc = _op(0, "POST /oauth/token — Token Endpoint Once the client application receives the authorization code "
                  "through redirect, this endpoint will be called from the relying party backend application to get the "
                  "ID Token and Access Token. 1. The only supported client authentication method : <b>private_key_jwt</b> "
                  "2. The JWT payload of the assertion is shown in the example below and is signed by the client. "
                  "3. Signing keys are rotated every year by the administrators of the platform.")
    fields = _op(1, "POST /oauth/token — Token Endpoint Request body fields: grant_type (string, required) — Grant type.; "
                    "code (string, required) — Authorization code.")
    rest = _op(2, "redirect_uri (string, required) — Valid client redirect_uri. Responses: 200 OK", summary=None)
    qa = analyze("How does my backend authenticate itself when it calls the token endpoint of the Identity API?")
    text = ExtractiveAnswerer({"authent": 5.0, "authenticate": 5.0}).answer(qa, [fields, rest, desc]).text
    head = text.split("\n")[0]
    assert head.startswith("Use **`POST /oauth/token`** — Token Endpoint (Identity API)")
    assert "Once the client application receives the authorization code" in head
    assert "The only supported client authentication method : private_key_jwt" in head and "<b>" not in head
    assert "rotated" not in head  # a sentence of a long description that the question does not ask about
    assert "Fields: request body fields `grant_type`, `code`" in text
    from assistant.answer.offline import _op_summary
    assert _op_summary(rest) == "" and _op_summary(fields) == "Token Endpoint"


def test_a_use_case_question_leads_with_the_step_whose_sentence_answers_it_unless_it_names_a_step():
    def step(i, n, title, text):
        c = Chunk(text=f"{text}\n\nWorkflows: Client Communication\nBuilding blocks: Messaging", release="latest", repo="r",
                  folder="product-use-cases", path="use-cases/clmt-1-disaster-management.md", kind="use_case_step",
                  heading_path=["CLMT-1 Disaster Management", f"Step {n} {title}"],
                  extra={"uc_id": "CLMT-1", "uc_title": "Disaster Management", "step": str(n)})
        return Hit(f"s{i}", c, 1.0 / (i + 1))

    hits = [step(0, 2, "Risk Management & Planning", "Authorities draw up disaster plans for each region. "
                 "Protection methods are outlined against each identified disaster."),
            step(1, 3, "Early Warning Systems", "For residents in the vicinity of an imminent emergency, the authorities "
                 "can send a direct alert to warn them. Weather warnings go out via a mobile app.")]
    qa = analyze("How does the disaster management use case warn residents close to an imminent emergency?")
    assert qa.intent == "use_case"
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("In **CLMT-1 Disaster Management**, Step 3 Early Warning Systems: For residents")
    # a question that names the top step's subject keeps it
    qa = analyze("What does the disaster management use case do for risk planning?")
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("In **CLMT-1 Disaster Management**, Step 2 Risk Management & Planning:")


def _uc_hit(i, kind, heading, text, uc="AGR-2", title="Rural Advisory Service"):
    c = Chunk(text=text, release="latest", repo="r", folder="product-use-cases", path="use-cases/agr-2.md", kind=kind,
              heading_path=["Product Use Cases", f"{uc} {title}"] + ([heading] if heading else []),
              extra={"uc_id": uc, "uc_title": title, "building_blocks": "emarketplace,messaging,payments"})
    return Hit(f"u{i}", c, 1.0 / (i + 1))


def test_a_step_whose_text_and_labels_ingest_split_is_answered_from_its_text_and_names_its_blocks_when_asked():
    labels = _uc_hit(0, "use_case_step", "Step 7 Marketplace", "Workflows: Communication; Marketplace\n"
                     "Building blocks: E-Marketplace, Messaging, Payments")
    summary = _uc_hit(1, "use_case", None, "AGR-2 – Rural Advisory Service. This use case profiles advisory services.")
    text = _uc_hit(2, "use_case_step", "Step 7 Marketplace", "A marketplace is where farmers find vendors selling "
                   "products. Farmers can book a meeting with an agronomist.")
    qa = analyze("In the rural advisory service use case, what can farmers do in the marketplace step?")
    assert qa.intent == "use_case"  # the use case named in a lead-in clause still makes it a use-case question
    # …when the rest names two blocks' subjects joined by "and" too (cash transfer: Payments; enrollment: Registration)
    assert analyze("In the Unconditional Social Cash Transfer use case, what happens at the Enrollment step and where "
                   "is the programme-specific data kept?").intent == "use_case"
    assert analyze("In the cash transfer use case, how do the Payments and Registration BBs differ?").intent == "comparison"
    answer = ExtractiveAnswerer().answer(qa, [labels, summary, text]).text
    assert answer.startswith("In **AGR-2 Rural Advisory Service**, Step 7 Marketplace: A marketplace is where farmers")
    qa = analyze("In the rural advisory service use case, what can farmers do at the marketplace, and which building "
                 "blocks support that step?")
    answer = ExtractiveAnswerer().answer(qa, [summary, labels, text]).text
    assert answer.startswith("In **AGR-2 Rural Advisory Service**, Step 7 Marketplace:")
    assert "Building blocks: E-Marketplace, Messaging, Payments" in answer.split("\n")[0]
    # with only the labels retrieved, the use case's summary answers
    answer = ExtractiveAnswerer().answer(analyze("In the rural advisory service use case, what happens at the marketplace?"),
                                         [labels, summary]).text
    assert answer.startswith("**AGR-2 – Rural Advisory Service** uses these building blocks")


def test_a_lower_ranked_step_whose_title_the_question_names_answers_when_no_step_ranks_high():
    summary = _uc_hit(0, "use_case", None, "AGR-2 – Rural Advisory Service. This use case profiles advisory services.")
    other = [_uc_hit(i, "use_case", None, f"Another use case {i}.", uc=f"X-{i}", title="Other") for i in (1, 2, 3)]
    step = _uc_hit(4, "use_case_step", "Step 7 Marketplace", "A marketplace is where farmers find vendors selling "
                   "products. Farmers can book a meeting with an agronomist.")
    qa = analyze("In the rural advisory service use case, how do farmers meet vendors at the marketplace?")
    answer = ExtractiveAnswerer().answer(qa, [summary, *other, step]).text
    assert answer.startswith("In **AGR-2 Rural Advisory Service**, Step 7 Marketplace: A marketplace is where farmers")
    # a step whose title the question does not name leaves the summary to answer
    qa = analyze("In the rural advisory service use case, how do farmers meet vendors?")
    answer = ExtractiveAnswerer().answer(qa, [summary, *other, step]).text
    assert answer.startswith("**AGR-2 – Rural Advisory Service** uses these building blocks")


def test_a_step_the_question_names_as_a_step_answers_before_a_higher_ranked_one():
    summary = _uc_hit(0, "use_case", None, "AGR-2 – Rural Advisory Service. This use case profiles advisory services.")
    outreach = _uc_hit(1, "use_case_step", "Step 2 Outreach", "Farmers hear about the advisory service on the radio.")
    other = [_uc_hit(i, "use_case", None, f"Another use case {i}.", uc=f"X-{i}", title="Other") for i in (2, 3)]
    step = _uc_hit(4, "use_case_step", "Step 7 Marketplace", "A marketplace is where farmers find vendors selling "
                   "products. Farmers can book a meeting with an agronomist.")
    qa = analyze("In the rural advisory service use case, which building blocks support the marketplace step, and who "
                 "do farmers meet?")
    answer = ExtractiveAnswerer().answer(qa, [summary, outreach, *other, step]).text
    assert answer.startswith("In **AGR-2 Rural Advisory Service**, Step 7 Marketplace: A marketplace is where farmers")


def test_a_follow_up_on_a_use_case_step_carries_the_step_and_that_step_answers(monkeypatch):
    """a33-007: "… what happens during the enrollment step?" → "And where is the data collected at that point kept?"
    The follow-up carries the previous asking sentence (query.USE_CASE_CARRIED; cash transfer had carried only the
    Payments block), stays a use-case question, and the step it names leads though another step ranked first
    (NAMED_STEP_FIRST)."""
    import assistant.answer.offline as offline
    import assistant.query as query

    first = "In the rural advisory cash transfer use case, what happens during the marketplace step?"  # (→ Payments)
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}]
    follow = "And who do farmers meet at that point?"
    qa = analyze(follow, history)
    assert qa.bbs == ["payments"] and qa.intent == "use_case" and "marketplace step" in qa.standalone
    outreach = _uc_hit(0, "use_case_step", "Step 2 Outreach", "Farmers hear about the advisory service on the radio.")
    step = _uc_hit(1, "use_case_step", "Step 7 Marketplace", "A marketplace is where farmers find vendors selling "
                   "products. Farmers can book a meeting with an agronomist.")
    answer = ExtractiveAnswerer().answer(qa, [outreach, step]).text
    assert answer.startswith("In **AGR-2 Rural Advisory Service**, Step 7 Marketplace:")
    monkeypatch.setattr(offline, "NAMED_STEP_FIRST", False)
    assert not ExtractiveAnswerer().answer(qa, [outreach, step]).text.startswith("In **AGR-2 Rural Advisory Service**, Step 7")
    monkeypatch.setattr(query, "USE_CASE_CARRIED", False)
    assert "marketplace step" not in analyze(follow, history).standalone


def test_a_flow_whose_diagram_is_a_passage_of_its_own_is_introduced_by_the_passage_before_it():
    intro = _part(4, "If the user only wants a quick machine, a lean flow can be adopted. The image is preset and "
                     "no disk size is asked for.", 1)
    diagram = _part(5, "* User chooses a VM size\n* Cloud boots the preset image\n* Cloud returns the VM address", 0)
    qa = analyze("How does the VM provisioning flow differ for a quick machine?")
    assert qa.intent == "workflow"
    text = ExtractiveAnswerer().answer(qa, [diagram, intro]).text
    assert text.startswith("If the user only wants a quick machine, a lean flow can be adopted.")
    assert "1. User chooses a VM size" in text
    # the passage before it in another section says nothing about it
    other = Hit("o", Chunk(text=intro.chunk.text, release="latest", repo="r", folder="bb-cloud", path="spec/9-workflows.md",
                          kind="prose", bb="cloud-infrastructure", heading_path=["Cloud", "9.2 Other"], extra={"seq": 4}), 0.5)
    assert ExtractiveAnswerer().answer(qa, [diagram, other]).text.startswith("1. User chooses a VM size")


def test_the_related_operations_of_an_api_answer_are_the_lead_operations_own_blocks():
    def op(i, bb, method, path, summary):
        c = Chunk(text=f"{method} {path} — {summary}", release="latest", repo="r", folder=f"bb-{bb}", path="api/x.yml",
                  kind="api_operation", bb=bb, heading_path=[bb, f"{method} {path}"],
                  extra={"method": method, "api_path": path, "summary": summary})
        return Hit(f"op{i}", c, 1.0 / (i + 1))

    hits = [op(0, "registration", "POST", "/tasks/{taskId}/complete", "Complete task by id"),
            op(1, "gis", "GET", "/taskResult/{taskId}", "Get the result of a geoprocessing task"),
            op(2, "registration", "GET", "/tasks", "Retrieve all tasks")]
    text = ExtractiveAnswerer().answer(analyze("Which endpoint marks a registration task as complete?"), hits).text
    assert text.startswith("Use **`POST /tasks/{taskId}/complete`**")
    assert "`GET /tasks`" in text and "/taskResult" not in text


def test_a_term_question_that_also_asks_for_its_kinds_defines_it_then_lists_the_sections_of_each_kind():
    qa = analyze("What does 'holder binding' mean in the Wallet BB spec, and what kinds of holder binding are defined?")
    assert qa.intent == "term" and qa.term == "holder binding" and qa.enumerates == "binding"
    g = Chunk(text="Holder Binding: the property that lets verifiers trust the presenter is the credential's holder.",
              release="latest", repo="r", folder="bb-wallet", path="spec/3-terminology.md", kind="glossary_term",
              bb="wallet", heading_path=["Wallet", "3 Terminology", "Holder Binding"], extra={"term": "Holder Binding"})
    hits = [Hit("g", g, 1.0)]
    for i, (title, text) in enumerate([("5.2.1.1. Cryptographic Holder Binding", "Credentials are bound to a key."),
                                       ("5.2.1.2. Claim-based Holder Binding", "No cryptographic binding identifier."),
                                       ("5.2.1.3. Biometrics-based Holder Binding", "A biometric trait authenticates.")], 1):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-wallet", path="spec/5-cross-cutting-requirements.md",
                  kind="prose", bb="wallet", heading_path=["Wallet", "5.2.1. Holder Binding", title], extra={"seq": i})
        hits.append(Hit(f"s{i}", c, 0.5 / i, why=["section-list"]))
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("**Holder Binding** (Wallet specification): The property")
    assert "describes 3 bindings" in text and text.index("Claim-based Holder Binding**: No cryptographic") > text.index(
        "**Holder Binding**")


def test_a_yes_no_answer_opens_with_the_sentence_that_answers_it():
    """The lead passage is quoted in its own order, but a yes/no question's verdict comes first when it clearly
    outscores the passage's opening; a sentence that leans on the one before it ("This ensures …") stays in place."""
    passage = ("A building block is only so useful on its own. In practice, building blocks must be connected in a "
               "trusted manner. An Information Mediator is not required for communication between building blocks "
               "which are co-located.")
    qa = analyze("Does every call between two co-located building blocks have to go through the Information Mediator?")
    text = ExtractiveAnswerer().answer(qa, [_hit(0, passage, "Federation")]).text
    assert text.startswith("An Information Mediator is not required"), text
    leaning = passage.replace("An Information Mediator is not required", "This means an Information Mediator is not required")
    text = ExtractiveAnswerer().answer(qa, [_hit(0, leaning, "Federation")]).text
    assert text.startswith("A building block is only"), text
    # not a yes/no question: document order
    qa = analyze("How do co-located building blocks communicate with the Information Mediator?")
    assert ExtractiveAnswerer().answer(qa, [_hit(0, passage, "Federation")]).text.startswith("A building block"), text


def test_a_list_the_answer_said_already_is_not_said_again():
    """A further question answered from the lead's own passage (z17-015: "What URL do I actually hit?") brings that
    passage's intro line and so its list: the items said already are left out, and a list said whole takes its intro
    line with it."""
    from assistant.answer.evidence import Evidence
    from assistant.retrieve import tokenize

    h = _hit(0, "The REST request must use HTTPS to the local security server.\n\nThe components of the request must be:\n\n"
                "* Security server URL of the caller\n* Instance of the caller (e.g., Country)\n"
                "* Member of the caller (e.g., Ministry of X)", "Accessing Services")
    ev = Evidence([h])
    me = ExtractiveAnswerer()
    me._start_answer()
    units = units_of(h.chunk.text, 0)
    first = me._passage_points(ev, [u for u in units if u.text.startswith("The components")], me._taken)
    assert first.count("- ") == 3 and "Member of the caller" in first
    again = me._passage_points(ev, [u for u in units if not u.text.startswith("The REST")], me._taken)
    assert "caller" not in again and "components" not in again
    # a list partly said: only the items not said yet
    me._taken = {" ".join(tokenize("Security server URL of the caller"))}
    part = me._passage_points(ev, [u for u in units if u.text.startswith("The components")], me._taken)
    assert "Security server URL" not in part and "Instance of the caller" in part and "components" in part


def test_a_supporting_point_is_not_repeated_after_it_came_with_the_point_that_leans_on_it():
    """"This ensures …" brings the sentence it points back at; that sentence, picked as a point of its own before the
    lines were written, is not said a second time (arch-003 said "Each building block deployment SHOULD use an
    Information Mediator …" twice)."""
    qa = analyze("Can two building blocks exchange data through a shared database?")
    lead = _hit(0, "Building blocks MUST NOT use shared databases, file systems or memory for data exchange.", "Rules")
    im = _hit(1, "Each building block deployment SHOULD use an Information Mediator to federate with other consumers. "
                 "This ensures that two building blocks exchange data through the mediator, not through a shared database.",
              "Information Mediator")
    idf = {"shared": 4.0, "database": 5.0, "exchange": 3.0, "data": 1.0}
    text = ExtractiveAnswerer(idf).answer(qa, [lead, im]).text
    assert "This ensures that two building blocks" in text
    assert text.count("Each building block deployment SHOULD use") == 1


def test_a_supporting_line_introducing_a_figure_ends_as_a_sentence(monkeypatch):
    """"… four main phases, as illustrated in the figure below:" is followed by a figure, not words: as a supporting
    point it ends with a full stop, not a colon left hanging. (The passage is kept a supporting point: the question says
    its section's title, "Lifecycle", which would otherwise make it the lead — offline.TITLE_NAMED_LEADS.)"""
    import assistant.answer.offline as offline

    monkeypatch.setattr(offline, "TITLE_NAMED_LEADS", False)
    qa = analyze("What phases does the lifecycle of a consent agreement have?")
    lead = _hit(0, "Consent agreements are versioned documents signed by the individual.", "Agreements")
    phases = _hit(1, "A consent agreement life-cycle has four main phases, as illustrated in the figure below:\n\n"
                     "[Figure: lifecycle]", "Lifecycle")
    idf = {"phases": 5.0, "lifecycle": 4.0, "life": 3.0, "cycle": 3.0}
    text = ExtractiveAnswerer(idf).answer(qa, [lead, phases]).text
    assert "has four main phases, as illustrated in the figure below. [2]" in text and "below:" not in text


def test_a_lead_sentence_introducing_a_code_block_ends_as_a_sentence():
    qa = analyze("How do cloud providers publish the status of their services?")
    lead = _hit(0, "Providers publish the status of their services through an API. An example API specification for the "
                   "status of services would look like this:\n\n```yaml\nopenapi: 3.0.0\ninfo:\n  title: Status API\n"
                   "paths:\n  /status:\n    get:\n      summary: the status of each service\n```", "Status page")
    text = ExtractiveAnswerer({"status": 4.0, "publish": 4.0}).answer(qa, [lead]).text
    assert "would look like this. [1]" in text and "this:" not in text


def test_a_short_item_chosen_without_its_lists_intro_line_is_left_out():
    """"Domain of member." / "Member (e.g., Ministry of X)" chosen on their words, without the line that says what
    they are the parts of, read as fragments (y16-027): they are left out when the passage has more to say."""
    from assistant.answer.evidence import Evidence

    h = _hit(0, "The REST request must use HTTPS to the local security server.\n\nThe components of the request that "
                "every calling application sends must be (with colour code):\n\n* Security server URL\n* Domain of member\n"
                "* Member (e.g., Ministry of X)", "Accessing Services")
    me = ExtractiveAnswerer()
    me._start_answer()
    units = units_of(h.chunk.text, 0)
    text = me._passage_points(Evidence([h]), [u for u in units if not u.text.startswith("The components")], me._taken)
    assert "local security server" in text and "Domain of member" not in text and "Ministry of X" not in text
    # … and kept when they are all it has
    me._start_answer()
    items = me._passage_points(Evidence([h]), [u for u in units if u.kind == "item"], me._taken)
    assert "Domain of member" in items


def test_a_supporting_point_of_a_few_words_is_a_label_and_is_left_out():
    qa = analyze("Which use case covers the construction permit application?")
    lead = _hit(0, "The construction permit use case covers the application for a construction permit online. The "
                   "permit application is reviewed by the construction permit office.", "INF-1")
    other = _hit(1, "Other use cases follow below.\n\nINF-1 – Construction Permit.\n\nThe permit is issued after the "
                    "plans are approved by the municipality.", "Use cases")
    text = ExtractiveAnswerer({"construction": 4.0, "permit": 4.0, "application": 2.0}).answer(qa, [lead, other]).text
    assert text.startswith("The construction permit use case")
    assert "issued after the plans are approved" in text and "INF-1 – Construction Permit." not in text


LOG_ITEM = ("* The purpose of the message log is to provide means to prove the reception of a request or response message "
            "to a third party. Messages exchanged between security servers are signed and encrypted. For every regular "
            "request and response, the security server produces a completely signed and timestamped document, which "
            "it keeps together with the original message for as long as the retention policy of the member requires. "
            "At a minimum, the log must store metadata that identifies a specific message, the status of the "
            "transaction carried out on that message, along with source ID and date time stamp.")


def test_a_long_item_is_quoted_in_whole_sentences_with_the_one_the_question_asks_about():
    """An item longer than a quote may be was cut at its length: "At a minimum, the log must store metadata that
    identifies a…" (h24-004). The sentence past the cut that the question asks about takes the place of one that
    does not, and the quote marks the gap."""
    from assistant.answer.evidence import Evidence

    h = _hit(0, LOG_ITEM, "Logging Services")
    me = ExtractiveAnswerer({"minimum": 5.0, "store": 3.0, "log": 3.0, "message": 1.0})
    me._start_answer()
    me._qtoks = {"minimum", "store", "log", "message"}
    line = me._sentence(Evidence([h]), units_of(h.chunk.text, 0)[0])
    assert "source ID and date time stamp. [1]" in line and line.startswith("The purpose of the message log")
    assert " … At a minimum, the log must store" in line and "completely signed" not in line
    # a question none of whose words come after the cut: the item is clipped where it was
    me._start_answer()
    me._qtoks = {"purpose", "third"}
    line = me._sentence(Evidence([h]), units_of(h.chunk.text, 0)[0])
    assert "source ID" not in line and line.endswith("… [1]") and " … " not in line and "completely signed" in line


def test_a_lead_list_split_by_the_chunker_goes_on_with_the_items_asked_about():
    """The scope list's fifth item ends one passage; the item on consent opens the next (brought along, ranked low).
    The answer quotes it after the lead's own items; an item of the next passage on nothing asked stays out."""
    from assistant.answer.offline import ExtractiveAnswerer as _Answerer

    def chunk(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-registration", path="spec/4-kdf.md", kind="prose",
                     bb="registration", heading_path=["Registration", "4 Key Digital Functionalities",
                                                      "4.4 Out-of-Scope Assumptions"], extra={"seq": seq})

    own = "\n".join(f"* {what} is not covered in this Building Block. See more in the {bb} Building Block."
                    for what, bb in (("Long-term storing of registration data", "Digital Registries"),
                                     ("Event notification from external endpoints", "Messaging"),
                                     ("Payment of registration fees", "Payment"),
                                     ("Data transfer security between agencies", "Information Mediator")))
    goes_on = ("* Consent management for applicants is not covered in this Building Block. See more in the Consent "
               "Building Block.\n* Integration with special hardware such as scanners is not covered in this Building Block.")
    hits = [Hit("a", chunk(0, own), 1.0, 0.7)] + [Hit(f"o{i}", Chunk(
        text=f"Applicants fill in forms on screen {i} and submit documents to the registrar for review.", release="latest",
        repo="r", folder="bb-registration", path=f"spec/6-{i}.md", kind="prose", bb="registration",
        heading_path=["Registration", "6 Functional Requirements"], extra={"seq": 0}), 0.5 - i / 100, 0.5)
        for i in range(7)] + [Hit("b", chunk(1, goes_on), 0.0, 0.3, why=["continues"])]
    qa = analyze("Does the Registration BB itself take the fee payments and consent of applicants, or are those other "
                 "building blocks?")
    lead = _Answerer().answer(qa, hits).text.split("Also in")[0]
    assert "Payment of registration fees" in lead and "Consent management for applicants is not covered" in lead
    assert "special hardware" not in lead


def test_or_are_those_other_building_blocks_asks_for_the_scope():
    from assistant.query import ASKS_SCOPE

    assert ASKS_SCOPE.search("Does the Registration BB itself handle fee payments and consent capture, or are those "
                             "other building blocks?")
    assert not ASKS_SCOPE.search("Which payments are those other building blocks making?")
    assert ASKS_SCOPE.search("Does the Messaging BB decide when those go out, or does another block handle the timing?")
    assert not ASKS_SCOPE.search("How does another block handle the timing?")
    assert ASKS_SCOPE.search("Is it the website's content management system that keeps those answers, or a different "
                             "building block?")
    assert not ASKS_SCOPE.search("Does it keep them in a database or a different format?")
    assert ASKS_SCOPE.search("does the registration bb keep our records for years or do we need some other block for that")
    assert ASKS_SCOPE.search("Will the Payments BB work out who gets paid, or do we have to prepare that list ourselves?")
    assert not ASKS_SCOPE.search("Do we have to prepare that list ourselves?")
    # whether the job is the block's at all
    assert ASKS_SCOPE.search("office to office, not to farmers. is the messaging bb the right tool for that?")
    assert ASKS_SCOPE.search("ok can i use it for agency to agency msgs too?")
    assert not ASKS_SCOPE.search("can i use it for agency to agency messages?")  # how, not whether
    assert not ASKS_SCOPE.search("What is the right tool for geocoding?")
    assert ASKS_SCOPE.search("We'd like to replay boat tracks on a map. Is that something the GIS building block covers?")
    assert not ASKS_SCOPE.search("Is that something the GIS building block should log?")


def test_a_table_row_reads_with_its_columns_named():
    c = Chunk(text="| Field | Type | M/O | Description |\n|---|---|---|---|\n| requestID | String (12) | M | Globally unique ID |\n"
                   "| paymentModality | String (2) | O | 00 for Bank Account, 01 for Mobile Money |",
              release="latest", repo="r", folder="bb-payments", path="spec/7-data-structures.md", kind="prose",
              bb="payments", heading_path=["Payments", "7 Data Structures", "7.1 Register Beneficiary"], extra={"seq": 0})
    text = ExtractiveAnswerer().answer(analyze("What fields does the Payments BB register beneficiary request have?"),
                                       [Hit("a", c, 1.0, 0.7)]).text
    assert "requestID — Type: String (12); M/O: M; Description: Globally unique ID" in text
    assert "paymentModality — Type: String (2); M/O: O; Description: 00 for Bank Account" in text


def test_a_passages_closing_sub_heading_that_introduces_the_next_passage_is_not_quoted():
    text = ("There are some disadvantages of one-time signatures as well.\n\n"
            "_Key deletion:_ The private key is deleted from the HSM, so a signature cannot be renewed.\n\n"
            "_Short validity:_ The one-time signature certificate expires one minute after it is created.\n\n"
            "**2. Remote signature with a qualified device**")
    qa = analyze("What are the disadvantages of one-time signatures?")
    ans = ExtractiveAnswerer().answer(qa, [_hit(0, text, "One-time signature")]).text
    assert "The private key is deleted from the HSM" in ans and "Remote signature with a qualified device" not in ans
    # … but a closing line pointing at what follows stays (the next passage comes with it: _what_follows)
    text = text.replace("**2. Remote signature with a qualified device**", "The steps are shown below:")
    ans = ExtractiveAnswerer().answer(qa, [_hit(0, text, "One-time signature")]).text
    assert "The steps are shown below" in ans


def test_a_one_sentence_passage_on_the_question_keeps_the_lead_over_a_list_of_loosely_related_items():
    # (a passage is as much on the question as the mean of its best units: the sum of a list's items outweighed one note)
    note = ("As most Android phones do not have a hardware security module, a trusted execution environment can be used to "
            "store the signing keys.")
    listing = ("The signing service must provide a secure environment to:\n\n* Store the signing keys\n"
               "* Store sensitive signing information\n* Keep the keys used for signing documents\n"
               "* Sign documents with the stored keys")
    qa = analyze("We sign permits on cheap Android phones without a hardware security module. Where does the spec suggest "
                 "storing the signing keys?")
    ans = ExtractiveAnswerer().answer(qa, [_hit(0, note, "Key storage"), _hit(1, listing, "Secure storage")]).text
    assert ans.startswith("As most Android phones do not have a hardware security module")


def test_paging_through_a_list_asks_for_its_parameters_described():
    from assistant.answer.offline import ASKS_INPUT

    assert ASKS_INPUT.search("which endpoint lists consent records, and how do I page through the results?")
    assert ASKS_INPUT.search("Is the audit list paginated?")
    assert not ASKS_INPUT.search("Which page of the spec describes the audit list?")


def test_those_things_in_a_new_word_carry_the_previous_question(monkeypatch):
    """c35-027: "Can the Scheduler BB handle repeated events with the same name?" → "What happens to the bookings if we
    delete one of those sessions?": "those sessions" are the events asked about, which the follow-up's own words do not
    say (query.PLURAL_POINTS_BACK); "those emails" after "emailing notices" names them already."""
    import assistant.query as query

    first = "We run field schools in many villages. Can the Scheduler BB handle repeated events with the same name?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}]
    follow = "What happens to the bookings if we delete one of those sessions?"
    assert "repeated events with the same name" in analyze(follow, history).standalone
    emails = [{"role": "user", "content": "We're emailing notices through the Messaging BB. Which endpoint sends a batch?"},
              {"role": "assistant", "content": "…"}]
    assert "Which endpoint sends a batch" not in analyze("and how do we count those emails that bounced?", emails).standalone
    monkeypatch.setattr(query, "PLURAL_POINTS_BACK", False)
    assert "repeated events" not in analyze(follow, history).standalone


def test_a_long_sequence_diagram_comes_after_the_plain_list_of_its_stages():
    def hit(i, path, title, text):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path=path, kind="prose",
                  bb="esignature", heading_path=["E-Signature", title], extra={"seq": i})
        return Hit(f"h{i}", c, 1.0 / (i + 1))

    arrows = "\n".join(f"Backend ->> HSM : step {n} of signing" for n in range(12))
    diagram = hit(0, "spec/9-workflows.md", "9.1 Workflow for one-time signing",
                  f"This internal workflow provides one-time signature.\n\n```mermaid\nsequenceDiagram\n{arrows}\n```")
    stages = hit(1, "spec/2-description.md", "2.2.1 One-Time Signature Approach",
                 "* User authenticates against the ID Building Block\n* A new key pair is created in the HSM\n"
                 "* The certificate is set to expire 1 minute from the time of creation\n"
                 "* The private key is deleted from the HSM")
    other = hit(2, "spec/2-description.md", "2.2.2 SCD-based approach",
                "* The user selects a device\n* The user enters a PIN\n* The device signs\n* The signature is sent")
    text = ExtractiveAnswerer().answer(analyze("How does one-time signing work step by step?"), [diagram, stages, other]).text
    short, _, steps = text.partition("Step by step (Workflow for one-time signing):")
    assert "In short (One-Time Signature Approach):" in short and "private key is deleted from the HSM" in short
    assert "Backend → HSM: step 0 of signing" in steps and "The user enters a PIN" not in short
    # a short flow needs no overview
    few = hit(0, "spec/9-workflows.md", "9.1 Workflow for one-time signing",
              "```mermaid\nsequenceDiagram\n" + "\n".join(arrows.splitlines()[:4]) + "\n```")
    assert "In short" not in ExtractiveAnswerer().answer(analyze("How does one-time signing work step by step?"),
                                                         [few, stages]).text


def test_a_lead_that_is_only_the_tail_of_a_split_list_is_read_from_where_the_list_starts():
    def part(seq, text, score):
        c = Chunk(text=text, release="latest", repo="r", folder="specifications", path="ux/connectivity.md",
                  kind="prose", heading_path=["UI UX", "3.4.2.2 Account for connectivity issues"], extra={"seq": seq})
        return Hit(f"p{seq}", c, score)

    start = part(0, "Account for connectivity issues in different regions.\n\n"
                    "1. Utilise Service Workers for Offline Functionality: serve cached responses.\n"
                    "2. Choose the Right Caching Strategies: a network first, then cache strategy.\n"
                    "3. Implement Local Storage: store some data on the user's device.", 0.5)
    tail = part(1, "4. Test Under Low-Connectivity Conditions: use network throttling tools.", 0.9)
    text = ExtractiveAnswerer().answer(analyze("any guidance on making gov web services usable on a bad connection?"),
                                       [tail, start]).text
    assert "Service Workers for Offline Functionality" in text and "network first, then cache" in text


def _ux_part(seq, text, label=None):
    """A passage of a page laying out options under bold labels, `label` the one in force where it starts."""
    c = Chunk(text=text, release="latest", repo="r", folder="specifications", path="arch/8-ux-switching.md",
              kind="prose", heading_path=["Architecture", "8 UX Switching and Handover"],
              extra={"seq": seq, **({"label": label} if label else {})})
    return Hit(f"x{seq}", c, 1.0 / (seq + 1))


def test_options_a_page_lays_out_under_bold_labels_are_compared_option_by_option():
    hits = [_ux_part(0, "The following ways are possible:\n\n**1. OpenID Connect based Single Sign-On (SSO)**\n\n"
                    "A token from the identity server is passed to the other building block."),
            _ux_part(1, "There are some inherent disadvantages of OpenID Connect as well:\n\n_Authentication:_ The called "
                    "application gets user authentication, but not authentication of the calling application.\n\n"
                    "_Increased Complexity:_ Configuring the OAuth 2.0 framework takes effort.",
                 "OpenID Connect based Single Sign-On (SSO)"),
            _ux_part(2, "3. **Key-based, decentralized Authentication**\n\nKeys are exchanged between the applications.\n\n"
                    "_Authentication:_ The called application authenticates the calling application. However, this "
                    "does not authenticate the user.")]
    qa = analyze("What does OpenID Connect SSO fail to authenticate compared with key-based decentralized authentication?")
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("The GovStack Architecture (8 UX Switching and Handover) lays out these options:")
    sso, _, key = text.partition("**Key-based, decentralized Authentication**")
    assert "**OpenID Connect based Single Sign-On (SSO)**" in sso and "not authentication of the calling application" in sso
    assert "does not authenticate the user" in key
    # a question that names one option, or compares nothing, is answered as before
    one = ExtractiveAnswerer().answer(analyze("How does OpenID Connect SSO authenticate the user?"), hits).text
    assert "lays out these options" not in one


def test_a_question_asking_what_options_there_are_gets_them_all_numbered_with_the_pages_verdict():
    hits = [_ux_part(0, "The following ways are possible:\n\n**1. OpenID Connect based Single Sign-On (SSO)**\n\n"
                    "A token from the identity server is passed to the other building block."),
            _ux_part(1, "**2. IFRAME based Secure Proxy Authentication**\n\nThe calling application embeds the called "
                    "application's screen in an iframe.", "OpenID Connect based Single Sign-On (SSO)"),
            _ux_part(2, "**3. Hybrid Model**\n\nThis combines OpenID Connect with a one-time key from the called block.\n\n"
                    "Any of these mechanisms may be used, depending on the implementation. In general GovStack "
                    "recommends option 1 or option 3.", "IFRAME based Secure Proxy Authentication")]
    listed = ExtractiveAnswerer().answer(analyze("What options does GovStack describe for UX switching?"), hits).text
    assert listed.startswith("The GovStack Architecture (8 UX Switching and Handover) lays out these options:")
    assert "1. **OpenID Connect based Single Sign-On (SSO)**" in listed and "3. **Hybrid Model**" in listed
    assert listed.index("3. **Hybrid Model**") < listed.index("recommends option 1 or option 3")  # the verdict closes
    # asked which one is recommended: the verdict first, and not again among the options' points
    which = ExtractiveAnswerer().answer(analyze("Which UX switching mechanism does GovStack recommend?"), hits).text
    assert which.startswith("Any of these mechanisms may be used") and which.count("recommends option 1") == 1
    assert "2. **IFRAME based Secure Proxy Authentication**" in which
    # a question about something else on the page lists no options
    one = ExtractiveAnswerer().answer(analyze("What does the Hybrid Model combine?"), hits).text
    assert "lays out these options" not in one
    # two of them named, with the verdict naming options by number: each keeps the page's number in its label
    two = ExtractiveAnswerer().answer(analyze("Between an iframe based secure proxy and a hybrid model, what does "
                                              "GovStack recommend?"), hits).text
    assert two.startswith("Any of these mechanisms may be used")
    assert "- **Option 2: IFRAME based Secure Proxy Authentication**" in two and "- **Option 3: Hybrid Model**" in two


def test_a_rule_stated_in_one_long_sentence_is_quoted_whole_up_to_its_level():
    rule = ("The Scheduler must send alerts either directly to a Rest-API of the target Building Block or through the "
            "Messaging Building Block or through a Pub/Sub room. The choice is an implementation time decision, but "
            "direct alerting is preferred sparingly for time-critical alerts, other asynchronous alerts can use "
            "Messaging Building Block based alerts suited for endpoints on mobile client apps, while Pub/Sub should be "
            "chosen only when it is okay that the sender has no control of who reads it in the room (REQUIRED)")
    c = Chunk(text=f"* {rule}", release="latest", repo="r", folder="bb-scheduler", path="spec/6-functional-requirements.md",
              kind="requirement", bb="scheduler", heading_path=["Scheduler", "6.4 Alert Message Management"])
    text = ExtractiveAnswerer().answer(analyze("When should Scheduler alerts go through Messaging or a Pub/Sub room?"),
                                       [Hit("r0", c, 1.0)]).text
    assert "Pub/Sub should be chosen only when it is okay" in text and "(REQUIRED)" in text


def test_a_figure_question_leads_with_the_figure_its_answer_would_otherwise_bury():
    qa = analyze("How long is the one-time signature certificate valid for?")
    hits = [_hit(0, "The one-time signature certificate is valid for the signature of one document only, and the one-time "
                    "signature key is deleted after signing.", "One-time signature"),
            _hit(1, "Certificate Management. Certificates expire 1 minute after creation.", "Certificate Management")]
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert text.startswith("Certificates expire 1 minute after creation. [1]"), text
    assert "signing. [2]" in text  # citations numbered in the order the text cites them


def test_of_two_option_sections_the_one_needing_nothing_the_asker_lacks_answers():
    def section(i, title, text):
        c = Chunk(text=text, release="latest", repo="r", folder="bb-esignature", path="spec/2-description.md", kind="prose",
                  bb="esignature", heading_path=["E-Signature", "2.2 eSignature Lifecycle", title], extra={"seq": i})
        return Hit(f"s{i}", c, 1.0 / (i + 1))

    scd = section(0, "2.2.2 SCD-based approach", "The SCD is a personal device of the user, such as a Smart Card or a USB "
                  "token. The user is shown his choice to sign or not to sign.")
    ots = section(1, "2.2.1 One-Time Signature Approach", "This approach does not require any device to be owned by the "
                  "end user.\n\n* A new key pair is created in the HSM\n* The private key is deleted from the HSM")
    qa = analyze("Most citizens don't own smart cards or USB signing devices. How can they still sign documents in the "
                 "eSignature BB?")
    text = ExtractiveAnswerer().answer(qa, [scd, ots]).text
    assert text.startswith("**One-Time Signature Approach** (E-Signature specification, 2.2.1):"), text
    assert "The private key is deleted from the HSM" in text
    # a question that lacks nothing gets the answer its intent builds
    plain = ExtractiveAnswerer().answer(analyze("How can citizens sign documents in the eSignature BB?"), [scd, ots]).text
    assert not plain.startswith("**One-Time Signature Approach**")


def test_a_scope_question_opens_with_the_jobs_the_block_hands_to_others():
    flow = Hit("f", Chunk(text="Workflow BB triggers the event. Messaging BB sends the message to the person.", release="latest",
                          repo="r", folder="bb-messaging", path="spec/9-workflows.md", kind="prose", bb="messaging",
                          heading_path=["Messaging", "9 Workflows"]), 1.0)
    scope = Hit("s", Chunk(text="* Scheduling messages according to some business logic is out of the scope of this Building "
                                "Block because is done by Scheduler Building Block.\n* Fully offline scenarios.",
                           release="latest", repo="r", folder="bb-messaging", path="spec/2-description.md", kind="prose",
                           bb="messaging", heading_path=["Messaging", "2 Description", "Out-of-Scope Assumptions"]),
                0.0, why=["scope-handover"])
    qa = analyze("does the messaging bb handle the timing of reminders or is that a different bb?")
    text = ExtractiveAnswerer().answer(qa, [flow, scope]).text
    assert text.startswith("The Messaging specification leaves these jobs to other building blocks:\n- Scheduling messages"), text
    assert "Fully offline" not in text.split("\n\n")[0]  # (it names no other block)


def test_a_scope_question_opens_with_the_blocks_sentence_disclaiming_the_job_asked_about():
    """b51-003: "does the id bb decide what a logged in user is allowed to do, or does that live somewhere else?" —
    "Authorization is not the responsibility of the Identity Building Block", from its glossary, answers it first."""
    def hit(i, text, section):
        return Hit(f"h{i}", Chunk(text=text, release="latest", repo="r", folder="bb-identity", path=f"spec/{i}.md",
                                  kind="prose", bb="identity", heading_path=["Identity", section]), 1.0 / (i + 1))
    login = hit(0, "The relying party lets the end user log in with their National ID and gets verified claims.", "9 Workflows")
    auth = hit(1, "Authorization: The process of authorizing a user to perform an action. Authorization is not the "
                  "responsibility of the Identity Building Block.", "3 Terminology")
    other = hit(2, "Fully offline enrolment is out of scope.", "2 Description")
    qa = analyze("does the id bb decide what a logged in user is allowed to do once theyre in? or does that live somewhere else")
    text = ExtractiveAnswerer().answer(qa, [login, auth, other]).text
    assert text.startswith("The Identity specification says: Authorization is not the responsibility of the Identity"), text
    assert "offline enrolment" not in text.split("\n\n")[0]  # (it disclaims another job)
    # b51-004: "can we run … through the … building block?" asks it too ("… are not covered in this specification")
    pay = Hit("p", Chunk(text="Government to Government (G2G) are not covered in this specification and will be covered in "
                              "a later phase.", release="latest", repo="r", folder="bb-payments", path="spec/2.md",
                         kind="prose", bb="payments", heading_path=["Payments", "2 Description"]), 0.5)
    qa = analyze("Can we run those transfers between government bodies through the Payments building block?")
    assert ExtractiveAnswerer().answer(qa, [pay]).text.startswith("The Payments specification says: Government to Government")
    # m42-006: "… or does it expect that to have happened already?" — the block assumes it done before it
    em = Hit("e", Chunk(text="However, for the sake of simplicity, the use cases covered in this scope assume that the "
                             "suppliers (businesses) are already vetted and empanelled by the buyer.", release="latest",
                        repo="r", folder="bb-emarketplace", path="spec/2.md", kind="prose", bb="emarketplace",
                        heading_path=["E-Marketplace", "2 Description"]), 0.5)
    qa = analyze("Does the e-Marketplace Building Block take care of screening and approving suppliers, or does it expect "
                 "that to have happened already?")
    assert ExtractiveAnswerer().answer(qa, [em]).text.startswith("The E-Marketplace specification says: However")
    # a question that does not ask whether the job is the block's gets no such lead
    plain = ExtractiveAnswerer().answer(analyze("How does a user log in with the Identity BB?"), [login, auth, other]).text
    assert not plain.startswith("The Identity specification says: Authorization")


def test_a_process_answer_takes_the_steps_that_follow_its_top_passage_over_another_flows_steps():
    """The top passage introduces a flow in prose ("9.2.2 Presenting Credentials Cross Device") and its diagram is the
    next passage of its section; another section's flow (same device), with its own steps, ranks second. The answer's
    steps are the top passage's flow, not the other one's, though that one lists steps too."""
    from types import SimpleNamespace

    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def page(seq: int, section: str, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-wallet", path="spec/9-workflows.md",
                     kind="prose", bb="wallet", heading_path=["Wallet", "9 Workflows", section], extra={"seq": seq})

    same = page(0, "9.2.1 Same device", "The Holder presents the credential to a Verifier on the same device.\n\n"
                "```plant-uml\nHolder -> Verifier: Interacts\nVerifier -> Wallet: Request\nWallet -> Verifier: Response\n```")
    cross = page(1, "9.2.2 Cross device", "The Holder presents the credential to a Verifier on a different device. "
                 "The Verifier renders the request as a QR code.")
    diagram = page(2, "9.2.2 Cross device", "```plant-uml\nVerifier -> Verifier: Render QR code\n"
                   "Wallet -> Verifier: Scan QR code\nWallet -> Holder: Consent Request\nWallet -> Verifier: Send VP\n```")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (same, cross, diagram)]))
    qa = analyze("How do I present a credential to a verifier on a different device, step by step?")
    assert qa.intent == "workflow"
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(cross.id, cross, 1.0, 0.6), Hit(same.id, same, 0.9, 0.6)],
                              "latest")
    assert hits[-1].id == diagram.id and "own-steps" in hits[-1].why
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert "1. Verifier → Verifier: Render QR code" in text and "Interacts" not in text.split("Also in")[0]
    # without the rule, the listed steps of the other flow answer
    import assistant.service as service
    service.TOP_SECTION_STEPS = False
    try:
        hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(cross.id, cross, 1.0, 0.6), Hit(same.id, same, 0.9, 0.6)],
                                  "latest")
        assert diagram.id not in [h.id for h in hits]
    finally:
        service.TOP_SECTION_STEPS = True


def test_the_prose_a_flows_diagram_follows_is_quoted_from_its_start():
    """The prose before a flow's diagram tells the flow in order: its first sentences are quoted, not the ones sharing
    most words with the question (the QR-code sentence of the Wallet's cross-device flow had been left out)."""
    from types import SimpleNamespace

    import assistant.answer.offline as offline
    from assistant.retrieve import CorpusIndex
    from assistant.service import Assistant

    def page(seq: int, text: str) -> Chunk:
        return Chunk(text=text, release="latest", repo="r", folder="bb-wallet", path="spec/9-workflows.md", kind="prose",
                     bb="wallet", heading_path=["Wallet", "9 Workflows", "9.2.2 Cross device"], extra={"seq": seq})

    prose = page(0, "The Holder presents the credential to a Verifier on a different device. The Verifier renders the "
                    "request as a QR code. The Wallet scans it to get the request URI. The Wallet authenticates the "
                    "Holder on the device. The Wallet sends the presentation to the Verifier on the other device. "
                    "The device then shows the result on the device.")
    diagram = page(1, "```plant-uml\nVerifier -> Verifier: Render\nWallet -> Verifier: Scan\nWallet -> Holder: Consent\n```")
    index = CorpusIndex(SimpleNamespace(all_chunks=lambda: [(c.id, c) for c in (prose, diagram)]))
    qa = analyze("How do I present a credential on a different device, step by step?")
    hits = Assistant._augment(SimpleNamespace(index=index), qa, [Hit(prose.id, prose, 1.0, 0.6)], "latest")
    assert "renders the request as a QR code" in ExtractiveAnswerer().answer(qa, hits).text
    offline.FLOW_PROSE_IN_ORDER = False
    try:
        assert "renders the request as a QR code" not in ExtractiveAnswerer().answer(qa, hits).text
    finally:
        offline.FLOW_PROSE_IN_ORDER = True


def test_a_use_case_story_does_not_take_the_lead_from_the_spec_s_own_text():
    """A block's use-case page tells a story with the asker's everyday words ("boarding pass" again and again); the spec's
    flow ranked above it keeps the lead (offline.STORY_NOT_LEAD), and the story's points follow."""
    import dataclasses

    from assistant.answer import offline

    flow = _hit(0, "In this flow, the Verifier prepares an Authorization Request and renders it as a QR code. The Wallet "
                   "scans the QR code and sends the presentation.", "9.2.2 Presenting Credentials Cross Device")
    story = _hit(1, "Robert shows his boarding pass at the gate. The gate tablet asks for the pass and receives the pass "
                    "from his phone. The pass is checked.", "Sharing Credentials while entering an Airport")
    story.chunk = dataclasses.replace(story.chunk, path="spec/use-cases/functional-use-cases.md")
    qa = analyze("How does the gate tablet ask for the pass and receive the pass from the phone?")
    assert ExtractiveAnswerer().answer(qa, [flow, story]).text.startswith("In this flow")
    saved = offline.STORY_NOT_LEAD
    try:
        offline.STORY_NOT_LEAD = False
        assert ExtractiveAnswerer().answer(qa, [flow, story]).text.startswith("Robert")
    finally:
        offline.STORY_NOT_LEAD = saved


def test_one_of_them_that_something_happens_to_is_one_of_the_things_the_previous_question_asked_about(monkeypatch):
    import assistant.query as query

    hist = [{"role": "user", "content": "What does the Cloud Infrastructure BB say about how long API tokens can live?"},
            {"role": "assistant", "content": "…"}]
    assert "API tokens can live" in analyze("and if one of them leaks, are we stuck?", hist).standalone  # j59-014
    # (not an operation on one of them: the previous ask would bring its own operation along)
    hist2 = [{"role": "user", "content": "How do I get the list of process definitions from the Workflow BB?"},
             {"role": "assistant", "content": "…"}]
    assert "list of process" not in analyze("Now how do I kick off an instance of one of them?", hist2).standalone
    monkeypatch.setattr(query, "ONE_OF_THEM_CARRIED", False)
    assert "API tokens can live" not in analyze("and if one of them leaks, are we stuck?", hist).standalone


def test_that_option_is_the_one_the_previous_answer_gave_unless_the_asker_named_it(monkeypatch):
    import assistant.query as query

    hist = [{"role": "user", "content": "Most teachers have no smart card. Does the eSignature BB have an option for that?"},
            {"role": "assistant", "content": "**One-time signatures** need no device. [1] The key is deleted. [1]"}]
    q = "and how long does the certificate from that option stay usable?"  # i58-014
    assert "(One-time signatures need no device" in analyze(q, hist).standalone
    named = [{"role": "user", "content": "How does the one-time signature approach work in the eSignature BB?"},
             {"role": "assistant", "content": "The workflow for one-time signing starts with a digest. [1]"}]
    assert "digest" not in analyze("How long is the certificate valid in that approach?", named).standalone  # h24-024
    monkeypatch.setattr(query, "OPTION_CARRIED", False)
    assert "One-time signatures" not in analyze(q, hist).standalone


def test_a_supporting_point_from_a_field_list_starts_at_a_field_s_name():
    """A passage of an API field list the chunker cut inside a description opens with that description's end
    ("Displayed to the user.; dataAgreement.lawfulBasis …"): quoted as a point on its own it starts at the next field's
    name (offline.FIELD_NAME_FIRST), and the name keeps its case."""
    import assistant.answer.offline as offline

    top = _hit(0, "A data agreement defines the purpose of consent. Each agreement has a lawful basis and a policy.",
               "2 Description")
    fields = _hit(1, "Displayed to the user.; dataAgreement.lawfulBasis (string, required) — Lawful basis of the Data "
                     "Agreement - consent / legal_obligation / contract; dataAgreement.dpia (string, required) — Data "
                     "Protection Impact Assessment", "8 Service APIs")
    qa = analyze("What is a data agreement and which lawful basis values does it take?")
    text = ExtractiveAnswerer().answer(qa, [top, fields]).text
    assert "- dataAgreement.lawfulBasis (string, required) — Lawful basis" in text, text
    assert "Displayed to the user" not in text
    offline.FIELD_NAME_FIRST = False
    try:
        assert "- Displayed to the user.; dataAgreement.lawfulBasis" in ExtractiveAnswerer().answer(qa, [top, fields]).text
    finally:
        offline.FIELD_NAME_FIRST = True


def test_a_choice_between_two_named_approaches_asks_for_the_options():
    """n63-035: "Between X and Y, which/what …?" asks to choose between the two options it names (query.ASKS_OPTIONS);
    "between" elsewhere does not."""
    from assistant.query import ASKS_OPTIONS

    assert ASKS_OPTIONS.search("Between embedding the payment page in an iframe and a single sign-on style handover, "
                               "what does GovStack recommend?")
    assert ASKS_OPTIONS.search("We looked at this. Between push and pull delivery, which should we use?")
    assert not ASKS_OPTIONS.search("We sit between the ministry and the bank. What applies to us?")
    assert not ASKS_OPTIONS.search("What is exchanged between the registry and the payment gateway, and when?")


def test_a_follow_up_asking_which_call_after_an_api_question_naming_no_block_is_an_api_question(monkeypatch):
    """q66-016: "… which call do I use to kill it?" after an API question that names no block asks for an API
    operation (query.CALL_AFTER_API); on its own, or after a question that is not about the API, a "call" is not one."""
    import assistant.query as query

    first = "If I start a workflow process through the API, what comes back in the response?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}]
    follow = "and if that run gets stuck, which call do I use to kill it?"
    assert analyze(follow, history).intent == "api"
    assert analyze(follow).intent == "general"
    other = [{"role": "user", "content": "How do nurses book telemedicine sessions with patients?"},
             {"role": "assistant", "content": "…"}]
    assert analyze("and which call happens first?", other).intent != "api"
    monkeypatch.setattr(query, "CALL_AFTER_API", False)
    monkeypatch.setattr(query, "CALL_ASKED_AFTER_ANY", False)  # (which also makes it one: see the next test)
    assert analyze(follow, history).intent == "general"


def test_follow_ups_are_read_in_their_conversation(monkeypatch):
    """u70/v71 follow-ups: "those notification APIs" points back though "notification" is Messaging's word
    (DEMONSTRATIVE_NOT_OWN); a question naming no block after one that did goes on with it (NO_BLOCK_FOLLOWS); "which
    call does … use for that" asks for an API call after any question (CALL_ASKED_AFTER_ANY); "what does the response
    contain when it succeeds?" after "Which endpoint starts a process instance?" carries that ask
    (API_FOLLOW_CARRIES_ASK)."""
    import assistant.query as query

    def after(first, follow):
        return analyze(follow, [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}])

    died = "Can the national ID system tell us automatically when a registered person passes away?"
    those = "Which standards do those notification APIs follow?"
    assert "(Identity" in after(died, those).standalone
    sheet = "We've got two million addresses in a spreadsheet. Do we have to send them in one by one?"
    assert after("Can the GIS building block turn addresses into points on a map?", sheet).standalone.endswith("(GIS)")
    assert "(GIS)" not in after("Can the GIS building block draw maps?", "How do citizens give consent?").standalone
    assert "(Registration)" not in after("In the Registration BB, how does an applicant attach documents?",
                                         "whats the maximum file size the documents endpoint accepts?").standalone
    clerks = "Can people find out which clerks have been looking at their details in the registry?"
    assert after(clerks, "Which call does our IT contractor use for that?").intent == "api"
    started = after("Which Workflow BB endpoint starts a process instance?", "and what does the response contain when it succeeds?")
    assert started.intent == "api" and "starts a process instance" in started.standalone
    killed = after("how do I start an instance of a BPMN process through the Workflow BB API?",
                   "and if it hangs, which call do I use to kill it?")
    assert "start an instance" not in killed.standalone  # (another operation is asked for)
    push = "can the Information Mediator push events to us (pub/sub) instead of us polling?"
    assert after(push, "and if our receiving endpoint is down when the event goes out?").intent == "general"
    paid = "Which Payments BB endpoint marks a bill as paid?"
    assert after(paid, "And if our billing server happens to be down at that moment, is the notice lost?").intent == "general"
    assert after(paid, "And if our server is down, what error comes back?").intent == "api"
    for flag in ("DOWN_ENDPOINT_IS_A_SYSTEM", "FAILURE_ASKS_BEHAVIOUR"):
        monkeypatch.setattr(query, flag, False)
    assert after(push, "and if our receiving endpoint is down when the event goes out?").intent == "api"
    assert after(paid, "And if our billing server happens to be down at that moment, is the notice lost?").intent == "api"
    for flag in ("DEMONSTRATIVE_NOT_OWN", "NO_BLOCK_FOLLOWS", "CALL_ASKED_AFTER_ANY", "API_FOLLOW_CARRIES_ASK"):
        monkeypatch.setattr(query, flag, False)
    assert "(Identity" not in after(died, those).standalone
    assert "(GIS)" not in after("Can the GIS building block turn addresses into points on a map?", sheet).standalone
    assert after(clerks, "Which call does our IT contractor use for that?").intent != "api"
    assert "starts a process instance" not in after("Which Workflow BB endpoint starts a process instance?",
                                                    "and what does the response contain when it succeeds?").standalone


def test_someone_the_asker_asks_for_is_searched_as_a_person(monkeypatch):
    """s68-023: "my neighbour lost her id card …" had been searched with the kinship word and "her", and met the Wallet
    spec's story of Jane and her disability credential; the person is searched as "a person", "they", "their"
    (query.PROXY_ASKER), and "switch it off for now" / "cancelling it for good" are the credential suspended / revoked."""
    import assistant.query as query

    q = ("my neighbour lost her id card somewhere in the house. can they just switch it off for now until she finds "
         "it, instead of cancelling it for good?")
    form = query.search_form(q)
    assert form.startswith("a person lost their id card") and " she " not in form
    assert "(temporarily suspend)" in form and "(revoked)" in form
    assert query.search_form("the mother gets her baby's reminder") == "the mother gets her baby's reminder"
    monkeypatch.setattr(query, "PROXY_ASKER", False)
    assert query.search_form(q).startswith("my neighbour lost her id card")


PUBSUB = ("1. The Subscriber requests that events of certain types be delivered to them.\n"
          "2. The Subscriber specifies the desired delivery mode (push/pull). Note that:\n"
          "   * push delivery mode is when the Room sends events to the Subscriber's API.\n"
          "   * pull delivery mode (OPTIONAL) means that the Room keeps a queue of events.\n"
          "3. At a minimum, this Building Block MUST provide for a push delivery mode.\n\n"
          "Three endpoints to be declared per event type Pub/Sub instance:\n\n"
          "* an endpoint URL to be registered by every Subscriber on a per-event type basis.\n"
          "* (OPTIONAL) an endpoint URL on the Pub/Sub where all pull requests come from various Subscribers.")


def test_a_line_introducing_a_list_brings_only_its_own_run_of_items(monkeypatch):
    """An intro line brings the items right after it, not those of the next list (k60-022's "Note that:" had brought
    "an endpoint URL …" of "Three endpoints …:"); a list the answer has quoted whole already brings no line; an item
    opening a list the passage does not hold ("The Publisher generates an event:") is no point ("…event:." had been)."""
    import assistant.answer.offline as offline
    from assistant.answer.evidence import Evidence

    hit = _hit(0, PUBSUB, "9.2.3 Subscribing to events")
    a = ExtractiveAnswerer()
    a._start_answer()
    ev = Evidence(hits=[hit])
    units = units_of(PUBSUB, 0)
    starting = lambda words: next(v for v in units if v.text.startswith(words))  # noqa: E731
    note = a._with_list(ev, starting("The Subscriber specifies"))
    assert "pull delivery mode" in note and "At a minimum" in note and "endpoint URL" not in note
    three = starting("Three endpoints")
    assert "per-event type basis" in a._with_list(ev, three)
    for item in (starting("an endpoint URL"), starting("(OPTIONAL) an endpoint")):
        a._mark(ev, 0, item.text)  # both items quoted as points of their own …
    assert a._with_list(ev, three) == ""  # … so the list is said whole already
    # (the next passage starts "* The Publisher generates an event:", its sub-items in the passage after it)
    ev = Evidence(hits=[hit, _hit(1, "* The Publisher generates an event:", "9.2.4 Event delivery")])
    assert a._with_list(ev, units_of(ev.hits[1].chunk.text, 1)[0]) == ""
    monkeypatch.setattr(offline, "LIST_ITEMS_SAID_DROPPED", False)
    assert "per-event type basis" in a._with_list(ev, three)


def test_a_question_what_happens_when_something_fails_is_led_by_the_rule_for_that_failure(monkeypatch):
    """"What happens if one of the subscribing systems is down …?" (k60-022, o64-031 and five other writers' questions)
    is answered by the passage that puts the failure in a condition and says what is done then, quoting those
    sentences, not by the top passage about the delivery process, which names no failure (offline.FAILURE_RULE_LEADS)."""
    import assistant.answer.offline as offline

    qa = analyze("We publish events to several subscribers. What happens if one of the subscribing systems is down "
                 "when an event goes out?")
    process = _hit(0, "The publisher posts an event to the room. The room forwards each event to every subscriber "
                      "system that registered for its type, and the subscriber acknowledges each event.", "Event delivery")
    rules = _hit(1, "* The layer must provide a mechanism for registering rooms.\n* Published messages should be "
                    "delivered to all subscribers.\n* An interface for viewing event types must be provided.\n* The "
                    "layer should offer an admin user interface.\n* If a message cannot be delivered to a subscriber, "
                    "the layer should retry it N times with a backoff.", "Pub/Sub Service")
    idf = {"subscriber": 3.0, "subscribing": 3.0, "event": 2.0, "systems": 2.0, "down": 4.0, "room": 2.0}
    text = ExtractiveAnswerer(idf).answer(qa, [process, rules]).text
    assert text.split("\n")[0].endswith("(Pub/Sub Service) says:") and "should retry it N times" in text.split("\n\n")[1]
    # (the rule and the passage's best other points lead, not every item of it)
    assert "admin user interface" not in text.split("\n\n")[1]
    monkeypatch.setattr(offline, "FAILURE_RULE_LEADS", False)
    assert not ExtractiveAnswerer(idf).answer(qa, [process, rules]).text.split("\n")[0].endswith("(Pub/Sub Service) says:")


def test_a_state_named_failed_is_no_failure_asked_about():
    """"when does an errored sms become failed" asks about a message state, not what happens when something fails."""
    from assistant.answer.offline import asks_failure

    assert asks_failure("and if one district's endpoint happens to be down when we publish?")
    assert asks_failure("what if the signing step crashes halfway through?")
    assert asks_failure("And what if the signing step blows up halfway?")  # (query.FAILURE_WORDS_MORE)
    assert not asks_failure("when does an errored sms become failed")
    assert not asks_failure("What is the difference between the Errored and Failed statuses?")


def test_a_glossary_entry_the_question_names_does_not_lead_unless_its_meaning_is_asked(monkeypatch):
    """"What does the Payments building block do when a bulk payment fails …?" names the glossary's "Bulk Payments" without
    asking what it means: the passage on the process leads, not the definition (offline.GLOSSARY_NOT_LEAD); "what's a bulk
    payment?" is still answered by the definition."""
    import dataclasses

    import assistant.answer.offline as offline

    flow = _hit(0, "The account mapper registers the beneficiaries and sends back an array of failed cases with "
                   "descriptions.", "Beneficiary onboarding")
    gl = _hit(1, "Bulk Payments: A Payment from a single Payer to multiple Payees.", "Bulk Payments")
    gl = dataclasses.replace(gl, chunk=dataclasses.replace(gl.chunk, kind="glossary_term"))
    idf = {"bulk": 4.0, "payment": 2.0, "payments": 2.0, "fails": 3.0, "beneficiaries": 3.0}
    qa = analyze("What does the E-Signature building block do when a bulk payment fails for some beneficiaries?")
    assert ExtractiveAnswerer(idf).answer(qa, [flow, gl]).text.startswith("The account mapper")
    assert ExtractiveAnswerer(idf).answer(analyze("what's a bulk payment in esignature?"), [flow, gl]).text.startswith(
        "Bulk Payments: A Payment")
    monkeypatch.setattr(offline, "GLOSSARY_NOT_LEAD", False)
    assert ExtractiveAnswerer(idf).answer(qa, [flow, gl]).text.startswith("Bulk Payments: A Payment")


def test_a_pages_own_footnote_numbers_are_not_quoted_as_citation_numbers():
    # (the Messaging sample implementation pasted a document's footnote marks into its table: "(SMS[1] , email", "etc)[2]
    # [3] [4]"; quoted as they were, they read as the answer's own citations)
    text = ("The mother is informed about registration through different modalities (SMS[1] , email, WhatsApp). "
            "The user needs to register/connect its contact data (mailID, phone no etc)[2] [3] [4] or another block.")
    qa = analyze("How is the mother informed about registration?")
    draft = ExtractiveAnswerer().answer(qa, [_hit(0, text, "10 Sample implementation")])
    assert "(SMS , email" in draft.text and "etc) or another" in draft.text
    assert "[2]" not in draft.text and "[3]" not in draft.text and "[1]" in draft.text


def test_a_second_definition_asked_in_the_same_message_is_answered_under_it():
    # ("building" and "block" are no search words: the passage that opens on the term is the answer to it)
    qa = analyze("I'm completely new to this. What is GovStack, and what do you mean by a 'building block'?")
    assert qa.term == "GovStack" and qa.more_asks == ["what do you mean by a 'building block'?"]
    first = _hit(0, "GovStack: An expert community-driven effort supporting governments in building digital services.",
                 "Terminology")
    entry = _hit(1, "Building Block: Software modules that can be deployed and combined in a standardized manner.",
                 "Building Block")
    entry.why.append("next-ask")
    text = ExtractiveAnswerer().answer(qa, [first, entry]).text
    assert "**What do you mean by a 'building block'?**\n\nBuilding Block: Software modules" in text, text


def test_a_list_cut_at_its_limit_says_how_many_the_page_has_and_that_these_are_the_first():
    # ("What are the cross-cutting requirements?" named no block: the architecture's chapter, 28 requirements; the answer
    # lists the first LIST_SECTION_MAX and had said "describes 12 requirements")
    qa = analyze("What are the cross-cutting requirements?")
    assert qa.enumerates == "requirement" and not qa.bbs
    hits = []
    for i, title in enumerate(["5.1 Communicate only via API (REQUIRED)", "5.2 APIs must be Versioned (REQUIRED)"], 1):
        c = Chunk(text=f"Rule {i} applies to every building block.", release="latest", repo="r", folder="specifications",
                  path="architecture-and-nonfunctional-requirements/5-cross-cutting-requirements.md", kind="requirement",
                  heading_path=["Architecture and Nonfunctional Requirements", "5 Cross-Cutting Requirements", title],
                  extra={"seq": i})
        hits.append(Hit(f"s{i}", c, 0.5 / i, why=["section-list"]))
    qa.listed_total = 28
    text = ExtractiveAnswerer().answer(qa, hits).text
    assert "describes 28 requirements (5 Cross-Cutting Requirements); the first 2:" in text, text
    qa.listed_total = 2
    assert "describes 2 requirements (5 Cross-Cutting Requirements):" in ExtractiveAnswerer().answer(qa, hits).text
    assert analyze("What are the cross-cutting requirements of the Payments BB?").enumerates is None
