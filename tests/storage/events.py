"""Hand-built events of the seed case (Cartel de los Soles), for storage tests."""
from __future__ import annotations

from datetime import date

from parsers.model import Action, DocumentRef, Event, Program, Source

SB0207 = DocumentRef(Source.TREASURY, "sb0207", "https://home.treasury.gov/news/press-releases/sb0207", "a" * 64,
                     "Treasury Sanctions Cartel de los Soles", date(2025, 7, 25))
STATE_RELEASE = DocumentRef(Source.STATE, "/releases/2025/11/cartel-de-los-soles-fto/",
                            "https://www.state.gov/releases/2025/11/cartel-de-los-soles-fto/", "b" * 64,
                            "Designation of Cartel de los Soles as a Foreign Terrorist Organization", date(2025, 11, 16))
FR_2025_20750 = DocumentRef(Source.FEDERAL_REGISTER, "2025-20750", "https://www.federalregister.gov/d/2025-20750",
                            "c" * 64, "Foreign Terrorist Organization Designation of Cartel de los Soles",
                            date(2025, 11, 24), "90 FR 53045", "12869")
PI_2025_20750 = DocumentRef(Source.FEDERAL_REGISTER, "2025-20750", "https://www.federalregister.gov/public-inspection/2025-20750",
                            "d" * 64, "Foreign Terrorist Organization Designation: Cartel de los Soles",
                            date(2025, 11, 24), None, None, stage="public_inspection")

SDGT_SB0207 = Event(Program.SDGT, Action.DESIGNATION, "Cartel de los Soles", SB0207,
                    effective_on=date(2025, 7, 25), announced_on=date(2025, 7, 25))
FTO_ANNOUNCED = Event(Program.FTO, Action.ANNOUNCEMENT, "Cartel de los Soles", STATE_RELEASE,
                      effective_on=date(2025, 11, 24), announced_on=date(2025, 11, 16))
FTO_PUBLIC_INSPECTION = Event(Program.FTO, Action.DESIGNATION, "Cartel de los Soles", PI_2025_20750,
                              effective_on=date(2025, 11, 24), announced_on=date(2025, 11, 21))
FTO_DESIGNATED = Event(Program.FTO, Action.DESIGNATION, "Cartel de los Soles", FR_2025_20750,
                       aliases=("Cartel of the Suns",), effective_on=date(2025, 11, 24),
                       signed_on=date(2025, 11, 16), signer="Marco Rubio")
SEED_EVENTS = [SDGT_SB0207, FTO_ANNOUNCED, FTO_PUBLIC_INSPECTION, FTO_DESIGNATED]


def document(source: Source, number: str, published: date, citation: str | None = None) -> DocumentRef:
    """A document reference for synthetic events."""
    return DocumentRef(source, number, f"https://www.federalregister.gov/d/{number}", "e" * 64, number, published, citation)
