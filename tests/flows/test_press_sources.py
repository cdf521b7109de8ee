"""State and Treasury as sources: FTO-page reconciliation, overdue announcements, uncertain matches, announce --url."""
from __future__ import annotations

from datetime import date, datetime

from flows.pipeline import run_announcement, run_nightly
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.flows.site_pages import CARTEL_RELEASE, SB0207, fixture, state_listing, treasury_listing
from tests.mirror.fr_api import FRMirror
from tests.mirror.sites import SiteMirror

STATE_PATH = CARTEL_RELEASE[0].removeprefix("https://www.state.gov")


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T18:00:00+00:00")


def state_site(mirror: SiteMirror, fto_page: str = "fto_page.html") -> None:
    mirror.add("/press-releases/", state_listing(CARTEL_RELEASE))
    mirror.add("/press-releases/page/2/", state_listing())
    mirror.add(STATE_PATH, fixture("state", "fto_announced_with_effective_date.html"))
    mirror.add("/foreign-terrorist-organizations/", fixture("state", fto_page))


def test_fto_page_differences_are_reported_not_applied(data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr, SiteMirror() as state:
        state_site(state)
        report = run_nightly(mirror_settings(data_dir, fr=fr, state=state), since=date(2025, 11, 1), now=at("2025-11-25"))
    assert report.degraded == []
    checks = report.reconciliation
    assert "State lists HAMAS as an FTO since 1997-10-08; our list does not have it" in checks
    assert not any("Cartel de los Soles" in line for line in checks)  # on both lists, same date
    store = VersionStore(data_dir)
    assert [r["name"] for r in store.read_table(store.latest_name(), "designations").to_pylist()] == ["Cartel de los Soles"]


def test_fto_page_with_unknown_columns_fails_that_source_loudly(data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr, SiteMirror() as state:
        state_site(state, fto_page="fto_page_renamed_columns.html")
        report = run_nightly(mirror_settings(data_dir, fr=fr, state=state), since=date(2025, 11, 1), now=at("2025-11-25"))
    assert report.degraded == ["state_fto_page"]
    assert "column" in report.sources["state_fto_page"].detail.lower()
    assert report.published is not None


def test_announcement_without_its_notice_is_flagged_after_the_alert_window(data_dir):
    with FRMirror() as fr, SiteMirror() as state:
        state_site(state)
        settings = mirror_settings(data_dir, fr=fr, state=state, pending_alert_days=14)
        early = run_nightly(settings, since=date(2025, 11, 1), now=at("2025-11-20"))
        late = run_nightly(settings, now=at("2025-12-05"))
    assert early.pending_overdue == []
    assert late.pending_overdue == [{"program": "FTO", "name": "Cartel de los Soles", "announced_on": date(2025, 11, 16)}]
    assert "pending since 2025-11-16 without a Federal Register notice: FTO Cartel de los Soles" in late.summary()


def test_a_close_but_different_name_is_reported_not_merged(data_dir):
    near = cartel_de_los_soles()
    with FRMirror() as fr, SiteMirror() as state:
        state_site(state)
        body = fixture("state", "fto_announced_with_effective_date.html").replace(
            b"Cartel de los Soles", b"Cartel de los Soless").replace(b"Cartel of the Suns", b"Suns Cartel")
        state.add(STATE_PATH, body)
        fr.add(near)
        report = run_nightly(mirror_settings(data_dir, fr=fr, state=state), since=date(2025, 11, 1), now=at("2025-11-25"))
    store = VersionStore(data_dir)
    rows = store.read_table(store.latest_name(), "designations").to_pylist()
    assert sorted(r["name"] for r in rows) == ["Cartel de los Soles", "Cartel de los Soless"]
    assert "FTO 'Cartel de los Soless' (pending) may be 'Cartel de los Soles': not merged, check the names" in report.reconciliation


def test_announce_by_treasury_and_state_urls(data_dir):
    with SiteMirror() as state, SiteMirror() as treasury:
        state_site(state)
        treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
        settings = mirror_settings(data_dir, state=state, treasury=treasury)
        run_announcement(settings, url="https://home.treasury.gov/news/press-releases/sb0207", now=at("2025-07-25"))
        run_announcement(settings, url=CARTEL_RELEASE[0], now=at("2025-11-16"))
    store = VersionStore(data_dir)
    rows = {r["program"]: r for r in store.read_table(store.latest_name(), "designations").to_pylist()}
    assert (rows["SDGT"]["status"], rows["SDGT"]["designated_on"]) == ("active", date(2025, 7, 25))
    assert (rows["FTO"]["status"], rows["FTO"]["announced_on"]) == ("pending", date(2025, 11, 16))


def test_treasury_listing_skips_releases_about_other_things(data_dir):
    with SiteMirror() as treasury:
        treasury.add("/news/press-releases", treasury_listing(
            SB0207, ("/news/press-releases/sb0196", "Treasury International Capital Data for May", date(2025, 7, 17))))
        treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
        treasury.add("/news/press-releases?page=1", treasury_listing(
            ("/news/press-releases/sb0190", "Readout of the Secretary's Meeting", date(2025, 7, 10))))
        report = run_nightly(mirror_settings(data_dir, treasury=treasury, sources="treasury"), now=at("2025-07-26"))
        assert treasury.requests.count("/news/press-releases/sb0196") == 0
        assert treasury.requests.count("/news/press-releases/sb0190") == 0
    assert report.degraded == [], report.sources["treasury"].detail
    assert [n.document.document_id for n in report.notices] == ["sb0207"]


def test_state_rss_feed_when_the_listing_is_blocked(data_dir):
    with SiteMirror() as state:
        state_site(state)
        state.add("/press-releases/", "<html><head><title>Access Denied</title></head></html>", status=403)
        state.add("/rss-feed/press-releases/feed/", fixture("state", "rss_press_releases.xml"),
                  content_type="application/rss+xml")
        report = run_nightly(mirror_settings(data_dir, state=state, sources="state"), now=at("2025-11-17"))
    assert report.degraded == ["state"] and "403" in report.sources["state"].detail
    assert "Cartel de los Soles" in {e.name for n in report.notices for e in n.events}


def test_announce_by_ofac_recent_actions_url(data_dir):
    with SiteMirror() as ofac:
        ofac.add("/recent-actions/20190910", fixture("ofac_recent_actions", "counter_terrorism_designations.html"))
        report = run_announcement(mirror_settings(data_dir, ofac=ofac),
                                  url="https://ofac.treasury.gov/recent-actions/20190910", now=at("2019-09-10"))
    assert report.notices[0].document.document_id == "recent-actions/20190910"
    events = report.notices[0].events
    assert events and {e.program.value for e in events} <= {"SDGT", "FTO"}
    assert {e.effective_on for e in events} == {date(2019, 9, 10)}
    assert report.published.manifest["row_counts"]["designations"] == len({(e.program, e.name) for e in events})
