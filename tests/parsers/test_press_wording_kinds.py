"""Kinds of press-release wording the readers must take, each with our own sentence and real facts.

One test per kind: operative verbs ('announced the designation of', 'has amended … to include … and other
aliases', 'has maintained the designation', 'OFAC also designated', removals whose authority is the next
sentence, counted sanctions named in bold later, 'is being designated for'), relatives joined to a name,
descriptions that are not parties, counted heads before a colon list, one list item per party, and
descriptions that are not actions.
"""
from __future__ import annotations

from datetime import date

import pytest

from parsers.model import Action, ParseError, Program
from parsers.ofac_recent_actions import parse_recent_actions_page
from parsers.state import parse_state_release
from parsers.treasury import parse_treasury_release
from tests.parsers.test_press_generated import state_page, treasury_page

FTO, SDGT = Program.FTO, Program.SDGT
ANN, DES, AMD, REV, RVW = (Action.ANNOUNCEMENT, Action.DESIGNATION, Action.AMENDMENT, Action.REVOCATION,
                           Action.REVIEW)
DAY = date(2024, 3, 14)
ORG, PERSON, VESSEL = "organization", "individual", "vessel"


def state(body: str):
    return parse_state_release("https://www.state.gov/generated-release/", state_page(body))


def state_titled(title: str, body: str):
    html = state_page(body).replace(b"Terrorist Designations", title.encode())
    return parse_state_release("https://www.state.gov/generated-release/", html)


def treasury(body: str):
    return parse_treasury_release("https://home.treasury.gov/news/press-releases/sb0001", treasury_page(body))


def rows(notice) -> list[tuple]:
    return [(e.program, e.action, e.name, e.aliases, e.entity_type) for e in notice.events]


# ---------------------------------------------------------------- 1. operative verbs


def test_state_announced_the_designation_dated_today():
    notice = state("<p>Today the Secretary of State announced the designation of Tren de Aragua and Mara "
                   "Salvatrucha as Foreign Terrorist Organizations (FTOs) and Specially Designated Global "
                   "Terrorists (SDGTs).</p><p>In 2019 the Secretary announced the designation of Hurras al-Din "
                   "as an SDGT.</p>")
    assert (notice.kind, notice.review) == ("combined", None)
    assert sorted(rows(notice)) == sorted([
        (FTO, ANN, "Tren de Aragua", (), ORG), (FTO, ANN, "Mara Salvatrucha", (), ORG),
        (SDGT, ANN, "Tren de Aragua", (), ORG), (SDGT, ANN, "Mara Salvatrucha", (), ORG)])


def test_state_amended_both_designations_to_include_an_alias_and_other_aliases():
    notice = state("<p>The Department of State has amended the Foreign Terrorist Organization (FTO) and "
                   "Specially Designated Global Terrorist (SDGT) designations of al-Qa’ida in Iraq to include "
                   "Islamic State of Iraq and the Levant (ISIL) and other aliases.</p>")
    alias = ("Islamic State of Iraq and the Levant", "ISIL")
    assert rows(notice) == [(FTO, AMD, "al-Qa’ida in Iraq", alias, ORG), (SDGT, AMD, "al-Qa’ida in Iraq", alias, ORG)]
    assert notice.review is None


def test_state_amended_one_program_to_add_the_aliases():
    notice = state("<p>The Department of State has amended the Foreign Terrorist Organization (FTO) designation "
                   "of Jaish-e-Mohammed (JeM) to add the aliases Khuddam ul-Islam and Jamaat ul-Furqan.</p>")
    assert rows(notice) == [(FTO, AMD, "Jaish-e-Mohammed", ("Khuddam ul-Islam", "Jamaat ul-Furqan"), ORG)]


def test_state_maintained_designation_is_a_review():
    notice = state("<p>After the review the law requires every five years, the Secretary of State has maintained "
                   "the designation of Lashkar-e-Tayyiba (LeT) as a Foreign Terrorist Organization.</p>")
    assert (notice.kind, rows(notice), notice.review) == (
        "fto_review", [(FTO, RVW, "Lashkar-e-Tayyiba", ("LeT",), ORG)], None)


def test_treasury_also_designated_counts_only_under_e_o_13224():
    notice = treasury("<p>Today, OFAC designated Iran Air pursuant to E.O. 13382.</p><p>OFAC also designated "
                      "Adham Tabaja, a Lebanon-based Hizballah financier, pursuant to E.O. 13224.</p>")
    assert rows(notice) == [(SDGT, DES, "Adham Tabaja", (), PERSON)]


def test_treasury_removal_whose_authority_is_the_next_sentence():
    notice = treasury("<p>Today, the Office of Foreign Assets Control (OFAC) removed Saudi businessman Yassin "
                      "Abdullah Kadi from the Specially Designated Nationals and Blocked Persons List (SDN List). "
                      "He was designated in October 2001 pursuant to E.O. 13224.</p>")
    assert (notice.kind, rows(notice)) == (
        "sdgt_revocation", [(SDGT, REV, "Yassin Abdullah Kadi", (), PERSON)])


def test_treasury_counted_sanctions_named_in_bold_further_on():
    notice = treasury("<p>Today, OFAC is sanctioning one individual and one entity that finance Hizballah. These "
                      "designations are made pursuant to E.O. 13224, as amended.</p><h3>The network</h3>"
                      "<p><strong>Adham Tabaja</strong> is a Hizballah member who runs a construction business.</p>"
                      "<p>He owns <strong>Al-Inmaa Group for Tourism Works</strong> in Lebanon.</p>")
    assert rows(notice) == [(SDGT, DES, "Adham Tabaja", (), PERSON),
                            (SDGT, DES, "Al-Inmaa Group for Tourism Works", (), ORG)]


def test_treasury_is_being_designated_for_after_an_e_o_13224_opening():
    notice = treasury("<p>Today, OFAC took action against a Hizballah financier and his company pursuant to "
                      "E.O. 13224.</p><p><strong>Al-Inmaa Group for Tourism Works</strong> is being designated for "
                      "being owned or controlled by Adham Tabaja.</p>")
    assert rows(notice) == [(SDGT, DES, "Al-Inmaa Group for Tourism Works", (), ORG)]


def test_treasury_designated_the_following_individuals_today():
    notice = treasury("<p>Today, the Office of Foreign Assets Control (OFAC) designated the following individuals "
                      "pursuant to E.O. 13224 for acting on behalf of Hizballah:</p><ul>"
                      "<li><strong>Adham Tabaja</strong>, a Lebanon-based contractor; and</li>"
                      "<li><strong>Husayn Ali Faour</strong>, a Hizballah supporter.</li></ul>")
    assert rows(notice) == [(SDGT, DES, "Adham Tabaja", (), PERSON), (SDGT, DES, "Husayn Ali Faour", (), PERSON)]


def test_treasury_acting_under_e_o_13224_without_a_readable_party_is_a_review():
    notice = treasury("<p>Today, OFAC took action against a network of Hizballah financiers pursuant to "
                      "E.O. 13224.</p>")
    assert (notice.kind, notice.events) == ("unrecognised", ())
    assert notice.review is not None


# ---------------------------------------------------------------- 2. relatives joined to names


def test_relatives_and_holdings_joined_to_a_name_are_parties_of_their_own():
    notice = treasury("<p>Today, OFAC designated Hizballah financier Adham Tabaja and his company, Al-Inmaa Group "
                      "for Tourism Works, pursuant to E.O. 13224.</p><p>OFAC also designated the tanker Adrian "
                      "Darya 1 and its captain, Akhilesh Kumar, pursuant to E.O. 13224.</p>")
    assert rows(notice) == [(SDGT, DES, "Adham Tabaja", (), PERSON),
                            (SDGT, DES, "Al-Inmaa Group for Tourism Works", (), ORG),
                            (SDGT, DES, "Adrian Darya 1", (), VESSEL), (SDGT, DES, "Akhilesh Kumar", (), PERSON)]


def test_a_group_and_its_secretary_general():
    notice = state("<p>The Department of State is designating Harakat al-Nujaba and its secretary general, Akram "
                   "al-Kaabi, as Specially Designated Global Terrorists.</p>")
    assert rows(notice) == [(SDGT, ANN, "Harakat al-Nujaba", (), ORG), (SDGT, ANN, "Akram al-Kaabi", (), PERSON)]


# ---------------------------------------------------------------- 3. descriptions are not parties


def test_descriptions_after_listed_names_are_dropped_and_type_people():
    notice = state("<p>The Department of State has designated the following individuals as Specially Designated "
                   "Global Terrorists under Executive Order 13224:</p><ul>"
                   "<li>Ahmad Iman Ali, al-Shabaab’s leader in Kenya;</li>"
                   "<li>Abu Muhammad al-Jawlani, the leader of al-Nusrah Front, an al-Qa’ida affiliate.</li></ul>")
    assert rows(notice) == [(SDGT, ANN, "Ahmad Iman Ali", (), PERSON),
                            (SDGT, ANN, "Abu Muhammad al-Jawlani", (), PERSON)]


def test_a_later_appositive_nationality_types_a_person():
    notice = state("<p>The Department of State is designating Abu Muhammad al-Jawlani as a Specially Designated "
                   "Global Terrorist under Executive Order 13224.</p><p>Al-Jawlani, a Syrian national, leads "
                   "al-Nusrah Front.</p>")
    assert rows(notice) == [(SDGT, ANN, "Abu Muhammad al-Jawlani", (), PERSON)]


# ---------------------------------------------------------------- 4. counted heads before a colon


def test_counted_head_before_a_colon_list_names_the_parties_after_it():
    notice = state("<p>The Department of State is designating four senior Hizballah commanders as SDGTs: Mustafa "
                   "Badr al-Din, Ibrahim Aqil, Fu’ad Shukr, and Talal Hamiyah.</p>")
    assert rows(notice) == [(SDGT, ANN, n, (), PERSON) for n in
                            ("Mustafa Badr al-Din", "Ibrahim Aqil", "Fu’ad Shukr", "Talal Hamiyah")]


# ---------------------------------------------------------------- 5. one list item is one party


def test_a_list_item_with_and_in_its_name_is_one_party_and_its_acronym_an_alias():
    notice = state("<p>The Secretary of State is revoking the Foreign Terrorist Organization designations of the "
                   "following groups:</p><ul><li>Basque Fatherland and Liberty (ETA)</li>"
                   "<li>Aum Shinrikyo (AUM)</li></ul>")
    assert rows(notice) == [(FTO, REV, "Basque Fatherland and Liberty", ("ETA",), ORG),
                            (FTO, REV, "Aum Shinrikyo", ("AUM",), ORG)]


# ---------------------------------------------------------------- 6. no false reviews


def test_a_designated_fto_as_a_description_is_a_mention():
    notice = state_titled("Remembering the Westgate Attack", "<p>Ten years ago today, al-Shabaab, a designated Foreign Terrorist Organization, attacked the "
                   "Westgate mall in Nairobi.</p>")
    assert (notice.kind, notice.events, notice.review) == ("mention", (), None)


def test_ofac_intro_line_naming_the_following_is_not_an_entry():
    html = ("<html><head><title>Counter Terrorism Designations</title></head><body>"
            '<h1 class="uswds-page-title">Counter Terrorism Designations</h1>'
            '<article class="node--type-ofac-recent-action"><div class="field--name-field-release-date">'
            '<div class="field__item">07/09/2019</div></div><div class="field--name-field-body">'
            "<p><strong>Counter Terrorism Designations</strong></p>"
            "<p>OFAC has designated the following individual pursuant to E.O. 13224:</p>"
            "<p>RA'AD, Muhammad Hasan, Beirut, Lebanon; DOB 1955; nationality Lebanon; Gender Male (individual) "
            "[SDGT] (Linked To: HIZBALLAH).</p></div></article></body></html>").encode()
    notice = parse_recent_actions_page("https://ofac.treasury.gov/recent-actions/20190709", html)
    assert (notice.review, [(e.program, e.action, e.name, e.entity_type) for e in notice.events]) == (
        None, [(SDGT, DES, "RA'AD, Muhammad Hasan", PERSON)])


# ---------------------------------------------------------------- 7. descriptors before names (kind 17)


def test_a_plural_group_role_before_two_names_and_a_kin_relative():
    notice = treasury("<p>Today, OFAC designated Hizballah financiers Ali Tajideen and his brother Husayn Tajideen "
                      "pursuant to E.O. 13224.</p>")
    assert rows(notice) == [(SDGT, DES, "Ali Tajideen", (), PERSON), (SDGT, DES, "Husayn Tajideen", (), PERSON)]


def test_a_place_of_several_words_before_based_is_dropped():
    notice = treasury("<p>OFAC is designating South Africa-based Farhad Hoomer and Sierra Leone-based Golden "
                      "Star Trading Limited pursuant to E.O. 13224.</p>")
    assert [e.name for e in notice.events] == ["Farhad Hoomer", "Golden Star Trading Limited"]


def test_a_release_body_written_outside_any_paragraph():
    html = treasury_page("<strong>Washington</strong> – Today, OFAC designated Beirut-based <strong>Al-Inmaa "
                         "Group for Tourism Works</strong> (Al-Inmaa) pursuant to E.O. 13224.<p>Hizballah was "
                         "designated as an SDGT in October 2001.</p>")
    notice = parse_treasury_release("https://home.treasury.gov/news/press-releases/sb0001", html)
    assert rows(notice) == [(SDGT, DES, "Al-Inmaa Group for Tourism Works", (), ORG)]


def test_names_then_a_plural_role_appositive_are_people():
    notice = treasury("<p>Today, OFAC designated 4 individuals affiliated with Hizballah.</p><h3>Hizballah</h3>"
                      "<p>OFAC designated <strong>Ali Tajideen</strong> and <strong>Husayn Tajideen</strong>, "
                      "members of a Hizballah trading family, pursuant to E.O. 13224.</p>")
    assert rows(notice) == [(SDGT, DES, "Ali Tajideen", (), PERSON), (SDGT, DES, "Husayn Tajideen", (), PERSON)]


# ---------------------------------------------------------------- 8. nominal and 'delist' wording (kind 18)


def test_announcing_a_departments_designation_of():
    notice = state("<p>Today I am announcing the Department of State’s designation of Harakat al-Nujaba, also "
                   "called al-Nujaba, as a Specially Designated Global Terrorist (SDGT).</p>")
    assert rows(notice) == [(SDGT, ANN, "Harakat al-Nujaba", ("al-Nujaba",), ORG)]


def test_decided_after_an_aside_to_revoke_and_to_delist():
    notice = state("<p>The Secretary of State has decided, after a careful review, to revoke the designation of "
                   "the Revolutionary Armed Forces of Colombia (FARC) as a Foreign Terrorist Organization and to "
                   "delist the FARC as a Specially Designated Global Terrorist.</p><p>Both revocations take effect "
                   "today upon their publication in the Federal Register.</p>")
    assert [(e.program, e.action, e.name, e.effective_on) for e in notice.events] == [
        (FTO, REV, "Revolutionary Armed Forces of Colombia", DAY),
        (SDGT, REV, "Revolutionary Armed Forces of Colombia", DAY)]


def test_revoking_one_programs_designation_as_well_as_its_designation_as_another():
    notice = state("<p>The Department is revoking the FTO designation of Kahane Chai, as well as its designation "
                   "as a Specially Designated Global Terrorist.</p>")
    assert rows(notice) == [(FTO, REV, "Kahane Chai", (), ORG), (SDGT, REV, "Kahane Chai", (), ORG)]


def test_aliases_included_in_one_sentence_and_their_programs_in_the_next():
    notice = state("<p>The Department of State has amended the terrorist designations of al-Nusrah Front to "
                   "include Jabhat Fath al-Sham and other aliases. These aliases have been added to al-Nusrah "
                   "Front’s designations as a Foreign Terrorist Organization and as a Specially Designated "
                   "Global Terrorist.</p>")
    assert rows(notice) == [(FTO, AMD, "al-Nusrah Front", ("Jabhat Fath al-Sham",), ORG),
                            (SDGT, AMD, "al-Nusrah Front", ("Jabhat Fath al-Sham",), ORG)]


# ---------------------------------------------------------------- 9. designees later in the text (kind 19)


def test_as_well_as_a_person_after_the_programs():
    notice = state("<p>The Department has designated Hasm and Liwa al-Thawra as SDGTs, as well as Yahya Musa, "
                   "a leader of Hasm.</p>")
    assert rows(notice) == [(SDGT, ANN, "Hasm", (), ORG), (SDGT, ANN, "Liwa al-Thawra", (), ORG),
                            (SDGT, ANN, "Yahya Musa", (), PERSON)]


def test_a_description_ending_who_is_being_designated():
    notice = treasury("<p>Today, OFAC is sanctioning two Hizballah financiers.</p><p>Ali Tajideen (Tajideen) is a "
                      "Lebanon-based Hizballah financier who is being designated pursuant to E.O. 13224 for "
                      "having acted for Hizballah.</p>")
    assert rows(notice) == [(SDGT, DES, "Ali Tajideen", (), PERSON)]


def test_a_state_designation_reported_in_a_treasury_release():
    notice = treasury("<p>OFAC is designating Abdullahi Osman Mohamed pursuant to E.O. 13224. The State "
                      "Department is concurrently designating Mahad Karate as an SDGT. Separately, the Department "
                      "of State designated al-Shabaab as an FTO in 2008.</p>")
    assert [e.name for e in notice.events] == ["Abdullahi Osman Mohamed", "Mahad Karate"]


# ---------------------------------------------------------------- 10. designees in lists and headings (kind 20)


def test_an_annex_designates_the_following():
    notice = treasury("<p>Today the President signed Executive Order 13224. Its Annex designates the "
                      "following:</p><ul><li>Wafa Humanitarian Organization</li><li>Al Rashid Trust</li>"
                      "<li>Asbat al-Ansar</li></ul>")
    assert [(e.action, e.name, e.effective_on) for e in notice.events] == [
        (DES, "Wafa Humanitarian Organization", DAY), (DES, "Al Rashid Trust", DAY), (DES, "Asbat al-Ansar", DAY)]


def test_parties_named_only_in_headings_after_a_counted_opening():
    notice = treasury("<p>Today, OFAC designated two individuals pursuant to E.O. 13224 for acting for "
                      "Hizballah.</p><h3>Hizballah Finance</h3><p>OFAC acted against the group’s budget.</p>"
                      "<h3>Adham Tabaja</h3><p>Tabaja holds a majority stake in Al-Inmaa.</p>"
                      "<h3>Husayn Ali Faour</h3><p>Faour, head of a Hizballah procurement unit, is being "
                      "designated for acting for Hizballah.</p>")
    assert rows(notice) == [(SDGT, DES, "Adham Tabaja", (), PERSON), (SDGT, DES, "Husayn Ali Faour", (), PERSON)]


# ---------------------------------------------------------------- 11. aliases and renames (kinds 21-23)


def test_added_to_an_existing_designation_is_an_amendment_not_a_new_party():
    notice = state("<p>Today, the Department of State is adding Jama’at-ud-Da’wa (JuD) as a designated FTO and "
                   "SDGT. The Department has added JuD and several other aliases to Lashkar-e-Tayyiba’s FTO and "
                   "SDGT designations.</p>")
    assert rows(notice) == [(FTO, AMD, "Lashkar-e-Tayyiba", ("Jama’at-ud-Da’wa", "JuD"), ORG),
                            (SDGT, AMD, "Lashkar-e-Tayyiba", ("Jama’at-ud-Da’wa", "JuD"), ORG)]


def test_an_alias_added_as_the_new_primary_name_renames_the_party():
    notice = state("<p>The Department of State has amended the FTO and SDGT designations of al-Qa’ida in Iraq to "
                   "add the alias Islamic State of Iraq and the Levant as its primary name.</p>")
    assert [(e.program, e.action, e.name, e.aliases, e.previous_name) for e in notice.events] == [
        (p, AMD, "Islamic State of Iraq and the Levant", ("al-Qa’ida in Iraq",), "al-Qa’ida in Iraq")
        for p in (FTO, SDGT)]


def test_today_upon_publication_is_the_release_date_and_an_ideal_stays_in_the_name():
    notice = state("<p>The Secretary of State has revoked the FTO designations of Basque Fatherland and Liberty "
                   "(ETA) and Kahane Chai. The revocations take effect today upon publication in the Federal "
                   "Register.</p>")
    assert [(e.name, e.aliases, e.effective_on) for e in notice.events] == [
        ("Basque Fatherland and Liberty", ("ETA",), DAY), ("Kahane Chai", (), DAY)]


# ---------------------------------------------------------------- 12. OFAC Recent Actions pages saved as files (kind 16)


def test_a_saved_recent_actions_page_is_known_by_its_own_address():
    from flows.registry import html_readers
    from parsers.dispatch import parse_file

    html = ('<html><head><link rel="canonical" href="https://ofac.treasury.gov/recent-actions/20190709"></head>'
            '<body class="path-node page-node-type-ofac-recent-action">'
            '<h1 class="uswds-page-title">Counter Terrorism Designations</h1>'
            '<article about="/recent-actions/20190709" class="node--type-ofac-recent-action">'
            '<div class="field--name-field-release-date"><div class="field__item">07/09/2019</div></div>'
            '<div class="field--name-field-body"><p>The following individual has been added to OFAC\'s SDN '
            "List:</p><p>SHERRI, Amin, Beirut, Lebanon; DOB 1954; Gender Male (individual) [SDGT] (Linked To: "
            "HIZBALLAH).</p></div></article></body></html>").encode()
    unmarked = html.replace(b"ofac-recent-action", b"x").replace(b'<link rel="canonical" href="https://ofac.treasury.gov', b"<x")
    with pytest.raises(ParseError, match="not a /news/press-releases/<id> URL"):  # Treasury's theme alone
        parse_file("saved/ofac_page.html", unmarked, html_readers())
    for page in (html, html.replace(b'<link rel="canonical"', b"<x")):  # by its canonical host, or its node type
        assert [n.document.document_id for n in parse_file("saved/ofac_page.html", page, html_readers())] == [
            "recent-actions/20190709"]
    notice = parse_recent_actions_page("saved/ofac_page.html", html)
    assert (notice.document.document_id, [(e.action, e.name, e.effective_on) for e in notice.events]) == (
        "recent-actions/20190709", [(DES, "SHERRI, Amin", date(2019, 7, 9))])


def test_an_alias_aside_before_a_persons_description_and_a_vessel_named_in_bold():
    notice = state("<p>The Department of State has designated Muhammad Deif and Marwan Issa as Specially "
                   "Designated Global Terrorists (SDGTs).</p><p>Issa, also known as Abu al-Bara, is a deputy "
                   "commander of the Izz al-Din al-Qassam Brigades.</p>")
    assert [(e.name, e.entity_type) for e in notice.events] == [("Muhammad Deif", ORG), ("Marwan Issa", PERSON)]
    notice = treasury("<p>Today, OFAC is sanctioning one entity and identifying one vessel for shipping Iranian "
                      "commodities for the Houthis.</p><p>OFAC is designating <strong>Pioneer Shipping Co.</strong> "
                      "pursuant to E.O. 13224, and is identifying the vessel <strong>SEA BREEZE</strong> as "
                      "property in which Pioneer Shipping Co. has an interest.</p>")
    assert [(e.name, e.entity_type) for e in notice.events if e.name == "SEA BREEZE"] == [("SEA BREEZE", VESSEL)]
