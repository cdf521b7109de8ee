"""Honest runs: a run no source answered publishes nothing; unreachable hosts fail fast, once, in one short line."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from flows.cli import main
from flows.http import HostDown, HttpClient
from flows.pipeline import run_nightly
from flows.report import RunReport
from storage.raw import RawArchive
from tests.conftest import UNREACHABLE, mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.mirror.fr_api import FRMirror

ALL_SOURCES = "federal_register,public_inspection,state,treasury,ofac_recent_actions,ofac_lists,state_fto_page"
NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)


def test_a_run_no_source_answered_publishes_nothing_and_exits_1(data_dir, capsys, monkeypatch):
    for name, value in {"DESIGNATIONS_DATA_DIR": str(data_dir), "DESIGNATIONS_FR_API": UNREACHABLE + "/api/v1",
                        "DESIGNATIONS_STATE_BASE": UNREACHABLE, "DESIGNATIONS_TREASURY_BASE": UNREACHABLE,
                        "DESIGNATIONS_OFAC_BASE": UNREACHABLE, "DESIGNATIONS_OFAC_LIST_BASE": UNREACHABLE}.items():
        monkeypatch.setenv(name, value)
    started = time.monotonic()
    assert main(["run"]) == 1
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"run: polling {name}" for name in ALL_SOURCES.split(",")] + [
        "designations: no source answered, nothing published (127.0.0.1:9: connection refused, 1 attempt)"]
    assert "no source answered: nothing published" in out
    assert not (data_dir / "versions" / "LATEST").exists() and not list((data_dir / "versions").glob("v*"))
    assert elapsed < 5, elapsed  # defaults: 4 retries with 2 s backoff would take minutes


def test_a_refused_connection_is_not_retried_and_the_host_is_skipped_after(data_dir):
    client = HttpClient(mirror_settings(data_dir, http_backoff=5.0), RawArchive(data_dir))
    started = time.monotonic()
    with pytest.raises(HostDown) as first:
        client.get(UNREACHABLE + "/api/v1/documents.json", params=[("q", "x" * 1500)])
    with pytest.raises(HostDown) as second:
        client.get(UNREACHABLE + "/api/v1/public-inspection-documents/current.json")
    assert time.monotonic() - started < 2
    assert str(first.value) == "127.0.0.1:9: connection refused, 1 attempt"
    assert str(second.value) == "127.0.0.1:9: not tried: host down earlier in this run (connection refused, 1 attempt)"
    assert client.sent.counts == {"fr_api": 1} and client.answered == 0


def test_dead_sites_beside_a_live_federal_register_cost_little_and_read_in_one_line_each(data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr:
        settings = mirror_settings(data_dir, fr=fr, sources=ALL_SOURCES, http_backoff=5.0, first_run_days=100000)
        started = time.monotonic()
        report = run_nightly(settings, now=NOW)
        elapsed = time.monotonic() - started
    assert report.published.name == "v000001" and not report.unanswered
    assert report.degraded == ["state", "treasury", "ofac_recent_actions", "ofac_lists", "state_fto_page"]
    reasons = [r for name in report.degraded for r in report.sources[name].reasons]
    assert all(len(r) < 120 and "127.0.0.1:9" in r for r in reasons), reasons
    assert report.sources["state"].reasons == [  # the listing, then its RSS fallback
        "127.0.0.1:9: connection refused, 1 attempt",
        "127.0.0.1:9: not tried: host down earlier in this run (connection refused, 1 attempt)"]
    assert report.sources["treasury"].reasons == [
        "127.0.0.1:9: not tried: host down earlier in this run (connection refused, 1 attempt)"]
    assert elapsed < 5, elapsed


def test_a_degraded_run_says_so_in_the_artifact_and_empty_sections_say_none():
    report = RunReport(mode="nightly", started_at=NOW)
    report.source("federal_register")
    report.degrade("state", "www.state.gov: connection refused, 1 attempt")
    report.degrade("state", "www.state.gov: connection refused, 1 attempt")
    markdown = report.markdown()
    assert "**Degraded**: state did not answer in full." in markdown
    assert "- **state**: degraded\n  - www.state.gov: connection refused, 1 attempt\n\n" in markdown
    for section in ("Events from this run", "Needs review", "Announced, still no Federal Register notice",
                    "Cross-checks (reported, not applied)"):
        assert f"## {section}\n\nnone\n" in markdown


def test_failures_are_classified_unknown_names_as_unreachable_resets_as_transient():
    import requests
    from urllib3.exceptions import MaxRetryError, NameResolutionError, ProtocolError

    from flows.http import describe_failure, unreachable

    unknown = requests.ConnectionError(MaxRetryError(None, "/x", NameResolutionError("no-such-host.invalid", None,
                                                                                     OSError("no address"))))
    reset = requests.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset by peer")))
    assert (unreachable(unknown), describe_failure(unknown)) == (True, "name does not resolve")
    assert (unreachable(reset), describe_failure(reset)) == (False, "connection reset")
