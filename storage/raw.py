"""The raw archive: every fetched payload byte-for-byte, content-addressed, with a fetch log."""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from storage import fetch_seals, payload_cache
from storage.atomic import sweep_stale_temporaries, write_bytes_atomic
from storage.journal import read_jsonl, repair_torn_tail
from storage.store import ObjectPath, data_path, delete_keys, read_all

STALE_TEMPORARY_SECONDS = 3600.0  # raw objects are written outside the data lock: only old leftovers are stale
SEGMENT_RECORDS = 64  # on object storage the fetch log is objects of at most this many lines (no append there)
GATHER_SECONDS = 0.05  # on object storage a fetch-log rewrite waits this long for the next fetch's line
COMPACT_AT = 4  # segments before a reader merges those over an hour old into one (a poll every 15 min reads ~6)


class RawArchive:
    """Payloads under raw/objects/<sha[:2]>/<sha>, one JSON line per fetch in raw/fetch_log.jsonl.

    On object storage the log is raw/fetch_log/<time>-<writer>.jsonl segments, each rewritten whole by the one
    process that owns it, read back in name order after the local-style raw/fetch_log.jsonl.
    """

    def __init__(self, data_dir: Path | str):
        self.root = data_path(data_dir) / "raw"
        self._segment: tuple[ObjectPath, list[bytes]] | None = None
        self._log_lock = threading.Lock()
        self._validators: dict[str, dict[str, Any]] | None = None
        self._repaired = False
        self._writes: list = []  # on object storage: segment rewrites sent in the background, in order
        self._writer = None
        self._unsealed = False  # on object storage: this archive logged fetches its validators seal does not hold
        self._hurry = threading.Event()  # set by flush: background rewrites stop waiting for more lines
        self._waiting_since: float | None = None  # when the oldest line not yet put was logged (monotonic)
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
        if isinstance(path, ObjectPath):
            payload_cache.put(sha, body)
        return sha

    def may_hold(self, sha256: str) -> bool:
        """Whether the payload is archived, as far as it is cheap to know: on disk a stat; on object storage taken
        as yes (a HEAD per fetch costs more than the rare second request when a 304 finds the copy gone)."""
        path = self.object_path(sha256)
        return isinstance(path, ObjectPath) or path.exists()

    def read_verified(self, sha256: str) -> bytes | None:
        """The payload with this hash, or None if it is missing or no longer hashes to its name (then set aside)."""
        path = self.object_path(sha256)
        if isinstance(path, ObjectPath) and (copy := payload_cache.get(sha256)) is not None:
            return copy  # verified against its name: the archived payload, without a GET
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(body).hexdigest() == sha256:
            if isinstance(path, ObjectPath):
                payload_cache.put(sha256, body)
            return body
        quarantine = self.root / "quarantine"
        quarantine.mkdir(parents=True, exist_ok=True)
        if isinstance(path, ObjectPath):
            (quarantine / f"{sha256}.{int(time.time())}").write_bytes(body)
            path.unlink()
        else:
            os.replace(path, quarantine / f"{sha256}.{int(time.time())}")
        self.warnings.append(f"raw/objects/{sha256[:2]}/{sha256} did not match its sha256: set aside in raw/quarantine")
        return None

    def sweep(self) -> list[Path]:
        """Remove temporary files that a crash or a full disk left in the archive over an hour ago."""
        objects = self.root / "objects"
        if isinstance(objects, ObjectPath) or not objects.exists():  # a PUT leaves no temporary behind
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
            if isinstance(self.root, ObjectPath):
                self._append_segment(line.encode())
            else:
                self._append_file(line.encode())
            if self._validators is not None and record.get("sha256") and record.get("status") == 200:
                self._validators[record["url"]] = record

    def _append_file(self, line: bytes) -> None:
        """O_APPEND: concurrent writers' lines never interleave."""
        fd = os.open(self.root / "fetch_log.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)

    def _append_segment(self, line: bytes) -> None:
        """Rewrite this process's current segment with one more line (a new segment every SEGMENT_RECORDS), in
        the background and in order (`flush` waits; at exit Python finishes them), so no fetch waits for a PUT;
        a rewrite still queued when the next line comes is left to the next one, which holds it too."""
        from concurrent.futures import ThreadPoolExecutor

        if self._segment is None or len(self._segment[1]) >= SEGMENT_RECORDS:
            name = f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(4).hex()}.jsonl"
            self._segment = (self.root / "fetch_log" / name, [])
        key, lines = self._segment
        lines.append(line)
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetch-log")
        self._unsealed = True
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        due = time.monotonic() + GATHER_SECONDS  # fetches close together share one PUT
        self._writes.append(self._writer.submit(self._write_segment, key, lines, len(lines), due))

    def _write_segment(self, key: ObjectPath, lines: list[bytes], count: int, due: float) -> None:
        self._hurry.wait(max(0.0, due - time.monotonic()))
        # a rewrite with more lines is queued behind this one: leave it to that one, unless lines have waited
        # 4 × GATHER_SECONDS (a steady stream of fetches is still written as it goes)
        waited = time.monotonic() - (self._waiting_since or time.monotonic())
        if len(lines) == count or waited >= 4 * GATHER_SECONDS:
            self._waiting_since = None
            key.write_bytes(b"".join(lines))

    def flush(self) -> None:
        """Wait for the fetch log's background writes; one that failed becomes a warning (a refetch costs more
        requests next time, nothing else)."""
        writes, self._writes = self._writes, []
        self._hurry.set()
        for write in writes:
            try:
                write.result()
            except Exception as error:  # noqa: BLE001 - any store failure
                note = f"raw/fetch_log: a segment could not be written ({_first_line(error)})"
                if note not in self.warnings:
                    self.warnings.append(note)
        self._hurry.clear()

    def close(self) -> None:
        """The run's end: its fetch records written, and on object storage the validators seal rewritten with
        what this archive knows (the next run reads that one object, not every segment), side by side."""
        self._hurry.set()  # the last segment rewrite goes now, while the seal is written here
        if self._unsealed and self._validators is not None:
            try:
                fetch_seals.write(self.root, self._validators)
                self._unsealed = False
            except Exception as error:  # noqa: BLE001 - the next run reads the segments instead
                self.warnings.append(f"raw/fetch_log: no seal written ({_first_line(error)})")
        self.flush()

    def preload_log(self) -> None:
        """Read the fetch log now (in a background thread while the run starts); a failure is left to the fetch
        that needs it, which reads it again."""
        try:
            self.last_fetch("")
        except Exception:  # noqa: BLE001
            pass

    def read_log(self) -> Iterator[dict[str, Any]]:
        """Every fetch record, oldest first."""
        self.flush()
        if not isinstance(self.root, ObjectPath):
            yield from read_jsonl(self.root / "fetch_log.jsonl", self.warnings)
            return
        for line in self._segment_lines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a PUT is whole: only a hand-edited segment can hold a broken line
            if isinstance(record, dict):
                yield record

    def _segment_lines(self) -> list[bytes]:
        """Every line of the log's segments in name order; listed again if a compaction removed one meanwhile."""
        segments, bodies, whole = [], [], False
        for _ in range(3):
            segments = (self.root / "fetch_log").keys()
            if not segments:
                segments = self._take_in_local_log()
            try:
                bodies, whole = read_all(segments), True
            except FileNotFoundError:
                continue  # compacted meanwhile: list again
            break
        if whole and len(segments) > COMPACT_AT:
            self._compact(segments, bodies)
        return [line for body in bodies for line in body.splitlines()]

    def _take_in_local_log(self) -> list[ObjectPath]:
        """A local fetch_log.jsonl copied up with the rest of a data directory becomes the first segment."""
        legacy = self.root / "fetch_log.jsonl"
        try:
            body = legacy.read_bytes()
        except FileNotFoundError:
            return []
        first = self.root / "fetch_log" / f"{0:020d}-local.jsonl"
        first.write_bytes(body if body.endswith(b"\n") or not body else body + b"\n")
        legacy.unlink()
        return [first]

    def _compact(self, segments: list[ObjectPath], bodies: list[bytes]) -> None:
        """Many segments into one, named to sort right after the newest it holds; then those are deleted.

        Two compactions at once, or a writer still rewriting a compacted segment, only duplicate records:
        readers take the newest record of a URL, so a duplicate changes nothing.
        """
        old = [i for i, key in enumerate(segments) if _segment_age(key.name) > STALE_TEMPORARY_SECONDS]
        if len(old) < 2:
            return
        newest = segments[old[-1]]
        newest.with_name(newest.name[: -len(".jsonl")] + ".z.jsonl").write_bytes(b"".join(bodies[i] for i in old))
        delete_keys([segments[i] for i in old])

    def _repair_log(self) -> None:
        """Once per process: a torn last line (a crash mid-append) is moved aside before we append after it."""
        if not self._repaired:
            self._repaired = True
            if isinstance(self.root, ObjectPath):
                return  # nothing is ever torn on object storage
            self.sweep()
            note = repair_torn_tail(self.root / "fetch_log.jsonl")
            if note:
                self.warnings.append(note)

    def last_fetch(self, url: str) -> dict[str, Any] | None:
        """The newest successful fetch of a URL (for If-None-Match / If-Modified-Since)."""
        with self._log_lock:
            if self._validators is None:
                self._repair_log()
                sealed = self._sealed_validators()
                self._validators = self._validators_from_log() if sealed is None else sealed
            return self._validators.get(url)

    def _validators_from_log(self) -> dict[str, dict[str, Any]]:
        validators = {}
        for record in self.read_log():
            if record.get("status") == 200 and record.get("sha256"):
                validators[record["url"]] = record
        return validators

    def _sealed_validators(self) -> dict[str, dict[str, Any]] | None:
        """On object storage: the validators as the last run's seal holds them (None: no seal, read the log)."""
        if not isinstance(self.root, ObjectPath):
            return None
        validators = fetch_seals.load(self.root)
        self._unsealed = validators is None  # read from the log: seal what was read at the end
        return validators


def _first_line(error: Exception) -> str:
    return (str(error) or type(error).__name__).splitlines()[0][:200]


def _segment_age(name: str) -> float:
    """Seconds since a fetch-log segment was started (its name begins with the time in nanoseconds)."""
    try:
        return time.time() - int(name.split("-", 1)[0]) / 1e9
    except ValueError:
        return 0.0
