"""Query analysis: which building blocks a question names, what it asks for, and follow-up resolution."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant import registry
from assistant.prefilter import fold, may_match

MAX_QUESTION_CHARS = 2000  # longer input is truncated (and the user told) rather than rejected

INTENTS = ("api", "term", "requirement", "data", "workflow", "use_case", "comparison", "overview", "architecture", "general")

# "API" naming a thing that is not an operation ("API tokens", "REST API design guidelines") does not ask for one
_API_MODIFIER = r"(?!\s+(tokens?|keys?|gateways?|management|design|guidelines?|standards?|versioning|versions?|security|documentation|first|rate|limits?))"
# ("REST", a REST API or a RESTful one; not "the rest of …", nor data "at rest")
_API = re.compile(rf"\b(apis?{_API_MODIFIER}|endpoint|endpoints|(?-i:REST)|restful|rest(?=\s+(apis?|services?|endpoints?|calls?|"
                  r"protocols?|interfaces?)\b)|route|http|openapi|swagger|call to|method|operation|request|payload|"
                  r"get|post|put|patch|delete)\b|/[\w{}-]+/", re.I)
# "get" as English, not the HTTP method: passive ("when does it get marked as failed?") or what a person gets ("how would
# our staff get the warning?") does not make an API question: dev-independent +1 (b19-021), two answers gain a key fact,
# none lost, no blind answer changed. (Every lower-case "get", "put" and "route" left out: one blind answer lost.)
_ENGLISH_GET = re.compile(r"\b(get|gets|got|getting)\s+(\w+ed|\w+en)\b|\b(we|i|you|they|he|she|staff|users?|citizens?|"
                          r"people|customers?|officers?|residents?|applicants?|clerks?|patients?|farmers?|riders?|members?)"
                          r"\s+(\w+\s+)?(get|gets|got|getting)\b"
                          # …nor does a message that "can't get through": a negated "get", or "get" with its particle
                          r"|\b(can'?t|cannot|couldn'?t|won'?t|wouldn'?t|doesn'?t|don'?t|didn'?t|never|not)\s+(get|gets|got)\b"
                          r"|\b(get|gets|got|getting)\s+through\b"
                          # …nor "put" before what is put somewhere ("send an alert to put an extra bus on a line", b77-004)
                          r"|\b(to|and|or|we|i|you|they|can|could|would|should|will)\s+put\s+(a|an|the|some|more|extra|it|"
                          r"them|in\s+(a|an|the)|up\s+(a|an|the))\b"
                          # …nor "put in place", "put together", "put forward" (d79-018, f81-011)
                          r"|\bput\s+(in\s+place|together|forward|aside|into\s+practice|into\s+effect)\b"
                          # …nor "put" something of theirs somewhere ("judges and lawyers put their names to filings", e106-014)
                          r"|\bput\s+(their|his|her|my|our|your|its)\s+([\w-]+\s+){1,2}?(to|on|onto|in|into|under|at)\b", re.I)
# Asking for an operation: "endpoint", a path, "API call", "which API …", "… via the API". "API" merely mentioned ("How
# should a building block version its APIs?", "Which TLS version must APIs support?") is weaker evidence (_API), which
# the requirement, data and process cues come before
_API_STRONG = re.compile(rf"\b(endpoint|endpoints|openapi|swagger|apis?\s+(calls?|operations?|methods?|requests?|endpoints?|paths?|"
                         rf"specs?|specifications?|definitions?|payloads?)|(which|what)\s+(\w+\s+){{0,2}}apis?{_API_MODIFIER}|"
                         rf"(via|through|using|with|from|by|in|into|of)\s+(the|its|their|an?)\s+([\w-]+\s+){{0,3}}apis?{_API_MODIFIER})\b"
                         r"|(?<![\w])/[\w{}.-]+"
                         # "what parameters does that call need?": an operation's parameters
                         r"|\b(which|what)\s+(\w+\s+)?parameters\b"
                         # "which headers are mandatory?", "the request headers": an operation's header parameters
                         r"|\b(which|what|request|response|http|mandatory|required)\s+(\w+\s+)?headers\b"
                         # "How can my application check whether consent was given?": one system asking another
                         r"|\bhow (can|do|does|could|will) (my|our|the|a|an|their|your) ([\w-]+ ){0,2}(system|systems|"
                         r"application|applications|app|apps|client|clients|software|backend|back-end|platform)\b"
                         # (not how it knows or works: "how does the signing system know the person really is who they say
                         # they are?", e106-014, asks how identity is checked)
                         r"(?!\s+(really\s+|actually\s+)?(know|knows|work|works|tell|decide|figure|cope|deal)\b)"
                         # "what do I have to pass in that status call?": an operation's parameters
                         r"|\b(pass|send|include|supply|provide|put|give)\s+(in|into|to|with)\s+(that|the|this|each|every|a|an|"
                         r"our|my)\s+([\w-]+\s+)?(call|request|api\s+call)s?\b"
                         # "… yes or no. is there a call for just that": an operation asked for (not a call centre)
                         r"|\b(is|are)\s+there\s+(an?|any|some|one)\s+(single\s+|simple\s+|specific\s+|dedicated\s+|separate\s+)?"
                         r"(call|calls|operation|operations)\b(?!\s+(centres?|centers?|options?|buttons?|logs?|records?))", re.I)
# the make-up of a request's address ("What parts make up the request path after the security server URL?", "IM request
# url format?"): the components a spec lists, not an operation (the strong API cues, a path or "endpoint", come first)
URL_FORMAT_NOT_API = True
_URL_FORMAT = re.compile(r"\b(format|structure|pattern|syntax|layout|anatomy|parts|components|elements|segments|pieces)\s+"
                         r"(of\s+(the\s+|a\s+|an\s+)?)?(request\s+)?(urls?|uris?|paths?|addresse?s?)\b|"
                         r"\b(urls?|uris?|paths?|address)\s+(format|structure|pattern|syntax|layout)\b|"
                         r"\b(what|which)\s+(parts|components|elements|segments|pieces)\b[^?]{0,40}\b(urls?|uris?|paths?|address)\b|"
                         r"\bwhat goes (after|before|in|into)\b[^?]{0,40}\b(urls?|uris?|paths?)\b|"
                         # "How do I build the URL when my app calls …?", "… and how is the path built?"
                         r"\b(build|construct|form|compose|assemble|put together|structure)\s+(the\s+|a\s+|my\s+|our\s+)?(request\s+)?"
                         r"(urls?|uris?|paths?)\b|\b(urls?|uris?|paths?)\s+(is|are|gets?|get)\s+(built|constructed|formed|composed|"
                         r"assembled|put together|structured)\b", re.I)
# what a thing is based on: a protocol, standard or framework, not one of its operations or requirements
_BASIS = re.compile(r"\b(what|which)\s+(\w+\s+){0,2}(protocols?|standards?|frameworks?)\b[^?]{0,80}\b(based|built|modell?ed|"
                    r"derived|adapted)\s+(on|upon|from)\b|\b(based|built|derived|adapted)\s+(on|upon|from)\s+(which|what)\s+"
                    r"(\w+\s+){0,2}(protocols?|standards?|frameworks?)\b|"
                    # "which image format/standard does the ID BB enrollment API prefer for biometric data?"
                    r"\b(what|which)\s+(\w+\s+){0,2}(formats?|standards?|protocols?|encodings?)(/\w+)?\s+(does|do|is|are|should|must)"
                    r"\b[^?]{0,80}\b(prefer|prefers|preferred|use|uses|used|support|supports|supported|require|requires|required)\b",
                    re.I)
SPLIT_CLAUSES = True
PREAMBLE = True  # greetings, apologies and acknowledgements before the question are not searched (strip_preamble)
_CLAUSE_SPLIT = re.compile(r",?\s+and\s+(?=(?:what|which|how|who|why|when|where|does|do|is|are|can|could|should|must|will)\b)", re.I)
SHORT_TERM_WORDS = 3  # a definition question about at most this many words asks for the word's meaning
_TERM = re.compile(r"^\s*(what\s+is\s+meant\s+by\s+|what\s+do\s+you\s+mean\s+by\s+|what\s+does\s+the\s+term\s+|"
                   r"what\s+((exactly|actually|really)\s+)?(is|are)\s+((exactly|actually|really)\s+)?(an?\s+|the\s+)?(term\s+)?|what\s+does\s+(?=.{1,60}\b(mean|stand for)\b)|"
                   r"what\s+do\s+(?=[\w\s-]{1,40}\bmean\s+by\b)|"
                   r"define\s+|definition\s+of\s+|meaning\s+of\s+|"
                   # "How does GovStack define 'digital public good'?"
                   r"how\s+(?:does|do|would)\s+(?:govstack|the\s+spec(?:ification)?|the\s+[\w\s-]{0,40}?\b(?:bb|building\s+block))"
                   r"\s+((actually|exactly|really|officially|formally)\s+)?define\s+)", re.I)
# "What is the eSignature BB not allowed to write into its logs?", "What is the Pub/Sub interface supposed to do?": "what
# is" opens a question about what something may or must do, not a definition
# …nor do "What are the possible event statuses …?" and "What are the different kinds …?": they ask for a list
_NOT_A_DEFINITION = re.compile(r"\b(allowed|required|supposed|able|permitted|expected|obliged|forbidden|prohibited)\s+to\b|"
                               r"^\s*what\s+are\s+(all\s+)?the\s+(possible|different|valid|allowed|available|supported)\s", re.I)
_REQ = re.compile(r"\b(requirement|requirements|required|require|requires|must|shall|should|mandatory|recommended|comply|compliance|need to support|rules?|"
                  r"has to|have to|minimum|min (?=\w+ (version|level|length|size|number)\b)|"
                  # what the spec wants: "min TLS version govstack wants for BB apis?"
                  r"(govstack|spec|specification|standard) (wants?|expects?|demands?|asks? for)|(wanted|expected) by (govstack|the spec))\b", re.I)
_DATA = re.compile(r"\b(data (structure|model|element|schema)s?|schema|fields?|attributes?|data types?|resource model)\b", re.I)
# a process asked for outright: a request or an API named there is the context, not an operation asked about
_PROCESS_ASK = re.compile(r"\b(what happens between|walk (me|us) through|step by step|step-by-step)\b", re.I)
# "… which BB calls which, in what order?": blocks dealing with each other in a process, not one block for a job
_CALLS_WHICH = re.compile(r"which (bbs?|building blocks?|blocks?) (calls?|talks? to|sends?( \w+)? to|invokes?|triggers?|notifies|"
                          r"does) (which|what)\b", re.I)
_WORKFLOW = re.compile(r"\b(workflow|workflows|sequence|flow|steps|process|how does .* work|interact|interaction|walk (me|us) through|"
                       r"step by step|step-by-step)\b"
                       # "which BB calls which?": how blocks deal with each other, in order
                       r"|\b" + _CALLS_WHICH.pattern +
                       # "How are beneficiaries onboarded …?", "How is a voucher redeemed?": how something comes about
                       r"|^\s*how (is|are) (an? |the )?[\w'-]+( [\w'-]+){0,3} (\w+ed|\w+en)\b", re.I)
# Whether the named block does a job itself or leaves it to another ("…, or do we need another building block for that?",
# "is X in scope?"): a question about its scope, not a process, whatever it names ("approval workflows")
ASKS_SCOPE = re.compile(r"\b(or|,)\s+(do|would|will|should|must)\s+(we|i|you)\s+(also\s+)?need\s+((an)?other\b|some\s+other\b|"
                        r"(something|anything|someone|somebody)\s+else\b)|"
                        # "… work out the list of who gets paid, or do we have to prepare that list ourselves?"
                        r"\bor\s+(do|would|will|should|must)\s+(we|i)\s+(have\s+to|need\s+to|must)\b[^?]{0,60}\b(ourselves|"
                        r"myself|on\s+our\s+own|somewhere\s+else|elsewhere)\b|"
                        r"\bor\s+(is|are|would|will)\s+(that|this|it|those|these|they)\s+(be\s+)?(the\s+job\s+of\s+|handled\s+by\s+|done\s+by\s+)?"
                        # ("… or is that a different bb?")
                        r"((an)?other\b|an?\s+(different|diff|separate)\s+(bbs?|building\s+blocks?|blocks?|one)\b)|"
                        r"\b(an)?other\s+(building\s+)?block'?s\s+(job|responsibilit)|"
                        r"\b(in|out\s+of|outside(\s+of)?)\s+(the\s+|its\s+)?scope\b|\b(also|itself)\s+responsible\s+for\b|"
                        # "… like a Zoom call, or is that outside what it does?" (s68-001)
                        r"\b(is|are)\s+(that|this|it|those|these)\s+(something\s+)?(outside|beyond)\s+(of\s+)?what\s+"
                        r"(it|they|the\s+[\w\s-]{0,30}?)\s+(does|do|covers?|handles?|offers?|is\s+for|are\s+for|can\s+do)\b|"
                        r"\b(is|isn'?t)\s+(that|this|it)\s+(really\s+)?(the|a)\s+[\w\s-]{0,30}\b(bb|building\s+block|block)'?s\s+"
                        r"(job|responsibility|role|task)\b|"
                        # "Can the eMarketplace block run the whole tender for us: vetting suppliers, …?" (r67-031)
                        r"\b(can|could|would|will|does|do)\s+(the\s+|your\s+|that\s+|this\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|"
                        r"block)\s+(also\s+)?(run|do|handle|manage|take\s+care\s+of|cover|automate)\s+(the\s+|our\s+)?(whole|entire|"
                        r"full|complete|end-to-end)\b|"
                        # "Does the Scheduler send them by itself, or which other building block …?", "… the fees itself,
                        # or does it hand payment off to something else?"
                        r"\bitself\s*,?\s+or\s+(which|what|does|do|is|would|will|should|must)\b|"
                        r"\bor\s+which\s+(other\s+)?(bbs?|building\s+blocks?|blocks?)\b|"
                        # "… or does it assume that's already done?"
                        r"\bor\s+(does|do|will|would|should)\s+(it|they|the\s+[\w\s-]{0,30}?)\s+(just\s+|simply\s+)?"
                        r"(assume|presume|expect|take\s+(it|that|this|those|these)\s+as)\b|"
                        # "is the govstack wallet block the thing for holding people's cash balances, or does it
                        # cover something else?" (q66-004)
                        r"\bor\s+(does|do|is|are)\s+(it|they|that|this)\s+(cover|do|handle|mean|deal\s+with|refer\s+to|for)\s+"
                        r"(something|anything)\s+else\b|"
                        r"\b(is|are)\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block)s?\s+(the\s+(thing|one|place|tool)|"
                        r"what\s+(we|i|you)\s+(need|use|want))\s+(for|to)\b|"
                        # "Could the GovStack Wallet building block be used as a mobile money wallet …?" (l87-021), "does the
                        # govstack wallet block hold money?" (k86-021): what the block is, against what it is not
                        r"\b(can|could|would|will|is|are)\s+(the\s+|our\s+|your\s+)?[\w\s-]{0,40}?\b(bb|building\s+block|block)\s+"
                        r"(be\s+)?used\s+as\s+(a|an)\b|"
                        r"\b(does|do|can|could|will)\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block|wallet)\s+(also\s+)?"
                        r"(hold|store|keep)\s+(people'?s\s+|their\s+|any\s+|actual\s+)?(money|cash|funds|balances)\b|"
                        # "Is working out when to send those the job of the messaging block?" (b77-006)
                        r"\bthe\s+(job|responsibility|role|task)\s+of\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block)\s*\?|"
                        # "… or does that live somewhere else?"
                        r"\bor\s+(does|do|is|are|would|will)\s+(that|this|it|those|these|they)\s+(live|sit|belong|happen|"
                        r"go|get\s+done|reside|handled|done|covered|managed|dealt\s+with|(get\s+|gets\s+|is\s+|are\s+)?(handed|passed|sent)"
                        r"\s+(off|over|on))\s+(somewhere\s+else|elsewhere|(in|to|with|by)\s+(an)?other)\b|"
                        # "… or is that somebody else's job?" (u70-001, v71-002)
                        r"\b(someone|somebody|something|anyone|anybody)\s+else'?s\s+(job|responsibility|task|role|problem|business)\b|"
                        # "Can the Information Mediator convert the files …, or where is that conversion supposed to happen?"
                        r"\bor\s+where\s+(is|are|should|would|does|do|will|must)\s+(that|this|it|those|these|the\s+[\w-]+)\s+"
                        r"([\w-]+\s+)?(supposed\s+to\s+|meant\s+to\s+)?(happen|be\s+done|live|go|sit|belong|take\s+place)\b|"
                        # "Is it the website's CMS that keeps those answers, or a different building block?"
                        r"\bor\s+(an?\s+(different|separate)|another|some\s+other)\s+(bbs?|building\s+blocks?|blocks?)\s*\?|"
                        # "… decide when those go out, or does another block handle the timing?"
                        r"\bor\s+(does|do|would|will|should|must|can|could|is|are)\s+(some\s+|an)?other\s+(bbs?|building\s+blocks?|"
                        r"blocks?)\b|"
                        # "msgs between parliament and the ministries, is that the messaging bb or smth else?"
                        r"\b(is|are)\s+(that|this|it|those|these)\s+(for\s+)?(the|a)\s+[\w\s-]{0,30}?\b(bb|building\s+block|block)s?"
                        r"('?s\s+job)?\s*,?\s+or\s+(something|smth|sth|somewhere|some\s+other|another|a\s+different)\b|"
                        # "… would it also decide when those go out?": whether the job is the block's too
                        r"\b(would|will|does|do|can|could|should)\s+(it|that|this|they|(that|this|the)\s+same\s+(bb|building\s+block|block))\s+"
                        r"(also|itself|then)\s+(decide|work\s+out|"
                        r"determine|choose|handle|take\s+care\s+of|manage|schedule|plan|trigger)\b|"
                        # "Would that fall under the GovStack Wallet building block?", "Could we use the Wallet building
                        # block as a mobile-money style wallet …?" (d79-019, e80-021: the Wallet's release notes say "It
                        # does not currently extend to payment wallets")
                        r"\b(fall|falls|come|comes|belong|belongs|fit|fits)\s+(under|within|into|in)\s+(the\s+)?[\w\s-]{0,30}?"
                        r"\b(bb|building\s+block|block)\b|"
                        r"\b(could|can|would|should)\s+(we|i|you|one)\s+use\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block)"
                        r"\s+(as|for)\s+(a|an|our)\b|"
                        # "Does the GovStack wallet also hold people's money …, or is it only for documents?" (h83-022)
                        r"\bor\s+(is|are)\s+(it|that|this|they)\s+(only|just|purely|strictly)\s+(for|about)\b|"
                        # "Is that something the GIS building block covers right now?"
                        r"\b(is|are)\s+(that|this|it|those|these)\s+([\w-]+\s+)?(something|anything|a\s+thing|a\s+job)\s+(that\s+)?"
                        r"(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block)s?\s+(already\s+|currently\s+|actually\s+|"
                        # ("Is that register something the Identity building block is meant to cover?", l61-005)
                        r"(is|are)\s+(meant|supposed|expected|designed|intended)\s+to\s+)?"
                        r"(covers?|handles?|does|do|supports?|offers?|provides?|includes?)\b|"
                        # "If the Scheduler pings our payments application, will the Scheduler itself first check that the
                        # list has been signed off?": whether the block does that job itself
                        r"\b(will|would|does|do|can|could|should|must)\s+(the\s+)?([\w-]+\s+){0,3}?(bb\s+|building\s+block\s+)?"
                        r"(itself|by\s+itself|on\s+its\s+own)\s+(first\s+|also\s+|then\s+)?(check|verify|validate|confirm|decide|"
                        r"evaluate|ensure|make\s+sure|look|know|work\s+out|figure\s+out|manage|handle|cover|support|"
                        r"take\s+care\s+of|deal\s+with|keep\s+track\s+of)\b|"
                        # "… will the scheduler send it again by itself?", "Does the Messaging building block handle both of
                        # those jobs on its own?" (not "How does the Scheduler send them by itself?")
                        r"(?<!how )\b(will|would|does|do|can|could)\s+(the\s+)?[\w-]+(\s+[\w-]+)?(\s+(bb|building\s+block|block))?"
                        r"\s+[a-z]+\b[^?]{0,40}\b(by\s+itself|on\s+its\s+own)\s*(\?|(when|what|how|which|who|whether|if)\b"
                        r"[^?]{0,40}\?|"  # ("can the messaging block work out by itself when to send them?")
                        # ("can the scheduler block fire off a top-up payment by itself whenever a household's prepaid meter
                        # balance drops under a set amount?", n63-002: a condition it would act on)
                        r"(whenever|every\s+time|each\s+time|as\s+soon\s+as|once|until|unless)\b[^?]{0,80}\?)|"
                        # "is the messaging bb the right tool for that?", "can i use it for agency to agency msgs too?":
                        # whether the job is the block's at all
                        r"\b(is|isn'?t)\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|block|it|this|that)\s+(really\s+)?"
                        r"(the\s+|a\s+)?(right|correct|proper|best|appropriate|suitable|good)\s+(tool|choice|fit|place|one|option|channel|"
                        r"platform|solution|way|vehicle|route|bb|building\s+block|block)\b|"
                        r"\b(can|could|may)\s+(i|we)\s+(also\s+)?use\s+(it|this|that|the\s+[\w\s-]{0,30}?(bb|building\s+block|block))\s+"
                        r"(also\s+)?for\b[^?]*\b(too|as\s+well|also)\b|\b(can|could|may)\s+(i|we)\s+also\s+use\s+(it|this|that)\b|"
                        # "Can we just use the Messaging building block for that, since …?" (l61-001)
                        r"\b(can|could|may|should)\s+(i|we)\s+(just\s+|simply\s+)use\s+(the\s+)?[\w\s-]{0,30}?\b(bb|building\s+block|"
                        r"block)\s+for\s+(that|this|it)\b", re.I)
_INTERNAL = re.compile(r"\b(happens?|goes on|going on) (\w+ ){0,2}(internally|inside|behind the scenes|under the hood)\b|"
                       r"\binternal (workflows?|flows?|process(es)?|sequences?|steps)\b", re.I)
_UC_ID = r"(?:inst|agr|hltc|finc|edu|clmt|env|inf|egov)-\d"  # a GovStack product use case's id ("INST-1")
USE_CASE_ID = _UC_ID  # (retrieve: the use case a question names by its id)
_USECASE = re.compile(rf"\b(use case|use-case|usecase|{_UC_ID})\b", re.I)
# the fields of GovStack's use cases: a question about one asks about the use case, but an official's context sentence
# ("Our disaster management agency wants … . Which GIS capability covers this?") only says where they work
_USECASE_FIELD = re.compile(r"\b(cash transfer|postpartum|telemedicine|vaccination|pandemic|construction permit|disaster)\b", re.I)
_COMPARE = re.compile(r"\b(differ|differs|different|difference|differences|differentiate|compare|compared|comparison|versus|"
                      r"vs\.?|distinguish|between|same thing)\b", re.I)
# a question asking for the difference between two things (not "different kinds of …", not "between two blocks": see
# _COMPARE for a comparison of blocks): the answerer's comparisons of sections and options
ASKS_DIFFERENCE = re.compile(r"\b(differ|differs|difference|differences|differentiate|distinguish|compare|compared|"
                             r"comparing|comparison|versus|vs\.?|same thing|trade-?offs?)\b", re.I)
# a question about the options a page lays out ("What options does GovStack describe for this UX switching?", "which one
# …?"): the answerer's listing of options under bold labels
# (… or asks to choose between two it names: "Between embedding the payment page in an iframe and single sign-on style
# handover, what does GovStack recommend?", n63-035)
ASKS_OPTIONS = re.compile(r"\b(options|mechanisms|approaches|methods|models|ways|which ones?|which of (them|these|the)|"
                          r"which ([\w-]+\s+){0,3}(option|mechanism|approach|method|model|way))\b|"
                          r"(^|[.?!]\s+)between\s+[^.?!]{3,100}?\s+and\s+[^.?!]{3,100}?,\s*(which|what)\b", re.I)
_OVERVIEW = re.compile(r"^\s*(what\s+(is|are)\s+(the\s+)?[\w\s-]{0,40}\b(bb|building block|building blocks)\s*(for|about)?\s*(\?|,|;|\s-+\s|\s+and\b|$)|"
                       # (not "What does the Consent BB do when a person withdraws consent?": what it does then)
                       r"what\s+does\s+(the\s+)?[\w\s-]{0,40}\b(bb|building block)\s+(actually\s+|really\s+|exactly\s+|in fact\s+)?(do|provide|offer|cover)\b"
                       r"(?!\s+(when|whenever|if|after|once|with|about|in case|during|before|while|for (a|an|the|each|every)\b))|"
                       r"tell me about|describe\s+the\s+[\w\s-]{0,40}\b(bb|building block)|give me an overview|overview of|"
                       r"what\s+is\s+the\s+(purpose|scope|role)\s+of\s+(the\s+)?[\w\s-]{0,40}\b(bb|building block)|"
                       # "Is the GovStack Wallet BB a mobile money wallet?" asks what the block is
                       r"is\s+(the\s+)?(govstack\s+)?[\w\s-]{0,30}?\b(bb|building block)\s+"
                       r"(just\s+|really\s+|only\s+|actually\s+|basically\s+)?(a|an)\s+\w|"
                       r"key (digital )?functionalit)", re.I)
# "what are the rules for alert schedules?" asks for what the spec lists about a term, not for its definition
_LIST_OF = re.compile(r"^\s*what\s+(is|are)\s+(the\s+)?(main\s+|key\s+)?(rules?|types?|kinds?|steps?|stages?|phases?|states?|"
                      r"statuses|options?|benefits?|responsibilit(y|ies)|roles?|components?|fields?|limits?|conditions?|"
                      r"checks?|principles?|functions?|features?|capabilities|parts?)\s+(of|for|in|on|that|when)\b", re.I)
_ARCH = re.compile(r"\b(architecture|principles?|security|authentication|authorization|onboarding|standards?|ux|ui/ux|"
                   r"user experience|design pattern|govstack)\b", re.I)
# the search reads an official's asking sentence twice when context comes first (see analyze): its words count twice
# in BM25, and a second dense pass embeds it with them (ranks merged, similarities still the question's own). With it:
# hit@5 +0.019 / +0.019 / +0.029 on the three blind sets, pass +1 on one; dev-independent hit@5 +0.005, passes +1 −1
# (one answer composed from a reshuffled section); no false refusal (embedding the doubled text for the only dense
# pass refused one dev question: its similarities fell under the abstention thresholds)
ASK_TWICE = True
# a follow-up pointing back ("can it …?") carries the schema, field or API path the previous question names (see analyze)
CARRY_IDENTIFIERS = True
# …unless the follow-up names its own operation ("ok, and the userinfo response - what format does it come back in?"
# after a question on /oauth/token: "it" is the userinfo response)
_OWN_OPERATION = re.compile(r"\bthe\s+([\w/.-]+)\s+(response|endpoint|call|request|api|operation)\b", re.I)


def _names_own_operation(q: str, last: str) -> bool:
    """Whether the question names an operation of its own, in a word the previous question did not use.

    >>> _names_own_operation("and the userinfo response - what format does it come back in?", "What does /oauth/token accept?")
    True
    >>> _names_own_operation("what does the token endpoint return then?", "What does /oauth/token accept?")
    False
    """
    return any(w.lower() not in STOP for w in _words_not_said(_OWN_OPERATION, q, last))


API_ASKS_PREVIOUS = True  # … and an API follow-up pointing back at a job carries the previous asking sentence
# the job a follow-up carries is the previous question's subject (subject_part): its ask, with the sentence before it
# when the ask only points back at it ("… Does the spec support that?")
SUBJECT_CARRIED = True
_POINTS_AT_JOB = re.compile(r"\b(for|does|do|doing|handles?|supports?|covers?|allows?)\s+(that|this)\b|"
                            # "is there a way to see how many bounced?" → "what do i have to put in that request?": the
                            # request that does the job asked about (y74-016)
                            r"\b(in|into|with|to|for)\s+(that|this)\s+(request|call|query)\b", re.I)
# "would that also cover a person dying?", "does this apply to marriages too?": whether the previous question's job
# extends to a new case, whatever the intent: the follow-up carries that job (its asking sentence)
EXTENDS_PREVIOUS = True
# "In the unconditional social cash transfer use case, what happens during the enrollment step?" → "And where is the
# data collected at that point kept?": the follow-up is still about that use case and that step, not about the block
# its subject names (cash transfer → Payments): it carries the previous asking sentence
USE_CASE_CARRIED = True
# "which call do I use to kill it?" after an API question (naming no block) asks for an API operation: a bare "call" is
# one only there ("a telemedicine call"). Keeping any previous intent for such a follow-up: +3 −2 (a voucher question
# after an API one asks about a rule; "and if it had been cancelled?" after a flow is no flow question)
CALL_AFTER_API = True
_ASKS_CALL = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:call|request|operation)s?\b", re.I)
_EXTENDS_JOB = re.compile(r"\b(does|do|would|will|can|could|should)\s+(that|this)\s+(also\s+|then\s+|still\s+)?"
                          r"(cover|include|apply|work|extend|handle|support|allow)\b", re.I)
# "Can the Scheduler handle repeated events with the same name?" → "What happens to the bookings if we delete one of
# those sessions?": "those <things>", in a word the previous question did not use, are what it described (its asking
# sentence is carried); "those emails" after "emailing notices" names them already
PLURAL_POINTS_BACK = True
# "… does anything change in that flow?", "is this process the same for companies?": the process the previous question
# asked about, whatever word it used for it (SAME_WORD_POINTS_BACK needs the word itself)
PROCESS_CARRIED = True
# "… how long can API tokens or client certificates live?" → "and if one of them leaks …?": one of the things the
# previous question asked about (its asking sentence is carried)
ONE_OF_THEM_CARRIED = True
# (as the subject of what happens to it: "if one of them leaks"; not "how do I start one of them?", where the previous
# ask, "get the list of process definitions", would pull its own operation along)
_ONE_OF_THEM = re.compile(r"\b(if|when|whenever|once|after)\s+(one|any|either|some|all|both)\s+of\s+them\b", re.I)
_THAT_PROCESS = re.compile(r"\b(that|this|the same)\s+(flow|process|workflow|procedure|journey|sequence|checks?|validation|"
                           r"verification)\b|"
                           # … as does "that kind of signature": the kind the previous question described, in its words
                           r"\b(that|this|those|these)\s+(kinds?|sorts?|types?)\s+of\b|"
                           # … and "how does that compare with …?": what the previous question asked about is one side
                           r"\b(that|this|it)\s+(compares?|differs?|stacks? up)\b|\b(that|this|it)\s+(is\s+)?different\b|"
                           r"\bdifference between (that|this|it)\b|\b(that|this|it)\s+(vs\.?|versus)\s", re.I)
_POINTS_AT_THING = re.compile(r"\b(it|its|they|them|this|that|those|these)\b", re.I)  # (not "is there a way …")
# a follow-up pointing back with a demonstrative ("Which standards do those notification APIs follow …?") is one however
# another block's word the thing it names is (u70-014: "notification" is Messaging's, the conversation Identity's)
DEMONSTRATIVE_NOT_OWN = True
_DEMONSTRATIVE_PHRASE = re.compile(r"\b(those|these|that|this)\s+([\w-]+\s+){0,2}?[\w-]+", re.I)
# a question that names no block, not even loosely, after one that did, is read in that conversation ("We've got two
# million addresses in a spreadsheet. Do we really have to send them in one by one?" after a GIS question, u70-015)
# (…when it points back anywhere, or goes on from an "ok": "ok and if i call read and nothing matches, what do i get
# back?"; without either, a question naming no block stands alone: "whats the maximum file size the documents endpoint
# acepts?" is asked of the whole spec)
NO_BLOCK_FOLLOWS = True
_GOES_ON = re.compile(r"^\s*(ok|okay|right|good|great|thanks|got it)[,.!]?\s+(and|so|then|but|now)\b", re.I)
# … or opens on "what happens if …" / "what if …", a case of what was being discussed ("How does the pub/sub part of the
# Information Mediator work?" → "What happens if one of the receiving systems is down when an event goes out?", u70-018)
WHAT_IF_FOLLOWS = True
_WHAT_IF = re.compile(r"^\s*(and|but|so|ok|okay)?[,.]?\s*what\s+(happens|would\s+happen|should\s+happen)?\s*(if|when|in\s+case)\b", re.I)
# a follow-up asking which call does it asks for an API call whatever the question before it asked (v71-017: "Which
# call does our IT contractor use for that …?" after "can people find out which clerks looked at their details?")
CALL_ASKED_AFTER_ANY = True
_USES_CALL = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:call|request|operation|endpoint)s?\s+(?:do|does|should|would|can|"
                        r"could|must|shall)\s+[^?]{0,40}?\b(?:use|make|call|send|hit|invoke)\b", re.I)
# an API follow-up pointing back ("what does the response contain when it succeeds?") after an API question carries
# that question's ask (u70-020: the endpoint that starts a process instance, not any of the block's operations)
API_FOLLOW_CARRIES_ASK = True  # (a question on a part of that operation: "… kill it … which call do I use?" asks another)
_OP_PART = re.compile(r"\b(response|responses|returns?|returned|comes?\s+back|results?|parameters?|params|fields?|body|"
                      r"payload|headers?|status\s+codes?)\b", re.I)
_THOSE_THINGS = re.compile(r"\b(?:those|these)\s+(?!(?:are|were|have|had|can|will|would|do|did)\b)([a-z]\w+)", re.I)


# "… what path does my application POST to when it wants to publish an event?" → "And when that publish succeeds, what
# status code do I get?": "that <word>", in a word of the previous question, is what it asked about (its asking sentence
# is carried): dev-independent +3, independent2 −1
SAME_WORD_POINTS_BACK = True
_THAT_THING = re.compile(r"\b(?:that|this)\s+([a-z][\w-]+)", re.I)
# (words too general to name the previous question's thing: "that approach", "that API", "that block")
_NOT_THINGS = {"one", "ones", "way", "case", "time", "point", "step", "also", "still", "really", "too", "kind", "sort", "type",
               "approach", "method", "option", "system", "service", "block", "bb", "building", "api", "endpoint", "call",
               "request", "spec", "specification", "part", "thing", "data", "information", "question"}


def _names_previous(q: str, last: str) -> bool:
    """Whether the question points back with "that/this <word>" in a word the previous question used.

    >>> _names_previous("And when that publish succeeds, what status code do I get?", "What path do I POST to publish an event?")
    True
    >>> _names_previous("Is that allowed?", "Can two blocks share a database?"), _names_previous("that one?", "which one?")
    (False, False)
    """
    said = _stems_said(last)
    return any(m.group(1).lower() not in STOP and m.group(1).lower() not in _NOT_THINGS and _stem_of(m.group(1)) in said
               for m in _THAT_THING.finditer(q))


def _stem_of(word: str) -> str:
    """A word's stem, by the search's own stemmer (retrieve imports this module, so it is imported here)."""
    from assistant.retrieve import _stem

    return _stem(word.lower())


def _stems_said(text: str) -> set[str]:
    """The stems of a text's words."""
    return {_stem_of(w) for w in re.findall(r"[A-Za-z]+", text)}


def _renames_previous(q: str, last: str) -> bool:
    """Whether the question points back with "those/these <things>" in a word the previous question does not use.

    >>> _renames_previous("What if we delete one of those sessions?", "Can it handle repeated events?")
    True
    >>> _renames_previous("how many of those emails bounced?", "We're emailing notices to residents.")
    False
    """
    return bool(_words_not_said(_THOSE_THINGS, q, last))


def _words_not_said(pattern: re.Pattern, q: str, last: str) -> list[str]:
    """The words a pattern's first group finds in the question that the previous question did not use (in any form)."""
    said = _stems_said(last)
    return [m.group(1) for m in pattern.finditer(q) if _stem_of(m.group(1)) not in said]


LATER_POINTER = True
_LATER_POINTER = re.compile(r"\b(?:of|for|with|to|from|in|on|about|by|use|using|call|calling)\s+(?:that|this|those|these)\s+"
                            r"([a-z][\w-]+)", re.I)


# words that point back at something said before (the previous question, or the context before the asking sentence)
_POINTING = r"\b(it|its|it's|they|them|their|this|that|those|these|there)\b"
POINTS_BACK = re.compile(_POINTING, re.I)
_FOLLOWUP = re.compile(r"^\s*(and|also|what about|how about|same for|and for|and what|then|so)\b|" + _POINTING +
                       r"|\bthe same\b(?!\s+(?!for\b|as\b|true\b|thing\b|applies\b|apply\b)[a-z])"
                       # "afterwards", "after that", "instead" point back as a pronoun does: "which endpoint would we call,
                       # and how do we get the results back afterwards?" (4 answers changed, none lost; carrying the
                       # previous question's words too, for API follow-ups: independent2 −1; for all: −3 dev-independent)
                       r"|\b(afterwards|after that|in that case|instead)\b"
                       # "whats the diff between errored and failed then": a closing "then" answers what was said
                       r"|\bthen\s*[?!.]*\s*$"
                       # "What does the system do about farmers who never check in?": the system is the block being
                       # discussed (a76-020), not one qualified as another ("the system of record", "the system that …")
                       r"|\bthe\s+(system|platform|tool|module|software)\b(?!\s+(of|for|that|which|where|who|used|called|"
                       r"named)\b)(?!['’]s\s+own)"
                       # "whats the difference between the errored and failed ones?": "ones" stand for things named before
                       r"|\bones\b", re.I)
# a question asking for operations by their kind ("Which endpoints …?", "What operations …?"): the API answer lists them
LISTS_OPERATIONS = re.compile(r"\b(which|what|list)\b.*\b(apis|endpoints|operations|services)\b", re.I)
# … and one asking what the block's API has, not which operation does a job ("Which endpoints handle batch geocoding?")
LISTS_ENDPOINTS = re.compile(r"\b(which|what)\b.{0,40}\b(apis|endpoints|operations)\b.{0,30}\b(defined|available|exist|"
                             r"offered|provided|specified|exposed|included|are there|does it (have|offer|define))\b|"
                             r"\blist (all |the |its )?(\w+ )?(apis|endpoints|operations)\b|\ball (the |its )?(\w+ )?(apis|endpoints|operations)\b", re.I)
# "that block", "this BB": a block said before, whatever else the question mentions
OWN_SYSTEM_NOT_NAMED = True
_OWN_SYSTEM = re.compile(r"\b(our|my)\s+(own\s+)?(existing\s+|current\s+|old\s+|new\s+|internal\s+|in-house\s+)?"
                         r"[\w-]+(\s+[\w-]+)?\s+(system|platform|app|application|portal|software|tool|solution|database|"
                         r"module)s?\b", re.I)
_THAT_BLOCK = re.compile(r"\b(that|this|the same|the said)\s+(bb|building[- ]block|block)\b", re.I)
THAT_BLOCK_CARRIED = True
_REFERS_TO_BLOCK = re.compile(r"\b(it|its|it's|there|this|that|the same)\b", re.I)  # pronouns that stand for the block
_AND_FOR = re.compile(r"^\s*(and|what about|how about|same for)\b", re.I)
# "In the Payments BB, what …", and a chat topic typed first: "reg bb - what do they mean by …", "idv bb: what is …"
_LEAD_CLAUSE = re.compile(r"^\s*(?:(in|for|within|according to|regarding|about|on|with)\s+[^,?]{1,60},\s*|"
                          # "In the registration spec what does 'determinant' mean?" (no comma after a spec's name)
                          r"(in|within|according to)\s+(the\s+)?[\w-]+(\s+[\w-]+)?\s+(spec|specs|specification|bb|"
                          r"building block|docs|documentation)\s+|"
                          r"[\w -]{1,30}?\b(?:bb|building block)s?(?:\s+apis?)?\s*[:\u2013\u2014-]\s+)"
                          r"(?=(what|which|how|who|why|when|where|define|is|are|does|do|can|should|must)\b)", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")
# "… Is that ok?", "Are we allowed to …?", "is it fine if …?" ask for a rule, as "must" does: the requirement intent
# (its requirement passages ×1.2). k-003, p11-008 and q12-018 now quote "Logs generated should NEVER contain the voucher
# numbers": dev-independent 0.816 → 0.820; dev and the blind totals unchanged (three blind answers changed)
PERMISSION_IS_RULE = True
_PERMISSION = re.compile(r"\b(is it|is that|is this|are we|am i|would it be|is it still)\s+(ok|okay|allowed|permitted|fine|"
                         r"acceptable|compliant)\b|\b(allowed|permitted) to\b", re.I)
# … not the things someone is allowed to use, named as what is asked about ("will I see all of them or only the ones I'm
# allowed to call?", "the services their application is actually permitted to call")
_PERMITTED_THINGS = re.compile(r"\b(ones|services|those|operations|endpoints|methods|apis|data|records|things|what)\s+(that\s+)?"
                               r"(i'?m|i am|we'?re|we are|they'?re|they are|it'?s|it is|(my|our|their|its|the)\s+[\w-]+\s+is)\s+"
                               r"(actually\s+|really\s+|currently\s+)?(allowed|permitted)\s+to\b", re.I)
LEAD_API = True  # a lead-in naming an endpoint makes the question an API question (y16-020)
API_PATH = re.compile(r"(?<![\w])(/[\w{}.:-]+(?:/[\w{}.:-]*)*)")
_NON_BB_NAME = re.compile(r"\b(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:BB|building block)\b")
# (the capitalised words before the name that are not part of it: a sentence's first word, "In Consent BB language")
_NAME_LEAD = re.compile(r"^(?:(?:GovStack|The|A|An|Each|Every|This|That|Which|What|How|Why|When|Where|In|On|For|With|At|"
                        r"From|Under|By|Per|As|Of|To|Into|Within|Using|Via|Through|Our|Your|Their|Its|My|And|Or|But|If|"
                        r"So|Then|Is|Are|Does|Do|Can|Should|Would|Could|Will|Must|May)\b\s*)+")
# … but a block's role in an exchange is no name: the spec itself writes "the Source BB", "the calling building block",
# "the target BB" (source: 65 times in `latest`)
_BB_ROLES = {"source", "target", "calling", "caller", "requesting", "requester", "consuming", "consumer", "providing",
             "provider", "publishing", "publisher", "subscribing", "subscriber", "sending", "sender", "receiving",
             "receiver", "client", "server", "external", "internal", "separate", "standalone", "existing", "future",
             "related", "local", "remote", "upstream", "downstream", "originating", "destination", "host"}

STOP = set("""a an the of to in on for and or is are was were be been being do does did what which who whom whose how why when
where can could should would will shall may might must i we you they it its this that these those there their our your my me us
with by from as at about into over under than then so if not no yes any some all each every more most other such only own same
too very just also give tell explain describe please list show govstack bb bbs building block blocks spec specification
according does doing done use used using""".split())
# contractions typed without the apostrophe in a chat ("whats the max latency"): function words, not unknown ones (tokenize
# would fold "whats" to "what" and look it up as a rare word; the spec's formal text never writes them)
STOP |= set("""whats hows whos wheres whens whys thats theres heres dont doesnt didnt isnt arent wasnt cant wont shouldnt
wouldnt couldnt""".split())


# what is switched on or off: "it", "one", "the alerts", "one of those boundaries"
_SWITCHED = (r"(it\s+|them\s+|this\s+|that\s+|one\s+|(one of\s+)?(the|those|these|our|their|its|each|a|an)\s+[\w-]+"
             r"(\s+[\w-]+)?\s+)")
_NINES = {"three": 1, "3": 1, "four": 2, "4": 2, "five": 3, "5": 3}  # "4 nines" → 99.99%
# Chat English for what the spec says with one plain verb ("how do I kick off an instance?": the spec starts one).
# Only phrases the spec itself never uses as verbs: it writes "spin up", "turn on" and "switch off" now and then, and
# "kick-off" as a noun ("the kick-off phase"), which stay as typed.
# what a person holds as proof and can lose or have revoked: an ID card, a licence, a certificate
_CREDENTIALS = r"(cards?|documents?|passports?|credentials?|licen[cs]es?|permits?|certificates?|ids?)\b"
# … blocked for a while ("frozen for a bit", "switched off for now"): what the spec calls temporarily suspended
_BLOCKED_A_WHILE = (r"(block|blocked|freeze|frozen|lock|locked|disable|disabled|deactivate|deactivated|pause|paused|"
                    r"switch(ed)?\s+off|turn(ed)?\s+off)\s+(for\s+a\s+(while|bit|time|few\s+\w+)|for\s+now|for\s+some\s+time|"
                    r"temporarily)\b")
# a system said to be down ("is down", "happens to be offline")
DOWN_SWITCHED_OFF = True
_IS_DOWN = (r"((is|are|was|were|goes|go|went|going|happens\s+to\s+be|happen\s+to\s+be)\s+(down|offline|unreachable|unavailable)|"
            # "our subscriber endpoint drops off the network a lot", "loses its connection" (y74-035)
            r"(drops?|dropping|dropped|falls?|fell)\s+off\s+(the\s+)?(network|net|internet|line)|"
            r"(loses?|losing|lost)\s+(its\s+|their\s+|the\s+)?(connection|connectivity|network)"
            # "if one depot's app is switched off when we send" (e54-012), "has no connection at that moment"
            + (r"|(is|are|was|were|gets?|got|happens\s+to\s+be|happen\s+to\s+be)\s+(switched|turned|powered|shut)\s+(off|down)|"
               r"(has|have|had)\s+no\s+(internet|connection|connectivity|signal|network)" if DOWN_SWITCHED_OFF else "")
            + r")\b")
# "doesn't", "never", "fails to" … before what someone does not do ("doesn't confirm", "never replies to the reminder")
_NOT_DONE = r"\b(does\s*n[o']?t|do\s*n[o']?t|did\s*n[o']?t|never|fails?\s+to|has\s*n[o']?t|have\s*n[o']?t)\s+"
# what data is sent by ("push", "shares", "fed" …), and the government bodies it goes between
_SENDS = (r"\b(push\w*|send\w*|sent|shar\w*|transfer\w*|sync\w*|synchroni[sz]\w*|exchang\w*|feed\w*|fed|submit\w*|upload\w*|"
          r"swap\w*|pass\w*|forward\w*|transmit\w*)\b")
_GOV_BODY = r"(ministry|ministries|authority|authorities|agency|agencies|department|bureau|commission|council|inspectorate|treasury)"
_PHRASAL = [(re.compile(p, re.I), v) for p, v in (
    (r"\b(kick|kicks|kicked|kicking) off\b(?! (phase|meeting|mission|workshop|event))", "start"),
    # a process halted is, in the spec, stopped ("Stops a process instance during execution", o64-013)
    (r"\bhalt(s|ed|ing)?\b", lambda m: "stop" + {"s": "s", "ed": "ped", "ing": "ping"}.get((m.group(1) or "").lower(), "")),
    (r"\btear(s|ing)? down\b|\btore down\b|\bget(ting)? rid of\b|\bgot rid of\b", "delete"),
    (r"\bfire(s|d)? off\b", "send"), (r"\bhook(s|ed|ing)? (up|into)\b", "connect"),
    # an alert or a job "fired" is, in the spec, triggered ("The Scheduler can be used to trigger activities based on time
    # only"); not fire safety or a fire service
    (r"\bfire(s|d)?\b(?= (an? |the |its |their |our )?(alerts?|alarms?|jobs?|reminders?|notifications?|webhooks?|actions?|"
     r"events?)\b)", "trigger"),
    (r"\b(take|takes|taking|took|taken) back\b", "withdraw"),
    # who is "behind", founded, runs or funds GovStack is, in the spec, who leads the initiative: "The GovStack initiative
    # is a multi-stakeholder initiative led by … GIZ, Estonia, … ITU and the Digital Impact Alliance" (the playbook's
    # governance model; "founding partners" on its contributors page). ("Who is behind GovStack?" had led with "lagging
    # behind"; "Which organisations run GovStack?" with the Information Mediator's member organisations.)
    (r"\b(who|which\s+(organi[sz]ations?|countries|institutions|agencies|partners|governments|donors|bodies))\s+"
     r"(is|are|was|were|stands?|stood)?\s*(actually\s+|really\s+|exactly\s+|originally\s+)?"
     r"(behind|founded|co-founded|created|started|set\s+up|launched|initiated|leads?|led|"
     r"runs?|ran|funds?|funded|finances?|financed|owns?|sponsors?|sponsored|backs?|backed|governs?|oversees?|manages?|"
     # ("who is actually steering govstack?", j85-001)
     r"steers?|steering|steered|leading|running|funding|financing|backing|governing|overseeing|managing|controls?|"
     r"controlling|in\s+charge\s+of)\s+"
     r"(the\s+)?govstack(\s+initiative|\s+project|\s+programme|\s+program)?\b|"
     # (… and "who is actually behind it?" after a sentence about GovStack, c78-001)
     # (… or "who actually stands behind the initiative", s94-001)
     r"(?<=govstack)\b(?=[^?]*?\bwho\s+(actually\s+|really\s+)?(is|are|stands?)\s+(actually\s+|really\s+)?behind\s+"
     r"(it|this|the\s+initiative)\b)",
     r"\g<0> (the GovStack initiative is led by its founding partners; governance model)"),
    # taking up GovStack is, in the playbook, adopting it ("Adopt GovStack … Below is a suggested journey …": "our ministry
    # wants to try GovStack but we don't know where to begin", c78-006, d79-007)
    (r"\b(try|tries|trying|tried|use|using|take\s+up|takes\s+up|taking\s+up|took\s+up|introduce|introducing|implement|"
     r"implementing|roll\s+out|rolling\s+out|start\s+with|starting\s+with|get\s+started\s+with|begin\s+with|embrace|"
     r"embracing|go\s+with|join|joining|follow|following)\s+(the\s+|this\s+|that\s+)?(govstack(\s+approach)?|"
     r"(building[- ]block|bb)\s+approach)\b(?=[^.?!]{0,120}\b(begin|start|started|first|order|steps?|journey|roadmap|"
     r"plan|where|how)\b)",
     r"\g<0> (adopt GovStack: a suggested journey)"),
    # software bought under a licence is, in the architecture's criteria, proprietary ("Building blocks may be open source
    # or proprietary and therefore are not always DPGs", c78-005), and what may count as a building block is what its
    # criteria say ("The following provide criteria and definitions for Building Blocks", d79-036)
    (r"\b(commercial|licen[cs]ed|closed[- ]source|paid[- ]for|off[- ]the[- ]shelf|cots|vendor'?s?|in[- ]house)\s+"
     r"(software|products?|solutions?|tools?|platforms?|systems?|packages?)\b(?!\s*\(proprietary\))", r"\g<0> (proprietary)"),
    (r"\b(count|counts|counted|qualify|qualifies|qualified|pass|passes|recogni[sz]ed|accepted|certified)\s+as\s+(a|an)\s+"
     r"(govstack\s+)?(building[- ]block|bb)\b", r"\g<0> (criteria and definitions for building blocks)"),
    # data protected while it travels between systems is, in the spec, data in transit and its transport ("All Building
    # Blocks MUST support secure HTTPS transport with TLS 1.3"; "Data is secured when in transit", d79-013)
    (r"\b(while|as|when|whilst)\s+(it|they|the\s+data|data)\s+(travels?|moves?|flows?|goes|is\s+sent|are\s+sent|is\s+moving|"
     r"is\s+travell?ing|passes)\b|\b(in\s+motion|on\s+the\s+wire|over\s+the\s+(wire|network))\b",
     r"\g<0> (in transit, secure HTTPS transport with TLS)"),
    # access given person by person or to a whole ministry is, in the security requirements, access "defined at the
    # organization level, not the user level" (c78-037)
    (r"\b(person[- ]by[- ]person|per[- ](person|user|individual|employee)|individual\s+(users|staff|officials|employees)|"
     r"each\s+(individual\s+)?(user|person|employee|official|staff\s+member|civil\s+servant))\b(?=[^?]{0,80}\b(whole|entire|"
     r"all\s+of\s+the|the)\s+(ministry|organi[sz]ation|agency|department|institution|office)\b)",
     r"\g<0> (level of access: the organization level or the user level)"),
    # (… "see which individual caseworker asked, or only that our agency asked?", j85-015, l87-015)
    (r"\bwhich\s+(individual|particular|specific|actual)\s+([\w-]+\s+)?(caseworker|clerk|officer|employee|user|staff|"
     r"person|official|worker|agent|member)s?\b(?=[^?]{0,60}\b(asked|requested|made|sent|is\s+asking)\b)",
     r"\g<0> (level of access: the organization level or the user level)"),
    # the staff a government needs is, in the playbook, its digital team's composition ("a sample of a digital team
    # composition was proposed for the government of Djibouti", c78-036)
    (r"\b(kinds?|sorts?|types?|mix)\s+of\s+(staff|people|roles|experts|expertise|profiles|specialists|positions)\b|"
     r"\b(staff|staffing|people|roles|positions)\s+(we|they|you|a\s+government|a\s+ministry)\s+(would\s+|will\s+)?"
     r"(need|require)\b|\b(team|teams)\s+(make-?up|set-?up|structure|roles)\b|"
     r"\bwho\s+(should|must|do)\s+(we|they)\s+(need\s+to\s+)?(hire|recruit|employ)\b|"
     # (… "who a ministry should have on board", "hiring the right people", i84-007)
     r"\b(which|what)\s+(people|roles|skills|profiles|staff)\b[^?]{0,30}\b(group|team|unit)\s+(should|must|would)\s+"
     r"(include|have)\b|"
     r"\bwho\s+(a|the|our|their|each)\s+(ministry|government|agency|department|team)\s+(should|must|would|needs?\s+to)\s+"
     r"(have|hire|recruit|employ|bring)\b|\b(hire|hiring|recruit|recruiting)\s+the\s+right\s+(people|staff|team)\b",
     r"\g<0> (digital team composition)"),
    # whether every block must be used is, on the building blocks page, whether they work on their own ("Each building
    # block is capable of working independently, but they can be combined to do much more"): "Which building blocks are
    # mandatory?" had led with "Registration is mandatory for the attribute 'resident'"
    (r"\b(which|what|are\s+(all|any|some)\s+(of\s+)?(the\s+)?)\s*(govstack\s+)?(building\s+blocks|bbs)\s+(are|is)\s+"
     r"(mandatory|required|compulsory|obligatory|essential|optional)\b|\b(do|must|should|would)\s+(we|i|governments?|"
     r"countries|you|a\s+country|a\s+government)\s+(really\s+)?(have\s+to\s+|need\s+to\s+)?(use|adopt|implement|deploy|take|"
     r"buy|install)\s+(all|every|each)\s+(of\s+)?(the\s+)?(15\s+|fifteen\s+)?(govstack\s+)?(building\s+blocks|bbs|blocks)\b",
     r"\g<0> (each building block is capable of working independently, or combined)"),
    # money paid back is, in the Payments use cases, a rebate or repayment ("Rebates and Repayments – Where the Government
    # makes a payment based on payments previously having been received, e.g. tax refunds"); "Does the Payments BB support
    # refunds?" had led with multicurrency payments
    (r"\b(refunds?|refunded|refunding)\b", r"\g<0> (rebates and repayments)"),
    # a country depending on big foreign tech firms is, in the cloud chapter, a question of digital sovereignty ("Vendor
    # lock-in is the opposite of digital sovereignty", d79-017, e80-018)
    (r"\b(depend\w*|reliance|reliant|rely\w*|locked[- ]in|lock[- ]in|at\s+the\s+mercy\s+of)\b(?=[^?.]{0,60}\b(foreign|big|"
     r"large|multinational|global|overseas|american|chinese|few)\s+(tech\s+|technology\s+|cloud\s+|it\s+|software\s+)?"
     r"(firms?|companies|giants?|providers?|vendors?|corporations?|suppliers?|hyperscalers?)\b)|"
     r"\b(keeps?|keeping|retain\w*|stay\s+in)\s+control\s+(of|over)\s+(its|their|our|the\s+country'?s)\s+(own\s+)?(data|"
     r"infrastructure|systems?|cloud|technology|it)\b|"
     # ("Could we run all of it on our own government-owned servers instead of renting from one of the big foreign
     # providers?", r93-039)
     r"\b(instead\s+of|rather\s+than)\s+(renting|buying|using|paying)\s+(from\s+|for\s+)?(one\s+of\s+)?(the\s+|a\s+)?"
     r"(big|large|foreign|overseas|multinational|global|commercial|public)\s+([\w-]+\s+)?(cloud\s+)?(providers?|vendors?|"
     r"companies|firms?|clouds?|hyperscalers?)\b",
     r"\g<0> (digital sovereignty, vendor lock-in, run in any data center)"),
    # the part of GovStack "in the middle" that passes data between offices is the Information Mediator ("provides a
    # gateway for exchange of data and services among GovStack Building Blocks", e80-015, f81-023)
    (r"\b(go-?between|middle-?man|middle\s+man|intermediary)\b|\b(sits?|sitting|stands?|is)\s+in\s+the\s+middle\b|"
     r"\b(piece|part|thing|component|system|layer)\s+(that\s+)?(sits?|sitting|stands?)\s+(in\s+)?between\b",
     r"\g<0> (Information Mediator)"),
    # … and one asked for traffic between organisations is what the architecture recommends it for ("It is STRONGLY
    # RECOMMENDED that a building block uses an information mediator … for any communications across the internet";
    # u96-002; without it that question loses its answer)
    (r"\b(go-?between|middle-?man|intermediary)\b(?=[^?]{0,60}\b(traffic|data|messages?|calls?|systems?|apis?)\b)",
     r"\g<0> (communications across the internet)"),
    # a request that says which user is logged in is, in the security requirements, a question of the level at which
    # access is defined ("the level of access is defined at the organization level, not the user level", f81-040)
    (r"\b(which|what|who)\s+(user|nurse|doctor|clerk|officer|employee|staff\s+member|person|official|civil\s+servant|"
     r"operator|agent)\s+(is\s+)?(logged\s+in|signed\s+in|sent\s+it|asked|is\s+asking|made\s+(it|the\s+request))\b",
     r"\g<0> (level of access: the organization level or the user level)"),
    # where GovStack came from is, in the specification, the SDG Digital Investment Framework its building blocks were
    # drawn from ("The criteria are drawn from the SDG Digital Investment Framework, developed by the ITU and DIAL", f81-003)
    (r"\bwhere\s+(did|does)\s+(govstack|it|this|the\s+govstack\s+initiative)\s+come\s+from\b|"
     r"\b(grew|grow|grown|came|come|emerged?|evolved?|spun)\s+(out\s+of|from)\s+(some|an?|the)\s+(earlier|previous|older|"
     r"original)\b|\b(origins?|roots)\s+of\s+(govstack|the\s+govstack\s+initiative|the\s+initiative)\b|\bgovstack'?s\s+"
     r"(origins?|roots|history)\b",
     r"\g<0> (the SDG Digital Investment Framework, ITU and DIAL)"),
    # a place to try a new service out safely is the GovStack sandbox ("allows its users to see the UX/UI guidelines and
    # Building blocks in action", f81-008)
    (r"\b(try|trying|test|testing|play|playing)\s+(it|them|things|this|that|a\s+[\w\s-]{0,30}?|our\s+[\w\s-]{0,30}?|out\s+)"
     r"?(out\s+)?(safely|in\s+a\s+safe\s+(place|way|environment)|without\s+(risk|affecting|touching|breaking))\b|"
     r"\b(safe|trial|practice)\s+(place|environment|space|playground|area)\b|"
     # (… or before going live or spending on servers: "somewhere we can try things out before putting a service live",
     # i84-008, j85-039)
     r"\b(try|trying|test|testing|play|playing)(\s+out)?(\s+[\w'-]+){0,3}?(\s+out)?(?=\s+before\b)|"
     # (… or a place to try them at all: "is there somewhere we can try these components out and play with a prototype
     # service?", n89-009)
     r"\b(somewhere|anywhere|some\s*place|a\s+place|an\s+environment)\s+(where\s+)?(we|i|you|they|people|our\s+[\w-]+)\s+"
     r"(can|could|may|might)\s+(try|test|play|experiment)\b",
     r"\g<0> (sandbox)"),
    # how a building block's repository is laid out is its README's "Each building block repo will have at least 4 main
    # sections: /spec … /api … /test … /examples" (e80-010, f81-010). (Beside query.ASKS_REPO_LAYOUT and the search's
    # README-template pass, not instead of them: without these words in the query, "how is its github repo laid out -
    # where do the spec pages live vs api definitions vs tests?" led with the API chapter, j85-009.)
    (r"\b(repo|repos|repository|repositories)\b(?=[^?]{0,80}\b(layout|laid\s+out|structured?|organi[sz]ed|folders?|"
     r"directories|sections|top-level)\b)|\b(top-level|main)\s+(folders?|directories)\b",
     r"\g<0> (repo sections: /spec, /api, /test, /examples; GitBook build)"),
    # services put online are, in the playbook, digitized ("Defining which services should be digitized first", d79-009)
    # (… and services that go online first, j85-006)
    (r"\b(put|putting|take|taking|took|move|moving|moved|bring|bringing|brought|get|getting|got|go|goes|going|went)\s+"
     r"([\w'-]+\s+){0,3}?online\b", r"\g<0> (digitize)"),
    (r"\b(take|takes|taking|took|taken) (it|them|this|that|consent|their consent) back\b", r"withdraw \2"),
    # (… and a permission or an agreement taken back, j85-023)
    (r"\b(take|takes|taking|took|taken) (that|the|their|his|her|my|our|this) (permission|agreement|approval|ok|okay|"
     r"authori[sz]ation) back\b", r"withdraw \2 \3"),
    # money held or paid out with the Wallet block is, in its release notes, what it does not cover ("It does not currently
    # extend to payment wallets"; five blind writers asked: d79-019, e80-021, h83-022, k86-021, l87-021)
    (r"\bwallets?\b[^?.]{0,60}?\b(mobile[- ]money|money|cash|funds)\b|\b(mobile[- ]money|money|cash)[- ](style\s+)?wallets?\b",
     r"\g<0> (payment wallets)"),
    # talking live over a camera is, in the Messaging spec, real-time video and audio conferencing, which it leaves out
    # (i84-019, j85-019)
    (r"\b(video|camera|webcam)\s+(calls?|chats?|conferenc\w*|meetings?|consultations?)\b|"
     r"\b(live|real[- ]time)\s+((video|audio|voice)\s+)?(calls?|conversations?|chats?|talks?)\b|"
     r"\bface[- ]to[- ]face\b(?=[^?]{0,60}\b(internet|online|camera|webcam|video|live|calls?)\b)|"
     r"\bover\s+(the\s+)?(camera|webcam|video)\b|"
     # ("live online classes, where the trainer and students see and hear each other", r93-020)
     # (… "see and talk to each other live on screen", w98-019)
     r"\b(see|hear)\s+and\s+(see|hear|talk\s+to|speak\s+to|speak\s+with)\s+(each\s+other|one\s+another)\b",
     r"\g<0> (real-time video and audio conferencing)"),
    # devices at a service counter are, in the Registration spec, special hardware ("Integration with special hardware
    # (scanners, fingerprint readers, digital signature solutions, etc.) is not covered", i84-021)
    (r"\b(thumb\s*print|finger\s*print)\s+(pads?|machines?|devices?|readers?|scanners?)\b|"
     r"\bpaper[- ]to[- ](pdf|digital)\s+(machines?|devices?)\b|\b(usb|signing|special|smart|hardware)\s+"
     r"(gadgets?|dongles?|sticks?)\b|\bgadgets?\s+at\s+(the\s+|our\s+)?(service\s+)?(counters?|desks?|offices?)\b",
     r"\g<0> (special hardware, device)"),
    # a person's records wiped when they ask are, in the cross-cutting requirements, the right to be forgotten
    # ("Building Blocks MUST conform to GDPR principles, including the right to be forgotten", i84-015)
    # (… "wipe out their data on request", v97-008)
    (r"\b(wip\w*|eras\w+|delet\w+|remov\w+|purg\w+)\s+(out\s+)?(a\s+person'?s|someone'?s|their|people'?s|his|her|my|"
     r"citizens'?|personal)\s+([\w-]+\s+)?(records?|data|details|information|files?)\b|"
     # (… or everything about them: "later wants everything about her wiped from the system", n89-015)
     r"\b(everything|anything|all|every\s+trace|all\s+(the\s+)?(data|records?|information|details))\s+(about|on|of)\s+(her|him|them|"
     r"me|us|themselves|herself|himself|a\s+person|someone|somebody|the\s+person)\s+(to\s+be\s+|be\s+|being\s+|gets?\s+|got\s+)?"
     r"(wip\w*|eras\w+|delet\w+|remov\w+|purg\w+)\b|"
     r"\b(wip\w*|eras\w+|delet\w+|remov\w+|purg\w+)\s+(everything|all\s+(the\s+)?(data|records?|information|details))\s+(about|on)\s+"
     r"(her|him|them|me|us|a\s+person|someone|somebody)\b",
     r"\g<0> (right to be forgotten)"),
    # what a go-between "looks inside" is, in the Information Mediator's words, the contents it does not read ("it does
    # not read the contents of your mail", h83-024, i84-037)
    (r"\b(look|looks|looking|peek|peeks|peeking|see|sees|seeing|read|reads|reading|open|opens|opening)\s+(inside|into)\s+"
     r"((the\s+|a\s+|its\s+)?([\w'-]+\s+){0,2}?(data|messages?|content|contents|information|records|payloads?|files?)|"
     r"(them|it)(?=[^?]{0,40}\b(mediator|passes|carries|travel\w*|along\s+the\s+way)\b))\b",
     r"\g<0> (read the contents, payloads)"),
    # an order or a booking "called off" is cancelled
    (r"\bcall(s|ed|ing)? off\b", "cancel"),
    (r"\bcall(?:s|ed|ing)? ((?:the|an|our|their|a|this|that|it)(?: [\w-]+){0,2}?) off\b", r"cancel \1"),
    # an extra check when someone logs in is, in the spec, multi-factor authentication ("the multi-factor authentication
    # process MUST include a time-sensitive credential"), and an ID that is only a number a numerical digital ID
    (r"\b(extra|additional|second|another|2nd|added)\s+(check|step|factor|layer|verification|code)\b(?=[^.?!]{0,40}"
     r"\b(log ?ins?|logging in|logs? in|sign[- ]?ins?|signing in|signs? in|logon|authenticat\w*)\b)",
     r"\g<0> (multi-factor authentication)"),
    (r"\b(just|only|simply|merely)\s+(their|a|his|her|the|an?|your|our)\s+(national\s+)?(id|identity|identification)\s+"
     r"numbers?\b", r"\g<0> (simple numerical digital ID)"),
    # someone "told" or "informed" of an event is, in the spec, notified ("… be told automatically by the Identity BB?":
    # "Subscribers … collect event details after being notified of them")
    (r"\b(be|been|being|get|gets|got|are|is|was|were) (automatically |immediately |promptly )?(told|informed|made aware)\b",
     r"\1 \2notified"),
    # the spec keeps an audit trail in some blocks and audit logs in others (Consent: "Audit logging (REQUIRED)"; Digital
    # Registries: "record versioning (audit trails)"): each is searched with the other's words
    (r"\baudit[- ]trails?\b", r"\g<0> (audit logging)"),
    (r"(?<!\()\baudit[- ]log(s|ging)?\b", r"\g<0> (audit trail)"),  # (not the gloss above)
    # a programming language is, in the architecture requirements, a language a building block is written in ("building
    # blocks SHOULD be written using commonly used languages"): the UI guidelines' languages are people's
    (r"\b(programming|coding|development|implementation|software)\s+languages?\b", r"\g<0> (languages and frameworks a building block is written in)"),
    # consent is withdrawn in the spec (the Consent BB's word, and the GDPR's), never revoked or cancelled
    (r"\b(revoke|revokes|revoked|revoking|cancel|cancels|cancelled|canceled|cancelling|retract|retracts|retracted|"
     r"rescind|rescinds|rescinded)\b(?=(\s+[\w']+){0,2}\s+consents?\b(?![\s-]+tokens?\b))", "withdraw"),
    # … and a person withdrawing it opts out, in the Consent BB's requirements ("It shall be possible to opt-out of a
    # previously signed or agreed consent agreement"; its key functionality "WITHDRAW CONSENT - Or update existing
    # consent")
    (r"\b(withdraw|withdraws|withdrew|withdrawn|withdrawing|withdrawal|withdrawals)\s+(of\s+)?([\w'’-]+\s+){0,2}?"
     r"consents?\b(?![\s-]+tokens?\b)|\bconsents?\s+((is|are|was|were|be|been|being|gets?|got)\s+)?withdrawn\b",
     r"\g<0> (opt-out)"),
    # something done twice is what the spec calls a duplicate ("the same request submitted twice": "check for message
    # duplicates"); not "twice a month"
    (r"\b(submit|submitted|send|sent|enter|entered|register|registered|pay|paid|record|recorded|process|processed|receive|"
     r"received|create|created|charge|charged|count|counted|enrol|enroll|enrolled|book|booked|made|issue|issued|upload|"
     r"uploaded|import|imported|post|posted)\s+twice\b(?!\s+(a|an|per|every|each|in|within|daily|weekly|monthly|yearly)\b)",
     r"\g<0> (a duplicate)"),
    # … as is the same one listed twice in a file ("our payout file lists the same farmer twice", p65-010)
    (r"\b(list|lists|listed|listing|include|includes|included|including|contain|contains|contained|containing|has|have|"
     r"had|appear|appears|appeared|show|shows|showed)\s+(the\s+same|one)\s+([\w'’-]+\s+){1,2}?twice\b|"
     r"\b(appears?|appeared|listed|included)\s+twice\b|"
     # ("fires off the same outage text twice by mistake … before customers get it twice", u70-024)
     r"\bthe\s+same\s+([\w'’-]+\s+){1,2}?twice\b(?!\s+(a|an|per|every|each|in|within|daily|weekly|monthly|yearly)\b)|"
     # … and one got twice ("before customers get it twice")
     r"\b(get|gets|got|getting|receive|receives|received|receiving)\s+(it|them|that|this|one|the\s+same(\s+[\w'’-]+)?)\s+"
     r"twice\b(?!\s+(a|an|per|every|each|in|within|daily|weekly|monthly|yearly)\b)",
     r"\g<0> (a duplicate)"),
    # an age limit on a form is one of the field validations the Registration BB's analyst configures ("older than age
    # (The age of the applicant must be >=18)")
    (r"\b(under|below|younger\s+than)\s+(the\s+age\s+of\s+)?1[0-9]\b(?!\s*(%|percent|days?|hours?|minutes?|months?|weeks?|"
     r"mb|kb|gb|seconds?)\b)|\bunder-?age\b|\btoo\s+young\b", r"\g<0> (older than age validation)"),
    # what users see right before they submit is, in the UI/UX guidelines, the "Check answers" page ("help users check,
    # review and confirm their entered information before taking a significant final action, such as submitting")
    (r"\b(right\s+|just\s+)?before\s+(they|you|users?|people|applicants?|citizens?|the\s+(user|applicant|citizen))\s+"
     r"(press|presses|hit|hits|click|clicks|tap|taps)\s+(on\s+)?(the\s+)?(submit|send)\b(\s+button)?|"
     r"\bbefore\s+(they\s+|you\s+|users?\s+|people\s+)?(submit|submitting|submits)\b",
     r"\g<0> (check answers, review and confirm)"),
    # a whole file sent off is, where the spec weighs it against a digest, the original document ("Obtaining just the hash
    # reduces the storage overhead and also avoids the privacy concern of sending the original document")
    (r"\b(the|a|an|their|our|its)\s+(entire|whole|full|complete)\s+([\w-]+\s+){0,2}?(file|document|pdf|contract|form|return|"
     r"application)s?\b"
     r"(?=[^.?!]{0,40}\b(to|off|over|across|through)\b)", r"\g<0> (the original document)"),
    # an existing system's API made to fit GovStack's without rewriting it is, in the onboarding chapter, an adaptor
    # ("Adaptors are used to map existing APIs and functionality … into a format and scheme that is compatible with the
    # GovStack API specifications")
    (r"\b(rewrite|rewriting|re-write|re-writing|rebuild|rebuilding|redevelop|redeveloping|redo|redoing|change|changing)\s+"
     r"(it|them|our\s+[\w-]+|the\s+[\w-]+|its\s+[\w-]+|their\s+[\w-]+)(\s+[\w-]+)?\s+to\s+(match|fit|comply\s+with|conform\s+to|"
     r"follow|meet)\b(?=[^.?!]{0,40}\b(spec|specs|specification|govstack|api|apis|standard)\b)", r"\g<0> (adaptor)"),
    # … and so is a layer that translates between them ("that translation layer", "translating one request"; a76-018,
    # w72-032, s68-020: "Adaptors Perform 3 distinct functions … Synchronous 1:many calls …")
    (r"\b(translation|translating|translator|conversion|converting|converter|mapping|wrapper)\s+(layer|service|component|"
     r"piece|module|bit|proxy|shim|middleware)s?\b|\btranslat(e|es|ed|ing)\s+(one|a|each|the|every|our|their|that)\s+"
     r"(requests?|calls?|messages?|payloads?)\b|"
     # ("Would we have to rebuild it to plug it into a GovStack setup, or is there a way to connect it as it is?", v97-005)
     r"\b(connect|plug|hook|link|integrate)\s+(it|them|ours?|the\s+[\w-]+)\s+(in\s+|up\s+)?as\s+(it\s+is|they\s+are|is)\b",
     r"\g<0> (adaptor)"),
    # … and so is an old system that fits in without being rebuilt ("my IT people say it can still 'plug in' without being
    # rebuilt", c104-006: "Adaptors are used to map existing APIs and functionality in a Digital Public Good")
    (r"\bwithout\s+(being\s+)?(rebuilt|re-built|rewritten|re-written|redeveloped|re-developed)\b",
     r"\g<0> (adaptors map existing APIs)"),
    (r"\bwithout\s+(rebuilding|rewriting|redeveloping)\s+(it|them|(the|our|their)(\s+(whole|entire|old|existing))?\s+[\w-]+)\b",
     r"\g<0> (adaptor)"),
    # work that finishes later in the background is, in the spec, asynchronous ("async and/or complex transactions would
    # require the use of the Workflow Building Block")
    # (not "long-running": "starts a long-running permit process through the API" is answered by the rule for it, "respond
    # with … 202/Accepted", which "async" pushed down: e21-012, v30-025, i58-025 lost)
    (r"\b(slow(ly)?\s+)?(in\s+the\s+)?background\s+(jobs?|tasks?|work|processes|processing)\b|\bslowly\s+in\s+the\s+background\b|"
     r"\b(do\s*n[o'’]?t|does\s*n[o'’]?t|don['’]t|doesn['’]t|won['’]t)\s+(answer|respond|reply|return)\s+"
     r"(straight\s+away|right\s+away|immediately|at\s+once)\b", r"\g<0> (async)"),
    # (not "we can't rewrite it. How would it plug into GovStack's APIs?": z75-025 gained, but j40-033 lost its chapter
    # opening "6 Onboarding Products" and the adaptor classes it points to, and a real-corpus test failed)
    # a system that "catches" a mistake checks for it (the spec never says catch: "check for message duplicates", "check
    # for inconsistencies")
    (r"\b(catch|catches|caught|catching)\b(?!\s+up\b)(?=\s+(it|that|this|them|those|these|any|the|such|duplicates?|"
     r"errors?|mistakes?|problems?|typos?|fraud|repeats?)\b)", r"\g<0> (check for)"),
    # what "jumps the queue" or "is sent first" is, in the spec, prioritized ("if an emergency messaging type applies to it,
    # the messaging gets prioritized, otherwise, the FIFO algorithm … applies")
    (r"\b(jump|jumps|jumped|jumping|skip|skips|skipped|skipping) (the |a )?(queue|line)\b|"
     r"\b(is|are|gets?|be|being) (sent|served|processed|handled|delivered|dealt with) first\b|\bgo(es)? first\b|"
     r"\b(jump|jumps|jumped|jumping|skip|skips|skipped|skipping|get|gets|go|goes|move|moves|cut|cuts) ((out|sent) )?ahead of\b|"
     r"\bwait(s|ed|ing)? (its|their|his|her|your|our|my|in) (turn|line)\b|"
     # ("does it have to wait behind all the routine ones?", o64-027)
     r"\b(wait|waits|waited|waiting|queue|queues|queued|queuing|stuck|sit|sits|sitting)\s+(in\s+line\s+)?behind\b",
     r"\g<0> (prioritized)"),
    # messages waiting to go out are, in the spec, queued ("The message queueing mechanism will: …"), and an urgent one
    # is of an emergency messaging type ("if an emergency messaging type applies to it, the messaging gets prioritized")
    (r"\b(wait|waits|waiting|lined up|piled up|sitting)\s+(to go out|to be sent|to be delivered|to be processed|"
     r"in (a |the )?(line|backlog))\b", r"\g<0> (queue)"),
    (r"\burgent\s+([\w-]+\s+)?(warnings?|alerts?|messages?|notices?|notifications?|sms|texts?)\b|"
     # ("If we need to warn residents about a flash flood, will those texts go out ahead of the routine reminders …?",
     # q92-019)
     r"\b(warn|warns|warning|alert|alerting)\s+([\w-]+\s+){0,2}?(about|of)\s+(an?\s+|the\s+)?(flash\s+)?(floods?|cyclones?|"
     r"storms?|fires?|earthquakes?|tsunamis?|landslides?|disasters?|emergenc(y|ies))\b(?=[^?]{0,80}\b(texts?|sms|messages?|"
     r"reminders?|notifications?)\b)",
     r"\g<0> (emergency messaging type)"),
    # … and what is served in the order it came "first come, first served" ("the FIFO (First In, First Out) algorithm")
    (r"\bfirst[- ]come,? first[- ]served?\b", r"\g<0> (First In, First Out)"),
    # converting or changing what is sent is, in the spec, manipulating the payload ("the Information Mediator is not
    # responsible for manipulating the payloads … it does not read the contents of your mail")
    (r"\b(convert|converts|converted|converting|transform|transforms|transformed|transforming|change|changes|changed|"
     r"changing|modify|modifies|modified|modifying|alter|alters|altered|altering|"
     # ("will it fix up the records in between so each side gets what it expects?", n63-003)
     r"fix\s+up|fixes\s+up|fixing\s+up|reshape|reshapes|reshaping|remap|remaps|remapping)"
     r"\s+(the |our |its |their |a )?(payloads?|messages?|data|contents?|formats?|records?|fields?)\b",
     r"\g<0> (manipulating the payloads)"),
    # showing only some of a credential's fields is, in the spec, presenting a selected subset of them ("present a
    # selected subset of the data fields (claims) from a credential while other fields are not revealed")
    (r"\bonly (some|part|certain|a few|selected|specific|particular)( of)? (the |their |its |his |her |a |our )?"
     r"(credential'?s? )?(attributes|fields|claims|data|details|information|parts)\b", r"\g<0> (a selected subset)"),
    # … and proving one thing without showing the rest ("prove she's registered without also showing her ID number and
    # home address", p65-012)
    (r"\b(prove|proves|proving|show|shows|showing|confirm|confirms|confirming)\b[^.?!]{3,60}?\bwithout\s+(also\s+)?"
     r"(showing|revealing|disclosing|giving\s+away|handing\s+over|exposing|sharing)\s+(her|his|their|my|our|your|the|any|"
     r"all|other)\s+([\w'’-]+\s+){0,2}(id|ids|numbers?|address(es)?|names?|birth\s*dates?|dates?\s+of\s+birth|age|"
     r"details|data|information|fields|attributes|claims|identity)\b|"
     # ("prove to a shopkeeper that they're over 18 without handing over everything on their ID card?", m88-040)
     r"\b(prove|proves|proving|show|shows|showing|confirm|confirms|confirming)\b[^.?!]{3,60}?\bwithout\s+(also\s+)?"
     r"(showing|revealing|disclosing|giving\s+away|handing\s+over|exposing|sharing)\s+(everything|all\s+of\s+it|the\s+rest|"
     r"anything\s+else|the\s+whole\s+(card|thing|document|credential))\b|"
     # ("can they show just their membership number and keep everything else on the card hidden from us?", f107-031)
     r"\b(show|shows|showing|share|shares|sharing|reveal|reveals|revealing|present|presents|presenting|give|gives|giving)\s+"
     r"(just|only)\b[^.?!]{3,60}?\b(keep|keeps|keeping|leave|leaves|leaving)\s+(everything|all|the\s+rest|anything)\s+(else\s+)?"
     r"([\w\s]{0,20}?)(hidden|private|secret|back)\b",
     r"\g<0> (a selected subset, other fields not revealed)"),
    # availability in "nines" is, in the spec, a percentage ("99.99% availability (AKA 4 9's)")
    (r"\b(three|3|four|4|five|5) nines\b",
     lambda m: f"{m.group(0)} (99.{'9' * _NINES[m.group(1).lower()]}%)"),
    # … and uptime is, in the spec, availability ("High Availability (REQUIRED): … a minimum of 24x7x365 service with
    # 99.99% availability"); the figure check reads these words as what is measured, not as its subject
    (r"\buptime\b", r"\g<0> (high availability)"),
    # … as is the downtime a system may have ("How much downtime is acceptable …?", o64-037)
    (r"\bdown-?time\b", r"\g<0> (high availability)"),
    # a date or time format is, in the spec, the standard for timestamps ("Use ISO8601/UTC for Timestamps", "Used for
    # dates and timestamps")
    (r"\b(date|time|date ?/ ?time|date-time|datetime)s?\s+(formats?|standards?|notation|representation)\b|"
     r"\b(format|formats|standard|notation)\s+(for|of)\s+(the\s+)?(dates?|times|date ?/ ?times?|datetimes?)\b",
     r"\g<0> (ISO8601/UTC for timestamps)"),
    # … and a text or character encoding the standard for text ("Use only Unicode for Text", "Used for encoding text")
    (r"\b(text|character|char)\s+(encodings?|sets?)\b|\bcharsets?\b|\bencod(e|es|ed|ing)\s+(of\s+|for\s+)?(the\s+)?"
     r"(text|strings|characters)\b", r"\g<0> (Unicode for text)"),
    # holding something back until someone has approved it is, in the Scheduler spec, a condition other than time ("An
    # event participant MUST implement own logic to evaluate other conditions … check if a payroll has been approved")
    (r"\b(hold|holds|holding|held|wait|waits|waiting|pause|pauses|delay|delays|keep|keeps)\b[^.?!]{0,60}?\buntil\b[^.?!]{0,40}?"
     r"\b(signed off|signs off|approved|approves|has approved|confirmed|agreed|cleared|authori[sz]ed)\b|"
     # … as is acting whenever a quantity crosses a level ("fire off a top-up payment whenever a household's meter balance
     # drops under a set amount", n63-002)
     # ("fire off an alert automatically the moment our harbour water-level gauge goes above the danger line", e106-021)
     r"\b(whenever|every\s+time|each\s+time|as\s+soon\s+as|once|the\s+(moment|instant))\b[^.?!]{0,60}?"
     r"\b(drops?|dropped|falls?|fell|goes|gone|"
     r"rises?|rose|exceeds?|exceeded|reaches|reached|hits|crosses|crossed|is\s+(below|above|under|over))\s+"
     r"(below|above|under|over|past|beyond|a|an|the|its|their)\b",
     r"\g<0> (evaluate other conditions, not time only)"),
    # how long personal data may be kept is, in the spec, its retention period ("data_retention_period_days", "retention
    # policy")
    (r"\bhow long\s+(the\s+|their\s+|our\s+|someone'?s\s+|a\s+person'?s\s+)?(personal\s+)?(data|information)\s+"
     r"(may|can|must|should|is|are|will|gets?)\s+(be\s+)?(kept|stored|held|retained)\b", r"\g<0> (data retention period)"),
    # a long-running process is, in the spec, an asynchronous one ("An asynchronous process … once instantiated will
    # return a 202/Accepted but then continue to execute the instance")
    (r"\blong[- ]running\s+([\w-]+\s+)?(process|processes|workflows?|jobs?|tasks?)\b", r"\g<0> (asynchronous)"),
    # a death is, in the spec, a person dead ("register to Creation, Update and Disabling (person dead or considered as
    # disappeared) events"): dev-independent +2, none lost
    # deciding what a logged-in user may do is, in the spec, authorization ("Authorization is not the responsibility of
    # the Identity Building Block"), not the login
    (r"\b(what|which (things|actions|services|data|parts|screens|pages))\s+(a |the |each |an? )?([\w-]+\s+){0,2}?"
     r"(users?|people|persons?|staff|officers?|clerks?|they|he|she|someone|citizens?)\s+(is|are|will be)?\s*"
     r"(allowed|permitted|authori[sz]ed|entitled)\s+to\b", r"\g<0> (authorization)"),
    # changing the record of something once it has finished is, in the spec, a modification after the event is over
    # ("must not allow the addition/modification of any details of an event after the scheduled event is over")
    (r"\b(change|changes|changing|changed|edit|edits|editing|modify|modifying|update|updating|alter|altering|amend|"
     r"amending|add to|adding to)\b[^.?!]{0,80}?\b(once|after|when)\s+(it|they|the\s+[\w-]+(\s+[\w-]+)?)\s+(has\s+|have\s+|is\s+|"
     r"are\s+|was\s+|were\s+|'s\s+)?(already\s+)?(finished|over|ended|done|closed|completed|past)\b",
     r"\g<0> (modification after the event is over)"),
    # a virtual boundary is what the spec calls a geofence ("virtual geofences or redlines on a GIS map display")
    (r"\bvirtual\s+(boundar(y|ies)|fences?|perimeters?|borders?|zones?|walls?)\b", r"\g<0> (a geofence)"),
    # street addresses turned into map coordinates are, in the GIS spec, geocoded ("Geocoding and Reverse Geocoding",
    # o64-015), and coordinates turned back into an address reverse geocoded
    (r"\b(turn|turns|turned|turning|convert|converts|converted|converting|translate|translates|translated|translating|"
     # (… or whatever else is turned into coordinates: "a spreadsheet of street addresses. can the GIS block turn all
     # of them into map coordinates?")
     r"change|changes|changed|changing)\s+([\w'’-]+\s+){0,5}?(in)?to\s+([\w-]+\s+){0,2}?(coordinates|"
     r"lat[/-]longs?|lat(itude)?s?|gps\s+points)\b",
     r"\g<0> (geocoding)"),
    (r"\bdeaths?\b", r"\g<0> (dead)"),
    # someone who dies is, in the spec, dead ("Disabling (person dead or considered as disappeared) events") and their
    # death an identity event ("name change, death, new child born")
    (r"\b(dies|died|passes away|passed away)\b", r"\g<0> (death, dead)"),
    # a flood of requests, or the protection against one, is, in the security requirements, a denial of service attack
    # and its prevention ("5.11 Denial of Service Attack Prevention Requirements": "kill TCP request processes upon
    # encountering flooding"); not a river's flood: only "anti-flood" or a flood of requests or traffic (n63-036)
    (r"\banti[- ]?flood(ing)?(\s+(protection|filters?|guards?|shields?|systems?|rules?|tools?|measures?))?\b|"
     r"\b(request|traffic|packet|syn|http|api|login)\s+flood(s|ing)?\b|\bflood(s|ed|ing)?\s+(us|it|them|the\s+[\w-]+|"
     r"our\s+[\w-]+)?\s*with\s+(requests|traffic|calls|packets|connections|logins)\b|"
     # ("got swamped by a flood of junk requests coming from a handful of addresses", b77-037)
     r"\b(flood|floods|deluge|torrent|barrage|wave|storm)\s+of\s+([\w-]+\s+){0,2}?(requests|traffic|calls|packets|"
     r"connections|logins|hits)\b",
     r"\g<0> (denial of service attack prevention, DDoS)"),
    # … and the addresses it always lets through its white-list ("MUST support a white-list of addresses that will always
    # be passed to the servers"): an allow-list, or trusted partners or addresses kept from being caught (n63-036)
    (r"\ballow[- ]?list(s|ed|ing)?\b|\bsafe[- ]?list(s|ed|ing)?\b|\btrusted\s+(partners?|addresses|ips?|ip\s+addresses)\b"
     r"(?=[^.?!]{0,40}\b(caught|blocked|block|shut|locked|let through|pass|passed|flagged)\b)",
     r"\g<0> (white-list)"),
    # links, menus or bookmarks still pointing at a page's old place, or dead ones, are, in the Content Management spec,
    # links broken when pages move ("Pages can be moved and renamed without breaking links to them", n63-031)
    (r"\b(links?|menus?|menu items?|pages?|bookmarks?|navigation|references?)\s+(that\s+|which\s+)?(still\s+)?(point|points|"
     r"pointing|lead|leads|leading|go|goes|going)\s+to\s+(the\s+|their\s+|its\s+)?(old|previous|former|original)\s+"
     r"(locations?|addresses|urls?|pages?|places?|paths?|names?)\b|\b(dead|broken)\s+links?\b|"
     # ("some pages get new titles and end up in different sections. Will the references to them from other pages stop
     # working?", d105-031)
     r"\b(links?|references?|bookmarks?|hyperlinks?)\b[^.?!]{0,40}?\b(stop|stops|stopped)\s+working\b|"
     r"\b(links?|references?|bookmarks?|hyperlinks?)\s+(will\s+|would\s+)?(break|breaks|go\s+dead|die)\b",
     r"\g<0> (without breaking links)"),
    # spending only part of a voucher is, in the Payments spec, a partial redemption ("The entire voucher amount is
    # consumed. Partial redemption will not be allowed.", n63-014)
    (r"\b(spend|spends|spent|spending|use|uses|used|using|redeem|redeems|redeemed|redeeming|cash|cashes|cashed)\s+(only\s+|"
     r"just\s+)?(half|part|some|a\s+portion|a\s+bit|a\s+part)\s+of\s+(the|a|an|their|his|her|its|my|our|your|that|this|each|"
     r"one)\s+([\w-]+\s+)?vouchers?\b", r"\g<0> (partial redemption)"),
    # … so is keeping what is left on it ("can she keep the leftover 2,000 on the voucher for next time?", p65-001)
    (r"\b(leftover|left-over|remainder|remaining\s+(amount|balance|value|money|credit|funds?)|what'?s\s+left|"
     r"whatever\s+is\s+left)\b[^.?!]{0,25}?\b(on|of|in)\s+(the|a|an|their|his|her|its|my|our|your|that|this|each)\s+"
     r"([\w-]+\s+)?vouchers?\b(?!\s+(schemes?|programm?es?|systems?|projects?|rules?|policy|policies)\b)",
     r"\g<0> (partial redemption)"),
    # capacity the platform adds on its own under load is, in the hosting spec, autoscaling ("The container
    # orchestration layer supports autoscaling – additional pods (replicas) get deployed based on the load", q66-035)
    (r"\b(add|adds|adding|added|grow|grows|growing|increase|increases|increasing|scale|scales|scaling|scaled|spin|spins|"
     r"spinning)\s+(up\s+|out\s+)?((more|extra|additional)\s+)?((capacity|resources|servers?|machines?|instances?|nodes?|"
     r"pods?|replicas?|containers?|cpus?|ram|memory)\s+)?(up\s+)?(all\s+)?(on\s+its\s+own|by\s+itself|automatically|"
     r"without\s+(anyone|us|someone|manual\w*))\b", r"\g<0> (autoscaling)"),
    # … and so is what it does when everybody comes at once ("grinds to a halt because everybody logs in at once",
     # v71-036)
    (r"\b(everybody|everyone|all\s+the\s+users|all\s+our\s+users|thousands|millions|the\s+whole\s+(country|town|city))\s+"
     r"(logs?\s+in|logging\s+in|comes?|coming|tries|try|trying|hits?|hitting|rush(es)?|piles?\s+in|signs?\s+in|shows?\s+up)"
     r"\b[^.?!]{0,20}?\b(at\s+once|at\s+the\s+same\s+time|simultaneously|all\s+together)\b|"
     r"\b(that\s+many|so\s+many|too\s+many)\s+(people|users|visitors|citizens)\s+(pile|piles|rush|rushes|flood|floods|"
     r"crowd|crowds)\s+in\b", r"\g<0> (high load, autoscaling)"),
    # a payout file is, in the Payments spec, a bulk payment's batch file ("Batch files containing duplicate payments
    # will not be processed", p65-010)
    (r"\b(payout|pay-out|disbursement|payroll|payment|beneficiary)\s+(files?|lists?|spreadsheets?|sheets?|csvs?)\b",
     r"\g<0> (batch file, bulk payments)"),
    # stiff, official wording is, in the UI/UX guidelines, formal language ("The notion that citizens expect governments
    # to use formal language may not be entirely accurate", o64-039)
    # (not a country's official language)
    (r"\b(stiff|bureaucratic|legalistic|officious|stuffy|formal-sounding)\s+(legal\s+)?(tone|wording|language|jargon|"
     r"phrasing|style|speak)\b|\bofficial\s+(tone|wording|phrasing|jargon|speak)\b|\blegalese\b", r"\g<0> (formal language)"),
    # a form stopped halfway and finished later is, in the Registration spec, a draft ("save their application file as a
    # draft and continue data entering later", p65-040, o64-018)
    (r"\b(stop|stops|stopped|stopping|pause|pauses|paused|leave|leaves|left|quit|quits|abandon|abandons|abandoned|get|gets|"
     r"got|cut|cuts)\s+(it\s+|out\s+)?(halfway|half-way|part-way|partway|midway|mid-way)(\s+through)?\b|"
     r"\b(finish|finishes|finished|complete|completes|completed)\s+(it|them|the\s+[\w-]+)\s+(later|another\s+day|"
     r"tomorrow|the\s+next\s+day|(a\s+)?(few|couple\s+of)\s+days\s+later)\b|\bstart\s+(all\s+)?over(\s+again)?\b|"
     # ("do i lose everything i typed and have to start over?")
     r"\b(lose|loses|losing|lost)\s+(everything|all|what)\s+(i|we|she|he|they|you)(\s+had)?\s+(typed|entered|filled\s+in|wrote|written)\b|"
     r"\bpick(s|ed)?\s+up\s+where\s+(she|he|they|i|we|you)\s+left\s+off\b", r"\g<0> (save as a draft, continue later)"),
    # a site losing power is, in the Cloud Infrastructure spec, a hardware outage its availability zones are independent
    # of ("independence from each other on the hardware level in terms of power supply", o64-036)
    # (power cuts in the places people work are the low-resource environments below, not a data centre's outage:
    # "regular power cuts and patchy mobile internet", o90-013, and three dev questions before it)
    (r"\b(lose|loses|lost|losing)\s+(its\s+|their\s+|all\s+)?power\b|\bpower\s+(failures?|outages?|loss)\b"
     r"(?=[^?]{0,80}\b(servers?|data\s*cent(er|re)s?|cloud|hosting|racks?|availability\s+zones?)\b)|"
     r"\b(catch|catches|caught|catching)\s+fire\b", r"\g<0> (power supply, hardware outage)"),
    # someone shut or locked out is, in the spec, blocked ("Blacklisted or blocked IP addresses MUST be able to be
    # automatically unblocked by the solution after a configurable timeout period"; "got shut out by our anti-flood
    # protection … Does it stay shut out until someone notices?", n63-036)
    # (someone shut out, or shutting someone out; not "they shut out the noise")
    (r"\b(get|gets|got|gotten|getting|be|is|are|was|were|been|being|stay|stays|stayed|remain|remains|keep|keeps)\s+"
     r"(shut|locked)\s+out\b|\b(shut|shuts|shutting|lock|locks|locked|locking)\s+(it|them|him|her|us|me|you|people|"
     r"users|citizens|partners|[\w-]+s)\s+out\b", r"\g<0> (blocked)"),
    # people's phone numbers and e-mail addresses are, in the spec, their contacts ("Do not store users' contacts and
    # readable messages at Messaging Building Block")
    (r"\b(phone|mobile|telephone|cell) (numbers|nos)\b|\b(e-?mail) addresses\b", r"\g<0> (contacts)"),
    # what is called off or backed out of is, in the spec, cancelled ("Cancellation of active orders that are yet not
    # fulfilled", "… if an appointment is cancelled"); what is put on hold is suspended ("temporarily suspend and then
    # un-suspend an issued ID credential"); what someone keeps trying is retried ("Errored messages must be retried for
    # 24 hours"); a job that blows up fails ("failure of/exception in"). The spec uses none of these phrases.
    (r"\b(call|calls|called|calling) off\b|\b(back|backs|backed|backing) out\b", r"\g<0> (cancelled)"),
    # (… as is an order pulled out of: "we want to pull out before they're delivered")
    (r"\b(pull|pulls|pulled|pulling) out\b(?=\s+(of|before)\b)", r"\g<0> (cancelled)"),
    # people who cannot read are, in the Registration spec, illiterate users ("help illiterate users with understanding the
    # text on the screen"), not a file the system cannot read
    (r"\b(can['’]?t|cannot|can not|unable to|are\s*n[o'’]?t able to|do\s*n[o'’]?t know how to)\s+read\b"
     r"(?!\s+(the|a|an|it|this|that|these|those|its|their|from|data|files?|records?|messages?|[\w-]+['’]s)\b)"
     r"(\s+(or|and)\s+write\b)?", r"\g<0> (illiterate users)"),
    # people who cannot see or hear well, or live with a disability, are who a service's accessibility is for ("users
    # with disabilities", "Accessibility (REQUIRED) … WCAG 2.2 or newer, at least Level AA"); not a "blind signature"
    (r"\b(blind|visually\s+impaired|partially\s+sighted|deaf|hard\s+of\s+hearing|low[- ]vision)"
     r"(\s*(,|and|or)\s*(blind|visually\s+impaired|partially\s+sighted|deaf|hard\s+of\s+hearing|low[- ]vision))*\b(?=\s+(people|"
     r"persons?|users?|citizens?|applicants?|residents?|voters?|readers?|visitors?|customers?|pensioners?)\b)|"
     r"\b(people|persons|users|citizens|applicants|residents|visitors|customers|pensioners|voters)\s+with\s+(a\s+)?"
     r"(disabilit(y|ies)|(visual\s+|hearing\s+)?impairments?)\b|\bdisabled\s+(people|persons|users|citizens|applicants|"
     r"residents|visitors|customers|pensioners|voters)\b|"
     # ("My eyes are poor and I use very big letters on my computer", a76-035)
     r"\b(my|his|her|their|our)\s+(eyes|eyesight|sight|vision|hearing|ears)\s+(is|are)\s+(not\s+good|poor|bad|weak|failing|"
     r"going)\b|\b(poor|bad|weak|failing)\s+(eyesight|vision|hearing)\b|\b(use|uses|using|need|needs|read|reads|with)\s+"
     r"(very\s+)?(big|bigger|large|larger|huge)\s+(letters|text|fonts?|print|type)\b",
     r"\g<0> (accessibility, users with disabilities)"),
    # a forgotten password is reset by its user in the spec ("Self-service password which allows users to reset their own
    # password without going to the help desk"), and an IT or service desk is a help desk
    (r"\b(forget|forgets|forgot|forgotten|forgetting)\s+(her|his|their|my|your|our|a|the|its)\s+(own\s+)?passwords?\b",
     r"\g<0> (reset their own password, self-service)"),
    (r"\b(IT|I\.T\.|service|support)\s+desk\b", r"\g<0> (help desk)"),
    # how fast a service answers is its latency or response time ("Maximum Latency = 1 sec."), how much traffic it takes
    # its throughput ("Minimum Throughput = 100 requests/sec.")
    (r"\bhow (fast|quick|quickly)\b(?=[^.?!]{0,40}\b(answer|answers|answered|respond|responds|reply|replies|come back|"
     r"comes back)\b)", r"\g<0> (latency, response times)"),
    # what is ordered arrives when the order is fulfilled ("Cancellation of active orders that are yet not fulfilled"),
    # and a charge for cancelling is its cancellation fee ("cancellation terms (including the cancellation fee)")
    (r"\bbefore\s+(it|they|the\s+[\w-]+|our\s+[\w-]+|the\s+goods|the\s+items)\s+(arrive|arrives|arrived|(is|are|get|gets)\s+"
     r"delivered|turn\s+up|turns\s+up|show\s+up|shows\s+up|come|comes)\b", r"\g<0> (not yet fulfilled)"),
    (r"\b(be|get|gets|got|being|are|is|were|was)\s+charged\b|\bcharge\s+(us|me|them|you)\b", r"\g<0> (fee)"),
    # what is kept for good is, in the spec, stored long-term ("Long-term storing of registration data/claims and results
    # is not covered in this Building Block")
    (r"\b(kept|keep|keeps|keeping|stored|store|stores|storing|held|hold|holds|holding|archived|archive)\s+(\w+\s+){0,4}?"
     r"(for\s+good|permanently|forever|for\s+ever|indefinitely|long[- ]term|for\s+the\s+long\s+(term|haul|run)|"
     r"for\s+(years|decades))\b",
     r"\g<0> (long-term storing)"),
    # an account that can't take the money is, in the Payments spec, one that cannot be credited ("… cannot be credited by
    # the payee bank for some reason. For such accounts, funds must be returned to the payer bank")
    (r"\b(can\s*n[o'’]?t|cannot|can['’]t|could\s*n[o'’]?t|unable\s+to|won['’]t|fail\s+to|fails\s+to)\s+(actually\s+)?(take|receive|accept|"
     r"get|hold)\s+(the|their|that|this|any)?\s*(money|funds|payments?|transfers?|credit|cash)\b", r"\g<0> (cannot be credited)"),
    # an ID number made up of someone's birth date or district carries personally identifiable information ("it is
    # recommended that such number does not contain any personally identifiable information")
    (r"\b(built|made|derived|generated|composed|constructed|formed|encoded)\s+(up\s+)?(from|out\s+of|of|with)\s+(things\s+like\s+)?"
     r"(their|his|her|the\s+person'?s|people'?s|a\s+person'?s)?\s*(birth\s*dates?|dates?\s+of\s+birth|dob|names?|initials|"
     r"home\s+districts?|districts?|addresses|gender)\b", r"\g<0> (personally identifiable information)"),
    # a plot's outline on a map is a polygon or boundary, its single pin a point ("GeoShape (polygon, boundary)",
    # "GeoPoint (lat/long)")
    (r"\b(outlines?|shapes?)\s+of\s+(each|the|a|every|their|our)\s+(plot|parcel|field|farm|property|lot|area|site|zone)s?\b",
     r"\g<0> (polygon, boundary)"),
    (r"\b(single|one|a)\s+(map\s+)?(pin|dot|marker)\b", r"\g<0> (point, lat/long)"),
    # someone who does not qualify is, in the UI/UX guidelines, not eligible ("Eligibility outcome that clearly states
    # whether the user is eligible or ineligible")
    (r"\b(does\s*n[o'’]?t|doesnt|do\s*n[o'’]?t|dont|did\s*n[o'’]?t|didnt|won['’]?t|wont|not|never)\s+(qualify|qualifies|"
     r"qualified)\b", r"\g<0> (not eligible, ineligible)"),
    # Arabic, Hebrew, Persian and Urdu are, in the UI/UX guidelines, right-to-left languages ("Support for right-to-left
    # (RTL) languages … UI elements and navigation should also mirror")
    (r"\b(arabic|hebrew|persian|farsi|urdu|dari|pashto|yiddish)\b", r"\g<0> (right-to-left languages, RTL)"),
    # figures broken down by someone or by date are the Registration BB's statistics ("the number of processed applications
    # (per operator, registration, service, date)")
    (r"\b(broken|split)\s+down\s+(by|per)\b", r"\g<0> (statistics, per)"),
    (r"\b(how much|amount of|volume of|levels? of|lots of|heavy|high)\s+traffic\b|\bhow much load\b", r"\g<0> (throughput)"),
    # an application bounced back to the applicant is, in the Registration spec, sent back for correction ("Applicants
    # must be able to correct and resubmit applications that have been sent back for correction")
    (r"\b(bounce|bounces|bounced|bouncing)\s+(it|them|the\s+[\w-]+|their\s+[\w-]+|an?\s+[\w-]+)?\s*back\b|"
     # (… or bounced without "back": "When a clerk bounces a shop-licence application", m62-025)
     r"\b(bounce|bounces|bounced|bouncing)\s+(the|a|an|their|his|her|my|our|your|that|this)\s+([\w'’-]+\s+){0,2}?"
     r"(applications?|forms?|requests?|submissions?|files?|claims?)\b|"
     # (… or returned to the applicant: "can our officer return it to the applicant and show exactly which bit is
     # wrong", n63-027)
     r"\b(return|returns|returned|returning)\s+(it|them|the\s+[\w-]+|their\s+[\w-]+)\s+(back\s+)?to\s+(the|its|their)\s+"
     r"(applicants?|submitters?)\b|"
     # (… or an application returned: "the office returned my neighbour's application saying something is wrong", s68-027)
     r"\b(return|returns|returned|returning)\s+(the|a|an|their|his|her|my|our|your|that|this)\s+([\w'’-]+\s+){0,2}?"
     r"(applications?|forms?|submissions?|claims?)\b|"
     # (… or pushed back to be fixed: "can I push it back to the person to fix instead of refusing it?", d105-018)
     r"\b(push|pushes|pushed|pushing|send|sends|sent|sending|kick|kicks|kicked|hand|hands|handed|pass|passes|passed)\s+"
     r"(it|them|the\s+[\w-]+|their\s+[\w-]+)\s+back\s+(to\s+([\w-]+\s+){1,2})?(to|for|so\s+(that\s+)?(they|he|she)\s+(can|could))\s+"
     r"(fix|fixing|correct|correcting|correction|amend|amending|change|changing|repair)\b",
     r"\g<0> (sent back for correction)"),
    # … and what the applicant needs to fix is what the operator marked incorrect ("In case of errors in the application,
    # operators must be able to mark which document and/or data field is incorrect")
    (r"\b(needs?|needed|has|have|had)\s+(to\s+)?(be\s+)?(fix|fixing|fixed)\b|\b(fields?|documents?|data|information|"
     # ("… see exactly which bit was wrong", m62-025, n63-027)
     r"entr(y|ies)|parts?|bits?)\s+(that\s+|which\s+)?(is|are|was|were)\s+wrong\b|"
     # ("how does she find out which bit to fix?", "how will she know exactly what to fix?", "point the applicant to
     # exactly the wrong field", s68-027, o64-018, k60-024)
     r"\b(which|what)\s+((bits?|parts?|fields?|documents?|things?|sections?|box|boxes|entr(y|ies)|details?)\s+)?(to|she\s+has\s+to|"
     r"he\s+has\s+to|they\s+have\s+to|i\s+have\s+to|we\s+have\s+to|you\s+have\s+to)\s+(fix|correct|change|amend)\b|"
     r"\bwrong\s+(fields?|documents?|parts?|bits?|box|boxes|entr(y|ies)|sections?)\b", r"\g<0> (incorrect, errors)"),
    # … and the part an officer flagged is the one marked incorrect, which the applicant sees highlighted ("operators must
    # be able to mark which document and/or data field is incorrect. Applicants must see the highlighted information";
    # "will they be able to see which part I flagged?", d105-018)
    (r"\b(which|what)\s+(bits?|parts?|fields?|documents?|sections?|things?|entr(y|ies)|details?|boxes|box)\s+(i|we|they|"
     r"you|the\s+[\w-]+|an?\s+[\w-]+|our\s+[\w-]+)\s+(have\s+|has\s+|had\s+)?(flagged|marked|highlighted|pointed\s+out|"
     r"circled|queried)\b", r"\g<0> (mark which document and/or data field is incorrect, highlighted)"),
    # a star marking a form's required field is, in the UI/UX guidelines, an asterisk ("Do not mark mandatory questions
    # with asterisks as these are not accessible")
    (r"\b(red\s+|little\s+|small\s+)?stars?\b(?=[^.?!]{0,40}\b(fields?|questions?|labels?|inputs?|boxes|forms?)\b)",
     r"\g<0> (asterisks)"),
    # a reminder sent again is, in the Scheduler spec, a repeated alert, and one nobody confirms is one whose
    # acknowledgement is not received ("repeating an alert if acknowledgement is not received for previous alert")
    (r"\b(second|another|repeat|repeated|follow-?up|further|extra)\s+(reminders?|alerts?|notifications?)\b|"
     # ("send them another one until they reply", u70-002; "nudge her a second time", v71-004)
     r"\b(send|sends|resend|resends|nudge|nudges|remind|reminds|ping|pings|alert|alerts|notify|notifies|text|texts)\s+"
     r"([\w'’-]+\s+){0,2}?(another\s+one|a\s+second\s+time)\b(?=[^.?!]{0,40}\b(until|unless|if|when|"
     r"till)\b[^.?!]{0,30}\b(repl\w*|respond\w*|answer\w*|confirm\w*|acknowledg\w*)|[^.?!]*\b(reminders?|alerts?)\b)|"
     r"\b(reminders?|alerts?)\b[^.?!]{0,80}?\b(send|sends|nudge|nudges|remind|reminds)\s+([\w'’-]+\s+){0,2}?"
     r"(another\s+one|a\s+second\s+time)\b",
     r"\g<0> (repeating an alert)"),
    (_NOT_DONE + r"(confirm|acknowledge)(s|ed|es)?\b", r"\g<0> (acknowledgement is not received)"),
    # … as is one nobody replies to ("if a parent doesn't reply to the SMS reminder"; "if nobody replies to the first
    # one", u96-014)
    (_NOT_DONE + r"(reply|replies|replied|respond|answer|react)(s|ed)?\s+to\s+(the|a|an|our|their|that|this|its|his|her|any)\s+([\w-]+\s+)?"
     r"(reminders?|alerts?|notifications?|messages?|sms|texts?)\b|"
     r"\b(nobody|no\s+one|no-one)\s+(replies|responds|answers|reacts|acknowledges|confirms)\b|"
     # ("send the reminder again by itself if the mum doesnt reply to the first one", c104-021)
     r"\b(reminder|reminders)\b[^.?!]{0,60}?" + _NOT_DONE + r"(reply|replies|replied|respond|answer|react)(s|ed)?\s+"
     r"to\s+the\s+(first|last|previous|earlier)\s+one\b|"
     # ("ignores the first meter-reading visit alert", u70-002)
     r"\b(ignore|ignores|ignored|ignoring)\s+(the|a|an|our|their|that|this|its|his|her|any)\s+([\w-]+\s+){0,3}?"
     r"(reminders?|alerts?|notifications?|messages?|sms|texts?)\b", r"\g<0> (acknowledgement is not received)"),
    # someone or something taken out of the system is, in the spec, deleted ("delete all affiliations and future
    # appointments of a resource that is deleted")
    (r"\b(take|takes|took|taken|taking)\s+([\w'’-]+\s+){1,3}?out\s+of\s+(the|our|their|its)\s+([\w-]+\s+)?(system|scheduler|registry|"
     r"database|platform|list|roster|directory)\b", r"\g<0> (deleted)"),
    # what an API, a block or its engine sends or gives back is what it responds with ("Must respond with a unique
    # instance id when a process instance is instantiated via API"); what a person sends back is not, nor what the asker
    # gets back (an id when onboarded, a "not found": "respond" then costs the question its coverage)
    (r"\b(api|apis|endpoint|endpoints|call|service|server|engine|bb|building block|block|system|mechanism)\s+"
     r"((should|must|will|would|does|do|did|can|could)\s+)?(send|sends|sent|give|gives|gave|hand|hands)\s+back\b",
     r"\g<0> (respond)"),
    # an ID card or a document that goes missing is, in the spec, lost ("disable an ID credential which has been lost";
    # "document lost or stolen")
    (rf"\b{_CREDENTIALS}\s+((is|are|was|were|has been|have been|goes|go|went|gone|got|gets)\s+)?missing\b|"
     rf"\b(lose|loses|losing)\s+(a|an|the|their|his|her|my|our|your)\s+([\w'’-]+\s+){{0,2}}{_CREDENTIALS}",
     r"\g<0> (lost)"),
    # … and one cancelled for good is revoked ("If not retrieved after some time, the document should be revoked";
    # "change the status of the credentials to revoked or suspended"); consent is withdrawn (above)
    (r"\b(cancel|cancels|cancelled|canceled|cancelling|canceling)\s+(a|an|the|their|his|her|my|our|your|that|this|it)\s+"
     rf"([\w'’-]+\s+){{0,2}}{_CREDENTIALS}", r"\g<0> (revoked)"),
    # … and one blocked for a while is temporarily suspended ("an API allowing to temporarily suspend and then un-suspend
    # an issued ID credential"), one cancelled for good revoked
    (rf"\b{_CREDENTIALS}[^.?!]{{0,40}}?\b" + _BLOCKED_A_WHILE +
     r"|\btemporarily\s+(block|freeze|lock|disable|deactivate|pause)\s+(a|an|the|their|his|her|my|our|your|"
     rf"that|this)\s+([\w'’-]+\s+){{0,2}}{_CREDENTIALS}", r"\g<0> (temporarily suspend)"),
    (rf"\b{_CREDENTIALS}[^.?!]{{0,60}}?\b(cancel|cancels|cancelled|canceled|cancelling|canceling|invalidated?|voided?|"
     r"killed|kill)\s+(for\s+good|permanently|forever|once\s+and\s+for\s+all)\b", r"\g<0> (revoked)"),
    # a signing key on a lost or stolen phone, card or token is, in the E-Signature spec, revoked ("The user shall have
    # the ability to revoke their keys"; u70-031), as is a key the asker wants cancelled (v71-016)
    (r"\b(lost|lose|loses|losing|stolen|misplaced)\s+(the|a|an|their|his|her|my|our|your)\s+([\w'’-]+\s+){0,2}?"
     r"(phones?|devices?|tokens?|smart-?cards?|cards?|laptops?)\s+(that|which)\s+(holds?|has|have|stores?|keeps?|contains?)\s+"
     r"(their|his|her|my|our|your|the)\s+([\w-]+\s+)?keys?\b|"
     r"\bkeys?\b[^.?!]{0,30}?\b(be\s+|get\s+|is\s+|are\s+)(cancelled|canceled|voided|invalidated|killed|withdrawn)\b",
     r"\g<0> (revoke keys)"),
    (r"\bon hold\b", r"\g<0> (suspended)"),
    # a service that logs people in through the ID system receives, in the Identity spec, no national ID number but a
    # token for that partner ("the Identity Building Block will produce a unique and repeatable Partner Specific User
    # Token (PSUT)"; "This number must be kept secret within the Identity Building Block"; "will we receive their actual
    # national ID number, or something else to tell members apart?", f107-022)
    (r"\b(receive|get|see|obtain|collect|be\s+(given|sent|shown|passed))\s+(their|the|a|his|her|each\s+\w+['’]s|people['’]s|"
     r"citizens['’]|members['’]|users['’])\s+(actual\s+|real\s+|true\s+|full\s+)?(national\s+(id|identity|identification)|"
     r"citizen\s+id|id|identity)\s+(numbers?|nos?\.?)\b",
     r"\g<0> (Partner Specific User Token, PSUT, Unique Identifier kept secret)"),
    # boats and their crews out on the water are, in the Messaging spec's early-warning table, the marine ("Message to
    # marine through NAVTEX (NAVigational TEleX), Telephone, Telefax"; "how would the fishing boats that are already out at
    # sea get the warning?", e106-037)
    (r"\b(fishing\s+)?(boats?|ships?|vessels?|trawlers?|fishermen|fishers|sailors|seafarers|mariners)\b(?=[^.?!]{0,40}\b(at\s+sea|"
     r"on\s+the\s+(water|sea|ocean|lake)|offshore)\b)", r"\g<0> (marine)"),
    # a trigger wanted on a condition "instead of at a fixed clock time" is, in the Scheduler spec, out of its scope ("The
    # Scheduler can be used to trigger activities based on time only"; b77-004)
    (r"\b(instead\s+of|rather\s+than)\s+(only\s+|just\s+)?(at\s+|on\s+|by\s+)?(a\s+|the\s+)?(fixed|set|scheduled|specific|"
     r"preset|regular)\s+"
     r"(clock\s+)?(times?|hours?|dates?|schedule)\b", r"\g<0> (trigger activities based on time only, other conditions)"),
    # a thing lost that never turns up is, in the Identity spec, not retrieved ("If not retrieved after some time, the
    # document should be revoked"; b77-013, r67-011); a person who never turns up is a no-show (below)
    (r"\bit\s+(never|does\s*n[o'’]?t|doesn['’]t)\s+(turns?|shows?)\s+up\b", r"\g<0> (not retrieved after some time)"),
    # … and one found again was, there, retrieved ("After retrieval, the document should be unsuspended and usable again";
    # a76-019); not "if I find it hard"
    (r"\b(if|when|once|after)\s+(i|we|you|they|he|she|someone|somebody)\s+(find|finds|found|recover|recovers|recovered)\s+"
     r"(it|them|the\s+card|my\s+card|the\s+document|my\s+document)(?=\s*(again|back|later|next|tomorrow|in\b|after|"
     r"afterwards|[,.?!;]|$))", r"\g<0> (after retrieval)"),
    # signing up to alerts is, in the spec, subscribing to them ("an API for Subscribers to register for identity change
    # events"; "The Subscription Management APIs follow … WebSub and WebHooks"; b77-014)
    (r"\b(sign|signs|signing|signed|register|registers|registering|registered|enrol|enroll|enrols|enrolls|enrolling|"
     r"enrolled)\s+(up\s+)?(to|for)\s+(those\s+|these\s+|the\s+|their\s+|its\s+|such\s+|any\s+)?([\w-]+\s+){0,2}?"
     r"(alerts|notifications|updates|events|change\s+events)\b", r"\g<0> (subscribe, subscription)"),
    # what decides the moment something starts is, in the spec's words, what triggers it ("Based on national/regional
    # early warning systems, the anticipatory cash program is triggered …": "what decides the moment when money
    # actually starts going out?", "what has to happen before money can go out …?", seven writers)
    (r"\bwhat\s+(decides|determines|sets\s+off)\s+(the\s+moment|when|the\s+point|the\s+time)\b|"
     r"\bwhat\s+(has|needs)\s+to\s+happen\s+before\b|"
     # ("what actually sets off the payouts?", "what actually starts the payouts?", q92-026, r93-025)
     r"\bwhat\s+(actually\s+|really\s+|exactly\s+)?(starts|sets\s+off|kicks\s+off|launches|sparks|releases|unlocks)\s+"
     r"(the\s+|those\s+|these\s+)?([\w-]+\s+)?(payouts?|payments?|money|cash|disbursements?|transfers?|programm?e|response)\b|"
     # ("What starts off the AI chatbot use case for finding government services …?", c104-028: "Preconditions /
     # Triggers")
     r"\bwhat\s+(actually\s+|really\s+|exactly\s+|first\s+)?(starts|sets|kicks)\s+off\s+(the|this|that|a)\s+([\w-]+\s+){0,4}?"
     r"(use\s+case|scenario|process|workflow|flow|journey)\b",
     r"\g<0> (trigger, triggered)"),
    # whether everything must pass through the exchange layer is, in the architecture, whether an Information Mediator is
    # required ("An Information Mediator is not required for communication between building blocks which are
    # co-located"; "Does every single exchange of data between building blocks have to go through the Information
    # Mediator?", q92-011; "do they still have to send everything through the secure data-exchange gateway?", r93-016)
    # ("do they still have to talk to each other through that secure government data-exchange layer?", s94-014)
    (r"\b(have|has|need|needs|must)\s+to\s+(go|pass|be\s+(sent|routed|passed)|send\s+(everything|all(\s+\w+)?|it|them|data)|"
     r"route\s+(everything|all(\s+\w+)?|it|them|data)|(talk|communicate|speak|connect)(\s+(to|with)\s+(each\s+other|one\s+another))?)\s+"
     r"(through|via)\s+(the\s+|an?\s+|their\s+|our\s+|that\s+|this\s+)?"
     r"([\w-]+\s+){0,3}?(information\s+mediator|im|mediator|x-?road|gateway|(data[- ])?exchange\s+layer|bus)\b",
     r"\g<0> (Information Mediator required, not required for co-located building blocks)"),
    # undoing the steps already done when a later one fails is, in the architecture, a rollback or compensating
    # transaction, which falls to the Workflow building block ("where retry/rollback/compensating transactions must be
    # implemented"; "undo the earlier steps if the second one falls over", q92-018)
    (r"\bundo(es|ing|ne)?\s+(the\s+|all\s+the\s+|any\s+)?(earlier|previous|prior|first|completed|other|already[- ]done)\s+"
     r"(steps?|calls?|changes?|transactions?|actions?|parts?|payments?)\b",
     r"\g<0> (rollback, compensating transactions)"),
    # proof of a finished course is, in the Wallet spec, an educational certification ("from educational and professional
    # certifications to government-issued IDs"; "let young people who finish our course keep the proof on their phone",
    # r93-022)
    (r"\b(finish|finishes|finished|complete|completes|completed|pass|passes|passed)\s+(our|the|a|their|this|that)\s+"
     r"([\w-]+\s+)?(courses?|training|classes)\b(?=[^?.!]{0,60}\bproof\b)|"
     r"\b(course|training|class)\s+(certificates?|diplomas?)\b",
     r"\g<0> (educational and professional certifications)"),
    # an ID that no central body issues is, in the Identity spec, decentralized or self-issued, which it does not yet
    # cover ("Fully distributed approach (decentralized identity issuance or self-issuance) is not yet covered";
    # "people hold their own ID on their phone and nobody central issues it", r93-036)
    (r"\b(nobody|no\s+one|no\s+(central\s+)?(body|authority|agency|issuer|government|office))\s+(centrally\s+|central\s+)?"
     r"(issues?|issuing|hands?\s+out|gives?\s+out)\s+(it|them|the\s+ids?)\b|"
     r"\b(issue|issues|issuing|create|creates|creating|make|makes|making)\s+(their|his|her|your|our)\s+own\s+"
     r"(digital\s+)?(ids?|identit(y|ies)|credentials?)\b|\bself[- ](issued|issuing|sovereign)\b",
     r"\g<0> (decentralized identity issuance or self-issuance)"),
    # whom a document is written for is whom it is "intended to be used by" ("The Playbook is intended to be used by
    # digital teams"; "Who is it actually written for — senior officials like me, or the technical people?", q92-005)
    (r"\b(who|whom)\s+(is|are|was)\s+(it|this|that|they|the\s+[\w-]+(\s+[\w-]+)?)\s+(actually\s+|really\s+|mainly\s+|primarily\s+)?"
     r"(written|meant|intended|aimed|designed|made)\s+for\b|"
     # ("is it written for managers like me or only for programmers?", v97-006)
     r"\b(is|are)\s+(it|this|that|they)\s+(actually\s+|really\s+|mainly\s+)?(written|meant|intended|aimed)\s+(for|at)\s+"
     r"(managers|officials|people|programmers|developers|technical|non-technical|someone|us)\b",
     r"\g<0> (intended to be used by)"),
    # a call for bids is, in the playbook, a request for proposals, which GovExchange's RFP Radar gathers for vendors
    # ("Aggregates requests from organizations, allowing vendors to explore a wide range of opportunities"; "Publish/share
    # tenders"; "Is there a place … where I can post our call for bids so that suppliers … notice it?", r93-009)
    (r"\bcalls?\s+for\s+(bids|tenders?|proposals|offers)\b|\b(post|publish|advertise|share|list)\s+(our|a|the|their|my)\s+"
     r"([\w-]+\s+)?(tenders?|bids?|procurement\s+notices?)\b",
     r"\g<0> (RFP request for proposals, publish/share tenders, vendors)"),
    # whether a block does a job itself "or do other blocks do that?" is what its scope leaves to other blocks ("certain
    # elements will be outside the scope of the Wallet specification as they are defined in other GovStack Building
    # Blocks … delegated to the Consent Building Block", q92-017, t95-015)
    (r"\bor\s+(do|does|would|will)\s+(other|another|different|separate)\s+(building\s+)?(blocks?|bbs?)\s+(do|handle|take\s+care\s+of|"
     r"cover|manage)\s+(that|it|this|those|them)\b", r"\g<0> (outside the scope, delegated to other Building Blocks)"),
    # the RFC key words asked about are, in the architecture, "to be interpreted as described in RFC 2119" ("what does MUST
    # vs SHOULD mean in the spec?", s94-010)
    # (… "some words are written in all caps, does that mean something special", w98-006)
    (r"(?-i:\bMUST\b)[^?.!]{0,20}(?-i:\b(SHOULD|MAY)\b)|(?-i:\bSHOULD\b)[^?.!]{0,20}(?-i:\bMUST\b)|"
     r"\b(words|terms|keywords)\s+(are\s+|is\s+)?(written\s+|typed\s+|spelled\s+)?in\s+(all\s+)?(caps|capitals|capital\s+letters|"
     r"upper\s*case)\b|"
     # (… "does a lowercase 'must' carry the same weight as the all-caps MUST?", z101-005)
     r"\b(all[- ]caps|all[- ]capitals|capitali[sz]ed|upper[- ]?case|lower[- ]?case|small[- ]letter)\s+['\"‘“]?"
     r"(must|should|shall|may|required|recommended|optional)\b",
     r"\g<0> (key words, RFC 2119, keywords and definitions)"),
    # a shared platform's cost charged to each user of it is, in the cloud spec, allocated by usage ("The cost of running
    # the platform needs to be allocated according to the usage"; "could we bill each ministry for its own share …?",
    # s94-023)
    (r"\b(bill|billing|charge|charging|invoice|invoicing)\s+(each|every|the\s+individual|individual)\s+([\w-]+\s+)?"
     r"(ministr(y|ies)|departments?|agenc(y|ies)|tenants?|users?|offices?|teams?)\s+(for|by)\b|"
     r"\b(split|share|divide|allocate)\s+(the\s+)?(costs?|bills?)\s+(between|among|across)\s+(the\s+)?([\w-]+\s+)?"
     r"(ministries|departments|agencies|tenants|users|offices)\b",
     r"\g<0> (cost allocated according to the usage, metering)"),
    # picking the winner of a tender is, in the E-Marketplace spec, the evaluation and awarding it
    # leaves out ("The actual process of proposal, evaluation, and awarding of contract"; t95-020)
    # (judging the offers is glossed as bid evaluation above)
    (r"\b(pick|picks|picking|choose|chooses|choosing|select|selects|selecting)\s+(the|a)\s+winn(er|ing\s+bid)\b",
     r"\g<0> (proposal, evaluation, and awarding of contract)"),
    # which block decides when a message goes out is, in the spec, the Scheduler, and the Messaging block's scheduling
    # ("Scheduling messages according to some business logic"; "which block decides when that text actually goes out?",
    # t95-036)
    (r"\bdecides?\s+when\s+(that|the|this|a|each|those|these)\s+([\w-]+\s+)?(texts?|messages?|sms|reminders?|alerts?|"
     r"notifications?|emails?)\s+(actually\s+)?(goes\s+out|go\s+out|goes|go|gets?\s+sent|is\s+sent|are\s+sent)\b|"
     # (… and a text sent out on set dates: "reminder texts to go out automatically on particular dates", y100-013)
     r"\b(texts?|messages?|sms|reminders?|alerts?|notifications?|emails?)\s+(to\s+)?(go(es)?\s+out|going\s+out|be\s+sent|"
     r"get\s+sent|gets\s+sent|are\s+sent|is\s+sent|sent)\s+(out\s+)?(automatically\s+)?(on|at)\s+(particular|certain|set|"
     r"specific|given|fixed|chosen|planned|scheduled)\s+(dates?|days?|times?)\b",
     r"\g<0> (scheduling messages, Scheduler time-driven activities)"),
    # the permission someone gave for their data is, in the spec, their consent ("see, and take back, the permissions
    # they gave for their data to be shared", z101-017)
    (r"\bpermissions?\s+(that\s+)?(they|people|users|citizens|individuals|persons?|he|she|you|we|i)\s+(have\s+|had\s+)?"
     r"(gave|given|give|granted|grant)\b", r"\g<0> (consent)"),
    # the worked examples GovStack writes up are, in the spec, its reference use cases ("Who decides which example
    # scenarios GovStack writes up?", z101-009: "The Product Committee, who manage the reference use cases")
    (r"\b(example|sample|worked|model)\s+(scenarios?|stories)\b", r"\g<0> (reference use cases)"),
    # … and a handout of cash is a cash transfer ("in the cash handout scenario, how often do families get their
    # money?", z101-026)
    (r"\b(cash\s+)?hand-?outs?\b", r"\g<0> (cash transfer)"),
    # vouchers good only at some sellers are, in the Payments spec, redeemed at registered merchants ("merchants MUST be
    # registered in advance to create a network of trusted providers"; t95-040)
    (r"\b(spent|used|redeemed|cashed|accepted)\s+(only\s+)?(at|by|with)\s+(our\s+|the\s+|certain\s+|specific\s+|selected\s+)?"
     r"(approved|registered|certain|specific|selected|accredited|authori[sz]ed|licensed|chosen)\s+([\w-]+\s+)?(shops?|sellers?|"
     r"dealers?|merchants?|stores?|vendors?|agro-dealers?|suppliers?|traders?|outlets?)\b",
     r"\g<0> (merchants registered in advance, network of trusted providers)"),
    # one common set of security rules for every block is, in the security requirements, the cross-cutting requirements
    # that "apply to all building blocks" (u96-008)
    (r"\b(its|their)\s+own\s+security\s+(rules|requirements|standards|policies)\b|\b(one|a|the\s+same)\s+(common|shared|single)\s+"
     r"(set\s+of\s+)?(security\s+)?(rules|requirements|standards)\b",
     r"\g<0> (security requirements apply to all building blocks, cross-cutting)"),
    # checking someone is of age without seeing their birth date is, in the Identity spec, verifying one characteristic
    # without disclosing the attribute ("verify one characteristic of an individual without having to disclose actually
    # the recorded related attributes … The typical request response is Yes or No"; v97-023)
    (r"\b(over|under|above|at\s+least)\s+(\d{2})\b(?=[^?]{0,60}\bwithout\b[^?]{0,40}\b(birth\s*day|birth\s+date|date\s+of\s+"
     r"birth|dob|age)\b)",
     r"\g<0> (verify one characteristic without disclosing the attributes, Yes or No answer)"),
    # how much each clerk got through is, in the Registration spec, its statistics ("the number of processed applications
    # (per operator, registration, service, date)"; "how many applications each clerk handled per month", r93-023, and
    # "how many files each clerk has handled", an earlier writer)
    # ("how many files each of my counter staff got through", s94-021)
    (r"\bhow\s+many\s+(applications|requests|cases|files|registrations|forms|claims)\s+(each|every|per|a|one)\s+"
     r"(of\s+(my|our|the|their|your)\s+)?([\w-]+\s+)?"
     r"(clerks?|officers?|operators?|staff(\s+members?)?|employees?|workers?|agents?|case\s*workers?)\b",
     r"\g<0> (statistics, number of processed applications per operator)"),
    # the approval steps behind a web form are, in the spec, a process run by the Workflow building block ("the CMS can
    # initiate a request through a web form determining the starting of a new process instance"; "the back-office
    # approval steps for things like permit requests", q92-016, r93-014)
    # (… or "an automated approvals engine", s94-017)
    (r"\bback[- ]office\s+(approval\s+|review\s+|processing\s+)?(steps?|process(es|ing)?|workflows?|procedures?)\b|"
     r"\b(automated\s+|automatic\s+)?approvals?\s+engines?\b",
     r"\g<0> (Workflow building block, process instance)"),
    # … and an application started on a website is a request initiated through a web form ("Could young people start
    # their application right on that site …?", r93-014)
    (r"\b(start|starts|begin|begins|submit|submits|file|files|lodge|lodges|make|makes)\s+(their|an?|the|his|her|your|our)\s+"
     r"(applications?|requests?|claims?)\s+(right\s+|directly\s+)?(on|through|via|from)\s+(that|the|our|their|this|a)\s+"
     r"(web\s*)?(site|website|portal|web\s+page)\b|"
     # ("Could citizens fill in an online form there to kick off an application …?", s94-017)
     r"\b(fill|fills|filling|filled)\s+(in|out)\s+(an?\s+|the\s+)?(online|web)\s+forms?\b(?=[^?.!]{0,40}\b(start|begin|"
     r"initiate|kick|launch|submit)\w*\s+(an?\s+|the\s+|their\s+)?(applications?|requests?|process(es)?|claims?)\b)|"
     # ("Could it [our CMS website] serve as the front door where citizens start an e-service request?", y100-016)
     r"\b(front\s+door|entry\s+point|way\s+in)\b(?=[^?.!]{0,60}\b(start|begin|submit|initiate|lodge|file|make)\w*\s+"
     r"(an?\s+|the\s+|their\s+)?([\w-]+\s+)?(applications?|requests?|claims?)\b)",
     r"\g<0> (initiate a request through a web form)"),
    # whether a spec is stable or being reworked is what its release notes say of its version ("This early release
    # represents the direction in which the Working Group …", m88-011)
    (r"\b(stable|mature|final|finished|settled|ready)\s+enough\b|\b(being|getting)\s+(reworked|rewritten|redone|overhauled|"
     r"revised|restructured)\b|\bstill\s+(changing|in\s+flux|a\s+draft|being\s+(written|worked\s+on|reworked))\b",
     r"\g<0> (release notes, early release version)"),
    # a ready-made kit of screen components is, in the UI/UX guidelines, a design system, which they do not give ("define
    # high-level service patterns rather than anything more specific like a design system", m88-033)
    (r"\bready[- ]made\s+([\w-]+\s+){0,4}?(components?|styles?|widgets?|screens?|ui|interfaces?|look(\s+and\s+feel)?)\b|"
     r"\b(ui|component|widget)\s+(kits?|librar(y|ies))\b", r"\g<0> (design system, high-level service patterns)"),
    # an account with a password for every service is, in the UI/UX authentication pattern, what to avoid ("avoiding the
    # need for user accounts where possible … one-time GUID links", o90-017)
    (r"\b(username|user\s*name|login|password)s?\s+(and|&)\s+(a\s+)?(password|pin)s?\b(?=[^?]{0,60}\b(every|each|all|"
     r"separate)\b)|\b(accounts?|logins?|passwords?)\s+for\s+(every|each|all\s+the|all)\s+([\w-]+\s+){0,2}?(services?|sites?|"
     r"portals?|apps?)\b", r"\g<0> (user accounts, avoiding the need for user accounts)"),
    # a block taking over the screen is, in the architecture, UX switching and handover ("control over the User Interface
    # may need to be passed … the UX can be handed off to the Payment Building Block", p91-017, h83-040)
    (r"\b(take|takes|taking|took)\s+over\s+(the|their|our|its|a)\s+(screens?|ui|user\s+interface|display|page)\b|"
     r"\b(show|shows|showing|present|presents|presenting|use|uses|using)\s+(its|their)\s+own\s+(screens?|ui|user\s+interface|"
     r"pages?|forms?)\b|"
     # ("who actually shows me the screen where i type my payment details?", q92-015; "whose screen are you actually
     # typing your account details into?", r93-017)
     r"\b(who|whose)\b[^?.!]{0,30}?\bscreens?\b(?=[^?.!]{0,60}\b(pay|pays|paying|payments?|bills?|card|account\s+details|"
     r"bank)\b)|"
     # ("does our own app have to build the screen where they type in their payment details?", t95-013)
     r"\b(build|builds|building|design|designs|designing|make|makes|create|creates)\s+(the|its|their|our|a|an)\s+(own\s+)?"
     r"([\w-]+\s+)?(screens?|pages?|forms?)\b(?=[^?.!]{0,60}\b(pay|pays|paying|payments?|bills?|card\s+details|bank\s+details)\b)",
     r"\g<0> (UX switching and handover, control over the User Interface)"),
    # contracts people sign are, beside consent, generic agreements: the playbook's FAQ "Can Consent BB handle generic
    # agreements? … no, Consent BB is not intended/designed for that" (n89-021)
    (r"\b(loan|credit|rental|lease|tenancy|employment|purchase|sales|commercial|legal|legally\s+binding|binding|business)\s+"
     r"(contracts?|agreements?)\b", r"\g<0> (generic agreements)"),
    # deciding which services to put online first is, in the implementation playbook, service prioritization ("Defining
    # which services should be digitized first …"; m88-019, n89-008)
    (r"\b(decide|deciding|decides|choose|choosing|pick|picking|select|selecting|know|work\s+out|figure\s+out)\s+(which|what)\s+"
     r"(of\s+(its|their|our|the|your)\s+)?(ones?|services?|to)\b[^.?!]{0,50}?\b(first|before\s+the\s+others|to\s+start\s+with)\b|"
     r"\bwhich\s+(ones?|services?)\s+(should\s+|to\s+|do\s+we\s+|we\s+should\s+)?(do|tackle|digiti[sz]e|put\s+online|start\s+with|"
     r"prioriti[sz]e|move\s+online)\s+first\b", r"\g<0> (service prioritization, which services should be digitized first)"),
    # people signed up for a programme are, in the use cases and the Registration spec, registered and enrolled ("how do
    # people get signed up — do teams go door to door …?" → "Registration can occur either through mass-census survey, or
    # on-demand at local offices"); not an account (above) or alerts (subscribing)
    (r"\b(get|gets|got|getting|be|are|is|were|was)\s+signed\s+up\b(?!\s+(to|for)\s+(an?\s+)?(accounts?|logins?|alerts|"
     r"notifications|updates|events)\b)", r"\g<0> (registration, enrollment)"),
    # personal details hidden inside a number are, in the Identity spec, personally identifiable information it should
    # not contain ("it is recommended that such number does not contain any personally identifiable information"; a76-031)
    (r"\b(numbers?|identifiers?|ids?|codes?)\b[^.?!]{0,80}?\b(hidden|encoded|built|baked|embedded|buried)\s+(in|inside|into|"
     r"within)\b(\s+(it|them|the\s+number|the\s+code))?|"
     r"\b(numbers?|identifiers?|ids?|codes?)\s+(will\s+|would\s+|could\s+|might\s+)?(reveal|reveals|give\s+away|gives\s+away|"
     r"leak|leaks|show|shows|contain|contains|include|includes|have|has)\s+(my|our|their|his|her|the\s+person'?s)\s+"
     r"(birthday|birth\s*date|date\s+of\s+birth|age|gender|sex|name|place\s+of\s+birth|home\s+town|region)\b",
     r"\g<0> (number contains personally identifiable information)"),
    # a message that can't get through to a system is, in the spec, a communication failure, retried ("detect
    # communication failure with other building blocks and applications and perform retries"; b77-005)
    (r"\b(can\s*n[o'’]?t|cannot|can['’]t|could\s*n[o'’]?t|does\s*n[o'’]?t|doesn['’]t|did\s*n[o'’]?t|didn['’]t|won['’]t|fails?\s+to)"
     r"\s+get\s+through\b(?=[^.?!]{0,40}\b(app|apps|system|systems|server|servers|service|services|application|"
     r"applications|endpoint|platform|block|building\s+block)s?\b)", r"\g<0> (communication failure, retries)"),
    # … and a text or an email that doesn't reach a person is, in the Messaging spec, not delivered ("Unsent and
    # unsuccessfully delivered messages must remain in a queue …"; "Messages not delivered in a period of 24 hours";
    # "what happens if a parent's phone is switched off and the text doesn't get through?", v97-038)
    (r"\b(texts?|sms|messages?|emails?|e-mails?|reminders?|alerts?)\s+(can\s*n[o'’]?t|cannot|can['’]t|could\s*n[o'’]?t|does\s*n[o'’]?t|"
     r"doesn['’]t|did\s*n[o'’]?t|didn['’]t|won['’]t|fails?\s+to|never)\s+(gets?|got)\s+(through|delivered)\b"
     # (not to a system: that is a communication failure, above)
     r"(?![^.?!]{0,80}\b(app|apps|system|systems|server|servers|service|services|application|applications|endpoint|platform|"
     r"block|building\s+block)s?\b)",
     r"\g<0> (messages not delivered, unsuccessfully delivered, queue)"),
    # an application sent with a paper forgotten is, in the Registration spec, incomplete ("in case the information entered
    # is incomplete or incorrect, send the file back to the applicant for correction"; a76-033)
    (r"\b(forgot|forgotten|forget|left\s+out|missed|missing|without)\s+(to\s+(attach|add|include|upload|send)\s+)?(one|a|an|some|"
     r"the|my|his|her|their|two|a\s+few)\s+(required\s+|needed\s+|supporting\s+)?(papers?|documents?|attachments?|"
     r"certificates?|files?|pages?)\b", r"\g<0> (incomplete, sent back for correction)"),
    # a cut-off time is, in the spec, a deadline ("If participant does not update attendance to Scheduler within this
    # deadline …"; a76-020)
    (r"\bcut[- ]?off(\s+(time|date|hour|day|point))?\b", r"\g<0> (deadline)"),
    # a record of what each user clicked and did is, in the spec, a user action log ("By default user action log is stored
    # for 1 year"; t69-025)
    (r"\b(records?|logs?|history|trail|list|track)\s+of\s+(what|everything|all\s+(that|the\s+things?))\s+(each\s+|every\s+|"
     r"the\s+|our\s+|a\s+)?(users?|persons?|people|staff|officers?|clerks?|operators?|admins?|employees?)\s+(has\s+|have\s+)?"
     r"(clicked|click|did|does|do|done|changed|touched|looked\s+at|viewed)\b",
     r"\g<0> (user action log, audit trail)"),
    (r"\b(hang|hangs|hanging|hung|hold|holds|holding)\s+on\s+to\b", r"\g<0> (store)"),
    # looking at something without being able to change it is, in the spec, read-only access ("reader: Customer role
    # with read-only access"; x73-017)
    (r"\b(look|looks|looking|see|sees|seeing|view|views|viewing|check|review|browse|read)\b[^.?!]{0,60}?\bwithout\s+"
     r"(changing|editing|modifying|touching|altering|being\s+able\s+to\s+(change|edit|modify|touch))\s+"
     r"(anything|a\s+thing|it|them|stuff|any\s+of\s+it)\b|"
     r"\b(only|just)\s+(look|see|view|read)\b[^.?!]{0,30}?\b(but|and)\s+(not|never|can'?t|cannot|can\s+not)\s+"
     r"(change|edit|modify|touch)\b",
     r"\g<0> (read-only access)"),
    # a receiving system that is down is, in the Information Mediator spec, offline ("Published messages should be stored
    # so that delivery may be done and retried asynchronously, e.g. if certain Subscribers are offline"; m62-030, n63-018)
    # (… "one of the district apps that listens for updates goes offline": the system named a few words before)
    (r"\b(server|servers|system|systems|site|service|services|endpoint|app|apps|application|applications)\s+"
     r"([^.?!,;]{0,50}?\s)?" + _IS_DOWN,
     r"\g<0> (offline, delivery retried)"),
    # money turned from one currency into another is, in the Payments spec, currency conversion ("there is no exchange
    # rate conversion"; "supports multicurrency payments"; s68-004)
    (r"\b(turn|turns|turning|convert|converts|converting|change|changes|changing|exchange|exchanges|exchanging|swap|swaps)\s+"
     r"(the\s+|their\s+|our\s+|those\s+|these\s+)?(us\s+)?(dollars|euros|pounds|usd|eur|foreign\s+(money|currency|currencies|cash)|"
     r"hard\s+currency|it|them|that|this)\s+(in)?to\s+(the\s+)?(local|our|national|domestic|our\s+own)\s+(money|currency|cash)\b",
     r"\g<0> (currency conversion, exchange rate conversion, multicurrency)"),
    # ("will it switch one money into the other for us?", v71-023)
    (r"\b(turn|turns|turning|convert|converts|converting|change|changes|changing|exchange|exchanges|exchanging|swap|swaps|"
     r"switch|switches|switching)\s+(one|the\s+one)\s+(money|currency|cash)\s+(in)?to\s+the\s+other\b|"
     r"\b(two|both|several|multiple|different)\s+(kinds\s+of\s+)?(currencies|moneys|monies)\b",
     r"\g<0> (currency conversion, exchange rate conversion, multicurrency)"),
    # … and a country that pays in two currencies (after the two above: a conversion asked is theirs) is a multicurrency one ("The Payments Building Block
    # supports multicurrency payments in countries where there is more than one currency used"): five blind writers asked
    # it in their own words (d79-023, e80-020, h83-021, i84-023, j85-021)
    (r"\b(two|both|several|multiple|more\s+than\s+one|different|foreign)\s+([\w-]+\s+){0,2}?(currenc(y|ies)|moneys)\b|"
     r"\b(us\s+)?(dollars?|euros?|usd)\b(?![^?]{0,20}\binto\b)(?=[^?]{0,60}\b(local|own|national|domestic)\s+(money|currency)\b)|"
     r"\b(local|own|national|domestic)\s+(money|currency)\b(?=[^?]{0,60}\b(dollars?|euros?|usd)\b)",
     r"\g<0> (multicurrency)"),
    # money put aside to cover payments is, in the Payments spec, a prefunded account, and money run out is insufficient
    # funds ("The amount that is paid to the merchant or agent is debited from a prefunded account"; "FSP -->> Payment
    # BB: Insufficient funds"; a76-013)
    (r"\b(money|funds?|cash|budget|balance|account|float|wallet)\s+([\w'’-]+\s+){0,8}?(has\s+|have\s+|had\s+|is\s+)?(run|runs|ran|"
     r"running)\s+(out|dry|low)(\s+of\s+(money|funds|cash|balance))?\b|\b(run|runs|ran|running)\s+out\s+of\s+(money|funds|cash|balance)\b",
     r"\g<0> (insufficient funds)"),
    (r"\b(money|funds|cash|budget|amount)\s+(that\s+(was|is|has\s+been|were|are)\s+)?(put|set|kept)\s+aside\b|"
     r"\b(money|funds|cash|budget)\s+(that\s+(was|is|has\s+been)\s+)?(reserved|earmarked|ring-?fenced)\b",
     r"\g<0> (prefunded account)"),
    # a key or credential left behind after signing is, in the eSignature spec, deleted or expired ("The private key is
    # deleted from the HSM", "The X509 certificate is set to expire 1 minute from the time of creation"; y74-028)
    (r"\b(leave|leaves|leaving|left)\s+([\w-]+\s+){0,3}?(keys?|credentials?|certificates?)\s+(\w+\s+){0,3}?(behind|lying\s+around)\b|"
     r"\b(lasting|permanent|leftover|left-over|lingering)\s+([\w-]+\s+)?(keys?|credentials?|certificates?)\b|"
     # … and what becomes of the key after signing ("what happens to the signing key afterwards — could somebody reuse
     # it later?", q92-038; "what happens afterwards to the secret material that was used to sign? Does it stay
     # around?", r93-037)
     r"\bsigning\s+keys?\b[^?.!]{0,30}?\b(afterwards?|after\s+that|later|reused?|re-used?|stays?\s+around|kept)\b|"
     r"\bafterwards?\s+to\s+the\s+([\w-]+\s+){0,2}?(keys?|secrets?|material)\s+(that\s+|which\s+)?(was|were|is|are)\s+"
     r"used\s+to\s+sign\b",
     r"\g<0> (private key deleted, certificate expires)"),
    # a service used without making an account is, in the UI/UX guidelines, one a user returns to "without needing an
    # account" ("One-Time GUID Links … allowing them to return to their session without needing an account"; d36-011)
    (r"\b(without|instead\s+of|rather\s+than)\s+(forcing|making|requiring|asking|having|getting|needing)?\s*(them|users?|people|"
     r"parents|citizens|applicants|customers|visitors|everyone|anyone|someone)?\s*(to\s+)?(create|creating|make|making|open|"
     r"opening|set\s+up|setting\s+up|register\s+for|sign\s+up\s+for)\s+(an?\s+|their\s+own\s+)?(user\s+)?(accounts?|acc?ounts?|logins?)\b|"
     r"\b(without|no)\s+(needing\s+|having\s+)?(an?\s+)?(user\s+)?(accounts?|acc?ounts?)\b",
     r"\g<0> (without needing an account, return to their session)"),
    # a user's login token forwarded to another organisation is, in the security requirements, not how access is decided
    # there ("The authorization and level of access is defined at the organization level, not the user level"; c52-029,
    # r44-014, m42-029)
    (r"\b(forward|forwards|forwarded|forwarding|pass|passes|passing|propagate|propagates|propagated|propagating|relay|relays|"
     r"relayed|relaying)\s+(on\s+|along\s+)?(each|the|our|their|a|an|his|her|its|every|that)\s+([\w-]+\s+)?"
     # (a person's token: "the logged-in citizen's JWT", "each caseworker's login token"; not "pass the token in the header")
     r"([\w-]+['’]s\s+|logged-in\s+|log-?in\s+)((login|log-in|access|session|bearer|oidc|auth)\s+)?(tokens?|jwts?)\b|"
     r"\b(login|log-in|access|user|session|bearer|oidc|auth)\s+(tokens?|jwts?)\s+(gets?\s+|is\s+|are\s+|be\s+)?"
     r"(passed|forwarded|propagated|relayed)(\s+(along|on|through))?\b",
     r"\g<0> (authorization across organizations: organization level, not the user level)"),
    # a system that listens for updates or events is, in the Information Mediator spec, a subscriber of the pub/sub layer
    # ("Subscribers … receive messages"; t69-035)
    (r"\b(listen|listens|listening)\s+(for|to|out\s+for)\s+([\w'-]+\s+){0,2}(updates|events|messages|notifications|"
     r"changes)\b", r"\g<0> (subscribers, pub/sub)"),
    # … as is a system told of what happens without asking again and again ("wants to be told automatically every time
    # a new family is registered …, without constantly polling us", b103-018; not "alerted whenever a truck leaves a
    # quarantine area", a GIS geofence, a50-013)
    (r"\bwithout\s+(constantly\s+|continuously\s+|repeatedly\s+|always\s+|having\s+to\s+(keep\s+)?)?(polling|"
     r"checking\s+back|asking\s+again)\b",
     r"\g<0> (publish events to subscribers, pub/sub)"),
    # updates pushed out to several systems at once are, in the Information Mediator spec, events published to its
    # subscribers ("we push route-change updates out to several depot apps", e54-012)
    (r"\b(push|pushes|pushed|pushing|send|sends|sent|sending|broadcast|broadcasts|broadcasting|fan|fans|fanning|"
     r"distribute|distributes|distributed|distributing)\s+(out\s+)?([\w'-]+\s+){0,3}(updates|events|changes|notifications|"
     r"notices)\s+(out\s+)?(to|across)\s+(several|many|multiple|all|all\s+the|all\s+our|every|various|a\s+number\s+of|"
     r"a\s+few|lots\s+of|dozens\s+of|(\d+|two|three|four|five|six|ten)(\s+or\s+more)?|each\s+of\s+(the|our))\s+"
     r"([\w'-]+\s+){0,2}(systems|apps|applications|services|agencies|ministries|offices|departments|databases|registries)\b",
     r"\g<0> (publish events to subscribers, pub/sub)"),
    # someone who does not turn up or check in for an event is, in the Scheduler spec, a no-show ("If all participants
    # are in no-show status then the event status is no-show"; n63-019)
    (r"\b(nobody|no\s*one|none\s+of\s+(them|the\s+[\w-]+))\b[^.?!]{0,60}?\b(turns?|shows?|comes?)\s+up\b|"
     # ("what if literally nobody comes?", v71-030)
     r"\b(nobody|no\s*one|none\s+of\s+them)\s+((\w+ly|actually|even)\s+)?(comes|came|attends|attended|shows|showed)\b(?!\s+(to|from|back)\b)|"
     # (… a person, not a thing: "what if it never turns up?" is a lost card, b77-013)
     r"(?<!\bit\s)" + _NOT_DONE + r"(turn|turns|turned)\s+up\b|"
     + _NOT_DONE + r"(check|checks|checked)\s+in\b|\bfails?\s+to\s+(attend|appear)\b", r"\g<0> (no-show)"),
    # checking suppliers before they may bid is, in the e-Marketplace spec, vetting and empanelling them ("assume that the
    # providers (businesses) are already vetted and empanelled by the consumer"; n63-006)
    (r"\b(check|checks|checking|screen|screens|screening|shortlist|shortlists|shortlisting|pre-?qualify|pre-?qualifying|"
     r"approve|approves|approving|accredit|accrediting)\s+(and\s+[\w-]+\s+)?(the\s+|our\s+|new\s+)?"
     r"(suppliers?|vendors?|providers?|businesses|sellers?|bidders?)\b|"
     # ("will it check out my business and approve me as a new supplier?")
     r"\b(check|checks|checking|checked)\s+out\s+(my|our|their|his|her|the|a)\s+(business|company|firm|shop|store)\b|"
     r"\b(approve|approves|approving|approved|accept|accepts|accepting|register|registers|registering)\s+(me|us|them|him|her|"
     r"it)\s+as\s+(an?\s+)?(new\s+)?(suppliers?|vendors?|providers?|sellers?|bidders?)\b", r"\g<0> (vetted and empanelled)"),
    # not knowing which bank or mobile-money provider a payee uses is what the Payments spec's account lookup answers
    # ("The account lookup directory service identifies the Financial Service Providers (FSP) where the … payee's account
    # is located")
    (r"\b(which|what)\s+(bank|banks|mobile\s+money\s+(provider|operator|account|wallet)s?|(payment|financial)\s+(service\s+)?"
     r"providers?)(\s+or\s+(mobile\s+money\s+)?(provider|operator|account|wallet|bank)s?)?\s+(they|he|she|people|each\s+person|"
     r"beneficiaries|recipients|payees|citizens|someone|a\s+person)\s+(use|uses|has|have|bank\s+with)\b",
     r"\g<0> (account lookup, Financial Service Providers)"),
    # a sector's own identifier is, in the Identity spec, a functional ID ("Functional ID: … voter identification, ration
    # cards, social security numbers, health cards, tax numbers"; "functional identity is not in the scope of this
    # document")
    (r"\b(tax(payer)?\s+(identification\s+|id\s+|reference\s+)?(numbers?|ids?)|voter\s+(ids?|cards?)|"
     r"social\s+security\s+numbers?|health\s+(insurance\s+)?cards?|ration\s+cards?)\b", r"\g<0> (functional identity)"),
    # ("how long should the platform keep attempting it before it stops and writes it off?", d105-007)
    (r"\b(keep|keeps|kept|keeping) (on )?(re)?(trying|attempting)\b", r"\g<0> (retried)"),
    (r"\b(blow|blows|blew|blown|blowing) up\b", r"\g<0> (failure)"),
    # a process that crashes has failed, and one started after it, to deal with it, is, in the Workflow spec, started by a
    # flow trigger ("a “flow-trigger” which can instantiate a process based on … “failure of/exception in” an earlier
    # process"; e37-022, k60-039)
    (r"\b(crash|crashes|crashed|crashing)\b(?!\s+(course|test|helmet)s?\b)", r"\g<0> (failure)"),
    (r"\b(follow-?up|follow\s+up|clean-?up|recovery|fallback|compensating|rollback|roll-back)\s+(jobs?|process(es)?|workflows?|"
     r"tasks?)\b", r"\g<0> (flow-trigger, failure of an earlier process)"),
    # …and what is given up on is, in the spec, failed ("must be labeled as failed and go out of the queue")
    (r"\b(give|gives|gave|given|giving) up\b", r"\g<0> (failed)"),
    # what a seller still has in stock is, in the spec, available ("Check availability of a resource in an inventory");
    # a key or token that stays valid so long has a life time ("tokens/certs have a limited life time of maximum one
    # day"); a person who gets an ID for the first time is enrolled afresh ("9.2.1 Enrollment Workflow (Fresh
    # Enrollment)"). The spec uses none of these phrases for these things.
    (r"\b(in|out of) stock\b", r"\g<0> (availability)"),
    (r"\b(stay|stays|remain|remains|stayed|remained) valid\b", r"\g<0> (life time)"),
    (r"\b(get|gets|getting|got|apply for|applies for|applying for|register for|registers for)\s+(a |an |their |his |her |"
     r"the )?(national |new )?(ids?|identity|id cards?|id numbers?|identity cards?)\b.{0,40}?\bfor the first time\b",
     r"\g<0> (fresh enrollment)"),
    # what shows up or appears in logs is, in the spec, what a system prints ("The system shall not print sensitive
    # information")
    (r"\b(show|shows|showing|showed|turn|turns|end|ends|ending)\s+up\s+in\s+([\w'’-]+\s+){0,3}?logs?\b|"
     r"\b(appear|appears|appearing|appeared)\s+in\s+([\w'’-]+\s+){0,3}?logs?\b", r"\g<0> (print)"),
    # one person attached to several places at once is, in the spec, affiliated with multiple entities ("Affiliate a
    # registered resource into one or more entities with non-overlapping weekdays and working hours")
    (r"\b(attach|attached|attaching|tie|tied|assign|assigned|link|linked)\s+to\s+(several|multiple|many|two|three|"
     r"different|more than one)\b|"
     # ("Our consultants split their week between two district clinics", s94-039)
     r"\b(split|splits|splitting|divide|divides|dividing)\s+(their|his|her|the)\s+(week|time|days?|hours)\s+between\s+(two|three|"
     r"several|multiple|different)\b|\b(work|works|working)\s+(at|in|across)\s+(two|three|several|multiple|different)\s+"
     r"([\w-]+\s+)?(clinics|hospitals|sites|offices|facilities|branches|schools)\b",
     r"\g<0> (affiliated with multiple entities)"),
    # who sets a thing up is, in the spec, who creates it ("Room is created by its owner organization")
    (r"\bwho\b[^?.]{0,30}\b(set|sets|setting)\s+([\w-]+\s+){0,2}?up\b", r"\g<0> (created by)"),
    # a message sent again is, in the spec, repeated ("repeating an alert if acknowledgement is not received"), and
    # someone confirming they got it acknowledges it
    (r"\b(send|sends|sent|sending|push|pushes|pushed)\s+(it|them|that|this|those|these|the\s+[\w-]+|"
     # ("send a patient the reminder again", o64-029)
     r"(a|an|the|their|his|her)\s+[\w-]+\s+(the|a|an)\s+[\w-]+)\s+(out\s+)?again\b|"
     r"\bre-?send(s|ing)?\b", r"\g<0> (repeating)"),
    (r"\bconfirm(s|ed|ing)?\s+(that\s+)?(they|he|she|people|recipients?|users?|citizens?|households?|clients?|patients?)\s+"
     r"(got|received|have\s+received|has\s+received|saw|have\s+seen|read)\b", r"\g<0> (acknowledgement)"),
    # what is switched or turned on is, in the spec, activated ("POST /geofences/{geofenceId}/activate"), and off
    # deactivated
    (rf"\b(switch|switches|switched|switching|turn|turns|turned|turning)\s+{_SWITCHED}?on\b", r"\g<0> (activate)"),
    (rf"\b(switch|switches|switched|switching|turn|turns|turned|turning)\s+{_SWITCHED}?off\b", r"\g<0> (deactivate)"),
    # offers, bids or tenders judged or scored are, in the spec, evaluated ("4.11 Bid Evaluation": "The evaluation shall
    # be conducted by the consumer, only")
    # (… "can they score each other's offers?", "who does the scoring?": a76-024)
    (r"\b(judg|scor|rank|assess|grad|mark)(e|es|ed|ing|s)?\s+(the\s+|their\s+|our\s+|those\s+|these\s+|each\s+other'?s\s+|"
     r"one\s+another'?s\s+)?([\w-]+(?:'s|')?\s+)?"
     r"(offers|bids|tenders|proposals|quotations|quotes|submissions)\b|\b(tenders?|bids?|offers?)\s+(are\s+|get\s+|is\s+)?"
     r"(judged|scored|ranked|assessed|graded|marked)\b|"
     r"\b(does|do|did|will|should)\s+the\s+(scoring|grading|marking|judging)\b(?=[^.?!]{0,80}\b(offers?|bids?|tenders?|"
     r"proposals?|quotations?|quotes|submissions?)\b)", r"\g<0> (bid evaluation)"),
    # software that works an old application through its screens, as a person would, is robotic process automation
    # ("Workflow will not need to provide RPA (Robotic Process Automation)"); the spec has no other word for it
    (r"\bscreen[- ]?scrap(e|es|ed|ing|er|ers)\b|\bscreen[- ]based (app|apps|application|applications|system|systems|"
     r"tool|tools)\b|\b(drive|drives|driving|click|clicks|clicking)( through)? (the |its |an? |that |our |their )?"
     r"(old |legacy |existing )?(desktop |screen[- ]based )?(apps?|applications?|ui|user interface|gui|screens)\b",
     r"\g<0> (Robotic Process Automation, RPA)"),
    # many things sent "in one go" or "all at once" are, in the spec, one batch ("The number of transactions that can be
    # included in a single batch is limited by the size of the file upload")
    (r"\b(in (one|a single) (go|shot|hit)|all at once|in one batch)\b", r"\g<0> (in a single batch)"),
    # how big the files people attach may be is, in the Registration spec, a validation option the analyst configures
    # ("File upload size max limit"; "Is there a fixed cap on how big their attachments can be …?", d105-019)
    (r"\bhow\s+(big|large|heavy)\s+(their\s+|the\s+|an?\s+|our\s+|each\s+)?([\w-]+\s+)?(attachments?|uploads?|uploaded\s+files?|"
     r"scans?|scanned\s+(files?|documents?|papers?))\b|\b(size|file[- ]size)\s+(limits?|caps?|ceilings?)\s+(on|for)\s+"
     r"(the\s+|their\s+|our\s+)?([\w-]+\s+)?(attachments?|uploads?|files?|documents?|scans?)\b|"
     r"\b(attachments?|uploads?|uploaded\s+files?)\s+(are|is)\s+too\s+(big|large)\b",
     r"\g<0> (file upload size max limit)"),
    # a record someone doctors or fiddles with is, in the spec, tampered with or altered ("must not be editable by any
    # user", "a controlled clock which cannot be altered"); "doctor" the noun is the spec's word for a physician
    (r"\b(doctored|doctoring)\b|\bfiddl(e|es|ed|ing) with\b", r"\g<0> (tampered, altered)"),
    # an option's weaknesses or drawbacks are, in the spec, its disadvantages or limitations ("There are some inherent
    # disadvantages of OpenID Connect as well", "it has some limitations and challenges")
    (r"\b(weakness|weaknesses|downsides?|drawbacks?)\b", r"\g<0> (disadvantages, limitations)"),
    # a product that behaves the way the specs say is, in the spec, compliant and validated against them ("a testing
    # platform that allows existing products to validate their APIs against the GovStack specifications")
    (r"\b(the way|as|like|what) (the |your |govstack'?s? )?(spec|specs|specification|specifications|standards?) "
     r"(says?|describes?|requires?|wants?|defines?|expects?)\b|"
     # ("Is there an official way to check a product against the specs?", r93-006)
     r"\b(check|checks|checking|test|tests|testing|verify|verifying|measure|assess|assessing)\s+(a|the|our|their|its|your|any|"
     r"each|that|this)\s+([\w-]+\s+)?(products?|solutions?|systems?|software|tools?|platforms?)\s+against\s+(the\s+)?"
     r"(govstack\s+)?(spec|specs|specification|specifications|standards?)\b",
     r"\g<0> (compliant, validate against the specifications)"),
    # … and so is a vendor's claim that its product "complies with GovStack", "works with GovStack", is "GovStack-compatible"
    # (y100-005, z101-004: how to check such a claim)
    (r"\b(compl(y|ies|ying)|conforms?|conforming|works?|working|is\s+compatible|are\s+compatible|aligns?|is\s+aligned)\s+"
     r"with\s+(the\s+)?govstack(?=\s*[.,;:!?'\"’”)]|\s*$)|"  # (not "works with GovStack's Information Mediator")
     r"\bgovstack[- ](compatible|conformant|ready)\b",
     r"\g<0> (compliant, validate against the specifications)"),
    # blocks reading and writing the same database share it ("Building blocks MUST NOT use shared databases"): qa_dev37
    # +1, nothing else changed
    (r"\b(the )?same ([\w-]+ )??(database|db|data ?base|tables?|file ?system|storage)s?\b", r"\g<0> (shared database)"),
    # … as do blocks on one database product's instance ("the same Postgres instance")
    (r"\b((the )?same|(one |a |a single )?shared) (postgres(ql)?|mysql|mariadb|oracle|mongo(db)?|sql server|mssql|redis|elasticsearch|couchdb|"
     r"cassandra)( (instance|server|cluster|schema|database|db))?\b", r"\g<0> (shared database)"),
    # … and so do blocks that share one database, use a common set of tables, read each other's tables or read straight
    # out of another block's database
    (r"(?:\bshar(e|es|ed|ing)\s+(one|a|the|a single|one single|their)\s+([\w-]+\s+)?(database|db|tables|storage|file ?system)\b|"
     r"\b(one|a) common\s+(set of\s+)?(database|db|tables)\b|"
     r"\b(read|reads|reading|query|querying|access|accessing|write|writes|writing)\s+(into\s+|from\s+)?(each other'?s|"
     r"one another'?s)\s+(databases?|db|tables)\b|"
     r"\b(read|reads|reading|query|pull|pulls|access)\b[^.?!]{0,40}\b(straight|directly)\s+(out of|from)\s+(the\s+)?"
     r"[\w\s'-]{0,40}?'s\s+(database|db|tables)\b|"
     # ("can our module just peek straight into another building block's tables instead of calling its API?", u70-035)
     r"\b(peek|peeks|peeking|look|looks|looking|reach|reaches|reaching|dip|dips|dipping|go|goes|going|read|reads|reading|"
     r"query|querying|tap|tapping)\s+(straight\s+|directly\s+|right\s+)?into\s+(another|the\s+other|other|a\s+different)\s+"
     r"([\w'’-]+\s+){0,3}?(databases?|db|tables)\b)(?!\s*\(shared database\))", r"\g<0> (shared database)"),
    # … and peeking straight into the tables of another block ("peek straight into the tables of the neighbouring building
    # block", h83-012). (Not "X's tables directly": it won y16-014, g56-029 and j85-012 but lost e37-031 and m62-036,
    # where the named block's own database pages then led; tried again for d105-036 and f107-039, "the payments BB's
    # postgres tables directly": m62-036 lost again.)
    (r"\b(straight|directly)\s+into\s+the\s+(databases?|db|tables)\s+of\b", r"\g<0> (shared database)"),
    # … and so do two systems in each other's tables, whatever the verb and however typed ("just peek into each others
    # tables directly instead of calling each other?", n89-014), and a system given direct access to another's database
    # ("giving it direct read access to the old database", m88-025)
    (r"(?:\b(each\s+others?['’]?s?|one\s+another['’]?s)\s+(databases?|db|data\s+bases?|tables)\b|"
     r"\bdirect\s+(read\s+|write\s+|read[- /]write\s+|database\s+|db\s+)?access\s+(to|into|on)\s+(the|its|our|their|that|this|"
     r"a|an|his|her)\s+([\w'’-]+\s+){0,2}?(databases?|db|tables)\b)(?!\s*\(shared database\))", r"\g<0> (shared database)"),
    # a server someone starts up is, in the Cloud Infrastructure spec, a virtual machine provisioned ("9.1. Workflow for
    # Provisioning a New Virtual Machine": "Choose VM size/properties (flavor)")
    (r"\b(start|starts|starting|started|spin|spins|spinning|spun|boot|boots|booting|booted|launch|launches|launching|"
     r"launched|fire|fires|firing|fired|set|sets|setting|bring|brings|bringing|brought)( up)? (a |an |the |our |new |more )+"
     r"(cloud |virtual )?(servers?|machines?)\b", r"\g<0> (provisioning a new virtual machine, VM)"),
    # a register that holds records (a noun: "a government register", "the land register") is, in the spec, a registry
    # ("Digital Registries"); the verb ("citizens register online") is the Registration block's
    (r"\b((?:a|the|our|their|its|this|that|any|every|each|government|national|civil|public|central|state|municipal|"
     r"land|population|social|beneficiary|business|company|vehicle|property|patient|health|farmer|voter|electoral|"
     r"tax)\s+)register\b(?!\s+(?:for|with|to|as|at|on|in|online|their|his|her|my|our|your|a|an|the)\b)", r"\1registry"),
    (r"\b((?:government|national|civil|public|central|state|municipal|land|population|social|beneficiary|business|"
     r"company|vehicle|property|patient|health|farmer|voter|electoral|tax)\s+)registers\b", r"\1registries"),
    # a record present, listed or on file in a registry is, in the Digital Registries spec, one that exists ("exists:
    # Searches records based on input parameters and returns boolean answer (true/false)")
    # (… or just "in" it: "check if a member is in the farmer registry")
    (r"(?<!what )(?<!which )(?<!data )\b(is|are)\s+(already\s+|actually\s+|really\s+|still\s+)?((present|listed|on record|on file)\s+)?in\s+(a|an|the|our|"
     r"their|its|this|that|any)\s+([\w-]+\s+){0,2}?(registry|registries|database|db)\b", r"\g<0> (exists)"),
    # … and a yes or no on whether it is there is its boolean answer ("returns boolean answer (true/false)", s68-030)
    (r"\b(a\s+)?(simple\s+|plain\s+|quick\s+)?yes[- ]?(or|/)[- ]?no(\s+(answer|reply|response))?\s+((on|about|as\s+to|to)\s+)?"
     r"(whether|if)\b", r"\g<0> (boolean answer, true/false)"),
    # agency-to-agency traffic is, in the spec, government to government ("Communication between different government
    # services (government to government) is out of the scope of this Building Block")
    (r"\b(agency|ministry|department)[- ]to[- ](agency|ministry|department)\b", r"\g<0> (government to government)"),
    # … as is data one body's system pushes into another government body's system ("push landing figures from our system
    # straight into the Revenue Authority's system")
    # ("the prison service's system": the spec's "different government services")
    (_SENDS + r"[^.?!]{0,80}?\b(into|to|with)\s+(the\s+)?([\w-]+\s+){0,3}?(" + _GOV_BODY + r"|"
     r"service|services|office|municipality|court|police|administration)(['’]s|s['’])"
     r"\s+(system|systems|platform|database|registry|server|servers|application)\b", r"\g<0> (government to government)"),
    # … and so is what is passed, moved or flows between two government bodies ("pass case files between the Ministry of
    # Health and the Ministry of Social Welfare")
    # (one body each side: money moved "between ministries and agencies" is the G2G payment below)
    (r"(" + _SENDS + r"|\b(mov\w*|flow\w*)\b)[^.?!]{0,80}?\bbetween\s+(the\s+)?([\w-]+\s+){0,3}?(ministry|ministries|"
     r"authority|agency|department|bureau|commission|council|inspectorate|treasury)\b[^.?!]{0,60}?\band\s+(the\s+)?"
     r"([\w-]+\s+){0,3}?(ministry|authority|agency|department|bureau|commission|council|inspectorate|treasury)\b"
     r"( of( [A-Z][\w-]*| and){1,4})?", r"\g<0> (government to government)"),
    # … and money moved from one government body to another a Government to Government payment ("Government to
    # Government (G2G) are not covered in this specification")
    # (… or a budget moved: "moving our programme budget from the Ministry of Finance into our account", r67-001)
    # ("shift part of our budget from the provincial education department over to the health department", v97-019)
    (r"\b(mov\w*|transfer\w*|send\w*|shift\w*|pay\w*)\s+((part|some|a\s+share|a\s+portion)\s+of\s+)?(the\s+|our\s+|their\s+|its\s+)?(money|funds|payments?|"
     r"([\w-]+\s+)?budgets?)\s+(from|between)\b[^.?!]{0,60}?"
     r"\b((ministr(y|ies)|departments?|agenc(y|ies)|treasury|municipalit(y|ies))\b[^.?!]{0,40}?\b(to|and)\b[^.?!]{0,30}?"
     r"\b(ministr(y|ies)|departments?|agenc(y|ies)|treasury|municipalit(y|ies))|(ministries|departments|agencies|"
     r"municipalities))\b", r"\g<0> (Government to Government, G2G)"),
    # ("money moving between two ministries, for example Finance transferring funds to the Health ministry?", r93-019)
    (r"\b(money|funds|payments?|budgets?)\s+(mov\w*|transferr?\w*|flow\w*|going|passing|sent)\s+(from\s+one\s+\w+\s+to\s+another|"
     r"between\s+(two\s+|different\s+|the\s+|our\s+)?(ministries|departments|agencies|government\s+(bodies|entities|agencies)))\b",
     r"\g<0> (Government to Government, G2G)"),
    # ("move money from one public agency to another", w98-020)
    (r"\bfrom\s+one\s+(public\s+|government\s+|state\s+)?(agency|ministry|department|office|body|institution|entity)\s+to\s+"
     r"another\b", r"\g<0> (Government to Government, G2G)"),
    # ("move funds to other ministries and to district councils", k86-024)
    (r"\b(mov\w*|transfer\w*|send\w*|shift\w*|pay\w*)\s+(the\s+|our\s+|its\s+)?(money|funds|budgets?)\s+to\s+(the\s+)?"
     r"(other\s+)?(ministries|departments|agencies|municipalities|(district\s+|local\s+|county\s+)?councils)\b",
     r"\g<0> (Government to Government, G2G)"),
    # ("… i.e. one ministry paying another?"; "when one ministry sends money to another", u96-003)
    (r"\b(one|a|an)\s+(ministry|department|agency|government body)\s+(pay\w*|transferr?\w*|send\w*)\s+(money\s+|funds\s+)?(to\s+)?"
     r"(another|an other|the other)\b", r"\g<0> (Government to Government, G2G)"),
    # someone who looked at, opened or viewed a person's file is, in the Digital Registries spec, who has looked at or
    # processed their personal data ("every data owner has the right to see who has looked at their personal data",
    # "store all data read requests")
    # (… "which of our clerks have opened her baby's record", b77-016)
    # (… "which government staff have looked at their record", t69-016)
    (r"\b(who|which (?:of (?:our|the|their|your|its) )?(?:government |govt |public |council |ministry |hospital |bank |registry )?"
     r"(?:officials?|staff|officers?|employees?|people|civil servants|users|"
     r"clerks|agencies|systems|offices|"
     r"departments|ministries|authorities|institutions|organi[sz]ations))\s+"
     r"(?:\w+\s+){0,3}?(looked|looks|look|looking|opened|opens|open|opening|viewed|views|view|viewing|accessed|accesses|access|"
     r"accessing|seen|saw|see|read|reads|reading|checked|checks|checking|consulted|consulting)\s+(at\s+|into\s+)?(her|his|their|my|our|your|a person's|someone's|the citizen's)\s+"
     r"([\w'’]+\s+)?(files?|records?|details|data|information|entry|entries|profiles?)\b",
     r"\g<0> (who has looked at their personal data, data read requests)"),
    # personal details put into a request's address are, in the cross-cutting requirements, PII in URLs ("APIs MUST
    # not include Personally Identifiable Information (PII) or session keys in URLs - use POST or other methods")
    (r"\b((national |citizen'?s? |personal |tax |passport |social security |patient |id )(id |identity |identification )?"
     r"(numbers?|nos?|ids)|id numbers?|names?|dates? of birth|birth ?dates?|phone numbers?|e-?mail addresses|personal "
     r"(data|details|information)|health (data|records))\b[^.?!]{0,60}?\b(in|into|inside|within|as part of|on|to) (the |a |an |"
     r"their |our |its )?(request |get |api )?(urls?|uris?|query strings?|query param(eter)?s|paths?|links?|"
     r"address(es)? of (\w+ )?(requests?|calls?)|web address(es)?)\b", r"\g<0> (Personally Identifiable Information (PII) in URLs)"),
    # the kind of file something is saved as is, in the spec, its data format ("The GIS BB specifications do not define
    # the data formats that should be used to store or exchange geographic data"); saving it is storing it
    (r"\b(what|which)\s+(kinds?|types?|sorts?)\s+of\s+files?\b|\b(what|which)\s+files?\s+(types?|kinds?|formats?)\b",
     r"\g<0> (data formats)"),
    # … as is keeping maps as one geodata format or another ("keep our parcel maps as shapefiles, in a spatial database or
    # something else?", t69-004)
    (r"\b(as|in|into|to)\s+(a\s+)?(shapefiles?|shp|geojson|geopackages?|gpkg|kml|kmz|gml|geotiffs?)\b(?!\s*\(data formats\))",
     r"\g<0> (data formats)"),
    # a phone number or an email address kept in logs or records is, in the spec, contact data ("The event logs and the
    # transaction logs should NOT capture any sensitive data such as contact data")
    # (… or in records of what was sent: "will the system's records of what was sent end up keeping everyone's phone
    # numbers?", q92-037)
    (r"\b(logs?|logged|logging|audit trails?|records?\s+of\s+what\s+(was|were|is|gets?)\s+sent)\b[^.?!]{0,60}?\b(phone numbers?|"
     r"mobile numbers?|e-?mail address(es)?)\b|"
     # (… "does it hang on to peoples phone numbers in its records", w98-034)
     r"\b(phone numbers?|mobile numbers?|e-?mail address(es)?)\b[^.?!]{0,60}?\b(in|into) (the |its |their |our )?"
     r"(logs?|audit trails?|records)\b", r"\g<0> (contact data, event logs, transaction logs)"),
    # vehicles followed as they move ("our buses moving on a live map", "where our patrol boats are minute by minute")
    # are, in the GIS spec, objects tracked over time ("time-based dynamic tracking of objects … such as Automatic
    # Vehicle Location (AVL)")
    (r"\b(buses|vehicles|trucks|lorries|boats|ships|vessels|cars|fleets?|ambulances|taxis|trains|drones|motorbikes|motorcycles|"
     r"scooters|vans)\b[^.?!]{0,40}?"
     r"\b(moving|move|moves|positions?|locations?|whereabouts|minute by minute|in real[- ]time|live)\b",
     r"\g<0> (time-based dynamic tracking of objects, vehicle location)"),
    # a phone's security chip is, in the Wallet spec, its trusted hardware ("As most Android devices don't have trusted
    # hardware, a trusted execution environment (TEE) can be used to store cryptographic assets such as keys")
    (r"\b(secure|security|hardware[- ]security|crypto(graphic)?)[- ](chips?|elements?|enclaves?|hardware)\b",
     r"\g<0> (trusted hardware)"),
    # a site that crawls on a patchy signal is, in the UI/UX guidelines, one to optimise for load times and connectivity
    # issues ("Optimise load times", "Account for connectivity issues")
    (r"\b(crawls|crawling|sluggish|crawl(?=\s+(on|over|along|when|with|because|in|at)\b)|(takes?|taking|took)\s+(ages|forever|so\s+long|too\s+long|a\s+long\s+time)\s+to\s+"
     r"(load|open|come\s+up|show)|slow\s+to\s+(load|open)|loads\s+slowly|opens\s+slowly)\b", r"\g<0> (load times)"),
    (r"\b(patchy|spotty|flaky|unreliable|poor|bad|weak) (mobile |internet |network |phone )?(signal|coverage|reception|"
     r"connection|connectivity|internet|network)s?\b|"
     # ("… because the signal is so weak", a76-039)
     r"\b(signal|coverage|reception|connection|connectivity|internet|network)\s+(is|are|was|gets?)\s+(so\s+|very\s+|really\s+|"
     r"often\s+|too\s+)?(patchy|spotty|flaky|unreliable|poor|bad|weak)\b", r"\g<0> (connectivity issues)"),
    (r"\b(barely|hardly|scarcely)\s+(opens?|loads?|works?|runs?|starts?)\b", r"\g<0> (load times)"),
    # (no signal at all is, in the Messaging spec, a fully offline scenario, out of its scope: "Fully offline and no
    # internet connection scenarios", p65-002; plain "no internet" stays as it is, see below)
    (r"\b(zero|no)\s+(mobile\s+|internet\s+|network\s+|phone\s+)?(data|signal|coverage|connectivity|connection|internet|"
     r"network)\b([^.?!]{0,30}?\bat\s+all\b)|\bzero\s+(connectivity|coverage|signal)\b|\b(completely|totally|fully|"
     r"entirely)\s+offline\b", r"\g<0> (fully offline, no internet connection)"),
    # … as is one whose signal keeps dropping out
    # a ping on one's phone is a notification ("send notifications when the device enters or exits the geofence"), and
    # the trackers vehicles carry are, in the GIS spec, GPS or RFID tags (v71-032)
    (r"\b(get|gets|getting|got|send|sends|sending|receive|receives|receiving)\s+(a\s+|me\s+a\s+|us\s+a\s+)?pings?\b",
     r"\g<0> (notifications)"),
    (r"\b(gps\s+)?(trackers|tracking\s+devices|tracking\s+tags|trackers?\s+(fitted|installed|mounted))\b",
     r"\g<0> (GPS or RFID tags)"),
    # pipes and cables a utility runs are, in the GIS spec, geometric networks ("Handling and performing analysis of
    # geometric networks (such as water distribution lines, power utilities, electrical lines …)", u70-005)
    (r"\b(water|gas|sewer|sewage|drainage|power|electricity|electrical|utility|district\s+heating)\s+(pipes|pipelines?|"
     r"mains|networks?|lines|grids?|cables)\b|\b(our|the|their|its|city'?s|town'?s)\s+(pipes|pipe\s+network|water\s+mains)\b",
     r"\g<0> (geometric networks, water distribution lines, power utilities)"),
    # pictures taken from the air are, in the GIS spec, drone or satellite imagery, raster data ("Processing of raster
    # data (e.g., satellite and drone imagery, gridded data)", v71-006)
    (r"\b(camera\s+copters?|quadcopters?|uavs?|drones?)\b(?=[^.?!]{0,80}\b(photos?|photographs?|pictures?|images?|imagery|"
     r"footage|videos?|shots?)\b)|\b(aerial|satellite|bird'?s-eye)\s+(photos?|photographs?|pictures?|images?|shots?|footage)\b|"
     r"\b(photos?|photographs?|pictures?|images?|shots?)\s+(taken\s+)?from\s+(above|the\s+air|the\s+sky|space)\b",
     r"\g<0> (drone imagery, satellite imagery, raster data)"),
    # a bar that fills up as a form goes on is, in the UI/UX guidelines, a progress bar ("Avoid relying solely on visual
    # indicators like progress bars or percentages", v71-038)
    (r"\b(bars?|lines?|strips?)\s+(that|which)\s+(fills?|grows?|moves?)(\s+up)?\b|\bfilling\s+(up\s+)?bars?\b",
     r"\g<0> (progress bars)"),
    # credentials carried over to a new phone are, in the Wallet spec, ported ("port credentials from one device to
    # another"; v71-034)
    (r"\b(carry|carried|move|moved|transfer|transferred|take|bring|copy|copied|port|get)\s+(those|them|it|these|all\s+of\s+"
     r"(them|it)|my|her|his|their|the)\s+([\w'’-]+\s+){0,3}?(over\s+|across\s+)?(to|onto)\s+(a|the|her|his|my|their|your)\s+"
     r"(new|other|replacement)\s+(phones?|devices?|handsets?|mobiles?|smartphones?)\b|"
     # ("Will my papers in the government wallet app come over to the new phone?", a76-032)
     r"\b(come|comes|coming|move|moves|go|goes|carry|carries)\s+(over|across|along)\s+(to|onto|with\s+me\s+to)\s+(a|the|her|his|"
     r"my|their|your)\s+(new|other|replacement)\s+(phones?|devices?|handsets?|mobiles?|smartphones?)\b",
     r"\g<0> (port credentials from one device to another)"),
    # meetings held in person are, in the citizen-engagement use case, face-to-face formats ("should always be applied
    # complementary to existing and functioning face-to-face formats", u70-037)
    (r"\b(town[- ]hall|in[- ]person|face[- ]to[- ]face|village|community|neighbou?rhood)\s+(meetings?|gatherings?|assembl(y|ies)|"
     r"hearings?|forums?)\b", r"\g<0> (face-to-face formats)"),
    (r"\b(signal|coverage|reception|connection|internet|network)s? (keeps? |often |sometimes |regularly )?(drops?|dropping|"
     r"dropped|cuts?|cutting|goes|going|went) (out|off|down)\b|\b(drops?|dropping|losing|loses|lose|lost) (the |their |its )?"
     r"(signal|connection|coverage|reception)\b", r"\g<0> (connectivity issues)"),
    # power cuts and slow or patchy internet are, in the design principles, low-resource environments ("Any client-facing
    # functionality should operate in low-resource environments: Occasional power, Low bandwidth, Low-reliability
    # connectivity"; d79-011, j85-013, k86-012, l87-012)
    # (last: a phrase glossed already keeps its gloss, "patchy mobile signal (connectivity issues)")
    (r"\b(power|electricity)\s+(cuts?|outages?|failures?|goes\s+off|is\s+unreliable)\b(?!\s*\()|"
     # ("lose electricity for hours", n89-011; "the signal comes and goes", m88-021)
     r"\b(lose|loses|losing|lost|without)\s+(electricity|power|mains\s+power)\b(?!\s*\()|"
     r"\b(signal|internet|connection|connectivity|network|coverage|power|electricity)\s+(comes|come)\s+and\s+goes?\b(?!\s*\()|"
     r"\b(slow|patchy|weak|poor|unreliable|bad|spotty|intermittent|limited)\s+(internet|connections?|connectivity|(phone\s+|mobile\s+)?"
     r"signal|networks?|bandwidth)\b(?!\s*\()",
     r"\g<0> (low-resource environments: occasional power, low bandwidth, low-reliability connectivity)"))]
# ("no internet", "no connectivity for days" stay as they are: they ask whether work can be done offline, and the
# connectivity guidelines took n27-001's and e37-015's offline-enrolment pages)
# something entering or leaving an area, watched for, is what the spec calls a geofence ("alert me when a truck leaves
# its assigned zone": "receive real-time alerts when objects enter or exit geofences"); not "users enter their area code"
_GEOFENCE = re.compile(
    # (a zone drawn around a place: "draw a zone around the inland dry port and get an alert whenever a tagged truck
    # drives out of it")
    r"\b(draw|draws|drew|drawn|drawing|mark|marks|marked|marking|define|defines|defined|defining|set up|sets up|put|puts)"
    r"\s+(a|an)\s+([\w-]+\s+)?(zone|area|perimeter|boundary|fence|polygon|circle|radius|ring)\s+around\b|"
    r"\b(enter|enters|entered|entering|leave|leaves|leaving|exit|exits|exited|exiting|go in|goes in|"
    # (moving into one: "whenever a truck or boat wanders into the restricted zone")
    r"(wander|wanders|wandered|wandering|stray|strays|strayed|straying|drive|drives|drove|driving|sail|sails|sailed|"
    r"sailing|move|moves|moved|moving|go|goes|went|going|drift|drifts|drifted) (into|out of|outside( of)?|beyond))\b"
    r"((,)? (or|and|and/or) (enter|enters|leave|leaves|exit|exits|go out|goes out)( of)?)?"
    r" (a |an |the |its |their |his |her |our |any |one of the |one of our )?(\w+'s )?(\w+[- ]){0,2}(zones?|areas?|districts?|"
    r"boundar(y|ies)|perimeters?|regions?|territor(y|ies)|polygons?|yards?|compounds?|depots?|premises|limits|borders?)\b"
    r"(?! (codes?|of|manager|office)\b)|"
    # "… get notified when rescue vehicles go in or out of them" (the danger zones drawn on a map)
    r"\b(go|goes|going|come|comes|coming|move|moves|moving|drive|drives|driving) in(to)? (or|and) out of "
    r"(them|those|these|it|(a |an |the |its |their |our |any )?(\w+[- ]){0,2}(zones?|areas?|districts?|boundar(y|ies)|"
    r"perimeters?|regions?|territor(y|ies)|polygons?))\b", re.I)
# a login that is to share none of the person's details is, in the Identity spec, verification without user claims ("If
# the relying party wants to verify the identity of the end user without user information, then a lean workflow can be
# adopted"); the spec calls the details user claims, never a name, an address or personal details
# A mistake reported or a change suggested in the specification's pages is, on its Contributing page, a change proposed
# ("Proposing changes via a pull request … Create a new issue and tell us about the problem that you see"), and someone
# getting involved in writing it joins a working group (c78-002, d79-039). Only when the question is about the
# specification as a text: "how does the API report an error?" is not.
# What must be arranged on the organisational side before ministries exchange data through the Information Mediator is,
# in the architecture's introduction, its governance ("a central operator will be identified and created … members can
# be onboarded", d79-018, f81-011)
ORGANISATIONAL_SIDE = True
_ORG_SIDE = re.compile(r"\b(organi[sz]ational|governance|institutional|administrative)\s+(side|arrangements?|set[- ]?up|"
                       r"steps|requirements?|structures?|preparations?)\b", re.I)
_EXCHANGES_DATA = re.compile(r"\binformation\s+mediator\b|\bexchang\w*\s+(data|information)\b|\b(data|information)\s+"
                             r"exchange\b", re.I)
# "If a government decides to go this way, what is the order of things? Where do you begin?": a government taking up
# the approach (no block named) asks for the playbook's suggested journey (e80-008; "try GovStack … where to begin"
# has its own gloss above)
ADOPTION_ORDER = True
_BEGIN_ORDER = re.compile(r"\b(where|how)\s+(do|should|does|would|can|could|to)\s+(we|you|i|a\s+government|a\s+country|"
                          r"governments|countries|one|a\s+ministry)?\s*(even\s+)?(begin|start)\b(?!\s+(a|an|the|my|our|"
                          r"this|that|its|their|to)\b)|\b(order|sequence)\s+of\s+(things|steps|activities|work)\b|"
                          r"\bwhat\s+comes\s+(first|after\s+that|next)\b|"
                          # ("I do not know where one even begins", j85-005)
                          r"\bwhere\s+(one|we|you|i)\s+(would\s+|should\s+)?(even\s+)?(begins?|starts?)\b", re.I)
_TAKES_UP = re.compile(r"\b(government|country|ministry|governments|countries|ministries|we)\b[^?.]{0,40}\b(decides?|"
                       r"decided|wants?|plans?|chooses?|is\s+going|are\s+going|goes|go)\s+(to\s+)?(go\s+(this|that)\s+way|"
                       r"adopt|use|try|join|follow|take\s+(this|that|the)\s+(approach|route|path)|go\s+with|go\s+down\s+"
                       r"this\s+(road|route|path))|\b(this|the|govstack)\s+approach\b|"
                       # ("… a plan for how our ministry and maybe the whole government could take it up", j85-005)
                       r"\b(take|taking|took)\s+(it|this|govstack|them)\s+up\b|"
                       # ("asked us where to begin with GovStack … a path for adopting it", p91-004)
                       r"\b(adopt|adopting|adoption\s+of)\s+(it|govstack|this|them)\b|\b(begin|start)\s+with\s+govstack\b", re.I)
CONTRIBUTING = True
_ABOUT_SPEC_TEXT = re.compile(r"\b(specs?|specifications?|pages?|gitbook|documentation|docs|wording|working\s+groups?|"
                              r"govstack\s+community|standards?\s+(are|is|get|gets)\s+(written|made|drafted))\b", re.I)
_PROPOSES_CHANGE = re.compile(
    r"\b(suggest|suggesting|propose|proposing|submit|submitting|report|reporting|flag|flagging|send|sending|fix|fixing)\s+"
    r"(a\s+|an\s+|the\s+|my\s+|our\s+|some\s+)?(correction|fix|change|mistake|error|typo|improvement|edit|feedback)s?\b|"
    r"\b(found|find|spotted|spot|noticed|notice|see|saw)\s+(a|an|some)\s+(\w+\s+)?(mistake|error|typo|inaccuracy)s?\b|"
    r"\b(get|getting|got|become|becoming)\s+involved\b|"
    # ("Is there still a way for someone like me to take part in shaping the next version of the specifications?", o90-003)
    r"\b(take|taking|took)\s+part\s+in\s+(shaping|writing|drafting|developing|improving)\b|"
    # ("one page about farmer services looks out of date. how do i let them know?", p91-010)
    r"\b(looks?|is|seems?|seem|are)\s+(a\s+bit\s+|quite\s+|very\s+|badly\s+)?(out\s+of\s+date|outdated|out-of-date|wrong|incorrect)\b|"
    # ("As an outsider, what is the route for getting the text corrected?", i84-002)
    r"\b(get|getting|got|have|having)\s+(the|a|this|that|some)\s+(text|wording|passage|page|sentence|section|paragraph)s?\s+"
    r"(corrected|fixed|changed|amended|updated)\b", re.I)
# … and getting involved in GovStack itself, or in shaping it ("… how would my company actually get involved in shaping
# it?" after "who is behind govstack?", h83-036)
_GETS_INVOLVED = re.compile(r"\b(get|getting|got|become|becoming)\s+involved\b(?=[^?]{0,60}\b(govstack|shap\w+|"
                            r"specs?|specifications?|standards?|working\s+groups?|community)\b|[^?]{0,20}\?)", re.I)
_ABOUT_GOVSTACK_ITSELF = re.compile(r"\bgovstack\b", re.I)
NO_CLAIMS_LOGIN = True
_LOGS_IN = re.compile(r"\b(log|logs|logged|logging|sign|signs|signed|signing)[- ]?(in|into|on)\b|\blogins?\b|"
                      r"\bauthenticat\w+|\b(verify|confirm|check)\w* (who|that it'?s|it'?s|their identity)\b", re.I)
_NO_PERSONAL_DATA = re.compile(
    r"\b(not|without|no|don'?t|do not|dont|never|none of)\b[^.?!;]{0,30}?\b(their|his|her|the user'?s|the person'?s|"
    r"any)?\s*(names?|address(es)?|dob|date of birth|personal (details|data|information|info)|user (data|details|info\w*)|"
    r"details)\b", re.I)
_SAYS_CLAIMS = re.compile(r"\b(user )?claims\b|\buser information\b", re.I)
# signing with no card, reader or phone of one's own is, in the spec, the one-time signature ("This approach does not
# require any device to be owned by the end user"; "Ability to sign the document where the user has no device")
SIGNING_WITHOUT_DEVICE = True
_SIGNS = re.compile(r"\b(sign|signs|signed|signing)\b(?![- ]?(in|into|on|up)\b)|\bsignatures?\b", re.I)  # "signature on a form"
_NO_DEVICE = re.compile(r"\b(no|without( a| any)?|nothing but|don'?t (have|own)( a| any)?|doesn'?t (have|own)( a| any)?|"
                        r"never (have|had|own)( a| any)?|lack( a| any)?)\s+([\w-]+\s+){0,2}?(signing |smart |id |special )?"
                        r"(card readers?|sim cards?|smart-?cards?|cards?|readers?|devices?|phones?|smartphones?|tokens?|dongles?|"
                        r"gadgets?)\b", re.I)
_WATCHED = re.compile(r"\b(alert\w*|notif\w*|warn\w*|monitor\w*|track\w*|detect\w*|flag\w*|trigger\w*|ping|pings|pinged)\b|"
                      # ("We need to know when tagged cattle wander out of a quarantine area", n63-028)
                      r"\b(know|knows|told|tell|tells|hear|find out|informed)\s+(us\s+|me\s+|them\s+)?(when|whenever|if|as soon as)\b",
                      re.I)
_SAYS_GEOFENCE = re.compile(r"geo-?fenc", re.I)


# processing people are told of, under a contract or because a law requires it, is, in the Consent spec, what consent
# is not for ("The use of consent should be avoided in cases as below … When a person is simply informed of the
# processing of the data by the organisation as part of the service provided under contract or by an authority"): a
# question whether to collect consent for it asks for that section
CONSENT_NOT_NEEDED = True
_OTHER_BASIS = re.compile(r"\b(contracts?|tenancy agreements?|terms of service|the law (requires|says|obliges|mandates)|"
                          r"required by law|legal (obligation|duty|requirement|mandate)|statutory|by law|a law)\b", re.I)
_ASKS_CONSENT = re.compile(r"\b(should|must|do|does|need|needs|have to|has to)\s+(we|i|they|it|you)?\s*(also\s+|still\s+)?"
                           r"(be\s+)?(collect\w*|get\w*|ask\w*( for)?|record\w*|captur\w*|obtain\w*|running|run|use|"
                           r"need)\b[^.?!]{0,60}\b(consent agreements?|consents?|signed '?yes'?|permission)\b", re.I)
# a person not yet in any system, or not registered yet, is, in the Consent spec, not yet provisioned: consent recorded
# then is recorded at initial registration ("9.2 Universal workflow: Recording consent at initial registration
# (pre-registration)": "when the Individual is not yet provisioned in the System"); only where the question is about
# consent ("before the payment is created" is not)
_NOT_PROVISIONED = re.compile(r"\b(before|until)\s+(?:\w+\s+){0,3}?(exists?|(is|are|has been|have been|gets?|got|was|were)\s+(even\s+)?"
                              r"(registered|enrolled|created|provisioned)|(has|have)\s+(any|an|a|their|his|her)\s+(national\s+)?id)\b|"
                              r"\b(isn'?t|is not|aren'?t|are not|not|isnt|arent)\s+(even\s+)?(yet\s+)?(registered|enrolled|provisioned|in (any|the|our|a) "
                              r"(system|database|registry))\s*(yet)?\b|\b(doesn'?t|does not|don'?t|do not)\s+(yet\s+)?(exist|have an id)\b", re.I)
# … and someone who says no declines it: in the Consent spec an explicit opt-out ("CONSENT CAN BE OMITTED BY THE USER",
# "marking the ConsentRecord as an explicit opt-out")
_SAYS_NO = re.compile(r"\b(says?|said|saying) no\b|\b(refuses?|refused|refusing|declines?|declined|declining)\b|"
                      r"\b(does not|doesn'?t|don'?t|do not|won'?t|will not|did not|didn'?t) (want to )?(agree|consent|accept)\b",
                      re.I)
# someone consenting for another person is, in the Consent spec, a Delegate ("Delegate: the person giving consent
# (signing Consent Agreement); on behalf of the Individual"), and the act delegating ("the act of delegating is kept
# outside the scope"); only where the question is about consent
CONSENT_FOR_ANOTHER = True
_CONSENTS = re.compile(r"\b(consents?|consenting|agrees?|agreeing|agreed|says? yes|saying yes|permission|opts? in|"
                       r"give (the|their|his|her) (ok|okay|go-ahead))\b", re.I)
_FOR_ANOTHER = re.compile(r"\b(on behalf of|for someone else|for somebody else|for another person|for other people|"
                          r"in (someone|somebody) else'?s name|on (their|his|her|someone'?s|somebody'?s) behalf|"
                          r"in (place|stead) of (another|someone|somebody|them|him|her|the (person|individual|citizen))|"
                          # "one person agreeing for another"; a relative who agrees "for them", "for her" (u70-003, v71-027)
                          r"(agree|agrees|agreeing|agreed|consent|consents|consenting|consented)\s+for\s+(another|someone|somebody)|"
                          # ("Can a guardian or one of our caseworkers give consent for a child …?", l87-023)
                          r"\bgive\s+consent\s+for\s+(a|an|the|their|his|her|my|our)\s+(child|children|kid|minor|parent|"
                          r"relative|patient|client|member)s?\b|"
                          # "acting for the kid"; "click 'I agree' … for them"
                          r"\b(act|acts|acting|acted)\s+for\s+(the|their|his|her|a|an|my|our)\s+([\w-]+\s+)?(kids?|child|children|"
                          r"minors?|son|daughter|parents?|relatives?|person|people|members?|patients?|clients?)\b|"
                          r"\b(click|clicks|clicking|clicked|tick|ticks|ticking|ticked|press|presses|pressing|pressed)\b[^.?!]{0,40}?"
                          r"\bfor (them|him|her)\b|"
                          # ("could i just agree for her instead?", q92-039)
                          r"\b(agree|consent|say\s+yes|sign)\s+for\s+(them|him|her|their)\s+(instead|myself|ourselves)\b|"
                          r"(relatives?|son|daughter|sons|daughters|children|child|parents?|mother|father|mum|mom|dad|spouse|husband|wife|"
                          r"guardians?|carers?|caregivers?|family members?|next of kin)\b[^.?!]{0,60}?\b(agree|agrees|agreeing|"
                          r"consent|consents|consenting|give the ok|give the okay|say yes|says yes|sign|signs|"
                          # ("could a parent do all of that for them instead?", r93-038)
                          r"do\s+(all\s+)?(of\s+)?(that|this|it|those|these))\b[^.?!]{0,40}?"
                          r"\bfor (them|him|her|their|his)\b)",
                          re.I)
# asking people whether their data may be used is, in the Consent spec, asking for consent ("the data subject (the user
# providing consent for the use of their data)"), and changing their mind then withdrawing it
ASKED_PERMISSION = True
_ASKS_PERMISSION = re.compile(r"\b(ask|asks|asking|asked)\s+(\w+\s+){0,3}?(whether|if)\s+(\w+\s+){0,2}?(may|can|could|are "
                              r"allowed to|is allowed to)\s+(use|share|keep|process|store|collect|pass on)\b", re.I)
_CHANGES_MIND = re.compile(r"\bchange (their|his|her|my|your|our) minds?\b", re.I)
# a card or document the question has named, then calls "it", is suspended when frozen or blocked for a while, and is
# not retrieved when its owner never finds it ("i dropped my national ID card somewhere … can it be frozen for a bit
# while i look for it …? what if i never find it?", m62-021: "If not retrieved after some time, the document should be
# revoked")
CREDENTIAL_CALLED_IT = True
_NAMES_CREDENTIAL = re.compile(r"\b(id|identity|national|driving|driver'?s)\s+" + _CREDENTIALS + r"|\bpassports?\b", re.I)
_IT_BLOCKED = re.compile(r"\b(it|they|them)\s+(be\s+|get\s+|is\s+|are\s+)?" + _BLOCKED_A_WHILE +
                         # "switch it off for now", "freeze them for a bit": the pronoun inside the verb
                         r"|\b(switch|turn|shut|block|freeze|lock|pause|disable|deactivate)\s+(it|them|(the|their|his|her|my|"
                         # ("switch the card off for now", b77-013)
                         r"our|your)\s+(id\s+|identity\s+)?(card|document|licen[cs]e|passport|credential|id))\s+(off\s+)?(\([^)]*\)\s+)?"
                         r"(for\s+a\s+(while|bit|time|few\s+\w+)|for\s+now|for\s+some\s+time|temporarily)\b", re.I)
_IT_CANCELLED = re.compile(r"\b(cancel|cancels|cancelled|canceled|cancelling|canceling|kill|killed)\s+(it|them)\s+"
                           r"(for\s+good|permanently|forever|once\s+and\s+for\s+all)\b", re.I)
_NEVER_FOUND = re.compile(_NOT_DONE + r"(find|found|recover|recovered|get\s+(it|them)\s+back|retrieve|retrieved)\s*(it|them)?\b",
                          re.I)
# … and a tick box on using someone's data is, in the UI/UX guidelines, the checkbox that confirms consent ("present the
# data you are collecting followed by a checkbox to explicitly confirm consent"; "Is one tick box at the start enough
# for both?", n63-037)
TICK_BOX_CONSENT = True
_TICK_BOX = re.compile(r"\b(tick|check)[- ]?box(es)?\b|\btick\s+(one|a|the|a\s+single|just\s+one)\s+(\w+\s+)?box(es)?\b", re.I)
_USES_DATA = re.compile(r"\b(use|uses|using|used|share|shares|sharing|process|processes|processing|collect|collects|"
                        r"collecting|access|accessing)\b[^.?!]{0,40}\b(data|information|details|records)\b", re.I)
# a credential someone shows or proves from their phone is, in the Wallet spec, presented ("the Holder presents the
# credential to a Verifier"), and one shown to someone on another device is presented cross device ("9.2.2.
# Presenting Credentials Cross Device": "a Verifier interacting with the Holder on a different device from the Wallet's
# location"); the glosses apply only where the question is about a credential held in a wallet
CREDENTIAL_SHOWN = True
# "my neighbour lost her id card …", "can my mum still sign online?": the asker asks for someone close, and that person is
# anyone to the spec. Searched with the kinship word and the gendered pronouns, the question meets the spec's few
# stories about a named person ("Jane … her disability credential") instead of the rules: the person is searched as "a
# person" (the pronouns as "they", "their", "them") when the question asks for someone the asker knows (not a child:
# "register my son's birth" asks about a child)
# "Could the Scheduler kick off payments automatically when the rain gauge readings drop below normal?": acting when a
# quantity crosses a level, asked of something done automatically or of the Scheduler, is a condition other than time
# (as "whenever … drops under" is, above; t69-002)
LEVEL_TRIGGER_WHEN = True
_AUTOMATIC = re.compile(r"\b(automatic|automatically|scheduler)\b", re.I)
_WHEN_LEVEL = re.compile(r"\b(when|if)\b[^.?!]{0,60}?\b(drops?|dropped|falls?|fell|rises?|rose|exceeds?|exceeded|"
                         r"reaches|reach|reached|hits|hit|crosses|cross|crossed|goes|go)\s+(below|above|under|over|past|beyond)\b", re.I)
# "ok, and say a farmer only wants to use half of it at one agro-dealer …" where the conversation is about vouchers:
# using part of "it" is a partial redemption as using part of a voucher is (t69-013)
PART_OF_IT_REDEEMED = True
_VOUCHER = re.compile(r"\bvouchers?\b", re.I)
_PART_OF_IT = re.compile(r"\b(spend|spends|spending|use|uses|using|redeem|redeems|redeeming|cash|claim)\s+(only\s+|just\s+)?"
                         r"(half|part|some|a\s+(part|portion|bit))\s+(of\s+(it|them)\b|"
                         # ("use only half his input voucher")
                         r"(of\s+)?(his|her|their|my|our|its|your)\s+([\w-]+\s+)?(vouchers?|balance|value|amount)\b)", re.I)
PROXY_ASKER = True
_PROXY = re.compile(r"\bmy\s+(?:(?:elderly|old|older|aged|next-door|deaf|blind|disabled)\s+)?"
                    r"(neighbou?r|mother|mum|mom|father|dad|grandmother|grandma|granny|gran|grandfather|grandpa|"
                    r"aunt|auntie|uncle|wife|husband|sister|brother|friend|cousin|mother-in-law|father-in-law)('s)?\b",
                    re.I)
_PROXY_MANY = re.compile(r"\bmy\s+(?:(?:elderly|old|older|aged)\s+)?(neighbou?rs|parents|grandparents|friends)\b('s?(?!\w))?", re.I)
_GENDERED = [(re.compile(r"\b(?:she|he)\b", re.I), "they"), (re.compile(r"\b(?:her|his)\b", re.I), "their"),
             (re.compile(r"\bhim\b", re.I), "them"), (re.compile(r"\b(?:hers)\b", re.I), "theirs")]
_CREDENTIAL_NOUNS = (r"(credentials?|licen[cs]es?|certificates?|diplomas?|permits?|id cards?|passes|badges?|"
                     r"(pension|membership|benefits?|disability|student|insurance|residence|voter|senior|concession) cards?|"
                     r"(museum|boarding|bus|travel|season|entry|transit|visitor|health|vaccination|access|event) pass)")
# (… or an ID carried on a phone: "If citizens carry their ID on a phone app")
_HELD_CREDENTIAL = re.compile(rf"\b(wallets?|{_CREDENTIAL_NOUNS})\b|\b(their|his|her|my|your|our|an?|the)\s+(digital\s+|national\s+)?"
                              r"(ID|IDs)\b(?=[^.?!]{0,30}\b(phones?|mobiles?|smartphones?|apps?)\b)", re.I)
# a credential called digital is held in a wallet as one kept on a phone is ("checks a driver's digital licence")
_DIGITAL_CREDENTIAL = re.compile(rf"\b(digital|electronic|mobile|e-)\s*(driving\s+|driver'?s?\s+)?{_CREDENTIAL_NOUNS}\b", re.I)
# … the company that makes the app is the wallet provider ("The wallet provider should not be able to observe how the
# credentials are used")
_APP_MAKER = re.compile(r"\b(compan(y|ies)|firms?|vendors?|developers?|makers?|suppliers?|business(es)?)\s+(that|who|which)\s+"
                        r"(makes?|made|builds?|built|develops?|developed|runs?|provides?|provided|supplies|supplied)\s+"
                        r"(the|that|this|their|our|a|an)\s+([\w-]+\s+)?(apps?|applications?|wallets?)\b", re.I)
# … and an issuer that "finds out the check happened" learns of the presentation ("SHOULD NOT be able to learn details of
# the presentation")
_LEARNS_OF_CHECK = re.compile(r"\b(find|finds|found|finding)\s+out\s+(that\s+|about\s+|when\s+|whenever\s+|if\s+)?(the|a|my|"
                              r"their|his|her|this|that|each|every)\s+(check|checks|verification|scan|presentation)\b|"
                              r"\b(gets?|got|be|is)\s+contacted\b|\bnever\s+(finds?|found)\s+out\b", re.I)
_SHOWS = re.compile(r"\b(show|shows|showing|showed|shown|prove|proves|proving|proved|display|displays|displaying|"
                    r"displayed|flash|flashes|flashing|hand|hands|handing|handed)\b(?!\s+(up|me|us|them|him|her)\b)", re.I)
# … and one kept in a phone app is kept in a wallet, and someone checking it the verifier
_IN_PHONE = re.compile(r"\b(in|on|from|inside)\s+(the\s+|their\s+|his\s+|her\s+|a\s+|our\s+|your\s+|my\s+|the\s+[\w-]+'s\s+)?(own\s+)?"
                       r"(phones?|mobiles?|smartphones?|mobile phones?)(\s+apps?)?\b", re.I)
_CHECKS = re.compile(r"\b(check|checks|checking|verify|verifies|verifying|scan|scans|scanning)\b(?=\s+(a|the|their|his|her|its|"
                     rf"that|this)\s+(\w+\s+)?({_CREDENTIAL_NOUNS}|pass)\b)", re.I)
_WALLET = re.compile(r"\bwallets?\b", re.I)
_GAVE_IT = re.compile(r"\b(office|agency|ministry|department|authority|organi[sz]ation|body|school|university|government|"
                      r"council|people|ones?)\s+(that|who|which)\s+(gave|give|gives|issued|issue|issues|handed|hands|granted)\b", re.I)
_WHERE_SHOWN = re.compile(r"\b(find\s+out|know|knows|learn|learns|see|sees|track|tracks|tell|be\s+told)\s+(about\s+)?(where|when|to\s+whom|"
                          r"who)\s+((and|or)\s+(where|when)\s+)?(i|we|they|you|he|she|it|people|citizens|holders|users)\s+(show|showed|shown|shows|use|used|uses|present|presented|"
                          r"presents)\b", re.I)
_OTHER_DEVICE = re.compile(r"\b(separate|different|another|other|(their|his|her|its) own)\s+(\w+\s+)?(devices?|computers?|"
                           r"laptops?|tablets?|pcs?|screens?|kiosks?|terminals?|desktops?|scanners?)\b|"
                           r"\bnot (on )?(my|the|their|his|her|your) (own )?(phone|device|mobile)\b", re.I)


def search_form(text: str) -> str:
    """A question as it is searched: blocks' short names spelled out ("reg bb", "IM"), chat words in the spec's."""
    return plain_words(registry.spell_out(text))


def _rewrite(pat: re.Pattern, rep, text: str, spans: list[tuple[str, str]] | None, count: int = 0) -> str:
    """pat.sub(rep, text, count), noting each (matched words, what the rewrite adds or puts instead) in spans; `rep` is
    a template or, as for re.sub, a function of the match.

    >>> spans = []; _rewrite(re.compile(r"\\b4 nines\\b"), lambda m: m.group(0) + " (99.99%)", "is it 4 nines?", spans), spans
    ('is it 4 nines (99.99%)?', [('4 nines', '99.99%')])
    """
    if spans is None:
        return pat.sub(rep, text, count=count)

    def note(m: re.Match) -> str:
        out = rep(m) if callable(rep) else m.expand(rep)
        said = m.group(0)
        spans.append((said, out[len(said):].strip(" ()") if out.startswith(said) else out))
        return out
    return pat.sub(note, text, count=count)


def plain_words(text: str, spans: list[tuple[str, str]] | None = None) -> str:
    """The text with chat phrasal verbs as the plain verb the spec uses, for the search and the coverage check; each
    rewrite's (asker's words, spec's words) is appended to `spans` when one is given (abstain.coverage measures the
    asker's words by the spec's).

    >>> plain_words("Now how do I kick off an instance and tear down the old one?")
    'Now how do I start an instance and delete the old one?'
    >>> spans = []; _ = plain_words("can the card be blocked for a while? how do I kick off an instance?", spans); spans
    [('kick off', 'start'), ('card be blocked for a while', 'temporarily suspend')]
    >>> plain_words("does the consent bb keep an audit trail?")
    'does the consent bb keep an audit trail (audit logging)?'
    >>> plain_words("does GovStack require a specific programming language?")
    'does GovStack require a specific programming language (languages and frameworks a building block is written in)?'
    >>> plain_words("can a person take back their consent later on?")
    'can a person withdraw their consent (opt-out) later on?'
    >>> plain_words("how do i revoke consent after i already gave it")
    'how do i withdraw consent (opt-out) after i already gave it'
    >>> plain_words("Which endpoint revokes a consent token?")  # a token is revoked
    'Which endpoint revokes a consent token?'
    >>> plain_words("can the insurer be told automatically?"), plain_words("how are citizens informed of it?")
    ('can the insurer be notified automatically?', 'how are citizens informed of it?')
    >>> plain_words("what if the same payment is submitted twice?"), plain_words("reminders are sent twice a day")
    ('what if the same payment is submitted twice (a duplicate)?', 'reminders are sent twice a day')
    >>> plain_words("does it catch that before customers get it twice?"), plain_words("did you catch up?")
    ('does it catch (check for) that before customers get it twice (a duplicate)?', 'did you catch up?')
    >>> plain_words("how do we stop anyone under 18 from applying?"), plain_words("reply in under 15 minutes")
    ('how do we stop anyone under 18 (older than age validation) from applying?', 'reply in under 15 minutes')
    >>> plain_words("what should people see right before they press the submit button?")
    'what should people see right before they press the submit button (check answers, review and confirm)?'
    >>> plain_words("do we ship the entire file off to the signing service?"), plain_words("we read the entire file")
    ('do we ship the entire file (the original document) off to the signing service?', 'we read the entire file')
    >>> plain_words("Do we have to hand the whole confidential case file over to the e-signature service?")
    'Do we have to hand the whole confidential case file (the original document) over to the e-signature service?'
    >>> plain_words("do we have to rewrite it to match the spec?")
    'do we have to rewrite it to match (adaptor) the spec?'
    >>> plain_words("can our module peek straight into another building block's tables?")
    "can our module peek straight into another building block's tables (shared database)?"
    >>> plain_words("alert us when a truck leaves its assigned zone"), plain_words("users enter their area code")
    ('alert us when a truck leaves its assigned zone (a geofence)', 'users enter their area code')
    >>> plain_words("does a flood warning jump the queue?"), plain_words("which one is sent first?")
    ('does a flood warning jump the queue (prioritized)?', 'which one is sent first (prioritized)?')
    >>> plain_words("api gateway availability - is it 4 nines?")
    'api gateway availability - is it 4 nines (99.99%)?'
    >>> plain_words("how much uptime must the gateway have?")
    'how much uptime (high availability) must the gateway have?'
    >>> plain_words("an auditor who just needs to look at their project without changing anything")
    'an auditor who just needs to look at their project without changing anything (read-only access)'
    >>> plain_words("can we switch without changing anything in the code?")
    'can we switch without changing anything in the code?'
    >>> plain_words("how long does it hang on to the record of what each user clicked and did?")
    'how long does it hang on to (store) the record of what each user clicked (user action log, audit trail) and did?'
    >>> plain_words("farmers who never check in by the cut-off time?")
    'farmers who never check in (no-show) by the cut-off time (deadline)?'
    >>> plain_words("My eyes are poor and I use very big letters. Will my papers come over to the new phone?")
    'My eyes are poor (accessibility, users with disabilities) and I use very big letters (accessibility, users with disabilities). Will my papers come over to the new phone (port credentials from one device to another)?'
    >>> plain_words("our app barely opens because the signal is so weak")
    'our app barely opens (load times) because the signal is so weak (connectivity issues)'
    >>> plain_words("the form has big letters at the top"), plain_words("a weak signature")
    ('the form has big letters at the top', 'a weak signature')
    >>> plain_words("I sent my pension form but I forgot one paper. Will they throw it away?")
    'I sent my pension form but I forgot one paper (incomplete, sent back for correction). Will they throw it away?'
    >>> plain_words("I left my ID card at home. Can we switch the card off for now? What if it never turns up?")
    'I left my ID card at home. Can we switch the card off (deactivate) for now (temporarily suspend)? What if it never turns up (not retrieved after some time)?'
    >>> plain_words("And if I find it next week, do I need to get a new one? What if I find it hard to use?")
    'And if I find it (after retrieval) next week, do I need to get a new one? What if I find it hard to use?'
    >>> plain_words("is there an API for signing up to those alerts?"), plain_words("can I sign up to the portal?")
    ('is there an API for signing up to those alerts (subscribe, subscription)?', 'can I sign up to the portal?')
    >>> plain_words("Will my new ID number have my birthday or other things about me hidden inside it?")
    'Will my new ID number have my birthday or other things about me hidden inside it (number contains personally identifiable information)?'
    >>> plain_words("will the id number give away my age?"), plain_words("the number shows my balance")
    ('will the id number give away my age (number contains personally identifiable information)?', 'the number shows my balance')
    >>> plain_words("Who does the scoring of the offers? Can bidders score each other's offers?")
    "Who does the scoring (bid evaluation) of the offers? Can bidders score each other's offers (bid evaluation)?"
    >>> plain_words("who does the scoring of the risk model?")
    'who does the scoring of the risk model?'
    >>> plain_words("can a mother find out which of our clerks have opened her baby's record?")
    "can a mother find out which of our clerks have opened her baby's record (who has looked at their personal data, data read requests)?"
    >>> plain_words("can a citizen find out which government staff have looked at their record?")
    'can a citizen find out which government staff have looked at their record (who has looked at their personal data, data read requests)?'
    >>> plain_words("if a shift reminder can't get through to the depot's app?"), plain_words("a text can't get through")
    ("if a shift reminder can't get through (communication failure, retries) to the depot's app?", "a text can't get through (messages not delivered, unsuccessfully delivered, queue)")
    >>> plain_words("send an alert when the line gets overcrowded, instead of at a fixed clock time?")
    'send an alert when the line gets overcrowded, instead of at a fixed clock time (trigger activities based on time only, other conditions)?'
    >>> plain_words("can they show only some attributes?")
    'can they show only some attributes (a selected subset)?'
    >>> plain_words("can it convert payloads between formats?")
    'can it convert payloads (manipulating the payloads) between formats?'
    >>> plain_words("we use a household's data to check if they qualify. Is one tick box enough?")
    "we use a household's data to check if they qualify. Is one tick box (a checkbox to explicitly confirm consent) enough?"
    >>> plain_words("a tick box for the terms of the order")
    'a tick box for the terms of the order'
    >>> plain_words("i dropped my national ID card. can it be frozen for a bit? what if i never find it?")
    'i dropped my national ID card. can it be frozen for a bit (temporarily suspend)? what if i never find it (not retrieved after some time)?'
    >>> plain_words("the server froze. can it be paused for a while? what if i never find it?")
    'the server froze. can it be paused for a while? what if i never find it?'
    >>> plain_words("if a candidate never checks in?"), plain_words("if nobody who was booked turns up at all?")
    ('if a candidate never checks in (no-show)?', 'if nobody who was booked turns up (no-show) at all?')
    >>> plain_words("does it cover checking and shortlisting suppliers before they bid?")
    'does it cover checking and shortlisting suppliers (vetted and empanelled) before they bid?'
    >>> plain_words("what if a hospital's server is down when we send it?"), plain_words("the price went down")
    ("what if a hospital's server is down (offline, delivery retried) when we send it?", 'the price went down')
    >>> plain_words("will it fix up the records in between?")
    'will it fix up the records (manipulating the payloads) in between?'
    >>> plain_words("does the messaging bb store phone numbers?"), plain_words("tell us when a pensioner dies")
    ('does the messaging bb store phone numbers (contacts)?', 'tell us when a pensioner dies (death, dead)')
    >>> plain_words("notify us when vehicles go in or out of them"), plain_words("notify me when money goes in or out of my account")
    ('notify us when vehicles go in or out of them (a geofence)', 'notify me when money goes in or out of my account')
    >>> plain_words("we need to know when tagged cattle wander out of a quarantine area")
    'we need to know when tagged cattle wander out of a quarantine area (a geofence)'
    >>> plain_words("can it warn us if a truck wanders outside the area it should stay in?")
    'can it warn us if a truck wanders outside the area (a geofence) it should stay in?'
    >>> plain_words("a warning when a cargo truck drives out of the port's customs yard")
    "a warning when a cargo truck drives out of the port's customs yard (a geofence)"
    >>> plain_words("draw a zone around the dry port and get an alert whenever a truck drives out of it")
    'draw a zone around (a geofence) the dry port and get an alert whenever a truck drives out of it'
    >>> plain_words("warn us whenever a boat wanders into the restricted zone")
    'warn us whenever a boat wanders into the restricted zone (a geofence)'
    >>> plain_words("our site crawls on patchy mobile signal")
    'our site crawls (load times) on patchy mobile signal (connectivity issues)'
    >>> plain_words('what actually starts the payouts?')
    'what actually starts the payouts (trigger, triggered)?'
    >>> plain_words('warn people about a flood with texts')
    'warn people about a flood (emergency messaging type) with texts'
    >>> plain_words('do they have to send everything through the information mediator?')
    'do they have to send everything through the information mediator (Information Mediator required, not required for co-located building blocks)?'
    >>> plain_words('who is the playbook actually written for?')
    'who is the playbook actually written for (intended to be used by)?'
    >>> plain_words('undo the earlier steps if one fails')
    'undo the earlier steps (rollback, compensating transactions) if one fails'
    >>> plain_words('check our product against the specs')
    'check our product against the specs (compliant, validate against the specifications)'
    >>> plain_words("the vendor says it 'works with GovStack'"), plain_words('does it work with the GovStack specs?')
    ("the vendor says it 'works with GovStack (compliant, validate against the specifications)'", 'does it work with the GovStack specs?')
    >>> plain_words('post our call for bids')
    'post our call for bids (RFP request for proposals, publish/share tenders, vendors)'
    >>> plain_words('money moving between two ministries')
    'money moving between two ministries (Government to Government, G2G)'
    >>> plain_words('nobody central issues it')
    'nobody central issues it (decentralized identity issuance or self-issuance)'
    >>> plain_words('people who finish our course keep the proof')
    'people who finish our course (educational and professional certifications) keep the proof'
    >>> plain_words('whose screen do i type my card details into when i pay?')
    'whose screen (UX switching and handover, control over the User Interface) do i type my card details into when i pay?'
    >>> plain_words('our forms crawl on a weak signal')
    'our forms crawl (load times) on a weak signal (connectivity issues)'
    >>> plain_words('what happens to the signing key afterwards?')
    'what happens to the signing key afterwards (private key deleted, certificate expires)?'
    >>> plain_words('trainer and students see and hear each other')
    'trainer and students see and hear each other (real-time video and audio conferencing)'
    >>> plain_words('how many applications each clerk handled')
    'how many applications each clerk (statistics, number of processed applications per operator) handled'
    >>> plain_words('start their application right on that site')
    'start their application right on that site (initiate a request through a web form)'
    >>> plain_words('the back-office approval steps')
    'the back-office approval steps (Workflow building block, process instance)'
    >>> plain_words('could i just agree for her instead?')
    'could i just agree for her instead (a Delegate, delegating)?'
    >>> plain_words('do they have to talk to each other through the data-exchange layer?')
    'do they have to talk to each other through the data-exchange layer (Information Mediator required, not required for co-located building blocks)?'
    >>> plain_words('an automated approvals engine')
    'an automated approvals engine (Workflow building block, process instance)'
    >>> plain_words('fill in an online form to start an application')
    'fill in an online form (initiate a request through a web form) to start an application'
    >>> plain_words('how many files each of my counter staff got through')
    'how many files each of my counter staff (statistics, number of processed applications per operator) got through'
    >>> plain_words('does our app have to build the screen where they type their payment details?')
    'does our app have to build the screen (UX switching and handover, control over the User Interface) where they type their payment details?'
    >>> plain_words("the officers' motorbikes moving live on a map")
    "the officers' motorbikes moving (time-based dynamic tracking of objects, vehicle location) live on a map"
    >>> plain_words('does the wallet do it, or do other blocks do that?')
    'does the wallet do it, or do other blocks do that (outside the scope, delegated to other Building Blocks)?'
    >>> plain_words('GovStack sounds useful. who actually stands behind the initiative?')
    'GovStack (the GovStack initiative is led by its founding partners; governance model) sounds useful. who actually stands behind the initiative?'
    >>> plain_words('what does MUST vs SHOULD mean?')
    'what does MUST vs SHOULD (key words, RFC 2119, keywords and definitions) mean?'
    >>> plain_words('could we bill each ministry for its share?')
    'could we bill each ministry for (cost allocated according to the usage, metering) its share?'
    >>> plain_words('picking the winner')
    'picking the winner (proposal, evaluation, and awarding of contract)'
    >>> plain_words('which block decides when that text goes out?')
    'which block decides when that text goes out (scheduling messages, Scheduler time-driven activities)?'
    >>> plain_words('could our website be the front door where citizens start an e-service request?')
    'could our website be the front door (initiate a request through a web form) where citizens start an e-service request?'
    >>> plain_words('take back the permissions they gave')
    'withdraw the permissions they gave (consent)'
    >>> plain_words('their app wants updates without constantly polling us')
    'their app wants updates without constantly polling (publish events to subscribers, pub/sub) us'
    >>> plain_words('who picks the example scenarios?'), plain_words('in the cash handout scenario')
    ('who picks the example scenarios (reference use cases)?', 'in the cash handout (cash transfer) scenario')
    >>> plain_words('we want reminder texts to go out automatically on particular dates')
    'we want reminder texts to go out automatically on particular dates (scheduling messages, Scheduler time-driven activities)'
    >>> plain_words('vouchers spent only at approved dealers')
    'vouchers spent only at approved dealers (merchants registered in advance, network of trusted providers)'
    >>> plain_words('they split their week between two clinics')
    'they split their week between two (affiliated with multiple entities) clinics'
    >>> plain_words('let any citizen wipe out their data on request')
    'let any citizen wipe out their data (right to be forgotten) on request'
    >>> plain_words('is there a way to connect it as it is?')
    'is there a way to connect it as it is (adaptor)?'
    >>> plain_words('when one ministry sends money to another')
    'when one ministry sends money to another (Government to Government, G2G)'
    >>> plain_words('shift part of our budget from the education department to the health department')
    'shift part of our budget from the education department to the health department (Government to Government, G2G)'
    >>> plain_words('is it written for managers like me?')
    'is it written for managers (intended to be used by) like me?'
    >>> plain_words('a secure go-between for that traffic')
    'a secure go-between (communications across the internet) (Information Mediator) for that traffic'
    >>> plain_words('does each block set its own security rules?')
    'does each block set its own security rules (security requirements apply to all building blocks, cross-cutting)?'
    >>> plain_words('can it send the reminder again if nobody replies?')
    'can it send the reminder again (repeating) if nobody replies (acknowledgement is not received)?'
    >>> plain_words('check a patient is over 18 without showing their birthday')
    'check a patient is over 18 (verify one characteristic without disclosing the attributes, Yes or No answer) without showing their birthday'
    >>> plain_words("a text can't get through to the parent")
    "a text can't get through (messages not delivered, unsuccessfully delivered, queue) to the parent"
    >>> plain_words('move money from one public agency to another')
    'move money from one public agency to another (Government to Government, G2G)'
    >>> plain_words('some words are written in all caps')
    'some words are written in all caps (key words, RFC 2119, keywords and definitions)'
    >>> plain_words("is a lowercase 'must' the same?")
    "is a lowercase 'must (key words, RFC 2119, keywords and definitions)' the same?"
    >>> plain_words('see and talk to each other live')
    'see and talk to each other (real-time video and audio conferencing) live'
    >>> plain_words('keeps phone numbers in its records')
    'keeps phone numbers (contacts) in its records (contact data, event logs, transaction logs)'
    >>> plain_words("can two building blocks read and write the same database?")
    'can two building blocks read and write the same database (shared database)?'
    >>> plain_words("could they share one Postgres database?"), plain_words("use one common set of tables")
    ('could they share one Postgres database (shared database)?', 'use one common set of tables (shared database)')
    >>> plain_words("can it read records straight out of the registration building block's database?")
    "can it read records straight out of the registration building block's database (shared database)?"
    >>> plain_words("cheap phones with no special security chip")
    'cheap phones with no special security chip (trusted hardware)'
    >>> plain_words("before i can start up a new server"), plain_words("the API server responds")
    ('before i can start up a new server (provisioning a new virtual machine, VM)', 'the API server responds')
    >>> plain_words("villages where mobile signal keeps dropping out")
    'villages where mobile signal keeps dropping out (connectivity issues)'
    >>> plain_words("can we still back out of the order?"), plain_words("put the card on hold")
    ('can we still back out (cancelled) of the order?', 'put the card on hold (suspended)')
    >>> plain_words("we want to pull out before they're delivered"), plain_words("pull out the records")
    ("we want to pull out (cancelled) before they're delivered", 'pull out the records')
    >>> plain_words("many older people can't read."), plain_words("it can't read the file")
    ("many older people can't read (illiterate users).", "it can't read the file")
    >>> plain_words("usable by blind and partially sighted people?"), plain_words("a blind signature")
    ('usable by blind and partially sighted (accessibility, users with disabilities) people?', 'a blind signature')
    >>> plain_words("can deaf users get it?")
    'can deaf (accessibility, users with disabilities) users get it?'
    >>> plain_words("if a nurse forgets her password, must she ring the IT desk?")
    'if a nurse forgets her password (reset their own password, self-service), must she ring the IT desk (help desk)?'
    >>> plain_words("can we cancel before they arrive, and could we be charged for it?")
    'can we cancel before they arrive (not yet fulfilled), and could we be charged (fee) for it?'
    >>> plain_words("can a parent use the consent system to say yes, acting for the kid?")
    'can a parent use the consent system to say yes, acting for the kid (a Delegate, delegating)?'
    >>> plain_words("Am I allowed to click 'I agree' in the consent system for them?")
    "Am I allowed to click 'I agree' in the consent system for them (a Delegate, delegating)?"
    >>> plain_words("will it check out my business and approve me as a new suplier, or approve me as a new supplier?")
    'will it check out my business (vetted and empanelled) and approve me as a new suplier, or approve me as a new supplier (vetted and empanelled)?'
    >>> plain_words("do i lose everything i typed and have to start over?"), plain_words("change it into local money")
    ('do i lose everything i typed (save as a draft, continue later) and have to start over (save as a draft, continue later)?', 'change it into local money (currency conversion, exchange rate conversion, multicurrency)')
    >>> plain_words("if a few accounts can't actually take the money")
    "if a few accounts can't actually take the money (cannot be credited)"
    >>> plain_words("should the number be built from things like their birth date?")
    'should the number be built from things like their birth date (personally identifiable information)?'
    >>> plain_words("the actual outline of each plot on the map, or only a single pin?")
    'the actual outline of each plot (polygon, boundary) on the map, or only a single pin (point, lat/long)?'
    >>> plain_words("the form uses a family's data twice. Can parents just tick one box that covers both?")
    "the form uses a family's data twice. Can parents just tick one box (a checkbox to explicitly confirm consent) that covers both?"
    >>> plain_words("when a farmer turns out he doesnt qualify"), plain_words("use only half his input voucher")
    ('when a farmer turns out he doesnt qualify (not eligible, ineligible)', 'use only half his input voucher (partial redemption)')
    >>> plain_words("Most of the people we help read Arabic.")
    'Most of the people we help read Arabic (right-to-left languages, RTL).'
    >>> plain_words("where the title records are kept for good")
    'where the title records are kept for good (long-term storing)'
    >>> plain_words("does that system hold on to their file for years?")
    'does that system hold on to (store) their file for years (long-term storing)?'
    >>> plain_words("does that same system keep their records for the long haul?")
    'does that same system keep their records for the long haul (long-term storing)?'
    >>> plain_words("how many files each clerk handled, broken down by date")
    'how many files each clerk (statistics, number of processed applications per operator) handled, broken down by (statistics, per) date'
    >>> plain_words("how fast it should answer or how much traffic it should take")
    'how fast (latency, response times) it should answer or how much traffic (throughput) it should take'
    >>> plain_words("how long does it keep trying?"), plain_words("if the job blows up halfway")
    ('how long does it keep trying (retried)?', 'if the job blows up (failure) halfway')
    >>> plain_words("before it gives up on that message?")
    'before it gives up (failed) on that message?'
    >>> plain_words("how long does it keep retrying?")
    'how long does it keep retrying (retried)?'
    >>> plain_words("our anti-flood protection flagged a partner"), plain_words("the river flood hit the farms")
    ('our anti-flood protection (denial of service attack prevention, DDoS) flagged a partner', 'the river flood hit the farms')
    >>> plain_words("bots flooded the portal with requests")
    'bots flooded the portal with requests (denial of service attack prevention, DDoS)'
    >>> plain_words("our site got swamped by a flood of junk requests")
    'our site got swamped by a flood of junk requests (denial of service attack prevention, DDoS)'
    >>> plain_words("an allow-list so trusted partners never get caught"), plain_words("trusted partners sign the form")
    ('an allow-list (white-list) so trusted partners (white-list) never get caught', 'trusted partners sign the form')
    >>> plain_words("menus still pointing to the old locations?"), plain_words("pages pointing to the new policy")
    ('menus still pointing to the old locations (without breaking links)?', 'pages pointing to the new policy')
    >>> plain_words("can a farmer spend only half of the voucher?"), plain_words("I used part of my lunch break")
    ('can a farmer spend only half of the voucher (partial redemption)?', 'I used part of my lunch break')
    >>> plain_words("how much downtime is acceptable?"), plain_words("our payout file lists the same farmer twice")
    ('how much downtime (high availability) is acceptable?', 'our payout file (batch file, bulk payments) lists the same farmer twice (a duplicate)')
    >>> plain_words("does an urgent alert have to wait behind the routine ones?")
    'does an urgent alert (emergency messaging type) have to wait behind (prioritized) the routine ones?'
    >>> plain_words("can she prove she is registered without showing her ID number?"), plain_words("show the map without showing roads")
    ('can she prove she is registered without showing her ID number (a selected subset, other fields not revealed)?', 'show the map without showing roads')
    >>> plain_words("can she keep the leftover on the voucher?"), plain_words("the rest of the team on the voucher scheme")
    ('can she keep the leftover on the voucher (partial redemption)?', 'the rest of the team on the voucher scheme')
    >>> plain_words("can it send a patient the reminder again?"), plain_words("can an admin halt it?")
    ('can it send a patient the reminder again (repeating)?', 'can an admin stop it?')
    >>> plain_words("it halted, so we are halting the others")
    'it stopped, so we are stopping the others'
    >>> plain_words("can it turn all of them into map coordinates?"), plain_words("convert the addresses to lat/long")
    ('can it turn all of them into map coordinates (geocoding)?', 'convert the addresses to lat/long (geocoding)')
    >>> plain_words("no mobile data or signal at all"), plain_words("villages with no internet")
    ('no mobile data or signal at all (fully offline, no internet connection)', 'villages with no internet')
    >>> plain_words("if the building loses power or catches fire"), plain_words("the power of the state")
    ('if the building loses power (power supply, hardware outage) or catches fire (power supply, hardware outage)', 'the power of the state')
    >>> plain_words("forms full of stiff legal wording"), plain_words("the official language of the country")
    ('forms full of stiff legal wording (formal language)', 'the official language of the country')
    >>> plain_words("can she stop halfway through and finish it a few days later?")
    'can she stop halfway through (save as a draft, continue later) and finish it a few days later (save as a draft, continue later)?'
    >>> plain_words("does she have to start all over again?"), plain_words("the halfway point of the project")
    ('does she have to start all over again (save as a draft, continue later)?', 'the halfway point of the project')
    >>> plain_words("if we take him out of the scheduling system")
    'if we take him out of the scheduling system (deleted)'
    >>> plain_words("does it stay shut out?"), plain_words("it locked them out"), plain_words("they shut out the noise")
    ('does it stay shut out (blocked)?', 'it locked them out (blocked)', 'they shut out the noise')
    >>> plain_words("does the seller still have it in stock?"), plain_words("can the keys stay valid a week?")
    ('does the seller still have it in stock (availability)?', 'can the keys stay valid (life time) a week?')
    >>> plain_words("someone gets a national ID for the first time")
    'someone gets a national ID for the first time (fresh enrollment)'
    >>> plain_words("can it fire an alert?"), plain_words("does it behave the way the spec says?")
    ('can it trigger an alert?', 'does it behave the way the spec says (compliant, validate against the specifications)?')
    >>> plain_words("the main weakness"), plain_words("could records be doctored?"), plain_words("which doctor?")
    ('the main weakness (disadvantages, limitations)', 'could records be doctored (tampered, altered)?', 'which doctor?')
    >>> plain_words("ok and does that cover deaths?")
    'ok and does that cover deaths (dead)?'
    >>> plain_words("fire safety rules")
    'fire safety rules'
    >>> plain_words("we only need to know they logged in, not their name or address")
    'we only need to know they logged in, not their name (without user information, without user claims) or address'
    >>> plain_words("we don't store their address")  # no login: any personal data
    "we don't store their address"
    >>> plain_words("I show my licence from the wallet to an officer on a separate tablet")
    'I show (present) my licence from the wallet to an officer on a separate tablet (cross device)'
    >>> plain_words("show me the steps on another device")  # no credential held
    'show me the steps on another device'
    >>> plain_words("which officials opened her file in a government register?")
    'which officials opened her file (who has looked at their personal data, data read requests) in a government registry?'
    >>> plain_words("can they bounce it back to the trader?"), plain_words("what should the API send back?")
    ('can they bounce it back (sent back for correction) to the trader?', 'what should the API send back (respond)?')
    >>> plain_words("the clerk sends the file back"), plain_words("what do we get back once onboarded?")
    ('the clerk sends the file back', 'what do we get back once onboarded?')
    >>> plain_words("a citizen loses their national ID card"), plain_words("their card went missing")
    ('a citizen loses their national ID card (lost)', 'their card went missing (lost)')
    >>> plain_words("we push catch figures from our system into the Revenue Authority's system")
    "we push catch figures from our system into the Revenue Authority's system (government to government)"
    >>> plain_words("our tax authority issues taxpayer identification numbers")
    'our tax authority issues taxpayer identification numbers (functional identity)'
    >>> plain_words("not which bank or mobile money provider they use")
    'not which bank or mobile money provider they use (account lookup, Financial Service Providers)'
    >>> plain_words("push case files to the prison service's system")
    "push case files to the prison service's system (government to government)"
    >>> plain_words("can it pass case files between the Ministry of Health and the Ministry of Social Welfare?")
    'can it pass case files between the Ministry of Health and the Ministry of Social Welfare (government to government)?'
    >>> plain_words("it sends reminders between the clinic and the patient")  # no government body on either side
    'it sends reminders between the clinic and the patient'
    >>> plain_words("if the patient doesn't confirm, can it send a second reminder?")
    "if the patient doesn't confirm (acknowledgement is not received), can it send a second reminder (repeating an alert)?"
    >>> plain_words("a red star next to every required field"), plain_words("a five-star rating")
    ('a red star (asterisks) next to every required field', 'a five-star rating')
    >>> plain_words("if we take that staff member out of the system"), plain_words("take it out of the box")
    ('if we take that staff member out of the system (deleted)', 'take it out of the box')
    >>> plain_words("we send reminders to the ministry")
    'we send reminders to the ministry'
    >>> plain_words("what if the money that was put aside to cover the vouchers has run out?")
    'what if the money that was put aside (prefunded account) to cover the vouchers has run out (insufficient funds)?'
    >>> plain_words("what if the account runs out of money?"), plain_words("we ran out of time")
    ('what if the account runs out of money (insufficient funds)?', 'we ran out of time')
    >>> plain_words("Does the system leave some lasting signing key behind?"), plain_words("a lasting impression")
    ('Does the system leave some lasting signing key behind (private key deleted, certificate expires)?', 'a lasting impression')
    >>> plain_words("what does the ui guide suggest instead of forcing them to create an acount?")
    'what does the ui guide suggest instead of forcing them to create an acount (without needing an account, return to their session)?'
    >>> plain_words("Should we forward the logged-in citizen's JWT to the other ministry?")
    "Should we forward the logged-in citizen's JWT (authorization across organizations: organization level, not the user level) to the other ministry?"
    >>> plain_words("does the officer's login token get passed along?"), plain_words("pass the token in the header")
    ("does the officer's login token get passed along (authorization across organizations: organization level, not the user level)?", 'pass the token in the header')
    >>> plain_words("If our nightly process crashes halfway, can it kick off a clean-up process?")
    'If our nightly process crashes (failure) halfway, can it start a clean-up process (flow-trigger, failure of an earlier process)?'
    >>> plain_words("Could that translation layer also wait for slow background jobs to finish?")
    'Could that translation layer (adaptor) also wait for slow background jobs (async) to finish?'
    >>> plain_words("calls that don't answer straight away"), plain_words("a background image on the page")
    ("calls that don't answer straight away (async)", 'a background image on the page')
    >>> plain_words("the office returned my application. how do I find out which bit to fix?")
    'the office returned my application (sent back for correction). how do I find out which bit to fix (incorrect, errors)?'
    >>> plain_words("can they point the applicant to exactly the wrong field?"), plain_words("is the map the wrong way round?")
    ('can they point the applicant to exactly the wrong field (incorrect, errors)?', 'is the map the wrong way round?')
    >>> plain_words("when a clerk bounces a shop-licence application, can they see which bit was wrong?")
    'when a clerk bounces a shop-licence application (sent back for correction), can they see which bit was wrong (incorrect, errors)?'
    >>> plain_words("can our officer return it to the applicant?"), plain_words("return it to the shop")
    ('can our officer return it to the applicant (sent back for correction)?', 'return it to the shop')
    >>> plain_words("can it fire off a payment whenever a meter balance drops under a set amount?")
    'can it send a payment whenever a meter balance drops under (evaluate other conditions, not time only) a set amount?'
    >>> plain_words("can it send an alert the moment the gauge goes above the danger line?")
    'can it send an alert the moment the gauge goes above (evaluate other conditions, not time only) the danger line?'
    >>> plain_words("if the second one falls over")  # (the second step, not a moment)
    'if the second one falls over'
    >>> plain_words("can I push it back to the person to fix? will they see which part I flagged?")
    'can I push it back to the person to fix (sent back for correction)? will they see which part I flagged (mark which document and/or data field is incorrect, highlighted)?'
    >>> plain_words("my IT people say it can still plug in without being rebuilt"), plain_words("without rewriting the old system")
    ('my IT people say it can still plug in without being rebuilt (adaptors map existing APIs)', 'without rewriting the old system (adaptor)')
    >>> plain_words("Will the references to them from other pages stop working?"), plain_words("the tap stops working")
    ('Will the references to them from other pages stop working (without breaking links)?', 'the tap stops working')
    >>> plain_words("how long should the platform keep attempting it?")
    'how long should the platform keep attempting (retried) it?'
    >>> plain_words("Is there a cap on how big their attachments can be?")
    'Is there a cap on how big their attachments (file upload size max limit) can be?'
    >>> plain_words("What starts off the AI chatbot use case?"), plain_words("what starts off the meeting")
    ('What starts off the AI chatbot use case (trigger, triggered)?', 'what starts off the meeting')
    >>> plain_words("can it send the reminder again if the mum doesnt reply to the first one")
    'can it send the reminder again (repeating) if the mum doesnt reply to the first one (acknowledgement is not received)'
    >>> plain_words("how would the fishing boats already out at sea get the warning?")
    'how would the fishing boats (marine) already out at sea get the warning?'
    >>> plain_words("will we receive their actual national ID number?"), plain_words("enter your ID number")
    ('will we receive their actual national ID number (Partner Specific User Token, PSUT, Unique Identifier kept secret)?', 'enter your ID number')
    >>> plain_words("can they show just their membership number and keep everything else hidden?")
    'can they show just their membership number and keep everything else hidden (a selected subset, other fields not revealed)?'
    >>> plain_words("how do they know what they need to fix?"), plain_words("can we fix a wrong ID")
    ('how do they know what they need to fix (incorrect, errors)?', 'can we fix a wrong ID')
    >>> plain_words("if we cancel a teacher's licence"), plain_words("cancel the order")
    ("if we cancel a teacher's licence (revoked)", 'cancel the order')
    >>> plain_words("Can the card be blocked for a while rather than cancelled for good?")
    'Can the card be blocked for a while (temporarily suspend) rather than cancelled for good (revoked)?'
    >>> plain_words("she lost her id card. can they switch it off for now, not cancel it for good?")
    'she lost her id card. can they switch it off (deactivate) for now (temporarily suspend), not cancel it for good (revoked)?'
    >>> plain_words("the account is locked for now"), plain_words("cancel the order for good")
    ('the account is locked for now', 'cancel the order for good')
    >>> plain_words("which officials or agencies have looked at their records")
    'which officials or agencies have looked at their records (who has looked at their personal data, data read requests)'
    >>> plain_words("put each citizen's national ID number into the address of GET requests")
    "put each citizen's national ID number into the address of GET requests (Personally Identifiable Information (PII) in URLs)"
    >>> plain_words("can the Scheduler start payments when the readings drop below normal?")
    'can the Scheduler start payments when the readings drop below (evaluate other conditions, not time only) normal?'
    >>> plain_words("what happens when the balance drops below zero?")  # nothing automatic asked
    'what happens when the balance drops below zero?'
    >>> plain_words("if i show my pension card from my phone, does the office that gave me the card find out where i showed it?")
    'if i show (present) my pension card from my phone (wallet), does the office that gave (credential issuer) me the card find out where i showed (track where the credentials are being presented) it?'
    >>> plain_words("If citizens carry their ID on a phone app, will the company that makes the app see where and when people show it?")
    'If citizens carry their ID on a phone app (wallet), will the company that makes the app (wallet provider) see where and when people show (track where the credentials are being presented) (present) it?'
    >>> plain_words("an officer checks a driver's digital licence: does the office that issued the licence find out the check happened?")
    "an officer checks a driver's digital licence (wallet): does the office that issued (credential issuer) the licence find out the check (learn details of the presentation, involved in the presentation) happened?"
    >>> plain_words("a farmer wants to use half of it at one shop and the rest later (a voucher)"), plain_words("use half of it")
    ('a farmer wants to use half of it (partial redemption) at one shop and the rest later (a voucher)', 'use half of it')
    >>> plain_words("will it turn the dollars into local money for us?")
    'will it turn the dollars into local money (currency conversion, exchange rate conversion, multicurrency) for us?'
    >>> plain_words("will it switch one money into the other?"), plain_words("we switch one server to the other")
    ('will it switch one money into the other (currency conversion, exchange rate conversion, multicurrency)?', 'we switch one server to the other')
    >>> plain_words("simulate how water moves through our pipes"), plain_words("the data pipes in our ETL")
    ('simulate how water moves through our pipes (geometric networks, water distribution lines, power utilities)', 'the data pipes in our ETL')
    >>> plain_words("hundreds of pictures taken from above"), plain_words("drones deliver parcels")
    ('hundreds of pictures taken from above (drone imagery, satellite imagery, raster data)', 'drones deliver parcels')
    >>> plain_words("just a bar that fills up as people go along")
    'just a bar that fills up (progress bars) as people go along'
    >>> plain_words("can she carry those over to the new phone?")
    'can she carry those over to the new phone (port credentials from one device to another)?'
    >>> plain_words("could I get a ping on my phone?"), plain_words("what kind of trackers would the lorries need?")
    ('could I get a ping (notifications) on my phone?', 'what kind of trackers (GPS or RFID tags) would the lorries need?')
    >>> plain_words("is it meant to replace town hall meetings?")
    'is it meant to replace town hall meetings (face-to-face formats)?'
    >>> plain_words("check if a member is in the farmer registry")
    'check if a member is in the farmer registry (exists)'
    >>> plain_words("what is in the population registry?")
    'what is in the population registry?'
    >>> plain_words("a yes or no on whether a trader is listed"), plain_words("answer yes or no")
    ('a yes or no on whether (boolean answer, true/false) a trader is listed', 'answer yes or no')
    >>> plain_words("it grinds to a halt because everybody logs in at once")
    'it grinds to a stop because everybody logs in at once (high load, autoscaling)'
    >>> plain_words("sends the same outage text twice by mistake"), plain_words("the same day twice a month")
    ('sends the same outage text twice (a duplicate) by mistake', 'the same day twice a month')
    >>> plain_words("can it send them another one until they reply?"), plain_words("will it nudge her a second time after the reminder?")
    ('can it send them another one (repeating an alert) until they reply?', 'will it nudge her a second time (repeating an alert) after the reminder?')
    >>> plain_words("if a customer ignores the first visit alert"), plain_words("she never replies to the reminder")
    ('if a customer ignores the first visit alert (acknowledgement is not received)', 'she never replies to the reminder (acknowledgement is not received)')
    >>> plain_words("what if literally nobody comes?"), plain_words("nobody comes to mind")
    ('what if literally nobody comes (no-show)?', 'nobody comes to mind')
    >>> plain_words("they lost the phone that holds their signing key"), plain_words("can the key behind it be cancelled?")
    ('they lost the phone that holds their signing key (revoke keys)', 'can the key behind it be cancelled (revoke keys)?')
    >>> plain_words("two blocks on the same Postgres instance"), plain_words("point at one shared Postgres instance")
    ('two blocks on the same Postgres instance (shared database)', 'point at one shared Postgres instance (shared database)')
    >>> plain_words("we push route-change updates out to several depot apps. if one depot's app is switched off?")
    "we push route-change updates out to several depot apps (publish events to subscribers, pub/sub). if one depot's app is switched off (deactivate) (offline, delivery retried)?"
    >>> plain_words("we send updates to the citizen by SMS"), plain_words("the office has no internet")
    ('we send updates to the citizen by SMS', 'the office has no internet')
    >>> plain_words("one of the apps that listens for updates goes offline for a few hours")
    'one of the apps that listens for updates (subscribers, pub/sub) goes offline (offline, delivery retried) for a few hours'
    >>> plain_words("when a relative says yes to data sharing for someone else")
    'when a relative says yes to data sharing for someone else (a Delegate, delegating)'
    >>> plain_words("can a relative agree in place of another?"), plain_words("they consent on her behalf")
    ('can a relative agree in place of another (a Delegate, delegating)?', 'they consent on her behalf (a Delegate, delegating)')
    >>> plain_words("the ministry pays on behalf of the government")  # no consent
    'the ministry pays on behalf of the government'
    >>> plain_words("the law requires it. Should we be running that through the Consent BB as a consent agreement?")
    'the law requires it. Should we be running that through the Consent BB as a consent agreement (what consent is not, the use of consent should be avoided)?'
    >>> plain_words("how is consent recorded when the baby isn't in any system yet?")
    "how is consent recorded when the baby isn't in any system yet (pre-registration, not yet provisioned in the System)?"
    >>> plain_words("they agree to data sharing before they even exist in our system")
    'they agree to data sharing before they even exist (pre-registration, not yet provisioned in the System) in our system'
    >>> plain_words("and if the parent says no to the consent?")
    'and if the parent says no (an explicit opt-out, consent omitted) to the consent?'
    >>> plain_words("can a voucher be cancelled before it is created?")  # no consent
    'can a voucher be cancelled before it is created?'
    >>> plain_words("show our buses moving on a live map")
    'show our buses moving (time-based dynamic tracking of objects, vehicle location) on a live map'
    >>> plain_words("we ask readers whether we may use their history, and they can change their mind later")
    'we ask readers whether we may use (consent) their history, and they can change their mind (withdraw consent) later'
    >>> plain_words("a buyer can change their mind about an order")  # no permission asked
    'a buyer can change their mind about an order'
    >>> plain_words("they sign in with just their national ID number. What extra check at login is needed?")
    'they sign in with just their national ID number (simple numerical digital ID). What extra check (multi-factor authentication) at login is needed?'
    >>> plain_words("an extra step in the payment")  # not at login
    'an extra step in the payment'
    >>> plain_words("are its logs allowed to keep my phone number?"), plain_words("send it to my phone number")
    ('are its logs allowed to keep my phone number (contact data, event logs, transaction logs)?', 'send it to my phone number')
    >>> plain_words("the officer's tablet checks a certificate in the refugee's own phone app")
    "the officer's tablet checks (verifier) a certificate in the refugee's own phone app (wallet)"
    >>> plain_words("how can inspectors verify that a permit on site is genuine?")  # not held in a phone
    'how can inspectors verify that a permit on site is genuine?'
    >>> plain_words("does the GIS bb say what kind of files we should save our maps as?")
    'does the GIS bb say what kind of files (data formats) we should save our maps as?'
    >>> plain_words("should we keep our parcel maps as shapefiles or in a spatial database?")
    'should we keep our parcel maps as shapefiles (data formats) or in a spatial database?'
    >>> plain_words("we have to call the order off. how does our money come back?")
    'we have to cancel the order. how does our money come back?'
    >>> plain_words("how many payouts can we send in one go?")
    'how many payouts can we send in one go (in a single batch)?'
    >>> plain_words("do they jump ahead of normal texts or is everything first come first served?")
    'do they jump ahead of (prioritized) normal texts or is everything first come first served (First In, First Out)?'
    >>> plain_words("could it drive that old screen-based application for us?"), plain_words("drive adoption")
    ('could it drive that old screen-based application (Robotic Process Automation, RPA) for us?', 'drive adoption')
    >>> plain_words("who may judge the offers suppliers send in?"), plain_words("a role in scoring tenders")
    ('who may judge the offers (bid evaluation) suppliers send in?', 'a role in scoring tenders (bid evaluation)')
    >>> plain_words("who gets to judge the suppliers' offers?")
    "who gets to judge the suppliers' offers (bid evaluation)?"
    >>> plain_words("which API call switches it on?"), plain_words("turn off the alerts"), plain_words("turn on to page 5")
    ('which API call switches it on (activate)?', 'turn off (deactivate) the alerts', 'turn on (activate) to page 5')
    >>> plain_words("does the id bb decide what a logged in user is allowed to do?")
    'does the id bb decide what a logged in user is allowed to (authorization) do?'
    >>> plain_words("staff want to change what's recorded for a day once it has finished")
    "staff want to change what's recorded for a day once it has finished (modification after the event is over)"
    >>> plain_words("draw a virtual boundary around each corridor")
    'draw a virtual boundary (a geofence) around each corridor'
    >>> plain_words("whats the call to switch one of those boundaries on?")
    'whats the call to switch one of those boundaries on (activate)?'
    >>> plain_words("if a parent doesn't reply to the SMS reminder"), plain_words("if the server doesn't respond to a call")
    ("if a parent doesn't reply to the SMS reminder (acknowledgement is not received)", "if the server doesn't respond to a call")
    >>> plain_words("if they don't confirm they got the reminder, will it send it again?")
    "if they don't confirm (acknowledgement is not received) they got the reminder, will it send it again (repeating)?"
    >>> plain_words("and who gets to set one up?"), plain_words("how do we set up a registry?")
    ('and who gets to set one up (created by)?', 'how do we set up a registry?')
    >>> plain_words("What must never show up in that service's logs?")
    "What must never show up in that service's logs (print)?"
    >>> plain_words("can one doctor be attached to several hospitals?"), plain_words("attached to the email")
    ('can one doctor be attached to several (affiliated with multiple entities) hospitals?', 'attached to the email')
    >>> plain_words("the museum pass on their phone: staff check the pass on a separate tablet")
    'the museum pass on their phone (wallet): staff check (verifier) the pass on a separate tablet (cross device)'
    >>> plain_words("clerks sign judgments with nothing but their ID login, no card readers or special phones")
    'clerks sign judgments with nothing but their ID login, no card readers (one-time signature approach) or special phones'
    >>> plain_words("people who have no smart card sign forms"), plain_words("citizens with no phone get letters")
    ('people who have no smart card (one-time signature approach) sign forms', 'citizens with no phone get letters')
    >>> plain_words("check whether a licence number is present in our digital registry"), plain_words("present in the data")
    ('check whether a licence number is present in our digital registry (exists)', 'present in the data')
    >>> plain_words("moving money from our department's budget to the finance ministry")
    "moving money from our department's budget to the finance ministry (Government to Government, G2G)"
    >>> plain_words("does the platform add capacity on its own?"), plain_words("we add capacity before exams")
    ('does the platform add capacity on its own (autoscaling)?', 'we add capacity before exams')
    >>> plain_words("transferring the budget from the treasury to the health ministry")
    'transferring the budget from the treasury to the health ministry (Government to Government, G2G)'
    >>> plain_words("can it handle one ministry paying another?"), plain_words("one ministry pays farmers")
    ('can it handle one ministry paying another (Government to Government, G2G)?', 'one ministry pays farmers')
    >>> plain_words("we pay money from the ministry to farmers"), plain_words("agency-to-agency traffic")
    ('we pay money from the ministry to farmers', 'agency-to-agency (government to government) traffic')
    >>> plain_words("citizens register online"), plain_words("the ministry's register for vehicles")
    ('citizens register online', "the ministry's register for vehicles")
    >>> plain_words("my neighbour lost her id card. can she sign a form online?")
    'a person lost their id card. can they sign a form online?'
    >>> plain_words("can my elderly parents' pension be paid to my mum's phone?"), plain_words("register my son's birth")
    ("can people's pension be paid to a person's phone?", "register my son's birth")
    >>> plain_words("the mother gets her baby's vaccination reminder")  # no one the asker knows
    "the mother gets her baby's vaccination reminder"

    Newcomers' and officials' words for GovStack's own pages (the sixty-sixth session's blind questions):

    >>> plain_words("Who is behind GovStack?")
    'Who is behind GovStack (the GovStack initiative is led by its founding partners; governance model)?'
    >>> plain_words("I found a mistake in the Payments spec. How do I report the error?")
    'I found a mistake (contributing: proposing changes, joining working groups) in the Payments spec. How do I report the error (contributing: proposing changes, joining working groups)?'
    >>> plain_words("How does the API report an error?")  # (not about the specification as a text)
    'How does the API report an error?'
    >>> plain_words("If a government decides to go this way, what is the order of things?")
    'If a government decides to go this way, what is the order of things (adopt GovStack: a suggested journey)?'
    """
    if PROXY_ASKER and (_PROXY.search(text) or _PROXY_MANY.search(text)):
        text = _rewrite(_PROXY, lambda m: "a person's" if m.group(2) else "a person", text, spans)
        text = _rewrite(_PROXY_MANY, lambda m: "people's" if m.group(2) else "people", text, spans)
        for pat, word in _GENDERED:
            text = pat.sub(word, text)
    folded = fold(text)
    for pat, verb in _PHRASAL:
        if may_match(pat, folded):  # (most of the 170 cannot match a given sentence: prefilter skips them cheaply)
            before = text
            text = _rewrite(pat, verb, text, spans)
            if text != before:
                folded = fold(text)
    if _WATCHED.search(text) and not _SAYS_GEOFENCE.search(text):
        text = _rewrite(_GEOFENCE, r"\g<0> (a geofence)", text, spans, count=1)
    if SIGNING_WITHOUT_DEVICE and _SIGNS.search(text):
        text = _rewrite(_NO_DEVICE, r"\g<0> (one-time signature approach)", text, spans, count=1)
    if ADOPTION_ORDER and _TAKES_UP.search(text) and not re.search(r"adopt GovStack", text) \
            and not registry.find_bbs(text):
        text = _rewrite(_BEGIN_ORDER, r"\g<0> (adopt GovStack: a suggested journey)", text, spans, count=1)
    if ORGANISATIONAL_SIDE and _EXCHANGES_DATA.search(text):
        text = _rewrite(_ORG_SIDE, r"\g<0> (a central operator, trust services, members onboarded)", text, spans, count=1)
    if CONTRIBUTING and re.search(r"\bplaybook\b", text, re.I) and _PROPOSES_CHANGE.search(text):
        # (the playbook takes feedback on its own pages: "How to submit feedback? … Click the “Give Feedback” button",
        # p91-010)
        text = _rewrite(_PROPOSES_CHANGE, r"\g<0> (submit feedback, provide feedback for a particular page)", text, spans)
    elif CONTRIBUTING and _ABOUT_SPEC_TEXT.search(text):
        text = _rewrite(_PROPOSES_CHANGE, r"\g<0> (contributing: proposing changes, joining working groups)", text, spans)
    elif CONTRIBUTING and _ABOUT_GOVSTACK_ITSELF.search(text):
        text = _rewrite(_GETS_INVOLVED, r"\g<0> (contributing: proposing changes, joining working groups)", text, spans)
    if NO_CLAIMS_LOGIN and _LOGS_IN.search(text) and not _SAYS_CLAIMS.search(text):
        text = _rewrite(_NO_PERSONAL_DATA, r"\g<0> (without user information, without user claims)", text, spans, count=1)
    if CONSENT_NOT_NEEDED and _OTHER_BASIS.search(text) and _ASKS_CONSENT.search(text):
        text = _rewrite(_ASKS_CONSENT, r"\g<0> (what consent is not, the use of consent should be avoided)", text, spans, count=1)
    if CREDENTIAL_CALLED_IT and _NAMES_CREDENTIAL.search(text):
        text = _rewrite(_IT_BLOCKED, r"\g<0> (temporarily suspend)", text, spans, count=1)
        text = _rewrite(_IT_CANCELLED, r"\g<0> (revoked)", text, spans, count=1)
        text = _rewrite(_NEVER_FOUND, r"\g<0> (not retrieved after some time)", text, spans, count=1)
    if TICK_BOX_CONSENT and _USES_DATA.search(text) and not re.search(r"\bconsent\b", text, re.I):
        text = _rewrite(_TICK_BOX, r"\g<0> (a checkbox to explicitly confirm consent)", text, spans, count=1)
    if ASKED_PERMISSION and _ASKS_PERMISSION.search(text):
        text = _rewrite(_ASKS_PERMISSION, r"\g<0> (consent)", text, spans, count=1)
        text = _rewrite(_CHANGES_MIND, r"\g<0> (withdraw consent)", text, spans, count=1)
    if CONSENT_FOR_ANOTHER and _CONSENTS.search(text):
        text = _rewrite(_FOR_ANOTHER, r"\g<0> (a Delegate, delegating)", text, spans, count=1)
        text = _rewrite(_NOT_PROVISIONED, r"\g<0> (pre-registration, not yet provisioned in the System)", text, spans, count=1)
        text = _rewrite(_SAYS_NO, r"\g<0> (an explicit opt-out, consent omitted)", text, spans, count=1)
    if LEVEL_TRIGGER_WHEN and _AUTOMATIC.search(text) and "(evaluate other conditions" not in text:
        text = _rewrite(_WHEN_LEVEL, r"\g<0> (evaluate other conditions, not time only)", text, spans, count=1)
    if PART_OF_IT_REDEEMED and _VOUCHER.search(text) and "(partial redemption)" not in text:
        text = _rewrite(_PART_OF_IT, r"\g<0> (partial redemption)", text, spans, count=1)
    if CREDENTIAL_SHOWN and _HELD_CREDENTIAL.search(text):
        text = _rewrite(_SHOWS, r"\g<0> (present)", text, spans, count=1)
        text = _rewrite(_OTHER_DEVICE, r"\g<0> (cross device)", text, spans, count=1)
        in_wallet = bool(_WALLET.search(text))
        # (where the credential is held: said as a wallet, a phone, or a digital credential)
        held = None if in_wallet else next((p for p in (_IN_PHONE, _DIGITAL_CREDENTIAL) if p.search(text)), None)
        if in_wallet or held:
            if held:
                text = _rewrite(held, r"\g<0> (wallet)", text, spans, count=1)
            text = _rewrite(_APP_MAKER, r"\g<0> (wallet provider)", text, spans, count=1)
            text = _rewrite(_LEARNS_OF_CHECK, r"\g<0> (learn details of the presentation, involved in the presentation)", text,
                            spans, count=1)
            text = _rewrite(_CHECKS, r"\g<0> (verifier)", text, spans, count=1)
            # "does the office that gave me the card find out where i showed it?": the issuer, tracking presentations
            # ("The credential issuer SHOULD NOT be able to track where the credentials are being presented", s68-035)
            text = _rewrite(_GAVE_IT, r"\g<0> (credential issuer)", text, spans, count=1)
            text = _rewrite(_WHERE_SHOWN, r"\g<0> (track where the credentials are being presented)", text, spans, count=1)
    return text


# "What is X-Road?", "What is BPMN?", "What is G2P?", "What is IaaS?" ask what the word means, though the registry
# counts it among a block's aliases (its search still favours that block's pages): only a block's own name ("What is
# the Information Mediator?", "What is the CMS BB?") asks about the block
ALIAS_IS_A_TERM = True


def _alias_only(term: str) -> bool:
    """Whether a term that names a block (registry.is_block_name) is one of its aliases rather than its name.

    >>> _alias_only("X-Road"), _alias_only("BPMN"), _alias_only("the Information Mediator"), _alias_only("CMS BB")
    (True, True, False, False)
    >>> _alias_only("the IM"), _alias_only("CMS"), _alias_only("GIS"), _alias_only("mobile money")
    (False, False, False, True)
    """
    t = " ".join(term.split()).strip(" ?.!'\"“”‘’")
    if re.search(r"\b(bb|building block)$", t, re.I):
        return False
    t = re.sub(r"^(the|a|an)\s+", "", t, flags=re.I).lower()
    return not any(t == b.name.lower() or t == re.sub(r"[^a-z]", "", b.name.lower()) or t == _initials(b.name) or any(
        t == _initials(a) for a in b.aliases if len(a.split()) >= 2) for b in registry.building_blocks())


def _initials(name: str) -> str:
    """ "Information Mediator" → "im", "content management system" → "cms". """
    return "".join(w[0] for w in re.findall(r"[a-z]+", name.lower()))


@dataclass
class QueryAnalysis:
    question: str  # as asked (after trimming/truncation)
    standalone: str  # what retrieval searches for (follow-ups resolved)
    intent: str
    bbs: list[str] = field(default_factory=list)
    term: str | None = None
    terms: list[str] = field(default_factory=list)  # "difference between a use case and a building block" → both
    terms_defined: bool = False  # the terms are asked to be defined each ("what do 'issuer', 'holder' … mean?"), not compared
    api_path: str | None = None
    carried_bbs: list[str] = field(default_factory=list)  # BBs taken from earlier turns
    unknown_bb: str | None = None  # "the Blockchain building block" that GovStack does not have
    truncated: bool = False
    keywords: list[str] = field(default_factory=list)
    bb_need: str | None = None  # "Which building block sends reminders?" → "sends reminders" (need_of_which_bb)
    bb_needs: list[str] = field(default_factory=list)  # one per job asked for (which_bb_needs): "which bb … and which one …"
    # the blocks that need calls for, filled in by the service: (BB id, chunk id of the functionality, its sentence)
    need_blocks: list[tuple[str, str, str]] = field(default_factory=list)
    need_matched: bool = False  # the advisor has mapped bb_need (need_blocks empty then: no block is clearly called for)
    enumerates: str | None = None  # "What payment infrastructure scenarios does the spec describe?" → "scenario"
    listed_total: int = 0  # … and how many such sections the service found (the answer lists the first LIST_SECTION_MAX)
    # "We want farmers to register online, get SMS advice … Which building blocks do we need?": the advisor's answer,
    # filled in by the service: the selected blocks as (BB id, chunk id of the cited passage, reason), and the closest
    # reference use case as (id, title, its blocks) or None
    advice: list[tuple[str, str, str]] = field(default_factory=list)
    advice_use_case: tuple[str, str, list[str]] | None = None
    advice_named: set[str] = field(default_factory=set)  # … of them, the blocks a step of the description calls for
    advice_held: list[tuple[str, str]] = field(default_factory=list)  # (BB, why) likely but not proposed (decide)
    advice_guidance: str | None = None  # … or, for a description too thin to analyse, what the advisor asks for
    # "Where should a newcomer start reading the specification?": the reading path's steps, filled in by the service, as
    # (chunk id of the page's passage quoted, the step's title, why read it, the block a catalogue entry is about), and
    # the block whose chapters they are
    reading_path: list[tuple[str, str, str, str]] = field(default_factory=list)
    reading_block: str = ""
    reading_kind: str = ""  # "path" (the specification's), "block" (one block's chapters), "catalogue" (every block)
    # or "chapters" (what the chapters of a block's specification are for)
    reading_quotes: dict[str, list[str]] = field(default_factory=dict)  # chunk id → the template's sentences quoted
    # text → vector: the question's texts as the first search embedded them (the standalone question, and its search_text),
    # so that later searches and the answerer's scoring by meaning do not embed them again
    vectors: dict[str, list[float]] = field(default_factory=dict)
    ask_again: str = ""  # the asking sentence, read twice by the search when context comes first (ASK_TWICE)
    # "How do blocks exchange data? Could one block read another's database directly?": the asking sentences after the
    # first, when each has words of its own (more_asks); the search brings their passages, the answer answers each
    more_asks: list[str] = field(default_factory=list)
    previous: str = ""  # a follow-up's previous question (the one "does that cover deaths?" follows)

    @property
    def search_text(self) -> str:
        """What the search embeds and matches: the standalone question, and its asking sentence once more."""
        return f"{self.standalone} {self.ask_again}" if self.ask_again else self.standalone


# "What payment infrastructure scenarios does the Payments spec describe?", "Which flows are described?", "What are the
# deployment options defined in …?": the answer is the spec's sections of that kind, one point each
_ENUMERATES = re.compile(
    r"\b(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:[\w-]+\s+){0,3}?([a-z-]{3,}s)\s+(?:are|does|do|did|is|can|has|have)\b"
    r"[^?.!]*?\b(?:describ|defin|cover|specif|list|outlin|document|present|propos|distinguish)\w*"
    r"|\b(?:what|which)\s+are\s+the\s+(?:[\w-]+\s+){0,3}?([a-z-]{3,}s)\s+(?:described|defined|covered|specified|listed|outlined)\b"
    # "What design principles should building blocks follow?": a question opening on a plural noun it asks about
    # (not one narrowed by a condition: "What notifications are sent when a payment fails?")
    # (…after a lead-in: "For a briefing note: what core principles does GovStack say …?"; and with the ones it asks
    # about named between: "What are the basic principles every GovStack building block is supposed to follow?")
    r"|(?:^|[.?!:]\s+)(?:what|which)\s+(?:[\w-]+\s+){0,3}?([a-z-]{3,}s)\s+"
    r"(?:(?:that|which)\s+)?(?:[\w-]+\s+(?:says?|said|thinks?|recommends?|wants?|expects?)\s+)?"
    r"(?:(?:every|each|all|any)\s+(?:[\w-]+\s+){0,3}?)?(?:should|must|shall|does|do|are|is|can)\b"
    r"(?![^?.!]*\b(?:when|whenever|if|after|before|during|once|unless)\b)"
    # "what kinds of holder binding are defined?": kinds of a thing named in the singular
    r"|\b(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:[\w-]+\s+){0,3}?([a-z-]{3,})\s+(?:are|is|does|do|exist)\b"
    r"[^?.!]*?\b(?:describ|defin|cover|specif|list|outlin|document|present|propos|distinguish|support)\w*"
    # "list of possible event statuses in the scheduler pls", "What are the possible event statuses?": the values a
    # thing can take, asked for as a list
    r"|(?:^|[.?!]\s+)(?:(?:a|the|full|complete)\s+)?(?:list|overview)\s+(?:of\s+)?(?:all\s+)?(?:the\s+)?"
    r"(?:possible|different|valid|allowed|available|supported)\s+(?:[\w-]+\s+){0,2}?([a-z-]{3,}s)\b"
    r"|\b(?:what|which)\s+are\s+(?:all\s+)?the\s+(?:possible|different|valid|allowed|available|supported)\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z-]{3,}s)\b",
    re.I)
# nouns other answers handle (requirements, operations, fields, steps, blocks, use cases, terms), and words in a noun's
# place that are none ("What does …", "Which of this …")
_NOT_ENUMERATED = {"requirement", "api", "endpoint", "operation", "field", "attribute", "block", "bb", "step", "case", "term",
                   "thing", "detail", "information", "data", "building"}
_NOT_NOUNS = {"does", "this", "thus", "always", "perhaps", "news"}
BARE_KINDS_OF_TERM = True
_BARE_KINDS = re.compile(r"\b(?:what|which)\s+(?:kinds|types|sorts)\b(?!\s+of\b)", re.I)


# "What are the cross-cutting requirements?", "List the cross-cutting rules": naming no block, the architecture's chapter
# of that name, whose sections are the requirements, one each (requirements are otherwise never listed by section:
# _NOT_ENUMERATED)
BARE_CROSS_CUTTING = re.compile(r"\bcross[- ]cutting (rules?|requirements?|reqs?)\b", re.I)
_LIST_ASK = re.compile(r"^\W*(?:what|which)\s+(?:are|is)\b|^\W*(?:list|name|show|give)\b|\bwhat\s+(?:\w+\s+){0,3}(?:rules?|"
                       r"requirements?|reqs?)\s+(?:must|should|do|does|are|apply)\b", re.I)


def asks_cross_cutting_list(q: str) -> bool:
    """
    >>> asks_cross_cutting_list("What are the cross-cutting requirements?"), asks_cross_cutting_list("List the cross-cutting rules")
    (True, True)
    >>> asks_cross_cutting_list("Does TLS 1.2 meet the cross-cutting requirements?")
    False
    """
    return bool(BARE_CROSS_CUTTING.search(q)) and bool(_LIST_ASK.search(q))


def enumerated_noun(q: str, term: str | None = None) -> str | None:
    """The kind of section a question asks the spec to list, singular; bare "which kinds" are kinds of the term asked
    about (its head word).

    >>> enumerated_noun("What payment infrastructure scenarios does the Payments spec describe?")
    'scenario'
    >>> enumerated_noun("How does a wallet obtain a credential? Which flows are described?")
    'flow'
    >>> enumerated_noun("What design principles should building blocks follow?")
    'principle'
    >>> enumerated_noun("What does 'holder binding' mean, and what kinds of holder binding are defined?")
    'binding'
    >>> enumerated_noun("Which endpoints does the Payments BB define?") is None
    True
    >>> enumerated_noun("What notifications are sent when a payment fails?") is None
    True
    >>> enumerated_noun("list of possible event statuses in the scheduler pls")
    'status'
    >>> enumerated_noun("What are the different alert statuses in the Scheduler BB?")
    'status'
    >>> enumerated_noun("What are the possible requirements?") is None
    True
    >>> enumerated_noun("What does 'holder binding' mean, and which kinds does it describe?")
    'binding'
    >>> enumerated_noun("Which field types must a registry schema support?", "field types")
    'type'
    """
    m = _ENUMERATES.search(q or "")
    if not m:
        return None
    noun = next(g for g in m.groups() if g).lower()
    if BARE_KINDS_OF_TERM and noun in ("kinds", "types", "sorts") and _BARE_KINDS.search(q):
        # "… 'holder binding' mean, and which kinds does it describe?": kinds of binding, the term asked about (or the
        # one the question quotes)
        quoted = list(dict.fromkeys(" ".join(t.split()) for t in _QUOTED.findall(q)))
        term = term or (quoted[0] if len(quoted) == 1 else None)
        if not term:
            return None
        noun = term.split()[-1].lower()
    if noun in _NOT_NOUNS:
        return None
    if noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-2] if re.search(r"(ss|us|x|ch|sh)es$", noun) else noun[:-1]
    return None if noun in _NOT_ENUMERATED else noun


def noun_pattern(noun: str) -> re.Pattern:
    """The enumerated noun, singular or plural, anywhere in a text (a section title, a glossary term).

    >>> bool(noun_pattern("scenario").search("Payment Infrastructure Scenarios")), bool(noun_pattern("process").search("Processes"))
    (True, True)
    """
    return re.compile(rf"\b{re.escape(noun)}(e?s)?\b", re.I)


# "Which building blocks do I need for a birth registration service?" — a job for the building-block advisor
_ADVICE = re.compile(r"\b(which|what)\s+(building blocks|bbs|blocks)\s+((do|would|should|could|shall|must)\s+(i|we|you|they|my|our|an?)\b"
                     r"[^?]{0,40}\b(need|use|pick|choose|combine|require)\b|"
                     # "Which building blocks are needed for our farmer subsidy service?"
                     r"(are|would be|will be|might be)\s+(needed|required|used|useful)\s+(for|in)\s+(our|my|a|an|this|such an?)\s"
                     r"[^?]{0,60}\b(service|system|programme|program|platform|app|application|portal|project|solution)s?\b|"
                     # "What building blocks would a birth registration service use?"
                     r"(would|will|does|do|might)\s+(a|an|our|my|this|such an?)\s[^?]{0,60}\b(service|system|programme|program|"
                     r"platform|app|application|portal|project|solution)s?\s+(need|use|require)\b)", re.I)


# "Which building block sends appointment reminders?", "What BB should I use to store a list of farmers?", "We want
# officers to sign permits digitally. Which BB covers that?": a block asked for by the job it does. The need (the rest
# of the asking sentence, and the context sentences before it) is matched to the blocks the way the advisor matches a
# service's needs (Suggester.blocks_for). Not: "Which building blocks are specified…", "… does GovStack specify?"
# (or whether there is one: "Is there a building block for chatbots?", "Does GovStack have a BB that sends SMS?")
_IS_THERE = (r"(?:(?:is|are)\s+there|(?:does|do)\s+(?:govstack|the\s+spec\w*|you)\s+(?:have|offer|include|provide|specify|"
             r"define))\s+(?:a|an|any)\s+(?:(?:govstack|separate|dedicated|specific|single)\s+)?")
_WHICH_BB = re.compile(rf"\b(?:(?:which|what)\s+(?:of\s+the\s+)?(?:govstack\s+)?|{_IS_THERE})(?:building[ -]blocks?|bbs?|"
                       r"blocks?|(?:part|component|piece)s?\s+of\s+(?:the\s+)?govstack)\b(?P<rest>[^?]*)\?*\s*$", re.I)
# "Is there a blockchain building block?": the job is the name GovStack may not have (a block's own name is no job)
_IS_THERE_NAMED = re.compile(rf"\b{_IS_THERE}(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:building[ -]blocks?|bbs?)\b"
                             r"\s*\?*\s*$", re.I)
# what may follow "which building block": a verb of the job, or a form that leads to one (stripped)
_WHICH_LEAD = re.compile(
    r"^(?:"
    # "… should we use to", "… would the ministry use for"
    r"(?:do|would|should|could|can|shall|must|will)\s+(?:i|we|you|they|one|(?:a|an|the|our|my|their|your)(?:\s+[\w'-]+){1,3})"
    r"\s+(?:use|pick|choose|take|go with)(?:\s+(?:for|to))?"
    # "… would handle", "… can sign"
    r"|(?:would|could|can|will|should|shall|must|might)(?=\s+(?!(?:i|we|you|they|one|govstack)\b)\w)"
    # "… is responsible for", "… is the secure gateway for", "… is about running servers"
    r"|(?:is|are)\s+(?:(?=(?:responsible|used|best|in charge|meant|designed|needed|required|suited|there to|the|a|an|that|"
    r"this|it)\b)|about|for)"
    # "… does publish/subscribe" (not "does GovStack specify", "do I need")
    r"|(?:does|do)(?=\s+(?!(?:govstack|the spec\w*|i|we|you|they|my|our|a|an)\b)\w)"
    # (is there a building block) "for chatbots", "that sends SMS", "to book appointments"
    r"|(?:for|that|which|to)(?=\s)"
    r")\s*", re.I)
_NOT_A_JOB = re.compile(r"^(?:['’]s\b|is|are|was|were|does|do|did|exist|exists|has|have|had|of|in|from|the|a|an|govstack)\b"
                        r"|^['’]", re.I)
_REFERS_BACK = re.compile(r"^(?:(?:covers?|handles?|does|is|are|do|provides?|supports?|manages?)\s+)?(?:(?:that|this|it|these|"
                          r"those)(?:\s+(?:kind|sort|type)\s+of\s+\w+)?|the\s+\w+)?\s*[.!]?$", re.I)
# a use case named outright (not a topic that one covers, as _USECASE_FIELD takes): "Which BBs does the INST-1 use case use?"
_NAMES_USE_CASE = re.compile(rf"\b(use[ -]?cases?|usecases?|{_UC_ID})\b", re.I)
NAMES_USE_CASE = _NAMES_USE_CASE  # (retrieve: a question about one block that names no use case)
# a question on what a use case's blocks do in it, step by step ("Which GovStack building blocks does it lean on, and for
# what?", "which building blocks are used and what does each one do?", "… which building blocks are the vector database
# and the document retrieval mapped to?"): the answer lists each step's blocks (service.Assistant._augment brings the
# steps, the answerer lists them)
NAMES_BLOCKS = re.compile(r"\b(building\s+blocks?|bbs?)\b", re.I)  # a question that says "building blocks"
ASKS_BLOCK_ROLES = re.compile(r"\b(for\s+what|what\s+for|what\s+(does|do)\s+(each|every)(\s+one)?(\s+of\s+them)?\s+do|"
                              r"what\s+each(\s+one)?\s+(does|is\s+for|is\s+used\s+for)|roles?|mapped\s+to|"
                              r"(in|at|for)\s+which\s+steps?|per\s+step|(in|at|for)\s+each\s+step|step\s+by\s+step)\b", re.I)
# a sentence ends at . ! ? and a space, typed in lower case too ("we pay cash. which bb handles that?"), but not after an
# abbreviation ("… messages, e.g. telling an applicant …")
_ASK_SENTENCES = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bcf\.)(?<=[.!?])\s+", re.I)


_IDENTIFIER = re.compile(r"(?<![\w/])(?:[a-z]{2,}[A-Z][a-z]\w*|[A-Z][a-z]+[A-Z][a-z]\w*)\b|" + API_PATH.pattern)
_NOT_IDENTIFIERS = {"GovStack", "OpenAPI", "eSignature", "iFrame", "JavaScript", "OAuth"}  # names written in camel case


def identifiers(text: str) -> list[str]:
    """The schema names, field names and API paths a question names ("DataAgreement", "requestUid", "/consent/{id}").

    >>> identifiers("What is the DataAgreement schema for, and what does /data/myPersonalDataUsage return?")
    ['DataAgreement', '/data/myPersonalDataUsage']
    >>> identifiers("What does the GovStack eMarketplace BB do with an mDL?")
    []
    """
    return [m.group(0) for m in _IDENTIFIER.finditer(text or "") if m.group(0) not in _NOT_IDENTIFIERS]


COMPARED_WITH_PREVIOUS = True  # a follow-up naming a block and asking how it differs from "that" compares the two (analyze)
CARRY_ANSWERED_BLOCK = True  # a follow-up to a which-block question refers to the block its answer named (analyze)


# a which-block question whose context says what the asker must do ("we have to stop paying people once they die")
# asks for a block, not for a rule of the spec
NEED_ASKS_NO_RULE = True


def need_of_which_bb(question: str) -> str | None:
    """The job in a "which building block does X?" question (None for other questions): the rest of the asking
    sentence, with the sentences before it when they describe the job ("… Which BB covers that?"); two jobs asked
    for ("which bb decides when they go out and which one sends them?") are two needs (which_bb_needs).

    >>> need_of_which_bb("Which building block sends appointment reminders by SMS?")
    'sends appointment reminders by SMS'
    >>> need_of_which_bb("Which BB is responsible for storing consent records?")
    'responsible for storing consent records'
    >>> need_of_which_bb("We pay cash transfers into mobile money accounts. Which BB handles that?")
    'We pay cash transfers into mobile money accounts.'
    >>> need_of_which_bb("We need SMS reminders. Does the scheduler send them itself or which BB does that?")
    'We need SMS reminders.'
    >>> need_of_which_bb("We must be warned when a delivery truck leaves its zone. Which part of GovStack covers that?")
    'We must be warned when a delivery truck leaves its zone.'
    >>> need_of_which_bb("Which BB should sit between the two systems, and would we still need it if both were in one place?")
    'sit between the two systems'
    >>> need_of_which_bb("Which building blocks are specified in this release?") is None
    True
    >>> need_of_which_bb("Is there a building block for sending SMS?"), need_of_which_bb("Is there a blockchain BB?")
    ('sending SMS', 'blockchain')
    >>> need_of_which_bb("Does GovStack have a building block that books appointments?")
    'books appointments'
    >>> need_of_which_bb("Is there a payments building block?") is None, need_of_which_bb("Is there a building block?")
    (True, None)
    >>> need_of_which_bb("we send vote reminders by sms - which bb decides when they go out and which one sends them??")
    'we send vote reminders by sms decides when they go out. sends them'

    "Which BB calls which?" asks how blocks deal with each other in a process, not which one does a job:

    >>> need_of_which_bb("How is a beneficiary onboarded into the account mapper? which BB calls which, in what order") is None
    True
    """
    return _one_need(_which_bb_parts(question))


def _one_need(parts: tuple[str, list[str]] | None) -> str | None:
    if parts is None:
        return None
    context, jobs = parts
    said = ". ".join(jobs)
    return f"{context} {said}" if context and said else (context or said)


def which_bb_needs(question: str) -> list[str] | None:
    """need_of_which_bb, one need per job asked for, each with the context.

    >>> which_bb_needs("we send vote reminders by sms - which bb decides when they go out and which one sends them??")
    ['we send vote reminders by sms decides when they go out', 'we send vote reminders by sms sends them']
    >>> which_bb_needs("Which building block do I use to send SMS to citizens, and which one to exchange data between ministries?")
    ['send SMS to citizens', 'exchange data between ministries']
    >>> which_bb_needs("Which BB sends the SMS, and which one is cheaper to run?")
    ['sends the SMS']
    """
    return _need_per_job(_which_bb_parts(question))


def _need_per_job(parts: tuple[str, list[str]] | None) -> list[str] | None:
    if parts is None:
        return None
    context, jobs = parts
    return [f"{context} {j}" if context else j for j in jobs] or [context]


def _which_bb_parts(question: str) -> tuple[str, list[str]] | None:
    """A which-block question's context and the jobs it asks for (None: not such a question)."""
    q = " ".join((question or "").split())
    if not q or asks_for_advice(q) or _NAMES_USE_CASE.search(q) or _CALLS_WHICH.search(q):
        return None
    sents = [x for x in _ASK_SENTENCES.split(q) if x.strip()]
    # (asked alone, whether there is a block for a job is which block does it; after a described situation, the
    # search answers better: "… we keep paying for months because nobody tells us. Is there a GovStack block that
    # would alert our system?" is the Identity BB's notification services, which no job words name)
    alone = len(sents) == 1
    named = _IS_THERE_NAMED.search(q) if alone else None
    if named and not registry.find_bbs(f"{named.group('name')} building block"):
        return "", [named.group("name")]
    for i in range(len(sents) - 1, -1, -1):
        m = _WHICH_BB.search(sents[i])
        if not m or (not alone and re.match(_IS_THERE, m.group(0), re.I)):
            continue
        before = sents[i][: m.start()].strip(" ,;:-")  # "we want officers to sign permits digitally, which bb?"
        if len(before.split()) < 3 or re.search(r"\bor$", before, re.I):
            before = ""  # "In which building block …", "And which BB …", "Does the scheduler send them itself or which BB …"
        context = " ".join(sents[:i] + ([before] if before else [])).strip()
        # the asking sentence runs on past an abbreviation's full stop ("… automatically, e.g. when a clinic …")
        rest = " ".join([m.group("rest")] + sents[i + 1:]).strip(" ,;:-?")
        lead = _WHICH_LEAD.match(rest)
        if lead:
            rest = rest[lead.end():]
        elif rest and _NOT_A_JOB.match(rest) and not _REFERS_BACK.match(rest):
            return None
        if NEED_STOPS_AT_NEXT_ASK:
            # "Which building block should sit between the two systems, and would we still need it if both were hosted
            # in the same data centre?": the second question is no part of the job
            rest = _NEXT_ASK.split(rest, maxsplit=1)[0]
        # "which bb decides when they go out and which one sends them?": two jobs, each a need of its own
        parts = _AND_WHICH.split(rest) if WHICH_BB_JOBS else [rest]
        # (a later part is a job when it reads as one: not "… and which one is cheaper")
        parts = parts[:1] + [x for x in parts[1:] if _WHICH_LEAD.match(x) or not _NOT_A_JOB.match(x)]
        jobs = [j for j in (_strip_lead(x) for x in parts) if j and not _REFERS_BACK.match(j)]
        return (context, jobs) if jobs or context else None
    return None


def _strip_lead(job: str) -> str:
    lead = _WHICH_LEAD.match(job)
    return job[lead.end():] if lead else job


WHICH_BB_JOBS = True


_AND_WHICH = re.compile(r"\s*,?\s+and\s+which\s+(?:one|ones|bbs?|blocks?|building[ -]blocks?)\b\s*", re.I)


NEED_STOPS_AT_NEXT_ASK = True
_NEXT_ASK = re.compile(r",?\s+and\s+(?=(would|do|does|did|is|are|can|could|should|will|must|what|how|when|where|who)\s+"
                       r"(we|i|you|they|it|that|this|the|our|their|there)\b)", re.I)


COLON_CONTEXT = True
COLON_CORE = True  # … and the question's core (intent, defined term) is read after it
COLON_LABEL_WORDS = 5  # a label before a colon at most this long ("Messaging BB Kafka topic: …"); longer, it is context
ASKER_LABEL = True  # (m62-035)
_ASKER = re.compile(r"\b(" + _GOV_BODY + r"|office|team|unit|desk|officer|clerk|engineer|developer|architect|"
                    r"administrator|dba|lawyer|auditor|consultant|director|adviser|advisor|here)\b", re.I)
_AFTER_COLON = re.compile(r"(?<=\w)[:;]\s+(?=(?:(?:in|for|on|within|under|with|at)\s+[^,?:;]{2,60},\s*)?"  # "…: in the X, what …?"
                          r"(?:what|what's|which|how|who|when|where|why|is|are|can|could|do|does|did|should|"
                          r"must|may|will|would)\b)", re.I)


def _after_colon(question: str) -> str:
    """A one-sentence question's asking part after a colon that opens it (ask_part); the question itself otherwise."""
    sents = _sentences(question)
    return _AFTER_COLON.split(question.strip(), maxsplit=1)[-1] if len(sents) == 1 and question.rstrip().endswith("?") \
        else question


def colon_label(question: str) -> str:
    """The short label a question opens with before a colon ("Messaging BB Kafka topic: when I POST …?"), which can name
    what is asked about; "" for none, or for a longer clause (who asks, and where).

    >>> colon_label("Messaging BB Kafka topic: what do I get back?")
    'Messaging BB Kafka topic'
    >>> colon_label("Platform engineer in the CIO's office, checking an API: why?")
    ''
    >>> colon_label("Ministry of Finance treasury: who deals with dead virtual servers?")
    ''
    """
    parts = _AFTER_COLON.split(question, maxsplit=1)
    if len(parts) != 2 or len(parts[0].split()) > COLON_LABEL_WORDS:
        return ""
    # a label that says who asks ("Ministry of Finance treasury: …", "Procurement officer: …") names no thing asked about
    return "" if ASKER_LABEL and _ASKER.search(parts[0]) else parts[0]


def ask_part(question: str) -> str:
    """The sentences that ask (ending in '?'), without the context an official gives first ("We are building a land
    registry in Rwanda. Which fields must …?"): the context is for retrieval, not evidence that the spec is silent.

    >>> ask_part("our two modules share tables. is that allowed?"), ask_part("Which BB sends SMS, e.g. reminders?")
    ('is that allowed?', 'Which BB sends SMS, e.g. reminders?')
    >>> ask_part("Engineer in the CIO's office, checking an API: what's the longest a token may stay valid?")
    "what's the longest a token may stay valid?"
    """
    sents = _sentences(question)
    if COLON_CONTEXT:
        # "Platform engineer in the CIO's office, checking a provider's API: what's the longest a token may stay
        # valid?", "Workflow BB API: which call …?": the words before the colon say where the question is, when a
        # question opens after it (a short label can still name what is asked about: see colon_label)
        sents = [_AFTER_COLON.split(x, maxsplit=1)[-1] if x.endswith("?") else x for x in sents]
    if len(sents) < 2:
        return sents[0] if COLON_CONTEXT and sents else question
    asks = [x for x in sents if x.endswith("?")]
    return " ".join(asks) if asks else question


def _sentences(text: str) -> list[str]:
    return [x.strip() for x in _ASK_SENTENCES.split(text.strip()) if x.strip()]


_PURPOSE_LEAD = re.compile(r"^\s*(?:just\s+|so\s+as\s+|in\s+order\s+)?to\s+[a-z]+(?:\s+[\w'-]+){0,4}\s*,\s*", re.I)


def subject_part(question: str) -> str:
    """The asking sentences, with the sentence before them when they only point back at it: what the question is about.

    >>> subject_part("We track who edits parcels and undo mistakes. Does the GIS building block cover this?")
    'We track who edits parcels and undo mistakes. Does the GIS building block cover this?'
    >>> subject_part("We are building a land registry in Rwanda. Which fields must a parcel record hold?")
    'Which fields must a parcel record hold?'
    >>> subject_part("To save effort, can two building blocks exchange data through a shared database?")
    'can two building blocks exchange data through a shared database?'
    """
    # a purpose before the question ("To save effort, …", "To cut costs, …") says why it is asked, not what about
    ask = _PURPOSE_LEAD.sub("", ask_part(question))
    # (a pronoun pointing back, at most three other words of content)
    if ask == question or not POINTS_BACK.search(ask) or len([w for w in keywords(registry.spell_out(ask))
                                                               if not registry.find_bbs(w)]) > 3:
        return ask
    sents = _sentences(question)
    first = next(n for n, x in enumerate(sents) if x.endswith("?"))
    return f"{sents[first - 1]} {ask}" if first else ask


UNMARKED_LAST_ASK = True
TERM_IN_LATER_ASK = True
_ASKS_UNMARKED = re.compile(r"^\s*(?:and\s+|also\s+|but\s+|so\s+)?(?:can|could|does|do|did|is|are|was|will|would|should|must|"
                            r"what|how|which|who|when|where|why)\b", re.I)


def more_asks(question: str, most: int = 2) -> list[str]:
    """The question's asking sentences after the first, each with at least three words of content of its own that the
    first does not have: a second question, not a refinement of the first ("… ? Which approach is recommended?",
    "What does the Consent BB require here?" are answered by the answer to the first).

    >>> more_asks("How do building blocks exchange data? Could one block read another block's database directly?")
    ["Could one block read another block's database directly?"]
    >>> more_asks("What certification level does the HSM need, and which interface standards should it follow?")
    ['which interface standards should it follow?']
    >>> more_asks("how does govstack actually define consent? and can people take it back later")
    ['and can people take it back later']
    >>> more_asks("Is the Wallet BB a mobile money wallet? Is it one?"), more_asks("What is a PSUT?")
    ([], [])
    >>> more_asks("What is GovStack, and what do you mean by a 'building block'?")
    ["what do you mean by a 'building block'?"]
    """
    sents = _sentences(question)
    asks = [x for x in sents if x.endswith("?")]
    if UNMARKED_LAST_ASK and asks and len(sents) >= 2 and not sents[-1].endswith("?") and _ASKS_UNMARKED.match(sents[-1]):
        asks.append(sents[-1])  # typed without its "?": "how does govstack define consent? and can people take it back later"
    if SPLIT_CLAUSES and asks:
        # "Which endpoint reports delivery, and what statuses can it report?": two questions in one sentence
        asks = [c.strip() for a in asks for c in _CLAUSE_SPLIT.split(a) if c.strip()]
    if len(asks) < 2:
        return []
    seen = set(keywords(registry.spell_out(asks[0])))
    out = []
    for a in asks[1:]:
        own = [w for w in keywords(registry.spell_out(a)) if w not in seen and w not in ("here", "there")
               and not registry.find_bbs(w)]
        seen.update(own)
        if len(own) >= 3 or (LATER_DEFINITION and _defines_another(a, asks[0])):
            out.append(a)
    return out[:most]


# "What is GovStack, and what do you mean by a 'building block'?": a later ask that defines another term is a second
# question, however few words of content it has ("building block" is no content word to keywords)
LATER_DEFINITION = True


def defined_term(ask: str) -> str | None:
    """The term a definition question asks about ("and what do you mean by a 'building block'?" → "building block"),
    None for another question or a pronoun ("what does it mean?").

    >>> defined_term("and what do you mean by a 'building block'?"), defined_term("what does it mean?")
    ('building block', None)
    """
    a = re.sub(r"^\s*(?:and|also|plus|then|so)\b[\s,]*", "", ask, flags=re.I)
    if not _TERM.match(a):
        return None
    term = (_term_of(a) or "").strip(" '\"‘’“”")
    if not term or re.fullmatch(r"(?:it|that|this|these|those|they|them|one|he|she)", term, re.I):
        return None
    return term


def _defines_another(ask: str, first: str) -> bool:
    """Whether a later ask is a definition question about a term the first ask does not name.

    >>> _defines_another("and what do you mean by a 'building block'?", "What is GovStack")
    True
    >>> _defines_another("what does it mean?", "What is a PSUT"), _defines_another("what is GovStack?", "What is GovStack")
    (False, False)
    """
    term = defined_term(ask)
    return bool(term) and term.lower() not in first.lower()


# the asking frame of a "Which building blocks …?" sentence; what it leaves is the service described ("… would we need
# to pay monthly pensions …?", "… would a birth registration service use?", "… are needed for our farmer subsidy
# service?")
_ADVICE_FRAME = re.compile(
    r"\b(?:which|what)\s+(?:of\s+the\s+)?(?:govstack\s+)?(?:building[ -]blocks|bbs|blocks)\b"
    r"(?:\s+(?:do|does|would|should|could|will|might|must|shall|can)\s+(?P<subj>i|we|you|they|one|it|"
    r"(?:a|an|the|our|my|their|your|this|such(?:\s+an?)?)(?:\s+[\w'-]+){1,5}?)"
    r"\s+(?:need|use|require|want|combine|reuse|involve|be\s+(?:needed|required|used|useful))"
    r"|\s+(?:are|is|would\s+be|will\s+be|might\s+be)\s+(?:needed|required|used|useful|relevant|involved|best))?"
    r"(?:\s+(?:(?:in\s+order\s+)?to|for|in|with))?", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(i|we|you|they|one|it)$", re.I)


def described_service(question: str) -> str:
    """A "which building blocks …?" request without its asking frame: the service it describes, for the advisor.

    >>> described_service("We run a pensions agency. Which building blocks would we need to pay monthly pensions?")
    'We run a pensions agency. pay monthly pensions'
    >>> described_service("Which building blocks would a city need to let residents pay parking fines online?")
    'a city. let residents pay parking fines online'
    >>> described_service("What building blocks would a birth registration service use?")
    'a birth registration service'
    >>> described_service("Farmers register and get SMS advice. Which BBs do we need?")
    'Farmers register and get SMS advice.'
    """
    kept = []
    for sent in (x for x in _ASK_SENTENCES.split(" ".join((question or "").split())) if x.strip()):
        m = _ADVICE_FRAME.search(sent)
        if not m:
            kept.append(sent)
            continue
        subj = m.group("subj") or ""
        parts = [sent[: m.start()].strip(" ,;:-–—"), "" if _PRONOUN_SUBJECT.match(subj) else subj,
                 sent[m.end():].strip(" ,;:-–—?")]
        kept.append(". ".join(p for p in parts if p))
    return " ".join(k for k in kept if k).strip()


def asks_for_advice(question: str) -> bool:
    """A request for building blocks for the asker's own service (not about a GovStack use case; a service in a use
    case's field — "our telemedicine service", "a cash transfer programme" — is still the asker's own).

    >>> asks_for_advice("Nurses book telemedicine calls and patients get SMS reminders. Which building blocks do we need?")
    True
    >>> asks_for_advice("Which building blocks would we use for the INST-1 use case?")
    False
    >>> asks_for_advice("Which building blocks would a city need to let residents pay parking fines online?")
    True
    """
    return bool(_ADVICE.search(question or "")) and not _NAMES_USE_CASE.search(question or "")


def keywords(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][a-z0-9-]+", text.lower()) if w not in STOP and len(w) > 2]


NAMES_WITHOUT_BB = True


# "When our app calls the tax authority's API through the Information Mediator, what do the two security servers do with
# the message?": the API is when it happens, the question asks what the servers do. A condition before a question
# ("when …,", "if …,", "once …,") does not make the question an API one unless it names an operation by its path:
# qa_dev35 MRR 0.647 → 0.666 (h39-009 finds the workflow first, 1 of 3 key facts), nothing else changed
CONDITION_NOT_ASKED = True
# an endpoint that is down is a receiving system, not an operation asked for ("and if our receiving endpoint is down
# when the event goes out?", v71-020: the Pub/Sub delivery rules, not the confirm-event call)
# two blocks and an "and" make a comparison only when the "and" joins the blocks' names ("Identity and Consent"), not
# when it joins two jobs asked of one block with the other as context ("does the IM convert our XML payloads to JSON
# for the payments BB and handle retries …?", y74-004)
COMPARE_NEEDS_PAIR = True
# an API named as what the asker would rather skip ("can our portal read straight from the registry's tables instead of
# going through its API?", a76-037) asks for no API operation
API_AS_ALTERNATIVE = True
_API_ALTERNATIVE = re.compile(r"\b(instead\s+of|rather\s+than|bypassing|bypass|skipping|skip|without)\s+(going\s+through\s+|"
                              r"using\s+|calling\s+|via\s+|through\s+|hitting\s+)?(its|the|their|an?|any|our)\s+"
                              r"([\w'’-]+\s+){0,2}?(apis?|endpoints?|api\s+calls?)\b", re.I)
# what a caller has to pass, send or give a block's system is a call's input ("what would a mobile app have to pass to
# the registry to pull that list for one person?", t69-016; "what does she have to give the system so it can show her
# that?", s68-018), not a rule, for all its "have to"
INPUT_ASKS_API = True
_INPUT_ASK = re.compile(r"\bwhat\s+(\w+\s+){0,2}?(would|does|do|did|must|should|will|shall)\s+([\w'’-]+\s+){0,4}?(have|has|need|"
                        r"needs)\s+to\s+(pass|send|give|provide|supply|submit|include|put\s+in)\b[^.?!]{0,20}?\b(the|our|its|"
                        r"their|that|this)\s+(system|registry|api|endpoint|server|service|call|request)\b", re.I)
# a route asked of the GIS block is a way through the streets, not an HTTP route ("can the gis route planner keep our
# buses away from low bridges?", e37-019, b77-002: the routing requirements, "height restrictions for underpasses,
# bridge weight restrictions"); an operation is still asked for by "endpoint", "API" or a path
GIS_ROUTE_NOT_HTTP = True
_ROUTE = re.compile(r"\broutes?\b", re.I)
DOWN_ENDPOINT_IS_A_SYSTEM = True
# …and a follow-up asking what happens when something is down or fails, after an API question, asks how the spec
# handles it, not for an operation ("And if our billing server happens to be down at that moment, is the paid notice
# just lost?", u70-013: "sends Mark Bill Paid Advice … until a response is received"); "what error comes back?" does
FAILURE_ASKS_BEHAVIOUR = True
# "what happens if one of the receiving systems is down?" asks for the rule that covers the failure (the Pub/Sub's
# "should retry N times with a standard backoff"), not for the steps of the process it interrupts (u70-018)
FAILURE_NOT_PROCESS = True
FAILURE_WORDS_MORE = True  # … and "blows up", "goes wrong", "breaks down", "errors out" are failures too
FAILURE_CASE = re.compile(r"\b" + _IS_DOWN + r"|"
                           r"\b(fails?|failed|times?\s+out|timed\s+out|crash(es|ed)?|(is|are|gets?|get)\s+(just\s+)?lost"
                           # ("what if the signing step blows up halfway", y74-015; "if something goes wrong")
                           + (r"|(blows?|blew|blown)\s+up|(goes|go|went|gone)\s+wrong|(breaks?|broke)\s+down|errors?\s+out"
                              if FAILURE_WORDS_MORE else "") + r")\b", re.I)
_DOWN_ENDPOINT = re.compile(r"\bendpoints?\b(?=[^.?!,;]{0,30}?\b" + _IS_DOWN + r")", re.I)
# a condition clause before the question ("When our app calls their API through the IM, …")
_CONDITION_HEAD = r"(^|(?<=[.:;?!])\s+)(?:when|whenever|if|once|after|before)\b(?P<clause>[^,?.;:]{3,160}),\s*"
_CONDITION = re.compile(_CONDITION_HEAD + r"(?=(what|which|how|who|why|where|does|do|is|are|can|should|must)\b)", re.I)


# (…unless what it asks is what the call gives back: "When I call the voucher status API with a serial number, which
# status values can come back?")
_CALL_GIVES_BACK = re.compile(r"\b(come|comes|coming|get|gets) back\b|\breturn(s|ed)?\b|\brespon(se|ses|d|ds)\b|"
                              r"\bstatus codes?\b|\berror codes?\b", re.I)


def without_condition_clause(q: str) -> str:
    """The question without any condition clause before its ask ("Once we have tokens from the token endpoint, how do we
    get the user's claims?" → "how do we get the user's claims?"): what the clause names is where the asker is.

    >>> without_condition_clause("Once we have tokens from the token endpoint, how do we get the user's claims?")
    "how do we get the user's claims?"
    """
    return _CONDITION.sub(lambda m: m.group(1), q)


def _without_condition(q: str) -> str:
    """The question without a condition clause before it, unless that clause names an operation by its path, or the
    question asks what the call gives back.

    >>> _without_condition("Dev here: when our app calls their API through the IM, what do the servers do?")
    'Dev here: what do the servers do?'
    >>> _without_condition("When I call POST /consent, what comes back?")
    'When I call POST /consent, what comes back?'
    >>> _without_condition("When I call the voucher API with a serial number, which status values can come back?")
    'When I call the voucher API with a serial number, which status values can come back?'
    """
    return _CONDITION.sub(lambda m: m.group(0) if API_PATH.search(m.group("clause"))
                          or _CALL_GIVES_BACK.search(q[m.end():]) else m.group(1), q)


# an operation named in a condition before the question ("After I POST /search, …") is where the asker is, when the
# question asks for an endpoint: another one
OTHER_ENDPOINT_ASKED = True
_ASKS_ENDPOINT = re.compile(r"\b(which|what)\s+(other\s+)?(endpoint|call|operation|api|path|url|callback)s?\b", re.I)
_LEAD_CONDITION = re.compile(_CONDITION_HEAD, re.I)  # (whatever follows it: "After I POST /search, on which endpoint …?")


def _asks_another_endpoint(q: str) -> bool:
    """Whether the question names an operation by its path only in a condition before it, and asks for an endpoint.

    >>> _asks_another_endpoint("After I POST /search, on which endpoint do the providers' results come back to me?")
    True
    >>> _asks_another_endpoint("When I call POST /consent, what comes back?"), _asks_another_endpoint("Which endpoint is POST /search?")
    (False, False)
    """
    m = _LEAD_CONDITION.search(q)
    if not m or not API_PATH.search(m.group("clause")):
        return False
    rest = q[m.end():]
    return bool(_ASKS_ENDPOINT.search(rest)) and not API_PATH.search(rest)


FIRST_ASK_DEFINES = True  # a definition asked first decides the intent, whatever a second question asks
_NEXT_QUESTION = re.compile(r"\?\s+(?=\S)")  # where a second question starts after the first one's "?"
# … or after "and" ("what is an SCD and what are the 2 kinds?"): where a definition's term ends
_SECOND_ASK = re.compile(_NEXT_QUESTION.pattern + r"|,?\s+and\s+(?=(?:what|how|which|who|where|when|why)\b)", re.I)


def _first_ask(q: str) -> str:
    """Of two questions, the first when it asks for a meaning ("how does govstack actually define consent? and can people
    take it back later"); the whole message otherwise (not "What are the steps until the shop is paid? Can they …?")."""
    first = _NEXT_QUESTION.split(q, maxsplit=1)[0] if FIRST_ASK_DEFINES else q
    return first if _MEANING.search(first) else q


def detect_intent(q: str, bbs: list[str], overview: bool = True) -> str:
    """What kind of answer a question wants (see INTENTS).

    >>> detect_intent("Which endpoint returns a consent record?", [])
    'api'
    >>> detect_intent("How does the Payments API report a failed transfer?", ["payments"])
    'api'
    >>> detect_intent("What parts make up the request path after the security server URL?", ["information-mediator"])
    'general'
    >>> detect_intent("what would a mobile app have to pass to the registry to pull that list?", [])
    'api'
    >>> detect_intent("what documents does a citizen have to provide to register a birth?", [])
    'requirement'
    >>> detect_intent("can the gis route planner keep our buses away from low bridges?", ["gis"])
    'general'
    >>> detect_intent("which endpoint computes a route?", ["gis"]), detect_intent("what does GET /routes return?", ["gis"])
    ('api', 'api')
    >>> detect_intent("how do i handle a breaking change in my bb's api?", [])
    'architecture'
    >>> detect_intent("Which building blocks does the telemedicine use case use?", [])
    'use_case'
    >>> detect_intent("Our disaster agency tracks trucks. Which GIS capability alerts us when one leaves a zone?", ["gis"])
    'general'
    >>> detect_intent("What protocol are the order lifecycle APIs (search, select, init) based on?", ["emarketplace"])
    'general'
    >>> detect_intent("Which image format does the ID BB enrollment API prefer for biometric data?", ["identity"])
    'general'
    >>> detect_intent("What does POST /data/exists return, and what format does its header use?", ["digital-registries"])
    'api'
    >>> detect_intent("rtpRequest to payments bb for a traffic fine - which headers r mandatory?", ["payments"])
    'api'
    >>> detect_intent("We need none of their personal attributes. How does the login flow differ then?", ["identity"])
    'workflow'
    >>> detect_intent("Are we allowed to write voucher numbers into the logs?", []), detect_intent("Is that ok?", [])
    ('requirement', 'requirement')
    >>> detect_intent("min TLS version govstack wants for BB apis? uni IT asking", [])
    'requirement'
    >>> detect_intent("What are the steps until the shop is paid? Can they spend the rest next week?", ["payments"])
    'workflow'
    >>> detect_intent("Does it come with approval workflows, or do we need another building block for that?", ["digital-registries"])
    'general'
    >>> detect_intent("What is the eSignature BB not allowed to write into its logs?", ["esignature"])
    'requirement'
    >>> detect_intent("Can insurers be told of a death by the Identity BB? What does the spec require there?", ["identity"])
    'requirement'
    >>> detect_intent("Should G2G traffic go through the Messaging BB or the Information Mediator?", ["messaging", "information-mediator"])
    'comparison'
    >>> detect_intent("What does the Information Mediator do?", ["information-mediator"])
    'overview'
    >>> detect_intent("When does a message get marked as failed in the Messaging BB?", ["messaging"])
    'general'
    >>> detect_intent("How would our staff get the warning from the GIS BB?", ["gis"])
    'general'
    >>> detect_intent("What does a get on the Messaging BB's status return?", ["messaging"])
    'api'
    >>> detect_intent("If a text can't get through, how long does the Messaging BB keep trying?", ["messaging"])
    'general'
    >>> detect_intent("and if our receiving endpoint is down when the event goes out?", ["information-mediator"])
    'general'
    >>> detect_intent("can our portal just read straight from the registry's tables instead of going through its API?", [])
    'general'
    >>> detect_intent("Could the scheduler send an alert to put an extra bus on a line when it is crowded?", ["scheduler"])
    'general'
    >>> detect_intent("what do I have to pass in that status call?", ["messaging"])
    'api'
    >>> detect_intent("is he in the registry? is there a call for just that", []), detect_intent("is there a call centre?", [])
    ('api', 'general')
    """
    if len(bbs) >= 2 and (_COMPARE.search(q) or registry.offers_choice(q)):
        return "comparison"  # (…or "Is that the Messaging BB or the Scheduler BB?")
    if _INTERNAL.search(q):
        return "workflow"  # "What happens internally when … starts a workflow via the API?" asks for the steps behind the call
    if _BASIS.search(q) and not API_PATH.search(q):  # (an operation named by its path is asked about)
        return "general"  # "What protocol are the order lifecycle APIs (search, select, …) based on?" asks for no operation
    as_system = _DOWN_ENDPOINT.sub(" system ", q) if DOWN_ENDPOINT_IS_A_SYSTEM else q
    if API_AS_ALTERNATIVE:
        as_system = _API_ALTERNATIVE.sub(" ", as_system)
    if _API_STRONG.search(as_system):
        return "api"
    if _USECASE.search(q) or _USECASE_FIELD.search(ask_part(q)):
        return "use_case"
    if re.search(r"\bkey (digital )?functionalit", q, re.I):
        return "overview"
    # "What is an SCD in the eSignature BB, and what's the difference between …?": the first question decides
    first = re.split(r",\s*and\s+(?=(?:what|how|which|why|who)\b)", q, maxsplit=1, flags=re.I)[0]
    defines = bool(_TERM.match(q)) and not _NOT_A_DEFINITION.search(first)
    if defines and re.search(r"\b(in|of|within|for)\s+(the\s+)?[\w\s-]{0,40}\b(bb|building block|spec|specification)\b", first, re.I) \
            and len(keywords(first)) <= 6:
        return "term"  # "What is a voucher in the Payments building block?" asks about the voucher
    # (a block named without "BB" is the block: "What does the Information Mediator do?")
    named = registry.with_block_suffix(q) if NAMES_WITHOUT_BB else q
    if defines and not _OVERVIEW.match(named) and not _LIST_OF.match(q) and len(keywords(_first_ask(q))) <= 5:
        # "what is a consent record?" — a term; "what is the consent BB?" — an overview
        return "term"
    if (overview and _OVERVIEW.match(named)) or re.search(r"\bkey (digital )?functionalit", q, re.I):
        return "overview"
    if INPUT_ASKS_API and _INPUT_ASK.search(q) and (bbs or registry.mentioned_loosely(q)):
        return "api"  # "what would a mobile app have to pass to the registry …?" asks for a call's input, not a rule
    if _REQ.search(q) or (PERMISSION_IS_RULE and _PERMISSION.search(_PERMITTED_THINGS.sub(" ", q))):
        return "requirement"  # "… Is that ok?", "Are we allowed to …?" ask for a rule, as "must" does
    if _DATA.search(ask_part(q)):  # context ("we need none of their personal attributes.") asks for no fields
        return "data"
    if _PROCESS_ASK.search(q) and not (FAILURE_NOT_PROCESS and FAILURE_CASE.search(q)):
        return "workflow"  # "When our system sends a request, what happens between our security server and theirs?"
    if URL_FORMAT_NOT_API and _URL_FORMAT.search(q):
        return "general"  # "What parts make up the request path after the security server URL?" asks for no operation
    if GIS_ROUTE_NOT_HTTP and "gis" in bbs:
        as_system = _ROUTE.sub(" ", as_system)
    if _API.search(_ENGLISH_GET.sub(" ", _without_condition(q) if CONDITION_NOT_ASKED else q)) and _API.search(as_system) \
            and (not API_AS_ALTERNATIVE or _API.search(_API_ALTERNATIVE.sub(" ", q))):
        # "how do i handle a breaking change in my bb's api?" names no block and asks for no operation: the API rules
        # every block follows (versioning, timestamps, idempotency) are in the cross-cutting requirements
        return "api" if bbs else "architecture"
    if _WORKFLOW.search(re.sub(r"\bworkflow\s+(bb|building block)s?\b", " ", q, flags=re.I)) and not (bbs and ASKS_SCOPE.search(q)):
        return "workflow"  # (the block's name is no process; nor is a job asked whether the block does it itself)
    if _ARCH.search(q) and not bbs:
        return "architecture"
    if len(bbs) >= 2 and re.search(r"\b(and|vs)\b", q, re.I) and (not COMPARE_NEEDS_PAIR or registry.pairs_blocks(q)):
        return "comparison"
    return "general"


def _term_of(q: str) -> str | None:
    """The term a definition question asks about.

    >>> _term_of("what is an SCD and what are the 2 kinds?"), _term_of("What are terms and conditions?")
    ('SCD', 'terms and conditions')
    """
    m = _TERM.match(q)
    if not m:
        return None
    rest = q[m.end():]
    if FIRST_ASK_DEFINES:  # the term ends where a second question starts ("… define consent? and can people take it back")
        rest = _SECOND_ASK.split(rest, maxsplit=1)[0]
    by = re.match(r"^.{1,40}?\bmean\s+by\s+(.+)$", rest, re.I)  # "What does GovStack mean by a building block?"
    if by:
        rest = by.group(1)
    quoted = re.match(r"^\s*(?:an?\s+|the\s+)?['\"‘“`]([^'\"’”`]{2,60})['\"’”`]", rest)
    if quoted:  # "… mean by an 'appointment', and what statuses …": the quoted term
        return quoted.group(1).strip() or None
    rest = re.sub(r"\b(mean|means|stand for|in govstack|in the spec(ification)?|"
                  r"(in|for|according to) (the )?[\w\s-]{0,40}?(bb|building block|spec|specification|glossary|terminology))\b.*$",
                  "", rest, flags=re.I)
    rest = rest.strip(" ?.!\"'`")
    return rest or None


# "What is the difference between a use case and a building block?", "registry vs register", "How does a consent
# record differ from a consent agreement?": two terms compared (two building blocks are compared as blocks)
# (an article, or a possessive: "the eSignature block's one-time signature and its device-based (SCD) approach")
_ART = r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:(?:the\s+)?[\w-]+(?:\s+(?:bb|block|building block))?(?:'s|’s)\s+)?"
_ACRONYM = r"\([A-Z][A-Za-z]{1,6}\)"  # (a term's acronym: "signing with a signature creation device (SCD)")
_PAIR_END = r"\s*(?:\?|$|[,;:.]|\s+(?:in|for|within|according to)\b)"
PAIR_TERM_WORDS = 7  # the second term's words at most (5 for the first: "How does X differ from Y" has X first); 7 for
# "signing with a personal signature creation device (SCD)"
_PAIR = [re.compile(rf"\b(?:difference|differences|distinction)\s+between\s+{_ART}((?:[\w' -]|{_ACRONYM}){{2,40}}?)"
                    rf"\s+and\s+{_ART}((?:[\w' -]|{_ACRONYM}){{2,40}}?){_PAIR_END}", re.I),
         re.compile(r"(?:^|[.?!]\s+|,\s+)\s*(?:how\s+(?:is|are|does|do)\s+|what(?:'s|\s+is)\s+meant\s+by\s+)?" + _ART
                    + r"([\w -]{2,40}?)\s+(?:differ(?:ent)?\s+from|compared?\s+(?:to|with)|vs\.?|versus)\s+" + _ART
                    + rf"([\w -]{{2,50}}?(?:\s*{_ACRONYM})?){_PAIR_END}", re.I)]


def term_pair(q: str) -> list[str]:
    """The two terms a question compares, the head noun shared when it is said once ("foundational and functional
    identity" → "foundational identity", "functional identity").

    >>> term_pair("What is the difference between a use case and a building block?")
    ['use case', 'building block']
    >>> term_pair("What's the difference between foundational and functional identity?")
    ['foundational identity', 'functional identity']
    >>> term_pair("How does a consent record differ from a consent agreement?")
    ['consent record', 'consent agreement']
    >>> term_pair("What's meant by backend versus frontend in the CMS spec?")
    ['backend', 'frontend']
    >>> term_pair("What is a consent record?")
    []

    The pair is asked in any sentence (context first), a block's possessive is not part of the term:

    >>> term_pair("We have no smart cards. How does the eSignature BB's one-time signature approach differ from the SCD-based approach?")
    ['one-time signature approach', 'SCD-based approach']
    >>> term_pair("For signing permits, how does a one-time signature differ from signing with a device?")
    ['one-time signature', 'signing with a device']
    >>> term_pair("How does a one-time signature differ from signing with a signature creation device (SCD)?")
    ['one-time signature', 'signing with a signature creation device (SCD)']
    >>> term_pair("What is the practical difference between the one-time signature approach and the device-based (SCD) "
    ...           "approach in the eSignature spec?")
    ['one-time signature approach', 'device-based (SCD) approach']
    >>> term_pair("What's the difference between the eSignature block's one-time signature and its device-based approach?")
    ['one-time signature', 'device-based approach']
    >>> term_pair("Comparing the two, the one-time signature versus signing with a personal signature creation device: "
    ...           "what's the key difference?")
    ['one-time signature', 'signing with a personal signature creation device']
    """
    for pat in _PAIR:
        m = pat.search(q.strip())
        if m:
            a, b = (" ".join(x.split()) for x in m.groups())
            words = lambda t: len(re.sub(r"\([^)]*\)", " ", t).split())  # noqa: E731 (an acronym is no word more)
            if not a or not b or words(a) > 5 or words(b) > PAIR_TERM_WORDS:
                return []
            if len(a.split()) == 1 and len(b.split()) > 1:
                a = f"{a} {' '.join(b.split()[1:])}"
            return [a, b]
    return []


_MEANING = re.compile(r"\b(mean|means|meaning|meant|stand for|stands for|refer to|refers to|definitions?|define)\b", re.I)
# (an apostrophe inside a word opens no quote: "people don't own smartphones. I keep seeing 'low tech wallets' …")
_QUOTED = re.compile(r"(?<!\w)['\"‘“`]([^'\"’”`?]{2,50})['\"’”`]")
_QUOTED_IN_CONTEXT = re.compile(r"(?<!\w)['\"‘“]([^'\"’”]{2,60})['\"’”]")  # (what a context sentence quotes)
MAX_DEFINED_TERMS = 4


def quoted_terms(q: str) -> list[str]:
    """The terms a question quotes and asks the meaning of, when it quotes two or more.

    >>> quoted_terms("In the Wallet building block, what do 'issuer', 'holder' and 'verifier' mean?")
    ['issuer', 'holder', 'verifier']
    >>> quoted_terms("In the CMS building block, what do 'backend' and 'frontend' refer to?")
    ['backend', 'frontend']
    >>> quoted_terms("What does 'holder binding' mean?"), quoted_terms("Is 'draft' or 'submitted' the first status?")
    ([], [])
    >>> quoted_terms("Users don't see 'issuer' and 'holder' explained. What do they mean?")  # an apostrophe opens none
    ['issuer', 'holder']
    """
    if not _MEANING.search(q):
        return []
    found = [" ".join(t.split()) for t in _QUOTED.findall(q)]
    found = [t for t in dict.fromkeys(found) if len(t.split()) <= 5]
    return found if 2 <= len(found) <= MAX_DEFINED_TERMS else []


# The words a question is routed by, mistyped with two letters swapped or one left out ("whcih bb", "buidling block")
_ROUTING_WORDS = ("which", "what", "building", "block", "blocks", "endpoint", "between", "difference", "government")


def _typo_of(word: str) -> str | None:
    """The routing word `word` is a slip of the keyboard for, if any.

    >>> _typo_of("whcih"), _typo_of("Buidling"), _typo_of("bulding"), _typo_of("wich")
    ('which', 'building', 'building', 'which')
    >>> _typo_of("thaw"), _typo_of("which"), _typo_of("lock"), _typo_of("wat"), _typo_of("block")
    (None, None, None, None, None)
    """
    w = word.lower()
    if w in _ROUTING_WORDS:
        return None
    for t in _ROUTING_WORDS:
        if w[:1] != t[0]:
            continue
        if len(w) == len(t) and any(t[:i] + t[i + 1] + t[i] + t[i + 2:] == w for i in range(len(t) - 1)):
            return t  # two neighbouring letters swapped
        if len(w) == len(t) - 1 >= 4 and any(t[:i] + t[i + 1:] == w for i in range(len(t))):
            return t  # one letter left out
    return None


# What a chat message may open with before it asks anything: a greeting, an apology, a word about oneself or the
# question, an acknowledgement of the last answer. "Sorry if this is a basic one - what exactly is a 'building block'?"
# asks what "what is a 'building block'?" asks; left in, "basic" finds the spec's "basic workflow for provisioning", and
# "Nice. And can an applicant …?" opens with a sentence that hides the follow-up ("And …").
_PREAMBLE = re.compile(
    r"^(?:\s*(?:(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))(?: there| all| team| everyone| folks)?"
    r"|(?:sorry|apologies|apologi[sz]e|forgive me|excuse me|pardon)(?: (?:if|for|in advance|to ask)\b[^?.!:;,\u2013\u2014-]{0,60})?"
    r"|(?:a |(?:total|complete|absolute) )?(?:newbie|beginner|noob|novice|newcomer)(?: here| question| alert)?"
    # ("I'm completely new here.": "new" found "New tests may be created for a Building Block"; not "We're new to
    # GovStack.", whose GovStack is what "Where do we even start?" asks about)
    r"|(?:i'?m|i am|we'?re|we are)\s+(?:completely |totally |very |quite |pretty |fairly |brand |really )?new"
    r"(?:\s+(?:here|to\s+(?:this|all\s+this|all\s+of\s+this)))?"
    r"|(?:a |one )?(?:quick|basic|simple|dumb|silly|stupid|naive|beginner'?s?|newbie) question"
    r"|(?:this|it) (?:may|might|could|is probably|is likely) (?:be )?a (?:basic|dumb|silly|stupid|naive|simple|beginner'?s?|"
    r"newbie) (?:one|question)(?:,? but\b)?"
    r"|(?:ok(?:ay)?|great|nice|good|very good|sounds good|fine|right|alright|all right|excellent|awesome|brilliant|"
    r"thanks|thank you|cool|perfect|got it|understood|i see|makes sense|"
    # ("Interesting. How could someone like me get involved in that?" had not been read as a follow-up, d79-039)
    r"interesting|(?:very|how|that'?s|that is) interesting|fair enough|good to know|noted|ah|oh|hmm+|wow)"
    r"(?:,? thanks| thank you)?)"
    r"\s*(?:[,!.:;\u2013\u2014]+|\s-+|(?<=but))\s*)+", re.I)


# a label saying who asks before "q:" ("auditor checklist q:", "dev question:") is no part of the question; one naming a
# block ("scheduler bb q:") is
LABEL_Q_DROPPED = True
_LABEL_Q = re.compile(r"^\s*([\w'-]+(?:\s+[\w'-]+){0,3})\s+(?:q|qn|qs|question|questions)\s*:\s*", re.I)


# How the asker wants it said ("What is GovStack, in plain words?", "In a nutshell, what does the Information Mediator
# do?") is no part of what it asks: searched, "plain"/"simple" found the UI/UX guideline "Use simple language" and "in a
# nutshell" the Messaging block's description. ("… in plain language" stays: the guidelines are about it.)
STYLE_DROPPED = True
_STYLE = re.compile(
    r"(?:,\s*)?\b(?:in\s+(?:very\s+)?(?:simple|plain|layman'?s'?|lay|non-?technical|easy|everyday|basic)\s+(?:terms|words)"
    r"|in\s+a\s+nutshell|like\s+i'?m\s+(?:five|5|a\s+child|a\s+beginner)"
    r"|for\s+(?:a\s+)?(?:non-?technical|lay)\s+(?:person|audience|people|reader))\b(?:\s*,)?", re.I)


def strip_style(text: str) -> str:
    """The question without the words that say how to answer it (STYLE_DROPPED).

    >>> strip_style("What is GovStack, in plain words?"), strip_style("In a nutshell, what does the IM do?")
    ('What is GovStack?', 'what does the IM do?')
    >>> strip_style("can someone explain in plain terms what a wallet is?")
    'can someone explain what a wallet is?'
    >>> strip_style("Should forms be written in plain language?")
    'Should forms be written in plain language?'
    """
    if not STYLE_DROPPED or not _STYLE.search(text):
        return text
    out = " ".join(_STYLE.sub(" ", text).split())
    out = re.sub(r"\s+([?.!,;:])", r"\1", out).lstrip(" ,;:-")
    return out if len(out.split()) >= 2 else text


def strip_preamble(text: str) -> str:
    """The question without the greeting, apology or acknowledgement it opens with (unless nothing would be left).

    >>> strip_preamble("Sorry if this is a basic one - what exactly is a 'building block' in GovStack?")
    "what exactly is a 'building block' in GovStack?"
    >>> strip_preamble("Nice. And can an applicant stop halfway through the form?")
    'And can an applicant stop halfway through the form?'
    >>> strip_preamble("good. and which API call would our app use?"), strip_preamble("Right to be forgotten: is it covered?")
    ('and which API call would our app use?', 'Right to be forgotten: is it covered?')
    >>> strip_preamble("Hi team, this might be a dumb question, but what is a voucher?")
    'what is a voucher?'
    >>> strip_preamble("I'm completely new here. What is GovStack?"), strip_preamble("We're new to GovStack: where to?")
    ('What is GovStack?', "We're new to GovStack: where to?")
    >>> strip_preamble("total newbie here - what is a BB?"), strip_preamble("Thanks!"), strip_preamble("OK")
    ('what is a BB?', 'Thanks!', 'OK')
    >>> strip_preamble("auditor checklist q: what transport encryption must every BB support?")
    'what transport encryption must every BB support?'
    >>> strip_preamble("scheduler bb q: can it repeat an alert?")
    'scheduler bb q: can it repeat an alert?'
    >>> strip_preamble("Hello world is not a greeting here.")
    'Hello world is not a greeting here.'
    """
    m = _PREAMBLE.match(text) if PREAMBLE else None
    rest = text[m.end():] if m else text
    if LABEL_Q_DROPPED and (lab := _LABEL_Q.match(rest)) and not registry.find_bbs(lab.group(1)):
        rest = rest[lab.end():]  # "auditor checklist q: what transport encryption …?" (not "scheduler bb q: …")
    return rest if len(rest.split()) >= 2 else text


def fix_typos(text: str) -> str:
    """The question with its routing words spelt right; every other word as the user wrote it."""
    return re.sub(r"[A-Za-z]{4,10}", lambda m: _typo_of(m.group(0)) or m.group(0), text)


# A block named by its name makes the words of another block's subject just words: "Is the Wallet BB a mobile money
# wallet?" is about the Wallet BB, not also the Payments BB ("mobile money"). dev-independent +1 (d7-042; d8-043 0 → 1 of
# 3 key facts), no blind answer changed; keeping the subject's block after the named one changed nothing
NAMES_OVER_SUBJECTS = True


# "What states can a message go through?" → "whats the difference between the last two": an ordinal reference in a
# follow-up is to the items the previous answer listed, by their names (q12-034's "For the first one, …" now leads with
# the one-time signature's 1-minute expiry; nothing else changed: one dev question says it)
ORDINALS_FROM_ANSWER = True
_ORDINAL_REF = re.compile(r"\b(?:the\s+)?(?:(?P<pair>first|last)\s+two|(?P<one>first|second|third|fourth|fifth|last)\s+one)\b",
                          re.I)
ORDINAL_NAMES_ONLY, ORDINAL_NAME_WORDS = True, 6
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}
_LIST_LINE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.+)$")
_CITE = re.compile(r"\s*\[\d+\](?:\[\d+\])*")


OPTION_CARRIED = True
# (… and "of those options, which one does GovStack actually recommend?" the ones it gave: "A few authentication
# mechanisms relevant to UI level switching … are discussed below", b77-036)
_THAT_OPTION = re.compile(r"\b(that|this|the same)\s+(option|approach|method|alternative|mode|mechanism)\b|"
                          r"\b(those|these)\s+(option|approach|method|alternative|mode|mechanism|choice)s\b", re.I)


def answer_lead(answer: str, words: int = 20) -> str:
    """The first sentence of an answer, without its citations and markup, at most `words` words.

    >>> answer_lead("**One-time signatures** are the easiest way to adopt eSignatures. [1] They need no device. [1]")
    'One-time signatures are the easiest way to adopt eSignatures.'
    """
    first = re.split(r"(?<=[.!?])\s+(?=\S)|\n", re.sub(r"\s*\[\d+\]", "", answer or "").strip(), maxsplit=1)[0]
    return " ".join(re.sub(r"[*_`#]", "", first).split()[:words])


# "And what comes back if the access token we send with that call isn't recognised?", after an answer that led with
# "Use **`GET /oidc/userinfo`**": that call is the operation the answer recommended (w72-007)
CALL_FROM_ANSWER = True
_THAT_CALL = re.compile(r"\b(that|this|the\s+same)\s+(call|endpoint|request|operation|api\s+call)\b", re.I)
# (…unless the question asks how to do a job of its own, which "that call" then does: "and afterwards how do I query
# whether those emails went out — which headers does that call need?", r13-036)
_OWN_JOB = re.compile(r"\bhow\s+(do|can|could|would|should|will)\s+(i|we|you|they|our\s+\w+)\b", re.I)
_ANSWER_LEAD_OP = re.compile(r"Use \*\*`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/[^`\s]*)`\*\*")


def last_answer(history: list[dict] | None) -> str:
    """The assistant's last answer in the conversation ("" when there is none)."""
    return next((h.get("content", "") for h in reversed(history or []) if h.get("role") == "assistant"), "")


def answer_items(answer: str) -> list[str]:
    """The names of the items the answer's first list gives (a bulleted or numbered list, or a run of at least three
    "Name (…); Name (…)" parts in one line), before its supporting points ("Also in the specification").

    >>> answer_items("Pending (initial state); Queued (in the queue); Errored (error during delivery); Failed (gave up). [1]")
    ['Pending', 'Queued', 'Errored', 'Failed']
    >>> answer_items("Two approaches:\\n\\n- **One-time signature** — no device needed [1]\\n- Signing with a device: an SCD [2]")
    ['One-time signature', 'Signing with a device']
    """
    main = re.split(r"\n\s*Also in the specification", answer or "", maxsplit=1)[0]

    def name(text: str) -> str:
        text = _CITE.sub("", text).replace("**", "").replace("`", "").strip()
        text = re.split(r"\s+[—–-]\s+|:\s|\s\(", text, maxsplit=1)[0].strip(" .;,")
        return " ".join(text.split()[:10])

    for block in re.split(r"\n\s*\n", main):
        items = [m.group(1) for line in block.splitlines() if (m := _LIST_LINE.match(line))]
        if len(items) >= 2:
            return [n for n in map(name, items) if n]
        for line in block.splitlines():
            parts = [p for p in re.split(r";\s+", _CITE.sub("", line)) if p.strip()]
            if len(parts) >= 3 and all(len(name(p).split()) <= 5 for p in parts):
                return [name(p) for p in parts]
    return []


def resolve_ordinals(question: str, history: list[dict] | None) -> tuple[str, bool]:
    """The question with "the last two", "the second one" … written as the names of the previous answer's items, and
    whether it refers back so (also when the previous answer lists nothing to name them from).

    >>> h = [{"role": "assistant", "content": "Pending (waiting); Queued (queued); Errored (error); Failed (gave up). [1]"}]
    >>> resolve_ordinals("whats the difference between the last two", h)
    ('whats the difference between Errored and Failed', True)
    >>> resolve_ordinals("and the first one?", h), resolve_ordinals("the first step", h)[1]
    (('and Pending?', True), False)
    >>> resolve_ordinals("and the last two?", [{"role": "assistant", "content": "It sends messages. [1]"}])
    ('and the last two?', True)
    >>> rules = [{"role": "assistant", "content": "- The issuer MUST authenticate the holder first [1]\\n- The wallet "
    ...           "MUST validate the credential before storing it [1]"}]
    >>> resolve_ordinals("how does that flow differ from the first one?", rules)  # statements, not named things
    ('how does that flow differ from the first one?', True)
    """
    if not ORDINALS_FROM_ANSWER or not history or not _ORDINAL_REF.search(question):
        return question, False
    items = answer_items(last_answer(history))
    if len(items) < 2 or (ORDINAL_NAMES_ONLY and any(len(i.split()) > ORDINAL_NAME_WORDS for i in items)):
        # (no list to name them from, or a list of statements, not of things by their names: "The credential issuer
        # SHOULD be able to validate the wallet …" is no "first one"; still about what came before)
        return question, True

    def named(m: re.Match) -> str:
        if m.group("pair"):
            a, b = (items[0], items[1]) if m.group("pair").lower() == "first" else (items[-2], items[-1])
            return f"{a} and {b}"
        k = _NTH[m.group("one").lower()]
        return items[k] if k < len(items) else m.group(0)

    out = _ORDINAL_REF.sub(named, question)
    return out, out != question


# how a building block's repository is laid out (its README's "Repo Structure": /spec, /api, /test, /examples), asked in
# any words: not an API question, though it names "api definitions" (j85-009)
ASKS_REPO_LAYOUT = re.compile(
    r"\b(repo|repos|repository|repositories|github)\b(?=[^?]{0,80}\b(layout|laid\s+out|structured?|structures?|organi[sz]ed|"
    r"folders?|directories|top-level|what'?s\s+in|put\s+together)\b)|\b(layout|laid\s+out|structured?|structures?|organi[sz]ed|"
    r"folders?|directories|top-level)\b(?=[^?]{0,60}\b(repo|repos|repository|repositories|github)\b)", re.I)
# A follow-up to a follow-up that only pointed back ("Who is it written for?") reads the question before that one too
# (i84-038, j85-040)
CHAINED_FOLLOWS = True
# a question led by a use case asks about that use case, whatever its words would route it to otherwise: "In GovStack's
# anticipatory cash transfer use case, what has to happen before money can go out …?" reads as a requirement question
USE_CASE_LEAD_ASKS = True


def analyze(question: str, history: list[dict] | None = None) -> QueryAnalysis:
    """Understand one question in the context of the conversation so far."""
    # markup in a question is never rendered or searched: tags out, the words stay; routing words' typos fixed
    q = strip_style(strip_preamble(fix_typos(" ".join(_TAG.sub(" ", question or "").split()))))
    q, from_answer = resolve_ordinals(q, history)  # ("the last two" are the previous answer's last two items)
    if len(q.split()) <= 5:  # a bare definition typed fast: "whats a functional id", "what's an SCD?"
        q = re.sub(r"^\s*what(?:'|’)?s\b(?=\s+(a|an)\b)", "what is", q, flags=re.I)
    truncated = False
    if len(q) > MAX_QUESTION_CHARS:
        q, truncated = q[:MAX_QUESTION_CHARS], True
    bbs = registry.find_bbs(q)
    by_name = registry.find_bbs(q, names_only=True)
    if NAMES_OVER_SUBJECTS and by_name and len(bbs) > len(by_name):
        bbs = by_name
    unknown = None
    for m in _NON_BB_NAME.finditer(q):
        if re.match(r"(?:the\s+)?govstack-", m.group(0), re.I):
            continue  # "a GovStack-conformant building block", "GovStack-compliant BB": a quality, not a block's name
        name = _NAME_LEAD.sub("", m.group(1).strip()).strip()
        known = {a for b in registry.building_blocks() for a in (*b.aliases, b.name.lower(), b.id.replace("-", " "))}
        low = re.sub(r"\s+(bb|building block)$", "", name.lower())
        if name and low not in known and low not in ("govstack", "new", "other", "core", "each", "every") and low not in _BB_ROLES:
            unknown = name
    carried: list[str] = []
    standalone = q
    previous = ""
    # "In registration rules, what is a 'determinant'?": the lead-in names the context, the question follows it
    q_core = _LEAD_CLAUSE.sub("", q)
    intent = detect_intent(q_core, bbs)
    if COLON_CORE and intent != "term" and (core := _LEAD_CLAUSE.sub("", _after_colon(q))) != q_core \
            and detect_intent(core, bbs) == "term":
        # …or a colon does, before a definition question: "For my class: in the Information Mediator's pub/sub layer,
        # what is a 'Room'?" (not before any question: "Walk me through the one-time signing: where is the key …?")
        q_core, intent = core, "term"
    lead = q[: len(q) - len(q_core)]  # the lead-in, when there is one
    if lead and _USECASE.search(lead) and (intent == "general" or (USE_CASE_LEAD_ASKS and intent == "requirement") or (
            intent == "comparison" and not (_COMPARE.search(q_core) or registry.offers_choice(q_core)))):
        # "In the construction permit use case, how can inspectors verify a permit is genuine?"; "In the Unconditional
        # Social Cash Transfer use case, what happens at the Enrollment step and where is …?" compares no blocks
        intent = "use_case"
    elif USE_CASE_LEAD_ASKS and intent in ("general", "architecture", "requirement") and _NAMES_USE_CASE.search(q) \
            and ASKS_BLOCK_ROLES.search(q) and NAMES_BLOCKS.search(q):
        intent = "use_case"  # "In the Kenyan GovBot chatbot use case, which building blocks are used and what does each one do?"
    elif LEAD_API and intent in ("general", "requirement", "workflow") and lead and _API_STRONG.search(lead) \
            and not _DATA.search(lead):
        intent = "api"  # "For the Identity BB's /oauth/token endpoint, how does … authenticate and what must … be?"
        # (not "In the Consent BB OpenAPI schema, what does the forgettable flag mean?": a schema's fields are data)
    prev_user = [h.get("content", "") for h in (history or []) if h.get("role") == "user" and h.get("content")]
    if prev_user:
        last = prev_user[-1]
        if CHAINED_FOLLOWS and len(prev_user) >= 2 and len(last.split()) <= 8 and POINTS_BACK.search(last) \
                and not registry.find_bbs(last):
            # "What is the GovStack implementation playbook?" → "Who is it written for?" → "And who keeps it up to
            # date?": the previous question only pointed back too, so what "it" is comes from the one before it
            last = f"{prev_user[-2].rstrip()} {last}"
        prev_bbs: list[str] = []
        for t in reversed(prev_user):
            prev_bbs = registry.find_bbs(t)
            if prev_bbs:
                break
        if not prev_bbs and CARRY_ANSWERED_BLOCK and need_of_which_bb(last):
            # "Which building block should send those timed alerts?" → "Could that one also …?": that one is the block
            # the answer named first ("This is the job of the **Scheduler** building block."), the user named none
            said = last_answer(history)
            prev_bbs = registry.find_bbs(_ASK_SENTENCES.split(said.strip(), maxsplit=1)[0])[:1] if said else []
        prev_intent = detect_intent(" ".join(last.split()), registry.find_bbs(last))
        # a follow-up refers back ("it", "those", "and for …") or is too short to stand alone;
        # "What is a reference use case?" is a new, complete question
        # A pronoun after the question's own first sentence points into that sentence ("Our two modules share the
        # same database tables. Is that allowed?"), and "the same" before a noun is a description ("the same tables")
        first = _ASK_SENTENCES.split(q.strip(), maxsplit=1)[0]
        is_follow = bool(_FOLLOWUP.search(first)) or (len(q.split()) <= 4 and intent != "term") or from_answer
        later_pointer = False
        if not is_follow and LATER_POINTER and first != q:
            # …unless it names something its first sentence did not say: "We have 40,000 addresses in a spreadsheet.
            # Is there a bulk version of that call?" points at the call asked about before
            said, before = _stems_said(first), _stems_said(last)
            named = [w for w in _LATER_POINTER.findall(q[len(first):]) if w.lower() not in STOP and _stem_of(w) not in said]
            is_follow = bool(named)
            # (…and what it names, in a word the previous question did not use either, is what that question asked
            # about: its ask is carried; "… which of those emails didn't arrive?" after "… send the same email …" names
            # it already)
            later_pointer = any(_stem_of(w) not in before for w in named)
        if THAT_BLOCK_CARRIED and prev_bbs and _THAT_BLOCK.search(q) and not set(bbs) & set(prev_bbs) \
                and not registry.find_bbs(q, strict=True):
            # "Our SMS platform can already … Do we still need to deploy that block just for this?": "that block" is
            # the one the conversation is about; the SMS platform (Messaging, loosely) is the asker's own
            is_follow, bbs = True, []
        # "Once they have signed, which call does our e-procurement system make to get the signature back?" after an
        # E-Signature question: the block a subject word names in the asker's own system is no block asked about
        # (a76-016); the conversation's block goes on
        q_own = _OWN_SYSTEM.sub(" ", q) if OWN_SYSTEM_NOT_NAMED else q
        if OWN_SYSTEM_NOT_NAMED and prev_bbs and bbs and not set(bbs) & set(prev_bbs) and q_own != q \
                and not registry.find_bbs(q_own):
            is_follow, bbs = True, []
        # "How can citizens in Rwanda give consent on their phone?" after a Payments question: "their" are the
        # citizens, and the question's own subject word belongs to another block: a new topic, not a follow-up
        if is_follow and not _AND_FOR.match(q) and not _REFERS_TO_BLOCK.search(q):
            own = registry.mentioned_loosely(_DEMONSTRATIVE_PHRASE.sub(" ", q_own) if DEMONSTRATIVE_NOT_OWN else q_own)
            if own and not own & set(prev_bbs):
                is_follow = False
        if NO_BLOCK_FOLLOWS and not is_follow and prev_bbs and not bbs and intent != "term" \
                and not registry.mentioned_loosely(q) and (POINTS_BACK.search(q) or _GOES_ON.match(q)
                                                       or (WHAT_IF_FOLLOWS and _WHAT_IF.match(q))):
            is_follow = True
        if COMPARED_WITH_PREVIOUS and len(bbs) == 1 and prev_bbs and bbs[0] not in prev_bbs and _COMPARE.search(q) \
                and POINTS_BACK.search(q):
            # "Which block is meant to hold property records?" (the answer: Digital Registries) → "what about the
            # Registration one? how is it different from that?": the named block is compared with the previous one
            bbs = bbs + prev_bbs[:1]
            intent, is_follow = "comparison", True
            standalone = f"{q} ({' and '.join(registry.name_of(b) for b in bbs)})"
        elif bbs and _AND_FOR.match(q) and len(keywords(q)) <= 4:
            # "and for Payments?" → the previous question, about the newly named BB
            prev_named = registry.find_bbs(last)
            base = registry.remove_bb_names(last, prev_named)
            standalone = " ".join(f"{base} {' '.join(registry.name_of(b) for b in bbs)}".split())
            if prev_intent != "general":
                intent = prev_intent
            carried = []
        elif not bbs and is_follow and prev_bbs:
            carried = prev_bbs[:2]
            names = " ".join(registry.name_of(b) for b in carried)
            # "what is the account mapper in the payments bb?" → "who runs it …?": "it" is the term asked about
            prev_term = _term_of(_LEAD_CLAUSE.sub("", last)) if prev_intent == "term" and POINTS_BACK.search(q) else None
            if not prev_term and CARRY_IDENTIFIERS and POINTS_BACK.search(q) and not _names_own_operation(q, last):
                # "what is the DataAgreement schema meant to represent?" → "which lawful bases can it declare?": "it" is
                # the schema, an API path or a field the previous question names
                prev_term = " ".join(dict.fromkeys(identifiers(last))) or None
            if not prev_term and (
                    (API_ASKS_PREVIOUS and intent == "api" and prev_intent != "api" and _POINTS_AT_JOB.search(q))
                    or (EXTENDS_PREVIOUS and _EXTENDS_JOB.search(q))
                    or (USE_CASE_CARRIED and _USECASE.search(last) and not _USECASE.search(q))
                    or (PLURAL_POINTS_BACK and _renames_previous(q, last))
                    or (PROCESS_CARRIED and _THAT_PROCESS.search(q))
                    or (ONE_OF_THEM_CARRIED and _ONE_OF_THEM.search(q))
                    or (SAME_WORD_POINTS_BACK and _names_previous(q, last))
                    or (API_FOLLOW_CARRIES_ASK and intent in ("api", "general") and prev_intent == "api"
                        and re.search(r"\b(it|its)\b", q, re.I) and not identifiers(q) and _OP_PART.search(q)
                        and not _ASKS_CALL.search(q))
                    or later_pointer):
                # "Can a member see who has read their personal data?" → "which endpoint does that?", "… would that also
                # cover a person dying?": the job "that" is the previous question's ask (its asking sentence, not the
                # context before it) — or the whole question, when its ask points into its context ("We want patients
                # to log in with their national ID. What does that flow look like?" → "… does anything change in that
                # flow?")
                # (…with the sentence before it when the ask only points back at it: "I want citizens to see who looked
                # at their records. Does the spec support that?" → "what parameters does that call need?")
                prev_term = (subject_part if SUBJECT_CARRIED else ask_part)(last).rstrip("?")
                if PROCESS_CARRIED and _THAT_PROCESS.search(q) and _POINTS_AT_THING.search(prev_term):
                    prev_term = last.rstrip("?")
            standalone = f"{q} ({names}{': ' + prev_term if prev_term else ''})"
            if intent == "general" and prev_intent in ("api", "requirement", "data", "workflow") and not (
                    FAILURE_ASKS_BEHAVIOUR and (prev_intent == "api" or (FAILURE_NOT_PROCESS and prev_intent == "workflow"))
                    and FAILURE_CASE.search(q)
                    and not _OP_PART.search(q) and not _ASKS_CALL.search(q)):
                intent = prev_intent
        elif not bbs and is_follow:
            standalone = f"{q} ({last})"
            if CALL_AFTER_API and intent == "general" and prev_intent == "api" and _ASKS_CALL.search(q):
                intent = "api"  # "… which call do I use to kill it?" after an API question asks for an API call
        if CALL_ASKED_AFTER_ANY and not bbs and is_follow and intent in ("general", "requirement") and (
                _USES_CALL.search(q) or (INPUT_ASKS_API and _INPUT_ASK.search(q))):
            intent = "api"  # (… as does one asking what to give the system: the block is the conversation's)
        if USE_CASE_CARRIED and not bbs and is_follow and (intent == "general" or (USE_CASE_LEAD_ASKS and intent == "workflow")) \
                and prev_intent == "use_case" \
                and not _USECASE.search(q):
            intent = prev_intent  # a follow-up to a use-case question asks about that use case still
        if is_follow:
            previous = last
    all_bbs = bbs or carried
    if intent == "overview" and not all_bbs:
        # "What are the mandatory security requirements for all building blocks?" is not about one block
        intent = detect_intent(q_core, bbs, overview=False)
    if intent == "overview" and len(all_bbs) >= 2 and _COMPARE.search(q):
        intent = "comparison"
    # (…or one whose block only the lead-in names: "In the registration spec what does 'determinant' mean?")
    if intent != "term" and (not all_bbs or (lead and not registry.find_bbs(q_core))) and _TERM.match(q_core):
        # a bare definition question: "What is an API?", "What does API mean?", "What is a BB?" ask what the word means,
        # whatever routing words it contains (the answerer falls back to prose when the glossary has no entry)
        bare = _term_of(q_core)
        if bare and len(bare.split()) <= SHORT_TERM_WORDS and not API_PATH.search(bare):
            intent = "term"
    if ALIAS_IS_A_TERM and intent == "overview" and _TERM.match(q_core):
        bare = _term_of(q_core)  # "What is X-Road?": what the word means (ALIAS_IS_A_TERM)
        if bare and registry.is_block_name(bare) and _alias_only(bare):
            intent = "term"
    term = _term_of(q_core) if intent == "term" else None
    if intent != "term":
        # "Our web team says the CMS must support 'content blocks'. What does the spec mean by that, …?": the term is
        # the phrase the context quotes
        *context, ask = [x for x in _ASK_SENTENCES.split(q_core.strip()) if x.strip()] or [""]
        quoted = _QUOTED_IN_CONTEXT.findall(" ".join(context))
        said = _term_of(ask) if quoted and _TERM.match(ask) else None
        if said and re.match(r"(that|this|it|these|those)\b", said, re.I):
            intent, term = "term", quoted[-1].strip()
    if term and re.fullmatch(r"(an? |the )?(bbs?|building blocks?)", term, re.I):
        term = "building block"  # "What is a BB?"
    if term and registry.is_block_name(term) and not (ALIAS_IS_A_TERM and _alias_only(term)):
        intent, term = "overview", None  # "What is the Information Mediator?" asks about the block, not a glossary entry
    # the answerer compares them when the glossary defines both; the intent stays as detected otherwise
    terms = term_pair(q_core) if len(all_bbs) < 2 else []
    defined = False  # … or defines each ("what do 'issuer', 'holder' and 'verifier' mean?")
    if not terms and len(all_bbs) < 2:
        terms = quoted_terms(q_core)
        defined = bool(terms)
    if defined and intent == "general":
        intent = "term"  # "what do 'issuer', 'holder' and 'verifier' mean?": glossary entries answer it
    m = API_PATH.search(q)
    api_path = m.group(1) if m and intent == "api" and len(m.group(1)) > 2 else None
    if api_path and OTHER_ENDPOINT_ASKED and _asks_another_endpoint(q):
        api_path = None  # "After I POST /search, on which endpoint do the results come back?": another one is asked for
    if CALL_FROM_ANSWER and not api_path and intent == "api" and history and _THAT_CALL.search(q) \
            and not _OWN_JOB.search(q) and (lead_op := _ANSWER_LEAD_OP.match(last_answer(history))):
        api_path = lead_op.group(1)  # "that call" is the operation the answer led with
    ask_again = ""
    if ASK_TWICE and standalone == q:
        # "Our land registry office wants citizens to sign deeds online. How does the eSignature BB protect the private
        # keys?": the search reads the asking sentence twice, so that the context does not outweigh it (unless the
        # asking sentence points back into the context: "Is that allowed?")
        ask = ask_part(q)
        if ask != q and not POINTS_BACK.search(ask):
            ask_again = search_form(ask)
    if OPTION_CARRIED and prev_user and (opt := _THAT_OPTION.search(q)) and (said := answer_lead(last_answer(history))) \
            and not re.search(rf"\b(?!(?:a|an|any|some|the|another|other|one|that|this|few|several|two|three|four|"
                              rf"many|different|these|those)\b)[\w-]+\s+{opt.group(2) or opt.group(4)}s?\b", last, re.I):
        # "Does the eSignature BB have an option for people without a smart card?" → "how long does the certificate from
        # that option stay usable?": that option is the one the answer gave ("One-time signatures are …"); not one the
        # asker named ("How does the one-time signature approach work?" → "… in that approach")
        standalone = f"{standalone} ({said})"
    # "reg bb", "IDV", "IM" are searched as the blocks' names, "kick off" as "start" (the question itself stays as typed)
    standalone = search_form(standalone)
    which = _which_bb_parts(q)  # (read once: the need, and the need of each job asked for)
    bb_need, bb_needs = _one_need(which), _need_per_job(which) or []
    if NEED_ASKS_NO_RULE and bb_need and intent == "requirement" and not _REQ.search(ask_part(q)):
        intent = "general"  # "… we have to stop paying people once they die … Which building block would let us find out?"
    if intent == "api" and ASKS_REPO_LAYOUT.search(q):
        intent = "general"  # "how is its github repo laid out - where do the spec pages live vs api definitions vs tests?"
    return QueryAnalysis(question=q, standalone=standalone, ask_again=ask_again, previous=previous, intent=intent,
                         bbs=all_bbs, term=term, api_path=api_path, terms=terms,
                         terms_defined=defined,
                         carried_bbs=carried, unknown_bb=unknown, truncated=truncated, keywords=keywords(standalone),
                         bb_need=bb_need, bb_needs=bb_needs, enumerates=enumerated_noun(q, term) or (
                             "requirement" if not all_bbs and asks_cross_cutting_list(q) else None),
                         more_asks=_later_asks(q, term))


def _later_asks(q: str, term: str | None) -> list[str]:
    """more_asks, with "it" the term a definition question asked about ("how does govstack define consent? and can people
    take it back later" → "and can people take consent back later"; the search reads it in the spec's words)."""
    return [re.sub(r"\bit\b", term, a, count=1) if term and TERM_IN_LATER_ASK else a for a in more_asks(q)]
