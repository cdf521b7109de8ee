"""Plain-text helpers shared by the parsers of prose (FR notices, press releases)."""
from __future__ import annotations


import re

# month names and their three-letter abbreviations -> month number, for every reader of dates in prose
MONTHS = {name: number for number, name in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})

SLOT = re.compile(r"\x00(\d+)\x00")


def slotted(text: str) -> tuple[str, list[str]]:
    """Text with each top-level parenthetical replaced by a numbered slot (NUL n NUL), and the groups' contents."""
    out, groups, depth, current = [], [], 0, []
    for char in text:
        if char == "(":
            depth += 1
            if depth == 1:
                current = []
                continue
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(f"\x00{len(groups)}\x00")
                groups.append("".join(current))
                continue
        (current if depth else out).append(char)
    return "".join(out), groups


def outside_and_groups(text: str) -> tuple[str, list[str]]:
    """Text outside top-level parentheses, and the contents of each parenthetical group."""
    outside, groups = slotted(text)
    return SLOT.sub("", outside), groups
