"""The day of an announcement: one document by FR number or URL, published or still on public inspection."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from flows.announce import AnnounceError
from flows.pipeline import run_announcement
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, cartel_on_public_inspection
from tests.mirror.fr_api import FRMirror

NOV_21 = datetime(2025, 11, 21, 15, tzinfo=timezone.utc)
NOV_24 = datetime(2025, 11, 24, 15, tzinfo=timezone.utc)


def only_row(data_dir) -> dict:
    store = VersionStore(data_dir)
    [row] = store.read_table(store.latest_name(), "designations").to_pylist()
    return row


@pytest.mark.parametrize("how", [
    {"document": "2025-20750"},
    {"url": "https://www.federalregister.gov/documents/2025/11/24/2025-20750/foreign-terrorist-organization-designation-of-cartel-de-los-soles"},
    {"url": "https://www.federalregister.gov/d/2025-20750"},
])
def test_published_document_by_number_or_url(data_dir, how):
    with FRMirror([cartel_de_los_soles()]) as fr:
        report = run_announcement(mirror_settings(data_dir, fr=fr), now=NOV_24, **how)
        assert fr.requests.count("/api/v1/documents/2025-20750.json") == 1
    assert report.published.name == "v000001"
    row = only_row(data_dir)
    assert (row["name"], row["status"], row["citations"]) == ("Cartel de los Soles", "active", ["90 FR 53045"])


def test_document_still_on_public_inspection(data_dir):
    with FRMirror(public_inspection=[cartel_on_public_inspection()]) as fr:
        run_announcement(mirror_settings(data_dir, fr=fr), document="2025-20750", now=NOV_21)
    row = only_row(data_dir)
    assert (row["status"], row["announced_on"].isoformat(), row["scheduled_on"].isoformat()) == (
        "pending", "2025-11-21", "2025-11-24")


def test_unknown_document_is_a_clear_error(data_dir):
    with FRMirror() as fr, pytest.raises(AnnounceError, match="knows no document 2025-99999"):
        run_announcement(mirror_settings(data_dir, fr=fr), document="2025-99999", now=NOV_24)
    assert VersionStore(data_dir).latest_name() is None


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/admin", "https://www.federalregister.gov.evil.example/d/1",
                                 "ftp://www.state.gov/x", "https://user@www.state.gov/x"])
def test_only_source_hosts_are_accepted(data_dir, url):
    with pytest.raises(AnnounceError, match="refusing"):
        run_announcement(mirror_settings(data_dir), url=url, now=NOV_24)
