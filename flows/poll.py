"""What a poll is asked and what it gives back: values, never state one source writes for another to read."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Mapping, Protocol

from flows.report import RunReport
from parsers.model import Notice
from storage.ledger_snapshot import LedgerSnapshot


class Check(Protocol):
    """A cross-check a poll hands back, run against the derived list once the run has derived it."""

    def against(self, designations: list[dict]) -> list[str]:
        """The differences to report (never applied)."""


@dataclass(frozen=True)
class Ask:
    """What a poll is asked: a date window, backfill callbacks, and what earlier sources found for it."""

    since: date | None = None
    until: date | None = None
    progress: Callable[[int, int, str], None] | None = None
    keep: Callable[[list[Notice]], None] | None = None  # takes notices as they come (backfill checkpoints)
    given: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # registry `needs` -> values


@dataclass(frozen=True)
class Found:
    """What one source found: its notices, what it offers other sources (registry `offers`), and checks."""

    notices: tuple[Notice, ...] = ()
    offers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    checks: tuple[Check, ...] = ()


@dataclass
class Poll:
    """One poll's outcome: what it found and how it fared, in a report of its own merged into the run's once."""

    name: str
    found: Found
    report: RunReport


class SourceRun:
    """What a poll sees of its run: settings, clock, HTTP client, archive, the ledger snapshot and its own report."""

    def __init__(self, run, report: RunReport):
        self.settings = run.settings
        self.now: datetime = run.now
        self.client = run.client
        self.archive = run.archive
        self.ledger = run.ledger  # for the paths of per-source state files (ofac_list_state.json)
        self.snapshot: LedgerSnapshot = run.snapshot
        self.report = report

    @property
    def today(self) -> date:
        """The legal date of the run."""
        return self.now.date()


def absorb(report: RunReport, poll: Poll) -> None:
    """Merge one poll's own report into the run's: statuses, reasons, counts, reconciliation, warnings."""
    for name, status in poll.report.sources.items():
        mine = report.source(name)
        if status.status == "degraded":
            mine.status = "degraded"
        mine.reasons += [reason for reason in status.reasons if reason not in mine.reasons]
        mine.documents += status.documents
    report.reconciliation += poll.report.reconciliation
    report.warnings += poll.report.warnings
