"""Published versions: immutable directories, complete or absent, LATEST replaced last."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storage.atomic import write_bytes_atomic
from storage.schema import CHANGES, COMPARED_COLUMNS, DESIGNATIONS, VERSION_EVENTS, table_from_rows

VERSION_NAME = re.compile(r"^v(\d{6})$")


class VersionNotFound(LookupError):
    """A version name that does not exist in this data directory."""


@dataclass(frozen=True)
class Published:
    """A version that a publish wrote."""

    name: str
    path: Path
    manifest: dict[str, Any]
    changes: list[dict]


def content_hash(designations: list[dict], events: list[dict]) -> str:
    """Hash of what a version says, independent of when or by whom it was written."""
    digest = hashlib.sha256()
    for rows in (designations, events):
        for row in rows:
            digest.update(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode())
            digest.update(b"\n")
        digest.update(b"\x00")
    return digest.hexdigest()


def diff_designations(parent: list[dict], current: list[dict]) -> list[dict]:
    """Rows added, removed or changed between two lists, by designation_id."""
    before = {r["designation_id"]: r for r in parent}
    after = {r["designation_id"]: r for r in current}
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        row = new or old
        base = {"designation_id": key, "program": row["program"], "name": row["name"]}
        if old is None:
            changes.append({**base, "change": "added", "fields_changed": []})
        elif new is None:
            changes.append({**base, "change": "removed", "fields_changed": []})
        elif fields := [c for c in COMPARED_COLUMNS if _norm(old.get(c)) != _norm(new.get(c))]:
            changes.append({**base, "change": "changed", "fields_changed": fields})
    return changes


def _norm(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


class VersionStore:
    """versions/<vNNNNNN>/ directories and the LATEST pointer."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "versions"

    def latest_name(self) -> str | None:
        """The newest complete version, or None before the first publish."""
        path = self.root / "LATEST"
        return path.read_text().strip() if path.exists() else None

    def names(self) -> list[str]:
        """Every complete version, oldest first."""
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
        """A version's manifest."""
        return json.loads((self.root / name / "manifest.json").read_text())

    def read_table(self, name: str, table: str, columns: list[str] | None = None) -> pa.Table:
        """One of a version's Parquet tables ('designations', 'events', 'changes')."""
        return pq.read_table(self.root / name / f"{table}.parquet", columns=columns)

    def publish(self, designations: list[dict], events: list[dict], *, created_at: datetime,
                as_of: date, sources: dict[str, Any], code_version: str,
                crash_hook=None) -> Published | None:
        """Write a new version if the content changed (caller holds the data lock)."""
        digest = content_hash(designations, events)
        parent = self.latest_name()
        parent_manifest = self.read_manifest(parent) if parent else None
        if parent_manifest and parent_manifest["content_hash"] == digest:
            return None
        parent_rows = self.read_table(parent, "designations").to_pylist() if parent else []
        changes = diff_designations(parent_rows, designations)
        name = self._next_name()
        manifest = {
            "version": name,
            "parent": parent,
            "created_at": created_at.isoformat(),
            "as_of": as_of.isoformat(),
            "content_hash": digest,
            "row_counts": {"designations": len(designations), "events": len(events), "changes": len(changes)},
            "counts": _counts(designations),
            "changes": dict(Counter(c["change"] for c in changes)),
            "source_documents": len({e["document_id"] for e in events}),
            "sources": sources,
            "code_version": code_version,
        }
        for stale in self.root.glob(".staging-*"):  # left by a process killed mid-publish
            shutil.rmtree(stale, ignore_errors=True)
        staging = self.root / f".staging-{name}-{os.getpid()}"
        staging.mkdir(parents=True)
        try:
            pq.write_table(table_from_rows(designations, DESIGNATIONS), staging / "designations.parquet", compression="zstd")
            pq.write_table(table_from_rows(events, VERSION_EVENTS), staging / "events.parquet", compression="zstd")
            pq.write_table(table_from_rows(changes, CHANGES), staging / "changes.parquet", compression="zstd")
            if crash_hook:
                crash_hook()
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
            os.rename(staging, self.root / name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_bytes_atomic(self.root / "LATEST", (name + "\n").encode())
        return Published(name, self.root / name, manifest, changes)

    def _next_name(self) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [int(VERSION_NAME.match(p.name).group(1)) for p in self.root.iterdir() if VERSION_NAME.match(p.name)]
        return f"v{max(numbers, default=0) + 1:06d}"


def _counts(designations: list[dict]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in designations:
        by_status = counts.setdefault(row["program"], {})
        by_status[row["status"]] = by_status.get(row["status"], 0) + 1
    return counts
