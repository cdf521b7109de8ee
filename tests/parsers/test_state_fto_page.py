"""The State Department's FTO page: both tables, name cells split, unknown columns refused."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parsers.model import ParseError
from parsers.state_fto_page import FtoRow, parse_fto_page

FIXTURES = Path(__file__).parent.parent / "fixtures" / "state"


def page(name: str):
    """One fixture parsed as the FTO page."""
    return parse_fto_page((FIXTURES / name).read_bytes())


def row(rows: list[FtoRow], name: str) -> FtoRow:
    """The row of one organization."""
    return next(r for r in rows if r.name == name)


def test_both_tables_read_in_page_order():
    fto = page("fto_page.html")
    assert len(fto.designated) == 18
    assert len(fto.delisted) == 8
    assert fto.designated[0] == FtoRow("Cartel de los Soles", (), date(2025, 11, 24))
    assert fto.designated[-1] == FtoRow("Abu Sayyaf Group", ("ASG",), date(1997, 10, 8))
    assert all(r.date_removed is None for r in fto.designated)


def test_abbreviation_in_parentheses_and_aka_are_aliases():
    fto = page("fto_page.html")
    assert row(fto.designated, "Tren de Aragua") == FtoRow("Tren de Aragua", ("TdA",), date(2025, 2, 20))
    assert row(fto.designated, "al-Mulathamun Battalion").aliases == ("al-Murabitoun",)
    assert row(fto.designated, "Shining Path").aliases == ("Sendero Luminoso", "SL")
    # an en dash inside a name is part of the name
    assert row(fto.designated, "Revolutionary Armed Forces of Colombia – People’s Army").aliases == ("FARC-EP",)


def test_formerly_and_amendment_notes():
    fto = page("fto_page.html")
    assert row(fto.designated, "ISIS") == FtoRow(
        "ISIS", ("al-Qa’ida in Iraq", "Islamic State of Iraq", "al-Hayat Media Center", "Amaq News Agency"),
        date(2004, 12, 17),
        notes=("formerly al-Qa’ida in Iraq", "Islamic State of Iraq Amendment (January 26, 2012)",
               "al-Hayat Media Center and Amaq News Agency Amendments (March 22, 2019)"))
    assert row(fto.designated, "Jaysh al-Adl") == FtoRow(
        "Jaysh al-Adl", ("Jundallah",), date(2010, 11, 4),
        notes=("formerly Jundallah", "Jaysh al-Adl Amendment (July 2, 2019)"))


def test_several_amendments_each_adding_aliases():
    let = row(page("fto_page.html").designated, "Lashkar-e-Tayyiba")
    assert let.aliases == ("LeT", "Tehrik-e-Tahafuz Qibla Awwal", "Tehrik-e-Hurmat-e-Rasool", "Al-Anfal Trust",
                           "Al Muhammadia Students", "Tehreek-e-Azadi-e-Kashmir", "Milli Muslim League",
                           "The Resistance Front")
    assert let.date_designated == date(2001, 12, 26)
    assert let.notes[-1] == "The Resistance Front Amendment (July 18, 2025)"


def test_delisted_rows_carry_both_dates():
    fto = page("fto_page.html")
    assert fto.delisted[0] == FtoRow(
        "al-Nusrah Front", ("Hay’at Tahrir al-Sham", "ANF/HTS", "Jabhat Fath al-Sham"), date(2014, 5, 15),
        date(2025, 7, 8),
        notes=("Jabhat Fath al-Sham Amendment (November 14, 2016)", "Hay’at Tahrir al-Sham Amendment (June 1, 2018)"))
    assert row(fto.delisted, "Gama’a al-Islamiyya") == FtoRow(
        "Gama’a al-Islamiyya", ("Islamic Group", "IG"), date(1997, 10, 8), date(2022, 5, 20))
    assert row(fto.delisted, "Aum Shinrikyo").aliases == ("AUM",)


def test_older_header_spelling_and_column_order():
    fto = page("fto_page_older_headers.html")
    assert fto.designated[0] == FtoRow("Segunda Marquetalia", (), date(2021, 12, 1))
    assert row(fto.designated, "Harakat Sawa’d Misr").aliases == ("HASM",)
    assert [r.name for r in fto.delisted] == ["Revolutionary Armed Forces of Colombia", "Ansarallah",
                                              "Mujahedin-e Khalq Organization"]
    assert row(fto.delisted, "Ansarallah").date_removed == date(2021, 2, 16)


def test_renamed_columns_raise_naming_what_was_found():
    with pytest.raises(ParseError, match=r"\['Organization', 'Designation Date'\]"):
        page("fto_page_renamed_columns.html")


def test_page_without_the_two_tables_raises():
    with pytest.raises(ParseError, match="found 0 table"):
        page("listing_press_releases.html")
