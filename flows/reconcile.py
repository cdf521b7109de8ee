"""Cross-checks reported, never applied: State's FTO page against our list, and near-miss name matches."""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from parsers.names import name_key
from parsers.state_fto_page import FtoPage

SIMILAR = 0.85


def _keys(name: str, aliases) -> set[str]:
    return {name_key(name), *(name_key(a) for a in aliases or ())}


@dataclass(frozen=True)
class FtoPageCheck:
    """State's FTO page, to compare with the derived list once the run has derived it."""

    page: FtoPage

    def against(self, designations: list[dict]) -> list[str]:
        """Every difference between the page and the list."""
        return reconcile_fto_page(self.page, designations)


def reconcile_fto_page(page: FtoPage, designations: list[dict]) -> list[str]:
    """Every difference between State's FTO tables and our derived FTO list."""
    ours = [d for d in designations if d["program"] == "FTO"]
    by_key = {k: d for d in ours for k in _keys(d["name"], d["aliases"])}
    differences, matched = [], set()
    for row in page.designated:
        mine = next((by_key[k] for k in _keys(row.name, row.aliases) if k in by_key), None)
        if mine is None:
            differences.append(f"State lists {row.name} as an FTO since {row.date_designated}; our list does not have it")
            continue
        matched.add(mine["designation_id"])
        if mine["status"] != "active":
            differences.append(f"State lists {row.name} as an FTO; ours says {mine['status']}")
        elif mine["designated_on"] != row.date_designated:
            differences.append(f"{row.name}: State says designated {row.date_designated}, ours {mine['designated_on']}")
    for row in page.delisted:
        mine = next((by_key[k] for k in _keys(row.name, row.aliases) if k in by_key), None)
        if mine is not None:
            matched.add(mine["designation_id"])
            if mine["status"] == "active":
                differences.append(f"State lists {row.name} as delisted on {row.date_removed}; ours says active")
    differences += [f"our list has FTO {d['name']} ({d['status']}); State's page does not"
                    for d in ours if d["designation_id"] not in matched and d["status"] == "active"]
    return differences


def uncertain_matches(designations: list[dict]) -> list[str]:
    """Pending announcements whose name is close to, but not the same as, another designation's."""
    found = []
    for pending in (d for d in designations if d["status"] == "pending"):
        for other in designations:
            if other is pending or other["program"] != pending["program"]:
                continue
            score = max(SequenceMatcher(None, a, b).ratio()
                        for a in _keys(pending["name"], pending["aliases"]) for b in _keys(other["name"], other["aliases"]))
            if score >= SIMILAR:
                found.append(f"{pending['program']} {pending['name']!r} (pending) may be {other['name']!r}: "
                             f"not merged, check the names")
    return found
