"""The feed of legal changes across versions: rows for tables and JSON lines, and an Atom feed (feedgen)."""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import IO

from parsers.names import name_key
from storage.versions import VersionStore

FEED_ID = "urn:designations:changes"
FEED_ENTRIES = 500  # a feed carries the newest changes; the whole history is `changes --format jsonl`


def legal_changes(store: VersionStore, since: date | None = None) -> list[dict]:
    """Every change with a legal action behind it, newest version first, with citations and links."""
    rows: list[dict] = []
    for name in reversed(store.names()):
        manifest = store.read_manifest(name)
        created = datetime.fromisoformat(manifest["created_at"])
        if since and created.date() < since:
            break
        changes = store.read_table(name, "changes")
        if "actions" not in changes.column_names or not changes.num_rows:
            continue  # versions written before changes carried their actions
        changes = sorted((c for c in changes.to_pylist() if c["actions"]), key=lambda c: name_key(c["name"]))
        if not changes:
            continue
        cited = {d["designation_id"]: d for d in store.read_table(
            name, "designations", columns=["designation_id", "citations", "source_documents"]).to_pylist()}
        for change in changes:
            sources = cited.get(change["designation_id"], {})
            rows.append({"version": name, "created": created.date().isoformat(), "created_at": manifest["created_at"],
                         "actions": change["actions"], "change": change["change"], "program": change["program"],
                         "name": change["name"], "fields_changed": change["fields_changed"],
                         "before": json.loads(change["before"]), "after": json.loads(change["after"]),
                         "citations": sources.get("citations") or [],
                         "source_documents": sources.get("source_documents") or [],
                         "designation_id": change["designation_id"]})
    return rows


def document_link(source: str) -> str:
    """A source document as a link: FR document numbers become federalregister.gov/d/ URLs."""
    return source if "://" in source else f"https://www.federalregister.gov/d/{source}"


def write_atom(rows: list[dict], out: IO[str]) -> None:
    """An Atom feed an analyst can subscribe to: one entry per legal change, the newest FEED_ENTRIES first."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(FEED_ID)
    feed.title("FTO and SDGT designations: legal changes")
    feed.author({"name": "designations"})
    feed.link(href="https://www.federalregister.gov/", rel="related")
    feed.updated(rows[0]["created_at"] if rows else "1970-01-01T00:00:00+00:00")
    for row in reversed(rows[:FEED_ENTRIES]):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        entry.id(f"{FEED_ID}:{row['version']}:{row['designation_id']}")
        entry.title(f"{row['program']} {', '.join(row['actions'])}: {row['name']}")
        entry.updated(row["created_at"])
        for n, source in enumerate(row["source_documents"]):
            entry.link(href=document_link(source), rel="alternate" if n == 0 else "related")
        entry.content(f"{row['change']} in {row['version']}; fields: {', '.join(row['fields_changed'])}; "
                      f"citations: {'; '.join(row['citations']) or 'none'}")
    out.write(feed.atom_str(pretty=True).decode("utf-8"))
