"""Honest runs against dead hosts, default settings: python benchmarks/bench_dead_sources.py.

1. A first `designations run` with no network (every base refused or unresolvable): exit status, whether a version
   appeared, wall time (target < 15 s).
2. A run with five dead sites and a live FR mirror, against the same run with only the FR enabled (target <= 1.2x).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.flows.fr_fixtures import cartel_de_los_soles  # noqa: E402
from tests.mirror.fr_api import FRMirror  # noqa: E402

DESIGNATIONS = str(Path(sys.executable).with_name("designations"))
REFUSED = "http://127.0.0.1:9"
UNRESOLVABLE = "http://no-such-host.invalid"
ALL = "federal_register,public_inspection,state,treasury,ofac_recent_actions,ofac_lists,state_fto_page"
ROUNDS = 5


def timed_run(env: dict[str, str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run([DESIGNATIONS, "run"], cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True)
    return time.perf_counter() - started, done.returncode, done.stderr.strip().splitlines()[-1] if done.stderr else ""


def no_network() -> None:
    for label, dead in (("refused", REFUSED), ("name does not resolve", UNRESOLVABLE)):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            env = {"DESIGNATIONS_DATA_DIR": str(data), "DESIGNATIONS_FR_API": dead + "/api/v1",
                   "DESIGNATIONS_STATE_BASE": dead, "DESIGNATIONS_TREASURY_BASE": dead,
                   "DESIGNATIONS_OFAC_BASE": dead, "DESIGNATIONS_OFAC_LIST_BASE": dead}
            elapsed, code, last = timed_run(env)
            versions = sorted(p.name for p in (data / "versions").glob("v*")) if (data / "versions").exists() else []
            print(f"first run, no network ({label}), defaults: exit {code}, versions {versions or 'none'}, "
                  f"{elapsed:.2f} s [{'ok' if code == 1 and not versions and elapsed < 15 else 'MISSED'}]")
            print(f"  stderr: {last}")


def dead_sites() -> None:
    timings: dict[str, list[float]] = {"fr": [], "all": []}
    with FRMirror([cartel_de_los_soles()]) as fr:
        for _ in range(ROUNDS):  # interleaved, so the machine's load drifts over both alike
            for key, sources in (("fr", "federal_register,public_inspection"), ("all", ALL)):
                with tempfile.TemporaryDirectory() as tmp:
                    env = {"DESIGNATIONS_DATA_DIR": str(Path(tmp) / "data"), "DESIGNATIONS_FR_API": fr.api_base,
                           # four dead hosts, as in life (every 127.x address refuses port 9)
                           "DESIGNATIONS_STATE_BASE": REFUSED, "DESIGNATIONS_TREASURY_BASE": "http://127.0.0.2:9",
                           "DESIGNATIONS_OFAC_BASE": "http://127.0.0.3:9", "DESIGNATIONS_OFAC_LIST_BASE": "http://127.0.0.4:9",
                           "DESIGNATIONS_FIRST_RUN_DAYS": "100000", "DESIGNATIONS_SOURCES": sources}
                    elapsed, code, _ = timed_run(env)
                    assert code == 0, f"exit {code}"
                    timings[key].append(elapsed)
    fr_only, everything = min(timings["fr"]), min(timings["all"])
    ratio = everything / fr_only
    print(f"FR only: {fr_only:.2f} s; FR + five dead sites: {everything:.2f} s; ratio {ratio:.2f} "
          f"[{'ok' if ratio <= 1.2 else 'MISSED'}] (best of {ROUNDS}, interleaved, default retries and backoff)")


if __name__ == "__main__":
    no_network()
    dead_sites()
