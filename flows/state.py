"""What to fetch from the State Department: press releases, and the FTO page for reconciliation."""
from __future__ import annotations

from flows.http import FetchError
from flows.poll import Ask, Found
from flows.reconcile import FtoPageCheck
from flows.registry import Poller
from flows.sites import fetch_page, poll_listing
from parsers.model import Notice, ParseError, Source
from parsers.state import parse_state_listing, parse_state_release, parse_state_rss
from parsers.state_fto_page import FtoPage, parse_fto_page

LISTING_PAGES = 3
RSS_FEED = "https://www.state.gov/rss-feed/press-releases/feed/"


def listing_urls() -> list[str]:
    """The press-release listing, newest page first."""
    base = "https://www.state.gov/press-releases/"
    return [base] + [f"{base}page/{n}/" for n in range(2, LISTING_PAGES + 1)]


def poll(run, ask: Ask) -> Found:
    """The registry's poller for State's press releases."""
    return Found(tuple(poll_state(run)))


def poll_fto_page(run, ask: Ask) -> Found:
    """The registry's poller for State's FTO page: no notices, a check of the derived FTO list."""
    page = fetch_fto_page(run)
    return Found(checks=(FtoPageCheck(page),) if page is not None else ())


def poll_state(run) -> list[Notice]:
    """New State press releases that designate, amend or revoke FTOs/SDGTs; the RSS feed if the listing fails."""
    notices = poll_listing(run, Source.STATE, listing_urls(), parse_state_listing, parse_state_release)
    if Poller.STATE in run.report.degraded and not notices:
        notices = poll_listing(run, Source.STATE, [RSS_FEED], parse_state_rss, parse_state_release)
    return notices


def fetch_fto_page(run) -> FtoPage | None:
    """State's table of FTOs; None (and the source degraded) if it cannot be read or changed shape."""
    try:
        return parse_fto_page(fetch_page(run, "https://www.state.gov/foreign-terrorist-organizations/").body)
    except (FetchError, ParseError) as error:
        run.report.degrade(Poller.STATE_FTO_PAGE, str(error))
        return None
