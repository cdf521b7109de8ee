"""Read-only CLI commands over 10,000 designations, fresh process each: python benchmarks/bench_read_commands.py [N]."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pyarrow as pa  # noqa: E402

from benchmarks.synthetic import synthetic_event_rows  # noqa: E402
from parsers.model import Action, DocumentRef, Event, Program, Source  # noqa: E402
from storage.derive import derive_tables  # noqa: E402
from storage.ledger import event_row  # noqa: E402
from storage.schema import LEDGER_EVENTS  # noqa: E402
from storage.versions import VersionStore  # noqa: E402

AS_OF = date(2026, 11, 27)
DESIGNATIONS = str(Path(sys.executable).with_name("designations"))
TARGET = 1.5
SEARCH_TARGET = 1.0
ROUNDS = 3
# Runs the CLI like the console script, then reports which heavy packages got imported (on stderr, last line).
WRAPPER = ("import sys, json\nfrom flows.cli import main\ncode = main(sys.argv[1:])\nsys.stdout.flush()\n"
           "print('MODULES ' + json.dumps({'code': code, 'prefect': 'prefect' in sys.modules, "
           "'pandas': 'pandas' in sys.modules}), file=sys.stderr)")


def later_rows(count: int) -> list[dict]:
    """What the second version adds: three new designations and five revocations."""
    rows = []
    day = AS_OF - timedelta(days=3)
    for i in range(3):
        doc = DocumentRef(Source.FEDERAL_REGISTER, f"N{i:07d}", f"https://www.federalregister.gov/d/N{i:07d}",
                          f"{count + i:064x}", f"Designation of New Group {i}", day, f"91 FR {9000 + i}")
        rows.append(event_row(Event(Program.FTO, Action.DESIGNATION, f"New Group {i}", doc, effective_on=day)))
    for i in range(1, 6):
        doc = DocumentRef(Source.FEDERAL_REGISTER, f"X{i:07d}", f"https://www.federalregister.gov/d/X{i:07d}",
                          f"{2 * count + i:064x}", f"Revocation of Example Group {i}", day, f"91 FR {9100 + i}")
        program = Program.FTO if i % 10 == 0 else Program.SDGT
        rows.append(event_row(Event(program, Action.REVOCATION, f"Example Group {i}", doc, effective_on=day)))
    return rows


def build(data_dir: Path, count: int) -> list[str]:
    """Publish v1 from the synthetic ledger and v2 with a few changes; the versions' summaries."""
    store = VersionStore(data_dir)
    rows = synthetic_event_rows(count)
    summaries = []
    for ledger_rows in (rows, rows + later_rows(count)):
        designations, events = derive_tables(pa.Table.from_pylist(ledger_rows, schema=LEDGER_EVENTS), AS_OF)
        published = store.publish(designations, events, created_at=datetime.now(timezone.utc), as_of=AS_OF,
                                  sources={}, code_version="bench")
        manifest = published.manifest
        summaries.append(f"{published.name}: {manifest['row_counts']} changes {manifest['changes']}")
    return summaries


def timed(argv: list[str]) -> tuple[float, str]:
    """Wall time of one fresh process, and its stderr if it failed."""
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    return elapsed, (done.stderr.strip() if done.returncode else "")


def imports(args: list[str]) -> dict:
    """Which of prefect/pandas the command imported, run through WRAPPER."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args], cwd=REPO, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith("MODULES ")]
    return json.loads(lines[-1][8:]) if lines else {"code": None, "error": done.stderr.strip()[-300:]}


def show_in_80_columns(data: Path) -> None:
    """`show` with COLUMNS=80: the widest line, and whether every citation of the list is printed whole."""
    import os

    done = subprocess.run([DESIGNATIONS, "--data-dir", str(data), "show"], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "80"})
    lines = done.stdout.splitlines()
    store = VersionStore(data)
    citations = {c for row in store.read_table(store.resolve(None), "designations", ["citations"]).to_pylist()
                 for c in row["citations"]}
    printed = {part.strip().rstrip(";") for line in lines for part in line.split("  ") if " FR " in part}
    printed = {c.strip() for part in printed for c in part.split(";")}
    whole = citations <= printed
    widest = max(len(line) for line in lines)
    print(f"  show in 80 columns: {len(lines)} lines, widest {widest}; {len(citations)} distinct citations, "
          f"every one whole: {whole} [{'ok' if widest <= 80 and whole else 'MISSED'}]")


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        started = time.perf_counter()
        for line in build(data, count):
            print(line)
        print(f"built in {time.perf_counter() - started:.1f} s; timing {DESIGNATIONS} (best of {ROUNDS})")
        commands = [
            ["show"], ["show", "--as-of", "2010-01-01"], ["show", "--format", "csv"], ["history", "Example Group 42"],
            ["snapshots"], ["diff", "1", "2"], ["export", "--format", "csv", "--out", f"{tmp}/out.csv"],
            ["export", "--format", "parquet", "--out", f"{tmp}/out.parquet"],
            ["parse", "tests/fixtures/federal_register/fto_designation_single.xml"],
            ["search", "Exampel Grup 42"], ["changes"], ["changes", "--format", "atom"],
        ]
        baseline = min(timed([sys.executable, "-c", "pass"])[0] for _ in range(ROUNDS))
        print(f"  {'(python -c pass: interpreter start)':<58} {baseline:5.2f} s")
        misses = []
        for command in commands:
            args = ["--data-dir", str(data), *command]
            runs = [timed([DESIGNATIONS, *args]) for _ in range(ROUNDS)]
            best, error = min(r[0] for r in runs), next((r[1] for r in runs if r[1]), "")
            loaded = imports(args)
            target = SEARCH_TARGET if command[0] == "search" else TARGET
            verdict = "ok" if best < target and not error else "MISSED"
            if verdict != "ok":
                misses.append(" ".join(command))
            label = "designations " + " ".join(c if not c.startswith(tmp) else "<tmp>/" + Path(c).name for c in command)
            print(f"  {label:<58} {best:5.2f} s  [{verdict}]  exit {loaded.get('code')}  "
                  f"prefect imported: {loaded.get('prefect')}  pandas imported: {loaded.get('pandas')}"
                  + (f"  error: {error}" if error else ""))
        show_in_80_columns(data)
    print(f"target < {TARGET:g} s each (search < {SEARCH_TARGET:g} s): {'met' if not misses else 'MISSED by ' + ', '.join(misses)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
