"""The `designations` command line over a real data directory built through the FR mirror."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime, timezone

import duckdb
import pytest

from flows.cli import main
from flows.pipeline import run_nightly
from tests.conftest import REPO, mirror_settings
from tests.flows.fr_fixtures import FR_FIXTURES, cartel_de_los_soles, cartel_on_public_inspection
from tests.mirror.fr_api import FRMirror


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two versions: Cartel de los Soles pending (public inspection), then in force."""
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    with FRMirror() as fr:
        settings = mirror_settings(data_dir, fr=fr)
        fr.public_inspection = [cartel_on_public_inspection()]
        run_nightly(settings, now=datetime(2025, 11, 21, 12, tzinfo=timezone.utc))
        fr.public_inspection = []
        fr.add(cartel_de_los_soles())
        run_nightly(settings, now=datetime(2025, 11, 24, 12, tzinfo=timezone.utc))
    return data_dir


def cli(capsys, data_dir, *args) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_latest_as_jsonl(capsys, built):
    code, out, _ = cli(capsys, built, "show", "--format", "jsonl")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert (row["name"], row["status"], row["designated_on"], row["aliases"], row["citations"]) == (
        "Cartel de los Soles", "active", "2025-11-24", ["Cartel of the Suns"], ["90 FR 53045"])


def test_show_as_of_a_date_before_publication(capsys, built):
    code, out, _ = cli(capsys, built, "show", "--as-of", "2025-11-22", "--format", "csv")
    [row] = list(csv.DictReader(out.splitlines()))
    assert (row["status"], row["announced_on"], row["scheduled_on"], row["designated_on"]) == (
        "pending", "2025-11-21", "2025-11-24", "")
    code, out, _ = cli(capsys, built, "show", "--as-of", "2025-11-20")
    assert out.splitlines() == ["no designations"]


def test_show_filters_and_table(capsys, built):
    _, out, _ = cli(capsys, built, "show", "--program", "FTO", "--status", "active", "--wide")
    assert out.splitlines()[1].split()[:5] == ["FTO", "active", "Cartel", "de", "los"]
    assert out.splitlines()[2:] == ["1 designation"]
    _, out, _ = cli(capsys, built, "show", "--program", "SDGT")
    assert out.splitlines() == ["no designations"]


def test_history_by_alias(capsys, built):
    code, out, _ = cli(capsys, built, "history", "cartel of the suns", "--format", "jsonl")
    events = [json.loads(line) for line in out.splitlines()]
    assert [(e["action"], e["stage"], e["citation"]) for e in events] == [
        ("designation", "public_inspection", None), ("designation", "published", "90 FR 53045")]
    assert events[1]["url"].startswith("https://www.federalregister.gov/documents/2025/11/24/2025-20750/")


def test_snapshots_and_diff(capsys, built):
    _, out, _ = cli(capsys, built, "snapshots", "--format", "jsonl")
    assert [json.loads(line)["version"] for line in out.splitlines()] == ["v000002", "v000001"]
    _, out, _ = cli(capsys, built, "diff", "1", "latest", "--format", "jsonl")
    [change] = [json.loads(line) for line in out.splitlines()]
    assert (change["change"], change["fields_changed"]) == (
        "changed", ["aliases", "status", "scheduled_on", "designated_on", "citations"])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export(capsys, built, tmp_path, fmt):
    out = tmp_path / f"list.{fmt}"
    code, _, err = cli(capsys, built, "export", "--format", fmt, "--out", str(out), "--version", "v000001")
    assert code == 0 and "wrote v000001" in err
    if fmt == "parquet":
        assert duckdb.sql(f"SELECT name, status FROM '{out}'").fetchall() == [("Cartel de los Soles", "pending")]
    else:
        assert "Cartel de los Soles" in out.read_text()


def test_duckdb_reads_every_version(built):
    rows = duckdb.sql(f"SELECT count(*) FROM '{built}/versions/v*/designations.parquet'").fetchall()
    assert rows == [(2,)]


def test_parse_prints_events(capsys, built):
    code, out, _ = cli(capsys, built, "parse", str(FR_FIXTURES / "fto_designation_single.xml"))
    assert code == 0
    assert out.splitlines()[1] == "  FTO designation Cartel de los Soles (aliases: Cartel of the Suns) effective -"
    code, out, _ = cli(capsys, built, "parse", str(FR_FIXTURES / "fto_designation_single.json"), "--format", "json")
    assert json.loads(out)[0]["events"][0]["name"] == "Cartel de los Soles"


def test_parse_reads_an_ofac_recent_actions_page_by_its_canonical_host(capsys, built):
    # OFAC's pages share Treasury's theme (uswds-page-title): only the canonical URL's host tells them apart.
    page = REPO / "tests" / "fixtures" / "ofac_recent_actions" / "counter_terrorism_designations.html"
    code, out, _ = cli(capsys, built, "parse", str(page))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "recent-actions/20190910 [ofac_sanctions_action] Counter Terrorism Designations"
    assert lines[1].startswith("  SDGT designation WALI, Noor (aliases: WALI MEHSUD, Mufti Noor;")
    assert lines[1].endswith(" effective 2019-09-10")


@pytest.mark.parametrize("args,message", [
    (["show", "--version", "99"], "no version '99'"),
    (["parse", "/nonexistent.xml"], "No such file"),
    (["announce", "--url", "https://example.com/x"], "only http and https URLs of www.federalregister.gov"),
    (["announce", "--url", "file:///etc/passwd"], "refusing 'file:///etc/passwd'"),
    (["announce", "--document", "not a number"], "is not a Federal Register document number"),
])
def test_errors_are_one_line_and_non_zero(capsys, built, args, message):
    code, out, err = cli(capsys, built, *args)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_show_before_any_version_fails_clearly(capsys, tmp_path):
    code, _, err = cli(capsys, tmp_path / "empty", "show")
    assert code == 1 and "no version published yet" in err


def test_read_only_commands_do_not_import_prefect(built):
    script = ("import sys; from flows.cli import main; "
              f"main(['--data-dir', {str(built)!r}, 'show', '--as-of', '2025-11-22']); "
              f"main(['--data-dir', {str(built)!r}, 'history', 'Cartel de los Soles']); "
              f"main(['--data-dir', {str(built)!r}, 'diff', '1', '2']); "
              "assert 'prefect' not in sys.modules and 'pandas' not in sys.modules, 'prefect imported'")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO, capture_output=True)


def test_parse_a_whole_daily_issue(capsys, built):
    from tests.conftest import REPO

    issue = REPO.parent / "shared" / "reference" / "federal-register" / "daily-issue-2016-04-15.xml"
    if not issue.exists():
        pytest.skip("shared reference files are not beside the repository")
    code, out, _ = cli(capsys, built, "parse", str(issue))
    assert code == 0
    assert out.splitlines()[-1] == "146 documents, 0 events: 144 not_relevant, 1 unrecognised, 1 presidential_document"
