"""Documents read again from the raw archive with today's parsers, and the analysts' curations applied: no network."""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable
from urllib.parse import urlsplit

from flows.federal_register import as_public_inspection, failed_fr_notice
from flows.registry import release_parser_for
from parsers.dispatch import failed_notice, parse_fr
from parsers.federal_register import parse_public_inspection
from parsers.model import Notice, ParseError, Source
from parsers.names import document_key
from storage.curations import Curated, Curation, apply_curation, curated_row
from storage.ledger import document_ref, event_from_row
from storage.raw import RawArchive

# FR API responses whose bodies hold document metadata: search pages and single documents (FORMATS.md §1).
_SEARCH_PATH = re.compile(r"/documents\.json$")
_DOCUMENT_PATH = re.compile(r"/documents/[A-Za-z0-9-]+\.json$")
_PUBLIC_INSPECTION_PATH = re.compile(r"/public-inspection-documents/current\.json$")
# OFAC list vintages are differences between two sets of list files, not one document: kept as filed.
NOT_REREAD = "an OFAC SDN list vintage (its events are differences between list files): kept as filed"


@dataclass
class Reread:
    """What reading the archive again gave: a notice per document read, the rest with the reason."""

    notices: list[tuple[dict, Notice]] = field(default_factory=list)
    skipped: list[tuple[dict, str]] = field(default_factory=list)


def archived_fr_metadata(archive: RawArchive) -> dict[str, dict]:
    """FR API metadata of every document in the archived search pages and document responses, newest wins."""
    shas: dict[str, None] = {}
    for record in archive.read_log():
        path = urlsplit(record.get("url") or "").path
        if record.get("sha256") and record.get("status") in (200, 304) and (
                _SEARCH_PATH.search(path) or _DOCUMENT_PATH.search(path)):
            shas.pop(record["sha256"], None)
            shas[record["sha256"]] = None  # re-inserted: last fetched last
    metas: dict[str, dict] = {}
    for sha in shas:
        for meta in _metadata_in(_payload(archive, sha)):
            metas[document_key(str(meta["document_number"]))] = meta
    return metas


def _metadata_in(body: bytes | None) -> list[dict]:
    try:
        payload = json.loads(body) if body else None
    except ValueError:
        return []
    if isinstance(payload, dict) and isinstance(payload.get("results"), list):
        return [r for r in payload["results"] if isinstance(r, dict) and r.get("document_number")]
    if isinstance(payload, dict) and payload.get("document_number"):
        return [payload]
    return []


def _payload(archive: RawArchive, sha: str | None) -> bytes | None:
    if not sha:
        return None
    try:
        return archive.read_payload(sha)
    except (FileNotFoundError, OSError):
        return None


def reread_documents(archive: RawArchive, rows: Iterable[dict]) -> Reread:
    """Each ledger document row read again from its archived payload with today's parsers."""
    rows = list(rows)
    metas = archived_fr_metadata(archive) if any(r["source"] == Source.FEDERAL_REGISTER.value for r in rows) else {}
    result = Reread()
    for row in rows:
        notice, problem = reread_document(archive, row, metas)
        if notice is None:
            result.skipped.append((row, problem))
        else:
            result.notices.append((row, notice))
    return result


def reread_document(archive: RawArchive, row: dict, metas: dict[str, dict]) -> tuple[Notice | None, str]:
    """One document read again: (notice, "") or (None, why it cannot be)."""
    source = row["source"]
    if source == Source.FEDERAL_REGISTER.value and row.get("stage") == "public_inspection":
        return _public_inspection(archive, row)
    if source == Source.FEDERAL_REGISTER.value:
        return _federal_register(archive, row, metas)
    if source == Source.OFAC.value and row["document_id"].startswith("sdn-list/"):
        return None, NOT_REREAD
    parse = release_parser_for(source, row["url"])
    body = _payload(archive, row["raw_sha256"])
    if body is None:
        return None, f"its payload {row['raw_sha256']} is not in the raw archive"
    try:
        return parse(row["url"], body), ""
    except ParseError as error:
        return failed_notice(Source(source), urlsplit(row["url"]).path, row["url"], body, error), ""


def _federal_register(archive: RawArchive, row: dict, metas: dict[str, dict]) -> tuple[Notice | None, str]:
    number = row["document_id"]
    archived = metas.get(document_key(number))
    body = _payload(archive, row["raw_sha256"])
    if body is None and archived is None:
        return None, "neither its full text nor its API metadata is in the raw archive"
    meta = archived or _metadata_of(row)
    try:
        return parse_fr(meta, body), ""
    except ParseError as error:
        return failed_fr_notice(meta, body, error), ""


def _metadata_of(row: dict) -> dict:
    """API-like metadata rebuilt from the ledger's row, for a full text whose search page is not archived."""
    published = row.get("published_on")
    return {"document_number": row["document_id"], "title": row.get("title") or "", "html_url": row["url"],
            "publication_date": published.isoformat() if isinstance(published, date) else None,
            "citation": row.get("citation")}


def _public_inspection(archive: RawArchive, row: dict) -> tuple[Notice | None, str]:
    body = _payload(archive, row["raw_sha256"])
    if body is None:
        return None, f"its public-inspection listing {row['raw_sha256']} is not in the raw archive"
    try:
        notices = parse_public_inspection(body)
    except ParseError as error:
        return None, f"its public-inspection listing no longer parses: {error}"
    key = document_key(row["document_id"])
    for notice in notices:
        if document_key(notice.document.document_id) == key:
            return as_public_inspection(notice), ""
    return Notice(document_ref(row), kind="not_relevant"), ""


# ---------------------------------------------------------------- curations


@dataclass
class CurationOutcome:
    """Notices after their curations, and the curations' wrong-event entries that matched nothing."""

    notices: list[Notice]
    unmatched: list[str] = field(default_factory=list)


def curate(notices: Iterable[Notice], curations: dict[str, Curation],
           filed_as: Iterable[str | None] = ()) -> CurationOutcome:
    """Each notice with its document's curation applied, matched by its id or the id it was filed under."""
    outcome = CurationOutcome([])
    for notice, earlier_id in itertools.zip_longest(notices, filed_as):
        if notice is None:
            break
        keys = [document_key(i) for i in (notice.document.document_id, earlier_id) if i]
        curation = next((curations[k] for k in keys if k in curations), None)
        if curation is None:
            outcome.notices.append(notice)
            continue
        curated: Curated = apply_curation(notice, curation)
        outcome.notices.append(curated.notice)
        outcome.unmatched += [f"{curation.path.name}: {item} is not among the events read from "
                              f"{curation.document_id}" for item in curated.unmatched]
    return outcome


def notice_from_ledger(row: dict, event_rows: list[dict]) -> Notice:
    """A document as the ledger holds it (for one that cannot be read again), less its analysts' events."""
    document = document_ref(row)
    events = tuple(event_from_row(e, document_ref(e)) for e in event_rows if not curated_row(e))
    return Notice(document, row.get("kind") or "unknown", events, review=row.get("review"))


def needs_curating(rows: Iterable[dict], curations: dict[str, Curation]) -> list[dict]:
    """Ledger documents whose curation changed since it was applied (new, edited or deleted file)."""
    wanted = []
    for row in rows:
        curation = curations.get(document_key(row["document_id"]))
        applied = row.get("curation_sha256")
        if (curation.sha256 if curation else None) != applied:
            wanted.append(row)
    return wanted
