"""Prefect flows: nightly, public-inspection, announcement and backfill, each a table of contents over the pipeline."""
from __future__ import annotations

import os

# PREFECT.md: nothing leaves the machine with these two; a cold embedded server needs more than 20 s here.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

from dataclasses import replace  # noqa: E402
from datetime import date  # noqa: E402

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.states import Completed, State  # noqa: E402

from flows import pipeline  # noqa: E402
from flows.announce import fetch_announced  # noqa: E402
from flows.config import Settings  # noqa: E402
from flows.poll import Check, Poll, absorb  # noqa: E402
from flows.registry import Poller  # noqa: E402
from flows.report import RunReport  # noqa: E402
from parsers.model import Notice  # noqa: E402


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=30, task_run_name="poll-{name}")
def poll_task(run: pipeline.Run, name: str, since: date | None = None, until: date | None = None,
              given: dict[str, tuple[str, ...]] | None = None, checkpoints: bool = False) -> Poll:
    """What one source has that is new, fetched and parsed, as a value: a retry repeats no side effect on the run."""
    keep = (lambda notices: pipeline.checkpoint(run, notices)) if checkpoints else None
    return pipeline.poll_source(run, name, since, until, given=given, keep=keep)


def _poll(run: pipeline.Run, name: str, since: date | None = None, given=None) -> Poll:
    """pipeline.poll_all's poll step, as a task."""
    return poll_task(run, name, since, given=given)


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=30)
def fetch_announced_task(run: pipeline.Run, document_number: str | None, url: str | None) -> list[Notice]:
    """The one document an analyst named."""
    return fetch_announced(run, document=document_number, url=url)


@task(cache_policy=NO_CACHE)
def publish_task(run: pipeline.Run, notices: list[Notice], checks: list[Check] = ()) -> RunReport:
    """Merge into the ledger (once, after every poll) and publish a version if the list changed."""
    return pipeline.ingest(run, notices, checks)


@task(cache_policy=NO_CACHE)
def report_task(run: pipeline.Run) -> RunReport:
    """Log the summary, publish the markdown artifact, fail the run if it refused to publish."""
    report = pipeline.finish(run)
    logger = get_run_logger()
    logger.info(report.summary())
    for name in report.degraded:
        logger.warning("source %s degraded: %s", name, report.sources[name].detail)
    create_markdown_artifact(key=f"designations-{report.mode}", markdown=report.markdown(),
                             description=f"designations {report.mode}: what changed")
    if report.unanswered:
        raise RuntimeError("no source answered: nothing published")
    if report.refused:
        raise RuntimeError(f"refused to publish: {report.refused}")
    return report


def final_state(report: RunReport) -> RunReport | State:
    """The flow's end: a completed state named Degraded when a source failed, so the run list shows it."""
    if not report.degraded:
        return report
    return Completed(name="Degraded", message=f"degraded sources: {', '.join(report.degraded)}", data=report)


@flow(name="nightly", log_prints=True)
def nightly(since: date | None = None, data_dir: str | None = None) -> RunReport:
    """Every source, from the ledger's cursor (minus the lookback window) or `since`."""
    run = pipeline.Run(Settings.from_env(data_dir=data_dir), mode="nightly")
    polls = pipeline.poll_all(run, since, poll=_poll)
    publish_task(run, pipeline.notices_of(polls), pipeline.checks_of(polls))
    return final_state(report_task(run))


@flow(name="public-inspection", log_prints=True)
def public_inspection(data_dir: str | None = None) -> RunReport:
    """Only the public-inspection desk (one conditional request): a filed designation is pending minutes later."""
    settings = replace(Settings.from_env(data_dir=data_dir), sources=Poller.PUBLIC_INSPECTION.value)
    run = pipeline.Run(settings, mode="public-inspection")
    publish_task(run, pipeline.notices_of(pipeline.poll_all(run, poll=_poll)))
    return report_task(run)


@flow(name="announcement", log_prints=True)
def announcement(document_number: str | None = None, url: str | None = None, data_dir: str | None = None) -> RunReport:
    """One named document, now: an FR number or a State/Treasury/FR URL."""
    run = pipeline.Run(Settings.from_env(data_dir=data_dir), mode="announcement")
    publish_task(run, fetch_announced_task(run, document_number, url))
    return final_state(report_task(run))


@flow(name="backfill", log_prints=True)
def backfill(since: date, until: date | None = None, data_dir: str | None = None) -> RunReport:
    """A historical range of the Federal Register."""
    run = pipeline.Run(Settings.from_env(data_dir=data_dir), mode="backfill")
    result = poll_task(run, Poller.FEDERAL_REGISTER, since, until, checkpoints=True)
    absorb(run.report, result)
    publish_task(run, pipeline.notices_of([result]))
    return final_state(report_task(run))
