"""Arrow schemas of the tables analysts read: events, designations and changes."""
from __future__ import annotations

import pyarrow as pa

STRINGS = pa.list_(pa.string())

EVENT_FIELDS = [
    ("event_id", pa.string()),
    ("program", pa.string()),
    ("action", pa.string()),
    ("name", pa.string()),
    ("aliases", STRINGS),
    ("entity_type", pa.string()),
    ("previous_name", pa.string()),
    ("effective_on", pa.date32()),
    ("published_on", pa.date32()),
    ("signed_on", pa.date32()),
    ("announced_on", pa.date32()),
    ("source", pa.string()),
    ("document_id", pa.string()),
    ("citation", pa.string()),
    ("public_notice", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("raw_sha256", pa.string()),
    ("stage", pa.string()),
    ("signer", pa.string()),
    ("details", pa.string()),
]
LEDGER_EVENTS = pa.schema(EVENT_FIELDS)
VERSION_EVENTS = pa.schema([EVENT_FIELDS[0], ("designation_id", pa.string()), *EVENT_FIELDS[1:]])

DOCUMENTS = pa.schema([
    ("document_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("published_on", pa.date32()),
    ("citation", pa.string()),
    ("raw_sha256", pa.string()),
    ("kind", pa.string()),
    ("event_count", pa.int32()),
    ("review", pa.string()),
    ("stage", pa.string()),
    ("curation", pa.string()),
    ("curation_sha256", pa.string()),
])

DESIGNATIONS = pa.schema([
    ("designation_id", pa.string()),
    ("program", pa.string()),
    ("name", pa.string()),
    ("aliases", STRINGS),
    ("entity_type", pa.string()),
    ("status", pa.string()),
    ("announced_on", pa.date32()),
    ("scheduled_on", pa.date32()),
    ("designated_on", pa.date32()),
    ("first_listed_on", pa.date32()),
    ("revoked_on", pa.date32()),
    ("last_amended_on", pa.date32()),
    ("last_reviewed_on", pa.date32()),
    ("source_documents", STRINGS),
    ("citations", STRINGS),
    ("details", pa.string()),
])

CHANGES = pa.schema([
    ("designation_id", pa.string()),
    ("program", pa.string()),
    ("name", pa.string()),
    ("change", pa.string()),
    ("fields_changed", STRINGS),
    ("before", pa.string()),  # JSON object: each changed field's value in the parent version
    ("after", pa.string()),  # JSON object: the same fields' values in this version
    ("actions", STRINGS),  # the legal actions behind the change (designation, in_force, revocation, …)
])

# Columns compared when deciding whether a designation "changed" between versions.
COMPARED_COLUMNS = [f.name for f in DESIGNATIONS if f.name not in ("designation_id", "program")]


def table_from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Build a table of exactly this schema from row dicts (missing keys become nulls)."""
    return pa.Table.from_pylist(rows, schema=schema)


def version_events_table(ledger_events: pa.Table, assigned: dict[str, str]) -> pa.Table:
    """The ledger's events that a derivation used, each with its designation_id, ordered by event_id."""
    ids = ledger_events["event_id"].to_pylist()
    used = ledger_events.filter(pa.array([i in assigned for i in ids], pa.bool_()))
    designation_ids = pa.array([assigned[i] for i in ids if i in assigned], pa.string())
    return used.add_column(1, "designation_id", designation_ids).select(VERSION_EVENTS.names).cast(VERSION_EVENTS).sort_by("event_id")
