"""OFAC Recent Actions (ofac.treasury.gov/recent-actions): the listing, and one action page's SDGT/FTO events.

A page says what OFAC did on one day under headings ("Counter Terrorism Designations", "… Removals",
"… Update") and sentences such as "The following individuals have been added to OFAC's SDN List:", each
followed by SDN entries in the list's text grammar, one per paragraph; an update is printed "OLD -to- NEW".
Entries count by their [SDGT]/[FTO] tags, not by heading (Iran-related sections carry [SDGT] entries too).
Every event takes effect on the page's release date: OFAC actions take effect the day OFAC acts.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from parsers import press
from parsers.common import read_date, squash
from parsers.model import Action, DocumentRef, Event, Notice, ParseError, Source
from parsers.press import ListingItem
from parsers.sdn_actions import Reading, add_entry, events_from, malformed_review, note_malformed, notice_kind

OFAC_SITE = "https://ofac.treasury.gov"
RECENT_ACTIONS = f"{OFAC_SITE}/recent-actions"

_ACTION_PATH = re.compile(r"^/recent-actions/(?P<id>\d{8}(?:_\d+)?)/?$")
_LIST_WORDS = re.compile(r"\bSDN\b|\bOFAC'?s list\b|\blist of SDNs\b", re.IGNORECASE)
_ADDED = re.compile(r"\b(?:added|additions?|designated)\b", re.IGNORECASE)
_REMOVED = re.compile(r"\b(?:removed|removals?|delet(?:ed|ions?)|delisted)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|updates?|changes?|changed|amended)\b", re.IGNORECASE)
_TAG = re.compile(r"\[[A-Z0-9][A-Z0-9 .-]*\]")
_TERRORISM_TAG = re.compile(r"\[(?:SDGT|FTO)\]")
_ENTRY_END = re.compile(r"\]\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*\.?$")
# An entry starts with its name in capitals ("AL-AYY, Muhammad", "HURRAS AL-DIN"); prose does not ("U.S.", "OFAC's").
_CAPS_START = re.compile(r"^['\"]?(?=[A-Z0-9'&.\-]*[A-Z]{2})[A-Z0-9'][A-Z0-9'&.\-]*(?:[ ,]|$)")
_TERRORISM_TITLE = re.compile(r"terroris|\bSDGTs?\b|\bFTOs?\b|13224", re.IGNORECASE)
_LINE_BREAK = "\x1e"  # stands for <br> while a paragraph's text is read
_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)


def is_intro(text: str) -> bool:
    """A line introducing entries: '… added to OFAC's SDN List:', 'OFAC has designated the following …:'."""
    return text.endswith(":") and (_LIST_WORDS.search(text) is not None or _FOLLOWING.search(text) is not None)


# ---------------------------------------------------------------- listing


def parse_recent_actions_index(html: bytes) -> list[ListingItem]:
    """The actions on one page of https://ofac.treasury.gov/recent-actions, newest first."""
    soup = BeautifulSoup(html, "lxml")
    rows = soup.select("div.view-content div.views-row")
    if not rows:
        raise ParseError("ofac-recent-actions", "no div.views-row in div.view-content")
    items = []
    for row in rows:
        link = next((a for a in row.find_all("a", href=True) if _ACTION_PATH.match(urlsplit(a["href"]).path)), None)
        if link is None:
            continue
        action_id = _ACTION_PATH.match(urlsplit(link["href"]).path).group("id")
        others = [squash(a.get_text()) for a in row.find_all("a", href=True) if a is not link]
        items.append(ListingItem(url=f"{RECENT_ACTIONS}/{action_id}", title=squash(link.get_text()),
                                 published_on=_row_date(row, link) or _id_date(action_id),
                                 label=next((text for text in others if text), None)))
    if not items:
        raise ParseError("ofac-recent-actions", "no row links to /recent-actions/YYYYMMDD")
    return items


def _row_date(row: Tag, link: Tag) -> date | None:
    """The 'September 10, 2019 - Category' line under the title."""
    for text in row.stripped_strings:
        if text != link.get_text(strip=True) and (found := read_date(text, anywhere=True)):
            return found
    return None


def is_terrorism_title(title: str) -> bool:
    """Whether a Recent Actions title concerns counter-terrorism designations, updates or removals."""
    return _TERRORISM_TITLE.search(title) is not None


# ---------------------------------------------------------------- one action page


def own_address(soup: BeautifulSoup) -> str | None:
    """The page's own /recent-actions/ address: its canonical link, og:url, or the article's 'about' path."""
    candidates = [tag.get("href") for tag in soup.find_all("link", rel="canonical")]
    candidates += [tag.get("content") for tag in soup.find_all("meta", property="og:url")]
    candidates += [tag.get("about") for tag in soup.select("article[about]")]
    for candidate in filter(None, candidates):
        if _ACTION_PATH.match(urlsplit(candidate.strip()).path):
            return candidate.strip()
    return None


def parse_recent_actions_page(url: str, html: bytes) -> Notice:
    """One Recent Actions page: events for its SDGT/FTO entries, effective on its release date.

    `url` may be a file name: a saved page is then known by the address it gives itself (`own_address`); a
    fetched page's own URL is authoritative, and one that is not /recent-actions/YYYYMMDD fails.
    """
    soup = BeautifulSoup(html, "lxml")
    if not urlsplit(url).scheme.startswith("http"):
        url = own_address(soup) or url
    action_id = recent_action_id(url)
    document_id = f"recent-actions/{action_id}"
    article = soup.select_one("article.node--type-ofac-recent-action") or soup
    body = main_content(article)
    title = _title(soup)
    if body is None or not title:
        missing = [name for name, found in (("a body field (" + ", ".join(_BODY_FIELDS) + ") or [TAG]ged SDN "
                                             "entries in the main content", body),
                                            ("h1.uswds-page-title", title)) if not found]
        raise ParseError(document_id, f"not a Recent Actions page: missing {', '.join(missing)}")
    released = article.select_one(".field--name-field-release-date")
    action_on = _release_date(released) if released is not None else _time_date(article) or _id_date(action_id)
    if action_on is None:
        shown = squash(released.get_text()) if released is not None else action_id
        raise ParseError(document_id, f"unreadable release date {shown!r}")
    document = DocumentRef(source=Source.OFAC, document_id=document_id, url=f"{RECENT_ACTIONS}/{action_id}",
                           raw_sha256=press.sha256_hex(html), title=title, published_on=action_on)
    reading = _read_body(body, action_on, _title_action(title))
    return _notice(document, reading, events_from(reading, document))


# Where the action's text sits: the field classes Drupal themes have used, then the page's main landmarks.
_BODY_FIELDS = (".field--name-field-body", ".field--name-body", "[class*='field--name-'][class*='body']")
_LANDMARKS = (".node__content", "article", "main", "[role=main]", "#main-content")
_BODY_SELECTORS = _BODY_FIELDS + _LANDMARKS


def main_content(root: Tag) -> Tag | None:
    """The page's main content: the first body field or landmark holding SDN entries, else the first body field.

    A landmark without any tagged entry is not taken: a listing or an error page is not an action page.
    """
    fields = [tag for selector in _BODY_FIELDS for tag in root.select(selector)]
    landmarks = [tag for selector in _LANDMARKS for tag in root.select(selector)]
    with_entries = next((tag for tag in fields + landmarks if _TAG.search(tag.get_text())), None)
    return with_entries or (fields[0] if fields else None)


def _time_date(root: Tag) -> date | None:
    """The date of the first <time datetime="2019-09-10…"> in the page, if any."""
    time = root.select_one("time[datetime]")
    return read_date(time.get("datetime", "")[:10]) if time is not None else None


def recent_action_id(url: str) -> str:
    """'20190910' (or '20190910_33') from .../recent-actions/20190910 on any host."""
    match = _ACTION_PATH.match(urlsplit(url).path)
    if not match:
        raise ParseError(url, "not a /recent-actions/YYYYMMDD URL")
    return match.group("id")


def _title(soup: BeautifulSoup) -> str:
    heading = soup.select_one("h1.uswds-page-title") or soup.select_one("h1")
    if heading is not None:
        return squash(heading.get_text())
    title = soup.find("title")
    return squash(title.get_text()).split(" | ")[0] if title else ""


def _release_date(field_tag: Tag) -> date | None:
    """'09/10/2019' in the field's item."""
    item = field_tag.select_one(".field__item") or field_tag
    return read_date(squash(item.get_text()))


def _id_date(action_id: str) -> date | None:
    try:
        return date(int(action_id[:4]), int(action_id[4:6]), int(action_id[6:8]))
    except ValueError:
        return None


def _title_action(title: str) -> Action | None:
    """What a title alone says was done ('Counter Terrorism Designations', '… Designation Removals'), if one thing."""
    found = {_heading_action(part) for part in title.split(";")}
    return found.pop() if len(found) == 1 else None


def _read_body(body: Tag, action_on: date, default: Action | None = None) -> Reading:
    """Walk headings, "The following … SDN List:" sentences and entry paragraphs in order.

    Tagged entries before any heading or sentence take the action the page title names, if it names one.
    """
    reading = Reading()
    action: Action | None = None
    in_section = False
    for tag in _blocks(body):
        lines = _lines(tag)
        text = " ".join(lines)
        if _is_heading(tag, text) and not is_intro(text):
            action, in_section = _heading_action(text), True
            continue
        # An introducing sentence may share its paragraph with the entries, separated by <br>.
        for group in _line_groups(lines):
            text = " ".join(group)
            if is_intro(text):
                action, in_section = _sentence_action(text), True
            elif _TAG.search(text) or (in_section and (_CAPS_START.match(text) or text == "-to-")):
                for entry_text in _entry_texts(group):
                    _entry(reading, action if in_section else default, action_on, entry_text)
    return reading


def _line_groups(lines: list[str]) -> list[list[str]]:
    """A paragraph's lines cut after each line that introduces a list ('… added to OFAC's SDN List:')."""
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if is_intro(line):
            groups.append([])
    return [group for group in groups if group]


_BLOCK_TAGS = frozenset(["p", "li", "td", "dd", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6"])
_INNER_BLOCKS = ["p", "li", "div", "table", "ul", "ol", "h2", "h3", "h4", "h5", "h6"]


def _blocks(body: Tag) -> list[Tag]:
    """The body's paragraphs, list items, cells, leaf <div>s and headings, outermost only, in order.

    Entries written straight into the body between <br>s make the body itself the one block.
    """
    tags = [tag for tag in body.find_all(True)
            if tag.name in _BLOCK_TAGS or (tag.name == "div" and tag.find(_INNER_BLOCKS) is None)]
    chosen = [tag for tag in tags if not any(parent in tags for parent in tag.parents)]
    if not any(_TAG.search(tag.get_text()) for tag in chosen) and _TAG.search(body.get_text()):
        return [body]
    return chosen


def _lines(tag: Tag) -> list[str]:
    """A paragraph's text, cut where it has <br> line breaks."""
    for br in tag.find_all("br"):
        br.replace_with(_LINE_BREAK)
    return [line for line in (squash(part) for part in tag.get_text().split(_LINE_BREAK)) if line]


def _is_heading(tag: Tag, text: str) -> bool:
    """An <hN>, or a paragraph that is all bold ("<p><strong>Counter Terrorism Designations</strong></p>")."""
    if tag.name.startswith("h"):
        return True
    bold = "".join(b.get_text() for b in tag.find_all(["strong", "b"]))
    return bool(text) and squash(bold) == text and not _TAG.search(text)


def _heading_action(text: str) -> Action | None:
    if _REMOVED.search(text):
        return Action.REVOCATION
    if _UPDATED.search(text):
        return Action.AMENDMENT
    return Action.DESIGNATION if re.search(r"designation", text, re.IGNORECASE) else None


def _sentence_action(text: str) -> Action | None:
    """"added" designates, "removed"/"deletions" revoke, "updated"/"changes" amend; a mix says nothing."""
    found = {action for action, words in ((Action.DESIGNATION, _ADDED), (Action.REVOCATION, _REMOVED),
                                          (Action.AMENDMENT, _UPDATED)) if words.search(text)}
    return found.pop() if len(found) == 1 else None


def _entry_texts(lines: list[str]) -> list[str]:
    """Entries of one paragraph: usually one; several when <br> separates them, each ending '[TAG] … .'."""
    entries, current = [], []
    for line in lines:
        current.append(line)
        if _ENTRY_END.search(line) or line == "-to-":
            entries.append(" ".join(current))
            current = []
    if current:
        entries.append(" ".join(current))
    return entries


def _entry(reading: Reading, action: Action | None, action_on: date, text: str) -> None:
    """One entry, "OLD -to- NEW" for an update, or a lone "-to-" between the two."""
    for error in add_entry(reading, action, action_on, text):
        # Another program's broken entry is not ours to report; one without any tag may have lost [SDGT].
        if _TERRORISM_TAG.search(error.text) or not _TAG.search(error.text):
            note_malformed(reading, error.reason, error.text)


def _notice(document: DocumentRef, reading: Reading, events: list[Event]) -> Notice:
    kind, review = notice_kind(reading, events), malformed_review(reading)
    if not events and not review and is_terrorism_title(document.title):
        review = "a counter-terrorism action with no SDGT/FTO entry the parser could read"
    return Notice(document, kind, tuple(events), review, tuple(reading.notes))
