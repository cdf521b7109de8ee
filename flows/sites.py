"""Shared fetching for the State Department and Treasury sites: pages behind bot protection, listings."""
from __future__ import annotations

import re
from datetime import date
from typing import Callable
from urllib.parse import urlsplit

from flows.http import FetchError, Fetched, HostDown, RefusedURL
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


def known_releases(run, source: Source) -> tuple[set[str], date | None]:
    """Release URLs of this source already parsed, and the newest release date among them."""
    return run.snapshot.parsed_urls(source), run.snapshot.newest_published(source, readable=True)


def parse_release(source: Source, url: str, fetched: Fetched,
                  parse: Callable[[str, bytes], Notice]) -> Notice:
    """Parse one release; a page the parser does not know becomes a review item."""
    try:
        return parse(url, fetched.body)
    except ParseError as error:
        return failed_notice(source, urlsplit(url).path, url, fetched.body, error)


def poll_listing(run, source: Source, listing_urls: list[str], parse_listing: Callable[[bytes], list[ListingItem]],
                 parse: Callable[[str, bytes], Notice]) -> list[Notice]:
    """New designation-like releases from a site's listing pages, newest page first, until known ground."""
    known, newest = known_releases(run, source)
    notices: list[Notice] = []
    try:
        for listing_url in listing_urls:
            items = parse_listing(fetch_page(run, listing_url).body)
            for item in items:
                if item.url not in known and DESIGNATION_TITLE.search(item.title):
                    known.add(item.url)
                    notices += _fetch_release(run, source, item.url, parse)
            if not items or (newest and any(i.published_on and i.published_on <= newest for i in items)):
                break
    except (FetchError, ParseError) as error:  # the listing itself: nothing more to learn from this site now
        run.report.degrade(source.value, str(error))
    run.report.source(source.value).documents += len(notices)
    return notices


def _fetch_release(run, source: Source, url: str, parse: Callable[[str, bytes], Notice]) -> list[Notice]:
    """One release; a failure other than a block is noted and the listing goes on."""
    try:
        return [parse_release(source, url, fetch_page(run, url), parse)]
    except (BlockedError, HostDown):  # the rest of the site would fail the same way
        raise
    except RefusedURL as error:  # a link off the configured sites: never fetched, a person looks at it
        run.report.degrade(source.value, f"{url} not fetched: {error.reason}")
        return [failed_notice(source, urlsplit(url).path or url, url, b"", error)]
    except FetchError as error:
        run.report.degrade(source.value, f"{url} not fetched: {error.reason}")
        return []


def fetch_release(run, url: str) -> Notice:
    """Fetch and parse one release by public URL, with the parser of the source registered for its host."""
    from flows import registry

    entry = registry.announce_entry(urlsplit(url).hostname or "")
    parse = entry.parser() if entry else None
    if parse is None:
        raise FetchError(url, "not a State or Treasury press release, nor an OFAC Recent Actions page")
    return parse_release(Source(entry.document_source), url, fetch_page(run, url), parse)
