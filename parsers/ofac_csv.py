"""OFAC's legacy SDN list files (sdn.csv, alt.csv, add.csv, sdn_comments.csv) and the events between two vintages."""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Iterator, Sequence

from parsers.model import Action, DocumentRef, EntityType, Event, Program
from parsers.sdn import (
    SdnEntry,
    classify_segments,
    entry_events,
    split_segments_leniently,
    terrorism_programs,
)

SDN_COLUMNS = ("ent_num", "name", "type", "programs", "title", "call_sign", "vess_type", "tonnage", "grt",
               "vess_flag", "vess_owner", "remarks")
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
ADD_COLUMNS = ("ent_num", "add_num", "address", "city_state_postal", "country", "add_remarks")
COMMENT_COLUMNS = ("ent_num", "remarks_extended")
ENTITY_TYPES = {"": EntityType.ORGANIZATION, "individual": EntityType.INDIVIDUAL, "vessel": EntityType.VESSEL,
                "aircraft": EntityType.AIRCRAFT}
ALIAS_TYPES = ("aka", "fka", "nka")
VESSEL_COLUMNS = (("call_sign", "call_sign"), ("vess_type", "vessel_type"), ("tonnage", "tonnage"),
                  ("grt", "grt"), ("vess_flag", "vessel_flag"), ("vess_owner", "vessel_owner"))


# Words OFAC ends names with, whose period is the name's, not the sentence's.
_ABBREVIATIONS = {"CO", "LTD", "INC", "CORP", "LLC", "JSC", "PJSC", "CIA", "LTDA", "BHD", "PTE", "PVT", "SDN", "SA",
                  "SAL", "SARL", "SPA", "GMBH", "AG", "BV", "NV", "PLC", "ESTAB", "INTL", "JR", "SR"}


class SdnFileError(ValueError):
    """An SDN list file whose shape the parser does not know."""


def parse_sdn_csv_set(sdn: bytes, alt: bytes, add: bytes, comments: bytes | None = None) -> list[SdnEntry]:
    """Every entry of one vintage of the legacy CSV files, aliases and addresses attached."""
    extended = {row["ent_num"]: row["remarks_extended"]
                for row in _rows(comments, "sdn_comments.csv", COMMENT_COLUMNS)} if comments else {}
    aliases: dict[str, list[tuple[str, bool]]] = {}
    for row in _rows(alt, "alt.csv", ALT_COLUMNS):
        aliases.setdefault(row["ent_num"], []).append(_alt_name(row))
    addresses: dict[str, list[str]] = {}
    for row in _rows(add, "add.csv", ADD_COLUMNS):
        address = _address(row)
        if address:
            addresses.setdefault(row["ent_num"], []).append(address)
    # Rows of alt/add/comments whose ent_num is not in sdn.csv are left out: the 2019-01 capture's
    # sdn_comments.csv holds continuations for entries added years later.
    return [_entry(row, aliases.get(row["ent_num"], []), addresses.get(row["ent_num"], []),
                   extended.get(row["ent_num"], ""))
            for row in _rows(sdn, "sdn.csv", SDN_COLUMNS)]


def list_change_events(previous: Sequence[SdnEntry] | None, current: Sequence[SdnEntry],
                       document: DocumentRef, effective_on: date) -> list[Event]:
    """SDGT/FTO events between two vintages, matched by ent_num; every tagged entry on a first run."""
    events: list[Event] = []
    for program in (Program.SDGT, Program.FTO):
        now = _tagged(current, program)
        if previous is None:
            events += _events(now.values(), program, Action.DESIGNATION, document, effective_on)
            continue
        before = _tagged(previous, program)
        events += _events([e for n, e in now.items() if n not in before], program, Action.DESIGNATION,
                          document, effective_on)
        for ent_num, entry in now.items():
            old = before.get(ent_num)
            if old is not None and entry_changed(old, entry):
                renamed = old.name if old.name != entry.name else None
                events += entry_events(entry, document, Action.AMENDMENT, effective_on, programs=[program],
                                       previous_name=renamed)
        events += _events([e for n, e in before.items() if n not in now], program, Action.REVOCATION,
                          document, effective_on)
    return events


def entry_changed(old: SdnEntry, new: SdnEntry) -> bool:
    """Whether the name, the aliases or the program tags differ (order of aliases and tags ignored)."""
    return (old.name != new.name
            or set(old.aliases + old.weak_aliases) != set(new.aliases + new.weak_aliases)
            or set(old.programs) != set(new.programs))


def decode_csv(data: bytes) -> str:
    """The file's text: UTF-8 if it is, else Windows-1252 (OFAC's older files), else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _rows(data: bytes, file_name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    # OFAC's files end with a DOS end-of-file byte (0x1A), on a line of its own or after the last row.
    text = decode_csv(data).rstrip("\r\n\x1a")
    for number, fields in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if not fields or fields == ["\x1a"]:
            continue
        if len(fields) != len(columns):
            raise SdnFileError(f"{file_name} row {number}: {len(fields)} columns, expected {len(columns)}: "
                               f"{fields!r}"[:300])
        row = dict(zip(columns, (_cell(field) for field in fields)))
        if not row["ent_num"].isdigit():
            raise SdnFileError(f"{file_name} row {number}: ent_num {row['ent_num']!r} is not a number")
        yield row


def _cell(field: str) -> str:
    value = field.strip()
    # "-0-" means empty; the 2019-01 add.csv's cut-off last row ends in "-0".
    return "" if value in ("-0-", "-0") else value


def _entry(row: dict[str, str], aliases: list[tuple[str, bool]], addresses: list[str], extended: str) -> SdnEntry:
    if row["type"] not in ENTITY_TYPES:
        raise SdnFileError(f"sdn.csv ent_num {row['ent_num']}: unknown type {row['type']!r}")
    entity_type = ENTITY_TYPES[row["type"]]
    # sdn.csv cuts remarks at 1,000 characters; sdn_comments.csv holds the rest, continuing mid-word.
    remarks = row["remarks"] + extended
    segments = classify_segments(_remark_segments(remarks), remarks)
    title = row["title"]
    identifiers = [(key, row[column]) for column, key in VESSEL_COLUMNS if row[column]]
    identifiers += [("title", title)] if title else []
    identifiers += segments.identifiers
    free_key = "title" if entity_type == EntityType.INDIVIDUAL else "remark"
    identifiers += [(free_key, text) for text in segments.free_text if text != title]
    strong = [name for name, weak in aliases if not weak]
    weak = [name for name, weak in aliases if weak]
    strong += [name for name in segments.aliases if name not in strong]
    return SdnEntry(
        ent_num=row["ent_num"],
        name=row["name"],
        entity_type=entity_type,
        programs=_programs(row["programs"]),
        aliases=tuple(strong),
        weak_aliases=tuple(weak + [name for name in segments.weak_aliases if name not in weak]),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        linked_to=tuple(segments.linked_to),
        remarks=remarks or None,
        text=_csv_line([row[column] or "-0-" for column in SDN_COLUMNS]),
    )


def _remark_segments(remarks: str) -> list[str]:
    text = _without_final_period(remarks.strip())
    return split_segments_leniently(text) if text else []


def _without_final_period(text: str) -> str:
    """Drop the remarks' closing period, but not one that ends an abbreviation ("R D I S.A.", "PARS CO.")."""
    if not text.endswith("."):
        return text
    last = text.rsplit(" ", 1)[-1]
    if last.count(".") >= 2 or last.rstrip(".").upper() in _ABBREVIATIONS:
        return text
    return text[:-1]


def _programs(field: str) -> tuple[str, ...]:
    """'SDGT] [FTO' (outer brackets stripped by OFAC) -> ('SDGT', 'FTO')."""
    inner = field.strip().removeprefix("[").removesuffix("]")
    return tuple(tag.strip() for tag in inner.split("] [") if tag.strip())


def _alt_name(row: dict[str, str]) -> tuple[str, bool]:
    if row["alt_type"] not in ALIAS_TYPES:
        raise SdnFileError(f"alt.csv ent_num {row['ent_num']}: unknown alias type {row['alt_type']!r}")
    # Weak aliases live in sdn.csv's remarks as "a.k.a. 'X'"; a quoted alt.csv name (ent 22504) is a strong
    # alias that OFAC printed with quotes, so only alt_remarks can mark an alt.csv name weak.
    return row["alt_name"], "weak" in row["alt_remarks"].lower()


def _address(row: dict[str, str]) -> str:
    address = ", ".join(part for part in (row["address"], row["city_state_postal"], row["country"]) if part)
    if address and row["add_remarks"]:
        address += f" ({row['add_remarks']})"
    return address


def _tagged(entries: Sequence[SdnEntry], program: Program) -> dict[str, SdnEntry]:
    tagged = {}
    for entry in entries:
        if program not in terrorism_programs(entry):
            continue
        if not entry.ent_num:
            raise ValueError(f"SDN entry without ent_num cannot be matched across vintages: {entry.name!r}")
        tagged[entry.ent_num] = entry
    return tagged


def _events(entries, program: Program, action: Action, document: DocumentRef, effective_on: date) -> list[Event]:
    return [event for entry in entries
            for event in entry_events(entry, document, action, effective_on, programs=[program])]


def _csv_line(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()

