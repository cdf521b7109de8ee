"""The designation list at any legal date: a pure fold over the ledger's events."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta

import pyarrow as pa

from parsers.model import Stage
from parsers.names import document_key, name_key
from storage.schema import DESIGNATIONS, table_from_rows, version_events_table

# Same-day events apply in this order: a notice that designates and amends on one day reads naturally.
ACTION_ORDER = {"announcement": 0, "designation": 1, "amendment": 2, "review": 3, "revocation": 4}
# Acts that only an existing designation can undergo: known, they prove it was in force.
LATER_ACTS = {"amendment", "review", "revocation"}
# The details flag of a designation known only from later acts: its designating notice was not read.
DESIGNATING_NOTICE = "designating_notice"
NOT_READ = "not read"


@dataclass
class Designation:
    """One entity under one program, as it stands after the events applied so far."""

    designation_id: str
    program: str
    name: str
    entity_type: str
    aliases: list[str] = field(default_factory=list)
    announced_on: date | None = None
    scheduled_on: date | None = None
    designated_on: date | None = None
    first_listed_on: date | None = None  # the first OFAC list vintage that held it: not a legal date
    revoked_on: date | None = None
    last_amended_on: date | None = None
    last_reviewed_on: date | None = None
    source_documents: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=dict)
    known_in_force: bool = False  # a review, amendment or revocation of it is known
    terms: list[date] = field(default_factory=list)  # FTO: days it was designated or redesignated (two-year terms)

    def keys(self) -> set[str]:
        """Matching keys of the name and every alias."""
        return {name_key(self.name), *map(name_key, self.aliases)}

    def status(self, as_of: date) -> str:
        """active, revoked or pending on a date."""
        if self.revoked_on and self.revoked_on <= as_of:
            return "revoked"
        if self.designated_on and self.designated_on <= as_of:
            return "active"
        if self.first_listed_on and self.first_listed_on <= as_of:
            return "active"
        if self.designated_on is None and self.known_in_force:
            return "active"  # reviewed, amended or to be revoked: in force, though its designation was not read
        return "pending"

    def row_details(self, as_of: date) -> dict[str, list[str]]:
        """The details, flagged when the designation is in force but its designating notice was not read."""
        if self.designated_on is None and self.known_in_force and self.status(as_of) != "pending":
            return {**self.details, DESIGNATING_NOTICE: [NOT_READ]}
        return self.details

    def row(self, as_of: date) -> dict:
        """The designations.parquet row."""
        details = self.row_details(as_of)
        return {
            "designation_id": self.designation_id,
            "program": self.program,
            "name": self.name,
            "aliases": list(self.aliases),
            "entity_type": self.entity_type,
            "status": self.status(as_of),
            "announced_on": self.announced_on,
            "scheduled_on": self.scheduled_on,
            "designated_on": self.designated_on,
            "first_listed_on": self.first_listed_on,
            "revoked_on": self.revoked_on,
            "last_amended_on": self.last_amended_on,
            "last_reviewed_on": self.last_reviewed_on,
            "source_documents": list(self.source_documents),
            "citations": list(self.citations),
            "details": json.dumps(details, ensure_ascii=False, sort_keys=True) if details else None,
        }


def known_on(event: dict) -> date | None:
    """The day the public could first know of this event."""
    return event.get("announced_on") or event.get("published_on") or event.get("effective_on")


def applies_on(event: dict) -> date | None:
    """The day the event takes legal effect (announcements: the day they are made)."""
    if event["action"] == "announcement":
        return known_on(event)
    return event.get("effective_on") or known_on(event)


def designation_id(program: str, name: str, ofac_entry: str | None = None) -> str:
    """Stable id from the program and OFAC's entry number, or else the first name the entity was known by."""
    key = f"#{ofac_entry}" if ofac_entry else name_key(name)
    return f"{program.lower()}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def _mark_superseded(events: list[dict]) -> list[dict]:
    """Public-inspection events of a document since published only tell when it was first known."""
    published = {document_key(e["document_id"]) for e in events if e.get("stage") != Stage.PUBLIC_INSPECTION}
    return [
        {**e, "superseded": True}
        if e.get("stage") == Stage.PUBLIC_INSPECTION and document_key(e["document_id"]) in published else e
        for e in events
    ]


def event_order(event: dict) -> tuple:
    """Legal order of events: when they apply, then designation before amendment before revocation."""
    return (applies_on(event) or date.min, ACTION_ORDER[event["action"]], known_on(event) or date.min, event["event_id"])


class _Register:
    """Designations by program and matching key while the fold runs."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Designation] = {}
        self.all: list[Designation] = []

    def find(self, event: dict) -> Designation | None:
        program, entry = event["program"], _ofac_entry(event)
        if entry and (hit := self.by_key.get((program, "#" + entry))):
            return hit
        candidates = [event.get("previous_name"), event["name"], *(event.get("aliases") or [])]
        for candidate in candidates:
            hit = candidate and self.by_key.get((program, name_key(candidate)))
            # OFAC numbers its entries: two entries that share a name or alias are still two designations.
            if hit and not (entry and hit.details.get("ent_num") and entry not in hit.details["ent_num"]):
                return hit
        return None

    def create(self, event: dict) -> Designation:
        first = event.get("previous_name") or event["name"]
        designation = Designation(designation_id(event["program"], first, _ofac_entry(event)), event["program"], first,
                                  event.get("entity_type") or "organization")
        self.all.append(designation)
        self.index(designation)
        return designation

    def index(self, designation: Designation) -> None:
        program = designation.program
        for name in (designation.name, *designation.aliases):
            self.by_key.setdefault((program, name_key(name)), designation)
        for entry in designation.details.get("ent_num", ()):
            self.by_key.setdefault((program, "#" + entry), designation)


def _ofac_entry(event: dict) -> str | None:
    """OFAC's entry number for events from its list files, else None."""
    if not event.get("details") or "ent_num" not in event["details"]:
        return None
    return next((value for label, value in json.loads(event["details"]) if label == "ent_num"), None)


def _add_aliases(designation: Designation, names: list[str]) -> None:
    seen = designation.keys()
    for alias in names:
        if alias and name_key(alias) not in seen:
            designation.aliases.append(alias)
            seen.add(name_key(alias))


def _cite(designation: Designation, event: dict) -> None:
    source_doc = event["document_id"] if event["source"] == "federal_register" else event["url"]
    if source_doc and source_doc not in designation.source_documents:
        designation.source_documents.append(source_doc)
    if event.get("citation") and event["citation"] not in designation.citations:
        designation.citations.append(event["citation"])
    for label, value in json.loads(event.get("details") or "[]"):
        values = designation.details.setdefault(label, [])
        if value not in values:
            values.append(value)


def is_list_event(event: dict) -> bool:
    """An event read from an OFAC SDN list vintage: it says the entry was listed, not when it was designated."""
    return event["source"] == "ofac" and (event.get("document_id") or "").startswith("sdn-list/")


def _list(designation: Designation, when: date | None) -> None:
    """A list vintage holds the entry: it is in force, with no legal date of designation."""
    if designation.revoked_on and when and when >= designation.revoked_on:
        designation.revoked_on = None
    designation.first_listed_on = min(filter(None, [designation.first_listed_on, when]), default=None)


def _designate(designation: Designation, event: dict, when: date | None, as_of: date) -> None:
    if event.get("stage") == Stage.PUBLIC_INSPECTION:
        designation.announced_on = designation.announced_on or known_on(event)
    if when and when > as_of:
        designation.scheduled_on = when
        return
    if designation.designated_on is None or (designation.revoked_on and when and when >= designation.revoked_on):
        designation.designated_on, designation.revoked_on = when, None
    designation.scheduled_on = None


def _rename(designation: Designation, new_name: str) -> None:
    old_name = designation.name
    designation.name = new_name
    designation.aliases = [a for a in designation.aliases if name_key(a) != name_key(new_name)]
    _add_aliases(designation, [old_name])


def _apply(designation: Designation, event: dict, as_of: date) -> None:
    action, when = event["action"], applies_on(event)
    if event.get("superseded"):
        designation.announced_on = min(filter(None, [designation.announced_on, known_on(event)]))
        return
    if action == "announcement":
        designation.announced_on = designation.announced_on or when
        if event.get("effective_on") and event["effective_on"] > as_of:
            designation.scheduled_on = event["effective_on"]
    elif action == "designation" and is_list_event(event):
        _list(designation, when)
    elif action == "designation":
        _designate(designation, event, when, as_of)
    elif action == "amendment":
        if event.get("previous_name") and name_key(event["name"]) != name_key(designation.name):
            _rename(designation, event["name"])
        designation.last_amended_on = when
    elif action == "review":
        designation.last_reviewed_on = when
    elif action == "revocation":
        designation.revoked_on = when
    if action in ("designation", "review") and when and designation.program == "FTO" and not is_list_event(event):
        designation.terms.append(when)
    _add_aliases(designation, [event["name"], *(event.get("aliases") or [])])
    _cite(designation, event)


# Before the Intelligence Reform and Terrorism Prevention Act of 17 December 2004, an FTO designation lasted two
# years unless redesignated (INA 219(a)(4)(A) as enacted in 1996); the 1999, 2001 and 2003 rounds left some out.
IRTPA = date(2004, 12, 17)
GAP_SLACK = timedelta(days=90)  # a redesignation a little after a term's end still renews it
ROUND_SLACK = timedelta(days=14)  # the rounds renewed a whole cohort on its anniversary (1999-10-08, 2001-10-05, 2003-10-02)
LAPSED = "lapsed"


def _two_years(day: date) -> date:
    return day.replace(year=day.year + 2) if not (day.month == 2 and day.day == 29) else date(day.year + 2, 3, 1)


def lapse_date(terms: list[date], rounds: list[date]) -> date | None:
    """When a pre-2004 FTO term ran out unrenewed while a redesignation round we read renewed others, else None."""
    if not terms:
        return None
    start = min(terms)
    for day in sorted(terms):
        end = _two_years(start)
        if day > end + GAP_SLACK:
            return None  # designated again after a gap: in force from then on
        start = max(start, day)
    end = _two_years(start)
    if end >= IRTPA or not any(abs(r - end) <= ROUND_SLACK for r in rounds):
        return None  # the term outlived the two-year rule, or no round of its time was read: nothing to infer
    return end


def _apply_lapses(designations: list[Designation], as_of: date) -> None:
    """Revoke, on the day its term ended, an FTO designation a pre-2004 redesignation round left out."""
    fto = [d for d in designations if d.program == "FTO"]
    renewals = sorted({day for d in fto for day in sorted(d.terms)[1:] if day < IRTPA})
    for designation in fto:
        lapsed = lapse_date(designation.terms, renewals)
        if lapsed and lapsed <= as_of and designation.revoked_on is None:  # a later revocation says it was in force
            designation.revoked_on = lapsed
            designation.details.setdefault(LAPSED, ["two-year term not renewed (before 17 December 2004)"])


def derive(events: list[dict], as_of: date) -> tuple[list[dict], dict[str, str]]:
    """Fold events known by `as_of` into (designation rows, event_id -> designation_id)."""
    known = _mark_superseded([e for e in events if (known_on(e) or date.min) <= as_of])
    register = _Register()
    assigned: dict[str, str] = {}
    for event in sorted(known, key=event_order):
        designation = register.find(event) or register.create(event)
        if event["action"] in LATER_ACTS:
            designation.known_in_force = True
        if (applies_on(event) or date.min) <= as_of or event["action"] == "designation":
            _apply(designation, event, as_of)
            register.index(designation)
        assigned[event["event_id"]] = designation.designation_id
    _apply_lapses(register.all, as_of)
    rows = sorted((d.row(as_of) for d in register.all), key=lambda r: (r["program"], name_key(r["name"])))
    return rows, assigned


def derive_tables(ledger_events: pa.Table, as_of: date) -> tuple[pa.Table, pa.Table]:
    """The version tables for a date: designations, and the events used with their designation_id."""
    rows, assigned = derive(ledger_events.to_pylist(), as_of)
    return table_from_rows(rows, DESIGNATIONS), version_events_table(ledger_events, assigned)
