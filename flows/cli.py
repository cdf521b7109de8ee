"""The `designations` command line (INTERFACE.md): ingestion commands and fast read-only commands."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from importlib.metadata import PackageNotFoundError, version
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
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--version", action="version", version=f"designations {_installed_version()}",
                        help="print the installed version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help="what to do (COMMAND --help for its options)")

    run = commands.add_parser("run", help="one ingestion pass over every source now")
    run.add_argument("--since", type=_date, help="search the FR from this date (default: ledger cursor minus lookback)")
    run.add_argument("--only", metavar="SOURCES", help="poll only these sources (comma-separated, overrides DESIGNATIONS_SOURCES), "
                     "e.g. public_inspection")
    backfill = commands.add_parser("backfill", help="ingest a historical range of the Federal Register")
    backfill.add_argument("--since", type=_date, required=True, help="first FR publication date to ingest (YYYY-MM-DD)")
    backfill.add_argument("--until", type=_date, help="last FR publication date to ingest (default: today)")
    announce = commands.add_parser("announce", help="ingest one named document now")
    target = announce.add_mutually_exclusive_group(required=True)
    target.add_argument("--document", help="FR document number, e.g. 2025-20750")
    target.add_argument("--url", help="a Federal Register, State or Treasury URL")
    for sub in (run, backfill, announce):
        sub.add_argument("--prefect", action="store_true", help="run as a Prefect flow (artifact, run history)")

    parse = commands.add_parser("parse", help="parse one local file and print its events (no network, no writes)")
    parse.add_argument("file", type=Path, help="an FR XML or API JSON file, or a press-release HTML page")
    parse.add_argument("--format", choices=["table", "json", "jsonl"], default="table",
                       help="table (default), json (one JSON array) or jsonl (one notice a line)")

    show = commands.add_parser("show", help="the designation list at a version or on a date")
    show.add_argument("--version", help=VERSION_HELP)
    show.add_argument("--as-of", type=_date, help="the list as it stood in law on this date (YYYY-MM-DD)")
    show.add_argument("--program", choices=["FTO", "SDGT"], help="only this program")
    show.add_argument("--status", choices=["active", "revoked", "pending"], help="only this status")
    show.add_argument("--format", choices=["table", "jsonl", "csv"], default="table", help=FORMAT_HELP)

    history = commands.add_parser("history", help="every event of one designation")
    history.add_argument("name_or_id", help="a name, an alias or a designation_id")
    history.add_argument("--version", help=VERSION_HELP)
    history.add_argument("--format", choices=["table", "jsonl"], default="table", help=FORMAT_HELP)

    snapshots = commands.add_parser("snapshots", help="the published versions, newest first")
    snapshots.add_argument("--format", choices=["table", "jsonl"], default="table", help=FORMAT_HELP)

    diff = commands.add_parser("diff", help="what changed between two versions")
    diff.add_argument("v1", help="the older version (e.g. 3 or v000003)")
    diff.add_argument("v2", help="the newer version (e.g. 4, v000004 or latest)")
    diff.add_argument("--format", choices=["table", "jsonl"], default="table", help=FORMAT_HELP)

    review = commands.add_parser("review", help="documents whose reading is open and that no curation settles")
    review.add_argument("--format", choices=["table", "jsonl"], default="table", help="output format (default: table)")
    reparse = commands.add_parser("reparse", help="read the raw archive again with today's parsers and curations")
    reparse.add_argument("--since", type=_date, help="only documents published on or after this date")

    export = commands.add_parser("export", help="write a version as CSV, Parquet, JSON lines, FollowTheMoney or simple CSV")
    export.add_argument("--format", choices=["csv", "parquet", "jsonl", "ftm", "simple-csv"], required=True,
                        help="the file format (ftm: FollowTheMoney entities; simple-csv: OpenSanctions' targets.simple.csv)")
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument("--version", help=VERSION_HELP)
    export.add_argument("--table", choices=["designations", "events", "changes"], default="designations",
                        help="which table of the version (default: designations)")
    for sub in (show, history, snapshots, diff):
        sub.add_argument("--wide", action="store_true", help=WIDE_HELP)
    _add_read_commands(commands)
    for sub in commands.choices.values():  # global options are accepted after the command too
        sub.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    return parser


# ---- search and changes (issue 10)
def _add_read_commands(commands) -> None:
    """`search` and `changes`."""
    search = commands.add_parser("search", help="designations whose name or an alias matches TEXT, closest first")
    search.add_argument("text", help="part of a name or alias; case, accents and punctuation do not matter")
    search.add_argument("--version", help=VERSION_HELP)
    search.add_argument("--limit", type=int, default=20, help="most matches to print (default: 20)")
    search.add_argument("--format", choices=["table", "jsonl"], default="table", help=FORMAT_HELP)
    search.add_argument("--wide", action="store_true", help=WIDE_HELP)

    changes = commands.add_parser("changes", help="what changed in law across versions, newest first")
    changes.add_argument("--since", type=_date, help="only versions created on or after this date (YYYY-MM-DD)")
    changes.add_argument("--format", choices=["table", "jsonl", "atom"], default="table",
                         help="table (default), jsonl or atom (a feed to subscribe to)")
    changes.add_argument("--wide", action="store_true", help=WIDE_HELP)
# ---- end search and changes


DATA_DIR_HELP = "the data directory (default: $DESIGNATIONS_DATA_DIR or ./data)"
VERSION_HELP = "a version name or number (default: latest)"
FORMAT_HELP = "output format (default: table)"
WIDE_HELP = "print every cell whole, however wide the terminal"


def _installed_version() -> str:
    try:
        return version("designations")
    except PackageNotFoundError:
        return "unknown"


def error_line(error: BaseException) -> str:
    """A failure as a sentence for a person: no exception class names."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    if isinstance(error, KeyError):
        return f"missing {error}"
    text = str(error).strip().splitlines()
    return text[0] if text else "failed without a reason (a bug: please report it)"


def main(argv: list[str] | None = None) -> int:
    """Entry point: dispatch, turning known failures into one line on stderr and exit 1."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "backfill" and args.until and args.since > args.until:
        parser.error(f"--since {args.since} is after --until {args.until}")  # exit 2
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
        print(f"designations: {error_line(error)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
