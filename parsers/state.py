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
from parsers import site_phrases as sp
from parsers.common import read_date, squash
from parsers.model import Action, DocumentRef, EntityType, Notice, ParseError, Program, Source
from parsers.names import name_key
from parsers.press import Draft, Entity, ListingItem
from parsers.programs import programs_in

STATE_SITE = "https://www.state.gov"


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
        found = [(m.start(), m.end(), Action.ANNOUNCEMENT) for m in sp.DESIGNATE.finditer(sentence)] \
            + [(m.start(), m.end(), Action.REVOCATION) for m in sp.REVOKE.finditer(sentence)]
        if not found and sp.STATE_TODAY.search(sentence):
            found = [(m.start(), m.end(), action) for rx, action in ((sp.DESIGNATED, Action.ANNOUNCEMENT),
                                                                      (sp.REVOKED, Action.REVOCATION))
                     for m in rx.finditer(sentence) if not sp.STATE_RECALLED.search(sentence[:m.start()])
                     and not sp.PROGRAM_ADJECTIVE.match(sentence[m.end():])][:1]
        markers = sorted(found + [(m.start(), m.end(), None) for m in sp.ADDING.finditer(sentence)])
        markers = [m for i, m in enumerate(markers) if not any(o[0] <= m[0] < o[1] for o in markers[:i])]
        previous: list[Entity] = []
        operative = False
        for i, (start, end, action) in enumerate(markers):
            stop = markers[i + 1][0] if i + 1 < len(markers) else len(sentence)
            if action is None:
                continue
            clause, rest = sentence[start:stop], sentence[end:stop]
            if sp.PERFECT.match(clause) and sp.RECALLED_IN_CLAUSE.search(rest):
                continue  # 'has designated Hizballah as an FTO since 1997' recalls an earlier action
            if action == Action.ANNOUNCEMENT and sp.AS_ALIAS.match(rest):
                continue
            if clause.startswith("announced") and (not sp.STATE_TODAY.search(sentence)
                                                   or sp.STATE_RECALLED.search(sentence[:start])):
                continue  # 'In 2019 the Secretary announced the designation of …' recalls
            segment, programs = _segment_and_programs(rest)
            if not programs:
                continue
            operative = True
            counted = sp.COUNTED_HEAD.match(segment.strip())
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
            if sp.STATE_FOLLOWING.match(segment.strip()) and sentence.rstrip().endswith(":"):
                mixed = sp.MIXED_HEAD.search(segment)
                kind = EntityType.INDIVIDUAL if pp.PERSON_NOUNS.search(segment) and not mixed else EntityType.ORGANIZATION
                self.listing = (action, programs, press.stated_effect(clause, self.announced_on), kind)
                continue
            entities, unnamed = press.parse_entities(segment, self.abbreviations)
            if not entities and previous and sp.BACK_REFERENCE.match(segment.strip()):
                entities = previous
            self.unnamed += unnamed
            effect = press.stated_effect(clause, self.announced_on)
            self.drafts += [Draft(p, action, e, effect) for p in programs for e in entities]
            previous = entities or previous
        return operative

    def _amendments(self, sentence: str) -> list[Draft]:
        """Aliases added to an existing designation ('adding X as an alias to Y’s SDGT designation')."""
        drafts = []
        for rx in (sp.ADDING_ALIAS, sp.ADDED_TO, sp.ADDED_ACTIVE):
            for m in rx.finditer(sentence):
                target = press.resolve_reference(m.group("target").strip(), self.abbreviations)
                aliases, _ = press.parse_entities(m.group("aliases"), self.abbreviations)
                names = tuple(n for a in aliases for n in (a.name, *a.aliases))
                if not names and self.pending_aliases and sp.BACK_ALIASES.match(m.group("aliases").strip()):
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
        m = sp.AMENDING.search(sentence)
        if not m:
            return []
        target = press.resolve_reference(press.parentheticals(m.group("target").strip(" ,"))[0], self.abbreviations)
        added = m.group("aliases") or m.group("aliases2")
        renamed = sp.NEW_PRIMARY.search(added)
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
        for m in sp.REVIEWED.finditer(sentence):
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
    for rx in (sp.PROGRAM_DESIGNATION_OF, sp.COUNTED_DESIGNATIONS):
        if m := rx.match(rest):
            segment, programs = m.group("segment"), programs_in(m.group("programs"))
            if more := sp.ITS_DESIGNATION_AS.search(segment):
                segment = segment[:more.start()]
                programs += tuple(p for p in programs_in(more.group("programs")) if p not in programs)
            return segment, programs
    rest = sp.LEADING_DESIGNATION_OF.sub("", rest)
    if m := sp.STATE_AS_PROGRAM.search(rest) or sp.AUTHORITY.search(rest):
        segment, tail = rest[:m.start()], rest[m.start():]
        if more := sp.AS_WELL_AS_AFTER.search(tail):
            # 'designated A, B, and C as SDGTs, as well as D, a leader of A': D goes under the same programs
            return f"{segment}, {more.group('more')}", programs_in(tail[:more.start()])
        return segment, programs_in(tail)
    return rest, programs_in(rest)


def _drop_aliased_announcements(drafts: list[Draft]) -> list[Draft]:
    """An 'addition' that the same release records as an alias amendment is that amendment, not a new party."""
    aliased = {(d.program, name_key(a)) for d in drafts if d.action == Action.AMENDMENT for a in d.entity.aliases}
    return [d for d in drafts if not (d.action == Action.ANNOUNCEMENT
                                      and (d.program, name_key(d.entity.name)) in aliased)]
