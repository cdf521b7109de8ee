"""The shape of Federal Register API answers, checked at the boundary: a bad record is a review item, not a crash."""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, field_validator

from parsers.dispatch import failed_notice
from parsers.model import Notice, Source

# Document numbers go into URL paths: letters, digits and dashes only (2025-20750, E8-12345, C1-2019-01234).
DOCUMENT_NUMBER = r"^[A-Za-z0-9]{1,6}(?:-[A-Za-z0-9]{1,8}){1,3}$"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class MalformedRecord(ValueError):
    """An API answer whose shape we do not accept."""


def _real_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
    date.fromisoformat(value)  # 2025-02-30 fails here
    return value


def _web_url(value: str | None) -> str | None:
    if value is None:
        return None
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValueError(f"{value[:80]!r} is not an http or https URL")
    return value


class DocumentRecord(BaseModel):
    """One document of documents.json (search results and single documents), as far as we read it."""

    model_config = ConfigDict(extra="allow")

    document_number: StrictStr = Field(pattern=DOCUMENT_NUMBER)
    publication_date: StrictStr
    title: StrictStr | None = None
    type: StrictStr | None = None
    abstract: StrictStr | None = None
    action: StrictStr | None = None
    effective_on: StrictStr | None = None
    signing_date: StrictStr | None = None
    citation: StrictStr | None = None
    start_page: StrictInt | None = None
    end_page: StrictInt | None = None
    volume: StrictInt | None = None
    agencies: list[dict[str, Any]] | None = None
    docket_ids: list[StrictStr] | None = None
    html_url: StrictStr | None = None
    pdf_url: StrictStr | None = None
    full_text_xml_url: StrictStr | None = None
    raw_text_url: StrictStr | None = None
    toc_subject: StrictStr | None = None
    toc_doc: StrictStr | None = None
    correction_of: StrictStr | dict[str, Any] | None = None

    _dates = field_validator("publication_date", "effective_on", "signing_date")(_real_date)
    _urls = field_validator("html_url", "pdf_url", "full_text_xml_url", "raw_text_url")(_web_url)


class SearchPage(BaseModel):
    """One page of documents.json: a count and (unless the count is 0) a list of results."""

    model_config = ConfigDict(extra="allow")

    count: StrictInt = Field(ge=0)
    results: list[Any] = Field(default_factory=list)


def check_document(record: Any) -> dict:
    """The record itself if its shape is one we read, else MalformedRecord saying what is wrong."""
    if not isinstance(record, dict):
        raise MalformedRecord(f"a result that is {type(record).__name__}, not an object")
    try:
        DocumentRecord.model_validate(record)
    except ValidationError as error:
        raise MalformedRecord(_one_line(error)) from None
    return record


def check_page(page: Any, url: str) -> SearchPage:
    """A search page's count and results, or MalformedRecord."""
    if not isinstance(page, dict):
        raise MalformedRecord(f"{url}: the answer is {type(page).__name__}, not an object")
    try:
        return SearchPage.model_validate(page)
    except ValidationError as error:
        raise MalformedRecord(f"{url}: {_one_line(error)}") from None


def malformed_notice(record: Any, reason: str) -> Notice:
    """A review item standing for one record we could not read."""
    raw = json.dumps(record, sort_keys=True, default=str).encode()
    number = record.get("document_number") if isinstance(record, dict) else None
    if not (isinstance(number, str) and re.match(DOCUMENT_NUMBER, number)):
        number = "malformed-" + hashlib.sha256(raw).hexdigest()[:12]
    title = record.get("title") if isinstance(record, dict) else None
    title = title[:300] if isinstance(title, str) else ""
    url = f"https://www.federalregister.gov/d/{number}"
    return failed_notice(Source.FEDERAL_REGISTER, number, url, raw, MalformedRecord(f"malformed API record: {reason}"),
                         title)


def _one_line(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item["loc"]) or "record"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)
