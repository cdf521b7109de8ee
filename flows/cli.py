"""The `designations` command line (INTERFACE.md): ingestion commands and fast read-only commands."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from flows.config import Settings



class CliError(Exception):
    """A failure to report on one line and exit non-zero."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    """Every command and flag of INTERFACE.md."""
    parser = argparse.ArgumentParser(prog="designations", description="FTO and SDGT designations from the Federal Register")
    parser.add_argument("--data-dir", type=Path, help="overrides DESIGNATIONS_DATA_DIR")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="one ingestion pass over every source now")
    run.add_argument("--since", type=_date, help="search the FR from this date (default: ledger cursor minus lookback)")
    run.add_argument("--only", metavar="SOURCES", help="poll only these sources (comma-separated, overrides DESIGNATIONS_SOURCES), "
                     "e.g. public_inspection")
    backfill = commands.add_parser("backfill", help="ingest a historical range of the Federal Register")
    backfill.add_argument("--since", type=_date, required=True)
    backfill.add_argument("--until", type=_date)
    announce = commands.add_parser("announce", help="ingest one named document now")
    target = announce.add_mutually_exclusive_group(required=True)
    target.add_argument("--document", help="FR document number, e.g. 2025-20750")
    target.add_argument("--url", help="a Federal Register, State or Treasury URL")
    for sub in (run, backfill, announce):
        sub.add_argument("--prefect", action="store_true", help="run as a Prefect flow (artifact, run history)")

    parse = commands.add_parser("parse", help="parse one local file and print its events (no network, no writes)")
    parse.add_argument("file", type=Path)
    parse.add_argument("--format", choices=["table", "json"], default="table")

    show = commands.add_parser("show", help="the designation list at a version or on a date")
    show.add_argument("--version")
    show.add_argument("--as-of", type=_date)
    show.add_argument("--program", choices=["FTO", "SDGT"])
    show.add_argument("--status", choices=["active", "revoked", "pending"])
    show.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")

    history = commands.add_parser("history", help="every event of one designation")
    history.add_argument("name_or_id")
    history.add_argument("--version")
    history.add_argument("--format", choices=["table", "jsonl"], default="table")

    snapshots = commands.add_parser("snapshots", help="the published versions, newest first")
    snapshots.add_argument("--format", choices=["table", "jsonl"], default="table")

    diff = commands.add_parser("diff", help="what changed between two versions")
    diff.add_argument("v1")
    diff.add_argument("v2")
    diff.add_argument("--format", choices=["table", "jsonl"], default="table")

    review = commands.add_parser("review", help="documents whose reading is open and that no curation settles")
    review.add_argument("--format", choices=["table", "jsonl"], default="table")
    reparse = commands.add_parser("reparse", help="read the raw archive again with today's parsers and curations")
    reparse.add_argument("--since", type=_date, help="only documents published on or after this date")

    export = commands.add_parser("export", help="write a version as CSV, Parquet, JSON lines, FollowTheMoney or simple CSV")
    export.add_argument("--format", choices=["csv", "parquet", "jsonl", "ftm", "simple-csv"], required=True)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--version")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point: dispatch, turning known failures into one line on stderr and exit 1."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(data_dir=args.data_dir, sources=getattr(args, "only", None))
        if args.command in ("run", "backfill", "announce"):
            from flows.commands_ingest import run_command

            return run_command(args, settings)
        if args.command in ("review", "reparse"):
            from flows import commands_curate

            return getattr(commands_curate, f"cmd_{args.command}")(args, settings)
        from flows import commands_read

        return getattr(commands_read, f"cmd_{args.command}")(args, settings)
    except KeyboardInterrupt:
        print("designations: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the CLI's contract is one line on stderr
        from storage.curations import CurationError  # here: most commands never read curations

        if isinstance(error, CurationError):  # already one line naming the file
            print(f"designations: {error}", file=sys.stderr)
            return 1
        print(f"designations: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
