"""A nightly run with nothing new, plain vs Prefect: FR requests, wall time: python benchmarks/bench_incremental.py."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OFFLINE = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
MAX_REQUESTS = 3
TARGET_OVERHEAD = 5.0


def child(mode: str) -> None:
    """In a fresh interpreter: import, then one nightly pass (plain or the Prefect flow); print timings as JSON."""
    started = time.perf_counter()
    if mode == "prefect":
        from flows.prefect_flows import nightly

        imported = time.perf_counter()
        report = nightly()
    else:
        from flows.config import Settings
        from flows.pipeline import run_nightly

        imported = time.perf_counter()
        report = run_nightly(Settings.from_env())
    done = time.perf_counter()
    print("BENCH " + json.dumps({"import": imported - started, "call": done - imported, "requests": report.requests,
                                 "published": report.published.name if report.published else None,
                                 "degraded": report.degraded}))


def run_child(mode: str, env: dict[str, str], fr) -> dict:
    """Run one child pass against the mirror; its timings, the parent's wall time and the mirror's request count."""
    fr.requests.reset()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", mode], env=env, capture_output=True, text=True,
                          timeout=600, cwd=REPO)
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {mode} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    statuses = [record.status for record in fr.requests]
    return {"wall": wall, "served": len(statuses), "statuses": statuses, **json.loads(lines[-1][6:])}


def show(label: str, result: dict) -> None:
    ok = "ok" if result["served"] <= MAX_REQUESTS else f"OVER {MAX_REQUESTS}"
    print(f"  {label:<34} wall {result['wall']:6.2f} s  (import {result['import']:5.2f} s, run {result['call']:6.2f} s)"
          f"  FR requests {result['served']} {result['statuses']} [{ok}] client {result['requests']}"
          f"  published {result['published']}"
          f"  degraded {result['degraded'] or 'none'}")


def settings_env(settings) -> dict[str, str]:
    """The DESIGNATIONS_* variables that make Settings.from_env() in a child equal these settings."""
    return settings.to_env()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(home: Path, port: int, log) -> tuple[subprocess.Popen, float]:
    """`prefect server start` on 127.0.0.1 in its own process group; returns it and its time to healthy."""
    env = {**os.environ, **OFFLINE, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    prefect = str(Path(sys.executable).with_name("prefect"))
    started = time.perf_counter()
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--analytics-off"], env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    while time.perf_counter() - started < 300:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                if response.status == 200:
                    return server, time.perf_counter() - started
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("prefect server not healthy after 300 s")


def stop_server(server: subprocess.Popen) -> None:
    """SIGTERM to the server's own process group (it was started with start_new_session), then SIGKILL."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> None:
    from flows.pipeline import run_nightly
    from tests.conftest import mirror_settings
    from tests.mirror.corpus import backfill_corpus
    from tests.mirror.fr_api import FRMirror

    today = date.today()
    corpus = backfill_corpus(total=400, designations=12, start=today - timedelta(days=120),
                             end=today - timedelta(days=1))
    with tempfile.TemporaryDirectory() as tmp, FRMirror(corpus.documents) as fr:
        tmp = Path(tmp)
        settings = mirror_settings(tmp / "data", fr=fr)
        first = run_nightly(settings, since=today - timedelta(days=120))
        print(f"first run: {len(first.notices)} documents, {first.events_added} events, published "
              f"{first.published.name if first.published else None}, requests {first.requests}")

        print("second run, nothing new:")
        fr.requests.reset()
        started = time.perf_counter()
        again = run_nightly(settings)
        print(f"  {'(a) run_nightly in-process':<34} wall {time.perf_counter() - started:6.2f} s  "
              f"FR requests {len(fr.requests)} {[r.status for r in fr.requests]}  published {again.published}")

        env = {k: v for k, v in os.environ.items() if not k.startswith("DESIGNATIONS_") and k != "PREFECT_API_URL"}
        env.update(OFFLINE, PYTHONPATH=str(REPO), **settings_env(settings))
        print(f"children: DESIGNATIONS_SOURCES={settings.sources}, FR API {fr.api_base}, "
              f"rates {settings.fr_api_rps:g}/{settings.fr_fulltext_rps:g} req/s (FR API/full text)")
        plain = [run_child("plain", env, fr) for _ in range(3)]
        for result in plain:
            show("(a) run_nightly, fresh process", result)
        plain_best = min(plain, key=lambda r: r["wall"])

        home = tmp / "prefect-home-ephemeral"
        embedded = {**env, "PREFECT_HOME": str(home)}
        cold = run_child("prefect", embedded, fr)
        show("(b) nightly, embedded, cold HOME", cold)
        warm = [run_child("prefect", embedded, fr) for _ in range(2)]
        for result in warm:
            show("(b) nightly, embedded, warm HOME", result)

        port = free_port()
        with open(tmp / "server.log", "w") as log:
            server, healthy = start_server(tmp / "prefect-home-server", port, log)
            try:
                print(f"  prefect server on 127.0.0.1:{port} healthy after {healthy:.1f} s")
                served = {**env, "PREFECT_HOME": str(tmp / "prefect-home-client"),
                          "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
                against = [run_child("prefect", served, fr) for _ in range(3)]
            finally:
                stop_server(server)
        for result in against:
            show("(c) nightly, running server", result)

    best_warm = min(warm, key=lambda r: r["wall"])
    best_server = min(against, key=lambda r: r["wall"])
    print("Prefect overhead = Prefect wall - plain wall (both fresh processes, best runs):")
    print(f"  (b) embedded cold: {cold['wall'] - plain_best['wall']:.2f} s   "
          f"embedded warm: {best_warm['wall'] - plain_best['wall']:.2f} s")
    overhead = best_server["wall"] - plain_best["wall"]
    print(f"  (c) running server: {overhead:.2f} s (first run {against[0]['wall'] - plain_best['wall']:.2f} s)  "
          f"target < {TARGET_OVERHEAD:g} s: {'met' if overhead < TARGET_OVERHEAD else 'MISSED'}")
    print(f"  of which import: prefect {best_server['import']:.2f} s vs plain {plain_best['import']:.2f} s; "
          f"run: flow {best_server['call']:.2f} s vs run_nightly {plain_best['call']:.2f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
