"""`export --format ftm|simple-csv` over 10,000 synthetic designations, and every line re-checked: python benchmarks/bench_export_ftm.py [N]."""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_read_commands import build  # noqa: E402
from flows.cli import main  # noqa: E402


def invalid_properties(path: Path) -> int:
    """Properties the model does not know, or whose values change when followthemoney re-cleans them."""
    from followthemoney import model

    bad = 0
    for line in path.open(encoding="utf-8"):
        data = json.loads(line)
        reloaded = model.get_proxy(data, cleaned=False).to_dict()["properties"]
        known = model.get(data["schema"]).properties
        bad += sum(1 for k, v in data["properties"].items() if k not in known or sorted(reloaded.get(k, [])) != sorted(v))
    return bad


def bench(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build(data, count)
        for fmt in ("ftm", "simple-csv"):
            out = Path(tmp) / f"out.{fmt}"
            started = time.perf_counter()
            assert main(["--data-dir", str(data), "export", "--format", fmt, "--out", str(out)]) == 0
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            print(f"{fmt}: {time.perf_counter() - started:.1f} s, {lines} lines")
        print(f"invalid properties in the ftm export: {invalid_properties(Path(tmp) / 'out.ftm')}")


if __name__ == "__main__":
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
