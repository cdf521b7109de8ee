"""The document an analyst names on the day of an announcement: by FR number or by public URL."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flows import registry
from flows.federal_register import as_public_inspection, fetch_document, fetch_public_inspection, notice_for
from flows.http import FetchError
from parsers.federal_register import parse_public_inspection
from parsers.model import Notice
from parsers.names import document_key

FR_NUMBER = re.compile(r"^(?:[A-Z]\d|\d{2,4})-\d{1,6}$", re.IGNORECASE)
FR_URL_NUMBER = re.compile(r"/(?:d|documents/\d{4}/\d{2}/\d{2}|public-inspection)/([A-Za-z0-9]+-\d+)(?:/|$|\.)")


class AnnounceError(ValueError):
    """An announcement request that cannot be served (bad number, foreign URL, unknown document)."""


def fetch_announced(run, document: str | None = None, url: str | None = None) -> list[Notice]:
    """The notices of one named document, fetched now."""
    if bool(document) == bool(url):
        raise AnnounceError("give exactly one of --document NUMBER or --url URL")
    if url:
        return _from_url(run, url)
    return [_from_fr_number(run, document.strip())]


def _from_fr_number(run, number: str) -> Notice:
    if not FR_NUMBER.match(number):
        raise AnnounceError(f"{number!r} is not a Federal Register document number (like 2025-20750)")
    try:
        meta = fetch_document(run.client, number)
    except FetchError as error:
        if error.status != 404:
            raise
        return _from_public_inspection(run, number)
    run.report.source(registry.Poller.FEDERAL_REGISTER).documents = 1
    return notice_for(run, meta)


def _from_public_inspection(run, number: str) -> Notice:
    """Not published yet: look for it on the public-inspection desk."""
    fetched = fetch_public_inspection(run.client)
    for notice in parse_public_inspection(fetched.body):
        if document_key(notice.document.document_id) == document_key(number):
            run.report.source(registry.Poller.PUBLIC_INSPECTION).documents = 1
            return as_public_inspection(notice)
    raise AnnounceError(f"the Federal Register knows no document {number} (published or on public inspection)")


def _from_url(run, url: str) -> list[Notice]:
    if not run.client.is_public_source_url(url):
        hosts = registry.announce_hosts()
        raise AnnounceError(
            f"refusing {url!r}: only http and https URLs of {', '.join(hosts[:-1])} and {hosts[-1]} "
            "are accepted (no user name, port or trailing dot)")
    entry = registry.announce_entry(urlsplit(url).hostname or "")
    if entry is not None and entry.name == registry.Poller.FEDERAL_REGISTER:
        match = FR_URL_NUMBER.search(urlsplit(url).path)
        if not match:
            raise AnnounceError(f"no Federal Register document number in {url}")
        return [_from_fr_number(run, match.group(1))]
    from flows.sites import fetch_release

    return [fetch_release(run, url)]
