"""A local mirror of the Federal Register API v1 that keeps the real API's paging caps and quirks."""
from __future__ import annotations

import bisect
import functools
import hashlib
import math
import re
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable
from urllib.parse import urlencode

from tests.mirror.faults import MirrorServer, Request, Response

FR_HOST = "https://www.federalregister.gov"
API_PREFIX = "/api/v1"
# FORMATS.md §1: page must be 1..50 and page*per_page <= 10,000, else page 1 is served again.
MAX_PAGE = 50
MAX_RESULTS = 10_000
# FORMATS.md §1: per_page outside 2..2000 silently becomes 20.
PER_PAGE_RANGE = (2, 2000)
DEFAULT_PER_PAGE = 20
MAX_MULTI_FETCH = 250

TYPE_FILTERS = {
    "RULE": "Rule",
    "PRORULE": "Proposed Rule",
    "NOTICE": "Notice",
    "PRESDOCU": "Presidential Document",
    "CORRECT": "Correction",
    "UNKNOWN": "Uncategorized Document",
}
DOCUMENT_FIELDS = (
    "abstract", "action", "agencies", "agency_names", "body_html_url", "cfr_references", "citation",
    "comment_url", "comments_close_on", "correction_of", "corrections", "dates", "disposition_notes",
    "docket_id", "docket_ids", "dockets", "document_number", "effective_on", "end_page", "excerpts",
    "executive_order_notes", "executive_order_number", "explanation", "full_text_xml_url", "html_url",
    "images", "images_metadata", "json_url", "mods_url", "not_received_for_publication", "page_length",
    "page_views", "pdf_url", "president", "presidential_document_number", "proclamation_number",
    "public_inspection_pdf_url", "publication_date", "raw_text_url", "regulation_id_number_info",
    "regulation_id_numbers", "regulations_dot_gov_info", "regulations_dot_gov_url", "significant",
    "signing_date", "start_page", "subtype", "title", "toc_doc", "toc_subject", "topics", "type", "volume",
)
DEFAULT_SEARCH_FIELDS = (
    "title", "type", "abstract", "document_number", "html_url", "pdf_url", "public_inspection_pdf_url",
    "publication_date", "agencies", "excerpts",
)
DEFAULT_SHOW_FIELDS = tuple(name for name in DOCUMENT_FIELDS if name not in ("excerpts", "docket_id"))
_LIST_FIELDS = {"agencies", "cfr_references", "corrections", "docket_ids", "dockets", "regulation_id_numbers",
                "topics"}
_DICT_FIELDS = {"images", "images_metadata", "regulation_id_number_info", "regulations_dot_gov_info"}
_CONDITIONS = {"term", "agencies", "type", "publication_date", "docket_id"}
_DATE_CONDITIONS = {"gte", "lte", "is", "year"}
_ORDERS = {"newest", "oldest", "relevance"}

# Real ids and slugs as of the last public copy; other agencies' ids are filled in.
AGENCIES = {
    "state-department": ("DEPARTMENT OF STATE", "State Department", 476, None),
    "treasury-department": ("DEPARTMENT OF THE TREASURY", "Treasury Department", 497, None),
    "foreign-assets-control-office": ("Office of Foreign Assets Control", "Foreign Assets Control Office", 203, 497),
    "executive-office-of-the-president": ("EXECUTIVE OFFICE OF THE PRESIDENT", "Executive Office of the President",
                                          538, None),
    "commerce-department": ("DEPARTMENT OF COMMERCE", "Commerce Department", 54, None),
    "industry-and-security-bureau": ("Bureau of Industry and Security", "Industry and Security Bureau", 241, 54),
    "homeland-security-department": ("DEPARTMENT OF HOMELAND SECURITY", "Homeland Security Department", 227, None),
    "justice-department": ("DEPARTMENT OF JUSTICE", "Justice Department", 268, None),
    "interior-department": ("DEPARTMENT OF THE INTERIOR", "Interior Department", 253, None),
    "environmental-protection-agency": ("ENVIRONMENTAL PROTECTION AGENCY", "Environmental Protection Agency",
                                        145, None),
    "transportation-department": ("DEPARTMENT OF TRANSPORTATION", "Transportation Department", 492, None),
    "energy-department": ("DEPARTMENT OF ENERGY", "Energy Department", 136, None),
}


def agency(slug: str) -> dict[str, Any]:
    """An agencies[] entry as the API returns it, for a known slug."""
    return dict(_agency_entry(slug))


@functools.cache
def _agency_entry(slug: str) -> dict[str, Any]:
    raw_name, name, agency_id, parent_id = AGENCIES[slug]
    return {
        "raw_name": raw_name,
        "name": name,
        "id": agency_id,
        "url": f"{FR_HOST}/agencies/{slug}",
        "json_url": f"{FR_HOST}/api/v1/agencies/{agency_id}",
        "parent_id": parent_id,
        "slug": slug,
    }


_NON_WORD = re.compile(r"[\W_]+")


def _tokens(text: str) -> str:
    """Lower-case word tokens joined by single spaces, padded, for phrase matching."""
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def _strip_tags(xml: bytes) -> str:
    return re.sub(r"<[^>]+>", " ", xml.decode("utf-8", "replace"))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:100].rstrip("-")


@dataclass
class MirrorDocument:
    """One document the mirror serves: API metadata, optional full-text XML, text for term matching."""

    meta: dict[str, Any]
    xml: bytes | None = None
    text: str | None = None
    _haystack: str | None = field(default=None, init=False, repr=False, compare=False)
    _lowered: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def document_number(self) -> str:
        return self.meta["document_number"]

    @property
    def publication_date(self) -> date:
        return date.fromisoformat(self.meta["publication_date"])

    @property
    def agency_slugs(self) -> set[str]:
        return {entry.get("slug") for entry in self.meta.get("agencies") or [] if entry.get("slug")}

    @property
    def lowered(self) -> str:
        """Title + abstract + text (or raw XML) in lower case: a cheap superset test before tokenizing."""
        if self._lowered is None:
            body = self.text if self.text is not None else (self.xml.decode("utf-8", "replace") if self.xml else "")
            self._lowered = " ".join([self.meta.get("title") or "", self.meta.get("abstract") or "", body]).lower()
        return self._lowered

    @property
    def haystack(self) -> str:
        """Tokens of title + abstract + text, what conditions[term] searches."""
        if self._haystack is None:
            body = self.text if self.text is not None else (_strip_tags(self.xml) if self.xml else "")
            self._haystack = _tokens(" ".join([self.meta.get("title") or "", self.meta.get("abstract") or "", body]))
        return self._haystack

    def value(self, name: str, excerpt: str | None = None) -> Any:
        """The API value of one field, derived fields included."""
        meta = self.meta
        if name == "agency_names":
            return [entry.get("name") or entry.get("raw_name") for entry in meta.get("agencies") or []]
        if name == "docket_id":
            return (meta.get("docket_ids") or [None])[0]
        if name == "excerpts":
            return excerpt
        if name == "page_length" and name not in meta and meta.get("start_page"):
            return meta["end_page"] - meta["start_page"] + 1
        if name in meta:
            return meta[name]
        return [] if name in _LIST_FIELDS else {} if name in _DICT_FIELDS else None

    @classmethod
    def build(
        cls,
        document_number: str,
        publication_date: date | str,
        title: str,
        agencies: Iterable[str | dict] = ("state-department",),
        *,
        abstract: str | None = None,
        xml: bytes | str | None = None,
        text: str | None = None,
        start_page: int | None = None,
        end_page: int | None = None,
        docket_ids: Iterable[str] = (),
        type: str = "Notice",
        **fields: Any,
    ) -> MirrorDocument:
        """A document with every URL and derived field filled in the real API's patterns."""
        published = date.fromisoformat(publication_date) if isinstance(publication_date, str) else publication_date
        day_path = f"{published.year:04d}/{published.month:02d}/{published.day:02d}"
        number = document_number
        volume = published.year - 1935
        if start_page is not None and end_page is None:
            end_page = start_page
        full_text = f"{FR_HOST}/documents/full_text"
        meta = {
            "abstract": abstract,
            "action": None,
            "agencies": [agency(entry) if isinstance(entry, str) else entry for entry in agencies],
            "body_html_url": f"{full_text}/html/{day_path}/{number}.html",
            "citation": f"{volume} FR {start_page}" if start_page is not None else None,
            "correction_of": None,
            "corrections": [],
            "dates": None,
            "docket_ids": list(docket_ids),
            "document_number": number,
            "effective_on": None,
            "end_page": end_page,
            "full_text_xml_url": f"{full_text}/xml/{day_path}/{number}.xml" if xml is not None else None,
            "html_url": f"{FR_HOST}/documents/{day_path}/{number}/{_slug(title)}",
            "json_url": f"{FR_HOST}/api/v1/documents/{number}?publication_date={published.isoformat()}",
            "mods_url": f"https://www.govinfo.gov/metadata/granule/FR-{published.isoformat()}/{number}/mods.xml",
            "page_length": (end_page - start_page + 1) if start_page is not None else None,
            "pdf_url": f"https://www.govinfo.gov/content/pkg/FR-{published.isoformat()}/pdf/{number}.pdf",
            "public_inspection_pdf_url": f"https://public-inspection.federalregister.gov/{number}.pdf",
            "publication_date": published.isoformat(),
            "raw_text_url": f"{full_text}/text/{day_path}/{number}.txt",
            "signing_date": None,
            "start_page": start_page,
            "title": title,
            "toc_doc": None,
            "toc_subject": None,
            "type": type,
            "volume": volume,
        }
        meta.update(fields)
        if isinstance(xml, str):
            xml = xml.encode("utf-8")
        return cls(meta, xml, text)


def public_inspection_entry(
    document: MirrorDocument, filed_at: str, filing_type: str = "regular", document_number: str | None = None
) -> dict[str, Any]:
    """A public-inspection entry for a document about to be published; filed_at is ISO with offset."""
    meta = document.meta
    number = document_number or document.document_number
    subject_1 = meta.get("toc_subject") or meta["title"]
    subject_2 = meta.get("toc_doc")
    agencies = meta.get("agencies") or []
    return {
        "agencies": agencies,
        "agency_letters": [],
        "agency_names": [entry.get("name") or entry.get("raw_name") for entry in agencies],
        "docket_numbers": list(meta.get("docket_ids") or []),
        "document_number": number,
        "editorial_note": None,
        "excerpts": None,
        "filed_at": filed_at,
        "filing_type": filing_type,
        "html_url": f"{FR_HOST}/public-inspection/{number}/{_slug(meta['title'])}",
        "json_url": f"{FR_HOST}/api/v1/public-inspection-documents/{number}.json",
        "last_public_inspection_issue": filed_at[:10],
        "num_pages": meta.get("page_length") or 1,
        "page_views": None,
        "pdf_file_name": f"{number}.pdf",
        "pdf_file_size": 123456,
        "pdf_updated_at": filed_at,
        "pdf_url": f"https://public-inspection.federalregister.gov/{number}.pdf",
        "publication_date": meta["publication_date"],
        "raw_text_url": f"{FR_HOST}/public-inspection/raw_text/{number.replace('-', '')[:3]}/"
                        f"{number.replace('-', '')[3:6]}/{number.replace('-', '')[6:]}.txt",
        "subject_1": subject_1,
        "subject_2": subject_2,
        "subject_3": None,
        "title": " ".join(part for part in (subject_1, subject_2) if part) + " ",
        "toc_doc": meta.get("toc_doc"),
        "toc_subject": meta.get("toc_subject"),
        "type": meta.get("type", "Notice"),
    }


class _BadRequest(Exception):
    def __init__(self, errors: dict[str, Any]):
        super().__init__(errors)
        self.errors = errors


# --- conditions[term]: the simple-query-string subset -------------------------------------------

_TERM_TOKEN = re.compile(r'\s*(?:"([^"]*)"?|(\|)|(\()|(\))|(-)(?=\S)|(\+)|([^\s|()"]+))')


def compile_term(term: str) -> Callable[[MirrorDocument], bool]:
    """A predicate over documents: "phrases", words, | for OR, default AND, -word NOT, ( ); case-insensitive."""
    tokens = []
    for match in _TERM_TOKEN.finditer(term):
        phrase, bar, opening, closing, minus, plus, word = match.groups()
        if phrase is not None:
            tokens.append(("text", phrase))
        elif word is not None:
            tokens.append(("text", word))
        else:
            tokens.append((next(t for t in (bar, opening, closing, minus, plus) if t), None))
    position = 0

    def peek() -> str | None:
        return tokens[position][0] if position < len(tokens) else None

    def parse_or() -> Callable[[MirrorDocument], bool]:
        nonlocal position
        options = [parse_and()]
        while peek() == "|":
            position += 1
            options.append(parse_and())
        return lambda document: any(option(document) for option in options)

    def parse_and() -> Callable[[MirrorDocument], bool]:
        nonlocal position
        parts = []
        while peek() not in (None, "|", ")"):
            if peek() == "+":
                position += 1
                continue
            parts.append(parse_unary())
        return lambda document: all(part(document) for part in parts)

    def parse_unary() -> Callable[[MirrorDocument], bool]:
        nonlocal position
        kind, value = tokens[position]
        position += 1
        if kind == "-":
            inner = parse_unary() if peek() not in (None, "|", ")") else (lambda document: False)
            return lambda document: not inner(document)
        if kind == "(":
            inner = parse_or()
            if peek() == ")":
                position += 1
            return inner
        needle = _tokens(value)
        if needle == "  ":
            return lambda document: True
        # Every token of the tokenized text also appears in the raw lower-cased text: test that first.
        longest = max(needle.split(), key=len)
        return lambda document: longest in document.lowered and needle in document.haystack

    return parse_or()


# --- the mirror --------------------------------------------------------------------------------

@dataclass
class _Conditions:
    term: str = ""
    agencies: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    docket_id: str | None = None
    low: date | None = None
    high: date | None = None


class FRMirror(MirrorServer):
    """The Federal Register API v1 on 127.0.0.1, serving MirrorDocuments and public-inspection entries."""

    def __init__(self, documents: Iterable[MirrorDocument] = (), public_inspection: Iterable[dict] = ()):
        super().__init__()
        self._lock = threading.RLock()
        self._documents: list[MirrorDocument] = []
        self._keys: list[tuple[date, str]] = []
        self._by_number: dict[str, list[MirrorDocument]] = {}
        self._term_cache: dict[str, set[int]] = {}
        self._agency_slugs: set[str] = set(AGENCIES)
        self.public_inspection: list[dict] = list(public_inspection)
        self.add(*documents)

    @property
    def api_base(self) -> str:
        """base_url + /api/v1, what a client is configured with."""
        return self.base_url + API_PREFIX

    @property
    def documents(self) -> list[MirrorDocument]:
        """Every document, oldest first."""
        with self._lock:
            return list(self._documents)

    def add(self, *documents: MirrorDocument) -> None:
        """Add documents (also while serving)."""
        with self._lock:
            for document in documents:
                self._by_number.setdefault(document.document_number, []).append(document)
                self._agency_slugs |= document.agency_slugs
            self._index([*self._documents, *documents])

    def remove(self, document_number: str) -> None:
        """Withdraw every document with this number."""
        with self._lock:
            self._by_number.pop(document_number, None)
            self._index([d for d in self._documents if d.document_number != document_number])

    def _index(self, documents: list[MirrorDocument]) -> None:
        documents.sort(key=lambda document: (document.publication_date, document.document_number))
        self._documents = documents
        self._keys = [(document.publication_date, document.document_number) for document in documents]
        self._term_cache.clear()

    def respond(self, request: Request) -> Response:
        path = request.path
        try:
            if path in (f"{API_PREFIX}/documents.json", f"{API_PREFIX}/documents"):
                return self._search(request)
            if path.startswith(f"{API_PREFIX}/documents/facets/"):
                return self._facets(request)
            if path == f"{API_PREFIX}/public-inspection-documents/current.json":
                return self._public_inspection_current(request)
            if path == f"{API_PREFIX}/public-inspection-documents.json":
                return self._public_inspection_day(request)
            match = re.fullmatch(rf"{API_PREFIX}/documents/([^/]+?)(?:\.json)?", path)
            if match:
                return self._show(request, match.group(1))
            match = re.fullmatch(r"/documents/full_text/(xml|text)/(\d{4})/(\d{2})/(\d{2})/([^/]+)\.(xml|txt)", path)
            if match:
                return self._full_text(*match.groups())
        except _BadRequest as error:
            return Response.json({"errors": error.errors}, 400)
        return _not_found()

    # --- search --------------------------------------------------------------------------------

    def _search(self, request: Request) -> Response:
        conditions = self._conditions(request)
        fields = _fields(request, DEFAULT_SEARCH_FIELDS)
        matches = self._matches(conditions)
        description = _description(conditions)
        count = min(len(matches), MAX_RESULTS)
        if request.first("metadata_only") == "1" or not matches:
            return Response.json({"count": count, "description": description})
        ordered = _ordered(matches, request.first("order", "relevance"))
        per_page = _int(request.first("per_page"), DEFAULT_PER_PAGE)
        if not PER_PAGE_RANGE[0] <= per_page <= PER_PAGE_RANGE[1]:
            per_page = DEFAULT_PER_PAGE
        page = _int(request.first("page"), 1)
        if not 1 <= page <= MAX_PAGE or page * per_page > MAX_RESULTS:
            page = 1
        total_pages = min(math.ceil(count / per_page), MAX_PAGE)
        results = ordered[(page - 1) * per_page: page * per_page]
        if not results:
            return Response.json({"count": count, "description": description})
        data: dict[str, Any] = {"count": count, "description": description, "total_pages": total_pages}
        if page < total_pages:
            data["next_page_url"] = _page_url(request, page + 1)
        if page > 1:
            data["previous_page_url"] = _page_url(request, page - 1)
        excerpt = _excerpt if conditions.term else (lambda document: None)
        data["results"] = [_represent(document, fields, excerpt(document)) for document in results]
        return Response.json(data)

    def _conditions(self, request: Request) -> _Conditions:
        conditions = _Conditions()
        errors: dict[str, Any] = {}
        for key, values in request.query.items():
            if not key.startswith("conditions"):
                continue
            match = re.fullmatch(r"conditions\[(\w+)\](?:\[(\w*)\])?", key)
            name, sub = (match.group(1), match.group(2)) if match else (key, None)
            if name not in _CONDITIONS:
                errors[name] = ["is not a valid condition"]
                continue
            try:
                self._apply_condition(conditions, name, sub, values)
            except ValueError as error:
                errors.setdefault(name, []).append(str(error))
        if errors:
            raise _BadRequest(errors)
        return conditions

    def _apply_condition(self, conditions: _Conditions, name: str, sub: str | None, values: list[str]) -> None:
        values = [value for value in values if value != ""]
        if name == "term":
            conditions.term = " ".join(values)
        elif name == "agencies":
            unknown = [slug for slug in values if slug not in self._agency_slugs]
            if unknown:
                raise ValueError(f"could not find the following agencies: {', '.join(unknown)}")
            conditions.agencies.update(values)
        elif name == "type":
            unknown = [value for value in values if value.upper() not in TYPE_FILTERS]
            if unknown:
                raise ValueError(f"{', '.join(unknown)} is not a valid document type")
            conditions.types.update(TYPE_FILTERS[value.upper()] for value in values)
        elif name == "docket_id":
            conditions.docket_id = values[0] if values else None
        elif name == "publication_date":
            for value in values:
                _apply_date(conditions, sub, value)

    def _matches(self, conditions: _Conditions) -> list[MirrorDocument]:
        with self._lock:
            start = bisect.bisect_left(self._keys, (conditions.low,)) if conditions.low else 0
            end = (bisect.bisect_left(self._keys, (conditions.high + timedelta(days=1),)) if conditions.high
                   else len(self._keys))
            term_hits = self._term_hits(conditions.term) if conditions.term.strip() else None
            found = []
            for index in range(start, end):
                document = self._documents[index]
                if conditions.agencies and not (document.agency_slugs & conditions.agencies):
                    continue
                if conditions.types and document.meta.get("type") not in conditions.types:
                    continue
                if conditions.docket_id and not any(
                    conditions.docket_id.lower() in docket.lower() for docket in document.meta.get("docket_ids") or []
                ):
                    continue
                if term_hits is not None and index not in term_hits:
                    continue
                found.append(document)
            return found

    def _term_hits(self, term: str) -> set[int]:
        if term not in self._term_cache:
            predicate = compile_term(term)
            self._term_cache[term] = {
                index for index, document in enumerate(self._documents) if predicate(document)
            }
        return self._term_cache[term]

    def _facets(self, request: Request) -> Response:
        facet = request.path.rsplit("/", 1)[1].removesuffix(".json")
        if facet != "daily":
            return _not_found()
        counts: dict[str, int] = {}
        for document in self._matches(self._conditions(request)):
            key = document.meta["publication_date"]
            counts[key] = counts.get(key, 0) + 1
        return Response.json({
            day: {"count": counts[day], "name": _long_date(date.fromisoformat(day))} for day in sorted(counts)
        })

    # --- documents -----------------------------------------------------------------------------

    def _show(self, request: Request, numbers: str) -> Response:
        fields = _fields(request, DEFAULT_SHOW_FIELDS)
        wanted_date = request.first("publication_date")
        if "," not in numbers:
            document = self._find(numbers, wanted_date)
            return Response.json(_represent(document, fields)) if document else _not_found()
        requested = list(dict.fromkeys(number for number in numbers.split(",") if number))
        if len(requested) > MAX_MULTI_FETCH:
            return Response.json({"status": 400, "message": f"at most {MAX_MULTI_FETCH} documents"}, 400)
        found = [(number, self._find(number, wanted_date)) for number in requested]
        data: dict[str, Any] = {
            "count": sum(1 for _, document in found if document),
            "results": [_represent(document, fields) for _, document in found if document],
        }
        missing = [number for number, document in found if document is None]
        if missing:
            data["errors"] = {"not_found": missing}
        return Response.json(data)

    def _find(self, number: str, publication_date: str | None) -> MirrorDocument | None:
        with self._lock:
            candidates = self._by_number.get(number, [])
        if publication_date:
            candidates = [d for d in candidates if d.meta["publication_date"] == publication_date]
        return max(candidates, key=lambda document: document.publication_date) if candidates else None

    def _full_text(self, kind: str, year: str, month: str, day: str, number: str, extension: str) -> Response:
        if (kind, extension) not in (("xml", "xml"), ("text", "txt")):
            return _not_found()
        document = self._find(number, f"{year}-{month}-{day}")
        if document is None or document.xml is None:
            return Response(404, "text/html; charset=utf-8", b"<h1>Not Found</h1>")
        if kind == "xml":
            return Response(200, "application/xml", document.xml)
        text = document.text if document.text is not None else _strip_tags(document.xml)
        return Response(200, "text/plain; charset=utf-8", text.encode("utf-8"))

    # --- public inspection -----------------------------------------------------------------------

    def _public_inspection_current(self, request: Request) -> Response:
        entries = list(self.public_inspection)
        stamp = max((entry.get("filed_at") or "" for entry in entries), default=None)
        return Response.json({
            "count": len(entries),
            "results": _pick(entries, request),
            "special_filings_updated_at": stamp,
            "regular_filings_updated_at": stamp,
        })

    def _public_inspection_day(self, request: Request) -> Response:
        # FORMATS.md §1: available_on ignores every other condition.
        day = request.first("conditions[available_on]")
        if not day:
            raise _BadRequest({"available_on": ["is required"]})
        try:
            date.fromisoformat(day)
        except ValueError:
            raise _BadRequest({"available_on": ["is not a valid date"]}) from None
        entries = [entry for entry in self.public_inspection if _available_on(entry) == day]
        description = f"Public Inspection Documents available on {_long_date(date.fromisoformat(day))}"
        if not entries:
            return Response.json({"count": 0, "description": description})
        return Response.json({
            "count": len(entries), "description": description, "total_pages": 1, "results": _pick(entries, request)
        })


def _available_on(entry: dict) -> str:
    return (entry.get("last_public_inspection_issue") or entry.get("filed_at") or "")[:10]


def _pick(entries: list[dict], request: Request) -> list[dict]:
    fields = [name for name in request.query.get("fields[]", []) + request.query.get("fields", []) if name]
    if not fields:
        return entries
    return [{name: entry.get(name) for name in fields} for entry in entries]


def _apply_date(conditions: _Conditions, sub: str | None, value: str) -> None:
    if sub not in _DATE_CONDITIONS:
        raise ValueError(f"{sub!r} is not a valid date condition")
    if sub == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise ValueError(f"{value!r} is not a valid year")
        low, high = date(int(value), 1, 1), date(int(value), 12, 31)
    else:
        day = _parse_date(value)
        low = day if sub in ("gte", "is") else None
        high = day if sub in ("lte", "is") else None
    if low and (conditions.low is None or low > conditions.low):
        conditions.low = low
    if high and (conditions.high is None or high < conditions.high):
        conditions.high = high


def _parse_date(value: str) -> date:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


def _fields(request: Request, default: tuple[str, ...]) -> tuple[str, ...]:
    requested = [name for name in request.query.get("fields[]", []) + request.query.get("fields", []) if name]
    if not requested:
        return default
    unknown = [name for name in requested if name not in DOCUMENT_FIELDS]
    if unknown:
        raise _BadRequest({"fields": [f"{name} is not a valid field" for name in unknown]})
    return tuple(dict.fromkeys(requested))


def _represent(document: MirrorDocument, fields: tuple[str, ...], excerpt: str | None = None) -> dict[str, Any]:
    return {name: document.value(name, excerpt) for name in fields}


def _excerpt(document: MirrorDocument) -> str | None:
    source = document.meta.get("abstract") or document.text or ""
    source = " ".join(source.split())
    return (source[:250] + " …") if len(source) > 250 else (source or None)


def _ordered(documents: list[MirrorDocument], order: str) -> list[MirrorDocument]:
    """Documents come oldest first; relevance is a stable hash order, deliberately not date order."""
    if order == "oldest":
        return documents
    if order == "newest":
        return documents[::-1]
    return sorted(documents, key=lambda d: hashlib.sha1(d.document_number.encode()).digest())


def _page_url(request: Request, page: int) -> str:
    pairs = [(key, value) for key, value in request.pairs if key != "page"] + [("page", str(page))]
    return f"{FR_HOST}{API_PREFIX}/documents.json?{urlencode(pairs)}"


def _description(conditions: _Conditions) -> str:
    parts = []
    if conditions.term:
        parts.append(f"matching “{conditions.term}”")
    if conditions.agencies:
        parts.append("from " + " or ".join(AGENCIES[s][1] if s in AGENCIES else s for s in sorted(conditions.agencies)))
    if conditions.types:
        parts.append("of type " + " or ".join(sorted(conditions.types)))
    if conditions.low:
        parts.append(f"published on or after {conditions.low:%m/%d/%Y}")
    if conditions.high:
        parts.append(f"published on or before {conditions.high:%m/%d/%Y}")
    return "Documents " + ", ".join(parts) if parts else "All Documents"


def _long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _not_found() -> Response:
    return Response.json({"status": 404, "message": "Record Not Found"}, 404)
