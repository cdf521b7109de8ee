"""Dates that mean something: an entry known only from OFAC's list files has no designation date."""
from __future__ import annotations

from datetime import date

from parsers.model import Action, Event, Program, Source
from storage.derive import derive
from storage.ledger import event_row
from tests.storage.events import document

VINTAGE_2019 = document(Source.OFAC, "sdn-list/2019-01-15", date(2019, 1, 15))
VINTAGE_2021 = document(Source.OFAC, "sdn-list/2021-07-07", date(2021, 7, 7))
HURRAS = {"entity_type": "organization", "details": (("ent_num", "24935"),)}


def listed(doc, day):
    return Event(Program.SDGT, Action.DESIGNATION, "HURRAS AL-DIN", doc, effective_on=day, **HURRAS)


def test_a_list_only_entry_is_active_with_first_listed_on_and_no_designated_on():
    [row], _ = derive([event_row(listed(VINTAGE_2019, date(2019, 1, 15)))], date(2019, 2, 1))
    assert (row["status"], row["designated_on"], row["first_listed_on"]) == ("active", None, date(2019, 1, 15))


def test_a_later_vintage_keeps_the_first_listing_date():
    events = [event_row(listed(VINTAGE_2019, date(2019, 1, 15))), event_row(listed(VINTAGE_2021, date(2021, 7, 7)))]
    [row], _ = derive(events, date(2021, 8, 1))
    assert (row["designated_on"], row["first_listed_on"]) == (None, date(2019, 1, 15))


def test_an_ofac_action_dates_a_listed_entry():
    action = document(Source.OFAC, "recent-actions/20190910", date(2019, 9, 10))
    events = [event_row(listed(VINTAGE_2019, date(2019, 1, 15))),
              event_row(Event(Program.SDGT, Action.DESIGNATION, "HURRAS AL-DIN", action,
                              effective_on=date(2019, 9, 10), **HURRAS))]
    [row], _ = derive(events, date(2019, 10, 1))
    assert (row["status"], row["designated_on"], row["first_listed_on"]) == ("active", date(2019, 9, 10),
                                                                             date(2019, 1, 15))
