"""OFAC's legacy CSV files: every row of two real vintages, named real entries, and the diff between them."""
import csv
import io
import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, DocumentRef, Program, Source
from parsers.names import name_key
from parsers.ofac_csv import SdnFileError, list_change_events, parse_sdn_csv_set
from storage.derive import derive
from storage.ledger import event_row

SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
VINTAGES = SHARED / "reference" / "ofac-sdn-csv"
FILES = ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
DOCUMENT = DocumentRef(Source.OFAC, "sdn-2021-07", "https://sanctionslistservice.ofac.treas.gov/api/"
                       "PublicationPreview/exports/sdn.csv", "0" * 64)

needs_vintages = pytest.mark.skipif(not (VINTAGES / "2021-07" / "sdn.csv").exists(),
                                    reason=f"no OFAC CSV vintages under {VINTAGES}")


def raw_rows(vintage: str, name: str) -> list[list[str]]:
    """The file's rows, read plainly with the csv module (the independent count)."""
    text = (VINTAGES / vintage / name).read_bytes().decode("latin-1")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if row and row != ["\x1a"]]


@pytest.fixture(scope="module")
def vintages():
    parsed = {}
    for vintage in ("2019-01", "2021-07"):
        data = [(VINTAGES / vintage / name).read_bytes() for name in FILES]
        started = time.perf_counter()
        entries = parse_sdn_csv_set(*data)
        sdgt = [entry for entry in entries if "SDGT" in entry.programs]
        print(f"\n{vintage}: {len(entries)} entries ({len(sdgt)} SDGT) parsed in "
              f"{time.perf_counter() - started:.2f} s")
        parsed[vintage] = entries
    return parsed


def by_ent_num(entries):
    return {entry.ent_num: entry for entry in entries}


@needs_vintages
@pytest.mark.parametrize("vintage, sdgt, fto", [("2019-01", 1408, 65), ("2021-07", 1709, 74)])
def test_every_row_parses_and_tag_counts_match_a_plain_count(vintages, vintage, sdgt, fto):
    rows = raw_rows(vintage, "sdn.csv")
    entries = vintages[vintage]
    assert [entry.ent_num for entry in entries] == [row[0] for row in rows]
    assert sum("SDGT" in entry.programs for entry in entries) == sum("SDGT" in row[3] for row in rows) == sdgt
    assert sum("FTO" in entry.programs for entry in entries) == sum("FTO" in row[3] for row in rows) == fto


@needs_vintages
def test_entity_types_match_the_type_column(vintages):
    rows = raw_rows("2021-07", "sdn.csv")
    expected = [{"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}.get(row[2].strip(),
                                                                                               "organization")
                for row in rows]
    assert [entry.entity_type for entry in vintages["2021-07"]] == expected


@needs_vintages
def test_every_alias_and_address_row_lands_on_its_entry(vintages):
    entries = by_ent_num(vintages["2021-07"])
    alias_rows = raw_rows("2021-07", "alt.csv")
    assert sum(len(entry.aliases) + len(entry.weak_aliases) for entry in entries.values()) >= len(alias_rows)
    for ent_num, _, _, name, _ in alias_rows:
        assert name in entries[ent_num].aliases
    address_rows = [row for row in raw_rows("2021-07", "add.csv") if any(c.strip() != "-0-" for c in row[2:5])]
    assert sum(len(entry.addresses) for entry in entries.values()) == len(address_rows)


@needs_vintages
def test_named_entity_aliases_and_addresses_in_order(vintages):
    mehdi = by_ent_num(vintages["2021-07"])["27264"]
    assert (mehdi.name, mehdi.entity_type, mehdi.programs) == ("MEHDI GROUP", "organization", ("SDGT",))
    assert mehdi.aliases == ("MEHDI BROS SHIP SERVICES PVT LTD", "MEHDI BROS SHIP SERV. PVT. LTD.",
                             "MEHDI BROS. SHIP SERVICES PRIVATE LIMITED", "MEHDI BROTHERS SHIP SERVICES PVT. LTD.",
                             "MEHDI SHIPPING LIMITED")
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
    assert mehdi.linked_to == ("QASEMI, Rostam",)


@needs_vintages
def test_named_individual_strong_and_weak_aliases_and_identifiers(vintages):
    tahini = by_ent_num(vintages["2021-07"])["17789"]
    assert (tahini.name, tahini.entity_type) == ("TAHINI, Abdallah Asad", "individual")
    assert tahini.aliases == ("THAHINI, Abdallah", "THINI, Abdalla As'ad")
    assert tahini.weak_aliases == ("TAHINI, Ahmad",)
    assert tahini.addresses == ()
    assert tahini.identifiers == (
        ("dob", "20 Jun 1965"), ("pob", "Lebanon"),
        ("additional_sanctions_information",
         "Subject to Secondary Sanctions Pursuant to the Hizballah Financial Sanctions Regulations"),
    )
    assert tahini.linked_to == ("HIZBALLAH",)


@needs_vintages
def test_title_column_and_quoted_alias_with_leading_apostrophe(vintages):
    aqil = by_ent_num(vintages["2021-07"])["27315"]
    assert aqil.weak_aliases == ("'ABD-AL-QADIR", "TAHSIN")
    assert [value for key, value in aqil.identifiers if key == "title"] == ["Sheikh"]
    assert [value for key, value in aqil.identifiers if key in ("dob", "alt_dob")] == [
        "24 Dec 1962", "01 Jan 1962", "20 Mar 1961", "1958"]


@needs_vintages
def test_fto_and_sdgt_tags_stored_without_outer_brackets(vintages):
    jaysh = by_ent_num(vintages["2021-07"])["12299"]
    assert (jaysh.name, jaysh.programs) == ("JAYSH AL-ADL", ("FTO", "SDGT"))
    assert jaysh.addresses == ("Iran", "Pakistan", "Afghanistan")
    assert len(jaysh.aliases) == 20 and jaysh.aliases[-1] == "JEISH AL-ADL"


@needs_vintages
def test_remarks_continued_in_sdn_comments_are_joined(vintages):
    cifuentes = by_ent_num(vintages["2021-07"])["12300"]
    assert "Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA" in cifuentes.remarks
    assert "PROMO RAIZ S.A.S." in cifuentes.linked_to
    assert cifuentes.linked_to[-1] == "R D I S.A."


@needs_vintages
def test_vessel_columns_become_identifiers(vintages):
    adrian = by_ent_num(vintages["2021-07"])["27304"]
    assert (adrian.name, adrian.entity_type) == ("ADRIAN DARYA 1", "vessel")
    assert adrian.identifiers == (("vessel_type", "Crude Oil Tanker"), ("vessel_flag", "Iran"),
                                  ("former_vessel_flag", "Panama"), ("vessel_registration", "IMO 9116412"))


def terrorism_view(vintage: str, program: str) -> dict[str, tuple]:
    """ent_num -> (name, alias set, tag set) of the rows tagged `program`, from the raw files."""
    aliases: dict[str, set] = {}
    for ent_num, _, _, name, _ in raw_rows(vintage, "alt.csv"):
        aliases.setdefault(ent_num, set()).add(name)
    view = {}
    for row in raw_rows(vintage, "sdn.csv"):
        tags = {tag.strip(" []") for tag in row[3].split("] [")}
        if program not in tags:
            continue
        remarks = row[11].strip().rstrip(".")
        weak = {part[8:-1] for part in remarks.split("; ") if part.startswith("a.k.a. '") and part.endswith("'")}
        view[row[0]] = (row[1], aliases.get(row[0], set()) | weak, tags)
    return view


@needs_vintages
@pytest.mark.parametrize("program", [Program.SDGT, Program.FTO])
def test_list_change_counts_match_an_independent_diff(vintages, program):
    before, after = terrorism_view("2019-01", program.value), terrorism_view("2021-07", program.value)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(n for n in set(before) & set(after) if before[n] != after[n])
    events = [e for e in list_change_events(vintages["2019-01"], vintages["2021-07"], DOCUMENT, date(2021, 7, 7))
              if e.program == program]
    counts = {action: sum(e.action == action for e in events) for action in Action}
    assert (counts[Action.DESIGNATION], counts[Action.REVOCATION], counts[Action.AMENDMENT]) == (
        len(added), len(removed), len(changed))
    if program == Program.SDGT:
        assert (len(added), len(removed)) == (331, 30)


@needs_vintages
def test_named_changes_between_the_vintages(vintages):
    events = list_change_events(vintages["2019-01"], vintages["2021-07"], DOCUMENT, date(2021, 7, 7))
    found = {(e.program, e.name): e for e in events}
    # BANK MARKAZI (ent 4632) was [IRAN] only in 2019 and carries [SDGT] by 2021: designated, not amended.
    assert found[(Program.SDGT, "BANK MARKAZI JOMHOURI ISLAMI IRAN")].action == Action.DESIGNATION
    assert found[(Program.SDGT, "MEHDI GROUP")].action == Action.DESIGNATION
    assert found[(Program.SDGT, "AMHAZ, Issam Mohamad")].action == Action.REVOCATION
    assert found[(Program.SDGT, "QASEMI, Rostam")].action == Action.AMENDMENT
    assert found[(Program.SDGT, "QASEMI, Rostam")].previous_name is None
    for program in (Program.SDGT, Program.FTO):
        renamed = found[(program, "JAYSH AL-ADL")]
        assert (renamed.action, renamed.previous_name, renamed.effective_on) == (
            Action.AMENDMENT, "JUNDALLAH", date(2021, 7, 7))
        assert ("ent_num", "12299") in renamed.details


@needs_vintages
def test_first_run_designates_every_tagged_entry(vintages):
    events = list_change_events(None, vintages["2021-07"], DOCUMENT, date(2021, 7, 7))
    assert {e.action for e in events} == {Action.DESIGNATION}
    assert (sum(e.program == Program.SDGT for e in events), sum(e.program == Program.FTO for e in events)) == (
        1709, 74)


@needs_vintages
def test_every_ofac_entry_is_its_own_designation(vintages):
    entries = by_ent_num(vintages["2021-07"])
    events = list_change_events(None, vintages["2021-07"], DOCUMENT, date(2021, 7, 7))
    rows, _ = derive([event_row(e) for e in events], date(2021, 7, 7))
    sdgt = [row for row in rows if row["program"] == "SDGT"]
    held = {row["name"]: json.loads(row["details"]) for row in sdgt}
    # Two pairs of people whose weak aliases share a key: "ABU-'UMAR" and "Abu Umar", "ABU ALI" and "ABU-'ALI".
    for first, second, shared in (
            ("ABU MARZOOK, Mousa Mohammed", "BATIRASHVILI, Tarkhan Tayumurazovich", "abu umar"),
            ("ABU DHESS, Mohamed", "AL-JAMAL, Sa'id Ahmad Muhammad", "abu ali")):
        assert len(held[first]["ent_num"]) == len(held[second]["ent_num"]) == 1
        assert shared in map(name_key, held[first]["weak_alias"])
        assert shared in map(name_key, held[second]["weak_alias"])
    # OFAC's entry number keeps every entry its own designation, even branches sharing one name.
    assert all(len(json.loads(row["details"])["ent_num"]) == 1 for row in sdgt)
    assert len(sdgt) == len({row["designation_id"] for row in sdgt}) == 1709


# A hand-made set in the files' real shape: cp1252 bytes, CRLF, "-0- " cells, a split program field,
# a remark cut at the column limit and continued in sdn_comments.csv, and the trailing 0x1A byte.
SDN = (b'100,"CAF\xc9 EXAMPLE GROUP",-0- ,"SDGT] [FTO",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Website www.exa"\r\n'
       b'101,"DOE, Jane","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1970; '
       b'a.k.a. \'JD\'."\r\n\x1a')
ALT = b'100,1,"fka","OLD CAF\xc9 GROUP",-0- \r\n101,2,"aka","DOE, J.",-0- \r\n\x1a'
ADD = b'100,1,"1 Main St","Beirut","Lebanon",-0- \r\n101,2,-0- ,-0- ,-0- ,-0- \r\n\x1a'
COMMENTS = b'100,"mple.com; Linked To: DOE, Jane."\r\n999,"orphan continuation"\r\n'


def test_hand_made_set_in_cp1252_with_the_files_quirks():
    cafe, jane = parse_sdn_csv_set(SDN, ALT, ADD, COMMENTS)
    assert (cafe.ent_num, cafe.name, cafe.entity_type, cafe.programs) == (
        "100", "CAF\u00c9 EXAMPLE GROUP", "organization", ("SDGT", "FTO"))
    assert (cafe.aliases, cafe.addresses) == (("OLD CAF\u00c9 GROUP",), ("1 Main St, Beirut, Lebanon",))
    assert (cafe.identifiers, cafe.linked_to) == ((("website", "www.example.com"),), ("DOE, Jane",))
    assert cafe.remarks == "Website www.example.com; Linked To: DOE, Jane."
    assert (jane.aliases, jane.weak_aliases, jane.addresses, jane.identifiers) == (
        ("DOE, J.",), ("JD",), (), (("dob", "01 Jan 1970"),))


def test_a_row_of_unknown_shape_fails_loudly():
    with pytest.raises(SdnFileError, match="sdn.csv row 1: 3 columns, expected 12"):
        parse_sdn_csv_set(b'100,"X","individual"\r\n', ALT, ADD)
