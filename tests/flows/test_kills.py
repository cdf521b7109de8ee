"""SIGKILL a real `designations run` at many points: no half version is ever visible, nothing is lost, the list
never shrinks, and the next run finishes the work."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq

from storage.versions import VersionStore
from tests.conftest import REPO
from tests.mirror import FRMirror, backfill_corpus

CHAINS, KILLS_PER_CHAIN = 4, 9  # 36 kills in all, four data directories killed in parallel
SINCE = "2026-09-01"
VERSION_FILES = ["changes.parquet", "designations.parquet", "events.parquet", "manifest.json"]


def corpus():
    """80 FR documents of autumn 2026, 72 of them State designation notices (with the truth)."""
    return backfill_corpus(total=80, designations=72, start=date(2026, 9, 1), end=date(2026, 11, 27), seed=3)


def start_run(data_dir: Path, fr: FRMirror) -> subprocess.Popen:
    env = dict(os.environ, DESIGNATIONS_DATA_DIR=str(data_dir), DESIGNATIONS_FR_API=fr.api_base,
               DESIGNATIONS_SOURCES="federal_register", DESIGNATIONS_FR_API_RPS="1000",
               DESIGNATIONS_FR_FULLTEXT_RPS="1000", DESIGNATIONS_HTTP_BACKOFF="0.01", DESIGNATIONS_HTTP_RETRIES="1")
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--since", SINCE], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def snapshot(data_dir: Path) -> dict:
    """What the data directory held before a run: fetch-log size, ledger time, versions."""
    log, events = data_dir / "raw" / "fetch_log.jsonl", data_dir / "ledger" / "events.parquet"
    return {"log": log.stat().st_size if log.exists() else 0,
            "events": events.stat().st_mtime_ns if events.exists() else 0,
            "versions": set(VersionStore(data_dir).names()), "started": time.monotonic()}


def _fetching(data_dir, before):
    log = data_dir / "raw" / "fetch_log.jsonl"
    return log.exists() and log.stat().st_size > before["log"] + 2000


def _ledger_written(data_dir, before):
    events = data_dir / "ledger" / "events.parquet"
    return events.exists() and events.stat().st_mtime_ns != before["events"]


def _staging(data_dir, before):
    staging = data_dir / "staging"
    return staging.exists() and any(staging.iterdir())


def _renamed(data_dir, before):
    versions = data_dir / "versions"
    return versions.exists() and any(re.fullmatch(r"v\d{6}", p.name) and p.name not in before["versions"]
                                     for p in versions.iterdir())


def _starting(data_dir, before):
    return time.monotonic() - before["started"] > 0.4


# Where a kill lands: starting up, mid-fetch, after the ledger write, mid-publish, between rename and LATEST.
MOMENTS = (_starting, _fetching, _ledger_written, _staging, _renamed)


def visible_state(data_dir: Path) -> list[int]:
    """Check what any reader could see now; the designation counts of the versions, oldest first."""
    versions = data_dir / "versions"
    if not versions.exists():
        return []
    for entry in versions.iterdir():
        # A kill while LATEST is replaced leaves its temporary file (swept by the next publish), never a directory.
        assert entry.name == "LATEST" or re.fullmatch(r"v\d{6}", entry.name) or (
            re.fullmatch(r"\.LATEST\.\w+\.tmp", entry.name) and entry.is_file()), entry.name
    for found in data_dir.glob("versions/*/designations.parquet"):  # the README's own DuckDB glob
        assert sorted(p.name for p in found.parent.iterdir()) == VERSION_FILES, found.parent
    store = VersionStore(data_dir)
    counts = []
    for name in store.names():
        manifest = json.loads((store.path(name) / "manifest.json").read_text())
        rows = pq.read_metadata(store.path(name) / "designations.parquet").num_rows
        assert rows == manifest["row_counts"]["designations"]
        counts.append(rows)
    assert counts == sorted(counts), counts  # never shrinks
    return counts


def kill_chain(chain: int, root: Path, documents, expected) -> tuple[int, list[int]]:
    """Grow the mirror chunk by chunk, killing a run each time at a different moment; then let one finish."""
    data_dir = root / f"chain{chain}" / "data"
    chunks = [documents[i::KILLS_PER_CHAIN + 1] for i in range(KILLS_PER_CHAIN + 1)]
    landed = 0
    with FRMirror(chunks[0]) as fr:
        for kill in range(KILLS_PER_CHAIN):
            moment = MOMENTS[(chain + kill) % len(MOMENTS)]
            before = snapshot(data_dir)
            process = start_run(data_dir, fr)
            while process.poll() is None and not moment(data_dir, before):
                time.sleep(0.002)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                landed += 1
            process.communicate()
            visible_state(data_dir)
            fr.add(*chunks[kill + 1])
        process = start_run(data_dir, fr)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        counts = visible_state(data_dir)
    store = VersionStore(data_dir)
    rows = store.read_table(store.latest_name(), "designations").to_pylist()
    assert {(r["program"], r["name"]) for r in rows} == expected  # nothing lost
    assert (data_dir / "versions" / "LATEST").read_text().strip() == store.names()[-1]
    assert not list((data_dir / "staging").glob("*")) and not list((data_dir / "versions").glob(".*.tmp"))
    return landed, counts


def test_36_kills_lose_nothing_and_never_show_half_a_version(tmp_path):
    truth = corpus()
    expected = {(e.program, e.name) for e in truth.expected if e.action == "designation"}
    with ThreadPoolExecutor(CHAINS) as pool:
        results = list(pool.map(lambda c: kill_chain(c, tmp_path, truth.documents, expected), range(CHAINS)))
    landed = sum(n for n, _ in results)
    assert landed >= CHAINS * KILLS_PER_CHAIN // 2, f"only {landed} kills landed before the run ended"
    assert all(counts[-1] == len(expected) for _, counts in results)
