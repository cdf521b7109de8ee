"""Find designations by any part of a name or alias: folded like matching keys, ranked by closeness (rapidfuzz)."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from parsers.names import name_key

CUTOFF = 75  # WRatio below this reads as a different name


def search(rows: list[dict], text: str, limit: int = 20) -> list[dict]:
    """The designations whose name or an alias is closest to `text`, best first, one line each."""
    query = name_key(text)
    if not query:
        raise ValueError(f"{text!r} has no letters or digits to search for")
    keys, owners = [], []
    for index, row in enumerate(rows):
        for name in [row["name"], *(row["aliases"] or [])]:
            keys.append(name_key(name))
            owners.append((index, name))
    best: dict[int, tuple[float, str]] = {}
    for key, score, at in process.extract(query, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=CUTOFF):
        if key == query:
            score = 300.0
        elif f" {query} " in f" {key} ":
            score = 200.0 - len(key) / 100  # the words, whole: shorter names first
        elif query in key:
            score = 150.0 - len(key) / 100
        index, name = owners[at]
        if index not in best or score > best[index][0]:
            best[index] = (score, name)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], name_key(rows[item[0]]["name"])))[:limit]
    return [{"score": round(min(score, 100.0)), "program": rows[i]["program"], "status": rows[i]["status"],
             "name": rows[i]["name"], "matched": name, "designation_id": rows[i]["designation_id"]}
            for i, (score, name) in ranked]
