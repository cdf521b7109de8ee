"""Generated State and Treasury releases: verbs x alias markers x list layouts x details, exact events, no junk.

The slots are written from real releases of 2001-2026 (see tests/fixtures/state and tests/fixtures/treasury):
operative verbs ('is designating', 'intends to designate', 'today designated', 'were designated today', …),
program phrases with their legal anchors (section 219 of the INA, E.O. 13224), alias markers, alias
boilerplate, list layouts (inline 'A, B, and C', 'A and B', bulleted 'the following …:') and individuals'
details (born, DOB, nationality, passport). Each release carries mentions of earlier actions that must give
nothing. Names carry accents, curly apostrophes, hyphens and ampersands.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.model import Action, Program
from parsers.name_check import name_problem
from parsers.state import parse_state_release
from parsers.treasury import parse_treasury_release

FTO, SDGT = Program.FTO, Program.SDGT
DAY = date(2024, 3, 14)
CASES = 1200

ORGANIZATIONS = [
    ("Hay’at Tahrir al-Sham", ("HTS", "Jabhat al-Nusrah")),
    ("Cártel de Jalisco Nueva Generación", ("CJNG",)),
    ("Lashkar-e-Tayyiba", ("Jamaat-ud-Dawa",)),
    ("Kata’ib Hizballah", ("KH",)),
    ("Asa’ib Ahl al-Haq", ()),
    ("Harakat al-Nujaba", ("Harakat Hizballah al-Nujaba",)),
    ("Tren de Aragua", ("TdA",)),
    ("Jama’at Nusrat al-Islam wal-Muslimin", ("JNIM",)),
    ("Hurras al-Din", ("Guardians of Religion",)),
    ("Continuity Irish Republican Army", ("Continuity Army Council",)),
    ("Wonderland Amusement Park & Resort Ltd", ()),
    ("Cárteles Unidos", ()),
    ("Mara Salvatrucha", ("MS-13",)),
    ("Euro African Group Ltd", ()),
    ("Hamas", ("Islamic Resistance Movement",)),
    ("Ansarallah", ("Houthis",)),
]
INDIVIDUALS = [
    ("Mohammad Ibrahim Bazzi", ("Muhammad Ibrahim Bazzi",)),
    ("Abdallah Safi-Al-Din", ()),
    ("Nabil Qaouk", ()),
    ("Hassan al-Baghdadi", ("Sheikh al-Baghdadi",)),
    ("Noor Wali Mehsud", ("Mufti Noor Wali",)),
    ("Fu’ad Shukr", ("Al-Hajj Mohsin",)),
    ("Haytham ‘Ali Tabataba’i", ("Abu ‘Ali al-Tabataba’i",)),
    ("Abdul Malik al-Houthi", ()),
    ("Giovanni Vicente Mosquera Serrano", ()),
]
# (text inside the parentheses, the details the reader must give)
DETAILS = [
    ("born 10 August 1964 in Bent Jbeil, Lebanon", (("dob", "10 August 1964"), ("pob", "Bent Jbeil, Lebanon"))),
    ("DOB 08 Jul 1960; Passport 3527575", (("dob", "08 Jul 1960"), ("passport", "3527575"))),
    ("nationality Lebanon", (("nationality", "Lebanon"),)),
    ("born 1968; nationality Lebanon; gender male", (("dob", "1968"), ("nationality", "Lebanon"), ("gender", "male"))),
    ("date of birth 20 May 1964; alt. nationality Belgium", (("dob", "20 May 1964"), ("nationality", "Belgium"))),
]
ALIAS_MARKERS = ["a.k.a. ", "also known as ", "aka ", "formerly known as ", "f.k.a. ", "commonly referred to as ", ""]
QUOTES = [("", ""), ("“", "”"), ('"', '"')]
LIST_BOILERPLATE = ["", ", together with their respective aliases,", " and their associated aliases"]
BOILERPLATE = ["", " and its aliases", " together with its associated aliases", " and all associated aliases"]

# State: (verb phrase before the parties, action)
STATE_VERBS = [
    ("the Department of State is designating", Action.ANNOUNCEMENT),
    ("the Secretary of State intends to designate", Action.ANNOUNCEMENT),
    ("the Secretary of State is designating", Action.ANNOUNCEMENT),
    ("the Department of State has decided to designate", Action.ANNOUNCEMENT),
    ("the Department of State will designate", Action.ANNOUNCEMENT),
    ("the Secretary of State has designated", Action.ANNOUNCEMENT),
    ("Today, the Department of State designated", Action.ANNOUNCEMENT),
    ("Today, I am announcing the Department of State’s designation of", Action.ANNOUNCEMENT),
    ("the Department of State is revoking the designations of", Action.REVOCATION),
    ("the Secretary of State will revoke the designations of", Action.REVOCATION),
    ("the Secretary of State has decided to revoke the designations of", Action.REVOCATION),
    ("the Secretary of State has decided, after a statutory review, to revoke the designations of", Action.REVOCATION),
]
STATE_PROGRAMS = [
    ("as a Foreign Terrorist Organization (FTO) under Section 219 of the Immigration and Nationality Act", (FTO,)),
    ("as Specially Designated Global Terrorists (SDGTs) under section 1(b) of Executive Order 13224", (SDGT,)),
    ("as FTOs and SDGTs", (FTO, SDGT)),
    ("as an SDGT pursuant to E.O. 13224", (SDGT,)),
]
TREASURY_VERBS = [
    ("OFAC today designated {parties} {programs}", Action.DESIGNATION),
    ("Today, OFAC is designating {parties} {programs}", Action.DESIGNATION),
    ("OFAC is also sanctioning {parties} {programs}", Action.DESIGNATION),
    ("Today, the Office of Foreign Assets Control designated {parties} {programs}", Action.DESIGNATION),
    ("{parties} {were} designated today {programs}", Action.DESIGNATION),
    ("{parties} {were} being designated {programs}", Action.DESIGNATION),
    ("The State Department is concurrently designating {parties} {programs}", Action.DESIGNATION),
]
TREASURY_PROGRAMS = [
    "pursuant to E.O. 13224, as amended",
    "as Specially Designated Global Terrorists (SDGTs) pursuant to Executive Order (E.O.) 13224",
    "pursuant to Executive Order (E.O.) 13224, as amended, for acting for or on behalf of Hizballah",
]
PLACES = ["", "", "Lebanon-based ", "South Africa-based ", "Marshall Islands-based "]
MENTIONS = [
    "The Department of State designated Hizballah as a Foreign Terrorist Organization in October 1997.",
    "On February 20, 2025, the Secretary of State designated Tren de Aragua as an FTO and SDGT.",
    "OFAC previously designated the Sinaloa Cartel pursuant to E.O. 14059.",
    "The Department of State has designated Kata’ib Hizballah as an FTO since 2009.",
    "In 2019, OFAC designated Hurras al-Din as an SDGT pursuant to E.O. 13224.",
    "The Department is also offering a reward of up to $10 million for information on Hizballah’s finances.",
]


@dataclass(frozen=True)
class Party:
    """One generated party and what the reader must give for it."""

    text: str
    name: str
    aliases: tuple[str, ...]
    entity_type: str
    details: tuple[tuple[str, str], ...]


@st.composite
def parties(draw, bulleted: bool, bold: bool = False) -> list[Party]:
    """One to four distinct parties, each written with its aliases, details and boilerplate."""
    count = draw(st.integers(1, 4))
    pool = [(n, a, "organization") for n, a in ORGANIZATIONS] + [(n, a, "individual") for n, a in INDIVIDUALS]
    chosen = draw(st.permutations(pool))[:count]
    out = []
    for name, aliases, kind in chosen:
        shown = aliases[:draw(st.integers(0, len(aliases)))]
        marker = draw(st.sampled_from(ALIAS_MARKERS))
        groups = []
        if shown:
            # quotes mark nicknames, which Treasury prints for people (and its reader takes as a person cue)
            left, right = draw(st.sampled_from(QUOTES)) if kind == "individual" else ("", "")
            groups.append("; ".join(f"{marker}{left}{a}{right}" if marker else a for a in shown))
        details: tuple[tuple[str, str], ...] = ()
        if kind == "individual":
            text, details = draw(st.sampled_from(DETAILS))
            groups.append(text)
        shown_name = f"<strong>{name}</strong>" if bold and draw(st.booleans()) else name
        if kind == "organization" and not bulleted:
            # a place before the name, of one or several words: 'Hong Kong-based Great Ocean Shipping Limited'
            shown_name = draw(st.sampled_from(PLACES)) + shown_name
        written = shown_name + "".join(f" ({g})" for g in groups) + draw(st.sampled_from(BOILERPLATE))
        if shown and marker and not bulleted and draw(st.booleans()) and kind == "organization":
            # the comma form: 'X, also known as Y, also known as Z,'
            written = f"{name}, " + ", ".join(f"{marker.strip()} {a}" for a in shown) + ","
        elif kind == "individual" and not bulleted and not shown and draw(st.booleans()):
            # details set off by commas: 'X, born 20 May 1964,' / 'X, a Lebanese national,'
            text, details = draw(st.sampled_from([("born 20 May 1964", (("dob", "20 May 1964"),)),
                                                  ("a Lebanese national", (("nationality", "Lebanese"),)),
                                                  ("born 1968 in Beirut, Lebanon",
                                                   (("dob", "1968"), ("pob", "Beirut, Lebanon")))]))
            written = f"{name}, {text}"
        out.append(Party(written, name, tuple(shown), kind, details))
    return out


def inline(items: list[str]) -> str:
    """'A', 'A and B', 'A, B, and C' ('A, a Lebanese national, and B' when a party has a description)."""
    if len(items) == 1:
        return items[0] + ("," if "," in items[0] and not items[0].endswith(",") else "")
    if len(items) == 2 and not any("," in i for i in items):
        return f"{items[0]} and {items[1]}"
    last = items[-1] + ("," if "," in items[-1] and not items[-1].endswith(",") else "")
    return ", ".join(i.rstrip(",") for i in items[:-1]) + ", and " + last


def state_page(body: str) -> bytes:
    """A release in the markup of www.state.gov."""
    return ('<html><head><link rel="canonical" href="https://www.state.gov/generated-release/"></head><body>'
            '<h1 class="featured-content__headline">Terrorist Designations</h1>'
            '<p class="article-meta__publish-date">March 14, 2024</p>'
            f'<div class="entry-content">{body}</div></body></html>').encode()


def treasury_page(body: str) -> bytes:
    """A release in the markup of home.treasury.gov."""
    return ('<html><body><article><h2 class="uswds-page-title">Treasury Sanctions a Terrorist Network</h2>'
            '<div class="field--name-field-news-publication-date"><time datetime="2024-03-14T12:00:00Z">'
            'March 14, 2024</time></div>'
            f'<div class="field--name-field-news-body">{body}</div></article></body></html>').encode()


def listed(items: list[Party], intro: str, layout: str = "bullets") -> str:
    """'<intro> the following …:' and one bullet (or numbered item, or paragraph) per party."""
    ends = [";"] * (len(items) - 1) + ["."]
    if len(items) > 1:
        ends[-2] = "; and"
    if layout == "bullets":
        return f"<p>{intro}</p><ul>" + "".join(f"<li>{p.text}{e}</li>" for p, e in zip(items, ends)) + "</ul>"
    if layout == "numbered":
        return f"<p>{intro}</p><ol>" + "".join(f"<li>{p.text}</li>" for p in items) + "</ol>"
    notes = [" — a group active in the region", " — a senior figure of the network", ""]
    return f"<p>{intro}</p>" + "".join(f"<p>{i}. {p.text}{notes[i % 3]}</p>" for i, p in enumerate(items, start=1)) \
        + "<p>These designations follow earlier actions against the network.</p>"


def following_noun(items: list[Party]) -> str:
    kinds = {p.entity_type for p in items}
    if kinds == {"individual"}:
        return "individuals"
    return "organizations" if kinds == {"organization"} else "individuals and entities"


@st.composite
def state_release(draw):
    """A generated State release and its expected events."""
    bulleted = draw(st.booleans())
    items = draw(parties(bulleted))
    verb, action = draw(st.sampled_from(STATE_VERBS))
    programs_text, programs = draw(st.sampled_from(STATE_PROGRAMS))
    if bulleted:
        intro = f"{verb[0].upper()}{verb[1:]} the following {following_noun(items)} {programs_text}:"
        body = listed(items, intro, draw(st.sampled_from(["bullets", "numbered", "paragraphs"])))
    else:
        tail = draw(st.sampled_from(LIST_BOILERPLATE)) if len(items) > 1 else ""
        body = f"<p>{verb[0].upper()}{verb[1:]} {inline([p.text for p in items])}{tail} {programs_text}.</p>"
    mentions = draw(st.lists(st.sampled_from(MENTIONS), max_size=2, unique=True))
    body = "".join(f"<p>{m}</p>" for m in mentions[:1]) + body + "".join(f"<p>{m}</p>" for m in mentions[1:])
    expected = [(program, action, p.name, p.aliases, p.entity_type, None, p.details)
                for program in programs for p in items]
    return body, sorted(expected, key=repr)


@st.composite
def treasury_release(draw):
    """A generated Treasury release and its expected events."""
    bulleted = draw(st.booleans())
    items = draw(parties(bulleted, bold=True))
    programs_text = draw(st.sampled_from(TREASURY_PROGRAMS))
    if bulleted:
        intro = draw(st.sampled_from([
            f"OFAC is designating the following {following_noun(items)} {programs_text}:",
            f"Today, OFAC is also sanctioning the following {following_noun(items)} {programs_text}:",
        ]))
        body = listed(items, intro, draw(st.sampled_from(["bullets", "numbered", "paragraphs"])))
    else:
        template, _ = draw(st.sampled_from(TREASURY_VERBS))
        were = "was" if len(items) == 1 else "were"
        if "being" in template:
            were = "is" if len(items) == 1 else "are"
        sentence = template.format(parties=inline([p.text for p in items]), programs=programs_text, were=were)
        body = f"<p><strong>WASHINGTON</strong> — {sentence[0].upper()}{sentence[1:]}.</p>"
    mentions = draw(st.lists(st.sampled_from(MENTIONS), max_size=2, unique=True))
    body = body + "".join(f"<p>{m}</p>" for m in mentions)
    expected = [(SDGT, Action.DESIGNATION, p.name, p.aliases, p.entity_type, DAY, p.details) for p in items]
    return body, sorted(expected, key=repr)


@st.composite
def state_alias_amendment(draw):
    """'… is amending the designation of X as an FTO and SDGT to add the aliases A and B.'"""
    name, _ = draw(st.sampled_from(ORGANIZATIONS))
    added = draw(st.permutations(["Jabhat Fath al-Sham", "Sons of Abyan", "Civil Council of Hadramawt",
                                  "Al-Hajj Brigades", "Lebanese Hizballah", "Los Zetas"]))[:draw(st.integers(1, 3))]
    programs_text, programs = draw(st.sampled_from(STATE_PROGRAMS[:2] + [("as an FTO and SDGT", (FTO, SDGT))]))
    verb = draw(st.sampled_from(["The Department of State is amending", "The Department of State has amended",
                                 "The Secretary of State is amending"]))
    noun = "aliases" if len(added) > 1 else "alias"
    body = f"<p>{verb} the designation of {name} {programs_text} to add the {noun} {inline(added)}.</p>"
    return body, sorted([(p, Action.AMENDMENT, name, tuple(added), "organization", None, ()) for p in programs],
                        key=repr)


@st.composite
def treasury_removal(draw):
    """'OFAC today removed X from the SDN List …' under E.O. 13224."""
    items = draw(parties(False))
    sentence = draw(st.sampled_from([
        "OFAC today removed {p} from the SDN List, where they were listed pursuant to E.O. 13224",
        "OFAC is removing {p} from the SDN List pursuant to E.O. 13224",
        "Today, OFAC is also delisting {p} as Specially Designated Global Terrorists",
    ])).format(p=inline([p.text for p in items]))
    body = f"<p>{sentence}.</p>"
    return body, sorted([(SDGT, Action.REVOCATION, p.name, p.aliases, p.entity_type, DAY, p.details) for p in items],
                        key=repr)


def shape(notice) -> list[tuple]:
    return sorted(((e.program, e.action, e.name, e.aliases, e.entity_type, e.effective_on, e.details)
                   for e in notice.events), key=repr)


FAST = settings(max_examples=CASES // 2, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(state_release())
def test_generated_state_releases_give_exact_events(case):
    body, expected = case
    notice = parse_state_release("https://www.state.gov/generated-release/", state_page(body))
    assert notice.review is None, body
    assert shape(notice) == expected, body
    assert all(name_problem(e.name) is None for e in notice.events)
    assert all(e.announced_on == DAY for e in notice.events)


@FAST
@given(treasury_release())
def test_generated_treasury_releases_give_exact_events(case):
    body, expected = case
    notice = parse_treasury_release("https://home.treasury.gov/news/press-releases/sb9999", treasury_page(body))
    assert notice.review is None, body
    assert shape(notice) == expected, body
    assert all(name_problem(e.name) is None for e in notice.events)


@FAST
@given(state_alias_amendment())
def test_generated_state_alias_amendments(case):
    body, expected = case
    notice = parse_state_release("https://www.state.gov/generated-release/", state_page(body))
    assert (shape(notice), notice.review) == (expected, None), body


@FAST
@given(treasury_removal())
def test_generated_treasury_removals(case):
    body, expected = case
    notice = parse_treasury_release("https://home.treasury.gov/news/press-releases/sb9999", treasury_page(body))
    assert (shape(notice), notice.review) == (expected, None), body


@FAST
@given(st.lists(st.sampled_from(MENTIONS), min_size=1, max_size=4, unique=True), st.booleans())
def test_generated_mentions_give_no_events(mentions, state):
    body = "".join(f"<p>{m}</p>" for m in mentions)
    if state:
        notice = parse_state_release("https://www.state.gov/generated-release/", state_page(body).replace(
            b"Terrorist Designations", b"Remarks on Counterterrorism"))
    else:
        notice = parse_treasury_release("https://home.treasury.gov/news/press-releases/sb9999", treasury_page(body))
    assert notice.events == ()
    assert notice.kind in ("mention", "not_relevant")
