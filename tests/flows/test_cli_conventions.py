"""Command-line conventions: errors in words, usage exit 2, described options, global options anywhere, formats."""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import stat
from importlib.metadata import version

import duckdb
import pytest

from flows.cli import build_parser, main
from flows.commands_ingest import progress_lines
from tests.conftest import REPO
from tests.flows.fr_fixtures import FR_FIXTURES
from tests.flows.test_cli import built, cli  # noqa: F401 - the two-version data directory

CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception|NotFound)\b")


@pytest.mark.parametrize("args,message", [
    (["show", "--version", "99"], "designations: no version '99' under "),
    (["history", "Nobody At All"], "designations: no designation named or numbered 'Nobody At All' in v000002"),
    (["parse", str(FR_FIXTURES)], f"designations: Is a directory: {FR_FIXTURES}"),
])
def test_errors_read_as_sentences_without_class_names(capsys, built, args, message):  # noqa: F811
    code, out, err = cli(capsys, built, *args)
    assert code == 1 and out == "" and err.startswith(message)
    assert len(err.splitlines()) == 1 and not CLASS_NAME.search(err), err


def test_a_reversed_backfill_range_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["backfill", "--since", "2020-01-01", "--until", "2019-01-01"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "designations: error: --since 2020-01-01 is after --until 2019-01-01"


def test_version_prints_the_installed_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"designations {version('designations')}\n"


def test_every_option_of_every_command_is_described():
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    undescribed = [(name, action.dest) for name, sub in [("", parser), *commands.choices.items()]
                   for action in sub._actions if not action.help]
    assert undescribed == []


def test_data_dir_is_accepted_after_the_command(capsys, built):  # noqa: F811
    assert main(["snapshots", "--format", "jsonl", "--data-dir", str(built)]) == 0
    assert [json.loads(line)["version"] for line in capsys.readouterr().out.splitlines()] == ["v000002", "v000001"]


def test_parse_json_is_one_document_and_jsonl_one_notice_a_line(capsys, built):  # noqa: F811
    daily = str(FR_FIXTURES / "fto_designation_single.json")
    _, out, _ = cli(capsys, built, "parse", daily, "--format", "json")
    [notice] = json.loads(out)
    assert notice["events"][0]["name"] == "Cartel de los Soles"
    _, out, _ = cli(capsys, built, "parse", daily, "--format", "jsonl")
    assert [json.loads(line)["events"][0]["name"] for line in out.splitlines()] == ["Cartel de los Soles"]


def test_every_file_of_the_data_directory_has_one_mode(built):  # noqa: F811
    modes = {stat.S_IMODE(p.stat().st_mode) for p in built.rglob("*") if p.is_file()}
    assert len(modes) == 1, {oct(m) for m in modes}
    assert (built / "versions" / "LATEST").stat().st_mode == (built / "versions" / "v000001" / "manifest.json").stat().st_mode


def test_progress_off_a_terminal_is_a_line_every_n_documents():
    out = io.StringIO()
    update = progress_lines("backfill", every=2, out=out)
    for done, number in enumerate(["2025-1", "2025-2", "2025-3", "2025-4", "2025-5"], 1):
        update(done, 5, number)
    assert out.getvalue().splitlines() == ["backfill: 2/5 documents (2025-2)", "backfill: 4/5 documents (2025-4)",
                                           "backfill: 5/5 documents (2025-5)"]


@pytest.mark.parametrize("table,first_column,rows", [("events", "event_id", 2), ("changes", "designation_id", 1)])
def test_export_any_table_of_a_version(capsys, built, tmp_path, table, first_column, rows):  # noqa: F811
    out = tmp_path / f"{table}.csv"
    code, _, err = cli(capsys, built, "export", "--format", "csv", "--table", table, "--out", str(out))
    exported = list(csv.DictReader(out.read_text().splitlines()))
    assert code == 0 and err == f"wrote v000002 to {out}\n"
    assert len(exported) == rows and next(iter(exported[0])) == first_column


def test_the_readme_duckdb_example_counts_each_designation_once(built):  # noqa: F811
    readme = (REPO / "README.md").read_text()
    [sql] = re.findall(r"```sql\n(-- duckdb.*?)```", readme, re.DOTALL)
    rows = duckdb.sql(sql.replace("'data/", f"'{built}/")).fetchall()
    assert [(name, str(day), cites) for name, day, cites in rows] == [("Cartel de los Soles", "2025-11-24", ["90 FR 53045"])]
