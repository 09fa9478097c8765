"""Abstention on hand-made evidence: a question for a figure needs a passage that states one; context is not the ask."""
from assistant.abstain import NO_FIGURE, abstention_text, ask_part, should_abstain, unmentioned_by_block
from assistant.query import analyze
from assistant.retrieve import Hit
from assistant.types import Chunk


def _hits(*texts: str, dense: float = 0.7, bb: str = "messaging") -> list[Hit]:
    out = []
    for i, t in enumerate(texts):
        c = Chunk(text=t, release="latest", repo="r", folder=f"bb-{bb}", path=f"spec/{i}.md", kind="prose",
                  bb=bb, heading_path=[bb.title(), f"Section {i}"])
        out.append(Hit(f"h{i}", c, 1.0 / (i + 1), dense, 5.0))
    return out


TOPIC = "The Messaging Building Block sends SMS and email messages to citizens through external providers."


def test_a_figure_question_without_a_figure_is_not_answered():
    qa = analyze("What minimum number of SMS per second must the Messaging building block send?")
    abstain, why = should_abstain(qa, _hits(TOPIC, "Messages are queued and retried when a provider fails."), {})
    assert abstain and why == NO_FIGURE
    assert abstention_text(qa, why, []).startswith("The GovStack specification gives no figure for this:")


def test_a_figure_question_with_the_figure_is_answered():
    qa = analyze("How long are failed messages retried by the Messaging building block?")
    hits = _hits(TOPIC, "Errored messages must be retried for 24 hours, then they are labelled as failed.")
    assert should_abstain(qa, hits, {}) == (False, "")
    # an HTTP status line in an API passage is not a figure
    api = _hits(TOPIC, "POST /messages — send. Responses: 400 Bad request; 200 Success retried messages")
    assert should_abstain(qa, api, {})[0]


def test_context_before_the_question_is_not_what_is_asked():
    q = "We are building a land registry in Rwanda for the Ministry. Which fields must the registry log hold?"
    assert ask_part(q) == "Which fields must the registry log hold?"
    assert ask_part("What does the Payments BB do?") == "What does the Payments BB do?"
    # a place named only in the context does not make the spec 'silent about Rwanda'
    hits = _hits("Every read of personal data is logged in the registry log with the reader and the fields read.", dense=0.55)
    assert should_abstain(analyze(q), hits, {"registry": 2.0, "log": 2.0, "fields": 2.0}) == (False, "")
    # …nor in the question, when the rest of it is what the spec covers; asked about, it does
    assert should_abstain(analyze("Which fields must the registry log hold in Rwanda?"), hits, {}) == (False, "")
    asks_rwanda = analyze("Which penalties does Rwanda's data protection act set for a missing registry log?")
    assert should_abstain(asks_rwanda, hits, {})[0]


def test_names_offered_as_a_choice_are_asked_about_however_well_the_rest_is_covered():
    hits = _hits("The messaging gateway delivers SMS through providers; the provider of the base service is configured.",
                 dense=0.55)
    covered = {"messaging": 1.0, "gateway": 1.0, "provider": 1.0}
    # one name, the rest of the question covered: the name is context
    assert should_abstain(analyze("Does the messaging gateway use Twilio as the provider?"), hits, covered) == (False, "")
    # a choice between names the passages never mention: the choice is what is asked, and the spec does not make it
    abstain, why = should_abstain(analyze("Does the messaging gateway use Twilio or Vonage as the provider?"), hits, covered)
    assert abstain and "Twilio" in why
    # …however close the passages come to the rest of it
    close = _hits(hits[0].chunk.text, dense=0.7)
    assert should_abstain(analyze("Does the messaging gateway use Twilio as the provider?"), close, covered) == (False, "")
    assert should_abstain(analyze("Which provider (e.g. Twilio or Vonage) does the messaging gateway use?"), close, covered)[0]


def test_asking_for_a_persons_number_is_out_of_scope_but_a_phone_as_a_device_is_not():
    hits = _hits(TOPIC, "Citizens keep their credentials in a wallet app on their phone.")
    asks_contact = analyze("Who runs the Messaging building block and what is their phone number?")
    assert should_abstain(asks_contact, hits, {}) == (True, "the specification contains no personal contact details")
    device = analyze("Can the Messaging building block send SMS to citizens on their phone?")
    assert should_abstain(device, hits, {}) == (False, "")


def test_asking_what_something_costs_is_out_of_scope_but_how_fees_are_paid_is_not():
    hits = _hits(TOPIC, "Citizens pay fees and bills through the Payments Building Block.")
    for q in ("How much does the Messaging building block cost per citizen?", "What is the price per SMS?",
              "What is the licence fee for the Messaging building block?"):
        assert should_abstain(analyze(q), hits, {}) == (True, "the specification does not give prices or costs of products"), q
    for q in ("How are fees collected through the Messaging building block?", "Can citizens pay fees by SMS?",
              "Can the Messaging building block move money from our department's budget to the finance ministry?",
              # (budget allocations moved between ministries are the money the service handles, m62-001)
              "We move budget allocations from our ministry to the health ministry. Can the Messaging building block do it?"):
        assert should_abstain(analyze(q), hits, {}) == (False, ""), q
    # a fee as a percentage is a price too, unless a passage states one
    pct = analyze("What transaction fee, in percent, does the Messaging BB charge on each message?")
    assert should_abstain(pct, hits, {}) == (True, "the specification does not give prices or costs of products")
    assert should_abstain(pct, _hits(TOPIC, "Providers may charge a fee of 2% per message."), {}) == (False, "")


def test_a_place_named_as_context_is_not_what_is_asked():
    hits = _hits(TOPIC, "Ministries send SMS alerts to citizens through the Messaging Building Block.", dense=0.5)
    context = analyze("Can a ministry in Ghana send SMS alerts to citizens with the Messaging building block?")
    assert should_abstain(context, hits, {}) == (False, "")
    subject = analyze("What did Ghana's parliament decide about exchange rates and tariffs last year?")
    abstain, why = should_abstain(subject, hits, {})
    assert abstain and "Ghana" in why


def test_support_for_ones_own_portal_account_is_out_of_scope_but_account_data_is_not():
    hits = _hits(TOPIC, "Data owners can see who has read their personal data in the registry log.")
    assert should_abstain(analyze("I cannot log into my account on the tax portal, what do I do?"), hits, {})[0]
    assert should_abstain(analyze("How do I reset my password on the e-tax portal?"), hits, {})[0]
    assert should_abstain(analyze("Can I see who has read my account data in the registry?"), hits, {}) == (False, "")


def test_coverage_matches_word_forms():
    """'sharing one database' is covered by a passage saying 'shared databases' (stems), not by one on another topic."""
    from assistant.abstain import coverage

    qa = analyze("What about two building blocks sharing one database?")
    rule = _hits("Building blocks MUST NOT use shared databases, file systems or memory for data exchange.")
    other = _hits("Building blocks publish their APIs through the Information Mediator.")
    assert coverage(qa, rule, {}) > coverage(qa, other, {})
    # sharing, database and the gloss's shared database; "two" and "one" too, being words of the span the gloss renders
    # ("two building blocks sharing one database": abstain.GLOSS_MEASURES), but not "about"
    assert coverage(qa, rule, {}) == 0.8


def test_a_question_about_govstack_itself_is_answered_by_its_front_pages_in_their_own_words():
    """Low similarity and few shared words say "not covered" — except for a general question whose top passage is one
    of the specification's front pages (retrieval boosts them for questions about GovStack itself)."""
    qa = analyze("How do the building blocks fit together?")
    hits = _hits("Building blocks MUST be connected together in a secure, robust, trusted manner.", dense=0.41)
    assert should_abstain(qa, hits, {})[0]
    hits[0].why = ["front-page"]
    assert should_abstain(qa, hits, {}) == (False, "")
    # a block asked for by its job is not a question about GovStack itself
    assert should_abstain(analyze("Which building block counts ballots and tabulates election results?"), hits, {})[0]


def test_an_sla_or_uptime_question_asks_for_a_figure():
    qa = analyze("What uptime must the Messaging building block guarantee?")
    assert should_abstain(qa, _hits(TOPIC), {}) == (True, NO_FIGURE)
    assert should_abstain(qa, _hits(TOPIC, "The Messaging building block must guarantee 99.9% uptime per month."), {}) == (False, "")


def test_which_countries_deploy_a_block_is_out_of_scope_but_the_specs_own_examples_are_not():
    hits = _hits(TOPIC, "Countries implement GovStack in their own way; the Messaging Building Block is used in many.")
    deployed = analyze("Which countries have already deployed the GovStack Messaging BB in production?")
    assert should_abstain(deployed, hits, {}) == (True, "the specification does not track which countries or "
                                                        "organisations deploy it")
    examples = analyze("Which countries does the Messaging spec mention as examples of SMS gateways?")
    assert should_abstain(examples, hits, {}) == (False, "")


def test_which_products_govstack_certified_is_out_of_scope_but_compliance_testing_is_not():
    hits = _hits(TOPIC, "A product is tested against the building block's API specification with the compliance tests.")
    certified = analyze("Which public cloud providers has GovStack certified as compliant with the Messaging BB?")
    assert should_abstain(certified, hits, {}) == (True, "the specification names no certified or approved products")
    passed = analyze("Which commercial vendors have already passed the GovStack compliance tests for the Messaging BB?")
    assert should_abstain(passed, hits, {}) == (True, "the specification names no certified or approved products")
    testing = analyze("How is a product tested for compliance with the Messaging BB?")
    assert should_abstain(testing, hits, {}) == (False, "")
    banks = analyze("Which commercial banks are GovStack-certified as providers for disbursements through the Messaging BB?")
    assert should_abstain(banks, hits, {}) == (True, "the specification names no certified or approved products")
    named = analyze("Is UNHCR's PRIMES/proGres platform certified by GovStack as a compliant Messaging BB product?")
    assert should_abstain(named, hits, {}) == (True, "the specification names no certified or approved products")
    ours = analyze("Is our platform certified once it passes the Messaging BB compliance tests?")
    assert should_abstain(ours, hits, {})[1] != "the specification names no certified or approved products"
    active = analyze("We build on OpenFn. Has GovStack officially certified OpenFn or Camunda as a compliant Messaging BB product?")
    assert should_abstain(active, hits, {}) == (True, "the specification names no certified or approved products")
    process = analyze("Has GovStack defined a process to certify Messaging BB products?")
    assert should_abstain(process, hits, {})[1] != "the specification names no certified or approved products"
    listed = analyze("Can you give me the official list of GovStack-certified vendors for the Messaging BB?")
    assert should_abstain(listed, hits, {}) == (True, "the specification names no certified or approved products")
    cert_list = analyze("Which certificate list does the Messaging BB keep for its certified senders?")
    assert should_abstain(cert_list, hits, {})[1] != "the specification names no certified or approved products"


def test_a_recommended_commercial_operator_is_out_of_scope_but_a_recommended_practice_is_not():
    hits = _hits(TOPIC, "Messages are delivered through SMS gateways and e-mail servers.")
    why = "the specification recommends no vendor or brand"
    assert should_abstain(analyze("which mobile network operator does govstack recomend for sending our SMS?"), hits,
                          {}) == (True, why)
    assert should_abstain(analyze("Which queueing approach does the Messaging BB recommend?"), hits, {})[1] != why


def test_a_technology_the_named_blocks_spec_never_mentions_is_not_covered_but_a_place_is_context():
    hits = _hits(TOPIC, "Messages are delivered through SMS gateways and e-mail servers.")
    block = " ".join([TOPIC, "Messages are delivered through SMS gateways and e-mail servers, or WhatsApp."]).lower()
    ws = analyze("What's the WebSocket endpoint in the Messaging BB for live delivery updates?")
    assert unmentioned_by_block(ws, hits, block) == ["WebSocket"]
    assert unmentioned_by_block(analyze("Does the Messaging BB support WhatsApp?"), hits, block) == []
    assert unmentioned_by_block(analyze("Can the Messaging BB send SMS to citizens in Rwanda?"), hits, block) == []
    # a known product typed in lower case is a name all the same
    gcal = analyze("can the messaging bb sync with google calendar or outlook?")
    assert unmentioned_by_block(gcal, hits, block) == ["google calendar", "outlook"]
    assert unmentioned_by_block(analyze("can the messaging bb send whatsapp messages?"), hits, block) == []
    # …and so is a body named after "between the", "for the", "from the": a place or an owner, not a thing asked for
    # (k60-001 had been refused: "the Messaging specification never mentions Ministry")
    g2g = analyze("Could the Messaging BB pass case files between the Ministry of Health and the Ministry of Welfare?")
    assert unmentioned_by_block(g2g, hits, block) == []
    assert unmentioned_by_block(analyze("Does the Messaging BB support the Zorblax protocol?"), hits, block) == ["Zorblax"]


def test_a_future_release_date_is_out_of_scope_but_past_releases_are_not():
    hits = _hits(TOPIC, "Version 1.0 of the Messaging Building Block was released in 2023.")
    why = "the specification does not announce future releases"
    assert should_abstain(analyze("When is version 2.0 of the Messaging BB scheduled to be published?"), hits, {}) == (True, why)
    assert should_abstain(analyze("When will the next release of the Messaging spec come out?"), hits, {}) == (True, why)
    assert should_abstain(analyze("When was version 1.0 of the Messaging BB released?"), hits, {})[1] != why
    assert should_abstain(analyze("On what exact date will the next version of the Messaging spec be published?"), hits, {}) == (True, why)
    assert should_abstain(analyze("On what date will group SMS be added to the Messaging BB specification?"), hits, {}) == (True, why)
    assert should_abstain(analyze("When will a message be added to the outbox?"), hits, {})[1] != why
    assert should_abstain(analyze("On what date will the Scheduler spec publish the still-missing Pub/Sub APIs?"), hits,
                          {}) == (True, why)
    assert should_abstain(analyze("When will the scheduler publish the alert to the room?"), hits, {})[1] != why
    assert should_abstain(analyze("When is GovStack releasing a dedicated job-matching building block?"), hits,
                          {}) == (True, why)
    assert should_abstain(analyze("When is the Messaging BB releasing a queued message to the gateway?"), hits,
                          {})[1] != why
    assert should_abstain(analyze("When exactly will the version of the identity bb that covers self-sovereign identity be "
                                  "published?"), hits, {}) == (True, why)
    assert should_abstain(analyze("when does the Messaging BB spec go 1.0? need a firm date for our tender"), hits,
                          {}) == (True, why)
    assert should_abstain(analyze("When does the Messaging BB use TLS 1.2?"), hits, {})[1] != why


def test_rulings_and_certification_fees_are_out_of_scope_but_fees_a_service_collects_are_not():
    hits = _hits(TOPIC, "A fee can be charged to cover the administration cost of registering; certified products are listed.")
    ruled = should_abstain(analyze("Has any court or data protection authority ruled that consent records are valid GDPR "
                                   "consent?"), hits, {})
    assert ruled == (True, "the specification reports no court or regulator rulings or approvals")
    # … nor approvals by an authority, though a certificate authority approves within a flow
    approved = should_abstain(analyze("Has any national data protection authority officially approved the Consent building "
                                      "block as GDPR-compliant?"), hits, {})
    assert approved == ruled
    assert not should_abstain(analyze("Has the certificate authority approved the signing key before the document is "
                                      "signed?"), hits, {})[0]
    fee = should_abstain(analyze("How much does it cost to get our payments platform certified as GovStack compliant?"), hits, {})
    assert fee == (True, "the specification sets no fees for certification or membership")
    assert not should_abstain(analyze("Which building block lets citizens pay their driving-licence fee?"), hits, {})[0]
    assert not should_abstain(analyze("How is the registration fee collected?"), hits, {})[0]


def test_implementation_languages_fines_and_who_integrated_are_out_of_scope():
    hits = _hits(TOPIC, "The solution should support common programming languages; the law may fine misuse of data.")
    cases = {
        "Which programming language is the Messaging BB reference implementation written in?":
            "the specification prescribes no implementation language and ships no software",
        "Where can I download the binaries of the Messaging BB?":
            "the specification prescribes no implementation language and ships no software",
        "Under our Data Protection Act, what fines would we face if messages leaked?":
            "the specification does not cover national laws or their penalties",
        "Which mobile network operators in Nigeria have already integrated with the Messaging BB?":
            "the specification does not track who has integrated or deployed it",
    }
    for q, why in cases.items():
        assert should_abstain(analyze(q), hits, {}) == (True, why), q
    for q in ("Which programming languages should the Messaging BB's hosting platform support?",
              "Which building blocks have integrated with the Messaging BB?"):
        assert should_abstain(analyze(q), hits, {}) == (False, ""), q
    # a33-035: what the spec's own tests are written in, it says
    tests = "What language are the Messaging BB's conformance tests written in?"
    assert should_abstain(analyze(tests), hits, {})[0]
    said = _hits(TOPIC, "The Messaging BB's conformance tests are written in Gherkin and run on every change.")
    assert should_abstain(analyze(tests), said, {}) == (False, "")


def test_a_contraction_typed_without_its_apostrophe_is_not_an_unknown_word():
    """'whats' is 'what's': a function word, not a rare word the spec lacks (which used to pull the coverage of a chat
    question under the abstention line)."""
    from assistant.abstain import coverage
    from assistant.retrieve import tokenize

    assert tokenize("whats the throughput, and dont we need it?") == ["throughput", "need"]
    hits = _hits("The Messaging Building Block sends SMS at a throughput of 100 messages per second.", dense=0.44)
    idf = {"throughput": 3.0, "messaging": 1.0, "sms": 2.0}
    assert coverage(analyze("whats the sms throughput"), hits, idf) == coverage(analyze("what's the sms throughput"), hits, idf) == 1.0


def test_a_number_the_question_gives_as_its_example_is_not_its_subject():
    qa = analyze("What minimum uptime SLA, for example 99.9%, must the Messaging building block guarantee?")
    other = _hits(TOPIC, "The certificate authority server must be highly available, for example 99.99% of the time.")
    assert should_abstain(qa, other, {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "The Messaging Building Block must guarantee an uptime of 99.9% per month.")
    assert should_abstain(qa, stated, {}) == (False, "")
    # …nor a size it gives ("for 5 million citizens"): a passage on a million page views is about something else
    qa = analyze("How many servers does the Messaging building block need for 5 million citizens?")
    assert should_abstain(qa, _hits(TOPIC, "1GB of space could handle over a million simple page views."), {}) == (True, NO_FIGURE)


def test_the_words_asking_for_a_figure_are_not_its_subject_and_a_percentage_needs_one():
    qa = analyze("What's the minimum password length the Messaging building block mandates for user accounts?")
    other = _hits(TOPIC, "The credential store must be highly available with a minimum of 99.99% uptime.")
    assert should_abstain(qa, other, {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "User account passwords must be at least 12 characters long.")
    assert should_abstain(qa, stated, {}) == (False, "")
    qa = analyze("What percentage of messages must the Messaging building block deliver on the first attempt?")
    counts = _hits(TOPIC, "The gateway must deliver 1000 messages per second on the first attempt.")
    assert should_abstain(qa, counts, {}) == (True, NO_FIGURE)
    share = _hits(TOPIC, "At least 95% of messages must be delivered on the first attempt.")
    assert should_abstain(qa, share, {}) == (False, "")


def test_uptime_is_measured_as_availability_of_the_thing_the_question_names():
    """k41-029, o49-030: the API gateway's "99.99% availability" answers its uptime; na-023: a certificate authority's
    does not answer the uptime of the Information Mediator's server."""
    def hit(text, folder, bb, section):
        c = Chunk(text=text, release="latest", repo="r", folder=folder, path="spec/x.md", kind="prose", bb=bb,
                  heading_path=["Security Requirements", section])
        return Hit("h", c, 1.0, 0.7, 5.0)
    gateway = hit("The solution provided and any associated components MUST be highly available and utilize clustering "
                  "technology in order to provide a minimum of 24x7x365 service with 99.99% availability.",
                  "specifications", None, "8.1 API Management and Gateway Functional Requirements")
    qa = analyze("How much uptime does GovStack's security spec expect from the API gateway?")
    assert should_abstain(qa, [gateway], {}) == (False, "")
    # the same sentence under another section is not about the gateway: "availability" alone is not the subject
    other = hit(gateway.chunk.text, "specifications", None, "5.7 Credential Storage Functional Requirements")
    assert should_abstain(qa, [other], {}) == (True, NO_FIGURE)
    ca = hit("The certificate authority server and its infrastructure must provide a 24x7x365 service with 99.99% "
             "availability.", "specifications", None, "5.6 Certificate Authority Functional Requirements")
    qa = analyze("What uptime must the central Information Mediator server guarantee?")
    assert should_abstain(qa, [ca], {}) == (True, NO_FIGURE)
    im = hit("The Information Mediator security server must provide 99.9% availability.", "bb-information-mediator",
             "information-mediator", "6.8 Scaling")
    assert should_abstain(qa, [im], {}) == (False, "")


def test_a_quantity_asked_in_a_unit_or_a_maximum_value_needs_a_figure():
    gis = "The geocoding service must return the best match for an address, with its coordinates and a match score."
    qa = analyze("What positional accuracy in metres must the GIS BB geocoding service guarantee?")
    assert should_abstain(qa, _hits(gis, bb="gis"), {}) == (True, NO_FIGURE)
    stated = gis + " Geocoding accuracy must be within 10 metres."
    assert should_abstain(qa, _hits(stated, bb="gis"), {}) == (False, "")
    # (a figure asked of a named block is stated on its pages, not on another block's)
    assert should_abstain(qa, _hits(stated), {}) == (True, NO_FIGURE)
    qa = analyze("What false match rate must the GIS BB geocoder achieve?")
    assert should_abstain(qa, _hits(gis, bb="gis"), {}) == (True, NO_FIGURE)
    assert should_abstain(qa, _hits(gis + " The false match rate must stay below 0.1%.", bb="gis"), {}) == (False, "")
    qa = analyze("What's the maximum monetary value a single voucher can carry?")
    assert should_abstain(qa, _hits("A voucher has a denomination, a serial number and an expiry date."), {}) == (True, NO_FIGURE)


def test_a_figure_asked_in_a_unit_of_time_needs_one_near_it():
    qa = analyze("Within how many hours must the Messaging building block report a failed delivery to the sender?")
    years = _hits(TOPIC, "Operators need a minimum of three years' experience in reporting message delivery.")
    assert should_abstain(qa, years, {}) == (True, NO_FIGURE)
    for stated in ("A failed delivery must be reported within 24 hours.", "A failed delivery must be reported within 2 days."):
        assert should_abstain(qa, _hits(TOPIC, stated), {}) == (False, "")
    # a question that names no unit is answered by a figure in any
    assert should_abstain(analyze("How long until the Messaging building block reports a failed delivery?"), years, {}) \
        == (False, "")


def test_a_sum_of_money_asked_for_needs_an_amount_of_money_not_another_figure(monkeypatch):
    """a33-028: "Above what contract value …?" was answered by a passage on contracts' "24 months" expiry."""
    import assistant.abstain as abstain

    qa = analyze("Above what contract value must the Messaging building block send a message to the contract owner?")
    months = _hits(TOPIC, "The message tells the contract owner the contract expiry date, 24 months after signing.")
    assert should_abstain(qa, months, {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "A message goes to the contract owner for each contract value above USD 10,000.")
    assert should_abstain(qa, stated, {}) == (False, "")
    monkeypatch.setattr(abstain, "MONEY_FIGURES", False)
    assert should_abstain(qa, months, {}) == (False, "")


def test_a_count_of_something_needs_a_number_counting_it():
    qa = analyze("How many field agents per 1,000 households does the Messaging building block recommend for outreach?")
    other = _hits(TOPIC, "Outreach messages for households with land over 10 000 square meters are sent first.")
    assert should_abstain(qa, other, {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "Outreach needs one field agent per 200 households.")
    assert should_abstain(qa, stated, {}) == (False, "")


def test_a_percentage_or_a_latency_asked_for_is_a_figure():
    qa = analyze("What commission percentage does the Messaging building block take on each message?")
    assert should_abstain(qa, _hits(TOPIC, "Each message has a price agreed with the provider."), {}) == (True, NO_FIGURE)
    assert should_abstain(qa, _hits(TOPIC, "The provider takes 2% of each message's price."), {}) == (False, "")
    qa = analyze("What is the maximum number of messages the Messaging building block was tested with, and what latency "
                 "should we expect?")
    assert should_abstain(qa, _hits(TOPIC, "Messages are queued and retried when a provider fails."), {}) == (True, NO_FIGURE)


def test_a_quoted_term_no_passage_uses_is_not_defined_from_passages_on_its_words():
    qa = analyze("How does the Messaging building block define 'quantum-safe messages'?")
    assert qa.intent == "term" and qa.term == "quantum-safe messages"
    assert should_abstain(qa, _hits(TOPIC, "Messages are queued and retried when a provider fails."), {})[0]
    used = _hits(TOPIC, "Quantum-safe messages are encrypted with post-quantum algorithms.")
    assert should_abstain(qa, used, {}) == (False, "")
    # a term not quoted is left to the other checks (its words may be the spec's in another order)
    assert should_abstain(analyze("How does the Messaging building block define quantum-safe messages?"),
                          _hits(TOPIC, "Messages are queued and retried when a provider fails."), {}) == (False, "")


def test_a_vendor_or_brand_recommendation_is_out_of_scope_but_what_vendors_must_do_is_not():
    hsm = "The one-time signing service interacts with the Hardware Security Module (HSM) to create keys."
    abstain, why = should_abstain(analyze("Which HSM vendor or model does the eSignature BB mandate?"), _hits(hsm), {})
    assert abstain and "vendor" in why
    assert not should_abstain(analyze("What does GovStack require from vendors who want their product tested?"),
                              _hits("Vendors add their product's adaptor and tests to the building block repository."),
                              {})[0]
    wallet = "A wallet holds verifiable credentials that the holder presents to a verifier."
    abstain, why = should_abstain(analyze("Which wallet app does GovStack recommend we procure for our ID credentials?"),
                                  _hits(wallet), {})
    assert abstain and "vendor" in why
    assert not should_abstain(analyze("Which standards does the Wallet BB recommend for credentials?"), _hits(wallet), {})[0]


def test_an_adoption_deadline_is_out_of_scope_but_a_time_limit_in_the_spec_is_not():
    cloud = "Ministries should move their workloads onto a sovereign cloud platform run on open technology."
    abstain, why = should_abstain(analyze("By what date does GovStack require ministries to move onto a sovereign cloud?"),
                                  _hits(cloud), {})
    assert abstain and "deadline" in why
    assert not should_abstain(analyze("By when must the Scheduler send a reminder before the appointment?"),
                              _hits("The Scheduler sends a reminder a configured time before the appointment."), {})[0]


def test_a_version_question_needs_a_passage_that_gives_the_version():
    rule = "All Building Blocks MUST support secure HTTPS transport with TLS 1.3 and insecure cyphers disabled."
    assert should_abstain(analyze("Which TLS version do building blocks need to support?"), _hits(rule), {}) == (False, "")
    devices = "Note: as most Android devices don't have trusted hardware, the wallet keeps keys in software."
    abstain, why = should_abstain(analyze("What's the minimum Android version a citizen's phone must run for the wallet?"),
                                  _hits(devices), {})
    assert abstain and why == "it states no Android version"
    # … and a second ask is answered even so
    assert not should_abstain(analyze("Which Android version is needed, and how does the wallet keep its keys?"),
                              _hits(devices), {})[0]
    # the version of the API or of the schema is the spec's own business, not a product's
    versions = "Each publish request creates a new version of the database schema and API services."
    assert not should_abstain(analyze("What happens to the API version when an analyst republishes the schema?"),
                              _hits(versions), {})[0]


def test_a_block_named_by_its_role_is_no_unknown_block_but_an_invented_block_is():
    assert analyze("We're the Source BB in a G2P programme. Which call updates the account mapper?").unknown_bb is None
    assert analyze("What does the calling building block send to the Consent BB?").unknown_bb is None
    assert analyze("What does the Blockchain building block specify?").unknown_bb == "Blockchain"
    # a capitalised word before a block's name is no part of it: the sentence's first word, a preposition (j59-028)
    assert analyze("National archive: we share records. In Consent BB language, what is that agreement called?").unknown_bb is None
    assert analyze("Is Payments BB required for fees?").unknown_bb is None
    assert analyze("In the Blockchain BB, how are blocks mined?").unknown_bb == "Blockchain"
    # … nor is a quality a product claims: "GovStack-conformant", "GovStack-compliant"
    assert analyze("We want to sell our product as a GovStack-conformant building block. Adaptor or native?").unknown_bb is None
    assert analyze("Is a GovStack-compliant BB allowed to keep its own user store?").unknown_bb is None


def test_ranking_products_is_out_of_scope_but_ranking_in_the_spec_is_not():
    gis = "The GIS Building Block provides tools for managing geospatial information."
    abstain, why = should_abstain(analyze("Which commercial GIS platform does GovStack rank highest for the GIS BB?"),
                                  _hits(gis), {})
    assert abstain and "rank" in why
    assert not should_abstain(analyze("How does the E-Marketplace rank search results for a buyer?"),
                              _hits("The catalogue ranks the providers' offers by relevance to the buyer's search."),
                              {})[0]


def test_words_that_frame_a_question_and_http_methods_are_not_its_subject():
    rule = ("Building blocks must not use shared databases, file systems or memory for data exchange with other "
            "building blocks; the only communication allowed is via service interface calls over the network.")
    qa = analyze("Is it acceptable for them to exchange data through a shared database, or is that fine?")
    assert should_abstain(qa, _hits(rule, dense=0.4), {}) == (False, "")
    vm = "Creating a virtual machine through the API is a long-running process: poll the status of the new VM."
    assert should_abstain(analyze("After I send the POST to create a VM, can I use the VM right away?"), _hits(vm, dense=0.5), {}) \
        == (False, "")


def test_what_staff_should_earn_is_out_of_scope_but_paying_salaries_is_not():
    pay = "The Payments Building Block supports bulk G2P payments such as salaries and social benefits."
    abstain, why = should_abstain(analyze("What salary should a GovStack solution architect earn?"), _hits(pay), {})
    assert abstain and "salaries" in why
    ask = "What salary band does the GovStack implementation playbook recommend for a Head of Service Design?"
    assert "salaries" in should_abstain(analyze(ask), _hits(pay), {})[1]
    assert not should_abstain(analyze("Can the Payments BB pay civil servants' salaries in bulk?"), _hits(pay), {})[0]


def test_a_name_the_spec_uses_often_is_its_own_word_even_where_the_passages_do_not_repeat_it():
    """"Workflow BB OpenAPI: …" — the operation's passages never say "OpenAPI", but the corpus does, often (idf 4.3):
    it is the spec's own vocabulary, not a product it says nothing about; a rare name ("Kafka") still is."""
    hits = _hits(TOPIC, "POST /messages sends one email to many recipients and returns the request id.", dense=0.55)
    ask = "Messaging BB {}: when I POST a batch of emails, what do I get back on success?"
    idf = {"openapi": 4.3, "oauth": 5.14, "kafka": 7.3, "messaging": 2.0, "email": 4.0}
    assert should_abstain(analyze(ask.format("OpenAPI")), hits, idf) == (False, "")
    assert should_abstain(analyze(ask.format("OAuth")), hits, idf) == (False, "")
    assert should_abstain(analyze(ask.format("OpenAPI")), hits, {})[0]  # without the corpus's word counts: unknown
    abstain, why = should_abstain(analyze(ask.format("Kafka topic")), hits, idf)
    assert abstain and "Kafka" in why


def test_words_that_frame_a_question_are_not_its_subject():
    """"How are the building blocks supposed to exchange data? Could one block simply read another block's database
    directly?" is covered by passages on exchanging data and databases: "supposed" and "simply" frame it."""
    from assistant.abstain import coverage
    from assistant.retrieve import _BETWEEN_BBS

    q = "How are the building blocks supposed to exchange data? Could one block simply read another block's database?"
    hits = _hits("Building blocks MUST NOT use shared databases for data exchange; another block's data is read via its API.")
    idf = {"supposed": 8.4, "simply": 5.6, "exchange": 4.5, "database": 3.2, "read": 3.7, "another": 3.6, "data": 0.8}
    plain = "How are the building blocks to exchange data? Could one block read another block's database?"
    assert coverage(analyze(q), hits, idf) == coverage(analyze(plain), hits, idf) > 0.55
    assert _BETWEEN_BBS.search(q)  # …and it asks about blocks dealing with each other (the architecture pages answer)


def test_rulings_on_national_law_project_funding_and_past_usage_figures_are_out_of_scope():
    hits = _hits(TOPIC, "Messages are kept as long as legally required. A funding account pays the SMS provider.")
    cases = {
        "Is it legal under Kenya's Data Protection Act to store message logs for five years?":
            "the specification gives no rulings on national laws",
        "Will an SMS receipt be legally recognised as proof under our consumer protection law?":
            "the specification gives no rulings on national laws",
        "Under Nigeria's Data Protection Act 2023, would an SMS receipt be legally valid proof in court?":
            "the specification gives no rulings on national laws",
        "How much funding does GIZ provide to a country that adopts the Messaging BB?":
            "the specification does not cover funding or grants for projects",
        "How many citizens used the Messaging BB in the pilot?": "the specification does not report adoption figures",
        "Which countries are running the Messaging BB in production today?":
            "the specification does not track which countries or organisations deploy it",
    }
    for q, why in cases.items():
        assert should_abstain(analyze(q), hits, {}) == (True, why), q
    for q in ("Does the Messaging BB keep messages as long as legally required?",
              "Which funding account pays the SMS provider in the Messaging BB?",
              "Which countries does the Messaging spec mention as running SMS gateways?"):
        assert should_abstain(analyze(q), hits, {}) == (False, ""), q


def test_a_percent_sign_asks_for_a_percentage_but_finding_out_how_many_asks_for_the_means():
    qa = analyze("min bid security % required for messages sent by the messaging bb?")
    assert should_abstain(qa, _hits(TOPIC, "Each message sent needs a bid security agreed with the provider."), {}) \
        == (True, NO_FIGURE)
    assert should_abstain(qa, _hits(TOPIC, "A bid security of 2% of the message value is required."), {}) == (False, "")
    # "how do I check how many …" asks how to find out, which a passage on the status endpoint answers
    qa = analyze("How do I check how many of the messages sent by the Messaging building block bounced?")
    status = _hits(TOPIC, "GET /status/email returns how many sent messages bounced, were deferred or delivered.")
    assert should_abstain(qa, status, {}) == (False, "")


def test_what_fees_are_based_on_is_not_a_price_question():
    hits = _hits(TOPIC, "Messaging fees are calculated based on the number and the size of the messages sent.")
    assert should_abstain(analyze("What are the messaging fees based on?"), hits, {}) == (False, "")
    assert should_abstain(analyze("What are the messaging fees per SMS?"), hits, {})[0]
    # a fee a block "sets" is an amount
    assert should_abstain(analyze("What per-message fee does the Messaging BB set for SMS to citizens?"), hits, {})[0]


def test_a_version_and_a_figure_asked_together_ask_for_nothing_else_and_avoiding_latency_asks_no_figure():
    qa = analyze("Which SMPP version and what throughput in messages per second must an SMSC support for the Messaging BB?")
    assert should_abstain(qa, _hits(TOPIC, "Messages are handed to SMSC providers through their gateways."), {})[0]
    qa = analyze("Can the Messaging BB read another block's database directly to avoid API latency, and which TLS "
                 "version must its APIs support?")
    hits = _hits(TOPIC, "Building blocks must not read another block's database directly.",
                 "All Building Blocks MUST support secure HTTPS transport with TLS 1.3.")
    assert should_abstain(qa, hits, {}) == (False, "")


def test_a_threshold_a_total_wanted_or_a_payout_is_asked_for_as_a_figure():
    plain = _hits(TOPIC, "Messages are queued and retried when a provider fails.")
    # a threshold: "above what … value"
    qa = analyze("Above what message volume does the Messaging building block require a dedicated SMS gateway?")
    assert should_abstain(qa, plain, {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "Above 10,000 messages per day, a dedicated SMS gateway must be used for the volume.")
    assert should_abstain(qa, stated, {}) == (False, "")
    # wanting to know how much is asking for it (checking how many is asking how to find out: the test above)
    qa = analyze("As an auditor I want to know how many messages the Messaging building block has sent in total so far.")
    assert should_abstain(qa, plain, {})[0]
    # what a programme pays for something is a price
    qa = analyze("Does the Messaging building block have a bounty programme, and what does it pay for a reported bug?")
    assert should_abstain(qa, plain, {})[0]
    assert not should_abstain(analyze("How does the Messaging building block retry messages when a provider fails?"),
                              plain, {})[0]


def test_a_question_how_the_system_behaves_asked_in_everyday_words_is_not_refused_for_its_words_alone():
    """Between ASKS_BEHAVIOUR_DENSE and WEAK_DENSE, a question whose words the passages barely use is refused as not
    discussed, unless it asks what happens or whether something can be done; below ASKS_BEHAVIOUR_DENSE it still is."""
    from assistant.abstain import ASKS_BEHAVIOUR_DENSE, NOT_DISCUSSED, WEAK_DENSE

    near = (ASKS_BEHAVIOUR_DENSE + WEAK_DENSE) / 2
    passage = "Errored messages must be retried for 24 hours, then they are labelled as failed."
    behaviour = analyze("Our water outage texts bounced. Can we have them re-sent by themselves until the pipes are fixed?")
    other = analyze("Our water outage texts bounced. Whose fault was that, the operator's or the pipes'?")
    assert should_abstain(behaviour, _hits(passage, dense=near), {}) == (False, "")
    assert should_abstain(other, _hits(passage, dense=near), {}) == (True, NOT_DISCUSSED)
    assert should_abstain(behaviour, _hits(passage, dense=ASKS_BEHAVIOUR_DENSE - 0.02), {}) == (True, NOT_DISCUSSED)
    # …or what people may do in the block ("can staff still go back and change …?")
    staff = analyze("Our bounced outage texts are in the queue. Can staff still go back and change their wording?")
    assert should_abstain(staff, _hits(passage, dense=near), {}) == (False, "")
    bulk = analyze("We have 40,000 outage texts in a spreadsheet. Is there a bulk version of that call?")
    assert should_abstain(bulk, _hits(passage, dense=near), {}) == (False, "")
    covers = analyze("We must know who re-sent what and be able to undo mistakes. Does the Messaging BB cover this?")
    assert should_abstain(covers, _hits(passage, dense=near), {}) == (False, "")


def test_a_use_case_asked_for_in_everyday_words_is_not_refused_when_its_passages_are_all_one_use_cases():
    from assistant.abstain import NOT_DISCUSSED, ONE_USE_CASE_DENSE, WEAK_DENSE

    def uc_hits(*ucs):
        out = []
        for i, uc in enumerate(ucs):
            c = Chunk(text="Producers register and pay a fee for the waste they cause.", release="latest", repo="r",
                      folder="product-use-cases", path=f"use-cases/{uc.lower()}.md", kind="use_case_step",
                      heading_path=["Product Use Cases", uc, f"Step {i}"], extra={"uc_id": uc})
            out.append(Hit(f"u{i}", c, 1.0 / (i + 1), (ONE_USE_CASE_DENSE + WEAK_DENSE) / 2, 5.0))
        return out

    qa = analyze("Old phones keep turning up in household bins. Is there a GovStack use case about making the companies "
                 "that sell these gadgets foot the bill?")
    assert should_abstain(qa, uc_hits("ENV-1", "ENV-1", "ENV-1", "ENV-1"), {}) == (False, "")
    assert should_abstain(qa, uc_hits("ENV-1", "AGR-1", "ENV-1", "HLTC-2"), {}) == (True, NOT_DISCUSSED)


def test_a_price_needs_a_passage_stating_one_not_any_sum_of_money():
    """A question for a fee is answered only by a passage that puts money beside a price word; a sum said of something
    else ("transacting over $2 billion per day") is no price."""
    qa = analyze("What per-transaction fee should we budget when the Payments BB pays pensions into mobile money wallets?")
    volume = _hits(TOPIC, "Mobile money accounts transact an average of over $2 billion per day.")
    assert should_abstain(qa, volume, {}) == (True, "the specification does not give prices or costs of products")
    priced = _hits(TOPIC, "The provider charges a fee of 1% per transaction.")
    assert should_abstain(qa, priced, {}) == (False, "")


def test_certified_device_models_and_fines_set_by_the_spec_are_out_of_scope():
    certified = analyze("Which fingerprint scanner models has GovStack certified for use with the Identity building block?")
    assert should_abstain(certified, _hits(TOPIC), {}) == (True, "the specification names no certified or approved products")
    fine = analyze("What fine does the GovStack consent specification set for an agency using data without consent?")
    assert should_abstain(fine, _hits(TOPIC), {})[1] == "the specification does not cover national laws or their penalties"


def test_a_hyphenated_figure_is_a_figure_and_a_go_live_date_is_out_of_scope():
    qa = analyze("How long is the temporary certificate of the Messaging building block valid for?")
    assert should_abstain(qa, _hits(TOPIC, "The CA will publish a short-lived certificate."), {}) == (True, NO_FIGURE)
    stated = _hits(TOPIC, "The CA will publish a short-lived (1-minute) certificate.")
    assert should_abstain(qa, stated, {}) == (False, "")
    q = "Journalist here: when did the first country go live with a marketplace built on the Messaging BB?"
    assert should_abstain(analyze(q), _hits(TOPIC), {})[1].startswith("the specification does not track which countries")
    assert not should_abstain(analyze("When does a message go live in the Messaging BB's queue?"), _hits(TOPIC), {})[0]


def test_which_product_a_named_country_or_organisation_built_on_is_out_of_scope():
    hits = _hits(TOPIC, "Examples of standardised messaging are those of Peru and Rwanda. The Messaging BB uses a queue.")
    why = "the specification does not say which products the countries or organisations it names use"
    for q in ("Which messaging software did Peru build its SMS service on?",
              "which product did the second one choose for its gateway?",
              "What platform did the Ministry of Health use for the Messaging BB?"):
        assert should_abstain(analyze(q), hits, {}) == (True, why), q
    # what a block or GovStack itself uses is the spec's subject
    for q in ("What platform does the Messaging BB use for its queue?", "Which tools does GovStack use for testing?"):
        assert should_abstain(analyze(q), hits, {})[1] != why, q


def test_a_cheap_kind_of_phone_asks_no_price():
    passage = "Errored messages must be retried for 24 hours. Keys should live in a trusted execution environment."
    qa = analyze("Many riders have budget Android phones. Where should the Messaging BB's keys live on them?")
    assert should_abstain(qa, _hits(TOPIC, passage), {})[1] != "the specification does not give prices or costs of products"
    budget = analyze("I need a budget line for our tender: what does the Messaging BB cost?")
    assert should_abstain(budget, _hits(TOPIC, passage), {}) == (True, "the specification does not give prices or costs "
                                                                        "of products")


def test_whether_there_is_a_limit_is_answered_by_what_limits_it():
    """"Is there a fixed ceiling on how many …?" asks for a figure, but a sentence saying what limits it answers it
    (abstain.LIMIT_STATED); without one the spec gives no figure."""
    qa = analyze("Is there a fixed ceiling on how many messages we can send to the Messaging building block in one go?")
    limited = "The number of messages that can be included in a single batch is limited by the size of the file upload."
    assert should_abstain(qa, _hits(TOPIC, limited), {}) == (False, "")
    assert should_abstain(qa, _hits(TOPIC, "Messages in a batch are validated before sending."), {}) == (True, NO_FIGURE)


def test_a_scope_question_is_answered_by_the_block_s_scope_sections():
    """Whether a named block does a job itself is what its scope sections say (abstain.SCOPE_ANSWERS): found for it,
    weak evidence does not make the question 'not discussed'."""
    qa = analyze("If the Messaging BB gets a reminder request, will the Messaging BB itself first check the list was "
                 "signed off?")
    hits = _hits(TOPIC, "Messaging delivers what it is given; checking the content is out of scope.", dense=0.36)
    assert should_abstain(qa, hits, {})[0]
    hits[1].why.append("scope")  # (retrieve marks a block's scope sections found for a scope question)
    assert should_abstain(qa, hits, {}) == (False, "")


def test_a_shorter_version_of_a_flow_is_a_variant_not_a_version_number():
    qa = analyze("Is there a shorter version of the login flow in the Messaging building block?")
    assert not should_abstain(qa, _hits(TOPIC, "A lean login flow skips the consent page."), {})[0]
    qa = analyze("Which TLS version must the Messaging building block support?")
    assert should_abstain(qa, _hits(TOPIC, "Connections must be encrypted."), {})[0]


def test_who_won_a_tender_is_out_of_scope_but_deciding_which_supplier_wins_is_a_job_asked_about():
    hits = _hits(TOPIC, "Bid evaluation: the buyer scores the bids received against the published criteria.")
    for q in ("Which vendor won the tender for the Messaging building block in Rwanda?",
              "Which company was awarded the contract to build it?"):
        assert should_abstain(analyze(q), hits, {}) == (True, "the specification does not track procurements or vendors"), q
    # (m62-004: a decision the block itself would take)
    q = "Could the Messaging building block score the bids that come in and decide which supplier wins the contract?"
    assert should_abstain(analyze(q), hits, {}) == (False, "")


def test_a_label_saying_who_asks_names_nothing_asked_about(monkeypatch):
    """m62-035: "Ministry of Finance treasury: when the government cloud glitches …?" — the label before the colon is who
    asks (query.ASKER_LABEL), not a name the spec must use; a short label can still name what is asked about."""
    import assistant.query as query

    hits = _hits(TOPIC, "Resources that are still allocated but no longer in use must be handled by the operations team.",
                 dense=0.4)
    q = analyze("Ministry of Finance treasury: who deals with servers still allocated but no longer in use?")
    assert should_abstain(q, hits, {}) == (False, "")
    monkeypatch.setattr(query, "ASKER_LABEL", False)
    assert should_abstain(q, hits, {})[0]
    assert query.colon_label("Messaging BB Kafka topic: what do I get back?") == "Messaging BB Kafka topic"


def test_the_askers_words_rendered_in_the_spec_s_words_are_covered_where_those_words_are(monkeypatch):
    """m62-025: "bounces a shop-licence application" is, in the spec's words, "sent back for correction" (query.plain_words):
    the asker's words count as covered where the spec's words are (abstain.GLOSS_MEASURES); words the gloss does not
    render still count."""
    import assistant.abstain as abstain

    hits = _hits("Applicants must be able to correct and resubmit applications that have been sent back for correction.",
                 dense=0.4, bb="registration")
    q = analyze("Can a clerk bounce a shop-licence application?")
    assert abstain.coverage(q, hits, {}) > abstain.MIN_COVERAGE
    monkeypatch.setattr(abstain, "GLOSS_MEASURES", False)
    assert abstain.coverage(q, hits, {}) < abstain.MIN_COVERAGE
    # a gloss the passages do not use covers nothing
    other = _hits("Applications are stored in the registry.", dense=0.4, bb="registration")
    monkeypatch.setattr(abstain, "GLOSS_MEASURES", True)
    assert abstain.coverage(q, other, {}) < abstain.MIN_COVERAGE


def test_everyday_words_whose_spec_rendering_a_top_passage_says_are_not_refused_as_far_off(monkeypatch):
    """s68-026: "had to stop halfway … will she lose everything she typed?" came 0.33 close to the passages (below
    MIN_DENSE) though the first one says what query.plain_words renders it as ("save as a draft, continue later"):
    abstain.GLOSS_EVIDENCE answers it; the same passages without those words, or far below GLOSS_FLOOR, do not."""
    import assistant.abstain as abstain

    qa = analyze("my neighbour started an application online but had to stop halfway. will she lose everything she typed?")
    says = "Applicants must be able to save their application file as a draft and continue data entering later."
    assert should_abstain(qa, _hits(says, TOPIC, dense=0.32), {}) == (False, "")
    assert should_abstain(qa, _hits(TOPIC, "Applicants submit their files online.", dense=0.32), {})[0]
    assert should_abstain(qa, _hits(says, TOPIC, dense=0.2), {})[0]
    monkeypatch.setattr(abstain, "GLOSS_EVIDENCE", False)
    assert should_abstain(qa, _hits(says, TOPIC, dense=0.32), {})[0]


def test_a_name_given_as_an_example_of_what_is_asked_is_not_what_is_asked(monkeypatch):
    """s68-001: "Could the Messaging BB host a live session …, like a Zoom call, or is that outside what it does?" asks
    about live video sessions (the block's out-of-scope list answers), not about Zoom (abstain.EXAMPLE_NOT_ASKED); the
    closing words make it a scope question (query.ASKS_SCOPE)."""
    import assistant.abstain as abstain
    from assistant.query import ASKS_SCOPE

    q = ("Could the Messaging Building Block host a live session between the nurse and the patient, like a Zoom call, "
         "or is that outside what it does?")
    block = "the messaging building block sends sms and email. out of scope: real-time video and audio conferencing."
    hits = _hits(TOPIC)
    assert unmentioned_by_block(analyze(q), hits, block) == []
    assert ASKS_SCOPE.search(q) and not ASKS_SCOPE.search("Could the Messaging Building Block host a live session?")
    monkeypatch.setattr(abstain, "EXAMPLE_NOT_ASKED", False)
    assert unmentioned_by_block(analyze(q), hits, block) == ["Zoom"]


def test_any_question_about_fines_needs_a_passage_that_speaks_of_them_but_a_field_question_does_not():
    """u70-007: the spec sets no penalty for a late bill; d36-022: the field carrying the amount with a late penalty is
    asked for, not a penalty."""
    q = "If a household pays its water bill late, does the Payments building block add a late-payment penalty on its own?"
    silent = _hits(TOPIC, "The biller sends the amount due on the due date and the amount after the due date.")
    assert should_abstain(analyze(q), silent, {}) == (True, "the specification does not set fines, sanctions or penalties")
    speaks = _hits(TOPIC, "Fines - Where the Business makes a payment to the Government to cover a fine.")
    assert should_abstain(analyze(q), speaks, {}) == (False, "")
    field = "In the bill inquiry response, which billDetails fields carry the amount with late penalty?"
    assert should_abstain(analyze(field), silent, {}) == (False, "")


def test_a_one_word_gloss_is_said_when_a_passage_has_the_whole_gloss():
    """"the same database table (shared database)" adds one word of the spec's, "shared": a passage saying "shared
    databases" says what it asks (b103-020 had been refused as not discussed)."""
    from assistant.abstain import gloss_said

    qa = analyze("is it ok if two building blocks just read and write the same database table to swap data?")
    said = _hits("Building blocks MUST NOT use shared databases, file systems or memory for data exchange.")
    other = _hits("Each building block keeps its database behind its own API, and data is shared over the API.")
    assert gloss_said(qa, said, {}) and not gloss_said(qa, other, {})
