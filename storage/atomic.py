"""Write files so that readers see the old content or the new, never half of either."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from storage.store import ObjectPath, parquet_bytes


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates 0600 files: give them the mode every other file of the data directory gets.
FILE_MODE = 0o666 & ~_umask()


def aside(path: Path) -> Path:
    """A fresh temporary name beside the target (unique per process and thread), with the usual file mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(handle, FILE_MODE)
    os.close(handle)
    return Path(name)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write aside, fsync, then rename over the target (on object storage: one PUT, atomic by nature)."""
    if isinstance(path, ObjectPath):
        path.write_bytes(data)
        return
    tmp = aside(path)
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_parquet_atomic(path: Path, table: pa.Table) -> None:
    """Write a Parquet file aside, then rename it into place (on object storage: one PUT)."""
    if isinstance(path, ObjectPath):
        path.write_bytes(parquet_bytes(table))
        return
    tmp = aside(path)
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def sweep_stale_temporaries(directory: Path, older_than: float = 0.0) -> list[Path]:
    """Remove the `.<name>.*.tmp` files a crash or a full disk left here, if older than `older_than` seconds."""
    import time

    removed = []
    if isinstance(directory, ObjectPath) or not directory.is_dir():  # a PUT leaves no temporary behind
        return removed
    cutoff = time.time() - older_than
    for path in directory.glob(".*.tmp"):
        try:
            if path.is_file() and path.stat().st_mtime <= cutoff:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue
    return removed


def write_if_unchanged(path: Path | ObjectPath, data: bytes, attributes: dict[str, str] | None = None) -> None:
    """Replace a file the caller read under the data lock; on object storage only if no other writer changed it
    since (If-Match on the ETag read, If-None-Match if it was absent), else Conflict (with `attributes`, S3
    user metadata; on disk there are none)."""
    if isinstance(path, ObjectPath):
        path.replace_if_unchanged(data, attributes)
    else:
        write_bytes_atomic(path, data)
