"""Published versions: immutable directories, complete or absent, LATEST replaced last."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import struct
from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from storage.lock import LEASE_SECONDS
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
    change_rows: pa.Table

    @cached_property
    def changes(self) -> list[dict]:
        """The version's changes.parquet rows."""
        return self.change_rows.to_pylist()


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
    added, others = _compare(parent, current)
    return sorted([_added(row) for row in added.to_pylist()] + others, key=lambda c: c["designation_id"])


def change_table(parent: pa.Table, current: pa.Table) -> pa.Table:
    """diff_designations as a changes.parquet table; rows new to the list are built column by column (a first
    version adds every designation). Builds arrays from Python values, so it imports pandas: publish only."""
    added, others = _compare(parent, current)
    known_only_revoked = pc.fill_null(pc.and_(pc.equal(added["status"], "revoked"), pc.and_(
        pc.is_null(added["designated_on"]), pc.is_null(added["first_listed_on"]))), False)
    others += [_added(row) for row in added.filter(known_only_revoked).to_pylist()]
    table = pa.concat_tables([added_table(added.filter(pc.invert(known_only_revoked))),
                              table_from_rows(others, CHANGES)])
    return table.sort_by("designation_id")


def _compare(parent: pa.Table, current: pa.Table) -> tuple[pa.Table, list[dict]]:
    """The designations new to the list (as rows of the list), and the change rows of those removed or changed."""
    old, new = parent.sort_by("designation_id"), current.sort_by("designation_id")
    in_old = pc.is_in(new["designation_id"], value_set=old["designation_id"].combine_chunks())
    in_new = pc.is_in(old["designation_id"], value_set=new["designation_id"].combine_chunks())
    added = new.filter(pc.invert(in_old))
    changes = [_change(row, "removed", [], {}, {}) for row in old.filter(pc.invert(in_new)).to_pylist()]
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
    return added, changes


def added_table(rows: pa.Table) -> pa.Table:
    """The changes rows of designations new to the list (as `_added` builds them one by one), column-wise:
    the present fields, their values as JSON, and the legal actions of each kind of row."""
    rows = pa.RecordBatch.from_arrays([column.combine_chunks() for column in rows.columns], schema=rows.schema)
    present = {c: _present(rows[c]) for c in COMPARED_COLUMNS}
    fragments = [pc.if_else(present[c], pc.binary_join_element_wise(f'"{c}": ', _json_texts(rows[c]), ""), None)
                 for c in sorted(COMPARED_COLUMNS)]
    after = pc.binary_join_element_wise("{", pc.binary_join_element_wise(*fragments, ", ", null_handling="skip"),
                                        "}", "")
    kind = pc.binary_join_element_wise(
        *[pc.if_else(present[c], "1", "0") for c in COMPARED_COLUMNS], pc.fill_null(rows["status"], ""), "")
    kinds = pc.unique(kind).to_pylist()
    which = pc.index_in(kind, value_set=pa.array(kinds, pa.string()))
    fields, actions = [], []
    for key in kinds:  # one per combination of present fields and status: few
        named = [c for c, bit in zip(COMPARED_COLUMNS, key) if bit == "1"]
        fields.append(named)
        actions.append(legal_actions({}, {**{c: True for c in named}, "status": key[len(COMPARED_COLUMNS):] or None}))
    return pa.table({
        "designation_id": rows["designation_id"], "program": rows["program"], "name": rows["name"],
        "change": pa.array(["added"] * rows.num_rows, pa.string()),
        "fields_changed": pa.array(fields, CHANGES.field("fields_changed").type).take(which),
        "before": pa.array(["{}"] * rows.num_rows, pa.string()), "after": after,
        "actions": pa.array(actions, CHANGES.field("actions").type).take(which),
    }, schema=CHANGES)


def _present(column: pa.Array) -> pa.Array:
    """Where a value is there: not null, not an empty list, not an empty string."""
    if pa.types.is_list(column.type):
        return pc.fill_null(pc.greater(pc.list_value_length(column), 0), False)
    if pa.types.is_string(column.type):
        return pc.fill_null(pc.not_equal(column, ""), False)
    return pc.is_valid(column)


_NEEDS_ESCAPE = r'[\x00-\x1f"\\]'


def _json_texts(column: pa.Array) -> pa.Array:
    """Each value as the JSON text `_JSON` gives it (strings, dates as ISO strings, lists of strings)."""
    if pa.types.is_list(column.type):
        lengths = pc.fill_null(pc.list_value_length(column), 0).to_numpy(zero_copy_only=False)
        offsets = pa.array(numpy.concatenate([[0], numpy.cumsum(lengths)]).astype("int32"))
        items = pc.fill_null(_json_texts(pc.list_flatten(column)), "null")
        joined = pc.binary_join(pa.ListArray.from_arrays(offsets, items, mask=pc.is_null(column)), ", ")
        return pc.binary_join_element_wise("[", joined, "]", "")
    if pa.types.is_date(column.type):
        return pc.binary_join_element_wise('"', pc.cast(column, pa.string()), '"', "")
    if pc.any(pc.match_substring_regex(column, _NEEDS_ESCAPE)).as_py():
        return pa.array([None if v is None else _JSON.encode(v) for v in column.to_pylist()], pa.string())
    return pc.binary_join_element_wise('"', column, '"', "")


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

    def __init__(self, data_dir: Path | str, lease_seconds: float = LEASE_SECONDS):
        self.root = data_path(data_dir) / "versions"
        self.lease_seconds = lease_seconds  # on object storage: a claim older than this is a dead writer's
        # Outside versions/, so that no glob over versions/* ever reads a version being written.
        self.staging_root = self.root.parent / "staging"
        self.warnings: list[str] = []
        self._manifests: dict[str, str] = {}
        self._last_digest: tuple[pa.Table, pa.Table, str] | None = None
        self._said: dict[str, str] = {}  # version -> content hash as LATEST's metadata gave it

    def latest_name(self) -> str | None:
        """The newest complete version on disk, or None before the first publish; a wrong LATEST is repaired."""
        if isinstance(self.root, ObjectPath):
            from storage.object_versions import latest_pointer

            pointer, newest = latest_pointer(self)
        else:
            names = self.names()
            newest = names[-1] if names else None
            pointer = self.pointer()
        if pointer != newest:
            self._repair_latest(pointer, newest)
        return newest

    def pointer(self) -> str | None:
        """What LATEST says (None if it is missing or empty), as written: not checked against the versions."""
        try:
            return (self.root / "LATEST").read_text().strip() or None
        except FileNotFoundError:
            return None

    def pointed(self) -> str | None:
        """The version LATEST names if it is complete, else the newest complete one (on object storage: LATEST and
        its manifest, without the listing that `latest_name` adds to see whether a newer one was left behind)."""
        if not isinstance(self.root, ObjectPath):
            return self.latest_name()
        from storage.object_versions import CONTENT_HASH

        latest = self.root / "LATEST"
        pointer = self.pointer()
        said = latest.bucket.attributes.get(latest.key, {}).get(CONTENT_HASH)
        if pointer and said:  # written with the version by its publish
            self._said[pointer] = said
            return pointer
        try:
            if pointer:
                self.read_manifest(pointer)
                return pointer
        except FileNotFoundError:
            pass
        return self.latest_name()

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

    def sweep(self, listing: dict | None = None) -> list[Path]:
        """Remove what killed publishes left: staging directories and temporary files (caller holds the lock).

        On object storage: versions without a manifest, older than a lease (`listing`: versions/ as just listed).
        """
        if isinstance(self.root, ObjectPath):
            from storage.object_versions import sweep_partial, version_listing

            return [self.root / name for name in sweep_partial(self, listing or version_listing(self.root))]
        stale = list(self.staging_root.glob("*")) if self.staging_root.exists() else []
        stale += list(self.root.glob(".staging-*")) if self.root.exists() else []  # where older code staged
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)
        return stale + sweep_stale_temporaries(self.root)

    def leftovers(self) -> bool:
        """Whether a killed publish left something on disk for `sweep` (on object storage a version without a
        manifest is invisible: the next publish sweeps it)."""
        if isinstance(self.root, ObjectPath):
            return False
        staged = self.staging_root.exists() and any(self.staging_root.iterdir())
        return staged or (self.root.exists() and any(self.root.glob(".*")))

    def holds(self, designations: pa.Table, events: pa.Table, latest: str | None) -> bool:
        """Whether `latest` (the newest version when the caller began) already says exactly this, with nothing
        left to sweep: then a caller whose ledger did not change has nothing to publish."""
        if self.leftovers():
            return False
        parent = latest
        if parent is None:
            return False
        said = self._said.get(parent) or self.read_manifest(parent)["content_hash"]
        return said == self._digest(designations, events) or said == legacy_content_hash(designations, events)

    def _digest(self, designations: pa.Table, events: pa.Table) -> str:
        """content_hash of these two tables, computed once for the check and the publish that follows it."""
        last = self._last_digest
        if last is None or last[0] is not designations or last[1] is not events:
            last = self._last_digest = (designations, events, content_hash(designations, events))
        return last[2]

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
        if not isinstance(self.root, ObjectPath):
            self.sweep()  # what a killed publish left, even when this run has nothing new
        digest = self._digest(designations, events)
        parent = self.latest_name()
        parent_manifest = self.read_manifest(parent) if parent else None
        if parent_manifest and (parent_manifest["content_hash"] == digest
                                or parent_manifest["content_hash"] == legacy_content_hash(designations, events)):
            return None
        parent_table = self.read_table(parent, "designations") if parent else DESIGNATIONS.empty_table()
        changes = change_table(parent_table, designations)
        claim = listing = None
        if isinstance(self.root, ObjectPath):  # no rename on S3: one writer per parent, by a conditional write
            from storage.object_versions import claim_parent, version_listing

            claim = claim_parent(self, parent)
            listing = version_listing(self.root)  # one listing for the sweep and the next name
            for swept in self.sweep(listing):
                del listing[swept.name]
        name = self._next_name(listing)
        manifest = {
            "version": name,
            "parent": parent,
            "created_at": created_at.isoformat(),
            "as_of": as_of.isoformat(),
            "content_hash": digest,
            "row_counts": {"designations": designations.num_rows, "events": events.num_rows, "changes": changes.num_rows},
            "counts": _counts(designations),
            "changes": {row["values"]: row["counts"] for row in pc.value_counts(changes["change"]).to_pylist()},
            "source_documents": len(pc.unique(events["document_id"])),
            "sources": sources,
            "code_version": code_version,
        }
        if claim is not None:
            from storage.object_versions import commit

            files = {"designations.parquet": parquet_bytes(designations), "events.parquet": parquet_bytes(events),
                     "changes.parquet": parquet_bytes(changes)}
            commit(self, claim, name, files, json.dumps(manifest, indent=2, sort_keys=True).encode(), crash_hook)
            return Published(name, self.root / name, manifest, changes)
        staging = self.staging_root / f"{name}-{os.getpid()}"
        staging.mkdir(parents=True)
        try:
            pq.write_table(designations, staging / "designations.parquet", compression="zstd")
            pq.write_table(events, staging / "events.parquet", compression="zstd")
            pq.write_table(changes, staging / "changes.parquet", compression="zstd")
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

    def _next_name(self, listing: dict | None = None) -> str:
        if listing is not None:
            return f"v{max((int(n[1:]) for n in listing), default=0) + 1:06d}"
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
