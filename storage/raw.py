"""The raw archive: every fetched payload byte-for-byte, content-addressed, with a fetch log."""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from storage.atomic import sweep_stale_temporaries, write_bytes_atomic
from storage.journal import read_jsonl, repair_torn_tail

STALE_TEMPORARY_SECONDS = 3600.0  # raw objects are written outside the data lock: only old leftovers are stale


class RawArchive:
    """Payloads under raw/objects/<sha[:2]>/<sha>, one JSON line per fetch in raw/fetch_log.jsonl."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "raw"
        self._log_lock = threading.Lock()
        self._validators: dict[str, dict[str, Any]] | None = None
        self._repaired = False
        self.warnings: list[str] = []  # torn log lines repaired, altered payloads set aside

    def object_path(self, sha256: str) -> Path:
        """Where the payload with this hash lives."""
        return self.root / "objects" / sha256[:2] / sha256

    def write_payload(self, body: bytes) -> str:
        """Store a payload once; return its sha256."""
        sha = hashlib.sha256(body).hexdigest()
        path = self.object_path(sha)
        if not path.exists():
            write_bytes_atomic(path, body)
        return sha

    def read_verified(self, sha256: str) -> bytes | None:
        """The payload with this hash, or None if it is missing or no longer hashes to its name (then set aside)."""
        path = self.object_path(sha256)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(body).hexdigest() == sha256:
            return body
        quarantine = self.root / "quarantine"
        quarantine.mkdir(parents=True, exist_ok=True)
        os.replace(path, quarantine / f"{sha256}.{int(time.time())}")
        self.warnings.append(f"raw/objects/{sha256[:2]}/{sha256} did not match its sha256: set aside in raw/quarantine")
        return None

    def sweep(self) -> list[Path]:
        """Remove temporary files that a crash or a full disk left in the archive over an hour ago."""
        objects = self.root / "objects"
        if not objects.exists():
            return []
        return [p for d in objects.iterdir() if d.is_dir()
                for p in sweep_stale_temporaries(d, older_than=STALE_TEMPORARY_SECONDS)]

    def read_payload(self, sha256: str) -> bytes:
        """The payload with this hash."""
        return self.object_path(sha256).read_bytes()

    def append_log(self, record: dict[str, Any]) -> None:
        """Record one fetch (url, time, status, validators, sha256)."""
        line = json.dumps(record, sort_keys=True, default=str) + "\n"
        self.root.mkdir(parents=True, exist_ok=True)
        with self._log_lock:
            self._repair_log()
            fd = os.open(self.root / "fetch_log.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)
            if self._validators is not None and record.get("sha256") and record.get("status") == 200:
                self._validators[record["url"]] = record

    def read_log(self) -> Iterator[dict[str, Any]]:
        """Every fetch record, oldest first."""
        yield from read_jsonl(self.root / "fetch_log.jsonl", self.warnings)

    def _repair_log(self) -> None:
        """Once per process: a torn last line (a crash mid-append) is moved aside before we append after it."""
        if not self._repaired:
            self._repaired = True
            self.sweep()
            note = repair_torn_tail(self.root / "fetch_log.jsonl")
            if note:
                self.warnings.append(note)

    def last_fetch(self, url: str) -> dict[str, Any] | None:
        """The newest successful fetch of a URL (for If-None-Match / If-Modified-Since)."""
        with self._log_lock:
            if self._validators is None:
                self._repair_log()
                self._validators = {}
                for record in self.read_log():
                    if record.get("status") == 200 and record.get("sha256"):
                        self._validators[record["url"]] = record
            return self._validators.get(url)
