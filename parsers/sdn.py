"""OFAC SDN entries in the human-readable grammar (FR notices, Recent Actions, sdnlist.txt) and their events."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from parsers.common import balanced, cut, mask, partner, slug, squash
from parsers.model import Action, DocumentRef, EntityType, Event, Program

TERRORISM_PROGRAMS = (Program.SDGT, Program.FTO)

_ALIAS_PREFIXES = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_TAGS_AT_END = re.compile(r"(?:\s*\[[^\[\]]+\])+\s*$")
_TYPE_AT_END = re.compile(r"\s*\((individual|vessel|aircraft)\)\s*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_LABEL_COLON = re.compile(r"^([A-Z][^:;]{0,80}?):\s+(\S.*)$")
_LABEL_NUMBER = re.compile(r"^([A-Z][^\d\s]*(?: [^\d\s]+){0,4}) (\S*\d.*)$")
_SEGMENT_END = re.compile(r";(?= |\Z)")  # segments end at "; " (or the end), not at "FOO;BAR"
_NAME_COMMA = re.compile(r",(?= )")
_ID_LABEL_ENDINGS = ("No.", "No", "Number", "#", "ID", "Code", "Card")

# Labels of identifying segments, as OFAC prints them; keys are what events carry in `details`.
_LABELS = {
    "DOB": "dob",
    "POB": "pob",
    "nationality": "nationality",
    "citizen": "citizen",
    "Gender": "gender",
    "Passport": "passport",
    "Diplomatic Passport": "diplomatic_passport",
    "National ID No.": "national_id",
    "Identification Number": "identification_number",
    "Personal ID Card": "personal_id_card",
    "Cedula No.": "cedula",
    "SSN": "ssn",
    "Tax ID No.": "tax_id",
    "Registration Number": "registration_number",
    "Registration ID": "registration_id",
    "Commercial Registry Number": "commercial_registry_number",
    "Company Number": "company_number",
    "Website": "website",
    "Email Address": "email",
    "Phone Number": "phone",
    "Telephone": "phone",
    "Fax": "fax",
    "SWIFT/BIC": "swift_bic",
    "Organization Established Date": "organization_established_date",
    "Organization Type:": "organization_type",
    "Secondary sanctions risk:": "secondary_sanctions_risk",
    "Additional Sanctions Information -": "additional_sanctions_information",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:":
        "transactions_prohibited",
    "Vessel Registration Identification": "vessel_registration",
    "MMSI": "mmsi",
    "Former Vessel Flag": "former_vessel_flag",
    "Aircraft Construction Number (also called L/N or S/N or F/N)": "aircraft_construction_number",
    "Aircraft Manufacture Date": "aircraft_manufacture_date",
    "Aircraft Manufacturer's Serial Number (MSN)": "aircraft_msn",
    "Aircraft Model": "aircraft_model",
    "Aircraft Operator": "aircraft_operator",
    "Aircraft Tail Number": "aircraft_tail_number",
    "Previous Aircraft Tail Number": "previous_aircraft_tail_number",
    "Aircraft Mode S Transponder Code": "aircraft_mode_s",
    "Digital Currency Address -": "digital_currency_address",
}
_LABEL = re.compile("^(?:(alt)\\. )?(" + "|".join(re.escape(label) for label in sorted(_LABELS, key=len, reverse=True))
                    + r")(?: (.*))?$")


class SdnEntryError(ValueError):
    """An SDN entry whose text does not follow the grammar."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"{reason}: {text[:200]}")
        self.text = text
        self.reason = reason


@dataclass(frozen=True)
class SdnEntry:
    """One entry of OFAC's SDN list, as printed or as read from the list files."""

    ent_num: str | None
    name: str
    entity_type: str
    programs: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    linked_to: tuple[str, ...] = ()
    remarks: str | None = None
    text: str = ""


@dataclass
class Segments:
    """What a run of "; "-separated segments holds, sorted by kind."""

    aliases: list[str]
    weak_aliases: list[str]
    identifiers: list[tuple[str, str]]
    linked_to: list[str]
    free_text: list[str]


def parse_sdn_entry(text: str) -> SdnEntry:
    """Parse one entry of the human-readable grammar; raise SdnEntryError when it does not fit."""
    body = squash(text)
    if not body:
        raise SdnEntryError(text, "empty entry")
    if not balanced(body):
        raise SdnEntryError(text, "unbalanced parentheses")
    body = body.removesuffix(".").rstrip()
    body, linked_to = _strip_links(body, text)
    tags = _TAGS_AT_END.search(body)
    if not tags:
        raise SdnEntryError(text, "no program tag such as [SDGT]")
    programs = tuple(re.findall(r"\[([^\[\]]+)\]", tags.group(0)))
    body = body[: tags.start()].rstrip()
    entity_type = EntityType.ORGANIZATION
    marker = _TYPE_AT_END.search(body)
    if marker:
        entity_type, body = marker.group(1), body[: marker.start()].rstrip()
    name, aliases, weak, rest = _split_name(body, entity_type, text)
    chunks = split_segments(rest, text) if rest else []
    leading = _leading_free_chunks(chunks)
    segments = classify_segments(chunks[leading:], text)
    if entity_type == EntityType.VESSEL:
        identifiers = [("vessel", chunk) for chunk in chunks[:leading]] + segments.identifiers
        addresses: list[str] = []
    else:
        identifiers, addresses = segments.identifiers, chunks[:leading]
    identifiers += _free_text_identifiers(segments.free_text, entity_type)
    return SdnEntry(
        ent_num=None,
        name=name,
        entity_type=entity_type,
        programs=programs,
        aliases=tuple(aliases + segments.aliases),
        weak_aliases=tuple(weak + segments.weak_aliases),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        linked_to=tuple(segments.linked_to + linked_to),
        remarks=None,
        text=text.strip(),
    )


def parse_sdn_entries(paragraphs: Iterable[str]) -> tuple[list[SdnEntry], list[SdnEntryError]]:
    """Parse many entries: the ones that parse, and the errors of the ones that do not."""
    entries: list[SdnEntry] = []
    errors: list[SdnEntryError] = []
    for paragraph in paragraphs:
        try:
            entries.append(parse_sdn_entry(paragraph))
        except SdnEntryError as error:
            errors.append(error)
    return entries, errors


def is_terrorism_entry(entry: SdnEntry) -> bool:
    """Whether the entry carries an SDGT or FTO tag."""
    return any(program.value in entry.programs for program in TERRORISM_PROGRAMS)


def terrorism_programs(entry: SdnEntry) -> tuple[Program, ...]:
    """The SDGT/FTO programs the entry is tagged with, SDGT first."""
    return tuple(program for program in TERRORISM_PROGRAMS if program.value in entry.programs)


def entry_events(entry: SdnEntry, document: DocumentRef, action: Action, effective_on: date | None, *,
                 programs: Iterable[Program] | None = None, previous_name: str | None = None,
                 signed_on: date | None = None, signer: str | None = None) -> list[Event]:
    """One event per SDGT/FTO program of the entry (or of `programs`, when given); weak aliases go in details."""
    wanted = terrorism_programs(entry) if programs is None else tuple(programs)
    details = entry_details(entry)
    return [
        Event(
            program=program,
            action=action,
            name=entry.name,
            document=document,
            aliases=entry.aliases,
            entity_type=entry.entity_type,
            effective_on=effective_on,
            signed_on=signed_on,
            previous_name=previous_name,
            signer=signer,
            details=details,
        )
        for program in wanted
    ]


def entry_details(entry: SdnEntry) -> tuple[tuple[str, str], ...]:
    """The entry's weak aliases, identifiers, addresses, links and OFAC id as (key, value) pairs."""
    # Weak aliases are OFAC's quoted a.k.a.s, often kunyas shared by different people ("ABU ALI"): matching
    # designations on them would merge those people, so they are kept as details, not aliases.
    pairs = [("weak_alias", alias) for alias in entry.weak_aliases]
    pairs += entry.identifiers
    pairs += [("address", address) for address in entry.addresses]
    pairs += [("linked_to", link) for link in entry.linked_to]
    if entry.ent_num:
        pairs.append(("ent_num", entry.ent_num))
    return tuple(pairs)


def split_segments(text: str, entry_text: str | None = None) -> list[str]:
    """Split on "; " outside parentheses; raise SdnEntryError if parentheses do not balance."""
    if not balanced(text):
        raise SdnEntryError(entry_text or text, "unbalanced parentheses")
    return [chunk.strip() for chunk in cut(text, _SEGMENT_END, mask(text)) if chunk.strip()]


def split_segments_leniently(text: str) -> list[str]:
    """Segments of free remarks; where the grammar does not hold, plain '; ' pieces."""
    try:
        return split_segments(text)
    except SdnEntryError:
        return [chunk.strip() for chunk in text.split("; ") if chunk.strip()]


def classify_segments(chunks: Iterable[str], entry_text: str) -> Segments:
    """Sort segments into aliases, labelled identifiers, links and free text."""
    found = Segments([], [], [], [], [])
    for chunk in chunks:
        alias = _alias(chunk)
        if alias:
            (found.weak_aliases if alias[1] else found.aliases).append(alias[0])
        elif chunk.startswith("Linked To:"):
            found.linked_to.append(_value(chunk, "Linked To:", entry_text))
        else:
            labelled = label_segment(chunk)
            if labelled:
                found.identifiers.append(labelled)
            else:
                found.free_text.append(chunk)
    return found


def label_segment(chunk: str) -> tuple[str, str] | None:
    """A labelled segment as (key, value), "alt. " giving an "alt_" key; None for free text."""
    known = _LABEL.match(chunk)
    if known:
        alt, label, value = known.groups()
        return (f"alt_{_LABELS[label]}" if alt else _LABELS[label], value.strip()) if value else None
    prefix = ""
    if chunk.startswith("alt. "):
        prefix, chunk = "alt_", chunk[5:]
    if _URL.match(chunk):
        return prefix + "website", chunk
    match = _LABEL_COLON.match(chunk)
    if match:
        return prefix + slug(match.group(1)), match.group(2).strip()
    match = _LABEL_NUMBER.match(chunk)
    if match and _looks_like_id_label(match.group(1)):
        return prefix + slug(match.group(1)), match.group(2).strip()
    return None


def _looks_like_id_label(label: str) -> bool:
    """"Trade License No.", "RUC #", "D.N.I.": an ID's label, not a title that happens to hold a number."""
    return label.split()[-1] in _ID_LABEL_ENDINGS or not re.search(r"[a-z]", label)


def _strip_links(body: str, text: str) -> tuple[str, list[str]]:
    """Remove a trailing "(Linked To: A; Linked To: B)" group."""
    if not body.endswith(")"):
        return body, []
    opening = _partner(body, len(body) - 1, text)
    group = body[opening + 1: -1]
    if not group.startswith("Linked To:"):
        return body, []
    links = [_value(chunk, "Linked To:", text) for chunk in split_segments(group, text)]
    return body[:opening].rstrip(), links


def _partner(text: str, index: int, entry_text: str) -> int:
    """Where the parenthesis at text[index] is matched; SdnEntryError if nowhere."""
    found = partner(text, index)
    if found is None:
        raise SdnEntryError(entry_text, "unbalanced parentheses")
    return found


def _split_name(body: str, entity_type: str, text: str) -> tuple[str, list[str], list[str], str]:
    """Name, strong aliases, weak aliases and the rest of the entry after them."""
    group = re.search(r"\((?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) ", body)
    if not group:
        name, rest = _name_without_aliases(body, entity_type)
        if not re.search(r"[A-Za-z0-9]", name):
            raise SdnEntryError(text, "no name")
        return name, [], [], rest
    name = body[: group.start()].strip().rstrip(",")
    if not name:
        raise SdnEntryError(text, "no name before the aliases")
    strong: list[str] = []
    weak: list[str] = []
    rest = body[group.start():]
    while rest.startswith("(") and re.match(r"\((?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) ", rest):
        closing = _partner(rest, 0, text)
        for chunk in split_segments(rest[1:closing], text):
            alias = _alias(chunk)
            if not alias:
                raise SdnEntryError(text, f"alias without a.k.a./f.k.a./n.k.a.: {chunk!r}")
            (weak if alias[1] else strong).append(alias[0])
        rest = rest[closing + 1:].lstrip()
    return name, strong, weak, rest.lstrip(",").strip()


def _name_without_aliases(body: str, entity_type: str) -> tuple[str, str]:
    """Split "NAME, address; segments" when no alias group marks where the name ends."""
    first, _, others = body.partition(";")
    parts = _split_commas(first)
    if entity_type == EntityType.INDIVIDUAL:
        # "SURNAME, Given names, address": the surname part is upper case.
        count = 2 if len(parts) > 1 and not re.search(r"[a-z]", parts[0]) else 1
    elif entity_type == EntityType.VESSEL:
        words = first.split()
        count_words = next((i for i, word in enumerate(words) if re.search(r"[a-z]", word)), len(words))
        name = " ".join(words[:count_words]).rstrip(",")
        rest = " ".join(words[count_words:])
        return name, "; ".join(part for part in (rest, others.strip()) if part)
    else:
        # Entity names are upper case; the address starts at the first part with lower-case letters or none.
        count = next((i for i, part in enumerate(parts)
                      if i and (re.search(r"[a-z]", part) or not re.search(r"[A-Z]", part))), len(parts))
    name = ", ".join(parts[:count])
    rest = ", ".join(parts[count:])
    return name, "; ".join(part for part in (rest, others.strip()) if part)


def _split_commas(text: str) -> list[str]:
    """Split on ", " outside parentheses."""
    return [part.strip() for part in cut(text, _NAME_COMMA, mask(text)) if part.strip()]


def _leading_free_chunks(chunks: list[str]) -> int:
    """How many chunks come before the first alias, link or known label: addresses, or a vessel's type."""
    for index, chunk in enumerate(chunks):
        # Only known labels end the run: addresses such as "Off No 511, B Wing" look like "Label No. 123".
        if _alias(chunk) or chunk.startswith("Linked To:") or _LABEL.match(chunk) or _URL.match(chunk):
            return index
    return len(chunks)


def _free_text_identifiers(free_text: list[str], entity_type: str) -> list[tuple[str, str]]:
    key = "title" if entity_type == EntityType.INDIVIDUAL else "remark"
    return [(key, chunk) for chunk in free_text]


def _alias(chunk: str) -> tuple[str, bool] | None:
    """(alias, is_weak) for an "a.k.a. X" segment; quoted aliases are weak."""
    prefix = chunk[:6]
    if prefix not in _ALIAS_PREFIXES or chunk[6:7] != " ":
        return None
    value = chunk[7:].strip()
    if len(value) > 1 and value[0] in _QUOTES and value[-1] in _QUOTES:
        return value[1:-1].strip(), True
    return value, False


def _value(chunk: str, label: str, text: str) -> str:
    value = chunk[len(label):].strip()
    if not value:
        raise SdnEntryError(text, f"empty {label!r}")
    return value

