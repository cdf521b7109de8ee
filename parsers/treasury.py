"""Treasury press releases (Drupal): the listing and one release.

An OFAC action under E.O. 13224 gives SDGT `designation` events (removals give `revocation`), effective and
announced on the release date: OFAC actions take effect the day they are announced. Only parties the
release says are designated or removed under E.O. 13224 count; actions under other orders (E.O. 13581,
14059, 13894 …) and past actions the release recalls give nothing.

Operative sentences: 'is designating/sanctioning X pursuant to', 'X is being designated', 'X were designated
today', any past tense dated 'today' ('OFAC today designated X (a.k.a. Y) … as an SDGT pursuant to E.O. 13224'),
'OFAC also designated X … pursuant to E.O. 13224', removals (their authority may be the next sentence), the bold
names or list items after 'the following …:' (items of 'the following individuals' are people), and, in a
release that cites E.O. 13224 and no other order, 'X is being designated for …' and the bold names after a
counted 'is sanctioning two individuals and three entities'. A release acting today under E.O. 13224 whose
parties cannot be read goes to review.

`read_treasury_release` also gives each link to OFAC's Recent Actions page, the join key to OFAC's own list of
who was designated (the Treasury poll hands them to the Recent Actions poll).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from parsers import press
from parsers import site_phrases as sp
from parsers.common import read_date, squash
from parsers.model import Action, DocumentRef, EntityType, Notice, ParseError, Program, Source
from parsers.name_check import name_problem
from parsers.names import name_key
from parsers.press import Draft, Effect, Entity, ListingItem

TREASURY_SITE = "https://home.treasury.gov"
OFAC_RECENT_ACTIONS = "https://ofac.treasury.gov/recent-actions/"

_RELEASE_PATH = re.compile(r"^/news/press-releases/(?P<id>[A-Za-z0-9][A-Za-z0-9\-]*)/?$")
_RECENT_ACTION = re.compile(
    r"^https?://(?:ofac\.treasury\.gov|(?:home\.)?treasury\.gov/policy-issues/financial-sanctions)"
    r"/recent-actions/(?P<id>\d{8}(?:_\d+)?)/?$")
_GROUP = re.compile(r"\s*(\((?:[^()]|\([^()]*\))*\))")


# ---------------------------------------------------------------- listing


def parse_treasury_listing(html: bytes) -> list[ListingItem]:
    """The releases on one page of https://home.treasury.gov/news/press-releases (newest first)."""
    soup = BeautifulSoup(html, "lxml")
    rows = soup.select("div.mm-news-row")
    if not rows:
        raise ParseError("treasury-listing", "no div.mm-news-row on the page")
    items = []
    for row in rows:
        link = row.select_one('div.news-title a[href^="/news/press-releases/"]')
        if link is None:
            continue
        time = row.select_one("time")
        items.append(ListingItem(url=TREASURY_SITE + urlsplit(link["href"]).path,
                                 title=squash(link.get_text()), published_on=_time_date(time)))
    if not items:
        raise ParseError("treasury-listing", "no row links to /news/press-releases/")
    return items


def _time_date(time: Tag | None) -> date | None:
    """The calendar date of a <time datetime="2025-07-25T12:00:00Z"> (its text as a fallback)."""
    if time is None:
        return None
    return read_date((time.get("datetime") or "")[:10]) or read_date(time.get_text())


# ---------------------------------------------------------------- one release


@dataclass
class _Block:
    """One paragraph or heading of a release body, with the bold names in it."""

    text: str
    heading: bool
    bolds: list[Entity]
    short_forms: dict[str, Entity]
    item: bool = False


def parse_treasury_release(url: str, html: bytes) -> Notice:
    """One Treasury release: its SDGT events, or why it has none."""
    return read_treasury_release(url, html)[0]


def read_treasury_release(url: str, html: bytes) -> tuple[Notice, tuple[str, ...]]:
    """One Treasury release: its notice, and the OFAC Recent Actions pages it links to."""
    release_id = release_id_of(url)
    soup = BeautifulSoup(html, "lxml")
    title_tag = soup.select_one("h2.uswds-page-title")
    time = soup.select_one("div.field--name-field-news-publication-date time[datetime]")
    body = soup.select_one("div.field--name-field-news-body")
    if title_tag is None or time is None or body is None:
        missing = [n for n, t in (("h2.uswds-page-title", title_tag),
                                  ("div.field--name-field-news-publication-date time[datetime]", time),
                                  ("div.field--name-field-news-body", body)) if t is None]
        raise ParseError(release_id, f"not a Treasury release page: missing {', '.join(missing)}")
    published = _time_date(time)
    if published is None:
        raise ParseError(release_id, f"unreadable publication date {time.get('datetime')!r}")
    title = squash(title_tag.get_text())
    document = DocumentRef(source=Source.TREASURY, document_id=release_id,
                           url=f"{TREASURY_SITE}/news/press-releases/{release_id}",
                           raw_sha256=press.sha256_hex(html), title=title, published_on=published)
    blocks = _blocks(body)
    reading = _Reading(published, blocks)
    reading.read()
    text = " ".join(b.text for b in blocks)
    # a release that plainly acts today under E.O. 13224 but names no readable party goes to a person
    acting = any(sp.ACTING.search(s) and sp.EO_13224.search(s) and not sp.TREASURY_RECALLED.search(s)
                 for b in blocks for s in press.split_sentences(b.text))
    notice = press.build_notice(document, reading.drafts, text, title, reading.operative_seen or acting, 0)
    return notice, recent_action_links(body)


def release_id_of(url: str) -> str:
    """'sb0207' from https://home.treasury.gov/news/press-releases/sb0207 (any host, case folded)."""
    m = _RELEASE_PATH.match(urlsplit(url).path)
    if not m:
        raise ParseError(url, "not a /news/press-releases/<id> URL")
    return m.group("id").lower()


def recent_action_links(body: Tag) -> tuple[str, ...]:
    """'https://ofac.treasury.gov/recent-actions/YYYYMMDD[_NN]' for each link, in order."""
    links: list[str] = []
    for link in body.find_all("a", href=True):
        if m := _RECENT_ACTION.match(link["href"].strip()):
            url = f"{OFAC_RECENT_ACTIONS}{m.group('id')}"
            if url not in links:
                links.append(url)
    return tuple(links)


_INLINE = frozenset({"strong", "b", "a", "em", "i", "span", "sup", "sub", "u", "br"})


def _wrap_loose_text(body: Tag) -> None:
    """Text written straight into the body, outside any <p> ('<strong>Washington</strong> – Today, OFAC designated
    …' in older releases), becomes a paragraph of its own."""
    run: list = []
    for child in [*body.children, None]:
        if child is not None and (not isinstance(child, Tag) or child.name in _INLINE):
            run.append(child)
            continue
        if any(squash(x.get_text() if isinstance(x, Tag) else str(x)) for x in run):
            paragraph = BeautifulSoup("", "lxml").new_tag("p")
            run[0].insert_before(paragraph)
            for node in run:
                paragraph.append(node.extract())
        run = []


def _blocks(body: Tag) -> list[_Block]:
    """The body's top-level paragraphs and headings, in order."""
    _wrap_loose_text(body)
    tags = body.find_all(["p", "li", "h2", "h3", "h4", "h5"])
    blocks = []
    for tag in tags:
        if any(p in tags for p in tag.parents):
            continue
        text = sp.DATELINE.sub("", squash(re.sub(r"(?<=\w)\(", " (", tag.get_text())))
        if text:
            named = _bold_entities(tag, text)
            blocks.append(_Block(text, tag.name.startswith("h"), [e for e, _ in named],
                                 {short: e for e, short in named if short}, tag.name == "li"))
    return blocks


def _bold_entities(tag: Tag, text: str) -> list[tuple[Entity, str | None]]:
    """The bold names of a paragraph, with the aliases, type marks and short form written right after each."""
    entities = []
    for bold in tag.find_all(["strong", "b"]):
        name = press.strip_quotes(squash(bold.get_text()))
        if not name or sp.NOT_A_PARTY.match(name) or not press.looks_like_name(name):
            continue
        after = squash("".join(s.get_text() if isinstance(s, Tag) else str(s) for s in bold.next_siblings))
        aliases, details, kind = [], [], None
        for group in _leading_groups(after):
            if m := sp.TYPE_TAG.match(group.strip()):
                kind = EntityType.INDIVIDUAL if m.group("tag").lower() == "individual" else EntityType.ORGANIZATION
            else:
                found, pairs = press.group_contents([group.strip()[1:-1]], name)
                aliases, details = aliases + found, details + pairs
        before = squash("".join(s.get_text() if isinstance(s, Tag) else str(s)
                                for s in reversed(list(bold.previous_siblings))))
        if kind is None and sp.VESSEL_BEFORE.search(before):
            kind = EntityType.VESSEL  # 'is identifying the vessel <b>OCEAN STAR</b> as blocked property'
        if details and kind is None:
            kind = EntityType.INDIVIDUAL
        if kind is None:
            sentence = next((s for s in press.split_sentences(text) if name in s), text)
            # a quoted nickname marks a person ('(a.k.a. “Niño Guerrero”)'); a quoted acronym does not
            leading = " ".join(_leading_groups(after))
            quoted = "a.k.a" in leading and any(not re.fullmatch(r"[A-Z0-9-]+", q) for q in
                                                re.findall(r"[“\"]([^”\"]+)[”\"]", leading))
            # with several bold names in one paragraph, only the words right after this one describe it
            parties = [b for b in tag.find_all(["strong", "b"]) if not sp.NOT_A_PARTY.match(squash(b.get_text()))]
            window = sentence if len(parties) <= 1 and not sp.LISTS_OTHERS.search(sentence) else sp.NEXT_PARTY.split(after[:120], maxsplit=1)[0]
            kind = EntityType.INDIVIDUAL if quoted or sp.PERSON_CUE.search(window) else EntityType.ORGANIZATION
        first = re.match(r"^\s*\((?P<short>[^()]+)\)", after)
        short = first.group("short") if first and press.is_short_reference(first.group("short"), name) else None
        entities.append((Entity(name, tuple(aliases), kind, tuple(details)), short))
    return entities


def _leading_groups(text: str) -> list[str]:
    """The parenthetical groups that open a text: '(a.k.a. “X”) is …' -> ['(a.k.a. “X”)']."""
    groups, pos = [], 0
    while m := _GROUP.match(text, pos):
        groups.append(m.group(1))
        pos = m.end()
    return groups


class _Reading:
    """Reading one release: operative sentences, 'the following' lists and per-entry paragraphs."""

    def __init__(self, announced_on: date, blocks: list[_Block]):
        self.announced_on = announced_on
        self.blocks = blocks
        self.drafts: list[Draft] = []
        self.operative_seen = False
        self.known: dict[str, Entity] = {}
        self.acts_today = False
        for block in blocks:
            for entity in block.bolds:
                for key in (entity.name, *entity.aliases):
                    self.known.setdefault(name_key(key), entity)
            for short, entity in block.short_forms.items():
                self.known.setdefault(name_key(short), entity)

    def read(self) -> None:
        """Collect SDGT designations and removals from every block."""
        release_sdgt = any(self._sentence_authority(s) for b in self.blocks for s in press.split_sentences(b.text))
        opening = next((b.text for b in self.blocks if not b.heading), "")
        self.acts_today = bool(sp.TREASURY_TODAY.search(opening) and sp.ACTING_TODAY.search(opening))
        following: bool | None = None
        people = False
        named_later = False
        counted = next((m for b in self.blocks for s in press.split_sentences(b.text)
                        if (m := sp.COUNTED_TODAY.search(s)) and ("13224" in s or self.acts_under_13224_only)), None)
        for index, block in enumerate(self.blocks):
            if block.heading:
                following = None
                if counted and (entity := self._heading_party(index, counted.group("noun"))):
                    self.operative_seen = True
                    self._add(Action.DESIGNATION, entity)
                continue
            for sentence in press.split_sentences(block.text):
                m = sp.TREASURY_FOLLOWING.search(sentence)
                if m and m.group("past") and (not sp.TREASURY_TODAY.search(sentence) or sp.TREASURY_RECALLED.search(sentence[:m.start()])):
                    m = None  # 'OFAC designated the following … in 2019' recalls
                if m:
                    rest = m.group("rest")
                    following = bool(sp.SDGT_AUTHORITY.search(rest)) if "pursuant to" in rest else release_sdgt or (
                        # 'President Bush signed Executive Order 13224 … The Annex to the order designates the following:'
                        m.group("annex") is not None and "13224" in block.text)
                    people = sp.FOLLOWING_PEOPLE.match(rest) is not None
                    self.operative_seen = self.operative_seen or following
                    continue
                if sp.COUNTED_SANCTION.search(sentence) and self.acts_under_13224_only and not sp.EO_13224.search(
                        sentence.split(" for ")[0]) and not sp.SANCTIONING.search(sentence):
                    named_later = self.operative_seen = True
                self._sentence(sentence, block)
            if following:
                if not block.bolds and (block.item or press.looks_like_list_item(block.text)):
                    for entity in press.parse_item(block.text):
                        self._add(Action.DESIGNATION, self._typed(self._resolve(entity), people))
                for entity in block.bolds:
                    if not sp.BEING_DESIGNATED.match(block.text):
                        self._add(Action.DESIGNATION, self._typed(entity, people))
            elif following is not None and not block.item:
                following = None
            elif named_later and following is None:
                for entity in block.bolds:
                    if not sp.BEING_DESIGNATED.match(block.text):
                        self._add(Action.DESIGNATION, entity)

    def _heading_party(self, index: int, noun: str) -> Entity | None:
        """The party a heading names when the paragraph under it opens with that name or its last word.

        Headings also carry a group or a topic ('Hizballah', 'HAMAS’S SECRET INVESTMENT PORTFOLIO'); those are not
        the subject of the paragraph below them, and a name of one word is never taken.
        """
        heading = self.blocks[index].text
        after = next((b.text for b in self.blocks[index + 1:] if not b.heading), "")
        words = heading.split()
        if len(words) < 2 or heading.isupper() or not press.looks_like_name(heading) or name_problem(heading) \
                or any(w[:1].islower() and w not in sp.HEADING_NAME_PARTICLES for w in words):
            return None
        if not re.match(rf"(?:{re.escape(heading)}|{re.escape(words[-1])})\b(?![’'])", after):
            return None
        person = noun.lower().startswith(("individual", "person", "people"))
        entity = Entity(heading, (), EntityType.INDIVIDUAL if person else EntityType.ORGANIZATION)
        self.known.setdefault(name_key(words[-1]), entity)
        self.known.setdefault(name_key(heading), entity)
        return entity

    @property
    def acts_under_13224_only(self) -> bool:
        """Whether the release cites E.O. 13224 as an authority and no other executive order."""
        text = " ".join(b.text for b in self.blocks)
        return sp.EO_13224.search(text) is not None and sp.OTHER_ORDER.search(text) is None

    @staticmethod
    def _typed(entity: Entity, people: bool) -> Entity:
        """An item of a 'the following individuals' list is a person."""
        return replace(entity, entity_type=EntityType.INDIVIDUAL) if people and entity.entity_type != EntityType.VESSEL else entity

    def _sentence_authority(self, sentence: str) -> bool:
        """Whether a 'sanctioning X pursuant to …' sentence cites E.O. 13224."""
        m = sp.SANCTIONING.search(sentence)
        return bool(m) and bool(sp.SDGT_AUTHORITY.search(_primary(m.group("authority") or m.group("authority2"))))

    def _designate_subject(self, subject: str, block: _Block, person: bool = False) -> None:
        """Designate the parties a sentence's subject names, the bold name taken whole when it covers them."""
        self.operative_seen = True
        lead = next((b for b in block.bolds if subject.startswith(b.name)), None)
        parsed = self._entities(subject)
        if (titled := sp.REFERENCE_TITLE.match(subject)) and name_key(titled.group("ref")) in self.known:
            parsed = [self._resolve(Entity(titled.group("ref")))]  # 'Seif, Governor of the Central Bank of Iran,'
        
        # the bold name is whole: 'Tadbir Kish Medical and Pharmaceutical Company' is one party
        covered = lead and all(name_key(e.name) in name_key(lead.name) for e in parsed)
        for entity in [lead] if covered else parsed:
            # 'X is a Sudan-based Hamas financial facilitator who is being designated …' describes a person
            self._add(Action.DESIGNATION, replace(entity, entity_type=EntityType.INDIVIDUAL) if person else entity)

    def _sentence(self, sentence: str, block: _Block) -> None:
        """The designations or removals one sentence makes under E.O. 13224."""
        if m := sp.WHO_IS_BEING.match(sentence):
            if sp.SDGT_AUTHORITY.search(_primary(m.group("authority"))):
                self._designate_subject(m.group("subject"), block, person=bool(sp.PERSON_CUE.search(m.group("what"))))
            return
        if (m := sp.STATE_CONCURRENT.match(sentence)) \
                and not sp.TREASURY_RECALLED.search(sentence[:m.start("segment")] + " " + sentence[m.end("segment"):]) \
                and (m.group("when") or "ing" in m.group("verb") or "concurrently" in m.group("verb")
                     or sp.TREASURY_TODAY.search(m.group("verb"))):
            cited = m.group("program") or m.group("authority")
            if (sp.SDGT_AUTHORITY.search(_primary(cited)) if cited else self.acts_under_13224_only):
                self.operative_seen = True
                for entity in self._entities(m.group("segment")):
                    self._add(Action.DESIGNATION, entity)
            return
        if m := sp.BEING_DESIGNATED.match(sentence):
            if sp.SDGT_AUTHORITY.search(_primary(m.group("authority"))):
                self._designate_subject(m.group("subject"), block)
            return
        if (m := sp.BEING_DESIGNATED_FOR.match(sentence)) and self.acts_under_13224_only:
            # '<b>X</b> is being designated for having assisted …' after an E.O. 13224 opening
            self._designate_subject(m.group("subject"), block)
            return
        if m := sp.SANCTIONING.search(sentence):
            if sp.SDGT_AUTHORITY.search(_primary(m.group("authority") or m.group("authority2"))):
                self.operative_seen = True
                for entity in self._entities(m.group("segment") or m.group("segment2")):
                    self._add(Action.DESIGNATION, entity)
            return
        if m := sp.SANCTIONED_AS.match(sentence):
            self.operative_seen = True
            for entity in self._entities(m.group("segment")):
                self._add(Action.DESIGNATION, entity)
            return
        # the authority for a removal may be the next sentence: 'X was designated in 2001 pursuant to E.O. 13224'
        if (m := sp.REMOVING.search(sentence)) and sp.SDGT_AUTHORITY.search(block.text):
            self.operative_seen = True
            for entity in self._entities(m.group("segment") or m.group("segment2")):
                self._add(Action.REVOCATION, entity)
            return
        if (m := sp.DESIGNATED_TODAY.search(sentence)) and (sp.TREASURY_TODAY.search(sentence) or sp.ALSO_PAST.search(sentence)
                                                          or (self.acts_today and sp.AGENT_DESIGNATED.match(sentence))) \
                and not sp.NOT_A_SEGMENT.match(m.group("segment")) \
                and not sp.TREASURY_RECALLED.search(sentence[:m.start()]) and "previously" not in m.group("segment"):
            authority = m.group("authority")
            if (self.acts_under_13224_only if authority.startswith("for") else sp.SDGT_AUTHORITY.search(_primary(authority))):
                self.operative_seen = True
                for entity in self._entities(m.group("segment")):
                    self._add(Action.DESIGNATION, entity)

    def _entities(self, segment: str) -> list[Entity]:
        """The parties a segment names, completed from the bold names they refer to."""
        segment = sp.TREASURY_AS_PROGRAM.split(segment, maxsplit=1)[0]
        found, _ = press.parse_entities(segment)
        return [self._resolve(e) for e in found]

    def _resolve(self, entity: Entity) -> Entity:
        """A short or partial reference ('Mosquera Serrano') as the bold entity it stands for."""
        bold = self.known.get(name_key(entity.name))
        if bold is None:
            return entity
        details = bold.details + tuple(d for d in entity.details if d not in bold.details)
        kind = EntityType.INDIVIDUAL if details or entity.entity_type == EntityType.INDIVIDUAL else bold.entity_type
        return replace(bold, aliases=tuple(dict.fromkeys(bold.aliases + entity.aliases)), details=details,
                       entity_type=kind)

    def _add(self, action: Action, entity: Entity) -> None:
        """One SDGT draft, in force on the release date."""
        self.drafts.append(Draft(Program.SDGT, action, entity, Effect(on=self.announced_on)))


def _primary(authority: str) -> str:
    """The authorities cited for an action, without the reasons given after them ('for having …')."""
    return sp.WHY.split(authority, maxsplit=1)[0]
