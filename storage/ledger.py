"""The event ledger: events are the truth, keyed by a stable id, so re-ingesting changes nothing."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parsers.model import Event, Notice
from storage.atomic import sweep_stale_temporaries, write_bytes_atomic, write_parquet_atomic
from storage.schema import DOCUMENTS, LEDGER_EVENTS, table_from_rows


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
    """One parsed document as a ledger row: what it was and what came of it."""
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
    }


@dataclass
class MergeResult:
    """What one merge did to the ledger."""

    added: list[str]
    replaced: list[str]

    @property
    def changed(self) -> bool:
        """Whether the ledger differs from before."""
        return bool(self.added or self.replaced)


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

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "ledger"
        self.events_path = self.root / "events.parquet"
        self.documents_path = self.root / "documents.parquet"
        self.counts_path = self.root / "counts.json"  # the row counts last written, to notice a lost file

    def read_events(self) -> list[dict]:
        """Every event row."""
        return _read_rows(self.events_path)

    def read_events_table(self) -> pa.Table:
        """Every event, as an Arrow table."""
        return pq.ParquetFile(self.events_path).read() if self.events_path.exists() else LEDGER_EVENTS.empty_table()

    def read_documents(self) -> list[dict]:
        """Every parsed document row."""
        return _read_rows(self.documents_path)

    def merge(self, notices: list[Notice]) -> MergeResult:
        """Add the notices' events and documents (caller holds the data lock)."""
        sweep_stale_temporaries(self.root)
        existing_events, existing_documents = self.read_events(), self.read_documents()
        self.check_counts(len(existing_events))
        events, result = merge_rows(existing_events, [event_row(e) for n in notices for e in n.events], "event_id")
        documents, docs_result = merge_rows(existing_documents, [document_row(n) for n in notices], "document_id")
        if result.changed:
            write_parquet_atomic(self.events_path, table_from_rows(events, LEDGER_EVENTS))
        if docs_result.changed:
            write_parquet_atomic(self.documents_path, table_from_rows(documents, DOCUMENTS))
        if result.changed or docs_result.changed or not self.counts_path.exists():
            counts = {"events": len(events), "documents": len(documents)}
            write_bytes_atomic(self.counts_path, json.dumps(counts, sort_keys=True).encode())
        return result

    def check_counts(self, events: int) -> None:
        """Raise LedgerShrunk if events.parquet (the truth) holds fewer rows than the ledger last wrote."""
        try:
            known = json.loads(self.counts_path.read_text())
        except (FileNotFoundError, ValueError):
            return
        before = known.get("events") if isinstance(known, dict) else None
        if isinstance(before, int) and events < before:
            raise LedgerShrunk(f"ledger/events.parquet holds {events} events but the ledger last held {before}: "
                               "restore it from a backup; nothing was written")


def _read_rows(path: Path) -> list[dict]:
    """A Parquet file's rows as dicts (none if it does not exist yet)."""
    if not path.exists():
        return []
    return pq.ParquetFile(path).read().to_pylist()
