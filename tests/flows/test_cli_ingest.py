"""`designations run/backfill` as a user runs them: configuration from the environment, summary, exit codes."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from flows.cli import main
from flows.pipeline import run_nightly
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, fixture_document
from tests.mirror.fr_api import FRMirror


@pytest.fixture
def fr_env(monkeypatch, data_dir):
    with FRMirror([cartel_de_los_soles()]) as fr:
        for name, value in {"DESIGNATIONS_DATA_DIR": str(data_dir), "DESIGNATIONS_FR_API": fr.api_base,
                            "DESIGNATIONS_FR_API_RPS": "1000", "DESIGNATIONS_FR_FULLTEXT_RPS": "1000",
                            "DESIGNATIONS_HTTP_BACKOFF": "0.01",
                            "DESIGNATIONS_SOURCES": "federal_register,public_inspection"}.items():
            monkeypatch.setenv(name, value)
        yield fr


def test_backfill_prints_a_summary_and_publishes(capsys, fr_env, data_dir):
    assert main(["backfill", "--since", "2025-11-01", "--until", "2025-11-30"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "backfill: 1 documents parsed, 1 events added, 0 updated"
    assert "published v000001: 1 added" in out
    assert VersionStore(data_dir).latest_name() == "v000001"


def test_backfill_rejects_a_reversed_range(capsys, fr_env):
    with pytest.raises(SystemExit) as exit_:
        main(["backfill", "--since", "2025-11-30", "--until", "2025-11-01"])
    assert exit_.value.code == 2 and "is after --until" in capsys.readouterr().err


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["backfill", "--since", "last tuesday"])
    assert exit_.value.code == 2 and "is not a date" in capsys.readouterr().err


def test_degraded_run_exits_zero_and_names_the_source(capsys, fr_env):
    fr_env.faults.add("public-inspection", "status", times=None, status=500)
    assert main(["run", "--since", "2025-11-01"]) == 0
    out, err = capsys.readouterr()
    assert "source public_inspection: degraded" in out
    assert err.splitlines() == ["run: polling federal_register", "run: polling public_inspection",
                                "designations: degraded sources: public_inspection"]


def test_bad_configuration_is_one_line(capsys, monkeypatch):
    monkeypatch.setenv("DESIGNATIONS_FR_API_RPS", "fast")
    assert main(["run"]) == 1
    assert capsys.readouterr().err.strip() == (
        "designations: DESIGNATIONS_FR_API_RPS='fast': could not convert string to float: 'fast'")


def test_two_runs_at_once_lose_no_update(data_dir):
    first, second = cartel_de_los_soles(), fixture_document("fto_designation_multi_entity")
    now = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
    with FRMirror([first]) as fr_a, FRMirror([second]) as fr_b:
        runs = [threading.Thread(target=run_nightly, args=(mirror_settings(data_dir, fr=fr),),
                                 kwargs={"since": datetime(2025, 1, 1).date(), "now": now}) for fr in (fr_a, fr_b)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(60)
    store = VersionStore(data_dir)
    names = {r["name"] for r in store.read_table(store.latest_name(), "designations").to_pylist()}
    assert "Cartel de los Soles" in names and len(names) > 2
    assert len(store.names()) == 2


def test_an_object_store_other_than_s3_is_refused_clearly(capsys, monkeypatch):
    monkeypatch.setenv("DESIGNATIONS_DATA_DIR", "gs://bucket/designations")
    assert main(["show"]) == 1
    assert "only s3://bucket/prefix object-store URLs are supported" in capsys.readouterr().err


def test_unknown_source_is_refused_before_any_request(capsys, fr_env, monkeypatch):
    monkeypatch.setenv("DESIGNATIONS_SOURCES", "federal_register,treasurey")
    assert main(["run"]) == 1
    assert "DESIGNATIONS_SOURCES: unknown treasurey" in capsys.readouterr().err
    assert fr_env.requests.count() == 0
