"""The raw archive: every fetched payload byte-for-byte, content-addressed, with a fetch log."""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any, Iterator

from storage.atomic import write_bytes_atomic


class RawArchive:
    """Payloads under raw/objects/<sha[:2]>/<sha>, one JSON line per fetch in raw/fetch_log.jsonl."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / "raw"
        self._log_lock = threading.Lock()
        self._validators: dict[str, dict[str, Any]] | None = None

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

    def read_payload(self, sha256: str) -> bytes:
        """The payload with this hash."""
        return self.object_path(sha256).read_bytes()

    def append_log(self, record: dict[str, Any]) -> None:
        """Record one fetch (url, time, status, validators, sha256)."""
        line = json.dumps(record, sort_keys=True, default=str) + "\n"
        self.root.mkdir(parents=True, exist_ok=True)
        with self._log_lock:
            fd = os.open(self.root / "fetch_log.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)
            if self._validators is not None and record.get("sha256") and record.get("status") == 200:
                self._validators[record["url"]] = record

    def read_log(self) -> Iterator[dict[str, Any]]:
        """Every fetch record, oldest first."""
        path = self.root / "fetch_log.jsonl"
        if not path.exists():
            return
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)

    def last_fetch(self, url: str) -> dict[str, Any] | None:
        """The newest successful fetch of a URL (for If-None-Match / If-Modified-Since)."""
        with self._log_lock:
            if self._validators is None:
                self._validators = {}
                for record in self.read_log():
                    if record.get("status") == 200 and record.get("sha256"):
                        self._validators[record["url"]] = record
            return self._validators.get(url)
