"""Ingestion commands: run, backfill, announce — plain by default, as Prefect flows with --prefect."""
from __future__ import annotations

import sys

from flows.config import Settings
from flows.registry import Poller
from flows.pipeline import run_announcement, run_backfill, run_nightly
from flows.report import RunReport


class RefusedToPublish(RuntimeError):
    """The run derived a list it would not publish."""


PROGRESS_EVERY = 25  # documents between progress lines when stderr is not a terminal


def progress_lines(label: str, every: int = PROGRESS_EVERY, out=None):
    """A progress callback printing one line every `every` documents and at the end (logs, cron, CI)."""
    def update(done: int, total: int, item: str) -> None:
        if done % every == 0 or done >= total:
            print(f"{label}: {done}/{total} documents ({item})", file=out or sys.stderr, flush=True)

    return update


def progress_bar(label: str):
    """A progress callback drawing a bar on a terminal's stderr (tqdm), or lines when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return progress_lines(label)
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int, item: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, disable=None)
        bar.set_postfix_str(item, refresh=False)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


def run_command(args, settings: Settings) -> int:
    """Run one ingestion command and print its summary; exit 1 if it refused to publish."""
    report = _prefect(args, settings) if args.prefect else _plain(args, settings)
    print(report.summary())
    if report.unanswered:
        hosts = "; ".join(f"{host}: {why}" for host, why in report.unanswered.items())
        print(f"designations: no source answered, nothing published ({hosts})", file=sys.stderr)
        return 1
    if report.refused:
        print(f"designations: refused to publish: {report.refused}", file=sys.stderr)
        return 1
    if report.degraded:
        print(f"designations: degraded sources: {', '.join(report.degraded)}", file=sys.stderr)
    return 0


def _polling(name: str) -> None:
    print(f"run: polling {name}", file=sys.stderr, flush=True)  # a person waiting sees the run move


def _plain(args, settings: Settings) -> RunReport:
    if args.command == "run":
        return run_nightly(settings, since=args.since, on_source=_polling)
    if args.command == "backfill":
        return run_backfill(settings, args.since, args.until, progress=progress_bar("backfill"))
    return run_announcement(settings, document=args.document, url=args.url)


def _prefect(args, settings: Settings) -> RunReport:
    from flows import prefect_flows

    data_dir = str(settings.data_dir)
    only = getattr(args, "only", None)
    if args.command == "run" and only:
        if only.strip() != Poller.PUBLIC_INSPECTION:
            raise ValueError("with --prefect, --only takes public_inspection (the public-inspection flow)")
        return prefect_flows.public_inspection(data_dir=data_dir)
    if args.command == "run":
        return prefect_flows.nightly(since=args.since, data_dir=data_dir)
    if args.command == "backfill":
        return prefect_flows.backfill(since=args.since, until=args.until, data_dir=data_dir)
    return prefect_flows.announcement(document_number=args.document, url=args.url, data_dir=data_dir)
