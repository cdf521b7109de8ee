"""A 4 GB gzip bomb, a 300 MB body and a trickle beside an honest notice: python benchmarks/bench_hostile_bodies.py.

The hostile bodies are generated as they are sent (never stored); `designations run` runs in a child process so
that its peak RSS is measured alone. The run must publish the honest notice and stay under 300 MB.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

RSS_LIMIT_MB = 300


def measure(bomb_gb: float = 4.0, huge_mb: int = 300, trickle: bool = True, deadline: float = 10.0) -> dict:
    """Run once against the hostile mirrors; wall time, peak RSS of the run, what it published and reported."""
    from tests.flows.fr_fixtures import cartel_de_los_soles
    from tests.mirror.fr_api import MirrorDocument
    from tests.mirror.hostile import HostileFRMirror, StreamingServer

    honest = cartel_de_los_soles()
    with StreamingServer() as hostile_site:
        hostile_site.bomb("/bomb.xml", bomb_gb)
        hostile_site.huge("/huge.xml", huge_mb)
        hostile_site.trickle("/slow.xml", every=0.5)
        documents = [honest]
        paths = ["/bomb.xml", "/huge.xml"] + (["/slow.xml"] if trickle else [])
        for offset, path in enumerate(paths, 1):
            meta = dict(honest.meta, document_number=f"2025-2076{offset}", toc_doc=None,
                        title=f"Foreign Terrorist Organization Designation number {offset}",
                        html_url=f"https://www.federalregister.gov/d/2025-2076{offset}",
                        full_text_xml_url=hostile_site.base_url + path)  # on a configured base: only size stops it
            documents.append(MirrorDocument(meta, b"<NOTICE/>"))
        with HostileFRMirror(documents) as fr, tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, DESIGNATIONS_DATA_DIR=tmp, DESIGNATIONS_FR_API=fr.api_base,
                       DESIGNATIONS_STATE_BASE=hostile_site.base_url, DESIGNATIONS_SOURCES="federal_register",
                       DESIGNATIONS_FR_API_RPS="1000", DESIGNATIONS_FR_FULLTEXT_RPS="1000",
                       DESIGNATIONS_HTTP_RETRIES="1", DESIGNATIONS_HTTP_BACKOFF="0.01",
                       DESIGNATIONS_HTTP_DEADLINE=str(deadline), DESIGNATIONS_HTTP_TIMEOUT="5")
            started = time.perf_counter()
            child = subprocess.run([sys.executable, "-c", _CHILD], env=env, cwd=REPO, capture_output=True, text=True)
            wall = time.perf_counter() - started
            if child.returncode != 0:
                raise RuntimeError(child.stderr[-2000:])
            result = json.loads(child.stdout.strip().splitlines()[-1])
    return {"wall_s": round(wall, 1), **result}


_CHILD = """
import json, resource
from datetime import date
from flows.config import Settings
from flows.pipeline import run_nightly
report = run_nightly(Settings.from_env(), since=date(2025, 11, 1))
names = [e.name for n in report.notices for e in n.events]
def peak_rss_kb():
    # VmHWM belongs to this process image; ru_maxrss also counts the parent's pages before exec (fork).
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"peak_rss_mb": round(peak_rss_kb() / 1024),
                  "published": report.published.name if report.published else None, "names": names,
                  "degraded": report.sources["federal_register"].detail}))
"""


def main() -> None:
    figures = measure()
    print(json.dumps(figures, indent=2))
    ok = figures["peak_rss_mb"] < RSS_LIMIT_MB and figures["names"] == ["Cartel de los Soles"]
    print("OK" if ok else "FAILED: over the RSS limit or the honest notice was not published")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
