"""The network edge in small: the URL policy, links between sites, the request deadline, export, settings."""
from __future__ import annotations

import os
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from flows.cli import main
from flows.config import Settings
from flows.http import FetchError, HttpClient, RefusedURL
from flows.pipeline import run_announcement, run_nightly
from flows.url_policy import refusal
from storage.raw import RawArchive
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.flows.site_pages import CARTEL_RELEASE, fixture, state_listing
from tests.mirror.fr_api import FRMirror
from tests.mirror.hostile import Canary, StreamingServer
from tests.mirror.sites import SiteMirror

BASES = ["https://www.federalregister.gov", "http://127.0.0.1:8081", "https://www.state.gov"]


@pytest.mark.parametrize("url,reason", [
    ("http://127.0.0.1:8081/a", None),
    ("https://www.federalregister.gov/documents/x.xml", None),
    ("https://www.federalregister.gov:443/x", None),
    ("http://www.federalregister.gov/x", "http://www.federalregister.gov:80 is not a configured base"),
    ("http://127.0.0.1:8082/a", "http://127.0.0.1:8082 is not a configured base (an IP address)"),
    ("http://u@127.0.0.1:8081/a", "user information in the URL"),
    ("file:///etc/passwd", "scheme 'file': only http and https are fetched"),
    ("https://www.federalregister.gov./x", "https://www.federalregister.gov.:443 is not a configured base"),
    ("http://[::1]:8081/a", "http://::1:8081 is not a configured base (an IP address)"),
    ("http://127.0.0.1:8081\\@evil/a", "spaces, control characters or backslashes in the URL"),
    ("http://127.0.0.1:80x81/a", "Port could not be cast to integer value as '80x81'"),
])
def test_the_url_policy_matches_scheme_host_and_port_exactly(url, reason):
    assert refusal(url, BASES) == reason


@pytest.fixture
def canary():
    with Canary() as server:
        yield server


def test_links_between_sites_never_reach_another_host(canary, data_dir):
    off_site = canary.base_url + "/releases/terrorist-designation/"
    decoy = "https://www.state.gov/releases/terrorist-designation-of-a-decoy/"
    with FRMirror() as fr, SiteMirror() as state:
        state.add("/press-releases/", state_listing(
            (off_site, "Terrorist Designation of a Decoy Front", date(2025, 11, 21)),
            (decoy, "Terrorist Designation of a Decoy", date(2025, 11, 20)), CARTEL_RELEASE))
        state.add("/press-releases/page/2/", state_listing())
        state.redirect("/releases/terrorist-designation-of-a-decoy/", canary.base_url + "/x")
        state.add(CARTEL_RELEASE[0].removeprefix("https://www.state.gov"),
                  fixture("state", "fto_announced_with_effective_date.html"))
        settings = mirror_settings(data_dir, fr=fr, state=state, sources="state")
        report = run_nightly(settings, now=datetime(2025, 11, 25, 12, tzinfo=timezone.utc))
        pinned = state.requests.count("/releases/terrorist-designation/")
    assert canary.requests.count() == 0
    assert pinned == 1  # the listing's off-site link is read as a state.gov path (and is not there)
    assert [item["url"] for item in report.review] == [decoy]
    assert "refusing redirect to " + canary.base_url + "/x" in report.review[0]["reason"]
    assert [e.name for n in report.notices for e in n.events] == ["Cartel de los Soles"]


@pytest.mark.parametrize("url", [
    "https://www.federalregister.gov@127.0.0.1/d/2025-20750", "https://www.federalregister.gov./d/2025-20750",
    "https://www.federalregister.gov:8443/d/2025-20750", "https://www.federalregister.gov.evil.example/d/2025-20750",
])
def test_announce_url_refuses_look_alikes_and_says_what_it_accepts(capsys, data_dir, url):
    assert main(["--data-dir", str(data_dir), "announce", "--url", url]) == 1
    err = capsys.readouterr().err
    assert f"refusing {url!r}: only http and https URLs of www.federalregister.gov" in err
    assert len(err.strip().splitlines()) == 1


def test_announce_url_over_plain_http_is_accepted(data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr:
        report = run_announcement(mirror_settings(data_dir, fr=fr), url="http://www.federalregister.gov/d/2025-20750",
                                  now=datetime(2025, 11, 25, 12, tzinfo=timezone.utc))
    assert [e.name for n in report.notices for e in n.events] == ["Cartel de los Soles"]


def test_a_trickling_server_costs_at_most_the_deadline(data_dir):
    with StreamingServer() as slow:
        slow.trickle("/slow.xml", every=0.2)
        settings = mirror_settings(data_dir, state=slow, http_timeout=1.0, http_deadline=1.5, http_retries=3)
        client = HttpClient(settings, RawArchive(data_dir))
        started = time.monotonic()
        with pytest.raises(FetchError, match="deadline passed after"):
            client.get(slow.base_url + "/slow.xml", bucket="site")
        elapsed = time.monotonic() - started
    assert 1.4 < elapsed < 2.0  # one attempt: a deadline is not retried
    assert slow.requests.count() == 1


def test_a_refused_url_is_logged_and_never_requested(canary, data_dir):
    client = HttpClient(mirror_settings(data_dir), RawArchive(data_dir))
    with pytest.raises(RefusedURL):
        client.get(canary.base_url + "/x", bucket="site")
    [record] = RawArchive(data_dir).read_log()
    assert record["status"] is None and record["error"].startswith("refused: ")
    assert canary.requests.count() == 0


def test_an_altered_archive_is_refetched_on_a_304_and_reported(data_dir):
    with SiteMirror() as site:
        site.add("/page/", "<html>real</html>")
        client = HttpClient(mirror_settings(data_dir, state=site), RawArchive(data_dir))
        first = client.get(site.base_url + "/page/", bucket="site", conditional=True)
        client.archive.object_path(first.sha256).write_bytes(b"<html>a fake FTO</html>")
        again = client.get(site.base_url + "/page/", bucket="site", conditional=True)
    assert (again.status, again.body, again.sha256) == (200, b"<html>real</html>", first.sha256)
    assert client.archive.read_verified(first.sha256) == b"<html>real</html>"
    assert any("failed its sha256 check: fetched again" in w for w in client.warnings)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-2"])
def test_a_rate_that_is_not_a_positive_number_is_one_line(capsys, data_dir, monkeypatch, value):
    monkeypatch.setenv("DESIGNATIONS_FR_API_RPS", value)
    assert main(["--data-dir", str(data_dir), "run"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"designations: DESIGNATIONS_FR_API_RPS={value!r}: must be a positive finite number"


def test_body_ceilings_and_deadline_come_from_the_environment():
    settings = Settings.from_env({"DESIGNATIONS_MAX_BODY_MB": "8", "DESIGNATIONS_MAX_BODY_MB_SITE": "2",
                                  "DESIGNATIONS_HTTP_DEADLINE": "20"})
    assert (settings.body_ceiling("site"), settings.body_ceiling("fr_api"), settings.http_deadline) == (
        2 * 2**20, 8 * 2**20, 20.0)
    assert Settings().body_ceiling("fr_fulltext") == 64 * 2**20 and Settings().http_deadline == 60.0


@pytest.fixture
def one_version(data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr:
        run_nightly(mirror_settings(data_dir, fr=fr), since=date(2025, 11, 1),
                    now=datetime(2025, 11, 25, 12, tzinfo=timezone.utc))
    return data_dir


def test_export_writes_aside_then_renames(one_version, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old")
    inode = out.stat().st_ino
    assert main(["--data-dir", str(one_version), "export", "--format", "csv", "--out", str(out)]) == 0
    assert "Cartel de los Soles" in out.read_text()
    assert out.stat().st_ino != inode  # a new file renamed over the old one, never written in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.csv"]  # nothing left aside


@pytest.mark.parametrize("target", ["/dev/null", "directory"])
def test_export_refuses_devices_and_directories(one_version, tmp_path, capsys, target):
    out = Path(target) if target.startswith("/") else tmp_path
    assert main(["--data-dir", str(one_version), "export", "--format", "csv", "--out", str(out)]) == 1
    kind = "a device, pipe or socket" if target == "/dev/null" else "a directory"
    assert f"--out {out} is {kind}, not a file: give a file path" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device() and tmp_path.is_dir()


def test_a_gzip_bomb_a_huge_body_and_a_trickle_cost_one_document_each():
    from benchmarks.bench_hostile_bodies import RSS_LIMIT_MB, measure

    # 4 s: inflating the bomb's first 64 MB takes ~1 s of CPU, which must fit in the deadline on a loaded machine
    figures = measure(bomb_gb=1.0, huge_mb=100, trickle=True, deadline=4.0)
    assert figures["names"] == ["Cartel de los Soles"] and figures["published"] == "v000001"
    assert figures["peak_rss_mb"] < RSS_LIMIT_MB, figures
    slow, huge, bomb = figures["degraded"].split("; ")
    assert slow.startswith("2025-20763 not fetched: deadline passed after ") and slow.endswith(" bytes (4 s)")
    assert (huge, bomb) == ("2025-20762 not fetched: body over 64 MB", "2025-20761 not fetched: body over 64 MB")


def test_a_lost_ledger_and_latest_never_shrink_the_list(one_version, capsys, monkeypatch):
    with FRMirror([]) as fr:  # the notice has left the search window: only the ledger remembers it
        settings = mirror_settings(one_version, fr=fr)
        (one_version / "ledger" / "events.parquet").unlink()
        with pytest.raises(Exception, match="holds 0 events but the ledger last held 1"):
            run_nightly(settings, now=datetime(2025, 12, 30, 12, tzinfo=timezone.utc))
        (one_version / "ledger" / "counts.json").unlink()
        (one_version / "versions" / "LATEST").unlink()
        report = run_nightly(settings, now=datetime(2025, 12, 30, 12, tzinfo=timezone.utc))
    assert report.published is None
    assert report.refused == ("the derived list has 0 designations, fewer than 1 in v000001 "
                              "(gone without a curation: FTO Cartel de los Soles)")
    assert "LATEST was missing, but v000001 is the newest complete version: LATEST repaired" in report.warnings


def test_each_kind_of_response_has_its_ceiling(data_dir):
    settings = mirror_settings(data_dir, ofac_list_base="http://127.0.0.1:8099", max_body_mb_ofac_lists=300.0)
    client = HttpClient(settings, None)
    assert client.kind("http://127.0.0.1:8099/api/sdn.csv", "site") == "ofac_lists"
    assert client.kind(settings.state_base + "/x", "site") == "site"
    assert settings.body_ceiling("ofac_lists") == 300 * 2**20 and settings.body_ceiling("fr_api") == 32 * 2**20


def test_a_server_trickling_its_headers_costs_at_most_the_deadline(data_dir):
    with StreamingServer() as slow:
        slow.trickle_headers("/slow.xml", every=0.2)
        settings = mirror_settings(data_dir, state=slow, http_timeout=1.0, http_deadline=1.5, http_retries=3)
        client = HttpClient(settings, RawArchive(data_dir))
        started = time.monotonic()
        with pytest.raises(FetchError, match="deadline passed"):  # cut mid-headers, whatever http.client makes of it
            client.get(slow.base_url + "/slow.xml", bucket="site")
        elapsed = time.monotonic() - started
    assert 1.4 < elapsed < 2.0 and slow.requests.count() == 1
