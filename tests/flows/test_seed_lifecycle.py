"""The seed case end to end through mirrors of all three sites: SDGT in July, FTO pending Nov 16, in force Nov 24."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from flows.cli import main
from flows.pipeline import run_nightly
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, cartel_on_public_inspection
from tests.flows.site_pages import CARTEL_RELEASE, SB0207, fixture, state_listing, treasury_listing
from tests.mirror.fr_api import FRMirror
from tests.mirror.sites import SiteMirror

STATE_URL = CARTEL_RELEASE[0]


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T18:00:00+00:00")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """Four nightly runs: July 26, November 17, November 21 (public inspection), November 24 (published)."""
    data_dir = tmp_path_factory.mktemp("seed") / "data"
    reports = {}
    with FRMirror() as fr, SiteMirror() as state, SiteMirror() as treasury:
        settings = mirror_settings(data_dir, fr=fr, state=state, treasury=treasury, sources=(
            "federal_register,public_inspection,state,treasury"))
        state.add("/press-releases/", state_listing())
        treasury.add("/news/press-releases", treasury_listing(SB0207))
        treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
        reports["jul26"] = run_nightly(settings, since=date(2025, 7, 1), now=at("2025-07-26"))

        state.add("/press-releases/", state_listing(CARTEL_RELEASE))
        state.add("/press-releases/page/2/", state_listing())  # a first visit walks back until it finds nothing new
        state.add(STATE_URL.removeprefix("https://www.state.gov"), fixture("state", "fto_announced_with_effective_date.html"))
        reports["nov17"] = run_nightly(settings, now=at("2025-11-17"))

        fr.public_inspection = [cartel_on_public_inspection()]
        reports["nov21"] = run_nightly(settings, now=at("2025-11-21"))

        fr.public_inspection = []
        fr.add(cartel_de_los_soles())
        reports["nov24"] = run_nightly(settings, now=at("2025-11-24"))
    return data_dir, reports


def rows_at(data_dir, version: str) -> dict[str, dict]:
    store = VersionStore(data_dir)
    return {r["program"]: r for r in store.read_table(version, "designations").to_pylist()}


def test_every_run_is_clean(seeded):
    _, reports = seeded
    assert {k: r.degraded for k, r in reports.items()} == {k: [] for k in reports}
    assert [r.published.name if r.published else None for r in reports.values()] == [
        "v000001", "v000002", "v000003", "v000004"]


def test_sdgt_from_july(seeded):
    data_dir, _ = seeded
    sdgt = rows_at(data_dir, "v000001")["SDGT"]
    assert (sdgt["name"], sdgt["status"], sdgt["designated_on"]) == ("Cartel de los Soles", "active", date(2025, 7, 25))
    assert sdgt["source_documents"] == ["https://home.treasury.gov/news/press-releases/sb0207"]


def test_fto_pending_from_the_announcement(seeded):
    data_dir, _ = seeded
    fto = rows_at(data_dir, "v000002")["FTO"]
    assert (fto["status"], fto["announced_on"], fto["scheduled_on"], fto["designated_on"]) == (
        "pending", date(2025, 11, 16), date(2025, 11, 24), None)
    assert fto["source_documents"] == [STATE_URL]
    on_inspection = rows_at(data_dir, "v000003")["FTO"]
    assert (on_inspection["status"], on_inspection["announced_on"]) == ("pending", date(2025, 11, 16))
    assert on_inspection["source_documents"] == [STATE_URL, "2025-20750"]


def test_fto_in_force_on_publication(seeded):
    data_dir, _ = seeded
    rows = rows_at(data_dir, "v000004")
    fto = rows["FTO"]
    assert (fto["status"], fto["announced_on"], fto["designated_on"]) == ("active", date(2025, 11, 16), date(2025, 11, 24))
    assert fto["aliases"] == ["Cartel of the Suns"]
    assert fto["citations"] == ["90 FR 53045"]
    assert fto["source_documents"] == [STATE_URL, "2025-20750"]
    assert rows["SDGT"]["status"] == "active"


def show(capsys, data_dir, as_of: str) -> dict[str, dict]:
    assert main(["--data-dir", str(data_dir), "show", "--as-of", as_of, "--format", "jsonl"]) == 0
    return {r["program"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}


def test_show_as_of_nov_20_and_nov_25(capsys, seeded):
    data_dir, _ = seeded
    nov20 = show(capsys, data_dir, "2025-11-20")
    assert (nov20["FTO"]["status"], nov20["FTO"]["announced_on"]) == ("pending", "2025-11-16")
    assert (nov20["SDGT"]["status"], nov20["SDGT"]["designated_on"]) == ("active", "2025-07-25")
    nov25 = show(capsys, data_dir, "2025-11-25")
    assert (nov25["FTO"]["status"], nov25["FTO"]["designated_on"], nov25["FTO"]["announced_on"]) == (
        "active", "2025-11-24", "2025-11-16")
    assert nov25["FTO"]["citations"] == ["90 FR 53045"]
    assert "Cartel of the Suns" in nov25["FTO"]["aliases"]


def test_history_of_cartel_de_los_soles(capsys, seeded):
    data_dir, _ = seeded
    assert main(["--data-dir", str(data_dir), "history", "Cartel de los Soles", "--format", "jsonl"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(e["program"], e["action"], e["source"], e["document_id"], e["citation"]) for e in events] == [
        ("SDGT", "designation", "treasury", "sb0207", None),
        ("FTO", "announcement", "state", "/releases/office-of-the-spokesperson/2025/11/terrorist-designation-of-cartel-de-los-soles/", None),
        ("FTO", "designation", "federal_register", "2025-20750", None),  # on public inspection, known Nov 21
        ("FTO", "designation", "federal_register", "2025-20750", "90 FR 53045"),
    ]
    assert all(len(e["raw_sha256"]) == 64 for e in events)


def test_both_sites_blocked_still_publishes_the_federal_register(data_dir, capsys, monkeypatch):
    with FRMirror([cartel_de_los_soles()]) as fr, SiteMirror(require_user_agent="^never$") as state, \
            SiteMirror(require_user_agent="^never$") as treasury:
        settings = mirror_settings(data_dir, fr=fr, state=state, treasury=treasury)
        for name, value in {"DESIGNATIONS_DATA_DIR": str(data_dir), "DESIGNATIONS_FR_API": fr.api_base,
                            "DESIGNATIONS_STATE_BASE": state.base_url, "DESIGNATIONS_TREASURY_BASE": treasury.base_url,
                            "DESIGNATIONS_FR_API_RPS": "1000", "DESIGNATIONS_FR_FULLTEXT_RPS": "1000",
                            "DESIGNATIONS_SITE_RPS": "1000", "DESIGNATIONS_HTTP_BACKOFF": "0.01",
                            "DESIGNATIONS_SOURCES": settings.sources}.items():
            monkeypatch.setenv(name, value)
        assert main(["run", "--since", "2025-11-01"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines()[-1] == "designations: degraded sources: state, state_fto_page, treasury"
    assert ("  source state: degraded\n    www.state.gov: 403 from the site's bot protection\n"
            "  source state_fto_page: degraded\n") in out  # the RSS fallback's same reason is not repeated
    store = VersionStore(data_dir)
    assert [r["name"] for r in store.read_table(store.latest_name(), "designations").to_pylist()] == ["Cartel de los Soles"]
