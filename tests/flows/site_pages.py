"""Listing pages in the real markup of state.gov and home.treasury.gov, for mirrors serving chosen releases."""
from __future__ import annotations

from datetime import date

from tests.conftest import FIXTURES


def state_listing(*items: tuple[str, str, date]) -> str:
    """State's WordPress listing (li.collection-result) of (url, title, date) items."""
    rows = "".join(
        f'<li class="collection-result"><p class="collection-result__date">Press Statement</p>'
        f'<a href="{url}" class="collection-result__link">{title}</a><div class="collection-result-meta">'
        f'<span dir="ltr">Marco Rubio, Secretary of State</span><span dir="ltr">{day:%B} {day.day}, {day.year}</span>'
        f'</div></li>' for url, title, day in items)
    return f'<html><body><ul class="collection-results">{rows}</ul></body></html>'


def treasury_listing(*items: tuple[str, str, date]) -> str:
    """Treasury's Drupal listing (div.mm-news-row) of (path, title, date) items."""
    rows = "".join(
        f'<div class="mm-news-row"><time datetime="{day.isoformat()}T12:00:00Z">{day:%B} {day.day}, {day.year}</time>'
        f'<div class="news-title"><a href="{path}" hreflang="en">{title}</a></div></div>' for path, title, day in items)
    return f'<html><body><div class="view-content">{rows}</div></body></html>'


def fixture(site: str, name: str) -> bytes:
    """A release fixture's bytes."""
    return (FIXTURES / site / name).read_bytes()


CARTEL_RELEASE = ("https://www.state.gov/releases/office-of-the-spokesperson/2025/11/terrorist-designation-of-cartel-de-los-soles/",
                  "Terrorist Designation of Cartel de los Soles", date(2025, 11, 16))
SB0207 = ("/news/press-releases/sb0207", "Treasury Sanctions Venezuelan Cartel Headed by Maduro", date(2025, 7, 25))
