"""The source registry: every entry resolves, settings and hosts come from it, polls are values in a safe order."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from flows import registry
from flows.config import Settings
from flows.pipeline import Run, poll_all, poll_source, run_nightly
from flows.registry import RECENT_ACTIONS_LINKS, Poller
from tests.conftest import FIXTURES, REPO, mirror_settings
from tests.flows.site_pages import SB0207, fixture, treasury_listing
from tests.mirror.sites import SiteMirror

NOW = datetime(2025, 7, 26, 12, tzinfo=timezone.utc)
LINKED = "/recent-actions/20250725"


def test_every_entry_names_a_poller_a_parser_and_a_base_that_exist():
    fields = {f.name for f in dataclasses.fields(Settings)} | {"fr_site"}
    for entry in registry.ENTRIES.values():
        assert callable(entry.poller()), entry.name
        assert entry.release_parser is None or callable(entry.parser()), entry.name
        assert entry.base_setting in fields, entry.name
    assert list(registry.ENTRIES) == [p.value for p in Poller]


def test_settings_hosts_bases_and_default_sources_come_from_the_registry():
    settings = Settings(state_base="http://127.0.0.1:8001", ofac_list_base="http://127.0.0.1:8002")
    assert settings.enabled_sources == ["federal_register", "public_inspection", "state", "treasury",
                                        "ofac_recent_actions", "ofac_lists", "state_fto_page"]
    assert settings.bases() == ["https://www.federalregister.gov", "http://127.0.0.1:8001", "https://home.treasury.gov",
                                "https://ofac.treasury.gov", "http://127.0.0.1:8002"]
    assert settings.public_hosts() == {
        "www.federalregister.gov": "https://www.federalregister.gov", "federalregister.gov": "https://www.federalregister.gov",
        "www.state.gov": "http://127.0.0.1:8001", "state.gov": "http://127.0.0.1:8001",
        "home.treasury.gov": "https://home.treasury.gov", "ofac.treasury.gov": "https://ofac.treasury.gov",
        "sanctionslistservice.ofac.treas.gov": "http://127.0.0.1:8002"}
    assert f"| `DESIGNATIONS_SOURCES` | `{registry.default_sources()}` |" in (REPO / "README.md").read_text()


def test_what_announce_and_parse_file_accept_is_read_off_the_entries():
    assert registry.announce_hosts() == ["www.federalregister.gov", "www.state.gov", "home.treasury.gov",
                                         "ofac.treasury.gov"]
    assert registry.announce_entry("sanctionslistservice.ofac.treas.gov") is None
    assert registry.announce_entry("state.gov").name == "state"
    assert [(hosts[0], marker) for hosts, marker, _ in registry.html_readers()] == [
        ("www.state.gov", "featured-content__headline"), ("home.treasury.gov", "uswds-page-title"),
        ("ofac.treasury.gov", "node-type-ofac-recent-action")]


def test_a_source_is_polled_after_the_sources_offering_what_it_needs():
    assert registry.poll_order(["ofac_recent_actions", "federal_register", "treasury"]) == [
        "federal_register", "treasury", "ofac_recent_actions"]
    assert registry.poll_order(["state", "ofac_recent_actions"]) == ["state", "ofac_recent_actions"]
    assert registry.entry("ofac_recent_actions").needs == (RECENT_ACTIONS_LINKS,)


def treasury_and_ofac(treasury: SiteMirror, ofac: SiteMirror) -> None:
    treasury.add("/news/press-releases", treasury_listing(SB0207))
    treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
    ofac.add_file("/recent-actions", FIXTURES / "ofac_recent_actions" / "recent_actions_index.html")
    ofac.add_file(LINKED, FIXTURES / "ofac_recent_actions" / "counter_terrorism_designations.html")


def test_the_configured_order_does_not_change_what_a_run_finds(tmp_path):
    found = {}
    for order in ("treasury,ofac_recent_actions", "ofac_recent_actions,treasury"):
        with SiteMirror() as treasury, SiteMirror() as ofac:
            treasury_and_ofac(treasury, ofac)
            settings = mirror_settings(tmp_path / order, treasury=treasury, ofac=ofac, sources=order)
            report = run_nightly(settings, now=NOW)
            found[order] = (sorted(n.document.document_id for n in report.notices), ofac.requests.count(LINKED))
    assert found["treasury,ofac_recent_actions"] == found["ofac_recent_actions,treasury"] == (
        ["recent-actions/20250725", "sb0207"], 1)


def test_a_poll_returns_values_and_writes_nothing_to_the_run_so_a_retry_is_safe(data_dir):
    with SiteMirror() as treasury, SiteMirror() as ofac:
        treasury_and_ofac(treasury, ofac)
        run = Run(mirror_settings(data_dir, treasury=treasury, ofac=ofac, sources="treasury"), NOW)
        first = poll_source(run, Poller.TREASURY)
        retried = poll_source(run, Poller.TREASURY)  # what a Prefect task retry does
        assert run.report.sources == {} and run.report.notices == []
        assert first.found == retried.found and first.report.sources == retried.report.sources
        assert first.found.offers == {RECENT_ACTIONS_LINKS: ("https://ofac.treasury.gov/recent-actions/20250725",)}
        [poll] = poll_all(run)  # the merge into the run's report happens once, after the poll
    assert run.report.sources["treasury"].documents == 1 == poll.report.sources["treasury"].documents
