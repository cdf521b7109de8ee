"""A grammar of State Department FTO and SDGT Federal Register notices: slots, variants, renderer and answer key.

Each notice is drawn slot by slot (kind, title form, speaker, finding verb, list layout, alias marker, …) through a
`Draw`: `RandomDraw` for the benchmark and the coverage test, `HypothesisDraw` for property-based tests. What was
chosen is recorded in `GeneratedNotice.choices`, so a failure names the variants that produced it. The wording of
every variant follows real notices (see tests/grammar/README.md); the names are real FTO/SDGT names and aliases.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable
from xml.sax.saxutils import escape

# --- slots ----------------------------------------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    "kind": ("fto_designation", "fto_amendment_aliases", "fto_amendment_rename", "fto_review_title_only",
             "fto_review_in_body", "fto_review_revokes", "fto_revocation", "sdgt_designation_org",
             "sdgt_designation_individual", "sdgt_amendment", "sdgt_revocation", "combined_fto_sdgt",
             "negative_review_started", "negative_mention"),
    "entity_count": ("one", "two", "several"),
    "title": ("in_the_matter", "in_the_matter_aka", "fto_designation_of", "designation_of_as", "generic",
              "plural_semicolons", "plural_commas", "review_in_the_matter", "review_as_fto_of",
              "review_fto_designation_of", "amendment_in_the_matter", "amendment_of", "revocation_of",
              "revocation_in_the_matter", "sdgt_designation_of", "sdgt_in_the_matter", "combined_designations"),
    "title_boilerplate": ("none", "and_other_aliases", "acronym_and_other_aliases", "and_all_associated_aliases"),
    "speaker": ("I", "secretary", "deputy_secretary"),
    "record": ("based_upon_review", "having_reviewed", "pursuant_direct"),
    "finding_verb": ("exist_with_respect_to", "are_present_with_respect_to", "apply_to", "are_met_with_respect_to",
                     "have_been_satisfied_with_respect_to", "exist_as_to", "are_satisfied_as_to"),
    "list_layout": ("inline", "after_colon", "paragraph_per_entity", "numbered", "semicolons_and", "commas_and",
                    "following_organizations"),
    "alias_marker": ("none", "paren_aka_each", "paren_aka_semicolons", "paren_aka_commas", "paren_akadot",
                     "comma_chain_aka", "comma_chain_akadot", "comma_chain_bare_aka", "semicolon_and_list",
                     "fka", "formerly_known_as", "mixed", "variously_known_as", "and_as"),
    "acronym": ("absent", "parenthesised"),
    "article": ("none", "lowercase_the"),
    "alias_repeat": ("none", "name_in_list", "duplicate_alias"),
    "operative_boilerplate": ("its_aliases", "its_respective_aliases", "their_respective_aliases",
                              "together_with_its_aliases", "no_aliases_phrase"),
    "body_boilerplate": ("and_other_aliases", "and_all_associated_aliases", "and_all_of_its_associated_aliases",
                         "together_with_its_respective_aliases", "acronym_and_other_aliases", "none"),
    "amendment_layout": ("inline_semicolons", "inline_commas", "paragraph_per_alias", "uses_aliases_finding"),
    "rename_phrase": ("as_primary_name", "change_primary_name", "recognize_primary_name"),
    "review_finding": ("not_changed_and_maintained", "maintained_only", "not_changed_only"),
    "revocation_ground": ("circumstances_changed", "national_security"),
    "sdgt_noun": ("individual", "person", "organization", "entity", "group", "no_noun"),
    "sdgt_finding": ("committed_or_poses_risk", "leader_of_blocked_entity", "following_persons_colon"),
    "sdgt_authority": ("section_1b_long", "section_1a_ii_b", "eo_13224_short"),
    "details_layout": ("paren_labels", "sdn_style", "born_prose"),
    "combined_form": ("same_sentence", "separate_paragraph"),
    "effective": ("publication_default", "goes_into_effect_upon_publication", "stated_date",
                  "effective_upon_signature"),
    "dated": ("with_period", "without_period"),
    "quotes": ("straight", "curly"),
    "noise": ("none", "prtpage_between_words", "prtpage_mid_word", "italic_tokens", "doubled_spaces", "all"),
    "negative_form": ("review_undertaken", "submissions_invited", "exercise_of_authority_mention",
                      "rewards_notice_mention"),
}


class Draw:
    """Where the choices come from: `pick` records a slot's variant, `choice`/`integer` draw unrecorded data."""

    def __init__(self) -> None:
        self.choices: dict[str, list[str]] = {}

    def pick(self, slot: str, options: tuple[str, ...] | list[str] | None = None) -> str:
        options = tuple(options or SLOTS[slot])
        unknown = set(options) - set(SLOTS[slot])
        if unknown:
            raise ValueError(f"slot {slot}: unknown variants {sorted(unknown)}")
        value = self._choose(options)
        self.choices.setdefault(slot, [])
        if value not in self.choices[slot]:
            self.choices[slot].append(value)
        return value

    def choice(self, options):
        return self._choose(tuple(options))

    def integer(self, low: int, high: int) -> int:
        raise NotImplementedError

    def _choose(self, options: tuple):
        raise NotImplementedError


class RandomDraw(Draw):
    """Choices from a seeded random.Random."""

    def __init__(self, seed: int):
        super().__init__()
        self.rng = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def _choose(self, options: tuple):
        return options[self.rng.randrange(len(options))]


class HypothesisDraw(Draw):
    """Choices from hypothesis's `draw` (inside @st.composite), so failures shrink."""

    def __init__(self, draw: Callable):
        super().__init__()
        from hypothesis import strategies as st

        self._draw, self._st = draw, st

    def integer(self, low: int, high: int) -> int:
        return self._draw(self._st.integers(low, high))

    def _choose(self, options: tuple):
        return self._draw(self._st.sampled_from(options))


# --- real entities ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Org:
    """A real organisation: its primary name, acronym and aliases as State or OFAC print them."""

    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    takes_the: bool = False  # printed "the X" in real notices


def _org(name, acronym=None, aliases=(), the=False) -> Org:
    return Org(name, acronym, tuple(aliases), the)


FTO_ORGS: tuple[Org, ...] = (
    _org("Armed Islamic Group", "GIA", ["Groupement Islamique Armé", "al-Jama'ah al-Islamiyah al-Musallah"], True),
    _org("Cartel de los Soles", None, ["Cartel of the Suns"]),
    _org("Lebanese Muslim Brotherhood", None, ["al-Jamaa al-Islamiyah", "Jama'a Islamiyah", "The Islamic Group",
                                                "Islamic Group in Lebanon", "Quwat al-Fajr"]),
    _org("Asa'ib Ahl al-Haq", "AAH", ["League of the Righteous", "Khazali Network", "Asaib al Haq",
                                     "The Missionary Current"], True),
    _org("Al-Nusrah Front", None, ["Jabhat al-Nusrah", "Jabhet al-Nusra", "The Victory Front",
                                   "Support Front for the People of the Levant"]),
    _org("Kurdistan Workers' Party", "PKK", ["Kongra-Gel", "KADEK", "Kurdistan People's Congress"], True),
    _org("Popular Front for the Liberation of Palestine-General Command", "PFLP-GC", [], True),
    _org("Palestinian Islamic Jihad", "PIJ", ["Harakat al-Jihad al-Islami fi Filastin", "Al-Quds Brigades"]),
    _org("Liberation Tigers of Tamil Eelam", "LTTE", ["Tamil Tigers", "Ellalan Force"], True),
    _org("Revolutionary Armed Forces of Colombia", "FARC", ["Fuerzas Armadas Revolucionarias de Colombia"], True),
    _org("National Liberation Army", "ELN", ["Ejército de Liberación Nacional"], True),
    _org("Shining Path", "SL", ["Sendero Luminoso", "People's Guerrilla Army"], True),
    _org("Basque Fatherland and Liberty", "ETA", ["Euskadi Ta Askatasuna"], True),
    _org("Tren de Aragua", "TdA", []),
    _org("Mara Salvatrucha", "MS-13", []),
    _org("Cártel de Jalisco Nueva Generación", "CJNG", ["Jalisco New Generation Cartel"]),
    _org("Viv Ansanm", None, ["Fòs Revolisyonè G9 an Fanmi e Alye", "G9 an Fanmi e Alye", "G-Pèp"]),
    _org("Gran Grif", None, []),
    _org("Hizballah", None, ["Party of God", "Islamic Jihad Organization", "Lebanese Resistance Detachments"]),
    _org("Harakat ul-Mujahidin", "HUM", ["Harakat ul-Ansar", "Jamiat ul-Ansar"]),
    _org("Lashkar-e-Tayyiba", "LeT", ["Jamaat-ud-Dawa", "Paasban-e-Ahle-Hadis", "Tehreek-e-Tahafuz Qibla Awwal"]),
    _org("Jaysh Rijal al-Tariq al Naqshabandi", "JRTN", ["Army of the Men of the Naqshbandi Order"]),
    _org("Gama'a al-Islamiyya", None, ["Islamic Group", "al-Gama'at"]),
    _org("Aum Shinrikyo", None, ["Aleph", "A.I.C. Comprehensive Research Institute"]),
    _org("Kata'ib Hizballah", "KH", ["Hizballah Brigades", "Kata'ib Hezbollah"]),
    _org("Balochistan Liberation Army", "BLA", ["Majeed Brigade", "Fateh Squad"], True),
    _org("al-Shabaab", None, ["Harakat Shabaab al-Mujahidin", "Al-Shabaab al-Islaam", "Mujahidin Youth Movement"]),
    _org("Boko Haram", None, ["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "Nigerian Taliban"]),
    _org("The Resistance Front", "TRF", ["Kashmir Resistance"]),
    _org("Continuity Irish Republican Army", "CIRA", ["Continuity Army Council"], True),
    _org("Real Irish Republican Army", "RIRA", ["32 County Sovereignty Movement", "Óglaigh na hÉireann"], True),
    _org("Revolutionary People's Liberation Party/Front", "DHKP/C", ["Dev Sol", "Revolutionary Left"], True),
    _org("Communist Party of the Philippines/New People's Army", "CPP/NPA", [], True),
    _org("Abdallah Azzam Brigades", "AAB", ["Ziyad al-Jarrah Battalions", "Yusuf al-'Uyayri Battalions"], True),
    _org("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", ["Group for the Support of Islam and Muslims"]),
    _org("Harakat Sawa'd Misr", "HASM", ["Arms of Egypt Movement"]),
    _org("al-Ashtar Brigades", None, ["Saraya al-Ashtar"]),
    _org("Cártel del Noreste", None, ["Los Zetas", "Northeast Cartel"]),
    _org("La Nueva Familia Michoacana", "LNFM", []),
    _org("Islamic Movement of Uzbekistan", "IMU", [], True),
    _org("Mujahidin Shura Council in the Environs of Jerusalem", "MSC", ["Majlis Shura al-Mujahideen"], True),
    _org("Abu Sayyaf Group", "ASG", ["Al Harakat al Islamiyya"], True),
    _org("Al-Aqsa Martyrs Brigade", "AAMB", ["al-Aqsa Martyrs Battalion"], True),
    _org("Asbat al-Ansar", None, ["League of the Followers", "Partisans' League"]),
)

SDGT_ORGS: tuple[Org, ...] = (
    _org("Ansarallah", None, ["Ansar Allah", "Partisans of God"]),
    _org("Al-Haramain & Al Masjed Al-Aqsa Charity Foundation", None, []),
    _org("Welfare and Development Organization of Jamaat-ud-Dawah for Qur'an and Sunnah", None, []),
    _org("Kata'ib Sayyid al-Shuhada", "KSS", ["Masters of the Martyrs Brigade"]),
    _org("Harakat al-Nujaba", None, ["Harakat Hizballah al-Nujaba"]),
    _org("Liwa Fatemiyoun", None, ["Fatemiyoun Division"]),
    _org("Liwa Zaynabiyoun", None, ["Zainabiyoun Brigade"]),
    _org("Hurras al-Din", None, ["Guardians of the Religion"]),
    _org("al-Mujahidin Brigades", None, ["Kata'ib al-Mujahidin"], True),
)

# (old primary name, new primary name, aliases added with it) — real renames of FTO designations.
RENAMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("al-Qa'ida in Iraq", "Islamic State of Iraq and the Levant",
     ("Islamic State of Iraq and al-Sham", "Islamic State of Iraq and Syria",
      "ad-Dawla al-Islamiyya fi al-'Iraq wa-sh-Sham", "Daesh", "Dawla al Islamiya",
      "Al-Furqan Establishment for Media Production")),
    ("Salafist Group for Call and Combat", "al-Qa'ida in the Islamic Maghreb",
     ("AQIM", "Tanzim al-Qa'ida fi Bilad al-Maghrib al-Islamiya")),
    ("Jam'at al Tawhid wa'al-Jihad", "Tanzim Qa'idat al-Jihad fi Bilad al-Rafidayn",
     ("al-Qa'ida in Iraq", "The Organization of al-Jihad's Base in Iraq")),
    ("Harakat ul-Ansar", "Harakat ul-Mujahidin", ("HUM", "Jamiat ul-Ansar")),
)


@dataclass(frozen=True)
class Person:
    """A real SDGT individual as in OFAC's SDN entry: name, aliases and identifiers (dob is a date or a year)."""

    name: str
    aliases: tuple[str, ...] = ()
    dob: date | int | None = None
    pob: str | None = None
    nationality: str | None = None
    citizenship: str | None = None
    gender: str | None = None
    passport: str | None = None


PERSONS: tuple[Person, ...] = (
    Person("Adham Husayn Tabaja", (), date(1967, 10, 24), "Kfar Tibnit, Lebanon", "Lebanon", None, "Male",
           "RL1294089 (Lebanon)"),
    Person("Kassem Hejeij", (), date(1953, 3, 5), "Lagos, Nigeria", "Lebanon", None, "Male", "RL0000432 (Lebanon)"),
    Person("Mohamad Noureddine", (), date(1974, 10, 23), "Beirut, Lebanon", "Lebanon", None, "Male",
           "RL0629138 (Lebanon)"),
    Person("Abd al Hadi Zarqun", (), 1983, "Sirte, Libya", "Libya", None, "Male", "H/188292 (Libya)"),
    Person("Khaled Sharrouf", (), date(1981, 2, 23), "Auburn, New South Wales, Australia", "Australia", None,
           "Male", "L3135591 (Australia)"),
    Person("Muhammad Sarwar", ("Abu Hashim", "Abu ul-Hashim"), 1966, "Sheikhupura, Pakistan", "Pakistan", None,
           "Male", "AK5995921 (Pakistan)"),
    Person("Isma'il Fu'ad Rasul Ahmed", ("Abdallah Kurdi",), 1976, "Kirkuk, Iraq", "Iraq"),
    Person("Iyad Nazmi Salih Khalil", ("Abu-Julaybib", "Abu al-Darda"), 1974, "Syria", "Jordan", None, "Male",
           "286062 (Jordan)"),
    Person("Myrna Ajijul Mabanza", (), date(1991, 7, 11), None, "Philippines", None, "Female"),
    Person("Halima Adan Ali", (), date(1986, 10, 10), None, "Kenya", None, "Female", "A1659348 (Kenya)"),
    Person("Gulnihal Yegane", (), date(1975, 9, 15), "Manisa, Turkey", "Turkey", None, "Female", "791029 (Turkey)"),
    Person("Zeinab Mehanna Talebzadeh", (), date(1969, 10, 19), None, "Iran", None, "Female"),
    Person("Syed Salahuddin", ("Mohammad Yusuf Shah",)),
    Person("Rostam Qasemi", (), date(1964, 5, 22), "Lamerd, Iran", "Iran", "Iran", "Male", "A2463775 (Iran)"),
    Person("Abdul Malik al-Houthi"),
    Person("Abd al-Khaliq Badr al-Din al-Houthi"),
    Person("Abdullah Yahya al Hakim", ("Abu Ali al-Hakim",)),
    Person("Sally-Anne Frances Jones", ("Umm Hussain al-Britani",), date(1968, 11, 17), "Greenwich, United Kingdom",
           "United Kingdom", None, "Female"),
)

# (first year, last year, name, title, deputy name) — who signed State FTO/SDGT notices, by period.
SIGNERS = (
    (1997, 2000, "Madeleine K. Albright", "Secretary of State", "Strobe Talbott"),
    (2001, 2004, "Colin L. Powell", "Secretary of State", "Richard L. Armitage"),
    (2005, 2008, "Condoleezza Rice", "Secretary of State", "John D. Negroponte"),
    (2009, 2012, "Hillary Rodham Clinton", "Secretary of State", "James B. Steinberg"),
    (2013, 2016, "John F. Kerry", "Secretary of State", "Antony J. Blinken"),
    (2017, 2017, "Rex W. Tillerson", "Secretary of State", "John J. Sullivan"),
    (2018, 2020, "Michael R. Pompeo", "Secretary of State", "Stephen E. Biegun"),
    (2021, 2024, "Antony J. Blinken", "Secretary of State", "Wendy R. Sherman"),
    (2025, 2026, "Marco Rubio", "Secretary of State", "Christopher Landau"),
)

# --- the answer key ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ExpectedEvent:
    """One event a correct parser reads from the notice (the fields of parsers.model.Event that are compared)."""

    program: str
    action: str
    name: str
    aliases: tuple[str, ...] = ()
    entity_type: str = "organization"
    effective_on: date | None = None
    signed_on: date | None = None
    previous_name: str | None = None
    details: tuple[tuple[str, str], ...] = ()


def event_key(event: Any) -> ExpectedEvent:
    """A parsers.model.Event (or an ExpectedEvent) in the comparable shape."""
    return ExpectedEvent(str(getattr(event.program, "value", event.program)),
                         str(getattr(event.action, "value", event.action)), event.name, tuple(event.aliases),
                         event.entity_type, event.effective_on, event.signed_on, event.previous_name,
                         tuple(tuple(d) for d in event.details))


@dataclass
class GeneratedNotice:
    """One generated notice: API metadata, full-text XML bytes, the answer and the slot variants that made it."""

    meta: dict
    xml: bytes
    expected: tuple[ExpectedEvent, ...]
    choices: dict[str, list[str]] = field(default_factory=dict)
    title: str = ""
    paragraphs: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"GeneratedNotice({self.meta.get('document_number')}: " + ", ".join(
            f"{s}={v}" for s, v in self.variants()) + ")"

    def text(self) -> str:
        """The notice as plain text (title, paragraphs), for failure reports."""
        return "\n\n".join((self.title, *self.paragraphs))

    def variants(self) -> list[tuple[str, str]]:
        """(slot, variant) pairs in slot order."""
        return [(slot, v) for slot in SLOTS for v in self.choices.get(slot, [])]


def plain(text: str) -> str:
    """A name as the answer key states it: curly apostrophes straightened, spaces collapsed."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())


def dedupe_aliases(name: str, aliases: list[str]) -> tuple[str, ...]:
    """Aliases in document order, each once case-insensitively, never the name itself."""
    seen = {plain(name).casefold()}
    out = []
    for alias in aliases:
        key = plain(alias).casefold()
        if key not in seen:
            seen.add(key)
            out.append(plain(alias))
    return tuple(out)


# --- rendering helpers -------------------------------------------------------------------------------------------

_FR = "\x00FR\x00"  # placeholder for <E T="04">Federal Register</E>, put in after escaping
_AND_FREE = re.compile(r"(,| and | & )")


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _quote(text: str, curly: bool) -> str:
    return text.replace("'", "\u2019") if curly else text


def _join(items: list[str], style: str) -> str:
    """'A; B; and C' (semicolons), 'A, B, and C' (commas), 'A and B'."""
    if len(items) == 1:
        return items[0]
    sep = "; " if style == "semicolons" else ", "
    if len(items) == 2:
        return f"{items[0]}{';' if style == 'semicolons' else ''} and {items[1]}"
    return sep.join(items[:-1]) + f"{sep}and {items[-1]}"


class _Ctx:
    """State shared while one notice is rendered."""

    def __init__(self, d: Draw, subject: Org | None = None, added: tuple[str, ...] = (),
                 same_day_effective: bool = False):
        self.d = d
        self.subject, self.added, self.same_day_effective = subject, added, same_day_effective
        self.curly = d.pick("quotes") == "curly"

    def q(self, text: str) -> str:
        return _quote(text, self.curly)


@dataclass
class _Entity:
    """An entity as this notice prints it, with what the answer key says about it."""

    name: str
    aliases_printed: list[str]
    acronym: str | None
    kind: str  # organization | individual
    the: bool = False
    details: tuple[tuple[str, str], ...] = ()
    person: Person | None = None


def _pick_orgs(c: _Ctx, pool: tuple[Org, ...], count: int, and_free: bool) -> list[Org]:
    if c.subject is not None:
        return [c.subject]
    candidates = [o for o in pool if not and_free or not _AND_FREE.search(o.name)]
    chosen: list[Org] = []
    while len(chosen) < count:
        org = c.d.choice(candidates)
        if org not in chosen:
            chosen.append(org)
    return chosen


def _entity_from_org(c: _Ctx, org: Org, max_aliases: int | None = None) -> _Entity:
    limit = len(org.aliases) if max_aliases is None else min(max_aliases, len(org.aliases))
    count = limit if c.subject is not None else c.d.integer(0, limit)
    return _Entity(org.name, list(org.aliases[:count]), org.acronym, "organization", org.takes_the)


def _alias_segment(c: _Ctx, marker: str, aliases: list[str]) -> str:
    """The aliases of one entity, in the form the marker names (text after the name)."""
    a = [c.q(x) for x in aliases]
    if not a or marker == "none":
        return ""
    if marker == "paren_aka_each":
        return " (also known as " + "; also known as ".join(a) + ")"
    if marker == "paren_aka_semicolons":
        return " (also known as " + "; ".join(a) + ")"
    if marker == "paren_aka_commas":
        return " (also known as " + ", ".join(a) + ")"
    if marker == "paren_akadot":
        return " (a.k.a. " + "; a.k.a. ".join(a) + ")"
    if marker == "comma_chain_aka":
        return "".join(f", also known as {x}" for x in a)
    if marker == "comma_chain_akadot":
        return "".join(f", a.k.a. {x}" for x in a)
    if marker == "comma_chain_bare_aka":
        return "".join(f", aka {x}" for x in a)
    if marker == "semicolon_and_list":
        return ", also known as " + (_join(a, "semicolons") if len(a) > 1 else a[0])
    if marker == "fka":
        return " (f.k.a. " + "; f.k.a. ".join(a) + ")"
    if marker == "formerly_known_as":
        return "".join(f", formerly known as {x}" for x in a)
    if marker == "variously_known_as":  # 2014 MSC: ", variously known as A, B, or C"
        return ", variously known as " + (", ".join(a[:-1]) + ("," if len(a) > 2 else "") + " or " + a[-1]
                                          if len(a) > 1 else a[0])
    if marker == "and_as":  # 2004 CIRA: ", also known as A and as B"
        return ", also known as " + " and as ".join(a)
    if marker == "mixed":
        forms = ("also known as", "a.k.a.", "f.k.a.")
        return " (" + "; ".join(f"{forms[i % 3]} {x}" for i, x in enumerate(a)) + ")"
    raise ValueError(marker)


def _render_entity(c: _Ctx, e: _Entity, marker: str, in_list: bool) -> tuple[str, tuple[str, ...]]:
    """One entity as printed in a body list: text and the aliases the answer key expects."""
    if marker == "none":
        e.aliases_printed = []
    article = c.d.pick("article", ("none", "lowercase_the") if e.the else ("none",))
    prefix = "the " if article == "lowercase_the" else ""
    acronym = c.d.pick("acronym", ("absent", "parenthesised") if e.acronym else ("absent",))
    aliases = list(e.aliases_printed)
    repeat = c.d.pick("alias_repeat", ("none", "name_in_list", "duplicate_alias") if aliases and marker != "none"
                      else ("none",))
    printed = list(aliases)
    if repeat == "name_in_list":
        printed.insert(c.d.integer(0, len(printed)), e.name)
    elif repeat == "duplicate_alias":
        printed.append(printed[0].upper() if printed[0].upper() != printed[0] else printed[0])
    text = prefix + c.q(e.name)
    expected = []
    if acronym == "parenthesised":
        text += f" ({c.q(e.acronym)})"
        expected.append(e.acronym)
    text += _alias_segment(c, marker, printed)
    if marker != "none":
        expected += aliases
    return text, dedupe_aliases(e.name, expected)


def _allowed_markers(layout: str, count: int) -> tuple[str, ...]:
    """Alias markers that keep the entity list readable by a careful human in this layout."""
    markers = SLOTS["alias_marker"]
    if count > 1:  # a chain joined by 'or' / 'and as' reads as one entity's only
        markers = tuple(m for m in markers if m not in ("variously_known_as", "and_as"))
    if layout in ("commas_and", "following_organizations") and count > 1:
        return tuple(m for m in markers if m.startswith("paren") or m in ("none", "fka", "mixed"))
    if layout in ("inline", "after_colon", "semicolons_and") and count > 1:
        return tuple(m for m in markers if m != "semicolon_and_list")
    return markers


def _details(c: _Ctx, p: Person) -> tuple[str, tuple[tuple[str, str], ...]]:
    """An individual's identifiers as printed after the name, and the (label, value) pairs expected."""
    if p.dob is None and p.pob is None and p.nationality is None:
        return "", ()
    layout = c.d.pick("details_layout", SLOTS["details_layout"] if p.dob is not None and p.pob
                      else ("paren_labels", "sdn_style"))
    if isinstance(p.dob, date):
        dob = c.d.choice((f"{p.dob:%d %b %Y}", _long(p.dob), f"{p.dob.day} {p.dob:%B %Y}"))
    else:
        dob = str(p.dob) if p.dob else None
    if layout == "born_prose":
        pairs = [("dob", dob), ("pob", p.pob)]
        text = f", born {'on ' if ',' in dob else ''}{dob} in {p.pob}"
        if p.nationality:
            text += f", a national of {p.nationality}"
            pairs.append(("nationality", p.nationality))
        return text, tuple(pairs)
    labels = ({"dob": "date of birth: ", "pob": "place of birth: ", "nationality": "nationality: ",
               "citizenship": "citizenship: ", "gender": "gender: ", "passport": "passport: "}
              if layout == "paren_labels" else
              {"dob": "DOB ", "pob": "POB ", "nationality": "nationality ", "citizenship": "citizen ",
               "gender": "Gender ", "passport": "Passport "})
    pairs, parts = [], []
    for label, value in (("dob", dob), ("pob", p.pob), ("nationality", p.nationality),
                         ("citizenship", p.citizenship), ("gender", p.gender), ("passport", p.passport)):
        if value is None:
            continue
        shown = value.lower() if label == "gender" and layout == "paren_labels" else value
        parts.append(labels[label] + shown)
        pairs.append((label, shown))
    return " (" + "; ".join(parts) + ")", tuple(pairs)


def _list_text(c: _Ctx, rendered: list[str], layout: str, lead: str) -> tuple[str, list[str]]:
    """(end of the operative sentence, following paragraphs) for an entity list in this layout.

    `lead` is the phrase before the list ("exist with respect to")."""
    if layout == "inline":
        return f"{lead} {_join(rendered, 'semicolons')}.", []
    if layout == "after_colon":
        return f"{lead}: {_join(rendered, 'semicolons')}.", []
    if layout == "semicolons_and":
        return f"{lead} {_join(rendered, 'semicolons')}.", []
    if layout == "commas_and":
        return f"{lead} {_join(rendered, 'commas')}.", []
    if layout == "following_organizations":
        noun = "organization" if len(rendered) == 1 else "organizations"
        return f"{lead} the following {noun}: {_join(rendered, 'commas')}.", []
    if layout == "paragraph_per_entity":
        noun = "organization" if len(rendered) == 1 else "organizations"
        ends = c.d.choice(("bare", "semicolons"))
        paras = [r + (";" if ends == "semicolons" and i < len(rendered) - 1 else "") for i, r in enumerate(rendered)]
        if ends == "semicolons":
            paras[-1] += "."
        return f"{lead} the following {noun}:", paras
    if layout == "numbered":
        noun = "organization" if len(rendered) == 1 else "organizations"
        style = c.d.choice(("{n}. ", "({n}) "))
        return f"{lead} the following {noun}:", [style.format(n=i + 1) + r + "." for i, r in enumerate(rendered)]
    raise ValueError(layout)


def _speaker(c: _Ctx, year: int) -> dict[str, str]:
    """Subject and verb forms for the official who decides, and the signer of the notice."""
    signer = next(s for s in SIGNERS if s[0] <= year <= s[1])
    who = c.d.pick("speaker")
    if who == "I":
        forms = {"subj": "I", "conclude": "I have concluded" if c.d.choice((0, 1)) else "I conclude",
                 "designate": "I hereby designate", "amend": "I hereby amend", "revoke": "I hereby revoke",
                 "determine": "I hereby determine", "find": "I find"}
        sig = (signer[2], signer[3])
    else:
        subj = "the Secretary of State" if who == "secretary" else "the Deputy Secretary of State"
        forms = {"subj": subj, "conclude": f"{subj} has concluded" if c.d.choice((0, 1)) else f"{subj} concludes",
                 "designate": f"{subj} hereby designates", "amend": f"{subj} hereby amends",
                 "revoke": f"{subj} hereby revokes", "determine": f"{subj} hereby determines",
                 "find": f"{subj} finds"}
        sig = (signer[2], signer[3]) if who == "secretary" else (signer[4], "Deputy Secretary of State")
    forms["signer"], forms["signer_title"] = sig
    return forms


_INA_LONG = ("section 219 of the Immigration and Nationality Act, as amended (hereinafter \u201cINA\u201d) "
             "(8 U.S.C. 1189)")
_FINDING = {
    "exist_with_respect_to": "exist with respect to",
    "are_present_with_respect_to": "are present with respect to",
    "apply_to": "apply to",
    "are_met_with_respect_to": "are met with respect to",
    "have_been_satisfied_with_respect_to": "have been satisfied with respect to",
    "exist_as_to": "exist as to",
    "are_satisfied_as_to": "are satisfied as to",
}
_CONSULT = "in consultation with the Attorney General and the Secretary of the Treasury"


def _record_opening(c: _Ctx, sp: dict, record: str, matter: str = "this matter") -> str:
    if record == "having_reviewed":
        return f"Having reviewed the Administrative Record assembled in {matter}, and {_CONSULT}, {sp['conclude']}"
    return (f"Based upon a review of the Administrative Record assembled in {matter}, and {_CONSULT}, "
            f"{sp['conclude']}")


def _operative_aliases(c: _Ctx, plural: bool) -> str:
    form = c.d.pick("operative_boilerplate",
                    ("their_respective_aliases", "no_aliases_phrase", "together_with_its_aliases") if plural else
                    ("its_aliases", "its_respective_aliases", "together_with_its_aliases", "no_aliases_phrase"))
    noun = "organizations" if plural else "organization"
    return {
        "its_aliases": f"the aforementioned {noun} and its aliases",
        "its_respective_aliases": f"the aforementioned {noun} and its respective aliases",
        "their_respective_aliases": f"the aforementioned {noun} and their respective aliases",
        "together_with_its_aliases": f"the aforementioned {noun}, together with {'their' if plural else 'its'} "
                                     "respective aliases,",
        "no_aliases_phrase": f"the aforementioned {noun}",
    }[form]


def _body_boilerplate(c: _Ctx, e: _Entity) -> tuple[str, tuple[str, ...]]:
    """A name as a review or revocation body prints it with its boilerplate, and the aliases it shows."""
    options = [v for v in SLOTS["body_boilerplate"] if v != "acronym_and_other_aliases" or e.acronym]
    form = c.d.pick("body_boilerplate", options)
    name = c.q(e.name)
    if form == "and_other_aliases":
        return f"{name} (and other aliases)", ()
    if form == "and_all_associated_aliases":
        return f"{name} and all associated aliases", ()
    if form == "and_all_of_its_associated_aliases":
        return f"{name} and all of its associated aliases", ()
    if form == "together_with_its_respective_aliases":
        return f"{name}, together with its respective aliases,", ()
    if form == "acronym_and_other_aliases":
        return f"{name} ({e.acronym} and other aliases)", (e.acronym,)
    return name, ()


def _title_name(c: _Ctx, e: _Entity, form: str) -> tuple[str, tuple[str, ...]]:
    """A name as a title prints it: with '(and Other Aliases)' and kin; the aliases the title shows."""
    options = [v for v in SLOTS["title_boilerplate"]
               if v != "acronym_and_other_aliases" or (e.acronym and form != "no_acronym")]
    tb = c.d.pick("title_boilerplate", options)
    name = c.q(e.name)
    if form == "list" and e.the and c.d.pick("article") == "lowercase_the":
        name = "the " + name
    if tb == "and_other_aliases":
        return f"{name} (and Other Aliases)", ()
    if tb == "acronym_and_other_aliases":
        return f"{name} ({e.acronym} and Other Aliases)", (e.acronym,)
    if tb == "and_all_associated_aliases":
        return f"{name} and All Associated Aliases", ()
    return name, ()


def _title_list(c: _Ctx, entities: list[_Entity], style: str, form: str = "list") -> tuple[str, list[tuple]]:
    parts = [_title_name(c, e, form) for e in entities]
    return _join([p[0] for p in parts], style), [p[1] for p in parts]


# --- the notice kinds --------------------------------------------------------------------------------------------

@dataclass
class _Body:
    title: str
    paragraphs: list[str]
    events: list[ExpectedEvent]


def _count(c: _Ctx, most: int = 5) -> int:
    n = c.d.pick("entity_count", ("one",) if c.subject is not None else None)
    return 1 if n == "one" else 2 if n == "two" else c.d.integer(3, most)


def _effective(c: _Ctx, kind: str, published: date, signed: date) -> tuple[str | None, str | None, date]:
    """(clause inside the operative sentence, closing sentence, expected effective_on)."""
    options = ["publication_default", "goes_into_effect_upon_publication", "stated_date"]
    if (kind.startswith("sdgt") or "amendment" in kind) and not c.same_day_effective:
        options.append("effective_upon_signature")
    form = c.d.pick("effective", options)
    if form == "goes_into_effect_upon_publication":
        noun = "revocation" if "revo" in kind else "designation" if "designation" in kind or "combined" in kind \
            else "amendment" if "amendment" in kind else "determination"
        return None, f"The {noun} goes into effect upon publication.", published
    if form == "stated_date":
        day = published + timedelta(days=0 if c.same_day_effective else c.d.choice((0, 0, 1, 3, 7)))
        return f"effective {_long(day)}", None, day
    if form == "effective_upon_signature":
        return None, "This determination is effective upon the date of signature.", signed
    return None, None, published


def _fto_designation(c: _Ctx, sp: dict, published: date, signed: date, combined: bool = False) -> _Body:
    count = _count(c)
    record = c.d.pick("record")
    layout = c.d.pick("list_layout", ("after_colon", "paragraph_per_entity", "numbered", "following_organizations")
                      if record == "pursuant_direct" else None)
    and_free = layout in ("commas_and", "following_organizations")
    entities = [_entity_from_org(c, o) for o in _pick_orgs(c, FTO_ORGS, count, and_free)]
    markers = _allowed_markers(layout, count)
    rendered, expected_aliases = [], []
    for e in entities:
        text, aliases = _render_entity(c, e, c.d.pick("alias_marker", markers), count > 1)
        rendered.append(text)
        expected_aliases.append(aliases)
    eff_clause, eff_close, effective_on = _effective(c, "combined" if combined else "fto_designation", published,
                                                     signed)
    plural = count > 1
    noun = "Foreign Terrorist Organizations" if plural else "a Foreign Terrorist Organization"
    paragraphs: list[str] = []
    if record == "pursuant_direct":
        eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
        head, rest = _list_text(c, rendered, layout,
                                f"Pursuant to section 219 of the Immigration and Nationality Act, as added by the "
                                f"Antiterrorism and Effective Death Penalty Act of 1996, Public Law 104\u2013132, "
                                f"\u00a7 302, 110 Stat. 1214, 1248 (1996), {sp['designate']}{eff} as "
                                f"{noun.lower()}")
        paragraphs += [head, *rest]
        operative_sdgt = "the aforementioned organizations" if plural else "the aforementioned organization"
    else:
        verb = _FINDING[c.d.pick("finding_verb")]
        head, rest = _list_text(c, rendered, layout,
                                f"{_record_opening(c, sp, record)} that there is a sufficient factual basis to "
                                f"find that the relevant circumstances described in {_INA_LONG}, {verb}")
        paragraphs += [head, *rest]
        eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
        operative = _operative_aliases(c, plural)
        operative_sdgt = "the aforementioned organizations" if plural else "the aforementioned organization"
        sentence = f"Therefore, {sp['designate']}{eff} {operative} as {noun} pursuant to section 219 of the INA"
        if combined and c.d.pick("combined_form") == "same_sentence":
            sentence += (", and, acting under the authority of section 1(b) of Executive Order 13224, as amended, as "
                         + ("Specially Designated Global Terrorists" if plural
                            else "a Specially Designated Global Terrorist"))
            combined = "done"
        paragraphs.append(sentence + ".")
    if combined is True:
        if record == "pursuant_direct":
            c.d.pick("combined_form", ("separate_paragraph",))
        paragraphs.append(f"Further, acting under the authority of section 1(b) of Executive Order 13224, as amended, "
                          f"{sp['designate']} {operative_sdgt} as "
                          + ("Specially Designated Global Terrorists." if plural
                             else "a Specially Designated Global Terrorist."))
    paragraphs.append(f"This determination shall be published in the {_FR}." + (f" {eff_close}" if eff_close else ""))
    title = _fto_designation_title(c, entities, combined is not False)
    events = []
    for e, aliases in zip(entities, expected_aliases):
        events.append(ExpectedEvent("FTO", "designation", plain(e.name), aliases, "organization", effective_on,
                                    signed))
        if combined is not False:
            events.append(ExpectedEvent("SDGT", "designation", plain(e.name), aliases, "organization", effective_on,
                                        signed))
    return _Body(title, paragraphs, events)


def _fto_designation_title(c: _Ctx, entities: list[_Entity], combined: bool) -> str:
    plural = len(entities) > 1
    and_free = all(not _AND_FREE.search(e.name) for e in entities)
    if combined:
        c.d.pick("title", ("combined_designations", "generic"))
        if c.d.choices["title"][-1] == "generic":
            return "Foreign Terrorist Organization and Specially Designated Global Terrorist Designations"
        names = _join([c.q(e.name) for e in entities], "commas" if and_free else "semicolons")
        return (f"Foreign Terrorist Organization and Specially Designated Global Terrorist Designation"
                f"{'s' if plural else ''} of {names}")
    options = ["generic", "plural_semicolons", "fto_designation_of"]
    if not plural:
        options += ["in_the_matter", "in_the_matter_aka", "designation_of_as"]
    elif and_free:
        options.append("plural_commas")
    form = c.d.pick("title", options)
    if form == "generic":
        return c.d.choice(("Designation of Foreign Terrorist Organizations", "Foreign Terrorist Organization "
                           "Designations", "Designation of Foreign Terrorist Organization"))
    e = entities[0]
    if form == "in_the_matter":
        name, _ = _title_name(c, e, "no_acronym")
        return f"In the Matter of the Designation of {'the ' if e.the else ''}{name} as a Foreign Terrorist Organization"
    if form == "in_the_matter_aka":
        aka = "".join(f" Also Known as {c.q(a)}" for a in e.aliases_printed[:2])
        return (f"In the Matter of the Designation of {c.q(e.name)}{aka} as a Foreign Terrorist Organization "
                "Pursuant to Section 219 of the Immigration and Nationality Act, as Amended")
    if form == "designation_of_as":
        return f"Designation of {c.q(e.name)} as a Foreign Terrorist Organization"
    if form == "fto_designation_of" and not plural:
        return f"Foreign Terrorist Organization Designation of {c.q(e.name)}"
    style = "commas" if form == "plural_commas" else "semicolons" if form == "plural_semicolons" else (
        "commas" if and_free else "semicolons")
    return f"Foreign Terrorist Organization Designations of {_join([c.q(x.name) for x in entities], style)}"


def _amended_aliases(c: _Ctx, aliases: list[str], sp: dict, target: str, label: str, authority: str,
                     eff: str, rename: str | None = None) -> list[str]:
    """The paragraphs of an amendment that add `aliases` (and perhaps a new primary name)."""
    layout = c.d.pick("amendment_layout")
    a = [c.q(x) for x in aliases]
    opening = (f"{_record_opening(c, sp, c.d.pick('record', ('based_upon_review', 'having_reviewed')))} that there "
               f"is a sufficient factual basis to find that {target} uses or has used")
    if rename:
        phrase = c.d.pick("rename_phrase")
        new = c.q(rename)
        change = {"as_primary_name": f"to add the alias {new} as its primary name",
                  "change_primary_name": f"to change its primary name to {new}",
                  "recognize_primary_name": f"to recognize {new} as its primary name"}[phrase]
        if layout == "paragraph_per_alias":
            return [f"Pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} "
                    f"{change} and to add the following aliases:", *a]
        if layout == "uses_aliases_finding":
            return [f"{opening} the name {new} and the following aliases: {_join(a, 'semicolons')}.",
                    f"Therefore, pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} "
                    f"{change} and to add those aliases."]
        joined = _join(a, "semicolons" if layout == "inline_semicolons" else "commas")
        return [f"{opening} a new primary name and additional aliases.",
                f"Therefore, pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} "
                f"{change} and to add the following aliases: {joined}."]
    if layout == "paragraph_per_alias":
        return [f"Pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} to add the "
                f"following {'names as aliases' if len(a) > 1 else 'name as an alias'}:", *a]
    if layout == "uses_aliases_finding":
        return [f"{opening} the following {'aliases' if len(a) > 1 else 'alias'}: {_join(a, 'semicolons')}.",
                f"Therefore, pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} to "
                f"include {'these aliases' if len(a) > 1 else 'this alias'}."]
    joined = _join(a, "semicolons" if layout == "inline_semicolons" else "commas")
    return [f"{opening} additional {'names as aliases' if len(a) > 1 else 'name as an alias'}.",
            f"Therefore, pursuant to {authority}, {sp['amend']}{eff} the designation of {target} as {label} to add "
            f"the following {'aliases' if len(a) > 1 else 'alias'}: {joined}."]


def _amendment(c: _Ctx, sp: dict, program: str, published: date, signed: date, rename: bool = False) -> _Body:
    label = "a Foreign Terrorist Organization" if program == "FTO" else "a Specially Designated Global Terrorist"
    authority = "section 219(b) of the INA" if program == "FTO" else \
        "section 1(b) of Executive Order 13224, as amended"
    eff_clause, eff_close, effective_on = _effective(c, f"{program.lower()}_amendment", published, signed)
    eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
    if rename:
        old, new, added = c.d.choice(RENAMES)
        added = list(added[:c.d.integer(1, len(added))])
        e = _Entity(old, [], None, "organization")
        target, _ = _body_boilerplate(c, e)
        paragraphs = _amended_aliases(c, added, sp, target, label, authority, eff, rename=new)
        expected = ExpectedEvent(program, "amendment", plain(new), dedupe_aliases(new, [old, *added]),
                                 "organization", effective_on, signed, previous_name=plain(old))
        title_entity = _Entity(old, [], None, "organization")
    else:
        if c.subject is not None:
            org, added = c.subject, list(c.added)
        else:
            org = c.d.choice([o for o in (FTO_ORGS if program == "FTO" else FTO_ORGS[:12] + SDGT_ORGS) if o.aliases])
            added = list(org.aliases[:c.d.integer(1, len(org.aliases))])
        e = _Entity(org.name, [], org.acronym, "organization", org.takes_the)
        target, _ = _body_boilerplate(c, e)
        paragraphs = _amended_aliases(c, added, sp, target, label, authority, eff)
        expected = ExpectedEvent(program, "amendment", plain(org.name), dedupe_aliases(org.name, added),
                                 "organization", effective_on, signed)
        title_entity = e
    paragraphs.append(f"This determination shall be published in the {_FR}." + (f" {eff_close}" if eff_close else ""))
    options = ["amendment_in_the_matter", "amendment_of"] + (["generic"] if program == "FTO" else [])
    form = c.d.pick("title", options)
    if form == "generic":
        title = "Designation of Foreign Terrorist Organizations"
    else:
        name, _ = _title_name(c, title_entity, "any")
        title = (f"In the Matter of the Amendment of the Designation of {name} as {label}"
                 + (" Pursuant to Section 219 of the Immigration and Nationality Act, as Amended"
                    if program == "FTO" and c.d.choice((0, 1)) else "")
                 if form == "amendment_in_the_matter" else f"Amendment of the Designation of {name} as {label}")
    return _Body(title, paragraphs, [expected])


def _review(c: _Ctx, sp: dict, published: date, signed: date, where: str) -> _Body:
    """A review: 'title_only' (body says 'the aforementioned organization'), 'in_body' or 'revokes'."""
    count = 1 if where == "revokes" else _count(c, 8)
    orgs = _pick_orgs(c, FTO_ORGS, count, and_free=False)
    entities = [_Entity(o.name, [], o.acronym, "organization", o.takes_the) for o in orgs]
    plural = count > 1
    if plural:
        form = c.d.pick("title", ("review_as_fto_of", "review_fto_designation_of"))
    else:
        form = c.d.pick("title", ("review_in_the_matter", "review_as_fto_of", "review_fto_designation_of"))
    names, title_aliases = _title_list(c, entities, "semicolons")
    if form == "review_in_the_matter":
        title = (f"In the Matter of the Review of the Designation of {names} as "
                 f"{'Foreign Terrorist Organizations' if where == 'revokes' else 'a Foreign Terrorist Organization'}"
                 " Pursuant to Section 219 of the Immigration and Nationality Act" + (", as Amended"
                                                                                      if c.d.choice((0, 1)) else ""))
    elif form == "review_as_fto_of":
        title = (f"Review of the Designation{'s' if plural else ''} as "
                 f"{'Foreign Terrorist Organizations' if plural else 'a Foreign Terrorist Organization'} of {names}")
    else:
        title = f"Review of the Foreign Terrorist Organization Designation{'s' if plural else ''} of {names}"
    body_aliases: list[tuple[str, ...]] = [() for _ in entities]
    noun = "organizations" if plural else "organization"
    if where == "title_only":
        subject = f"the aforementioned {noun}"
    else:
        parts = []
        for i, e in enumerate(entities):
            text, shown = _body_boilerplate(c, e)
            parts.append(text)
            body_aliases[i] = shown
        subject = _join(parts, "semicolons")
    authority = ("pursuant to Section 219(a)(4)(C) of the Immigration and Nationality Act, as amended (8 U.S.C. "
                 "1189(a)(4)(C)) (\u201cINA\u201d)")
    opening = (f"Based upon a review of the Administrative Record assembled {authority}, and {_CONSULT}, "
               f"{sp['conclude']}")
    if where == "revokes":
        year = published.year - c.d.choice((2, 5, 7))
        ground = c.d.pick("revocation_ground")
        finding = (f"{opening} that the circumstances that were the basis for the {year} re-designation of {subject} "
                   "as a foreign terrorist organization have changed in such a manner as to warrant revocation of "
                   "the designation" if ground == "circumstances_changed" else
                   f"{opening} that the national security of the United States warrants a revocation of the "
                   f"designation of {subject} as a Foreign Terrorist Organization")
        paragraphs = [finding + ".",
                      f"Therefore, {sp['revoke']} the designation of the aforementioned {noun} as a Foreign "
                      "Terrorist Organization pursuant to section 219(a)(6)(A) of the INA.",
                      f"This determination shall be published in the {_FR}."]
        effective_on, action = published, "revocation"
    else:
        finding_form = c.d.pick("review_finding")
        fto = "Foreign Terrorist Organizations" if plural else "a Foreign Terrorist Organization"
        changed = (f"{opening} that the circumstances that were the basis for the designation of {subject} as {fto}"
                   " have not changed in such a manner as to warrant revocation of the "
                   "designation and that the national security of the United States does not warrant a revocation "
                   "of the designation")
        if finding_form == "maintained_only":
            paragraphs = [f"{opening} that the designation of {subject} as {fto}, pursuant "
                          "to Section 219 of the INA (8 U.S.C. 1189), shall be maintained."]
        elif finding_form == "not_changed_only":
            paragraphs = [changed + "."]
        else:
            paragraphs = [changed + ".",
                          f"Therefore, {sp['determine']} that the designation of the aforementioned {noun} as "
                          f"{'Foreign Terrorist Organizations' if plural else 'a Foreign Terrorist Organization'}, "
                          "pursuant to Section 219 of the INA (8 U.S.C. 1189), shall be maintained."]
        paragraphs.append(f"This determination shall be published in the {_FR}.")
        effective_on, action = published, "review"
    events = [ExpectedEvent("FTO", action, plain(e.name), dedupe_aliases(e.name, [*ta, *ba]), "organization",
                            effective_on, signed)
              for e, ta, ba in zip(entities, title_aliases, body_aliases)]
    return _Body(title, paragraphs, events)


def _fto_revocation(c: _Ctx, sp: dict, published: date, signed: date) -> _Body:
    count = _count(c, 5)
    entities = [_Entity(o.name, [], o.acronym, "organization", o.takes_the)
                for o in _pick_orgs(c, FTO_ORGS, count, and_free=False)]
    plural = count > 1
    parts, shown = [], []
    for e in entities:
        text, aliases = _body_boilerplate(c, e)
        parts.append(text)
        shown.append(aliases)
    subject = _join(parts, "semicolons")
    ground = c.d.pick("revocation_ground")
    noun = "Foreign Terrorist Organizations" if plural else "a Foreign Terrorist Organization"
    eff_clause, eff_close, effective_on = _effective(c, "fto_revocation", published, signed)
    eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
    basis = ("that the circumstances that were the basis for the designation of {s} as {n} have changed in such a "
             "manner as to warrant revocation of the designation" if ground == "circumstances_changed" else
             "that the national security of the United States warrants a revocation of the designation of {s} as {n}")
    paragraphs = [f"{_record_opening(c, sp, c.d.pick('record', ('based_upon_review', 'having_reviewed')))} "
                  + basis.format(s=subject, n=noun) + ".",
                  f"Therefore, pursuant to section 219(a)(6)(A) of the INA, {sp['revoke']}{eff} the designation"
                  f"{'s' if plural else ''} of the aforementioned {'organizations' if plural else 'organization'} as "
                  f"{noun}.",
                  f"This determination shall be published in the {_FR}." + (f" {eff_close}" if eff_close else "")]
    form = c.d.pick("title", ("revocation_of", "revocation_in_the_matter"))
    names, title_aliases = _title_list(c, entities, "semicolons")
    title = (f"Revocation of the Designation{'s' if plural else ''} of {names} as {noun}" if form == "revocation_of"
             else f"In the Matter of the Revocation of the Designation of {names} as {noun}")
    events = [ExpectedEvent("FTO", "revocation", plain(e.name), dedupe_aliases(e.name, [*ta, *ba]), "organization",
                            effective_on, signed) for e, ta, ba in zip(entities, title_aliases, shown)]
    return _Body(title, paragraphs, events)


_SDGT_AUTHORITY = {
    "section_1b_long": ("Acting under the authority of and in accordance with section 1(b) of Executive Order 13224 "
                        "of September 23, 2001, as amended by Executive Order 13268 of July 2, 2002, and Executive "
                        "Order 13284 of January 23, 2003,"),
    "section_1a_ii_b": ("Acting under the authority of and in accordance with section 1(a)(ii)(B)(1) of Executive "
                        "Order 13224 of September 23, 2001, as amended,"),
    "eo_13224_short": "Pursuant to section 1(b) of Executive Order 13224, as amended,",
}
_RISK = ("committed, or {pose} a significant risk of committing, acts of terrorism that threaten the security of U.S. "
         "nationals or the national security, foreign policy, or economy of the United States")
_PRIOR_NOTICE = ("Consistent with the determination in section 10 of Executive Order 13224 that prior notice to "
                 "persons determined to be subject to the Order who might have a constitutional presence in the "
                 "United States would render ineffectual the blocking and other measures authorized in the Order "
                 "because of the ability to transfer funds instantaneously, I determine that no prior notice needs "
                 "to be provided to any person subject to this determination who might have a constitutional "
                 "presence in the United States, because to do so would render ineffectual the measures authorized "
                 "in the Order.")


def _sdgt_designation(c: _Ctx, sp: dict, published: date, signed: date, individuals: bool) -> _Body:
    count = _count(c, 4)
    finding = c.d.pick("sdgt_finding", SLOTS["sdgt_finding"] if individuals else
                       ("committed_or_poses_risk", "following_persons_colon"))
    noun_options = ("individual", "person", "no_noun") if individuals else ("organization", "entity", "group",
                                                                            "no_noun")
    noun = c.d.pick("sdgt_noun", noun_options) if finding != "following_persons_colon" else "no_noun"
    entity_type = "individual" if noun in ("individual", "person") else \
        "unknown" if noun == "no_noun" else "organization"
    if finding == "following_persons_colon":
        entity_type = "individual" if individuals else "organization"
    rendered, events_data = [], []
    eff_clause, eff_close, effective_on = _effective(c, "sdgt_designation", published, signed)
    if individuals:
        people: list[Person] = []
        while len(people) < count:
            p = c.d.choice(PERSONS)
            if p not in people:
                people.append(p)
        for p in people:
            marker = c.d.pick("alias_marker", ("none", "paren_aka_each", "paren_akadot", "comma_chain_aka",
                                               "comma_chain_akadot", "fka") if count > 1 else
                              ("none", "paren_aka_each", "paren_akadot", "comma_chain_aka", "comma_chain_akadot",
                               "fka", "formerly_known_as", "semicolon_and_list"))
            text = c.q(p.name) + _alias_segment(c, marker, list(p.aliases))
            details_text, pairs = _details(c, p)
            rendered.append(text + details_text)
            events_data.append((p.name, dedupe_aliases(p.name, list(p.aliases) if marker != "none" else []), pairs))
    else:
        for org in _pick_orgs(c, SDGT_ORGS + FTO_ORGS[:16], count, and_free=True):
            e = _entity_from_org(c, org)
            text, aliases = _render_entity(c, e, c.d.pick("alias_marker", _allowed_markers("commas_and", count)),
                                           count > 1)
            rendered.append(text)
            events_data.append((e.name, aliases, ()))
    authority = _SDGT_AUTHORITY[c.d.pick("sdgt_authority")]
    eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
    plural = count > 1
    if finding == "following_persons_colon":
        kind = ("persons" if plural else "person") if individuals else ("entities" if plural else "entity")
        have = "have" if plural else "has"
        paragraphs = [f"{authority} {sp['determine']}{eff} that the following {kind} {have} "
                      + _RISK.format(pose="pose" if plural else "poses") + ":",
                      *[r + ("." if i == len(rendered) - 1 else ";") for i, r in enumerate(rendered)]]
    elif finding == "leader_of_blocked_entity":
        org = c.d.choice(SDGT_ORGS[:1] + FTO_ORGS[:8])
        nounword = {"individual": f"the individual{'s' if plural else ''} known as ",
                    "person": f"the {'persons' if plural else 'person'} known as ", "no_noun": ""}[noun]
        paragraphs = [f"{authority} {sp['determine']}{eff} that {nounword}{_join(rendered, 'semicolons')}, "
                      f"{'are leaders' if plural else 'is a leader'} of {c.q(org.name)}, an entity whose property and "
                      "interests in property are blocked pursuant to Executive Order 13224."]
    else:
        nounword = {"individual": "the individual", "person": "the person", "organization": "the organization",
                    "entity": "the entity", "group": "the group", "no_noun": ""}[noun]
        if plural and nounword:
            nounword = nounword[:-1] + "ies" if nounword.endswith("entity") else nounword + "s"
        lead = f"{nounword} known as " if nounword else ""
        has = "have" if plural else "has"
        paragraphs = [f"{authority} {sp['determine']}{eff} that {lead}{_join(rendered, 'semicolons')}, {has} "
                      + _RISK.format(pose="pose" if plural else "poses") + "."]
    paragraphs += [_PRIOR_NOTICE, f"This notice shall be published in the {_FR}." + (f" {eff_close}" if eff_close
                                                                                         else "")]
    names = [c.q(n) for n, _, _ in events_data]
    and_free = all(not _AND_FREE.search(n) for n in names)
    options = ["sdgt_designation_of", "generic"] + ([] if plural else ["designation_of_as", "sdgt_in_the_matter"])
    if plural and and_free:
        options.append("plural_commas")
    if plural:
        options.append("plural_semicolons")
    form = c.d.pick("title", options)
    if form == "generic":
        title = c.d.choice(("Designation of Specially Designated Global Terrorists",
                            "Specially Designated Global Terrorist Designations"))
    elif form == "designation_of_as":
        title = f"Designation of {names[0]} as a Specially Designated Global Terrorist"
    elif form == "sdgt_in_the_matter":
        title = (f"In the Matter of the Designation of {names[0]} as a Specially Designated Global Terrorist Pursuant "
                 "to Section 1(b) of Executive Order 13224, as Amended")
    elif form == "sdgt_designation_of" and not plural:
        title = f"Specially Designated Global Terrorist Designation of {names[0]}"
    else:
        style = "commas" if form == "plural_commas" or (form == "sdgt_designation_of" and and_free) else "semicolons"
        title = f"Specially Designated Global Terrorist Designations of {_join(names, style)}"
    # a person printed with a date or place of birth, nationality or gender is an individual, noun or not
    events = [ExpectedEvent("SDGT", "designation", plain(n), a,
                            "individual" if entity_type == "unknown" and pairs else entity_type,
                            effective_on, signed, None, pairs)
              for n, a, pairs in events_data]
    return _Body(title, paragraphs, events)


def _sdgt_revocation(c: _Ctx, sp: dict, published: date, signed: date) -> _Body:
    count = _count(c, 4)
    noun = c.d.pick("sdgt_noun", ("organization", "entity", "no_noun") if c.subject is not None else
                    ("individual", "person", "organization", "entity", "no_noun"))
    if c.subject is not None:
        subjects = [c.subject.name]
        entity_type = "unknown" if noun == "no_noun" else "organization"
    elif noun in ("organization", "entity"):
        subjects = [o.name for o in _pick_orgs(c, SDGT_ORGS, count, and_free=False)]
        entity_type = "organization"
    else:
        subjects = []
        while len(subjects) < count:
            p = c.d.choice(PERSONS + tuple(Person(o.name) for o in SDGT_ORGS[:1]) if noun == "no_noun" else PERSONS)
            if p.name not in subjects:
                subjects.append(p.name)
        entity_type = "unknown" if noun == "no_noun" else "individual"
    plural = count > 1
    eff_clause, eff_close, effective_on = _effective(c, "sdgt_revocation", published, signed)
    eff = f", effective {eff_clause[len('effective '):]}," if eff_clause else ""
    ba = c.d.pick("body_boilerplate", ("and_other_aliases", "together_with_its_respective_aliases", "none"))
    listed = _join([c.q(s) for s in subjects], "semicolons")
    nounword = {"individual": "the individual", "person": "the person", "organization": "the organization",
                "entity": "the entity", "no_noun": ""}[noun]
    if plural and nounword:
        nounword = nounword[:-1] + "ies" if nounword.endswith("entity") else nounword + "s"
    aliases_phrase = {"and_other_aliases": " (and other aliases)" if not plural else
                      " (and their respective aliases)",
                      "together_with_its_respective_aliases": f", together with {'their' if plural else 'its'} "
                                                              "respective aliases,",
                      "none": ""}[ba]
    target = f"{nounword + ' known as ' if nounword else ''}{listed}{aliases_phrase}"
    ground = c.d.pick("revocation_ground")
    reason = ("the circumstances that were the basis for the designation have changed in such a manner as to warrant "
              "revocation" if ground == "circumstances_changed" else
              "the national security of the United States warrants a revocation of the designation")
    paragraphs = [f"{_record_opening(c, sp, c.d.pick('record', ('based_upon_review', 'having_reviewed')))} that "
                  f"{reason}.",
                  f"Therefore, pursuant to section 1(b) of Executive Order 13224, as amended, {sp['revoke']}{eff} the "
                  f"designation{'s' if plural else ''} of {target} as "
                  + ("Specially Designated Global Terrorists." if plural else "a Specially Designated Global Terrorist."),
                  f"This notice shall be published in the {_FR}." + (f" {eff_close}" if eff_close else "")]
    c.d.pick("title", ("revocation_of",))
    title = (f"Revocation of the Designation{'s' if plural else ''} of {listed} as "
             + ("Specially Designated Global Terrorists" if plural else "a Specially Designated Global Terrorist"))
    events = [ExpectedEvent("SDGT", "revocation", plain(s), (), entity_type, effective_on, signed) for s in subjects]
    return _Body(title, paragraphs, events)


def _negative(c: _Ctx, sp: dict, published: date, signed: date) -> _Body:
    form = c.d.pick("negative_form")
    org = c.d.choice(FTO_ORGS)
    name = c.q(org.name)
    due = _long(published + timedelta(days=14))
    if form in ("review_undertaken", "submissions_invited"):
        verb = c.d.choice(("is undertaking a review of", "is conducting a review of", "has initiated a review of"))
        title = c.d.choice((f"Review of Foreign Terrorist Organizations Designation for {name}",
                            f"Notice of Review of the Designation of {name} as a Foreign Terrorist Organization"))
        first = (f"Pursuant to section 219(a)(4)(C) of the Immigration and Nationality Act, as amended (8 U.S.C. "
                 f"1189(a)(4)(C)), the Department of State {verb} the designation of {'the ' if org.takes_the else ''}"
                 f"{name} as a Foreign Terrorist Organization.")
        invite = ("In making its determination, the Department of State will accept written statements or other "
                  "documentary materials submitted on behalf of interested parties and the above-named organization "
                  f"by its representatives. Such materials must be submitted by {due}, to: The Coordinator for "
                  "Counterterrorism, United States Department of State, 2201 C Street NW, Washington, DC 20520.")
        paragraphs = [first, invite] if form == "review_undertaken" else [first + " " + invite]
        paragraphs.append(f"This notice shall be published in the {_FR}.")
    elif form == "exercise_of_authority_mention":
        title = "Exercise of Authority Under Section 212(d)(3)(B)(i) of the Immigration and Nationality Act"
        paragraphs = [f"The Secretary of State, following consultations with the Secretary of Homeland Security and the "
                      "Attorney General, hereby concludes, as a matter of discretion in accordance with the authority "
                      "granted by section 212(d)(3)(B)(i) of the Immigration and Nationality Act, as amended, that "
                      "section 212(a)(3)(B) of the Act shall not apply with respect to material support provided under "
                      f"duress to {'the ' if org.takes_the else ''}{name}, a designated Foreign Terrorist Organization.",
                      "This exercise of authority may be revoked at any time as to any individual case.",
                      f"This determination shall be published in the {_FR}."]
    else:
        title = "Rewards for Justice Program; Offer of Reward"
        paragraphs = [f"The Department of State announces a reward of up to $10 million for information leading to the "
                      f"disruption of the financial mechanisms of {'the ' if org.takes_the else ''}{name}, which the "
                      "Secretary of State designated as a Foreign Terrorist Organization pursuant to section 219 of "
                      "the Immigration and Nationality Act and as a Specially Designated Global Terrorist under "
                      "Executive Order 13224.",
                      f"This notice shall be published in the {_FR}."]
    return _Body(title, paragraphs, [])


# --- XML ---------------------------------------------------------------------------------------------------------

def _noise(c: _Ctx, paragraph: str, page: int, form: str) -> str:
    """GPO noise in an escaped paragraph: PRTPAGE between or inside words, <E T="03"> around tokens, double spaces."""
    tokens = paragraph.split(" ")
    forms = ("prtpage_between_words", "prtpage_mid_word", "italic_tokens", "doubled_spaces") if form == "all" \
        else (form,)
    for f in forms:
        plain_tokens = [i for i, t in enumerate(tokens) if t and "&" not in t and "<" not in t and "\x00" not in t]
        if not plain_tokens:
            break
        i = c.d.choice(plain_tokens)
        if f == "prtpage_between_words" and i > 0:
            tokens[i] = f'<PRTPAGE P="{page}"/>' + tokens[i]
        elif f == "prtpage_mid_word":
            words = [j for j in plain_tokens if sum(ch.isalpha() for ch in tokens[j]) >= 4]
            if words:
                j = c.d.choice(words)
                letters = [k for k in range(1, len(tokens[j])) if tokens[j][k - 1].isalpha() and tokens[j][k].isalpha()]
                k = c.d.choice(letters)
                tokens[j] = tokens[j][:k] + f'<PRTPAGE P="{page}"/>' + tokens[j][k:]
        elif f == "italic_tokens":
            t = tokens[i]
            core = t.rstrip(".,;:)")
            if core and not core.startswith("("):
                tokens[i] = f'<E T="03">{core}</E>{t[len(core):]}'
        elif f == "doubled_spaces" and i > 0:
            tokens[i] = " " + tokens[i]
    return " ".join(tokens)


def _xml(c: _Ctx, body: _Body, number: str, public_notice: int, signed: date, published: date, page: int,
         signer: tuple[str, str]) -> bytes:
    form = c.d.pick("noise")
    paras = []
    for p in body.paragraphs:
        text = escape(c.q(p) if c.curly else p)
        if form != "none":
            text = _noise(c, text, page + 1, form)
        paras.append("    <P>" + text.replace(_FR, '<E T="04">Federal Register</E>') + "</P>")
    dated = f"Dated: {_long(signed)}" + ("." if c.d.pick("dated") == "with_period" else "")
    filed = published - timedelta(days=1)
    lines = [
        "<NOTICE>", "  <PREAMB>", f'    <PRTPAGE P="{page}"/>', '    <AGENCY TYPE="S">DEPARTMENT OF STATE</AGENCY>',
        f"    <DEPDOC>[Public Notice{c.d.choice((':', ''))} {public_notice}]</DEPDOC>",
        f"    <SUBJECT>{escape(body.title)}</SUBJECT>", *paras, "    <SIG>", f"      <DATED>{dated}</DATED>",
        f"      <NAME>{escape(signer[0])},</NAME>", f"      <TITLE>{escape(signer[1])}.</TITLE>", "    </SIG>",
        "  </PREAMB>", f"  <FRDOC>[FR Doc. {number} Filed {filed.month}-{filed.day}-{filed:%y}; 8:45 am]</FRDOC>",
        "  <BILCOD>BILLING CODE 4710-AD-P</BILCOD>", "</NOTICE>", "",
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(lines)).encode("utf-8")


def _meta(number: str, published: date, title: str, page: int, public_notice: int) -> dict:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:100]
    return {
        "document_number": number, "title": title, "type": "Notice", "publication_date": published.isoformat(),
        "citation": f"{published.year - 1935} FR {page}", "volume": published.year - 1935, "start_page": page,
        "end_page": page + 1, "docket_ids": [f"Public Notice: {public_notice}"],
        "agencies": [{"raw_name": "DEPARTMENT OF STATE", "name": "State Department", "id": 476,
                      "slug": "state-department"}],
        "html_url": f"https://www.federalregister.gov/documents/{published:%Y/%m/%d}/{number}/{slug}",
        "full_text_xml_url": f"https://www.federalregister.gov/documents/full_text/xml/{published:%Y/%m/%d}/{number}.xml",
        "signing_date": None, "effective_on": None,
    }


FIRST_DAY, LAST_DAY = date(1997, 10, 8), date(2026, 6, 30)
SUBJECT_KINDS = ("fto_designation", "sdgt_designation_org", "fto_amendment_aliases", "sdgt_amendment",
                 "fto_revocation", "sdgt_revocation")


def generate(d: Draw, kind: str | None = None, published: date | None = None, number: str | None = None,
             public_notice: int | None = None, page: int | None = None, *, subject: Org | None = None,
             added: tuple[str, ...] = (), signed: date | None = None,
             same_day_effective: bool = False) -> GeneratedNotice:
    """One notice drawn from the grammar.

    A corpus may fix the kind, the identifiers, the one entity it is about (`subject`, with every alias printed
    unless the alias marker is "none"), the aliases an amendment adds, the signing date, and ask that the notice
    take effect on its publication day (`same_day_effective`)."""
    if subject is not None and kind not in SUBJECT_KINDS:
        raise ValueError(f"a fixed subject needs one of the kinds {SUBJECT_KINDS}, not {kind!r}")
    c = _Ctx(d, subject, tuple(added), same_day_effective)
    kind = d.pick("kind", (kind,) if kind else None)
    if published is None:
        published = FIRST_DAY + timedelta(days=d.integer(0, (LAST_DAY - FIRST_DAY).days))
        while published.weekday() >= 5:
            published += timedelta(days=1)
    signed = signed or published - timedelta(days=d.integer(2, 40))
    sp = _speaker(c, signed.year)
    if kind == "fto_designation":
        body = _fto_designation(c, sp, published, signed)
    elif kind == "combined_fto_sdgt":
        body = _fto_designation(c, sp, published, signed, combined=True)
    elif kind == "fto_amendment_aliases":
        body = _amendment(c, sp, "FTO", published, signed)
    elif kind == "fto_amendment_rename":
        body = _amendment(c, sp, "FTO", published, signed, rename=True)
    elif kind == "sdgt_amendment":
        body = _amendment(c, sp, "SDGT", published, signed)
    elif kind == "fto_review_title_only":
        body = _review(c, sp, published, signed, "title_only")
    elif kind == "fto_review_in_body":
        body = _review(c, sp, published, signed, "in_body")
    elif kind == "fto_review_revokes":
        body = _review(c, sp, published, signed, "revokes")
    elif kind == "fto_revocation":
        body = _fto_revocation(c, sp, published, signed)
    elif kind == "sdgt_designation_org":
        body = _sdgt_designation(c, sp, published, signed, individuals=False)
    elif kind == "sdgt_designation_individual":
        body = _sdgt_designation(c, sp, published, signed, individuals=True)
    elif kind == "sdgt_revocation":
        body = _sdgt_revocation(c, sp, published, signed)
    else:
        body = _negative(c, sp, published, signed)
    # a phrase ending in a comma ("…, together with its respective aliases,") before a list separator
    body.paragraphs = [re.sub(r",([;.:])", r"\1", p) for p in body.paragraphs]
    body.title = re.sub(r",([;.:])", r"\1", body.title)
    if number is None:
        yy = f"{published.year}" if published.year >= 2000 else f"{published:%y}"
        number = f"{yy}-{d.integer(100, 29999):05d}"
    public_notice = public_notice if public_notice is not None else d.integer(2000, 13999)
    page = page if page is not None else d.integer(100, 90000)
    xml = _xml(c, body, number, public_notice, signed, published, page, (sp["signer"], sp["signer_title"]))
    title = body.title
    paragraphs = tuple(p.replace(_FR, "Federal Register") for p in body.paragraphs)
    return GeneratedNotice(_meta(number, published, title, page, public_notice), xml, tuple(sorted(body.events)),
                           d.choices, title, paragraphs)


def generate_seeded(seed: int, **fixed) -> GeneratedNotice:
    """The notice of a seed: the same seed always gives the same bytes."""
    return generate(RandomDraw(seed), **fixed)


# --- junk names --------------------------------------------------------------------------------------------------

_FUNCTION_WORDS = set("""a an the of and or for to in on at by with as from into upon its it their they them this that
these those his her he she we us our which who whom whose such said same other others all any each both following
together including including new additional name names
aforementioned above-named respective associated aliases alias also known formerly aka a.k.a. f.k.a. is are was were
be been has have had not no nor organization organizations entity entities group groups individual individuals person
persons foreign terrorist designated specially global""".split())
_DETAIL = re.compile(r"^(born|dob|pob|date of birth|place of birth|nationality|citizen(ship)?|gender|passport|male|"
                     r"female)\b", re.IGNORECASE)
_BOILERPLATE = re.compile(r"\b(other aliases|associated aliases|respective aliases|its aliases|their aliases|"
                          r"together with|aforementioned)\b", re.IGNORECASE)


def junk_reason(text: str) -> str | None:
    """Why a name or alias a parser produced is not a name (None when it looks like one)."""
    t = text.strip()
    words = re.findall(r"[\w.'\u2019-]+", t.lower())
    if not words:
        return "empty"
    if all(w in _FUNCTION_WORDS for w in words):
        return "function-word or pronoun phrase"
    if words[0] in ("its", "their", "his", "her", "it", "they", "which", "who", "such", "said"):
        return "pronoun phrase"
    if _DETAIL.search(t) or re.search(r"\b(DOB|POB|Passport|Gender)\b", t):
        return "individual's detail"
    if _BOILERPLATE.search(t):
        return "alias boilerplate"
    if re.search(r"\b(also known as|a\.k\.a\.|f\.k\.a\.|formerly known as)(?!\w)", t, re.IGNORECASE):
        return "alias marker inside a name"
    if re.search(r"\bknown as\b", t, re.IGNORECASE):
        return "descriptor phrase ('… known as')"
    if t[0] in ",;:()" or t[-1] in ",;:(":
        return "punctuation fragment"
    if t.startswith(("and ", "or ", "the following")):
        return "list fragment"
    return None


# --- comparing a parser's answer with the key ----------------------------------------------------------------------

@dataclass
class Outcome:
    """How a parser's events compare with a generated notice's answer key."""

    exact: bool
    problems: tuple[str, ...]  # e.g. "no events", "missing event", "extra event", "aliases", "effective_on"
    junk: tuple[tuple[str, str], ...]  # (name or alias produced, why it is not a name)
    got: tuple[ExpectedEvent, ...]


def compare(notice: GeneratedNotice, events: Any) -> Outcome:
    """Match events by (program, action, name); a mismatch names the fields that differ."""
    got = tuple(sorted((event_key(e) for e in events), key=repr))
    expected = tuple(sorted(notice.expected, key=repr))
    junk = tuple((text, reason) for e in got for text in (e.name, *e.aliases)
                 if (reason := junk_reason(text)) is not None)
    if got == expected:
        return Outcome(True, (), junk, got)
    problems: list[str] = []
    if expected and not got:
        problems.append("no events")
    elif got and not expected:
        problems.append("events from a notice that holds none")
    else:
        remaining = list(got)
        for exp in expected:
            match = next((g for g in remaining if (g.program, g.action, g.name.casefold())
                          == (exp.program, exp.action, exp.name.casefold())), None)
            if match is None:
                match = next((g for g in remaining if (g.program, g.action) == (exp.program, exp.action)
                              and exp.name.casefold() in g.name.casefold()), None)
                if match is not None:
                    problems.append("name")
                else:
                    problems.append("missing event")
                    continue
            remaining.remove(match)
            for attr in ("name", "aliases", "entity_type", "effective_on", "signed_on", "previous_name", "details"):
                if attr != "name" and getattr(match, attr) != getattr(exp, attr):
                    problems.append(attr)
        if remaining:
            problems.append("extra event")
    return Outcome(False, tuple(dict.fromkeys(problems)), junk, got)


def report(notice: GeneratedNotice, outcome: Outcome, xml: bool = False) -> str:
    """A failure as the lead wants to read it: variants, document, expected and got."""
    lines = ["variants: " + ", ".join(f"{s}={v}" for s, v in notice.variants()),
             f"problems: {', '.join(outcome.problems) or '-'}"
             + (f"; junk: {list(outcome.junk)}" if outcome.junk else ""),
             "--- document ---", notice.xml.decode() if xml else notice.text(), "--- expected ---",
             *(repr(e) for e in sorted(notice.expected, key=repr)), "--- got ---", *(repr(e) for e in outcome.got)]
    return "\n".join(lines)
