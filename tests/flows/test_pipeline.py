"""End to end through a mirror of the FR API on 127.0.0.1: the seed life cycle, idempotency, faults."""
from __future__ import annotations

from datetime import datetime

import pytest

from flows.pipeline import run_nightly
from storage.ledger import Ledger
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, cartel_on_public_inspection, fixture_document
from tests.mirror.fr_api import FRMirror, MirrorDocument


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00+00:00")


def latest(data_dir) -> list[dict]:
    store = VersionStore(data_dir)
    return store.read_table(store.latest_name(), "designations").to_pylist()


@pytest.fixture
def fr():
    with FRMirror() as mirror:
        yield mirror


def test_public_inspection_then_publication(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.public_inspection = [cartel_on_public_inspection()]
    report = run_nightly(settings, now=at("2025-11-21"))
    assert report.published.name == "v000001" and report.degraded == []
    [pending] = latest(data_dir)
    assert (pending["program"], pending["name"], pending["status"]) == ("FTO", "Cartel de los Soles", "pending")
    assert (pending["announced_on"].isoformat(), pending["scheduled_on"].isoformat()) == ("2025-11-21", "2025-11-24")

    fr.public_inspection = []
    fr.add(cartel_de_los_soles())
    report = run_nightly(settings, now=at("2025-11-24"))
    assert report.published.name == "v000002"
    [active] = latest(data_dir)
    assert active["designation_id"] == pending["designation_id"]
    assert (active["status"], active["designated_on"].isoformat()) == ("active", "2025-11-24")
    assert active["aliases"] == ["Cartel of the Suns"]
    assert active["citations"] == ["90 FR 53045"]
    assert active["source_documents"] == ["2025-20750"]
    assert active["announced_on"].isoformat() == "2025-11-21"
    assert report.published.changes == [{"designation_id": active["designation_id"], "program": "FTO",
                                         "name": "Cartel de los Soles", "change": "changed",
                                         "fields_changed": ["aliases", "status", "scheduled_on", "designated_on",
                                                            "citations"],
                                         "before": '{"aliases": [], "citations": [], "designated_on": null, '
                                                   '"scheduled_on": "2025-11-24", "status": "pending"}',
                                         "after": '{"aliases": ["Cartel of the Suns"], "citations": ["90 FR 53045"], '
                                                  '"designated_on": "2025-11-24", "scheduled_on": null, "status": "active"}',
                                         "actions": ["in_force"]}]


def test_nothing_new_costs_at_most_three_requests_and_no_version(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(cartel_de_los_soles())
    assert run_nightly(settings, since=at("2025-11-01").date(), now=at("2025-11-25")).published is not None
    fr.requests.reset()
    report = run_nightly(settings, now=at("2025-11-26"))
    assert report.published is None and report.refused is None
    assert fr.requests.count() <= 3
    assert fr.requests.count("/documents/full_text/") == 0
    assert VersionStore(data_dir).names() == ["v000001"]


def test_same_document_twice_adds_nothing(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(cartel_de_los_soles())
    run_nightly(settings, since=at("2025-11-01").date(), now=at("2025-11-25"))
    events_before = Ledger(data_dir).read_events()
    (data_dir / "ledger" / "documents.parquet").unlink()  # forget we saw it: the document is fetched again
    report = run_nightly(settings, since=at("2025-11-01").date(), now=at("2025-11-25"))
    assert report.events_added == 0 and report.published is None
    assert Ledger(data_dir).read_events() == events_before


def test_search_down_degrades_and_never_shrinks_the_list(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(cartel_de_los_soles())
    run_nightly(settings, since=at("2025-11-01").date(), now=at("2025-11-25"))
    fr.faults.add("documents.json", "status", times=None, status=503)
    fr.faults.add("public-inspection", "reset", times=None)
    report = run_nightly(settings, now=at("2025-11-26"))
    assert report.degraded == ["federal_register", "public_inspection"]
    assert "gave up after 4 attempts (HTTP 503)" in report.sources["federal_register"].detail
    assert report.published is None and report.refused is None
    assert [r["name"] for r in latest(data_dir)] == ["Cartel de los Soles"]


def test_transient_faults_are_retried_and_nothing_is_lost(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(cartel_de_los_soles(), fixture_document("fto_designation_multi_entity"))
    fr.faults.add("documents.json", "rate_limit", times=1, retry_after=0)
    fr.faults.add("full_text/xml/2025/11/24", "truncate", times=1)
    fr.faults.add("full_text/xml", "delay", times=1, seconds=3)
    fr.faults.add("full_text/xml", "status", times=1, status=502)
    report = run_nightly(settings, since=at("2025-01-01").date(), now=at("2025-11-25"))
    assert report.degraded == []
    names = {r["name"] for r in latest(data_dir) if r["program"] == "FTO"}
    assert "Cartel de los Soles" in names and len(names) > 1


def test_a_document_that_cannot_be_fetched_is_retried_next_run(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(cartel_de_los_soles(), fixture_document("fto_designation_multi_entity"))
    fr.faults.add("full_text/xml/2025/11/24", "status", times=4, status=500)
    first = run_nightly(settings, since=at("2025-01-01").date(), now=at("2025-11-25"))
    assert first.degraded == ["federal_register"] and "2025-20750 not fetched" in first.sources["federal_register"].detail
    assert "Cartel de los Soles" not in {r["name"] for r in latest(data_dir)}
    second = run_nightly(settings, since=at("2025-01-01").date(), now=at("2025-11-25"))
    assert second.degraded == []
    assert "Cartel de los Soles" in {r["name"] for r in latest(data_dir)}


def test_unparseable_document_goes_to_review_and_the_rest_is_published(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    broken = fixture_document("fto_designation_multi_entity")
    broken.xml = b"<NOTICE><PREAMB><SUBJECT>Foreign Terrorist Organization Designations of"
    fr.add(cartel_de_los_soles(), broken)
    report = run_nightly(settings, since=at("2025-01-01").date(), now=at("2025-11-25"))
    [item] = report.review
    assert item["document_id"] == broken.document_number and item["kind"] == "parse_error"
    assert [r["name"] for r in latest(data_dir)] == ["Cartel de los Soles"]


RELEVANT_WITHOUT_EVENTS = """<NOTICE><PREAMB><AGENCY TYPE="N">DEPARTMENT OF STATE</AGENCY>
<DEPDOC>[Public Notice: 99999]</DEPDOC>
<SUBJECT>Notice of Meeting on Foreign Terrorist Organization Sanctions Coordination</SUBJECT>
<P>The Bureau of Counterterrorism will hold a meeting about coordinating sanctions on Foreign Terrorist
Organizations and Specially Designated Global Terrorists with partner governments.</P>
<SIG><DATED>Dated: March 3, 2025.</DATED><NAME>Example Official,</NAME><TITLE>Director.</TITLE></SIG>
</PREAMB><FRDOC>[FR Doc. 2025-03999 Filed 3-6-25; 8:45 am]</FRDOC><BILCOD>BILLING CODE 4710-AD-P</BILCOD></NOTICE>"""


def test_relevant_document_without_events_is_reported(fr, data_dir):
    settings = mirror_settings(data_dir, fr=fr)
    fr.add(MirrorDocument.build("2025-03999", "2025-03-07",
                                "Notice of Meeting on Foreign Terrorist Organization Sanctions Coordination",
                                xml=RELEVANT_WITHOUT_EVENTS, start_page=11999))
    report = run_nightly(settings, since=at("2025-01-01").date(), now=at("2025-11-25"))
    [item] = report.review
    assert (item["document_id"], item["kind"]) == ("2025-03999", "unrecognised")
    assert "Needs review" in report.markdown() and "review 2025-03999" in report.summary()
