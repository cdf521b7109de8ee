"""The analyst's commands: review (what is open) and reparse (parsers and curations applied again, no network)."""
from __future__ import annotations

import sys
from datetime import date

from flows.config import Settings
from flows.output import write_rows
from storage.curations import read_curations
from storage.ledger import Ledger
from storage.ledger_snapshot import LedgerSnapshot

REVIEW_COLUMNS = ["document_id", "kind", "published_on", "url", "reason"]


def open_reviews(settings: Settings) -> list[dict]:
    """Documents whose reading is open: relevant but no event, unreadable or uncertain, and no curation for them."""
    curations = read_curations(settings.curations_dir)
    rows = LedgerSnapshot.of_documents(Ledger(settings.data_dir)).needing_review(curations)
    rows.sort(key=lambda r: (r["published_on"] is None, r["published_on"] or date.min, r["document_id"]))
    return [{"document_id": r["document_id"], "source": r["source"], "kind": r["kind"],
             "published_on": r["published_on"], "title": r["title"], "url": r["url"],
             "event_count": r["event_count"], "reason": r["review"]} for r in rows]


def cmd_review(args, settings: Settings) -> int:
    """Print the open review queue."""
    rows = open_reviews(settings)
    write_rows(rows, args.format, REVIEW_COLUMNS)
    if args.format == "table":
        print(f"{len(rows)} documents to review; record a decision with a curation file in "
              f"{settings.curations_dir} (README: Curations)", file=sys.stderr)
    return 0


def cmd_reparse(args, settings: Settings) -> int:
    """Read the raw archive again with today's parsers and curations; exit 1 if the guard refused."""
    from flows.pipeline import run_reparse

    report = run_reparse(settings, since=args.since)
    print(report.summary())
    if report.refused:
        print(f"designations: refused to publish: {report.refused}; the ledger is unchanged", file=sys.stderr)
        return 1
    return 0
