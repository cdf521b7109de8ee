"""What settings cost a command: import time of the CLI, with pydantic / pydantic-settings beside it for comparison."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 7
STATEMENTS = {
    "import flows.cli (today)": "import flows.cli",
    "+ pydantic BaseModel": "import flows.cli; from pydantic import BaseModel",
    "+ pydantic_settings": "import flows.cli; import pydantic_settings",
    "Settings.from_env() x1000": "import flows.cli; from flows.config import Settings; "
                                 "[Settings.from_env({'DESIGNATIONS_SITE_RPS': '3'}) for _ in range(1000)]",
}


def timed(statement: str) -> list[float]:
    """Wall seconds of a fresh interpreter running this statement, RUNS times."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True, cwd=REPO)
        times.append(time.perf_counter() - started)
    return times


if __name__ == "__main__":
    for label, statement in STATEMENTS.items():
        times = sorted(timed(statement))
        print(f"{label:<28} best {times[0] * 1000:5.0f} ms  median {times[RUNS // 2] * 1000:5.0f} ms")
