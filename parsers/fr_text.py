"""Reading the words of designation notices: actions, programs, named entities, aliases and dates."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from parsers.model import Program
from parsers.text import outside_and_groups

_RELEVANT = re.compile(
    r"foreign\s+terrorist\s+organi[sz]ations?|specially\s+designated\s+global\s+terrorists?"
    r"|(?:executive\s+order|E\.\s?O\.)\s*(?:no\.\s*)?13224"
    r"|section\s+219\s+of\s+the\s+(?:immigration\s+and\s+nationality\s+act|INA)|8\s+U\.S\.C\.\s+1189",
    re.IGNORECASE,
)
_ACRONYMS = re.compile(r"\bFTOs?\b|\bSDGTs?\b")

_FTO_MARK = re.compile(r"foreign terrorist organi[sz]ations?|section 219|8 U\.S\.C\. 1189", re.IGNORECASE)
_SDGT_MARK = re.compile(r"specially designated global terrorists?|13224", re.IGNORECASE)

_REVOKE = re.compile(
    r"\bhereby revokes?\b|\b(?:is|are) hereby revoked\b"
    r"|(?<!not )changed in such a manner as to warrant (?:the )?revocation",
    re.IGNORECASE,
)
_MAINTAIN = re.compile(r"\bshall be maintained\b|\b(?:is|are) (?:hereby )?maintained\b", re.IGNORECASE)
# "as amended (by …)" names a statute's history, not an amendment of a designation
_AMEND = re.compile(r"(?<!as )\bamend(?:s|ed)?\b(?!\s+by\b)[^.]*?\b(?:re)?designations?\b", re.I)
_DESIGNATE = re.compile(
    r"\bhereby designates?\b|\bexists? with respect to\b"
    r"|\bhereby determines? that the (?:person|persons|individual|individuals|organization|organizations"
    r"|entity|entities|group|groups) known as\b",
    re.IGNORECASE,
)
_REVIEW_STARTED = re.compile(
    r"\bundertaking a review\b|\bis reviewing\b|\bwill accept written statements\b|\binitiat\w* a review\b",
    re.IGNORECASE,
)

_LONG_DATE = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})"
)
_STATED_EFFECTIVE = re.compile(
    r"\b(?:effective|takes? effect)(?:\s+on|\s+as\s+of)?\s+((?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2},\s+\d{4})"
)
_UPON_SIGNATURE = re.compile(r"effective upon (?:the date of )?signature|effective on the date of signature", re.I)

_ALIAS_MARKER = r"(?:also known as|formerly known as|a\.k\.a\.|f\.k\.a\.|n\.k\.a\.|aka|fka)"
_ALIAS_SPLIT = re.compile(r"\s*,?\s*\b" + _ALIAS_MARKER + r"\s+", re.IGNORECASE)
_ALIAS_PREFIX = re.compile(r"^" + _ALIAS_MARKER + r"(?!\w)[\s:]*", re.IGNORECASE)
_OTHER_ALIASES = re.compile(r"\s*\b(?:and\s+)?(?:other|its|their)(?:\s+respective)?\s+aliases\b\s*", re.IGNORECASE)
_LEADING_JOINER = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^the\s+")
_DETAIL = re.compile(
    r"^(date of birth|DOB|born|place of birth|POB|nationality|citizenship|citizen|gender"
    r"|passport(?: no\.| number)?|national id(?:entification)?(?: no\.| number)?)\b\s*:?\s*(.+)$",
    re.IGNORECASE,
)
_DETAIL_KEYS = {
    "date of birth": "dob", "dob": "dob", "born": "dob", "place of birth": "pob", "pob": "pob",
    "nationality": "nationality", "citizenship": "citizenship", "citizen": "citizenship", "gender": "gender",
}

_KIND_WORDS = {
    "person": "individual", "persons": "individual", "individual": "individual", "individuals": "individual",
    "organization": "organization", "organizations": "organization", "entity": "organization",
    "entities": "organization", "group": "organization", "groups": "organization",
}

_FTO_PHRASE = r"(?:foreign terrorist organi[sz]ations?|specially designated global terrorists?)"
_EXIST_WITH_RESPECT = re.compile(
    r"\bexists? with respect to:?\s*(?:each of\s+)?(?:the following(?:\s+organizations?)?:?\s*)?(.+)$", re.I
)
_SDGT_KNOWN_AS = re.compile(
    r"hereby determines? that the (person|persons|individual|individuals|organization|organizations|entity|entities"
    r"|group|groups) known as (.+?),?\s+(?:has|have|had|is|are|was|were|committed|poses?|constitutes?|acts?|acted)\b",
    re.IGNORECASE,
)
_AMEND_TARGET = re.compile(
    r"\bamend(?:s|ed)?,?(?:\s+effective\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4},)?"
    r"\s+the\s+(?:\d{4}\s+)?(?:re)?designations?"
    r"\s+of\s+(.+?)\s+as\s+an?\s+\"?" + _FTO_PHRASE,
    re.IGNORECASE,
)
_NEW_PRIMARY = re.compile(r"\b(?:add|adopt)(?:s|ed)?\s+the\s+(?:alias|name)\s+(.+?)\s+as\s+its\s+primary\s+name", re.I)
_ADDED_ALIASES = re.compile(
    r"\b(?:add|include)\s+the\s+following\s+(?:new\s+)?(?:names\s+as\s+)?aliases(?:\s+of\s+[^:]+)?:\s*(.*)$", re.I
)
_REVOKE_TARGET = re.compile(
    r"\bhereby revokes?\s+the\s+designations?\s+of\s+(.+?)\s+as\s+(?:an?\s+)?" + _FTO_PHRASE
    + r"|\bthe\s+designations?\s+of\s+(.+?)\s+as\s+(?:an?\s+)?" + _FTO_PHRASE
    + r"\s*,?\s+(?:is|are)\s+hereby\s+revoked",
    re.IGNORECASE,
)
_DESIGNATION_OF = re.compile(r"\bdesignations?\s+of\s+(.+?)\s+as\s+(?:an?\s+)?" + _FTO_PHRASE, re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"\.\s+(?=(?:Therefore|Accordingly|Further|I hereby|This|These)\b)")

_TITLE_TARGETS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:In the Matter of the )?Review and Amendment of the Designations? of (.+?) as (?:an? )?Foreign Terrorist",
        r"^(?:In the Matter of the )?Review of the Designations? as (?:an? )?Foreign Terrorist Organizations? of (.+)$",
        r"^(?:In the Matter of the )?Review of (?:the )?Foreign Terrorist Organizations? Designations? "
        r"(?:of|for) (.+)$",
        r"^(?:In the Matter of the )?Review of the Designations? of (.+?) as (?:an? )?Foreign Terrorist",
        r"^Revocation of the (?:Foreign Terrorist Organization |Terrorist )?Designations? of (.+?)"
        r"(?: as (?:an? )?" + _FTO_PHRASE + r".*)?$",
        r"^Foreign Terrorist Organization Designations? of (.+)$",
        r"^(?:In the Matter of the )?(?:Amendment of the )?Designation of (.+?) as (?:an? )?" + _FTO_PHRASE,
    )
]


@dataclass
class Mention:
    """One entity as a notice names it: primary name, aliases in order, identifying details."""

    name: str
    aliases: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    entity_type: str | None = None


_CHEAP_HINTS = ("terrorist", "13224", "FTO", "SDGT", "219", "1189")


def looks_relevant(text: str) -> bool:
    """Whether text mentions the FTO or SDGT programs (or their legal authorities)."""
    lowered = text.lower()
    if not any(hint.lower() in lowered for hint in _CHEAP_HINTS):
        return False
    return bool(_ACRONYMS.search(text) or _RELEVANT.search(text))


def programs_in(text: str) -> set[Program]:
    """The programs whose legal authority a passage invokes."""
    found = set()
    if _FTO_MARK.search(text):
        found.add(Program.FTO)
    if _SDGT_MARK.search(text) or "SDGT" in _ACRONYMS.findall(text):
        found.add(Program.SDGT)
    return found


def actions_in(text: str) -> list[str]:
    """The operative actions a passage takes, strongest first ('revocation' wins over the rest)."""
    if _REVOKE.search(text):
        return ["revocation"]
    found = []
    if _MAINTAIN.search(text):
        found.append("review")
    if _AMEND.search(text):
        found.append("amendment")
    if not found and _DESIGNATE.search(text):
        found.append("designation")
    return found


def is_operative(paragraph: str) -> bool:
    """Whether a paragraph carries an action (designate, amend, maintain, revoke)."""
    return bool(_REVOKE.search(paragraph) or _MAINTAIN.search(paragraph) or _AMEND.search(paragraph)
                or _DESIGNATE.search(paragraph))


def starts_review_only(text: str) -> bool:
    """Whether a passage announces a review or invites submissions without deciding anything."""
    return bool(_REVIEW_STARTED.search(text))


def parse_long_date(text: str | None) -> date | None:
    """The first 'November 16, 2025' in text, as a date."""
    if not text:
        return None
    match = _LONG_DATE.search(text)
    if not match:
        return None
    return datetime.strptime(" ".join(match.groups()), "%B %d %Y").date()


def stated_effective_date(text: str, signed_on: date | None) -> date | None:
    """A date the notice itself gives for taking effect, if any."""
    if _UPON_SIGNATURE.search(text):
        return signed_on
    match = _STATED_EFFECTIVE.search(text)
    return parse_long_date(match.group(1)) if match else None


def _top_split(text: str, separator: str) -> list[str]:
    """Split on a separator outside parentheses and double quotes."""
    parts, depth, quoted, current = [], 0, False, []
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted:
            depth = max(depth - 1, 0)
        if char == separator and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def clean_name(text: str) -> str:
    """A name without list joiners, alias markers, wrapping quotes or trailing punctuation."""
    text = _OTHER_ALIASES.sub(" ", text).strip()
    text = _LEADING_JOINER.sub("", text)
    text = _ALIAS_PREFIX.sub("", text)
    text = text.strip().strip('"').strip()
    text = text.rstrip(".,;: ").lstrip(",;: ")
    text = _LEADING_JOINER.sub("", text)
    text = re.sub(r"\s+", " ", text).strip().strip('"').strip()
    return "" if text.lower() in {"and", "or"} else text


def _has_marker(text: str) -> bool:
    """Whether an alias marker appears outside parentheses."""
    outside, _ = outside_and_groups(text)
    return bool(re.search(r"\b" + _ALIAS_MARKER + r"\s", outside, re.IGNORECASE))


def _detail(item: str) -> tuple[str, str] | None:
    """('dob', '1976') from 'date of birth: 1976', or None."""
    match = _DETAIL.match(item.strip())
    if not match:
        return None
    label = match.group(1).lower()
    key = _DETAIL_KEYS.get(label, "passport" if label.startswith("passport") else "national_id")
    return key, match.group(2).strip().rstrip(".,; ")


def _read_group(group: str, mention: Mention) -> None:
    """Add one parenthetical's aliases or identifying details to a mention."""
    items = _top_split(group, ";") if ";" in group else _top_split(group, ",")
    details = [_detail(item) for item in items]
    if details and all(details):
        mention.details.extend(d for d in details if d)
        return
    for item in items:
        alias = clean_name(item)
        if alias:
            mention.aliases.append(alias)


def _mention(chunk: str) -> Mention | None:
    """One entity from text such as 'X (also known as A; also known as B)' or 'X, also known as A'."""
    chunk = _LEADING_JOINER.sub("", chunk.strip())
    outside, groups = outside_and_groups(chunk)
    pieces = [p for p in _ALIAS_SPLIT.split(outside) if p.strip()]
    if not pieces:
        return None
    name = _LEADING_ARTICLE.sub("", clean_name(pieces[0]))
    if not name:
        return None
    mention = Mention(name=name, aliases=[a for a in (clean_name(p) for p in pieces[1:]) if a])
    for group in groups:
        _read_group(group, mention)
    return mention


def split_mentions(segment: str) -> list[Mention]:
    """Every entity named in a list segment, each with its aliases in document order."""
    segment = segment.strip().rstrip(".")
    chunks = _top_split(segment, ";")
    if len(chunks) > 1:
        marked = [_has_marker(c) for c in chunks]
        if marked[0] and not any(marked[1:]) and not any("(" in c for c in chunks[1:]):
            # 'X, also known as A; B; and C': one entity whose aliases run on after semicolons
            first = _mention(chunks[0])
            if first:
                first.aliases.extend(a for a in (clean_name(c) for c in chunks[1:]) if a)
            return [first] if first else []
        return [m for m in (_mention(c) for c in chunks) if m]
    groups: list[str] = []
    for piece in _top_split(segment, ","):
        if groups and _ALIAS_PREFIX.match(piece.strip()):
            groups[-1] += ", " + piece
        else:
            groups.append(piece)
    return [m for m in (_mention(g) for g in groups) if m]


def split_alias_list(segment: str) -> list[str]:
    """Aliases from 'A, B, and C' or 'A; B; and C' or 'A, also known as B'."""
    segment = segment.strip().rstrip(".")
    items = _top_split(segment, ";") if ";" in segment else _top_split(segment, ",")
    aliases = []
    for item in items:
        for piece in _ALIAS_SPLIT.split(item):
            alias = clean_name(piece)
            if alias:
                aliases.append(alias)
    return aliases


def _first_sentence_tail(text: str) -> str:
    """A list segment cut at the end of its sentence when another sentence follows."""
    return _SENTENCE_BREAK.split(text, maxsplit=1)[0]


def designation_mentions(paragraphs: tuple[str, ...]) -> list[Mention]:
    """Entities a designation names: 'exist with respect to: …' or 'the person known as …'."""
    for paragraph in paragraphs:
        match = _EXIST_WITH_RESPECT.search(paragraph)
        if match:
            mentions = split_mentions(_first_sentence_tail(match.group(1)))
            for mention in mentions:
                mention.entity_type = "organization"
            return mentions
        match = _SDGT_KNOWN_AS.search(paragraph)
        if match:
            mentions = split_mentions(match.group(2))
            for mention in mentions:
                mention.entity_type = _KIND_WORDS[match.group(1).lower()]
            return mentions
    return []


def title_mentions(title: str) -> list[Mention]:
    """Entities named in a notice title of a known form."""
    for pattern in _TITLE_TARGETS:
        match = pattern.search(title)
        if match:
            return split_mentions(match.group(1))
    return []


def revocation_mentions(paragraphs: tuple[str, ...]) -> list[Mention]:
    """Entities a revocation names, unless it only points back at 'the aforementioned organization'."""
    for paragraph in paragraphs:
        for match in _REVOKE_TARGET.finditer(paragraph):
            segment = match.group(1) or match.group(2)
            if "aforementioned" not in segment.lower():
                return split_mentions(segment)
    return []


def designation_of_mentions(paragraphs: tuple[str, ...]) -> list[Mention]:
    """Entities from the first 'designation of X as a Foreign Terrorist Organization' that names one."""
    for paragraph in paragraphs:
        for match in _DESIGNATION_OF.finditer(paragraph):
            if "aforementioned" not in match.group(1).lower():
                return split_mentions(match.group(1))
    return []


@dataclass
class AmendmentText:
    """What an amendment says: whose designation, a new primary name if any, the aliases added."""

    target: Mention | None
    new_primary: str | None
    added_aliases: list[str]


def amendment_text(paragraphs: tuple[str, ...]) -> AmendmentText:
    """Read the amended designation, any new primary name, and the added aliases (inline or one per line)."""
    target, new_primary, added = None, None, []
    for index, paragraph in enumerate(paragraphs):
        if target is None:
            match = _AMEND_TARGET.search(paragraph)
            if match:
                mentions = split_mentions(match.group(1))
                target = mentions[0] if mentions else None
        primary = _NEW_PRIMARY.search(paragraph)
        if primary and new_primary is None:
            new_primary = clean_name(primary.group(1))
        listed = _ADDED_ALIASES.search(paragraph)
        if listed and not added:
            inline = _first_sentence_tail(listed.group(1)).strip()
            added = split_alias_list(inline) if inline else _alias_lines(paragraphs[index + 1:])
    return AmendmentText(target=target, new_primary=new_primary, added_aliases=added)


def _alias_lines(paragraphs: tuple[str, ...]) -> list[str]:
    """Aliases printed one per paragraph after 'to add the following names as aliases:'."""
    aliases = []
    for paragraph in paragraphs:
        if paragraph.startswith("Dated") or (paragraph.endswith(".") and len(paragraph.split()) > 8):
            break
        alias = clean_name(paragraph)
        if alias:
            aliases.append(alias)
    return aliases


def dedupe_aliases(aliases: list[str], name: str) -> tuple[str, ...]:
    """Aliases in order, each once (ignoring case), without the primary name."""
    seen = {name.casefold()}
    kept = []
    for alias in aliases:
        key = alias.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)
