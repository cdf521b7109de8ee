"""Federal Register parser: one real notice per case, asserting the exact events it yields."""
from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from parsers.federal_register import (
    looks_relevant,
    parse_fr_document,
    parse_fr_issue,
    parse_fr_metadata,
    parse_public_inspection,
)
from parsers.fr_text import read_mention, title_mentions
from parsers.model import Action, ParseError, Program, Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "federal_register"
SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
DAILY_ISSUE = SHARED / "reference" / "federal-register" / "daily-issue-2016-04-15.xml"

FTO, SDGT = Program.FTO, Program.SDGT
DESIGNATION, AMENDMENT, REVIEW, REVOCATION = Action.DESIGNATION, Action.AMENDMENT, Action.REVIEW, Action.REVOCATION


def load(name: str) -> tuple[dict, bytes]:
    """A fixture's API metadata and full-text XML."""
    return json.loads((FIXTURES / f"{name}.json").read_text()), (FIXTURES / f"{name}.xml").read_bytes()


def parse(name: str):
    """Parse a fixture with its metadata."""
    meta, xml = load(name)
    return parse_fr_document(meta, xml)


def row(event) -> tuple:
    """Everything an event says about its entity, for exact comparison."""
    return (event.program, event.action, event.name, event.aliases, event.entity_type, event.effective_on,
            event.signed_on, event.announced_on, event.previous_name, event.signer, event.details)


def doc(notice) -> tuple:
    """What a notice's document reference says, for exact comparison."""
    d = notice.document
    return d.source, d.document_id, d.url, d.title, d.published_on, d.citation, d.public_notice


def test_fto_designation_single_is_the_cartel_de_los_soles_notice():
    meta, xml = load("fto_designation_single")
    notice = parse_fr_document(meta, xml)
    assert notice.kind == "fto_designation" and notice.review is None
    assert doc(notice) == (
        Source.FEDERAL_REGISTER, "2025-20750",
        "https://www.federalregister.gov/documents/2025/11/24/2025-20750/"
        "foreign-terrorist-organization-designation-of-cartel-de-los-soles",
        "Foreign Terrorist Organization Designation of Cartel de los Soles", date(2025, 11, 24), "90 FR 53045", "12869",
    )
    assert notice.document.raw_sha256 == hashlib.sha256(xml).hexdigest()
    assert [row(e) for e in notice.events] == [
        (FTO, DESIGNATION, "Cartel de los Soles", ("Cartel of the Suns",), "organization", date(2025, 11, 24),
         date(2025, 11, 16), None, None, "Marco Rubio", ()),
    ]


def test_bare_xml_takes_number_from_frdoc_and_leaves_publication_unknown():
    _, xml = load("fto_designation_single")
    notice = parse_fr_document({}, xml)
    assert doc(notice) == (
        Source.FEDERAL_REGISTER, "2025-20750", "https://www.federalregister.gov/d/2025-20750",
        "Foreign Terrorist Organization Designation of Cartel de los Soles", None, None, "12869",
    )
    assert [(e.name, e.effective_on, e.signed_on) for e in notice.events] == [
        ("Cartel de los Soles", None, date(2025, 11, 16)),
    ]


def test_partial_metadata_builds_the_citation_from_volume_and_first_printed_page():
    _, single = load("fto_designation_single")
    _, multi = load("fto_designation_multi_entity")
    # a PRTPAGE before any text is the first page; one in mid-sentence means the document began a page earlier
    assert parse_fr_document({"volume": 90}, single).document.citation == "90 FR 53045"
    assert parse_fr_document({"volume": 90}, multi).document.citation == "90 FR 10030"


def test_fto_designation_multi_entity_gives_one_event_per_organization_across_a_page_break():
    notice = parse("fto_designation_multi_entity")
    assert notice.kind == "fto_designation"
    assert doc(notice)[1:] == (
        "2025-02873", "https://www.federalregister.gov/d/2025-02873",
        "Foreign Terrorist Organization Designations of Tren de Aragua, Mara Salvatrucha, Cartel de Sinaloa, "
        "Cartel de Jalisco Nueva Generacion, Carteles Unidos, Cartel del Noreste, Cartel del Golfo, and "
        "La Nueva Familia Michoacana",
        date(2025, 2, 20), "90 FR 10030", None,
    )
    common = ("organization", date(2025, 2, 20), date(2025, 2, 6), None, None, "Marco Rubio", ())
    assert [row(e) for e in notice.events] == [
        (FTO, DESIGNATION, "Tren de Aragua", ("TdA",), *common),
        (FTO, DESIGNATION, "Mara Salvatrucha", ("MS-13",), *common),
        (FTO, DESIGNATION, "Cartel de Sinaloa", ("Sinaloa Cartel",), *common),
        (FTO, DESIGNATION, "Cartel de Jalisco Nueva Generacion", ("CJNG", "Jalisco New Generation Cartel"), *common),
        (FTO, DESIGNATION, "Carteles Unidos", ("United Cartels",), *common),
        (FTO, DESIGNATION, "Cartel del Noreste", ("Los Zetas", "Northeast Cartel"), *common),
        (FTO, DESIGNATION, "Cartel del Golfo", ("Gulf Cartel",), *common),
        (FTO, DESIGNATION, "La Nueva Familia Michoacana", ("LNFM",), *common),
    ]


def test_fto_designation_with_aliases_running_on_after_semicolons_is_one_organization():
    notice = parse("fto_designation_semicolon_aliases")
    assert notice.kind == "fto_designation"
    assert doc(notice)[1:] == (
        "2020-00253", "https://www.federalregister.gov/d/2020-00253",
        "In the Matter of the Designation of the Asa'ib Ahl al-Haq (and other aliases) as a Foreign Terrorist "
        "Organization", date(2020, 1, 10), "85 FR 1369", "10996",
    )
    assert [row(e) for e in notice.events] == [
        (FTO, DESIGNATION, "Asa'ib Ahl al-Haq",
         ("AAH", "Asa'ib Ahl al-Haq min Al-Iraq", "Asaib al Haq", "Asa'ib Ahl Al-Haqq", "League of the Righteous",
          "Khazali Network", "Khazali Special Group", "Qazali Network", "The People of the Cave",
          "Khazali Special Groups Network", "Al-Tayar al-Risali", "The Missionary Current"),
         "organization", date(2020, 1, 10), date(2020, 1, 2), None, None, "Michael R. Pompeo", ()),
    ]


def test_fto_amendment_aliases_names_the_organization_and_only_the_added_aliases():
    notice = parse("fto_amendment_aliases")
    assert notice.kind == "fto_amendment"
    assert doc(notice)[4:] == (date(2015, 9, 30), "80 FR 58804", "9290")
    assert [row(e) for e in notice.events] == [
        (FTO, AMENDMENT, "Islamic State of Iraq and the Levant", ("Islamic State", "ISIL", "ISIS"), "organization",
         date(2015, 9, 30), date(2015, 9, 21), None, None, "John F. Kerry", ()),
    ]


def test_fto_amendment_2002_generic_title_reads_aliases_printed_one_per_line():
    notice = parse("fto_amendment_2002_generic_title")
    assert notice.kind == "fto_amendment"
    assert doc(notice)[1:] == (
        "02-30544", "https://www.federalregister.gov/d/02-30544", "Designation of Foreign Terrorist Organizations",
        date(2002, 12, 3), "67 FR 72017", "4213",
    )
    assert [row(e) for e in notice.events] == [
        (FTO, AMENDMENT, "Kurdistan Workers' Party",
         ("Kurdistan Freedom and Democracy Congress", "Freedom and Democracy Congress of Kurdistan", "KADEK"),
         "organization", date(2002, 12, 3), date(2002, 11, 26), None, None, "William P. Pope", ()),
    ]


def test_fto_amendment_name_change_gives_new_primary_name_and_keeps_the_old_as_alias():
    notice = parse("fto_amendment_name_change")
    assert notice.kind == "fto_amendment"
    assert doc(notice)[4:] == (date(2014, 5, 15), None, None)
    assert [row(e) for e in notice.events] == [
        (FTO, AMENDMENT, "Islamic State of Iraq and the Levant",
         ("al-Qa'ida in Iraq", "Islamic State of Iraq and al-Sham", "Islamic State of Iraq and Syria",
          "ad-Dawla al-Islamiyya fi al-'Iraq wa-sh-Sham", "Daesh", "Dawla al Islamiya",
          "Al-Furqan Establishment for Media Production"),
         "organization", date(2014, 5, 15), date(2014, 5, 7), None, "al-Qa'ida in Iraq", "John F. Kerry", ()),
    ]


def test_fto_review_maintained_single_takes_the_organization_from_the_title():
    notice = parse("fto_review_maintained_single")
    assert notice.kind == "fto_review"
    assert doc(notice)[4:] == (date(2021, 1, 14), "86 FR 3227", "11306")
    assert [row(e) for e in notice.events] == [
        (FTO, REVIEW, "Palestinian Islamic Jihad", (), "organization", date(2021, 1, 14), date(2020, 12, 22), None,
         None, "Michael R. Pompeo", ()),
    ]


def test_fto_review_maintained_multi_gives_one_review_per_organization_with_listed_aliases():
    notice = parse("fto_review_maintained_multi")
    assert notice.kind == "fto_review"
    assert doc(notice)[5:] == ("86 FR 3227", None)
    common = ("organization", date(2021, 1, 14), date(2020, 12, 22), None, None, "Michael R. Pompeo", ())
    assert [row(e) for e in notice.events] == [
        (FTO, REVIEW, "Lashkar-e-Tayyiba", (), *common),
        (FTO, REVIEW, "Jaysh Rijal al-Tariq al Naqshabandi", (), *common),
        (FTO, REVIEW, "Jama'atu Ansarul Muslimina Fi Biladis-Sudan", ("Ansaru",), *common),
        (FTO, REVIEW, "Harakat ul-Mujahidin", (), *common),
        (FTO, REVIEW, "al-Nusrah Front", (), *common),
        (FTO, REVIEW, "Popular Front for the Liberation of Palestine", (), *common),
        (FTO, REVIEW, "Continuity Irish Republican Army", (), *common),
        (FTO, REVIEW, "National Liberation Army", (), *common),
    ]


def test_review_that_revokes_is_a_revocation_of_the_organization_in_the_title():
    notice = parse("review_that_revokes")
    assert notice.kind == "fto_revocation"
    assert [row(e) for e in notice.events] == [
        (FTO, REVOCATION, "Aum Shinrikyo", (), "organization", date(2022, 5, 20), date(2022, 5, 11), None, None,
         "Antony J. Blinken", ()),
    ]


def test_fto_revocation_of_hts_names_al_nusrah_front_with_its_alias():
    notice = parse("fto_revocation")
    assert notice.kind == "fto_revocation"
    assert doc(notice)[3:] == (
        "Revocation of the Foreign Terrorist Organization Designation of al-Nusrah Front, Also Known as "
        "Hay'at Tahrir al-Sham", date(2025, 7, 8), None, None,
    )
    assert [row(e) for e in notice.events] == [
        (FTO, REVOCATION, "al-Nusrah Front", ("Hay'at Tahrir al-Sham",), "organization", date(2025, 7, 8),
         date(2025, 6, 23), None, None, "Marco Rubio", ()),
    ]


def test_review_started_has_no_events_and_no_review_flag():
    notice = parse("review_started")
    assert (notice.kind, notice.events, notice.review) == ("review_started", (), None)
    assert doc(notice)[4:] == (date(2021, 10, 20), "86 FR 58134", "11564")


def test_sdgt_state_designation_org_takes_effect_on_the_date_the_notice_states():
    notice = parse("sdgt_state_designation_org")
    assert notice.kind == "sdgt_designation"
    assert [row(e) for e in notice.events] == [
        (SDGT, DESIGNATION, "Ansarallah", ("Ansar Allah", "Partisans of God"), "organization", date(2021, 1, 19),
         date(2021, 1, 12), None, None, "Michael R. Pompeo", ()),
    ]


def test_sdgt_state_designation_individual_carries_birth_and_nationality_details():
    notice = parse("sdgt_state_designation_individual")
    assert notice.kind == "sdgt_designation"
    assert [row(e) for e in notice.events] == [
        (SDGT, DESIGNATION, "Isma'il Fu'ad Rasul Ahmed", ("Abdallah Kurdi",), "individual", date(2021, 1, 14),
         date(2021, 1, 5), None, None, "Michael R. Pompeo",
         (("dob", "1976"), ("pob", "Kirkuk, Iraq"), ("nationality", "Iraq"))),
    ]


def test_sdgt_amendment_adds_the_hts_aliases_to_al_nusrah_front():
    notice = parse("sdgt_amendment")
    assert notice.kind == "sdgt_amendment"
    assert [row(e) for e in notice.events] == [
        (SDGT, AMENDMENT, "al-Nusrah Front",
         ("Hay'at Tahrir al-Sham", "Hay'et Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS",
          "Assembly for the Liberation of Syria", "Assembly for Liberation of the Levant",
          "Liberation of al-Sham Commission", "Liberation of the Levant Organisation", "Tahrir al-Sham",
          "Tahrir al-Sham Hay'at"),
         "organization", date(2018, 5, 31), date(2018, 5, 17), None, None, "Michael R. Pompeo", ()),
    ]


def test_sdgt_revocation_revokes_each_listed_person_whose_kind_the_notice_does_not_state():
    notice = parse("sdgt_revocation")
    assert notice.kind == "sdgt_revocation"
    common = ((), "unknown", date(2021, 2, 16), date(2021, 2, 12), None, None, "Antony J. Blinken", ())
    assert [row(e) for e in notice.events] == [
        (SDGT, REVOCATION, "Ansarallah", *common),
        (SDGT, REVOCATION, "Abdul Malik al-Houthi", *common),
        (SDGT, REVOCATION, "Abd al-Khaliq Badr al-Din al-Houthi", *common),
        (SDGT, REVOCATION, "Abdullah Yahya al Hakim", *common),
    ]


def test_combined_fto_sdgt_gives_events_under_both_programs_with_accented_aliases():
    notice = parse("combined_fto_sdgt")
    assert notice.kind == "combined"
    viv = ("Fòs Revolisyonè G9 an Fanmi e Alye", "G9 an Fanmi e Alye", "G-Pèp")
    common = ("organization", date(2025, 5, 2), date(2025, 4, 22), None, None, "Marco Rubio", ())
    assert [row(e) for e in notice.events] == [
        (FTO, DESIGNATION, "Viv Ansanm", viv, *common),
        (FTO, DESIGNATION, "Gran Grif", (), *common),
        (SDGT, DESIGNATION, "Viv Ansanm", viv, *common),
        (SDGT, DESIGNATION, "Gran Grif", (), *common),
    ]


def test_ofac_sanctions_action_is_recognised_and_left_to_the_ofac_parser():
    notice = parse("ofac_sanctions_action")
    assert (notice.kind, notice.events) == ("ofac_sanctions_action", ())
    assert notice.review == "OFAC SDN-format entries: parsed by the OFAC parser"
    assert notice.document.document_id == "2021-10307"


def test_relevant_document_without_events_is_unrecognised_with_a_reason():
    notice = parse("relevant_no_events")
    assert (notice.kind, notice.events) == ("unrecognised", ())
    assert notice.review == ("mentions FTO/SDGT but is a RULE of DEPARTMENT OF THE TREASURY, "
                             "not a State Department notice")
    assert doc(notice)[4:] == (date(2017, 10, 31), "82 FR 50313", None)


def test_state_notice_that_mentions_the_programs_but_decides_nothing_is_unrecognised():
    xml = (b'<NOTICE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF STATE</AGENCY><SUBJECT>Delegation</SUBJECT>'
           b"<P>Functions under Executive Order 13224 are delegated to the Coordinator.</P></PREAMB>"
           b"<FRDOC>[FR Doc. 2099-00001 Filed 1-1-99; 8:45 am]</FRDOC></NOTICE>")
    notice = parse_fr_document({}, xml)
    assert (notice.kind, notice.events) == ("unrecognised", ())
    assert notice.review == "mentions FTO/SDGT but holds no designation, amendment, review or revocation language"


def test_presidential_document_mentioning_ftos_is_not_a_designation():
    notice = parse("presidential_document")
    assert (notice.kind, notice.events, notice.review) == ("presidential_document", (), None)
    assert doc(notice)[1:] == (
        "2025-02004", "https://www.federalregister.gov/d/2025-02004",
        "Designating Cartels and Other Organizations as Foreign Terrorist Organizations and Specially Designated "
        "Global Terrorists", date(2025, 1, 29), "90 FR 8439", None,
    )


def test_public_inspection_keeps_the_designation_and_omits_the_irrelevant_entry():
    payload = (FIXTURES / "public_inspection_current.json").read_bytes()
    notices = parse_public_inspection(payload)
    assert [(n.kind, n.document.document_id, n.document.stage) for n in notices] == [
        ("fto_designation", "2025-20750", "public_inspection"),
    ]
    (notice,) = notices
    assert doc(notice) == (
        Source.FEDERAL_REGISTER, "2025-20750",
        "https://www.federalregister.gov/public-inspection/2025-20750/"
        "foreign-terrorist-organization-designation-of-cartel-de-los-soles",
        "Foreign Terrorist Organization Designation: Cartel de los Soles", date(2025, 11, 24), None, "12869",
    )
    assert notice.document.raw_sha256 == hashlib.sha256(payload).hexdigest()
    assert [row(e) for e in notice.events] == [
        (FTO, DESIGNATION, "Cartel de los Soles", (), "organization", date(2025, 11, 24), None, date(2025, 11, 21),
         None, None, ()),
    ]


def test_metadata_alone_gives_events_only_for_unambiguous_titles():
    single = parse_fr_metadata(load("fto_designation_single")[0])
    assert [row(e) for e in single.events] == [
        (FTO, DESIGNATION, "Cartel de los Soles", (), "organization", date(2025, 11, 24), None, None, None, None, ()),
    ]
    assert doc(single)[4:] == (date(2025, 11, 24), "90 FR 53045", "12869")
    multi = parse_fr_metadata(load("fto_designation_multi_entity")[0])
    assert [e.name for e in multi.events] == [
        "Tren de Aragua", "Mara Salvatrucha", "Cartel de Sinaloa", "Cartel de Jalisco Nueva Generacion",
        "Carteles Unidos", "Cartel del Noreste", "Cartel del Golfo", "La Nueva Familia Michoacana",
    ]
    generic = parse_fr_metadata(load("fto_amendment_2002_generic_title")[0])
    assert (generic.kind, generic.events) == ("unrecognised", ())
    assert generic.review == ("title alone does not say what was done to whom: "
                              "'Designation of Foreign Terrorist Organizations'")
    sdgt = parse_fr_metadata({"document_number": "2021-00628", "publication_date": "2021-01-14",
                              "title": "Designation of Isma'il Fu'ad Rasul Ahmed as a Specially Designated Global "
                                       "Terrorist"})
    assert [(e.program, e.action, e.name, e.entity_type) for e in sdgt.events] == [
        (SDGT, DESIGNATION, "Isma'il Fu'ad Rasul Ahmed", "unknown")]
    review = parse_fr_metadata({"document_number": "2014-30963", "title": "In the Matter of the Review of the "
                                "Designation of Popular Front for the Liberation of Palestine-General Command as a "
                                "Foreign Terrorist Organization Pursuant to Section 219 of the Immigration and "
                                "Nationality Act"})
    assert (review.kind, review.events) == ("unrecognised", ())
    assert parse_fr_metadata(load("ofac_sanctions_action")[0]).kind == "ofac_sanctions_action"
    assert parse_fr_metadata(load("presidential_document")[0]).kind == "presidential_document"
    assert parse_fr_metadata({"document_number": "2016-08767", "title": "Culturally Significant Objects"}).kind == (
        "not_relevant")


def test_malformed_xml_raises_parse_error_naming_the_document():
    _, xml = load("fto_designation_single")
    broken = xml.replace(b"</SIG>", b"")
    with pytest.raises(ParseError) as from_bytes:
        parse_fr_document({}, broken)
    assert from_bytes.value.document_id == "2025-20750"
    with pytest.raises(ParseError) as from_meta:
        parse_fr_document({"document_number": "2025-99999"}, b"<NOTICE><P>unclosed")
    assert from_meta.value.document_id == "2025-99999"
    assert str(from_meta.value).startswith("2025-99999: malformed XML")


def test_unknown_root_and_missing_number_raise_parse_error():
    with pytest.raises(ParseError, match=r"2025-20750: unknown root element <FOO>"):
        parse_fr_document({"document_number": "2025-20750"}, b"<FOO/>")
    with pytest.raises(ParseError, match="without an \\[FR Doc"):
        parse_fr_document({}, b"<NOTICE><PREAMB><SUBJECT>x</SUBJECT></PREAMB></NOTICE>")


def test_entity_declarations_are_not_expanded():
    xml = (b'<?xml version="1.0"?><!DOCTYPE NOTICE [<!ENTITY fto "Foreign Terrorist Organization">]>'
           b"<NOTICE><P>&fto;</P><FRDOC>[FR Doc. 2099-00002 Filed 1-1-99; 8:45 am]</FRDOC></NOTICE>")
    assert parse_fr_document({}, xml).kind == "not_relevant"


@pytest.mark.parametrize("text, expected", [
    ("designated as a Foreign Terrorist Organization", True),
    ("the FTO list", True),
    ("tagged [SDGT]", True),
    ("a Specially Designated Global Terrorist", True),
    ("pursuant to Executive Order 13224", True),
    ("E.O. 13224", True),
    ("section 219 of the Immigration and Nationality Act", True),
    ("section 219 of the INA", True),
    ("Culturally Significant Objects Imported for Exhibition", False),
    ("a softool and a left-footed kick", False),
])
def test_looks_relevant(text, expected):
    assert looks_relevant(text) is expected


@pytest.mark.skipif(not DAILY_ISSUE.parent.exists(), reason="shared reference directory not present")
def test_real_daily_issue_2016_04_15_gives_no_events():
    notices = parse_fr_issue(DAILY_ISSUE.read_bytes())
    assert len(notices) == 146
    assert sum(len(n.events) for n in notices) == 0
    kinds = {n.document.document_id: n.kind for n in notices if n.kind != "not_relevant"}
    assert kinds == {"2016-08720": "unrecognised", "2016-08970": "presidential_document"}
    state = {n.document.document_id: (n.document.citation, n.document.public_notice, n.document.published_on)
             for n in notices if n.document.public_notice in {"9516", "9517", "9518", "9519"}}
    assert state == {
        "2016-08767": ("81 FR 22359", "9519", date(2016, 4, 15)),
        "2016-08638": ("81 FR 22359", "9516", date(2016, 4, 15)),
        "2016-08769": ("81 FR 22361", "9518", date(2016, 4, 15)),
        "2016-08771": ("81 FR 22361", "9517", date(2016, 4, 15)),
    }


def test_parse_throughput_printout():
    """Benchmark-style printout (no timing assertion): fixtures parsed per second on one core."""
    cases = [load(p.stem) for p in sorted(FIXTURES.glob("*.xml"))]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for meta, xml in cases:
            parse_fr_document(meta, xml)
    elapsed = time.perf_counter() - start
    print(f"\nfederal_register: {rounds * len(cases)} notices in {elapsed:.3f}s = "
          f"{rounds * len(cases) / elapsed:,.0f} notices/s")
    assert len(cases) == 19


@pytest.mark.parametrize("title, expected", [
    # E9-25821 (74 FR 55278)
    ("In the Matter of the Review of the Designation of al-Qa'ida in the Islamic Maghreb (a.k.a. AQIM, a.k.a. "
     "Tanzim al-Qa'ida fi Bilad al-Maghrib al-Islamiya) as a Foreign Terrorist Organization Pursuant to Section 219 "
     "of the Immigration and Nationality Act, as Amended",
     [("al-Qa'ida in the Islamic Maghreb", ["AQIM", "Tanzim al-Qa'ida fi Bilad al-Maghrib al-Islamiya"])]),
    # 2010-12440 (75 FR 28849)
    ("Review of the Designation of Ansar al-Islam (aka Ansar Al-Sunnah and Other Aliases) as a Foreign Terrorist "
     "Organization Pursuant to Section 219 of the Immigration and Nationality Act, as Amended",
     [("Ansar al-Islam", ["Ansar Al-Sunnah"])]),
    # 2024-31259
    ("Review of the Foreign Terrorist Organization Designations of al-Qa'ida in the Indian Subcontinent, Boko Haram, "
     "Hizballah, ISIS-West Africa, and Jemaah Islamiyah",
     [("al-Qa'ida in the Indian Subcontinent", []), ("Boko Haram", []), ("Hizballah", []), ("ISIS-West Africa", []),
      ("Jemaah Islamiyah", [])]),
    # 2024-14946
    ("Review of the Foreign Terrorist Organization Designation of al-Shabaab", [("al-Shabaab", [])]),
])
def test_review_titles_of_other_real_forms(title, expected):
    assert [(m.name, m.aliases) for m in title_mentions(title)] == expected


def test_a_mention_read_again_in_the_same_notice_is_a_fresh_copy():
    first = read_mention("Kahane Chai (a.k.a. Kach)")
    first.aliases.append("changed by a caller")
    first.entity_type = "individual"
    again = read_mention("Kahane Chai (a.k.a. Kach)")
    assert (again.name, again.aliases, again.entity_type) == ("Kahane Chai", ["Kach"], None)
