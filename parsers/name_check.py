"""What may be published as a name: junk phrases, alias boilerplate and individuals' details told apart from names.

Every reader of prose (FR notices, press releases) passes candidate names through `name_problem` and
individuals' trailing identifiers through `detail_pairs`, so a fragment of a sentence is never a designation.
The rules themselves (boilerplate forms, formula words, detail labels) are rows of parsers/name_phrases.py.
"""
from __future__ import annotations

import re

from parsers import name_phrases as nph
from parsers.common import folded_case

_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[\w'\u2019.-]+", re.UNICODE)


def strip_alias_boilerplate(text: str) -> str:
    """Text without 'and other aliases', 'together with its respective aliases' and their kin."""
    folded = folded_case(text)
    if "alias" not in folded and "a.k.a." not in folded and "names" not in folded:
        return text.strip()  # every form of the boilerplate holds one of these words
    return nph.ALIAS_BOILERPLATE.sub(" ", text).strip()


def detail_pairs(item: str) -> list[tuple[str, str]]:
    """[('dob', '1975'), ('pob', 'Quito, Ecuador')] from an identifier such as 'born 1975 in Quito, Ecuador'; else []."""
    item = item.strip().rstrip(".,;: ").strip()
    if not item:
        return []
    born = nph.BORN.match(item)
    if born and (born.group(1) or born.group(2)):
        pairs = [("dob", born.group(1).strip())] if born.group(1) else []
        return pairs + ([("pob", born.group(2).strip())] if born.group(2) else [])
    for pattern, label in nph.LABELLED:
        match = pattern.match(item)
        if match:
            value = match.group(1).strip().rstrip(".,;: ")
            return [(label, value)] if value else []
    return []


def is_date_only(item: str) -> bool:
    """Whether an item is nothing but a date ('1 January 1970', '1975'), as an individual's listing prints."""
    return bool(nph.DATE_ONLY.match(item.strip().rstrip(".,;: ")))


def name_problem(text: str) -> str | None:
    """Why a candidate cannot be a name (a phrase of function words, boilerplate, a detail), or None."""
    candidate = text.strip()
    if not candidate:
        return "empty name"
    if not _LETTER.search(candidate):
        return f"{candidate!r} has no letters"
    if nph.MARKER_START.match(candidate):
        return f"{candidate!r} starts with an alias marker"
    if detail_pairs(candidate) or is_date_only(candidate):
        return f"{candidate!r} is an individual's detail, not a name"
    if nph.FORMULA.search(candidate):
        return f"{candidate!r} holds words of the legal formula"
    if nph.ALIAS_BOILERPLATE.search(candidate) or nph.BOILERPLATE_LEFT.search(candidate):
        return f"{candidate!r} holds alias boilerplate"
    tokens = [t.strip(".'\u2019-").lower() for t in _TOKEN.findall(candidate)]
    tokens = [t for t in tokens if t]
    if tokens and all(t in nph.FUNCTION_WORDS for t in tokens):
        return f"{candidate!r} is a phrase of function words, not a name"
    if candidate == candidate.lower() and not any(ord(c) > 127 for c in candidate):
        return f"{candidate!r} has no capital letter"
    if tokens and tokens[-1] in nph.DANGLING and len(tokens) > 1 and not candidate.endswith(")"):
        return f"{candidate!r} ends in a dangling {tokens[-1]!r}"
    if tokens and tokens[0] in nph.BAD_START:
        return f"{candidate!r} starts with {tokens[0]!r}"
    if len(tokens) > 16 or nph.PREDICATE.search(candidate):
        return f"{candidate!r} reads as part of a sentence, not a name"
    return None
