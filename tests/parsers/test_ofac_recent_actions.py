"""OFAC Recent Actions pages and their listing: exact SDGT/FTO events, one fixture per case."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, ParseError, Program, Source
from parsers.ofac_recent_actions import (
    is_terrorism_title,
    parse_recent_actions_index,
    parse_recent_actions_page,
    recent_action_id,
)
from parsers.press import ListingItem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ofac_recent_actions"
SDGT, FTO = Program.SDGT, Program.FTO
DES, AMEND, REVOKE = Action.DESIGNATION, Action.AMENDMENT, Action.REVOCATION


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def page(name: str, day: str, html: bytes | None = None):
    return parse_recent_actions_page(f"https://ofac.treasury.gov/recent-actions/{day}", html or read(name))


def summary(notice) -> list[tuple]:
    return [(e.program, e.action, e.name, e.entity_type, e.effective_on, e.previous_name) for e in notice.events]


def test_designations_of_individuals_and_an_entity_take_effect_on_the_release_date():
    html = read("counter_terrorism_designations.html")
    notice = page("", "20190910", html)
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    doc = notice.document
    assert (doc.source, doc.document_id, doc.url, doc.title, doc.published_on, doc.citation) == (
        Source.OFAC, "recent-actions/20190910", "https://ofac.treasury.gov/recent-actions/20190910",
        "Counter Terrorism Designations", date(2019, 9, 10), None)
    assert doc.raw_sha256 == hashlib.sha256(html).hexdigest()
    on = date(2019, 9, 10)
    assert summary(notice) == [
        (SDGT, DES, "WALI, Noor", "individual", on, None),
        (SDGT, DES, "ISSA, Marwan", "individual", on, None),
        (SDGT, DES, "'AQIL, Ibrahim", "individual", on, None),
        (SDGT, DES, "SHUKR, Fu'ad", "individual", on, None),
        (SDGT, DES, "HURRAS AL-DIN", "organization", on, None),
    ]
    aqil, hurras = notice.events[2], notice.events[4]
    assert aqil.aliases == ("AKIEL, Ibrahim Mohamed", "AKIL, Ibrahim Mohamed", "'AQIL, Abd al-Qadr",
                            "MEHDI, Ghosn Ali Abdel")
    assert aqil.details == (
        ("weak_alias", "'ABD-AL-QADIR"), ("weak_alias", "TAHSIN"),
        ("dob", "24 Dec 1962"), ("alt_dob", "01 Jan 1962"), ("alt_dob", "20 Mar 1961"), ("alt_dob", "1958"),
        ("pob", "Bidnayil, Lebanon"), ("alt_pob", "Younine, Lebanon"), ("nationality", "Lebanon"),
        ("gender", "Male"), ("title", "Sheikh"))
    assert hurras.aliases == ("GUARDIANS OF RELIGION", "TANZIM HURRAS AL-DIN", "TANDHIM HURRAS AL-DEEN",
                              "SHAM AL-RIBAT", "AL-QAIDA IN SYRIA")
    assert hurras.details == (("weak_alias", "AQ-S"), ("address", "Syria"))


def test_mixed_page_keeps_only_sdgt_entries_and_an_update_that_adds_sdgt_designates():
    notice = page("mixed_programs_only_sdgt_counts.html", "20190920")
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    on = date(2019, 9, 20)
    # The two [NPWMD] [IFSR] entries give nothing; BANK MARKAZI was [IRAN] only before the update.
    assert summary(notice) == [
        (SDGT, DES, "ETEMAD TEJARATE PARS CO.", "organization", on, None),
        (SDGT, DES, "NATIONAL DEVELOPMENT FUND OF IRAN", "organization", on, None),
        (SDGT, DES, "BANK MARKAZI JOMHOURI ISLAMI IRAN", "organization", on, None),
    ]
    assert ("linked_to", "HIZBALLAH") in notice.events[2].details


def test_removals_and_deletions_revoke():
    notice = page("counter_terrorism_designations_removals.html", "20191212")
    assert (notice.kind, notice.review) == ("ofac_sanctions_action", None)
    on = date(2019, 12, 12)
    assert summary(notice) == [
        (SDGT, REVOKE, "AMHAZ, Issam Mohamad", "individual", on, None),
        (SDGT, REVOKE, "KAHIE, Abdullahi Hussein", "individual", on, None),
        (SDGT, REVOKE, "AL-BARAKAAT BANK OF SOMALIA", "organization", on, None),
    ]
    assert notice.events[2].aliases == ("BARAKAAT BANK OF SOMALIA",)
    assert ("weak_alias", "BBS") in notice.events[2].details


def test_update_with_a_new_name_amends_under_both_programs():
    notice = page("counter_terrorism_designation_update.html", "20190702")
    assert (notice.kind, notice.review, notice.notes) == ("ofac_sanctions_action", None, ())
    on = date(2019, 7, 2)
    assert summary(notice) == [
        (SDGT, AMEND, "JAYSH AL-ADL", "organization", on, "JUNDALLAH"),
        (FTO, AMEND, "JAYSH AL-ADL", "organization", on, "JUNDALLAH"),
    ]
    assert len(notice.events[0].aliases) == 20 and "ARMY OF JUSTICE" in notice.events[0].aliases


def test_malformed_entries_are_noted_for_review_and_the_others_still_count():
    notice = page("malformed_entry_reported.html", "20190829")
    on = date(2019, 8, 29)
    assert summary(notice) == [
        (SDGT, DES, "SARUR, Muhammad", "individual", on, None),
        (SDGT, DES, "NASSER, Fawaz Mahmud Ali", "individual", on, None),
    ]
    assert notice.review == "2 malformed SDN entries; see notes"
    assert [note.split(": ")[0] for note in notice.notes] == [
        "malformed SDN entry (unbalanced parentheses)",
        "malformed SDN entry (no program tag such as [SDGT])",
    ]
    assert notice.notes[0].endswith("National ID No. 905037545 (Palestinian (individual) [SDGT] (Linked To: HAMAS).")
    assert notice.notes[1].startswith("malformed SDN entry (no program tag such as [SDGT]): AL-AYY, Muhammad Kamal")


def test_entries_separated_by_line_breaks_in_one_paragraph_are_read_one_by_one():
    text = read("counter_terrorism_designations.html").decode()
    joined = re.sub(r"(\[SDGT\]\.)</p>\n<p>(?!The following)", r"\1<br />\n", text)
    assert joined.count("<br />") == 3
    notice = page("", "20190910", joined.encode())
    assert (notice.review, [e.name for e in notice.events]) == (
        None, ["WALI, Noor", "ISSA, Marwan", "'AQIL, Ibrahim", "SHUKR, Fu'ad", "HURRAS AL-DIN"])


def test_sdgt_entry_under_a_sentence_that_mixes_kinds_of_change_is_reported():
    text = read("counter_terrorism_designations.html").decode()
    text = text.replace("<p><strong>Counter Terrorism Designations</strong></p>\n", "").replace(
        "The following individuals have been added to OFAC's SDN List:",
        "In addition, the following additions, removals, and changes have been made to OFAC's SDN List:")
    notice = page("", "20190910", text.encode())
    assert [e.name for e in notice.events] == ["HURRAS AL-DIN"]
    assert notice.review == "4 malformed SDN entries; see notes"
    assert notice.notes[0].startswith("malformed SDN entry (no heading or sentence says whether it was added, "
                                      "removed or updated): WALI, Noor")


def test_a_counter_terrorism_page_without_entries_goes_to_review_and_other_actions_do_not():
    text = read("counter_terrorism_designations.html").decode()
    body = re.search(r'<div class="field__item"><p>.*</p>\n</div>', text, re.DOTALL).group(0)
    empty = text.replace(body, '<div class="field__item"><p>OFAC has added entries to its SDN List.</p>\n</div>')
    notice = page("", "20190910", empty.encode())
    assert (notice.kind, notice.events, notice.review) == (
        "ofac_other", (), "a counter-terrorism action with no SDGT/FTO entry the parser could read")
    licence = empty.replace("Counter Terrorism Designations", "Issuance of Venezuela-related General License")
    assert (page("", "20190910", licence.encode()).kind, page("", "20190910", licence.encode()).review) == (
        "ofac_other", None)


def test_a_page_of_another_shape_or_url_fails_loudly():
    with pytest.raises(ParseError, match=r"missing a body field \(.field--name-field-body, .*\) or \[TAG\]ged SDN entries"):
        page("", "20190920", read("recent_actions_index.html"))
    with pytest.raises(ParseError, match="not a /recent-actions/YYYYMMDD URL"):
        parse_recent_actions_page("https://ofac.treasury.gov/recent-actions/sanctions-list-updates",
                                  read("counter_terrorism_designations.html"))
    assert recent_action_id("http://127.0.0.1:8000/recent-actions/20251119_33/") == "20251119_33"


def test_listing_rows_with_titles_dates_and_category():
    items = parse_recent_actions_index(read("recent_actions_index.html"))
    base = "https://ofac.treasury.gov/recent-actions/"
    assert items[0] == ListingItem(base + "20190920", "Counter Terrorism Designations; Iran-related Designation Update",
                                   date(2019, 9, 20), "Sanctions List Updates")
    assert [(i.url.removeprefix(base), i.published_on) for i in items] == [
        ("20190920", date(2019, 9, 20)), ("20190913", date(2019, 9, 13)), ("20190910", date(2019, 9, 10)),
        ("20190903", date(2019, 9, 3)), ("20190829", date(2019, 8, 29))]
    assert [i.url.removeprefix(base) for i in items if is_terrorism_title(i.title)] == [
        "20190920", "20190910", "20190829"]


def test_listing_of_another_shape_raises():
    with pytest.raises(ParseError, match="views-row"):
        parse_recent_actions_index(read("counter_terrorism_designations.html"))


def test_entries_read_from_a_body_in_div_field_name_body():
    notice = page("designations_body_in_field_name_body.html", "20180517")
    on = date(2018, 5, 17)
    assert (notice.kind, notice.review, notice.document.published_on) == ("ofac_sanctions_action", None, on)
    assert summary(notice) == [
        (SDGT, DES, "BAZZI, Mohammad Ibrahim", "individual", on, None),
        (SDGT, DES, "AFRICA MIDDLE EAST INVESTMENT HOLDING SAL", "organization", on, None),
        (SDGT, DES, "PREMIER INVESTMENT GROUP SAL (OFF-SHORE)", "organization", on, None),
    ]
    bazzi, premier = notice.events[0], notice.events[2]
    assert bazzi.aliases == ("BAZZI, Mohamed", "BAZZI, Muhammad Ibrahim", "BAZZI, Muhammed")
    assert bazzi.details[:4] == (("dob", "10 Aug 1964"), ("pob", "Bent Jbeil, Lebanon"), ("nationality", "Lebanon"),
                                 ("alt_nationality", "Belgium"))
    assert premier.aliases == ("PREMIER INVESTMENT GROUP SAL", "PREMIER INVESTMENT GROUP SAL OFF SHORE")


def test_entries_read_from_main_content_without_drupal_fields_and_intro_sharing_the_paragraph():
    notice = page("designations_body_without_field_classes.html", "20190910")
    on = date(2019, 9, 10)
    # no release-date field: the <time datetime> of the page gives the date
    assert (notice.kind, notice.review, notice.document.published_on) == ("ofac_sanctions_action", None, on)
    assert summary(notice) == [(SDGT, DES, "WALI, Noor", "individual", on, None),
                               (SDGT, DES, "HURRAS AL-DIN", "organization", on, None)]
    assert notice.events[0].aliases == ("WALI MEHSUD, Mufti Noor", "WALI, Mufti Noor")


def test_a_page_whose_main_content_holds_no_entry_and_no_body_field_fails_loudly():
    html = read("designations_body_without_field_classes.html").decode()
    emptied = re.sub(r'<div class="content">.*?</div>', '<div class="content"><p>Page not found.</p></div>', html,
                     flags=re.DOTALL)
    with pytest.raises(ParseError, match="or \\[TAG\\]ged SDN entries in the main content"):
        page("", "20190910", emptied.encode())


def _variant(inner: str, title: str) -> bytes:
    """The 20190910 page with its body and title replaced (the same two real SDN entries in another layout)."""
    html = read("designations_body_without_field_classes.html").decode()
    html = re.sub(r'<div class="content">.*?</div>', f'<div class="content">{inner}</div>', html, flags=re.DOTALL)
    return html.replace("<h1>Counter Terrorism Designations</h1>", f"<h1>{title}</h1>").encode()


WALI = ("WALI, Noor (a.k.a. WALI MEHSUD, Mufti Noor), Afghanistan; DOB 26 Jun 1978; POB Gurguray, Pakistan; "
        "Gender Male (individual) [SDGT].")
HURRAS = "HURRAS AL-DIN (a.k.a. GUARDIANS OF RELIGION), Syria [SDGT]."


@pytest.mark.parametrize("inner", [
    f"<table><tr><td>{WALI}</td></tr><tr><td>{HURRAS}</td></tr></table>",
    f"<div>{WALI}</div><div>{HURRAS}</div>",
    f"The following have been added to OFAC's SDN List:<br>{WALI}<br>{HURRAS}",
])
def test_entries_in_cells_leaf_divs_or_bare_lines_are_read(inner):
    notice = page("", "20190910", _variant(inner, "Counter Terrorism Designations"))
    on = date(2019, 9, 10)
    assert summary(notice) == [(SDGT, DES, "WALI, Noor", "individual", on, None),
                               (SDGT, DES, "HURRAS AL-DIN", "organization", on, None)]


def test_without_a_sentence_the_title_says_the_action_and_a_mixed_title_says_nothing():
    inner = f"<div>{WALI}</div><div>{HURRAS}</div>"
    removals = page("", "20190910", _variant(inner, "Counter Terrorism Designation Removals"))
    assert [(e.action, e.name) for e in removals.events] == [(REVOKE, "WALI, Noor"), (REVOKE, "HURRAS AL-DIN")]
    mixed = page("", "20190910", _variant(inner, "Counter Terrorism Designations; Iran-related Designation Update"))
    assert (mixed.events, mixed.review) == ((), "2 malformed SDN entries; see notes")
