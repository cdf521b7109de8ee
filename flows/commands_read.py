"""Read-only commands: show, history, snapshots, diff, export, parse. No Prefect, no network."""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict

from flows.config import Settings
from flows.output import write_rows
from parsers.names import name_key
from storage.derive import derive, event_order
from storage.versions import VersionStore, diff_designations

SHOW_COLUMNS = ["program", "status", "name", "designated_on", "revoked_on", "citations", "designation_id"]
HISTORY_COLUMNS = ["effective_on", "program", "action", "name", "source", "document_id", "citation", "url"]
CHANGE_COLUMNS = ["change", "program", "name", "fields_changed", "designation_id"]
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
    write_rows(rows, args.format, SHOW_COLUMNS)
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
    write_rows(events, args.format, HISTORY_COLUMNS)
    return 0


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
    write_rows(rows, args.format, SNAPSHOT_COLUMNS)
    return 0


def cmd_diff(args, settings: Settings) -> int:
    """What changed between two versions."""
    store = VersionStore(settings.data_dir)
    old, new = (store.read_table(store.resolve(v), "designations") for v in (args.v1, args.v2))
    write_rows(diff_designations(old, new), args.format, CHANGE_COLUMNS)
    return 0


def cmd_export(args, settings: Settings) -> int:
    """Write a version's designations for people who do not read Parquet: aside, then renamed over --out."""
    import os
    import stat

    from storage.atomic import aside

    store = VersionStore(settings.data_dir)
    name = store.resolve(args.version)
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

            pq.write_table(store.read_table(name, "designations"), tmp)
        else:
            rows = store.read_table(name, "designations").to_pylist()
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                write_rows(rows, args.format, SHOW_COLUMNS, handle)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    print(f"wrote {name} to {out}", file=sys.stderr)
    return 0


def cmd_parse(args, settings: Settings) -> int:
    """Parse one local file and print the events it holds."""
    from parsers.dispatch import parse_file

    notices = parse_file(args.file.name, args.file.read_bytes())
    if args.format == "json":
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
