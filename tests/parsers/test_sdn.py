"""The SDN entry grammar on named hand cases built from real SDN List entries."""
from datetime import date

import pytest

from parsers.model import Action, DocumentRef, Program, Source
from parsers.sdn import (
    SdnEntry,
    SdnEntryError,
    entry_events,
    is_terrorism_entry,
    parse_sdn_entries,
    parse_sdn_entry,
)

INDIVIDUAL = (
    "JEDI, Muhammad Wanndy Bin Mohamed (a.k.a. JEDI, Muhamad Wanndy bin Muhamad; a.k.a. JEDI, Muhamad Wanndy "
    "Muhamad; a.k.a. JEDI, Muhamad Wanndy Mohamad; a.k.a. WANNDY, Muhamad; a.k.a. \"AL-FATEH, Abu Hamzah\"; "
    "a.k.a. \"AL-MALIZI, Abu Sayyaf\"), Syria; DOB 16 Nov 1990; alt. DOB 1989 to 1991; POB Durian Tunggal, "
    "Malacca, Malaysia; nationality Malaysia; Gender Male; Passport A33373751 (Malaysia); National ID No. "
    "90116-04-5293 (individual) [SDGT] (Linked To: ISLAMIC STATE OF IRAQ AND THE LEVANT)."
)
ENTITY = (
    "KISH P AND I CLUB (a.k.a. KISH PROTECTION AND INDEMNITY CLUB; a.k.a. \"KPI\"), Suite 6, 96 Maalek Ashtar "
    "Street Andisheh Blvd. Kish Island, 7941777844, Iran; No-82, 2nd Floor, Soltani St., Nelson Mandela Blvd, "
    "Tehran 19677-13855, Iran; Website http://www.kishpandi.com; Additional Sanctions Information - Subject to "
    "Secondary Sanctions [SDGT] (Linked To: MEHDI GROUP)."
)
ENTITY_WITHOUT_ALIASES = (
    "AMIGO SUPERMARKET LIMITED, 1023, Adetokunbo Ademola Crescent, Wuse II, Abuja, Nigeria; Additional Sanctions "
    "Information - Subject to Secondary Sanctions Pursuant to the Hizballah Financial Sanctions Regulations [SDGT] "
    "(Linked To: FAWAZ, Mustapha Reda Darwish; Linked To: FAWAZ, Fouzi Reda Darwish)."
)
VESSEL = (
    "ADRIAN DARYA 1 Crude Oil Tanker Iran flag; Former Vessel Flag Panama; Vessel Registration Identification "
    "IMO 9116412 (vessel) [SDGT]."
)
FTO_AND_SDGT = "HURRAS AL-DIN (a.k.a. \"AQ-S\") [SDGT] [FTO]."
DOCUMENT = DocumentRef(Source.OFAC, "20190904", "https://ofac.treasury.gov/recent-actions/20190904", "0" * 64)


def test_individual_with_birth_data_passport_and_link():
    assert parse_sdn_entry(INDIVIDUAL) == SdnEntry(
        ent_num=None,
        name="JEDI, Muhammad Wanndy Bin Mohamed",
        entity_type="individual",
        programs=("SDGT",),
        aliases=("JEDI, Muhamad Wanndy bin Muhamad", "JEDI, Muhamad Wanndy Muhamad",
                 "JEDI, Muhamad Wanndy Mohamad", "WANNDY, Muhamad"),
        weak_aliases=("AL-FATEH, Abu Hamzah", "AL-MALIZI, Abu Sayyaf"),
        addresses=("Syria",),
        identifiers=(("dob", "16 Nov 1990"), ("alt_dob", "1989 to 1991"),
                     ("pob", "Durian Tunggal, Malacca, Malaysia"), ("nationality", "Malaysia"),
                     ("gender", "Male"), ("passport", "A33373751 (Malaysia)"), ("national_id", "90116-04-5293")),
        linked_to=("ISLAMIC STATE OF IRAQ AND THE LEVANT",),
        remarks=None,
        text=INDIVIDUAL,
    )


def test_entity_with_two_addresses_website_and_weak_alias():
    entry = parse_sdn_entry(ENTITY)
    assert (entry.name, entry.entity_type, entry.programs) == ("KISH P AND I CLUB", "organization", ("SDGT",))
    assert entry.aliases == ("KISH PROTECTION AND INDEMNITY CLUB",)
    assert entry.weak_aliases == ("KPI",)
    assert entry.addresses == (
        "Suite 6, 96 Maalek Ashtar Street Andisheh Blvd. Kish Island, 7941777844, Iran",
        "No-82, 2nd Floor, Soltani St., Nelson Mandela Blvd, Tehran 19677-13855, Iran",
    )
    assert entry.identifiers == (("website", "http://www.kishpandi.com"),
                                 ("additional_sanctions_information", "Subject to Secondary Sanctions"))
    assert entry.linked_to == ("MEHDI GROUP",)


def test_entity_without_aliases_splits_name_from_address_by_case():
    entry = parse_sdn_entry(ENTITY_WITHOUT_ALIASES)
    assert entry.name == "AMIGO SUPERMARKET LIMITED"
    assert entry.addresses == ("1023, Adetokunbo Ademola Crescent, Wuse II, Abuja, Nigeria",)
    assert entry.linked_to == ("FAWAZ, Mustapha Reda Darwish", "FAWAZ, Fouzi Reda Darwish")


def test_vessel_type_and_flag_follow_the_name():
    entry = parse_sdn_entry(VESSEL)
    assert (entry.name, entry.entity_type, entry.aliases, entry.addresses) == ("ADRIAN DARYA 1", "vessel", (), ())
    assert entry.identifiers == (("vessel", "Crude Oil Tanker Iran flag"), ("former_vessel_flag", "Panama"),
                                 ("vessel_registration", "IMO 9116412"))


def test_individual_title_is_free_text_after_the_labels():
    entry = parse_sdn_entry(
        "AL-KHALIL, Husayn, Lebanon; DOB 1955; POB Burj Al Barajinah, Beirut, Lebanon; Gender Male; Political "
        "Adviser to the Secretary General of Hizballah (individual) [SDGT] (Linked To: HIZBALLAH).")
    assert (entry.name, entry.addresses) == ("AL-KHALIL, Husayn", ("Lebanon",))
    assert entry.identifiers[-1] == ("title", "Political Adviser to the Secretary General of Hizballah")


def test_name_with_parentheses_before_the_alias_group():
    entry = parse_sdn_entry("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE (a.k.a. QODS FORCE), Iran "
                            "[SDGT] [IRGC] [IFSR].")
    assert (entry.name, entry.aliases, entry.programs) == (
        "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", ("QODS FORCE",), ("SDGT", "IRGC", "IFSR"))


@pytest.mark.parametrize("text, reason", [
    ("AL-AYY, Muhammad Kamal; DOB 22 Dec 1970; Gender Male (individual) (Linked To: HAMAS).",
     "no program tag such as [SDGT]"),
    ("AWAD, Kamal Abdelrahman Aref; National ID No. 905037545 (Palestinian (individual) [SDGT].",
     "unbalanced parentheses"),
    ("MEHDI GROUP (a.k.a. MEHDI SHIPPING LIMITED; MEHDI BROS) [SDGT].",
     "alias without a.k.a./f.k.a./n.k.a.: 'MEHDI BROS'"),
    ("   ", "empty entry"),
])
def test_malformed_entries_raise_with_their_text(text, reason):
    with pytest.raises(SdnEntryError) as raised:
        parse_sdn_entry(text)
    assert raised.value.reason == reason
    assert raised.value.text == text
    assert isinstance(raised.value, ValueError)


def test_parse_sdn_entries_keeps_the_good_and_reports_the_bad():
    bad = "AL-AYY, Muhammad Kamal; DOB 22 Dec 1970 (individual)."
    entries, errors = parse_sdn_entries([INDIVIDUAL, bad, VESSEL])
    assert [entry.name for entry in entries] == ["JEDI, Muhammad Wanndy Bin Mohamed", "ADRIAN DARYA 1"]
    assert [(error.text, error.reason) for error in errors] == [(bad, "no program tag such as [SDGT]")]


def test_terrorism_entries_are_the_sdgt_or_fto_tagged():
    assert is_terrorism_entry(parse_sdn_entry(FTO_AND_SDGT))
    assert not is_terrorism_entry(parse_sdn_entry("IRAN SPACE AGENCY, Tehran, Iran [NPWMD] [IFSR]."))


def test_entry_events_one_per_terrorism_program_sdgt_first():
    events = entry_events(parse_sdn_entry(FTO_AND_SDGT), DOCUMENT, Action.DESIGNATION, date(2019, 9, 10))
    assert [(e.program, e.action, e.name, e.aliases, e.effective_on, e.details) for e in events] == [
        (Program.SDGT, Action.DESIGNATION, "HURRAS AL-DIN", (), date(2019, 9, 10), (("weak_alias", "AQ-S"),)),
        (Program.FTO, Action.DESIGNATION, "HURRAS AL-DIN", (), date(2019, 9, 10), (("weak_alias", "AQ-S"),)),
    ]


def test_weak_aliases_are_details_in_order_not_aliases():
    [event] = entry_events(parse_sdn_entry(INDIVIDUAL), DOCUMENT, Action.DESIGNATION, date(2019, 9, 4))
    assert "AL-FATEH, Abu Hamzah" not in event.aliases and len(event.aliases) == 4
    assert [pair for pair in event.details if pair[0] == "weak_alias"] == [
        ("weak_alias", "AL-FATEH, Abu Hamzah"), ("weak_alias", "AL-MALIZI, Abu Sayyaf")]


def test_entry_events_carry_identifiers_addresses_and_links_as_details():
    [event] = entry_events(parse_sdn_entry(ENTITY), DOCUMENT, Action.DESIGNATION, date(2019, 9, 4))
    assert event.aliases == ("KISH PROTECTION AND INDEMNITY CLUB",)
    assert event.details == (
        ("weak_alias", "KPI"),
        ("website", "http://www.kishpandi.com"),
        ("additional_sanctions_information", "Subject to Secondary Sanctions"),
        ("address", "Suite 6, 96 Maalek Ashtar Street Andisheh Blvd. Kish Island, 7941777844, Iran"),
        ("address", "No-82, 2nd Floor, Soltani St., Nelson Mandela Blvd, Tehran 19677-13855, Iran"),
        ("linked_to", "MEHDI GROUP"),
    )


def test_entry_events_for_other_programs_are_none():
    entry = parse_sdn_entry("IRAN SPACE AGENCY, Tehran, Iran [NPWMD] [IFSR].")
    assert entry_events(entry, DOCUMENT, Action.DESIGNATION, None) == []
