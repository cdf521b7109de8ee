"""Reading State Department designation notices: decisions by their legal anchors, the entity lists they govern.

The phrase families live in parsers/fr_phrases.py; this module reads sentences, lists and aliases with them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from parsers import fr_phrases as ph, name_check
from parsers.common import (SLOT as _SLOT, case_folded, cut, folded_case, forget_document, mask, outside_and_groups,
                            per_document, read_date, slotted as _slotted, split_outside, squash)
from parsers.model import EntityType, Program
from parsers.name_check import name_problem
from parsers.names import name_key
from parsers.programs import programs_in

DESIGNATION, AMENDMENT, REVIEW, REVOCATION = "designation", "amendment", "review", "revocation"
SINGULAR, PLURAL = "singular", "plural"

_CHEAP_HINTS = ("terrorist", "13224", "FTO", "SDGT", "219", "1189")
_ACRONYMS = re.compile(r"\bFTOs?\b|\bSDGTs?\b")
_ABBREVIATIONS = frozenset(
    "u.s u.s.c e.o no nos inc co ltd corp st mr mrs ms dr gen lt col sec pub stat al jr sr vol pp art para cf i.e e.g "
    "etc approx v vs jan feb mar apr jun jul aug sep sept oct nov dec sheikh alt".split())
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_LEADING_JOINER = re.compile(r"^(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^the\s+")
_TRUNCATION = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&.'-]{1,12}$")
_SINGULAR_CUES = re.compile(
    r"\b(?:has|had)\s+committed,?\s+or\s+poses\b|\b(?:is|was)\s+an?\s+(?:leader|official)\b"
    r"|\b(?:the|this|that|said)\s+(?:aforementioned\s+|above[- ]named\s+|above[- ]mentioned\s+|aforesaid\s+|named\s+|following\s+)?"
    r"(?:organi[sz]ation|entity|group|person|individual)\b(?!s)|\bits\s+(?:respective\s+)?aliases\b"
    r"|\bas\s+an?\s+[\"']?(?:foreign\s+terrorist\s+organi[sz]ation|specially\s+designated\s+global\s+terrorist|FTO|SDGT)\b(?!s)",
    re.IGNORECASE)
_PLURAL_CUES = re.compile(
    r"\bhave\s+committed,?\s+or\s+pose\b|\bare\s+(?:leaders|officials)\b|\b(?:the|these|those|said|each\s+of\s+the)\s+(?:aforementioned\s+|above[- ]named\s+|following\s+|named\s+|listed\s+)?"
    r"(?:organi[sz]ations|entities|groups|persons|individuals)\b|\btheir\s+(?:respective\s+)?aliases\b|\beach\s+of\s+the\s+following"
    r"|\bas\s+[\"']?(?:foreign\s+terrorist\s+organi[sz]ations|specially\s+designated\s+global\s+terrorists|FTOs|SDGTs)\b"
    r"|\bDesignations\s+(?:as\s+[\w\s]+?\s+)?of\b", re.IGNORECASE)
_KIND_WORDS = re.compile(
    r"\b(?:the\s+)?(?:following\s+)?(person|persons|individual|individuals|organi[sz]ations?|entity|entities|group|groups)"
    r"\s+(?:known\s+as\b|:|listed\b|named\b)"
    r"|\b(?:the|these|this|said)\s+(?:aforementioned\s+|above[- ]named\s+|above[- ]mentioned\s+|following\s+)"
    r"(persons?|individuals?|organi[sz]ations?|entit(?:y|ies)|groups?)\b"
    r"|\bthat\s+the\s+(person|individual|organi[sz]ation|entity|group)\s+(?=(?-i:[A-Z]))", re.IGNORECASE)
_CLAUSE_VERB = re.compile(
    r"\s+(?:have|has|had|is|are|was|were|shall|will|should|be|been|no\s+longer|warrants?)\b|\s*,\s+(?:which|who|that)\b",
    re.IGNORECASE)
_DESIGNATION_OF = re.compile(r"\b(?:re-?)?designations?\s+(?:as\s+an?\s+[\w\s]+?\s+)?of\s+", re.IGNORECASE)
_REVOKE_OF = re.compile(r"\brevok\w*\s+(?:the\s+)?(?:\d{4}\s+)?(?:re-?)?designations?\s+of\s+", re.IGNORECASE)
_CONTINUES = re.compile(r"\b(?:that|whether)\s+(?P<x>(?:(?!\bthat\b).)+?)\s+continues?\s+to\s+(?:meet|satisfy|warrant|pose)",
                        re.IGNORECASE)
_EFFECTIVE_LEAD = re.compile(r"^\s*,?\s*(?:effective|as\s+of)\s+(?:" + ph.LONG_DATE.pattern + r")\s*,?\s*", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
_OR = re.compile(r"\s+or\s+")
_HEREINAFTER = re.compile(r'^\s*hereinafter(?:\s+(?:referred\s+to\s+as|called))?\s*,?\s*"([^"]+)"\s*$', re.IGNORECASE)
_GROUP_SKIP = re.compile(r"^\s*(?:hereinafter|the\s+\"|\"INA|INA\b|8 U\.S\.C)", re.IGNORECASE)
_DOTTED = re.compile(r"(?:\b\w\.){2,}$")
_END_QUOTE = re.compile(r"^'|(?<![A-Za-z])'$")
_TRAILING_JOINERS = re.compile(r"(?:\s*[;,]|\s+and)+\s*$")


class _Folded:
    """The families searched in every sentence, made case-sensitive for folded_case text (same matches, faster)."""

    RELEVANT = case_folded(ph.RELEVANT)  # over a whole document: one scan instead of a case-blind one
    MAINTAIN, AMEND, FINDING = case_folded(ph.MAINTAIN), case_folded(ph.AMEND), case_folded(ph.FINDING)
    DESIGNATE, DESIGNATE_STRONG = case_folded(ph.DESIGNATE), case_folded(ph.DESIGNATE_STRONG)
    REVOKE, NOT_REVOKED = case_folded(ph.REVOKE), case_folded(ph.NOT_REVOKED)
    SDGT_FINDING, SDGT_CRITERIA = case_folded(ph.SDGT_FINDING), case_folded(ph.SDGT_CRITERIA)
    STATED_EFFECTIVE, UPON_SIGNATURE = case_folded(ph.STATED_EFFECTIVE), case_folded(ph.UPON_SIGNATURE)
    SINGULAR_CUES, PLURAL_CUES = case_folded(_SINGULAR_CUES), case_folded(_PLURAL_CUES)


# one notice reads the same items many times (body, title, aliases said apart): name_check's steps, remembered
strip_alias_boilerplate = per_document(name_check.strip_alias_boilerplate)
is_date_only = per_document(name_check.is_date_only)
_detail_tuple = per_document(lambda item: tuple(name_check.detail_pairs(item)))
_authorities_in = per_document(lambda text: programs_in(text, authorities=True))  # sentences, paragraphs, titles


def detail_pairs(item: str) -> list[tuple[str, str]]:
    """name_check.detail_pairs, remembered for the notice being read."""
    return list(_detail_tuple(item))


@dataclass
class Mention:
    """One entity as a notice names it: primary name, aliases in order, identifying details."""

    name: str
    aliases: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    entity_type: str | None = None

    def keys(self) -> set[str]:
        """Matching keys of the name and every alias."""
        return {name_key(self.name), *map(name_key, self.aliases)} - {""}


@dataclass
class Decision:
    """One operative sentence: what it decides, under which programs, where it sits."""

    action: str
    sentence: str
    paragraph: int
    programs: frozenset[Program]


@dataclass
class Finding:
    """One action a notice takes on its entities."""

    action: str
    programs: frozenset[Program]
    mentions: list[Mention]
    previous: dict[str, str] = field(default_factory=dict)
    where: dict[Program, tuple[int, ...]] = field(default_factory=dict)  # paragraphs deciding under each program


@dataclass
class Reading:
    """What a State notice's words say: its findings, or why a person should read it."""

    findings: list[Finding] = field(default_factory=list)
    review: str | None = None
    review_started: bool = False


# --- small readers ---------------------------------------------------------------------------------------------


def looks_relevant(text: str) -> bool:
    """Whether text mentions the FTO or SDGT programs (or their legal authorities)."""
    lowered = text.lower()
    if not any(hint.lower() in lowered for hint in _CHEAP_HINTS):
        return False
    if ("FTO" in text or "SDGT" in text) and _ACRONYMS.search(text):
        return True
    return bool(_Folded.RELEVANT.search(folded_case(text)))


def stated_effective_date(text: str, signed_on: date | None) -> date | None:
    """A date the notice itself gives for taking effect, if any."""
    folded = folded_case(text)
    if _Folded.UPON_SIGNATURE.search(folded):
        return signed_on
    match = _Folded.STATED_EFFECTIVE.search(folded)
    return read_date(text[match.start("date"):match.end("date")], anywhere=True) if match else None


def _last_token(text: str) -> str:
    """The run of word characters, dots, apostrophes and hyphens that ends text (before one final newline), or ''."""
    text = text[:-1] if text.endswith("\n") else text
    start = len(text)
    while start and (text[start - 1].isalnum() or text[start - 1] in "_.'-"):
        start -= 1
    return text[start:]


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences, never after 'U.S.C.', 'a.k.a.', 'No.' or an initial."""
    return list(_sentences(paragraph))


@per_document
def _sentences(paragraph: str) -> tuple[str, ...]:
    """sentences(), remembered for the notice (decisions, aliases said apart and findings each cut the paragraphs)."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        word = _last_token(paragraph[start:match.start()]).lower()
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]?", word):
            continue
        found.append(paragraph[start:match.end()].strip())
        start = match.end()
    found.append(paragraph[start:].strip())
    return tuple(s for s in found if s)


# a list of FR prose split outside parentheses, square brackets, double quotes (fr_xml.clean straightened them)
# and dates ('January 1, 1970')
top_split = partial(split_outside, brackets="()[]", quotes='"', dates=True)


@per_document
def clean_name(text: str) -> str:
    """A name without list joiners, alias markers, numbering, wrapping quotes or trailing punctuation."""
    text = squash(strip_alias_boilerplate(text))
    for _ in range(2):
        text = ph.LIST_NUMBERING.sub("", text)
        text = _LEADING_JOINER.sub("", text)
        text = ph.ALIAS_PREFIX.sub("", text)
        if "..." in text or "\u2026" in text:
            text = _TRUNCATION.sub("", text)
        dotted = text.count(".") >= 2 and _DOTTED.search(text)  # "J.e.M." keeps its last period
        text = text.strip().strip("\"").strip().rstrip(".,;: " if not dotted else ",;: ").lstrip(",;: ").strip()
        if "'" in text:
            text = _END_QUOTE.sub("", text).strip()  # quotes, not the ’ that ends "al-Shara’"
    return "" if text.lower() in {"and", "or", "the"} else text


def clean_primary(text: str) -> str:
    """A primary name: cleaned, a leading lowercase 'the' dropped ('the Asa'ib Ahl al-Haq')."""
    return _LEADING_ARTICLE.sub("", clean_name(text))


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


def grammatical_number(*texts: str) -> str | None:
    """'singular' or 'plural' when the formula says how many entities it acts on ('the aforementioned organization')."""
    joined = folded_case(" ".join(texts))
    singular, plural = bool(_Folded.SINGULAR_CUES.search(joined)), bool(_Folded.PLURAL_CUES.search(joined))
    if singular == plural:
        return None
    return SINGULAR if singular else PLURAL


# --- entities and aliases --------------------------------------------------------------------------------------


def _has_marker(text: str) -> bool:
    """Whether an alias marker appears outside parentheses."""
    outside, _ = outside_and_groups(text)
    return bool(ph.ALIAS_SPLIT.search(outside))


def _is_detail(item: str) -> bool:
    """Whether a list item is an individual's identifier rather than a name."""
    return bool(detail_pairs(item) or is_date_only(item))


def _top_level_and(text: str) -> list[str]:
    """Text cut at every ' and ' outside parentheses."""
    return cut(text, _AND, mask(text))


# "Islamic State of Iraq and Syria", "… of Iraq and al-Sham": a second place after 'of' belongs to the name
_PLACES = frozenset(
    "syria iraq levant al-sham sham lebanon jordan egypt libya yemen sinai palestine israel gaza iran afghanistan "
    "pakistan india kashmir bangladesh somalia kenya nigeria mali niger sahel maghreb morocco algeria tunisia sudan "
    "philippines indonesia colombia peru venezuela mexico turkey kurdistan chechnya dagestan uzbekistan khorasan "
    "arabia europe africa asia america greece spain ireland japan".split())
_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|at|ash|ar|az|ul)-", re.IGNORECASE)


def _split_and_by_reading(item: str, aliases: bool, forced: bool = False) -> list[str]:
    """'Viv Ansanm and Gran Grif' -> two names; 'Islamic State of Iraq and the Levant' stays one.

    Each side must read as a mention that passes name_problem, since a formula's list items carry aliases and
    details and the formula may say there are several (unlike press.py's `_split_and_by_shape`).

    `forced`: the formula says there are several ('the following aliases', 'the aforementioned organizations').
    """
    pieces = _top_level_and(item)
    if len(pieces) < 2:
        return [item]
    candidates: list[list[str]] = []
    for index in range(1, len(pieces)):
        left, right = " and ".join(pieces[:index]), " and ".join(pieces[index:])
        starts_name = right[:1].isupper() or (forced and bool(_PARTICLE.match(right)))
        if forced and re.match(r"the\s+[A-Z]", right):
            right = right[4:]
        if not starts_name and not (forced and right[:1].isupper()):
            continue
        if right.startswith("the ") or (not forced and right.startswith("The ")):
            continue
        if aliases and not forced and not _ACRONYM.match(right):
            continue
        # "Islamic State of Iraq and Syria": a second place named after 'of'/'in' belongs to the first name
        if re.search(r"\b(?:of|in|for|de|del)\s+[\w'-]+$", left) and right.strip(" .").lower() in _PLACES:
            continue
        if any(m is None or name_problem(m.name) for m in (read_mention(left), read_mention(right))):
            continue
        candidates.append([left, right])
    # 'Islamic State of Iraq and al-Sham and Islamic State of Iraq and Syria': cut before a capitalised name first
    return next((c for c in candidates if c[1][:1].isupper()), candidates[0] if candidates else [item])


def _split_or(item: str) -> list[str]:
    """'Masters of the Martyrs Brigade or Kata'ib al-Shuhada' -> two aliases (the last of 'A, B, or C')."""
    pieces = cut(item, _OR, mask(item))
    if len(pieces) == 2 and all(p.strip()[:1].isupper() or _PARTICLE.match(p.strip()) for p in pieces):
        return pieces
    return [item]


def _alias_items(chain: str, continued: bool) -> list[tuple[str, bool]]:
    """The items of one alias chain: (text, marked) for 'A, B; and C' after a marker."""
    separator = ";" if ";" in chain else ","
    items = []
    for item in top_split(chain, separator):
        pieces = top_split(item, ",") if separator == ";" else [item]
        # 'Abu ul-Hashim, born 1966 in Sheikhupura, Pakistan': an alias followed by its person's identifiers
        if len(pieces) > 1 and any(_is_detail(p) for p in pieces[1:]):
            items.extend(pieces)
        else:
            items.append(item)
    return [(item, index == 0 and not continued) for index, item in enumerate(items)]


def _classify(items: list[tuple[str, bool]], mention: Mention, several: bool = False) -> None:
    """Aliases and details from items in order: once details start, unmarked short items continue them.

    `several`: the marker announced more than one ('and its aliases A and B').
    """
    in_details = False
    for index, (item, marked) in enumerate(items):
        pairs = detail_pairs(item)
        if pairs:
            mention.details.extend(pairs)
            in_details = True
        elif is_date_only(item):
            mention.details.append(("dob", clean_name(item)))
            in_details = True
        elif in_details and not marked and re.match(r"^(?:in|at)\s+\S", item.strip()):
            mention.details.append(("pob", re.sub(r"^(?:in|at)\s+", "", item.strip()).rstrip(".,;")))
        elif in_details and not marked and mention.details and len(item.split()) <= 4:
            label, value = mention.details[-1]
            mention.details[-1] = (label, f"{value}, {item.strip().rstrip('.,;')}")
        else:
            in_details = False
            last = index == len(items) - 1
            pieces = _split_and_by_reading(item, aliases=True, forced=several) if last else [item]
            pieces = [p for piece in pieces for p in (_split_or(piece) if last else [piece])]
            for piece in pieces:
                if "(" in piece or re.fullmatch(r"\s*[A-Z0-9][A-Z0-9.-]+\s+or\s+[A-Z0-9][A-Z0-9.-]+\s*", piece):
                    mention.aliases.extend(split_alias_list(re.sub(r"\s+or\s+", ", ", piece)))
                elif clean_name(piece):
                    mention.aliases.append(clean_name(piece))


def _in_order(items: list[tuple[str, bool]], groups: list[str]) -> list[tuple[str, bool]]:
    """Items with each parenthetical's own items placed where the parenthetical was printed."""
    ordered = []
    for item, marked in items:
        text = _SLOT.sub(" ", item).strip()
        if text and _is_detail(text):  # "Passport No. 1234567 (Syria)": the parenthetical belongs to the detail
            ordered.append((_SLOT.sub(lambda m: f"({groups[int(m.group(1))]})", item).strip(), marked))
            continue
        if text:
            ordered.append((text, marked))
        for number in _SLOT.findall(item):
            group = strip_alias_boilerplate(groups[int(number)])
            short = _HEREINAFTER.match(group)
            if short:  # '(hereinafter "AQIS")': the short name the notice then designates by
                ordered.append((short.group(1), True))
            elif group.strip() and not _GROUP_SKIP.match(group):
                ordered += _alias_items(ph.ALIAS_PREFIX.sub("", group), continued=False)
    return ordered


_KIND_LABEL = re.compile(r"^\s*(Organi[sz]ation|Entity|Group|Individual|Person)\s*:\s*", re.IGNORECASE)


def read_mention(chunk: str) -> Mention | None:
    """One entity from 'X (also known as A; B)', 'X, also known as A, also known as B' or 'X, a.k.a. A; born …'."""
    mention = _read_mention(chunk)
    return Mention(mention.name, list(mention.aliases), list(mention.details), mention.entity_type) if mention else None


@per_document
def _read_mention(chunk: str) -> Mention | None:
    """read_mention's reading, remembered for the notice (read_mention hands out copies)."""
    chunk = ph.LIST_NUMBERING.sub("", _LEADING_JOINER.sub("", strip_alias_boilerplate(chunk.strip())))
    chunk = ph.INLINE_NUMBER.sub("", chunk)
    label = _KIND_LABEL.match(chunk)  # list items headed "Organization: …" / "Individual: …"
    chunk = chunk[label.end():] if label else chunk
    if chunk.rstrip().endswith((";", ",", "and")):
        chunk = _TRAILING_JOINERS.sub("", chunk)
    outside, groups = _slotted(chunk)
    chains = ph.ALIAS_SPLIT.split(outside)
    head = chains[0]
    head_items = top_split(head, ";" if ";" in head else ",")
    first = top_split(head_items[0], ",") if head_items else []
    if len(first) > 1 and any(_is_detail(_SLOT.sub(" ", p)) for p in first[1:]):
        head_items = first + head_items[1:]  # "Hakimullah Mehsud (a.k.a. …), DOB circa 1979; POB …"
    if not head_items:
        return None
    name = clean_primary(_SLOT.sub(" ", head_items[0]))
    if not name:
        return None
    mention = Mention(name=name)
    items = [(_SLOT.sub(" ", head_items[0]) + "".join(f"\x00{n}\x00" for n in _SLOT.findall(head_items[0])), True)]
    items = _in_order(items, groups)[1:]
    rest = [(item, False) for item in head_items[1:]]
    for chain in chains[1:]:
        rest += _alias_items(chain, continued=False)
    several = bool(re.search(r"\b(?:its|their)\s+(?:other\s+)?aliases\b", outside, re.IGNORECASE))
    _classify(items + _in_order(rest, groups), mention, several)
    if label:
        mention.entity_type = (EntityType.INDIVIDUAL if label.group(1).lower() in ("individual", "person")
                               else EntityType.ORGANIZATION)
    return mention


def _merge(chunks: list[str], piece: str, separator: str, joins: bool) -> None:
    """Add a list piece as a new entity, or to the previous one when it continues it."""
    if chunks and joins:
        chunks[-1] += f"{separator} {piece}"
    else:
        chunks.append(piece)


def split_mentions(segment: str, number: str | None = None) -> list[Mention]:
    """Every entity named in a list segment, each with its aliases and details in document order."""
    segment = strip_alias_boilerplate(segment.strip().rstrip("."))
    if not segment:
        return []
    if number == SINGULAR:
        chunks = [segment]
    else:
        pieces = top_split(segment, ";")
        separator = ";" if len(pieces) > 1 else ","
        if separator == ",":
            pieces = top_split(segment, ",")
        later_marked = [_has_marker(p) or "(" in p for p in pieces]
        chunks: list[str] = []
        for index, piece in enumerate(pieces):
            bare = _LEADING_JOINER.sub("", piece)
            continues_chain = (separator == ";" and chunks and _has_marker(chunks[-1]) and not later_marked[index]
                               and (number is None and not any(later_marked[index:])))
            continues_detail = (chunks and separator == "," and len(bare.split()) <= 3
                                and any(k == "pob" for k, _ in detail_pairs(top_split(chunks[-1], ",")[-1])))
            joins = bool(ph.ALIAS_PREFIX.match(piece) or _is_detail(bare) or continues_chain or continues_detail)
            _merge(chunks, piece, separator, joins)
        if number == PLURAL and len(chunks) <= 2 and not any(c.lower().startswith("and ") for c in chunks):
            chunks = [part for chunk in chunks for part in _split_and_by_reading(chunk, aliases=False, forced=len(chunks) == 1)]
        elif len(chunks) >= 2 and not any(_LEADING_JOINER.match(c) for c in chunks) and number != SINGULAR:
            chunks = chunks[:-1] + _split_and_by_reading(chunks[-1], aliases=False)
    return [m for m in (read_mention(c) for c in chunks) if m]


def split_alias_list(segment: str, number: str | None = None) -> list[str]:
    """Aliases from 'A, B, and C' or 'A; B; and C' or 'A, also known as B' ('A and B' when several are announced)."""
    segment = strip_alias_boilerplate(segment.strip().rstrip("."))
    items = top_split(segment, ";") if ";" in segment else top_split(segment, ",")
    aliases = []
    for index, item in enumerate(items):
        outside, groups = _slotted(item)
        for piece in ph.ALIAS_SPLIT.split(_SLOT.sub(" ", outside)):
            forced = number == PLURAL and len(items) == 1
            parts = _split_and_by_reading(piece, aliases=True, forced=forced) if index == len(items) - 1 else [piece]
            aliases.extend(a for a in (clean_name(p) for p in parts) if a)
        for group in groups:  # "Lashkar-e-Jhangvi al-Alami (LeJ-A)", "Hay'at Tahrir al-Sham (also known as HTS)"
            aliases.extend(split_alias_list(ph.ALIAS_PREFIX.sub("", strip_alias_boilerplate(group))))
    return aliases


def _trim_region(region: str) -> tuple[str, bool]:
    """A list region without its lead-in and what closes it; True when the list is announced as 'the following'."""
    region = _EFFECTIVE_LEAD.sub("", region).strip().lstrip(":").strip()
    following = ph.FOLLOWING.match(region)
    announced = bool(following and following.group(0).strip())
    if announced:
        region = region[following.end():]
        colon = region.find(":")
        if colon >= 0:
            region = region[colon + 1:]
        elif re.match(r"(?:and|or|hereby|which|that|who|as)\b", region.strip()):
            region = ""  # "the following organizations and hereby determines that …": the list comes after
    region = region.lstrip(":").strip()
    end = _list_end(region)
    if end is not None:
        region = region[:end]
    elif ph.LIST_END.match(region):
        colon = region.find(":")
        region = region[colon + 1:] if colon >= 0 else ""
    return region.strip().rstrip(".;,: "), announced


def _list_end(region: str) -> int | None:
    """Where a list stops inside its sentence (outside parentheses), or None."""
    match = ph.LIST_END.search(mask(region, "()[]"))
    return match.start() if match and match.start() > 0 else None


def _list_paragraphs(paragraphs: tuple[str, ...], start: int) -> list[str]:
    """Entities or aliases printed one per paragraph after a list's lead-in, up to the next sentence of the formula."""
    found = []
    for paragraph in paragraphs[start:]:
        if paragraph.startswith("Dated") or ph.FORMULA_PARAGRAPH.search(ph.LIST_NUMBERING.sub("", paragraph)[:80]):
            if not (ph.LIST_NUMBERING.match(paragraph) and not paragraph.lower().startswith("therefore")):
                break
        found.append(paragraph)
    return found


_AND_OF = re.compile(r"\s*,?\s+and\s+of\s+", re.IGNORECASE)
_KIND_PREFIX = re.compile(r"^\s*the\s+(organi[sz]ations?|entit(?:y|ies)|groups?|individuals?|persons?)\s+(?:known\s+as\s+)?"
                          r"(?=(?-i:[A-Z\"']))", re.IGNORECASE)
_KIND_APPOSITIVE = re.compile(r",\s+an?\s+(organi[sz]ation|entity|group|individual|person)\b(?=\s*(?:[,;.:]|$|\s+and\b))",
                              re.IGNORECASE)


def read_list(region: str, paragraphs: tuple[str, ...], index: int, number: str | None) -> list[Mention]:
    """The entities a list region names, with the kind it states ('the organization X', 'X, an individual')."""
    parts = _AND_OF.split(region)
    if len(parts) > 1:  # "the designations of the organization X … and of the following individuals: A; B"
        return [m for part in parts for m in read_list(part, paragraphs, index, None)]
    prefix = _KIND_PREFIX.match(region)
    kinds = [m.group(1) for m in (prefix, *_KIND_APPOSITIVE.finditer(region)) if m]
    if prefix and prefix.group(1).lower().endswith(("s", "ies")) and number is None:
        number = PLURAL  # "and of the individuals A, B, and C"
    region = _KIND_APPOSITIVE.sub("", _KIND_PREFIX.sub("", region))
    mentions = _read_list(region, paragraphs, index, number)
    if kinds:
        kind = (EntityType.INDIVIDUAL if kinds[-1].lower().startswith(("individual", "person"))
                else EntityType.ORGANIZATION)
        for mention in mentions:
            mention.entity_type = mention.entity_type or kind
    return mentions


def _read_list(region: str, paragraphs: tuple[str, ...], index: int, number: str | None) -> list[Mention]:
    """The entities a list region names: inline, after a colon, or one per following paragraph."""
    region, announced = _trim_region(region)
    if region and not ph.ANAPHORA.match(region):
        if ph.ALIASES_FOLLOW.search(region):  # "X (XA), which is also known by the following names:" then a list
            lines = [clean_name(line) for line in _list_paragraphs(paragraphs, index + 1)]
            region = f"{region} {'; '.join(line for line in lines if line)}"
            number = SINGULAR
        return split_mentions(region, number)
    if not announced and region:
        return []
    inline = region.split(":", 1)[1].strip() if ":" in region else ""
    if inline:
        return split_mentions(inline, number)
    lines = _list_paragraphs(paragraphs, index + 1)
    if len(lines) == 1:
        return split_mentions(lines[0], number)
    return [m for m in (read_mention(line) for line in lines) if m]


# --- decisions -------------------------------------------------------------------------------------------------


def _revokes(sentence: str) -> bool:
    """Whether a sentence revokes (not 'have not changed … to warrant revocation', not 'may revoke')."""
    folded = folded_case(sentence)
    for match in _Folded.REVOKE.finditer(folded):
        window = folded[max(0, match.start() - 60):match.end()]
        if not _Folded.NOT_REVOKED.search(window):
            return True
    return False


@per_document
def _sdgt_region(sentence: str) -> str | None:
    """The entities of an E.O. 13224 finding: between 'determine that' and the criterion they meet."""
    folded = folded_case(sentence)
    for match in _Folded.SDGT_FINDING.finditer(folded):
        criteria = _Folded.SDGT_CRITERIA.search(folded, match.end())
        if criteria:
            region = sentence[match.end():criteria.start()]
            noun = r"(?:persons?|individuals?|organi[sz]ations?|entit(?:y|ies)|groups?)"
            region = re.sub(r"^(?:each\s+of\s+)?(?:the\s+)?(?:following\s+)?" + noun + r"(?:\s+and\s+" + noun + r")?"
                            r"(?:\s+(?:known\s+as|named|listed\s+below))?(?:\s*:\s*|\s+|$)", "", region, flags=re.IGNORECASE)
            colon = sentence.find(":", criteria.end())
            if not region.strip() and colon >= 0:  # "the following persons are leaders of X: A, an individual; and B"
                return sentence[colon + 1:]
            return region
    return None


# cheap word tests before the phrase families (most sentences of a notice decide nothing)
_MAINTAIN_WORDS = ("maintain", "remain", "designat", "not changed", "warrant", "continue")
_AMEND_WORDS = ("amend", "add", "includ")
_DESIGNATE_WORDS = ("circumstances", "designat", "determin", "find", "found", "conclu")


def actions_of(sentence: str) -> list[str]:
    """What one sentence decides: revocation wins; a review may also amend; otherwise a designation."""
    lowered, folded = sentence.lower(), folded_case(sentence)
    if ("revo" in lowered or "no longer" in lowered) and _revokes(sentence):
        return [REVOCATION]
    found = []
    if any(w in lowered for w in _MAINTAIN_WORDS) and _Folded.MAINTAIN.search(folded):
        found.append(REVIEW)
    if any(w in lowered for w in _AMEND_WORDS) and _Folded.AMEND.search(folded):
        found.append(AMENDMENT)
    if found or not any(w in lowered for w in _DESIGNATE_WORDS):
        return found
    if (_Folded.FINDING.search(folded) and _authorities_in(sentence) or _Folded.DESIGNATE_STRONG.search(folded)
            or (_sdgt_region(sentence) is not None and Program.SDGT in _authorities_in(sentence))):
        found.append(DESIGNATION)
    return found


def decisions_in(paragraphs: tuple[str, ...]) -> list[Decision]:
    """Every operative sentence of a notice, in order."""
    found = []
    for index, paragraph in enumerate(paragraphs):
        for sentence in sentences(paragraph):
            for action in actions_of(sentence):
                found.append(Decision(action, sentence, index, frozenset(_authorities_in(sentence))))
    return found


def starts_review_only(text: str) -> bool:
    """Whether a passage announces a review or invites submissions without deciding anything."""
    return bool(ph.REVIEW_STARTED.search(text))


# --- whom each decision names ---------------------------------------------------------------------------------------


def _designation_mentions(decision: Decision, paragraphs: tuple[str, ...], number: str | None) -> list[Mention]:
    """Entities a designating sentence names: after its finding verb, as its object, or in a list that follows."""
    sentence = decision.sentence
    folded = folded_case(sentence)
    finding = _Folded.FINDING.search(folded)
    if finding and _authorities_in(sentence):
        return read_list(sentence[finding.end():], paragraphs, decision.paragraph, number)
    region = _sdgt_region(sentence)
    if region is not None:
        return _typed(read_list(region, paragraphs, decision.paragraph, number), _kind_word(sentence))
    subject = ph.PASSIVE_SUBJECT.search(sentence)
    if subject:  # "… that X meets the statutory criteria, and it is hereby designated a …"
        return read_list(subject.group("x"), paragraphs, decision.paragraph, number)
    verb = _Folded.DESIGNATE_STRONG.search(folded) or _Folded.DESIGNATE.search(folded)
    if verb:
        return read_list(sentence[verb.end():], paragraphs, decision.paragraph, number)
    return []


def _target_mentions(decision: Decision, paragraphs: tuple[str, ...], number: str | None) -> list[Mention]:
    """Entities a review or revocation names: 'revokes the designation of X', 'the designation of X as …'."""
    sentence = decision.sentence
    continues = _CONTINUES.search(sentence)
    if continues and not ph.ANAPHORA.match(continues.group("x")):
        mentions = read_list(continues.group("x"), paragraphs, decision.paragraph, number)
        if mentions:
            return mentions
    for pattern in (_REVOKE_OF, _DESIGNATION_OF):
        for match in pattern.finditer(sentence):
            region = sentence[match.end():]
            verb = _CLAUSE_VERB.search(region)
            if verb:
                region = region[:verb.start()]
            mentions = read_list(region, paragraphs, decision.paragraph, number)
            if mentions:
                return mentions
    following = re.search(r"\b(?:the\s+)?following\b|\b(?:each\s+of\s+)?the\s+(?:organi[sz]ations|entities|groups|persons"
                          r"|individuals)\s+(?:listed|named|set\s+(?:forth|out))\s+below\b", sentence, re.IGNORECASE)
    if following:
        return read_list(sentence[following.start():], paragraphs, decision.paragraph, number)
    return []


@per_document
def _kind_word(sentence: str) -> str | None:
    """'individual' or 'organization' from 'the person known as' / 'the entity known as'."""
    match = _KIND_WORDS.search(sentence)
    if not match:
        return None
    word = next(g for g in match.groups() if g).lower()
    return EntityType.INDIVIDUAL if word.startswith(("person", "individual")) else EntityType.ORGANIZATION


_PERSON_DETAILS = frozenset({"dob", "pob", "nationality", "citizenship", "gender", "passport", "national_id"})


def _typed(mentions: list[Mention], kind: str | None) -> list[Mention]:
    """Mentions with the entity type the sentence states; a person printed with identifiers is an individual."""
    for mention in mentions:
        identified = any(label in _PERSON_DETAILS for label, _ in mention.details)
        mention.entity_type = mention.entity_type or (EntityType.INDIVIDUAL if identified else kind)
    return mentions


@dataclass
class Amendment:
    """What an amendment says: whose designation, a new primary name if any, the aliases added."""

    target: Mention | None
    new_primary: str | None
    added_aliases: list[str]


def read_amendment(decisions: list[Decision], paragraphs: tuple[str, ...]) -> Amendment:
    """The amended designation, any new primary name, and the added aliases (inline or one per paragraph)."""
    target, new_primary, found = _uses_aliases(paragraphs)
    primary_aliases: list[str] = []
    added: list[str] = []
    for decision in decisions:
        sentence = decision.sentence
        if target is None:
            for match in ph.AMEND_TARGET.finditer(sentence):
                region = _KIND_PREFIX.sub("", match.group("target"))
                if ph.ANAPHORA.match(region):
                    continue
                mentions = split_mentions(region, SINGULAR)
                if mentions:
                    target = mentions[0]
                    break
        primary = ph.NEW_PRIMARY.search(sentence)
        if primary and new_primary is None:
            renamed = read_mention(next(g for g in primary.groups() if g))  # "… as its primary name (ISIL)"
            new_primary, primary_aliases = (renamed.name, renamed.aliases) if renamed else (None, [])
        if not added:
            added = _added_aliases(sentence, paragraphs, decision.paragraph)
    added = added or found  # the decision's own list first, else the finding's
    if new_primary:
        added = [a for a in added if name_key(a) != name_key(new_primary)]
    return Amendment(target=target, new_primary=new_primary, added_aliases=[*primary_aliases, *added])


def _uses_aliases(paragraphs: tuple[str, ...]) -> tuple[Mention | None, None, list[str]]:
    """A finding that 'X uses or has used the following aliases: A, B', which the amendment then adds."""
    for index, paragraph in enumerate(paragraphs):
        for sentence in sentences(paragraph):
            known = ph.IS_ALSO_KNOWN.search(sentence)
            if known:  # "find that Hizballah is also known as Lebanese Hizballah, a.k.a. …"
                target = split_mentions(known.group("target"), SINGULAR)
                listed = re.sub(r"^the\s+following\s*:?\s*", "", known.group("list"), flags=re.IGNORECASE)
                return (target[0] if target else None), None, split_alias_list(listed)
            match = ph.USES_ALIASES.search(sentence) or ph.ARE_ALIASES.search(sentence)
            named = ph.NAMED_ALIASES.search(sentence)
            if match and match.group("list") is None and named:  # "HAMAS uses the alias A, also known as B."
                lead = sentence[named.start():named.start("list")]
                several = PLURAL if re.search(r"\b(?:aliases|names)\b", lead, re.IGNORECASE) else None
                return _subject(match.group("target")), None, split_alias_list(named.group("list"), several)
            if match:
                target = split_mentions(match.group("target"), SINGULAR)
                listed = (match.group("list") or "").strip().rstrip(".")
                lead = sentence[match.start():match.start("list")] if match.group("list") is not None else ""
                number = PLURAL if re.search(r"\b(?:aliases|names)\s*:", lead, re.I) else None
                aliases = split_alias_list(listed, number) if listed else [
                    clean_name(line) for line in _list_paragraphs(paragraphs, index + 1)
                ] if match.group("list") is not None else []
                return (target[0] if target else None), None, [a for a in aliases if a]
    return None, None, []


def _subject(text: str) -> Mention | None:
    """The entity a finding is about, without what it goes on to say ('X (XA), a designated …, has changed …')."""
    masked = mask(text, "()[]")
    ends = [m.start() for m in (_CLAUSE_VERB.search(masked), re.search(r",\s+an?\s", masked)) if m]
    mentions = split_mentions(text[:min(ends, default=len(text))], SINGULAR)
    return mentions[0] if mentions else None


def _added_aliases(sentence: str, paragraphs: tuple[str, ...], index: int) -> list[str]:
    """Aliases an amendment adds: after 'to add the following aliases:', inline, or one per following paragraph."""
    starts = (m.start() for m in re.finditer(r"\b(?:add|includ)", sentence, re.IGNORECASE))
    for match in filter(None, (ph.ADDED_ALIASES.match(sentence, start) for start in starts)):
        if match.group("list") is not None:
            inline = match.group("list").strip().rstrip(".")
            number = PLURAL if re.search(r"\b(?:aliases|names)\b", match.group(0)[:match.start("list") - match.start()],
                                         re.IGNORECASE) else None
            if inline:
                return split_alias_list(inline, number)
            lines = _list_paragraphs(paragraphs, index + 1)
            return [a for line in lines for a in split_alias_list(line, number if len(lines) == 1 else None) if a]
        text = match.group("inline") or match.group("before")
        if text and ph.BACK_REFERENCE.match(text):
            return []  # "to add those names as aliases": the finding's list (read_amendment falls back to it)
        if text and not re.search(r"\bprimary\s+name\b", match.group(0), re.IGNORECASE):
            end = _list_end(text)
            number = PLURAL if re.search(r"\baliases\b", match.group(0), re.IGNORECASE) else None
            return split_alias_list(text[:end] if end else text, number)  # "to add A and B as aliases"
    return []


def _title_number(title: str, rest: str) -> str | None:
    """How many entities a title names: 'Designations of …' or a separated list is several; '… as FTOs' alone is not."""
    if ";" in rest or re.search(r"\b(?:Designations|Revocations|Reviews|Amendments)\b", title):
        return PLURAL
    return None


# "(and Other Aliases)" after each name of a title that names several ('Review of the Designations of Basque
# Fatherland and Liberty (and Other Aliases) and Islamic State of Iraq and the Levant (and Other Aliases) as …')
_CLOSING_BOILERPLATE = re.compile(r"\s*\(\s*and\s+(?:all\s+)?other\s+aliases\s*\)\s*,?", re.IGNORECASE)


def title_mentions(title: str) -> list[Mention]:
    """Entities a notice title names ('Designation of X (and Other Aliases) as a …'); [] for titles naming nobody."""
    truncated = bool(_TRUNCATION.search(title))
    text = _TRUNCATION.sub("", title.strip()).rstrip(".")
    lead = ph.TITLE_LEAD.match(text)
    if not lead:
        return []
    rest = ph.TITLE_TAIL.sub("", text[lead.end():])
    closed = [_LEADING_JOINER.sub("", strip_alias_boilerplate(p).strip(" ,;")) for p in _CLOSING_BOILERPLATE.split(rest)]
    if ";" not in rest and len([p for p in closed if p]) > 1:  # "X and Y (and Other Aliases) and Z (and Other Aliases)": each closes a name
        return [m for part in closed if part for m in split_mentions(part, SINGULAR)]
    rest = strip_alias_boilerplate(rest).strip().rstrip(",;")
    if not rest or ph.GENERIC_TITLE_REST.match(rest):
        return []
    mentions = split_mentions(rest, _title_number(text, rest))
    if truncated and mentions:
        last = mentions[-1]
        last.aliases = last.aliases[:-1] if last.aliases else last.aliases
    return mentions


# --- the whole notice ---------------------------------------------------------------------------------------------------


def _programs_for(decisions: list[Decision], paragraphs: tuple[str, ...], title: str) -> frozenset[Program]:
    """The programs one action acts under: its sentences' anchors, else their paragraphs', else the title's."""
    found = frozenset().union(*(d.programs for d in decisions))
    if found or any(ph.OTHER_AUTHORITY.search(d.sentence) for d in decisions):
        return found
    paragraph_programs = set()
    for decision in decisions:
        paragraph_programs |= set(_authorities_in(paragraphs[decision.paragraph]))
    return frozenset(paragraph_programs or _authorities_in(title)
                     or _authorities_in(" ".join(paragraphs)))


def _dedupe_mentions(lists: list[list[Mention]]) -> list[Mention]:
    """One mention per entity: a later mention of the same name, or in another sentence of an alias, adds its aliases.

    Within one list two entries are two entities even when one's alias is the other's name ('12. Kach',
    '13. Kahane Chai (a.k.a. Kach)' in the 1997 list).
    """
    kept: list[Mention] = []
    origin: list[int] = []
    for number, mentions in enumerate(lists):
        for mention in mentions:
            _merge_mention(kept, origin, number, mention)
    return kept


def _merge_mention(kept: list[Mention], origin: list[int], number: int, mention: Mention) -> None:
    """Add a mention to the kept ones, or fold it into the one it names again."""
    same = next((k for k in kept if name_key(k.name) == name_key(mention.name)), None)
    if same is None:
        same = next((k for k, n in zip(kept, origin) if n != number and (
            name_key(mention.name) in k.keys() or name_key(k.name) in mention.keys())), None)
    if same is None:
        kept.append(mention)
        origin.append(number)
    else:
        same.aliases.extend(a for a in mention.aliases if a.casefold() not in {x.casefold() for x in same.aliases})
        same.details.extend(d for d in mention.details if d not in same.details)


def _add_title_aliases(body: list[Mention], title: list[Mention]) -> None:
    """A review or revocation cites the entity with the aliases its title prints first, then the body's."""
    for mention in body:
        same = next((t for t in title if t.keys() & mention.keys()), None)
        if same:
            mention.aliases = [*same.aliases, *mention.aliases]


def _agree(title: list[Mention], body: list[Mention], others: set[str] = frozenset()) -> str | None:
    """Why the title and the body name different entities, or None when they agree (or one names nobody).

    `others`: what the body's other decisions name (a title may name the entities of several actions).
    """
    if not title or not body:
        return None
    keys = set().union(*(b.keys() for b in body)) | set(others)
    unmatched_title = [t.name for t in title if not t.keys() & keys
                       and not all(name_key(part) in keys for part in _split_and_by_reading(t.name, aliases=False)[1:] and
                                   _split_and_by_reading(t.name, aliases=False))]
    if unmatched_title:
        body_names = "; ".join(b.name for b in body)
        return f"the title names {'; '.join(unmatched_title)!s} but the body names {body_names}"
    return None


def _junk(findings: list[Finding]) -> str | None:
    """The first candidate name or alias that is not a name, with why."""
    for finding in findings:
        for mention in finding.mentions:
            for candidate in (mention.name, *mention.aliases):
                problem = name_problem(candidate)
                if problem:
                    return f"candidate {problem}"
    return None


def read_notice(paragraphs: tuple[str, ...], title: str) -> Reading:
    """The findings of a State notice, read from its operative sentences, with the title as a second witness."""
    forget_document()
    decisions = decisions_in(paragraphs)
    actions = {d.action for d in decisions}
    if not actions:
        return Reading(review_started=starts_review_only(" ".join(paragraphs)))
    if REVOCATION in actions:
        decisions = _reviews_beside_revocations(decisions, paragraphs)
    from_title = title_mentions(title)
    several_actions = len({d.action for d in decisions}) > 1
    others = _body_keys(decisions, paragraphs) if from_title and several_actions else set()
    findings = []
    for action in (DESIGNATION, AMENDMENT, REVIEW, REVOCATION):
        chosen = [d for d in decisions if d.action == action]
        if not chosen:
            continue
        programs = _programs_for(chosen, paragraphs, title)
        if not programs:
            return Reading(review=f"{action} language found but no FTO or SDGT authority named")
        finding, problem = _finding(action, chosen, paragraphs, title, from_title, programs, others)
        if problem:
            return Reading(review=problem)
        finding.where = {p: tuple(sorted({d.paragraph for d in chosen if p in (d.programs or programs)}))
                         for p in programs}
        findings.append(finding)
    findings = _redesignation_rounds(findings, decisions)
    problem = _junk(findings)
    return Reading(review=problem) if problem else Reading(findings=findings)


def _redesignation_rounds(findings: list[Finding], decisions: list[Decision]) -> list[Finding]:
    """A redesignation round's finding ('circumstances … exist with respect to X') names whom it redesignates.

    Before 2004 FTO designations lapsed after two years unless redesignated; the project reads a redesignation as
    a review that keeps the designation alive, so its finding is that review's list, not a new designation.
    """
    design = next((f for f in findings if f.action == DESIGNATION), None)
    review = next((f for f in findings if f.action == REVIEW), None)
    redesignates = any(d.action == REVIEW and ph.REDESIGNATE.search(d.sentence) for d in decisions)
    if design is None or review is None or not redesignates or any(
            ph.DESIGNATE_STRONG.search(d.sentence) for d in decisions if d.action == DESIGNATION):
        return findings
    keys = set().union(*(m.keys() for m in design.mentions))
    extra = [m for m in review.mentions if not m.keys() & keys]
    merged = Finding(REVIEW, review.programs | design.programs, [*design.mentions, *extra],
                     where={p: tuple(sorted({*design.where.get(p, ()), *review.where.get(p, ())}))
                            for p in review.programs | design.programs})
    return [merged if f is review else f for f in findings if f is not design]


def _reviews_beside_revocations(decisions: list[Decision], paragraphs: tuple[str, ...]) -> list[Decision]:
    """A review whose body revokes is a revocation; a review naming another entity of its own stays a review."""
    revoked = set().union(*(m.keys() for d in decisions if d.action == REVOCATION
                            for m in _target_mentions(d, paragraphs, None)))
    kept = []
    for decision in decisions:
        if decision.action == REVIEW:
            own = _target_mentions(decision, paragraphs, None)
            if not own or any(m.keys() & revoked for m in own):
                continue
        kept.append(decision)
    return kept


def _aliases_said_apart(paragraphs: tuple[str, ...], name: str) -> list[str]:
    """Aliases a notice gives apart from its operative sentence for its one entity.

    'The organization is also known as A and B.', a paragraph 'Aliases: A; B.', or a finding that names the entity
    with its aliases ('has found that the X (XA), also known as A and as B, is a foreign organization').
    """
    found: list[str] = []
    for paragraph in paragraphs:
        labelled = ph.ALIASES_PARAGRAPH.match(paragraph)
        if labelled:
            found += split_alias_list(labelled.group("list"), PLURAL)
            continue
        if name not in paragraph and not paragraph.startswith(("The ", "This ", "Said ")):
            continue  # cheap test before reading the paragraph's sentences
        for sentence in sentences(paragraph):
            match = ph.ALSO_KNOWN.match(sentence)
            if match:
                found += split_alias_list(match.group("list") or match.group("list2"), PLURAL)
            else:
                found += _aliases_beside_name(sentence, name)
    return found


def _aliases_beside_name(sentence: str, name: str) -> list[str]:
    """The aliases a sentence prints right after the entity's name: 'the X (XA), also known as A, is …'."""
    if name not in sentence:
        return []
    at = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", sentence)
    if not at:
        return []
    rest = sentence[at.end():]
    marked = re.match(r"\s*(?:\([^()]*\)\s*)?,?\s*" + ph.ALIAS_MARKER + r"(?![\w])", rest, re.IGNORECASE)
    if not marked:
        return []
    masked = mask(rest, "()[]")
    ends = [m.start() for m in (p.search(masked) for p in (_CLAUSE_VERB, ph.SDGT_CRITERIA, ph.LIST_END)) if m]
    mention = read_mention(name + rest[:min(ends, default=len(rest))])
    return mention.aliases if mention else []


def _body_keys(decisions: list[Decision], paragraphs: tuple[str, ...]) -> set[str]:
    """Matching keys of every entity the body's designating, reviewing and revoking sentences name."""
    keys: set[str] = set()
    for decision in decisions:
        reader = _designation_mentions if decision.action == DESIGNATION else _target_mentions
        for mention in reader(decision, paragraphs, None):
            keys |= mention.keys()
    return keys


def _finding(action: str, chosen: list[Decision], paragraphs: tuple[str, ...], title: str,
             from_title: list[Mention], programs: frozenset[Program],
             others: set[str] = frozenset()) -> tuple[Finding | None, str | None]:
    """One action's entities from the body, checked against (or, when the body points back, taken from) the title."""
    number = grammatical_number(*(d.sentence for d in chosen))
    kind = next((k for k in (_kind_word(d.sentence) for d in chosen) if k), None)
    if action == AMENDMENT:
        finding, problem = _amendment_finding(chosen, paragraphs, from_title, programs)
        for mention in finding.mentions if finding else []:
            mention.entity_type = kind or EntityType.ORGANIZATION
        return finding, problem
    reader = _designation_mentions if action == DESIGNATION else _target_mentions
    body = _dedupe_mentions([reader(d, paragraphs, number) for d in chosen])
    if action == DESIGNATION and not body:
        if len(from_title) == 1 and any(ph.POINTS_TO_TITLE.search(d.sentence) for d in chosen):
            return Finding(action, programs, _typed(from_title, kind)), None  # "… named in the caption of this notice"
        return None, "designation language found but no entity names could be read"
    if action == DESIGNATION and len(body) == 1:
        apart = _aliases_said_apart(paragraphs, body[0].name)
        body[0].aliases = list(dedupe_aliases([*body[0].aliases, *apart], body[0].name))
    disagreement = _agree(from_title, body, others)
    if disagreement:
        return None, disagreement
    mentions = body or from_title
    if not mentions:
        return None, f"{action} language found but no entity names could be read"
    if body and action in (REVIEW, REVOCATION):
        _add_title_aliases(body, from_title)
    for mention in mentions:
        mention.entity_type = mention.entity_type or kind
    return Finding(action, programs, mentions), None


def _amendment_finding(chosen: list[Decision], paragraphs: tuple[str, ...], from_title: list[Mention],
                       programs: frozenset[Program]) -> tuple[Finding | None, str | None]:
    """An amendment: the designation it amends (body, else title), the aliases it adds, a new primary name."""
    amendment = read_amendment(chosen, paragraphs)
    target = amendment.target or (from_title[0] if len(from_title) == 1 else None)
    if target is None:
        return None, "amendment language found but the amended designation could not be read"
    disagreement = _agree(from_title, [target])
    if disagreement:
        return None, disagreement
    if not amendment.added_aliases and not amendment.new_primary:
        return None, f"amendment of {target.name} found but no added alias or new name could be read"
    if amendment.new_primary:
        renamed = Mention(name=amendment.new_primary, aliases=[target.name, *amendment.added_aliases])
        return Finding(AMENDMENT, programs, [renamed], {renamed.name: target.name}), None
    return Finding(AMENDMENT, programs, [Mention(name=target.name, aliases=list(amendment.added_aliases))]), None
