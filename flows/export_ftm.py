"""FollowTheMoney entities and OpenSanctions' simple CSV from one version (followthemoney imported lazily)."""
from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from datetime import date, datetime
from typing import IO, Iterable, Iterator

from storage.versions import VersionStore

FORMATS = ("ftm", "simple-csv")
ID_PREFIX = "us-designations-"
DATASET_TITLE = "US FTO and SDGT designations (Federal Register)"

# The columns of OpenSanctions' targets.simple.csv (zavod/exporters/simplecsv.py, SimpleCSVExporter.HEADERS).
SIMPLE_CSV_COLUMNS = ["id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
                      "sanctions", "phones", "emails", "program_ids", "dataset", "first_seen", "last_seen",
                      "last_change"]

SCHEMA_BY_ENTITY_TYPE = {"organization": "Organization", "individual": "Person", "vessel": "Vessel",
                         "aircraft": "Airplane"}
PROGRAM_NAMES = {
    "FTO": "Foreign Terrorist Organization (INA section 219, 8 U.S.C. 1189)",
    "SDGT": "Specially Designated Global Terrorist (Executive Order 13224)",
}
STATE = "US Department of State"
TREASURY = "US Department of the Treasury, Office of Foreign Assets Control"

# Keys of `details` (parsers/sdn.py, parsers/fr_text.py) and the FtM property each fills, where the schema has it.
DETAIL_PROPERTIES = {
    "weak_alias": "weakAlias", "dob": "birthDate", "pob": "birthPlace", "nationality": "nationality",
    "citizen": "citizenship", "gender": "gender", "passport": "passportNumber", "national_id": "idNumber",
    "identification_number": "idNumber", "personal_id_card": "idNumber", "cedula": "idNumber",
    "tax_id": "taxNumber", "registration_number": "registrationNumber", "registration_id": "registrationNumber",
    "commercial_registry_number": "registrationNumber", "company_number": "registrationNumber",
    "website": "website", "email": "email", "phone": "phone", "swift_bic": "swiftBic",
    "organization_established_date": "incorporationDate", "address": "address", "mmsi": "mmsi",
    "vess_flag": "flag", "call_sign": "callSign", "vess_type": "type", "aircraft_model": "model",
    "aircraft_msn": "serialNumber", "aircraft_tail_number": "registrationNumber", "vessel_registration": "imoNumber",
}
NUMBER_DETAILS = {"passport", "national_id", "identification_number", "personal_id_card", "cedula", "tax_id",
                  "registration_number", "registration_id", "commercial_registry_number", "company_number",
                  "vessel_registration"}
DATE_DETAILS = {"dob", "organization_established_date"}
# OFAC prints dates as "01 Jan 1970", "Jan 1970" or "1970"; "circa" and ranges are left out (not one date).
_DATE_FORMATS = [(re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}$"), "%d %b %Y"), (re.compile(r"^[A-Z][a-z]{2} \d{4}$"), "%b %Y")]


class InvalidEntity(ValueError):
    """An entity that followthemoney's model would not load as written."""


def entity_id(designation_id: str) -> str:
    """The FtM id of a designation's target: stable because designation ids are."""
    return ID_PREFIX + designation_id


def sanction_id(designation_id: str) -> str:
    """The FtM id of a designation's Sanction entity."""
    return entity_id(designation_id) + "-sanction"


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _detail_date(value: str) -> str | None:
    """An ISO date (or prefix) from OFAC's printed forms, None when it is not one date."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    for pattern, fmt in _DATE_FORMATS:
        if pattern.match(value):
            parsed = datetime.strptime(value, fmt).date().isoformat()
            return parsed if fmt == "%d %b %Y" else parsed[:7]
    return None


def _detail_values(key: str, values: list[str]) -> list[str]:
    """Values as the FtM type wants them: OFAC's dates in ISO, numbers without "(India) expires …", URLs with a scheme."""
    if key in DATE_DETAILS:
        return [d for d in (_detail_date(v) for v in values) if d]
    if key in NUMBER_DETAILS:
        # OFAC: "Z2423134 (India) expires 11 Dec 2023"; FtM writes IMO numbers as "IMO9226968" itself
        return [re.split(r" \(| expires | issued ", v)[0].strip() for v in values]
    if key == "website":
        return [v if "://" in v else "http://" + v for v in values]
    return values


def _authorities(program: str, events: list[dict]) -> list[str]:
    """Who designated: State for FTOs; for SDGTs State or Treasury/OFAC, by the designating documents."""
    if program == "FTO":
        return [STATE]
    found = set()
    for event in events:
        if event["action"] not in ("designation", "announcement"):
            continue
        if event["source"] == "state":
            found.add(STATE)
        elif event["source"] in ("treasury", "ofac"):
            found.add(TREASURY)
        elif event["source"] == "federal_register":
            title = event.get("title") or ""
            found.add(TREASURY if "OFAC" in title or "Foreign Assets Control" in title else STATE)
    return sorted(found) or [TREASURY]


def _details(designation: dict) -> dict[str, list[str]]:
    return json.loads(designation["details"]) if designation.get("details") else {}


def designation_entities(designation: dict, events: list[dict]):
    """The target entity and its Sanction entity for one designation row and its events."""
    from followthemoney import model

    schema = model.get(SCHEMA_BY_ENTITY_TYPE.get(designation["entity_type"] or "", "LegalEntity"))
    target = model.make_entity(schema)
    target.id = entity_id(designation["designation_id"])
    target.add("name", designation["name"])
    target.add("alias", [a for a in designation["aliases"] or [] if a != designation["name"]])
    target.add("programId", designation["program"])
    if designation["status"] == "active":
        target.add("topics", ["sanction", "crime.terror"])
    for key, values in _details(designation).items():
        key = key.removeprefix("alt_")  # OFAC's alternative values of the same fact
        prop = DETAIL_PROPERTIES.get(key)
        if prop is None or prop not in schema.properties:
            continue
        target.add(prop, _detail_values(key, values), quiet=True)  # values the type cannot clean (a city as a country) are dropped

    sanction = model.make_entity("Sanction")
    sanction.id = sanction_id(designation["designation_id"])
    sanction.add("entity", target.id)
    sanction.add("country", "us")
    sanction.add("authority", _authorities(designation["program"], events))
    sanction.add("program", PROGRAM_NAMES[designation["program"]])
    sanction.add("programId", designation["program"])
    sanction.add("recordId", designation["designation_id"])
    sanction.add("status", designation["status"])
    sanction.add("startDate", _iso(designation["designated_on"]))
    sanction.add("endDate", _iso(designation["revoked_on"]))
    listed = [e["published_on"] for e in events if e["action"] == "designation" and e["published_on"]]
    if listed:
        sanction.add("listingDate", _iso(min(listed)))
    sanction.add("authorityId", _details(designation).get("ent_num", []))
    sanction.add("sourceUrl", sorted({e["url"] for e in events if e.get("url")}))
    if designation["citations"]:
        sanction.add("summary", "Federal Register: " + ", ".join(designation["citations"]))
    return target, sanction


def check_entity(data: dict) -> None:
    """Raise InvalidEntity unless followthemoney loads `data` unchanged: known schema and properties, valid values."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    schema = model.get(data.get("schema") or "")
    if schema is None:
        raise InvalidEntity(f"{data.get('id')}: unknown schema {data.get('schema')!r}")
    unknown = sorted(set(data["properties"]) - set(schema.properties))
    missing = sorted(p for p in schema.required if not data["properties"].get(p))
    if unknown or missing:
        raise InvalidEntity(f"{data['id']}: unknown properties {unknown}, missing {missing}")
    try:
        schema.validate(data)
    except InvalidData as error:
        raise InvalidEntity(f"{data['id']}: {error.errors}") from None
    if model.get_proxy(data, cleaned=False).to_dict() != data:
        raise InvalidEntity(f"{data['id']}: values change when followthemoney cleans them")


def _version_rows(store: VersionStore, name: str) -> Iterator[tuple[dict, list[dict]]]:
    events_by_designation: dict[str, list[dict]] = defaultdict(list)
    for event in store.read_table(name, "events").to_pylist():
        events_by_designation[event["designation_id"]].append(event)
    for designation in store.read_table(name, "designations").to_pylist():
        yield designation, events_by_designation[designation["designation_id"]]


def ftm_lines(store: VersionStore, name: str) -> Iterator[str]:
    """One JSON line per entity: each target, then its Sanction; every one checked against the model."""
    for designation, events in _version_rows(store, name):
        for proxy in designation_entities(designation, events):
            data = proxy.to_dict()
            check_entity(data)
            yield json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def _joined(values: Iterable[str]) -> str:
    """Several values in one cell the way targets.simple.csv writes them: sorted, ';'-separated, CSV-quoted."""
    out = io.StringIO()
    csv.writer(out, dialect=csv.unix_dialect, delimiter=";", lineterminator="", quoting=csv.QUOTE_MINIMAL).writerow(sorted(values))
    return out.getvalue()


def _sanction_text(sanction) -> str:
    return " - ".join(v for prop in ("program", "status", "startDate", "endDate") for v in sanction.get(prop))


def simple_csv_row(target, sanction, events: list[dict], last_seen: str | None) -> list[str]:
    """One targets.simple.csv row for a designation's entities."""
    from followthemoney.types import registry

    program_ids = set(target.get("programId"))
    names = set(target.get_type_values(registry.name)) - {target.caption}
    seen = sorted(_iso(e["published_on"] or e["effective_on"]) for e in events if e["published_on"] or e["effective_on"])
    return [
        target.id, target.schema.name, target.caption, _joined(names),
        _joined(target.get("birthDate", quiet=True)), _joined(target.get_type_values(registry.country)),
        _joined(target.get("address", quiet=True)),
        _joined(set(target.get_type_values(registry.identifier)) - program_ids),
        _joined([_sanction_text(sanction)]), _joined(target.get_type_values(registry.phone)),
        _joined(target.get_type_values(registry.email)), _joined(program_ids), DATASET_TITLE,
        seen[0] if seen else "", last_seen or "", seen[-1] if seen else "",
    ]


def simple_csv_lines(store: VersionStore, name: str) -> Iterator[str]:
    """targets.simple.csv's header, then one row per designation."""
    last_seen = store.read_manifest(name).get("as_of")
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=csv.unix_dialect)
    writer.writerow(SIMPLE_CSV_COLUMNS)
    for designation, events in _version_rows(store, name):
        writer.writerow(simple_csv_row(*designation_entities(designation, events), events, last_seen))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def write_export(store: VersionStore, name: str, fmt: str, out: IO[str]) -> int:
    """Write version `name` as `fmt` (ftm or simple-csv) to an open text file; the number of lines written."""
    lines = ftm_lines(store, name) if fmt == "ftm" else simple_csv_lines(store, name)
    count = 0
    for line in lines:
        out.write(line)
        count += line.count("\n")
    return count
