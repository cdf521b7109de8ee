"""Plain-text helpers shared by the parsers of prose (FR notices, press releases)."""
from __future__ import annotations


def outside_and_groups(text: str) -> tuple[str, list[str]]:
    """Text outside top-level parentheses, and the contents of each parenthetical group."""
    outside, groups, depth, current = [], [], 0, []
    for char in text:
        if char == "(":
            depth += 1
            if depth == 1:
                current = []
                continue
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append("".join(current))
                continue
        (current if depth else outside).append(char)
    return "".join(outside), groups
