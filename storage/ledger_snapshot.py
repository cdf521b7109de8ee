"""The ledger as it stood when a run began, read once, and the questions the sources ask of it."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from parsers.names import document_key
from storage.ledger import Ledger, document_key_of
from storage.store import ObjectPath

PARSE_ERROR = "parse_error"


@dataclass(frozen=True)
class LedgerSnapshot:
    """Every ledger document and event row at one moment; a run reads the files once and asks this."""

    documents: tuple[dict, ...]
    events: tuple[dict, ...]
    stamp: tuple = ()  # the files' identity when read: another process's write since then changes it

    @classmethod
    def read(cls, ledger: Ledger) -> "LedgerSnapshot":
        """The ledger's files, each read once (side by side)."""
        stamp = file_stamp(ledger)  # taken first: a write during the read makes it stale, never falsely fresh
        events, documents = ledger.read_all()
        return cls(tuple(documents), tuple(events), stamp or read_stamp(ledger))

    @classmethod
    def of_documents(cls, ledger: Ledger) -> "LedgerSnapshot":
        """Only the document rows (the review queue asks nothing of events)."""
        return cls(tuple(ledger.read_documents()), (), file_stamp(ledger))

    @classmethod
    def after_write(cls, ledger: Ledger, events: list[dict], documents: list[dict]) -> "LedgerSnapshot":
        """The ledger as this run just wrote it (no read)."""
        return cls(tuple(documents), tuple(events), file_stamp(ledger) or read_stamp(ledger))

    def is_current(self, ledger: Ledger) -> bool:
        """Whether the files are still the ones this snapshot holds (checked under the data lock)."""
        return self.stamp == (file_stamp(ledger) or object_stamp(ledger))

    def _documents_of(self, source: str, stage: str | None = None, prefix: str = "",
                      readable: bool = False) -> Iterable[dict]:
        return (row for row in self.documents if row["source"] == source
                and (stage is None or row["stage"] == stage) and row["document_id"].startswith(prefix)
                and not (readable and row["kind"] == PARSE_ERROR))

    def newest_published(self, source: str, *, stage: str | None = None, prefix: str = "",
                         readable: bool = False) -> date | None:
        """The newest publication date among a source's documents (of one stage, id prefix; parsed ones only)."""
        return max((row["published_on"] for row in self._documents_of(source, stage, prefix, readable)
                    if row["published_on"]), default=None)

    def document_ids(self, source: str) -> set[str]:
        """Every document id a source has in the ledger."""
        return {row["document_id"] for row in self._documents_of(source)}

    def parsed_document_keys(self, source: str, stage: str) -> set[str]:
        """Folded ids of a source's documents of one stage that were read without a parse error."""
        return {document_key(row["document_id"]) for row in self._documents_of(source, stage, readable=True)}

    def parsed_urls(self, source: str) -> set[str]:
        """URLs of a source's documents read without a parse error (press releases, Recent Actions pages)."""
        return {row["url"] for row in self._documents_of(source, readable=True)}

    def published_since(self, since: date | None) -> list[dict]:
        """Document rows published on or after `since` (every row when None)."""
        return [row for row in self.documents
                if since is None or (row["published_on"] and row["published_on"] >= since)]

    def needing_review(self, curated: Iterable[str]) -> list[dict]:
        """Document rows whose review is open: a reason, no curation applied, and no curation file (folded ids)."""
        settled = set(curated)
        return [row for row in self.documents
                if row["review"] and not row["curation"] and document_key(row["document_id"]) not in settled]

    def events_by_document(self) -> dict[tuple[str, str, str], list[dict]]:
        """Event rows grouped by the document (source, id, stage) they came from."""
        grouped: dict[tuple[str, str, str], list[dict]] = {}
        for row in self.events:
            grouped.setdefault(document_key_of(row), []).append(row)
        return grouped

    def events_of(self, program: str, *, except_source: str | None = None) -> list[dict]:
        """Event rows of one program, leaving out one source's."""
        return [row for row in self.events if row["program"] == program and row["source"] != except_source]


def file_stamp(ledger: Ledger) -> tuple:
    """Identity of the two ledger files on disk (inode, size, mtime): a replace changes it; () on object storage."""
    if isinstance(ledger.events_path, ObjectPath):
        return ()
    stamp = []
    for path in (ledger.events_path, ledger.documents_path):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            stamp.append(None)
            continue
        stamp.append((info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def read_stamp(ledger: Ledger) -> tuple:
    """On object storage: the ETags of the two ledger objects as this process last read or wrote them."""
    return tuple(path.bucket.seen.get(path.key) for path in (ledger.events_path, ledger.documents_path))


def object_stamp(ledger: Ledger) -> tuple:
    """On object storage: the two ledger objects' ETags now (two HEADs, side by side)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        return tuple(pool.map(ObjectPath.etag, (ledger.events_path, ledger.documents_path)))
