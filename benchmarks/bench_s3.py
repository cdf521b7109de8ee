"""The data directory on a local S3 server (moto): python benchmarks/bench_s3.py [ROUNDS].

Prints: a no-change run's wall time on local disk and on s3:// (and the ratio), publishing 100,000 designations
on s3://, and ROUNDS (50) rounds of two concurrent writers on one parent (winners, lost events, half versions).
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

NOW = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)


def start_server() -> tuple[subprocess.Popen, str]:
    """moto's standalone S3 server on 127.0.0.1 in a process of its own (as a real store is: its work is not
    done on this process's interpreter), with the AWS variables pointed at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.1)
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1",
                      AWS_ENDPOINT_URL=endpoint)
    return server, endpoint


def bucket(endpoint: str, name: str) -> str:
    import boto3

    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=name)
    return f"s3://{name}/data"


def no_change_run(data_dir, fr, repeats: int = 5) -> float:
    """Median wall time of a nightly run (plain, no Prefect) with nothing new, after one that filed the corpus."""
    from flows.pipeline import run_nightly
    from tests.conftest import mirror_settings

    settings = mirror_settings(data_dir, fr=fr)
    assert run_nightly(settings, since=date(2026, 9, 1), now=NOW).published is not None
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        report = run_nightly(settings, now=NOW)
        times.append(time.perf_counter() - started)
        assert report.published is None
    return statistics.median(times)


def publish_100k(data_dir: str, count: int = 100_000) -> tuple[float, int]:
    import pyarrow as pa

    from benchmarks.synthetic import synthetic_event_rows
    from storage.derive import derive_tables
    from storage.schema import LEDGER_EVENTS
    from storage.versions import VersionStore

    ledger = pa.Table.from_pylist(synthetic_event_rows(count), schema=LEDGER_EVENTS)
    designations, events = derive_tables(ledger, NOW.date())
    started = time.perf_counter()
    VersionStore(data_dir).publish(designations, events, created_at=NOW, as_of=NOW.date(), sources={},
                                   code_version="bench")
    return time.perf_counter() - started, designations.num_rows


def writer(data_dir: str, notice, barrier: threading.Barrier, outcome: dict) -> None:
    """One worker that believes it holds the data directory: plan, write, derive, publish; on Conflict, again."""
    from storage.derive import derive_tables
    from storage.ledger import Ledger
    from storage.store import Conflict
    from storage.versions import VersionStore

    ledger, store = Ledger(data_dir), VersionStore(data_dir)
    barrier.wait()
    for attempt in range(20):
        try:
            plan = ledger.plan([notice])
            ledger.write(plan)
            designations, events = derive_tables(plan.events_table(), NOW.date())
            published = store.publish(designations, events, created_at=NOW, as_of=NOW.date(), sources={},
                                      code_version="bench")
            outcome["published"] = published.name if published else None
            outcome["retries"] = attempt
            return
        except Conflict:
            time.sleep(0.02 * (attempt + 1))
    outcome["published"] = "gave up"


def concurrent_rounds(data_dir: str, rounds: int) -> dict[str, int]:
    from parsers.model import Action, Event, Notice, Program
    from storage.object_versions import version_files
    from storage.versions import VersionStore
    from tests.storage.events import document
    from parsers.model import Source

    submitted, winners, retries = [], 0, 0
    store = VersionStore(data_dir)
    for number in range(rounds):
        parent = store.latest_name()
        outcomes = [{}, {}]
        notices = []
        for side in range(2):
            doc = document(Source.FEDERAL_REGISTER, f"2026-{number:03d}{side}", date(2026, 1, 1))
            event = Event(Program.SDGT, Action.DESIGNATION, f"Organization {number}-{side}", doc,
                          effective_on=date(2026, 1, 1))
            notices.append(Notice(doc, "sdgt_designation", (event,)))
            submitted.append(event.event_id)
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=writer, args=(data_dir, notices[side], barrier, outcomes[side]))
                   for side in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        children = [n for n in store.names() if store.read_manifest(n)["parent"] == parent]
        winners += len(children) == 1
        retries += sum(o.get("retries", 0) for o in outcomes)
    latest = store.latest_name()
    final = set(store.read_table(latest, "events")["event_id"].to_pylist())
    half = [name for name, keys in version_files(store.root).items()
            if sorted(k.name for k in keys) != ["changes.parquet", "designations.parquet", "events.parquet",
                                                "manifest.json"]]
    one_child = all(sum(store.read_manifest(n)["parent"] == p for n in store.names()) <= 1
                    for p in [None, *store.names()])
    return {"winners": winners, "lost events": len(set(submitted) - final), "half versions": len(half),
            "versions": len(store.names()), "retries": retries, "one child per parent": one_child}


def main(rounds: int) -> None:
    from tests.mirror import FRMirror, backfill_corpus

    server, endpoint = start_server()
    try:
        corpus = backfill_corpus(total=80, designations=72, start=date(2026, 9, 1), end=date(2026, 11, 27), seed=3)
        with FRMirror(corpus.documents) as fr, tempfile.TemporaryDirectory() as tmp:
            local = no_change_run(Path(tmp) / "data", fr)
            remote = no_change_run(bucket(endpoint, "bench-run"), fr)
        print(f"no-change run (80 FR documents filed, plain pipeline, median of 5): local {local:.3f} s, "
              f"s3 {remote:.3f} s, ratio {remote / local:.2f} (target <= 2)")
        seconds, rows = publish_100k(bucket(endpoint, "bench-publish"))
        print(f"publish {rows:,} designations on s3: {seconds:.2f} s (target < 5)")
        started = time.perf_counter()
        result = concurrent_rounds(bucket(endpoint, "bench-race"), rounds)
        print(f"{rounds} rounds of two concurrent writers on one parent ({time.perf_counter() - started:.1f} s): "
              + ", ".join(f"{k} {v}" for k, v in result.items()))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
