"""Append-only JSON-lines files that survive a torn last line: skipped when read, moved aside when repaired."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator


def read_jsonl(path: Path, warnings: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every whole record, oldest first; a line that is not a JSON object is skipped (and noted once)."""
    if not path.exists():
        return
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                note = f"{path.name} line {number} is not a whole record: skipped"
                if warnings is not None and note not in warnings:
                    warnings.append(note)
                continue
            yield record


def repair_torn_tail(path: Path) -> str | None:
    """Cut an unfinished last line off the file, keeping its bytes in <name>.torn; a note, or None if whole."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    with open(path, "rb+") as handle:
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return None
        keep = _last_newline(handle, size) + 1
        handle.seek(keep)
        torn = handle.read()
        with open(path.with_name(path.name + ".torn"), "ab") as aside:
            aside.write(torn + b"\n")
            aside.flush()
            os.fsync(aside.fileno())
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return f"{path.name}: torn last line ({len(torn)} bytes) moved to {path.name}.torn"


def _last_newline(handle, size: int) -> int:
    """Offset of the last newline in the file, -1 if none."""
    position, block = size, 64 * 1024
    while position > 0:
        start = max(0, position - block)
        handle.seek(start)
        found = handle.read(position - start).rfind(b"\n")
        if found >= 0:
            return start + found
        position = start
    return -1
