"""What to fetch from Treasury: press releases announcing OFAC's SDGT designations and removals."""
from __future__ import annotations

from flows.sites import poll_listing
from parsers.model import Notice, Source
from parsers.treasury import parse_treasury_listing, parse_treasury_release

LISTING_PAGES = 3


def listing_urls() -> list[str]:
    """The press-release listing, newest page first (Drupal pages count from 0)."""
    base = "https://home.treasury.gov/news/press-releases"
    return [base] + [f"{base}?page={n}" for n in range(1, LISTING_PAGES)]


def poll_treasury(run) -> list[Notice]:
    """New Treasury press releases about SDGT designations or removals."""
    return poll_listing(run, Source.TREASURY, listing_urls(), parse_treasury_listing, parse_treasury_release)
