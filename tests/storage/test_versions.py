"""Publishing: only on change, atomically, one writer at a time, with changes against the parent."""
from __future__ import annotations

import json
import multiprocessing
from datetime import date, datetime, timezone

import pyarrow.parquet as pq
import pytest

from parsers.model import Notice
from storage.derive import derive_tables
from storage.ledger import Ledger
from storage.lock import data_lock
from storage.versions import VersionStore
from tests.storage.events import FR_2025_20750, FTO_DESIGNATED, SDGT_SB0207, SB0207

NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)


def publish(data_dir, notices, crash_hook=None):
    """Merge notices and publish as the pipeline does, under the lock."""
    with data_lock(data_dir):
        Ledger(data_dir).merge(notices)
        designations, events = derive_tables(Ledger(data_dir).read_events_table(), NOW.date())
        return VersionStore(data_dir).publish(designations, events, created_at=NOW, as_of=NOW.date(),
                                              sources={}, code_version="test", crash_hook=crash_hook)


SDGT_NOTICE = Notice(SB0207, "treasury_designation", (SDGT_SB0207,))
FTO_NOTICE = Notice(FR_2025_20750, "fto_designation", (FTO_DESIGNATED,))


def test_first_publish_writes_the_interface_layout(tmp_path):
    published = publish(tmp_path, [SDGT_NOTICE, FTO_NOTICE])
    version = tmp_path / "versions" / "v000001"
    assert published.name == "v000001"
    assert sorted(p.name for p in version.iterdir()) == ["changes.parquet", "designations.parquet", "events.parquet", "manifest.json"]
    assert (tmp_path / "versions" / "LATEST").read_text().strip() == "v000001"
    manifest = json.loads((version / "manifest.json").read_text())
    assert manifest["parent"] is None
    assert manifest["counts"] == {"FTO": {"active": 1}, "SDGT": {"active": 1}}
    assert manifest["row_counts"] == {"designations": 2, "events": 2, "changes": 2}
    schema = pq.read_schema(version / "designations.parquet")
    assert str(schema.field("aliases").type) == "list<element: string>"
    assert str(schema.field("designated_on").type) == "date32[day]"
    events = pq.read_table(version / "events.parquet").to_pylist()
    assert {e["citation"] for e in events} == {None, "90 FR 53045"}


def test_same_input_twice_publishes_nothing(tmp_path):
    assert publish(tmp_path, [FTO_NOTICE]) is not None
    assert publish(tmp_path, [FTO_NOTICE]) is None
    assert VersionStore(tmp_path).names() == ["v000001"]


def test_second_version_records_changes_against_parent(tmp_path):
    publish(tmp_path, [FTO_NOTICE])
    second = publish(tmp_path, [SDGT_NOTICE])
    assert second.manifest["parent"] == "v000001"
    changes = pq.read_table(second.path / "changes.parquet").to_pylist()
    assert [(c["program"], c["name"], c["change"]) for c in changes] == [("SDGT", "Cartel de los Soles", "added")]


def test_crash_mid_publish_leaves_previous_version_intact(tmp_path):
    publish(tmp_path, [FTO_NOTICE])

    def crash():
        raise OSError("disk full (injected)")

    with pytest.raises(OSError, match="injected"):
        publish(tmp_path, [SDGT_NOTICE], crash_hook=crash)
    store = VersionStore(tmp_path)
    assert store.latest_name() == "v000001"
    assert store.names() == ["v000001"]
    assert [p.name for p in (tmp_path / "versions").iterdir() if p.name.startswith(".")] == []
    # the ledger kept the event, so the next run publishes it
    assert publish(tmp_path, []).name == "v000002"


def _publish_in_process(data_dir, which, barrier):
    barrier.wait()
    publish(data_dir, [SDGT_NOTICE] if which == 0 else [FTO_NOTICE])


def test_two_runs_at_once_lose_nothing(tmp_path):
    barrier = multiprocessing.Barrier(2)
    workers = [multiprocessing.Process(target=_publish_in_process, args=(tmp_path, i, barrier)) for i in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    store = VersionStore(tmp_path)
    latest = store.read_table(store.latest_name(), "designations").to_pylist()
    assert sorted(r["program"] for r in latest) == ["FTO", "SDGT"]
    assert store.names() == ["v000001", "v000002"]
