"""A damaged data directory: torn logs, lost or rolled-back LATEST, orphans, stale staging, altered payloads."""
from __future__ import annotations

import hashlib
import json
import os
import time

import pyarrow.parquet as pq
import pytest

from storage.atomic import sweep_stale_temporaries
from storage.journal import read_jsonl, repair_torn_tail
from storage.ledger import Ledger, LedgerShrunk
from storage.raw import RawArchive
from storage.versions import VersionStore, content_hash
from tests.storage.test_versions import FTO_NOTICE, SDGT_NOTICE, publish


def two_versions(data_dir):
    publish(data_dir, [SDGT_NOTICE])
    publish(data_dir, [FTO_NOTICE])
    return VersionStore(data_dir)


def test_a_torn_last_log_line_is_skipped_then_moved_aside(tmp_path):
    archive = RawArchive(tmp_path)
    archive.append_log({"url": "https://a/1", "status": 200, "sha256": "a" * 64})
    log = tmp_path / "raw" / "fetch_log.jsonl"
    with open(log, "ab") as handle:
        handle.write(b'{"url": "https://a/2", "sta')  # what a kill mid-append leaves
    fresh = RawArchive(tmp_path)
    assert [r["url"] for r in fresh.read_log()] == ["https://a/1"]
    assert fresh.warnings == ["fetch_log.jsonl line 2 is not a whole record: skipped"]
    assert fresh.last_fetch("https://a/1")["sha256"] == "a" * 64  # repairs before building validators
    fresh.append_log({"url": "https://a/3", "status": 200, "sha256": "b" * 64})
    assert [json.loads(line)["url"] for line in log.read_bytes().splitlines()] == ["https://a/1", "https://a/3"]
    assert (tmp_path / "raw" / "fetch_log.jsonl.torn").read_bytes() == b'{"url": "https://a/2", "sta\n'
    assert fresh.warnings[-1] == "fetch_log.jsonl: torn last line (27 bytes) moved to fetch_log.jsonl.torn"


def test_a_garbage_line_in_the_middle_is_skipped_and_reported(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_bytes(b'{"a": 1}\n\x00\x00garbage\n[1, 2]\n{"a": 2}\n')
    warnings: list[str] = []
    assert list(read_jsonl(path, warnings)) == [{"a": 1}, {"a": 2}]
    assert warnings == ["log.jsonl line 2 is not a whole record: skipped", "log.jsonl line 3 is not a whole record: skipped"]
    assert repair_torn_tail(path) is None  # ends in a newline: nothing to cut


def test_an_altered_archived_payload_is_not_returned(tmp_path):
    archive = RawArchive(tmp_path)
    sha = archive.write_payload(b"the real notice")
    archive.object_path(sha).write_bytes(b"a fake FTO")
    assert archive.read_verified(sha) is None
    assert not archive.object_path(sha).exists()
    [aside] = (tmp_path / "raw" / "quarantine").iterdir()
    assert aside.read_bytes() == b"a fake FTO" and aside.name.startswith(sha)
    assert archive.write_payload(b"the real notice") == sha and archive.read_verified(sha) == b"the real notice"


def test_missing_latest_is_repaired_from_the_versions(tmp_path):
    store = two_versions(tmp_path)
    (tmp_path / "versions" / "LATEST").unlink()
    fresh = VersionStore(tmp_path)
    assert fresh.latest_name() == "v000002" == fresh.resolve(None) == fresh.names()[-1]
    assert fresh.warnings == ["LATEST was missing, but v000002 is the newest complete version: LATEST repaired"]
    assert (tmp_path / "versions" / "LATEST").read_text() == "v000002\n"
    assert store.read_manifest("v000002")["parent"] == "v000001"


def test_rolled_back_latest_is_detected_and_the_newest_served(tmp_path):
    two_versions(tmp_path)
    (tmp_path / "versions" / "LATEST").write_text("v000001\n")
    fresh = VersionStore(tmp_path)
    assert fresh.latest_name() == "v000002"
    assert fresh.warnings == ["LATEST said v000001, but v000002 is the newest complete version: LATEST repaired"]


def test_an_orphan_version_is_adopted_not_duplicated(tmp_path):
    two_versions(tmp_path)
    (tmp_path / "versions" / "LATEST").write_text("v000001\n")  # killed between the rename and LATEST
    assert publish(tmp_path, [SDGT_NOTICE, FTO_NOTICE]) is None  # same content as the orphan: nothing new
    assert VersionStore(tmp_path).names() == ["v000001", "v000002"]


def test_a_lost_ledger_publishes_nothing_smaller(tmp_path):
    two_versions(tmp_path)
    (tmp_path / "ledger" / "events.parquet").unlink()
    with pytest.raises(LedgerShrunk, match="holds 0 events but the ledger last held 2: restore it"):
        publish(tmp_path, [SDGT_NOTICE])
    assert not (tmp_path / "ledger" / "events.parquet").exists()  # nothing written over the loss
    assert VersionStore(tmp_path).names() == ["v000001", "v000002"]


def test_staging_is_outside_versions_and_swept(tmp_path):
    seen = []
    publish(tmp_path, [SDGT_NOTICE], crash_hook=lambda: seen.extend(p.name for p in (tmp_path / "staging").iterdir()))
    assert seen == [f"v000001-{os.getpid()}"]
    stale = tmp_path / "staging" / "v000002-99999"
    stale.mkdir()
    (stale / "designations.parquet").write_bytes(b"half")
    old_style = tmp_path / "versions" / ".staging-v000002-99999"
    old_style.mkdir()
    publish(tmp_path, [FTO_NOTICE])
    assert not stale.exists() and not old_style.exists()
    assert sorted(p.name for p in (tmp_path / "versions").iterdir()) == ["LATEST", "v000001", "v000002"]


def test_killed_publish_leaves_nothing_a_glob_reads(tmp_path):
    publish(tmp_path, [SDGT_NOTICE])

    def die():
        raise KeyboardInterrupt  # stands for a kill while the tables are written

    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path, [FTO_NOTICE], crash_hook=die)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob("versions/*/designations.parquet"))
    assert files == ["versions/v000001/designations.parquet"]


def test_stale_temporaries_are_swept_and_fresh_ones_kept(tmp_path):
    old, fresh = tmp_path / ".events.parquet.abc.tmp", tmp_path / ".events.parquet.def.tmp"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert sweep_stale_temporaries(tmp_path, older_than=3600) == [old]
    assert fresh.exists()


def test_ledger_temporaries_left_by_a_full_disk_are_cleaned_on_merge(tmp_path):
    publish(tmp_path, [SDGT_NOTICE])
    leftover = tmp_path / "ledger" / ".events.parquet.zz.tmp"
    leftover.write_bytes(b"partial")
    Ledger(tmp_path).merge([FTO_NOTICE])
    assert not leftover.exists()


def test_content_hash_is_recomputable_from_the_published_files(tmp_path):
    store = two_versions(tmp_path)
    for name in store.names():
        folder = store.path(name)
        tables = [pq.read_table(folder / f"{t}.parquet") for t in ("designations", "events")]
        assert content_hash(*tables) == store.read_manifest(name)["content_hash"]
    assert hashlib.sha256(b"").hexdigest() != store.read_manifest("v000002")["content_hash"]


def test_read_commands_agree_when_latest_is_gone(tmp_path, capsys, caplog):
    from flows.cli import main

    two_versions(tmp_path)
    (tmp_path / "versions" / "LATEST").unlink()
    assert main(["--data-dir", str(tmp_path), "show", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2  # v000002's list, not "no version published yet"
    assert caplog.messages == ["LATEST was missing, but v000002 is the newest complete version: LATEST repaired"]
    assert main(["--data-dir", str(tmp_path), "snapshots", "--format", "jsonl"]) == 0
    assert [json.loads(line)["version"] for line in capsys.readouterr().out.splitlines()] == ["v000002", "v000001"]


def test_stale_staging_is_swept_even_when_nothing_changed(tmp_path):
    publish(tmp_path, [SDGT_NOTICE])
    stale = tmp_path / "staging" / "v000002-99999"
    stale.mkdir(parents=True)
    assert publish(tmp_path, [SDGT_NOTICE]) is None
    assert not stale.exists()
