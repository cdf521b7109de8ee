"""Backfill of 15,000 FR documents via the capped mirror: python benchmarks/bench_backfill.py [TOTAL DESIGNATIONS]."""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.pipeline import run_backfill  # noqa: E402
from storage.versions import VersionStore  # noqa: E402
from tests.conftest import mirror_settings  # noqa: E402
from tests.flows.test_backfill import expected_list  # noqa: E402
from tests.mirror.corpus import backfill_corpus  # noqa: E402
from tests.mirror.fr_api import FRMirror  # noqa: E402

START, END = date(2016, 1, 1), date(2025, 12, 31)
NOW = datetime(2026, 1, 15, 12, tzinfo=timezone.utc)
BENCH_RPS = 1000.0
PRODUCTION_API_RPS, PRODUCTION_FULLTEXT_RPS = 5.0, 1.0


def rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def derived_list(data_dir: Path) -> dict[tuple[str, str], dict]:
    """The published list in the shape of tests/flows/test_backfill.py:expected_list."""
    store = VersionStore(data_dir)
    rows = store.read_table(store.latest_name(), "designations").to_pylist()
    return {(r["program"], r["name"]): {"aliases": set(r["aliases"]), "status": r["status"],
                                        "designated_on": r["designated_on"], "revoked_on": r["revoked_on"],
                                        "citations": set(r["citations"])} for r in rows}


def main(total: int, designations: int) -> None:
    started = time.perf_counter()
    corpus = backfill_corpus(total=total, designations=designations, start=START, end=END)
    print(f"corpus: {len(corpus.documents):,} documents, {len(corpus.expected)} designation notices, "
          f"{len(corpus.near_misses)} near misses (built in {time.perf_counter() - started:.1f} s)")
    marks: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, FRMirror(corpus.documents) as fr:
        settings = mirror_settings(Path(tmp) / "data", fr=fr, fr_api_rps=BENCH_RPS, fr_fulltext_rps=BENCH_RPS)
        print(f"rate limits used: FR API {settings.fr_api_rps:g} req/s, full text {settings.fr_fulltext_rps:g} req/s "
              f"(local mirror; production defaults {PRODUCTION_API_RPS:g} and {PRODUCTION_FULLTEXT_RPS:g})")
        rss_before = rss_mb()
        started = time.perf_counter()
        report = run_backfill(settings, START, END, now=NOW,
                              progress=lambda done, todo, item: marks.append(time.perf_counter()))
        finished = time.perf_counter()
        rss_after = rss_mb()
        searches = fr.requests.count("/api/v1/documents.json")
        full_texts = fr.requests.count("/documents/full_text/")
        served = len(fr.requests)
        matches = derived_list(Path(tmp) / "data") == expected_list(corpus)
        published = report.published
    wall = finished - started
    search_phase = (marks[0] if marks else finished) - started
    fetch_phase = (marks[-1] - marks[0]) if marks else 0.0
    ingest_phase = finished - (marks[-1] if marks else finished)

    expected_numbers = {e.document_number for e in corpus.expected}
    with_events = {n.document.document_id for n in report.notices if n.events}
    print(f"wall time: {wall:.1f} s  (search {search_phase:.1f} s, fetch+parse {fetch_phase:.1f} s, "
          f"ledger+derive+publish {ingest_phase:.1f} s)")
    print(f"requests served by the mirror: {served}  (search pages {searches}, full-text downloads {full_texts})")
    print(f"requests in the report: {dict(sorted(report.requests.items()))}")
    print(f"documents parsed: {len(report.notices)}  with events: {len(with_events)}  "
          f"designation notices found: {len(with_events & expected_numbers)} of {len(expected_numbers)} expected  "
          f"review items: {len(report.review)}  degraded: {report.degraded or 'none'}")
    print(f"events added: {report.events_added} (expected {len(corpus.expected)})  replaced: {report.events_replaced}")
    if published:
        print(f"published {published.name}: {published.manifest['row_counts']}")
    print(f"derived list equals corpus truth: {matches}")
    print(f"peak RSS (whole process: corpus + mirror + run): {rss_before:.0f} MB before the run, "
          f"{rss_after:.0f} MB after")

    api = report.requests.get("fr_api", 0)
    fulltext = report.requests.get("fr_fulltext", 0)
    search_floor, fetch_floor = api / PRODUCTION_API_RPS, fulltext / PRODUCTION_FULLTEXT_RPS
    projected = max(search_phase, search_floor) + max(fetch_phase, fetch_floor) + ingest_phase
    print(f"projected at production limits ({PRODUCTION_API_RPS:g} req/s API, {PRODUCTION_FULLTEXT_RPS:g} req/s full "
          f"text): {api} API requests >= {search_floor:.0f} s, {fulltext} full texts >= {fetch_floor:.0f} s, "
          f"total ~{projected:.0f} s ({projected / 60:.1f} min)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args + [15_000, 300][len(args):]))
