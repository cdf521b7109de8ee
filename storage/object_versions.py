"""Publishing a version on object storage: claim the parent, write the files, manifest last, then CAS LATEST.

There is no rename on S3, so a version counts once its manifest exists (as on disk) and only the writer that
claimed the parent (staging/<parent>.claim, created with If-None-Match) ever writes under versions/<name>/:
two writers on one parent cannot both publish, and a loser writes nothing. LATEST is then replaced with
If-Match on the ETag read with the parent. A dead writer's claim is taken over once older than a lease.
"""
from __future__ import annotations

import json
import os
import platform
import re
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from storage.atomic import write_if_unchanged
from storage.store import Conflict, ObjectPath, delete_keys

if TYPE_CHECKING:
    from storage.versions import VersionStore

VERSION_KEY = re.compile(r"^(v\d{6})/(.+)$")
CONTENT_HASH = "content-hash"  # S3 user metadata on LATEST: its version's content hash, so no manifest GET is needed


def version_files(root: ObjectPath) -> dict[str, list[ObjectPath]]:
    """Every object under versions/, by version name (complete or not)."""
    found: dict[str, list[ObjectPath]] = {}
    for key in root.keys():
        match = VERSION_KEY.match(str(key.relative_to(root)))
        if match:
            found.setdefault(match.group(1), []).append(key)
    return found


def complete_names(root: ObjectPath) -> list[str]:
    """The versions whose manifest exists, oldest first."""
    return sorted(name for name, keys in version_files(root).items() if any(k.name == "manifest.json" for k in keys))


def claim_parent(store: "VersionStore", parent: str | None) -> ObjectPath:
    """Become the one writer that publishes on `parent`, or raise Conflict naming who did or does."""
    claim = store.staging_root / f"{parent or 'none'}.claim"
    body = json.dumps({"owner": f"{platform.node()}:{os.getpid()}", "parent": parent,
                       "claimed_at": time.time()}, sort_keys=True).encode()
    try:
        claim.create(body)
        return claim
    except Conflict:
        pass
    held = claim.read_with_etag()
    if held is not None:
        before = _json(held[0])
        done = before.get("name") and (store.root / before["name"] / "manifest.json").exists()
        if done:
            raise Conflict(f"another writer published {before['name']} on {parent or 'an empty list'} first")
        if time.time() - float(before.get("claimed_at") or 0) <= store.lease_seconds:
            raise Conflict(f"another writer is publishing on {parent or 'an empty list'}")
        _remove_partial(store, before.get("name"))  # the claim of a writer that died mid-publish
        claim.replace(body, held[1])  # Conflict if a third writer took it over first
        return claim
    claim.create(body)
    return claim


def _json(data: bytes) -> dict:
    try:
        value = json.loads(data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _remove_partial(store: "VersionStore", name: str | None) -> None:
    """Delete a version's objects if its manifest was never written."""
    if name and not (store.root / name / "manifest.json").exists():
        delete_keys((store.root / name).keys())


def name_claim(claim: ObjectPath, name: str) -> None:
    """Record in the claim which version its writer is about to write."""
    body = _json(claim.read_bytes())
    claim.replace(json.dumps({**body, "name": name}, sort_keys=True).encode(), claim.bucket.seen[claim.key])


def commit(store: "VersionStore", claim: ObjectPath, name: str, files: dict[str, bytes], manifest: bytes,
           crash_hook=None) -> None:
    """Write a claimed version's files, the manifest last, then replace LATEST (If-Match); Conflict if it moved."""
    prefix = store.root / name
    try:
        name_claim(claim, name)
        for file, data in files.items():
            (prefix / file).write_bytes(data)
        if crash_hook:
            crash_hook()
        (prefix / "manifest.json").write_bytes(manifest)
    except BaseException:
        _undo(prefix, claim)
        raise
    latest = store.root / "LATEST"
    try:
        write_if_unchanged(latest, (name + "\n").encode(), {CONTENT_HASH: json.loads(manifest)["content_hash"]})
    except Conflict:
        try:
            now = latest.read_text().strip()
        except FileNotFoundError:
            now = None
        if now != name:  # a reader's repair may have moved LATEST to us already; anything else: withdraw
            _undo(prefix, claim)
            raise Conflict(f"LATEST moved to {now} while {name} was being published") from None


def _undo(prefix: ObjectPath, claim: ObjectPath) -> None:
    """Withdraw an unfinished version (the manifest first, so that it is never complete meanwhile) and its claim."""
    try:
        (prefix / "manifest.json").unlink(missing_ok=True)
        delete_keys(prefix.keys())
        claim.unlink(missing_ok=True)
    except Exception:  # the store is gone: the next publish takes the stale claim over and removes the rest
        pass


def latest_pointer(store: "VersionStore") -> tuple[str | None, str | None]:
    """(what LATEST says, the newest complete version): LATEST, then its manifest and the keys after its version
    side by side; the whole of versions/ is listed only when they disagree."""
    pointer = store.pointer()
    if pointer and VERSION_KEY.match(f"{pointer}/manifest.json"):
        with ThreadPoolExecutor(max_workers=2) as pool:
            complete = pool.submit(_has_manifest, store, pointer)
            later = pool.submit(_later_manifests, store.root, pointer)
            if complete.result() and not later.result():
                return pointer, pointer
    names = complete_names(store.root)
    return pointer, names[-1] if names else None


def _has_manifest(store: "VersionStore", name: str) -> bool:
    try:
        store.read_manifest(name)
        return True
    except FileNotFoundError:
        return False


def _later_manifests(root: ObjectPath, name: str) -> bool:
    """Whether a version after `name` has a manifest (one listing from just past name's keys)."""
    import obstore

    # "v000001" + "0" sorts after every "v000001/…" key ("/" < "0") and before "v000002/…"
    offset = f"{root.key}/{name}0"
    return any(meta["path"].endswith("/manifest.json")
               for batch in obstore.list(root.bucket.store, prefix=f"{root.key}/", offset=offset, chunk_size=1000)
               for meta in batch)


def version_listing(root: ObjectPath) -> dict[str, tuple[float, bool]]:
    """Every version under versions/: (its newest object's time, whether its manifest exists), one listing."""
    import obstore

    found: dict[str, tuple[float, bool]] = {}
    for batch in obstore.list(root.bucket.store, prefix=f"{root.key}/", chunk_size=1000):
        for meta in batch:
            match = VERSION_KEY.match(meta["path"][len(root.key) + 1:])
            if match:
                when, complete = found.get(match.group(1), (0.0, False))
                found[match.group(1)] = (max(when, meta["last_modified"].timestamp()),
                                         complete or match.group(2) == "manifest.json")
    return found


def sweep_partial(store: "VersionStore", listing: dict[str, tuple[float, bool]]) -> list[str]:
    """Versions without a manifest whose newest object is older than a lease: removed (caller holds the lock)."""
    stale = [name for name, (when, complete) in listing.items()
             if not complete and time.time() - when > store.lease_seconds]
    for name in stale:
        delete_keys((store.root / name).keys())
    return stale
