"""The offline extractive answerer: composes a short, cited answer from retrieved passages, no LLM.

It leads with the direct answer the question's intent calls for (an API's METHOD and path, a
term's definition, a BB's purpose and key functionalities, both sides of a comparison), then adds
supporting points. Every sentence it writes is taken from a cited passage and carries [n].
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import takewhile
from typing import Any

import numpy as np

from assistant import reading_path, registry
from assistant.abstain import asked_job, asks_figure, figure_units
from assistant.answer.evidence import (Evidence, Unit, clip, from_field_name, heading_title, overlap, score_unit,
                                      sentences, strip_md, title_in_term, titled_for, units_of)
from assistant.query import (API_PATH, ASKS_BLOCK_ROLES, ASKS_DIFFERENCE, ASKS_OPTIONS, ASKS_SCOPE, FAILURE_CASE, LISTS_OPERATIONS,
                             MAX_DEFINED_TERMS, NAMES_BLOCKS, NAMES_USE_CASE, POINTS_BACK, STOP, QueryAnalysis, ask_part, noun_pattern, plain_words,
                             defined_term, search_form)
from assistant.retrieve import (FRAMEWORK_KINDS, OUT_OF_SCOPE, SCOPE_SECTION, Hit, continues, gloss_words, hands_over,
                                inline_definition, needed_stems, step_order,
                                negated_stems, norm_term, question_negations, qualifies, stem_tokens, story_page, template_key, term_forms,
                                term_names, tokenize)
from assistant.types import label_name


PRIMARY_UNITS = 6  # sentences taken from the best passage
PRIMARY_LIST_UNITS = 8
SPLIT_LIST_LEAD = True  # a lead list split by the chunker is chosen from whole (see _general)
SPLIT_LIST_START = True  # … and a lead that is only the tail of such a list is read from the passage where the list starts
SPLIT_LIST_TAIL = 2  # … a tail of at most this many units
ROW_COLUMNS = True  # a row of a table of three or more columns reads with the columns' names (evidence._row_shown)
# A yes/no question's lead passage opens with its best sentence when that scores this many times the passage's first
# chosen one and stands alone (_STANDS_ALONE): "Does every call … go through the Information Mediator?" opens with "An
# Information Mediator is not required for communication between building blocks which are co-located", not with the
# passage's preamble. 11 answers changed (6 read better, 3 as well, 2 blind), no figure moved on any set
BEST_FIRST = 2.0
# A line ending in ':' brings the list it introduces: at least 5 items, and up to 12 while they are short ("An
# Information Mediator MUST provide the following capabilities:" lists 11 one-to-four-word items; 5 cut it in half)
INTRO_LIST_ITEMS, INTRO_LIST_MAX, INTRO_LIST_CHARS = 5, 12, 500
SHORT_INTRO_CHARS = 80  # "CMSs should be:" finishes the sentence before it, which names what the list is
_ENDS_SENTENCE_INTRO = re.compile(r"\b[a-z][\w-]*\s*:\s*$")  # "… should be:", not a Title Case label
TERM_UNITS = 5  # a definition plus a few supporting points  # items/rows taken when the best passage is a list or table
# sentences/items in a whole answer: key-fact recall 0.684 at 10 (193 words), 0.696 at 11, 0.707 at 12 (214 words, an
# earlier answerer); at 14 with three points from one passage (FILL_PER_PASSAGE, was 2) every set's pass rate rose or held
# (dev-independent 0.807 -> 0.820, independent 0.817 -> 0.867) for a median answer of 304 words instead of 253
ANSWER_UNITS = 14
LONG_UNITS_BY_SENTENCE = True  # a long unit keeps the later sentence the question asks about whole (see _shortened)
FILL_HITS = 5  # passages supporting points may come from
WORKFLOW_HITS = 4  # a process answer takes its steps from the best of the top passages that lists steps
# …in the same spec (repository folder) as the top passage: a list elsewhere that shares more of the question's words
# is another topic ("Could one block read another block's database?" took the Digital Registries' list of linked
# databases under the architecture rule; "starts a workflow via the API" took the CMS's flow). dev pass 0.908 -> 0.911,
# dev-independent 0.795 -> 0.797, the blind sets unchanged; two more answers changed, both for the better
# A flow whose best-matching passage opens in the middle of a list is told from the first step, taken from the passages
# before it in the section that were retrieved too (_list_starts): dev pass 0.854 -> 0.857 (id-workflow-001), other sets
# unchanged
WORKFLOW_STEPS = 16  # a flow split over two passages (the next one brought by Assistant._augment) is shown whole
FILL_MIN_SCORE = 0.35
FILL_MIN_WORDS = 4  # a supporting point of fewer words is a title or a label ('INF-1 – Construction Permit.', '(OpenID Connect)')
_WORD = re.compile(r"[A-Za-z]{2,}")
FILL_PER_PASSAGE = 3  # supporting points one passage may give (2: the relevant second passage was cut short)
# Supporting points are picked best first, then told in reading order: grouped by the section they come from (the
# lead's section first, then the section of the best point), in the order the section has them. Told best first, a
# flow's steps came out shuffled and mixed with another flow's ("PBB begins sending sub-batches" of 9.1.3 between two
# steps of 9.1.2).
# Which points are picked does not change, so neither does any eval figure.
FILL_READING_ORDER = True
FILL_NO_REPEATS = True  # a supporting point another one says in full is dropped (144 of 3,564 QA answers had one)
# a further question in the message (QueryAnalysis.more_asks) the answer so far leaves open (less than this share of its
# words, IDF-weighted, said) is answered under it, with up to MORE_ASK_UNITS points of its own passages
MORE_ASK_SAID = 0.6
MORE_ASK_UNITS = 3
MORE_ASK_MIN_SCORE = 0.5
# a list item shorter than this many words is quoted as a supporting point only with the line introducing its list
SHORT_ITEM_WORDS = 6
GLOSSARY_NOT_LEAD = True  # _general: … nor a glossary entry, from a passage that does more than define
_ASKS_MEANING = re.compile(r"\b(what\s+(is|are|was)|what['’]?s|whats|who\s+(is|are))\s+(a|an|the|meant\s+by)?\b|\bmean(s|t|ing)?\b|"
                           r"\bdefin(e|es|ed|ition|itions)\b|\bstands?\s+for\b|\bcounts?\s+as\b|=\s*\?", re.I)
STORY_NOT_LEAD = True  # _general: a use case's story does not take the lead from the spec's own text
# _general: a top passage (of the first TITLE_NAMED_REACH) whose section title the asking sentence says word for word
# leads (u70-033: "Accessibility (REQUIRED)" for "what accessibility standard must govt websites … meet?")
TITLE_NAMED_LEADS = True
TITLE_NAMED_REACH = 3
TITLE_NAMED_IDF = 3.0
# _general: a question asking what happens when something fails ("What happens if one of the subscribing clinic systems
# is down when an event goes out?") is answered by the passage that puts that failure in a condition and says what is
# done then ("If a message cannot be delivered the Pub/Sub layer should drop that message"), not by a top passage about
# the process that names no failure: of the first FAILURE_REACH passages, the first that has such a sentence leads, and
# its sentences that do weigh FAILURE_BONUS more
FAILURE_RULE_LEADS = True
FAILURE_REACH = 5
FAILURE_BONUS = 0.3
FAILURE_ALSO = 2
_FAILURE_WORD = (r"(offline|unavailable|unreachable|down|fail|fails|failed|failure|failures|errors?|exceptions?|"
                 r"time[sd]?[ -]?out|timeouts?|rejected|declined|expired|lost|"
                 r"(can\s*not|cannot|could\s*not|is\s+not|are\s+not|was\s+not|not)\s+(be\s+)?"
                 r"(delivered|received|reached|reachable|available|processed|completed|sent|found|verified|validated))")
# (a failure the question puts in a condition, "if one of the subscribers is offline", "what if the signing step
# crashes"; not a state's name: "when does an errored sms become failed", "Errored vs Failed")
_FAILURE_CONDITION = re.compile(r"\b(if|when|whenever|in\s+case|what\s+happens|what\s+if|suppose|should)\b", re.I)
_STATE_NAMED = re.compile(r"\b(become|becomes|became|marked|labell?ed|flagged|set|status|state|as|the|an?)\s+$", re.I)


def asks_failure(asking: str) -> bool:
    """Whether the asking sentence asks what happens when something fails.

    >>> asks_failure("What happens if one of the subscribing clinic systems is down when an event goes out?")
    True
    >>> asks_failure("what if the signing step crashes halfway through?")
    True
    >>> asks_failure("when does an errored sms become failed")
    False
    >>> asks_failure("whats the diff between errored and failed then")
    False
    """
    for m in FAILURE_CASE.finditer(asking):
        if _STATE_NAMED.search(asking[:m.start()]):
            continue
        if _FAILURE_CONDITION.search(asking[max(0, m.start() - 100):m.start()]):
            return True
    return False


HANDLES_FAILURE = re.compile(r"\b(if|when|whenever|in\s+case(\s+of)?|unless|upon|on|after)\b[^.;:!?]{0,80}?\b"
                             + _FAILURE_WORD + r"\b", re.I)
# a list's items the next passage holds are quoted once, in that passage's order, however many intro lines of the
# passage bring them (k60-022 had said "(b) assign a sequence number …" twice, after an item that follows it)
CARRIED_ONCE = True
# _with_list: an intro line whose list the answer has quoted whole already is not said again, and only the run of
# items right after the intro is its list
LIST_ITEMS_SAID_DROPPED = True
ORPHAN_ITEMS_DROPPED = True  # _passage_points: a short item chosen without its list's intro line is left out
OP_MATCH_WEIGHT = 1.0  # API answers: question-word match of an operation against its rank (0.5, 1, 2 gave the same answers)
# …and its embedding similarity to the question (a 0.05 lead ≈ 0.15): independent dev API key-fact recall 0.429 → 0.500,
# dev and blind unchanged (3 and 8 gave the same answers)
OP_DENSE_WEIGHT = 3.0
# "We send collection notices by email through the Messaging BB. How can our app find out which emails never reached the
# resident?": the operation is matched on the words that ask, not on the context's ("send"), when the asking words
# leave any (and not in a follow-up, whose words are the previous question's): dev-independent +1 (s29-015), none lost,
# no blind answer changed
ASK_OP_WORDS = True
# "And that temporary certificate - how long is it valid for?": a figure question's answer leads with the sentence
# stating the figure when the answer built for its intent quotes none, or only among its supporting points (qa_dev36 +1
# with the figure read on in the top passage's section, Assistant._augment; 8 answers now open on their figure: "API
# calls use tokens … of maximum one day", "… 99.99% availability"); no blind answer changed
FIGURE_LEAD = True
# (…an operation's answer keeps its own first line; a data answer too led with a passage's fields until "how long may
# the text shown on the signing device be?" answered from the scope page, the "Limited to 256 characters" entry
# unquoted at rank 7: with data answers led by their figure, f55-018 gains its key fact, the only answer that changed)
FIGURE_LEAD_SKIP = ("api",)
IN_ORDER_OF_MENTION = True  # an answer's citations are numbered in the order its text first cites them
# an operation's summary as quoted (and matched): 69 of the 682 summaries are longer than 140 characters, 11 longer than
# 200; at 140 the Consent API's "Deleting a Policy is not possible if it's associated with active…" lost its object
OP_SUMMARY_CHARS = 200
OP_DESCRIPTION_CHARS = 220
OP_ABOUT_MORE = 2  # sentences of a long description beyond its first, when they use the question's words …
OP_ABOUT_MIN = 0.5  # … this well (score_unit)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# an operation's fields are named list by list (path, query, header parameters, request body fields), not only its first
ALL_FIELD_LISTS = True
# where an operation's passage goes on from its description to its parts
_OP_LABEL = re.compile(r"(?:^|\s)(?:API|Tags|Operation ID|Path parameters|Query parameters|Header parameters|Request body(?: fields| description)?|"
                       r"Responses|Response fields(?: \(\w+\))?|Response body|Servers):")
# the asking sentence's words count once more in a sentence's score when context comes first: dev-independent pass
# 0.778 -> 0.789 (k-055, d4-049), key-fact recall 0.699 -> 0.714; qa_dev5 key-fact recall +0.009; dev and the blind
# sets unchanged; 0.3 gained less, 0.7 lost d4-006, 1.0-1.6 gave the same answers
ASK_WEIGHT = 1.0
ASK_GLOSSED = True  # … the asking sentence's everyday words with the spec's words query.plain_words gives them (k60-029)
# Settings.sentence_scoring: a unit's similarity in meaning to the question above this floor adds this much to its score
# (it picks the points; the leading passage is chosen on the words, see _general)
MEANING_WEIGHT, MEANING_FLOOR = 2.4, 0.35
# sentence vectors kept (~75 MB); emptied when full. The index of `latest` has 18,758 distinct sentences, all embedded
# ahead by Assistant.warm_answers in a server
UNIT_CACHE_SIZE = 50_000
STRENGTH_ON_ASK = True  # dev-independent pass 0.783 -> 0.787 (d5-030); other sets unchanged
# a follow-up pointing back ("hows that different from a region?") has its passages compared on its own words (the
# question it follows is in its search already): dev-independent +1 (r13-032), none lost, 8 answers changed
FOLLOWUP_OWN_STRENGTH = True
_STEP_LABELS = re.compile(r"^\s*(Workflows|Building blocks):")
_STEP_BLOCKS = re.compile(r"^Building blocks: (.+?)\s*$", re.M)  # a use-case step passage's last line
_ABOUT_STEP = re.compile(r"\b(that|this|the|its|their|each|which|what|every) (\w+ ){0,2}(step|stage|phase)s?\b", re.I)
RELATED_SAME_BB = True  # an API answer's related operations are the lead operation's block's (4 answers changed)
# a process answer takes no steps from a data-structures or terminology chapter ("7.1 Resource Model": "Credentials: …,
# Registration requests …" are the model's parts)
NO_STEPS_IN_MODELS = True
_NOT_STEPS = re.compile(r"\b(data structures?|data models?|terminology|glossary)\b", re.I)
POINTED_POINTS = 2  # the points each sub-section a quoted passage names gets (_pointed_sections)
POINTED_MARGIN = 0.1  # … the sub-sections within this similarity of the one closest to the question
FLOW_INTRO_UNITS = 2  # the sentences a process answer takes from the passage saying what the flow is for
FLOW_PROSE_IN_ORDER = True
FLOW_PROSE_UNITS = 4  # … from the top passage, when the steps are the diagram that follows it in its section
FLOW_INTRO_BEFORE = True  # a flow's diagram passage is introduced by the passage before it in its section (u14-008)
# a use-case question naming no step leads with the step holding its best sentence (3 answers changed, none lost a fact)
STEP_BY_SENTENCE = True
OP_PART_CONTINUES = True  # an operation's header or response list cut at its passage's end goes on in the next (n27-003)
NAMED_STEP_FIRST = True  # … and a step it names leads, however the steps ranked (a33-007)
USE_CASE_STEP_NAMED = True  # … also when the question names no use case but its summary ranks first (a102-026)
STEP_TITLE_REACH = True  # … or, with no step in that reach, a lower-ranked step whose title the question names (m26-037)
USE_CASE_STEP_REACH = 3  # a step passage this high answers a use-case question that asks about no blocks
_ASKS_SDG = re.compile(r"\b(sdgs?|sustainable development goals?|development goals?)\b", re.I)
_API_PAGE = re.compile(r"(^|/)api/|service-apis|apis-and-services", re.I)  # OpenAPI files and the pages rendering them
# A yes/no question ("Does the Payments BB handle transfers between ministries?") is answered by the sentence that
# rules on it ("… are not covered in this specification"), which often shares fewer words with the question than
# the sentences describing the topic: such a sentence gets this bonus (independent dev key-fact recall 0.612 → 0.622,
# pass 0.700 → 0.708; dev and blind unchanged; 0.2 and 0.4 gave the same answers)
YN_BONUS = 0.2
SECTION_POINTS = 8  # points quoted from each section of two things compared (see _section_comparison)
RULE_CHARS = 700  # a requirement that ends with its level is quoted whole up to this length (see _sentence)
_RULE_LEVEL_END = re.compile(r"\((REQUIRED|RECOMMENDED|OPTIONAL)\)\.?\s*$")
# a document's own footnote numbers pasted into a page ("modalities (SMS[1] , email …", "contact data (mailID, phone no
# etc)[2] [3] [4]"): quoted as they are, they read as the answer's citation numbers, so the answer leaves them out
_FOOTNOTE_REFS = re.compile(r"(?<=[\w).,])\[\^?\d{1,2}\](?:\s?\[\^?\d{1,2}\])*(?!\()")
FLOW_OVERVIEW = True  # a long sequence diagram's flow comes after the plain list of its stages a top passage has
FLOW_OVERVIEW_MIN_STEPS, FLOW_OVERVIEW_REACH, FLOW_OVERVIEW_ITEMS = 10, 5, 10
OPTION_COMPARISON = True  # a question comparing options a page lays out under bold labels (see _option_comparison)
OPTION_REACH, OPTION_MAX, OPTION_POINTS = 3, 4, 2
OPTION_INTRO_WEIGHT = 0.5
OPTION_TITLE_BONUS = 1.0  # an option's point titled with a word of the question ("_Authentication:_ …") is about it
_POINT_TITLE = re.compile(r"^[_*]{1,2}([^_*:]{2,40}):?[_*]{1,2}:?\s")
_PLAIN_VERB_ONLY = re.compile(r"\s*\([^()]*\)")  # plain_words' glosses, dropped: its verbs stay ("take it back" → withdraw)
OPTION_LIST = True  # … and a question asking what options there are ("What options does GovStack describe for …?")
OPTION_VERDICT = True  # … closed by the page's verdict on them ("In general GovStack recommends option 1 or option 4.")
_OPTIONS_VERDICT = re.compile(r"\brecommends?\s+(using\s+)?options?\s+\d|\b(any|all|each|either|none) of (these|the) "
                              r"(options|mechanisms|approaches|methods|models)\b", re.I)
_ASKS_OPTIONS_VERDICT = re.compile(r"\b(recommend\w*|preferred|should (we|i) (use|choose|pick)|best)\b", re.I)
SIBLING_SECTIONS = True  # two sections of one page among the top passages answer a question asking for a difference
SIBLING_REACH = 4  # … found among this many top passages (see _sibling_comparison)
# "Most citizens don't own smart cards or USB signing tokens. How can they still sign documents?": of two sections of
# one page laid out as options (2.2.1 One-Time Signature Approach, 2.2.2 SCD-based approach), the one that says it
# does not need what the asker lacks answers (see _option_without): dev-independent +3 (d5-024, r13-021, r13-042; the
# one-time signature cluster), consent-workflow-001 keeps its draft endpoint, no blind answer changed
OPTION_WITHOUT = True
OPTION_WITHOUT_REACH = 6
OPTION_WITHOUT_POINTS = 14
_ASKS_A_WAY = re.compile(r"\b(how|is there|are there|any way|a way|which (option|approach|way)|what (option|approach|way|"
                         r"alternative)s?)\b", re.I)
# "Does the Messaging BB handle the timing, or is that a different BB?": the answer opens with where the block's scope
# sections hand jobs to other blocks (see _scope_handover): k41-002 key facts 0 → 1 (its passage is brought, not ranked:
# hit@5 still misses), 8 scope answers now open on the handover ("Payment solutions are not covered in this Building
# Block. See more in Payment Building Block."); no pass lost, no blind answer changed. Put first among the passages,
# as the which-block lead's are, the builders took them for the top passage: −3
SCOPE_HANDOVER_LEAD = True
SCOPE_HANDOVER_POINTS = 3
# "does the id bb decide what a logged in user is allowed to do, or does that live somewhere else?": a sentence of the
# named block's pages disclaiming the job the question names ("Authorization is not the responsibility of the Identity
# Building Block"; "the act of delegating is kept outside the scope of the Consent Building Block") answers it first
SCOPE_DISCLAIMER_LEAD = True
SCOPE_DISCLAIMERS = 2
_DISCLAIMS = re.compile(r"\bnot (the |its |a )?(responsibility|job|role|concern|task) of (the |this )?([\w-]+ ){0,3}?"
                        rf"(building block|bb)\b|\b({OUT_OF_SCOPE})\b|"
                        # ("It does not currently extend to payment wallets", the Wallet's release notes)
                        r"\b(does|do) not (currently |yet )?(extend|apply) to\b|"
                        r"\b(is|are) not covered (in|by) (this|the) (specification|building block|bb)\b|"
                        # …or assumes the job done before it ("assume that the suppliers (businesses) are already vetted")
                        r"\bassumes?\b[^.;]{0,80}\b(is|are|has been|have been) already\b", re.I)
# (the words that disclaim are not the job: "is that in scope?" is answered by what the sentence disclaims)
_DISCLAIMING_WORDS = frozenset(stem_tokens(["scope", "responsibility", "covered", "assume", "assumes", "already", "current",
                                            "early", "outside", "job", "role", "concern", "task", "kept", "left"]))


def disclaims_job(sentence: str, job: set[str], shared: int = 1) -> bool:
    """Whether a sentence disclaims a job that shares `shared` words with `job` (asked_job); not one introducing a list
    of them ("The following aspects are out of the scope of the current version …:", whose items name the jobs).

    >>> disclaims_job("Repeating an alert if acknowledgement is not received is out of scope.", {"repeat", "remind"})
    True
    >>> disclaims_job("Alerts based on human decision are out of scope.", {"repeat", "remind"})
    False
    >>> disclaims_job("Alerts based on human decision are out of scope.", {"alert", "remind"}, shared=2)
    False
    >>> disclaims_job("The following aspects are out of the scope of the current version of this document:", {"document"})
    False
    """
    return bool(_DISCLAIMS.search(sentence)) and not sentence.rstrip().endswith(":") \
        and len(set(stem_tokens(tokenize(sentence))) - _DISCLAIMING_WORDS & job) >= shared


# …and so is "Can we run those transfers between government bodies through the Payments building block?" ("Government
# to Government (G2G) are not covered in this specification")
_CAN_BLOCK_DO = re.compile(r"\b(can|could|may)\s+(we|i|you|they|it)\s+(also\s+)?(run|do|handle|process|use|send|make|"
                           r"manage|put|route|pay|channel)\b[^?]{0,80}\b(through|with|via|using|on)\s+(the\s+)?"
                           r"[\w\s-]{0,30}?\b(bb|building\s+block|block)\b", re.I)
NAMES_OTHER_BONUS = 2.5  # in a comparison, a block's sentence that names the other block comes first (see _comparison)
SCOPE_HANDOVER_BONUS = 2.5  # … a sentence of its scope sections that names it before any other
# … and when the top passage states no rule but the next one prohibits outright (_PROHIBITION), that one leads: "Our two
# modules share the same database tables. Is that allowed?" is answered by "… MUST NOT use shared databases", not by a
# registry's feature of linked tables that happens to share more words. With any verdict (_VERDICT: "cannot be thought
# of only as …"), one of the 554 gold answers lost its lead; with prohibitions only, none changes. A scope statement
# rules too ("Can we use the Messaging BB for ministries to message each other?" → "… (government to government) is
# out of the scope of this Building Block …"): dev-independent +1, no other answer changed.
RULE_REACH = 2
# a sentence ending on where its list is ("… outlined in the directory structure below."), which brings the list as a
# line ending ":" does (not "the following requirements … are out of scope because …", which goes on about them:
# quoting its list crowded e80-015's and h83-011's answers out)
_LIST_BELOW = re.compile(r"\bbelow\W*$", re.I)
NEED_REACH = 3
_ABBREVIATION_DOTS = re.compile(r"\b(?:i\.e|e\.g|etc|vs|cf|approx)\.", re.I)
_YES_NO = re.compile(r"(^|[.?!]\s+)(does|do|can|could|is|are|should|must|may|will|would|has|have)\b[^.?!]*\?", re.I)
_VERDICT = re.compile(r"\b(must not|shall not|should not|may not|cannot|can not|not required|not allowed|not permitted|"
                      r"not covered|out of scope|not in scope|not supported|is not|are not|does not|do not|never)\b", re.I)
_POINTER = re.compile(r"\b(shown|illustrated|depicted|described|presented|given) (in the (\w+ )?(diagram|figure|table) )?(below|above)\b|"
                      r"\b(diagram|figure|table) (below|above)\b", re.I)
# a passage's last sentence pointing at what comes next on the page ("Below is shown how …", "… works as follows.")
POINTS_AHEAD = re.compile(r"\b(below|as follows|the following)\b[^.!?]*[.:]?\s*$|^\s*below\b", re.I)
FOLLOW_UNITS = 6  # what a lead passage points at (Assistant._augment: follows) continues the lead with this many units
_PROHIBITION = re.compile(r"\b(must not|shall not|not allowed|not permitted|prohibited|forbidden|out of (the )?scope|out-of-scope)\b", re.I)
# An API answer leads with an operation only when one is among the top passages (or was brought in for the section a
# top passage documents, Assistant._augment): an operation further down matched some words of a question that asks
# about something else ("Which TLS version must APIs support?" led with E-Marketplace's support calls)
API_LEAD_HITS = 3
# A developer asking what an operation sends back ("what does a successful response look like?", "what if the process
# id is wrong?") or which headers it needs gets the operation's own response and header lines, from whichever of its
# passages holds them (Assistant._augment brings them along: a long operation is split into several passages);
# "what numbers does it return" and "which fields does it return" ask the same
ASKS_RESPONSE = re.compile(r"\b(respon(se|ses|d|ds)|status codes?|http (status|codes?)|error codes?|errors?|comes? back|"
                           r"answers? with|20[0-6]|40[0-9]|41[0-5]|422|429|50[0-4]|"
                           r"get back|returns? (on|when|if)|succe(ss|ssful|eds)|"
                           r"(what|which)( \w+){0,3} (does|do|will|would)\b.{0,90}?\b(return|send back)|"
                           r"(what|which \w+) (is|are|gets?) returned|"
                           r"if (the|my|an?|its) [\w\s-]{0,30}\b(is|are) (wrong|invalid|missing|unknown|bad))\b", re.I)
# "Response fields: …", "Response fields (201): …" (an operation whose success code is not 200)
# (on a line of its own, or running on after "Responses: …" in a passage the operation's fields fill)
_RESPONSE_FIELDS = re.compile(r"(?:^|\s)Response (?:fields|body)(?: \(\w+\))?: (.+?)(?=\n|$)")
# a field or parameter the question names by its identifier is quoted with what the API says of it (y16-020)
NAMED_FIELDS, NAMED_FIELDS_MAX = True, 4
# a supporting point quoted from an API field list starts at a field's name, not with the end of the previous field's
# description the chunker cut it from ("Displayed to the user.; dataAgreement.lawfulBasis …": 66 such points in the QA
# answers); in the lead, a passage's sentences follow each other and that end goes on from its field
FIELD_NAME_FIRST = True
SCOPE_LEADS, SCOPE_REACH = True, 2  # a scope passage among the first two leads a scope question's answer
_OP_META = re.compile(r"^\s*(API|Tags|Operation ID|Servers):")
_FIELD_LIST = re.compile(r"(?:^|\s)(Path parameters|Query parameters|Header parameters|Request body fields|"
                         r"Response fields(?: \(\w+\))?): (.+?)(?=\s+(?:Path parameters|Query parameters|Header parameters|"
                         r"Request body fields|Request body description|Responses|Response fields(?: \(\w+\))?|Servers|API):|\n|$)")
_FIELD_ENTRY = re.compile(r"([\w.\[\]-]+) \(([^)]*)\)(?: — (.*))?$", re.S)
# a field named in words before the word for a field: "the forgettable flag", "the lawful basis field"
_FIELD_NAMED = re.compile(r"((?:[a-z][\w-]*\s+){1,3})(?:field|flag|attribute|property|parameter|param|claim)s?\b", re.I)
# one entry of a field list rendered on a page or in an operation: "dataAgreement.forgettable (boolean) — Consent …"
_ENTRY_AT = re.compile(r"(?:^|; |: |\n)(?=[\w.\[\]-]+ \([^)]*\) — )")
NAMED_FIELDS_HITS = 6  # the passages searched for the entries of the fields a non-API question names
_COMPOUND = re.compile(r"[_.]|[a-z][A-Z]")  # an identifier of parts: redirect_uri, clientAssertion, data.status
# … and so does authentication: "what auth do I have to send?" → "Header parameters: apiKey (string, required)"
# … and one asking what to send ("what do we have to pass in?", "which parameters …?") gets the parameters with what
# the API says of each, not their names alone
DESCRIBED_FIELDS, DESCRIBED_FIELDS_CHARS = True, 300
ASKS_INPUT = re.compile(r"\b(pass(ed|ing)? in|parameters?|params|inputs?|arguments?|"
                        r"what (do|must|should|does|would|will) ((the|a|an|our|their|your|my) )?([\w-]+ ){1,2}?(have to |need to |"
                        r"has to |needs to )?(send|pass|provide|include|supply|give)|request body|payload|"
                        # "we keep getting HTTP 402 back. What is the call missing?" (x73-030)
                        r"(is|are)\s+(the|my|our|this|that|these|those)\s+(\w+\s+)?(calls?|requests?)\s+missing|"
                        r"missing\s+(from|in)\s+(the|my|our|this|that)\s+(\w+\s+)?(calls?|requests?)|"
                        # paging through a list is done with its parameters ("offset: Requested index for start of …")
                        r"page through|paginat\w*|paging|next page|page size|per page)\b", re.I)
ASKS_HEADERS = re.compile(r"\b(headers?|header parameters?|auth|authenticat\w*|authori[sz]ation|api[ -]?keys?|credentials?|bearer)\b", re.I)
_OP_PART = {"Responses": re.compile(r"(?:^|\s)Responses: (.+?)(?=\s+Response fields|\s+Servers:|\n|$)"),
            "Header parameters": re.compile(r"(?:^|\s)Header parameters: (.+?)(?=\s+(?:Request body fields|Query parameters|"
                                            r"Path parameters|Responses):|\n|$)")}
# …or the named block's best-matching operation (Assistant._augment: block-api), when it shares some of the question's
# own words: "find a doctor's free time slots" → GET /resource/availability ("free"), but "which protocol is the API
# based on?" shares none with POST /select
BLOCK_OP_MIN_SHARE = 0.1
_API_WORDS = {"api", "apis", "endpoint", "endpoints", "call", "calls", "use", "operation", "operations"}
# "Which building blocks does GovStack specify?" asks for names: a sentence or list naming at least three blocks answers
# it, though it shares no word with the question ("building blocks" is a stop word of every GovStack question)
BB_LIST_BONUS = 0.5
# A comparison says first what each block is: the first sentence naming it on its description page (the passages about
# the other block's job are brought in by Assistant._augment). Key-fact recall on independent2 0.567 → 0.574, others
# unchanged; "Registration is a process through which an applicant …" now opens its side of Registration vs Registries
NO_BLOCK_MATCHED = "No building block's key functionalities match this job closely enough to name one;"
# A data question ("What fields describe …?") is answered by the table titled with the object asked about, shown whole
DATA_TOP = 5  # retrieved tables considered (and those Assistant._augment brought from the same page)
DATA_ROWS = 14
# "Which attribute holds …?", "what field tells us …?": one field asked for (see _asked_row), quoted at this length
ASKS_ONE_FIELD = re.compile(r"\b(which|what)\s+(\w+\s+)?(field|attribute|property|element|parameter|column|flag)\b(?!s|\s+types?\b)", re.I)
LEAD_ROW_CHARS = 600
PAGE_SAYS_UNITS = 3  # an operation's page section, in its own words (see _page_says): at most this many points
# words of any fields question, not the object's name (as tokenize() gives them: "properties" → "propertie")
_DATA_WORDS = set(tokenize("fields describe described object structure data attributes properties property elements "
                           "schema contains type values list mandatory required format model parameters table includes "
                           "included stored records hold"))
_SECTION_NO = re.compile(r"^\s*[\d.]+\s*|\((REQUIRED|OPTIONAL|RECOMMENDED)\)", re.I)
# the question is about many items at once: an operation for a batch answers it before the one-item operation
_MANY_AT_ONCE = re.compile(r"\b(in (one|a single) (go|call|request|batch)|all at once|at once|at the same time|in bulk|bulk|"
                           r"batch(es)?|thousands|hundreds|(many|multiple|several) (\w+ )?(recipients|records|items|"
                           r"addresses|people|persons|beneficiaries|payments|transactions|messages|emails|files))\b", re.I)
_BATCH_OP = re.compile(r"\b(batch\w*|bulk|multiple)\b", re.I)
# The channels a message goes by: a question asking for an operation on one ("which Messaging API call sends an
# SMS?") that the block's operations do not have (its API sends email only) is told so before the nearest operation
_CHANNELS = {"SMS": re.compile(r"\bsms\b|\btext messages?\b", re.I), "email": re.compile(r"\be-?mails?\b", re.I),
             "push notifications": re.compile(r"\bpush notifications?\b", re.I),
             "WhatsApp": re.compile(r"\bwhatsapp\b", re.I), "USSD": re.compile(r"\bussd\b", re.I),
             "voice calls": re.compile(r"\bvoice calls?\b|\bivr\b", re.I)}


def channel_gap(question: str, bb_name: str, ops_text: str) -> str:
    """What to say first when the question asks for an operation on a channel that none of the block's operations
    (their summaries, descriptions and paths, `ops_text`) is for, while they are for another ("" otherwise).

    >>> channel_gap("Which Messaging API call sends an SMS?", "Messaging", "POST /send/email/single Send a single email")
    'The Messaging API in the specification has no operation for SMS: its operations are for email.'
    >>> channel_gap("Which call sends a batch of emails?", "Messaging", "POST /send/email/batch Send batch emails")
    ''
    """
    asked = [c for c, p in _CHANNELS.items() if p.search(ask_part(question))]
    has = [c for c, p in _CHANNELS.items() if p.search(ops_text)]
    if not asked or not has or set(asked) & set(has):
        return ""
    return (f"The {bb_name} API in the specification has no operation for {' or '.join(asked)}: its operations are for "
            f"{' and '.join(has)}.")
# A block with several APIs (Digital Registries' data and database templates, Identity's enrollment and provider APIs,
# the GIS and Information Mediator APIs): a question naming one ("the data API template", "the enrollment API") is
# answered by that API's operations. Its name is the one or two words before "API"; an API is named by a word of its
# title or file name that the block's other APIs among the hits do not have.
NAMED_API_BONUS = 1.0
CHANNEL_GAP = True  # channel_gap: an operation asked for on a channel the block's API does not have is said so
# "… whether a record is present in a registry (exists) …": an operation named by a word of the question (its path's
# last word, "/exists", "/instances/{instanceId}/stop") answers it before operations that only rank higher
OP_NAMED_BONUS = 0.5
# (words any API question uses, that name no operation: "… and what comes back in the response?" is no /sign/response)
_GENERIC_OP_WORDS = set(tokenize("response responses request requests result results single data record records list "
                                 "info details item items"))
_NAMES_API = re.compile(r"\b([\w/]+(?:[ -][\w/]+)?)[ -]+apis?\b", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
STRENGTH_MEAN = True  # how much a passage is on the question, for the lead: the mean of its best three units
DANGLING_HEAD_DROPPED = True  # a lead passage's closing line that introduces the next passage is not quoted
# a lead that refers back to its section's title ("These design guidelines …", "This pattern …") needs the title
POINTED_AT = True  # a supporting point opening with "This …"/"It …" comes with the sentence it points back at
_POINTS_BACK_START = re.compile(r"^(this|that|these|those|it|they|such)\b(?!\s+(section|page|document|chapter|specification|"
                                r"building block|bb|api|table|figure|diagram)\b)", re.I)
# what a sentence leans on besides a word pointing back (_POINTS_BACK_START): a connective ("Indeed, …", "For example,
# …", "The UI then redirects …"), an enumeration mark ("A. The called service …"), or what follows ("… capabilities:")
_LEANS_ON = re.compile(r"^(its|indeed|however|thus|therefore|hence|also|moreover|furthermore|so|but|and|for example|"
                       r"for instance|e\.g\.)\b|^([a-z]|\d+)[.)]\s|\bthen\b|:\s*$", re.I)
_ANAPHORIC_LEAD = re.compile(r"^(\*\*)?(these|this|those|such|they|it|its|the above|the same)\b|"
                          r"^[^.:\n]{0,60}\b(these|the above|the aforementioned|above-mentioned)\b", re.I)
_ASKS_BBS = re.compile(r"\b(which|what|list|name|enumerate)\b[^?]*\b(building blocks|bbs)\b|\b(building blocks|bbs)\b[^?]*\b(are there|exist)\b", re.I)
# a lead with no subject, whose section title names it ("7.2 ISO8601/UTC": "Used for dates and timestamps")
_SUBJECTLESS_LEAD = re.compile(r"(\*\*)?(used|required|needed|applied|intended|meant|designed)\s+(for|to|by|when|in)\b", re.I)
REQ_MAX_RANK = 0  # the requirement builder leads only when the top passage is a requirement (dev-independent kf 0.497 → 0.535; 1: 0.529)


@dataclass
class Draft:
    """What an answerer produces before the service wraps it into an Answer."""

    text: str
    evidence: Evidence
    snippets: dict[int, list[str]]
    abstained: bool = False


class ExtractiveAnswerer:
    name = "offline"
    _asks_failure = False  # (_compose sets it for each question)

    def __init__(self, idf: dict[str, float] | None = None, embed=None, max_dense_units: int = 48,
                 template: frozenset[str] = frozenset()):
        self.idf = idf or {}
        # the spec template's own sentences (CorpusIndex.template_keys: "This section links to any external documents
        # that may be relevant …") are never quoted
        self.template = template
        # the embedding model scores sentences by meaning too (Settings.sentence_scoring, on by default; see MEANING_WEIGHT)
        self.embed = embed
        self.max_dense_units = max_dense_units
        self._unit_vecs: dict[str, np.ndarray] = {}  # shared by the per-call copies (answer): a cache, never iterated

    # ---------------------------------------------------------------------------------------------
    def answer(self, qa: QueryAnalysis, hits: list[Hit]) -> Draft:
        """Thread-safe: each call composes on its own copy (the UI and HTTP API answer concurrently)."""
        return copy.copy(self)._compose(qa, hits)

    def _compose(self, qa: QueryAnalysis, hits: list[Hit]) -> Draft:
        ev = Evidence(hits)
        self._start_answer()
        qtoks = set(tokenize(qa.standalone))
        # (the named blocks' names say nothing about which of a passage's sentences answers: they all are about them)
        self._qtoks = qtoks - _block_words(qa)
        # the words of the sentence that asks weigh more than the context an official gives first ("We're procuring a CMS
        # for all government websites. What accessibility level does the CMS BB specify?")
        asking = ask_part(qa.question)
        # (in the spec's words too, as the question is searched: "blocked for a while" is "temporarily suspend"; analyze
        # has it already when it reads the asking sentence twice)
        asked = set(tokenize((qa.ask_again or search_form(asking)) if ASK_GLOSSED else asking))
        self._ask_toks = asked if asked != qtoks and ASK_WEIGHT else set()
        self._asked_words = asked
        # (a follow-up's "that", "those" point at the question it follows, which its search carries already: its own
        # words still say which passage answers it)
        self._ask_points_back = bool(POINTS_BACK.search(asking)) and not (FOLLOWUP_OWN_STRENGTH and qa.previous)
        # (the dots of "i.e." and "e.g." end no sentence: "Could the Payments building block also handle …, i.e. one
        # ministry paying another?", r67-001)
        self._yes_no = bool(_YES_NO.search(_ABBREVIATION_DOTS.sub(" ", qa.question)))
        self._asks_failure = FAILURE_RULE_LEADS and asks_failure(asking)
        self._asks_bbs = not qa.bbs and bool(_ASKS_BBS.search(qa.question))
        if self.embed is not None and hits:
            self._score_units_by_meaning(qa, hits)
        builders = {
            "term": self._term,
            "api": self._api,
            "overview": self._overview,
            "comparison": self._comparison,
            "use_case": self._use_case,
            "requirement": self._requirement,
            "workflow": self._workflow,
            "data": self._data,
        }
        if qa.advice:
            advice = self._advice(qa, ev)
            if advice:
                return Draft(advice, ev, self._snips)
        if qa.reading_path:
            path = self._reading_path(qa, ev)
            if path:
                return Draft(path, ev, self._snips)
        lead = self._need_blocks(qa, ev) if qa.need_blocks else ""  # first, so that its citations come first
        if not lead and SCOPE_HANDOVER_LEAD and len(qa.bbs) == 1 and any("scope-handover" in h.why for h in ev.hits):
            lead = self._scope_handover(qa, ev)
        if not lead and SCOPE_DISCLAIMER_LEAD and len(qa.bbs) == 1 and (ASKS_SCOPE.search(qa.question)
                                                                         or _CAN_BLOCK_DO.search(qa.question)):
            lead = self._scope_disclaimer(qa, ev)
        if qa.bb_need and qa.need_matched and not qa.need_blocks:  # say so, rather than let a passage pass for a block
            near = ev.hits[0].chunk.bb if ev.hits else None
            lead = (NO_BLOCK_MATCHED + f" the closest passage is in the **{registry.name_of(near)}** specification:" if near
                    else NO_BLOCK_MATCHED + " the nearest the specification comes:")
        parts = self._term_comparison(qa, ev) if qa.terms and len(qa.bbs) < 2 else None
        if not parts and OPTION_COMPARISON and (ASKS_DIFFERENCE.search(asking) or OPTION_LIST and ASKS_OPTIONS.search(asking)):
            parts = self._option_comparison(qa, ev) or None
        if not parts and OPTION_WITHOUT and qa.intent in ("general", "workflow") and _ASKS_A_WAY.search(asking):
            parts = self._option_without(qa, ev) or None
        if not parts and SIBLING_SECTIONS and len(qa.bbs) < 2 and ASKS_DIFFERENCE.search(asking):
            parts = self._sibling_comparison(qa, ev) or None
        if not parts and qa.enumerates and qa.intent == "term" and qa.term:
            # "What does 'holder binding' mean, and what kinds of holder binding are defined?": the term, then its kinds
            parts = self._term(qa, ev, qtoks)
            parts = (parts or []) + self._sections(qa, ev)
        elif not parts and qa.enumerates:
            parts = self._sections(qa, ev)
        if not parts and USE_CASE_STEP_NAMED and qa.intent == "general" and ev.hits and ev.hits[0].chunk.kind == "use_case":
            # a use case's summary on top, and one of its steps retrieved whose title the asking sentence names in the
            # spec's words ("for the scheme where money goes out before a disaster hits, what decides when the payouts
            # actually start?" → "what decides when (trigger)" → Step 5 Program Trigger, ranked 8th; a102-026): the step
            # answers, as it does a question that names the use case (_use_case)
            # (the spec's words only, which retrieval did not rank the step by: a step the asker names in their own
            # words, "consultation" in "when is the consultation fee taken …, and what happens if the connection is too
            # weak?", is one of several things asked, which the summary's passage answers, j85-028)
            glossed = set(tokenize(gloss_words(ask_part(qa.question)))) - _block_words(qa)
            if _steps_titled([(hi, h) for hi, h in enumerate(ev.hits)], ev.hits[0], glossed):
                parts = self._use_case(qa, ev, qtoks)
        if not parts and qa.intent in builders:
            parts = builders[qa.intent](qa, ev, qtoks)
        if not parts:
            parts = self._general(qa, ev, qtoks)
        if lead:
            parts = [lead] + (parts or [])
        if parts and NAMED_FIELDS and qa.intent != "api" and not qa.advice:
            named = self._fields_named_in(ev, qa.question)
            if named:
                fields = "The fields asked about:\n" + "\n".join(named)
                # a lead that is itself a run of field entries, clipped, gives way to the entries asked about
                dump = len(_ENTRY_AT.findall(parts[0])) >= 2 and len(parts) == 1 + sum(p.startswith("Also") for p in parts)
                parts = [fields] + parts[1:] if dump else parts + [fields]
                if dump:  # the source card highlights what the answer quotes, not the run it dropped
                    kept = "\n".join(parts)
                    self._snips = {hi: [q for q in qs if q in kept] for hi, qs in self._snips.items()}
        if parts and FIGURE_LEAD and qa.intent not in FIGURE_LEAD_SKIP and asks_figure(qa.question):
            parts = self._figure_first(qa, ev, qtoks, parts)
        if parts and qa.more_asks and MORE_ASK_UNITS:
            parts += self._more_asks(qa, ev, parts)
        if parts and POINTED_POINTS:
            parts += self._pointed_sections(ev, qtoks)
        if parts:
            # a definition stays short; other answers get supporting points up to the budget
            other_term = None
            if qa.intent == "term" and qa.term:
                want = norm_term(qa.term)
                # other glossary entries ("Participant", "Internal Kickoff") say nothing about the term asked
                # …and an API page's field lists say nothing about what a term means
                other_term = lambda h: (h.chunk.kind == "glossary_term" and want not in _names(h)) or bool(  # noqa: E731
                    _API_PAGE.search(h.chunk.path))
            elif qa.terms_defined and qa.bbs:  # another block's glossary defines its own "Issuer"
                other_term = lambda h: h.chunk.kind == "glossary_term" and h.chunk.bb not in qa.bbs  # noqa: E731
            fill = self._fill(ev, qtoks, budget=TERM_UNITS if qa.intent == "term" else ANSWER_UNITS, skip=other_term)
            if fill:
                parts.append(fill)
        text = _drop_unused_citations("\n\n".join(p for p in parts if p).strip(), ev, self._snips)
        return Draft(text, ev, self._snips)

    def _figure_first(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str], parts: list[str]) -> list[str]:
        """A question for a figure ("how long is it valid?") whose answer quotes none gets the best sentence stating one
        on its subject first (abstain.figure_units: the ones the abstention check accepted)."""
        found = {(u.hit_index, u.order) for u in figure_units(qa, ev.hits)}
        if not found:
            return parts
        ranked = [u for u in self._ranked_units(ev, qtoks, max_hits=len(ev.hits)) if (u.hit_index, u.order) in found]
        if not ranked or any(self._quoted_already(u.text, least=20) for u in ranked):
            return parts  # (said already)
        return [self._sentence(ev, ranked[0])] + parts

    def _start_answer(self) -> None:
        """The state one answer builds up as it quotes."""
        self._snips: dict[int, list[str]] = {}
        self._dense: dict[tuple[int, int], float] = {}
        self._taken: set[str] = set()  # what the answer already says (no repeats across sections)
        self._quoted: list[str] = []  # every quote in full (a later point may repeat part of an earlier one)
        self._n_units = 0
        self._qtoks: set[str] = set()  # the question's words but the named blocks' names (_compose sets them)
        self._named_apis: set[str] = set()  # the API files the question names (_api sets them)

    def _fill(self, ev: Evidence, qtoks: set[str], budget: int = 10, skip=None) -> str:
        """Supporting points from the other top passages, up to the answer's budget of sentences."""
        room = budget - self._n_units
        if room <= 0:
            return ""
        # operations speak through the API lead; their field lists make poor supporting points
        # a question in the spec ("Can different GovStack ecosystems talk to each other?", an FAQ heading) is no point
        units = [u for u in self._ranked_units(ev, qtoks, max_hits=FILL_HITS,
                                               hit_filter=lambda h: h.chunk.kind != "api_operation" and not (skip and skip(h)))
                 if u.score > FILL_MIN_SCORE and not _is_question(u)
                 and (u.text.rstrip().endswith(":") or len(_WORD.findall(u.text)) >= FILL_MIN_WORDS)]
        per_hit: dict[int, int] = {}
        lines: list[tuple[Unit, str]] = []
        for u in self._pick(units, room * 3):
            if per_hit.get(u.hit_index, 0) >= FILL_PER_PASSAGE:
                continue
            before = self._pointed_at(ev, u) if POINTED_AT else None
            if FIELD_NAME_FIRST and before is None and u.kind == "sentence" \
                    and (named := from_field_name(u.text)) != u.text:
                u = replace(u, text=named)  # (a point on its own: see FIELD_NAME_FIRST)
            mark = self._checkpoint(ev)
            line = self._with_list(ev, u)
            told = u.text.partition(": ")[2] if ": " in u.text[:120] else ""  # a glossary row's definition
            if line and (self._quoted_already(_MARKER.sub("", line), upto=mark[2])
                         or self._quoted_already(u.text, upto=mark[2], least=20)
                         or self._quoted_already(told, upto=mark[2], least=40)):
                # said already (points are picked before their lines are written): with the point leaning on it, in
                # the list an intro line brought, or as the definition the lead quoted; the line is taken back whole
                # (it cites nothing, and the source card highlights nothing of it)
                self._restore(ev, mark)
                continue
            if line and before is not None:
                # "This can give you a default language …" says nothing without what "this" is: the sentence before it
                self._taken.add(" ".join(tokenize(before.text))[:120])
                line = f"{self._sentence(ev, before)} {line}"
            if line and u.kind == "sentence" and not u.text.rstrip().endswith(":"):
                # …and the short line right after it that introduces a list ("The wallet and the verifier should be
                # able to verify the validity of the credentials. Validity of credentials means, that:" + its items)
                line += self._intro_after(ev, u)
            if not line or f"- {line}" in (x for _, x in lines):  # two short items of one list both bring that list's line
                continue
            per_hit[u.hit_index] = per_hit.get(u.hit_index, 0) + 1
            lines.append((u, f"- {line}"))
            if len(lines) >= room:
                break
        if FILL_NO_REPEATS:
            # a point another point says in full ("The credential has not expired or revoked." and the list it is an
            # item of, which a point's lead-in brought) is said once; picked one by one, the check above only sees
            # the points picked before it
            lines = _without_repeats(lines)
        lines = _in_reading_order(ev, lines) if FILL_READING_ORDER else [line for _, line in lines]
        return ("Also in the specification:\n" + "\n".join(lines)) if lines else ""

    def _quoted_already(self, text: str, upto: int | None = None, least: int = 1) -> bool:
        """Whether the answer has quoted this text (its words, `least` characters of them at the least) inside one of
        its quotes (the first `upto` of them)."""
        said = " ".join(tokenize(text))
        return len(said) >= least and any(said in q for q in self._quoted[:upto])

    def _checkpoint(self, ev: Evidence) -> tuple:
        """What quoting changes (citations, units counted, quotes, source-card snippets), to take a line back."""
        return (len(ev.used), self._n_units, len(self._quoted), {hi: len(q) for hi, q in self._snips.items()},
                set(self._taken))

    def _restore(self, ev: Evidence, mark: tuple) -> None:
        used, n_units, quoted, snips, taken = mark
        del ev.used[used:]
        self._n_units = n_units
        del self._quoted[quoted:]
        self._snips = {hi: q[: snips[hi]] for hi, q in self._snips.items() if hi in snips}
        self._taken.clear()
        self._taken.update(taken)

    def _pointed_at(self, ev: Evidence, u: Unit) -> Unit | None:
        """The sentence right before a sentence that opens by pointing back at it ("This can give you …", "It …"),
        unless already said; else None."""
        if u.kind != "sentence" or not _POINTS_BACK_START.match(u.text):
            return None
        prev = max((v for v in units_of(ev.hits[u.hit_index].chunk.text, u.hit_index) if v.order < u.order),
                   key=lambda v: v.order, default=None)
        if prev is None or prev.kind != "sentence" or prev.order != u.order - 1 or prev.text.rstrip().endswith(":"):
            return None
        return None if self._quoted_already(prev.text, least=0) else prev

    def _pointed_sections(self, ev: Evidence, qtoks: set[str]) -> list[str]:
        """A quoted passage that says what its sub-sections describe ("The first section describes 'Adaptors' …
        Finally we describe the GovStack Testing Harness"): each such sub-section's best points under its title, from
        the passage Assistant._augment brought for it (pointed-section)."""
        out = []
        for hi in [hi for hi, qs in self._snips.items() if qs]:
            c = ev.hits[hi].chunk
            under = [hj for hj, h in enumerate(ev.hits) if "pointed-section" in h.why and (h.chunk.folder, h.chunk.path)
                     == (c.folder, c.path) and h.chunk.heading_path[:len(c.heading_path)] == c.heading_path]
            # (the sections the question is about, nearly as close to it in meaning as the closest one, not all)
            best = max((ev.hits[hj].dense for hj in under), default=0.0)
            for hj in under:
                if ev.hits[hj].dense >= best - POINTED_MARGIN and not self._snips.get(hj):
                    part = self._section_part(ev, hj, qtoks, points=POINTED_POINTS)
                    if part:
                        out.append(part)
        return out

    def _more_asks(self, qa: QueryAnalysis, ev: Evidence, parts: list[str]) -> list[str]:
        """An answer to each further question of the message (QueryAnalysis.more_asks) that the answer so far leaves
        open: the best points, on that question's words, of the passages retrieved for it (Assistant._augment:
        next-ask), under the question itself."""
        said = set(tokenize(" ".join(parts)))
        names = set(tokenize(" ".join(registry.name_of(b) for b in qa.bbs)))
        out = []
        for ask in qa.more_asks:
            # (in the spec's words too, as searched: "take it back" is withdrawing it)
            words = (set(tokenize(ask)) | set(tokenize(_PLAIN_VERB_ONLY.sub("", plain_words(ask))))) - names
            weight = sum(self.idf.get(t, 8.0) for t in words)
            term = defined_term(ask)
            if term:
                # "… and what do you mean by a 'building block'?": answered already when a part opens on the term,
                # not when its words occur ("building block specifications" in GovStack's definition)
                if any(term.lower() in p[:80].lower() for p in parts):
                    continue
            elif not weight or sum(self.idf.get(t, 8.0) for t in words if t in said) / weight >= MORE_ASK_SAID:
                continue  # answered already
            best: tuple[float, list[Unit]] | None = None
            for hi, h in enumerate(ev.hits):
                if "next-ask" not in h.why:
                    continue
                if term:
                    # (a definition asked for: the passage defining the term, its entry first — "building" and
                    # "block" are no search words, every page says them)
                    entry = [u for u in units_of(h.chunk.text, hi) if strip_md(u.text).lower().startswith(term.lower())]
                    if entry:
                        best = (MORE_ASK_MIN_SCORE, entry)
                        break
                    continue
                # (an operation's label lines, "API: Voucher Cancellation API (version 1.0.1)", are no answer)
                units = [u for u in units_of(h.chunk.text, hi) if not _is_question(u) and not _OP_META.match(u.text)]
                for u in units:
                    u.score = score_unit(u, words, self.idf)
                units.sort(key=lambda u: -u.score)
                if units and (best is None or units[0].score > best[0]):
                    best = (units[0].score, units)
            if best is None or best[0] < MORE_ASK_MIN_SCORE:
                continue
            points = self._passage_points(ev, best[1], self._taken, max_units=MORE_ASK_UNITS)
            if points:
                title = _sentence_case(re.sub(r"^(?:and|also|plus)\s+", "", ask.strip(), flags=re.I))  # ("how …", "And …")
                out.append(f"**{title if title.endswith('?') else title + '?'}**\n\n{points}")
        return out

    def preload(self, texts: list[str], vectors) -> None:
        """Sentence vectors computed ahead (Assistant.warm_answers), for texts as `unit_texts` gives them."""
        if len(texts) <= UNIT_CACHE_SIZE:
            self._unit_vecs.update((t, np.asarray(v, dtype=np.float32)) for t, v in zip(texts, vectors))

    def _score_units_by_meaning(self, qa: QueryAnalysis, hits: list[Hit]) -> None:
        units = [u for hi, h in enumerate(hits[:6]) for u in units_of(h.chunk.text, hi)][: self.max_dense_units]
        if not units:
            return
        texts = [unit_text(u) for u in units]
        # the same passages come back for many questions: their sentences are embedded once (UNIT_CACHE_SIZE vectors);
        # the question itself was embedded by the search (QueryAnalysis.vectors)
        known = qa.vectors.get(qa.standalone)
        q = np.asarray(known if known is not None else self.embed([qa.standalone])[0], dtype=np.float32)
        have = self.unit_vectors(texts)
        for u, t in zip(units, texts):
            self._dense[(u.hit_index, u.order)] = float(have[t] @ q)

    def unit_vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The vectors of sentences (as `unit_text` gives them): from the shared cache, the others embedded now and kept."""
        # (read into a local map first: another thread may empty the shared cache meanwhile)
        cache = self._unit_vecs
        have = {t: cache.get(t) for t in dict.fromkeys(texts)}
        todo = [t for t, v in have.items() if v is None]
        for t, v in zip(todo, self.embed(todo) if todo else []):
            have[t] = np.asarray(v, dtype=np.float32)
        if len(cache) + len(todo) > UNIT_CACHE_SIZE:
            cache.clear()
        cache.update((t, have[t]) for t in todo)
        return have

    # ----- helpers ----------------------------------------------------------------------------------
    def _mark(self, ev: Evidence, hi: int, quoted: str) -> str:
        n = ev.cite(hi)
        self._n_units += 1
        self._taken.add(" ".join(tokenize(quoted))[:120])
        self._quoted.append(" ".join(tokenize(quoted)))
        self._snips.setdefault(hi, [])
        if quoted not in self._snips[hi] and len(self._snips[hi]) < 3:
            self._snips[hi].append(quoted)
        return f"[{n}]"

    def _ranked_units(self, ev: Evidence, qtoks: set[str], hit_filter=None, max_hits: int = 6) -> list[Unit]:
        units: list[Unit] = []
        # the passages put in front for the which-block lead (Assistant._blocks_for_need) do not push the others'
        # retrieval ranks down
        lead = len(list(takewhile(lambda h: "need-block" in h.why, ev.hits)))
        # an operation's page passage (retrieve: rendered-op) is there to be cited, not quoted, and takes no rank; one
        # that was among the passages anyway and was moved up beside its operation is read at the rank it had
        pool = [(hi, h) for hi, h in enumerate(ev.hits) if "rendered-op" not in h.why or h.moved_from is not None]
        pool.sort(key=lambda p: p[1].moved_from + 0.5 if p[1].moved_from is not None else p[0])
        for r, (hi, h) in enumerate(pool[:max_hits + lead]):
            if hit_filter and not hit_filter(h):
                continue
            prior = 1.0 / (1.0 + 0.35 * max(0, r - lead))  # retrieval rank matters: the fused score already weighed meaning
            units += self._scored_units(ev, hi, qtoks, prior)
        units.sort(key=lambda u: -u.score)
        return units

    def _scored_units(self, ev: Evidence, hi: int, qtoks: set[str], prior: float) -> list[Unit]:
        """Passage hi's units, each scored on the question (and its asking sentence), with the passage's rank prior."""
        out = []
        for u in units_of(ev.hits[hi].chunk.text, hi):
            if self.template and template_key(u.text) in self.template:
                continue
            u.score = score_unit(u, qtoks, self.idf) * 0.7 + prior * 0.6 + (0.1 if u.order == 0 else 0.0)
            if self._ask_toks:
                u.score += ASK_WEIGHT * score_unit(u, self._ask_toks, self.idf)
            if self._yes_no and _VERDICT.search(u.text):
                u.score += YN_BONUS
            if self._asks_failure and HANDLES_FAILURE.search(u.text):
                u.score += FAILURE_BONUS
            if self._asks_bbs and len(registry.find_bbs(u.text)) >= 3:
                u.score += BB_LIST_BONUS
            if self._dense:
                u.meaning = MEANING_WEIGHT * max(0.0, self._dense.get((hi, u.order), 0.0) - MEANING_FLOOR)
                u.score += u.meaning
            out.append(u)
        return out

    def _sentence(self, ev: Evidence, u: Unit, n: int = 450, whole: bool = False) -> str:
        """A unit as the answer quotes it, cited; a long one cut to n characters (in whole sentences, the ones using the
        question's words kept, for any unit but a table row, or for a row too when `whole`). A rule stated in one long
        sentence ("… either directly to a Rest-API … or through its Pub/Sub room. The choice is …, while Pub/Sub should be
        chosen only when … (REQUIRED)") is quoted up to its level, to RULE_CHARS: cut, it loses its conditions."""
        if RULE_CHARS and n < RULE_CHARS and _RULE_LEVEL_END.search(u.text) and len(u.text) <= RULE_CHARS:
            n = RULE_CHARS
        text = self._shortened(u.text, n) if LONG_UNITS_BY_SENTENCE and (u.kind != "row" or whole) else u.text
        quote = clip(text, n).rstrip(" ;,")  # as the spec has it: the citation's snippet, highlighted in the source
        # (a table row reads with its columns named, when ROW_COLUMNS; what is marked as said is the row itself)
        t = _sentence_case(clip(u.shown, n).rstrip(" ;,") if ROW_COLUMNS and u.shown else quote)
        t = _FOOTNOTE_REFS.sub("", t)
        if not re.search(r"[.!?…:)]$", t):
            t += "."  # the answer reads as sentences
        return f"{t} {self._mark(ev, u.hit_index, quote)}"

    def _shortened(self, text: str, n: int) -> str:
        """A unit longer than n characters (a list item of several sentences) cut at n loses its later sentences,
        however much of the question they answer ("The purpose of the message log is … At a minimum, the log must store
        metadata that identifies a…"). A later sentence that uses more of the question's words than some before the cut
        takes their place when that makes room for it whole (the first sentence stays); the quote is then in whole
        sentences, in the spec's order, a gap marked " … ". Otherwise the text as it is (clip cuts it)."""
        text = " ".join(text.split())
        if len(text) <= n:
            return text
        sents = sentences(text)
        size, k = len(sents[0]), 1
        while k < len(sents) and size + 1 + len(sents[k]) <= n:
            size += 1 + len(sents[k])
            k += 1
        if k >= len(sents) or len(sents[0]) > n:
            return text
        score = [overlap(tokenize(t), self._qtoks, self.idf) for t in sents]
        keep = set(range(k))
        for j in sorted(range(k, len(sents)), key=lambda j: (-score[j], j)):
            weaker = sorted((i for i in keep if i and score[i] < score[j]), key=lambda i: (score[i], -i))
            room = n - sum(len(sents[i]) + 3 for i in keep)
            drop = []
            while room < len(sents[j]) + 3 and weaker:
                drop.append(weaker.pop(0))
                room += len(sents[drop[-1]]) + 3
            if score[j] > 0 and room >= len(sents[j]) + 3:
                keep = (keep - set(drop)) | {j}
        if max(keep) < k:
            return text
        out = ""
        for j in sorted(keep):
            out += ((" " if j - 1 in keep else " … ") + sents[j]) if out else sents[j]
        return out

    def _pick(self, units: list[Unit], k: int, taken: set[str] | None = None, longer_new: bool = False) -> list[Unit]:
        """Best k units, skipping near-duplicates of what was already said (with longer_new, not a unit that holds a
        shorter one said and says much more besides: LONGER_NOT_REPEAT)."""
        taken = taken if taken is not None else self._taken
        out = []
        for u in units:
            key = " ".join(tokenize(u.text))[:120]
            if not key or key in taken or any(_repeats(key, t, longer_new) for t in taken):
                continue
            if len(key) > 30 and any(key in q for q in self._quoted):
                continue  # already said inside a longer quote
            taken.add(key)
            out.append(u)
            if len(out) >= k:
                break
        return out

    # ----- intents ----------------------------------------------------------------------------------
    def _general(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        """Lead with the best passage's most relevant sentences (in its own order), then other passages' best points."""
        # a passage brought only for the which-block lead has said its part
        units = self._ranked_units(ev, qtoks, hit_filter=lambda h: h.why != ["need-block"])
        if not units:
            return []
        # the primary passage: where the best-scoring units are (rank prior included in unit scores)
        by_hit: dict[int, list[Unit]] = {}
        for u in units:
            by_hit.setdefault(u.hit_index, []).append(u)
        # the top-ranked passage leads unless another of the top three is clearly more on-topic
        # (with context first, on-topic means on the asking sentence's words: the context is shared by many passages;
        # unless the asking sentence points back into it: "Is that allowed …?", "What do those words mean there?")
        on_topic = (lambda u: score_unit(u, self._ask_toks, self.idf) + 0.6 / (1.0 + 0.35 * u.hit_index)) \
            if self._ask_toks and STRENGTH_ON_ASK and not self._ask_points_back else (lambda u: u.score - u.meaning)
        # (the mean of a passage's best three units: their sum had a one-sentence note, "As most Android devices don't
        # have trusted hardware, a trusted execution environment (TEE) can be used to store … keys", lose to any list)
        best3 = {hi: sorted((on_topic(u) for u in by_hit[hi]), reverse=True)[:3] for hi in by_hit}
        strength = {hi: sum(top) / (len(top) if STRENGTH_MEAN else 1) for hi, top in best3.items()}
        primary = min(by_hit)
        # a yes/no question is answered by a rule: the top-ranked passage that states one keeps the lead
        rule_first = self._yes_no and any(_VERDICT.search(u.text) for u in by_hit[primary])
        if self._yes_no and not rule_first:
            # … or the next passage, when the top one states none and it states a requirement outright
            for hi in sorted(by_hit)[1:RULE_REACH]:
                if any(_PROHIBITION.search(u.text) for u in by_hit[hi]):
                    primary, rule_first = hi, True
                    break
        if not rule_first and NEED_REACH and needed_stems(qa.question):
            # … and whether something is needed, by the passage saying it is not (the search marks it "negation": "This
            # approach does not require any device to be owned by the end user" for "does each of them need a special
            # card or USB gadget first?", j85-022, d79-024)
            for hi in sorted(by_hit)[1:NEED_REACH]:
                if "negation" in ev.hits[hi].why and any(_VERDICT.search(u.text) for u in by_hit[hi]):
                    primary, rule_first = hi, True
                    break
        # … and a question whether the named block does a job itself is answered by its scope (retrieve: SCOPE_BOOST)
        # (…or where it hands the job to another block, when that ranks first: "Messaging building Block: Another GovStack
        # Building Block needed for transmitting alert messages")
        scoped = next((hi for hi in sorted(by_hit)[:SCOPE_REACH] if {"scope", "handover"} & set(ev.hits[hi].why)),
                      None) if SCOPE_LEADS else None
        if scoped is not None and not rule_first:
            primary, rule_first = scoped, True
        # …and a top passage whose section the asking sentence names, every word of its title ("What accessibility
        # standard must govt websites built on the CMS block meet?": "Accessibility (REQUIRED)"), leads over one it does
        # not name ("2.1 Premise")
        # (a glossary entry does not lead a question that does not ask what something means: GLOSSARY_NOT_LEAD)
        glossary = GLOSSARY_NOT_LEAD and not self._asks_meaning(qa)
        if TITLE_NAMED_LEADS and not rule_first and not self._ask_points_back:
            # (a glossary entry's title is a term, which a question names without asking what it means)
            named = [hi for hi in sorted(by_hit)[:TITLE_NAMED_REACH] if self._title_named(ev.hits[hi].chunk, qa)
                     and not (glossary and ev.hits[hi].chunk.kind == "glossary_term")]
            if named and primary not in named:
                primary, rule_first = named[0], True
        # …and a question what happens when something fails is answered by the passage that says what happens then
        handles = (lambda hi: any(HANDLES_FAILURE.search(u.text) for u in units_of(ev.hits[hi].chunk.text, hi))) \
            if self._asks_failure else (lambda hi: False)
        if self._asks_failure and not rule_first and not handles(primary):
            primary, rule_first = next(((hi, True) for hi in sorted(by_hit)[:FAILURE_REACH] if handles(hi)),
                                       (primary, rule_first))
        # (…but a use case's story does not take the lead from the spec's own text: "how does the tablet ask for the
        # pass?" had been answered by the Wallet's airport story, which says "boarding pass" often, not by the
        # cross-device presentation flow ranked above it)
        stories = STORY_NOT_LEAD and qa.intent != "use_case" and not NAMES_USE_CASE.search(qa.standalone)
        # (…nor does a glossary entry from a passage that does more than define: "What does the Payments building block
        # do when a bulk payment fails for some beneficiaries?" had been led by "Bulk Payments: A Payment from a single
        # Payer to multiple Payees …", whose few words are all the question's)
        for hi in sorted(by_hit)[:3]:
            if strength[hi] > strength[primary] * 1.4 and not rule_first and not (
                    stories and story_page(ev.hits[hi].chunk) and not story_page(ev.hits[primary].chunk)) and not (
                    glossary and ev.hits[hi].chunk.kind == "glossary_term" and ev.hits[primary].chunk.kind != "glossary_term"):
                primary = hi
        # (…and a lead passage that says what happens then, however it came to lead, is read for that)
        failure_lead = handles(primary)
        taken = self._taken
        all_u = units_of(ev.hits[primary].chunk.text, primary)
        if SPLIT_LIST_START and all_u and all_u[0].kind == "item" and len(all_u) <= SPLIT_LIST_TAIL and not rule_first:
            # a lead that is only the tail of a list the chunker split ("8. Test Under Low-Connectivity Conditions …"
            # alone) is read from where the list starts, when that passage was retrieved too: its intro and first seven
            # items (a longer tail is read as it is: its items are the ones the question found)
            start = next((hj for hj in by_hit if hj != primary and continues(ev.hits[hj].chunk, ev.hits[primary].chunk)),
                         None)
            if start is not None:
                primary = start
                all_u = units_of(ev.hits[primary].chunk.text, primary)
        # a passage that is a list or table (fields, steps, requirements) gives more, shorter points
        listy = sum(u.kind in ("item", "row") for u in all_u) >= max(3, len(all_u) // 2)
        # a list the chunker split goes on in the next passage of its section: its items there are chosen from too
        # ("Consent management is not covered in this Building Block" after five other out-of-scope items)
        # (only their order among themselves matters: they fill the places the lead's own units leave)
        after = next((hj for hj, h in enumerate(ev.hits) if hj != primary and continues(ev.hits[primary].chunk, h.chunk)),
                     None)
        goes_on = after if listy and SPLIT_LIST_LEAD and all_u and all_u[-1].kind == "item" else None
        if failure_lead:
            # (its sentences that say what happens then, and those of the passage its list goes on in: the rest of the
            # passage, the process the failure interrupts, is left to the supporting points)
            own = [u for u in by_hit[primary] if HANDLES_FAILURE.search(u.text)]
            more = [u for u in self._scored_units(ev, after, qtoks, 0.0) if HANDLES_FAILURE.search(u.text)] \
                if after is not None else []
            # (…with the passage's FAILURE_ALSO best other sentences: "For public clouds, it must be ensured that broken
            # resources are not billed to the customer" follows the rule for resources left by hardware errors)
            also = sorted((u for u in by_hit[primary] if u not in own), key=lambda u: -u.score)[:FAILURE_ALSO]
            lead = self._passage_points(ev, own + also, taken, max_units=len(own) + len(also) + len(more),
                                        continuation=more or None)
        else:
            lead = self._passage_points(ev, by_hit[primary], taken,
                                        max_units=PRIMARY_LIST_UNITS if listy else PRIMARY_UNITS, best_first=self._yes_no,
                                        continuation=self._went_on(ev, primary, goes_on, qtoks) if goes_on is not None
                                        else None)
        lead += self._what_follows(ev, primary, taken)
        if lead.startswith("- ") or _ANAPHORIC_LEAD.search(lead) or _SUBJECTLESS_LEAD.match(lead):
            # a list needs a line saying whose list it is, or it reads as a dump of fragments; "This pattern …" needs
            # the section that says which pattern, and "Used for dates and timestamps" the section that says what is
            return _said_by(ev.hits[primary].chunk, lead)
        return [lead]

    @staticmethod
    def _asks_meaning(qa: QueryAnalysis) -> bool:
        """Whether the question asks what something is or means ("what's a determinant in registration bb"), which a
        glossary entry answers."""
        return qa.intent == "term" or qa.terms_defined or bool(_ASKS_MEANING.search(ask_part(qa.question)))

    def _title_named(self, c, qa: QueryAnalysis) -> bool:
        """Whether the asking sentence says every word of the passage's section title (its number, level and stop words
        aside, the blocks asked about too), and they are not common words (TITLE_NAMED_IDF each; a word the corpus's idf
        does not know is not judged rare: "Use cases" does not lead "Which use case covers …?")."""
        if not c.heading_path:
            return False
        words = set(tokenize(_SECTION_NO.sub(" ", heading_title(c.heading_path[-1])))) - STOP - _block_words(qa)
        return bool(words) and words <= self._asked_words \
            and all(self.idf.get(w, 0.0) >= TITLE_NAMED_IDF for w in words)

    def _went_on(self, ev: Evidence, hi: int, hj: int, qtoks: set[str]) -> list[Unit]:
        """The items of passage hj, where passage hi's list goes on, that are as much on the question as the better half
        of hi's own items on average, and say something (not a short label: "Service Information Sheet Standard.").
        Both are scored alike: without rank priors, and on words only (sentences are scored by meaning in the top
        passages alone, which hj, brought along, need not be among)."""
        own = [u.score - u.meaning for u in self._scored_units(ev, hi, qtoks, 0.0) if u.kind == "item"]
        better = sorted(own, reverse=True)[:max(1, len(own) // 2)]
        bar = sum(better) / len(better) if own else float("inf")
        return [u for u in self._scored_units(ev, hj, qtoks, 0.0) if u.kind == "item" and u.score - u.meaning >= bar
                and len(strip_md(u.text).split()) >= SHORT_ITEM_WORDS]

    def _what_follows(self, ev: Evidence, hi: int, taken: set[str]) -> str:
        """When the lead passage's quoted last sentence points at what follows ("Below is shown how … works."), the
        opening of the passage it points at (brought by Assistant._augment), in its own order."""
        c = ev.hits[hi].chunk
        units = sorted(units_of(c.text, hi), key=lambda u: u.order)
        if not units or not POINTS_AHEAD.search(units[-1].text):
            return ""
        if not self._quoted_already(units[-1].text):  # (a citation keeps only its first three quotes as snippets)
            return ""
        seq = c.extra.get("seq")
        nxt = next((j for j, h in enumerate(ev.hits) if "follows" in h.why and h.chunk.path == c.path
                    and h.chunk.folder == c.folder and isinstance(seq, int) and h.chunk.extra.get("seq") == seq + 1), None)
        if nxt is None:
            return ""
        more = self._passage_points(ev, sorted(units_of(ev.hits[nxt].chunk.text, nxt), key=lambda u: u.order), taken,
                                    max_units=FOLLOW_UNITS)
        return ("\n\n" + more) if more else ""

    def _advice(self, qa: QueryAnalysis, ev: Evidence) -> str:
        """"… Which building blocks do we need?" for a described service: the advisor's selected blocks (Assistant._advise
        put their passages first), each with its reason in plain words, and the closest reference use case."""
        where = {h.id: hi for hi, h in enumerate(ev.hits)}
        named, assumed = [], []
        for bb, cid, reason in qa.advice:
            if cid not in where:
                continue
            hi = where[cid]
            said = re.search(r"→ [^:]+: (?:[^:]{1,60}: |[^—]{1,60} — )?(.+?)…?$", reason)  # the functionality's own words
            self._snips.setdefault(hi, [])
            if said and said.group(1) in ev.hits[hi].chunk.text:
                self._snips[hi].append(said.group(1))  # highlighted in the source panel
            (named if bb in qa.advice_named else assumed).append(
                f"- **{registry.name_of(bb)}** — {_plain_reason(reason)} [{ev.cite(hi)}]")
        n = len(named) + len(assumed)
        if not n:
            return ""
        head = f"For the service you describe, the building-block advisor suggests these {n} building blocks"
        if named and assumed:  # as the advisor's table groups them (suggest.selection_groups)
            text = (f"{head}. For the steps you describe, most needed first:\n" + "\n".join(named)
                    + "\n\nAnd the ones GovStack services of this kind also use, though no step of the description "
                      "names them:\n" + "\n".join(assumed))
        else:
            text = f"{head}, most needed first:\n" + "\n".join(named + assumed)
        for bb, why in qa.advice_held:
            text += f"\n\nNot proposed: **{registry.name_of(bb)}** — {why}."
        if qa.advice_use_case:
            uid, title, bbs = qa.advice_use_case
            text += (f"\n\nThe closest GovStack reference use case is **{uid} {title}**, which uses "
                     f"{', '.join(registry.name_of(b) for b in bbs)}.")
        return text

    def _reading_path(self, qa: QueryAnalysis, ev: Evidence) -> str:
        """"Where should a newcomer start reading the specification?": the reading path's pages in order (Assistant.
        _reading_path put their passages first), each with why to read it and the page's own opening sentence."""
        where = {h.id: hi for hi, h in enumerate(ev.hits)}
        if qa.reading_kind == "chapters":
            return self._chapters(qa, ev, where)
        lines = []
        for cid, title, why, bb in qa.reading_path:
            if cid not in where:
                continue
            hi = where[cid]
            c = ev.hits[hi].chunk
            first = reading_path.opening(units_of(c.text, hi), bb)  # (its opening sentence, or the one naming the block)
            mark = "-" if qa.reading_kind == "catalogue" else f"{len(lines) + 1}."
            head = f"{mark} **{title}**" + (f" — {why}" if why else "")
            if first is None:
                lines.append(f"{head} [{ev.cite(hi)}]")
                continue
            self._taken.add(" ".join(tokenize(first.text))[:120])
            lines.append(f"{head}: {self._sentence(ev, first, 260)}")
        if not lines:
            return ""
        if qa.reading_kind == "catalogue":
            intro = f"GovStack specifies {len(lines)} building blocks, each in its own specification:"
            tail = ("Each one's specification starts with its 2 Description; to see which blocks a service of yours "
                    "needs, describe it to the **Building-block advisor**.")
        elif qa.reading_block:
            intro = (f"The {registry.name_of(qa.reading_block)} specification is laid out in the chapters every block's "
                     "specification has. A reading order for a newcomer:")
            tail = ("The other chapters (3 Terminology, 5 Cross-Cutting Requirements, 10 Other Resources) are for "
                    "looking things up.")
        else:
            intro = "A path through the GovStack specification for a newcomer, in reading order:"
            # (no pointer to the Get-started tab: its last lesson shows this very answer)
            tail = "To see which blocks a service of yours needs, describe it to the **Building-block advisor**."
        return intro + "\n" + "\n".join(lines) + "\n\n" + tail

    def _chapters(self, qa: QueryAnalysis, ev: Evidence, where: dict[str, int]) -> str:
        """"How is a building block's specification organised?", "… chapter 4 and chapter 6 sound the same?": each chapter
        asked, with what the chapter template says it is for, quoted from one block's page (the block named, else the
        one whose pages say most of the template)."""
        lines = []
        for cid, title, why, _bb in qa.reading_path:
            if cid not in where:
                continue
            hi = where[cid]
            said = [self._sentence(ev, Unit(x, hi, k), 300) for k, x in enumerate(qa.reading_quotes.get(cid, []))]
            for x in qa.reading_quotes.get(cid, []):
                self._taken.add(" ".join(tokenize(x))[:120])
            if said:
                lines.append(f"- **{title}**: " + " ".join(said))
            else:
                lines.append(f"- **{title}**" + (f" — {why}" if why else "") + f" [{ev.cite(hi)}]")
        if not lines:
            return ""
        name = registry.name_of(qa.reading_block) if qa.reading_block else ""
        if len(lines) == len(reading_path.CHAPTERS):
            intro = ("Every building block's specification follows the same template of numbered chapters. What each "
                     f"chapter is for, in the template's words (quoted from the {name} specification):")
        elif registry.find_bbs(qa.question):
            intro = f"In the {name} specification, what these chapters are for, in the template's words:"
        else:
            intro = ("Every building block's specification has these chapters. What each is for, in the template's words "
                     f"(quoted from the {name} specification):")
        return intro + "\n" + "\n".join(lines)

    def _need_blocks(self, qa: QueryAnalysis, ev: Evidence) -> str:
        """"Which building block sends reminders?" → the blocks the need maps to, each with the functionality of its
        specification closest to the need (Assistant._blocks_for_need put those passages among the hits)."""
        where = {h.id: hi for hi, h in enumerate(ev.hits)}
        lines = []
        for bb, cid, text in qa.need_blocks:
            if cid not in where:
                continue
            quote = clip(text, 300)
            self._taken.add(" ".join(tokenize(quote))[:120])
            lines.append((registry.name_of(bb), f"{quote} {self._mark(ev, where[cid], quote)}"))
        if not lines:
            return ""
        if len(lines) == 1:
            return f"This is the job of the **{lines[0][0]}** building block. The closest functionality in its specification: {lines[0][1]}"
        names = ", ".join(f"**{n}**" for n, _ in lines[:-1]) + f" and **{lines[-1][0]}**"
        return f"This is the job of the {names} building blocks:\n" + "\n".join(f"- **{n}**: {t}" for n, t in lines)

    def _workflow(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        """A process question: what the flow is for, then its steps in order — from the top passage that lists
        steps (a bullet/numbered list or a sequence diagram), preferring it over a passage that only introduces
        the flow. Without such a passage the general answer applies."""
        units = self._ranked_units(ev, qtoks)
        by_hit: dict[int, list[Unit]] = {}
        for u in units:
            by_hit.setdefault(u.hit_index, []).append(u)
        best, best_score = None, 0.0
        top = sorted(by_hit)[:WORKFLOW_HITS]
        if not top:
            return []
        # passages are compared on the question's words, as in _general (meaning picks the points, not the passage)
        lead_strength = sum(sorted((u.score - u.meaning for u in by_hit[top[0]]), reverse=True)[:3])
        # the steps that follow a top passage in its section (Assistant._augment) count as that passage's
        follow = [hi for hi, h in enumerate(ev.hits) if "steps" in h.why]
        home = ev.hits[top[0]].chunk.folder
        # the steps that follow the top passage in its own section are its flow's (Assistant._augment, "own-steps"):
        # another passage's list, though it shares more of the question's words, is another flow
        own = [hi for hi in follow if "own-steps" in ev.hits[hi].why]
        for hi in own[:1] or top + follow:
            steps = [u for u in units_of(ev.hits[hi].chunk.text, hi) if u.kind == "item"]
            if len(steps) < 3:
                continue
            if ev.hits[hi].chunk.folder != home:
                continue  # steps from another spec than the top passage's answer another question (see below)
            if NO_STEPS_IN_MODELS and _NOT_STEPS.search(" ".join(ev.hits[hi].chunk.heading_path[:3])):
                continue  # a data-structures or terminology list names a model's parts or terms, not steps
            score = lead_strength if hi in follow else sum(sorted((u.score - u.meaning for u in by_hit[hi]), reverse=True)[:3])
            if best is None or score > best_score:
                best, best_score = hi, score
        if best is None:
            return []
        if best_score < 0.6 * lead_strength:
            return []  # the steps found are about something else than the best passage
        all_u = sorted(units_of(ev.hits[best].chunk.text, best), key=lambda u: u.order)
        steps = [u for u in all_u if u.kind == "item"]
        if all_u and all_u[-1].kind == "item":
            steps += self._list_continues(ev, best)
        if all_u and all_u[0].kind == "item":
            steps = self._list_starts(ev, best) + steps
        steps = steps[:WORKFLOW_STEPS]
        intro = [u for u in by_hit.get(best, []) if u.kind == "sentence"]
        if not intro and best in follow:  # steps that follow the passage introducing them: that passage says what for
            intro = [u for u in by_hit[top[0]] if u.kind == "sentence"]
        before = _neighbour(ev, best, -1) if not intro and FLOW_INTRO_BEFORE else None
        if before is not None:  # a diagram's own passage has no words: the passage before it in its section says what for
            intro = [u for u in by_hit.get(before, []) if u.kind == "sentence"]
        # (the prose a flow's diagram follows tells the flow itself: "… the scope is set to "openid". This informs the
        # IDBB UI that no user claims will be accessed …", all of it)
        prose = best in follow and best != top[0]
        if prose and FLOW_PROSE_IN_ORDER:
            # (… from its start: it tells the flow in order, "In this flow, the Verifier prepares an Authorization
            # Request and renders it as a QR code. The User then uses the Wallet to scan the QR code …")
            intro = sorted(intro, key=lambda u: u.order)
        intro_units = self._pick(intro, FLOW_PROSE_UNITS if prose else FLOW_INTRO_UNITS)
        parts = []
        if intro_units:
            intro_text = " ".join(self._sentence(ev, u) for u in sorted(intro_units, key=lambda u: u.order))
            if _ANAPHORIC_LEAD.search(intro_text):  # "This internal workflow …": the section title says which
                parts.append(_says(ev.hits[intro_units[0].hit_index].chunk))
            parts.append(intro_text)
        overview = self._flow_overview(ev, best, steps) if FLOW_OVERVIEW else None
        if overview is not None:
            hi, items = overview
            parts.append(f"In short ({heading_title(ev.hits[hi].chunk.heading_path[-1])}):\n"
                         + "\n".join(f"- {self._sentence(ev, u, 220)}" for u in items))
            for u in items:
                self._taken.add(" ".join(tokenize(u.text))[:120])
            parts.append(f"Step by step ({heading_title(ev.hits[best].chunk.heading_path[-1])}):")
        lines = []
        for i, u in enumerate(steps, 1):
            self._taken.add(" ".join(tokenize(u.text))[:120])
            lines.append(f"{i}. {self._sentence(ev, u, 220)}")
        parts.append("\n".join(lines))
        return parts

    def _flow_overview(self, ev: Evidence, best: int, steps: list[Unit]) -> tuple[int, list[Unit]] | None:
        """A flow told as a long sequence diagram ("e-Signature BB backend → HSM: Sign with key & delete", 16 steps and
        more) has a plain list of its stages elsewhere in the block's spec, among the top passages ("2.2.1 One-Time
        Signature Approach": "A new key pair is created in the HSM", … "The private key is deleted from the HSM"): that
        list, as an overview. A section is the same flow when its title shares a word with the diagram's (not the
        block's name, nor "workflow")."""
        if len(steps) < FLOW_OVERVIEW_MIN_STEPS or sum(" → " in u.text for u in steps) < len(steps) / 2:
            return None
        c = ev.hits[best].chunk
        generic = {"workflow", "workflows", "flow", "process", "internal", "diagram", "sequence", "example"} \
            | set(tokenize(registry.name_of(c.bb) if c.bb else ""))
        title = set(tokenize(heading_title(c.heading_path[-1]))) - generic
        for hi, h in enumerate(ev.hits[:FLOW_OVERVIEW_REACH]):
            g = h.chunk
            if hi == best or g.bb != c.bb or g.kind != "prose" or g.path == c.path or not g.heading_path:
                continue
            items = [u for u in sorted(units_of(g.text, hi), key=lambda u: u.order) if u.kind == "item"]
            if len(items) >= 4 and not any(" → " in u.text for u in items) \
                    and title & (set(tokenize(heading_title(g.heading_path[-1]))) - generic):
                return hi, items[:FLOW_OVERVIEW_ITEMS]
        return None

    @staticmethod
    def _list_starts(ev: Evidence, hi: int, back: int = 2) -> list[Unit]:
        """The items a list that passage `hi` opens in the middle of starts with, in the passages before it in the same
        section (up to `back` of them) that were retrieved too: a flow is told from its first step."""
        j = _neighbour(ev, hi, -1) if back > 0 else None
        if j is None:
            return []
        units = sorted(units_of(ev.hits[j].chunk.text, j), key=lambda u: u.order)
        tail = list(takewhile(lambda u: u.kind == "item", reversed(units)))[::-1]
        earlier = ExtractiveAnswerer._list_starts(ev, j, back - 1) if tail and len(tail) == len(units) else []
        return earlier + tail

    @staticmethod
    def _list_continues(ev: Evidence, hi: int) -> list[Unit]:
        """The items a list ending passage `hi` continues with in the next passage of the same section, when the
        chunker split the list and that next passage was retrieved too."""
        j = _neighbour(ev, hi, +1)
        if j is None:
            return []
        return list(takewhile(lambda u: u.kind == "item", sorted(units_of(ev.hits[j].chunk.text, j), key=lambda u: u.order)))

    def _intro_after(self, ev: Evidence, u: Unit) -> str:
        """" " + a short line that follows sentence u in its passage and introduces a list, with its items; else ""."""
        after = sorted((v for v in units_of(ev.hits[u.hit_index].chunk.text, u.hit_index) if v.order > u.order),
                       key=lambda v: v.order)
        if len(after) < 2 or after[1].kind != "item" or not _finishes_with_intro(u, after[0]):
            return ""
        if self._quoted_already(after[0].text):
            return ""  # the list was quoted already
        more = self._with_list(ev, after[0])
        return f" {more}" if more else ""

    def _with_list(self, ev: Evidence, u: Unit) -> str:
        """A sentence; when it introduces a list ("… the following formats:"), its items inline. A short list item on
        its own ("Member (e.g., Ministry of X)") says nothing: it comes with the line that introduces its list, or
        not at all ("")."""
        if u.kind == "item" and len(strip_md(u.text).split()) < SHORT_ITEM_WORDS:
            # what comes right before the list's run of items: its intro line (a bullet itself, maybe: "* The components
            # of the request must be:"), another sentence, or nothing (the list opens the section)
            before = [v for v in units_of(ev.hits[u.hit_index].chunk.text, u.hit_index) if v.order < u.order]
            head = _list_head(before, u)
            if head is not None:
                return self._with_list(ev, head)
            if any(v.kind != "item" for v in before):
                return ""  # a sentence that does not introduce it
            if u.text.rstrip().endswith(":"):
                return ""  # an item opening a list the passage does not hold ("The Publisher generates an event:")
            c = ev.hits[u.hit_index].chunk  # … introduced by the section's title ("Out-of-Scope Assumptions: …")
            title = heading_title(c.heading_path[-1]) if c.heading_path else ""
            return f"{title}: {clip(u.text, 200).rstrip(' ;,.')}. {self._mark(ev, u.hit_index, u.text)}" if title else ""
        if not (u.text.rstrip().endswith(":") or _LIST_BELOW.search(u.text)):
            return self._sentence(ev, u, 400)
        after = sorted((v for v in units_of(ev.hits[u.hit_index].chunk.text, u.hit_index) if v.order > u.order),
                       key=lambda v: v.order)
        if not _introduces_list(u, after[0] if after else None):
            return self._sentence(ev, u, 400)
        items = []  # the run of items right after it (a sentence after them opens another list: "Three endpoints …:")
        for v in after:
            if v.kind not in ("item", "row") or len(items) == 6:
                break
            items.append(v)
        if items and LIST_ITEMS_SAID_DROPPED and all(self._quoted_already(v.text, least=20) for v in items):
            # a list the answer has quoted whole already leaves its intro line nothing to say (a list partly quoted is
            # said whole: "the following categories:" with one left out would read as if it were not one)
            return ""
        if not items:
            if u.label:
                return ""  # a title followed by prose ("4. Hybrid Model:") is no point of its own
            # a line introducing what the passage does not go on with in words (a figure, a code block: "A consent
            # agreement life-cycle has four main phases, as illustrated in the figure below:") ends as a sentence
            return self._sentence(ev, _closed(u), 400)
        text = clip(u.text, 200) + " " + "; ".join(clip(v.text, 90).rstrip(" ;,.:") for v in items) + "."
        return f"{text} {self._mark(ev, u.hit_index, text)}"

    def _passage_points(self, ev: Evidence, units: list[Unit], taken: set[str], max_units: int = 4,
                        best_first: bool = False, continuation: list[Unit] | None = None) -> str:
        """The most relevant units of one passage, shown in document order; an intro line ending
        in ':' brings the list items that follow it (that is where its content is). `continuation`: the scored items
        of the passage that goes on with this passage's closing list (the chunker split it there), which fill the
        places its own units leave, best first, and are shown after them."""
        if not units:  # a passage with nothing to quote (a figure alone)
            return ""
        hi = units[0].hit_index
        all_units = sorted(units_of(ev.hits[hi].chunk.text, hi), key=lambda u: u.order)
        # the spec's own questions (FAQ headings: "What examples of use cases do the … support?") are not answers
        units = [u for u in units if not _is_question(u)] or units
        said = set(taken)  # what the answer says already: a list brought by its intro leaves out the items said
        # (a lead passage's own sentence that says more than a short item of it is quoted too: LONGER_NOT_REPEAT)
        chosen = {u.order for u in self._pick(units, max_units, taken, longer_new=True)}
        # (the passage's own units first: the items where its list goes on fill the places left, best first)
        went_on = sorted(self._pick(sorted(continuation or [], key=lambda u: -u.score),
                                    max_units - len(chosen), taken), key=lambda u: u.order) \
            if continuation and len(chosen) < max_units else []
        # a chosen sentence whose list is introduced by a short line of its own ("The model therefore uses three
        # overarching criteria … . CMSs should be:") brings that line, and so the list
        # (a label is no such line: "Example Implementation:", "Building Blocks for Workflows:" head lists of their own)
        for u, v in zip(all_units, all_units[1:]):
            if u.order in chosen and v.order not in chosen and _finishes_with_intro(u, v):
                chosen.add(v.order)
        if ORPHAN_ITEMS_DROPPED:
            # a short item of a list whose intro line is not quoted ("Domain of member.", "Member (e.g., Ministry of X)")
            # is a fragment: it is left out when the passage has anything else to say
            orphans = {u.order for u in all_units if u.order in chosen and u.kind == "item"
                       and len(strip_md(u.text).split()) < SHORT_ITEM_WORDS
                       and (head := _list_head(all_units, u)) is not None and head.order not in chosen}
            if orphans and len(chosen) > len(orphans):
                chosen -= orphans
        brought = 0
        carried: list[Unit] = list(went_on)  # the list's items the chunker put in the next passage
        for n, u in enumerate(list(all_units)):
            if u.order in chosen and _introduces_list(u, all_units[n + 1] if n + 1 < len(all_units) else None):
                follow = [v for v in all_units if v.order > u.order][:INTRO_LIST_MAX]
                if all(v.kind == "item" for v in follow):  # the list runs to the passage's end: it may go on in the next
                    follow += _continuation(ev, units[0].hit_index)[: INTRO_LIST_MAX - len(follow)]
                size, repeated, fresh = 0, 0, 0
                for k, v in enumerate(follow):
                    if v.kind != "item" and v is not follow[0]:
                        break
                    if any((v.hit_index, v.order) == (w.hit_index, w.order) for w in went_on):
                        continue
                    if CARRIED_ONCE and any((v.hit_index, v.order) == (w.hit_index, w.order) for w in carried):
                        continue  # (brought by an earlier intro line of the passage: "The Publisher generates an event:")
                    size += len(v.text)
                    if k >= INTRO_LIST_ITEMS and size > INTRO_LIST_CHARS:
                        break  # a long list of long items: its first ones
                    if " ".join(tokenize(v.text))[:120] in said:
                        repeated += 1
                        continue
                    fresh += 1
                    if v.hit_index == u.hit_index:
                        chosen.add(v.order)
                    else:
                        carried.append(v)
                    brought += 1
                    taken.add(" ".join(tokenize(v.text))[:120])
                if repeated and not fresh:  # a list said already: its intro line says nothing new either
                    chosen.discard(u.order)
        last = all_units[-1] if all_units else None
        if DANGLING_HEAD_DROPPED and last and not carried and last.order in chosen and len(chosen) > 1 \
                and last.text.rstrip().endswith(":") and len(last.text.split()) <= 8 and not POINTS_AHEAD.search(last.text):
            # the passage's last line introduces what the next passage says ("2. IFRAME based Secure Proxy
            # Authentication:" after the first method's drawbacks): here it introduces nothing
            chosen.discard(last.order)
        if CARRIED_ONCE:  # the next passage's items in its own order, the best-scoring ones and the list's alike
            carried.sort(key=lambda v: (v.hit_index, v.order))
        picked = ([u for u in all_units if u.order in chosen] + carried)[: max_units + max(INTRO_LIST_ITEMS, brought)]
        if best_first and picked:
            score = {u.order: u.score for u in units}
            top = max(picked, key=lambda u: score.get(u.order, 0.0) if u.hit_index == units[0].hit_index else 0.0)
            if top is not picked[0] and top.kind == "sentence" and _stands_alone(top.text) \
                    and score.get(top.order, 0.0) >= BEST_FIRST * score.get(picked[0].order, 0.0):
                picked.remove(top)
                picked.insert(0, top)
        out: list[str] = []
        prose: list[str] = []
        for k, u in enumerate(picked):
            if u.kind in ("item", "row"):
                if prose:
                    out.append(" ".join(prose))
                    prose = []
                out.append(f"- {self._sentence(ev, u, 400)}")
            else:
                if u.text.rstrip().endswith(":") and (k + 1 == len(picked) or picked[k + 1].kind == "sentence"):
                    u = _closed(u)  # it introduces a figure or code block
                prose.append(self._sentence(ev, u))
        if prose:
            out.append(" ".join(prose))
        self._n_units -= max(0, brought - INTRO_LIST_ITEMS)  # a list shown whole does not crowd out the other points
        self._n_units -= len(went_on)  # (nor does the rest of a split one)
        text = ""
        for i, piece in enumerate(out):
            sep = "" if i == 0 else ("\n" if piece.startswith("- ") and out[i - 1].startswith("- ") else "\n\n")
            text += sep + piece
        return text

    def _term(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        want = norm_term(qa.term or "")
        gl = [(hi, h) for hi, h in enumerate(ev.hits) if h.chunk.kind == "glossary_term"]
        if not gl:
            return []
        exact = [(hi, h) for hi, h in gl if any(f in _names(h) for f in term_forms(qa.term or ""))]
        head = want.split()[-1] if want else ""

        def sim(h):  # a name without the asked term's head word is another thing ("GovStack" for "GovStack sandbox")
            a = set(want.split())
            return max((len(a & set(n.split())) / max(1, len(a | set(n.split()))) if head in n.split() else 0.0)
                       for n in _names(h))

        close = exact or sorted([(hi, h) for hi, h in gl if want and sim(h) >= 0.5], key=lambda x: -sim(x[1]))
        close.sort(key=_glossary_order(qa, [qa.term or ""]))
        if not close:
            return self._term_inline(qa, ev) or self._term_in_use(qa, ev, qtoks, want)
        chosen = close[:2]
        parts = []
        for k, (hi, h) in enumerate(chosen):
            term = str(h.chunk.extra.get("term") or "")
            definition, where = _definition(h)
            mark = self._mark(ev, hi, definition)
            if k == 0:
                src = f"{where} specification" if h.chunk.bb else where
                if re.match(r"(is|are|refers to|means)\b", definition):
                    # "Consent Record: is created when…" reads as a sentence once the colon goes
                    parts.append(f"In the {src}, **{term}** {definition} {mark}")
                else:
                    parts.append(f"**{term}** ({src}): {definition[:1].upper() + definition[1:]} {mark}")
            elif norm_term(term) == norm_term(str(chosen[0][1].chunk.extra.get('term', ''))):
                src = f"{where} specification" if h.chunk.bb else where
                parts.append(f"The {src} defines it as: {definition} {mark}")
        # one supporting sentence from prose that uses the term, if any
        prose = self._ranked_units(ev, qtoks, max_hits=5, hit_filter=lambda h: h.chunk.kind in ("prose", "requirement")
                                   and not _API_PAGE.search(h.chunk.path))
        prose = [u for u in prose if want and all(w in norm_term(u.text) for w in want.split()[:2])]
        # a sentence about the term ("GovStack aims to …") before one that merely mentions it; ranking breaks ties
        prose.sort(key=lambda u: not norm_term(strip_md(u.text)).startswith(want))
        if prose:
            parts.append(f"Related: {self._sentence(ev, prose[0], 260)}")
        return parts

    def _term_inline(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """A definition given inline, as a bold lead in a list ("* **Content block:** A modular section of content …"),
        by a top passage (Retriever: CorpusIndex.defined_inline)."""
        pat = inline_definition(qa.term or "")
        for hi, h in enumerate(ev.hits[:5]):
            if not pat.search(h.chunk.text):
                continue
            for line in h.chunk.text.splitlines():
                if pat.search("\n" + line):
                    name, _, definition = strip_md(re.sub(r"^\s*[*-]\s+", "", line)).partition(":")
                    definition = definition.strip()
                    if len(definition.split()) < 4:
                        continue
                    where = f"{registry.name_of(h.chunk.bb)} specification" if h.chunk.bb else _whose(h.chunk)
                    title = heading_title(h.chunk.heading_path[-1]) if h.chunk.heading_path else ""
                    where += f", {title}" if title else ""
                    quote = clip(definition, 420)
                    return [f"**{name.strip()}** ({where}): {quote[:1].upper() + quote[1:]} {self._mark(ev, hi, quote)}"]
        return []

    def _term_in_use(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str], want: str) -> list[str]:
        """No glossary entry for the term: say so, and quote the sentences that use it, one that says what it is
        ("GovStack building blocks are interoperable, generic Digital Public Goods …") first. Without any, the usual
        answer from the prose. Only for questions that name no block."""
        if not want or qa.bbs:  # "What is out of scope for the Messaging BB?" is answered by the block's own page
            return []
        words = want.split()
        uses = [u for u in self._ranked_units(ev, qtoks, max_hits=5,
                                              hit_filter=lambda h: h.chunk.kind in ("prose", "requirement"))
                if u.kind in ("sentence", "item") and not _is_question(u) and len(u.text.split()) >= 6
                and re.search(r"\b" + r"\W+".join(map(re.escape, words)), norm_term(strip_md(u.text)))]
        if not uses:
            return []
        says = re.compile(r"\b(is|are|means|refers to|defined as)\b", re.I)
        uses.sort(key=lambda u: not says.search(u.text))  # stable: retrieval order within each kind
        lines, hits_used = [], set()
        for u in uses:
            if u.hit_index in hits_used:
                continue
            hits_used.add(u.hit_index)
            lines.append(f"- {self._sentence(ev, u, 300)}")
            if len(lines) == 2:
                break
        return [f"The specification has no glossary entry for **{qa.term}**; it uses the term like this:\n" + "\n".join(lines)]

    def _sections(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"What payment infrastructure scenarios does the spec describe?": one point per section of that kind (brought
        in by the service, Assistant._augment), its title and opening sentence, in the page's order."""
        found = [hi for hi, h in enumerate(ev.hits) if "section-list" in h.why]
        if len(found) < 2:
            return []
        top = ev.hits[0]
        if "section-list" not in top.why and re.search(rf"\b{re.escape(qa.enumerates)}", top.chunk.text, re.I) \
                and sum(u.kind == "item" for u in units_of(top.chunk.text, 0)) >= 3:
            return []  # the top passage lists them itself ("… supports three workflows: 1. Administration …")
        found.sort(key=lambda hi: int(ev.hits[hi].chunk.extra.get("seq", 0) or 0))
        first = ev.hits[found[0]].chunk
        paths = [ev.hits[hi].chunk.heading_path for hi in found]
        common = [p[0] for p in zip(*paths) if len(set(p)) == 1] if all(paths) else []
        where = _whose(first)
        under = f" ({common[-1].strip(' :')})" if len(common) > 1 else ""
        plural = qa.enumerates + ("es" if re.search(r"(s|x|ch|sh)$", qa.enumerates) else "s")
        # (more sections than the answer lists: the count is the page's, the list its first ones — "describes 28
        # requirements …; the first 12" — not "describes 12")
        n = max(qa.listed_total, len(found))
        first_of = f"; the first {len(found)}" if n > len(found) else ""
        # a title names one when it ends with the noun, or with the noun and a label ("Payment Infrastructure Scenario
        # 2-A", "Workflow 1: Administration"); "Identify the languages users speak" is advice about languages
        word = noun_pattern(qa.enumerates)
        one = re.compile(rf"\b(?i:{re.escape(qa.enumerates)}(e?s)?)(\s+(\d[\w.-]*|[A-Z](-?\d+)?|[IVX]+))?\s*(:.*)?$")
        parent = heading_title(common[-1]) if common else ""
        # each title names one, or the question names their section ("What design principles …?" — "4.1 Design
        # Principles"); otherwise they are points under a section about the noun: "Support multiple languages" has
        # five sub-sections, not five languages
        # (a title about one does not name one: "Choosing a frontend framework", "Benefits of a frontend framework"; and
        # a section named for them is them in the plural — "Design Principles", not "Use a frontend framework")
        about_one = re.compile(rf"\b(?i:a|an|the)\s+([\w-]+\s+)?(?i:{re.escape(qa.enumerates)})")
        if all(p and one.search(heading_title(p[-1])) and not about_one.search(heading_title(p[-1])) for p in paths) or (
                parent and set(tokenize(parent)) <= set(tokenize(qa.question))
                and re.search(rf"(?i:{re.escape(qa.enumerates)})(e?s)\W*$", parent)):
            lines = [f"{where} describes {n} {plural}{under}{first_of}:"]
        elif all(p and word.search(p[-1]) for p in paths) or not parent:  # titled for them, not each one of them
            lines = [f"In the {_unthe(where)}, {n} sections are about {plural}{under}{first_of}:"]
        else:  # the sub-sections of the section named for them
            lines = [f"In the {_unthe(where)}, “{parent}” has {n} sections{first_of}:"]
        for hi in found:
            c = ev.hits[hi].chunk
            title = heading_title(c.heading_path[-1])
            # its opening sentence, unless that only points at a diagram or a list ("… is shown in the diagram below."); a
            # section that is only a list is quoted by its first items ("Robust: … occasional power; low bandwidth; …")
            every = [u for u in units_of(c.text, hi) if u.kind != "row"]
            sents = [u for u in every if u.kind == "sentence" and not _POINTER.search(u.text)
                     and not (u.text.rstrip().endswith(":") and len(u.text) < 90)]  # "… follow these principles:"
            items = [u for u in every if u.kind == "item"]
            line = f"- **{title}**"
            if sents:
                quote = clip(sents[0].text, 220).rstrip(" ;,")
                if quote.lower().startswith(title.lower() + ":"):  # a glossary entry opens with its own term
                    quote = quote[len(title) + 1:].strip()
                self._taken.add(" ".join(tokenize(sents[0].text))[:120])
                line += f": {quote} {self._mark(ev, hi, quote)}"
            elif items:
                said = "; ".join(strip_md(u.text).strip().rstrip(":;.") for u in items[:6])
                line += f": {clip(said, 220)} {self._mark(ev, hi, clip(items[0].text, 220))}"
            else:
                line += f" {self._mark(ev, hi, title)}"
            self._n_units += 1
            lines.append(line)
        return ["\n".join(lines)]

    def _api(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        ops = [(hi, h) for hi, h in enumerate(ev.hits) if h.chunk.kind == "api_operation" and h.chunk.extra.get("api_path")]
        if not ops or not (qa.api_path or any(hi < API_LEAD_HITS or "section-api" in h.why
                                                  or ("block-api" in h.why and self._op_share(h, qtoks, qa) >= BLOCK_OP_MIN_SHARE)
                                                  for hi, h in ops)):
            return []
        listing = bool(LISTS_OPERATIONS.search(qa.question)) and not qa.api_path
        seen, lines = set(), []
        for hi, h in ops:
            # (two APIs can define the same method and path: "GET /bills/{billId}" of the Payer FI's bill inquiry and
            # of the biller's response; each is an operation of its own)
            key = (h.chunk.extra.get("method"), h.chunk.extra.get("api_path"), h.chunk.api_title)
            if key in seen:
                continue
            seen.add(key)
            lines.append((hi, h))
        self._named_apis = self.named_apis(qa.question, [h for _, h in lines]) if NAMED_API_BONUS else set()
        if not qa.api_path and len(lines) > 1:  # the operation whose own words the question uses, rank breaking ties
            op_toks = self._op_words(qa, qtoks)
            lines.sort(key=lambda p: -self._op_match(p[0], p[1], op_toks, qa))
        hi0, h0 = lines[0]
        method, path = h0.chunk.extra.get("method"), h0.chunk.extra.get("api_path")
        shared = Counter((h.chunk.extra.get("method"), h.chunk.extra.get("api_path")) for _, h in lines)
        def api_of(h: Hit) -> str:  # the API an operation belongs to, named when another API has its method and path
            n = shared[(h.chunk.extra.get("method"), h.chunk.extra.get("api_path"))]
            return f" ({h.chunk.api_title})" if n > 1 and h.chunk.api_title else ""
        summary = next((t for _, h in self._same_op(ev, h0) if (t := _op_summary(h))), "")  # whichever passage has it
        bbname = registry.name_of(h0.chunk.bb)
        first = self._mark(ev, hi0, f"{method} {path} — {summary}")
        # …and the spec page section that renders it (retrieve: rendered-op brings it), the page a reader opens
        op_line = re.compile(rf"(?:^|\n)\s*{re.escape(str(method))} {re.escape(str(path))}(?:\s|$)", re.I)
        page = next((hi for hi, h in enumerate(ev.hits) if hi != hi0 and h.chunk.kind == "prose"
                     and h.chunk.path.startswith("spec/") and op_line.search(h.chunk.text)), None)
        if page is not None:
            first += self._mark(ev, page, f"{method} {path}")
        if listing:
            head = f"The {bbname} specification defines these API operations, among others:"
            items = [f"- `{h0.chunk.extra.get('method')} {h0.chunk.extra.get('api_path')}` — {summary} {first}"]
        else:
            api = api_of(h0).strip(" ()")
            gap = channel_gap(qa.question, bbname, "\n".join(
                f"{h.chunk.extra.get('api_path')} {_op_summary(h)} {_op_description(h)}" for _, h in lines
                if h.chunk.bb == h0.chunk.bb)) if CHANNEL_GAP else ""
            head = (f"{gap}\n\n" if gap else "") + f"Use **`{method} {path}`**" + (f" — {summary}" if summary else "") \
                + f" ({bbname} API{': ' + api if api else ''}) {first}."
            desc, desc_at = self._op_about(ev, h0, qtoks)
            if desc and desc.lower().rstrip(". ") != summary.lower().rstrip(". "):
                head += f" {desc} " + (first if desc_at == hi0 else self._mark(ev, desc_at, desc))
            items = []
            said = self._page_says(ev, op_line) if PAGE_SAYS_UNITS else []
            if said:
                title = heading_title(next(h for h in ev.hits if "op-page" in h.why).chunk.heading_path[-1])
                head += f"\n\nWhat the specification's page says of it ({title}):\n" + "\n".join(said)
        # the lead's related operations are its own block's (another block's API answers another question)
        rest = [p for p in lines[1:] if listing or not RELATED_SAME_BB or p[1].chunk.bb == h0.chunk.bb]
        for hi, h in rest[: 7 if listing else 4]:
            s = _op_summary(h)
            d = _op_description(h)
            if d and not listing and len(s.split()) <= 4 and d.lower().rstrip(".") != s.lower().rstrip("."):
                s = f"{s.rstrip('.')}: {clip(d, 160)}"  # "Get Task Status" says less than its description
            items.append(f"- `{h.chunk.extra.get('method')} {h.chunk.extra.get('api_path')}` — {s}{api_of(h)} {self._mark(ev, hi, s)}")
        parts = [head]
        if items:
            parts.append(("Related operations:\n" if not listing else "") + "\n".join(items))
        # an operation split into two passages (its description, its fields) names its fields from the other one
        described = DESCRIBED_FIELDS and bool(ASKS_INPUT.search(qa.question))
        fields, fields_at = next(((f, hi) for hi, h in self._same_op(ev, h0) if (f := _op_fields(h, described))),
                                 ("", hi0))
        if fields and not listing:
            parts.append(f"Fields: {fields} " + (first if fields_at == hi0 else self._mark(ev, fields_at, fields)))
        if not listing and NAMED_FIELDS:
            named = self._named_fields(ev, h0, qa.question)
            if named:
                parts.append("The fields asked about:\n" + "\n".join(named))
        if not listing:
            for label, asks in (("Header parameters", ASKS_HEADERS), ("Responses", ASKS_RESPONSE)):
                if asks.search(qa.question):
                    # …and those of the other APIs' operations with the same method and path, each named
                    for h in [h0] + [h for _, h in rest[:4]
                                     if (h.chunk.extra.get("method"), h.chunk.extra.get("api_path")) == (method, path)]:
                        part = self._op_part(ev, h, label)
                        if part:
                            parts.append(part.replace(f"{label}:", f"{label}{api_of(h)}:", 1))
        if h0.chunk.extra.get("from_page") and not listing:
            # an operation the page only lists: what its section says about these operations is the description
            section = h0.chunk.heading_path[:-1]
            about = self._ranked_units(ev, qtoks, max_hits=len(ev.hits), hit_filter=lambda h: h.chunk.kind == "prose"
                                       and h.chunk.path == h0.chunk.path and h.chunk.heading_path == section)
            pts = self._pick([u for u in about if not re.match(r"API operation:", u.text)], 2)
            if pts:
                title = heading_title(section[-1]) if section else "this section"
                parts.append(f"What the specification says about these operations ({title}):\n"
                             + "\n".join(f"- {self._sentence(ev, u, 400)}" for u in pts))
        return parts

    def _page_says(self, ev: Evidence, op_line: re.Pattern) -> list[str]:
        """What the page section rendering the lead operation says of it in prose, in the page's order: the section's
        passages Assistant._augment brought ("op-page": one of them renders this operation), up to the operation."""
        at = sorted((hi for hi, h in enumerate(ev.hits) if "op-page" in h.why),
                    key=lambda hi: int(ev.hits[hi].chunk.extra.get("seq", 0) or 0))
        if not any(op_line.search(ev.hits[hi].chunk.text) for hi in at):
            return []  # (the section of another operation than the one the answer leads with)
        units = []
        for hi in at:
            text = ev.hits[hi].chunk.text
            cut = op_line.search(text)
            units += units_of(text[:cut.start()] if cut else text, hi)
        return [f"- {self._sentence(ev, u, 300)}" for u in units if u.kind in ("sentence", "item")][:PAGE_SAYS_UNITS]

    @staticmethod
    def _same_op(ev: Evidence, op: Hit):
        """The retrieved passages of one operation (same file, method and path), the given one first."""
        key = (op.chunk.path, op.chunk.extra.get("method"), op.chunk.extra.get("api_path"))
        same = [(hi, h) for hi, h in enumerate(ev.hits) if h.chunk.kind == "api_operation"
                and (h.chunk.path, h.chunk.extra.get("method"), h.chunk.extra.get("api_path")) == key]
        return sorted(same, key=lambda p: p[1] is not op)

    def _named_fields(self, ev: Evidence, op: Hit, question: str) -> list[str]:
        """The lead operation's parameters and fields the question names ("what must the redirect_uri be?"), each with
        what the API says of it, from whichever passage of the operation lists it: "- `redirect_uri` (string, required) —
        Valid client redirect_uri. Must be same as the one sent in the authorize call." Named as written: in words
        ("consent record", "process id") a name is the domain's, not the field's. One the API says nothing of is left
        out (the Fields line names it already)."""
        asked = _fields_asked(question)
        # a question asking which parameters to send names them by what they do ("sorted by due date" → sortBy,
        # sortOrder): a parameter whose name's own words (not id, type, …) the question uses, path words aside
        # (nor the blocks' names, nor the operation's own path: "the Registration BB" names no registrationName, "start a
        # process" no processId)
        worded = set(stem_tokens(tokenize(API_PATH.sub(" ", question)))) - _GENERIC_FIELD_WORDS \
            - set(stem_tokens([t for b in registry.find_bbs(question) for t in tokenize(registry.name_of(b))])) \
            - {w for seg in re.split(r"[/{}]+", str(op.chunk.extra.get("api_path") or "")) for w in _field_words(seg)} \
            if WORDED_PARAMETERS and ASKS_INPUT.search(question) else set()
        out, seen = [], set()
        for hi, h in self._same_op(ev, op):
            for m in _FIELD_LIST.finditer(h.chunk.text):
                for entry in re.split(r"; (?=[\w.\[\]-]+ \()", m.group(2)):
                    f = _FIELD_ENTRY.match(entry.strip())
                    if not (f and f.group(3) and f.group(1) not in seen
                            and (_names_field(f.group(1), asked) or (worded and _field_words(f.group(1)) & worded))):
                        continue
                    seen.add(f.group(1))
                    out.append(self._field_line(ev, hi, f))
        return out[:NAMED_FIELDS_MAX]

    def _fields_named_in(self, ev: Evidence, question: str) -> list[str]:
        """For a question that is no API question ("In the Consent BB OpenAPI schema, what does the forgettable flag on
        a DataAgreement mean, and which values does lawfulBasis allow?"): each field it names, as an identifier or in
        words before "field"/"flag"/…, with what the first top passage listing it says of it."""
        asked = _fields_asked(question)
        out, seen = [], set()
        for hi, h in enumerate(ev.hits[:NAMED_FIELDS_HITS]):
            for entry in _ENTRY_AT.split(h.chunk.text):
                f = _FIELD_ENTRY.match(entry.split("; ")[0].strip()) if " — " in entry else None
                if not f or not f.group(3):
                    continue
                last = f.group(1).replace("[]", "").split(".")[-1]
                if not _names_field(f.group(1), asked) or last.lower() in seen:
                    continue
                seen.add(last.lower())
                out.append(self._field_line(ev, hi, f))
        return out[:NAMED_FIELDS_MAX]

    def _field_line(self, ev: Evidence, hi: int, f: re.Match) -> str:
        """'- `redirect_uri` (string, required) — Valid client redirect_uri. [n]' for a field entry (_FIELD_ENTRY) of
        passage hi."""
        text = f"`{f.group(1)}` ({f.group(2)}) — {clip(strip_md(_HTML_TAG.sub(' ', f.group(3))).strip(), 300)}"
        return f"- {text} {self._mark(ev, hi, text)}"

    def _op_part(self, ev: Evidence, op: Hit, label: str) -> str:
        """'Responses: 201 Process started …; 404 Process not found' from whichever passage of the same operation
        (same file, method and path) states it, cited there."""
        same = self._same_op(ev, op)
        for hi, h in same:
            src, cited = h.chunk.text, [hi]
            m = _OP_PART[label].search(src)
            fields = _RESPONSE_FIELDS.search(src) if m and label == "Responses" else None
            seq = h.chunk.extra.get("seq")
            if m and OP_PART_CONTINUES and isinstance(seq, int) and (fields or m).end() >= len(src.rstrip()):
                # the part (or the response fields after it) runs to the passage's end: ingest may have cut it there
                # ("… — Format is:"), and the next passage of the operation goes on with it
                # ("INSTANCE/CLASS/MEMBER/SUBSYSTEM Request body fields: …", "[].rejected (integer) — …")
                for j, x in same:
                    if x.chunk.extra.get("seq") == seq + 1:
                        src, cited = f"{src} {x.chunk.text}", [hi, j]
                        m = _OP_PART[label].search(src)
                        fields = _RESPONSE_FIELDS.search(src) if label == "Responses" else None
            if m:
                text = clip(m.group(1).strip().rstrip(";"), 600)
                if fields:  # "Responses: 200" says little; what comes back is in its fields
                    text += f"; response fields: {clip(fields.group(1).strip().rstrip(';'), 400)}"
                return f"{label}: {text} {''.join(self._mark(ev, j, text) for j in cited)}"
        return ""

    def _op_about(self, ev: Evidence, op: Hit, qtoks: set[str]) -> tuple[str, int]:
        """What the lead operation's description says, from whichever of its passages has it: a short one whole; of a
        long one ("Once the relying party receives the authorization code … 1. The only supported client authentication
        method: private_key_jwt 2. …"), its first sentence and the OP_ABOUT_MORE sentences that use the question's words."""
        for hi, h in self._same_op(ev, op):
            desc = _op_description(h, full=True)
            if not desc:
                continue
            if len(desc) <= OP_DESCRIPTION_CHARS:
                return desc, hi
            units = units_of(desc, hi)
            for u in units:  # (on stems: "authenticate itself" is about "client authentication")
                u.score = score_unit(u, qtoks, self.idf)
            # (an example payload is no sentence to quote: "Example: … { "essential" : true } …")
            more = {u.order for u in sorted(units[1:], key=lambda u: -u.score)[:OP_ABOUT_MORE]
                    if u.score >= OP_ABOUT_MIN and not re.search(r"[{}]|^Example\b", u.text)}
            said = [clip(re.sub(r"\s+\d+\.$", "", u.text), OP_DESCRIPTION_CHARS) for u in units if u.order == 0 or u.order in more]
            return " ".join(t if re.search(r"[.!?…:]$", t) else t + "." for t in said), hi
        return "", -1

    def _op_share(self, h: Hit, qtoks: set[str], qa: QueryAnalysis) -> float:
        """The idf-weighted share of the question's words (its block's name and the words for an API aside) that an
        operation's summary, description and path use."""
        words = set(tokenize(" ".join([_op_summary(h), _op_description(h), re.sub(r"[/{}_.-]+", " ", str(h.chunk.extra.get("api_path", "")))])))
        skip = _block_words(qa) | _API_WORDS
        q = qtoks - skip
        return sum(self.idf.get(t, 1.0) for t in q & words) / max(1.0, sum(self.idf.get(t, 1.0) for t in q))

    @staticmethod
    def _op_words(qa: QueryAnalysis, qtoks: set[str]) -> set[str]:
        """The question's words an operation is matched on: the asking sentence's, after context ("We send notices by
        email … How can our app find out which never arrived?"), when they leave any (ASK_OP_WORDS; not in a follow-up,
        whose words are the previous question's)."""
        asking = ask_part(qa.question)
        if not ASK_OP_WORDS or qa.standalone != qa.question or asking == qa.question:
            return qtoks
        asked = qtoks & set(tokenize(asking))
        return asked if asked - _block_words(qa) - _API_WORDS else qtoks

    def _op_match(self, hi: int, h: Hit, qtoks: set[str], qa: QueryAnalysis) -> float:
        """How well an operation's summary, description and path words match the question, plus its rank and its
        similarity in meaning to the question ("whether a record exists" → `/exists`, whatever words it uses)."""
        lex = self._op_share(h, qtoks, qa)
        many = bool(_MANY_AT_ONCE.search(qa.question)) and bool(_BATCH_OP.search(
            " ".join([_op_summary(h), str(h.chunk.extra.get("api_path", ""))])))
        named = NAMED_API_BONUS * (h.chunk.path in self._named_apis) + OP_NAMED_BONUS * _op_named(h, qtoks, qa.standalone)
        return OP_MATCH_WEIGHT * (lex + 0.5 * many) + 1.0 / (1.0 + 0.35 * hi) + OP_DENSE_WEIGHT * h.dense + named

    @staticmethod
    def named_apis(question: str, ops: list[Hit]) -> set[str]:
        """The API files among these operations that the question names ("the data API template" → the Digital
        Registries Data API, not its Database API): by a word of the API's title or file name that the other APIs of
        its block here do not have.

        >>> from assistant.types import Chunk
        >>> def op(path, title): return Hit(path, Chunk(text="", release="latest", repo="", folder="bb-x", path=path,
        ...     kind="api_operation", bb="x", heading_path=["X", "Service APIs", title, "GET /a"]), 0.0)
        >>> ops = [op("api/X_Data_API_template.yaml", "X API examples"), op("api/X_Database_API_template.yaml", "X Database API")]
        >>> sorted(ExtractiveAnswerer.named_apis("Which header does the data API template need?", ops))
        ['api/X_Data_API_template.yaml']
        >>> ExtractiveAnswerer.named_apis("What data does the API return?", ops)
        set()
        """
        said = {t for m in _NAMES_API.finditer(question) for t in tokenize(m.group(1))}
        if not said:
            return set()
        words: dict[tuple[str, str], set[str]] = {}
        for h in ops:
            c = h.chunk
            stem = re.sub(r"\.(ya?ml|json)$", "", c.path.rsplit("/", 1)[-1])
            words[(c.bb, c.path)] = set(tokenize(_CAMEL.sub(" ", re.sub(r"[_.-]+", " ", stem)) + " " + c.api_title))
        named = set()
        for (bb, path), own in words.items():
            others = [w for (b, p), w in words.items() if b == bb and p != path]
            if others and (own - set.union(*others)) & said:
                named.add(path)
        return named

    def _overview(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        if not qa.bbs:
            return []
        bb = qa.bbs[0]
        name = registry.name_of(bb)
        desc = [hi for hi, h in enumerate(ev.hits) if h.chunk.bb == bb and re.search(r"(README|description)\.md$", h.chunk.path)]
        kdf = [hi for hi, h in enumerate(ev.hits) if h.chunk.bb == bb and "key-digital" in h.chunk.path]
        if not desc and not kdf:
            return []
        parts = []
        taken = self._taken
        # the opening of the description page says what the BB is: take it in document order
        desc_hits = sorted(desc, key=lambda hi: (0 if "description" in ev.hits[hi].chunk.path else 1,
                                                  int(ev.hits[hi].chunk.extra.get("seq", 99) or 0), hi))
        lead_units: list[Unit] = []
        for hi in desc_hits[:2]:
            for u in sorted(units_of(ev.hits[hi].chunk.text, hi), key=lambda u: u.order):
                if u.kind == "sentence" and not u.text.rstrip().endswith(":") and len(lead_units) < 3:
                    key = " ".join(tokenize(u.text))[:120]
                    if key not in taken:
                        taken.add(key)
                        lead_units.append(u)
            if len(lead_units) >= 3:
                break
        if lead_units:
            parts.append(f"**{name} building block.** " + " ".join(self._sentence(ev, u) for u in lead_units))
        # key digital functionalities: section headings of chapter 4, cited
        heads = []
        for hi in kdf:
            hp = ev.hits[hi].chunk.heading_path
            if len(hp) >= 3 and hp[-1] not in [h for h, _ in heads]:
                heads.append((hp[-1], hi))
        if heads:
            items = []
            for head, hi in heads[:8]:
                line = heading_title(head)  # "4.1. Credential Discovery" → "Credential Discovery"
                first_units = [u for u in units_of(ev.hits[hi].chunk.text, hi) if u.kind in ("sentence", "item")]
                first_units = [u for u in first_units if len(u.text) >= 30 and not u.text.rstrip().endswith(":")]
                gist = f": {clip(first_units[0].text, 200)}" if first_units else ""
                items.append(f"- **{line}**{gist} {self._mark(ev, hi, line + gist)}")
            parts.append("Key digital functionalities:\n" + "\n".join(items))
        elif kdf:
            kunits = self._ranked_units(ev, qtoks, hit_filter=lambda h: "key-digital" in h.chunk.path, max_hits=len(ev.hits))
            pts = self._pick(kunits, 3, taken)
            if pts:
                parts.append("Key digital functionalities:\n" + "\n".join(f"- {self._sentence(ev, u, 400)}" for u in pts))
        return parts

    def _comparison(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        if len(qa.bbs) < 2:
            return []
        parts = []
        for bb in qa.bbs[:3]:
            units = self._ranked_units(ev, qtoks | set(tokenize(registry.name_of(bb))), hit_filter=lambda h, bb=bb: h.chunk.bb == bb,
                                       max_hits=len(ev.hits))
            # what a BB's own pages say about the other one is the comparison, in the spec's words: where they name it
            # (not where they use a word of its subject: "Appointment reminder: …" names no Scheduler)
            others = [o for o in qa.bbs if o != bb]
            for u in units:
                named = registry.find_bbs(u.text, strict=True)
                if any(o in named for o in others):
                    u.score += NAMES_OTHER_BONUS
                    # …first where its scope section sends a job to it ("Communication between different government
                    # services … is out of the scope of this Building Block but can be enabled through the Information
                    # Mediator"): the division of labour, said outright
                    if SCOPE_SECTION.search(ev.hits[u.hit_index].chunk.section or ""):
                        u.score += SCOPE_HANDOVER_BONUS
            units.sort(key=lambda u: -u.score)
            # what the block is: the opening sentence of its description page, then what sets it apart
            lead = self._defining_sentence(ev, bb)
            pick = ([lead] if lead else []) + self._pick(units, 3 - bool(lead))
            if pick:
                parts.append(f"**{registry.name_of(bb)}** — " + " ".join(self._sentence(ev, u, 280) for u in pick))
        if len(parts) < 2:
            return []
        return ["Both are GovStack building blocks with different scopes:"] + parts

    def _data(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        """"What fields describe a registration Service?": the table titled with the object asked about (a top passage
        or a table of the data-structure page it is on, Assistant._augment), all its rows in order. Without such a
        table the general answer applies."""
        want = qtoks - _DATA_WORDS - _block_words(qa)
        order = [t for t in tokenize(qa.question) if t in want]
        best, best_key = None, None
        for hi, h in enumerate(ev.hits):
            if hi >= DATA_TOP and "data-table" not in h.why:
                continue
            title = set(tokenize(_SECTION_NO.sub(" ", h.chunk.heading_path[-1] if h.chunk.heading_path else "")))
            if not title & set(order) or sum(u.kind == "row" for u in units_of(h.chunk.text, hi)) < 2:
                continue
            fit = len(title & want) / len(title)
            # on a tie, the table named by the head of the noun phrase ("registration Service": Service), then a
            # retrieved table before one brought in
            head = max(i for i, t in enumerate(order) if t in title)
            key = (fit, head, -hi if hi < DATA_TOP else -DATA_TOP)
            if fit >= 0.5 and (best_key is None or key > best_key):
                best, best_key = hi, key
        one = bool(ASKS_ONE_FIELD.search(qa.question))
        if best is None and one:
            # one field asked for and no table titled with the object ("7.2 Data elements"): the first top table
            best = next((hi for hi, h in enumerate(ev.hits[:DATA_TOP])
                         if sum(u.kind == "row" for u in units_of(h.chunk.text, hi)) >= 2), None)
        if best is None:
            return []
        units = sorted(units_of(ev.hits[best].chunk.text, best), key=lambda u: u.order)
        lines = []
        # "Which attribute holds the licence categories?" asks for one row: the one using most of the question's own
        # words, in any retrieved passage of the same table, comes first (quoted at more length), the table after it
        named = set(tokenize(_SECTION_NO.sub(" ", ev.hits[best].chunk.heading_path[-1])))  # the object: in every row
        lead = self._asked_row(ev, best, want - named) if one else None
        if lead is not None:
            self._taken.add(" ".join(tokenize(lead.text))[:120])
            lines.append("- " + self._sentence(ev, lead, LEAD_ROW_CHARS, whole=True))
        for u in units:
            if lead is not None and u.hit_index == lead.hit_index and u.order == lead.order:
                continue
            if u.kind == "row" or (u.kind == "sentence" and not lines and not u.text.rstrip().endswith(":")):
                self._taken.add(" ".join(tokenize(u.text))[:120])
                lines.append(("- " if u.kind == "row" else "") + self._sentence(ev, u, 300))
            if len(lines) >= DATA_ROWS:
                break
        return [_says(ev.hits[best].chunk), "\n".join(lines)]

    def _asked_row(self, ev: Evidence, best: int, words: set[str]) -> Unit | None:
        """The row of the table in passage `best` (or in another top passage of the same table) that uses the most of
        these words, weighted by rarity; None when none uses any."""
        table = ev.hits[best].chunk
        rows = [u for hi, h in enumerate(ev.hits[:DATA_TOP]) if h.chunk.path == table.path
                and h.chunk.folder == table.folder and h.chunk.heading_path == table.heading_path
                for u in units_of(h.chunk.text, hi) if u.kind == "row"]
        scored = [(overlap(tokenize(u.text), words, self.idf), -u.hit_index, -u.order, u) for u in rows]
        top = max(scored, key=lambda t: t[:3], default=None)
        return top[3] if top and top[0] > 0 else None

    def _term_comparison(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"What is the difference between a use case and a building block?": each term's glossary definition. Without
        an entry for both, the general answer applies. So for terms asked to be defined ("In the Wallet BB, what do
        'issuer', 'holder' and 'verifier' mean?"), where the named block's entry may qualify the word ("Credential
        Issuer")."""
        parts = []
        for term in qa.terms[: MAX_DEFINED_TERMS if qa.terms_defined else 2]:
            forms = set(term_forms(term))
            qualified = qa.terms_defined and bool(qa.bbs)  # the named block's "Credential Issuer" for "issuer"

            def defines(h: Hit, term=term, forms=forms, qualified=qualified) -> bool:
                names = _names(h)
                return bool(forms & set(names)) or (qualified and h.chunk.bb in qa.bbs
                                                    and any(qualifies(n, term) for n in names))
            found = [(hi, h) for hi, h in enumerate(ev.hits) if h.chunk.kind == "glossary_term" and defines(h)]
            if not found:
                return self._section_comparison(qa, ev)
            found.sort(key=_glossary_order(qa, qa.terms))
            hi, h = found[0]
            name = str(h.chunk.extra.get("term") or term)
            definition, where = _definition(h)
            where = f"{where} specification" if h.chunk.bb else where
            self._taken.add(" ".join(tokenize(definition))[:120])
            parts.append(f"**{name}** ({where}): {definition[:1].upper() + definition[1:]} {self._mark(ev, hi, definition)}")
        return parts if qa.terms_defined else ["The specification defines them as different things:"] + parts

    def _section_comparison(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"What's the difference between the one-time signature approach and the SCD-based approach?": no glossary
        entry, but a section of the block's spec for each (brought by the service, Assistant._sections_for_terms): each
        section's most relevant points, under its title."""
        qtoks = set(tokenize(qa.standalone))
        parts = []
        for term in qa.terms[:2]:
            brought = [(hi, h) for hi, h in enumerate(ev.hits) if "term-section" in h.why]
            hi = next((hi for hi, h in brought if titled_for(h.chunk.heading_path, term)), None)
            if hi is None:  # (the service found it by a looser title: Assistant._sections_for_terms)
                hi = max(brought, key=lambda p, t=term: (title_in_term(p[1].chunk.heading_path, t), -p[0]),
                         default=(None,))[0]
                hi = hi if hi is not None and title_in_term(ev.hits[hi].chunk.heading_path, term) else None
            if hi is None:
                return []
            part = self._section_part(ev, hi, qtoks)
            if not part:
                return []
            parts.append(part)
        return ["The specification describes them in sections of their own:"] + parts

    def _section_part(self, ev: Evidence, hi: int, qtoks: set[str], points: int = SECTION_POINTS) -> str:
        """Passage hi's most relevant points under its section's title and number ("**One-Time Signature Approach**
        (E-Signature specification, 2.2.1):"); "" when it has none to quote."""
        units = self._ranked_units(ev, qtoks, hit_filter=lambda h, c=ev.hits[hi].chunk: h.chunk is c, max_hits=len(ev.hits))
        points = self._passage_points(ev, units, self._taken, max_units=points)
        if not points:
            return ""
        heading = ev.hits[hi].chunk.heading_path[-1]
        number = re.match(r"^[\d.]*\d", heading.strip())
        where = _unthe(_whose(ev.hits[hi].chunk)) + (f", {number.group(0)}" if number else "")
        return f"**{heading_title(heading)}** ({where}):\n\n{points}"

    def _option_comparison(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"What does OpenID Connect SSO fail to authenticate compared with key-based decentralized authentication?": a
        top passage's page lays out options under bold labels of their own ("**1. OpenID Connect based Single Sign-On
        (SSO)**", "3. **Key-based, decentralized Authentication**"), not headings. The options the question names by a
        word no other option's label has (or all of them, when it asks about the options as such) answer it, each with
        its best points on the question's other words. [] when no such page is among the first passages."""
        # (the words that ask for the comparison say nothing about either option: "compared", "versus")
        asked = set(tokenize(ASKS_DIFFERENCE.sub(" ", qa.standalone))) - STOP - {"building", "block", "blocks", "bb"} \
            - _block_words(qa)  # (the block asked about names no option)
        for h in ev.hits[:OPTION_REACH]:
            page = (h.chunk.folder, h.chunk.path)
            hits = sorted((j for j, g in enumerate(ev.hits) if (g.chunk.folder, g.chunk.path) == page),
                          key=lambda j: int(ev.hits[j].chunk.extra.get("seq", 0) or 0))
            options: dict[str, list[Unit]] = {}
            for j in hits:
                label = ev.hits[j].chunk.extra.get("label")
                for u in sorted(units_of(ev.hits[j].chunk.text, j), key=lambda u: u.order):
                    if u.label:
                        label = label_name(u.text)
                        if label.endswith("?"):
                            label = None  # an FAQ's question ("What are the benefits of the BB approach?") is no option
                            continue
                        options.setdefault(label, [])
                    elif label:
                        options.setdefault(label, []).append(u)
            if len(options) < 2:
                continue
            # ("Any of these mechanisms may be used, depending on the implementation. In general GovStack recommends option
            # 1 or option 4."; under the last option's label, but about all of them)
            verdict = [u for us in options.values() for u in us if _OPTIONS_VERDICT.search(u.text)][:2] if OPTION_VERDICT else []
            options = {o: [u for u in us if u not in verdict] for o, us in options.items()}
            words = {o: set(tokenize(o)) - STOP for o in options}
            named = [o for o in options if (words[o] - set().union(*(words[p] for p in options if p != o))) & asked]
            if len(named) < 2 and ASKS_OPTIONS.search(qa.question) and asked & set(tokenize(heading_title(
                    h.chunk.heading_path[-1] if h.chunk.heading_path else ""))):
                named = list(options)  # "Comparing the UX handover options, which one …?" on "8 UX Switching and Handover"
            if len(named) < 2:
                continue
            parts = []
            q = qa.vectors.get(qa.standalone)
            for o in named[:OPTION_MAX]:
                want = asked - words[o]
                # (a diagram's step is no point of an option; a sentence under a line that introduces it, "There are
                # some inherent disadvantages of OpenID Connect as well:", is read with that line's words too)
                units = [u for u in options[o] if " → " not in u.text and not u.text.startswith("(")]
                near = self.unit_vectors([unit_text(u) for u in units]) if q is not None and self.embed else {}
                scored, intro = [], None
                for u in units:
                    if u.text.rstrip().endswith(":"):
                        intro = u
                        continue
                    if _is_question(u) or len(_WORD.findall(u.text)) < FILL_MIN_WORDS:
                        continue
                    dense = float(near[unit_text(u)] @ np.asarray(q, dtype=np.float32)) if near else 0.0
                    said = score_unit(u, want, self.idf) + (OPTION_INTRO_WEIGHT * score_unit(intro, want, self.idf)
                                                            if intro is not None else 0.0)
                    titled = _POINT_TITLE.match(u.text)  # "_Authentication:_ The called application gets …"
                    if titled and set(tokenize(titled.group(1))) & want:
                        said += OPTION_TITLE_BONUS
                    scored.append((said + MEANING_WEIGHT * max(0.0, dense - MEANING_FLOOR), -u.order, u))
                best = [u for *_, u in sorted(scored, key=lambda t: t[:2], reverse=True)[:OPTION_POINTS]]
                if best:
                    said = " ".join(self._sentence(ev, u, 300) for u in sorted(best, key=lambda u: (u.hit_index, u.order)))
                    # (all of the page's options, numbered in its order: its verdict names them by number, "option 4")
                    mark = f"{list(options).index(o) + 1}." if named == list(options) else "-"
                    # (… and when only some are listed, the page's numbers stay in their labels: "Option 1: OpenID
                    # Connect based Single Sign-On (SSO)", so that "GovStack recommends option 1 or option 4" reads)
                    number = _option_number(o, [ev.hits[j].chunk.text for j in hits]) if verdict and mark == "-" else None
                    title = f"Option {number}: {o}" if number else o
                    if said.lower().startswith(o.lower() + ":"):  # (a point repeating its option's label first)
                        said = said[len(o) + 1:].lstrip()
                    parts.append(f"{mark} **{title}** — {said}")
            if len(parts) >= 2:
                sec = (h.chunk.heading_path[-1] if h.chunk.heading_path else "").strip(" :")
                listed = [f"{_whose(h.chunk)}{f' ({sec})' if sec else ''} lays out these options:", "\n".join(parts)]
                if not verdict:
                    return listed
                # (the page's verdict on its options: first when the question asks which one is recommended)
                said = " ".join(self._sentence(ev, u, 300) for u in verdict)
                return [said] + listed if _ASKS_OPTIONS_VERDICT.search(qa.question) else listed + [said]
        return []

    def _scope_handover(self, qa: QueryAnalysis, ev: Evidence) -> str:
        """"Does the Messaging BB handle the timing, or is that a different BB?": the named block's scope sections where
        they hand a job to another block (Assistant._augment brought them), the ones nearest the question first; "" when
        none names another block."""
        bb = qa.bbs[0]
        in_scope_section = lambda h: h.chunk.bb == bb and SCOPE_SECTION.search(h.chunk.section or "") is not None  # noqa: E731
        units = [u for u in self._ranked_units(ev, set(tokenize(qa.standalone)), max_hits=len(ev.hits),
                                               hit_filter=in_scope_section)
                 if hands_over(u.text, [bb])]
        pts = self._pick(units, SCOPE_HANDOVER_POINTS)
        if not pts:
            return ""
        return (f"The {registry.name_of(bb)} specification leaves these jobs to other building blocks:\n"
                + "\n".join(f"- {self._sentence(ev, u, 400)}" for u in pts))

    def _scope_disclaimer(self, qa: QueryAnalysis, ev: Evidence) -> str:
        """A scope question's lead: the named block's sentences disclaiming the job the question names (sharing a word
        with the question, the block's name aside), the nearest first, one from a passage; "" when there is none."""
        bb = qa.bbs[0]
        # (the job in the spec's words too: a "mobile money wallet" is a payment wallet)
        job = asked_job(qa) | set(stem_tokens(tokenize(gloss_words(qa.standalone))))
        units = [u for u in self._ranked_units(ev, set(tokenize(qa.standalone)), max_hits=len(ev.hits),
                                               hit_filter=lambda h: h.chunk.bb == bb)
                 if disclaims_job(u.text, job)]
        # (one sentence a passage: "Delegating their consent rights (out-of-scope …)" and, in another, "the act of
        # delegating is kept outside the scope …")
        seen: set[int] = set()
        units = [u for u in units if u.hit_index not in seen and not seen.add(u.hit_index)]
        pts = self._pick(units, SCOPE_DISCLAIMERS)
        if not pts:
            return ""
        return f"The {registry.name_of(bb)} specification says: " + " ".join(self._sentence(ev, u, 400) for u in pts)

    def _option_without(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"Most citizens don't own smart cards or USB signing tokens. How can they still sign documents?": among the top
        passages, sections of one page under one parent (options: 2.2.1 One-Time Signature Approach, 2.2.2 SCD-based
        approach), the one whose text negates more of what the question negates ("does not require any device to be
        owned") than each of its siblings answers, under its title. [] when there is no such section."""
        # (what the question lacks, not what it wants to do: "… signing tokens. How can they still sign …?" lacks no
        # signing)
        wanted = question_negations(qa.question, clause=True) - set(stem_tokens(list(_block_words(qa))))
        asking = ask_part(qa.question)
        if asking != qa.question:
            wanted -= set(stem_tokens(tokenize(asking)))
        if not wanted:
            return []
        top = [(hi, h) for hi, h in enumerate(ev.hits[:OPTION_WITHOUT_REACH]) if h.chunk.kind in ("prose", "requirement")
               and len(h.chunk.heading_path) >= 2]
        groups: dict[tuple, dict[str, list[int]]] = {}
        for hi, h in top:
            c = h.chunk
            groups.setdefault((c.folder, c.path, tuple(c.heading_path[:-1])), {}).setdefault(c.heading_path[-1], []).append(hi)
        for sections in groups.values():
            if len(sections) < 2:
                continue
            said = {t: len(wanted & set().union(*(negated_stems(ev.hits[hi].chunk.text, clause=True) for hi in his)))
                    for t, his in sections.items()}
            best = max(said, key=said.get)
            if said[best] and all(n < said[best] for t, n in said.items() if t != best):
                # (the section is the answer: its whole list of steps, as the spec gives it, and its sub-sections among
                # the passages, in the page's order: "Below is shown how …" goes on in "9.2.1 Internal workflow")
                first = ev.hits[sections[best][0]].chunk
                path = list(first.heading_path)
                seq = lambda j: int(ev.hits[j].chunk.extra.get("seq", 0) or 0)  # noqa: E731
                under = sorted((j for j, g in enumerate(ev.hits) if j != sections[best][0]
                                and (g.chunk.folder, g.chunk.path) == (first.folder, first.path)
                                and g.chunk.heading_path[:len(path)] == path and seq(j) > seq(sections[best][0])), key=seq)
                qtoks = set(tokenize(qa.standalone))
                mark = self._checkpoint(ev)
                parts = _one_title_each([p for p in (self._section_part(ev, j, qtoks, points=OPTION_WITHOUT_POINTS)
                                                     for j in [sections[best][0]] + under[:2]) if p])
                if not parts:
                    self._restore(ev, mark)  # (nothing quoted: the answer built next cites nothing of this)
                return parts
        return []

    def _sibling_comparison(self, qa: QueryAnalysis, ev: Evidence) -> list[str]:
        """"Should we write an adaptor or go for a native GovStack implementation — what's the difference?": two of the
        top passages are sections of one page (6.1.2 Adaptor Requirements, 6.2 Native GovStack Implementation), neither
        inside the other, each titled with words of the question: each section's most relevant points, under its
        title. [] when the top passages hold no such pair."""
        asked = set(tokenize(qa.question)) - STOP - _block_words(qa)
        top = [(hi, h) for hi, h in enumerate(ev.hits[:SIBLING_REACH]) if h.chunk.kind in ("prose", "requirement")
               and len(h.chunk.heading_path) >= 2]
        pair = None
        for i, (hi, h) in enumerate(top):
            if not set(tokenize(heading_title(h.chunk.heading_path[-1]))) & asked:
                continue
            for hj, g in top[i + 1:]:
                a, b = tuple(h.chunk.heading_path), tuple(g.chunk.heading_path)
                if (g.chunk.folder, g.chunk.path) != (h.chunk.folder, h.chunk.path) or a[:len(b)] == b or b[:len(a)] == a:
                    continue  # another page, or one section inside the other
                ta, tb = (set(tokenize(heading_title(x[-1]))) for x in (a, b))
                # each is the one thing of the two by words of its own ("Adaptor …" / "Native GovStack …"), or they are
                # one thing with and without something ("Verification with / without user claims")
                if ((ta - tb) & asked and (tb - ta) & asked) or (tb & asked and _opposed(a[-1], b[-1])):
                    pair = (hi, hj)
                    break
            if pair:
                break
        if pair is None:
            return []
        qtoks = set(tokenize(qa.standalone))
        parts = []
        for hi in sorted(pair, key=lambda x: int(ev.hits[x].chunk.extra.get("seq", 0) or 0)):
            part = self._section_part(ev, hi, qtoks)
            if not part:
                return []
            parts.append(part)
        return ["The specification describes them in sections of their own:"] + parts

    def _defining_sentence(self, ev: Evidence, bb: str) -> Unit | None:
        """The first sentence naming the block on its description page among the passages (document order), if it is not
        yet said: "… the Scheduler Building Block enables aggregated coordination of time-driven activities …"."""
        desc = sorted((hi for hi, h in enumerate(ev.hits) if h.chunk.bb == bb and re.search(r"description\.md$", h.chunk.path)),
                      key=lambda hi: (int(ev.hits[hi].chunk.extra.get("seq", 99) or 0), hi))
        for hi in desc[:2]:
            for u in sorted(units_of(ev.hits[hi].chunk.text, hi), key=lambda u: u.order):
                if u.kind == "sentence" and len(u.text) >= 40 and not u.text.rstrip().endswith(":") \
                        and bb in registry.find_bbs(u.text):  # a sentence about the block, not the sector's context
                    return (self._pick([u], 1) or [None])[0]
        return None

    def _use_case(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        ucs = [(hi, h) for hi, h in enumerate(ev.hits) if h.chunk.kind in ("use_case", "use_case_step")]
        if not ucs:
            return []
        hi, h = ucs[0]
        if NAMED_STEP_FIRST and h.chunk.kind == "use_case_step":
            # a step the question (or the question a follow-up carries) names ("… during the enrollment step?" → "And
            # where is the data collected at that point kept?") answers, not the top-ranked other step of its use case
            as_step = _ABOUT_STEP.search(qa.standalone)
            named = _steps_titled(ucs, h, set(tokenize(as_step.group(0)))) if as_step else []
            if named and all(x is not h for _, x in named):
                hi, h = named[0]
        asks_bbs = re.search(r"\bbuilding blocks?\b.*\b(use|uses|need|needed|involved)\b", qa.question, re.I)
        names_bbs = bool(NAMES_BLOCKS.search(qa.question))
        # "… what do health workers provide when they register, and which building blocks support that step?"
        about_step = bool(_ABOUT_STEP.search(qa.question))
        by_step = names_bbs and bool(ASKS_BLOCK_ROLES.search(qa.question))
        if by_step:
            # (… "which building blocks are used in which step?" asks for them all, step by step: see below)
            about_step = False
            if h.chunk.kind == "use_case_step":
                hi, h = next(((j, x) for j, x in ucs if x.chunk.kind == "use_case"
                              and x.chunk.extra.get("uc_id") == h.chunk.extra.get("uc_id")), (hi, h))
        if h.chunk.kind == "use_case" and not _ASKS_SDG.search(qa.question) and (about_step or not (asks_bbs or names_bbs)):
            # "What does the disaster management use case suggest for alerting people …?" asks about a step, which a
            # top passage has: it answers, not the use case's summary and block list
            steps = [(j, x) for j, x in _steps_titled(ucs, h) if j < USE_CASE_STEP_REACH]
            if STEP_TITLE_REACH:
                # … or, with none there, one ranked lower whose title the question names ("… how is the trigger meant
                # to be automated?" → Step 5 Program Trigger, 8th); one it names as a step comes first ("… for the
                # programme trigger step"), and not Step 2 Outreach Communications, ranked higher)
                as_step = _ABOUT_STEP.search(qa.question)
                steps = (_steps_titled(ucs, h, set(tokenize(as_step.group(0)))) if as_step else []) or steps \
                    or _steps_titled(ucs, h, qtoks)
            if steps:  # the step its title names ("… handle early warning?" → Step 3 Early Warning Systems), else the first
                hi, h = max(steps, key=lambda p: (len(qtoks & set(tokenize(p[1].chunk.heading_path[-1]))), -p[0]))
        c = h.chunk
        uc_id, title = c.extra.get("uc_id"), c.extra.get("uc_title")
        parts = []
        if c.kind == "use_case_step" and (about_step or not asks_bbs):
            named = set(tokenize(c.heading_path[-1] if c.heading_path else "")) - set(tokenize(title or ""))
            if STEP_BY_SENTENCE and not qtoks & named:
                # a step the question does not name: the one whose sentence answers best ("… residents close to an
                # imminent emergency warned?": Step 3's direct 'Alert', not the top-ranked Step 2 on planning)
                uc = c.extra.get("uc_id")
                near = [u for u in self._ranked_units(ev, qtoks, max_hits=USE_CASE_STEP_REACH + 1)
                        if ev.hits[u.hit_index].chunk.kind == "use_case_step" and not _STEP_LABELS.match(u.text)
                        and ev.hits[u.hit_index].chunk.extra.get("uc_id") == uc]
                if near:
                    hi = near[0].hit_index
                    h = ev.hits[hi]
                    c = h.chunk
            # every retrieved passage of the step (ingest may cut its text from its "Workflows:" and "Building blocks:"
            # lines), the text first
            step = c.heading_path[-1] if c.heading_path else ""
            units = self._ranked_units(ev, qtoks, max_hits=len(ev.hits), hit_filter=lambda x: x.chunk.kind == c.kind and (
                x.chunk.extra.get("uc_id"), x.chunk.heading_path[-1:]) == (uc_id, c.heading_path[-1:]))
            units.sort(key=lambda u: bool(_STEP_LABELS.match(u.text)))
            summary = next(((j, x) for j, x in ucs if x.chunk.kind == "use_case" and x.chunk.extra.get("uc_id") == uc_id), None)
            if summary is None or any(not _STEP_LABELS.match(u.text) for u in units):
                pts = self._pick(units, 3)
                blocks = [u for u in units if "Building blocks:" in u.text]
                if names_bbs and blocks and blocks[0] not in pts:
                    pts = pts + blocks[:1]  # the blocks the step uses, when they are asked for
                # (each point as long as any answer's: cut at 300, "… or structural design images blurry, then the
                # application…" had stopped before what happens then)
                parts.append(f"In **{uc_id} {title}**, {step}: " + " ".join(self._sentence(ev, u) for u in pts))
                return parts
            hi, h = summary  # only the step's labels were retrieved: the use case's summary answers
            c = h.chunk
        bbs = [registry.name_of(b) for b in str(c.extra.get("building_blocks", "")).split(",") if b]
        sdgs = re.search(r"\bSDGs: (.+?)\.(?:\s|$)", c.text)
        if sdgs and _ASKS_SDG.search(qa.question):  # "construction permit use case - which SDG?"
            sector = f" (sector: {c.extra['sector']})" if c.extra.get("sector") else ""
            parts.append(f"**{uc_id} – {title}**{sector} serves {sdgs.group(1)} {self._mark(ev, hi, f'SDGs: {sdgs.group(1)}')}.")
        mark = self._mark(ev, hi, f"{uc_id} {title}: {', '.join(bbs)}")
        who = "It" if parts else f"**{uc_id} – {title}**"
        parts.append(f"{who} uses these building blocks: {', '.join(bbs)} {mark}.")
        if by_step:
            # "… which building blocks does it lean on, and for what?": each step's blocks, as the page lists them
            # ("Step 2 Intent & Entity Extraction: Workflow (PydanticAI orchestration), Registry (ChromaDB vector
            # storage), …"), the steps in their order
            listed = {}
            for j, x in enumerate(ev.hits):
                m = _STEP_BLOCKS.search(x.chunk.text)
                if x.chunk.kind == "use_case_step" and x.chunk.extra.get("uc_id") == uc_id and m and m.group(1) != "n/a":
                    listed.setdefault(str(x.chunk.extra.get("step")), (j, x.chunk.heading_path[-1], m.group(1)))
            if len(listed) >= 2:
                for j, _, _ in listed.values():  # (their "Workflows: … Building blocks: …" lines are said: not again below)
                    self._taken.update(" ".join(tokenize(u.text))[:120] for u in units_of(ev.hits[j].chunk.text, j)
                                       if "Building blocks:" in u.text)
                order = sorted(listed, key=step_order)
                parts.append("By step:\n" + "\n".join(
                    f"- {listed[n][1]}: {listed[n][2]} {self._mark(ev, listed[n][0], 'Building blocks: ' + listed[n][2])}"
                    for n in order))
                return parts
        units = self._ranked_units(ev, qtoks, hit_filter=lambda x: x.chunk.extra.get("uc_id") == uc_id, max_hits=len(ev.hits))
        pts = [u for u in self._pick(units, 3) if not u.text.startswith(str(uc_id))]
        if pts:
            parts.append("\n".join(f"- {self._sentence(ev, u, 400)}" for u in pts[:2]))
        return parts

    def _requirement(self, qa: QueryAnalysis, ev: Evidence, qtoks: set[str]) -> list[str]:
        req_units = self._ranked_units(ev, qtoks, hit_filter=lambda h: h.chunk.kind == "requirement")
        if not req_units:
            return []
        best = req_units[0].hit_index
        if best > REQ_MAX_RANK:
            return []  # the requirement passages rank below what retrieval found most relevant: the general answer
        taken = self._taken
        body = self._passage_points(ev, [u for u in req_units if u.hit_index == best], taken, max_units=5)
        if not body.strip():
            return []
        parts = _said_by(ev.hits[best].chunk, body)
        others = [u for u in req_units if u.hit_index != best]
        more = self._pick(others, 2, taken)
        if more:
            parts.append("Related requirements:\n" + "\n".join(f"- {self._with_list(ev, u)}" for u in more))
        return parts


def _block_words(qa: QueryAnalysis) -> set[str]:
    """The words of the named blocks' names: every passage of theirs is about them, so they tell no sentence apart."""
    return {t for b in qa.bbs for t in tokenize(registry.name_of(b))}


_NEGATIONS = {"with", "without", "non", "not", "no"}


def _opposed(a: str, b: str) -> bool:
    """Two section titles that say the same but for a "with"/"without" ("9.1.1 Verification with user claims",
    "9.1.2 Verification without user claims").

    >>> _opposed("9.1.1 Verification with user claims", "9.1.2 Verification without user claims")
    True
    >>> _opposed("6.2 Virtualization platform", "6.3 Container orchestration platform")
    False
    """
    wa, wb = (re.findall(r"[a-z]+", heading_title(x).lower()) for x in (a, b))
    return wa != wb and [w for w in wa if w not in _NEGATIONS] == [w for w in wb if w not in _NEGATIONS]


def _introduces_list(u: Unit, following: Unit | None) -> bool:
    """Whether a line introduces the list that follows it: it ends ":", or it says the list comes below and it does
    ("… at least 4 main sections, outlined in the directory structure below." with the tree right after it)."""
    return u.text.rstrip().endswith(":") or (bool(_LIST_BELOW.search(u.text)) and following is not None
                                             and following.kind == "item")


def _finishes_with_intro(u: Unit, v: Unit) -> bool:
    """Whether sentence v, right after sentence u, is a short line that finishes it by introducing a list ("The model
    uses three criteria … . CMSs should be:"); a Title Case label ("Example Implementation:") heads a list of its own."""
    return u.kind == v.kind == "sentence" and len(v.text) <= SHORT_INTRO_CHARS \
        and bool(_ENDS_SENTENCE_INTRO.search(strip_md(v.text)))


_MARKER = re.compile(r"\[(\d+)\]")


def _without_repeats(lines: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """The points no other point says in full (of two that say the same, the first).

    >>> _without_repeats([(1, "- The credential has not expired or revoked. [3]"),
    ...                   (2, "- Validity means: the signature is verified; the credential has not expired or revoked. [3]"),
    ...                   (3, "- Another point. [4]"), (4, "- Another point. [5]")])
    [(2, '- Validity means: the signature is verified; the credential has not expired or revoked. [3]'), (3, '- Another point. [4]')]
    """
    said = [" ".join(tokenize(_MARKER.sub("", x))) for _, x in lines]
    return [p for j, p in enumerate(lines)
            if not any(k != j and said[j] in t and (len(said[j]) < len(t) or k < j) for k, t in enumerate(said))]


def _in_reading_order(ev: Evidence, lines: list[tuple[Unit, str]]) -> list[str]:
    """Supporting points, picked best first, grouped by their section (the lead's section first, then the section of
    the best point) and told in the order the section has them (passage by passage, then within the passage).

    >>> from assistant.types import Chunk
    >>> def hit(path, heading, seq):
    ...     return Hit("id", Chunk("t", "latest", "r", "f", path, "prose", heading_path=heading, extra={"seq": seq}), 0.1)
    >>> ev = Evidence([hit("a.md", ["A", "2"], 5), hit("a.md", ["A", "1"], 1), hit("a.md", ["A", "2"], 4)])
    >>> u = lambda hi, order: Unit("x", hi, order)
    >>> _in_reading_order(ev, [(u(0, 2), "- step 6"), (u(1, 0), "- other"), (u(2, 1), "- step 4"), (u(0, 0), "- step 5")])
    ['- step 4', '- step 5', '- step 6', '- other']
    >>> ev.used = [1]
    >>> _in_reading_order(ev, [(u(0, 2), "- step 6"), (u(1, 0), "- other"), (u(2, 1), "- step 4")])
    ['- other', '- step 4', '- step 6']
    """
    groups: dict[tuple, int] = {}
    if ev.used:  # the points that go on from the lead's own section come first
        lead = ev.hits[ev.used[0]].chunk
        groups[(lead.path, tuple(lead.heading_path))] = 0

    def key(u: Unit) -> tuple:
        c = ev.hits[u.hit_index].chunk
        g = groups.setdefault((c.path, tuple(c.heading_path)), len(groups))
        seq = c.extra.get("seq")
        return g, int(seq) if isinstance(seq, int) else 0, u.hit_index, u.order

    return [line for _, line in sorted(lines, key=lambda p: key(p[0]))]


def _drop_unused_citations(text: str, ev: Evidence, snips: dict[int, list[str]]) -> str:
    """The answer's citations are the passages its text cites: a passage numbered for a line that was then left out
    (a repeat) is dropped and the others renumbered in order ("[1] … [3]" becomes "[1] … [2]"); numbers are in the
    order the text first cites them (a lead added after the answer was built, FIGURE_LEAD, cites [1]).

    >>> from assistant.types import Chunk
    >>> ev = Evidence([Hit(f"c{i}", Chunk(text="t", release="latest", repo="r", folder="f", path="p.md", kind="prose"), 1.0)
    ...                for i in range(3)], used=[0, 1, 2])
    >>> _drop_unused_citations("A. [1] B, see [21]. [3]", ev, {}), ev.used
    ('A. [1] B, see [21]. [2]', [0, 2])
    """
    seen = [int(m) for m in _MARKER.findall(text) if 1 <= int(m) <= len(ev.used)]
    present = set(seen)
    first = list(dict.fromkeys(seen))  # the numbers in the order the text first cites them
    if len(present) == len(ev.used) and (not IN_ORDER_OF_MENTION or first == sorted(first)):
        return text
    keep = [(n, ev.used[n - 1]) for n in first] if IN_ORDER_OF_MENTION else \
        [(n, hi) for n, hi in enumerate(ev.used, 1) if n in present]
    new = {old: k for k, (old, _) in enumerate(keep, 1)}
    for n, hi in enumerate(ev.used, 1):
        if n not in present:
            snips.pop(hi, None)
    ev.used[:] = [hi for _, hi in keep]
    return _MARKER.sub(lambda m: f"[{new[int(m.group(1))]}]" if int(m.group(1)) in new else m.group(0), text)


def _closed(u: Unit) -> Unit:
    """A line introducing what is not quoted in words (a figure, a code block) as a sentence: without its colon."""
    return replace(u, text=u.text.rstrip().rstrip(":").rstrip())


def _list_head(units: list[Unit], item: Unit) -> Unit | None:
    """The line ending in ':' that opens the run of list items `item` is in (units in document order), else None."""
    for v in reversed([w for w in units if w.order < item.order]):
        if v.text.rstrip().endswith(":"):
            return v
        if v.kind != "item":
            return None
    return None


# "requestID", "paymentModality"; a field's dotted, snake-case or array name ("context.bpp_uri", "client_id", "keys[].e")
_CAMEL_START = re.compile(r"[a-z]+[A-Z]\w*\b|[a-z][\w-]*(?:\.[A-Za-z_]\w|_[A-Za-z]|\[\])")


def _sentence_case(text: str) -> str:
    """The text with a capital first letter ("e-Service" and an identifier, "requestID", stay as written).

    >>> _sentence_case("fees are paid online"), _sentence_case("serviceId — Type: varchar")
    ('Fees are paid online', 'serviceId — Type: varchar')
    >>> _sentence_case("context.bpp_uri (string<uri>) — …"), _sentence_case("keys[].e (string)"), _sentence_case("e.g. x")
    ('context.bpp_uri (string<uri>) — …', 'keys[].e (string)', 'E.g. x')
    """
    return text[0].upper() + text[1:] if text and text[1:2] != "-" and not _CAMEL_START.match(text) else text


def unit_text(u: Unit) -> str:
    """The text a sentence is embedded as, for scoring by meaning (and for computing the vectors ahead)."""
    return clip(u.text, 240)


def _continuation(ev: Evidence, hi: int) -> list[Unit]:
    """The leading list items of the passage that continues passage hi in its section (the chunker split the list
    there; Assistant._augment brings that passage along): "Adaptors Perform 3 distinct functions:" ends one passage
    after its first item, and Class 2 and Class 3 open the next."""
    c = ev.hits[hi].chunk
    for hj, h in enumerate(ev.hits):
        if continues(c, h.chunk):
            return list(takewhile(lambda v: v.kind == "item", units_of(h.chunk.text, hj)))
    return []


def _definition(h: Hit) -> tuple[str, str]:
    """A glossary entry's definition (without its term and a one-item list's bullet: "* Is linked to …") and who gives
    it: a block's name, or the document (the playbook's terminology)."""
    c = h.chunk
    definition = strip_md(c.text.split(":", 1)[1] if ":" in c.text else c.text).strip()
    where = registry.name_of(c.bb) if c.bb else (c.heading_path[0] if c.heading_path else "GovStack")
    definition = re.sub(r"^[*-]\s+", "", definition)
    # the entry's other bullets, run into one line ("… functional Identities. * Functional identification systems …",
    # "supported: * Local - … * Remote - …"), read as sentences or as a list in the sentence
    definition = re.sub(r"(?<=(.))\s+\*\s+", lambda m: " " if m.group(1) in ".!?:" else "; ", definition)
    return clip(definition, 420), where


def _neighbour(ev: Evidence, hi: int, step: int) -> int | None:
    """The retrieved passage right before (step -1) or after (+1) passage `hi` in its section, if there is one."""
    c = ev.hits[hi].chunk
    seq = c.extra.get("seq")
    if not isinstance(seq, int):
        return None
    for j, h in enumerate(ev.hits):
        n = h.chunk
        if (n.folder, n.path, n.section, n.release) == (c.folder, c.path, c.section, c.release) and n.extra.get("seq") == seq + step:
            return j
    return None


def _unthe(name: str) -> str:
    """"The GovStack UI UX Guidelines" → "GovStack UI UX Guidelines" (to follow "In the")."""
    return re.sub(r"^the\s+", "", name, flags=re.I)


_ASKS_END = re.compile(r"\?\s*:?$")


def _is_question(u: Unit) -> bool:
    """A unit that asks rather than states (an FAQ heading: "What examples of use cases do the … support?", also as a
    bold label over its answer: "…support?:")."""
    return bool(_ASKS_END.search(strip_md(u.text).rstrip()))


def _stands_alone(text: str) -> bool:
    """Whether a sentence may open an answer out of its passage's order: it neither points back ("This ensures …") nor
    leans on what comes before or after it (_LEANS_ON).

    >>> _stands_alone("An Information Mediator is not required for co-located blocks."), _stands_alone("This ensures it.")
    (True, False)
    >>> _stands_alone("For example, asking for data."), _stands_alone("The IM MUST provide the following capabilities:")
    (False, False)
    """
    t = strip_md(text).strip()
    return not (_POINTS_BACK_START.match(t) or _LEANS_ON.search(t))


def _plain_reason(reason: str) -> str:
    """An advisor reason as a clause: "need 'Farmers register online' (“register online”) → Registration: Online
    registration: e-services …" reads "for ‘Farmers register online’: Online registration: e-services …".

    >>> _plain_reason("need 'get SMS advice' (“SMS”) → Messaging: The Messaging Building Block is a gateway")
    'for ‘get SMS advice’: The Messaging Building Block is a gateway'
    >>> _plain_reason("similar reference steps use Consent: AGR-2 Step 3 Registration")
    'similar reference steps use it: AGR-2 Step 3 Registration'
    """
    m = re.match(r"need '(.+?)'(?: \(“[^”]*”\))? → [^:]+: (.+)$", reason)
    if m:
        return clip(f"for ‘{m.group(1)}’: {m.group(2)}", 260)
    m = re.match(r"similar reference steps use [^:]+: (.+)$", reason)
    if m:
        return clip(f"similar reference steps use it: {m.group(1)}", 260)
    return clip(reason, 260)


def _names(h: Hit) -> tuple[str, ...]:
    """The names a glossary passage defines ("Account Mapper or Account Lookup Directory Service": both)."""
    return term_names(str(h.chunk.extra.get("term", "")))


def _glossary_order(qa: QueryAnalysis, terms: list[str]):
    """Sort key for glossary entries (hit index, hit): those of the block the question names, or whose subject it uses
    besides the terms themselves ("In registration rules, what is a 'determinant'?"), first; with neither, GovStack's
    own glossary (the playbook's): "What is a building block in GovStack?"."""
    rest = qa.question
    for t in terms:
        rest = re.sub(re.escape(t), " ", rest, flags=re.I) if t else rest
    about = set(qa.bbs) or registry.mentioned_loosely(rest)
    return lambda x: 0 if (x[1].chunk.bb in about if about else not x[1].chunk.bb) else 1


def _whose(c) -> str:
    """"The Payments specification", "The GovStack Architecture and Nonfunctional Requirements": whose words a passage is."""
    if c.kind in FRAMEWORK_KINDS:  # the ITU/DIAL framework's words about a block, not the block's specification
        return "The SDG Digital Investment Framework"
    if c.bb:
        return f"The {registry.name_of(c.bb)} specification"
    doc = c.heading_path[0] if c.heading_path else "specification"
    return f"The {doc}" if doc.lower().startswith("govstack") else f"The GovStack {doc}"


def _one_title_each(parts: list[str]) -> list[str]:
    r"""Section parts (ExtractiveAnswerer._section_part) with two passages of one section under its title once.

    >>> _one_title_each(["**A** (X, 1):\n\n- a", "**A** (X, 1):\n\n- b", "**B** (X, 2):\n\n- c"])
    ['**A** (X, 1):\n\n- a\n- b', '**B** (X, 2):\n\n- c']
    """
    out: list[str] = []
    for p in parts:
        head, _, body = p.partition("\n\n")
        if out and out[-1].startswith(head + "\n\n"):
            out[-1] += "\n" + body
        else:
            out.append(p)
    return out


def _option_number(label: str, texts: list[str]) -> str | None:
    """The page's own number of an option ("**1. OpenID Connect based Single Sign-On (SSO)**", "3. **Key-based …**"),
    None when its label has none.

    >>> _option_number("Hybrid Model", ["Intro.", "**4. Hybrid Model**"]), _option_number("Hybrid Model", ["**Hybrid Model**"])
    ('4', None)
    """
    pat = re.compile(rf"(?m)^[\s*_]*(\d{{1,2}})[.)]\s*[*_]*\s*{re.escape(label)}")
    return next((m.group(1) for t in texts if (m := pat.search(t))), None)


def _says(c) -> str:
    """"The Payments specification (6.4 Payment Request Initiation) says:" — the line that introduces a quoted list."""
    where = _whose(c)
    sec = (c.heading_path[-1] if c.heading_path else c.chapter or "").strip(" :")
    return f"{where} ({sec}) says:" if sec else f"{where} says:"


def _said_by(c, body: str) -> list[str]:
    """The body read from passage c, introduced by the line saying whose it is (_says) — in one line when the body is
    only its section's title, which the line would say twice ("5.19 Use ISO8601/UTC for Timestamps (REQUIRED)").

    >>> from types import SimpleNamespace as C
    >>> title = "5.19 Use ISO8601/UTC for Timestamps (REQUIRED)"
    >>> c = C(heading_path=[title], kind="requirement", bb=None, chapter="")
    >>> _said_by(c, title + " [1]") == [f"{_whose(c)} says: {title} [1]"]
    True
    >>> _said_by(c, "Use TLS 1.3. [1]") == [_says(c), "Use TLS 1.3. [1]"]
    True
    """
    sec = (c.heading_path[-1] if c.heading_path else "").strip(" :")
    if sec and re.sub(r"\s*\[\d+\]\s*$", "", body.strip()).strip(" .:") == sec.strip(" ."):
        return [f"{_whose(c)} says: {body}"]
    return [_says(c), body]


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


# A lead passage's unit that holds a shorter one already said, and says more than twice its words besides, is no repeat
# of it: "Government to Government (G2G) are not covered in this specification and will be covered in a later phase."
# after the list item "Government to Government (G2G)" (b77-022; for the supporting points too: +6 −3, 218 answers
# changed, the points it let in crowding out others)
LONGER_NOT_REPEAT = 2.0


def _repeats(new: str, said: str, longer_new: bool = True) -> bool:
    """Whether a unit (its token key) repeats one already said: most of its words, or of the said one's, are shared.

    >>> _repeats("government to government g2g", "government to government g2g are not covered in this specification")
    True
    >>> _repeats("government to government g2g are not covered in this specification", "government to government g2g")
    False
    >>> _repeats("the consent is revoked by the user", "consent is revoked by the user")
    True
    """
    if _overlap(new, said) <= 0.8:
        return False
    if not longer_new:
        return True
    sa, sb = set(new.split()), set(said.split())
    return not (LONGER_NOT_REPEAT and len(sa & sb) / max(1, len(sa)) <= 0.8 and len(sa) > LONGER_NOT_REPEAT * len(sb))


def _steps_titled(ucs: list[tuple[int, Hit]], of: Hit, words: set[str] | None = None) -> list[tuple[int, Hit]]:
    """The steps among these use-case passages of the use case `of` belongs to; with words, those whose title uses one
    of them (the use case's own name and "step" aside: "the programme trigger step" → Step 5 Program Trigger)."""
    uc = of.chunk.extra.get("uc_id")
    own = set(tokenize(str(of.chunk.extra.get("uc_title") or ""))) | {"step", "stage", "phase"}
    return [(j, x) for j, x in ucs if x.chunk.kind == "use_case_step" and x.chunk.extra.get("uc_id") == uc
            and (words is None or words & (set(tokenize(x.chunk.heading_path[-1])) - own))]


def _op_named(h: Hit, qtoks: set[str], question: str) -> bool:
    """Whether the question names the operation: every word of its path's last literal segment is one of the words it
    is matched on (`qtoks`), written as the question writes it ("attach it to an application" names no
    `/services/{serviceId}/applications`, the collection).

    >>> from assistant.types import Chunk
    >>> def op(path): return Hit(path, Chunk(text="", release="latest", repo="", folder="bb-x", path="api/x.yaml",
    ...     kind="api_operation", bb="x", extra={"api_path": path}), 0.0)
    >>> def named(path, q): return _op_named(op(path), set(tokenize(q)), q)
    >>> named("/data/{registryName}/{versionNumber}/exists", "whether it exists")
    True
    >>> named("/data/{registryName}/{versionNumber}/updateOrCreate", "create a record")
    False
    >>> named("/instances/{instanceId}", "which instances"), named("/services/{serviceId}/applications", "an application")
    (False, False)
    >>> named("/sign/response/{signatureId}", "what comes back in the response?")
    False
    """
    segments = [s for s in str(h.chunk.extra.get("api_path", "")).split("/") if s and not s.startswith("{")]
    if len(segments) < 2:  # a path that is only its resource ("/instances") names a thing, not an operation
        return False
    said = _CAMEL.sub(" ", re.sub(r"[_.-]+", " ", segments[-1]))
    words = set(tokenize(said))
    return bool(words) and not words & _GENERIC_OP_WORDS and words <= qtoks \
        and set(re.findall(r"[a-z0-9]+", said.lower())) - STOP <= set(re.findall(r"[a-z0-9]+", question.lower()))


def _op_summary(h: Hit) -> str:
    s = h.chunk.extra.get("summary")
    if s:
        return clip(strip_md(str(s)), OP_SUMMARY_CHARS).rstrip(".")
    first = h.chunk.text.splitlines()[0] if h.chunk.text else ""
    if not first.startswith(_op_head(h)):
        return ""  # a passage that goes on with an operation's fields ("… context.location.gps (string) — The GPS …")
    # (a passage on one line goes on to the operation's parts: "GET /x — Check availability … Path parameters: …")
    return clip(_OP_LABEL.split(first[len(_op_head(h)):].strip(), 1)[0], OP_SUMMARY_CHARS).rstrip(".")


def _op_head(h: Hit) -> str:
    """How an operation's passages open (ingest.openapi.render_operation): "POST /oauth/token —"."""
    return f"{h.chunk.extra.get('method')} {h.chunk.extra.get('api_path')} —"


def _op_description(h: Hit, full: bool = False) -> str:
    """The operation's description (the line after its summary), clipped to OP_DESCRIPTION_CHARS unless `full`; the
    HTML some OpenAPI descriptions use ("<b>private_key_jwt</b>") is dropped."""
    lines = h.chunk.text.splitlines()
    if h.chunk.extra.get("from_page"):
        return ""  # a page's operation listing ("Listed in 8 Service APIs of …") describes nothing
    text = lines[1] if len(lines) > 1 else ""
    head = f"{_op_head(h)} {h.chunk.extra.get('summary') or ''}".rstrip()
    if lines and lines[0].startswith(head) and len(lines[0]) > len(head) + 1:
        text = lines[0][len(head):]  # a long operation split into passages runs on in one line: "POST /x — Sum Description…"
    text = text.strip()
    if not text or _OP_LABEL.match(text):
        return ""
    text = " ".join(_HTML_TAG.sub(" ", strip_md(_OP_LABEL.split(text, 1)[0])).split())
    return text if full else clip(text, OP_DESCRIPTION_CHARS)


def _identifier_forms(name: str) -> set[str]:
    """A compound field name as a question may write it ("redirect_uri", "clientAssertion", "data.status"); a one-word
    name ("code", "status") is an ordinary word, no identifier, and none is returned."""
    name = name.replace("[]", "").lstrip(".")
    last = name.split(".")[-1]  # "request.redirectUris" is asked as "redirectUris" too, "signature.signature" not as "signature"
    return ({name.lower()} | ({last.lower()} if _COMPOUND.search(last) else set())) if _COMPOUND.search(name) else set()


def _fields_asked(question: str) -> tuple[set[str], set[tuple[str, ...]]]:
    """What a question names fields by: the identifiers it writes, and the words before a word for a field ("the
    lawful basis field" → ("lawful", "basis"))."""
    worded = set()
    for m in _FIELD_NAMED.finditer(question):
        words = m.group(1).lower().split()
        while words and words[0] in STOP:  # "the", "that", "which"
            words = words[1:]
        if words:
            worded.add(tuple(words))
    return _question_names(question), worded


def _names_field(name: str, asked: tuple[set[str], set[tuple[str, ...]]]) -> bool:
    """Whether a field ("dataAgreement[].lawfulBasis") is one the question names (_fields_asked): as a compound
    identifier ("lawfulBasis"), or in words ("the lawful basis field"; a one-word field only so: "the forgettable flag").

    >>> asked = _fields_asked("What does the forgettable flag mean, and what can the lawful basis field hold?")
    >>> [_names_field(n, asked) for n in ("dataAgreement.forgettable", "dataAgreement[].lawfulBasis", "basis", "active")]
    [True, True, False, False]
    >>> _names_field("client.redirect_uri", _fields_asked("What must the redirect_uri be?"))
    True
    """
    written, worded = asked
    words = _name_words(name)
    return bool(_identifier_forms(name) & written) or (bool(words) and words in worded)


def _name_words(name: str) -> tuple[str, ...]:
    """The words of a field's own name (its last part), lower case: "dataAgreement[].lawfulBasis" → ("lawful", "basis")."""
    last = name.replace("[]", "").split(".")[-1]
    return tuple(w.lower() for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", last))


WORDED_PARAMETERS = True
# words in many parameters' names, or in every API question: they tell no parameter apart
_GENERIC_FIELD_WORDS = frozenset(stem_tokens(["id", "ids", "type", "name", "value", "data", "code", "number", "key", "by",
                                              "info", "details", "request", "response", "parameter", "query", "body",
                                              "field", "list", "result", "results", "status", "date", "time", "first",
                                              "record", "records"]))


def _field_words(name: str) -> set[str]:
    """The stems of a field name's own words: "sortOrder" → {"sort", "order"}.

    >>> sorted(_field_words("tasks[].sortOrder")), sorted(_field_words("max_result"))
    (['order', 'sort'], ['max', 'result'])
    """
    return set(stem_tokens(list(_name_words(name)))) - {""}


def _question_names(question: str) -> set[str]:
    """The identifiers a question writes; a path's own parameters ("POST /processes/{processId}/start") name the
    operation, not a field asked about."""
    return {m.group(0).rstrip(".") for m in re.finditer(r"[a-z][\w.]*", API_PATH.sub(" ", question).lower())}


def _op_fields(h: Hit, described: bool = False) -> str:
    """The first list of an operation's parameters by name, and what its request body is when the API says so; with
    `described`, the list as the API gives it, with each parameter's type and description."""
    about = re.search(r"(?:^|\n)Request body description: (.+?)(?=\n|$)", h.chunk.text)
    # every list, in the API's order: "path parameters `version`; header parameters `X-GovStack-AuthenticationToken`,
    # `X-GovStack-PaymentToken`; request body fields `CSR`, …" (a token the call needs is a header parameter: x73-030)
    given = [(m.group(1), _OP_LABEL.split(h.chunk.text[m.end():].split("\n", 1)[0], 1)[0].strip())
             for m in re.finditer(r"(?:^|\s)(Path parameters|Query parameters|Header parameters|Request body fields): ",
                                  h.chunk.text) if ALL_FIELD_LISTS or m.group(1) != "Header parameters"]
    body = [f"request body: {clip(about.group(1), 200)}"] if about else []
    if described and (given or body):
        return "; ".join([f"{kind.lower()}: {clip(ln, DESCRIBED_FIELDS_CHARS)}" for kind, ln in given if ln] + body)
    lists = []
    for kind, ln in given:
        names = re.findall(r"(?:^|; |: |^\s)([\w.\[\]-]+) \(", ln)
        if names:
            lists.append(f"{kind.lower()} " + ", ".join(f"`{n}`" for n in names[:8]))
            if not ALL_FIELD_LISTS:
                break
    return "; ".join(lists + body)
