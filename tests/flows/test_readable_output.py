"""Readable output over a hand-built data directory: 80-column tables, history, diff, changes feed, search."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timezone

import pyarrow as pa
import pytest
from lxml import etree

from flows.cli import main
from parsers.model import Action, Event, Program, Source
from storage.derive import derive_tables
from storage.ledger import event_row
from storage.schema import LEDGER_EVENTS
from storage.versions import VersionStore
from tests.conftest import REPO
from tests.storage.events import document

LONG_NAME = "Harakat al-Shuhada al-Islamiyah fi Filastin wa al-Lubnan (Islamic Martyrs Movement of the Levant)"
D_2004 = document(Source.FEDERAL_REGISTER, "04-12345", date(2004, 6, 1), "69 FR 30987")
D_2017 = document(Source.FEDERAL_REGISTER, "2017-02513", date(2017, 2, 8), "82 FR 9790")
D_2021 = document(Source.FEDERAL_REGISTER, "2021-37660", date(2021, 8, 20), "86 FR 46906")
D_2025 = document(Source.FEDERAL_REGISTER, "2025-37660", date(2025, 7, 2), "90 FR 37660")
REVOKED_ONLY = document(Source.FEDERAL_REGISTER, "2025-40001", date(2025, 7, 2), "90 FR 40001")

FIRST = [
    Event(Program.FTO, Action.DESIGNATION, "Jaysh al-Shuhada", D_2004, aliases=("Army of Martyrs",),
          effective_on=date(2004, 6, 1)),
    Event(Program.FTO, Action.AMENDMENT, LONG_NAME, D_2017, aliases=("HSI", "Ḥarakat al-Šuhadāʾ"),
          previous_name="Jaysh al-Shuhada", effective_on=date(2017, 2, 8)),
    Event(Program.SDGT, Action.DESIGNATION, "Kata'ib Sayyid al-Shuhada", D_2021, effective_on=date(2021, 8, 20)),
]
SECOND = [
    Event(Program.SDGT, Action.REVOCATION, "Kata'ib Sayyid al-Shuhada", D_2025, effective_on=date(2025, 7, 2)),
    Event(Program.FTO, Action.REVOCATION, "Old Front of Nobody", REVOKED_ONLY, effective_on=date(2025, 7, 2)),
]


def publish(store, events, day):
    ledger = pa.Table.from_pylist([event_row(e) for e in events], schema=LEDGER_EVENTS)
    designations, version_events = derive_tables(ledger, day)
    return store.publish(designations, version_events, created_at=datetime(day.year, day.month, day.day, 12,
                                                                            tzinfo=timezone.utc),
                         as_of=day, sources={}, code_version="test")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("readable") / "data"
    store = VersionStore(data_dir)
    publish(store, FIRST, date(2025, 1, 10))
    publish(store, FIRST + SECOND, date(2025, 7, 3))
    return data_dir


def run(capsys, data, *args):
    code = main([*args, "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_show_fits_80_columns_with_every_citation_and_word_whole(capsys, data, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = run(capsys, data, "show")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    for citation in ("69 FR 30987", "82 FR 9790", "86 FR 46906", "90 FR 37660"):
        assert any(citation in line for line in lines), citation
    words = " ".join(line for line in lines).split()
    for word in ("Harakat", "al-Islamiyah", "(Islamic", "Levant)"):
        assert word in words
    assert lines[-1] == "3 designations"


def test_wide_prints_every_row_on_one_line(capsys, data, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = run(capsys, data, "show", "--wide").splitlines()
    assert len(lines) == 1 + 3 + 1 and any(LONG_NAME in line for line in lines)


def test_history_shows_aliases_added_previous_name_citation_and_link(capsys, data):
    out = run(capsys, data, "history", "Army of Martyrs")
    assert out.splitlines() == [
        "2004-06-01  FTO designation  Jaysh al-Shuhada",
        "    aliases added: Army of Martyrs",
        "    source: federal_register 04-12345, 69 FR 30987",
        "    https://www.federalregister.gov/d/04-12345",
        f"2017-02-08  FTO amendment  {LONG_NAME}",
        "    aliases added: HSI; Ḥarakat al-Šuhadāʾ",
        "    previously: Jaysh al-Shuhada",
        "    source: federal_register 2017-02513, 82 FR 9790",
        "    https://www.federalregister.gov/d/2017-02513",
        "2 events"]


def test_a_revocation_is_a_change_with_before_after_and_its_action(capsys, data):
    changes = [json.loads(line) for line in run(capsys, data, "diff", "1", "2", "--format", "jsonl").splitlines()]
    by_name = {c["name"]: c for c in changes}
    revoked = by_name["Kata'ib Sayyid al-Shuhada"]
    assert (revoked["change"], revoked["fields_changed"], revoked["actions"]) == (
        "changed", ["status", "revoked_on", "source_documents", "citations"], ["revocation"])
    assert (revoked["before"]["status"], revoked["after"]["status"], revoked["after"]["revoked_on"]) == (
        "active", "revoked", "2025-07-02")
    only_revoked = by_name["Old Front of Nobody"]  # never seen designated: still a revocation, not an addition
    assert (only_revoked["change"], only_revoked["actions"], only_revoked["before"], only_revoked["after"]) == (
        "changed", ["revocation"], {"status": "active", "revoked_on": None},
        {"status": "revoked", "revoked_on": "2025-07-02"})
    stored = VersionStore(data).read_table("v000002", "changes").to_pylist()
    assert {c["name"]: c["actions"] for c in stored} == {"Kata'ib Sayyid al-Shuhada": ["revocation"],
                                                         "Old Front of Nobody": ["revocation"]}


def test_diff_table_prints_before_and_after(capsys, data):
    out = run(capsys, data, "diff", "1", "2")
    assert "changed  SDGT  Kata'ib Sayyid al-Shuhada  (revocation)" in out
    assert "    status            active -> revoked\n" in out
    assert out.splitlines()[-1] == "2 changes"


def test_changes_feed_newest_first_since_and_atom(capsys, data):
    rows = [json.loads(line) for line in run(capsys, data, "changes", "--format", "jsonl").splitlines()]
    assert [(r["version"], r["actions"], r["name"]) for r in rows] == [
        ("v000002", ["revocation"], "Kata'ib Sayyid al-Shuhada"), ("v000002", ["revocation"], "Old Front of Nobody"),
        ("v000001", ["designation"], LONG_NAME), ("v000001", ["designation"], "Kata'ib Sayyid al-Shuhada")]
    assert rows[0]["citations"] == ["86 FR 46906", "90 FR 37660"]
    assert (rows[0]["before"]["status"], rows[0]["after"]["status"]) == ("active", "revoked")
    since = run(capsys, data, "changes", "--since", "2025-07-01", "--format", "jsonl").splitlines()
    assert len(since) == 2
    feed = etree.fromstring(run(capsys, data, "changes", "--format", "atom").encode())
    atom = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.xpath("a:entry/a:title/text()", namespaces=atom)[0] == "SDGT revocation: Kata'ib Sayyid al-Shuhada"
    assert feed.xpath("a:entry[1]/a:link/@href", namespaces=atom) == [
        "https://www.federalregister.gov/d/2021-37660", "https://www.federalregister.gov/d/2025-37660"]


@pytest.mark.parametrize("text,first", [
    ("harakat al shuhada", LONG_NAME),  # folded accents, case and punctuation, by an alias
    ("KATAIB SAYYID", "Kata'ib Sayyid al-Shuhada"),
    ("Kataib Sayid al Shuhadah", "Kata'ib Sayyid al-Shuhada"),  # close spelling
    ("army of martyrs", LONG_NAME),
])
def test_search_finds_by_any_name_folded_and_ranked(capsys, data, text, first):
    hits = [json.loads(line) for line in run(capsys, data, "search", text, "--format", "jsonl").splitlines()]
    assert hits[0]["name"] == first


def test_empty_results_say_so(capsys, data):
    assert run(capsys, data, "search", "zzqx") == "no matches\n"
    assert run(capsys, data, "diff", "2", "2") == "no changes\n"


def test_search_and_changes_do_not_import_prefect_or_pandas(data):
    script = ("import sys; from flows.cli import main; "
              f"main(['search', 'shuhada', '--data-dir', {str(data)!r}]); "
              f"main(['changes', '--format', 'atom', '--data-dir', {str(data)!r}]); "
              "assert 'prefect' not in sys.modules and 'pandas' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO, capture_output=True)
