"""Where the data directory lives: a local path, or `s3://bucket/prefix` on any S3-compatible store (obstore)."""
from __future__ import annotations

import functools
import os
import threading
from datetime import timedelta
from pathlib import Path, PurePosixPath
from typing import Iterator

import pyarrow as pa
import pyarrow.parquet as pq

SCHEME = "s3://"


class Conflict(RuntimeError):
    """Another writer changed the object first (HTTP 412 on a conditional write): re-read and try again."""


def is_object_store(location) -> bool:
    """Whether a data directory (or a path in one) is on object storage."""
    return isinstance(location, ObjectPath) or str(location).startswith(SCHEME)


def data_path(location: str | Path | "ObjectPath") -> "Path | ObjectPath":
    """The root of a data directory: a Path, or an ObjectPath for `s3://bucket[/prefix]`."""
    if isinstance(location, ObjectPath):
        return location
    if str(location).startswith(SCHEME):
        return ObjectPath(_Bucket(str(location)), "")
    return Path(location)


class _Bucket:
    """A data root: its (shared) client, and the ETag each object had when this root last read or wrote it."""

    def __init__(self, url: str):
        bucket, _, prefix = url[len(SCHEME):].partition("/")
        if not bucket:
            raise ValueError(f"{url}: give s3://bucket or s3://bucket/prefix")
        self.bucket, self.prefix = bucket, prefix.strip("/")
        endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        self.store = _client(bucket, self.prefix, endpoint, region, os.environ.get("AWS_ACCESS_KEY_ID"))
        self.seen: dict[str, str | None] = {}  # key -> ETag last read (None: read as absent)
        self.attributes: dict[str, dict[str, str]] = {}  # key -> the object's attributes as last read
        self.lock = threading.Lock()

    def url(self, key: str) -> str:
        return SCHEME + "/".join(part for part in (self.bucket, self.prefix, key) if part)


@functools.lru_cache(maxsize=32)
def _client(bucket: str, prefix: str, endpoint: str | None, region: str, key_id: str | None):
    """One obstore client per bucket, prefix, endpoint and key in a process (building one costs ~15 ms)."""
    from obstore.store import S3Store

    options = {"region": region}
    if endpoint:
        options["endpoint"] = endpoint
    # A store that does not answer fails a command in seconds, not after obstore's default three minutes.
    client = {"allow_http": bool(endpoint and endpoint.startswith("http://")), "connect_timeout": "5s",
              "timeout": "60s"}
    retry = {"max_retries": 3, "retry_timeout": timedelta(seconds=20),
             "backoff": {"init_backoff": timedelta(milliseconds=100), "max_backoff": timedelta(seconds=5),
                         "base": 2}}
    return S3Store(bucket, prefix=prefix or None, client_options=client, retry_config=retry, **options)


def _errors():
    from obstore import exceptions

    return exceptions


class ObjectPath:
    """A key under an object-store data root, with the few Path methods the stores use."""

    def __init__(self, bucket: _Bucket, key: str):
        self.bucket, self.key = bucket, key.strip("/")

    # ---- naming
    def __truediv__(self, part: str) -> "ObjectPath":
        return ObjectPath(self.bucket, f"{self.key}/{part}" if self.key else str(part))

    def __str__(self) -> str:
        return self.bucket.url(self.key)

    def __repr__(self) -> str:
        return f"ObjectPath({str(self)!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, ObjectPath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    @property
    def name(self) -> str:
        return PurePosixPath(self.key).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.key).suffix

    @property
    def parent(self) -> "ObjectPath":
        parent = str(PurePosixPath(self.key).parent)
        return ObjectPath(self.bucket, "" if parent == "." else parent)

    def with_name(self, name: str) -> "ObjectPath":
        return self.parent / name

    def relative_to(self, other: "ObjectPath") -> PurePosixPath:
        return PurePosixPath(self.key).relative_to(other.key) if other.key else PurePosixPath(self.key)

    # ---- reading
    def read_bytes(self) -> bytes:
        """The object's bytes (FileNotFoundError if absent); its ETag is remembered for `replace_if_unchanged`."""
        import obstore

        try:
            result = obstore.get(self.bucket.store, self.key)
            body = result.bytes().to_bytes()
        except (FileNotFoundError, _errors().NotFoundError):
            self.bucket.seen[self.key] = None
            raise FileNotFoundError(str(self)) from None
        self.bucket.seen[self.key] = result.meta["e_tag"]
        self.bucket.attributes[self.key] = dict(result.attributes)
        return body

    def read_text(self) -> str:
        return self.read_bytes().decode("utf-8")

    def read_with_etag(self) -> tuple[bytes, str] | None:
        """The object's bytes and ETag, or None if absent."""
        try:
            body = self.read_bytes()
        except FileNotFoundError:
            return None
        return body, self.bucket.seen[self.key]

    def exists(self) -> bool:
        import obstore

        try:
            obstore.head(self.bucket.store, self.key)
            return True
        except (FileNotFoundError, _errors().NotFoundError):
            return False

    is_file = exists

    def etag(self) -> str | None:
        """The object's ETag now (one HEAD), or None if absent."""
        import obstore

        try:
            return obstore.head(self.bucket.store, self.key)["e_tag"]
        except (FileNotFoundError, _errors().NotFoundError):
            return None

    def is_dir(self) -> bool:
        return bool(self.keys(limit=1))

    def keys(self, limit: int | None = None) -> list["ObjectPath"]:
        """Every object under this key as a prefix (recursively), in key order."""
        import obstore

        found: list[ObjectPath] = []
        for batch in obstore.list(self.bucket.store, prefix=f"{self.key}/" if self.key else None, chunk_size=1000):
            found += [ObjectPath(self.bucket, meta["path"]) for meta in batch]
            if limit is not None and len(found) >= limit:
                break
        return sorted(found, key=lambda p: p.key)

    def iterdir(self) -> Iterator["ObjectPath"]:
        """The objects and "directories" (common prefixes) right under this key."""
        import obstore

        listing = obstore.list_with_delimiter(self.bucket.store, prefix=f"{self.key}/" if self.key else None)
        names = [p.rstrip("/") for p in listing["common_prefixes"]] + [m["path"] for m in listing["objects"]]
        return iter(ObjectPath(self.bucket, name) for name in sorted(names))

    # ---- writing (one PUT is atomic: readers see the old object or the new, never half)
    def write_bytes(self, data: bytes, attributes: dict[str, str] | None = None) -> str:
        """Put the object whatever it holds; its new ETag."""
        import obstore

        etag = obstore.put(self.bucket.store, self.key, data, attributes=attributes)["e_tag"]
        self.bucket.seen[self.key] = etag
        return etag

    def write_text(self, text: str) -> str:
        return self.write_bytes(text.encode("utf-8"))

    def create(self, data: bytes, attributes: dict[str, str] | None = None) -> str:
        """Put the object only if it does not exist (If-None-Match: *); Conflict if it does."""
        import obstore

        try:
            etag = obstore.put(self.bucket.store, self.key, data, mode="create", attributes=attributes)["e_tag"]
        except (_errors().AlreadyExistsError, _errors().PreconditionError, FileExistsError):
            raise Conflict(f"{self} already exists") from None
        self.bucket.seen[self.key] = etag
        return etag

    def replace(self, data: bytes, etag: str, attributes: dict[str, str] | None = None) -> str:
        """Put the object only if it still has this ETag (If-Match); Conflict (412) if another writer changed it."""
        import obstore

        try:
            new = obstore.put(self.bucket.store, self.key, data, mode={"e_tag": etag}, attributes=attributes)["e_tag"]
        except (_errors().PreconditionError, _errors().NotFoundError, FileNotFoundError):
            raise Conflict(f"{self} was changed by another writer") from None
        self.bucket.seen[self.key] = new
        return new

    def replace_if_unchanged(self, data: bytes, attributes: dict[str, str] | None = None) -> str:
        """Put the object if it is as this process last read it (absent, or that ETag); never read: put."""
        if self.key not in self.bucket.seen:
            return self.write_bytes(data, attributes)
        etag = self.bucket.seen[self.key]
        try:
            return self.create(data, attributes) if etag is None else self.replace(data, etag, attributes)
        except Conflict:
            raise Conflict(f"{self} was written by another writer since this one read it") from None

    def unlink(self, missing_ok: bool = False) -> None:
        import obstore

        obstore.delete(self.bucket.store, self.key)  # S3 deletes are idempotent
        self.bucket.seen.pop(self.key, None)

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Nothing to do: prefixes exist as soon as an object does."""


def delete_keys(paths: list[ObjectPath]) -> None:
    """Delete many objects of one bucket (batched)."""
    import obstore

    if paths:
        obstore.delete(paths[0].bucket.store, [p.key for p in paths])


def read_all(paths: list[ObjectPath]) -> list[bytes]:
    """Many objects' bytes, in order, fetched side by side (FileNotFoundError if one is gone)."""
    if len(paths) < 2:
        return [p.read_bytes() for p in paths]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, len(paths))) as pool:
        return list(pool.map(lambda p: p.read_bytes(), paths))


def read_parquet(path: Path | ObjectPath, columns: list[str] | None = None) -> pa.Table:
    """A Parquet file as a table, from disk or from one GET."""
    if isinstance(path, ObjectPath):
        return pq.ParquetFile(pa.BufferReader(path.read_bytes())).read(columns=columns)
    return pq.ParquetFile(path).read(columns=columns)


def parquet_bytes(table: pa.Table) -> bytes:
    """A table as the bytes of a zstd Parquet file."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()
