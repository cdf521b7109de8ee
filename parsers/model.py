"""The domain model every layer speaks: programs, actions, events and notices."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from parsers.names import name_key


class Program(StrEnum):
    """The legal authority of a designation."""

    FTO = "FTO"
    SDGT = "SDGT"


class Action(StrEnum):
    """What a source document does to one designation."""

    DESIGNATION = "designation"
    AMENDMENT = "amendment"
    REVIEW = "review"
    REVOCATION = "revocation"
    ANNOUNCEMENT = "announcement"


class Source(StrEnum):
    """Who published the document an event comes from."""

    FEDERAL_REGISTER = "federal_register"
    STATE = "state"
    TREASURY = "treasury"
    OFAC = "ofac"


class ParseError(ValueError):
    """A document whose shape the parser does not know."""

    def __init__(self, document_id: str, message: str):
        super().__init__(f"{document_id}: {message}")
        self.document_id = document_id


@dataclass(frozen=True)
class DocumentRef:
    """The source document behind an event: enough to cite it and find its raw bytes."""

    source: Source
    document_id: str
    url: str
    raw_sha256: str
    title: str = ""
    published_on: date | None = None
    citation: str | None = None
    public_notice: str | None = None
    stage: str = "published"  # "public_inspection" for a document not yet published


@dataclass(frozen=True)
class Event:
    """One action on one entity under one program, from one source document."""

    program: Program
    action: Action
    name: str
    document: DocumentRef
    aliases: tuple[str, ...] = ()
    entity_type: str = "organization"
    effective_on: date | None = None
    signed_on: date | None = None
    announced_on: date | None = None
    previous_name: str | None = None
    signer: str | None = None
    details: tuple[tuple[str, str], ...] = ()

    @property
    def event_id(self) -> str:
        """Stable id: the same document saying the same thing always gives the same id."""
        doc = self.document
        number = doc.document_id.strip().lower()
        parts = [doc.source.value, number, self.program.value, self.action.value, name_key(self.name)]
        if doc.stage != "published":
            parts.append(doc.stage)
        # OFAC lists distinct entries under one name (branch offices): its entry number tells them apart.
        parts += [value for label, value in self.details if label == "ent_num"]
        key = "|".join(parts)
        return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Notice:
    """What a parser made of one document: its events, or why a person should look at it."""

    document: DocumentRef
    kind: str
    events: tuple[Event, ...] = ()
    review: str | None = None
    notes: tuple[str, ...] = field(default=())
