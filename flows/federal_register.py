"""What to fetch from the Federal Register: windowed search, documents, public inspection, full text."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterator

from flows.fr_records import MalformedRecord, check_document, check_page, malformed_notice
from flows.http import FetchError, Fetched, HostDown, HttpClient, RefusedURL
from flows.poll import Ask, Found
from flows.registry import Poller
from parsers.dispatch import failed_notice, parse_fr
from parsers.federal_register import parse_public_inspection
from parsers.model import Notice, ParseError, Source
from parsers.names import document_key

AGENCIES = ("state-department", "treasury-department", "foreign-assets-control-office")
TERM = ('"Foreign Terrorist Organization" | "Foreign Terrorist Organizations" | '
        '"Specially Designated Global Terrorist" | "Specially Designated Global Terrorists" | "13224"')
FIELDS = (
    "document_number", "title", "type", "abstract", "action", "publication_date", "effective_on",
    "signing_date", "citation", "start_page", "end_page", "volume", "agencies", "docket_ids", "html_url",
    "pdf_url", "full_text_xml_url", "raw_text_url", "toc_subject", "toc_doc", "correction_of",
)
PER_PAGE = 1000
# FORMATS.md §1: the API silently serves page 1 past page 50 or past page*per_page 10,000, and caps count.
RESULT_CAP = 10_000
CHECKPOINT_EVERY = 100


class SearchCapError(FetchError):
    """A single day holds more results than the API will page through."""


@dataclass
class SearchStats:
    """How a windowed search went: windows asked, pages fetched, documents seen."""

    windows: int = 0
    splits: int = 0
    pages: int = 0
    documents: int = 0


def search_params(since: date, until: date, page: int, per_page: int = PER_PAGE) -> list[tuple[str, str]]:
    """documents.json query for FTO/SDGT notices of State, Treasury and OFAC published in [since, until]."""
    params = [("conditions[agencies][]", slug) for slug in AGENCIES]
    params += [
        ("conditions[type][]", "NOTICE"),
        ("conditions[term]", TERM),
        ("conditions[publication_date][gte]", since.isoformat()),
        ("conditions[publication_date][lte]", until.isoformat()),
        ("order", "newest"),
        ("per_page", str(per_page)),
        ("page", str(page)),
    ]
    return params + [("fields[]", f) for f in FIELDS]


def _json(fetched: Fetched) -> dict:
    try:
        return json.loads(fetched.body)
    except ValueError as error:
        raise FetchError(fetched.url, f"not JSON: {error}") from None


def iter_search(client: HttpClient, since: date, until: date, stats: SearchStats | None = None,
                per_page: int = PER_PAGE, conditional: bool = False) -> Iterator[dict]:
    """Every matching document in the range, splitting date windows until each is under the cap."""
    stats = stats or SearchStats()
    seen: set[tuple[str, str]] = set()
    windows = [(since, until)]
    while windows:
        start, end = windows.pop()
        stats.windows += 1
        for result in _iter_window(client, start, end, stats, per_page, windows, conditional):
            key = _key(result)
            if key is None or key not in seen:
                seen.add(key)
                stats.documents += 1
                yield result


def _key(result) -> tuple[str, str] | None:
    """What identifies a result across windows, or None for one too malformed to tell."""
    if not isinstance(result, dict) or not isinstance(result.get("document_number"), str):
        return None
    return result["document_number"], str(result.get("publication_date") or "")


def _page(client: HttpClient, start: date, end: date, page: int, per_page: int, conditional: bool = False):
    """One search page, its shape checked (a malformed page is a FetchError: the source degrades)."""
    url = f"{client.settings.fr_api}/documents.json"
    fetched = client.get(url, params=search_params(start, end, page, per_page), conditional=conditional)
    try:
        return check_page(_json(fetched), f"documents.json page {page} of {start}..{end}")
    except MalformedRecord as error:
        raise FetchError(url, f"malformed answer: {error}") from None


def _iter_window(client, start, end, stats, per_page, windows, conditional) -> Iterator[dict]:
    first = _page(client, start, end, 1, per_page, conditional)
    stats.pages += 1
    count = first.count
    if count >= RESULT_CAP:
        if start == end:
            raise SearchCapError(f"{client.settings.fr_api}/documents.json",
                                 f"{start} alone holds {count}+ documents: narrow the search")
        middle = start + (end - start) // 2
        windows += [(middle + timedelta(days=1), end), (start, middle)]
        stats.splits += 1
        return
    results = first.results
    yield from results
    got = len(results)
    for page in range(2, math.ceil(count / per_page) + 1):
        page_results = _page(client, start, end, page, per_page).results
        stats.pages += 1
        if page_results and results and _key(page_results[0]) == _key(results[0]):
            raise FetchError("documents.json", f"page {page} of {start}..{end} came back as page 1")
        got += len(page_results)
        yield from page_results
    if got != count:
        raise FetchError("documents.json", f"{start}..{end}: expected {count} documents, got {got}")


def fetch_document(client: HttpClient, number: str) -> dict:
    """One document's metadata by number (FetchError with status 404 if the FR does not know it)."""
    fetched = client.get(f"{client.settings.fr_api}/documents/{number}.json", params=[("fields[]", f) for f in FIELDS])
    return _json(fetched)


def full_text_url(meta: dict) -> str:
    """The full-text XML URL of a document, built from its date and number if the API gave none."""
    if meta.get("full_text_xml_url"):
        return meta["full_text_xml_url"]
    y, m, d = meta["publication_date"].split("-")
    return f"https://www.federalregister.gov/documents/full_text/xml/{y}/{m}/{d}/{meta['document_number']}.xml"


def fetch_full_text(client: HttpClient, meta: dict) -> Fetched | None:
    """A document's full-text XML, or None when the FR has none for it."""
    try:
        return client.get(full_text_url(meta), bucket="fr_fulltext")
    except FetchError as error:
        if error.status == 404:
            return None
        raise


def fetch_public_inspection(client: HttpClient) -> Fetched:
    """The documents on public inspection now (conditional: unchanged since last poll costs a 304)."""
    return client.get(f"{client.settings.fr_api}/public-inspection-documents/current.json", conditional=True)


def notice_for(run, meta) -> Notice:
    """Fetch a document's full text into the archive and parse it; a bad record or document is a review item."""
    try:
        check_document(meta)
    except MalformedRecord as error:
        run.report.degrade(Poller.FEDERAL_REGISTER, f"malformed API record: {error}")
        return malformed_notice(meta, str(error))
    try:
        fetched = fetch_full_text(run.client, meta)
    except RefusedURL as error:  # an off-site link: never fetched, a person looks at it
        run.report.degrade(Poller.FEDERAL_REGISTER, f"{meta['document_number']}: {error.reason}")
        return failed_notice(Source.FEDERAL_REGISTER, meta["document_number"],
                             meta.get("html_url") or f"https://www.federalregister.gov/d/{meta['document_number']}",
                             b"", error, meta.get("title") or "", _date(meta.get("publication_date")))
    body = fetched.body if fetched else None
    try:
        return parse_fr(meta, body)
    except ParseError as error:
        return failed_fr_notice(meta, body, error)


def failed_fr_notice(meta: dict, body: bytes | None, error: ParseError) -> Notice:
    """An FR document no parser could read, kept for review with its metadata's URL, date and citation."""
    url = meta.get("html_url") or f"https://www.federalregister.gov/d/{meta['document_number']}"
    notice = failed_notice(Source.FEDERAL_REGISTER, meta["document_number"], url, body or b"", error,
                           meta.get("title", ""), _date(meta.get("publication_date")))
    return replace(notice, document=replace(notice.document, citation=meta.get("citation") or None))


def known_documents(run) -> set[str]:
    """FR documents already parsed from their published text."""
    return run.snapshot.parsed_document_keys(Source.FEDERAL_REGISTER, "published")


def fr_cursor(run) -> date:
    """Where a nightly search starts: the newest FR publication in the ledger minus the lookback window."""
    newest = run.snapshot.newest_published(Source.FEDERAL_REGISTER, stage="published")
    if newest is None:
        return run.today - timedelta(days=run.settings.first_run_days)
    return min(newest, run.today) - timedelta(days=run.settings.lookback_days)


def poll(run, ask: Ask) -> Found:
    """The registry's poller: the Federal Register from the ledger's cursor (or `ask.since`) to today."""
    notices = poll_federal_register(run, ask.since or fr_cursor(run), ask.until or run.today, ask.progress, ask.keep)
    return Found(tuple(notices))


def poll_desk(run, ask: Ask) -> Found:
    """The registry's poller for the public-inspection desk."""
    return Found(tuple(poll_public_inspection(run)))


def poll_federal_register(run, since: date, until: date, progress=None, checkpoint=None) -> list[Notice]:
    """New FTO/SDGT documents published in [since, until], parsed; failures degrade the source.

    `checkpoint(notices)`, if given, receives every CHECKPOINT_EVERY notices (and takes them: they are not
    returned), so a long backfill that dies keeps what it had done.
    """
    status = run.report.source(Poller.FEDERAL_REGISTER)
    stats = SearchStats()
    try:
        metas = list(iter_search(run.client, since, until, stats, conditional=True))
    except FetchError as error:
        run.report.degrade(Poller.FEDERAL_REGISTER, f"search failed: {error}")
        return []
    known = known_documents(run)
    notices = []
    for meta in metas:
        try:
            check_document(meta)
        except MalformedRecord as error:
            run.report.degrade(Poller.FEDERAL_REGISTER, f"malformed API record: {error}")
            notices.append(malformed_notice(meta, str(error)))
    metas = [m for m in metas if _well_formed(m)]
    todo = [m for m in metas if document_key(m["document_number"]) not in known]
    status.documents = len(todo) + len(notices)
    for done, meta in enumerate(todo, 1):
        try:
            notices.append(notice_for(run, meta))
        except HostDown as error:  # the rest would fail the same way
            run.report.degrade(Poller.FEDERAL_REGISTER, f"{meta['document_number']} and later not fetched: {error}")
            break
        except FetchError as error:
            run.report.degrade(Poller.FEDERAL_REGISTER, f"{meta['document_number']} not fetched: {error.reason}")
        if progress:
            progress(done, len(todo), meta["document_number"])
        if checkpoint and len(notices) >= CHECKPOINT_EVERY:
            checkpoint(notices)
            notices = []
    return notices


def poll_public_inspection(run) -> list[Notice]:
    """Designations on public inspection now, as pending events effective on their publication day."""
    try:
        fetched = fetch_public_inspection(run.client)
        notices = parse_public_inspection(fetched.body)
    except (FetchError, ParseError) as error:
        run.report.degrade(Poller.PUBLIC_INSPECTION, str(error))
        return []
    except (TypeError, AttributeError, KeyError, ValueError) as error:  # entries of a shape the parser never saw
        run.report.degrade(Poller.PUBLIC_INSPECTION, f"malformed answer: {type(error).__name__}: {error}")
        return []
    run.report.source(Poller.PUBLIC_INSPECTION).documents = len(notices)
    return [as_public_inspection(n) for n in notices]


def as_public_inspection(notice: Notice) -> Notice:
    document = replace(notice.document, stage="public_inspection",
                       document_id=document_key(notice.document.document_id))
    return replace(notice, document=document, events=tuple(replace(e, document=document) for e in notice.events))


def _well_formed(meta) -> bool:
    try:
        check_document(meta)
    except MalformedRecord:
        return False
    return True


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
