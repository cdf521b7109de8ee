"""Shared reading of State and Treasury press releases: listings, prose entities, dates, bot blocks.

Notice kinds given to a press release (the same words as the Federal Register parser where they overlap):
  fto_announcement, sdgt_announcement, sdgt_designation, fto_amendment, sdgt_revocation, ...
                  one program and one action: `<program>_<action>`
  combined        several programs or actions in one release
  mention         names FTOs, SDGTs or E.O. 13224 but designates nothing: no events, no review
  not_relevant    nothing about the two programs
  unrecognised    reads like a designation but no entity could be named, or a party read is not a name
                  (`name_check.name_problem`): `review` says why

Parties are read from the structure of the prose: enumerations ('A, B, and C', 'A; and B'), appositive
descriptions set off by commas (dropped), aliases behind any marker (a.k.a., also known as, aka, f.k.a.,
formerly known as, parentheses), alias boilerplate (stripped), an individual's details (born, DOB, nationality,
passport: into `details`), and list items after 'the following …:'.
The wording these readers rely on lives in parsers/press_phrases.py, each entry naming the release that needs it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from parsers import press_phrases as pp
from parsers.model import Action, DocumentRef, EntityType, Event, Notice, NoticeKind, Program
from parsers.name_check import detail_pairs, name_problem, strip_alias_boilerplate
from parsers.names import name_key
from parsers.common import FULL_MONTH, MONTHS, outside_and_groups, split_outside, squash
from parsers.programs import mentions_programs, programs_in

UPON_PUBLICATION = "upon publication in the Federal Register"


@dataclass(frozen=True)
class ListingItem:
    """One entry of a press-release listing or feed."""

    url: str
    title: str
    published_on: date | None
    label: str | None = None


@dataclass(frozen=True)
class Entity:
    """A party named in prose, with the aliases given beside it."""

    name: str
    aliases: tuple[str, ...] = ()
    entity_type: EntityType = EntityType.ORGANIZATION
    details: tuple[tuple[str, str], ...] = ()


@dataclass
class Effect:
    """What a release says about when an action takes effect."""

    on: date | None = None
    condition: str | None = None


@dataclass
class Draft:
    """An event before its document is attached: what a sentence said about one entity."""

    program: Program
    action: Action
    entity: Entity
    effect: Effect | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
    previous_name: str | None = None


# ---------------------------------------------------------------- bot blocks


def detect_bot_block(status: int, html: bytes) -> str | None:
    """Why a response is a bot-protection page rather than the page asked for, or None."""
    text = html[:20000].decode("utf-8", errors="replace")
    if pp.ACCESS_DENIED.search(text):
        ref = pp.AKAMAI_REF.search(text)
        detail = f", Akamai reference #{_unescape_ref(ref.group(1))}" if ref else ""
        return f"access denied (HTTP {status}{detail})"
    if status == 403:
        return "HTTP 403 forbidden"
    if pp.DIFFICULTIES.search(text) and len(text) < 5000:
        blocked = "; request blocked" if pp.REQUEST_BLOCKED.search(text) else ""
        return f"'technical difficulties' page served with HTTP {status}{blocked}"
    return None


def _unescape_ref(ref: str) -> str:
    """Akamai writes its reference with HTML character references: '18&#46;9c' -> '18.9c'."""
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), ref).rstrip(".")


# ---------------------------------------------------------------- text and dates

MONTH_DAY = re.compile(rf"\b({FULL_MONTH})\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?\b")


def resolve_month_day(month: str, day: str, year: str | None, around: date | None) -> date | None:
    """A 'Month D[, YYYY]' phrase as a date; a missing year is the next such day on or after `around`."""
    if year:
        return date(int(year), MONTHS[month.lower()], int(day))
    if around is None:
        return None
    candidate = date(around.year, MONTHS[month.lower()], int(day))
    return candidate if candidate >= around - timedelta(days=31) else candidate.replace(year=around.year + 1)


def sha256_hex(data: bytes) -> str:
    """The sha256 of the raw bytes, hex."""
    return hashlib.sha256(data).hexdigest()


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as 'E.O.' and 'a.k.a.' do not end one."""
    sentences, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rsplit(" ", 1)[-1].lower().lstrip("(“\"")
        if before in pp.ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", before):
            continue
        sentences.append(text[start:m.start() + 1].strip())
        start = m.end()
    if tail := text[start:].strip():
        sentences.append(tail)
    return sentences


# ---------------------------------------------------------------- effective dates


def stated_effect(text: str, announced_on: date | None) -> Effect | None:
    """The effective date or condition a clause states ('effective November 24', 'effective tomorrow')."""
    m = pp.EFFECT.search(text)
    if not m:
        return None
    tail = m.group("tail")
    if d := MONTH_DAY.search(tail):
        return Effect(on=resolve_month_day(d.group(1), d.group(2), d.group(3), announced_on))
    if pp.TOMORROW.search(tail):
        return Effect(on=announced_on + timedelta(days=1) if announced_on else None)
    if pp.TODAY_UPON_PUBLICATION.search(tail):
        return Effect(on=announced_on)  # 'take effect today upon publication in the Federal Register'
    if pp.ON_PUBLICATION.search(tail):
        return Effect(condition=UPON_PUBLICATION)
    if pp.TODAY.search(tail):
        return Effect(on=announced_on)
    return None


def apply_general_effects(drafts: list[Draft], sentences: list[str], announced_on: date | None) -> None:
    """Fill effects stated apart from the operative sentence ('FTO designations go into effect upon publication')."""
    for sentence in (clause for s in sentences for clause in re.split(r";\s+", s)):
        effect = stated_effect(sentence, announced_on)
        if effect is None:
            continue
        action = next((a for rx, a in pp.SCOPE_ACTIONS if rx.search(sentence)), "any")
        programs = set(programs_in(sentence)) or set(Program)
        for draft in drafts:
            if draft.effect is not None or draft.program not in programs:
                continue
            if action == "any" or draft.action == action or (action is None and draft.action in (
                    Action.ANNOUNCEMENT, Action.DESIGNATION)):
                draft.effect = effect


# ---------------------------------------------------------------- entities in prose

_QUOTES = "\"“”‘’'"


def strip_quotes(text: str) -> str:
    """A name without surrounding quotation marks or stray punctuation ('Alsaa Trading Co.' keeps its period)."""
    name = text.strip().strip(_QUOTES + " ,;:.").strip()
    last = name.rsplit(" ", 1)[-1].lower()
    if " " in name and last in pp.NAME_ABBREVIATIONS and text.strip().strip(_QUOTES + " ,;:").endswith(name + "."):
        return name + "."
    return name


def parentheticals(text: str) -> tuple[str, list[str]]:
    """The text without its top-level parenthetical groups, and the groups' contents."""
    outside, groups = outside_and_groups(text)
    return squash(outside), [squash(g) for g in groups]


def is_short_reference(candidate: str, name: str) -> bool:
    """Whether '(Guerrero)' after a name is just the release's short way of referring to it."""
    if re.fullmatch(r"[A-Z]{2,}", candidate) and candidate not in name.split():
        return False  # '(AUM)' after 'Aum Shinrikyo' is the group's acronym
    words = set(name_key(name).split())
    cand = name_key(candidate).split()
    return bool(cand) and len(cand) < len(words) and set(cand) <= words


def alias_list(group: str, name: str, drop_short: bool = True) -> list[str]:
    """The aliases inside one parenthetical or appositive ('also known as A; also known as B').

    With drop_short, a bare part of the name ('(Guerrero)') is taken as a short reference, not an alias.
    """
    aliases = []
    for piece in split_outside(group, ",;"):
        for sub in re.split(r"\s+[–-]\s+", piece):
            marked = pp.ALIAS_MARKER.match(sub.strip()) is not None
            sub = pp.ALIAS_MARKER.sub("", sub.strip())
            sub = re.sub(r"^the\s+", "", sub)
            sub = strip_quotes(pp.ALIAS_MARKER.sub("", sub))
            if sub and not pp.NOT_ALIAS.match(sub) and not (drop_short and not marked
                                                          and is_short_reference(sub, name)):
                aliases.append(sub)
    return aliases


def looks_like_name(text: str) -> bool:
    """Whether a phrase can be a proper name rather than a description ('all four groups')."""
    if not text or pp.GENERIC.match(text):
        return False
    first = text.split()[0]
    return first[0].isupper() or bool(pp.PARTICLE_START.match(first))


def strip_descriptors(segment: str) -> tuple[str, bool]:
    """Drop leading descriptions ('German-based', 'the respective leaders of those organizations,').

    Returns the rest and whether the description marked the parties as people.
    """
    person = False
    while True:
        if m := pp.TITLE_PREFIX.match(segment):
            segment, person = segment[m.end():], True
            continue
        if m := pp.GROUP_ROLE_PREFIX.match(segment):
            segment, person = segment[m.end():], True  # 'Hizballah financier Adham Tabaja'
            continue
        if m := pp.PLACE_BASED_PREFIX.match(segment):
            segment = segment[m.end():]
            continue
        word, _, rest = segment.partition(" ")
        bare = word.strip(",:;“\"")
        lower_word = bare[:1].islower() and not pp.PARTICLE_START.match(bare)
        if not rest or not (lower_word or pp.DESCRIPTOR_SUFFIX.search(bare)):
            break
        person = person or bool(pp.PERSON_NOUNS.search(bare))
        segment = rest.lstrip()
    head, _, tail = segment.partition(",")
    if tail and pp.GROUP_HEAD.match(head.strip()):
        return tail.strip(), person or bool(pp.PERSON_NOUNS.search(head))
    return segment.strip(), person


def parse_entities(segment: str, abbreviations: dict[str, str] | None = None) -> tuple[list[Entity], int]:
    """The entities a prose phrase names ('A (also known as B), C, and D'), and how many it leaves unnamed."""
    unnamed = 0
    for m in pp.UNNAMED.finditer(segment):
        unnamed += pp.NUMBER_WORDS.get(m.group(1).lower(), 0)
    segment = pp.UNNAMED.sub(" ", segment)
    segment = pp.OTHER_ALIASES.sub("", segment)
    segment = pp.AS_WELL_AS.sub(", ", strip_alias_boilerplate(segment))
    segment = pp.ITS_ALIAS.sub(", also known as ", segment)
    listed_under = pp.LISTED_UNDER.search(segment)
    segment = pp.LISTED_UNDER.sub(" ", segment)
    segment = pp.KIN_RELATIVE.sub(_relative_mark, pp.RELATIVE.sub(_relative_mark, segment))
    dashed = _dash_list(segment)
    people = dashed != segment and bool(pp.PERSON_NOUNS.search(segment.split("—", 1)[0]))
    dashed = squash(dashed)
    vessel_lead = pp.VESSEL_LEAD.match(dashed)
    segment, person = strip_descriptors(dashed[vessel_lead.end():] if vessel_lead else dashed)
    person = person or people
    kind = EntityType.INDIVIDUAL if person else EntityType.ORGANIZATION
    entities: list[Entity] = []
    place_open = False
    for index, part in enumerate(_list_parts(segment)):
        if part[:1] in (_RELATIVE_MARK, _HOLDING_MARK):
            part, kind = part[1:].lstrip(), EntityType.INDIVIDUAL if part[0] == _RELATIVE_MARK else EntityType.ORGANIZATION
        vessel = pp.VESSEL_LEAD.match(part)
        part = part[vessel.end():] if vessel else part
        vessel = bool(vessel) or (index == 0 and bool(vessel_lead))
        if entities and (pairs := detail_pairs(part)):
            entities[-1] = with_details(entities[-1], pairs)
            place_open = pairs[-1][0] == "pob"
            continue
        if entities and place_open and _PLACE_TAIL.match(part):
            entities[-1] = extend_place(entities[-1], part)
            place_open = False  # one country after the town; what follows is the next party
            continue
        place_open = False
        if pp.ALIAS_MARKER.match(part) and entities:
            previous = entities[-1]
            extra = _part_aliases(pp.ALIAS_MARKER.sub("", part), previous.name)
            entities[-1] = replace(previous, aliases=unique_names(previous.aliases + tuple(extra)))
            continue
        if entities and pp.APPOSITIVE.match(part):
            if pp.PERSON_NOUNS.search(part.split(" of ")[0]):
                count = pp.NUMBER_WORDS.get(part.split()[0].lower(), 2 if part.lower().startswith("both") else
                                          len(entities) if pp.PLURAL_ROLE.match(part) else 1)
                entities[-count:] = [replace(e, entity_type=EntityType.INDIVIDUAL) for e in entities[-count:]]
            continue
        name, groups = parentheticals(part)
        name, title_person = strip_descriptors(name)
        name = strip_quotes(pp.TRAILING_TODAY.sub("", name))
        if not looks_like_name(name):
            continue
        aliases, details = group_contents(groups, name)
        entity_type = EntityType.VESSEL if vessel else EntityType.INDIVIDUAL if title_person or details else kind
        entities.append(Entity(name, unique_names(tuple(aliases)), entity_type, tuple(details)))
    entities = _acronyms_as_aliases(entities)
    if listed_under and len(entities) == 1:
        spoken = entities[0]
        entities[0] = Entity(strip_quotes(listed_under.group("name")), unique_names((spoken.name, *spoken.aliases)),
                             spoken.entity_type)
    if abbreviations:
        entities = [expand_abbreviation(e, abbreviations) for e in entities]
    return entities, unnamed


_RELATIVE_MARK, _HOLDING_MARK = "\ue000", "\ue001"


def _relative_mark(m: re.Match[str]) -> str:
    """', <mark>' before a relative: a person ('its captain, Y') or a holding ('his company, Z')."""
    return f", {_RELATIVE_MARK if pp.PERSON_NOUNS.search(m.group('role')) else _HOLDING_MARK}"


# The country that ends a place of birth split off by a comma: 'born in Bent Jbeil, Lebanon'.
_PLACE_TAIL = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")


def with_details(entity: Entity, pairs: list[tuple[str, str]]) -> Entity:
    """The entity with more identifiers; one with a birth date, passport or nationality is an individual."""
    return replace(entity, details=entity.details + tuple(pairs), entity_type=EntityType.INDIVIDUAL)


def extend_place(entity: Entity, tail: str) -> Entity:
    """The entity whose last place of birth gains the country written after a comma."""
    label, value = entity.details[-1]
    return replace(entity, details=entity.details[:-1] + ((label, f"{value}, {tail}"),))


def group_contents(groups: list[str], name: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Aliases and an individual's identifiers from the parentheticals after a name."""
    aliases: list[str] = []
    details: list[tuple[str, str]] = []
    for group in groups:
        pieces = split_outside(group, ";") if ";" in group else [group]
        for piece in pieces:
            if pairs := detail_pairs(piece):
                details += pairs
                continue
            place_open = False
            for sub in split_outside(piece, ","):
                if pairs := detail_pairs(sub):
                    details += pairs
                    place_open = pairs[-1][0] == "pob"
                elif place_open and details and _PLACE_TAIL.match(sub):
                    details[-1] = (details[-1][0], f"{details[-1][1]}, {sub}")
                    place_open = False
                else:
                    place_open = False
                    aliases += alias_list(strip_alias_boilerplate(sub), name)
    return aliases, details


def parse_item(text: str) -> list[Entity]:
    """The party one list item or annex paragraph names: 'Name (a.k.a. X; DOB …); and' -> [Entity]."""
    text = pp.ITEM_DESCRIPTION.sub("", pp.ITEM_END.sub("", squash(text)))
    text = re.sub(r"^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•·\-–])\s+", "", text)
    single = pp.OTHER_ALIASES.sub("", strip_alias_boilerplate(text))
    if len(split_outside(single, ",;")) == 1 and " and " in parentheticals(single)[0] \
            and not pp.OWN_RELATIVE.search(single):
        text = single
        # one item is one party: 'Basque Fatherland and Liberty (ETA)' is not split on its 'and'
        name, groups = parentheticals(text)
        name, person = strip_descriptors(name)
        name = strip_quotes(re.sub(r"^the\s+", "", name))
        if looks_like_name(name):
            aliases, details = group_contents(groups, name)
            return [Entity(name, unique_names(tuple(aliases)), EntityType.INDIVIDUAL if person or details else
                           EntityType.ORGANIZATION, tuple(details))]
    entities, _ = parse_entities(text)
    return entities


def looks_like_list_item(paragraph: str) -> bool:
    """Whether a paragraph names one listed party rather than being prose: no verb, few lowercase words."""
    head = re.split(r"\s+[—–]\s+|:\s", strip_alias_boilerplate(paragraph))[0]
    outside, _ = parentheticals(head)
    lower = [w for w in outside.split() if w[:1].islower() and w.split("-")[0] not in pp.NAME_PARTICLES]
    return not pp.PREDICATE.search(outside) and len(lower) <= 2 and len(outside.split()) <= 15


def _part_aliases(text: str, name: str) -> list[str]:
    """Aliases from an appositive such as 'also known as Hay’at Tahrir al-Sham (HTS)'."""
    core, groups = parentheticals(text)
    return alias_list(core, name, drop_short=False) + [a for g in groups for a in alias_list(g, name)]


def _dash_list(segment: str) -> str:
    """'four groups in Iraq—A, B, and C—' -> 'A, B, and C'; a descriptive aside between dashes is dropped."""
    m = re.search(r"—([^—]+)(?:—|$)", segment)
    if not m:
        return segment
    before = segment[:m.start()]
    if pp.DASH_LIST_HEAD.search(before):
        return m.group(1)
    return segment[:m.start()] + " " + segment[m.end():]


def _list_parts(segment: str) -> list[str]:
    """Split an enumeration 'A, B, and C' / 'A and B' into its members."""
    parts = []
    for raw in split_outside(segment, ",;"):
        raw = re.sub(r"^(?:and|or)\s+", "", raw.strip())
        parts.extend(p if pp.APPOSITIVE_THE.match(p) else re.sub(r"^the\s+", "", p) for p in _split_and_by_shape(raw))
    return parts


def _split_and_by_shape(part: str) -> list[str]:
    """Split 'A and B' when both sides are names of two words or more ('Iraq and Syria' stays whole).

    By the shape of each side (words, compounds, acronyms, ideals), not by reading it as fr_text's
    `_split_and_by_reading` does: prose names come bare, with no formula to say how many, and 'Syria' passes as a name.
    """
    pieces = re.split(r"\s+and\s+(?![^()]*\))", part)
    if len(pieces) > 2:
        pieces = _join_ideals(pieces)
    if len(pieces) != 2:
        return [part]
    left, right = (re.sub(r"^the\s+", "", parentheticals(p)[0]) for p in pieces)
    # one-word sides split only when they are compound names ('Lashkar-e-Tayyiba and Jaish-e-Mohammed')
    one_word_right = len(right.split()) == 1
    if _long_or_compound(left) and _long_or_compound(right) and looks_like_name(right) \
            and not (one_word_right and re.search(r"\bof\s+\S+$", left)):
        return pieces
    if len(left.split()) >= 2 and re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*", right):
        return pieces  # 'Hay’at Tahrir al-Sham and HTS': a name and an acronym
    words = left.split()
    if len(words) == 1 and left[:1].isupper() and len(right.split()) >= 2 and looks_like_name(right):
        return pieces  # 'Hamas and Cártel de Jalisco Nueva Generación'
    if one_word_right and right.lower() in pp.NAME_IDEALS:
        return [part]  # 'Basque Fatherland and Liberty': an ideal the name pairs with its left side
    if one_word_right and right[:1].isupper() and left[:1].isupper() \
            and (len(words) == 1 or words[-2].lower() not in pp.JOINING_PREPOSITIONS):
        # 'Hamas and Hizballah', 'Hay’at Tahrir al-Sham and Hamas'; 'State of Iraq and Syria' stays one name
        return pieces
    return [part]


def _join_ideals(pieces: list[str]) -> list[str]:
    """'Basque Fatherland', 'Liberty (ETA)', 'Kahane Chai' -> 'Basque Fatherland and Liberty (ETA)', 'Kahane Chai'."""
    joined: list[str] = []
    for piece in pieces:
        if joined and parentheticals(piece)[0].lower() in pp.NAME_IDEALS:
            joined[-1] = f"{joined[-1]} and {piece}"
        else:
            joined.append(piece)
    return joined


def initials(name: str) -> str:
    """'HTS' for 'Hay’at Tahrir al-Sham': first letters of the words, particles and 'al-' prefixes skipped."""
    words = [pp.PARTICLE_START.sub("", w) for w in re.split(r"[\s]+", name) if w.lower() not in pp.INITIAL_SKIP]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def _acronyms_as_aliases(entities: list[Entity]) -> list[Entity]:
    """'Hay’at Tahrir al-Sham and HTS': an acronym of the party before it is that party's alias, not a party."""
    out: list[Entity] = []
    for entity in entities:
        if out and re.fullmatch(r"[A-Z][A-Z0-9-]+", entity.name) and len(out[-1].name.split()) > 1 \
                and entity.name.replace("-", "") == initials(out[-1].name):
            out[-1] = replace(out[-1], aliases=unique_names(out[-1].aliases + (entity.name, *entity.aliases)))
            continue
        out.append(entity)
    return out


def _long_or_compound(side: str) -> bool:
    """Whether one side of 'A and B' is a name by itself: two words or more, or a hyphenated/apostrophe word."""
    return len(side.split()) >= 2 or bool(re.search(r"\w[-’']\w", side))


def unique_names(items: tuple[str, ...]) -> tuple[str, ...]:
    """Items in first-seen order without repeats (compared by name key)."""
    seen, out = set(), []
    for item in items:
        key = name_key(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


_ABBREVIATED = re.compile(
    r"(?P<name>(?:[A-ZÀ-Ý][\w’'\-]*|(?:al|el|ad|an|ar|as|ash|at|az)-[\w’'\-]+)"
    r"(?:\s+(?:[A-ZÀ-Ý][\w’'\-]*|(?:al|el|ad)-[\w’'\-]+|de|del|la|las|los|of|the|e|y|wal|and|for|in|–|-)){0,9})"
    r"\s+\((?P<abbr>[A-Za-z][A-Za-z0-9\-/]{1,12})\)")


def abbreviations_in(text: str) -> dict[str, str]:
    """Acronyms the text defines ('Lashkar-e-Tayyiba (LeT)' -> {'LeT': 'Lashkar-e-Tayyiba'})."""
    found: dict[str, str] = {}
    for m in _ABBREVIATED.finditer(text):
        abbr, name = m.group("abbr"), m.group("name")
        name = pp.SENTENCE_OPENER.sub("", name) if len(name.split()) > 1 else name
        if sum(c.isupper() for c in abbr) >= 2 and abbr not in found and name_key(name) != name_key(abbr):
            found[abbr] = name
    return found


def expand_abbreviation(entity: Entity, abbreviations: dict[str, str]) -> Entity:
    """An entity named only by a defined acronym, given its full name (the acronym becomes an alias)."""
    full = abbreviations.get(entity.name)
    if not full:
        return entity
    return replace(entity, name=full, aliases=unique_names((entity.name, *entity.aliases)))


def resolve_reference(text: str, abbreviations: dict[str, str]) -> str:
    """A possessive or acronym reference ('LeT’s', 'BLA') as the full name it stands for."""
    bare = re.sub(r"[’']s$", "", strip_quotes(text))
    bare = re.sub(r"^the\s+", "", bare)
    return abbreviations.get(bare, bare)


# ---------------------------------------------------------------- assembling notices

def draft_events(drafts: list[Draft], document: DocumentRef, announced_on: date | None) -> tuple[Event, ...]:
    """Events from drafts, merged by (program, action, entity) in first-seen order."""
    merged: dict[tuple[Program, Action, str], Draft] = {}
    known: dict[str, tuple[str, ...]] = {}
    for draft in drafts:
        if draft.action in (Action.ANNOUNCEMENT, Action.DESIGNATION):
            key = name_key(draft.entity.name)
            known[key] = unique_names(known.get(key, ()) + draft.entity.aliases)
    # the aliases a release gives a party once hold for each program it is designated under
    drafts = [replace(d, entity=replace(d.entity, aliases=known[name_key(d.entity.name)]))
              if d.action in (Action.ANNOUNCEMENT, Action.DESIGNATION) else d for d in drafts]
    for draft in drafts:
        key = (draft.program, draft.action, name_key(draft.entity.name))
        if key in merged:
            old = merged[key]
            aliases = unique_names(old.entity.aliases + draft.entity.aliases)
            kind = EntityType.INDIVIDUAL if EntityType.INDIVIDUAL in (old.entity.entity_type, draft.entity.entity_type) \
                else old.entity.entity_type
            details = old.entity.details + tuple(d for d in draft.entity.details if d not in old.entity.details)
            old.entity = replace(old.entity, aliases=aliases, entity_type=kind, details=details)
            old.effect = old.effect or draft.effect
        else:
            merged[key] = Draft(draft.program, draft.action, draft.entity, draft.effect, draft.extra,
                                draft.previous_name)
    return tuple(_event(d, document, announced_on) for d in merged.values())


def _event(draft: Draft, document: DocumentRef, announced_on: date | None) -> Event:
    """One event from one merged draft."""
    effect = draft.effect or Effect()
    details = draft.extra + draft.entity.details + ((("effective", effect.condition),) if effect.condition else ())
    return Event(program=draft.program, action=draft.action, name=draft.entity.name, document=document,
                 aliases=tuple(a for a in draft.entity.aliases if name_key(a) != name_key(draft.entity.name)),
                 entity_type=draft.entity.entity_type, effective_on=effect.on, announced_on=announced_on,
                 previous_name=draft.previous_name, details=details)


def described_as_person(name: str, text: str) -> bool:
    """Whether the text calls the party a person: '<Surname> is a Hizballah commander'."""
    last = name.split()[-1]
    # 'Sinwar, also known as Abu Ibrahim, is a senior member of …': an alias aside before the description
    for m in re.finditer(rf"\b{re.escape(last)}(?:,\s+(?:also known as|a\.k\.a\.)\s+[^,.]+,)?(?:\s+(?:is|was)|,)\s+"
                         rf"(?:a|an|the)\s+((?:[\w’'-]+\s+){{0,3}}?)"
                         rf"(?:{pp.PERSON_NOUNS.pattern})", text, re.IGNORECASE):
        if not pp.ORG_NOUNS.search(m.group(1)):
            return True
    return False


def build_notice(document: DocumentRef, drafts: list[Draft], body: str, title: str,
                 operative_seen: bool, unnamed: int, notes: tuple[str, ...] = ()) -> Notice:
    """The notice for a release: its events, or a mention, or a page a person must read."""
    drafts = [replace(d, entity=replace(d.entity, entity_type=EntityType.INDIVIDUAL))
              if d.entity.entity_type != EntityType.INDIVIDUAL and described_as_person(d.entity.name, body) else d
              for d in drafts]
    drafts, problems = checked_drafts(drafts)
    events = draft_events(drafts, document, document.published_on)
    if problems:
        return Notice(document=document, kind=NoticeKind.UNRECOGNISED, notes=notes,
                      review="a party read from the release is not a name (" + "; ".join(problems)
                             + "): read the release")
    if events:
        review = None
        if unnamed:
            parties = "party is" if unnamed == 1 else "parties are"
            review = f"{unnamed} more {parties} acted on without being named in the text: read the release"
        return Notice(document=document, kind=NoticeKind.of(events), events=events, review=review, notes=notes)
    text = title + " " + body
    if operative_seen or (looks_like_designation_title(title)
                          and (mentions_programs(text) or "terror" in title.lower())):
        return Notice(document=document, kind=NoticeKind.UNRECOGNISED, notes=notes,
                      review="reads like a terrorist designation, revocation or amendment, but no entity "
                             "could be named from its text")
    kind = NoticeKind.MENTION if mentions_programs(text) else NoticeKind.NOT_RELEVANT
    return Notice(document=document, kind=kind, notes=notes)


def checked_drafts(drafts: list[Draft]) -> tuple[list[Draft], list[str]]:
    """Drafts whose names and aliases pass `name_problem` (junk aliases dropped), and the problems of the rest."""
    kept, problems = [], []
    for draft in drafts:
        if problem := name_problem(draft.entity.name):
            if problem not in problems:
                problems.append(problem)
            continue
        aliases = tuple(a for a in draft.entity.aliases if name_problem(a) is None)
        kept.append(replace(draft, entity=replace(draft.entity, aliases=aliases)))
    return kept, problems


def looks_like_designation_title(title: str) -> bool:
    """Whether a headline announces a designation-type action ('Terrorist Designation of …')."""
    return pp.DESIGNATION_TITLE.search(title) is not None
