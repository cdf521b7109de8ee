"""Shared fetching for the State Department and Treasury sites: pages behind bot protection, listings."""
from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

from flows.http import FetchError, Fetched
from parsers.dispatch import failed_notice
from parsers.model import Notice, ParseError, Source
from parsers.press import ListingItem, detect_bot_block

# Listings carry every release of the day; only titles like these are fetched and parsed.
DESIGNATION_TITLE = re.compile(r"terror|\bFTOs?\b|\bSDGTs?\b|designat|sanction|delist|revoc|cartel", re.IGNORECASE)


class BlockedError(FetchError):
    """The site answered with its bot protection instead of the page."""


def fetch_page(run, url: str) -> Fetched:
    """A State/Treasury/OFAC page; a 403 or a bot-protection page raises BlockedError."""
    try:
        fetched = run.client.get(url, bucket="site")
    except FetchError as error:
        if error.status == 403:
            raise BlockedError(url, "403 from the site's bot protection", 403) from None
        raise
    reason = detect_bot_block(fetched.status, fetched.body)
    if reason:
        raise BlockedError(url, reason, fetched.status)
    return fetched


def known_urls(run, source: Source) -> set[str]:
    """Release URLs of this source already parsed."""
    return {d["url"] for d in run.ledger.read_documents() if d["source"] == source.value and d["kind"] != "parse_error"}


def parse_release(source: Source, url: str, fetched: Fetched,
                  parse: Callable[[str, bytes], Notice]) -> Notice:
    """Parse one release; a page the parser does not know becomes a review item."""
    try:
        return parse(url, fetched.body)
    except ParseError as error:
        return failed_notice(source, urlsplit(url).path, url, fetched.body, error)


def poll_listing(run, source: Source, listing_urls: list[str], parse_listing: Callable[[bytes], list[ListingItem]],
                 parse: Callable[[str, bytes], Notice]) -> list[Notice]:
    """New designation-like releases from a site's listing pages; any failure degrades the source."""
    known = known_urls(run, source)
    notices: list[Notice] = []
    try:
        for listing_url in listing_urls:
            items = parse_listing(fetch_page(run, listing_url).body)
            new = [i for i in items if i.url not in known and DESIGNATION_TITLE.search(i.title)]
            for item in new:
                notices.append(parse_release(source, item.url, fetch_page(run, item.url), parse))
            if len(new) < len(items) or not items:  # reached releases we have seen: no need for older pages
                break
    except (FetchError, ParseError) as error:
        run.report.degrade(source.value, str(error))
    run.report.source(source.value).documents += len(notices)
    return notices


def fetch_release(run, url: str) -> Notice:
    """Fetch and parse one State or Treasury press release by its public URL."""
    from flows.state import STATE_HOSTS, parse_state_release
    from flows.treasury import TREASURY_HOSTS, parse_treasury_release

    host = urlsplit(url).hostname or ""
    if host in STATE_HOSTS:
        return parse_release(Source.STATE, url, fetch_page(run, url), parse_state_release)
    if host in TREASURY_HOSTS:
        return parse_release(Source.TREASURY, url, fetch_page(run, url), parse_treasury_release)
    raise FetchError(url, "not a State Department or Treasury press-release URL")
