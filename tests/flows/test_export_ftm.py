"""`export --format ftm|simple-csv`: every line loads into followthemoney's model; ids stable across versions."""
from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest
from followthemoney import model

from flows.cli import main
from parsers.dispatch import parse_file
from parsers.model import Notice
from storage.derive import derive_tables
from storage.ledger import Ledger
from storage.versions import VersionStore
from tests.conftest import FIXTURES
from tests.storage.events import FR_2025_20750, FTO_DESIGNATED, SB0207, SDGT_SB0207

FIRST = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
SECOND = datetime(2025, 11, 26, 12, tzinfo=timezone.utc)


def _ofac(name: str) -> list[Notice]:
    path = FIXTURES / "ofac" / name
    return parse_file(path.name, path.read_bytes())


def _publish(data_dir, notices, now):
    Ledger(data_dir).merge(notices)
    designations, events = derive_tables(Ledger(data_dir).read_events_table(), now.date())
    VersionStore(data_dir).publish(designations, events, created_at=now, as_of=now.date(), sources={}, code_version="test")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    """v1: Cartel de los Soles (FTO, SDGT) and OFAC's 2019 designation of an individual, an entity and a vessel;
    v2 adds OFAC's removal of three SDGT entries and the JUNDALLAH -> JAYSH AL-ADL update."""
    data_dir = tmp_path_factory.mktemp("ftm") / "data"
    _publish(data_dir, [Notice(SB0207, "treasury_designation", (SDGT_SB0207,)),
                        Notice(FR_2025_20750, "fto_designation", (FTO_DESIGNATED,)),
                        *_ofac("sdgt_designation_individual_entity_vessel.xml")], FIRST)
    _publish(data_dir, _ofac("sdgt_removal.xml") + _ofac("update_renamed_fto_sdgt.xml"), SECOND)
    return data_dir


def export(data_dir, tmp_path, fmt: str, version: str) -> str:
    out = tmp_path / f"{version}.{fmt}"
    assert main(["--data-dir", str(data_dir), "export", "--format", fmt, "--out", str(out), "--version", version]) == 0
    return out.read_text(encoding="utf-8")


def entities(text: str) -> dict[str, dict]:
    return {data["id"]: data for data in map(json.loads, text.splitlines())}


def invalid_properties(data: dict) -> list[str]:
    """Properties followthemoney's model does not know, or whose values it would not keep as written."""
    schema = model.get(data["schema"])
    proxy = model.get_proxy(data, cleaned=False)  # re-cleans every value as for untrusted input
    reloaded = proxy.to_dict()["properties"]
    return sorted(name for name, values in data["properties"].items()
                  if name not in schema.properties or sorted(reloaded.get(name, [])) != sorted(values))


def test_every_line_loads_into_the_model_with_no_invalid_property(two_versions, tmp_path):
    lines = export(two_versions, tmp_path, "ftm", "2").splitlines()
    loaded = [json.loads(line) for line in lines]
    designations = VersionStore(two_versions).read_table("v000002", "designations").to_pylist()
    assert len(lines) == 2 * len(designations) == 2 * 10
    assert sum(len(invalid_properties(data)) for data in loaded) == 0
    for data in loaded:
        model.get(data["schema"]).validate(data)  # raises on an invalid value or a missing required property
    targets = {d["id"] for d in loaded if d["schema"] != "Sanction"}
    assert {d["properties"]["entity"][0] for d in loaded if d["schema"] == "Sanction"} == targets
    assert sorted({d["schema"] for d in loaded}) == ["Organization", "Person", "Sanction", "Vessel"]


def test_an_ofac_individual_with_its_identifiers_and_sanction(two_versions, tmp_path):
    found = entities(export(two_versions, tmp_path, "ftm", "1"))
    [person] = [d for d in found.values() if d["schema"] == "Person"]
    sanction = found[person["id"] + "-sanction"]
    assert person["properties"]["name"] == ["MEHDI, Alizaheer Mohammad"]
    assert (person["properties"]["birthDate"], person["properties"]["nationality"], person["properties"]["gender"]) == (
        ["1973-05-14"], ["in"], ["male"])
    assert sorted(person["properties"]["passportNumber"]) == ["Z2423134", "Z3079423"]
    assert person["properties"]["topics"] == ["sanction", "crime.terror"]
    props = sanction["properties"]
    assert (props["authority"], props["programId"], props["startDate"], props["status"], props["sourceUrl"]) == (
        ["US Department of the Treasury, Office of Foreign Assets Control"], ["SDGT"], ["2019-09-04"], ["active"],
        ["https://www.federalregister.gov/d/2019-99101"])
    assert "listingDate" not in props  # a local file: no publication date known
    [vessel] = [d for d in found.values() if d["schema"] == "Vessel"]
    assert (vessel["properties"]["name"], vessel["properties"]["imoNumber"]) == (["SARAK"], ["IMO9226968"])


def test_the_fto_designation_of_cartel_de_los_soles(two_versions, tmp_path):
    found = entities(export(two_versions, tmp_path, "ftm", "1"))
    [fto] = [d for d in found.values() if d["schema"] == "Sanction" and d["properties"]["programId"] == ["FTO"]]
    target = found[fto["properties"]["entity"][0]]
    assert (target["schema"], target["properties"]["name"], target["properties"]["alias"]) == (
        "Organization", ["Cartel de los Soles"], ["Cartel of the Suns"])
    props = fto["properties"]
    assert (props["authority"], props["startDate"], props["listingDate"], props["sourceUrl"], props["summary"]) == (
        ["US Department of State"], ["2025-11-24"], ["2025-11-24"], ["https://www.federalregister.gov/d/2025-20750"],
        ["Federal Register: 90 FR 53045"])
    assert "endDate" not in props


def test_a_revoked_designation_ends_and_loses_its_topics(two_versions, tmp_path):
    found = entities(export(two_versions, tmp_path, "ftm", "2"))
    [bank] = [d for d in found.values() if d["properties"].get("name") == ["AL-BARAKAAT BANK OF SOMALIA"]]
    sanction = found[bank["id"] + "-sanction"]
    assert (sanction["properties"]["status"], sanction["properties"]["endDate"]) == (["revoked"], ["2019-12-12"])
    assert "topics" not in bank["properties"]


def test_ids_are_equal_across_two_versions(two_versions, tmp_path):
    first, second = (entities(export(two_versions, tmp_path, "ftm", v)) for v in ("1", "2"))
    assert len(first) == 10 and len(second) == 20
    assert set(first) <= set(second)
    assert {i: d["schema"] for i, d in first.items()} == {i: second[i]["schema"] for i in first}
    store = VersionStore(two_versions)
    ids = {r["designation_id"] for r in store.read_table("v000001", "designations").to_pylist()}
    assert {i for i, d in first.items() if d["schema"] != "Sanction"} == {f"us-designations-{i}" for i in ids}


def test_simple_csv_has_targets_simple_columns_and_one_row_per_designation(two_versions, tmp_path):
    text = export(two_versions, tmp_path, "simple-csv", "1")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
                       "sanctions", "phones", "emails", "program_ids", "dataset", "first_seen", "last_seen",
                       "last_change"]
    by_name = {row[2]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(rows) == 1 + 5
    person = by_name["MEHDI, Alizaheer Mohammad"]
    assert (person["schema"], person["birth_date"], person["countries"], person["identifiers"], person["program_ids"]) == (
        "Person", "1973-05-14", "in", "Z2423134;Z3079423", "SDGT")
    assert person["sanctions"] == "Specially Designated Global Terrorist (Executive Order 13224) - active - 2019-09-04"
    assert (person["first_seen"], person["last_seen"], person["last_change"]) == ("2019-09-04", "2025-11-25", "2019-09-04")  # effective date: no publication date
    ftm_ids = {d["id"] for d in entities(export(two_versions, tmp_path, "ftm", "1")).values() if d["schema"] != "Sanction"}
    assert {row[0] for row in rows[1:]} == ftm_ids
