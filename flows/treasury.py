"""What to fetch from Treasury: press releases announcing OFAC's SDGT designations and removals."""
from __future__ import annotations

from flows.poll import Ask, Found
from flows.registry import RECENT_ACTIONS_LINKS
from flows.sites import poll_listing
from parsers.model import Notice, Source
from parsers.treasury import parse_treasury_listing, read_treasury_release

LISTING_PAGES = 3


def listing_urls() -> list[str]:
    """The press-release listing, newest page first (Drupal pages count from 0)."""
    base = "https://home.treasury.gov/news/press-releases"
    return [base] + [f"{base}?page={n}" for n in range(1, LISTING_PAGES)]


def poll(run, ask: Ask) -> Found:
    """The registry's poller: new releases, and the OFAC Recent Actions pages they link to."""
    notices, links = poll_treasury_with_links(run)
    return Found(tuple(notices), offers={RECENT_ACTIONS_LINKS: links})


def poll_treasury_with_links(run) -> tuple[list[Notice], tuple[str, ...]]:
    """New Treasury press releases, and every Recent Actions URL they link to, in order."""
    links: dict[str, None] = {}

    def parse(url: str, html: bytes) -> Notice:
        notice, linked = read_treasury_release(url, html)
        links.update(dict.fromkeys(linked))
        return notice

    notices = poll_listing(run, Source.TREASURY, listing_urls(), parse_treasury_listing, parse)
    return notices, tuple(links)
