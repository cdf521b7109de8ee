"""The ingestion pipeline as plain functions: poll, archive, parse, ledger, derive, publish, report."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import Callable

from flows.config import Settings
from flows.http import HttpClient
from flows.reconcile import reconcile_fto_page, uncertain_matches
from flows.report import RunReport
from parsers.model import Notice
from parsers.state_fto_page import FtoPage
from storage.derive import derive_tables
from storage.ledger import Ledger
from storage.lock import data_lock
from storage.raw import RawArchive
from storage.versions import VersionStore

Progress = Callable[[int, int, str], None]


@dataclass
class Run:
    """One pass of the pipeline: its settings, clock, stores, HTTP client and report."""

    settings: Settings
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    mode: str = "run"
    fto_page: FtoPage | None = None

    def __post_init__(self) -> None:
        self.archive = RawArchive(self.settings.data_dir)
        self.ledger = Ledger(self.settings.data_dir)
        self.versions = VersionStore(self.settings.data_dir)
        self.client = HttpClient(self.settings, self.archive)
        self.report = RunReport(mode=self.mode, started_at=self.now)

    @property
    def today(self) -> date:
        """The legal date of this run (the list is derived as of this day)."""
        return self.now.date()


def code_version() -> str:
    """The installed package version, for manifests."""
    try:
        return version("designations")
    except PackageNotFoundError:
        return "unknown"


def fr_cursor(run: Run) -> date:
    """Where a nightly search starts: the newest FR publication in the ledger minus the lookback window."""
    dates = [d["published_on"] for d in run.ledger.read_documents()
             if d["source"] == "federal_register" and d["stage"] == "published" and d["published_on"]]
    if not dates:
        return run.today - timedelta(days=run.settings.first_run_days)
    return min(max(dates), run.today) - timedelta(days=run.settings.lookback_days)


def _merge(run: Run, notices: list[Notice]) -> None:
    """Add notices to the ledger (caller holds the data lock) and count what they changed."""
    run.report.notices.extend(notices)
    merge = run.ledger.merge(notices)
    run.report.events_added += len(merge.added)
    run.report.events_replaced += len(merge.replaced)


def checkpoint(run: Run, notices: list[Notice]) -> None:
    """Keep notices in the ledger now, without publishing (long backfills)."""
    with data_lock(run.settings.data_dir):
        _merge(run, notices)


def ingest(run: Run, notices: list[Notice]) -> RunReport:
    """Merge notices into the ledger and publish a new version if the list changed, under the data lock."""
    report = run.report
    with data_lock(run.settings.data_dir):
        _merge(run, notices)
        designations, events = derive_tables(run.ledger.read_events_table(), run.today)
        report.refused = _refusal(run, designations)
        if report.refused is None:
            report.published = run.versions.publish(
                designations, events, created_at=run.now, as_of=run.today,
                sources={s.name: s.status for s in report.sources.values()}, code_version=code_version())
    rows = designations.to_pylist()
    report.pending_overdue = _overdue(run, rows)
    report.reconciliation += uncertain_matches(rows)
    if run.fto_page is not None:
        report.reconciliation += reconcile_fto_page(run.fto_page, rows)
    return report


def _refusal(run: Run, designations) -> str | None:
    """The ledger only grows, so a list with fewer rows than its parent means something broke."""
    parent = run.versions.latest_name()
    if parent is None:
        return None
    before = run.versions.read_manifest(parent)["row_counts"]["designations"]
    if designations.num_rows < before:
        return f"the derived list has {designations.num_rows} designations, fewer than {before} in {parent}"
    return None


def _overdue(run: Run, designations: list[dict]) -> list[dict]:
    """Announcements still pending after the configured number of days."""
    limit = run.today - timedelta(days=run.settings.pending_alert_days)
    return [
        {"program": d["program"], "name": d["name"], "announced_on": d["announced_on"]}
        for d in designations
        if d["status"] == "pending" and d["announced_on"] and d["announced_on"] < limit
    ]


def finish(run: Run) -> RunReport:
    """Close the report with request counts and the end time."""
    run.report.requests = dict(run.client.sent.counts)
    run.report.warnings += run.client.warnings + run.archive.warnings + run.versions.warnings
    run.report.finished_at = datetime.now(timezone.utc)
    return run.report


def poll_source(run: Run, name: str, since: date | None = None, until: date | None = None,
                progress: Progress | None = None, earlier: list[Notice] = (),
                keep: Callable[[list[Notice]], None] | None = None) -> list[Notice]:
    """Ask one source what is new (`earlier`: this run's notices so far); a failing source adds nothing."""
    from flows.federal_register import poll_federal_register, poll_public_inspection
    from flows.state import fetch_fto_page, poll_state
    from flows.treasury import poll_treasury

    if name == "federal_register":
        return poll_federal_register(run, since or fr_cursor(run), until or run.today, progress, keep)
    if name == "public_inspection":
        return poll_public_inspection(run)
    if name == "state":
        return poll_state(run)
    if name == "treasury":
        return poll_treasury(run)
    if name == "state_fto_page":
        run.fto_page = fetch_fto_page(run)
        return []
    if name == "ofac_lists":
        from flows.ofac import poll_ofac_lists

        return poll_ofac_lists(run)
    if name == "ofac_recent_actions":
        from flows.ofac import poll_ofac_recent_actions

        return poll_ofac_recent_actions(run, also=earlier)  # pages linked from Treasury releases
    raise ValueError(f"unknown source {name!r}")


def poll_all(run: Run, since: date | None = None) -> list[Notice]:
    """Every enabled source in turn."""
    notices: list[Notice] = []
    for name in run.settings.enabled_sources:
        notices += poll_source(run, name, since, earlier=notices)
    return notices


def run_nightly(settings: Settings, since: date | None = None, now: datetime | None = None) -> RunReport:
    """One ingestion pass over every source, publishing a version if anything changed."""
    run = Run(settings, now or datetime.now(timezone.utc), mode="run")
    ingest(run, poll_all(run, since))
    return finish(run)


def run_backfill(settings: Settings, since: date, until: date | None = None, progress: Progress | None = None,
                 now: datetime | None = None) -> RunReport:
    """The Federal Register over a historical range, then one publish."""
    run = Run(settings, now or datetime.now(timezone.utc), mode="backfill")
    until = until or run.today
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    keep = lambda notices: checkpoint(run, notices)  # noqa: E731
    ingest(run, poll_source(run, "federal_register", since, until, progress, keep=keep))
    return finish(run)


def run_announcement(settings: Settings, document: str | None = None, url: str | None = None,
                     now: datetime | None = None) -> RunReport:
    """Ingest one named document now: an FR document number or a State/Treasury/FR URL."""
    from flows.announce import fetch_announced

    run = Run(settings, now or datetime.now(timezone.utc), mode="announce")
    ingest(run, fetch_announced(run, document=document, url=url))
    return finish(run)
