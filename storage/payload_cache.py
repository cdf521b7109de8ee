"""Verified local copies of archived payloads, for a data directory on object storage.

A copy is named by its sha256 and checked against it on every read, so what it returns is the archived payload
byte for byte or nothing (a 304's body then costs no GET). Best effort: a cache that cannot be written is skipped.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

KEPT = 512  # newest copies kept; the oldest are removed as new ones come
LARGEST = 4 * 1024 * 1024  # bytes: bigger payloads (full texts, list files) are not copied


def root() -> Path:
    """$XDG_CACHE_HOME/designations/payloads (default ~/.cache/designations/payloads)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "designations" / "payloads"


def get(sha256: str) -> bytes | None:
    """The payload with this hash if a good copy is here (a bad one is removed)."""
    path = root() / sha256
    try:
        body = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(body).hexdigest() == sha256:
        return body
    path.unlink(missing_ok=True)
    return None


def put(sha256: str, body: bytes) -> None:
    """Keep a copy of a payload just written to or read from the store."""
    if len(body) > LARGEST:
        return
    directory = root()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=directory)
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(name, directory / sha256)
        copies = [entry for entry in os.scandir(directory) if not entry.name.startswith(".")]
        if len(copies) > KEPT + KEPT // 4:
            for entry in sorted(copies, key=lambda e: e.stat().st_mtime)[: len(copies) - KEPT]:
                os.unlink(entry.path)
    except OSError:
        pass
