"""Backfill through the capped mirror: more than 10,000 results, every designation notice found, list exact."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from flows.federal_register import SearchStats, iter_search
from flows.http import HttpClient
from flows.pipeline import run_backfill
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.mirror.corpus import backfill_corpus, paging_corpus
from tests.mirror.fr_api import FRMirror

NOW = datetime(2026, 1, 15, 12, tzinfo=timezone.utc)


def test_windowed_search_loses_nothing_past_the_cap(data_dir):
    documents = paging_corpus(12_000, date(2020, 1, 1), date(2021, 12, 31))
    with FRMirror(documents) as fr:
        client = HttpClient(mirror_settings(data_dir, fr=fr), None)
        stats = SearchStats()
        found = [d["document_number"] for d in iter_search(client, date(2020, 1, 1), date(2021, 12, 31), stats)]
    assert len(found) == len(set(found)) == 12_000
    assert set(found) == {d.document_number for d in documents}
    assert stats.splits >= 1 and stats.windows == 1 + 2 * stats.splits


def expected_list(corpus) -> dict[tuple[str, str], dict]:
    """The list the corpus's designation notices make, folded independently of storage.derive."""
    truth: dict[tuple[str, str], dict] = {}
    for event in sorted(corpus.expected, key=lambda e: e.published_on):
        key = (event.program, event.name)
        if event.action == "designation":
            truth[key] = {"aliases": set(event.aliases), "status": "active", "designated_on": event.published_on,
                          "revoked_on": None, "citations": {event.citation}}
        elif event.action == "amendment":
            truth[key]["aliases"] |= set(event.aliases)
            truth[key]["citations"].add(event.citation)
        elif event.action == "revocation":
            truth[key].update(status="revoked", revoked_on=event.published_on)
            truth[key]["citations"].add(event.citation)
    return truth


@pytest.fixture(scope="module")
def corpus():
    return backfill_corpus(total=15_000, designations=300, start=date(2016, 1, 1), end=date(2025, 12, 31))


def test_backfill_finds_every_designation_notice(corpus, tmp_path):
    data_dir = tmp_path / "data"
    with FRMirror(corpus.documents) as fr:
        report = run_backfill(mirror_settings(data_dir, fr=fr), date(2016, 1, 1), date(2025, 12, 31), now=NOW)
        fetched = fr.requests.count("/documents/full_text/")
    assert report.degraded == []
    # near misses (State/Treasury notices that match the search but designate nothing) are kept, never dropped
    near_misses = {n for n in corpus.near_misses if corpus.document(n).meta["type"] == "Notice"}
    assert {n.document.document_id for n in report.notices} == {e.document_number for e in corpus.expected} | near_misses
    assert {r["document_id"] for r in report.review} <= near_misses
    review_lines = [line for line in report.summary().splitlines() if "review" in line]
    assert len(review_lines) == 21 and f"{len(report.review)} to review in all" in review_lines[-1]
    assert fetched == len(corpus.expected) + len(near_misses)
    assert report.events_added == len(corpus.expected)
    store = VersionStore(data_dir)
    rows = store.read_table(store.latest_name(), "designations").to_pylist()
    derived = {(r["program"], r["name"]): {"aliases": set(r["aliases"]), "status": r["status"],
                                           "designated_on": r["designated_on"], "revoked_on": r["revoked_on"],
                                           "citations": set(r["citations"])} for r in rows}
    assert derived == expected_list(corpus)


def test_a_backfill_that_dies_keeps_what_it_had_done(corpus, tmp_path):
    data_dir = tmp_path / "data"

    def die_after_250(done, total, number):
        if done == 250:
            raise KeyboardInterrupt

    with FRMirror(corpus.documents) as fr:
        settings = mirror_settings(data_dir, fr=fr)
        with pytest.raises(KeyboardInterrupt):
            run_backfill(settings, date(2016, 1, 1), date(2025, 12, 31), progress=die_after_250, now=NOW)
        assert VersionStore(data_dir).latest_name() is None
        fr.requests.reset()
        report = run_backfill(settings, date(2016, 1, 1), date(2025, 12, 31), now=NOW)
        refetched = fr.requests.count("/documents/full_text/")
    near_misses = {n for n in corpus.near_misses if corpus.document(n).meta["type"] == "Notice"}
    assert refetched == len(corpus.expected) + len(near_misses) - 200  # two checkpoints of 100 were kept
    store = VersionStore(data_dir)
    assert store.read_manifest(store.latest_name())["row_counts"]["events"] == len(corpus.expected)
    assert report.published.name == "v000001"
