"""The list at any legal date, folded from events: the seed life cycle and every kind of action."""
from __future__ import annotations

import json
from datetime import date

from parsers.model import Action, Event, Program, Source
from storage.derive import derive, designation_id
from storage.ledger import event_row
from tests.storage.events import FTO_DESIGNATED, SEED_EVENTS, document


def rows(events):
    return [event_row(e) for e in events]


def by_program(designations):
    return {d["program"]: d for d in designations}


def test_seed_before_announcement_has_only_the_sdgt():
    designations, _ = derive(rows(SEED_EVENTS), date(2025, 11, 15))
    assert [(d["program"], d["status"], d["designated_on"]) for d in designations] == [
        ("SDGT", "active", date(2025, 7, 25))]


def test_seed_fto_pending_after_announcement():
    fto = by_program(derive(rows(SEED_EVENTS), date(2025, 11, 20))[0])["FTO"]
    assert fto["status"] == "pending"
    assert fto["announced_on"] == date(2025, 11, 16)
    assert fto["scheduled_on"] == date(2025, 11, 24)
    assert fto["designated_on"] is None
    assert fto["source_documents"] == ["https://www.state.gov/releases/2025/11/cartel-de-los-soles-fto/"]


def test_seed_fto_active_from_publication():
    designations, events = derive(rows(SEED_EVENTS), date(2025, 11, 25))
    fto, sdgt = by_program(designations)["FTO"], by_program(designations)["SDGT"]
    assert (fto["status"], fto["designated_on"], fto["announced_on"]) == ("active", date(2025, 11, 24), date(2025, 11, 16))
    assert fto["aliases"] == ["Cartel of the Suns"]
    assert fto["citations"] == ["90 FR 53045"]
    assert fto["source_documents"] == ["https://www.state.gov/releases/2025/11/cartel-de-los-soles-fto/", "2025-20750"]
    assert fto["scheduled_on"] is None
    assert (sdgt["status"], sdgt["designated_on"]) == ("active", date(2025, 7, 25))
    assert fto["designation_id"] != sdgt["designation_id"]
    # the public-inspection event stays, dating when the designation was first known
    assert len(events) == 4 and set(events.values()) == {fto["designation_id"], sdgt["designation_id"]}


def test_public_inspection_alone_makes_a_pending_designation():
    from tests.storage.events import FTO_PUBLIC_INSPECTION

    fto = derive(rows([FTO_PUBLIC_INSPECTION]), date(2025, 11, 22))[0][0]
    assert (fto["status"], fto["announced_on"], fto["scheduled_on"]) == ("pending", date(2025, 11, 21), date(2025, 11, 24))


def test_rename_keeps_the_id_and_old_name_becomes_alias():
    doc1 = document(Source.FEDERAL_REGISTER, "97-1", date(1997, 10, 8))
    doc2 = document(Source.FEDERAL_REGISTER, "2018-1", date(2018, 5, 31))
    events = [
        Event(Program.FTO, Action.DESIGNATION, "al-Nusrah Front", doc1, effective_on=date(2012, 12, 11)),
        Event(Program.FTO, Action.AMENDMENT, "Hay'at Tahrir al-Sham", doc2, previous_name="al-Nusrah Front",
              aliases=("HTS",), effective_on=date(2018, 5, 31)),
    ]
    before = derive(rows(events), date(2013, 1, 1))[0][0]
    after = derive(rows(events), date(2019, 1, 1))[0][0]
    assert before["designation_id"] == after["designation_id"]
    assert (after["name"], after["aliases"], after["last_amended_on"]) == (
        "Hay'at Tahrir al-Sham", ["al-Nusrah Front", "HTS"], date(2018, 5, 31))


def test_review_then_revocation_then_redesignation():
    make = lambda action, number, day: Event(Program.FTO, action, "Example Front", document(
        Source.FEDERAL_REGISTER, number, day), effective_on=day)
    events = [make(Action.DESIGNATION, "a", date(2000, 1, 1)), make(Action.REVIEW, "b", date(2005, 1, 1)),
              make(Action.REVOCATION, "c", date(2010, 1, 1)), make(Action.DESIGNATION, "d", date(2015, 1, 1))]
    states = {day: derive(rows(events), day)[0][0] for day in (date(2006, 1, 1), date(2011, 1, 1), date(2016, 1, 1))}
    assert [(s["status"], s["designated_on"], s["revoked_on"], s["last_reviewed_on"]) for s in states.values()] == [
        ("active", date(2000, 1, 1), None, date(2005, 1, 1)),
        ("revoked", date(2000, 1, 1), date(2010, 1, 1), date(2005, 1, 1)),
        ("active", date(2015, 1, 1), None, date(2005, 1, 1)),
    ]


def test_alias_match_is_accent_and_case_blind():
    doc = document(Source.FEDERAL_REGISTER, "x", date(2025, 1, 1))
    events = [Event(Program.FTO, Action.DESIGNATION, "Cártel de los Soles", doc, effective_on=date(2025, 1, 1)),
              Event(Program.FTO, Action.REVIEW, "the CARTEL DE LOS SOLES", doc, effective_on=date(2025, 2, 1))]
    designations, _ = derive(rows(events), date(2025, 3, 1))
    assert len(designations) == 1 and designations[0]["last_reviewed_on"] == date(2025, 2, 1)


def test_same_document_twice_is_one_event():
    assert FTO_DESIGNATED.event_id == Event(**{**FTO_DESIGNATED.__dict__}).event_id


def test_ofac_entries_sharing_an_alias_stay_two_designations():
    doc = document(Source.OFAC, "sdn-list/2021-07-07", date(2021, 7, 7))
    saeed = Event(Program.SDGT, Action.DESIGNATION, "SAEED, Muhammad", doc, aliases=("SAEED, Hafiz",),
                  entity_type="individual", effective_on=date(2021, 7, 7), details=(("ent_num", "10689"),))
    khan = Event(Program.SDGT, Action.DESIGNATION, "KHAN, Hafiz Saeed", doc, aliases=("SAEED, Hafiz",),
                 entity_type="individual", effective_on=date(2021, 7, 7), details=(("ent_num", "18619"),))
    renamed = Event(Program.SDGT, Action.AMENDMENT, "KHAN, Hafiz Saeed Ahmad", doc, previous_name="KHAN, Hafiz Saeed",
                    effective_on=date(2021, 8, 1), details=(("ent_num", "18619"),))
    designations, assigned = derive(rows([saeed, khan, renamed]), date(2021, 9, 1))
    assert sorted(d["name"] for d in designations) == ["KHAN, Hafiz Saeed Ahmad", "SAEED, Muhammad"]
    assert assigned[khan.event_id] == assigned[renamed.event_id] != assigned[saeed.event_id]


# ---- a designation whose designating notice was not read (issue 7, part 3)

AUM_DOC = document(Source.FEDERAL_REGISTER, "2019-01234", date(2019, 1, 24), "84 FR 456")


def fto_row(name, status, **values):
    """The exact designations row of an FTO known from one document, with the values that differ from empty."""
    row = {"designation_id": designation_id("FTO", name), "program": "FTO", "name": name, "aliases": [],
           "entity_type": "organization", "status": status, "announced_on": None, "scheduled_on": None,
           "designated_on": None, "first_listed_on": None, "revoked_on": None, "last_amended_on": None, "last_reviewed_on": None,
           "source_documents": [], "citations": [], "details": None}
    return {**row, **values}


NOT_READ_FLAG = '{"designating_notice": ["not read"]}'


def test_review_only_is_active_with_no_designation_date_and_the_flag():
    review = Event(Program.FTO, Action.REVIEW, "Aum Shinrikyo", AUM_DOC, effective_on=date(2019, 1, 24))
    assert derive(rows([review]), date(2019, 2, 1))[0] == [fto_row(
        "Aum Shinrikyo", "active", last_reviewed_on=date(2019, 1, 24), source_documents=["2019-01234"],
        citations=["84 FR 456"], details=NOT_READ_FLAG)]


def test_amendment_only_is_active_with_the_flag():
    amendment = Event(Program.FTO, Action.AMENDMENT, "Aum Shinrikyo", AUM_DOC, aliases=("Aleph",),
                      effective_on=date(2019, 1, 24))
    assert derive(rows([amendment]), date(2019, 2, 1))[0] == [fto_row(
        "Aum Shinrikyo", "active", aliases=["Aleph"], last_amended_on=date(2019, 1, 24),
        source_documents=["2019-01234"], citations=["84 FR 456"], details=NOT_READ_FLAG)]


def test_revocation_only_is_revoked_with_the_flag():
    revocation = Event(Program.FTO, Action.REVOCATION, "Aum Shinrikyo", AUM_DOC, effective_on=date(2022, 5, 20))
    assert derive(rows([revocation]), date(2022, 6, 1))[0] == [fto_row(
        "Aum Shinrikyo", "revoked", revoked_on=date(2022, 5, 20), source_documents=["2019-01234"],
        citations=["84 FR 456"], details=NOT_READ_FLAG)]


def test_a_revocation_known_before_it_takes_effect_leaves_the_designation_active():
    revocation = Event(Program.FTO, Action.REVOCATION, "Aum Shinrikyo", AUM_DOC, effective_on=date(2019, 2, 15))
    assert derive(rows([revocation]), date(2019, 2, 1))[0] == [fto_row("Aum Shinrikyo", "active",
                                                                         details=NOT_READ_FLAG)]


def test_review_only_before_and_after_it_was_published():
    review = Event(Program.FTO, Action.REVIEW, "Aum Shinrikyo", AUM_DOC, effective_on=date(2019, 1, 24))
    assert derive(rows([review]), date(2019, 1, 23))[0] == []
    assert [(d["status"], d["designated_on"], d["details"]) for d in derive(rows([review]), date(2030, 1, 1))[0]] == [
        ("active", None, NOT_READ_FLAG)]


def test_announcement_only_is_pending_without_the_flag():
    from tests.storage.events import FTO_ANNOUNCED

    assert derive(rows([FTO_ANNOUNCED]), date(2025, 11, 20))[0] == [fto_row(
        "Cartel de los Soles", "pending", announced_on=date(2025, 11, 16), scheduled_on=date(2025, 11, 24),
        source_documents=["https://www.state.gov/releases/2025/11/cartel-de-los-soles-fto/"])]


def test_public_inspection_designation_is_pending_until_its_publication_date():
    from tests.storage.events import FTO_PUBLIC_INSPECTION

    before = derive(rows([FTO_PUBLIC_INSPECTION]), date(2025, 11, 23))[0]
    on_the_day = derive(rows([FTO_PUBLIC_INSPECTION]), date(2025, 11, 24))[0]
    assert before == [fto_row("Cartel de los Soles", "pending", announced_on=date(2025, 11, 21),
                              scheduled_on=date(2025, 11, 24), source_documents=["2025-20750"])]
    assert on_the_day == [fto_row("Cartel de los Soles", "active", announced_on=date(2025, 11, 21),
                                  designated_on=date(2025, 11, 24), source_documents=["2025-20750"])]
    assert derive(rows([FTO_PUBLIC_INSPECTION]), date(2025, 11, 20))[0] == []


def test_designating_notice_read_later_clears_the_flag():
    review = Event(Program.FTO, Action.REVIEW, "Aum Shinrikyo", AUM_DOC, effective_on=date(2019, 1, 24))
    designation = Event(Program.FTO, Action.DESIGNATION, "Aum Shinrikyo",
                        document(Source.FEDERAL_REGISTER, "97-26817", date(1997, 10, 8), "62 FR 52650"),
                        effective_on=date(1997, 10, 8))
    fto = derive(rows([review, designation]), date(2019, 2, 1))[0][0]
    assert (fto["status"], fto["designated_on"], fto["details"]) == ("active", date(1997, 10, 8), None)


def _fto(number: int, name: str, action: str, day: date) -> dict:
    """A bare FTO ledger row for the two-year-term cases."""
    return dict(event_id=f"lapse-{number}", program="FTO", action=action, name=name, aliases=[],
                entity_type="organization", effective_on=day, published_on=day, announced_on=None,
                source="federal_register", document_id=f"9{number}-1", citation=None, url="u", stage="published",
                details=None, previous_name=None)


def test_a_pre_2004_designation_a_redesignation_round_left_out_lapses_on_its_anniversary():
    # the 1997 list (62 FR 52650), the 1999, 2001 and 2003 rounds: the Khmer Rouge was dropped in 1999,
    # the Japanese Red Army in 2001; Hamas renewed each time; a 2002 designation outlived the two-year rule
    events = [_fto(1, "Khmer Rouge", "designation", date(1997, 10, 8)), _fto(2, "Hamas", "designation", date(1997, 10, 8)),
              _fto(3, "Hamas", "review", date(1999, 10, 8)), _fto(4, "Hamas", "review", date(2001, 10, 5)),
              _fto(5, "Hamas", "review", date(2003, 10, 2)),
              _fto(6, "Japanese Red Army", "designation", date(1997, 10, 8)),
              _fto(7, "Japanese Red Army", "review", date(1999, 10, 8)),
              _fto(8, "Al-Aqsa Martyrs Brigade", "designation", date(2002, 3, 27))]
    rows = {r["name"]: r for r in derive(events, date(2026, 1, 1))[0]}
    assert {n: (r["status"], r["revoked_on"]) for n, r in rows.items()} == {
        "Al-Aqsa Martyrs Brigade": ("active", None), "Hamas": ("active", None),
        "Japanese Red Army": ("revoked", date(2001, 10, 8)), "Khmer Rouge": ("revoked", date(1999, 10, 8))}
    assert json.loads(rows["Khmer Rouge"]["details"]) == {"lapsed": ["two-year term not renewed (before 17 December 2004)"]}
    assert {r["name"]: r["status"] for r in derive(events, date(1999, 1, 1))[0]}["Khmer Rouge"] == "active"


def test_no_lapse_is_inferred_without_a_redesignation_round_or_against_a_later_revocation():
    alone = [_fto(1, "Khmer Rouge", "designation", date(1997, 10, 8))]
    assert [r["status"] for r in derive(alone, date(2026, 1, 1))[0]] == ["active"]
    revoked = [*alone, _fto(2, "Hamas", "designation", date(1997, 10, 8)), _fto(3, "Hamas", "review", date(1999, 10, 8)),
               _fto(4, "Khmer Rouge", "revocation", date(2005, 1, 1))]
    row = next(r for r in derive(revoked, date(2026, 1, 1))[0] if r["name"] == "Khmer Rouge")
    assert (row["revoked_on"], row["details"]) == (date(2005, 1, 1), None)
