"""Deterministic synthetic Federal Register corpora for the mirror: paging stress and a full backfill (its FTO/SDGT
notices worded by the grammar of tests/grammar/fr_notices.py)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from xml.sax.saxutils import escape

from tests.grammar.fr_notices import GeneratedNotice, Org, RandomDraw, generate
from tests.mirror.fr_api import MirrorDocument

STATE = ("state-department",)
TREASURY = ("treasury-department",)
OFAC = ("treasury-department", "foreign-assets-control-office")
PRESIDENT = ("executive-office-of-the-president",)
OTHER_AGENCIES = (
    "commerce-department", "industry-and-security-bureau", "homeland-security-department", "justice-department",
    "interior-department", "environmental-protection-agency", "transportation-department", "energy-department",
)
TERM = '"Foreign Terrorist Organization" | "Specially Designated Global Terrorist" | "13224"'
# A public-notice or FR Doc. number of 13224 would match the term "13224" by accident.
_UNSAFE_NUMBERS = {13224}


@dataclass(frozen=True)
class ExpectedEvent:
    """The truth about one designation notice of the corpus."""

    document_number: str
    program: str
    action: str
    name: str
    aliases: tuple[str, ...]
    published_on: date
    signed_on: date
    citation: str
    public_notice: str
    entity_type: str = "organization"


@dataclass
class Corpus:
    """Documents for an FRMirror and the designation events a correct pipeline derives from them."""

    documents: list[MirrorDocument]
    expected: list[ExpectedEvent]
    near_misses: list[str] = field(default_factory=list)
    _by_number: dict[str, MirrorDocument] = field(default_factory=dict, init=False, repr=False, compare=False)

    def document(self, number: str) -> MirrorDocument:
        """The document with this number (the first, if two share it)."""
        if len(self._by_number) != len(self.documents):  # built on first use, again if documents changed
            self._by_number = {}
            for document in self.documents:
                self._by_number.setdefault(document.document_number, document)
        return self._by_number[number]


def business_days(start: date, end: date) -> list[date]:
    """Weekdays from start to end inclusive, without New Year's Day, Independence Day and Christmas."""
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and (day.month, day.day) not in ((1, 1), (7, 4), (12, 25)):
            days.append(day)
        day += timedelta(days=1)
    if not days:
        raise ValueError(f"no business day between {start} and {end}")
    return days


# --- synthetic names ---------------------------------------------------------------------------

_SYLLABLES = ("ka", "ra", "mi", "zo", "lu", "te", "vo", "sa", "ne", "ri", "da", "ho", "bel", "tar", "qa", "sh",
              "om", "ir", "un", "el", "zan", "mar", "dor", "fi", "ya", "gul", "rem", "ost", "wa", "ni")
_NOUNS = ("Dawn", "Crescent", "Banner", "Flame", "Path", "Sword", "Shield", "Storm", "Vanguard", "Light")


def _word(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choices(_SYLLABLES, k=syllables)).capitalize()


def _organisation(rng: random.Random) -> tuple[str, list[str]]:
    """A synthetic organisation name and its candidate aliases."""
    a, b, place = _word(rng), _word(rng, 2), _word(rng)
    noun = rng.choice(_NOUNS)
    pattern = rng.randrange(8)
    if pattern == 0:
        name = f"{place} Liberation Front"
        candidates = [f"{place}n Liberation Front", f"Front for the Liberation of {place}", f"{b} Front"]
    elif pattern == 1:
        name = f"Harakat {a} al-{b}"
        candidates = [f"{a} Movement", f"Harakat al-{b}", f"Movement of {a} al-{b}"]
    elif pattern == 2:
        name = f"{a} Brigades"
        candidates = [f"Kata'ib {a}", f"{a} Battalions", f"{a} Brigade"]
    elif pattern == 3:
        name = f"{place} Revolutionary Army"
        candidates = [f"Revolutionary Army of {place}", f"{place} People's Army", f"{a} Army"]
    elif pattern == 4:
        name = f"Jamaat {a} al-{b}"
        candidates = [f"Jama'at al-{b}", f"{a} Group", f"Group of {a}"]
    elif pattern == 5:
        name = f"Cartel de {a}"
        candidates = [f"{a} Cartel", f"Los {a}s", f"Cartel of {a}"]
    elif pattern == 6:
        name = f"Army of the {noun} of {place}"
        candidates = [f"{place} {noun} Army", f"Jaysh {a}", f"{noun} of {place}"]
    else:
        name = f"{a} {b} Network"
        candidates = [f"{a} Network", f"{b} Organization", f"Al-{a} Organization"]
    initials = "".join(part[0] for part in name.replace("-", " ").split() if part[0].isupper())
    if len(initials) >= 2:
        candidates.append(initials)
    return name, candidates


class _Names:
    """Hands out organisation names and aliases that are unique across the corpus."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def organisation(self) -> tuple[str, list[str]]:
        while True:
            name, candidates = _organisation(self.rng)
            if name.lower() not in self.used:
                break
        self.used.add(name.lower())
        return name, self.aliases(candidates, self.rng.randint(0, 3))

    def aliases(self, candidates: list[str], wanted: int) -> list[str]:
        chosen = []
        for alias in self.rng.sample(candidates, len(candidates)):
            if len(chosen) == wanted:
                break
            if alias.lower() not in self.used:
                self.used.add(alias.lower())
                chosen.append(alias)
        return chosen

    def new_aliases(self, name: str) -> list[str]:
        """One or two aliases an organisation later adopted."""
        base = _word(self.rng)
        return self.aliases([f"{base} Movement", f"{base} Brigades", f"Al-{base}", f"{base} Front"],
                            self.rng.randint(1, 2)) or [f"{base} {self.rng.randrange(2, 9)}th Front"]


# --- GPO markup ----------------------------------------------------------------------------------

_SIGNERS = (("Alex R. Moreland", "Secretary of State"), ("Dana K. Whitcombe", "Secretary of State"),
            ("Jordan P. Ellery", "Acting Secretary of State"))


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _filed(day: date) -> str:
    return f"{day.month}-{day.day}-{day:%y}"


_GRAMMAR_KINDS = {
    ("FTO", "designation"): "fto_designation", ("SDGT", "designation"): "sdgt_designation_org",
    ("FTO", "amendment"): "fto_amendment_aliases", ("SDGT", "amendment"): "sdgt_amendment",
    ("FTO", "revocation"): "fto_revocation", ("SDGT", "revocation"): "sdgt_revocation",
}


def _grammar_notice(plan: "_Plan", number: str, public_notice: int, start_page: int, signed: date,
                    rng: random.Random) -> GeneratedNotice:
    """A designation notice of the plan, worded by the FR notice grammar (tests/grammar/fr_notices.py).

    One entity per notice, taking effect on publication, so each document holds one event and the list's
    designation and revocation dates are publication dates."""
    kind = _GRAMMAR_KINDS[(plan.program, plan.action)]
    subject = Org(plan.name, None, tuple(plan.aliases) if plan.action == "designation" else ())
    added = tuple(plan.aliases) if plan.action == "amendment" else ()
    return generate(RandomDraw(rng.randrange(2**32)), kind=kind, published=plan.day, number=number,
                    public_notice=public_notice, page=start_page, subject=subject, added=added, signed=signed,
                    same_day_effective=True)


def _notice_xml(preamble: list[str], number: str, filed: date, billing: str, suplinf: list[str] = ()) -> bytes:
    """A NOTICE node in GPO markup from its preamble elements and optional SUPLINF paragraphs."""
    lines = ["<NOTICE>", "  <PREAMB>", *("    " + line for line in preamble), "  </PREAMB>"]
    if suplinf:
        lines += ["  <SUPLINF>", '    <HD SOURCE="HED">SUPPLEMENTARY INFORMATION:</HD>',
                  *(f"    <P>{p}</P>" for p in suplinf), "  </SUPLINF>"]
    lines += [f"  <FRDOC>[FR Doc. {number} Filed {_filed(filed)}; 8:45 am]</FRDOC>",
              f"  <BILCOD>BILLING CODE {billing}</BILCOD>", "</NOTICE>", ""]
    return "\n".join(lines).encode("utf-8")


def _state_preamble(public_notice: int, subject: str, paragraphs: list[str], signed: date, signer: tuple[str, str],
                    sections: list[str] = ()) -> list[str]:
    return [
        '<AGENCY TYPE="N">DEPARTMENT OF STATE</AGENCY>',
        f"<DEPDOC>[Public Notice: {public_notice}]</DEPDOC>",
        f"<SUBJECT>{subject}</SUBJECT>",
        *sections,
        *(f"<P>{p}</P>" for p in paragraphs),
        "<SIG>",
        f"  <DATED>Dated: {_long(signed)}.</DATED>",
        f"  <NAME>{signer[0]},</NAME>",
        f"  <TITLE>{signer[1]}.</TITLE>",
        "</SIG>",
    ]


def _section(tag: str, label: str, text: str) -> str:
    return f'<{tag}><HD SOURCE="HED">{label}:</HD><P>{text}</P></{tag}>'


# --- document plans --------------------------------------------------------------------------------

@dataclass
class _Plan:
    """A document before numbering: what it is and how to render it once it has a number and pages."""

    day: date
    kind: str
    agencies: tuple[str, ...]
    title: str
    abstract: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    doc_type: str = "Notice"
    program: str | None = None
    action: str | None = None
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    pages: int = 1


def _number_and_page(plans: list[_Plan], rng: random.Random) -> list[tuple[_Plan, str, int]]:
    """Give each plan a document number (YYYY-NNNNN, rising within a year) and a start page."""
    rng.shuffle(plans)
    plans.sort(key=lambda plan: plan.day)
    per_year: dict[int, int] = {}
    for plan in plans:
        per_year[plan.day.year] = per_year.get(plan.day.year, 0) + 1
    sequence: dict[int, int] = {}
    pages: dict[int, int] = {}
    numbered = []
    for plan in plans:
        year = plan.day.year
        step = max(1, min(20, 90_000 // per_year[year]))
        sequence[year] = sequence.get(year, rng.randint(100, 400)) + rng.randint(1, step)
        while sequence[year] in _UNSAFE_NUMBERS:
            sequence[year] += 1
        # Other agencies' documents fill the pages between ours: about 80,000 pages a year.
        gap = max(2, min(200, 160_000 // per_year[year]))
        start_page = pages.get(year, rng.randint(1, 40)) + rng.randint(1, gap)
        pages[year] = start_page + plan.pages - 1
        numbered.append((plan, f"{year}-{sequence[year]:05d}", start_page))
    return numbered


class _PublicNotices:
    """State public-notice numbers, rising in date order."""

    def __init__(self, rng: random.Random, first: int = 9000):
        self.rng, self.current = rng, first

    def next(self) -> int:
        self.current += self.rng.randint(1, 2)
        while self.current in _UNSAFE_NUMBERS:
            self.current += 1
        return self.current


# --- paging corpus ----------------------------------------------------------------------------------

def paging_corpus(n: int, start: date, end: date, seed: int = 1) -> list[MirrorDocument]:
    """n matching State/Treasury/OFAC notices spread evenly over the business days of [start, end] (no XML)."""
    rng = random.Random(seed)
    days = business_days(start, end)
    plans = []
    for index in range(n):
        day = days[index * len(days) // n]
        variant = index % 3
        if variant == 0:
            plans.append(_Plan(day, "paging", OFAC, "Notice of OFAC Sanctions Actions",
                               "OFAC is publishing the names of persons whose property is blocked under Executive "
                               "Order 13224."))
        elif variant == 1:
            name = f"{_word(rng)} {_word(rng, 2)} Network {index}"
            plans.append(_Plan(day, "paging", STATE, f"Designation of {name} as a Specially Designated Global "
                                                       "Terrorist"))
        else:
            name = f"{_word(rng)} Brigades {index}"
            plans.append(_Plan(day, "paging", STATE, f"Foreign Terrorist Organization Designation of {name}"))
    documents = []
    for plan, number, start_page in _number_and_page(plans, rng):
        documents.append(MirrorDocument.build(
            number, plan.day, plan.title, plan.agencies, abstract=plan.abstract, start_page=start_page,
            text=plan.abstract or "",
        ))
    return documents


# --- backfill corpus --------------------------------------------------------------------------------

def backfill_corpus(
    total: int = 15_000,
    designations: int = 300,
    start: date = date(2016, 1, 1),
    end: date = date(2025, 12, 31),
    seed: int = 7,
) -> Corpus:
    """total documents: `designations` State FTO/SDGT notices (with truth), ~5% near misses, the rest noise."""
    if designations > total:
        raise ValueError("more designations than documents")
    rng = random.Random(seed)
    days = business_days(start, end)
    names = _Names(rng)
    plans = _designation_plans(designations, days, names, rng)
    near_miss_count = min(round(total * 0.05), total - designations)
    plans += _near_miss_plans(near_miss_count, days, rng)
    plans += [_noise_plan(rng.choice(days), rng) for _ in range(total - len(plans))]
    return _render(plans, rng)


def _designation_plans(count: int, days: list[date], names: _Names, rng: random.Random) -> list[_Plan]:
    """Designations, then later amendments and revocations of organisations designated earlier."""
    chosen_days = sorted(rng.choice(days) for _ in range(count))
    active: list[tuple[str, str]] = []
    acted_on: dict[date, set[str]] = {}
    plans = []
    for index, day in enumerate(chosen_days):
        today = acted_on.setdefault(day, set())
        earlier = [(program, name) for program, name in active if name not in today]
        roll = rng.random()
        if index >= count // 5 and earlier and roll < 0.10:
            program, name = rng.choice(earlier)
            today.add(name)
            if roll < 0.06:
                plans.append(_designation_plan(day, program, "amendment", name, names.new_aliases(name), rng))
            else:
                active.remove((program, name))
                plans.append(_designation_plan(day, program, "revocation", name, [], rng))
            continue
        program = "FTO" if rng.random() < 0.5 else "SDGT"
        name, aliases = names.organisation()
        today.add(name)
        active.append((program, name))
        plans.append(_designation_plan(day, program, "designation", name, aliases, rng))
    return plans


def _designation_plan(day: date, program: str, action: str, name: str, aliases: list[str],
                      rng: random.Random) -> _Plan:
    # title and wording come from the grammar when the notice is numbered (_render)
    return _Plan(day, "designation", STATE, "", None, [], program=program, action=action, name=name,
                 aliases=aliases, pages=rng.choice((1, 1, 2)))


_NEAR_MISS_KINDS = ("ofac_other_program", "state_fto_mention", "state_sdgt_mention", "ofac_collection")


def _near_miss_plans(count: int, days: list[date], rng: random.Random) -> list[_Plan]:
    """Notices that match the search term but designate no one."""
    plans = []
    for year in sorted({day.year for day in days}):
        september = [day for day in days if day.year == year and day.month == 9 and 15 <= day.day <= 25]
        if september and len(plans) < count // 10:
            plans.append(_presidential_plan(september[len(september) // 2]))
    while len(plans) < count:
        kind = rng.choices(_NEAR_MISS_KINDS, weights=(45, 25, 15, 15))[0]
        plans.append(_NEAR_MISS_BUILDERS[kind](rng.choice(days), rng))
    return plans


def _presidential_plan(day: date) -> _Plan:
    return _Plan(day, "near_miss", PRESIDENT,
                 "Continuation of the National Emergency With Respect to Persons Who Commit, Threaten To Commit, "
                 "or Support Terrorism", None, [
                     "On September 23, 2001, by Executive Order 13224, the President declared a national emergency "
                     "with respect to persons who commit, threaten to commit, or support terrorism.",
                     "For this reason, the national emergency declared in Executive Order 13224 must continue in "
                     "effect beyond September 23 of this year.",
                 ], doc_type="Presidential Document")


def _sdn_entry(rng: random.Random, tag: str) -> str:
    surname, given = _word(rng).upper(), _word(rng, 2)
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(15_000))
    return (f"{surname}, {given} (a.k.a. {surname}, {_word(rng, 2)}), {_word(rng)}, {_word(rng)}; "
            f"DOB {born:%d %b %Y}; nationality {_word(rng)}ia; Gender Male (individual) [{tag}].")


def _ofac_other_program(day: date, rng: random.Random) -> _Plan:
    tag = rng.choice(("SDNTK", "VENEZUELA-EO13850", "RUSSIA-EO14024", "GLOMAG", "CYBER2", "ILLICIT-DRUGS-EO14059"))
    entries = [_sdn_entry(rng, tag) for _ in range(rng.randint(1, 3))]
    return _Plan(day, "near_miss", OFAC, "Notice of OFAC Sanctions Actions",
                 "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing the "
                 "names of one or more persons that have been placed on OFAC's Specially Designated Nationals and "
                 "Blocked Persons List based on OFAC's determination that one or more applicable legal criteria "
                 "were satisfied.", [
                     *entries,
                     "These actions are separate from, and do not affect, any designation made pursuant to Executive "
                     "Order 13224 of September 23, 2001, as amended.",
                 ])


def _state_fto_mention(day: date, rng: random.Random) -> _Plan:
    return _Plan(day, "near_miss", STATE,
                 "Exercise of Authority Under Section 212(d)(3)(B)(i) of the Immigration and Nationality Act",
                 None, [
                     "The Secretary of State, following consultations with the Secretary of Homeland Security and the "
                     "Attorney General, hereby concludes that paragraph 212(a)(3)(B) of the Act shall not apply with "
                     "respect to an alien for any activity or association relating to the "
                     f"{_word(rng)} {_word(rng, 2)} Committee, provided that the group has never been designated as a "
                     "Foreign Terrorist Organization.",
                     "This exercise of authority may be revoked at any time.",
                 ])


def _state_sdgt_mention(day: date, rng: random.Random) -> _Plan:
    return _Plan(day, "near_miss", STATE, f"Notice of Meeting of the Advisory Committee on {_word(rng)} Affairs",
                 "The Advisory Committee will meet to discuss sanctions policy.", [
                     "The agenda includes a briefing on how the Department identifies candidates for designation as "
                     "a Specially Designated Global Terrorist and on recent trends in terrorist financing.",
                     "The meeting is open to the public as seating permits.",
                 ])


def _ofac_collection(day: date, rng: random.Random) -> _Plan:
    return _Plan(day, "near_miss", OFAC,
                 "Agency Information Collection Activities; Proposed Collection; Comment Request for Global "
                 "Terrorism Sanctions Regulations Reports",
                 "The Department of the Treasury invites comment on a continuing information collection.", [
                     "The Global Terrorism Sanctions Regulations, 31 CFR part 594, implement Executive Order 13224 "
                     "and require reports of blocked property.",
                     f"OMB Control Number: 1505-0{rng.randint(100, 299)}.",
                 ])


_NEAR_MISS_BUILDERS = {
    "ofac_other_program": _ofac_other_program,
    "state_fto_mention": _state_fto_mention,
    "state_sdgt_mention": _state_sdgt_mention,
    "ofac_collection": _ofac_collection,
}

_NOISE_TITLES = {
    STATE: (
        "Culturally Significant Objects Imported for Exhibition Determinations: “{A} Treasures” Exhibition",
        "30-Day Notice of Proposed Information Collection: Application for {A} Visa",
        "Notice of Public Meeting of the {A} Working Group",
        "Notice of Receipt of Application for a Presidential Permit for the {A} Pipeline",
        "Determination Pursuant to Section {N} of the Foreign Assistance Act Regarding {A}",
    ),
    TREASURY: (
        "Agency Information Collection Activities; Submission for OMB Review; Comment Request; {A} Reporting",
        "Quarterly Publication of Individuals Who Have Chosen To Expatriate",
        "Privacy Act of 1974; System of Records for {A}",
    ),
    OFAC: ("Notice of OFAC Sanctions Actions",),
    "other": (
        "Environmental Impact Statements; Notice of Availability for the {A} Project",
        "Sunshine Act Meetings",
        "Agency Information Collection Activities; Proposed Collection; Comment Request; {A} Survey",
        "Meeting of the {A} Advisory Committee",
        "Request for Comments on the {A} Program",
    ),
}


def _noise_plan(day: date, rng: random.Random) -> _Plan:
    roll = rng.random()
    if roll < 0.30:
        agencies, titles = STATE, _NOISE_TITLES[STATE]
    elif roll < 0.42:
        agencies, titles = TREASURY, _NOISE_TITLES[TREASURY]
    elif roll < 0.50:
        agencies, titles = OFAC, _NOISE_TITLES[OFAC]
    else:
        agencies, titles = (rng.choice(OTHER_AGENCIES),), _NOISE_TITLES["other"]
    title = rng.choice(titles).format(A=_word(rng), N=rng.randint(400, 700))
    doc_type = "Notice"
    if agencies[0] in OTHER_AGENCIES and rng.random() < 0.15:
        doc_type = rng.choice(("Rule", "Proposed Rule"))
    if agencies == OFAC:
        tag = rng.choice(("SDNTK", "VENEZUELA-EO13850", "RUSSIA-EO14024", "GLOMAG", "CUBA"))
        paragraphs = [_sdn_entry(rng, tag) for _ in range(rng.randint(1, 2))]
        abstract = "OFAC is publishing the names of persons removed from or added to the SDN List."
    else:
        paragraphs = [f"The {_word(rng)} office invites comments on this {rng.choice(_NOUNS).lower()} matter.",
                      "Comments are due within 30 days of the date of this notice."]
        abstract = f"This notice concerns the {_word(rng)} matter described below."
    return _Plan(day, "noise", agencies, title, abstract, paragraphs, doc_type=doc_type)


def _render(plans: list[_Plan], rng: random.Random) -> Corpus:
    public_notices = _PublicNotices(rng)
    documents, expected, near_misses = [], [], []
    for plan, number, start_page in _number_and_page(plans, rng):
        end_page = start_page + plan.pages - 1
        signed = plan.day - timedelta(days=rng.randint(3, 10))
        filed = plan.day - timedelta(days=3 if plan.day.weekday() == 0 else 1)
        extra: dict = {}
        docket_ids: list[str] = []
        title = _unescape_title(plan.title)
        if plan.kind == "designation":
            notice = public_notices.next()
            docket_ids = [f"Public Notice: {notice}"]
            generated = _grammar_notice(plan, number, notice, start_page, signed, rng)
            xml, title = generated.xml, generated.title
        elif plan.agencies == STATE:
            notice = public_notices.next()
            docket_ids = [f"Public Notice: {notice}"]
            preamble_sections = [_section("AGY", "AGENCY", "Department of State."),
                                 _section("ACT", "ACTION", "Notice.")]
            if plan.abstract:
                preamble_sections.append(_section("SUM", "SUMMARY", plan.abstract))
            preamble = _state_preamble(notice, plan.title, plan.paragraphs, signed, rng.choice(_SIGNERS),
                                       preamble_sections)
            xml = _notice_xml(preamble, number, filed, "4710-AD-P")
        else:
            xml = _other_xml(plan, number, filed, start_page)
        if plan.kind == "designation":
            if plan.program == "FTO" and plan.action == "designation":
                extra = {"toc_subject": "Foreign Terrorist Organization Designation:", "toc_doc": plan.name}
            (event,) = generated.expected
            expected.append(ExpectedEvent(
                number, plan.program, plan.action, event.name, event.aliases, plan.day, signed,
                f"{plan.day.year - 1935} FR {start_page}", docket_ids[0], event.entity_type,
            ))
        elif plan.kind == "near_miss":
            near_misses.append(number)
        if plan.doc_type == "Presidential Document":
            extra["signing_date"] = signed.isoformat()
        documents.append(MirrorDocument.build(
            number, plan.day, title, plan.agencies, abstract=plan.abstract, xml=xml,
            start_page=start_page, end_page=end_page, docket_ids=docket_ids, type=plan.doc_type, **extra,
        ))
    return Corpus(documents, expected, near_misses)


def _other_xml(plan: _Plan, number: str, filed: date, start_page: int) -> bytes:
    if plan.doc_type == "Presidential Document":
        body = "\n".join(f"<FP>{p}</FP>" for p in plan.paragraphs)
        return (f'<PRESDOCU>\n<PRNOTICE>\n<PRTPAGE P="{start_page}"/>\n<TITLE3>Title 3—</TITLE3>\n'
                f"<PRES>The President</PRES>\n<PNOTICE>Notice of {plan.day:%B} {plan.day.day}, {plan.day.year}"
                f"</PNOTICE>\n<HD SOURCE=\"HED\">{plan.title}</HD>\n{body}\n"
                f"<FRDOC>[FR Doc. {number} Filed {_filed(filed)}; 11:15 am]</FRDOC>\n"
                "<BILCOD>Billing code 3395-F4-P</BILCOD>\n</PRNOTICE>\n</PRESDOCU>\n").encode("utf-8")
    agency_lines = []
    for index, slug in enumerate(plan.agencies):
        if slug == "foreign-assets-control-office":
            agency_lines.append("<SUBAGY>Office of Foreign Assets Control</SUBAGY>")
        else:
            raw = {"treasury-department": "DEPARTMENT OF THE TREASURY"}.get(slug, slug.replace("-", " ").upper())
            agency_lines.append(f'<AGENCY TYPE="{"N" if index == 0 else "S"}">{raw}</AGENCY>')
    preamble = [
        f'<PRTPAGE P="{start_page}"/>',
        *agency_lines,
        f"<SUBJECT>{plan.title}</SUBJECT>",
        _section("ACT", "ACTION", "Notice."),
    ]
    if plan.abstract:
        preamble.append(_section("SUM", "SUMMARY", escape(plan.abstract)))
    billing = "4810-AL-P" if "foreign-assets-control-office" in plan.agencies else "4810-25-P"
    return _notice_xml(preamble, number, filed, billing, [escape(p) for p in plan.paragraphs])


def _unescape_title(title: str) -> str:
    return title.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
