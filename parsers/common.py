"""Text helpers every reader shares: dates, brackets and quotes, folding for comparison, slugs.

Contracts: nothing here raises on text. A date reader gives a `date` or None; a bracket helper takes any text,
balanced or not, and says what it does with stray or unclosed brackets.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache, wraps

# --- months and dates -------------------------------------------------------------------------------------------

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
# a month's full name, three-letter abbreviation or 'sept' (lower case) -> its number
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())}, sept=9)
FULL_MONTH = "|".join(name.capitalize() for name in MONTH_NAMES)
# a month as prose writes it: full name first, then its abbreviations ('Sept' before 'Sep'); add r"\.?" for 'Nov.'
MONTH = FULL_MONTH + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# 'November 16, 2025', 'Nov. 16 2025' (groups 1-3) or '16 November 2025' (groups 4-6); any case
LONG_DATE = re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})(?:,\s*|\s+)(\d{{4}})|\b(\d{{1,2}})\s+({FULL_MONTH})\s+(\d{{4}})",
                       re.IGNORECASE)
# the comma inside 'January 1, 1970', which never separates list items
DATE_COMMA = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(,)\s+\d{4}")
_WEEKDAY = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # US order: month/day/year


def read_date(text: str | None, *, anywhere: bool = False) -> date | None:
    """The date text is, or with `anywhere` the first long date written in it; None if none; never raises.

    Whole text (weekday optional): 'November 16, 2025', 'Sunday, November 16, 2025', 'Nov. 16, 2025',
    '16 November 2025', '2025-11-16' (or an ISO timestamp), '11/16/2025'. Anywhere: only long dates
    ('… effective Sept. 21, 2015, …'). An impossible day ('February 30, 2025') is None.
    """
    if not text:
        return None
    if anywhere:
        match = LONG_DATE.search(text)
        return _long_date(match) if match else None
    text = squash(text)
    if match := LONG_DATE.fullmatch(_WEEKDAY.sub("", text, count=1)):
        return _long_date(match)
    if match := _ISO.fullmatch(text):
        return _safe_date(match.group(1), match.group(2), match.group(3))
    if match := _NUMERIC.fullmatch(text):
        return _safe_date(match.group(3), match.group(1), match.group(2))
    return None


def _long_date(match: re.Match[str]) -> date | None:
    month, day, year = match.group(1, 2, 3) if match.group(1) else match.group(5, 4, 6)
    return _safe_date(year, MONTHS[month.lower()], day)


def _safe_date(year: str, month: str | int, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# --- brackets and quotes ----------------------------------------------------------------------------------------

FILL = "\x01"  # what mask() writes over bracketed text; never in a document's text
SLOT = re.compile(r"\x00(\d+)\x00")
_GROUP_IN_MASK = re.compile(FILL + r"+(?:\)|$)")


@lru_cache(maxsize=32)
def _specials(characters: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(characters) + "]")


def mask(text: str, brackets: str = "()", quotes: str = "") -> str:
    """text with everything inside brackets or quotes overwritten by FILL, at the same offsets.

    brackets are opening/closing pairs ("()[]"); an opening bracket is masked, its closing one is not, nested
    ones are inside. A stray closing bracket is ignored (depth never goes below zero); an unclosed opening one
    masks to the end. Of quotes, '“' opens, '”' closes and any other toggles; brackets inside quotes do not count.
    Searching the mask finds only top-level text: 'A (B, C), D' -> 'A \x01\x01\x01\x01\x01), D'.
    """
    specials = _specials(brackets + quotes)
    if not specials.search(text):
        return text
    opens, closes = brackets[0::2], brackets[1::2]
    out, depth, quoted, begin, last = [], 0, False, -1, 0
    for match in specials.finditer(text):
        char, index = match.group(), match.start()
        was_inside = depth > 0 or quoted
        if char in quotes:
            quoted = True if char == "\u201c" else False if char == "\u201d" else not quoted
        elif quoted:
            continue
        elif char in opens:
            depth += 1
        elif char in closes:
            depth = max(depth - 1, 0)
        inside = depth > 0 or quoted
        if inside and not was_inside:
            out.append(text[last:index])
            begin = index
        elif was_inside and not inside:
            out.append(FILL * (index - begin))
            last = index
    out.append(FILL * (len(text) - begin) if depth > 0 or quoted else text[last:])
    return "".join(out)


def cut(text: str, separator: re.Pattern[str], masked: str) -> list[str]:
    """text cut where separator matches in masked (its mask()), separators dropped; pieces as they are."""
    pieces, start = [], 0
    for match in separator.finditer(masked):
        pieces.append(text[start:match.start()])
        start = match.end()
    return pieces + [text[start:]]


def split_outside(text: str, separators: str = ",;", *, brackets: str = "()", quotes: str = '"\u201c\u201d',
                  dates: bool = False) -> list[str]:
    """text split on any of the separator characters outside brackets and quotes; parts stripped, empty dropped.

    With dates, the comma of 'January 1, 1970' does not split.
    """
    masked = mask(text, brackets, quotes)
    if dates and "," in separators and (kept := [m.start(1) for m in DATE_COMMA.finditer(text)]):
        chars = list(masked)
        for index in kept:
            chars[index] = FILL
        masked = "".join(chars)
    parts = cut(text, _specials(separators), masked)
    return [part.strip() for part in parts if part.strip()]


def balanced(text: str, brackets: str = "()") -> bool:
    """Whether every closing bracket closes an open one and none is left open."""
    depth = 0
    for match in _specials(brackets).finditer(text):
        depth += 1 if match.group() in brackets[0::2] else -1
        if depth < 0:
            return False
    return depth == 0


def partner(text: str, index: int) -> int | None:
    """Where the parenthesis at text[index] is matched: forward for '(', backward for ')'; None if nowhere."""
    step = 1 if text[index] == "(" else -1
    depth, stop = 0, (len(text) if step == 1 else -1)
    for position in range(index, stop, step):
        char = text[position]
        if char in "()":
            depth += 1 if (char == "(") == (step == 1) else -1
            if depth == 0:
                return position
    return None


def slotted(text: str) -> tuple[str, list[str]]:
    """Text with each top-level parenthetical replaced by a numbered slot (NUL n NUL), and the groups' contents.

    A stray ')' stays in the text; an unclosed '(' and everything after it are dropped.
    """
    masked = mask(text)
    if masked is text:
        return text, []
    out, groups, last = [], [], 0
    for match in _GROUP_IN_MASK.finditer(masked):
        out.append(text[last:match.start()])
        last = match.end()
        if masked[match.end() - 1:match.end()] == ")":
            out.append(f"\x00{len(groups)}\x00")
            groups.append(text[match.start() + 1:match.end() - 1])
    out.append(text[last:])
    return "".join(out), groups


def outside_and_groups(text: str) -> tuple[str, list[str]]:
    """Text outside top-level parentheses, and the contents of each parenthetical group."""
    outside, groups = slotted(text)
    return SLOT.sub("", outside), groups


# --- folding text for comparison ------------------------------------------------------------------------------------

_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def squash(text: str) -> str:
    """Whitespace (no-break spaces included) collapsed to single spaces, zero-width spaces dropped, ends stripped."""
    return " ".join(text.replace("\u200b", "").split())  # str.split() takes exactly the whitespace of \s


def straight_quotes(text: str) -> str:
    """Curly quotes as straight ones: '‘’' -> "'", '“”' -> '"'."""
    return text.translate(_CURLY)


# the letters re.IGNORECASE also takes for an ASCII one: dotless 'ı', long 'ſ', and 'İ' (which lower() makes two)
_CASE_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded_case(text: str) -> str:
    """text lower-cased so that a lowercase pattern finds in it whatever the same pattern with IGNORECASE finds in text."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_CASE_EXTRA)
    return text.lower()


def case_folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """An IGNORECASE pattern made case-sensitive for folded_case text: the same matches at the same offsets, found faster.

    Only for patterns of ASCII whose escapes keep their meaning lower-cased (no \\S, \\W, \\B, \\D, \\A, \\Z, \\x, \\u,
    (?-i:…)); folded_case keeps every character's length, class and word boundary.
    """
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or not source.isascii() or re.search(r"\\[A-Zxu]|\(\?-i", source):
        raise ValueError(f"cannot fold {source[:60]!r}")
    folded = re.compile("(?P".join(part.lower() for part in source.split("(?P")), pattern.flags & ~re.IGNORECASE)
    if folded.groupindex != pattern.groupindex:
        raise ValueError(f"cannot fold the group names of {source[:60]!r}")
    return folded


def fold_accents(text: str) -> str:
    """Diacritics stripped: 'Cártel' -> 'Cartel'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(label: str) -> str:
    """A label as a lowercase identifier: 'Nationality of Registration' -> 'nationality_of_registration'."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


# --- one document's repeated steps ----------------------------------------------------------------------------------

_MEMOS: list[dict] = []
_MEMO_LIMIT = 20_000


def per_document(function):
    """A pure step on hashable arguments, remembered until forget_document(): readers repeat steps on the same text."""
    memo: dict = {}
    _MEMOS.append(memo)

    @wraps(function)
    def remembered(*args):
        try:
            return memo[args]
        except KeyError:
            if len(memo) >= _MEMO_LIMIT:  # a caller outside any reader that forgets: bounded all the same
                memo.clear()
            value = memo[args] = function(*args)
            return value
    return remembered


def forget_document() -> None:
    """Clear what per_document steps remember (a reader calls this as it starts a document)."""
    for memo in _MEMOS:
        memo.clear()
