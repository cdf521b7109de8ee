"""The ingestion pipeline as plain functions: poll, archive, parse, ledger, derive, publish, report."""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import Callable, Iterator, Mapping

from flows import registry
from flows.config import Settings
from flows.http import HttpClient
from flows.poll import Ask, Check, Poll, SourceRun, absorb
from flows.reconcile import uncertain_matches
from flows.report import RunReport
from flows.reread import curate, needs_curating, notice_from_ledger, reread_documents
from parsers.model import Notice
from parsers.names import document_key
from storage.curations import Curation, CurationError, read_curations, withdrawn_by_curations
from storage.derive import derive_tables
from storage.ledger import Ledger, LedgerPlan, document_key_of
from storage.ledger_snapshot import LedgerSnapshot
from storage.lock import data_lock
from storage.raw import RawArchive
from storage.store import Conflict, is_object_store
from storage.versions import VersionStore

Progress = Callable[[int, int, str], None]
SHOWN_LOST = 5  # designations named when a list would shrink
PUBLISH_ATTEMPTS = 5  # another writer won a conditional write on object storage: plan again on what it wrote


@dataclass
class Run:
    """One pass of the pipeline: its settings, clock, stores, HTTP client, ledger snapshot and report."""

    settings: Settings
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    mode: str = "run"

    def __post_init__(self) -> None:
        self.archive = RawArchive(self.settings.data_dir)
        self.ledger = Ledger(self.settings.data_dir)
        self.versions = VersionStore(self.settings.data_dir, self.settings.lease_seconds)
        self.client = HttpClient(self.settings, self.archive)
        self.report = RunReport(mode=self.mode, started_at=self.now)
        self._snapshot: LedgerSnapshot | None = None
        self._early: dict[str, Future] = {}
        if is_object_store(self.settings.data_dir):  # each read is a round trip: start them side by side
            pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="run-start")
            self._early = {"snapshot": pool.submit(LedgerSnapshot.read, self.ledger),
                           "latest": pool.submit(self.versions.pointed),
                           "curations": pool.submit(read_curations, self.settings.curations_dir)}
            pool.submit(self.archive.preload_log)
            pool.shutdown(wait=False)

    def _early_result(self, what: str, read: Callable[[], object]):
        """What a read started with the run found (once; its error raised here), else read now."""
        started = self._early.pop(what, None)
        return started.result() if started is not None else read()

    @property
    def snapshot(self) -> LedgerSnapshot:
        """The ledger as this run knows it: read once, then kept up to date by the run's own writes."""
        if self._snapshot is None:
            self._snapshot = self._early_result("snapshot", lambda: LedgerSnapshot.read(self.ledger))
        return self._snapshot

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data lock; the snapshot is checked against the ledger files once, as the lock is taken
        (while the lock is held nobody else writes them)."""
        with data_lock(self.settings.data_dir, lease_seconds=self.settings.lease_seconds):
            if self._snapshot is not None and not self._snapshot.is_current(self.ledger):
                self.forget_snapshot()
            yield

    def forget_snapshot(self) -> None:
        """Read the ledger again next time (another writer won a race on what this run had read)."""
        self._snapshot = None
        self._early.pop("snapshot", None)

    @cached_property
    def latest_at_start(self) -> str | None:
        """The newest version when the run began (enough to see that a run with nothing new has nothing to add)."""
        return self._early_result("latest", self.versions.pointed)

    def curations(self) -> dict[str, Curation]:
        """The analysts' curations as read when the run began (CurationError for a bad file)."""
        return self._early_result("curations", lambda: read_curations(self.settings.curations_dir))

    def current_rows(self) -> tuple[list[dict], list[dict]]:
        """(events, documents) of the current snapshot, for a ledger plan."""
        snapshot = self.snapshot
        return list(snapshot.events), list(snapshot.documents)

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


@dataclass
class Batch:
    """What one pass puts into the ledger."""

    notices: list[Notice]  # upserted by event id
    replacing: list[Notice] = field(default_factory=list)  # read again: they replace what their documents held
    replaced: set[tuple[str, str, str]] = field(default_factory=set)  # those documents as filed before


_NOT_LOADED = object()


def _curations(run: Run) -> dict[str, Curation] | None:
    """The analysts' curations, read once per run; a bad file fails a reparse and degrades any other run."""
    cached = getattr(run, "_curations", _NOT_LOADED)
    if cached is not _NOT_LOADED:
        return cached
    try:
        curations = run.curations()
    except CurationError as error:
        if run.mode == "reparse":
            raise
        run.report.degrade("curations", f"no curation applied: {error}")
        curations = None
    run._curations = curations
    return curations


def _prepare(run: Run, notices: list[Notice]) -> Batch:
    """This run's notices with their curations, and the ledger's documents whose curation changed, read again."""
    curations = _curations(run)
    if curations is None:
        return Batch(list(notices))
    outcome = curate(notices, curations)
    run.report.reconciliation += outcome.unmatched
    batch = Batch(outcome.notices)
    mine = {document_key(n.document.document_id) for n in notices}
    stale = [row for row in needs_curating(run.snapshot.documents, curations)
             if document_key(row["document_id"]) not in mine]
    if stale:
        _reread_into(run, batch, stale, curations, fallback={row["document_id"] for row in stale})
    return batch


def _reread_into(run: Run, batch: Batch, rows: list[dict], curations: dict[str, Curation],
                 fallback: set[str]) -> list[tuple[dict, str]]:
    """Read documents again from the archive into the batch, with their curations; return those not read.

    A document in `fallback` that cannot be read again is taken as the ledger holds it, so its curation applies.
    """
    reread = reread_documents(run.archive, rows)
    pairs = list(reread.notices)
    unread = [row for row, _ in reread.skipped if row["document_id"] in fallback]
    if unread:
        by_document = run.snapshot.events_by_document()
        pairs += [(row, notice_from_ledger(row, by_document.get(document_key_of(row), []))) for row in unread]
    outcome = curate([notice for _, notice in pairs], curations, [row["document_id"] for row, _ in pairs])
    run.report.reconciliation += outcome.unmatched
    batch.replacing += outcome.notices
    batch.replaced |= {document_key_of(row) for row, _ in pairs}
    return [(row, why) for row, why in reread.skipped if row["document_id"] not in fallback]


def _record(run: Run, batch: Batch, plan: LedgerPlan) -> None:
    """Write the ledger (caller holds the data lock) and count what changed."""
    run.ledger.write(plan)
    if plan.result.changed or plan.documents_changed:  # else the files, and so the snapshot, are as they were
        run._snapshot = LedgerSnapshot.after_write(run.ledger, plan.events, plan.documents)
    run.report.notices.extend([*batch.replacing, *batch.notices])
    run.report.events_added += len(plan.result.added)
    run.report.events_replaced += len(plan.result.replaced)
    run.report.events_removed += len(plan.result.removed)


def checkpoint(run: Run, notices: list[Notice]) -> None:
    """Keep notices in the ledger now, without publishing (long backfills)."""
    with run.locked():
        batch = _prepare(run, notices)
        _record(run, batch, run.ledger.plan(batch.notices, batch.replacing, batch.replaced,
                                            current=run.current_rows()))


def ingest(run: Run, notices: list[Notice], checks: list[Check] = ()) -> RunReport:
    """Merge notices into the ledger and publish a new version if the list changed, under the data lock.

    `checks` (from the polls) are run against the derived list; what they find is reported, never applied.
    """
    return _publish(run, lambda: _prepare(run, notices), checks)


def _publish(run: Run, prepare: Callable[[], Batch], checks: list[Check] = ()) -> RunReport:
    """Publish; when another writer wins a race on object storage (Conflict), re-derive on what it wrote."""
    shown = (len(run.report.notices), len(run.report.reconciliation))  # what the polls reported
    for attempt in range(1, PUBLISH_ATTEMPTS + 1):
        try:
            return _publish_once(run, prepare, checks, shown)
        except Conflict as conflict:
            run.forget_snapshot()
            if attempt == PUBLISH_ATTEMPTS:
                raise RuntimeError(f"{conflict}, {attempt} times: another writer keeps publishing on this data "
                                   "directory; nothing more was published, run again later") from None
            run.report.warnings.append(f"{conflict}: planned again on what it wrote")
            time.sleep(0.1 * attempt)  # a writer still publishing needs a moment to finish


@dataclass
class Derived:
    """A batch planned into the ledger and the list derived from it, on one snapshot."""

    batch: Batch
    plan: LedgerPlan
    designations: object
    events: object
    snapshot: LedgerSnapshot

    def writes_nothing(self, run: Run) -> bool:
        """The ledger would not change and the newest version already says this: no lock, no write needed."""
        plan = self.plan
        return not (plan.result.changed or plan.documents_changed) \
            and run.versions.holds(self.designations, self.events, run.latest_at_start)


def _derive(run: Run, prepare: Callable[[], Batch], shown: tuple[int, int]) -> Derived:
    """Prepare the batch, plan the ledger and derive the list on the current snapshot; what an earlier derivation
    reported past `shown` (notices, reconciliation lines) is taken back first."""
    del run.report.notices[shown[0]:]
    del run.report.reconciliation[shown[1]:]
    batch = prepare()
    snapshot = run.snapshot
    plan = run.ledger.plan(batch.notices, batch.replacing, batch.replaced, rebuild=run.mode == "reparse",
                           current=run.current_rows())
    designations, events = derive_tables(plan.events_table(), run.today)
    return Derived(batch, plan, designations, events, snapshot)


def _publish_once(run: Run, prepare: Callable[[], Batch], checks: list[Check], shown: tuple[int, int]) -> RunReport:
    """Plan the ledger, derive the list, and publish unless the guard refuses (a refused reparse writes nothing).

    Planned first without the lock: a run with nothing to write takes no lock (on object storage, no lease).
    """
    report = run.report
    if no_source_answered(run):
        report.unanswered = dict(run.client.down) or {"every host": "no response"}
        return report
    derived = _derive(run, prepare, shown)
    if not derived.writes_nothing(run):
        with run.locked():
            if run.snapshot is not derived.snapshot:  # another writer wrote the ledger since it was read
                derived = _derive(run, prepare, shown)
            batch, plan, designations = derived.batch, derived.plan, derived.designations
            report.refused = _refusal(run, designations, _curations(run))
            if report.refused is None or run.mode != "reparse":
                _record(run, batch, plan)
            if report.refused is None:
                report.published = run.versions.publish(
                    designations, derived.events, created_at=run.now, as_of=run.today,
                    sources={s.name: s.status for s in report.sources.values()}, code_version=code_version())
    else:
        report.notices.extend([*derived.batch.replacing, *derived.batch.notices])
    if report.published:
        from flows.notify import notify_published

        notify_published(run)
    rows = derived.designations.to_pylist()
    report.pending_overdue = _overdue(run, rows)
    report.reconciliation += uncertain_matches(rows)
    for check in checks:
        report.reconciliation += check.against(rows)
    return report


def no_source_answered(run: Run) -> bool:
    """Requests were sent and not one got an HTTP response: the run knows nothing new, not "nothing changed"."""
    return sum(run.client.sent.counts.values()) > 0 and run.client.answered == 0


def _refusal(run: Run, designations, curations: dict[str, Curation] | None = None) -> str | None:
    """The ledger only grows, so a list with fewer rows than its parent means something broke.

    Designations that analysts' curations withdrew (every event of theirs declared wrong) do not count.
    """
    parent = run.versions.latest_name()
    if parent is None:
        return None
    before = run.versions.read_manifest(parent)["row_counts"]["designations"]
    if designations.num_rows >= before:
        return None
    now = set(designations["designation_id"].to_pylist())
    lost = [row for row in run.versions.read_table(parent, "designations", ["designation_id", "program", "name"])
            .to_pylist() if row["designation_id"] not in now]
    withdrawn = withdrawn_by_curations(run.versions.read_table(parent, "events").to_pylist(), curations or {})
    unexplained = [row for row in lost if row["designation_id"] not in withdrawn]
    if designations.num_rows + len(lost) - len(unexplained) >= before:
        return None
    names = "; ".join(f"{row['program']} {row['name']}" for row in unexplained[:SHOWN_LOST])
    more = f" and {len(unexplained) - SHOWN_LOST} more" if len(unexplained) > SHOWN_LOST else ""
    return (f"the derived list has {designations.num_rows} designations, fewer than {before} in {parent} "
            f"(gone without a curation: {names}{more})")


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
    run.archive.close()
    run.report.warnings += run.client.warnings + run.archive.warnings + run.versions.warnings
    run.report.finished_at = datetime.now(timezone.utc)
    return run.report


def poll_source(run: Run, name: str, since: date | None = None, until: date | None = None,
                progress: Progress | None = None, given: Mapping[str, tuple[str, ...]] | None = None,
                keep: Callable[[list[Notice]], None] | None = None) -> Poll:
    """Ask one source what is new; it writes nothing to the run (a failing source finds nothing, degraded).

    `given`: what earlier sources found for it (its registry entry's `needs`); `keep` takes notices as they come.
    """
    entry = registry.entry(name)
    report = RunReport(mode=run.mode, started_at=run.now)
    ask = Ask(since, until, progress, keep, dict(given or {}))
    return Poll(name, entry.poller()(SourceRun(run, report), ask), report)


def poll_all(run: Run, since: date | None = None, on_source: Callable[[str], None] | None = None,
             poll: Callable[..., Poll] = poll_source) -> list[Poll]:
    """Every enabled source, a source after those offering what it needs; each poll's report merged once.

    `poll(run, name, since=…, given=…)` is `poll_source`, or the Prefect task around it.
    """
    polls: list[Poll] = []
    offered: dict[str, tuple[str, ...]] = {}
    for name in registry.poll_order(run.settings.enabled_sources):
        if on_source:
            on_source(name)
        given = {what: offered.get(what, ()) for what in registry.entry(name).needs}
        result = poll(run, name, since=since, given=given)
        absorb(run.report, result)
        for what, values in result.found.offers.items():
            offered[what] = tuple(dict.fromkeys(offered.get(what, ()) + tuple(values)))
        polls.append(result)
    return polls


def notices_of(polls: list[Poll]) -> list[Notice]:
    """Every notice the polls found, in poll order."""
    return [notice for poll in polls for notice in poll.found.notices]


def checks_of(polls: list[Poll]) -> list[Check]:
    """Every check the polls handed back."""
    return [check for poll in polls for check in poll.found.checks]


def run_nightly(settings: Settings, since: date | None = None, now: datetime | None = None,
                on_source: Callable[[str], None] | None = None) -> RunReport:
    """One ingestion pass over every source, publishing a version if anything changed."""
    run = Run(settings, now or datetime.now(timezone.utc), mode="run")
    polls = poll_all(run, since, on_source)
    ingest(run, notices_of(polls), checks_of(polls))
    return finish(run)


def run_backfill(settings: Settings, since: date, until: date | None = None, progress: Progress | None = None,
                 now: datetime | None = None) -> RunReport:
    """The Federal Register over a historical range, then one publish."""
    run = Run(settings, now or datetime.now(timezone.utc), mode="backfill")
    until = until or run.today
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    keep = lambda notices: checkpoint(run, notices)  # noqa: E731
    result = poll_source(run, registry.Poller.FEDERAL_REGISTER, since, until, progress, keep=keep)
    absorb(run.report, result)
    ingest(run, notices_of([result]))
    return finish(run)


def run_announcement(settings: Settings, document: str | None = None, url: str | None = None,
                     now: datetime | None = None) -> RunReport:
    """Ingest one named document now: an FR document number or a State/Treasury/FR URL."""
    from flows.announce import fetch_announced

    run = Run(settings, now or datetime.now(timezone.utc), mode="announce")
    ingest(run, fetch_announced(run, document=document, url=url))
    return finish(run)


def run_reparse(settings: Settings, since: date | None = None, now: datetime | None = None) -> RunReport:
    """Read the raw archive again with today's parsers and curations (no network); publish if the list changed."""
    run = Run(settings, now or datetime.now(timezone.utc), mode="reparse")
    _publish(run, lambda: _reparse_batch(run, since))
    return finish(run)


def _reparse_batch(run: Run, since: date | None) -> Batch:
    """Every ledger document (published on or after `since`) read again, with its curation."""
    curations = _curations(run)
    snapshot = run.snapshot
    documents = snapshot.documents
    rows = snapshot.published_since(since)
    batch = Batch([])
    changed = {row["document_id"] for row in needs_curating(rows, curations)}
    kept = _reread_into(run, batch, rows, curations, fallback=changed)
    run.report.kept_as_filed = [f"{row['document_id']}: {why}" for row, why in kept]
    run.report.source("raw_archive").documents = len(rows)
    known = {document_key(row["document_id"]) for row in documents}
    run.report.reconciliation += [f"{c.path.name}: no document {c.document_id!r} in the ledger yet"
                                  for key, c in sorted(curations.items()) if key not in known]
    return batch
