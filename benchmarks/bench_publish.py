"""Publish time and file sizes for a synthetic list of 100,000 designations: python benchmarks/bench_publish.py [N]."""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import synthetic_event_rows  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402

from storage.derive import derive_tables  # noqa: E402
from storage.schema import LEDGER_EVENTS  # noqa: E402
from storage.versions import VersionStore  # noqa: E402


def main(count: int) -> None:
    ledger = pa.Table.from_pylist(synthetic_event_rows(count), schema=LEDGER_EVENTS)
    started = time.perf_counter()
    designations, events = derive_tables(ledger, date(2026, 11, 27))
    derived = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        store = VersionStore(Path(tmp))
        started = time.perf_counter()
        published = store.publish(designations, events, created_at=datetime.now(timezone.utc),
                                  as_of=date(2026, 11, 27), sources={}, code_version="bench")
        elapsed = time.perf_counter() - started
        again = time.perf_counter()
        assert store.publish(designations, events, created_at=datetime.now(timezone.utc), as_of=date(2026, 11, 27),
                             sources={}, code_version="bench") is None
        unchanged = time.perf_counter() - again
        renamed = pc.if_else(pc.less(pc.sort_indices(designations["designation_id"]), count // 100),
                             pc.binary_join_element_wise(designations["name"], " (renamed)", ""), designations["name"])
        changed = designations.set_column(designations.schema.get_field_index("name"), "name", renamed)
        again = time.perf_counter()
        second = store.publish(changed, events, created_at=datetime.now(timezone.utc), as_of=date(2026, 11, 27),
                               sources={}, code_version="bench")
        with_parent = time.perf_counter() - again
        sizes = {p.name: p.stat().st_size for p in published.path.iterdir()}
    print(f"designations: {designations.num_rows:,}  events: {events.num_rows:,}")
    print(f"derive (fold over the ledger): {derived:.2f} s")
    print(f"publish (hash, diff, write 3 Parquet files + manifest, rename): {elapsed:.2f} s")
    print(f"publish against a {count:,}-row parent with {second.manifest['changes']} : {with_parent:.2f} s")
    print(f"publish of unchanged content (hash, compare, write nothing): {unchanged:.2f} s")
    for name, size in sorted(sizes.items()):
        print(f"  {name}: {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
