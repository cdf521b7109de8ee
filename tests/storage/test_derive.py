"""The list at any legal date, folded from events: the seed life cycle and every kind of action."""
from __future__ import annotations

from datetime import date

from parsers.model import Action, Event, Program, Source
from storage.derive import derive
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
