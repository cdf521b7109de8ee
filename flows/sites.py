"""What to fetch from the State Department and Treasury sites: release pages, with bot-block detection."""
from __future__ import annotations

from urllib.parse import urlsplit

from flows.http import FetchError
from parsers.dispatch import failed_notice
from parsers.model import Notice, ParseError, Source

SITE_SOURCES = {"www.state.gov": Source.STATE, "state.gov": Source.STATE, "home.treasury.gov": Source.TREASURY}


class BlockedError(FetchError):
    """The site answered with its bot protection instead of the page."""


def fetch_release(run, url: str) -> Notice:
    """Fetch and parse one State or Treasury press release by its public URL."""
    from parsers.press import detect_bot_block
    from parsers.state import parse_state_release
    from parsers.treasury import parse_treasury_release

    source = SITE_SOURCES.get(urlsplit(url).hostname or "")
    if source is None:
        raise FetchError(url, "not a State Department or Treasury press-release URL")
    try:
        fetched = run.client.get(url, bucket="site")
    except FetchError as error:
        if error.status == 403:
            raise BlockedError(url, "403 from the site's bot protection", 403) from None
        raise
    blocked = detect_bot_block(fetched.status, fetched.body)
    if blocked:
        raise BlockedError(url, blocked, fetched.status)
    parse = parse_state_release if source is Source.STATE else parse_treasury_release
    try:
        return parse(url, fetched.body)
    except ParseError as error:
        return failed_notice(source, urlsplit(url).path, url, fetched.body, error)
