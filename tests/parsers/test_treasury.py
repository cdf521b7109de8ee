"""Treasury listing and releases: exact SDGT events, Recent Actions links, other programs ignored."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, ParseError, Program, Source
from parsers.press import ListingItem, detect_bot_block
from parsers.treasury import parse_treasury_listing, parse_treasury_release, read_treasury_release, release_id_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "treasury"
SDGT, DES = Program.SDGT, Action.DESIGNATION
ORG, PERSON = "organization", "individual"


def read(name: str) -> bytes:
    """The bytes of one fixture."""
    return (FIXTURES / name).read_bytes()


def release(name: str):
    """A fixture parsed as the release its file name starts with ('sb0207_…')."""
    rid = name.split("_")[0]
    return parse_treasury_release(f"https://home.treasury.gov/news/press-releases/{rid}", read(name))


def shape(notice) -> list[tuple]:
    """Each event as (program, action, name, aliases, type, effective_on, announced_on, details)."""
    return [(e.program, e.action, e.name, e.aliases, e.entity_type, e.effective_on, e.announced_on, e.details)
            for e in notice.events]


def recent(day: str) -> tuple[str, ...]:
    """The link from a release to OFAC's Recent Actions page of that day."""
    return (f"https://ofac.treasury.gov/recent-actions/{day}",)


def linked(name: str) -> tuple[str, ...]:
    """The Recent Actions pages a release fixture links to (its notice carries no notes)."""
    rid = name.split("_")[0]
    notice, links = read_treasury_release(f"https://home.treasury.gov/news/press-releases/{rid}", read(name))
    assert notice.notes == ()
    return links


def test_listing_rows_with_relative_links_made_absolute():
    items = parse_treasury_listing(read("listing_press_releases.html"))
    assert items[0] == ListingItem("https://home.treasury.gov/news/press-releases/sb0207",
                                   "Treasury Sanctions Venezuelan Cartel Headed by Maduro", date(2025, 7, 25))
    assert [i.url.rsplit("/", 1)[1] for i in items] == ["sb0207", "sb0196", "sb0195", "sb0183", "sb0182"]
    assert [i.published_on for i in items] == [date(2025, 7, 25), date(2025, 7, 17), date(2025, 7, 17),
                                              date(2025, 6, 30), date(2025, 6, 30)]


def test_listing_of_another_shape_raises():
    with pytest.raises(ParseError, match="mm-news-row"):
        parse_treasury_listing(read("bot_block_access_denied_403.html"))


def test_release_id_from_any_host_of_the_release_url():
    assert release_id_of("http://127.0.0.1:9000/news/press-releases/SB0207/") == "sb0207"
    with pytest.raises(ParseError):
        release_id_of("https://home.treasury.gov/news/featured-stories/x")


def test_document_ref_and_recent_actions_link():
    html = read("sb0207_sdgt_entity_designation.html")
    notice = parse_treasury_release("http://127.0.0.1:9000/news/press-releases/sb0207", html)
    doc = notice.document
    assert (doc.source, doc.document_id, doc.url) == (Source.TREASURY, "sb0207",
                                                      "https://home.treasury.gov/news/press-releases/sb0207")
    assert doc.raw_sha256 == hashlib.sha256(html).hexdigest()
    assert (doc.title, doc.published_on) == ("Treasury Sanctions Venezuelan Cartel Headed by Maduro", date(2025, 7, 25))
    assert linked("sb0207_sdgt_entity_designation.html") == recent("20250725")


def test_entity_designated_as_sdgt_past_designations_it_recalls_ignored():
    notice = release("sb0207_sdgt_entity_designation.html")
    assert notice.kind == "sdgt_designation"
    day = date(2025, 7, 25)
    assert shape(notice) == [(SDGT, DES, "Cartel de los Soles", ("Cartel of the Suns",), ORG, day, day, ())]


def test_six_individuals_from_the_following_list_and_the_operative_sentence():
    notice = release("sb0195_sdgt_individuals_following_list.html")
    day = date(2025, 7, 17)
    # the operative sentence names five; Santanita is designated through the 'following' list
    assert shape(notice) == [
        (SDGT, DES, "Hector Rusthenford Guerrero Flores", ("Niño Guerrero",), PERSON, day, day, ()),
        (SDGT, DES, "Yohan Jose Romero", ("Johan Petrica",), PERSON, day, day, ()),
        (SDGT, DES, "Josue Angel Santana Pena", ("Santanita",), PERSON, day, day, ()),
        (SDGT, DES, "Wilmer Jose Perez Castillo", ("Wilmer Guayabal",), PERSON, day, day, ()),
        (SDGT, DES, "Wendy Marbelys Rios Gomez", (), PERSON, day, day, ()),
        (SDGT, DES, "Felix Anner Castillo Rondon", ("Pure Arnel",), PERSON, day, day, ()),
    ]
    assert linked("sb0195_sdgt_individuals_following_list.html") == recent("20250717")


def test_individual_named_by_short_reference_resolved_to_full_name():
    notice = release("sb0178_sdgt_individual_short_reference.html")
    day = date(2025, 6, 24)
    assert shape(notice) == [(SDGT, DES, "Giovanni Vicente Mosquera Serrano", (), PERSON, day, day, ())]


def test_only_annex_entries_under_eo_13224_become_events():
    notice = release("sb0183_annex_entries_under_several_orders.html")
    day = date(2025, 6, 30)
    # E.O. 13894 and 13902 designations and the Syria-program removals give nothing
    assert shape(notice) == [
        (SDGT, DES, "Cham Wings Airlines", (), ORG, day, day, ()),
        (SDGT, DES, "Mohsen Chizari", (), PERSON, day, day, ()),
        (SDGT, DES, "Tadbir Kish Medical and Pharmaceutical Company", (), ORG, day, day, ()),
    ]
    assert linked("sb0183_annex_entries_under_several_orders.html") == recent("20250630")


def test_release_that_mentions_ftos_and_sdgts_gives_no_events():
    notice = release("sb0179_mention_fincen_orders.html")
    assert (notice.kind, notice.events, notice.review) == ("mention", (), None)


@pytest.mark.parametrize("name, notes", [
    ("jy2459_designation_under_other_program.html", recent("20240711")),
    ("sb0057_removal_under_other_program.html", recent("20250321")),
    ("sb0182_statement_without_designations.html", ()),
])
def test_actions_under_other_programs_are_not_relevant(name, notes):
    notice = release(name)
    assert (notice.kind, notice.events, notice.review, linked(name)) == ("not_relevant", (), None, notes)


def test_access_denied_page_is_a_block_and_not_a_release():
    html = read("bot_block_access_denied_403.html")
    assert detect_bot_block(403, html) == "access denied (HTTP 403, Akamai reference #18.5f3a2217.1763312712.4c1d9e0)"
    with pytest.raises(ParseError, match="h2.uswds-page-title"):
        parse_treasury_release("https://home.treasury.gov/news/press-releases/sb0207", html)


def test_normal_treasury_page_is_not_a_block():
    assert detect_bot_block(200, read("sb0207_sdgt_entity_designation.html")) is None


# ---------------------------------------------------------------- wordings of other releases


def test_today_designated_as_sdgt_pursuant_to_the_order_with_an_appositive_description():
    notice = release("sb0207_variant_today_designated_pursuant_to_eo.html")
    day = date(2025, 7, 25)
    # 'a Venezuela-based criminal group headed by Nicolas Maduro Moros' describes the party; past FTO
    # designations and E.O. 14059 dated in the past give nothing
    assert (notice.kind, notice.review) == ("sdgt_designation", None)
    assert shape(notice) == [(SDGT, DES, "Cartel de los Soles", ("Cartel of the Suns",), ORG, day, day, ())]
    assert linked("sb0207_variant_today_designated_pursuant_to_eo.html") == recent("20250725")


def test_individuals_with_birth_details_and_a_bulleted_list_of_companies():
    notice = release("sm0388_financier_and_companies_with_details_and_list.html")
    day = date(2018, 5, 17)
    assert (notice.kind, notice.review) == ("sdgt_designation", None)
    assert shape(notice) == [
        (SDGT, DES, "Mohammad Ibrahim Bazzi", (), PERSON, day, day,
         (("dob", "10 August 1964"), ("pob", "Bent Jbeil, Lebanon"), ("nationality", "Lebanon"),
          ("nationality", "Belgium"))),
        (SDGT, DES, "Abdallah Safi-Al-Din", (), PERSON, day, day,
         (("dob", "08 Jul 1960"), ("passport", "3527575 (Lebanon)"))),
        (SDGT, DES, "Global Trading Group NV", (), ORG, day, day, ()),
        (SDGT, DES, "Euro African Group Ltd", (), ORG, day, day, ()),
        (SDGT, DES, "Africa Middle East Investment Holding SAL", (), ORG, day, day, ()),
        (SDGT, DES, "Premier Investment Group SAL Offshore", (), ORG, day, day, ()),
        (SDGT, DES, "Car Escort Services S.A.L. Off Shore", (), ORG, day, day, ()),
    ]
    assert linked("sm0388_financier_and_companies_with_details_and_list.html") == recent("20180517")


def test_parties_who_were_designated_today_by_ofac_described_as_members():
    notice = release("sm1162_two_officials_were_designated_today.html")
    day = date(2020, 10, 22)
    assert shape(notice) == [(SDGT, DES, "Nabil Qaouk", (), PERSON, day, day, ()),
                             (SDGT, DES, "Hassan al-Baghdadi", (), PERSON, day, day, ())]
