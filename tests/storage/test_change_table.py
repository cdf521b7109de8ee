"""The column-wise rows of designations new to the list say exactly what the row-by-row builder says."""
from __future__ import annotations

from datetime import date

import pyarrow as pa
from hypothesis import given, settings, strategies as st

from storage.schema import DESIGNATIONS
from storage.versions import _added, added_table, diff_designations

BASE = {"designation_id": "fto-0001", "program": "FTO", "name": "Cartel de los Soles", "aliases": ["Cartel of the Suns"],
        "entity_type": "organization", "status": "active", "announced_on": date(2025, 11, 16), "scheduled_on": None,
        "designated_on": date(2025, 11, 24), "first_listed_on": None, "revoked_on": None, "last_amended_on": None,
        "last_reviewed_on": None, "source_documents": ["2025-20750"], "citations": ["90 FR 53045"], "details": None}


def table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=DESIGNATIONS)


def test_names_with_quotes_backslashes_control_characters_and_other_scripts_are_json_escaped():
    rows = [BASE,
            {**BASE, "designation_id": "sdgt-0002", "program": "SDGT", "name": 'Ahmad "the Engineer" al-Tayyib',
             "aliases": ['a\\b', "tab\there", "حزب الله", ""], "status": "pending", "designated_on": None,
             "details": "line one\nline two\x01"},
            {**BASE, "designation_id": "fto-0003", "name": "Lashkar-e-Tayyiba", "aliases": [], "entity_type": "",
             "status": "revoked", "revoked_on": date(2024, 1, 2), "last_reviewed_on": date(2019, 3, 4)}]
    assert added_table(table(rows)).to_pylist() == [_added(row) for row in rows]
    assert added_table(table(rows)).to_pylist()[1]["after"].startswith(
        '{"aliases": ["a\\\\b", "tab\\there", "حزب الله", ""], "announced_on": "2025-11-16", '
        '"citations": ["90 FR 53045"], "details": "line one\\nline two\\u0001", ')


def test_a_designation_known_only_from_its_revocation_stays_a_change_of_status():
    revoked = {**BASE, "status": "revoked", "designated_on": None, "revoked_on": date(2021, 2, 16)}
    [change] = diff_designations(table([]), table([revoked]))
    assert (change["change"], change["fields_changed"], change["actions"]) == (
        "changed", ["status", "revoked_on"], ["revocation"])


TEXT = st.one_of(st.none(), st.text(max_size=8))
DAY = st.one_of(st.none(), st.dates(date(1997, 1, 1), date(2030, 12, 31)))
TEXTS = st.one_of(st.none(), st.lists(st.text(max_size=5), max_size=3))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "name": st.text(min_size=1, max_size=10), "aliases": TEXTS, "entity_type": TEXT,
    "status": st.sampled_from(["active", "pending", "revoked", None]), "announced_on": DAY, "scheduled_on": DAY,
    "designated_on": DAY, "first_listed_on": DAY, "revoked_on": DAY, "last_amended_on": DAY, "last_reviewed_on": DAY,
    "source_documents": TEXTS, "citations": TEXTS, "details": TEXT}), min_size=1, max_size=6))
def test_any_new_rows_come_out_as_the_row_builder_makes_them(drawn):
    rows = [{"designation_id": f"id-{n:03d}", "program": "SDGT", **row} for n, row in enumerate(drawn)]
    plain = [row for row in rows if not (row["status"] == "revoked" and row["designated_on"] is None
                                         and row["first_listed_on"] is None)]
    assert added_table(table(plain)).to_pylist() == [_added(row) for row in plain]
    assert diff_designations(table([]), table(rows)) == [_added(row) for row in rows]
