"""DESIGNATIONS_NOTIFY: one message per version that changes the law, posted through Apprise to a local webhook."""
from __future__ import annotations

import json
import threading
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.notify import legal_actions
from flows.pipeline import run_nightly
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, cartel_on_public_inspection
from tests.mirror.fr_api import FRMirror

FILED = datetime(2025, 11, 21, 12, tzinfo=timezone.utc)
PUBLISHED = datetime(2025, 11, 24, 12, tzinfo=timezone.utc)


class Receiver(ThreadingHTTPServer):
    """A webhook on 127.0.0.1: /hook keeps each JSON body, /fail answers 500."""

    def __init__(self):
        self.received: list[tuple[str, dict]] = []
        super().__init__(("127.0.0.1", 0), _Hook)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"json://127.0.0.1:{self.server_address[1]}/{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class _Hook(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append((self.path, body))
        self.send_response(500 if self.path == "/fail" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


def test_one_message_per_version_naming_each_designation(data_dir, receiver):
    with FRMirror() as fr:
        settings = mirror_settings(data_dir, fr=fr, notify=receiver.url("hook"))
        fr.public_inspection = [cartel_on_public_inspection()]
        filed = run_nightly(settings, now=FILED)
        fr.public_inspection = []
        fr.add(cartel_de_los_soles())
        in_force = run_nightly(settings, now=PUBLISHED)
        unchanged = run_nightly(settings, now=PUBLISHED)
    assert (filed.published.name, in_force.published.name, unchanged.published) == ("v000001", "v000002", None)
    assert [path for path, _ in receiver.received] == ["/hook", "/hook"]
    (_, first), (_, second) = receiver.received
    assert first["title"] == "designations v000001: 1 announced (pending)"
    assert first["message"] == ("FTO announced (pending): Cartel de los Soles — effective 2025-11-24 — 2025-20750 — "
                                "https://www.federalregister.gov/public-inspection/2025-20750/"
                                "foreign-terrorist-organization-designation-of-cartel-de-los-soles")
    assert second["title"] == "designations v000002: 1 in force"
    assert second["message"] == (
        "FTO in force: Cartel de los Soles — effective 2025-11-24 — 90 FR 53045 — "
        "https://www.federalregister.gov/documents/2025/11/24/2025-20750/"
        "foreign-terrorist-organization-designation-of-cartel-de-los-soles")
    assert in_force.degraded == []


def test_a_failing_target_degrades_the_report_never_the_publish(data_dir, receiver):
    with FRMirror() as fr:
        settings = mirror_settings(data_dir, fr=fr, notify=",".join(
            [receiver.url("fail"), "json://127.0.0.1:9/closed", "not a url", receiver.url("hook")]))
        fr.add(cartel_de_los_soles())
        report = run_nightly(settings, now=PUBLISHED)
    assert report.published.name == "v000001"
    assert (data_dir / "versions" / "LATEST").read_text().strip() == "v000001"
    assert [path for path, _ in receiver.received] == ["/fail", "/hook"]
    assert receiver.received[1][1]["message"] == (
        "FTO designated: Cartel de los Soles — effective 2025-11-24 — 90 FR 53045 — "
        "https://www.federalregister.gov/documents/2025/11/24/2025-20750/"
        "foreign-terrorist-organization-designation-of-cartel-de-los-soles")
    assert report.degraded == ["notify"]
    assert report.sources["notify"].detail == (
        f"json://127.0.0.1:{receiver.server_address[1]}: delivery failed; json://127.0.0.1:9: delivery failed; "
        "not a url: not an Apprise URL")


def test_no_target_no_message(data_dir, receiver):
    with FRMirror() as fr:
        fr.add(cartel_de_los_soles())
        report = run_nightly(mirror_settings(data_dir, fr=fr), now=PUBLISHED)
    assert report.published.name == "v000001" and receiver.received == [] and "notify" not in report.sources


def _row(**values):
    row = {"status": "active", "name": "JAYSH AL-ADL", "aliases": ["JUNDALLAH"], "scheduled_on": None,
           "designated_on": date(2010, 11, 4), "revoked_on": None, "last_amended_on": None, "last_reviewed_on": None}
    return {**row, **values}


def test_which_changes_are_news():
    assert legal_actions(None, _row()) == [("designation", date(2010, 11, 4))]
    assert legal_actions(_row(), _row(status="revoked", revoked_on=date(2019, 12, 12))) == [("revocation", date(2019, 12, 12))]
    assert legal_actions(_row(), _row(last_amended_on=date(2019, 7, 2), aliases=["JUNDALLAH", "ARMY OF JUSTICE"])) == [
        ("amendment", date(2019, 7, 2))]
    assert legal_actions(_row(), _row(last_reviewed_on=date(2015, 6, 1))) == []  # a review maintains: no message
    assert legal_actions(_row(status="pending", designated_on=None), _row()) == [("in_force", date(2010, 11, 4))]
