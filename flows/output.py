"""Rows to the terminal or a file: aligned tables, JSON lines, CSV (no pandas, so reads stay fast)."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from typing import IO, Iterable, Sequence


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value.isoformat() if isinstance(value, date) else str(value)


def write_table(rows: Sequence[dict], columns: Sequence[str], out: IO[str], max_width: int = 60) -> None:
    """Aligned columns with a header line."""
    cells = [[_cell(r.get(c))[:max_width] for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> None:
    """One JSON object per line, dates as ISO strings."""
    for row in rows:
        out.write(json.dumps(row, default=_cell, ensure_ascii=False) + "\n")


def write_csv(rows: Sequence[dict], columns: Sequence[str], out: IO[str]) -> None:
    """CSV with a header; lists joined with '; '."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])


def write_rows(rows: Sequence[dict], fmt: str, table_columns: Sequence[str], out: IO[str] | None = None) -> None:
    """Rows in the format the user asked for (to stdout unless `out` is given)."""
    out = out or sys.stdout
    if fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "csv":
        write_csv(rows, list(rows[0].keys()) if rows else table_columns, out)
    else:
        write_table(rows, table_columns, out)
