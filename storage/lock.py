"""One writer at a time per data directory: a nightly and a manual run cannot lose each other's update."""
from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class LockTimeout(RuntimeError):
    """Another run held the data directory for longer than we were willing to wait."""


@contextmanager
def data_lock(root: Path, timeout: float = 600.0) -> Iterator[None]:
    """Hold an exclusive lock on the data directory (fcntl, released if the process dies)."""
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
