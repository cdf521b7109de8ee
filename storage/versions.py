"""Published versions: immutable directories, complete or absent, LATEST replaced last."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import struct
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from storage.atomic import sweep_stale_temporaries, write_bytes_atomic, write_if_unchanged
from storage.schema import CHANGES, COMPARED_COLUMNS, DESIGNATIONS, table_from_rows
from storage.store import Conflict, ObjectPath, data_path, parquet_bytes, read_parquet

VERSION_NAME = re.compile(r"^v(\d{6})$")
log = logging.getLogger("designations.versions")


class VersionNotFound(LookupError):
    """A version name that does not exist in this data directory."""


@dataclass(frozen=True)
class Published:
    """A version that a publish wrote."""

    name: str
    path: Path
    manifest: dict[str, Any]
    changes: list[dict]


def content_hash(*tables: pa.Table) -> str:
    """Hash of what a version says, recomputable from its files: content_hash(pq.read_table(d), pq.read_table(e)).

    Each table goes through Parquet and back in memory (so that a table and the same table read from its file
    have one layout), then into one Arrow IPC stream; sha256 over the streams in order.
    """
    digest = hashlib.sha256()
    for table in tables:
        digest.update(_ipc_bytes(_through_parquet(table)))
    return digest.hexdigest()


def legacy_content_hash(*tables: pa.Table) -> str:
    """The hash manifests carried before it was recomputable (in-memory layout): still matched, never written."""
    digest = hashlib.sha256()
    for table in tables:
        digest.update(_ipc_bytes(table))
    return digest.hexdigest()


def _through_parquet(table: pa.Table) -> pa.Table:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="none")
    return pq.read_table(pa.BufferReader(sink.getvalue())).replace_schema_metadata(None)


def _ipc_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table.combine_chunks())
    return sink.getvalue().to_pybytes()


# Built from raw buffers: pyarrow imports pandas whenever it converts a Python value, and read-only
# commands (diff) must stay fast.
_SEPARATOR = pa.StringArray.from_buffers(1, pa.py_buffer(struct.pack("<ii", 0, 1)), pa.py_buffer(b"\x1f"))[0]


def _comparable(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Lists joined into one string so that columns compare element-wise."""
    return pc.binary_join(column, _SEPARATOR) if pa.types.is_list(column.type) else column


def _differs(old: pa.ChunkedArray, new: pa.ChunkedArray) -> pa.ChunkedArray:
    old, new = _comparable(old), _comparable(new)
    both_null = pc.and_(pc.is_null(old), pc.is_null(new))
    return pc.invert(pc.coalesce(pc.or_kleene(pc.equal(old, new), both_null), both_null))


def diff_designations(parent: pa.Table, current: pa.Table) -> list[dict]:
    """Rows added, removed or changed between two lists, by designation_id, ordered by id, with before/after."""
    old, new = parent.sort_by("designation_id"), current.sort_by("designation_id")
    in_old = pc.is_in(new["designation_id"], value_set=old["designation_id"].combine_chunks())
    in_new = pc.is_in(old["designation_id"], value_set=new["designation_id"].combine_chunks())
    changes = [_added(row) for row in new.filter(pc.invert(in_old)).to_pylist()]
    changes += [_change(row, "removed", [], {}, {}) for row in old.filter(pc.invert(in_new)).to_pylist()]
    old, new = old.filter(in_new), new.filter(in_old)  # same ids, same order
    flags = {c: _differs(old[c], new[c]) for c in COMPARED_COLUMNS}
    any_change = flags[COMPARED_COLUMNS[0]]
    for flag in flags.values():
        any_change = pc.or_(any_change, flag)
    rows = pc.indices_nonzero(any_change.combine_chunks()).to_pylist()
    for index in rows:
        fields = [c for c in COMPARED_COLUMNS if flags[c][index].as_py()]
        before, after = old.slice(index, 1).to_pylist()[0], new.slice(index, 1).to_pylist()[0]
        changes.append(_change(after, "changed", fields, {f: before[f] for f in fields}, {f: after[f] for f in fields}))
    return sorted(changes, key=lambda c: c["designation_id"])


def change_of(before: dict | None, after: dict) -> dict:
    """The changes.parquet row that turns one designation row into the next (None: new to the list)."""
    if before is None:
        return _added(after)
    fields = [c for c in COMPARED_COLUMNS if c in after and before.get(c) != after.get(c)]
    return _change(after, "changed", fields, {f: before.get(f) for f in fields}, {f: after[f] for f in fields})


def _added(row: dict) -> dict:
    """A designation new to the list; one known only from its revocation was in force before: a change."""
    if row["status"] == "revoked" and row.get("designated_on") is None and row.get("first_listed_on") is None:
        fields = ["status", "revoked_on"]
        return _change(row, "changed", fields, {"status": "active", "revoked_on": None},
                       {f: row[f] for f in fields})
    fields = [c for c in COMPARED_COLUMNS if row.get(c) not in (None, [], "")]
    return _change(row, "added", fields, {}, {f: row[f] for f in fields})


def legal_actions(before: dict, after: dict) -> list[str]:
    """The legal actions a change of these fields stands for, in legal order."""
    actions = []
    if after.get("announced_on") and not before.get("announced_on"):
        actions.append("announcement")
    status_before, status_after = before.get("status"), after.get("status")
    if "designated_on" in after or "first_listed_on" in after or (status_before == "revoked" and status_after == "active"):
        if status_before == "pending" and status_after == "active":
            actions.append("in_force")
        elif status_after in ("active", "pending", "revoked") and (after.get("designated_on") or after.get("first_listed_on")):
            actions.append("designation")
    elif status_before == "pending" and status_after == "active":
        actions.append("in_force")
    if before and any(f in after for f in ("name", "last_amended_on")):  # aliases alone come with designations too
        actions.append("amendment")
    if after.get("last_reviewed_on") and after.get("last_reviewed_on") != before.get("last_reviewed_on"):
        actions.append("review")
    if status_after == "revoked" and status_before != "revoked":
        actions.append("revocation")
    return actions


def _json_value(value):
    return value.isoformat() if isinstance(value, date) else value


# One encoder for every change row (json.dumps with options builds a new one per call: a first version has 100,000).
_JSON = json.JSONEncoder(default=_json_value, ensure_ascii=False, sort_keys=True)


def _change(row: dict, kind: str, fields: list[str], before: dict, after: dict) -> dict:
    actions = legal_actions(before, after) if kind != "removed" else []
    return {"designation_id": row.get("designation_id"), "program": row.get("program"), "name": row["name"], "change": kind,
            "fields_changed": fields,
            "before": _JSON.encode(before) if before else "{}",
            "after": _JSON.encode(after) if after else "{}",
            "actions": actions}


class VersionStore:
    """versions/<vNNNNNN>/ directories and the LATEST pointer."""

    def __init__(self, data_dir: Path | str):
        self.root = data_path(data_dir) / "versions"
        # Outside versions/, so that no glob over versions/* ever reads a version being written.
        self.staging_root = self.root.parent / "staging"
        self.warnings: list[str] = []
        self._manifests: dict[str, str] = {}

    def latest_name(self) -> str | None:
        """The newest complete version on disk, or None before the first publish; a wrong LATEST is repaired."""
        names = self.names()
        newest = names[-1] if names else None
        path = self.root / "LATEST"
        try:
            pointer = path.read_text().strip() or None
        except FileNotFoundError:
            pointer = None
        if pointer != newest:
            self._repair_latest(pointer, newest)
        return newest

    def _repair_latest(self, pointer: str | None, newest: str | None) -> None:
        """LATEST missing, rolled back or pointing at nothing (a kill between rename and LATEST, or a hand)."""
        said = f"LATEST said {pointer}" if pointer else "LATEST was missing"
        note = f"{said}, but {newest or 'no version'} is the newest complete version"
        try:
            if newest is None:
                (self.root / "LATEST").unlink(missing_ok=True)
            else:
                write_if_unchanged(self.root / "LATEST", (newest + "\n").encode())
            note += ": LATEST repaired"
        except Conflict:
            note += ": another writer replaced LATEST meanwhile"
        except OSError as error:
            note += f": could not repair LATEST ({error.strerror or error})"
        except Exception as error:  # noqa: BLE001 - object storage refusing a reader's write (read-only keys)
            note += f": could not repair LATEST ({str(error).splitlines()[0] if str(error) else type(error).__name__})"
        if note not in self.warnings:
            self.warnings.append(note)
            log.warning(note)

    def sweep(self) -> list[Path]:
        """Remove what killed publishes left: staging directories and temporary files (caller holds the lock)."""
        if isinstance(self.root, ObjectPath):
            from storage.object_versions import sweep_partial

            return [self.root / name for name in sweep_partial(self)]
        stale = list(self.staging_root.glob("*")) if self.staging_root.exists() else []
        stale += list(self.root.glob(".staging-*")) if self.root.exists() else []  # where older code staged
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)
        return stale + sweep_stale_temporaries(self.root)

    def names(self) -> list[str]:
        """Every complete version, oldest first."""
        if isinstance(self.root, ObjectPath):
            from storage.object_versions import complete_names

            return complete_names(self.root)
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.iterdir() if VERSION_NAME.match(p.name) and (p / "manifest.json").exists())

    def resolve(self, name: str | None) -> str:
        """A version name from user input: None or 'latest' for LATEST, '7' or 'v000007' for that one."""
        if name in (None, "", "latest"):
            latest = self.latest_name()
            if latest is None:
                raise VersionNotFound(f"no version published yet under {self.root}")
            return latest
        candidate = f"v{int(name.lstrip('v')):06d}" if name.lstrip("v").isdigit() else name
        if not (self.root / candidate / "manifest.json").exists():
            raise VersionNotFound(f"no version {name!r} under {self.root}")
        return candidate

    def path(self, name: str) -> Path:
        """The directory of a version."""
        return self.root / name

    def read_manifest(self, name: str) -> dict[str, Any]:
        """A version's manifest (on object storage read once per store: a complete version never changes)."""
        if not isinstance(self.root, ObjectPath):
            return json.loads((self.root / name / "manifest.json").read_text())
        if name not in self._manifests:
            self._manifests[name] = (self.root / name / "manifest.json").read_text()
        return json.loads(self._manifests[name])

    def read_table(self, name: str, table: str, columns: list[str] | None = None) -> pa.Table:
        """One of a version's Parquet tables ('designations', 'events', 'changes')."""
        return read_parquet(self.root / name / f"{table}.parquet", columns=columns)

    def publish(self, designations: pa.Table, events: pa.Table, *, created_at: datetime,
                as_of: date, sources: dict[str, Any], code_version: str,
                crash_hook=None) -> Published | None:
        """Write a new version if the content changed (caller holds the data lock)."""
        self.sweep()  # what a killed publish left, even when this run has nothing new
        digest = content_hash(designations, events)
        parent = self.latest_name()
        parent_manifest = self.read_manifest(parent) if parent else None
        if parent_manifest and (parent_manifest["content_hash"] == digest
                                or parent_manifest["content_hash"] == legacy_content_hash(designations, events)):
            return None
        parent_table = self.read_table(parent, "designations") if parent else DESIGNATIONS.empty_table()
        changes = diff_designations(parent_table, designations)
        claim = None
        if isinstance(self.root, ObjectPath):  # no rename on S3: one writer per parent, by a conditional write
            from storage.object_versions import claim_parent

            claim = claim_parent(self, parent)
        name = self._next_name()
        manifest = {
            "version": name,
            "parent": parent,
            "created_at": created_at.isoformat(),
            "as_of": as_of.isoformat(),
            "content_hash": digest,
            "row_counts": {"designations": designations.num_rows, "events": events.num_rows, "changes": len(changes)},
            "counts": _counts(designations),
            "changes": dict(Counter(c["change"] for c in changes)),
            "source_documents": len(pc.unique(events["document_id"])),
            "sources": sources,
            "code_version": code_version,
        }
        if claim is not None:
            from storage.object_versions import commit

            files = {"designations.parquet": parquet_bytes(designations), "events.parquet": parquet_bytes(events),
                     "changes.parquet": parquet_bytes(table_from_rows(changes, CHANGES))}
            commit(self, claim, name, files, json.dumps(manifest, indent=2, sort_keys=True).encode(), crash_hook)
            return Published(name, self.root / name, manifest, changes)
        staging = self.staging_root / f"{name}-{os.getpid()}"
        staging.mkdir(parents=True)
        try:
            pq.write_table(designations, staging / "designations.parquet", compression="zstd")
            pq.write_table(events, staging / "events.parquet", compression="zstd")
            pq.write_table(table_from_rows(changes, CHANGES), staging / "changes.parquet", compression="zstd")
            if crash_hook:
                crash_hook()
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
            _fsync_tree(staging)
            os.rename(staging, self.root / name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_bytes_atomic(self.root / "LATEST", (name + "\n").encode())
        return Published(name, self.root / name, manifest, changes)

    def _next_name(self) -> str:
        if isinstance(self.root, ObjectPath):
            from storage.object_versions import version_files

            return f"v{max((int(n[1:]) for n in version_files(self.root)), default=0) + 1:06d}"
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [int(VERSION_NAME.match(p.name).group(1)) for p in self.root.iterdir() if VERSION_NAME.match(p.name)]
        return f"v{max(numbers, default=0) + 1:06d}"


def _fsync_tree(directory: Path) -> None:
    """Flush a staged version's files before it is renamed into view."""
    for path in directory.iterdir():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _counts(designations: pa.Table) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    grouped = designations.group_by(["program", "status"]).aggregate([([], "count_all")])
    for row in grouped.to_pylist():
        counts.setdefault(row["program"], {})[row["status"]] = row["count_all"]
    return {program: dict(sorted(v.items())) for program, v in sorted(counts.items())}
