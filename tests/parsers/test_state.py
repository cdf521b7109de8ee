"""State Department listing, RSS and releases: exact events for each recorded case."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, ParseError, Program, Source
from parsers.press import UPON_PUBLICATION, ListingItem, detect_bot_block
from parsers.state import parse_state_listing, parse_state_release, parse_state_rss

FIXTURES = Path(__file__).parent.parent / "fixtures" / "state"
FTO, SDGT = Program.FTO, Program.SDGT
ANN, REV, AMD, RVW = Action.ANNOUNCEMENT, Action.REVOCATION, Action.AMENDMENT, Action.REVIEW
ON_PUBLICATION = (("effective", UPON_PUBLICATION),)
ORG, PERSON = "organization", "individual"


def read(name: str) -> bytes:
    """The bytes of one fixture."""
    return (FIXTURES / name).read_bytes()


def release(name: str, url: str = "https://www.state.gov/placeholder/"):
    """A fixture parsed as a State release (the canonical link gives the real path)."""
    return parse_state_release(url, read(name))


def shape(notice) -> list[tuple]:
    """Each event as (program, action, name, aliases, type, effective_on, announced_on, details)."""
    return [(e.program, e.action, e.name, e.aliases, e.entity_type, e.effective_on, e.announced_on, e.details)
            for e in notice.events]


# ---------------------------------------------------------------- listing and feed


def test_listing_reads_label_title_absolute_link_and_last_span_date():
    items = parse_state_listing(read("listing_press_releases.html"))
    assert len(items) == 5
    assert items[0] == ListingItem(
        url="https://www.state.gov/releases/office-of-the-spokesperson/2025/11/terrorist-designation-of-cartel-de-los-soles/",
        title="Terrorist Designation of Cartel de los Soles", published_on=date(2025, 11, 16),
        label="Press Statement")
    # an item whose meta holds only the date span
    assert items[3].label == "Media Note"
    assert items[3].published_on == date(2025, 8, 14)
    assert [i.published_on for i in items] == [date(2025, 11, 16), date(2025, 11, 13), date(2025, 11, 7),
                                              date(2025, 8, 14), date(2025, 8, 11)]


def test_listing_of_another_shape_raises():
    with pytest.raises(ParseError, match="collection-result"):
        parse_state_listing(read("bot_block_technical_difficulties_200.html"))


def test_rss_items_with_dates_and_category_labels():
    items = parse_state_rss(read("rss_press_releases.xml"))
    assert items == [
        ListingItem("https://www.state.gov/releases/office-of-the-spokesperson/2025/11/terrorist-designation-of-cartel-de-los-soles/",
                    "Terrorist Designation of Cartel de los Soles", date(2025, 11, 16), "Press Statement"),
        ListingItem("https://www.state.gov/releases/office-of-the-spokesperson/2025/11/terrorist-designations-of-antifa-ost-and-three-other-violent-antifa-groups/",
                    "Terrorist Designations of Antifa Ost and Three Other Violent Antifa Groups", date(2025, 11, 13),
                    "Press Statement"),
        ListingItem("https://www.state.gov/releases/office-of-the-spokesperson/2025/07/revocation-of-the-foreign-terrorist-organization-designation-of-hayat-tahrir-al-sham/",
                    "Revocation of the Foreign Terrorist Organization Designation of Hay’at Tahrir al-Sham",
                    date(2025, 7, 7), "Press Statement"),
    ]


def test_rss_rejects_html():
    with pytest.raises(ParseError, match="RSS"):
        parse_state_rss(read("listing_press_releases.html"))


# ---------------------------------------------------------------- the document reference


def test_document_ref_uses_canonical_path_even_from_a_mirror_url():
    html = read("fto_announced_with_effective_date.html")
    notice = parse_state_release("http://127.0.0.1:8765/releases/office-of-the-spokesperson/2025/11/x", html)
    path = "/releases/office-of-the-spokesperson/2025/11/terrorist-designation-of-cartel-de-los-soles/"
    doc = notice.document
    assert doc.source == Source.STATE
    assert doc.document_id == path
    assert doc.url == "https://www.state.gov" + path
    assert doc.raw_sha256 == hashlib.sha256(html).hexdigest()
    assert doc.title == "Terrorist Designation of Cartel de los Soles"
    assert doc.published_on == date(2025, 11, 16)
    assert all(e.document == doc for e in notice.events)


def test_page_that_is_not_a_release_raises_naming_missing_selectors():
    with pytest.raises(ParseError, match="h1.featured-content__headline"):
        parse_state_release("https://www.state.gov/releases/x/", read("bot_block_technical_difficulties_200.html"))


# ---------------------------------------------------------------- releases that act


def test_fto_announced_ahead_with_its_effective_date():
    notice = release("fto_announced_with_effective_date.html")
    assert notice.kind == "fto_announcement"
    assert notice.review is None
    assert shape(notice) == [
        (FTO, ANN, "Cartel de los Soles", ("Cartel of the Suns",), ORG, date(2025, 11, 24), date(2025, 11, 16), ()),
    ]


def test_eight_cartels_as_ftos_and_sdgts():
    notice = release("cartels_fto_and_sdgt_multi_entity.html")
    assert notice.kind == "combined"
    assert notice.document.document_id == "/designation-of-international-cartels/"
    named = [("Tren de Aragua", ("TdA",)), ("Mara Salvatrucha", ("MS-13",)), ("Cártel de Sinaloa", ()),
             ("Cártel de Jalisco Nueva Generación", ("CJNG",)), ("Cártel del Noreste", ("Los Zetas",)),
             ("La Nueva Familia Michoacana", ("LNFM",)), ("Cártel de Golfo", ("Gulf Cartel",)),
             ("Cárteles Unidos", ())]
    announced = date(2025, 2, 20)
    assert shape(notice) == (
        [(FTO, ANN, n, a, ORG, None, announced, ON_PUBLICATION) for n, a in named]
        + [(SDGT, ANN, n, a, ORG, None, announced, ()) for n, a in named])


def test_alias_given_as_commonly_referred_to_as():
    notice = release("fto_designation_commonly_referred_to_as.html")
    assert notice.kind == "fto_announcement"
    assert shape(notice) == [(FTO, ANN, "Ansarallah", ("Houthis",), ORG, None, date(2025, 3, 4), ON_PUBLICATION)]


def test_two_two_word_names_joined_by_and():
    notice = release("fto_and_sdgt_two_word_names.html")
    announced = date(2025, 5, 2)
    assert shape(notice) == [
        (FTO, ANN, "Viv Ansanm", (), ORG, None, announced, ON_PUBLICATION),
        (FTO, ANN, "Gran Grif", (), ORG, None, announced, ON_PUBLICATION),
        (SDGT, ANN, "Viv Ansanm", (), ORG, None, announced, ()),
        (SDGT, ANN, "Gran Grif", (), ORG, None, announced, ()),
    ]


def test_fto_designation_with_alias_amendment_of_existing_sdgt():
    notice = release("fto_designation_and_sdgt_alias_amendment.html")
    announced = date(2025, 8, 11)
    assert shape(notice) == [
        (FTO, ANN, "The Balochistan Liberation Army", ("BLA", "The Majeed Brigade"), ORG, None, announced,
         ON_PUBLICATION),
        (SDGT, AMD, "The Balochistan Liberation Army", ("Majeed Brigade",), ORG, None, announced, ()),
    ]


def test_addition_recorded_as_alias_amendment_and_review_of_the_parent():
    notice = release("alias_amendment_and_review.html")
    announced = date(2025, 7, 17)
    # 'adding The Resistance Front as a designated FTO' is the alias amendment of LeT, not a new party
    assert shape(notice) == [
        (FTO, RVW, "Lashkar-e-Tayyiba", (), ORG, None, announced, ()),
        (FTO, AMD, "Lashkar-e-Tayyiba", ("The Resistance Front", "TRF"), ORG, None, announced, ON_PUBLICATION),
        (SDGT, AMD, "Lashkar-e-Tayyiba", ("The Resistance Front", "TRF"), ORG, None, announced, ON_PUBLICATION),
    ]
    assert notice.kind == "combined"


def test_sdgt_today_fto_effective_later_and_unnamed_groups_sent_to_review():
    notice = release("sdgt_now_fto_later_three_unnamed.html")
    announced = date(2025, 11, 13)
    assert shape(notice) == [
        (SDGT, ANN, "Antifa Ost", (), ORG, None, announced, ()),
        (FTO, ANN, "Antifa Ost", (), ORG, date(2025, 11, 20), announced, ()),
    ]
    assert notice.review is not None and notice.review.startswith("3 more parties")


def test_fto_revocation_effective_tomorrow():
    notice = release("fto_revocation_effective_tomorrow.html")
    assert notice.kind == "fto_revocation"
    assert shape(notice) == [
        (FTO, REV, "al-Nusrah Front", ("Hay’at Tahrir al-Sham", "HTS"), ORG, date(2025, 7, 8), date(2025, 7, 7), ()),
    ]


def test_revocation_with_new_group_and_individual_designations():
    notice = release("revocation_and_new_designations_with_individuals.html")
    announced = date(2021, 11, 30)
    farc, farc_ep = "Revolutionary Armed Forces of Colombia", "Revolutionary Armed Forces of Colombia – People’s Army"
    leaders = [("Luciano Marín Arango", ("Iván Márquez",)), ("Hernán Darío Velásquez Saldarriaga", ("El Paisa",)),
               ("Henry Castellanos Garzón", ("Romaña",)), ("Néstor Gregorio Vera Fernández", ("Iván Mordisco",)),
               ("Miguel Santanilla Botache", ()), ("Euclides España Caicedo", ())]
    assert shape(notice) == [
        (FTO, REV, farc, ("FARC",), ORG, None, announced, ()),
        (SDGT, REV, farc, ("FARC",), ORG, None, announced, ()),
        (FTO, ANN, "Segunda Marquetalia", (), ORG, None, announced, ON_PUBLICATION),
        (FTO, ANN, farc_ep, ("FARC-EP",), ORG, None, announced, ON_PUBLICATION),
        (SDGT, ANN, "Segunda Marquetalia", (), ORG, None, announced, ()),
        (SDGT, ANN, farc_ep, ("FARC-EP",), ORG, None, announced, ()),
    ] + [(SDGT, ANN, n, a, PERSON, None, announced, ()) for n, a in leaders]


def test_individuals_delisted_one_under_the_name_he_is_listed_by():
    notice = release("sdgt_individuals_delisted_listed_name.html")
    announced = date(2025, 11, 7)
    assert notice.kind == "sdgt_revocation"
    assert shape(notice) == [
        (SDGT, REV, "Muhammad al-Jawlani", ("al-Sharaa",), PERSON, None, announced, ()),
        (SDGT, REV, "Anas Hasan Khattab", (), PERSON, None, announced, ()),
    ]


def test_designation_whose_designees_are_not_named_goes_to_review():
    notice = release("unrecognised_designees_not_named.html")
    assert notice.kind == "unrecognised"
    assert notice.events == ()
    assert "no entity could be named" in notice.review


# ---------------------------------------------------------------- releases that only mention the programs


@pytest.mark.parametrize("name", [
    "mention_reward_offers_for_fto_leaders.html",
    "mention_reward_increase_recalls_past_designation.html",
    "mention_treasury_sanctions_on_fto_leaders.html",
    "mention_state_release_on_treasury_action.html",
    "mention_review_of_designations_ordered.html",
    "mention_fto_in_passing.html",
    "mention_reward_page_for_fto_leader.html",
])
def test_mentions_give_no_events_and_no_review(name):
    notice = release(name)
    assert notice.kind == "mention"
    assert notice.events == ()
    assert notice.review is None


# ---------------------------------------------------------------- bot protection


def test_technical_difficulties_page_served_as_200_is_a_block():
    assert detect_bot_block(200, read("bot_block_technical_difficulties_200.html")) == (
        "'technical difficulties' page served with HTTP 200; request blocked")


def test_normal_state_page_is_not_a_block():
    assert detect_bot_block(200, read("fto_announced_with_effective_date.html")) is None
    assert detect_bot_block(200, read("listing_press_releases.html")) is None


# ---------------------------------------------------------------- wordings of other releases


def test_intends_to_designate_with_a_component_named_by_including():
    notice = release("irgc_intends_to_designate_including_qods_force.html")
    assert (notice.kind, notice.review) == ("fto_announcement", None)
    assert shape(notice) == [(FTO, ANN, "Islamic Revolutionary Guard Corps", ("IRGC",), ORG, None,
                              date(2019, 4, 8), ON_PUBLICATION)]


def test_revocation_of_an_organization_and_of_its_leaders_with_a_later_effective_date():
    notice = release("ansarallah_and_leaders_revocations.html")
    on, announced = date(2021, 2, 16), date(2021, 2, 12)
    assert (notice.kind, notice.review) == ("combined", None)
    assert shape(notice) == [
        (FTO, REV, "Ansarallah", ("Houthis",), ORG, on, announced, ()),
        (SDGT, REV, "Ansarallah", ("Houthis",), ORG, on, announced, ()),
        (SDGT, REV, "Abdul Malik al-Houthi", (), PERSON, on, announced, ()),
        (SDGT, REV, "Abd al-Khaliq Badr al-Din al-Houthi", (), PERSON, on, announced, ()),
        (SDGT, REV, "Abdullah Yahya al Hakim", (), PERSON, on, announced, ()),
    ]


def test_designating_the_following_bulleted_organizations_with_effects_per_program():
    notice = release("cartels_designating_the_following_list.html")
    announced = date(2025, 2, 20)
    named = [("Tren de Aragua", ("TdA",)), ("Mara Salvatrucha", ("MS-13",)), ("Cártel de Sinaloa", ()),
             ("Cártel de Jalisco Nueva Generación", ("CJNG",)), ("Cártel del Noreste", ("Los Zetas",)),
             ("La Nueva Familia Michoacana", ()), ("Cártel de Golfo", ("Gulf Cartel",)), ("Cárteles Unidos", ())]
    assert (notice.kind, notice.review) == ("combined", None)
    # the closing sentence's clauses: FTO upon publication, SDGT today
    assert shape(notice) == [row for name, aliases in named for row in (
        (FTO, ANN, name, aliases, ORG, None, announced, ON_PUBLICATION),
        (SDGT, ANN, name, aliases, ORG, announced, announced, ()))]


def test_amended_designations_to_add_aliases_for_both_programs():
    notice = release("hizballah_and_aqap_alias_amendments.html")
    hizballah = ("Lebanese Hizballah", "Foreign Relations Department", "FRD", "External Security Organization", "ESO")
    aqap = ("Sons of Abyan", "Sons of Hadramawt", "Sons of Hadramawt Committee", "Civil Council of Hadramawt",
            "National Hadramawt Council")
    announced = date(2017, 6, 21)
    # Ali Damush's designation 'in January 2017' and Hizballah's of 1997 are recalled, not made
    assert (notice.kind, notice.review) == ("combined", None)
    assert shape(notice) == [
        (SDGT, AMD, "Hizballah", hizballah, ORG, None, announced, ()),
        (FTO, AMD, "Hizballah", hizballah, ORG, None, announced, ()),
        (SDGT, AMD, "al-Qa’ida in the Arabian Peninsula", aqap, ORG, None, announced, ()),
        (FTO, AMD, "al-Qa’ida in the Arabian Peninsula", aqap, ORG, None, announced, ()),
    ]


def test_today_designated_an_individual_aka_and_a_treasury_action_left_unnamed():
    notice = release("sdgt_individual_aka_today_designated.html")
    # 'Tabataba’i is a Hizballah commander' makes the party a person
    assert (notice.kind, notice.review) == ("sdgt_announcement", None)
    assert shape(notice) == [(SDGT, ANN, "Haytham ‘Ali Tabataba’i", ("Abu ‘Ali al-Tabataba’i",), PERSON, None,
                              date(2016, 10, 20), ())]


# ---------------------------------------------------------------- names that are not names


def _release_with(body: str):
    """The Ansarallah fixture with its body replaced."""
    html = read("fto_designation_commonly_referred_to_as.html").decode()
    start, end = html.index('<div class="entry-content">'), html.index("</div>", html.index('<div class="entry-content">'))
    return parse_state_release("https://www.state.gov/x/", (html[:start] + '<div class="entry-content">' + body
                                                              + html[end:]).encode())


@pytest.mark.parametrize("party, problem", [
    ("Nationality Ecuador", "'Nationality Ecuador' is an individual's detail, not a name"),
    ("Of Those Named", "'Of Those Named' is a phrase of function words, not a name"),
    ("Gender Male", "'Gender Male' is an individual's detail, not a name"),
])
def test_a_party_that_is_not_a_name_makes_the_release_a_review_item(party, problem):
    notice = _release_with(f"<p>The Department of State is designating {party} as an SDGT.</p>")
    assert (notice.kind, notice.events) == ("unrecognised", ())
    assert notice.review == f"a party read from the release is not a name ({problem}): read the release"


def test_alias_boilerplate_and_joined_names_are_split_off():
    notice = _release_with("<p>The Department of State is designating Armed Islamic Group and All Associated "
                           "Aliases, Viv Ansanm and Gran Grif, and Hay’at Tahrir al-Sham and HTS as FTOs.</p>")
    assert [(e.name, e.aliases) for e in notice.events] == [
        ("Armed Islamic Group", ()), ("Viv Ansanm", ()), ("Gran Grif", ()), ("Hay’at Tahrir al-Sham", ("HTS",))]


def test_the_following_with_no_list_after_it_is_a_review_item():
    notice = _release_with("<p>The Department of State is designating the following organizations as FTOs:</p>"
                           "<p>Their leaders have attacked civilians across the region for years.</p>")
    assert (notice.kind, notice.events) == ("unrecognised", ())


def test_individuals_counted_before_a_dashed_list_and_an_acronym_that_spells_a_verb():
    notice = _release_with("<p>The Department of State is designating four individuals—Noor Wali Mehsud, Marwan Issa, "
                           "Ibrahim ‘Aqil and Fu’ad Shukr—as SDGTs.</p><p>The Department of State is designating "
                           "Hurras al-Din (HaD), f/k/a Tanzim Hurras al-Din, as an SDGT.</p>")
    assert [(e.name, e.aliases, e.entity_type) for e in notice.events] == [
        ("Noor Wali Mehsud", (), PERSON), ("Marwan Issa", (), PERSON), ("Ibrahim ‘Aqil", (), PERSON),
        ("Fu’ad Shukr", (), PERSON), ("Hurras al-Din", ("HaD", "Tanzim Hurras al-Din"), ORG)]
