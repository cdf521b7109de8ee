"""The review queue worked to the end: review, a curation, reparse (no network), history; bad files; the guard."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

import pytest

from flows.cli import main
from flows.pipeline import Run, ingest, run_announcement, run_backfill, run_nightly, run_reparse
from parsers.dispatch import parse_fr
from parsers.model import Action, Event, Notice, Program, Source
from storage.atomic import write_parquet_atomic
from storage.ledger import Ledger, event_row
from storage.schema import LEDGER_EVENTS, table_from_rows
from storage.versions import VersionStore
from tests.conftest import FIXTURES, mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, fixture_document
from tests.flows.site_pages import SB0207, fixture
from tests.flows.test_pipeline import RELEVANT_WITHOUT_EVENTS
from tests.mirror.fr_api import FRMirror, MirrorDocument, public_inspection_entry
from tests.mirror.sites import SiteMirror
from tests.storage.events import document

NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
MEETING_URL = ("https://www.federalregister.gov/documents/2025/03/07/2025-03999/"
               "notice-of-meeting-on-foreign-terrorist-organization-sanctions-coordination")
CARTEL_URL = "https://www.federalregister.gov/documents/2025/11/24/2025-20750/foreign-terrorist-organization-designation-of-cartel-de-los-soles"
TRUNCATED = b"<NOTICE><PREAMB><SUBJECT>Foreign Terrorist Organization Designation of"

CARTEL_CURATION = """\
document: 2025-20750
curated_by: A. Analyst
reason: Full text truncated in the archive; events read from the printed notice (90 FR 53045).
events:
  - program: FTO
    action: designation
    name: Cartel de los Soles
    aliases: [Cartel of the Suns]
    effective_on: 2025-11-24
    signed_on: 2025-11-16
"""
MEETING_CURATION = """\
document: 2025-03999
curated_by: B. Analyst
reason: A meeting notice; it designates nobody.
holds_none: true
"""


def truncated_cartel() -> MirrorDocument:
    document = cartel_de_los_soles()
    document.xml = TRUNCATED
    return document


def meeting() -> MirrorDocument:
    return MirrorDocument.build("2025-03999", "2025-03-07",
                                "Notice of Meeting on Foreign Terrorist Organization Sanctions Coordination",
                                xml=RELEVANT_WITHOUT_EVENTS, start_page=11999)


def offline(data_dir, **overrides):
    """Settings whose every base is an unreachable port: any request would fail the command."""
    return mirror_settings(data_dir, http_retries=0, **overrides)


def cli(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def review_ids(capsys, data_dir) -> list[tuple[str, str, str]]:
    code, out, err = cli(capsys, data_dir, "review", "--format", "jsonl")
    assert code == 0, err
    return [(r["document_id"], r["kind"], r["url"]) for r in map(json.loads, out.splitlines())]


def latest(data_dir, table="designations") -> list[dict]:
    store = VersionStore(data_dir)
    return store.read_table(store.latest_name(), table).to_pylist()


def fetches(data_dir) -> int:
    log = data_dir / "raw" / "fetch_log.jsonl"
    return len(log.read_text().splitlines()) if log.exists() else 0


@pytest.fixture
def in_review(data_dir):
    """A run over a truncated designation notice and a relevant meeting notice: both in review, nothing listed."""
    with FRMirror([truncated_cartel(), meeting()]) as fr:
        report = run_nightly(mirror_settings(data_dir, fr=fr), since=date(2025, 1, 1), now=NOW)
    assert [(r["document_id"], r["kind"]) for r in report.review] == [("2025-20750", "parse_error"),
                                                                      ("2025-03999", "unrecognised")]
    assert report.published.name == "v000001" and latest(data_dir) == []
    (data_dir / "curations").mkdir()
    return data_dir


def test_review_lists_the_open_documents_with_their_links_and_reasons(capsys, in_review):
    code, out, _ = cli(capsys, in_review, "review", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["document_id"], r["source"], r["kind"], r["published_on"], r["url"], r["event_count"]) for r in rows] == [
        ("2025-03999", "federal_register", "unrecognised", "2025-03-07", MEETING_URL, 0),
        ("2025-20750", "federal_register", "parse_error", "2025-11-24", CARTEL_URL, 0)]
    assert rows[1]["reason"].startswith("parse error: 2025-20750:")
    assert rows[0]["reason"] == Ledger(in_review).read_documents()[0]["review"]
    code, table, err = cli(capsys, in_review, "review")
    assert table.splitlines()[0].split() == ["document_id", "kind", "published_on", "url", "reason"]
    assert "2 documents to review" in err


def test_a_curation_with_events_is_published_by_reparse_without_a_request(capsys, in_review):
    (in_review / "curations" / "2025-20750.yaml").write_text(CARTEL_CURATION)
    requests_before = fetches(in_review)
    report = run_reparse(offline(in_review), now=NOW)
    assert fetches(in_review) == requests_before and report.requests == {}
    assert (report.published.name, report.refused, report.degraded) == ("v000002", None, [])
    reason = "Full text truncated in the archive; events read from the printed notice (90 FR 53045)."
    [cartel] = latest(in_review)
    assert {k: cartel[k] for k in ("program", "name", "aliases", "status", "designated_on", "citations",
                                   "source_documents", "details")} == {
        "program": "FTO", "name": "Cartel de los Soles", "aliases": ["Cartel of the Suns"], "status": "active",
        "designated_on": date(2025, 11, 24), "citations": ["90 FR 53045"], "source_documents": ["2025-20750"],
        "details": json.dumps({"curated_by": ["A. Analyst"], "curation_reason": [reason]})}
    [event] = latest(in_review, "events")
    assert {k: event[k] for k in ("action", "document_id", "citation", "url", "raw_sha256", "published_on",
                                  "effective_on", "signed_on", "details")} == {
        "action": "designation", "document_id": "2025-20750", "citation": "90 FR 53045", "url": CARTEL_URL,
        "raw_sha256": hashlib.sha256(TRUNCATED).hexdigest(), "published_on": date(2025, 11, 24),
        "effective_on": date(2025, 11, 24), "signed_on": date(2025, 11, 16),
        "details": json.dumps([["curated_by", "A. Analyst"], ["curation_reason", reason]])}
    assert review_ids(capsys, in_review) == [("2025-03999", "unrecognised", MEETING_URL)]
    [row] = [d for d in Ledger(in_review).read_documents() if d["document_id"] == "2025-20750"]
    assert (row["kind"], row["event_count"], row["review"], row["curation"]) == (
        "parse_error", 1, None, f"A. Analyst: {reason}")

    code, out, _ = cli(capsys, in_review, "history", "Cartel of the Suns")
    assert code == 0 and "    curated by: A. Analyst" in out.splitlines()
    assert "90 FR 53045" in out and "2025-20750" in out
    # the same curation again changes nothing
    assert run_reparse(offline(in_review), now=NOW).published is None


def test_a_holds_none_curation_takes_a_document_out_of_review(capsys, in_review):
    (in_review / "curations" / "meeting.yml").write_text(MEETING_CURATION)
    assert review_ids(capsys, in_review) == [("2025-20750", "parse_error", CARTEL_URL)]
    code, out, err = cli(capsys, in_review, "reparse")
    assert (code, err) == (0, "")
    assert "no change: no new version" in out
    [row] = [d for d in Ledger(in_review).read_documents() if d["document_id"] == "2025-03999"]
    assert (row["review"], row["curation"]) == (None, "B. Analyst: A meeting notice; it designates nobody.")
    (in_review / "curations" / "meeting.yml").unlink()  # the decision withdrawn: back in review after a reparse
    assert run_reparse(offline(in_review), now=NOW).published is None
    assert [d for d, _, _ in review_ids(capsys, in_review)] == ["2025-03999", "2025-20750"]


def test_curations_apply_on_the_next_run_too(in_review):
    (in_review / "curations" / "2025-20750.yaml").write_text(CARTEL_CURATION)
    with FRMirror([truncated_cartel(), meeting()]) as fr:
        report = run_nightly(mirror_settings(in_review, fr=fr), now=NOW)
    assert report.published.name == "v000002"
    assert [(r["name"], r["status"]) for r in latest(in_review)] == [("Cartel de los Soles", "active")]
    assert [r["document_id"] for r in report.review] == []  # the meeting was not read again: it is already filed


def seed_junk(data_dir, with_payload: bool) -> Event:
    """A published list (v000002) holding Cartel de los Soles and a junk FTO 'following organizations'.

    with_payload: the junk event is filed under the archived Cartel notice itself (today's parser does not
    read it from there); else under a document whose payload the archive does not hold.
    """
    with FRMirror([cartel_de_los_soles()]) as fr:
        run_nightly(mirror_settings(data_dir, fr=fr), since=date(2025, 1, 1), now=NOW)
    if with_payload:
        junk_doc = parse_fr(cartel_de_los_soles().meta, cartel_de_los_soles().xml).document
    else:
        junk_doc = document(Source.FEDERAL_REGISTER, "2019-99999", date(2019, 3, 1), "84 FR 7000")
    junk = Event(Program.FTO, Action.DESIGNATION, "following organizations", junk_doc,
                 effective_on=junk_doc.published_on)
    ledger = Ledger(data_dir)
    if with_payload:  # the document row stays as filed: only the events file gains the junk
        write_parquet_atomic(ledger.events_path, table_from_rows(ledger.read_events() + [event_row(junk)],
                                                                 LEDGER_EVENTS))
    else:
        ledger.merge([Notice(junk_doc, "fto_designation", (junk,))])
    ingest(Run(offline(data_dir), NOW), [])
    assert sorted(r["name"] for r in latest(data_dir)) == ["Cartel de los Soles", "following organizations"]
    return junk


WRONG_JUNK = """\
document: {document}
curated_by: C. Analyst
reason: Not a name; the parser took a phrase of the notice for an entity.
wrong:
  - name: following organizations
    program: FTO
"""


def test_a_wrong_event_curation_removes_it_on_the_next_run(data_dir):
    junk = seed_junk(data_dir, with_payload=False)
    (data_dir / "curations").mkdir()
    (data_dir / "curations" / "junk.yaml").write_text(WRONG_JUNK.format(document="2019-99999"))
    with FRMirror([cartel_de_los_soles()]) as fr:
        report = run_nightly(mirror_settings(data_dir, fr=fr), now=NOW)
    assert (report.published.name, report.refused) == ("v000003", None)
    assert [r["name"] for r in latest(data_dir)] == ["Cartel de los Soles"]
    assert [(c["name"], c["change"]) for c in report.published.changes] == [("following organizations", "removed")]
    assert junk.event_id not in {e["event_id"] for e in Ledger(data_dir).read_events()}
    assert report.events_removed == 1


def test_reparse_drops_what_todays_parsers_no_longer_read_but_the_guard_refuses_a_shrink(capsys, data_dir):
    junk = seed_junk(data_dir, with_payload=True)
    ledger_bytes = Ledger(data_dir).events_path.read_bytes()
    code, out, err = cli(capsys, data_dir, "reparse")
    assert code == 1
    assert err == ("designations: refused to publish: the derived list has 1 designations, fewer than 2 in v000002 "
                   "(gone without a curation: FTO following organizations); the ledger is unchanged\n")
    assert Ledger(data_dir).events_path.read_bytes() == ledger_bytes
    assert VersionStore(data_dir).latest_name() == "v000002"

    (data_dir / "curations").mkdir()
    (data_dir / "curations" / "2025-20750.yaml").write_text(WRONG_JUNK.format(document="2025-20750"))
    report = run_reparse(offline(data_dir), now=NOW)
    assert (report.published.name, report.refused) == ("v000003", None)
    expected = parse_fr(cartel_de_los_soles().meta, cartel_de_los_soles().xml)
    ledger_events = [e for e in Ledger(data_dir).read_events() if e["document_id"] == "2025-20750"]
    assert ledger_events == sorted((event_row(e) for e in expected.events), key=lambda r: r["event_id"])
    assert junk.event_id not in {e["event_id"] for e in ledger_events}
    # today's parser no longer reads the junk, so the curation's entry matched nothing: said, not an error
    assert "2025-20750.yaml: FTO 'following organizations' is not among the events read from 2025-20750" in \
        report.reconciliation


def test_a_malformed_curation_fails_reparse_and_review_with_one_line_and_degrades_a_run(capsys, in_review):
    bad = in_review / "curations" / "2025-20750.yaml"
    bad.write_text(CARTEL_CURATION.replace("action: designation", "action: designate"))
    line = (f"designations: {bad}: events[0].action: 'designate' is not one of designation, amendment, review, "
            f"revocation, announcement\n")
    assert cli(capsys, in_review, "reparse")[0::2] == (1, line)
    assert cli(capsys, in_review, "review")[0::2] == (1, line)
    with FRMirror([truncated_cartel(), meeting()]) as fr:
        report = run_nightly(mirror_settings(in_review, fr=fr), now=NOW)
    assert report.degraded == ["curations"]
    assert report.sources["curations"].detail == f"no curation applied: {line.removeprefix('designations: ').strip()}"


def test_reparse_reads_fr_state_treasury_and_ofac_documents_back_exactly(data_dir):
    on_desk = public_inspection_entry(fixture_document("fto_designation_multi_entity"), "2025-11-24T08:45:00.000-05:00")
    with FRMirror([cartel_de_los_soles()], [on_desk]) as fr, SiteMirror() as state, SiteMirror() as treasury, \
            SiteMirror() as ofac:
        state_path = "/releases/2025/11/designation-of-cartel-de-los-soles/"
        state.add(state_path, fixture("state", "fto_announced_with_effective_date.html"))
        treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
        ofac.add_file("/recent-actions/20190910", FIXTURES / "ofac_recent_actions" / "counter_terrorism_designations.html")
        settings = mirror_settings(data_dir, fr=fr, state=state, treasury=treasury, ofac=ofac)
        run_nightly(settings, since=date(2025, 1, 1), now=NOW)
        for url in ("https://www.state.gov" + state_path, "https://home.treasury.gov" + SB0207[0],
                    "https://ofac.treasury.gov/recent-actions/20190910"):
            run_announcement(settings, url=url, now=NOW)
    ledger = Ledger(data_dir)
    events, documents = ledger.read_events(), ledger.read_documents()
    assert sorted({d["source"] for d in documents}) == ["federal_register", "ofac", "state", "treasury"]
    assert sorted({e["source"] for e in events}) == ["federal_register", "ofac", "state", "treasury"]
    assert sorted({d["stage"] for d in documents}) == ["public_inspection", "published"]
    version = VersionStore(data_dir).latest_name()
    write_parquet_atomic(ledger.events_path, LEDGER_EVENTS.empty_table())  # every event forgotten

    report = run_reparse(offline(data_dir), now=NOW)
    assert (report.published, report.refused, report.kept_as_filed) == (None, None, [])
    assert (ledger.read_events(), ledger.read_documents()) == (events, documents)
    assert VersionStore(data_dir).latest_name() == version


def test_reparse_since_reads_only_documents_published_from_that_day(data_dir):
    with FRMirror([cartel_de_los_soles(), meeting()]) as fr:
        run_nightly(mirror_settings(data_dir, fr=fr), since=date(2025, 1, 1), now=NOW)
    ledger = Ledger(data_dir)
    events = ledger.read_events()
    write_parquet_atomic(ledger.events_path, LEDGER_EVENTS.empty_table())
    report = run_reparse(offline(data_dir), since=date(2025, 11, 24), now=NOW)
    assert report.sources["raw_archive"].documents == 1
    assert ledger.read_events() == events and report.published is None


def test_a_backfill_applies_curations_written_before_it(data_dir):
    (data_dir / "curations").mkdir(parents=True)
    (data_dir / "curations" / "2025-20750.yaml").write_text(CARTEL_CURATION)
    with FRMirror([truncated_cartel(), meeting()]) as fr:
        report = run_backfill(mirror_settings(data_dir, fr=fr), date(2025, 1, 1), now=NOW)
    assert [(r["name"], r["status"], r["citations"]) for r in latest(data_dir)] == [
        ("Cartel de los Soles", "active", ["90 FR 53045"])]
    assert [r["document_id"] for r in report.review] == ["2025-03999"]
