"""`designations run --only public_inspection`: one conditional request, a filed designation pending at once."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from flows.cli import main
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.mirror.fr_api import FRMirror, public_inspection_entry

PI_PATH = "/api/v1/public-inspection-documents/current.json"


@pytest.fixture
def fr(monkeypatch):
    with FRMirror() as mirror:
        for name, value in {"DESIGNATIONS_FR_API": mirror.api_base, "DESIGNATIONS_FR_API_RPS": "1000",
                            "DESIGNATIONS_HTTP_BACKOFF": "0.01", "DESIGNATIONS_HTTP_RETRIES": "1"}.items():
            monkeypatch.setenv(name, value)
        yield mirror


def filed_today() -> dict:
    """Cartel de los Soles as filed on the desk today, to be published tomorrow (the poll runs on today's clock)."""
    document = cartel_de_los_soles()
    tomorrow = date.today() + timedelta(days=1)
    document = replace(document, meta={**document.meta, "publication_date": tomorrow.isoformat()})
    return public_inspection_entry(document, datetime.now(timezone.utc).isoformat(timespec="seconds"))


def poll(data_dir) -> int:
    return main(["--data-dir", str(data_dir), "run", "--only", "public_inspection"])


def show(data_dir, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "show", "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_filing_is_pending_after_the_first_poll_and_an_unchanged_desk_costs_one_request(fr, data_dir, capsys):
    fr.public_inspection = [filed_today()]
    assert poll(data_dir) == 0
    assert [r.path for r in fr.requests.matching("/")] == [PI_PATH]
    [row] = show(data_dir, capsys)
    assert (row["program"], row["name"], row["status"], row["announced_on"], row["scheduled_on"], row["designated_on"]) == (
        "FTO", "Cartel de los Soles", "pending", date.today().isoformat(),
        (date.today() + timedelta(days=1)).isoformat(), None)

    fr.requests.reset()
    assert poll(data_dir) == 0
    assert [(r.path, r.status) for r in fr.requests.matching("/")] == [(PI_PATH, 304)]
    assert (data_dir / "versions" / "LATEST").read_text().strip() == "v000001"
    assert sorted(p.name for p in (data_dir / "versions").iterdir() if p.name.startswith("v")) == ["v000001"]


def test_only_the_desk_is_asked_even_on_a_first_run(fr, data_dir):
    assert poll(data_dir) == 0
    assert [(r.path, r.status) for r in fr.requests.matching("/")] == [(PI_PATH, 200)]
    fr.requests.reset()
    assert poll(data_dir) == 0
    assert [(r.path, r.status) for r in fr.requests.matching("/")] == [(PI_PATH, 304)]


def test_only_names_a_known_source(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "run", "--only", "public_inspektion"]) == 1
    assert "DESIGNATIONS_SOURCES: unknown public_inspektion" in capsys.readouterr().err
