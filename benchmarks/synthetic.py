"""Synthetic ledgers for benchmarks: N designations with an amendment and a review each."""
from __future__ import annotations

from datetime import date, timedelta

from parsers.model import Action, DocumentRef, Event, Program, Source
from storage.ledger import event_row


def synthetic_event_rows(designations: int) -> list[dict]:
    """Event rows for `designations` entities: a designation for each, an amendment and a review for every third."""
    rows = []
    start = date(1997, 10, 8)
    for i in range(designations):
        program = Program.FTO if i % 10 == 0 else Program.SDGT
        day = start + timedelta(days=i % 10_000)
        doc = DocumentRef(Source.FEDERAL_REGISTER, f"B{i:07d}", f"https://www.federalregister.gov/d/B{i:07d}",
                          f"{i:064x}", f"Designation of Example Group {i}", day, f"{day.year - 1935} FR {1000 + i}")
        name = f"Example Group {i}"
        rows.append(event_row(Event(program, Action.DESIGNATION, name, doc, aliases=(f"EG{i}", f"Group {i} Front"),
                                    effective_on=day, signed_on=day)))
        if i % 3 == 0:
            later = DocumentRef(Source.FEDERAL_REGISTER, f"R{i:07d}", f"https://www.federalregister.gov/d/R{i:07d}",
                                f"{i + 1:064x}", f"Review of {name}", day + timedelta(days=1826))
            rows.append(event_row(Event(program, Action.REVIEW, name, later, effective_on=day + timedelta(days=1826))))
            rows.append(event_row(Event(program, Action.AMENDMENT, name, later, aliases=(f"New Name {i}",),
                                        effective_on=day + timedelta(days=1826))))
    return rows
