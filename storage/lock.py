"""One writer at a time per data directory: a nightly and a manual run cannot lose each other's update."""
from __future__ import annotations

import fcntl
import json
import logging
import os
import platform
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from storage.store import Conflict, ObjectPath, data_path

LEASE_SECONDS = 60.0  # the default of DESIGNATIONS_LEASE_SECONDS (flows/config.py validates and passes it)
log = logging.getLogger("designations.lock")


class LockTimeout(RuntimeError):
    """Another run held the data directory for longer than we were willing to wait."""


@contextmanager
def data_lock(root: Path | str, timeout: float = 600.0, lease_seconds: float = LEASE_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the data directory (fcntl, released if the process dies; a lease on S3)."""
    root = data_path(root)
    if isinstance(root, ObjectPath):
        with lease(root / ".lock", timeout, lease_seconds):
            yield
        return
    root.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    with open(root / ".lock", "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(f"{root} is locked by another run") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _body(owner: str, expires: float) -> bytes:
    return json.dumps({"owner": owner, "expires": expires}, sort_keys=True).encode()


def _expires(body: bytes) -> float:
    """When a lease ends; a lease that cannot be read counts as expired (a hand or a torn tool wrote it)."""
    try:
        return float(json.loads(body)["expires"])
    except (ValueError, KeyError, TypeError):
        return 0.0


@contextmanager
def lease(key: ObjectPath, timeout: float = 600.0, seconds: float = LEASE_SECONDS) -> Iterator[None]:
    """An expiring lease object: created with If-None-Match, taken over with If-Match once expired, renewed while
    held (every third of its length), deleted on exit (or, if close to its expiry, marked expired by a
    conditional write, so that a lease another writer took over is never deleted)."""
    owner = f"{platform.node()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    deadline = time.monotonic() + timeout
    etag = _acquire(key, owner, seconds, deadline)
    state = {"etag": etag, "lost": False, "until": time.time() + seconds}
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(seconds / 3):
            try:
                until = time.time() + seconds
                state["etag"] = key.replace(_body(owner, until), state["etag"])
                state["until"] = until
            except Conflict:
                state["lost"] = True
                log.warning("%s: the lease was taken over by another writer", key)
                return
            except Exception as error:  # a store that does not answer: try again at the next renewal
                log.warning("%s: could not renew the lease: %s", key, error)

    renewer = threading.Thread(target=renew, name="lease-renewal", daemon=True)
    renewer.start()
    try:
        yield
    finally:
        stop.set()
        renewer.join()
        if not state["lost"] and time.time() < state["until"] - seconds / 3:
            try:  # still well within our lease, so nobody can have taken it over: delete it
                key.unlink()
            except Exception as error:
                log.warning("%s: could not end the lease (it expires by itself): %s", key, error)
        elif not state["lost"]:
            try:  # close to its expiry: end it only if it is still ours
                key.replace(_body(owner, 0.0), state["etag"])
            except Conflict:
                pass  # taken over after it expired: not ours to end
            except Exception as error:
                log.warning("%s: could not end the lease (it expires by itself): %s", key, error)


def _acquire(key: ObjectPath, owner: str, seconds: float, deadline: float) -> str:
    """Create the lease, or take over an expired one; wait while another writer holds it."""
    while True:
        try:
            return key.create(_body(owner, time.time() + seconds))
        except Conflict:
            pass
        held = key.read_with_etag()
        if held is not None and _expires(held[0]) <= time.time():
            try:
                return key.replace(_body(owner, time.time() + seconds), held[1])
            except Conflict:
                pass  # another writer took it over first
        if time.monotonic() > deadline:
            raise LockTimeout(f"{key.parent} is locked by another run (lease {key})")
        time.sleep(0.05)
