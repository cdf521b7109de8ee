"""Which parser reads which document: by source for fetched documents, by content for local files."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlsplit

from parsers import federal_register as fr
from parsers.model import DocumentRef, Notice, ParseError, Source


def parse_fr(meta: Mapping[str, Any], xml: bytes | None) -> Notice:
    """An FR document: the notice parser, handing OFAC sanctions actions to the SDN-entry parser."""
    if xml is None:
        return fr.parse_fr_metadata(meta)
    notice = fr.parse_fr_document(meta, xml)
    if notice.kind == "ofac_sanctions_action":
        from parsers.ofac_fr import parse_ofac_notice

        return parse_ofac_notice(meta, xml)
    return notice


def failed_notice(source: Source, document_id: str, url: str, body: bytes, error: Exception,
                  title: str = "", published_on: date | None = None) -> Notice:
    """A document no parser could read: kept for review, never dropped."""
    document = DocumentRef(source, document_id, url, hashlib.sha256(body).hexdigest(), title, published_on)
    return Notice(document, kind="parse_error", review=f"parse error: {error}")


# (public hosts, marker, parser): a page is read by the parser of its canonical URL's host, else of the first
# marker it holds (OFAC's pages share Treasury's theme, so only the host tells them apart).
HtmlReaders = Sequence[tuple[tuple[str, ...], str | None, Callable[[str, bytes], Notice]]]


def parse_file(name: str, data: bytes, html_readers: HtmlReaders = ()) -> list[Notice]:
    """Parse a local file of any supported kind, recognised by its content.

    `html_readers`: (hosts, marker, parser) for release pages (the source registry's, flows/registry.py).
    """
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return _parse_json_file(name, json.loads(data))
    if head == b"<":
        text = data[:4096].decode("utf-8", "replace").lower()
        if "<html" in text or "<!doctype html" in text:
            return [_parse_html_file(name, data, html_readers)]
        root = data.lstrip()[:200]
        if b"<FEDREG" in root or b"<fedreg" in root:
            return fr.parse_fr_issue(data)
        return [parse_fr({}, data)]
    raise ParseError(name, "not FR XML, FR API JSON or an HTML page")


def _parse_json_file(name: str, payload: Any) -> list[Notice]:
    if isinstance(payload, dict) and ("regular_filings_updated_at" in payload or "special_filings_updated_at" in payload):
        return fr.parse_public_inspection(json.dumps(payload).encode())
    if isinstance(payload, dict) and "document_number" in payload:
        return [fr.parse_fr_metadata(payload)]
    if isinstance(payload, dict) and "results" in payload:
        return [fr.parse_fr_metadata(result) for result in payload["results"]]
    raise ParseError(name, "JSON that is neither an FR document, a search response nor a public-inspection list")


def _parse_html_file(name: str, data: bytes, html_readers: HtmlReaders) -> Notice:
    text = data.decode("utf-8", "replace")
    canonical = _canonical_url(text)
    host = urlsplit(canonical).hostname if canonical else None
    for hosts, marker, parse in html_readers:
        if host and host in hosts:
            return parse(canonical, data)
    marked = [(len(marker), parse) for _, marker, parse in html_readers if marker and marker in text]
    if marked:  # the most specific marker wins: OFAC's pages carry Treasury's theme marker too
        return max(marked, key=lambda pair: pair[0])[1](canonical or name, data)
    raise ParseError(name, "an HTML page that is neither a State or Treasury press release nor an OFAC Recent "
                           "Actions page")


def _canonical_url(text: str) -> str | None:
    """The page's canonical link, if it has one."""
    from bs4 import BeautifulSoup

    link = BeautifulSoup(text, "lxml").find("link", rel="canonical")
    return link["href"] if link and link.get("href") else None
