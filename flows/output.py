"""Rows to the terminal or a file: tables that fit the terminal, JSON lines, CSV (no pandas, so reads stay fast)."""
from __future__ import annotations

import csv
import json
import shutil
import sys
from datetime import date
from typing import IO, Iterable, Sequence

LIST_SEPARATOR = "; "
BROKEN = "…"  # ends a line whose value goes on below it: a value split for width, never cut off
MIN_WIDTH = 10
NAME_WIDTH = 12
NAME_BREAKS = (" ", "-")  # al-Shuhada may wrap after its hyphen
GAP = "  "


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value.isoformat() if isinstance(value, date) else str(value)


def terminal_width() -> int:
    """The terminal's width ($COLUMNS wins; 80 when there is no terminal)."""
    return shutil.get_terminal_size((80, 24)).columns


def wrap(text: str, width: int, breaks: Sequence[str] = (LIST_SEPARATOR, " ")) -> list[str]:
    """Lines of at most `width`: broken after a list separator or a space, else split with a visible mark."""
    lines: list[str] = []
    while len(text) > width:
        cut = -1
        for mark in breaks:
            at = text.rfind(mark, 0, width + 1)
            end = at + len(mark.rstrip()) if mark.strip() else at  # a separator stays on its line, a space goes
            if at > 0 and end <= width:
                cut = end
                break
        if cut <= 0:
            lines.append(text[: width - 1] + BROKEN)
            text = text[width - 1:]
        else:
            lines.append(text[:cut].rstrip())
            text = text[cut:].lstrip()
    return lines + [text]


def _floor(column: str, cells: list[str], natural: int) -> int:
    """The narrowest a column may get: list items (each citation) stay whole on their line."""
    if any(LIST_SEPARATOR in cell for cell in cells) or column in ("citations", "citation"):
        items = [len(item) + 1 for cell in cells for item in cell.split(LIST_SEPARATOR)]
        return min(natural, max(MIN_WIDTH, min(max(items, default=0), 24)))
    return min(natural, NAME_WIDTH if column == "name" else MIN_WIDTH)


def fit_widths(columns: Sequence[str], cells: list[list[str]], width: int) -> list[int]:
    """Column widths that fit `width`, narrowing the widest column first, none below its floor."""
    natural = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    floors = [_floor(c, [row[i] for row in cells], natural[i]) for i, c in enumerate(columns)]
    widths = list(natural)
    room = width - len(GAP) * (len(columns) - 1)
    while sum(widths) > room:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def write_table(rows: Sequence[dict], columns: Sequence[str], out: IO[str], width: int | None = None,
                wide: bool = False, noun: str = "row") -> None:
    """Aligned columns that fit the terminal (values wrap, never cut), then a count line."""
    if not rows:
        out.write(f"no {plural(noun)}\n")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = ([max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)] if wide
              else fit_widths(columns, cells, width or terminal_width()))
    _write_row([wrap(c, w, ("_",)) for c, w in zip(columns, widths)], widths, out)
    for row in cells:
        _write_row([wrap(v, w, NAME_BREAKS if c == "name" else (LIST_SEPARATOR, " "))
                    for c, v, w in zip(columns, row, widths)], widths, out)
    out.write(f"{len(rows)} {noun if len(rows) == 1 else plural(noun)}\n")


def plural(noun: str) -> str:
    """designation -> designations, match -> matches."""
    return noun + ("es" if noun.endswith(("ch", "s")) else "s")


def _write_row(wrapped: list[list[str]], widths: list[int], out: IO[str]) -> None:
    for n in range(max(len(lines) for lines in wrapped)):
        parts = [(lines[n] if n < len(lines) else "").ljust(w) for lines, w in zip(wrapped, widths)]
        out.write(GAP.join(parts).rstrip() + "\n")


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


def write_rows(rows: Sequence[dict], fmt: str, table_columns: Sequence[str], out: IO[str] | None = None,
               wide: bool = False, noun: str = "row") -> None:
    """Rows in the format the user asked for (to stdout unless `out` is given)."""
    out = out or sys.stdout
    if fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "csv":
        write_csv(rows, list(rows[0].keys()) if rows else table_columns, out)
    else:
        write_table(rows, table_columns, out, wide=wide, noun=noun)
