"""Curation files read strictly (one-line errors naming the file) and applied to a notice exactly."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parsers.model import Action, Event, Notice, Program, Source
from storage.curations import (CurationError, apply_curation, read_curation_file, read_curations,
                               withdrawn_by_curations)
from storage.ledger import Ledger, event_row
from tests.storage.events import FR_2025_20750, FTO_DESIGNATED, document

GOOD = """\
document: 2025-20750
curated_by: A. Analyst
reason: The entity list sits in a table the parser does not read.
events:
  - program: FTO
    action: designation
    name: Cartel de los Soles
    aliases: [Cartel of the Suns]
    effective_on: 2025-11-24
"""


def write(tmp_path: Path, text: str, name: str = "2025-20750.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_reads_into_a_curation(tmp_path):
    curation = read_curation_file(write(tmp_path, GOOD))
    assert (curation.document_id, curation.curated_by, curation.holds_none, curation.wrong) == (
        "2025-20750", "A. Analyst", False, ())
    [event] = curation.events
    assert (event.program, event.action, event.name, event.aliases, event.effective_on, event.entity_type) == (
        Program.FTO, Action.DESIGNATION, "Cartel de los Soles", ("Cartel of the Suns",), date(2025, 11, 24),
        "organization")


def test_json_files_are_read_too(tmp_path):
    path = write(tmp_path, '{"document": "2025-03999", "curated_by": "B. Analyst", "reason": "a meeting notice",'
                           ' "holds_none": true}', "meeting.json")
    assert read_curation_file(path).holds_none is True


@pytest.mark.parametrize("text, problem", [
    ("document: [unclosed\n", "not valid YAML: expected ',' or ']', but got '<stream end>' (line 2, column 1)"),
    ("- a list\n", "expected a mapping with document, curated_by, reason and events, holds_none or wrong"),
    (GOOD.replace("curated_by: A. Analyst\n", ""), "curated_by is missing"),
    (GOOD.replace("reason: The", "reasons: The"),
     "unknown key 'reasons' (allowed: curated_by, document, events, holds_none, reason, wrong)"),
    (GOOD.replace("action: designation", "action: designate"),
     "events[0].action: 'designate' is not one of designation, amendment, review, revocation, announcement"),
    (GOOD.replace("program: FTO", "program: SDN"), "events[0].program: 'SDN' is not one of FTO, SDGT"),
    (GOOD.replace("2025-11-24", "24 November 2025"), "events[0].effective_on: '24 November 2025' is not a date (YYYY-MM-DD)"),
    (GOOD.replace("    name: Cartel de los Soles\n", ""), "events[0].name is missing"),
    (GOOD + "holds_none: true\n",
     "holds_none: true says the document holds no event; drop events and wrong, or holds_none"),
    (GOOD.split("events:")[0], "says nothing: give events, holds_none: true, or wrong"),
    (GOOD.split("events:")[0] + "wrong:\n  - program: FTO\n",
     "wrong[0]: give either event_id or name (with optional program and action)"),
    (GOOD.replace("document: 2025-20750", "document: 2025"), "document must be text (quote it), not 2025"),
    (GOOD.replace("[Cartel of the Suns]", "Cartel of the Suns"), "events[0].aliases must be a list of non-empty texts"),
])
def test_a_bad_file_fails_with_one_line_naming_it(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as caught:
        read_curations(tmp_path)
    assert str(caught.value) == f"{path}: {problem}"
    assert "\n" not in str(caught.value)


def test_two_files_for_one_document_fail_naming_both(tmp_path):
    first, second = write(tmp_path, GOOD, "a.yaml"), write(tmp_path, GOOD.replace("2025-20750", "2025-020750"), "b.yml")
    with pytest.raises(CurationError) as caught:
        read_curations(tmp_path)
    assert str(caught.value) == (f"{second}: document '2025-020750' is already curated in {first}; "
                                 "keep one file per document")


def test_other_files_and_a_missing_directory_are_no_curations(tmp_path):
    assert read_curations(tmp_path / "absent") == {}
    write(tmp_path, "notes", "README.md")
    write(tmp_path, GOOD, ".draft.yaml")
    assert read_curations(tmp_path) == {}


JUNK_DOC = document(Source.FEDERAL_REGISTER, "2019-99999", date(2019, 3, 1), "84 FR 7000")
JUNK = Event(Program.FTO, Action.DESIGNATION, "following organizations", JUNK_DOC, effective_on=date(2019, 3, 1))
REAL = Event(Program.FTO, Action.DESIGNATION, "Armed Islamic Group", JUNK_DOC, effective_on=date(2019, 3, 1))


def test_events_are_added_with_the_documents_citation_and_the_curation_marks(tmp_path):
    curation = read_curation_file(write(tmp_path, GOOD))
    review = Notice(FR_2025_20750, "parse_error", review="parse error: truncated")
    curated = apply_curation(review, curation)
    assert curated.notice.review is None and curated.dropped == ()
    assert curated.notice.notes == ("curation=A. Analyst: The entity list sits in a table the parser does not read.",
                                    f"curation_sha256={curation.sha256}")
    [event] = curated.notice.events
    assert event_row(event) == {**event_row(FTO_DESIGNATED), "signed_on": None, "signer": None,
                                "details": '[["curated_by", "A. Analyst"], ["curation_reason", '
                                           '"The entity list sits in a table the parser does not read."]]'}
    assert event.event_id == FTO_DESIGNATED.event_id  # what the parser would have said, once


def test_wrong_events_by_name_or_id_are_dropped_and_the_rest_kept(tmp_path):
    notice = Notice(JUNK_DOC, "fto_designation", (JUNK, REAL))
    by_name = read_curation_file(write(tmp_path, "document: 2019-99999\ncurated_by: C\nreason: junk\nwrong:\n"
                                                 "  - name: Following Organizations\n    program: FTO\n"))
    by_id = read_curation_file(write(tmp_path, f"document: 2019-99999\ncurated_by: C\nreason: junk\nwrong:\n"
                                               f"  - event_id: {JUNK.event_id}\n  - name: Hamas\n", "b.yaml"))
    for curation in (by_name, by_id):
        curated = apply_curation(notice, curation)
        assert (curated.notice.events, curated.dropped) == ((REAL,), (JUNK.event_id,))
    assert apply_curation(notice, by_id).unmatched == ("'Hamas'",)


def test_holds_none_drops_every_event(tmp_path):
    curation = read_curation_file(write(tmp_path, "document: 2019-99999\ncurated_by: C\nreason: none\nholds_none: true\n"))
    curated = apply_curation(Notice(JUNK_DOC, "fto_designation", (JUNK, REAL)), curation)
    assert (curated.notice.events, set(curated.dropped)) == ((), {JUNK.event_id, REAL.event_id})


def test_withdrawn_designations_are_those_whose_every_event_a_curation_rejects(tmp_path):
    curation = read_curation_file(write(tmp_path, "document: 2019-99999\ncurated_by: C\nreason: junk\nwrong:\n"
                                                  "  - name: following organizations\n"))
    rows = [{**event_row(JUNK), "designation_id": "fto-junk"}, {**event_row(REAL), "designation_id": "fto-gia"},
            {**event_row(FTO_DESIGNATED), "designation_id": "fto-cartel"}]
    assert withdrawn_by_curations(rows, {"2019-99999": curation}) == {"fto-junk"}


def test_a_ledger_plan_replaces_what_a_document_held(tmp_path):
    ledger = Ledger(tmp_path)
    ledger.merge([Notice(JUNK_DOC, "fto_designation", (JUNK, REAL)), Notice(FR_2025_20750, "fto_designation",
                                                                           (FTO_DESIGNATED,))])
    plan = ledger.plan([], replacing=[Notice(JUNK_DOC, "fto_designation", (REAL,))])
    assert (plan.result.added, plan.result.replaced, plan.result.removed) == ([], [], [JUNK.event_id])
    assert sorted(r["name"] for r in plan.events) == ["Armed Islamic Group", "Cartel de los Soles"]
    assert [r["name"] for r in ledger.read_events() if r["name"] == "following organizations"] == ["following organizations"]
    ledger.write(plan)
    assert sorted(r["name"] for r in ledger.read_events()) == ["Armed Islamic Group", "Cartel de los Soles"]
    assert [(d["document_id"], d["event_count"]) for d in ledger.read_documents()] == [("2019-99999", 1),
                                                                                         ("2025-20750", 1)]
