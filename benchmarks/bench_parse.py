"""Parse throughput on one core, FR fixtures and a whole daily issue: python benchmarks/bench_parse.py."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parsers.dispatch import parse_fr  # noqa: E402
from parsers.federal_register import parse_fr_document, parse_fr_issue  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "federal_register"
SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR", REPO.parent / "shared"))
DAILY_ISSUE = SHARED / "reference" / "federal-register" / "daily-issue-2016-04-15.xml"
MIN_SECONDS = 2.0
TARGET = 500  # issue 7: parse throughput stays >= 500 notices/s on one core


def repeat(work, min_seconds: float = MIN_SECONDS) -> tuple[int, float, int]:
    """One warm-up call, then work() until min_seconds have passed: (rounds, seconds, what the last round returned)."""
    work()
    rounds, started, last = 0, time.perf_counter(), 0
    while (elapsed := time.perf_counter() - started) < min_seconds or rounds == 0:
        last = work()
        rounds += 1
    return rounds, elapsed, last


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cases = []
    for xml_path in sorted(FIXTURES.glob("*.xml")):
        meta_path = xml_path.with_suffix(".json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        cases.append((meta, xml_path.read_bytes()))
    size = sum(len(xml) for _, xml in cases)
    print(f"fixtures: {len(cases)} XML documents, {size / 1e3:.0f} kB (pinned to one core)")
    for label, parse in (("parsers.dispatch.parse_fr", parse_fr), ("parse_fr_document", parse_fr_document)):
        rounds, seconds, _ = repeat(lambda: [parse(meta, xml) for meta, xml in cases])
        rate = rounds * len(cases) / seconds
        print(f"  {label:<26} {rounds * len(cases):6d} notices in {seconds:.2f} s: {rate:7.0f} notices/s, "
              f"{rounds * size / seconds / 1e6:5.2f} MB/s, {1e3 / rate:.2f} ms/notice  "
              f"target >= {TARGET}: {'met' if rate >= TARGET else 'MISSED'}")

    if not DAILY_ISSUE.exists():
        print(f"daily issue: {DAILY_ISSUE} not found (set DESIGNATIONS_SHARED_DIR)")
        return
    data = DAILY_ISSUE.read_bytes()
    rounds, seconds, notices = repeat(lambda: len(parse_fr_issue(data)))
    rate = rounds * notices / seconds
    print(f"daily issue {DAILY_ISSUE.name}: {len(data) / 1e6:.2f} MB, {notices} documents per issue")
    print(f"  {'parse_fr_issue':<26} {rounds} issues in {seconds:.2f} s: {rate:7.0f} notices/s, "
          f"{rounds * len(data) / seconds / 1e6:5.2f} MB/s, {seconds / rounds:.2f} s/issue  "
          f"target >= {TARGET}: {'met' if rate >= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
