"""Federal Register notices (full-text XML, API metadata, public inspection) parsed into designation events.

Notice kinds:
  fto_designation, fto_amendment, fto_review, fto_review_amendment, fto_revocation,
  sdgt_designation, sdgt_amendment, sdgt_review, sdgt_review_amendment, sdgt_revocation,
  combined               events under both programs (FTO and SDGT) in one document
  review_started         a review has begun or submissions are invited: nothing decided, no events
  ofac_sanctions_action  Treasury/OFAC SDN-format entries, left to the OFAC parser (review says so)
  presidential_document  executive orders, proclamations, memoranda: never designations themselves
  not_relevant           nothing about the FTO or SDGT programs
  unrecognised           mentions the programs but yields no events; `review` says why
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from parsers import fr_text, fr_xml
from parsers.common import read_date
from parsers.fr_text import Mention, looks_relevant
from parsers.name_check import name_problem
from parsers.model import Action, DocumentRef, EntityType, Event, Notice, NoticeKind, ParseError, Program, Source, Stage
from parsers.programs import programs_in

__all__ = ["looks_relevant", "parse_fr_document", "parse_fr_issue", "parse_fr_metadata", "parse_public_inspection"]

_OFAC_TITLE = re.compile(r"^Notice of OFAC Sanctions Actions?\b", re.IGNORECASE)
_OFAC_REVIEW = "OFAC SDN-format entries: parsed by the OFAC parser"
# a title that alone says what was done: "Foreign Terrorist Organization Designation: X", "Designation of X as a …"
_TITLE_ACTION = re.compile(
    r"^(?:In the Matter of (?:the )?)?(?:(?:Foreign Terrorist Organization|Specially Designated Global Terrorist|FTO|SDGT)"
    r"(?: and (?:Foreign Terrorist Organization|Specially Designated Global Terrorist))? )?(Designations?|Revocations?)\b"
    r"(?! and)", re.IGNORECASE)
_STATE_SLUGS = {"state-department"}
_TREASURY_SLUGS = {"treasury-department", "foreign-assets-control-office"}
_ACTIONS = {
    "designation": Action.DESIGNATION,
    "amendment": Action.AMENDMENT,
    "review": Action.REVIEW,
    "revocation": Action.REVOCATION,
}


def parse_fr_document(meta: Mapping[str, Any], xml: bytes) -> Notice:
    """One FR document: its API metadata (may be empty) and its full-text XML."""
    hint = str(meta.get("document_number") or fr_xml.frdoc_number_in_bytes(xml) or "unknown FR document")
    root = fr_xml.parse_xml(xml, hint)
    if root.tag not in fr_xml.DOCUMENT_TAGS:
        raise ParseError(hint, f"unknown root element <{root.tag}>; expected one of {', '.join(fr_xml.DOCUMENT_TAGS)}")
    return _parse_node(meta, root, hashlib.sha256(xml).hexdigest())


def parse_fr_issue(xml: bytes) -> list[Notice]:
    """A whole daily issue (root FEDREG): one Notice per NOTICE/RULE/PRORULE/PRESDOCU, in print order."""
    root = fr_xml.parse_xml(xml, "FR daily issue")
    if root.tag != "FEDREG":
        raise ParseError("FR daily issue", f"unknown root element <{root.tag}>; expected FEDREG")
    volume, printed_date = fr_xml.issue_header(root)
    issue_date = read_date(printed_date, anywhere=True)
    issue_meta = {"volume": volume, "publication_date": issue_date.isoformat() if issue_date else None}
    pages = fr_xml.contents_pages(root)
    notices = []
    for node in fr_xml.iter_documents(root):
        meta = {**issue_meta, "start_page": pages.get(fr_xml.frdoc_of(node) or "")}
        raw = fr_xml.serialize(node)
        notice = _parse_node(meta, node, hashlib.sha256(raw).hexdigest())
        if notice.kind == NoticeKind.OFAC_SANCTIONS_ACTION:
            notice = _ofac_notice(meta, notice, raw)
        notices.append(notice)
    return notices


def _ofac_notice(meta: Mapping[str, Any], notice: Notice, raw: bytes) -> Notice:
    """An OFAC sanctions action printed in a daily issue, read by the SDN-entry parser as a bare NOTICE would be."""
    from parsers.ofac_fr import parse_ofac_notice  # parsers.ofac_fr reads SDN entries; imported only when needed

    document = notice.document
    return parse_ofac_notice({**meta, "document_number": document.document_id, "title": document.title,
                              "citation": document.citation}, raw)


def parse_fr_metadata(meta: Mapping[str, Any]) -> Notice:
    """One FR document from its API JSON alone, for when no full text exists: only unambiguous titles give events."""
    number = str(meta.get("document_number") or "")
    if not number:
        raise ParseError("unknown FR document", "API metadata without document_number")
    title = str(meta.get("title") or "")
    ref = _document_ref(meta, number, _json_sha256(meta), title, citation=meta.get("citation"))
    if str(meta.get("type") or "").lower().startswith("presidential"):
        return Notice(document=ref, kind=NoticeKind.PRESIDENTIAL_DOCUMENT)
    return _notice_from_title(ref, _metadata_title(meta), meta.get("signing_date"), announced_on=None)


def parse_public_inspection(payload: bytes) -> list[Notice]:
    """State/Treasury/OFAC documents on public inspection whose titles concern FTO/SDGT; the rest are omitted."""
    try:
        listing = json.loads(payload)
    except ValueError as error:
        raise ParseError("public inspection listing", f"not JSON: {error}") from error
    if not isinstance(listing, dict) or not isinstance(listing.get("results", []), list):
        raise ParseError("public inspection listing", "expected an object with a 'results' list")
    sha = hashlib.sha256(payload).hexdigest()
    notices = []
    for entry in listing.get("results", []):
        title = _inspection_title(entry)
        if not (_from_state_or_treasury(entry) and looks_relevant(title)):
            continue
        number = str(entry.get("document_number") or "")
        if not number:
            raise ParseError("public inspection listing", f"entry without document_number: {title!r}")
        ref = replace(_document_ref(entry, number, sha, title, citation=None), stage=Stage.PUBLIC_INSPECTION)
        announced = _iso_date(str(entry.get("filed_at") or "")[:10])
        notices.append(_notice_from_title(ref, title, None, announced_on=announced))
    return notices


# --- one full-text document -------------------------------------------------------------------------------


def _parse_node(meta: Mapping[str, Any], node, raw_sha256: str) -> Notice:
    """Turn one parsed document node into a Notice."""
    parts = fr_xml.document_parts(node)
    number = str(meta.get("document_number") or parts.frdoc_number or "")
    if not number:
        raise ParseError("unknown FR document", f"<{node.tag}> without an [FR Doc. …] number and no metadata")
    title = parts.subject or str(meta.get("title") or "")
    public_notice = parts.public_notice or _docket_public_notice(meta)
    ref = _document_ref(meta, number, raw_sha256, title, citation=_citation(meta, parts), public_notice=public_notice)
    if parts.root_tag == "PRESDOCU":
        return Notice(document=ref, kind=NoticeKind.PRESIDENTIAL_DOCUMENT)
    if _is_ofac_action(parts, meta):
        return Notice(document=ref, kind=NoticeKind.OFAC_SANCTIONS_ACTION, review=_OFAC_REVIEW)
    if not looks_relevant(parts.raw_text):
        return Notice(document=ref, kind=NoticeKind.NOT_RELEVANT)
    if not _is_state(parts, meta):
        agency = parts.agency or "an unnamed agency"
        return _unrecognised(ref, f"mentions FTO/SDGT but is a {parts.root_tag} of {agency}, "
                                  "not a State Department notice")
    return _state_notice(ref, parts)


def _state_notice(ref: DocumentRef, parts: fr_xml.DocumentParts) -> Notice:
    """Events from a State Department notice, or why there are none."""
    reading = fr_text.read_notice(parts.paragraphs, ref.title)
    if reading.review:
        return _unrecognised(ref, reading.review)
    if not reading.findings:
        if reading.review_started:
            return Notice(document=ref, kind=NoticeKind.REVIEW_STARTED)
        return _unrecognised(ref, "mentions FTO/SDGT but holds no designation, amendment, review or revocation "
                                  "language")
    signed_on = read_date(parts.dated, anywhere=True)
    # a date the notice states (State SDGT notices often give one) wins; FTO actions take effect on publication
    effective = fr_text.stated_effective_date(" ".join(parts.paragraphs), signed_on) or ref.published_on
    events = []
    for finding in reading.findings:
        for program in sorted(finding.programs):
            # "SDGT effective upon signature … FTO effective November 20": each program's own paragraphs first
            own = " ".join(parts.paragraphs[i] for i in finding.where.get(program, ()))
            when = fr_text.stated_effective_date(own, signed_on) or effective
            events.extend(_event(ref, program, _ACTIONS[finding.action], m, finding.previous.get(m.name), when,
                                 signed_on, parts.signer) for m in finding.mentions)
    return Notice(document=ref, kind=NoticeKind.of(events), events=tuple(events))


def _event(ref: DocumentRef, program: Program, action: Action, mention: Mention, previous_name: str | None,
           effective_on: date | None, signed_on: date | None, signer: str | None) -> Event:
    """One event for one entity under one program."""
    entity_type = EntityType.ORGANIZATION if program == Program.FTO else (mention.entity_type or EntityType.UNKNOWN)
    return Event(
        program=program,
        action=action,
        name=mention.name,
        document=ref,
        aliases=fr_text.dedupe_aliases(mention.aliases, mention.name),
        entity_type=entity_type,
        effective_on=effective_on,
        signed_on=signed_on,
        previous_name=previous_name,
        signer=signer,
        details=tuple(mention.details),
    )


def _unrecognised(ref: DocumentRef, reason: str) -> Notice:
    """A relevant-looking document that yielded nothing: for a person to read."""
    return Notice(document=ref, kind=NoticeKind.UNRECOGNISED, review=reason)


def _is_ofac_action(parts: fr_xml.DocumentParts, meta: Mapping[str, Any]) -> bool:
    """Treasury/OFAC 'Notice of OFAC Sanctions Action(s)'."""
    title = parts.subject or str(meta.get("title") or "")
    from_ofac = "FOREIGN ASSETS CONTROL" in parts.subagency.upper() or bool(_agency_slugs(meta) & _TREASURY_SLUGS)
    return from_ofac and bool(_OFAC_TITLE.search(title))


def _is_state(parts: fr_xml.DocumentParts, meta: Mapping[str, Any]) -> bool:
    """Whether the State Department issued the document."""
    agency = parts.agency.upper()
    return "DEPARTMENT OF STATE" in agency or "STATE DEPARTMENT" in agency or bool(_agency_slugs(meta) & _STATE_SLUGS)


# --- metadata-only and public inspection --------------------------------------------------------------------


def _notice_from_title(ref: DocumentRef, title: str, signing_date: Any, announced_on: date | None) -> Notice:
    """Events from a title alone, only when it says what was done, under which program and to whom; else review."""
    if _OFAC_TITLE.search(title):
        return Notice(document=ref, kind=NoticeKind.OFAC_SANCTIONS_ACTION, review=_OFAC_REVIEW)
    if not looks_relevant(title):
        return Notice(document=ref, kind=NoticeKind.NOT_RELEVANT)
    match = _TITLE_ACTION.match(title.strip())
    programs = sorted(programs_in(title, authorities=True))
    mentions = fr_text.title_mentions(title) if match and programs else []
    if not mentions:
        return _unrecognised(ref, f"title alone does not say what was done to whom: {title!r}")
    problem = next((p for m in mentions for p in map(name_problem, (m.name, *m.aliases)) if p), None)
    if problem:
        return _unrecognised(ref, f"title {title!r}: candidate {problem}")
    action = Action.DESIGNATION if match.group(1).lower().startswith("designation") else Action.REVOCATION
    events = tuple(
        Event(program=program, action=action, name=m.name, document=ref,
              aliases=fr_text.dedupe_aliases(m.aliases, m.name),
              entity_type=EntityType.ORGANIZATION if program == Program.FTO else (m.entity_type or EntityType.UNKNOWN),
              effective_on=ref.published_on, signed_on=_iso_date(signing_date), announced_on=announced_on)
        for program in programs for m in mentions
    )
    return Notice(document=ref, kind=NoticeKind.of(events), events=events)


def _metadata_title(meta: Mapping[str, Any]) -> str:
    """The title, or toc_subject + toc_doc when the title is missing."""
    title = str(meta.get("title") or "").strip()
    if title:
        return title
    return f"{meta.get('toc_subject') or ''} {meta.get('toc_doc') or ''}".strip()


def _inspection_title(entry: Mapping[str, Any]) -> str:
    """A public-inspection title rebuilt from its subjects ('…Designation:' + 'Cartel de los Soles')."""
    subjects = [str(entry.get(k) or "").strip() for k in ("subject_1", "subject_2", "subject_3")]
    subjects = [s for s in subjects if s]
    if subjects:
        return fr_xml.clean(" ".join(subjects))
    return fr_xml.clean(str(entry.get("title") or ""))


def _from_state_or_treasury(entry: Mapping[str, Any]) -> bool:
    """Whether a listing entry comes from State, Treasury or OFAC."""
    names = {str(n).lower() for n in entry.get("agency_names") or []}
    return bool(_agency_slugs(entry) & (_STATE_SLUGS | _TREASURY_SLUGS)) or bool(
        names & {"state department", "treasury department", "foreign assets control office"}
    )


# --- document references --------------------------------------------------------------------------------------


def _document_ref(meta: Mapping[str, Any], number: str, raw_sha256: str, title: str, citation: str | None,
                  public_notice: str | None = None) -> DocumentRef:
    """The citable reference shared by every event of a document."""
    return DocumentRef(
        source=Source.FEDERAL_REGISTER,
        document_id=number,
        url=str(meta.get("html_url") or f"https://www.federalregister.gov/d/{number}"),
        raw_sha256=raw_sha256,
        title=title,
        published_on=_iso_date(meta.get("publication_date")),
        citation=citation,
        public_notice=public_notice or _docket_public_notice(meta),
    )


def _citation(meta: Mapping[str, Any], parts: fr_xml.DocumentParts) -> str | None:
    """'90 FR 53045' from metadata, else from the volume and the document's first printed page."""
    if meta.get("citation"):
        return str(meta["citation"])
    volume = meta.get("volume")
    page = meta.get("start_page") or parts.first_page
    return f"{volume} FR {page}" if volume and page else None


def _docket_public_notice(meta: Mapping[str, Any]) -> str | None:
    """The State public notice number among the API's docket ids."""
    for docket in meta.get("docket_ids") or meta.get("docket_numbers") or []:
        number = fr_xml.public_notice_number(str(docket))
        if number:
            return number
    return None


def _agency_slugs(meta: Mapping[str, Any]) -> set[str]:
    """The agency slugs listed in API metadata."""
    return {str(a.get("slug")) for a in meta.get("agencies") or [] if isinstance(a, Mapping) and a.get("slug")}


def _iso_date(value: Any) -> date | None:
    """A date from 'YYYY-MM-DD', or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _json_sha256(meta: Mapping[str, Any]) -> str:
    """A stable hash of metadata that has no raw bytes of its own (keys sorted, compact)."""
    canonical = json.dumps(meta, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
