"""What may be published as a name: junk phrases, alias boilerplate and individuals' details told apart from names.

Every reader of prose (FR notices, press releases) passes candidate names through `name_problem` and
individuals' trailing identifiers through `detail_pairs`, so a fragment of a sentence is never a designation.
"""
from __future__ import annotations

import re

from parsers.common import folded_case

# Words that alone never make a name: function words, pronouns, and the nouns of the legal formula.
_FUNCTION_WORDS = frozenset(
    "a an the of and or in on at by for to from with without as into upon under over per via "
    "it its they their them theirs his her he she him this that these those which who whom whose such "
    "each all any both other others respective respectively associated aforementioned aforesaid above "
    "above-named named said same following together also known formerly previously hereinafter "
    "alias aliases name names organization organizations entity entities group groups person persons "
    "individual individuals member members leader leaders foreign terrorist terrorists organisation "
    "organisations designation designations designated specially global sdgt sdgts fto ftos".split()
)
# Wording that strips a list of its legal boilerplate (the real notices print every one of these forms).
_BOILERPLATE_CORE = (
    r"(?:(?:and|together\s+with|including|along\s+with|with)\s+(?:all\s+)?(?:of\s+)?(?:its|their|his|her)\s+"
    r"(?:respective\s+)?(?:associated\s+|other\s+|known\s+)?(?:aliases|alias(?!\s*,)|a\.k\.a\.s?|names)"
    r"|and\s+(?:all\s+)?(?:other|associated)\s+(?:associated\s+)?aliases"
    r"|and\s+all\s+(?:of\s+)?(?:its|their)\s+aliases"
    r"|and\s+any\s+other\s+aliases)"
)
# "and its aliases Jamaat Ansar Beit al-Maqdis, …" introduces aliases: it is a marker there, not boilerplate
ALIAS_BOILERPLATE = re.compile(
    r"\s*\(\s*" + _BOILERPLATE_CORE + r"\s*\)|\s*,?\s*\b" + _BOILERPLATE_CORE + r"\b(?!\s*:?\s*(?-i:[A-Z]))",
    re.IGNORECASE)
_BOILERPLATE_LEFT = re.compile(r"\b(?:aliases|aforementioned|hereinafter|together with)\b", re.IGNORECASE)
# Lower-case only: a verb inside a candidate ('Hizballah is a group'); a capitalised 'HaD' (Hurras al-Din) is a name.
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|shall|will|would|should|hereby|pursuant|committed|poses?|constitutes?)\b")
# The legal formula is never part of a name: 'X as Specially Designated Global Terrorists'.
_FORMULA = re.compile(
    r"\b(?:Specially Designated|Foreign Terrorist Organi[sz]ations?|Executive Order|E\.O\.|pursuant to|"
    r"Immigration and Nationality Act|section 219|SDN List)\b", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"[\w'\u2019.-]+", re.UNICODE)
_DANGLING = frozenset("of and or in for to the with by from at on de del la los al".split())

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (r"(?:(?:circa|approximately|about|c\.)\s+)?(?:\d{1,2}\s+" + _MONTHS + r",?\s+\d{4}|" + _MONTHS
         + r"\s+\d{1,2},?\s+\d{4}|" + _MONTHS + r"\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}(?:\s*(?:to|-|–)\s*\d{4})?)")
_DATE_ONLY = re.compile(r"^" + _DATE + r"$", re.IGNORECASE)
_BORN = re.compile(r"^(?:born|b\.)\s+(?:(?:on|in)\s+(?=\d|(?:circa|about|approximately)\b|" + _MONTHS + r"))?(" + _DATE
                   + r")?\s*,?\s*(?:(?:in|at)\s+(.+))?$", re.IGNORECASE)
_ALT = r"^(?:alt(?:ernate|\.)?\s+|alternative\s+)?"
_LABELLED = [
    (re.compile(_ALT + r"(?:date of birth|d\.?o\.?b\.?)(?![\w.])[\s:]*(.+)$", re.I), "dob"),
    (re.compile(_ALT + r"(?:place of birth|p\.?o\.?b\.?)(?![\w.])[\s:]*(.+)$", re.I), "pob"),
    (re.compile(_ALT + r"(?:nationality|nationalities)\b[\s:]*(.+)$", re.I), "nationality"),
    (re.compile(r"^(?:an?\s+)?(?:dual\s+)?national\s+of\s+(.+)$", re.I), "nationality"),
    # 'a Lebanese national', 'a Lebanese and Belgian national'
    (re.compile(r"^(?:an?\s+)?((?:[A-Z][a-z\u00e0-\u00ff]+(?:\s+and\s+|\s*[-/]\s*)?)+)\s+national$"), "nationality"),
    (re.compile(r"^(?:an?\s+)?citizen(?:ship)?(?:\s+of)?\b[\s:]*(.+)$", re.I), "citizenship"),
    (re.compile(r"^(?:gender|sex)\b[\s:]*(male|female)$", re.I), "gender"),
    (re.compile(r"^(male|female)$", re.I), "gender"),
    (re.compile(_ALT + r"passport(?:\s+(?:no\.|no\b|number|#))?[\s:#]*(.+)$", re.I), "passport"),
    (re.compile(_ALT + r"(?:national\s+)?(?:id|identification|identity)(?:\s+card)?(?:\s+(?:no\.|no\b|number|#))?"
                r"(?=[\s:#])[\s:#]*(.+)$", re.I), "national_id"),
]


def strip_alias_boilerplate(text: str) -> str:
    """Text without 'and other aliases', 'together with its respective aliases' and their kin."""
    folded = folded_case(text)
    if "alias" not in folded and "a.k.a." not in folded and "names" not in folded:
        return text.strip()  # every form of the boilerplate holds one of these words
    return ALIAS_BOILERPLATE.sub(" ", text).strip()


def detail_pairs(item: str) -> list[tuple[str, str]]:
    """[('dob', '1975'), ('pob', 'Quito, Ecuador')] from an identifier such as 'born 1975 in Quito, Ecuador'; else []."""
    item = item.strip().rstrip(".,;: ").strip()
    if not item:
        return []
    born = _BORN.match(item)
    if born and (born.group(1) or born.group(2)):
        pairs = [("dob", born.group(1).strip())] if born.group(1) else []
        return pairs + ([("pob", born.group(2).strip())] if born.group(2) else [])
    for pattern, label in _LABELLED:
        match = pattern.match(item)
        if match:
            value = match.group(1).strip().rstrip(".,;: ")
            return [(label, value)] if value else []
    return []


def is_date_only(item: str) -> bool:
    """Whether an item is nothing but a date ('1 January 1970', '1975'), as an individual's listing prints."""
    return bool(_DATE_ONLY.match(item.strip().rstrip(".,;: ")))


def name_problem(text: str) -> str | None:
    """Why a candidate cannot be a name (a phrase of function words, boilerplate, a detail), or None."""
    candidate = text.strip()
    if not candidate:
        return "empty name"
    if not _LETTER.search(candidate):
        return f"{candidate!r} has no letters"
    if re.match(r"(?:also\s+|formerly\s+|commonly\s+)?known\s+as\b", candidate, re.IGNORECASE):
        return f"{candidate!r} starts with an alias marker"
    if detail_pairs(candidate) or is_date_only(candidate):
        return f"{candidate!r} is an individual's detail, not a name"
    if _FORMULA.search(candidate):
        return f"{candidate!r} holds words of the legal formula"
    if ALIAS_BOILERPLATE.search(candidate) or _BOILERPLATE_LEFT.search(candidate):
        return f"{candidate!r} holds alias boilerplate"
    tokens = [t.strip(".'\u2019-").lower() for t in _TOKEN.findall(candidate)]
    tokens = [t for t in tokens if t]
    if tokens and all(t in _FUNCTION_WORDS for t in tokens):
        return f"{candidate!r} is a phrase of function words, not a name"
    if candidate == candidate.lower() and not any(ord(c) > 127 for c in candidate):
        return f"{candidate!r} has no capital letter"
    if tokens and tokens[-1] in _DANGLING and len(tokens) > 1 and not candidate.endswith(")"):
        return f"{candidate!r} ends in a dangling {tokens[-1]!r}"
    if tokens and tokens[0] in {"of", "and", "or", "with", "to", "for", "by", "together", "its", "their"}:
        return f"{candidate!r} starts with {tokens[0]!r}"
    if len(tokens) > 16 or _PREDICATE.search(candidate):
        return f"{candidate!r} reads as part of a sentence, not a name"
    return None
