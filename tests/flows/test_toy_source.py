"""A source added in this file alone — a registry entry, its poller, its parser — runs end to end.

The toy is a bulletin board on a host of its own, served from Treasury's configured base (as a mirror or proxy
would), whose pages each designate one SDGT: `run` polls it, `announce --url` and `parse FILE` read its pages,
`reparse` reads them again from the archive, and requests to its host are rebased and allowed.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import pytest

from flows import registry
from flows.cli import main
from flows.pipeline import run_announcement, run_nightly, run_reparse
from flows.poll import Ask, Found
from flows.sites import fetch_page, parse_release
from parsers.model import Action, DocumentRef, Event, Notice, ParseError, Program, Source
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.mirror.sites import SiteMirror

TOY_HOST = "bulletins.treasury.example"
TOY_SITE = f"https://{TOY_HOST}"
NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
_BULLETIN = re.compile(rb'<article class="toy-bulletin" data-day="(\d{4}-\d{2}-\d{2})"><h1>([^<]+)</h1>')


def bulletin(day: str, name: str) -> bytes:
    return f'<html><body><article class="toy-bulletin" data-day="{day}"><h1>{name}</h1></article></body></html>'.encode()


# ---- parsers/toy.py: what a page means (pure)

def parse_bulletin(url: str, html: bytes) -> Notice:
    """One bulletin: the SDGT it designates, effective on its day."""
    match = _BULLETIN.search(html)
    if match is None:
        raise ParseError(url, "not a toy bulletin")
    day = date.fromisoformat(match.group(1).decode())
    document = DocumentRef(Source.TREASURY, urlsplit(url).path, TOY_SITE + urlsplit(url).path,
                           hashlib.sha256(html).hexdigest(), title="Toy bulletin", published_on=day)
    event = Event(Program.SDGT, Action.DESIGNATION, match.group(2).decode(), document, effective_on=day)
    return Notice(document, "sdgt_designation", (event,))


# ---- flows/toy.py: what to fetch

def poll_bulletins(run, ask: Ask) -> Found:
    """Every bulletin on the index page not yet in the ledger."""
    known = run.snapshot.parsed_urls(Source.TREASURY)
    index = fetch_page(run, f"{TOY_SITE}/bulletins/").body.decode()
    urls = [TOY_SITE + path for path in re.findall(r'href="(/bulletins/[^"]+)"', index)]
    notices = tuple(parse_release(Source.TREASURY, url, fetch_page(run, url), parse_bulletin)
                    for url in urls if url not in known)
    run.report.source("toy").documents += len(notices)
    return Found(notices)


# ---- flows/registry.py: its entry

TOY = registry.SourceEntry("toy", f"{__name__}:poll_bulletins", "treasury_base", (TOY_HOST,), "treasury",
                           release_parser=f"{__name__}:parse_bulletin", announce_url=True, file_marker="toy-bulletin",
                           default=False)


@pytest.fixture
def toy():
    registry.register(TOY)
    with SiteMirror() as site:
        site.add("/bulletins/", '<a href="/bulletins/2025-11-20">one</a>')
        site.add("/bulletins/2025-11-20", bulletin("2025-11-20", "Toy Front"))
        site.add("/bulletins/2025-11-21", bulletin("2025-11-21", "Toy Brigade"))
        yield site
    registry.unregister("toy")


def test_a_toy_source_in_the_registry_runs_end_to_end(toy, data_dir, tmp_path, capsys):
    settings = mirror_settings(data_dir, treasury=toy, sources="toy")
    assert settings.public_hosts()[TOY_HOST] == toy.base_url and toy.base_url in settings.bases()
    report = run_nightly(settings, now=NOW)
    assert (report.published.name, report.degraded, report.sources["toy"].documents) == ("v000001", [], 1)
    again = run_announcement(settings, url=f"{TOY_SITE}/bulletins/2025-11-21", now=NOW)
    assert again.published.name == "v000002"
    rows = VersionStore(data_dir).read_table("v000002", "designations").to_pylist()
    assert sorted((r["name"], r["designated_on"], r["source_documents"][0]) for r in rows) == [
        ("Toy Brigade", date(2025, 11, 21), f"{TOY_SITE}/bulletins/2025-11-21"),
        ("Toy Front", date(2025, 11, 20), f"{TOY_SITE}/bulletins/2025-11-20")]
    assert [r.path for r in toy.requests] == ["/bulletins/", "/bulletins/2025-11-20", "/bulletins/2025-11-21"]

    reread = run_reparse(mirror_settings(data_dir, sources="toy", http_retries=0), now=NOW)  # no network
    assert (reread.published, reread.refused, reread.kept_as_filed, reread.events_added) == (None, None, [], 0)

    page = tmp_path / "bulletin.html"
    page.write_bytes(bulletin("2025-11-22", "Toy Cell"))
    capsys.readouterr()
    assert main(["parse", str(page), "--format", "jsonl"]) == 0
    assert '"name": "Toy Cell"' in capsys.readouterr().out


def test_settings_know_a_registered_source_and_refuse_an_unknown_one(toy, data_dir):
    assert mirror_settings(data_dir, sources="toy,federal_register").enabled_sources == ["toy", "federal_register"]
    registry.unregister("toy")
    with pytest.raises(ValueError, match="DESIGNATIONS_SOURCES: unknown toy"):
        mirror_settings(data_dir, sources="toy")
