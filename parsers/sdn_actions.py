"""SDN entries read from a document announcing OFAC actions (FR notices, Recent Actions pages), made into events.

Each source finds its own sections, dates and actions; both then list entries in the SDN grammar, an update
printed "OLD -to- NEW", and share how those entries become SDGT/FTO events and what kind of notice they make.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parsers.model import Action, DocumentRef, EntityType, Event, NoticeKind, Program
from parsers.sdn import SdnEntry, SdnEntryError, entry_events, parse_sdn_entry, terrorism_programs


_TO = re.compile(r"\s+-to-\s+")
_BROKEN = SdnEntry(None, "", EntityType.ORGANIZATION, ())  # holds the place of an entry that did not parse


@dataclass(frozen=True)
class Item:
    """One entry under its action and effective date, or (entry None) a "-to-" between an old and a new entry."""

    action: Action | None
    effective_on: date | None
    entry: SdnEntry | None


@dataclass
class Reading:
    """What reading a document has found so far: its items, notes, announced actions and malformed entries."""

    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actions: int = 0
    malformed: int = 0


def add_entry(reading: Reading, action: Action | None, effective_on: date | None, text: str) -> list[SdnEntryError]:
    """Add one entry, "OLD -to- NEW" or a lone "-to-"; return the errors of parts that did not parse."""
    errors = []
    for index, part in enumerate(_TO.split(text) if text != "-to-" else [""]):
        if index or not part:
            reading.items.append(Item(action, effective_on, None))
        if not part:
            continue
        try:
            reading.items.append(Item(action, effective_on, parse_sdn_entry(part)))
        except SdnEntryError as error:
            errors.append(error)
            reading.items.append(Item(action, effective_on, _BROKEN))
    return errors


def note_malformed(reading: Reading, reason: str, text: str) -> None:
    """Count a malformed entry and say why in the notes."""
    reading.malformed += 1
    reading.notes.append(f"malformed SDN entry ({reason}): {text}")


def events_from(reading: Reading, document: DocumentRef, **common: Any) -> list[Event]:
    """Plain entries make events of their action; "OLD -to- NEW" triples make update events."""
    events: list[Event] = []
    items, index = reading.items, 0
    while index < len(items):
        item = items[index]
        if item.entry is not None and index + 1 < len(items) and items[index + 1].entry is None:
            new = items[index + 2] if index + 2 < len(items) else None
            if new is None or new.entry is None:
                note_malformed(reading, "'-to-' without the updated entry after it", "-to-")
                index += 2
                continue
            if _usable(item) and _usable(new):
                events += update_events(item.entry, new.entry, document, new.effective_on, **common)
            index += 3
            continue
        if item.entry is None:
            note_malformed(reading, "'-to-' without the old entry before it", "-to-")
        elif _usable(item) and terrorism_programs(item.entry):
            if item.action is None:
                note_malformed(reading, "no heading or sentence says whether it was added, removed or updated",
                               item.entry.text)
            else:
                events += entry_events(item.entry, document, item.action, item.effective_on, **common)
        index += 1
    return events


def update_events(old: SdnEntry, new: SdnEntry, document: DocumentRef, effective_on: date | None,
                  **common: Any) -> list[Event]:
    """Per program of an "OLD -to- NEW" update: kept is an amendment, added a designation, dropped a revocation."""
    before, after = set(terrorism_programs(old)), set(terrorism_programs(new))
    renamed = old.name if old.name != new.name else None
    events: list[Event] = []
    for program in (Program.SDGT, Program.FTO):
        if program in before and program in after:
            events += entry_events(new, document, Action.AMENDMENT, effective_on, programs=[program],
                                   previous_name=renamed, **common)
        elif program in after:
            events += entry_events(new, document, Action.DESIGNATION, effective_on, programs=[program], **common)
        elif program in before:
            events += entry_events(old, document, Action.REVOCATION, effective_on, programs=[program], **common)
    return events


def parsed_entries(reading: Reading) -> int:
    """How many entries parsed, of any program."""
    return sum(_usable(item) for item in reading.items)


def notice_kind(reading: Reading, events: list[Event]) -> NoticeKind:
    """An action with SDGT/FTO events, an action on other programs only, or something else."""
    if events:
        return NoticeKind.OFAC_SANCTIONS_ACTION
    if reading.actions or parsed_entries(reading):
        return NoticeKind.OFAC_NO_TERRORISM_ENTRIES
    return NoticeKind.OFAC_OTHER


def malformed_review(reading: Reading) -> str | None:
    """Why a person should look, when some entries were malformed."""
    if not reading.malformed:
        return None
    return f"{reading.malformed} malformed SDN entr{'y' if reading.malformed == 1 else 'ies'}; see notes"


def _usable(item: Item) -> bool:
    return item.entry is not None and item.entry is not _BROKEN
