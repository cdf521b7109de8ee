"""Seals of the fetch log on object storage: the newest successful fetch of every URL, and which segments
(by ETag) that covers, so that a run asks for the validators in one or two GETs however many segments there are.

A seal is `raw/fetch_log/<time>-<pid>-<rand>.seal.jsonl`: a header line {"covers": {segment: etag}} and one
record per URL. Segments are never changed by anyone but their writer, so a segment whose ETag is the one a
seal covers holds nothing the seal lacks; any other segment is read as well. Seals are never rewritten.
"""
from __future__ import annotations

import json
import os
import time
from typing import Any

from storage.store import ObjectPath, delete_keys, read_all

SEAL = ".seal.jsonl"
KEPT_SEALS = 4  # older seals beyond these are deleted by the next writer of one


def is_seal(name: str) -> bool:
    return name.endswith(SEAL)


def _listing(directory: ObjectPath) -> dict[str, str]:
    """Every object under raw/fetch_log/ by name, with its ETag (one listing)."""
    import obstore

    found = {}
    for batch in obstore.list(directory.bucket.store, prefix=f"{directory.key}/", chunk_size=1000):
        for meta in batch:
            found[meta["path"].rsplit("/", 1)[-1]] = meta["e_tag"]
    return found


def load(directory: ObjectPath) -> tuple[dict[str, dict[str, Any]], dict[str, str], list[str], bool] | None:
    """(newest successful record per URL, the segments that now covers with their ETags, the seals seen, whether
    some segment was not covered by the newest seal), from that seal and the segments it does not cover; None if
    nothing is listed or a listed object vanished meanwhile."""
    listed = _listing(directory)
    if not listed:
        return None  # nothing yet, or a local fetch_log.jsonl still to take in: the full read does that
    seals = sorted(name for name in listed if is_seal(name))
    segments = {name: etag for name, etag in listed.items() if not is_seal(name)}
    covers: dict[str, str] = {}
    lines: list[bytes] = []
    try:
        if seals:
            header, *lines = (directory / seals[-1]).read_bytes().splitlines()
            covers = json.loads(header).get("covers", {})
        uncovered = sorted(name for name, etag in segments.items() if covers.get(name) != etag)
        for body in read_all([directory / name for name in uncovered]):
            lines += body.splitlines()
    except FileNotFoundError:
        return None  # compacted or swept meanwhile
    validators: dict[str, dict[str, Any]] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("status") == 200 and record.get("sha256"):
            known = validators.get(record["url"])  # a segment read after the seal may hold older fetches
            if known is None or str(record.get("fetched_at", "")) >= str(known.get("fetched_at", "")):
                validators[record["url"]] = record
    return validators, segments, seals, bool(uncovered)


def write(directory: ObjectPath, validators: dict[str, dict[str, Any]], covers: dict[str, str],
          seals: list[str]) -> None:
    """A new seal over `covers`; the oldest seals beyond KEPT_SEALS deleted (no one rewrites a seal)."""
    header = json.dumps({"covers": dict(sorted(covers.items()))}, sort_keys=True).encode()
    records = [json.dumps(record, sort_keys=True, default=str).encode() for _, record in sorted(validators.items())]
    name = f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(4).hex()}{SEAL}"
    (directory / name).write_bytes(b"\n".join([header, *records]) + b"\n")
    if len(seals) >= KEPT_SEALS:
        delete_keys([directory / old for old in seals])
