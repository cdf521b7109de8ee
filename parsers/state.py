"""State Department press releases (WordPress): the listing, the RSS feed and one release.

A release that announces an FTO or SDGT designation gives `announcement` events (the legal record is the
Federal Register notice); revocations, alias amendments and reviews give `revocation`, `amendment` and
`review` events. Every event is dated `announced_on` = the release date; `effective_on` is the date the
release states ('effective November 24', 'effective tomorrow, July 8') or None, with the detail
('effective', 'upon publication in the Federal Register') when that is all it says.

Operative sentences are found by their verb ('is designating', 'intends to', 'will', 'has decided to designate',
'has designated', a past tense dated 'today'; the same for revoke; 'has amended the designation of X … to add
the aliases …', '… designations of X to include A (B) and other aliases'; 'announced the designation of' dated
'today'; 'has maintained the designation of X as an FTO' is a review) and the program they name; a 'the
following …:' sentence governs the list items after it, and a counted head before a colon ('three leaders of
X as SDGTs: A, B, and C') names the parties after the colon.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from parsers import press
from parsers import press_phrases as pp
from parsers.common import FULL_MONTH, read_date, squash
from parsers.model import Action, DocumentRef, EntityType, Notice, ParseError, Program, Source
from parsers.names import name_key
from parsers.press import Draft, Entity, ListingItem
from parsers.programs import FTO_WORDS, SDGT_WORDS, programs_in

STATE_SITE = "https://www.state.gov"

_PROGRAM_NAME = rf"(?:{FTO_WORDS}|{SDGT_WORDS})"
_DESIGNATE = re.compile(
    r"\b(?:is|are|am)\s+(?:also\s+)?(?:designating|adding)\b|\b(?:intends?|intent|plans?)\s+to\s+designate\b"
    r"|\bwill\s+(?:also\s+)?designate\b|\bhereby\s+designates?\b|\bdesignates\b"
    r"|\btoday\s+(?:also\s+)?designated\b|\b(?:has|have)\s+(?:today\s+)?(?:also\s+)?designated\b"
    r"|\b(?:decided|decides|determined)\s+to\s+designate\b"
    r"|\bannounc(?:e|es|ing|ed)\s+(?:the\s+)?(?:(?:[A-Z]\w+\s+|of\s+|the\s+){0,4}\w+[’']s\s+)?designations?\s+of\b")
_REVOKE = re.compile(
    r"\b(?:is|are|am)\s+(?:also\s+)?(?:revoking|delisting)\b|\b(?:intends?|intent)\s+to\s+revoke\b"
    r"|\bwill\s+(?:also\s+)?revoke\b|\bhereby\s+revokes?\b|\brevokes\b"
    r"|\btoday\s+(?:also\s+)?revoked\b|\b(?:has|have)\s+(?:today\s+)?(?:also\s+)?revoked\b"
    r"|\b(?:decided|decides)(?:,[^,]{1,60},)?\s+to\s+revoke\b|\band\s+to\s+(?:delist|revoke)\b"
    r"|\bannounc(?:e|es|ing)\s+(?:the\s+)?revocations?\s+of\b")
# A plain past tense acts only in a sentence dated 'today' ('Today, the Department designated X as an SDGT').
_DESIGNATED = re.compile(r"\bdesignated\b")
_REVOKED = re.compile(r"\brevoked\b")
_TODAY = re.compile(r"\btoday\b(?![’']s)", re.IGNORECASE)
_RECALLED = re.compile(rf"\bpreviously\b|\bago\b|\bin \d{{4}}\b|\b(?:{FULL_MONTH})\s+\d|\bon\s+(?:{FULL_MONTH})\b")
_RECALLED_IN_CLAUSE = re.compile(rf"\bsince\b|\bpreviously\b|\b(?:in|from) (?:\d{{4}}|(?:{FULL_MONTH}))\b")
# 'HAMAS, a designated Foreign Terrorist Organization, …' describes; it does not act.
_PROGRAM_ADJECTIVE = re.compile(rf"\s+(?:{_PROGRAM_NAME})\b")
_ADDING = re.compile(r"(?:\band\s+)?\badding\b")
_AS_PROGRAM = re.compile(rf"(?:\s+|—)as\s+(?:(?:a|an)\s+)?(?:designated\s+)?(?={_PROGRAM_NAME}\b)")
_PROGRAM_DESIGNATION_OF = re.compile(
    rf"^(?:the\s+)?(?P<programs>{_PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?(?:\s+and\s+{_PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?)?)"
    rf"\s+designations?\s+of\s+(?P<segment>.+?)(?:,?\s+(?:under|pursuant to)\b.*)?$")
_COUNTED_DESIGNATIONS = re.compile(
    rf"^(?:\w+\s+)?(?P<programs>{_PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?)\s+designations?\b[^:]*:\s*(?P<segment>.+)$")
_LEADING_DESIGNATION_OF = re.compile(r"^(?:the\s+)?(?:terrorist\s+)?designations?\s+of\s+", re.IGNORECASE)
_ADDED_TO = re.compile(
    r"(?P<aliases>[^.]+?)\s+(?:has|have)\s+been\s+added\s+(?:as\s+(?:an?\s+)?alias(?:es)?\s+)?to\s+"
    r"(?P<target>[^.]+?)[’']s\s+(?:(?:previous|existing|current)\s+)?designations?\b(?P<rest>.*)$")
# 'The Department has added TRF and other associated aliases to LeT’s FTO and SDGT designations'
_ADDED_ACTIVE = re.compile(
    r"\b(?:has|have)\s+(?:also\s+)?(?:today\s+)?added\s+(?P<aliases>[^.]+?)\s+to\s+"
    r"(?P<target>[^.]+?)[’']s\s+(?P<rest>(?:(?:previous|existing|current)\s+)?[^.]*?)\s*designations?\b")
_NEW_PRIMARY = re.compile(r"\s+as\s+(?:its|the)\s+(?:new\s+)?primary\s+name\b.*$")
# 'These aliases have been added to ISIS’s designation as an FTO …': the aliases of the sentence before
_BACK_ALIASES = re.compile(r"^(?:these|those|the|both)\s+(?:\w+\s+)?(?:aliases|names)$|^(?:they|both)$", re.I)
_ADDING_ALIAS = re.compile(
    r"\badding\s+(?P<aliases>.+?)\s+as\s+(?:an?\s+)?(?:new\s+)?alias(?:es)?\s+to\s+(?P<target>.+?)[’']s\s+"
    r"(?:(?:previous|existing|current)\s+)?(?P<rest>.*?)\s*designations?\b")
_AMENDING = re.compile(
    r"\b(?:is|are|am|has|have)\s+(?:also\s+)?(?:today\s+)?(?:amending|amended)\s+(?:the\s+)?(?:[\w.()]+\s+){0,10}?"
    r"designations?\s+of\s+(?P<target>.+?)(?P<middle>\s+(?:as|under|pursuant to)\b.*?)?,?\s+to\s+(?:add|include)\s+"
    r"(?:(?:(?:the|its|new|additional|following)\s+)*(?:aliases|alias|names?|a\.k\.a\.s?)\b[:,]?\s*(?:including\s+)?"
    r"(?P<aliases>.+)|(?P<aliases2>.+?)\s+(?:and\s+(?:other|additional|related)\s+|as\s+(?:an?\s+)?(?:new\s+)?)"
    r"alias(?:es)?\b.*)$")
_FOLLOWING = re.compile(r"^(?:the\s+)?following\b|^$", re.IGNORECASE)
_REVIEWED = re.compile(
    rf"\breviewed\s+and\s+maintained\s+(?:the\s+)?(?P<target>.+?)[’']s\s+(?P<programs>{_PROGRAM_NAME}"
    rf"(?:\s+and\s+{_PROGRAM_NAME})?)\s+designations?"
    rf"|\b(?:has|have)\s+(?:also\s+)?(?:(?:reviewed\s+and\s+)?maintained|decided\s+to\s+maintain)\s+(?:the\s+)?"
    rf"designations?\s+of\s+(?P<target2>.+?)\s+as\s+(?:an?\s+)?"
    rf"(?P<programs2>{_PROGRAM_NAME}(?:\s+and\s+(?:an?\s+)?{_PROGRAM_NAME})?)"
    # 'has also reviewed and maintained the FTO designation of ISIS'
    rf"|\b(?:has|have)\s+(?:also\s+)?(?:reviewed\s+and\s+)?maintained\s+(?:the\s+)?(?P<programs3>{_PROGRAM_NAME}"
    rf"(?:\s+and\s+{_PROGRAM_NAME})?)\s+designations?\s+of\s+(?P<target3>[^,;]+?)\.?$")
# 'the FTO designation of the FARC, as well as its designation as an SDGT': one more program for the party
_ITS_DESIGNATION_AS = re.compile(
    rf",?\s+(?:as well as|and)\s+its\s+designations?\s+as\s+(?:an?\s+)?(?P<programs>{_PROGRAM_NAME}.*)$")
_AS_WELL_AS_AFTER = re.compile(r",?\s+as well as\s+(?P<more>(?:[A-Z]|(?:al|el|ad)-).*)$")
_AUTHORITY = re.compile(r",?\s+(?:pursuant to|under)\s+(?:section|E\.O\.|Executive Order|the Immigration|the INA)")
# A counted or generic head that a colon list names: 'three leaders of X', 'the following individuals'.
_COUNTED_HEAD = re.compile(
    r"^(?:the\s+following|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)(?:\s+(?:more|other|"
    r"additional|senior|key))?)\s+[\w’'-]+", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"^(?:all|both|these|those|the)\b|^(?:them|it)$", re.IGNORECASE)


# ---------------------------------------------------------------- listings


def parse_state_listing(html: bytes) -> list[ListingItem]:
    """The releases on one page of https://www.state.gov/press-releases/ (newest first)."""
    soup = BeautifulSoup(html, "lxml")
    results = soup.select("li.collection-result")
    if not results and not soup.select("ul.collection-results, div.collection-results"):
        raise ParseError("state-listing", "no li.collection-result and no collection-results container")
    items = []
    for li in results:
        link = li.select_one("a.collection-result__link")
        if link is None or not link.get("href"):
            raise ParseError("state-listing", "li.collection-result without a.collection-result__link")
        label = li.select_one("p.collection-result__date")
        spans = li.select("div.collection-result-meta span")
        published = read_date(spans[-1].get_text()) if spans else None
        items.append(ListingItem(url=_absolute(link["href"]), title=squash(link.get_text()),
                                 published_on=published,
                                 label=squash(label.get_text()) if label else None))
    return items


def parse_state_rss(xml: bytes) -> list[ListingItem]:
    """The items of https://www.state.gov/rss-feed/press-releases/feed/."""
    soup = BeautifulSoup(xml, "xml")
    if soup.find("rss") is None or soup.find("channel") is None:
        raise ParseError("state-rss", "not an RSS 2.0 document (no rss/channel element)")
    items = []
    for item in soup.find_all("item"):
        link, title = item.find("link"), item.find("title")
        if link is None or title is None:
            raise ParseError("state-rss", "item without link or title")
        pub = item.find("pubDate")
        category = item.find("category")
        items.append(ListingItem(url=_absolute(link.get_text(strip=True)), title=squash(title.get_text()),
                                 published_on=_rss_date(pub.get_text(strip=True)) if pub else None,
                                 label=squash(category.get_text()) if category else None))
    return items


def _rss_date(text: str) -> date | None:
    """An RFC 822 pubDate ('Sun, 16 Nov 2025 19:05:12 +0000') as the calendar date it names."""
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


def _absolute(href: str) -> str:
    """A state.gov link on the public host, whatever host or scheme it was written with."""
    parts = urlsplit(href)
    return STATE_SITE + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


# ---------------------------------------------------------------- one release


def parse_state_release(url: str, html: bytes) -> Notice:
    """One State release: its FTO/SDGT events, or why it has none."""
    soup = BeautifulSoup(html, "lxml")
    path = canonical_path(url, soup)
    title_tag = soup.select_one("h1.featured-content__headline")
    date_tag = soup.select_one("p.article-meta__publish-date")
    body = soup.select_one("div.entry-content")
    if title_tag is None or body is None or date_tag is None:
        missing = [n for n, t in (("h1.featured-content__headline", title_tag),
                                  ("p.article-meta__publish-date", date_tag), ("div.entry-content", body)) if t is None]
        raise ParseError(path, f"not a State release page: missing {', '.join(missing)}")
    published = read_date(date_tag.get_text())
    if published is None:
        raise ParseError(path, f"unreadable publish date {squash(date_tag.get_text())!r}")
    title = squash(title_tag.get_text())
    document = DocumentRef(source=Source.STATE, document_id=path, url=STATE_SITE + path,
                           raw_sha256=press.sha256_hex(html), title=title, published_on=published)
    blocks = body_blocks(body)
    paragraphs = [text for text, _ in blocks]
    reading = _Reading(published, press.abbreviations_in(" ".join(paragraphs)))
    for paragraph, item in blocks:
        if reading.listing and (item or _looks_like_item(paragraph)):
            reading.list_item(paragraph)
            continue
        reading.listing = None
        for sentence in press.split_sentences(paragraph):
            reading.read(sentence)
    press.apply_general_effects(reading.drafts, reading.plain_sentences, published)
    drafts = _drop_aliased_announcements(reading.drafts)
    return press.build_notice(document, drafts, " ".join(paragraphs), title, reading.operative_seen,
                              reading.unnamed)


def canonical_path(url: str, soup: BeautifulSoup) -> str:
    """The release's path on www.state.gov (from rel=canonical when the page gives one), ending in '/'."""
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    path = urlsplit(href).path if href and "state.gov" in urlsplit(href).netloc else urlsplit(url).path
    if not path or path == "/":
        raise ParseError(url, "no release path in the URL or the canonical link")
    return path if path.endswith("/") else path + "/"


def body_paragraphs(body: Tag) -> list[str]:
    """The text of each top-level paragraph, list item and heading of a release body."""
    return [text for text, _ in body_blocks(body)]


def body_blocks(body: Tag) -> list[tuple[str, bool]]:
    """Each top-level paragraph, list item and heading of a release body, and whether it is a list item."""
    blocks = body.find_all(["p", "li", "h2", "h3", "h4", "blockquote"])
    chosen = [b for b in blocks if not any(p in blocks for p in b.parents)]
    texts = [(squash(re.sub(r"(?<=\w)\(", " (", b.get_text())), b.name == "li") for b in chosen]
    return [(t, item) for t, item in texts if t]


def _looks_like_item(paragraph: str) -> bool:
    """Whether a paragraph names one listed party rather than being prose."""
    return press.looks_like_list_item(paragraph)


class _Reading:
    """The state of reading one release sentence by sentence."""

    def __init__(self, announced_on: date, abbreviations: dict[str, str]):
        self.announced_on = announced_on
        self.abbreviations = abbreviations
        self.drafts: list[Draft] = []
        self.plain_sentences: list[str] = []
        self.operative_seen = False
        self.unnamed = 0
        self.listing: tuple[Action, tuple[Program, ...], press.Effect | None, str] | None = None
        self.pending_aliases: tuple[str, tuple[str, ...]] | None = None

    def list_item(self, paragraph: str) -> None:
        """One party of a 'designating the following …:' list, under that sentence's action and programs."""
        action, programs, effect, kind = self.listing
        for entity in press.parse_item(paragraph):
            entity = press.expand_abbreviation(entity, self.abbreviations)
            if kind == EntityType.INDIVIDUAL:
                entity = replace(entity, entity_type=kind)
            self.drafts += [Draft(p, action, entity, effect) for p in programs]

    def read(self, sentence: str) -> None:
        """Take the events one sentence states, or keep it for effective-date statements."""
        operative = self._clauses(sentence)
        found = self._amendments(sentence) + self._alias_amendments(sentence) + self._reviews(sentence)
        if operative or found:
            self.operative_seen = True
        else:
            self.plain_sentences.append(sentence)

    def _clauses(self, sentence: str) -> bool:
        """Designations and revocations, one clause per operative verb; whether the sentence had any."""
        found = [(m.start(), m.end(), Action.ANNOUNCEMENT) for m in _DESIGNATE.finditer(sentence)] \
            + [(m.start(), m.end(), Action.REVOCATION) for m in _REVOKE.finditer(sentence)]
        if not found and _TODAY.search(sentence):
            found = [(m.start(), m.end(), action) for rx, action in ((_DESIGNATED, Action.ANNOUNCEMENT),
                                                                      (_REVOKED, Action.REVOCATION))
                     for m in rx.finditer(sentence) if not _RECALLED.search(sentence[:m.start()])
                     and not _PROGRAM_ADJECTIVE.match(sentence[m.end():])][:1]
        markers = sorted(found + [(m.start(), m.end(), None) for m in _ADDING.finditer(sentence)])
        markers = [m for i, m in enumerate(markers) if not any(o[0] <= m[0] < o[1] for o in markers[:i])]
        previous: list[Entity] = []
        operative = False
        for i, (start, end, action) in enumerate(markers):
            stop = markers[i + 1][0] if i + 1 < len(markers) else len(sentence)
            if action is None:
                continue
            clause, rest = sentence[start:stop], sentence[end:stop]
            if re.match(r"(?:has|have)\b", clause) and _RECALLED_IN_CLAUSE.search(rest):
                continue  # 'has designated Hizballah as an FTO since 1997' recalls an earlier action
            if action == Action.ANNOUNCEMENT and re.match(r"\s+(?:the\s+)?.+?\s+as\s+(?:an?\s+)?alias", rest):
                continue
            if clause.startswith("announced") and (not _TODAY.search(sentence)
                                                   or _RECALLED.search(sentence[:start])):
                continue  # 'In 2019 the Secretary announced the designation of …' recalls
            segment, programs = _segment_and_programs(rest)
            if not programs:
                continue
            operative = True
            counted = _COUNTED_HEAD.match(segment.strip())
            if counted and ":" in rest and not rest.rstrip().endswith(":"):
                # 'designating three leaders of the Russian Imperial Movement as SDGTs: A, B, and C'
                tail = rest.split(":", 1)[1]
                people = pp.PERSON_NOUNS.search(segment) is not None
                entities, unnamed = press.parse_entities(tail, self.abbreviations)
                entities = [replace(e, entity_type=EntityType.INDIVIDUAL) if people else e for e in entities]
                effect = press.stated_effect(clause, self.announced_on)
                self.drafts += [Draft(p, action, e, effect) for p in programs for e in entities]
                previous = entities or previous
                continue
            if _FOLLOWING.match(segment.strip()) and sentence.rstrip().endswith(":"):
                mixed = re.search(r"\b(?:entit(?:y|ies)|organi[sz]ations?|groups?|companies|company)\b", segment)
                kind = EntityType.INDIVIDUAL if pp.PERSON_NOUNS.search(segment) and not mixed else EntityType.ORGANIZATION
                self.listing = (action, programs, press.stated_effect(clause, self.announced_on), kind)
                continue
            entities, unnamed = press.parse_entities(segment, self.abbreviations)
            if not entities and previous and _BACK_REFERENCE.match(segment.strip()):
                entities = previous
            self.unnamed += unnamed
            effect = press.stated_effect(clause, self.announced_on)
            self.drafts += [Draft(p, action, e, effect) for p in programs for e in entities]
            previous = entities or previous
        return operative

    def _amendments(self, sentence: str) -> list[Draft]:
        """Aliases added to an existing designation ('adding X as an alias to Y’s SDGT designation')."""
        drafts = []
        for rx in (_ADDING_ALIAS, _ADDED_TO, _ADDED_ACTIVE):
            for m in rx.finditer(sentence):
                target = press.resolve_reference(m.group("target").strip(), self.abbreviations)
                aliases, _ = press.parse_entities(m.group("aliases"), self.abbreviations)
                names = tuple(n for a in aliases for n in (a.name, *a.aliases))
                if not names and self.pending_aliases and _BACK_ALIASES.match(m.group("aliases").strip()):
                    names = self.pending_aliases[1]
                programs = programs_in(m.group("rest")) or programs_in(sentence)
                if not names or not press.looks_like_name(target):
                    continue
                entity = Entity(target, names)
                drafts += [Draft(p, Action.AMENDMENT, entity) for p in programs]
        self.drafts += drafts
        return drafts

    def _alias_amendments(self, sentence: str) -> list[Draft]:
        """'has amended the designation of X as an SDGT … to add the aliases A, B, and C'."""
        m = _AMENDING.search(sentence)
        if not m:
            return []
        target = press.resolve_reference(press.parentheticals(m.group("target").strip(" ,"))[0], self.abbreviations)
        added = m.group("aliases") or m.group("aliases2")
        renamed = _NEW_PRIMARY.search(added)
        aliases, _ = press.parse_entities(added[:renamed.start()] if renamed else added)
        names = tuple(n for a in aliases for n in (a.name, *a.aliases))
        programs = programs_in(m.group("middle") or "") or programs_in(sentence)
        if not names:
            return []
        if not programs:
            # 'amended the terrorist designations of ISIS to include A, B …': the next sentence names the programs
            self.pending_aliases = (target, names)
            return []
        if renamed:
            # 'to add the alias Jaysh al-Adl as its new primary name': the party is now known by the new name
            entity, previous = Entity(names[0], (*names[1:], target)), target
        else:
            entity, previous = Entity(target, names), None
        drafts = [Draft(p, Action.AMENDMENT, entity, previous_name=previous) for p in programs]
        self.drafts += drafts
        return drafts

    def _reviews(self, sentence: str) -> list[Draft]:
        """'has reviewed and maintained LeT’s FTO designation' (no change, but a dated review)."""
        drafts = []
        for m in _REVIEWED.finditer(sentence):
            if m.group("target3"):
                entities = [Entity(press.resolve_reference(m.group("target3"), self.abbreviations))]
                programs = m.group("programs3")
            elif m.group("target2"):
                # 'has maintained the designation of Kata’ib Hizballah (KH) as a Foreign Terrorist Organization'
                found, _ = press.parse_entities(m.group("target2"), self.abbreviations)
                entities, programs = found[:1], m.group("programs2")
            else:
                entities, programs = [Entity(press.resolve_reference(m.group("target"), self.abbreviations))], \
                    m.group("programs")
            drafts += [Draft(p, Action.REVIEW, e) for p in programs_in(programs) for e in entities]
        self.drafts += drafts
        return drafts


def _segment_and_programs(rest: str) -> tuple[str, tuple[Program, ...]]:
    """Split what follows an operative verb into the named parties and the programs they go under."""
    rest = rest.strip()
    for rx in (_PROGRAM_DESIGNATION_OF, _COUNTED_DESIGNATIONS):
        if m := rx.match(rest):
            segment, programs = m.group("segment"), programs_in(m.group("programs"))
            if more := _ITS_DESIGNATION_AS.search(segment):
                segment = segment[:more.start()]
                programs += tuple(p for p in programs_in(more.group("programs")) if p not in programs)
            return segment, programs
    rest = _LEADING_DESIGNATION_OF.sub("", rest)
    if m := _AS_PROGRAM.search(rest) or _AUTHORITY.search(rest):
        segment, tail = rest[:m.start()], rest[m.start():]
        if more := _AS_WELL_AS_AFTER.search(tail):
            # 'designated A, B, and C as SDGTs, as well as D, a leader of A': D goes under the same programs
            return f"{segment}, {more.group('more')}", programs_in(tail[:more.start()])
        return segment, programs_in(tail)
    return rest, programs_in(rest)


def _drop_aliased_announcements(drafts: list[Draft]) -> list[Draft]:
    """An 'addition' that the same release records as an alias amendment is that amendment, not a new party."""
    aliased = {(d.program, name_key(a)) for d in drafts if d.action == Action.AMENDMENT for a in d.entity.aliases}
    return [d for d in drafts if not (d.action == Action.ANNOUNCEMENT
                                      and (d.program, name_key(d.entity.name)) in aliased)]
