"""The stores on an s3:// data directory: conditional writes, the lease, one winner per parent, kills."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from parsers.model import Notice
from storage.derive import derive_tables
from storage.ledger import Ledger
from storage.lock import LockTimeout, data_lock, lease
from storage.store import Conflict, data_path
from storage.versions import VersionStore
from tests.conftest import REPO
from tests.storage.events import FR_2025_20750, FTO_DESIGNATED, SB0207, SDGT_SB0207

NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
SDGT_NOTICE = Notice(SB0207, "treasury_designation", (SDGT_SB0207,))
FTO_NOTICE = Notice(FR_2025_20750, "fto_designation", (FTO_DESIGNATED,))


def tables(notices):
    """The list and events the given notices alone derive."""
    from storage.ledger import event_row
    from storage.schema import LEDGER_EVENTS, table_from_rows

    rows = [event_row(e) for n in notices for e in n.events]
    return derive_tables(table_from_rows(rows, LEDGER_EVENTS), NOW.date())


def publish(store, notices, crash_hook=None):
    designations, events = tables(notices)
    return store.publish(designations, events, created_at=NOW, as_of=NOW.date(), sources={}, code_version="test",
                         crash_hook=crash_hook)


def version_keys(data_dir) -> list[str]:
    root = data_path(data_dir)
    return [str(k.relative_to(root)) for k in (root / "versions").keys()]


def test_the_server_enforces_if_none_match_and_if_match(s3_data_dir):
    key = data_path(s3_data_dir) / "probe"
    first = key.create(b"one")
    with pytest.raises(Conflict):
        key.create(b"two")
    second = key.replace(b"two", first)
    with pytest.raises(Conflict):
        key.replace(b"three", first)  # stale ETag: 412
    assert (key.read_bytes(), key.read_with_etag()[1]) == (b"two", second)


def test_two_writers_on_one_parent_exactly_one_wins_and_the_loser_leaves_nothing(s3_data_dir):
    winner, loser = VersionStore(s3_data_dir), VersionStore(s3_data_dir)
    publish(winner, [SDGT_NOTICE])
    lost = []

    def race():  # the loser reads the same parent while the winner is between its files and its manifest
        with pytest.raises(Conflict) as error:
            publish(loser, [SDGT_NOTICE, FTO_NOTICE])
        lost.append(str(error.value))
        assert version_keys(s3_data_dir) == ["versions/LATEST", "versions/v000001/changes.parquet",
                                             "versions/v000001/designations.parquet",
                                             "versions/v000001/events.parquet", "versions/v000001/manifest.json",
                                             "versions/v000002/changes.parquet",
                                             "versions/v000002/designations.parquet",
                                             "versions/v000002/events.parquet"]

    won = publish(winner, [SDGT_NOTICE, FTO_NOTICE], crash_hook=race)
    assert lost == ["another writer is publishing on v000001"]
    assert (won.name, won.manifest["parent"]) == ("v000002", "v000001")
    assert winner.names() == ["v000001", "v000002"] and loser.latest_name() == "v000002"
    # the loser re-derives on the new parent: nothing changed, so nothing to publish
    assert publish(loser, [SDGT_NOTICE, FTO_NOTICE]) is None


def test_after_a_winner_the_loser_is_told_who_published_and_retries_on_it(s3_data_dir):
    first, second = VersionStore(s3_data_dir), VersionStore(s3_data_dir)
    publish(first, [SDGT_NOTICE])
    assert second.latest_name() == "v000001"  # read its parent ...
    publish(first, [SDGT_NOTICE, FTO_NOTICE])  # ... then the other writer published on it
    from storage.object_versions import claim_parent

    with pytest.raises(Conflict, match="another writer published v000002 on v000001 first"):
        claim_parent(second, "v000001")


def test_a_lost_compare_and_swap_on_latest_withdraws_the_version(s3_data_dir):
    store = VersionStore(s3_data_dir)
    publish(store, [SDGT_NOTICE])
    latest = data_path(s3_data_dir) / "versions" / "LATEST"

    def hand_edit():  # LATEST replaced behind the writer's back (its ETag changes)
        latest.write_bytes(b"v000001 \n")
        store.root.bucket.seen.pop("versions/LATEST")
        store.root.bucket.seen["versions/LATEST"] = '"stale"'

    with pytest.raises(Conflict, match="LATEST moved to v000001 while v000002 was being published"):
        publish(store, [SDGT_NOTICE, FTO_NOTICE], crash_hook=hand_edit)
    assert [k for k in version_keys(s3_data_dir) if "v000002" in k] == []


def test_two_ledger_writers_on_one_read_the_second_must_plan_again(s3_data_dir):
    a, b = Ledger(s3_data_dir), Ledger(s3_data_dir)
    plan_a, plan_b = a.plan([SDGT_NOTICE]), b.plan([FTO_NOTICE])
    a.write(plan_a)
    with pytest.raises(Conflict):
        b.write(plan_b)
    b.write(b.plan([FTO_NOTICE]))
    assert sorted(e["program"] for e in Ledger(s3_data_dir).read_events()) == ["FTO", "SDGT"]


def test_the_lease_excludes_a_second_writer_until_released(s3_data_dir):
    with data_lock(s3_data_dir):
        with pytest.raises(LockTimeout, match="is locked by another run"):
            with data_lock(s3_data_dir, timeout=0.3):
                pass
    with data_lock(s3_data_dir, timeout=0.3):
        pass  # released on exit


def test_a_dead_workers_lease_expires_and_a_live_one_is_renewed(s3_data_dir):
    key = data_path(s3_data_dir) / ".lock"
    key.write_bytes(json.dumps({"owner": "dead:1", "expires": time.time() + 0.5}).encode())
    started = time.monotonic()
    with data_lock(s3_data_dir, timeout=5):
        assert 0.4 < time.monotonic() - started < 3
        assert json.loads(key.read_bytes())["owner"] != "dead:1"
    with lease(key, seconds=0.3):
        time.sleep(0.8)  # renewed every 0.1 s: still ours
        assert json.loads(key.read_bytes())["expires"] > time.time()
        with pytest.raises(LockTimeout):
            with lease(key, timeout=0.2, seconds=0.3):
                pass


KILLED_PUBLISH = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from tests.storage.test_s3_store import publish, SDGT_NOTICE, FTO_NOTICE
from storage.versions import VersionStore
publish(VersionStore({data_dir!r}), [SDGT_NOTICE, FTO_NOTICE], crash_hook=lambda: os.kill(os.getpid(), signal.SIGKILL))
"""


def test_a_writer_killed_mid_publish_leaves_no_visible_half_version(s3_data_dir):
    store = VersionStore(s3_data_dir)
    publish(store, [SDGT_NOTICE])
    code = KILLED_PUBLISH.format(repo=str(REPO), data_dir=s3_data_dir)
    killed = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=dict(os.environ), timeout=60)
    assert killed.returncode == -9
    assert sorted({k.split("/")[1] for k in version_keys(s3_data_dir)}) == ["LATEST", "v000001", "v000002"]
    reader = VersionStore(s3_data_dir)
    assert (reader.names(), reader.latest_name()) == (["v000001"], "v000001")  # v000002 has no manifest
    with pytest.raises(Conflict, match="another writer is publishing on v000001"):
        publish(VersionStore(s3_data_dir), [SDGT_NOTICE, FTO_NOTICE])  # its claim is younger than a lease
    time.sleep(0.6)
    published = publish(VersionStore(s3_data_dir, lease_seconds=0.5), [SDGT_NOTICE, FTO_NOTICE])
    assert (published.name, published.manifest["parent"]) == ("v000002", "v000001")
    assert sorted(k for k in version_keys(s3_data_dir) if "v000002" in k) == [
        f"versions/v000002/{f}" for f in ("changes.parquet", "designations.parquet", "events.parquet",
                                          "manifest.json")]


def test_the_fetch_log_is_segments_that_readers_compact_once_old(s3_data_dir):
    from storage.raw import RawArchive

    root = data_path(s3_data_dir) / "raw" / "fetch_log"
    two_hours_ago = time.time_ns() - 7200 * 10**9
    for number in range(20):  # twenty old runs, one fetch each
        record = {"url": f"https://www.federalregister.gov/d/{number}", "status": 200, "sha256": f"{number:064d}"}
        (root / f"{two_hours_ago + number:020d}-1-aaaa.jsonl").write_bytes(json.dumps(record).encode() + b"\n")
    archive = RawArchive(s3_data_dir)
    for number in (20, 21):
        archive.append_log({"url": f"https://www.federalregister.gov/d/{number}", "status": 200,
                            "sha256": f"{number:064d}"})
    archive.flush()  # the segment is written in the background: others see it once flushed (a run's end)
    expected = [f"https://www.federalregister.gov/d/{n}" for n in range(22)]
    assert [r["url"] for r in RawArchive(s3_data_dir).read_log()] == expected
    names = [k.name for k in root.keys()]
    assert len(names) == 2 and names[0] == f"{two_hours_ago + 19:020d}-1-aaaa.z.jsonl"  # this process's segment
    assert [r["url"] for r in RawArchive(s3_data_dir).read_log()] == expected
    assert RawArchive(s3_data_dir).last_fetch(expected[3])["sha256"] == f"{3:064d}"


def test_the_validators_come_from_the_seal_and_the_log_stays_every_segment(s3_data_dir, monkeypatch):
    import obstore

    from storage.raw import RawArchive

    def record(number: int, etag: str, status: int = 200) -> dict:
        return {"url": f"https://www.federalregister.gov/d/{number}", "status": status, "sha256": f"{number:064d}",
                "etag": etag}

    first = RawArchive(s3_data_dir)
    assert first.last_fetch(record(1, "")["url"]) is None  # no seal, no segment: an empty log
    first.append_log(record(1, "a"))
    first.close()  # the seal now holds d/1
    second = RawArchive(s3_data_dir)
    assert second.last_fetch(record(1, "")["url"])["etag"] == "a"
    second.append_log(record(2, "b"))
    second.append_log(record(1, "a", status=304))
    second.close()
    fetched = []
    get = obstore.get
    monkeypatch.setattr(obstore, "get", lambda store, key, **options: (fetched.append(key), get(store, key))[1])
    reader = RawArchive(s3_data_dir)
    assert [reader.last_fetch(record(n, "")["url"])["etag"] for n in (1, 2)] == ["a", "b"]
    assert fetched == ["raw/fetch_validators.jsonl"]  # one GET, however many segments
    assert [(r["etag"], r["status"]) for r in RawArchive(s3_data_dir).read_log()] == [("a", 200), ("b", 200),
                                                                                        ("a", 304)]


def test_without_a_seal_the_validators_are_read_from_the_segments_and_sealed(s3_data_dir):
    from storage.raw import RawArchive

    segment = data_path(s3_data_dir) / "raw" / "fetch_log" / f"{time.time_ns():020d}-1-dead.jsonl"
    segment.write_bytes(json.dumps({"url": "https://www.state.gov/x/", "status": 200, "sha256": "1" * 64,
                                    "etag": "e1"}).encode() + b"\n")  # a run that died before its seal
    archive = RawArchive(s3_data_dir)
    assert archive.last_fetch("https://www.state.gov/x/")["etag"] == "e1"
    archive.close()
    seal = (data_path(s3_data_dir) / "raw" / "fetch_validators.jsonl").read_bytes()
    assert [json.loads(line)["etag"] for line in seal.splitlines()] == ["e1"]


def test_an_archived_payload_is_read_from_its_verified_local_copy_and_a_bad_copy_is_not_used(s3_data_dir):
    from storage import payload_cache
    from storage.raw import RawArchive

    archive = RawArchive(s3_data_dir)
    sha = archive.write_payload(b"<html>Cartel de los Soles</html>")
    archive.object_path(sha).write_bytes(b"<html>gone from the store</html>")  # the store's copy altered
    assert RawArchive(s3_data_dir).read_verified(sha) == b"<html>Cartel de los Soles</html>"  # the local copy
    (payload_cache.root() / sha).write_bytes(b"<html>a fake FTO</html>")  # the local copy altered too
    reader = RawArchive(s3_data_dir)
    assert reader.read_verified(sha) is None and not (payload_cache.root() / sha).exists()
    assert reader.warnings == [f"raw/objects/{sha[:2]}/{sha} did not match its sha256: set aside in raw/quarantine"]


def test_a_steady_stream_of_fetches_is_put_as_it_goes_not_only_at_the_end(s3_data_dir):
    from storage.raw import RawArchive

    archive = RawArchive(s3_data_dir)
    for number in range(15):  # a fetch every 30 ms: each rewrite is overtaken by the next line
        archive.append_log({"url": f"https://www.federalregister.gov/d/{number}", "status": 200, "sha256": "0" * 64})
        time.sleep(0.03)
    [segment] = (data_path(s3_data_dir) / "raw" / "fetch_log").keys()
    assert len(segment.read_bytes().splitlines()) >= 5  # put while the stream went on, before any flush
    archive.flush()
    assert len(segment.read_bytes().splitlines()) == 15
