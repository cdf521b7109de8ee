"""Federal Register "Notice of OFAC Sanctions Actions" documents, one fixture per case."""
import hashlib
from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, ParseError, Program, Source
from parsers.ofac_fr import parse_ofac_notice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ofac"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def summary(notice):
    return [(e.program, e.action, e.name, e.effective_on, e.previous_name) for e in notice.events]


def test_sdgt_designation_of_an_individual_an_entity_and_a_vessel():
    xml = fixture("sdgt_designation_individual_entity_vessel.xml")
    meta = {"document_number": "2019-99101", "title": "Notice of OFAC Sanctions Actions",
            "publication_date": "2019-09-10", "citation": "84 FR 47390",
            "html_url": "https://www.federalregister.gov/documents/2019/09/10/2019-99101/"
                        "notice-of-ofac-sanctions-actions"}
    notice = parse_ofac_notice(meta, xml)
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    doc = notice.document
    assert (doc.source, doc.document_id, doc.url, doc.title, doc.published_on, doc.citation) == (
        Source.FEDERAL_REGISTER, "2019-99101", meta["html_url"], "Notice of OFAC Sanctions Actions",
        date(2019, 9, 10), "84 FR 47390")
    assert doc.raw_sha256 == hashlib.sha256(xml).hexdigest()
    on = date(2019, 9, 4)
    assert summary(notice) == [
        (Program.SDGT, Action.DESIGNATION, "MEHDI, Alizaheer Mohammad", on, None),
        (Program.SDGT, Action.DESIGNATION, "MEHDI GROUP", on, None),
        (Program.SDGT, Action.DESIGNATION, "SARAK", on, None),
    ]
    person, group, vessel = notice.events
    assert (person.entity_type, person.aliases, person.signed_on, person.signer) == (
        "individual", ("MEHDI, Ali Zaheer",), date(2019, 9, 4), "Andrea M. Gacki")
    assert person.details == (
        ("dob", "14 May 1973"), ("alt_dob", "01 Jan 1973 to 31 Dec 1973"), ("nationality", "India"),
        ("additional_sanctions_information", "Subject to Secondary Sanctions"), ("gender", "Male"),
        ("passport", "Z2423134 (India) expires 11 Dec 2023"),
        ("alt_passport", "Z3079423 (India) expires 01 Jan 2026 to 31 Dec 2026"),
        ("linked_to", "QASEMI, Rostam"),
    )
    assert group.entity_type == "organization" and len(group.aliases) == 5
    # The page-break marker inside the registration number is gone, its text joined up.
    assert ("registration_number", "U74999MH1999PTC119358 (India)") in group.details
    assert [value for key, value in group.details if key == "address"] == [
        "511, 5th Floor, Samarth Aishwarya Off K.L. Walawakar road, Oshiwara, Andheri [w], Mumbai 400053, India",
        "102, Mohid Height, Suresh Nagar, Four Bungalow RTO, Andheri (West), Mumbai, Maharashtra 400053, India",
        "Off No 511, B Wing, Mumbai City 400053, India",
    ]
    assert (vessel.entity_type, vessel.aliases, vessel.details) == (
        "vessel", ("RISE DESTINY",),
        (("vessel", "Crude Oil Tanker Iran flag"), ("vessel_registration", "IMO 9226968"),
         ("linked_to", "MEHDI GROUP")))


def test_document_number_and_title_from_the_xml_when_metadata_is_empty():
    notice = parse_ofac_notice({}, fixture("sdgt_designation_individual_entity_vessel.xml"))
    doc = notice.document
    assert (doc.document_id, doc.url, doc.title, doc.published_on, doc.citation) == (
        "2019-99101", "https://www.federalregister.gov/d/2019-99101", "Notice of OFAC Sanctions Actions", None, None)


def test_mixed_program_notice_keeps_only_sdgt_entries():
    notice = parse_ofac_notice({"document_number": "2019-99102"}, fixture("mixed_programs_only_sdgt_counts.xml"))
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    on = date(2019, 9, 20)
    assert summary(notice) == [
        (Program.SDGT, Action.DESIGNATION, "ETEMAD TEJARATE PARS CO.", on, None),
        (Program.SDGT, Action.DESIGNATION, "NATIONAL DEVELOPMENT FUND OF IRAN", on, None),
        # An update that adds [SDGT] to an [IRAN] entry designates it under E.O. 13224.
        (Program.SDGT, Action.DESIGNATION, "BANK MARKAZI JOMHOURI ISLAMI IRAN", on, None),
    ]
    markazi = notice.events[2]
    assert [value for key, value in markazi.details if key == "linked_to"] == [
        "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", "HIZBALLAH"]


def test_removal_notice_revokes_each_sdgt_entry():
    notice = parse_ofac_notice({"document_number": "2019-99103"}, fixture("sdgt_removal.xml"))
    assert (notice.kind, notice.review) == ("ofac_sanctions_action", None)
    on = date(2019, 12, 12)
    assert summary(notice) == [
        (Program.SDGT, Action.REVOCATION, "AMHAZ, Issam Mohamad", on, None),
        (Program.SDGT, Action.REVOCATION, "KAHIE, Abdullahi Hussein", on, None),
        (Program.SDGT, Action.REVOCATION, "AL-BARAKAAT BANK OF SOMALIA", on, None),
    ]
    amhaz = notice.events[0]
    assert [value for key, value in amhaz.details if key == "title"] == [
        "Chairman, Stars Group Holding", "General Manager, Teleserveplus"]
    assert notice.events[2].aliases == ("BARAKAAT BANK OF SOMALIA",)
    assert ("weak_alias", "BBS") in notice.events[2].details


def test_malformed_entries_are_noted_for_review_and_the_rest_still_parses():
    notice = parse_ofac_notice({"document_number": "2019-99104"}, fixture("malformed_entry_reported.xml"))
    on = date(2019, 8, 29)
    assert summary(notice) == [
        (Program.SDGT, Action.DESIGNATION, "SARUR, Muhammad", on, None),
        (Program.SDGT, Action.DESIGNATION, "NASSER, Fawaz Mahmud Ali", on, None),
    ]
    assert notice.kind == "ofac_sanctions_action"
    assert notice.review == "2 malformed SDN entries; see notes"
    assert notice.notes == (
        "malformed SDN entry (unbalanced parentheses): AWAD, Kamal Abdelrahman Aref (a.k.a. AWAD, Kamal), Gaza, "
        "Palestinian; DOB 07 Aug 1978; POB Nablus, West Bank; Gender Male; National ID No. 905037545 "
        "(Palestinian (individual) [SDGT] (Linked To: HAMAS).",
        "malformed SDN entry (no program tag such as [SDGT]): AL-AYY, Muhammad Kamal (a.k.a. ALAY, Muhammad "
        "Kamal Salamah), Gaza, Palestinian; DOB 22 Dec 1970; Gender Male; National ID No. 912396140 (Palestinian) "
        "(individual) (Linked To: HAMAS).",
    )


def test_update_printed_old_to_new_is_an_amendment_with_the_previous_name():
    notice = parse_ofac_notice({"document_number": "2019-99105"}, fixture("update_renamed_fto_sdgt.xml"))
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    on = date(2019, 7, 2)
    assert summary(notice) == [
        (Program.SDGT, Action.AMENDMENT, "JAYSH AL-ADL", on, "JUNDALLAH"),
        (Program.FTO, Action.AMENDMENT, "JAYSH AL-ADL", on, "JUNDALLAH"),
    ]
    assert len(notice.events[0].aliases) == 20 and "ARMY OF JUSTICE" in notice.events[0].aliases


def test_an_action_with_no_terrorism_entries_needs_no_review():
    notice = parse_ofac_notice({"document_number": "2019-99106"},
                               fixture("nonproliferation_only_no_terrorism_entries.xml"))
    assert (notice.kind, notice.events, notice.review, notice.notes) == ("ofac_no_terrorism_entries", (), None, ())


def test_an_action_whose_entries_cannot_be_found_goes_to_review():
    xml = fixture("nonproliferation_only_no_terrorism_entries.xml")
    start, end = xml.index(b"<P>1. IRAN SPACE AGENCY"), xml.index(b"<P>Both designated")
    notice = parse_ofac_notice({"document_number": "2019-99106"}, xml[:start] + xml[end:])
    assert (notice.kind, notice.review) == (
        "ofac_no_terrorism_entries", "an OFAC action with no SDN entries the parser could find")


def test_a_state_department_notice_is_refused():
    xml = fixture("sdgt_removal.xml").replace(b"DEPARTMENT OF THE TREASURY", b"DEPARTMENT OF STATE") \
        .replace(b"Office of Foreign Assets Control", b"Bureau of Counterterrorism")
    with pytest.raises(ParseError, match="2019-99103: not an OFAC notice"):
        parse_ofac_notice({"document_number": "2019-99103"}, xml)


def test_external_entities_are_not_expanded():
    xml = (b'<?xml version="1.0"?><!DOCTYPE NOTICE [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + fixture("sdgt_removal.xml").split(b"?>", 1)[1].replace(b"Mogadishu, Somalia; Bossaso", b"&x;; Bossaso"))
    notice = parse_ofac_notice({"document_number": "2019-99103"}, xml)
    assert notice.events[2].details == (("weak_alias", "BBS"), ("address", "&x;"), ("address", "Bossaso, Somalia"))


def test_an_update_missing_its_new_entry_is_noted_not_guessed():
    xml = fixture("update_renamed_fto_sdgt.xml")
    xml = xml[: xml.index(b"<P>JAYSH AL-ADL")] + xml[xml.index(b"<SIG>"):]
    notice = parse_ofac_notice({"document_number": "2019-99105"}, xml)
    assert (notice.kind, notice.events) == ("ofac_no_terrorism_entries", ())
    assert notice.notes == ("malformed SDN entry ('-to-' without the updated entry after it): -to-",)
    assert notice.review == "1 malformed SDN entry; see notes"
