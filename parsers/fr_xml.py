"""Reading the GPO Federal Register XML: safe parsing, clean text, the parts a notice is made of."""
from __future__ import annotations

import re
from functools import cached_property

from lxml import etree

from parsers.common import squash, straight_quotes
from parsers.model import ParseError

DOCUMENT_TAGS = ("NOTICE", "RULE", "PRORULE", "PRESDOCU")

# Sections of a preamble that hold boilerplate (contacts, addresses), never the operative text.
_SKIPPED_SECTIONS = {"AGY", "ACT", "ADD", "FURINF", "SIG", "FTNT", "GPOTABLE", "GPH"}
_SPACE = re.compile(r"\s+")
_FR_DOC = re.compile(rb"FR\s+Doc\.?\s*(?:No\.?\s*)?:?\s*([A-Z]?\d{1,4}-\d+)")
_FR_DOC_TEXT = re.compile(r"FR\s+Doc\.?\s*(?:No\.?\s*)?:?\s*([A-Z]?\d{1,4}-\d+)")
_PUBLIC_NOTICE = re.compile(r"Public\s+Notice:?\s*(\d+)", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    """An lxml parser with entity expansion, DTD loading and network access off."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse_xml(xml: bytes, document_id: str) -> etree._Element:
    """Parse bytes into an element tree, or raise ParseError naming the document."""
    try:
        root = etree.fromstring(xml, parser=_parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(document_id, f"malformed XML: {error}") from error
    _inline_entities(root)
    return root


def _inline_entities(root: etree._Element) -> None:
    """Unexpanded entity references become their character (HTML names) or nothing, so `&x;` never splits a name."""
    import html

    for entity in list(root.iter(etree.Entity)):
        text = html.unescape(entity.text)
        text = ("" if text == entity.text else text) + (entity.tail or "")
        parent, previous = entity.getparent(), entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)


def frdoc_number_in_bytes(xml: bytes) -> str | None:
    """The FR document number printed in raw bytes, for naming a document that will not parse."""
    match = _FR_DOC.search(xml)
    return match.group(1).decode() if match else None


def clean(text: str) -> str:
    """Curly quotes straightened, non-breaking spaces and runs of whitespace collapsed."""
    return squash(straight_quotes(text))


def text_of(element: etree._Element | None) -> str:
    """All text under an element with markup (E, PRTPAGE, SU) dropped, even mid-word."""
    if element is None:
        return ""
    return clean("".join(element.itertext()))


def _first(node: etree._Element, tag: str) -> etree._Element | None:
    """The first descendant with this tag, or None."""
    return next(node.iter(tag), None)


def _inside_skipped(element: etree._Element, stop: etree._Element) -> bool:
    """Whether an element sits in a boilerplate section of the document."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED_SECTIONS:
            return True
        parent = parent.getparent()
    return False


def _paragraphs(node: etree._Element) -> tuple[str, ...]:
    """Body paragraphs (P, FP) in document order, boilerplate sections left out; an entity table's rows as lines."""
    found = []
    for element in node.iter("P", "FP", "ROW"):
        if element.tag == "ROW":
            text = _entity_row(element)
        elif _inside_skipped(element, node):
            continue
        else:
            text = text_of(element)
        if text:
            found.append(text)
    return tuple(found)


_NAME_HEADING = re.compile(r"\b(?:organi[sz]ations?|names?|entit(?:y|ies)|groups?|individuals?|persons?)\b", re.IGNORECASE)
_ALIAS_HEADING = re.compile(r"\b(?:alias(?:es)?|also\s+known\s+as|a\.k\.a\.?|other\s+names)\b", re.IGNORECASE)


def _entity_row(row: etree._Element) -> str:
    """A row of a table headed 'Organization | Aliases' (a 2001 redesignation list) as 'Name (a.k.a. A; B)', else ''."""
    table = row.getparent()
    while table is not None and table.tag != "GPOTABLE":
        table = table.getparent()
    headings = [text_of(h) for h in table.iter("CHED")] if table is not None else []
    if len(headings) != 2 or not _NAME_HEADING.search(headings[0]) or not _ALIAS_HEADING.search(headings[1]):
        return ""
    cells = [text_of(cell) for cell in row.findall("ENT")]
    if not cells or not cells[0]:
        return ""
    aliases = cells[1] if len(cells) > 1 else ""
    return f"{cells[0]} (a.k.a. {aliases})" if aliases else cells[0]


def _first_page(node: etree._Element) -> int | None:
    """The page a document starts on: a PRTPAGE marker before any text is that page, else the one before it."""
    # GPO prints a presidential document's first PRTPAGE after its "Title 3— The President" running head.
    text_seen = False
    ignore_text = node.tag == "PRESDOCU"
    for event, element in etree.iterwalk(node, events=("start", "end")):
        if event == "start" and element.tag == "PRTPAGE":
            try:
                page = int(element.get("P", ""))
            except ValueError:
                return None  # roman-numbered front matter
            return page - 1 if text_seen and not ignore_text else page
        if event == "start" and (element.text or "").strip():
            text_seen = True
        if event == "end" and element is not node and (element.tail or "").strip():
            text_seen = True
    return None


def _frdoc(node: etree._Element) -> str | None:
    """The number in '[FR Doc. 2025-20750 Filed 11-21-25; 8:45 am]'."""
    for element in node.iter("FRDOC"):
        match = _FR_DOC_TEXT.search(text_of(element))
        if match:
            return match.group(1)
    return None


def _dated(node: etree._Element) -> str | None:
    """The 'Dated: November 16, 2025.' line, from SIG/DATED or a paragraph that starts with it."""
    dated = _first(node, "DATED")
    if dated is not None:
        return text_of(dated)
    for element in node.iter("P", "FP"):
        text = text_of(element)
        if text.startswith("Dated:"):
            return text
    return None


def _signer(node: etree._Element) -> str | None:
    """The signing official's name from SIG/NAME, without its trailing comma."""
    for sig in node.iter("SIG"):
        name = _first(sig, "NAME")
        if name is not None:
            return text_of(name).rstrip(",;. ") or None
    return None


def _subject(node: etree._Element) -> str:
    """The document's title: SUBJECT for agency documents, the first heading for presidential ones."""
    subject = _first(node, "SUBJECT")
    if subject is not None:
        return text_of(subject)
    heading = _first(node, "HD")
    return text_of(heading)


def public_notice_number(text: str) -> str | None:
    """'12869' from '[Public Notice: 12869]' or 'Public Notice 8250'."""
    match = _PUBLIC_NOTICE.search(text)
    return match.group(1) if match else None


class DocumentParts:
    """What the parsers need from one FR document node, as clean text, each part read on first use."""

    def __init__(self, node: etree._Element):
        self.node = node
        self.root_tag = node.tag

    @cached_property
    def agency(self) -> str:
        """The printed agency name(s), e.g. 'DEPARTMENT OF STATE'."""
        return " / ".join(text_of(a) for a in self.node.iter("AGENCY"))

    @cached_property
    def subagency(self) -> str:
        """The printed sub-agency, e.g. 'Office of Foreign Assets Control'."""
        return " / ".join(text_of(a) for a in self.node.iter("SUBAGY"))

    @cached_property
    def subject(self) -> str:
        """The document's title."""
        return _subject(self.node)

    @cached_property
    def public_notice(self) -> str | None:
        """'12869' from DEPDOC '[Public Notice: 12869]'."""
        depdoc = _first(self.node, "DEPDOC")
        return public_notice_number(text_of(depdoc)) if depdoc is not None else None

    @cached_property
    def frdoc_number(self) -> str | None:
        """The FR document number printed in FRDOC."""
        return _frdoc(self.node)

    @cached_property
    def first_page(self) -> int | None:
        """The page the document starts on, from its PRTPAGE markers."""
        return _first_page(self.node)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """Body paragraphs in order, boilerplate sections left out."""
        return _paragraphs(self.node)

    @cached_property
    def dated(self) -> str | None:
        """The 'Dated: …' line."""
        return _dated(self.node)

    @cached_property
    def signer(self) -> str | None:
        """The signing official's name."""
        return _signer(self.node)

    @cached_property
    def raw_text(self) -> str:
        """All text of the document, markup dropped, whitespace as printed (cheap; for relevance checks)."""
        return "".join(self.node.itertext())


def document_parts(node: etree._Element) -> DocumentParts:
    """The readable parts of one NOTICE/RULE/PRORULE/PRESDOCU node."""
    return DocumentParts(node)


def issue_header(root: etree._Element) -> tuple[int | None, str]:
    """The volume number and printed date ('Friday, April 15, 2016') of a daily issue."""
    volume = root.findtext("VOL")
    return (int(volume) if volume and volume.strip().isdigit() else None), clean(root.findtext("DATE") or "")


def contents_pages(root: etree._Element) -> dict[str, int]:
    """Each document's first page from the issue's table of contents (PGS '22271-22272' beside FRDOCBP)."""
    pages = {}
    for number in root.iter("FRDOCBP"):
        pgs = number.getparent().find("PGS")
        first = (pgs.text or "").split("-")[0].strip() if pgs is not None else ""
        if first.isdigit() and number.text:
            pages.setdefault(number.text.strip(), int(first))
    return pages


def frdoc_of(node: etree._Element) -> str | None:
    """The FR document number printed in a document node's FRDOC."""
    return _frdoc(node)


def iter_documents(root: etree._Element):
    """Every document node of a daily issue, in print order."""
    return root.iter(*DOCUMENT_TAGS)


def serialize(node: etree._Element) -> bytes:
    """The bytes of one document node as cut from an issue."""
    return etree.tostring(node, encoding="utf-8", with_tail=False)
