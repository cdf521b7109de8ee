"""The import direction of DESIGN.md: parsers pure, storage without network or Prefect, flows on top."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

FORBIDDEN = {
    "parsers": {"flows", "storage", "requests", "prefect", "urllib.request", "socket", "pandas"},
    "storage": {"flows", "requests", "prefect", "urllib.request", "socket"},
}


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(layer):
    offenders = {
        path.name: sorted(m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN[layer] or m in FORBIDDEN[layer])
        for path in sorted((REPO / layer).glob("*.py"))
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}
