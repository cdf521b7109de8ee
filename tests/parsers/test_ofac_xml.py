"""OFAC's SDN.XML: named real entries in the real schema; the real 2021-07 vintage written as SDN.XML and read back."""
import io
import os
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from parsers.model import DocumentRef, ParseError, Source
from parsers.ofac_csv import list_change_events, parse_sdn_csv_set
from parsers.ofac_xml import iter_sdn_xml, sdn_xml_publish_date
from parsers.sdn import SdnEntry, is_terrorism_entry
from tests.conftest import FIXTURES

SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
VINTAGES = SHARED / "reference" / "ofac-sdn-csv"
CSV_FILES = ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
XML_FIXTURES = FIXTURES / "ofac_xml"
LIST_SERVICE_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"
DOCUMENT = DocumentRef(Source.OFAC, "sdn-2021-07", "https://sanctionslistservice.ofac.treas.gov/api/"
                       "PublicationPreview/exports/SDN.XML", "0" * 64)

needs_vintages = pytest.mark.skipif(not (VINTAGES / "2021-07" / "sdn.csv").exists(),
                                    reason=f"no OFAC CSV vintages under {VINTAGES}")


def fixture(name: str) -> bytes:
    return (XML_FIXTURES / name).read_bytes()


def only(data: bytes) -> SdnEntry:
    [entry] = list(iter_sdn_xml(data))
    return entry


# ---------------------------------------------------------------- a small SDN.XML writer (the real schema)

SDN_TYPES = {"individual": "Individual", "organization": "Entity", "vessel": "Vessel", "aircraft": "Aircraft"}
VESSEL_TAGS = (("call_sign", "callSign"), ("vessel_type", "vesselType"), ("vessel_flag", "vesselFlag"),
               ("vessel_owner", "vesselOwner"), ("tonnage", "tonnage"), ("grt", "grossRegisteredTonnage"))
# (identifier key, list element, item element, value element), in the schema's order.
FLAGGED_TAGS = (("nationality", "nationalityList", "nationality", "country"),
                ("citizen", "citizenshipList", "citizenship", "country"),
                ("dob", "dateOfBirthList", "dateOfBirthItem", "dateOfBirth"),
                ("pob", "placeOfBirthList", "placeOfBirthItem", "placeOfBirth"))
# Identifier keys written as idList items, with the idType OFAC gives them.
ID_TYPES = {"passport": "Passport", "national_id": "National ID No.", "gender": "Gender", "website": "Website",
            "email": "Email Address", "additional_sanctions_information": "Additional Sanctions Information -",
            "secondary_sanctions_risk": "Secondary sanctions risk:", "former_vessel_flag": "Former Vessel Flag",
            "vessel_registration": "Vessel Registration Identification", "mmsi": "MMSI"}


def write_sdn_xml(entries: list[SdnEntry], published: date = date(2021, 7, 6)) -> bytes:
    """Entries as the list service serves SDN.XML; uids of items OFAC's CSV files do not number are made up."""
    uids = iter(range(1_000_000, 10_000_000))
    return "".join([
        '<?xml version="1.0" standalone="yes"?>\n',
        f'<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="{LIST_SERVICE_NS}">\n',
        "  <publshInformation>\n",
        _tags([("Publish_Date", f"{published:%m/%d/%Y}"), ("Record_Count", str(len(entries)))], " " * 4),
        "  </publshInformation>\n",
        *(_sdn_entry(entry, uids) for entry in entries),
        "</sdnList>\n",
    ]).encode()


def _sdn_entry(entry: SdnEntry, uids) -> str:
    individual = entry.entity_type == "individual"
    first_of = dict(reversed(entry.identifiers))
    last, first = _name_parts(entry.name, individual)
    links = "; ".join(f"Linked To: {link}" for link in entry.linked_to)
    head = [("uid", entry.ent_num), ("firstName", first), ("lastName", last),
            ("title", first_of.get("title", "") if individual else ""), ("sdnType", SDN_TYPES[entry.entity_type]),
            ("remarks", f"({links})" if links else "")]
    ids = [[("idType", ID_TYPES[key.removeprefix("alt_")]), ("idNumber", value)]
           for key, value in entry.identifiers if key.removeprefix("alt_") in ID_TYPES]
    akas = [[("type", "a.k.a."), ("category", category),
             *zip(("lastName", "firstName"), _name_parts(alias, individual))]
            for aliases, category in ((entry.aliases, "strong"), (entry.weak_aliases, "weak")) for alias in aliases]
    flagged = [_list(list_tag, item_tag, [[(value_tag, value), ("mainEntry", "true" if k == key else "false")]
                                          for k, value in entry.identifiers if k in (key, f"alt_{key}")], uids)
               for key, list_tag, item_tag, value_tag in FLAGGED_TAGS]
    vessel = _tags([(tag, first_of.get(key, "")) for key, tag in VESSEL_TAGS], " " * 6)
    return "".join([
        "  <sdnEntry>\n", _tags(head, " " * 4),
        "    <programList>\n", _tags([("program", program) for program in entry.programs], " " * 6),
        "    </programList>\n",
        _list("idList", "id", ids, uids), _list("akaList", "aka", akas, uids),
        _list("addressList", "address", [[("address1", address)] for address in entry.addresses], uids),
        *flagged, f"    <vesselInfo>\n{vessel}    </vesselInfo>\n" if vessel else "",
        "  </sdnEntry>\n",
    ])


def _name_parts(name: str, individual: bool) -> tuple[str, str]:
    """(lastName, firstName): OFAC prints an individual as "LAST, First"; other names are all lastName."""
    last, _, first = name.partition(", ") if individual else (name, "", "")
    return last, first


def _list(list_tag: str, item_tag: str, items: list[list[tuple[str, str]]], uids) -> str:
    """A ...List element, each item led by a made-up uid; nothing when there are no items."""
    if not items:
        return ""
    body = "".join(f"      <{item_tag}>\n{_tags([('uid', str(next(uids))), *pairs], ' ' * 8)}      </{item_tag}>\n"
                   for pairs in items)
    return f"    <{list_tag}>\n{body}    </{list_tag}>\n"


def _tags(pairs, indent: str) -> str:
    return "".join(f"{indent}<{name}>{escape(value)}</{name}>\n" for name, value in pairs if value)


# ---------------------------------------------------------------- named fixtures


def test_individual_with_dob_pob_nationality_passports_and_a_weak_alias():
    julaidan = only(fixture("individual_dob_pob_passport_weak_alias.xml"))
    assert (julaidan.ent_num, julaidan.name, julaidan.entity_type, julaidan.programs) == (
        "7263", "JULAIDAN, Wa'el Hamza Abd Al-Fatah", "individual", ("SDGT",))
    assert julaidan.aliases == ("JALADIN, Wa'el Hamza", "JALADIN, Wa'il Hamza", "JALAIDAN, Wa'el Hamza",
                                "JALAIDAN, Wa'il Hamza", "JULAIDAN, Wa'il Hamza", "JULAYDAN, Wa'el Hamza",
                                "JULAYDAN, Wa'il Hamza", "JILDAN, Wail H.A.")
    assert julaidan.weak_aliases == ("ABU AL-HASAN AL MADANI",)
    assert julaidan.addresses == ()  # an address item holding only its uid
    assert julaidan.identifiers == (
        ("dob", "22 Jan 1958"), ("alt_dob", "20 Jan 1958"), ("pob", "Al-Madinah, Saudi Arabia"),
        ("nationality", "Saudi Arabia"), ("passport", "A-992535 (Saudi Arabia)"),
        ("alt_passport", "B 524420 issued 15 Jul 1998 expires 22 May 2003"))
    assert (julaidan.linked_to, julaidan.remarks) == ((), None)


def test_entity_with_addresses_websites_and_a_link_in_its_remarks():
    mehdi = only(fixture("entity_with_addresses.xml"))
    assert (mehdi.ent_num, mehdi.name, mehdi.entity_type, mehdi.programs) == (
        "27264", "MEHDI GROUP", "organization", ("SDGT",))
    assert mehdi.aliases == ("MEHDI BROS SHIP SERVICES PVT LTD", "MEHDI BROS SHIP SERV. PVT. LTD.",
                             "MEHDI BROS. SHIP SERVICES PRIVATE LIMITED", "MEHDI BROTHERS SHIP SERVICES PVT. LTD.",
                             "MEHDI SHIPPING LIMITED")
    assert mehdi.weak_aliases == ()
    assert mehdi.addresses == (
        "511, 5th Floor, Samarth Aishwarya Off K.L. Walawakar road, Oshiwara, Andheri [w], Mumbai 400053, India",
        "102, Mohid Height, Suresh Nagar, Four Bungalow RTO, Andheri (West), Mumbai, Maharashtra 400053, India",
        "Off No 511, B Wing, Mumbai City 400053, India",
    )
    assert mehdi.identifiers == (
        ("website", "www.mehdishipping.net"), ("alt_website", "http://mehdishipping.com"),
        ("additional_sanctions_information", "Subject to Secondary Sanctions"),
        ("registration_number", "U74999MH1999PTC119358 (India)"),
    )
    assert (mehdi.linked_to, mehdi.remarks) == (("QASEMI, Rostam",), "(Linked To: QASEMI, Rostam)")


def test_vessel_in_the_legacy_treasury_namespace():
    adrian = only(fixture("vessel_legacy_namespace.xml"))
    assert (adrian.ent_num, adrian.name, adrian.entity_type, adrian.programs) == (
        "27304", "ADRIAN DARYA 1", "vessel", ("SDGT",))
    assert (adrian.aliases, adrian.weak_aliases, adrian.addresses) == (("GRACE 1",), (), ())
    assert adrian.identifiers == (("vessel_type", "Crude Oil Tanker"), ("vessel_flag", "Iran"),
                                  ("former_vessel_flag", "Panama"), ("vessel_registration", "IMO 9116412"))


def test_an_entry_under_another_program_only_makes_no_event():
    aerocaribbean = only(fixture("other_program_only.xml"))
    assert (aerocaribbean.ent_num, aerocaribbean.name, aerocaribbean.entity_type, aerocaribbean.programs) == (
        "36", "AEROCARIBBEAN AIRLINES", "organization", ("CUBA",))
    assert (aerocaribbean.aliases, aerocaribbean.addresses) == (("AERO-CARIBBEAN",), ("Havana, Cuba",))
    assert list_change_events(None, [aerocaribbean], DOCUMENT, date(2021, 7, 7)) == []


@needs_vintages
@pytest.mark.parametrize("name", ["individual_dob_pob_passport_weak_alias.xml", "entity_with_addresses.xml",
                                  "vessel_legacy_namespace.xml", "other_program_only.xml"])
def test_each_named_entry_equals_its_row_in_the_real_csv_files(vintages, name):
    entry = only(fixture(name))
    from_csv = next(e for e in vintages["2021-07"] if e.ent_num == entry.ent_num)
    # Only the raw remarks and the CSV line differ: the XML carries in elements what sdn.csv prints in remarks.
    assert replace(entry, remarks=None, text="") == replace(from_csv, remarks=None, text="")


def test_publish_date_and_a_file_object_source():
    data = fixture("entity_with_addresses.xml")
    assert sdn_xml_publish_date(data) == date(2021, 7, 6)
    assert [entry.name for entry in iter_sdn_xml(io.BytesIO(data))] == ["MEHDI GROUP"]
    with open(XML_FIXTURES / "vessel_legacy_namespace.xml", "rb") as handle:
        assert [entry.name for entry in iter_sdn_xml(handle)] == ["ADRIAN DARYA 1"]


# ---------------------------------------------------------------- unknown shapes fail loudly


def test_an_unknown_namespace_raises_naming_it():
    with pytest.raises(ParseError, match=r"root element '\{http://tempuri.org/sdnList2.xsd\}sdnList' is not sdnList "
                                         r"in a known namespace"):
        list(iter_sdn_xml(fixture("unknown_namespace.xml")))
    with pytest.raises(ParseError, match="sdnList2.xsd"):
        sdn_xml_publish_date(fixture("unknown_namespace.xml"))


def test_the_advanced_xml_root_is_refused():
    advanced = b'<?xml version="1.0"?><Sanctions xmlns="http://www.un.org/sanctions/1.0"><DateOfIssue/></Sanctions>'
    with pytest.raises(ParseError, match=r"root element '\{http://www.un.org/sanctions/1.0\}Sanctions'"):
        list(iter_sdn_xml(advanced))


@pytest.mark.parametrize("old, new, message", [
    (b"<remarks>", b"<gender>Male</gender><remarks>", "sdnEntry uid 27264: unknown element 'gender'"),
    (b"<category>strong</category>", b"<category>medium</category>", "unknown aka category 'medium'"),
    (b"<sdnType>Entity</sdnType>", b"<sdnType>Spacecraft</sdnType>", "unknown sdnType 'Spacecraft'"),
    (b"<Record_Count>1</Record_Count>", b"<Record_Count>2</Record_Count>",
     "publshInformation says 2 records, the file holds 1"),
    (b"</sdnList>", b"", "not well-formed XML"),
])
def test_shapes_the_schema_does_not_have_raise(old, new, message):
    data = fixture("entity_with_addresses.xml").replace(old, new, 1)
    with pytest.raises(ParseError, match=message):
        list(iter_sdn_xml(data))


def test_external_entities_are_not_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-VALUE")
    data = fixture("other_program_only.xml").replace(
        b"<sdnList ", f'<!DOCTYPE sdnList [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n<sdnList '.encode(), 1
    ).replace(b"AEROCARIBBEAN AIRLINES", b"AEROCARIBBEAN &x;")
    names = [entry.name for entry in iter_sdn_xml(data)]
    assert names == ["AEROCARIBBEAN"] and "SECRET" not in repr(names)


# ---------------------------------------------------------------- the real 2021-07 vintage, through SDN.XML


@pytest.fixture(scope="module")
def vintages():
    return {vintage: parse_sdn_csv_set(*((VINTAGES / vintage / name).read_bytes() for name in CSV_FILES))
            for vintage in ("2019-01", "2021-07")}


@pytest.fixture(scope="module")
def xml_vintages(vintages):
    return {vintage: write_sdn_xml(entries) for vintage, entries in vintages.items()}


def view(entry: SdnEntry) -> tuple:
    return (entry.ent_num, entry.name, entry.entity_type, entry.programs, entry.aliases, entry.weak_aliases,
            entry.linked_to)


def written_identifiers(entry: SdnEntry, alt: bool = True) -> list[tuple[str, str]]:
    """The identifiers the writer puts in elements (ids, DOB/POB/nationality/citizenship, vessel), sorted."""
    keys = {*ID_TYPES, *(key for key, *_ in FLAGGED_TAGS), *(key for key, _ in VESSEL_TAGS)}
    return sorted((key if alt else key.removeprefix("alt_"), value) for key, value in entry.identifiers
                  if key.removeprefix("alt_") in keys)


@needs_vintages
def test_every_sdgt_and_fto_entry_of_2021_07_survives_sdn_xml(vintages):
    tagged = [entry for entry in vintages["2021-07"] if is_terrorism_entry(entry)]
    parsed = list(iter_sdn_xml(write_sdn_xml(tagged)))
    assert len(parsed) == len(tagged) == 1711  # 1,709 SDGT, and 2 FTO entries without [SDGT]
    assert [view(entry) for entry in parsed] == [view(entry) for entry in tagged]
    assert [written_identifiers(e, alt=False) for e in parsed] == [written_identifiers(e, alt=False) for e in tagged]
    # A second document of a type is "alt." in XML-read entries; OFAC's remarks omit the "alt." in four entries.
    assert [e.ent_num for e, x in zip(tagged, parsed) if written_identifiers(e) != written_identifiers(x)] == [
        "9609", "11749", "11968", "12562"]


@needs_vintages
def test_list_changes_from_xml_vintages_equal_those_from_csv(vintages, xml_vintages):
    from_xml = {vintage: list(iter_sdn_xml(data)) for vintage, data in xml_vintages.items()}
    counts = {}
    for before, after in ((None, "2021-07"), ("2019-01", "2021-07")):
        csv_events = list_change_events(vintages[before] if before else None, vintages["2021-07"], DOCUMENT,
                                        date(2021, 7, 7))
        xml_events = list_change_events(from_xml[before] if before else None, from_xml[after], DOCUMENT,
                                        date(2021, 7, 7))
        assert [e.event_id for e in xml_events] == [e.event_id for e in csv_events]
        assert [(e.action, e.name, e.previous_name, e.aliases) for e in xml_events] == [
            (e.action, e.name, e.previous_name, e.aliases) for e in csv_events]
        counts[before] = Counter((e.program.value, e.action.value) for e in xml_events)
    assert counts == {
        None: {("SDGT", "designation"): 1709, ("FTO", "designation"): 74},
        "2019-01": {("SDGT", "designation"): 331, ("SDGT", "amendment"): 105, ("SDGT", "revocation"): 30,
                    ("FTO", "designation"): 9, ("FTO", "amendment"): 14},
    }


@needs_vintages
def test_time_and_peak_memory_of_the_whole_2021_07_sdn_xml(xml_vintages):
    data = xml_vintages["2021-07"]
    started = time.perf_counter()
    count = sum(1 for _ in iter_sdn_xml(data))
    elapsed = time.perf_counter() - started
    tracemalloc.start()  # a second pass: tracing slows Python down several times
    assert sum(1 for _ in iter_sdn_xml(data)) == count == 8976
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n2021-07 as SDN.XML ({len(data) / 1e6:.1f} MB, {count} entries, entries not kept): {elapsed:.2f} s, "
          f"peak traced memory {peak / 1e6:.2f} MB (tracemalloc: Python objects only, not libxml2's buffers)")
