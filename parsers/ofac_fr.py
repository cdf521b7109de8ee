"""Federal Register "Notice of OFAC Sanctions Action(s)": SDN entries under each action, SDGT/FTO ones as events."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from lxml import etree

from parsers.common import read_date, squash
from parsers.model import Action, DocumentRef, Event, Notice, NoticeKind, ParseError, Source
from parsers.sdn_actions import (
    Reading,
    add_entry,
    events_from,
    malformed_review,
    note_malformed,
    notice_kind,
    parsed_entries,
)

_DATE = r"([A-Z][a-z]+\.? \d{1,2}, \d{4})"
_ACTION = re.compile(r"\bOn " + _DATE + r",? (?:the )?(?:Director of )?(?:OFAC|the Office of Foreign Assets Control|"
                     r"Office of Foreign Assets Control)\b(.*)", re.DOTALL)
_NUMBERING = re.compile(r"^\(?\d{1,4}[.)]\s+")
_TAG = re.compile(r"\[[A-Z0-9][A-Z0-9 .-]*\]")
_FRDOC = re.compile(r"FR Doc\.?\s*(?:No\.?\s*)?([A-Z]?\d{1,4}-\d+)")
_ENTRY_HEADINGS = ("individual", "entit", "vessel", "aircraft", "person")
_TERRORISM_WORDS = re.compile(r"13224|\bSDGT\b|Foreign Terrorist Organization|Global Terrorism", re.IGNORECASE)


@dataclass(frozen=True)
class _Section:
    """The action in force while reading: what OFAC did, on what date, and whether entries may follow."""

    action: Action | None = None
    effective_on: date | None = None
    in_entries: bool = False


def parse_ofac_notice(meta: Mapping[str, Any], xml: bytes) -> Notice:
    """Events for the SDGT/FTO entries of one OFAC sanctions-action notice."""
    root = _parse_xml(meta, xml)
    document = _document(meta, xml, root)
    _check_ofac(root, document.document_id)
    supplementary = root.find(".//SUPLINF")
    if supplementary is None:
        raise ParseError(document.document_id, "OFAC notice without SUPPLEMENTARY INFORMATION (SUPLINF)")
    reading = Reading()
    section = _Section()
    for element in supplementary.iter("HD", "P", "FP"):
        text = _text(element)
        if not text or _inside_signature(element, supplementary):
            continue
        if element.tag == "HD":
            section = _heading(section, text)
        else:
            section = _paragraph(reading, section, text)
    signed_on, signer = _signature(root)
    events = events_from(reading, document, signed_on=signed_on, signer=signer)
    return _notice(document, reading, events, root)


def _parse_xml(meta: Mapping[str, Any], xml: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
    name = str(meta.get("document_number") or "unknown")
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(name, f"not well-formed XML: {error}") from error
    if root.tag != "NOTICE":
        raise ParseError(name, f"root is <{root.tag}>, expected <NOTICE>")
    # Page-break markers can sit in the middle of an entry; their tails are text and stay.
    etree.strip_elements(root, "PRTPAGE", with_tail=False)
    return root


def _document(meta: Mapping[str, Any], xml: bytes, root: etree._Element) -> DocumentRef:
    number = str(meta.get("document_number") or "").strip() or _frdoc_number(root)
    if not number:
        raise ParseError("unknown", "no document_number in the metadata and no FR Doc line in the XML")
    return DocumentRef(
        source=Source.FEDERAL_REGISTER,
        document_id=number,
        url=str(meta.get("html_url") or f"https://www.federalregister.gov/d/{number}"),
        raw_sha256=hashlib.sha256(xml).hexdigest(),
        title=str(meta.get("title") or "").strip() or _text(root.find(".//SUBJECT")),
        published_on=_iso_date(meta.get("publication_date")),
        citation=meta.get("citation") or None,
    )


def _check_ofac(root: etree._Element, document_id: str) -> None:
    names = " ".join(_text(element) for element in root.iter("AGENCY", "SUBAGY", "AGY")).upper()
    if "FOREIGN ASSETS CONTROL" not in names or "TREASURY" not in names:
        raise ParseError(document_id, f"not an OFAC notice (agency: {names or 'none'!r})")


def _heading(section: _Section, text: str) -> _Section:
    lowered = text.lower()
    action = section.action
    if re.search(r"delet|remov|unblock", lowered):
        action = Action.REVOCATION
    elif re.search(r"updat|amend|change", lowered):
        action = Action.AMENDMENT
    in_entries = action != section.action or any(word in lowered for word in _ENTRY_HEADINGS)
    return _Section(action, section.effective_on, in_entries)


def _paragraph(reading: Reading, section: _Section, text: str) -> _Section:
    action = _ACTION.search(text)
    if action:
        reading.actions += 1
        effective_on = read_date(action.group(1))
        if effective_on is None:
            reading.notes.append(f"unreadable action date {action.group(1)!r}")
        return _Section(_action_kind(action.group(2)), effective_on, True)
    if not section.in_entries:
        return section
    if text == "-to-" or _NUMBERING.match(text) or _TAG.search(text):
        _entry_paragraph(reading, section, _NUMBERING.sub("", text))
    return section


def _entry_paragraph(reading: Reading, section: _Section, text: str) -> None:
    """One entry, "OLD -to- NEW" for an update, or a lone "-to-" between the two."""
    if section.action is None and text != "-to-":
        note_malformed(reading, "entry before any 'On <date>, OFAC ...' action", text)
        return
    for error in add_entry(reading, section.action, section.effective_on, text):
        note_malformed(reading, error.reason, error.text)


def _notice(document: DocumentRef, reading: Reading, events: list[Event], root: etree._Element) -> Notice:
    kind, review = notice_kind(reading, events), malformed_review(reading)
    if kind == NoticeKind.OFAC_NO_TERRORISM_ENTRIES and not parsed_entries(reading) and not review:
        review = "an OFAC action with no SDN entries the parser could find"
    elif kind == NoticeKind.OFAC_OTHER and not review and _TERRORISM_WORDS.search(_text(root)):
        review = "an OFAC notice that mentions terrorism authorities but holds no SDN action"
    return Notice(document, kind, tuple(events), review, tuple(reading.notes))


def _action_kind(sentence: str) -> Action:
    lowered = sentence.lower()
    if re.search(r"\bremov|\bdelist|\bdelet|\bunblock", lowered):
        return Action.REVOCATION
    if re.search(r"\bupdat|\bamend|\bchang", lowered):
        return Action.AMENDMENT
    return Action.DESIGNATION


def _signature(root: etree._Element) -> tuple[date | None, str | None]:
    """The "Dated:" line's date and the signer's name."""
    dated = re.search(_DATE, _text(root.find(".//SIG/DATED")))
    signer = _text(root.find(".//SIG/NAME")).rstrip(",").strip() or None
    return (read_date(dated.group(1)) if dated else None), signer


def _inside_signature(element: etree._Element, stop: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == "SIG":
            return True
        parent = parent.getparent()
    return False


def _frdoc_number(root: etree._Element) -> str:
    match = _FRDOC.search(_text(root.find(".//FRDOC")))
    return match.group(1) if match else ""


def _iso_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return squash("".join(element.itertext()))
