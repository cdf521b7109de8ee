"""OFAC's legacy SDN list XML (SDN.XML, root sdnList), read as a stream into the entries the CSV files give."""
from __future__ import annotations

import io
from datetime import date, datetime
from typing import BinaryIO, Iterator

from lxml import etree

from parsers.common import partner, slug
from parsers.model import EntityType, ParseError
from parsers.sdn import SdnEntry, classify_segments, label_segment, split_segments_leniently

DOCUMENT_ID = "SDN.XML"
# treasury.gov/ofac/downloads/sdn.xml (a .NET DataSet's default namespace) and the Sanctions List Service's export.
NAMESPACES = (
    "http://tempuri.org/sdnList.xsd",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
)
ENTITY_TYPES = {"Individual": EntityType.INDIVIDUAL, "Entity": EntityType.ORGANIZATION, "Vessel": EntityType.VESSEL,
                "Aircraft": EntityType.AIRCRAFT}
ALIAS_TYPES = ("a.k.a.", "f.k.a.", "n.k.a.")
ALIAS_CATEGORIES = ("strong", "weak")
# vesselInfo children, in sdn.csv's column order, with the identifier keys parsers.ofac_csv gives them.
VESSEL_FIELDS = (("callSign", "call_sign"), ("vesselType", "vessel_type"), ("tonnage", "tonnage"),
                 ("grossRegisteredTonnage", "grt"), ("vesselFlag", "vessel_flag"), ("vesselOwner", "vessel_owner"))
# Dated or placed facts with a mainEntry flag: the list, its item, the item's value and the key OFAC prints.
FLAGGED_LISTS = (("dateOfBirthList", "dateOfBirthItem", "dateOfBirth", "dob"),
                 ("placeOfBirthList", "placeOfBirthItem", "placeOfBirth", "pob"),
                 ("nationalityList", "nationality", "country", "nationality"),
                 ("citizenshipList", "citizenship", "country", "citizen"))
ENTRY_CHILDREN = {"uid", "firstName", "lastName", "title", "sdnType", "remarks", "programList", "idList", "akaList",
                  "addressList", "nationalityList", "citizenshipList", "dateOfBirthList", "placeOfBirthList",
                  "vesselInfo"}
ITEM_CHILDREN = {
    "id": {"uid", "idType", "idNumber", "idCountry", "issueDate", "expirationDate"},
    "aka": {"uid", "type", "category", "lastName", "firstName"},
    # region: in the list service's address items; where OFAC prints it in an address is not known to us.
    "address": {"uid", "address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country",
                "region"},
    "nationality": {"uid", "country", "mainEntry"},
    "citizenship": {"uid", "country", "mainEntry"},
    "dateOfBirthItem": {"uid", "dateOfBirth", "mainEntry"},
    "placeOfBirthItem": {"uid", "placeOfBirth", "mainEntry"},
}
LIST_ITEMS = {"programList": "program", "idList": "id", "akaList": "aka", "addressList": "address",
              "nationalityList": "nationality", "citizenshipList": "citizenship",
              "dateOfBirthList": "dateOfBirthItem", "placeOfBirthList": "placeOfBirthItem"}


def iter_sdn_xml(source: bytes | BinaryIO) -> Iterator[SdnEntry]:
    """Every sdnEntry of an SDN.XML, in file order; memory stays flat however long the file."""
    record_count = None
    entries = 0
    root = None
    try:
        for _, element in _events(source):
            if root is None:
                root = _checked_root(element)
            if element.getparent() is not root:
                continue
            name = _local(element)
            if name == "sdnEntry":
                yield _entry(element)
                entries += 1
            elif name == "publshInformation":
                record_count = _record_count(element)
            else:
                raise ParseError(DOCUMENT_ID, f"unknown element {name!r} under sdnList")
            element.clear()
            while element.getprevious() is not None:
                del root[0]
    except etree.XMLSyntaxError as error:
        raise ParseError(DOCUMENT_ID, f"not well-formed XML: {error}") from None
    if root is None:
        raise ParseError(DOCUMENT_ID, "empty document")
    if record_count is not None and record_count != entries:
        raise ParseError(DOCUMENT_ID, f"publshInformation says {record_count} records, the file holds {entries}")


def sdn_xml_publish_date(source: bytes | BinaryIO) -> date:
    """The list's Publish_Date from publshInformation (read from the head of the file only)."""
    root = None
    try:
        for _, element in _events(source):
            if root is None:
                root = _checked_root(element)
            if element.getparent() is root:
                name = _local(element)
                if name == "publshInformation":
                    text = _child_text(element, "Publish_Date")
                    try:
                        return datetime.strptime(text, "%m/%d/%Y").date()
                    except ValueError:
                        raise ParseError(DOCUMENT_ID, f"Publish_Date {text!r} is not MM/DD/YYYY") from None
                if name == "sdnEntry":
                    break
    except etree.XMLSyntaxError as error:
        raise ParseError(DOCUMENT_ID, f"not well-formed XML: {error}") from None
    raise ParseError(DOCUMENT_ID, "no publshInformation before the first sdnEntry")


def _events(source: bytes | BinaryIO):
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    return etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True,
                           load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)


def _checked_root(first_element):
    """The document's root, seen from the first element to end; raise unless it is sdnList in a known namespace."""
    root = first_element.getroottree().getroot()
    qname = etree.QName(root)
    if qname.localname != "sdnList" or qname.namespace not in NAMESPACES:
        raise ParseError(DOCUMENT_ID, f"root element {root.tag!r} is not sdnList in a known namespace "
                                      f"({', '.join(NAMESPACES)})")
    return root


def _local(element) -> str:
    return element.tag.rpartition("}")[2]


def _record_count(element) -> int | None:
    text = _child_text(element, "Record_Count")
    if not text:
        return None
    if not text.isdigit():
        raise ParseError(DOCUMENT_ID, f"Record_Count {text!r} is not a number")
    return int(text)


def _entry(element) -> SdnEntry:
    uid = next((_own_text(child) for child in element if _local(child) == "uid"), "")
    where = f"sdnEntry uid {uid or '?'}"
    fields = _children(element, ENTRY_CHILDREN, where)
    if not uid.isdigit():
        raise ParseError(DOCUMENT_ID, f"{where}: uid {uid!r} is not a number")
    sdn_type = _text(fields, "sdnType")
    if sdn_type not in ENTITY_TYPES:
        raise ParseError(DOCUMENT_ID, f"{where}: unknown sdnType {sdn_type!r}")
    entity_type = ENTITY_TYPES[sdn_type]
    name = _name(_text(fields, "lastName"), _text(fields, "firstName"), where)
    strong, weak = _aliases(_items(fields, "akaList", where), where)
    remarks = _text(fields, "remarks")
    segments = classify_segments(_remark_segments(remarks), remarks)
    title = _text(fields, "title")
    identifiers = _vessel(fields.get("vesselInfo", []), where)
    identifiers += [("title", title)] if title else []
    identifiers += _flagged(fields, where) + _ids(_items(fields, "idList", where), where) + segments.identifiers
    free_key = "title" if entity_type == EntityType.INDIVIDUAL else "remark"
    identifiers += [(free_key, text) for text in segments.free_text if text != title]
    return SdnEntry(
        ent_num=uid,
        name=name,
        entity_type=entity_type,
        programs=tuple(_own_text(item) for item in _items(fields, "programList", where)),
        aliases=tuple(strong + [alias for alias in segments.aliases if alias not in strong]),
        weak_aliases=tuple(weak + [alias for alias in segments.weak_aliases if alias not in weak]),
        addresses=tuple(address for item in _items(fields, "addressList", where) if (address := _address(item, where))),
        identifiers=tuple(identifiers),
        linked_to=tuple(segments.linked_to),
        remarks=remarks or None,
    )


def _children(element, allowed: set[str], where: str) -> dict[str, list]:
    """Child elements by local name; an element the schema does not have is an error."""
    found: dict[str, list] = {}
    for child in element:
        name = _local(child)
        if name not in allowed:
            raise ParseError(DOCUMENT_ID, f"{where}: unknown element {name!r}")
        found.setdefault(name, []).append(child)
    return found


def _items(fields: dict[str, list], list_name: str, where: str) -> list:
    item_name = LIST_ITEMS[list_name]
    items = []
    for container in fields.get(list_name, []):
        for child in container:
            if _local(child) != item_name:
                raise ParseError(DOCUMENT_ID, f"{where}: unknown element {_local(child)!r} in {list_name}")
            items.append(child)
    return items


def _item_fields(item, where: str) -> dict[str, list]:
    name = _local(item)
    return _children(item, ITEM_CHILDREN[name], f"{where} {name}")


def _text(fields: dict[str, list], name: str) -> str:
    elements = fields.get(name)
    return _own_text(elements[0]) if elements else ""


def _own_text(element) -> str:
    return (element.text or "").strip()


def _child_text(element, name: str) -> str:
    return _text(_children(element, {"Publish_Date", "Record_Count"}, "publshInformation"), name)


def _name(last: str, first: str, where: str) -> str:
    """OFAC's printed form: "LAST, First" when there is a first name, else the last name alone."""
    if not last and not first:
        raise ParseError(DOCUMENT_ID, f"{where}: no lastName or firstName")
    return ", ".join(part for part in (last, first) if part)


def _aliases(items: list, where: str) -> tuple[list[str], list[str]]:
    strong: list[str] = []
    weak: list[str] = []
    for item in items:
        fields = _item_fields(item, where)
        kind, category = _text(fields, "type"), _text(fields, "category")
        if kind not in ALIAS_TYPES:
            raise ParseError(DOCUMENT_ID, f"{where}: unknown aka type {kind!r}")
        if category not in ALIAS_CATEGORIES:
            raise ParseError(DOCUMENT_ID, f"{where}: unknown aka category {category!r}")
        alias = _name(_text(fields, "lastName"), _text(fields, "firstName"), f"{where} aka")
        (weak if category == "weak" else strong).append(alias)
    return strong, weak


def _address(item, where: str) -> str:
    """As parsers.ofac_csv joins add.csv: street, "City, State Postal", region, country."""
    fields = _item_fields(item, where)
    street = ", ".join(value for value in (_text(fields, f"address{n}") for n in (1, 2, 3)) if value)
    place = ", ".join(value for value in (_text(fields, "city"), _text(fields, "stateOrProvince")) if value)
    place = " ".join(value for value in (place, _text(fields, "postalCode")) if value)
    return ", ".join(value for value in (street, place, _text(fields, "region"), _text(fields, "country")) if value)


def _vessel(containers: list, where: str) -> list[tuple[str, str]]:
    if not containers:
        return []
    fields = _children(containers[0], {name for name, _ in VESSEL_FIELDS}, f"{where} vesselInfo")
    return [(key, _text(fields, name)) for name, key in VESSEL_FIELDS if _text(fields, name)]


def _flagged(fields: dict[str, list], where: str) -> list[tuple[str, str]]:
    """DOBs, POBs, nationalities, citizenships: the main entry as "dob", the others as "alt_dob"."""
    found = []
    for list_name, _, value_name, key in FLAGGED_LISTS:
        for item in _items(fields, list_name, where):
            item_fields = _item_fields(item, where)
            value, main = _text(item_fields, value_name), _text(item_fields, "mainEntry")
            if main not in ("true", "false"):
                raise ParseError(DOCUMENT_ID, f"{where}: mainEntry {main!r} in {list_name} is not true or false")
            if value:
                found.append((key if main == "true" else f"alt_{key}", value))
    return found


def _ids(items: list, where: str) -> list[tuple[str, str]]:
    """idList items as the remarks print them ("Passport N (Country) issued D expires D"), labelled like them."""
    found = []
    seen: set[str] = set()
    for item in items:
        fields = _item_fields(item, where)
        id_type = _text(fields, "idType")
        if not id_type:
            raise ParseError(DOCUMENT_ID, f"{where}: id without idType")
        value = _text(fields, "idNumber")
        if _text(fields, "idCountry"):
            value += f" ({_text(fields, 'idCountry')})"
        if _text(fields, "issueDate"):
            value += f" issued {_text(fields, 'issueDate')}"
        if _text(fields, "expirationDate"):
            value += f" expires {_text(fields, 'expirationDate')}"
        value = value.strip()
        if not value:
            continue
        key, value = label_segment(f"{id_type} {value}") or (slug(id_type), value)
        # The printed list says "alt. Passport" for a second document of a type; XML only repeats the idType.
        found.append((f"alt_{key}" if id_type in seen and not key.startswith("alt_") else key, value))
        seen.add(id_type)
    return found


def _remark_segments(remarks: str) -> list[str]:
    """The remarks' segments; SDN.XML wraps its links as "(Linked To: A; Linked To: B)"."""
    text = remarks.strip()
    if text.startswith("(") and text.endswith(")") and _closes_at_end(text):
        text = text[1:-1].strip()
    return split_segments_leniently(text) if text else []


def _closes_at_end(text: str) -> bool:
    """Whether the opening parenthesis at text[0] is closed by the last character."""
    return partner(text, 0) == len(text) - 1

