"""The Prefect layer: deployments in prefect.yaml, and the flows run for real on a test server."""
from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from tests.conftest import REPO
from tests.flows.fr_fixtures import cartel_de_los_soles
from tests.mirror.fr_api import FRMirror


def test_prefect_yaml_deployments_point_at_the_flows():
    from prefect.flows import load_flow_from_entrypoint

    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    deployments = {d["name"]: d for d in config["deployments"]}
    assert sorted(deployments) == ["announcement", "backfill", "nightly", "public-inspection"]
    assert deployments["nightly"]["schedules"] == [{"cron": "0 2 * * *", "timezone": "America/New_York"}]
    for name, deployment in deployments.items():
        assert load_flow_from_entrypoint(str(REPO / deployment["entrypoint"])).name == name
        assert deployment["concurrency_limit"]["limit"] == 1
        assert deployment["work_pool"] == {"name": "designations"}  # the process pool, through the YAML anchor
    assert config["definitions"]["work_pools"]["docker"]["job_variables"]["image"] == "designations:latest"
    [pull] = config["definitions"]["docker_pull"]
    workdir = pull["prefect.deployments.steps.set_working_directory"]["directory"]
    assert f"WORKDIR {workdir}\n" in (REPO / "Dockerfile").read_text()  # the image holds the code where the pull step looks


def test_public_inspection_runs_every_15_minutes_on_business_days_8_to_19_new_york():
    from prefect.server.schemas.schedules import CronSchedule  # the server's, which computes the run dates

    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    [deployment] = [d for d in config["deployments"] if d["name"] == "public-inspection"]
    schedules = [CronSchedule(**s) for s in deployment["schedules"]]
    start = datetime(2025, 11, 21, 0, 0, tzinfo=ZoneInfo("America/New_York"))  # a Friday, then the weekend

    async def dates():
        return [d for s in schedules for d in await s.get_dates(200, start=start)]

    def runs():
        return sorted(set(asyncio.run(dates())))

    friday = [d for d in runs() if d.astimezone(ZoneInfo("America/New_York")).date() == date(2025, 11, 21)]
    local = [d.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") for d in friday]
    assert (len(local), local[0], local[1], local[-2], local[-1]) == (45, "08:00", "08:15", "18:45", "19:00")
    later = [d for d in runs() if d.astimezone(ZoneInfo("America/New_York")).date() > date(2025, 11, 21)]
    assert later[0].astimezone(ZoneInfo("America/New_York")).strftime("%a %H:%M") == "Mon 08:00"


def test_the_announcement_trigger_is_a_well_formed_event_trigger():
    from prefect.events.schemas.deployment_triggers import DeploymentTriggerTypes
    from pydantic import TypeAdapter

    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    [deployment] = [d for d in config["deployments"] if d["name"] == "announcement"]
    [trigger] = [TypeAdapter(DeploymentTriggerTypes).validate_python(t) for t in deployment["triggers"]]
    assert trigger.expect == {"designations.announced"}
    assert trigger.match.root == {"prefect.resource.id": "designations.document.*"}
    # Checked on a local server: an absent key must render as '' (an undefined value fails the automation).
    assert trigger.parameters == {"document_number": "{{ event.payload.document_number | default('') }}",
                                  "url": "{{ event.payload.url | default('') }}"}


@pytest.fixture(scope="module")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


def test_flows_publish_and_leave_a_markdown_artifact(prefect_server, tmp_path, monkeypatch):
    from prefect.client.orchestration import get_client

    from flows.cli import main
    from flows.prefect_flows import announcement, nightly, public_inspection

    with FRMirror([cartel_de_los_soles()]) as fr:
        for name, value in {"DESIGNATIONS_DATA_DIR": str(tmp_path / "data"), "DESIGNATIONS_FR_API": fr.api_base,
                            "DESIGNATIONS_FR_API_RPS": "1000", "DESIGNATIONS_FR_FULLTEXT_RPS": "1000",
                            "DESIGNATIONS_HTTP_BACKOFF": "0.01", "DESIGNATIONS_FIRST_RUN_DAYS": "100000",
                            "DESIGNATIONS_SOURCES": "federal_register,public_inspection"}.items():
            monkeypatch.setenv(name, value)
        first = nightly()
        fr.requests.reset()
        desk = public_inspection()
        desk_requests = [(r.path, r.status) for r in fr.requests.matching("/")]
        second = announcement(document_number="2025-20750")
        elsewhere = tmp_path / "elsewhere"
        assert main(["--data-dir", str(elsewhere), "backfill", "--prefect", "--since", "2025-11-01"]) == 0
    assert first.published.name == "v000001" and first.degraded == []
    assert desk_requests == [("/api/v1/public-inspection-documents/current.json", 304)]
    assert desk.published is None and list(desk.sources) == ["public_inspection"]
    assert second.published is None and second.events_added == 0
    assert (elsewhere / "versions" / "LATEST").read_text().strip() == "v000001"

    async def artifacts():
        async with get_client() as client:
            return await client.read_artifacts()

    markdown = {a.key: a.data for a in asyncio.run(artifacts())}
    assert "Published **v000001**" in markdown["designations-nightly"]
    assert "[90 FR 53045](https://www.federalregister.gov/documents/2025/11/24/2025-20750/" in markdown["designations-nightly"]
    assert "No new version (nothing changed)." in markdown["designations-announcement"]
    assert "designations-backfill" in markdown
    assert "No new version (nothing changed)." in markdown["designations-public-inspection"]


def test_a_degraded_nightly_ends_in_a_state_named_degraded(prefect_server, tmp_path, monkeypatch):
    from flows.prefect_flows import nightly

    with FRMirror([cartel_de_los_soles()]) as fr:
        for name, value in {"DESIGNATIONS_DATA_DIR": str(tmp_path / "data"), "DESIGNATIONS_FR_API": fr.api_base,
                            "DESIGNATIONS_FR_API_RPS": "1000", "DESIGNATIONS_FR_FULLTEXT_RPS": "1000",
                            "DESIGNATIONS_FIRST_RUN_DAYS": "100000", "DESIGNATIONS_STATE_BASE": "http://127.0.0.1:9",
                            "DESIGNATIONS_SOURCES": "federal_register,state"}.items():
            monkeypatch.setenv(name, value)
        state = nightly(return_state=True)
    report = state.result()
    assert (state.type.value, state.name, state.message) == ("COMPLETED", "Degraded", "degraded sources: state")
    assert report.published.name == "v000001"
    assert "**Degraded**: state did not answer in full." in report.markdown()
