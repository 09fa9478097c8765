"""The building-block registry: canonical ids, names, aliases and our own descriptions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from corpus import BUILDING_BLOCKS_FILE


@dataclass(frozen=True)
class BuildingBlock:
    id: str
    name: str
    aliases: tuple[str, ...]
    description: str


@lru_cache(maxsize=1)
def building_blocks() -> tuple[BuildingBlock, ...]:
    data = yaml.safe_load(BUILDING_BLOCKS_FILE.read_text(encoding="utf-8"))
    return tuple(
        BuildingBlock(d["id"], d["name"], tuple(a.lower() for a in d.get("aliases", [])), " ".join(d["description"].split()))
        for d in data
    )


def bb_ids() -> list[str]:
    return [b.id for b in building_blocks()]


def get(bb_id: str) -> BuildingBlock | None:
    return next((b for b in building_blocks() if b.id == bb_id), None)


def name_of(bb_id: str | None) -> str:
    b = get(bb_id) if bb_id else None
    return b.name if b else (bb_id or "")


# Aliases that are ordinary English words only count when written as a name (capitalised or with "BB").
_AMBIGUOUS = {"id", "im", "sign", "content", "location", "register", "database", "message", "messages",
              "hosting", "infrastructure", "calendar", "booking", "workflows", "credentials", "payment",
              "registration", "consent", "workflow", "payments", "identity", "messaging", "scheduler",
              "wallet", "cloud", "identification", "authentication", "notification", "notifications",
              "scheduling", "appointments", "appointment", "reminders", "enrolment", "enrollment",
              "procurement", "marketplace", "publishing", "mapping", "maps", "sms", "email", "mediator",
              "signing", "orchestration", "vouchers", "voucher", "registry", "registries", "data exchange"}


@lru_cache(maxsize=1)
def _alias_patterns() -> list[tuple[re.Pattern, str, bool]]:
    pats = []
    for b in building_blocks():
        names = set(b.aliases) | {b.name.lower(), b.id.replace("-", " "), b.id}
        for a in sorted(names, key=len, reverse=True):
            pats.append((re.compile(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", re.I), b.id, a in _AMBIGUOUS))
    return pats


@lru_cache(maxsize=1)
def _any_alias() -> tuple[re.Pattern, dict[str, str]]:
    """Every name and alias in one pattern (longest first), and which BB each names: one scan of a text instead of
    one per alias (an alias is never another block's, so the longest match at a position is the only one)."""
    owner = {a: b.id for b in building_blocks() for a in (*b.aliases, b.name.lower(), b.id.replace("-", " "), b.id)}
    alt = "|".join(re.escape(a) for a in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I), owner


_OR_BETWEEN = re.compile(r"\s*(?:(?:bb|building block)s?\s+)?or\s+(?:(?:by|in|with|under|through|via|from)\s+)?(?:the\s+)?$", re.I)
# after a common word, what makes it a block's name: "messaging bb". "the payments block", "the wallet spec" too was
# read and not kept (dev-independent −1, independent2 −1)
_BB_AFTER = re.compile(r"\s*(?:bb|building block)s?\b", re.I)
# "the wallet spec", "the consent specification": a block's common-word name before its spec's name is the block
# ("digital ID wallets. The GovStack wallet spec lists 'repudiation'" is about the Wallet BB): qa_dev36 +1, no pass or
# blind score moved elsewhere
SPEC_NAMES_BLOCK = True
_NAMED_AFTER = re.compile(r"\s*(?:(?:bb|building block)s?|(?:spec|specs|specification|specifications)(?!\w))\b", re.I) \
    if SPEC_NAMES_BLOCK else _BB_AFTER
# "the messaging block", "the consent block": a block's own one-word name before "block", after "the", is the block (not
# "a content block" or "the message block" of a page)
BLOCK_NAMES_BLOCK = True
_BLOCK_WORDS = {"messaging", "payments", "identity", "registration", "consent", "workflow", "scheduler", "wallet",
                "mediator", "marketplace"}
_GOVSTACK_BEFORE = re.compile(r"\bgovstack(['’]s)?\s+$", re.I)  # (… as is "the GovStack wallet")
_BLOCK_AFTER = re.compile(r"\s*(blocks?|modules?)\b", re.I)  # (… or "the registration module")
# nouns that name the system itself: "the scheduler" is the Scheduler BB ("the registry", "the wallet" are any one)
NAME_THE_SYSTEM = True
_SYSTEM_NOUNS = {"scheduler", "mediator"}
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# a document someone signs names the E-Signature block as a national ID names the Identity one ("sign their filings
# online by logging in with their national ID": the signing is asked about, the login is its means); not a token, a
# message or a request, which systems sign as part of other blocks' work
SIGNED_DOCUMENTS = True
_SIGNS_DOCUMENT = re.compile(r"\s+((their|the|his|her|our|your|a|an|any|each|all|these|those|its|my|official|legal)\s+)?"
                             r"([\w-]+\s+)?(documents?|forms?|filings?|judg(e)?ments?|contracts?|applications?|pdfs?|"
                             r"papers?|agreements?|licen[cs]es?|permits?|petitions?|declarations?|deeds?|decisions?|"
                             r"letters?|invoices?|minutes|orders?|approvals?)\b(?![^.?!]*\b(on paper|by hand|in ink|wet[- ]ink|"
                             r"with a pen)\b)", re.I)  # (a form signed on paper is not signed electronically)


def offers_choice(text: str) -> bool:
    """Whether a text asks to choose between two blocks it names side by side ("Is that the Messaging BB or the Scheduler
    BB?", "Messaging or the Information Mediator?"): each one named as a block ("… BB"), by a name nothing else has, or
    with a capital (not "registration or payment", two jobs).

    >>> offers_choice("Is that the Messaging BB or the Scheduler BB?"), offers_choice("Messaging or the Information Mediator?")
    (True, True)
    >>> offers_choice("Does the form take registration or payment details?")
    False
    >>> offers_choice("Is that covered by the Wallet building block or by the Payments building block?")
    True
    """
    def named(m: re.Match) -> bool:
        return bool(_BB_AFTER.match(text, m.end())) or m.group(0).lower() not in _AMBIGUOUS or m.group(0)[0].isupper()

    return any(_OR_BETWEEN.fullmatch(between) and named(a) and named(b) for a, b, between in _block_pairs(text))


def _block_pairs(text: str):
    """Each two names of different blocks one after the other in a text, with the words between them."""
    pat, owner = _any_alias()
    found = list(pat.finditer(text))
    return ((a, b, text[a.end():b.start()]) for a, b in zip(found, found[1:])
            if owner[a.group(0).lower()] != owner[b.group(0).lower()])


_AND_BETWEEN = re.compile(r"\s*(?:(?:bb|building block)s?\s*)?(?:,?\s*and|vs\.?|versus|&|/)\s*(?:the\s+)?$", re.I)
# … or two asks in parallel, one of each ("what does the eMarketplace handle and what does the Payments BB handle?")
_PARALLEL_ASK = re.compile(r"\b(and|while|whereas|but)\s+(what|how|which|who|where|when|does|do|is|are|can|should|would)\b",
                           re.I)


def pairs_blocks(text: str) -> bool:
    """Whether a text names two blocks side by side, joined by "and", "vs" or "/" ("Identity and Consent", "the
    Messaging BB vs the Scheduler"), as a comparison of them does; not a block named as context further along ("does the
    IM convert payloads for the payments BB and handle retries?").

    >>> pairs_blocks("What do the Messaging and Scheduler BBs each do for reminders?")
    True
    >>> pairs_blocks("does the IM convert our XML payloads for the payments BB and handle retries?")
    False
    >>> pairs_blocks("what does the eMarketplace handle and what does the Payments BB handle?")
    True
    >>> pairs_blocks("Can they still sign documents electronically, and what part does the national ID system play in that?")
    False
    """
    return any(_AND_BETWEEN.fullmatch(between) or (_PARALLEL_ASK.search(between) and _named(a, text) and _named(b, text))
               for a, b, between in _block_pairs(text))


def _named(m: re.Match, text: str) -> bool:
    """Whether an alias found in a text is a block's name, not the words of its subject ("sign documents … and what part
    does the national ID system play in that?" asks about signing, y100-017, and compares no blocks)."""
    return m.group(0).lower() in _name_aliases() or bool(_NAMED_AFTER.match(text, m.end()))


# words whose "… ID" is that thing's identifier (a record's, a payee's functional ID), not a person's identity
_OTHER_ID = re.compile(r"\b(record|transaction|instance|process|task|event|request|session|message|reader|functional|"
                       r"object|order|application|client|correlation|policy|agreement|schema|database|service|resource|"
                       r"file|document|batch|job|tenant|device|account|key|operation)s?\s+$", re.I)


# "an ID", "any ID", "that ID", "their ID" on its own is some identifier; the Identity BB's things keep naming it
_ANY_ID = re.compile(r"\b(an|any|no|that|this|these|those|unique|same|its|their|his|her|our|your|my|each|every|different|"
                     r"separate|another|other|new|own|single)\s+$", re.I)
# … as is one listed after another thing someone holds ("I keep my teaching diploma and ID as digital certificates")
_OWN_ID_LISTED = re.compile(r"\b(my|our|their|his|her|your)\s+([\w'’-]+\s+){1,3}(and|or|&)\s+(an?\s+|the\s+)?$", re.I)
_ID_THING = re.compile(r"\s*(bb|building block|cards?|numbers?|system|provider|tokens?|documents?|verification|wallet|"
                       r"products?|platforms?|solutions?|software|vendors?|modules?)\b")
# an ID stored or carried on a phone is a credential the person holds (the Wallet's subject), not the Identity BB
ID_ON_PHONE_IS_HELD = True
_ID_ON_PHONE = re.compile(r"\s+(cards?\s+|credentials?\s+)?((that\s+|which\s+)?(is\s+|are\s+)?(stored|kept|held|saved|carried|"
                          r"loaded)\s+)?(in|on)\s+(their|his|her|my|your|our|a|an|the)\s+(own\s+)?(phones?|mobiles?|smartphones?|"
                          r"apps?|wallets?)\b", re.I)


# A block's own names, as against the words of its subject ("mobile money", "SMS", "credentials"): names_only=True
_SHORT_NAME_ALIASES = {"im", "idv", "esig", "e-sig", "cms", "emarketplace", "e-marketplace", "esignature", "e-signature",
                       "x-road", "xroad"}


@lru_cache(maxsize=1)
def _name_aliases() -> frozenset[str]:
    out = set()
    for b in building_blocks():
        names = {b.name.lower(), b.id, b.id.replace("-", " ")}
        out |= names | {a for a in b.aliases if a.endswith(" bb") or a in _SHORT_NAME_ALIASES}
    return frozenset(out)


def find_bbs(text: str, strict: bool = False, names_only: bool = False) -> list[str]:
    """Building blocks a text names, in order of first mention.

    strict=True only counts unambiguous names (e.g. "Information Mediator", "IM BB", "e-sig"),
    so that "register a user" does not imply the Registration BB. names_only=True counts a block's names and not the
    words of its subject ("mobile money", "SMS").

    >>> q = "Is the Wallet BB a mobile money wallet?"
    >>> find_bbs(q), find_bbs(q, names_only=True)
    (['wallet', 'payments'], ['wallet'])

    >>> find_bbs("How does the IM talk to Payments?")
    ['information-mediator', 'payments']
    >>> find_bbs("Can we change the payee's functional ID?"), find_bbs("our national ID system")
    ([], ['identity'])
    >>> find_bbs("I keep my teaching diploma and ID in a wallet app"), find_bbs("my diploma and ID card")
    ([], ['identity'])
    >>> find_bbs("How is consent recorded before they have an ID?"), find_bbs("citizens without an ID card")
    ([], ['identity'])
    >>> find_bbs("once we're given that ID and prefix, what do we do with it?"), find_bbs("does that ID BB log it?")
    ([], ['identity'])
    >>> find_bbs("logging in w/ national id"), find_bbs("log in with their id")  # lower case: the national ID only
    (['identity'], [])
    >>> find_bbs("does the id bb decide it?"), find_bbs("the id building block")  # …or the block, named as one
    (['identity'], ['identity'])
    >>> find_bbs("Would that doctor get a different ID at each hospital?"), find_bbs("a different ID provider")
    ([], ['identity'])
    >>> find_bbs("event statuses in the scheduler"), find_bbs("a scheduler for batch jobs")
    (['scheduler'], [])
    >>> find_bbs("The GovStack wallet spec lists 'repudiation'"), find_bbs("the consent specification", names_only=True)
    (['wallet'], ['consent'])
    >>> find_bbs("clerks sign judgments by logging in with their national ID"), find_bbs("how is the token signed?")
    (['esignature', 'identity'], [])
    >>> find_bbs("people sign consent forms on paper"), find_bbs("the server will sign each message")
    ([], [])
    >>> find_bbs("can the messaging block itself decide?"), find_bbs("a messaging block on the page")
    (['messaging'], [])
    >>> find_bbs("a refugee shows the ID stored in their phone app"), find_bbs("the ID on the card")
    ([], ['identity'])
    >>> find_bbs("should the registration module keep the records?"), find_bbs("could the GovStack wallet hold cash?")
    (['registration'], ['wallet'])
    """
    pattern, owner = _any_alias()
    hits: dict[str, int] = {}
    for m in pattern.finditer(text):
        word = m.group(0)
        alias = word.lower()
        if alias in _AMBIGUOUS:
            # "IM"/"ID" must be upper-case; other common words must be capitalised or followed by BB/building block.
            tail = text[m.end(): m.end() + 18].lower()
            named = word[:1].isupper() or bool(_NAMED_AFTER.match(tail)) or (
                BLOCK_NAMES_BLOCK and alias in _BLOCK_WORDS and (
                    (bool(_BLOCK_AFTER.match(tail)) and bool(_THE_BEFORE.search(text[max(0, m.start() - 5): m.start()])))
                    or bool(_GOVSTACK_BEFORE.search(text[max(0, m.start() - 12): m.start()])))) or (
                NAME_THE_SYSTEM and alias in _SYSTEM_NOUNS and bool(_THE_BEFORE.search(text[max(0, m.start() - 5): m.start()]))) \
                or (SIGNED_DOCUMENTS and alias == "sign" and not strict and bool(_SIGNS_DOCUMENT.match(text, m.end())))
            if alias in ("im", "id") and word != word.upper() and not _BB_AFTER.match(tail):
                continue  # ("the id bb", "im bb" typed fast name the block)
            if alias == "id" and _OTHER_ID.search(text[max(0, m.start() - 20): m.start()]):
                continue  # "the record ID", "their functional ID": another thing's identifier, not the Identity BB
            if alias == "id" and _ANY_ID.search(text[max(0, m.start() - 10): m.start()]) and not _ID_THING.match(tail):
                continue  # "before they have an ID": holding some identifier, not the Identity BB (an ID card/number is)
            if alias == "id" and _OWN_ID_LISTED.search(text[max(0, m.start() - 50): m.start()]) and not _ID_THING.match(tail):
                continue  # "my teaching diploma and ID": one of the asker's documents (r67-030)
            if alias == "id" and ID_ON_PHONE_IS_HELD and _ID_ON_PHONE.match(text, m.end()):
                continue  # "the ID stored in their phone app": a credential held in a wallet (c52-011), not the block
            if strict and not _NAMED_AFTER.match(tail) and alias != "im":
                continue
            if not named:
                continue
        if names_only and alias not in _name_aliases() and not _NAMED_AFTER.match(text, m.end()):
            continue
        hits.setdefault(owner[alias], m.start())
    return sorted(hits, key=hits.get)


# Short names people type for a block, which neither the embedding model nor the spec's words know as that block
# ("reg bb", "IDV", "e-sig"): spell_out writes the block's name in their place
_SHORT_NAMES = [(re.compile(r"(?<![\w-])IM(?![\w-])"), "information-mediator"),
                (re.compile(r"(?<![\w-])idv(?![\w-])", re.I), "identity"),
                (re.compile(r"(?<![\w-])reg(?=\s+(?:bb|building block)s?\b)", re.I), "registration"),
                (re.compile(r"(?<![\w-])e-?sig(?![\w-])", re.I), "esignature")]
# ("CMS" stays: it is the Content Management spec's own word for itself; spelled out, 3 dev answers lost their pages.
# "eID" stays too: it is a glossary term, "Electronic Identifier (eID)", not the block)


def spell_out(text: str) -> str:
    """The text with a block's short name written as its name, for the search and the coverage check.

    >>> spell_out("reg bb - what do they mean by 'single window'?")
    "Registration bb - what do they mean by 'single window'?"
    >>> spell_out("IM bb: can it convert payloads?"), spell_out("I'm new; does the idv bb issue a UIN?")
    ('Information Mediator bb: can it convert payloads?', "I'm new; does the Identity bb issue a UIN?")
    >>> spell_out("register, regulate, the CMS itself")
    'register, regulate, the CMS itself'
    """
    for pat, bid in _SHORT_NAMES:
        text = pat.sub(name_of(bid), text)
    return text


def with_block_suffix(text: str) -> str:
    """The text with " BB" after each block name that goes without it: "What is the Information Mediator, …?" asks
    what "the Information Mediator BB" is. A name that is also a common word only when written as a name ("the
    Scheduler", not "the scheduler", "registration").

    >>> with_block_suffix("what is the Information Mediator, and does the Scheduler use it for registration?")
    'what is the Information Mediator BB, and does the Scheduler BB use it for registration?'
    >>> with_block_suffix("What does the GIS BB do?")
    'What does the GIS BB do?'
    """
    pattern, _ = _any_alias()

    def suffixed(m: re.Match) -> str:
        name = m.group(0)
        if _BB_AFTER.match(text, m.end()):
            return name
        if name.lower() in _AMBIGUOUS and not (name[:1].isupper() and _THE_BEFORE.search(text[max(0, m.start() - 5): m.start()])):
            return name
        return name + " BB"

    return pattern.sub(suffixed, text)


def is_block_name(text: str) -> bool:
    """Whether a text is nothing but a block's unambiguous name ("the Information Mediator", "e-Signature BB").

    >>> is_block_name("Information Mediator"), is_block_name("registry"), is_block_name("Information Mediator log")
    (True, False, False)
    """
    t = re.sub(r"^(the|a|an)\s+|\s+(bb|building block)$", "", " ".join(text.split()).strip(" ?.!'\"“”‘’"), flags=re.I)
    pattern, owner = _any_alias()
    m = pattern.fullmatch(t)
    return bool(m) and m.group(0).lower() not in _AMBIGUOUS


def mentioned_loosely(text: str) -> set[str]:
    """Blocks whose name or alias a text uses in any case, common words included ("give consent", "send an SMS"):
    what a question is about, not which block it names (find_bbs).

    >>> sorted(mentioned_loosely("Can citizens give consent on their phone?"))
    ['consent']
    """
    pattern, owner = _any_alias()
    return {owner[m.group(0).lower()] for m in pattern.finditer(text) if m.group(0).lower() not in ("id", "im")}


def remove_bb_names(text: str, bbs: list[str]) -> str:
    """The text without any name or alias of the given building blocks.

    >>> " ".join(remove_bb_names("Which APIs does the Payments BB expose?", ["payments"]).split())
    'Which APIs does the expose?'
    """
    for pat, bid, _ in _alias_patterns():
        if bid in bbs:
            text = pat.sub(" ", text)
    return text


def job_words(bbs: list[str]) -> re.Pattern | None:
    """The words of the blocks' jobs, from their names: Scheduler → "scheduling", "schedules"; Messaging → "messages".

    >>> bool(job_words(["scheduler"]).search("Workflow is not always responsible for scheduling the execution"))
    True
    >>> bool(job_words(["scheduler"]).search("a workflow step")), job_words([])
    (False, None)
    """
    stems = [w[:6] for b in bbs for w in name_of(b).lower().split() if len(w) >= 5]
    return re.compile(r"\b(" + "|".join(map(re.escape, stems)) + r")\w*", re.I) if stems else None
