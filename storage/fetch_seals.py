"""The validators seal of the fetch log on object storage: the newest successful fetch of every URL in one object,
so that a run asks for its conditional-request validators with one GET however many segments the log has.

`raw/fetch_validators.jsonl` is rewritten whole at the end of every run that fetched something. It is a cache
of the log, never the log itself: a run that died before writing it, or a concurrent run whose seal another
replaced, only costs its URLs one unconditional request next time (a 200 where a 304 could have been).
"""
from __future__ import annotations

import json
from typing import Any

from storage.store import ObjectPath

NAME = "fetch_validators.jsonl"


def load(raw: ObjectPath) -> dict[str, dict[str, Any]] | None:
    """The newest successful record per URL as the last seal holds them; None if there is no seal yet."""
    try:
        body = (raw / NAME).read_bytes()
    except FileNotFoundError:
        return None
    validators: dict[str, dict[str, Any]] = {}
    for line in body.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("status") == 200 and record.get("sha256"):
            validators[record["url"]] = record
    return validators


def write(raw: ObjectPath, validators: dict[str, dict[str, Any]]) -> None:
    """Replace the seal with these records (one PUT)."""
    lines = [json.dumps(record, sort_keys=True, default=str).encode() for _, record in sorted(validators.items())]
    (raw / NAME).write_bytes(b"".join(line + b"\n" for line in lines))
