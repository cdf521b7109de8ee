"""The State Department's 'Foreign Terrorist Organizations' page: the designated and the delisted tables.

https://www.state.gov/foreign-terrorist-organizations/ has two tables: designated FTOs (name, date
designated) and delisted FTOs (name, date designated, date removed). A name cell mixes the name, its
aliases ('aka …', '(ABBR)', '(formerly …)') and amendment notes appended with em dashes:
'Abdallah Azzam Brigades— Marwan Hadid Brigades Amendment (November 2, 2017)'.
The date columns have been renamed over time; unknown column names raise ParseError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, Tag

from parsers import press
from parsers.common import read_date, squash
from parsers.model import ParseError
from parsers.names import name_key

PAGE_ID = "state-fto-page"
NAME = "name"
DESIGNATED = "date_designated"
REMOVED = "date_removed"
KNOWN_COLUMNS = {
    "name": NAME,
    "date designated": DESIGNATED,
    "date originally designated": DESIGNATED,
    "date removed": REMOVED,
}
_AMENDMENT = re.compile(r"^(?P<names>.+?)\s+Amendment(?P<plural>s?)\s*(?:\((?P<when>[^()]*)\))?\s*$")
_AKA = re.compile(r",?\s+(?:aka|a\.k\.a\.)\s+", re.IGNORECASE)
_FORMERLY = re.compile(r"^formerly\s+", re.IGNORECASE)


@dataclass(frozen=True)
class FtoRow:
    """One organization as the page lists it."""

    name: str
    aliases: tuple[str, ...]
    date_designated: date
    date_removed: date | None = None
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class FtoPage:
    """The two tables of the page."""

    designated: list[FtoRow]
    delisted: list[FtoRow]


def parse_fto_page(html: bytes) -> FtoPage:
    """Both tables of the FTO page; ParseError when a table or its columns are not the known ones."""
    soup = BeautifulSoup(html, "lxml")
    tables = soup.select("div.entry-content table") or soup.find_all("table")
    if len(tables) != 2:
        raise ParseError(PAGE_ID, f"expected the designated and delisted tables, found {len(tables)} table(s)")
    designated: list[FtoRow] | None = None
    delisted: list[FtoRow] | None = None
    for table in tables:
        columns, rows = _columns(table), _body_rows(table)
        parsed = [_row(columns, cells) for cells in rows]
        if REMOVED in columns:
            delisted = parsed
        else:
            designated = parsed
    if designated is None or delisted is None:
        raise ParseError(PAGE_ID, "could not tell the designated table from the delisted table "
                                  "(exactly one table must have a 'Date Removed' column)")
    return FtoPage(designated=designated, delisted=delisted)


def _columns(table: Tag) -> list[str]:
    """The table's columns as known keys; ParseError naming the headers found when they are not known."""
    header = table.select_one("thead tr") or table.find("tr")
    found = [squash(c.get_text()) for c in header.find_all(["th", "td"])] if header else []
    keys = [KNOWN_COLUMNS.get(re.sub(r"[^a-z ]", "", h.lower()).strip()) for h in found]
    required = {NAME, DESIGNATED}
    if None in keys or not required <= set(keys) or len(set(keys)) != len(keys):
        raise ParseError(PAGE_ID, f"unknown FTO table columns {found!r}; known: "
                                  f"{sorted({k.title() for k in KNOWN_COLUMNS})}")
    return keys  # type: ignore[return-value]


def _body_rows(table: Tag) -> list[list[Tag]]:
    """The data rows of a table (the header row left out)."""
    rows = table.select("tbody tr") if table.select_one("thead") else table.find_all("tr")[1:]
    return [r.find_all(["td", "th"]) for r in rows if r.find_all(["td", "th"])]


def _row(columns: list[str], cells: list[Tag]) -> FtoRow:
    """One table row as an FtoRow."""
    if len(cells) != len(columns):
        raise ParseError(PAGE_ID, f"row with {len(cells)} cells under {len(columns)} columns: "
                                  f"{[squash(c.get_text()) for c in cells]!r}")
    values = dict(zip(columns, cells))
    designated = _date(values[DESIGNATED])
    removed = _date(values[REMOVED]) if REMOVED in values else None
    if designated is None:
        raise ParseError(PAGE_ID, f"unreadable designation date {squash(values[DESIGNATED].get_text())!r}")
    name, aliases, notes = parse_name_cell(squash(values[NAME].get_text(" ")))
    return FtoRow(name=name, aliases=aliases, date_designated=designated, date_removed=removed, notes=notes)


def _date(cell: Tag) -> date | None:
    """A date cell ('December 1, 2021' or '10/8/1997')."""
    return read_date(squash(cell.get_text()))


def parse_name_cell(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """'X (ABBR)— Y Amendment (date)' -> ('X', ('ABBR', 'Y'), ('Y Amendment (date)',))."""
    base, *amendments = [p.strip() for p in text.split("—")]
    core, groups = press.parentheticals(base)
    name, *spoken = [p.strip() for p in _AKA.split(core)]
    aliases: list[str] = list(spoken)
    notes: list[str] = []
    for group in groups:
        if _FORMERLY.match(group):
            former = _FORMERLY.sub("", group)
            aliases.append(former)
            notes.append(f"formerly {former}")
        else:
            aliases += press.alias_list(group, name, drop_short=False)
    for amendment in amendments:
        if not amendment:
            continue
        notes.append(amendment)
        if m := _AMENDMENT.match(amendment):
            aliases += _amended_names(m.group("names")) if m.group("plural") else [m.group("names")]
    key = name_key(name)
    unique = tuple(a for a in press.unique_names(tuple(aliases)) if name_key(a) != key)
    return name, unique, tuple(notes)


def _amended_names(names: str) -> list[str]:
    """'A, B, and C' of an 'A, B, and C Amendments' note: every name the amendments added."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", names)
    return [press.strip_quotes(p) for p in parts if press.strip_quotes(p)]
