"""The domain model every layer speaks: programs, actions, events and notices."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
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


class Stage(StrEnum):
    """How far a document is through the Federal Register."""

    PUBLISHED = "published"
    PUBLIC_INSPECTION = "public_inspection"  # on the public-inspection desk, not yet published


class EntityType(StrEnum):
    """What a designated party is."""

    ORGANIZATION = "organization"
    INDIVIDUAL = "individual"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"
    UNKNOWN = "unknown"  # an SDGT the notice does not say is a person or an organization


class NoticeKind(StrEnum):
    """What a parser made of a document: one program and one action (`<program>_<action>`), or why not."""

    FTO_DESIGNATION = "fto_designation"
    FTO_AMENDMENT = "fto_amendment"
    FTO_REVIEW = "fto_review"
    FTO_REVOCATION = "fto_revocation"
    FTO_ANNOUNCEMENT = "fto_announcement"
    FTO_REVIEW_AMENDMENT = "fto_review_amendment"
    SDGT_DESIGNATION = "sdgt_designation"
    SDGT_AMENDMENT = "sdgt_amendment"
    SDGT_REVIEW = "sdgt_review"
    SDGT_REVOCATION = "sdgt_revocation"
    SDGT_ANNOUNCEMENT = "sdgt_announcement"
    SDGT_REVIEW_AMENDMENT = "sdgt_review_amendment"
    COMBINED = "combined"  # several programs or actions in one document
    MENTION = "mention"  # names the programs but designates nothing: no events, no review
    NOT_RELEVANT = "not_relevant"
    UNRECOGNISED = "unrecognised"  # reads like a designation but gave no event: `review` says why
    REVIEW_STARTED = "review_started"  # a five-year review opened, nothing decided yet
    PRESIDENTIAL_DOCUMENT = "presidential_document"
    PARSE_ERROR = "parse_error"
    OFAC_SANCTIONS_ACTION = "ofac_sanctions_action"
    OFAC_NO_TERRORISM_ENTRIES = "ofac_no_terrorism_entries"
    OFAC_OTHER = "ofac_other"
    OFAC_SDN_LIST = "ofac_sdn_list"

    @classmethod
    def of(cls, events: Iterable[Event]) -> NoticeKind:
        """`<program>_<action>` for one kind of event, `<program>_review_amendment` for both, else combined."""
        pairs = {(e.program, e.action) for e in events}
        if len(pairs) == 1:
            program, action = next(iter(pairs))
            return cls(f"{program.value.lower()}_{action.value}")
        programs = {p for p, _ in pairs}
        if len(programs) == 1 and {a for _, a in pairs} == {Action.REVIEW, Action.AMENDMENT}:
            return cls(f"{next(iter(programs)).value.lower()}_review_amendment")
        return cls.COMBINED


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
    stage: Stage = Stage.PUBLISHED


@dataclass(frozen=True)
class Event:
    """One action on one entity under one program, from one source document."""

    program: Program
    action: Action
    name: str
    document: DocumentRef
    aliases: tuple[str, ...] = ()
    entity_type: EntityType = EntityType.ORGANIZATION
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
        if doc.stage != Stage.PUBLISHED:
            parts.append(doc.stage)
        # OFAC lists distinct entries under one name (branch offices): its entry number tells them apart.
        parts += [value for label, value in self.details if label == "ent_num"]
        key = "|".join(parts)
        return hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Notice:
    """What a parser made of one document: its events, or why a person should look at it."""

    document: DocumentRef
    kind: NoticeKind
    events: tuple[Event, ...] = ()
    review: str | None = None
    notes: tuple[str, ...] = field(default=())
