"""Analysts' curations: for one document, the events it holds, that it holds none, or that a reading is wrong."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from parsers.model import Action, Event, Notice, Program
from parsers.names import document_key, name_key
from storage.store import ObjectPath, data_path

SUFFIXES = (".yaml", ".yml", ".json")
ENTITY_TYPES = ("organization", "individual", "vessel", "aircraft")
TOP_KEYS = {"document", "curated_by", "reason", "events", "holds_none", "wrong"}
EVENT_KEYS = {"program", "action", "name", "aliases", "entity_type", "effective_on", "announced_on", "signed_on",
              "previous_name", "details", "reason"}
WRONG_KEYS = {"event_id", "program", "action", "name", "reason"}
# How a curated notice tells the ledger who curated it and which file version (Notice.notes).
NOTE_CURATION = "curation="
NOTE_CURATION_SHA = "curation_sha256="
# Labels in an event's details that mark it as recorded by an analyst.
CURATED_BY = "curated_by"
CURATION_REASON = "curation_reason"


class CurationError(ValueError):
    """A curation file that cannot be applied; the message is one line naming the file."""


@dataclass(frozen=True)
class CuratedEvent:
    """One event an analyst read from the document."""

    program: Program
    action: Action
    name: str
    aliases: tuple[str, ...] = ()
    entity_type: str = "organization"
    effective_on: date | None = None
    announced_on: date | None = None
    signed_on: date | None = None
    previous_name: str | None = None
    details: tuple[tuple[str, str], ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class WrongEvent:
    """An event the parsers read from the document that is not in it: by event id, or by name."""

    event_id: str | None = None
    name: str | None = None
    program: Program | None = None
    action: Action | None = None

    def matches(self, event: Event) -> bool:
        """Whether this is the event the analyst means."""
        if self.event_id is not None:
            return event.event_id == self.event_id
        return (name_key(event.name) == name_key(self.name or "")
                and self.program in (None, event.program) and self.action in (None, event.action))


@dataclass(frozen=True)
class Curation:
    """An analyst's decision on one document, from one file."""

    path: Path
    sha256: str
    document_id: str
    curated_by: str
    reason: str
    events: tuple[CuratedEvent, ...] = ()
    holds_none: bool = False
    wrong: tuple[WrongEvent, ...] = ()

    @property
    def key(self) -> str:
        """The document this curation is for, as documents are matched."""
        return document_key(self.document_id)


# ---------------------------------------------------------------- reading and validating files


def curation_files(directory: Path | str) -> list[Path]:
    """The curation files under a directory (recursively), in name order; hidden files are skipped."""
    directory = data_path(directory)
    if isinstance(directory, ObjectPath):  # on object storage a "directory" is every key under the prefix
        return [p for p in directory.keys() if p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(directory).parts)]
    if not directory.exists():
        return []
    if not directory.is_dir():
        raise CurationError(f"{directory}: DESIGNATIONS_CURATIONS must be a directory")
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(directory).parts))


def read_curations(directory: Path | str) -> dict[str, Curation]:
    """Every curation under a directory, by document key; the first bad file raises CurationError."""
    curations: dict[str, Curation] = {}
    for path in curation_files(directory):
        curation = read_curation_file(path)
        if curation.key in curations:
            raise CurationError(f"{path}: document {curation.document_id!r} is already curated in "
                                f"{curations[curation.key].path}; keep one file per document")
        curations[curation.key] = curation
    return curations


def read_curation_file(path: Path) -> Curation:
    """One curation file (YAML, or JSON, which YAML reads too), validated strictly."""
    import yaml  # imported here: every command imports this module, few read curations

    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CurationError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except yaml.YAMLError as error:
        raise CurationError(f"{path}: not valid YAML: {_yaml_problem(error)}") from None
    try:
        return _curation(path, hashlib.sha256(raw).hexdigest(), data)
    except _Invalid as error:
        raise CurationError(f"{path}: {error}") from None


class _Invalid(ValueError):
    """What is wrong with a curation, without the file name."""


def _yaml_problem(error) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else problem


def _curation(path: Path, sha: str, data: Any) -> Curation:
    if not isinstance(data, dict):
        raise _Invalid("expected a mapping with document, curated_by, reason and events, holds_none or wrong")
    _no_unknown_keys(data, TOP_KEYS, "")
    document_id = _text(data, "document", "")
    curated_by, reason = _text(data, "curated_by", ""), _text(data, "reason", "")
    holds_none = data.get("holds_none", False)
    if not isinstance(holds_none, bool):
        raise _Invalid(f"holds_none must be true or false, not {holds_none!r}")
    events = tuple(_event(item, f"events[{i}]") for i, item in enumerate(_list(data, "events")))
    wrong = tuple(_wrong(item, f"wrong[{i}]") for i, item in enumerate(_list(data, "wrong")))
    if holds_none and (events or wrong):
        raise _Invalid("holds_none: true says the document holds no event; drop events and wrong, or holds_none")
    if not (holds_none or events or wrong):
        raise _Invalid("says nothing: give events, holds_none: true, or wrong")
    return Curation(path, sha, document_id, curated_by, reason, events, holds_none, wrong)


def _event(item: Any, where: str) -> CuratedEvent:
    if not isinstance(item, dict):
        raise _Invalid(f"{where}: expected a mapping with program, action and name")
    _no_unknown_keys(item, EVENT_KEYS, where)
    entity_type = _optional_text(item, "entity_type", where) or "organization"
    if entity_type not in ENTITY_TYPES:
        raise _Invalid(f"{where}.entity_type: {entity_type!r} is not one of {', '.join(ENTITY_TYPES)}")
    return CuratedEvent(
        program=_program(item.get("program"), f"{where}.program", required=True),
        action=_action(item.get("action"), f"{where}.action", required=True),
        name=_text(item, "name", where),
        aliases=tuple(_strings(item.get("aliases", []), f"{where}.aliases")),
        entity_type=entity_type,
        effective_on=_date(item.get("effective_on"), f"{where}.effective_on"),
        announced_on=_date(item.get("announced_on"), f"{where}.announced_on"),
        signed_on=_date(item.get("signed_on"), f"{where}.signed_on"),
        previous_name=_optional_text(item, "previous_name", where),
        details=_details(item.get("details", {}), f"{where}.details"),
        reason=_optional_text(item, "reason", where),
    )


def _wrong(item: Any, where: str) -> WrongEvent:
    if not isinstance(item, dict):
        raise _Invalid(f"{where}: expected a mapping with event_id, or name (and optionally program, action)")
    _no_unknown_keys(item, WRONG_KEYS, where)
    event_id, name = _optional_text(item, "event_id", where), _optional_text(item, "name", where)
    if (event_id is None) == (name is None):
        raise _Invalid(f"{where}: give either event_id or name (with optional program and action)")
    if event_id is not None and ({"program", "action"} & item.keys()):
        raise _Invalid(f"{where}: event_id names one event already; drop program and action")
    _optional_text(item, "reason", where)
    return WrongEvent(event_id, name, _program(item.get("program"), f"{where}.program"),
                      _action(item.get("action"), f"{where}.action"))


def _no_unknown_keys(data: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        prefix = f"{where}: " if where else ""
        raise _Invalid(f"{prefix}unknown key {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(allowed))})")


def _label(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _text(data: dict, key: str, where: str) -> str:
    value = _optional_text(data, key, where)
    if value is None:
        raise _Invalid(f"{_label(where, key)} is missing")
    return value


def _optional_text(data: dict, key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"{_label(where, key)} must be text (quote it), not {value!r}")
    if not value.strip():
        raise _Invalid(f"{_label(where, key)} is empty")
    return value.strip()


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _Invalid(f"{key} must be a list, not {type(value).__name__}")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Invalid(f"{where} must be a list of non-empty texts")
    return [v.strip() for v in value]


def _program(value: Any, where: str, required: bool = False) -> Program | None:
    if value is None and not required:
        return None
    try:
        return Program(value)
    except ValueError:
        raise _Invalid(f"{where}: {value!r} is not one of {', '.join(p.value for p in Program)}") from None


def _action(value: Any, where: str, required: bool = False) -> Action | None:
    if value is None and not required:
        return None
    try:
        return Action(value)
    except ValueError:
        raise _Invalid(f"{where}: {value!r} is not one of {', '.join(a.value for a in Action)}") from None


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Invalid(f"{where}: {value!r} is not a date (YYYY-MM-DD)")


def _details(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} must be a mapping of label to text or list of texts")
    pairs = []
    for label, values in value.items():
        if not isinstance(label, str) or label in (CURATED_BY, CURATION_REASON):
            raise _Invalid(f"{where}: {label!r} is not a label you can set")
        for item in values if isinstance(values, list) else [values]:
            if isinstance(item, (date, int, float)) and not isinstance(item, bool):
                item = item.isoformat() if isinstance(item, date) else str(item)
            if not isinstance(item, str) or not item.strip():
                raise _Invalid(f"{where}.{label}: {item!r} is not a text")
            pairs.append((label, item.strip()))
    return tuple(pairs)


# ---------------------------------------------------------------- applying a curation


@dataclass(frozen=True)
class Curated:
    """A notice after its curation, and the ids of the events the curation took out of it."""

    notice: Notice
    dropped: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()  # wrong-event entries that matched nothing (already gone)


def curated_event(curation: Curation, item: CuratedEvent, notice: Notice) -> Event:
    """An analyst's event, citing the document it was read from and saying who recorded it and why."""
    doc = notice.document
    announcement = item.action is Action.ANNOUNCEMENT
    effective = item.effective_on or (None if announcement else doc.published_on)
    announced = item.announced_on or (doc.published_on if announcement else None)
    marks = ((CURATED_BY, curation.curated_by), (CURATION_REASON, item.reason or curation.reason))
    return Event(item.program, item.action, item.name, doc, aliases=item.aliases, entity_type=item.entity_type,
                 effective_on=effective, signed_on=item.signed_on, announced_on=announced,
                 previous_name=item.previous_name, details=item.details + marks)


def apply_curation(notice: Notice, curation: Curation) -> Curated:
    """The notice as the analyst read it: wrong events out, their events in, no longer for review."""
    wrong_hits = {i: False for i in range(len(curation.wrong))}
    kept, dropped = [], []
    for event in notice.events:
        hits = [i for i, w in enumerate(curation.wrong) if w.matches(event)]
        wrong_hits.update({i: True for i in hits})
        if curation.holds_none or hits or is_curated(event):
            dropped.append(event.event_id)
        else:
            kept.append(event)
    by_id = {e.event_id: e for e in kept}
    for item in curation.events:
        event = curated_event(curation, item, notice)
        by_id[event.event_id] = event
    dropped = [i for i in dropped if i not in by_id]
    notes = tuple(n for n in notice.notes if not n.startswith((NOTE_CURATION, NOTE_CURATION_SHA)))
    notes += (f"{NOTE_CURATION}{curation.curated_by}: {curation.reason}", f"{NOTE_CURATION_SHA}{curation.sha256}")
    unmatched = tuple(_describe(curation.wrong[i]) for i, hit in wrong_hits.items() if not hit)
    return Curated(replace(notice, events=tuple(by_id.values()), review=None, notes=notes), tuple(dropped), unmatched)


def is_curated(event: Event) -> bool:
    """Whether an event was recorded by an analyst (it is made again from its curation, never kept)."""
    return any(label == CURATED_BY for label, _ in event.details)


def curated_row(row: dict) -> bool:
    """Whether a ledger event row was recorded by an analyst."""
    return bool(row.get("details")) and any(label == CURATED_BY for label, _ in json.loads(row["details"]))


def _describe(wrong: WrongEvent) -> str:
    if wrong.event_id:
        return f"event {wrong.event_id}"
    return " ".join(filter(None, [wrong.program and wrong.program.value, wrong.action and wrong.action.value,
                                  repr(wrong.name)]))


def withdrawn_by_curations(event_rows: list[dict], curations: dict[str, Curation]) -> set[str]:
    """Designations (of a version's events) every event of which a curation declares wrong or absent."""
    from storage.ledger import document_ref, event_from_row

    verdicts: dict[str, bool] = {}
    for row in event_rows:
        curation = curations.get(document_key(row["document_id"]))
        wrong = curation is not None and (curation.holds_none or any(
            w.matches(event_from_row(row, document_ref(row))) for w in curation.wrong))
        verdicts[row["designation_id"]] = verdicts.get(row["designation_id"], True) and wrong
    return {designation for designation, withdrawn in verdicts.items() if withdrawn}
