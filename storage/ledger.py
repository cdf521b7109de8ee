"""The event ledger: events are the truth, keyed by a stable id, so re-ingesting changes nothing."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from parsers.model import Action, DocumentRef, Event, Notice, Program, Source
from storage.atomic import sweep_stale_temporaries, write_bytes_atomic, write_if_unchanged
from storage.schema import DOCUMENTS, LEDGER_EVENTS, table_from_rows
from storage.store import Conflict, ObjectPath, data_path, parquet_bytes, read_parquet

# Notes by which a curated notice (storage/curations.py) names its curation.
NOTE_CURATION = "curation="
NOTE_CURATION_SHA = "curation_sha256="


def event_row(event: Event) -> dict:
    """One event as a ledger row."""
    doc = event.document
    return {
        "event_id": event.event_id,
        "program": event.program.value,
        "action": event.action.value,
        "name": event.name,
        "aliases": list(event.aliases),
        "entity_type": event.entity_type,
        "previous_name": event.previous_name,
        "effective_on": event.effective_on,
        "published_on": doc.published_on,
        "signed_on": event.signed_on,
        "announced_on": event.announced_on,
        "source": doc.source.value,
        "document_id": doc.document_id,
        "citation": doc.citation,
        "public_notice": doc.public_notice,
        "title": doc.title,
        "url": doc.url,
        "raw_sha256": doc.raw_sha256,
        "stage": doc.stage,
        "signer": event.signer,
        "details": json.dumps([list(pair) for pair in event.details], ensure_ascii=False) if event.details else None,
    }


def document_row(notice: Notice) -> dict:
    """One parsed document as a ledger row: what it was, what came of it, and who curated it."""
    doc = notice.document
    return {
        "document_id": doc.document_id,
        "source": doc.source.value,
        "url": doc.url,
        "title": doc.title,
        "published_on": doc.published_on,
        "citation": doc.citation,
        "raw_sha256": doc.raw_sha256,
        "kind": notice.kind,
        "event_count": len(notice.events),
        "review": notice.review,
        "stage": doc.stage,
        "curation": _note(notice, NOTE_CURATION),
        "curation_sha256": _note(notice, NOTE_CURATION_SHA),
    }


def _note(notice: Notice, prefix: str) -> str | None:
    return next((note[len(prefix):] for note in notice.notes if note.startswith(prefix)), None)


def document_ref(row: dict) -> DocumentRef:
    """The reference of a document from its ledger document row (or any of its event rows)."""
    return DocumentRef(Source(row["source"]), row["document_id"], row["url"], row["raw_sha256"],
                       row.get("title") or "", row.get("published_on"), row.get("citation"),
                       row.get("public_notice"), row.get("stage") or "published")


def event_from_row(row: dict, document: DocumentRef) -> Event:
    """A ledger event row as an Event of the given document."""
    details = tuple(tuple(pair) for pair in json.loads(row["details"])) if row.get("details") else ()
    return Event(Program(row["program"]), Action(row["action"]), row["name"], document,
                 aliases=tuple(row.get("aliases") or ()), entity_type=row.get("entity_type") or "organization",
                 effective_on=row.get("effective_on"), signed_on=row.get("signed_on"),
                 announced_on=row.get("announced_on"), previous_name=row.get("previous_name"),
                 signer=row.get("signer"), details=details)


def document_key_of(row: dict) -> tuple[str, str, str]:
    """Which document a ledger event or document row belongs to: source, document id, stage."""
    return row["source"], row["document_id"], row.get("stage") or "published"


@dataclass
class MergeResult:
    """What one merge did to the ledger."""

    added: list[str]
    replaced: list[str]
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the ledger differs from before."""
        return bool(self.added or self.replaced or self.removed)


@dataclass
class LedgerPlan:
    """The ledger's rows after a merge, not yet written, and what the merge does."""

    events: list[dict]
    documents: list[dict]
    result: MergeResult
    documents_changed: bool
    events_read: int | None = None  # how many events the plan found (checked against counts.json as it is written)

    def events_table(self) -> pa.Table:
        """The planned events as an Arrow table."""
        return table_from_rows(self.events, LEDGER_EVENTS)


def _outranks(old: dict, new: dict) -> bool:
    """A published record is never replaced by a public-inspection record of the same event."""
    return old.get("stage") == "published" and new.get("stage") == "public_inspection"


def merge_rows(existing: list[dict], incoming: list[dict], key: str) -> tuple[list[dict], MergeResult]:
    """Upsert rows by key; identical rows change nothing."""
    by_key = {row[key]: row for row in existing}
    result = MergeResult(added=[], replaced=[])
    for row in incoming:
        old = by_key.get(row[key])
        if old is None:
            result.added.append(row[key])
        elif old == row or _outranks(old, row):
            continue
        else:
            result.replaced.append(row[key])
        by_key[row[key]] = row
    return sorted(by_key.values(), key=lambda r: r[key]), result


class LedgerShrunk(RuntimeError):
    """The ledger holds fewer rows than it last knew: a file was lost or rolled back; nothing is written."""


class Ledger:
    """ledger/events.parquet and ledger/documents.parquet under one data directory."""

    def __init__(self, data_dir: Path | str):
        self.root = data_path(data_dir) / "ledger"
        self.events_path = self.root / "events.parquet"
        self.documents_path = self.root / "documents.parquet"
        self.counts_path = self.root / "counts.json"  # the row counts last written, to notice a lost file

    def read_events(self) -> list[dict]:
        """Every event row."""
        return _read_rows(self.events_path)

    def read_events_table(self) -> pa.Table:
        """Every event, as an Arrow table."""
        table = _read_table(self.events_path)
        return LEDGER_EVENTS.empty_table() if table is None else table

    def read_documents(self) -> list[dict]:
        """Every parsed document row (columns added since a file was written read as null)."""
        return [{name: row.get(name) for name in DOCUMENTS.names} for row in _read_rows(self.documents_path)]

    def read_all(self) -> tuple[list[dict], list[dict]]:
        """(events, documents), the two files read side by side."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            events, documents = pool.submit(self.read_events), pool.submit(self.read_documents)
            return events.result(), documents.result()

    def merge(self, notices: list[Notice], replacing: list[Notice] = (),
              replaced_documents: set[tuple[str, str, str]] = frozenset()) -> MergeResult:
        """Add the notices' events and documents (caller holds the data lock); see `plan`."""
        plan = self.plan(notices, replacing, replaced_documents)
        self.write(plan)
        return plan.result

    def plan(self, notices: list[Notice], replacing: list[Notice] = (),
             replaced_documents: set[tuple[str, str, str]] = frozenset(), rebuild: bool = False,
             current: tuple[list[dict], list[dict]] | None = None) -> LedgerPlan:
        """The ledger after upserting `notices` and putting `replacing` in place of what their documents held.

        A document read again (reparse, a curation) replaces every event the ledger held for it, and for
        the documents in `replaced_documents` (the same documents under the ids they were filed with before).
        `current`: the (events, documents) rows already read this run, so the files are not read again.
        """
        gone = set(replaced_documents) | {document_key_of(document_row(n)) for n in replacing}
        old_events = list(current[0]) if current is not None else self.read_events()
        incoming = [event_row(e) for n in (*replacing, *notices) for e in n.events]
        events, _ = merge_rows([row for row in old_events if document_key_of(row) not in gone], incoming, "event_id")
        before, after = {r["event_id"]: r for r in old_events}, {r["event_id"]: r for r in events}
        result = MergeResult(added=[i for i in after if i not in before],
                             replaced=[i for i in after if i in before and before[i] != after[i]],
                             removed=[i for i in before if i not in after])
        old_documents = list(current[1]) if current is not None else self.read_documents()
        gone_ids = {document_id for _, document_id, _ in gone}
        documents, _ = merge_rows([row for row in old_documents if row["document_id"] not in gone_ids],
                                  [document_row(n) for n in (*replacing, *notices)], "document_id")
        # a reparse rebuilds the events from the raw archive: the count it checks is what it restores
        return LedgerPlan(events, documents, result, documents != old_documents,
                          None if rebuild else len(old_events))

    def write(self, plan: LedgerPlan) -> None:
        """Write a plan's files (only those that change); on object storage each only if no other writer changed
        it since the plan read it (Conflict otherwise: plan again)."""
        sweep_stale_temporaries(self.root)  # under the data lock: no other writer has a temporary in flight
        if plan.events_read is not None:
            self.check_counts(plan.events_read)
        if plan.result.changed:
            write_if_unchanged(self.events_path, parquet_bytes(plan.events_table()))
        if plan.documents_changed:
            write_if_unchanged(self.documents_path, parquet_bytes(table_from_rows(plan.documents, DOCUMENTS)))
        if plan.result.changed or plan.documents_changed or not self.counts_path.exists():
            counts = {"events": len(plan.events), "documents": len(plan.documents)}
            write_bytes_atomic(self.counts_path, json.dumps(counts, sort_keys=True).encode())

    def check_counts(self, events: int) -> None:
        """Raise LedgerShrunk if events.parquet (the truth) held fewer rows than the ledger last wrote."""
        try:
            known = json.loads(self.counts_path.read_text())
        except (FileNotFoundError, ValueError):
            return
        before = known.get("events") if isinstance(known, dict) else None
        if isinstance(before, int) and events < before:
            path = self.events_path
            seen = path.bucket.seen.get(path.key, False) if isinstance(path, ObjectPath) else False
            if seen is not False and path.etag() != seen:  # what the plan read is stale, not shrunk
                raise Conflict(f"{path} was written by another writer since this one read it")
            raise LedgerShrunk(f"ledger/events.parquet holds {events} events but the ledger last held {before}: "
                               "restore it from a backup; nothing was written")


def _read_rows(path: Path | ObjectPath) -> list[dict]:
    """A Parquet file's rows as dicts (none if it does not exist yet)."""
    table = _read_table(path)
    return [] if table is None else table.to_pylist()


def _read_table(path: Path | ObjectPath) -> pa.Table | None:
    """The one place a ledger Parquet file is read (from disk or one GET); None if it does not exist yet."""
    try:
        return read_parquet(path)
    except FileNotFoundError:
        return None
