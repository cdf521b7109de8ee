"""One nightly run over every source reads documents.parquet and events.parquet at most once each."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone

import pytest

import storage.ledger
from flows.pipeline import Run, ingest, run_nightly
from parsers.model import Action, DocumentRef, Event, Notice, Program, Source
from storage.ledger import Ledger
from storage.ledger_snapshot import LedgerSnapshot
from tests.conftest import FIXTURES, mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.flows.site_pages import CARTEL_RELEASE, SB0207, fixture, state_listing, treasury_listing
from tests.mirror.fr_api import FRMirror
from tests.flows.test_curations import offline
from tests.flows.test_ofac import serve_recent_actions
from tests.mirror.sites import SiteMirror

ALL_SOURCES = "federal_register,public_inspection,state,treasury,ofac_recent_actions,ofac_lists,state_fto_page"
NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
LINKED = "/recent-actions/20250725"  # the Recent Actions page Treasury's sb0207 links to


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """Every read of a ledger file, by file name (storage/ledger.py reads through `_read_rows` only)."""
    counted: Counter = Counter()
    read = storage.ledger._read_rows

    def counting(path):
        counted[path.name] += 1
        return read(path)

    monkeypatch.setattr(storage.ledger, "_read_rows", counting)
    return counted


def serve_every_site(state: SiteMirror, treasury: SiteMirror, ofac: SiteMirror) -> None:
    state.add("/press-releases/", state_listing(CARTEL_RELEASE))
    state.add("/press-releases/page/2/", state_listing())
    state.add(CARTEL_RELEASE[0].removeprefix("https://www.state.gov"),
              fixture("state", "fto_announced_with_effective_date.html"))
    state.add("/foreign-terrorist-organizations/", fixture("state", "fto_page.html"))
    treasury.add("/news/press-releases", treasury_listing(SB0207))
    treasury.add(SB0207[0], fixture("treasury", "sb0207_sdgt_entity_designation.html"))
    serve_recent_actions(ofac)
    ofac.add_file(LINKED, FIXTURES / "ofac_recent_actions" / "counter_terrorism_designations.html")


def test_each_ledger_file_is_read_at_most_once_per_run(data_dir, reads):
    with FRMirror([cartel_de_los_soles()]) as fr, SiteMirror() as state, SiteMirror() as treasury, \
            SiteMirror() as ofac, SiteMirror() as lists:
        serve_every_site(state, treasury, ofac)
        settings = mirror_settings(data_dir, fr=fr, state=state, treasury=treasury, ofac=ofac,
                                   ofac_list_base=lists.base_url, sources=ALL_SOURCES, first_run_days=200)
        first = run_nightly(settings, now=NOW)
        first_reads = dict(reads)
        reads.clear()
        second = run_nightly(settings, now=NOW)
        linked_fetches = ofac.requests.count(LINKED)
    assert first.published.name == "v000001" and first.degraded == ["ofac_lists"]  # the list mirror serves nothing
    assert {n.document.document_id for n in first.notices} >= {"2025-20750", "sb0207", "recent-actions/20250725"}
    assert linked_fetches == 1  # fetched because the Treasury poll offered its link, and known the second time
    assert first_reads == {"documents.parquet": 1, "events.parquet": 1}  # asked once, though neither file exists yet
    assert second.degraded == ["ofac_lists"]
    assert dict(reads) == {"documents.parquet": 1, "events.parquet": 1}


def designation(number: str, name: str) -> Notice:
    """A one-event FTO designation notice."""
    document = DocumentRef(Source.FEDERAL_REGISTER, number, f"https://www.federalregister.gov/d/{number}", "0" * 64,
                           published_on=date(2019, 1, 2))
    return Notice(document, "fto_designation", (Event(Program.FTO, Action.DESIGNATION, name, document,
                                                      effective_on=date(2019, 1, 2)),))


def test_a_run_reads_the_ledger_again_only_when_another_process_wrote_it_meanwhile(data_dir, reads):
    ledger = Ledger(data_dir)
    ledger.merge([designation("2019-00001", "Armed Islamic Group")])
    run = Run(offline(data_dir), NOW)
    assert run.snapshot.document_ids("federal_register") == {"2019-00001"}
    snapshot = run.snapshot
    with run.locked():
        assert run.snapshot is snapshot  # nothing wrote since: no second read
    Ledger(data_dir).merge([designation("2019-00002", "Hurras al-Din")])  # another process, between poll and merge
    ingest(run, [designation("2019-00003", "Jaysh al-Adl")])
    assert sorted(d["document_id"] for d in Ledger(data_dir).read_documents()) == [
        "2019-00001", "2019-00002", "2019-00003"]  # the other process's document is kept
    assert run.snapshot.document_ids("federal_register") == {"2019-00001", "2019-00002", "2019-00003"}


def test_a_run_with_nothing_to_write_needs_no_lock_and_a_run_with_something_waits_for_it(data_dir, monkeypatch):
    import flows.pipeline
    from storage.lock import LockTimeout, data_lock

    ingest(Run(offline(data_dir), NOW), [designation("2019-00001", "Armed Islamic Group")])
    monkeypatch.setattr(flows.pipeline, "data_lock", lambda root, lease_seconds: data_lock(root, timeout=0.2))
    with data_lock(data_dir):  # another run holds the data directory
        report = ingest(Run(offline(data_dir), NOW), [designation("2019-00001", "Armed Islamic Group")])
        assert report.published is None and report.refused is None  # done at once: nothing to write
        with pytest.raises(LockTimeout):
            ingest(Run(offline(data_dir), NOW), [designation("2019-00002", "Hurras al-Din")])


def test_the_snapshot_answers_the_sources_questions(data_dir):
    ledger = Ledger(data_dir)
    ledger.merge([designation("2019-00001", "Armed Islamic Group"),
                  Notice(DocumentRef(Source.FEDERAL_REGISTER, "2020-00009", "https://www.federalregister.gov/d/2020-00009",
                                     "1" * 64, published_on=date(2020, 3, 4)), "parse_error", review="parse error: x")])
    snapshot = LedgerSnapshot.read(ledger)
    assert snapshot.newest_published("federal_register", stage="published") == date(2020, 3, 4)
    assert snapshot.newest_published("federal_register", readable=True) == date(2019, 1, 2)
    assert snapshot.parsed_document_keys("federal_register", "published") == {"2019-1"}
    assert [row["document_id"] for row in snapshot.needing_review(set())] == ["2020-00009"]
    assert snapshot.needing_review({"2020-9"}) == []
    assert [row["name"] for row in snapshot.events_of("FTO", except_source="ofac")] == ["Armed Islamic Group"]
    assert snapshot.events_of("FTO", except_source="federal_register") == []
