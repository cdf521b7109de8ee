"""Read-only commands: show, history, snapshots, diff, export, parse. No Prefect, no network."""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict

from flows.config import Settings
from flows.output import terminal_width, wrap, write_rows
from parsers.names import name_key
from storage.derive import derive, event_order
from storage.versions import VersionStore, diff_designations

SHOW_COLUMNS = ["program", "status", "name", "designated_on", "revoked_on", "citations", "designation_id"]
HISTORY_COLUMNS = ["effective_on", "program", "action", "name", "source", "document_id", "citation", "url",
                   "curated_by"]
CHANGE_COLUMNS = ["change", "program", "name", "fields_changed", "designation_id"]
DIFF_COLUMNS = ["change", "actions", "program", "name", "field", "before", "after"]
SEARCH_COLUMNS = ["score", "program", "status", "name", "matched", "designation_id"]
FEED_COLUMNS = ["version", "created", "actions", "program", "name", "citations"]
EXPORT_COLUMNS = {"designations": SHOW_COLUMNS, "events": HISTORY_COLUMNS, "changes": CHANGE_COLUMNS}
SNAPSHOT_COLUMNS = ["version", "created_at", "designations", "events", "changes", "path"]


def _designations(store: VersionStore, version: str | None, as_of) -> list[dict]:
    name = store.resolve(version)
    if as_of is None:
        return store.read_table(name, "designations").to_pylist()
    rows, _ = derive(store.read_table(name, "events").to_pylist(), as_of)
    return rows


def cmd_show(args, settings: Settings) -> int:
    """The list at a version, or as it stood in law on a date."""
    rows = _designations(VersionStore(settings.data_dir), args.version, args.as_of)
    rows = [r for r in rows if (not args.program or r["program"] == args.program)
            and (not args.status or r["status"] == args.status)]
    write_rows(rows, args.format, SHOW_COLUMNS, wide=args.wide, noun="designation")
    return 0


def cmd_history(args, settings: Settings) -> int:
    """Every event of the designation(s) matching a name, alias or id."""
    store = VersionStore(settings.data_dir)
    version = store.resolve(args.version)
    wanted = args.name_or_id
    ids = {r["designation_id"] for r in store.read_table(version, "designations").to_pylist()
           if r["designation_id"] == wanted
           or name_key(wanted) in {name_key(n) for n in [r["name"], *r["aliases"]]}}
    if not ids:
        raise LookupError(f"no designation named or numbered {wanted!r} in {version}")
    events = [e for e in store.read_table(version, "events").to_pylist() if e["designation_id"] in ids]
    events.sort(key=event_order)
    if args.format == "jsonl":
        write_rows(events, args.format, HISTORY_COLUMNS)
    else:
        write_history(events, sys.stdout)
    return 0


def write_history(events: list[dict], out) -> None:
    """One block per event: date, action, name, the aliases it added, the previous name, citation and link whole."""
    seen: dict[str, set[str]] = {}
    for event in events:
        known = seen.setdefault(event["designation_id"], set())
        added = [a for a in [event["name"], *(event["aliases"] or [])] if name_key(a) not in known]
        known.update(name_key(a) for a in [event["name"], *(event["aliases"] or [])])
        day = event["effective_on"] or event["published_on"]
        out.write(f"{day.isoformat() if day else 'undated'}  {event['program']} {event['action']}  {event['name']}\n")
        aliases = [a for a in added if a != event["name"]]
        if aliases:
            out.write(f"    aliases added: {'; '.join(aliases)}\n")
        if event.get("previous_name"):
            out.write(f"    previously: {event['previous_name']}\n")
        stage = " (public inspection)" if event.get("stage") == "public_inspection" else ""
        out.write(f"    source: {event['source']} {event['document_id']}{stage}"
                  + (f", {event['citation']}" if event.get("citation") else "") + "\n")
        if event.get("url"):
            out.write(f"    {event['url']}\n")  # whole, so it can be opened
        if _curated_by(event):
            out.write(f"    curated by: {_curated_by(event)}\n")
    out.write(f"{len(events)} event{'' if len(events) == 1 else 's'}\n")


def _curated_by(event: dict) -> str | None:
    """Who recorded an event by hand (a curation), if anyone."""
    pairs = json.loads(event["details"]) if event.get("details") else []
    return next((value for label, value in pairs if label == "curated_by"), None)


def cmd_snapshots(args, settings: Settings) -> int:
    """The versions, newest first, with counts and paths."""
    store = VersionStore(settings.data_dir)
    rows = []
    for name in reversed(store.names()):
        manifest = store.read_manifest(name)
        rows.append({"version": name, "created_at": manifest["created_at"],
                     "designations": manifest["row_counts"]["designations"],
                     "events": manifest["row_counts"]["events"],
                     "changes": ", ".join(f"{v} {k}" for k, v in sorted(manifest["changes"].items())),
                     "path": str(store.path(name))})
    write_rows(rows, args.format, SNAPSHOT_COLUMNS, wide=args.wide, noun="version")
    return 0


def cmd_diff(args, settings: Settings) -> int:
    """What changed between two versions."""
    store = VersionStore(settings.data_dir)
    old, new = (store.read_table(store.resolve(v), "designations") for v in (args.v1, args.v2))
    changes = diff_designations(old, new)
    if args.format == "jsonl":
        for change in changes:
            change["before"], change["after"] = json.loads(change["before"]), json.loads(change["after"])
        write_rows(changes, args.format, CHANGE_COLUMNS)
        return 0
    write_diff(changes, sys.stdout, None if args.wide else terminal_width())
    return 0


def write_diff(changes: list[dict], out, width: int | None) -> None:
    """One block per change: what and why (the legal actions), then each field as before -> after."""
    for change in changes:
        before, after = json.loads(change["before"]), json.loads(change["after"])
        actions = f"  ({', '.join(change['actions'])})" if change["actions"] else ""
        out.write(f"{change['change']}  {change['program']}  {change['name']}{actions}  [{change['designation_id']}]\n")
        label = max([len(f) for f in change["fields_changed"]], default=0)
        for field in change["fields_changed"]:
            text = f"{_value(before.get(field))} -> {_value(after.get(field))}"
            indent = 4 + label + 2
            lines = wrap(text, width - indent) if width and width - indent >= 20 else [text]
            out.write(f"    {field.ljust(label)}  {lines[0]}\n")
            out.writelines(f"{' ' * indent}{line}\n" for line in lines[1:])
    out.write(f"{len(changes)} change{'' if len(changes) == 1 else 's'}\n" if changes else "no changes\n")


def _value(value) -> str:
    if value is None or value == []:
        return "(none)"
    return "; ".join(value) if isinstance(value, list) else str(value)


# ---- search and changes (issue 10)
def cmd_search(args, settings: Settings) -> int:
    """Designations whose name or an alias matches the text, folded, closest first."""
    from flows.search import search

    store = VersionStore(settings.data_dir)
    table = store.read_table(store.resolve(args.version), "designations",
                             columns=["designation_id", "program", "status", "name", "aliases"])
    hits = search(table.to_pylist(), args.text, args.limit)
    write_rows(hits, args.format, SEARCH_COLUMNS, wide=args.wide, noun="match")
    return 0


def cmd_changes(args, settings: Settings) -> int:
    """What changed in law across versions, newest first, with citations."""
    from flows.feed import legal_changes, write_atom

    rows = legal_changes(VersionStore(settings.data_dir), args.since)
    if args.format == "atom":
        write_atom(rows, sys.stdout)
    else:
        write_rows(rows, args.format, FEED_COLUMNS, wide=args.wide, noun="change")
    return 0
# ---- end search and changes


def cmd_export(args, settings: Settings) -> int:
    """Write one table of a version (designations by default): aside, then renamed over --out."""
    import os
    import stat

    from storage.atomic import aside

    store = VersionStore(settings.data_dir)
    name = store.resolve(args.version)
    table = getattr(args, "table", "designations")
    out = args.out
    try:
        mode = os.stat(out).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise ValueError(f"--out {out} is {kind}, not a file: give a file path")
    tmp = aside(out)
    try:
        if args.format == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(store.read_table(name, table), tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                if args.format in ("ftm", "simple-csv"):
                    from flows.export_ftm import write_export  # imports followthemoney: only on this path

                    write_export(store, name, args.format, handle)
                else:
                    write_rows(store.read_table(name, table).to_pylist(), args.format, EXPORT_COLUMNS[table], handle)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    print(f"wrote {name} to {out}", file=sys.stderr)
    return 0


def cmd_parse(args, settings: Settings) -> int:
    """Parse one local file and print the events it holds."""
    from flows.registry import html_readers
    from parsers.dispatch import parse_file

    notices = parse_file(args.file.name, args.file.read_bytes(), html_readers())
    if args.format == "json":
        print(json.dumps([asdict(n) for n in notices], default=str, ensure_ascii=False, indent=2))
        return 0
    if args.format == "jsonl":
        for notice in notices:
            print(json.dumps(asdict(notice), default=str, ensure_ascii=False))
        return 0
    for notice in notices:
        if notice.kind == "not_relevant" and len(notices) > 1:
            continue
        doc = notice.document
        print(f"{doc.document_id} [{notice.kind}] {doc.title}" + (f" — review: {notice.review}" if notice.review else ""))
        for e in notice.events:
            aliases = f" (aliases: {'; '.join(e.aliases)})" if e.aliases else ""
            print(f"  {e.program} {e.action} {e.name}{aliases} effective {e.effective_on or '-'}")
    if len(notices) > 1:
        kinds = Counter(n.kind for n in notices)
        print(f"{len(notices)} documents, {sum(len(n.events) for n in notices)} events: "
              + ", ".join(f"{count} {kind}" for kind, count in kinds.most_common()))
    return 0
