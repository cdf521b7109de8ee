"""The wording of State and Treasury press releases as tables, one screen to read.

Each entry is a kind of wording, not one release's sentence; the comment names the real wording that needs it
(a fixture under tests/fixtures/state or tests/fixtures/treasury, or a test of tests/parsers/
test_press_wording_kinds.py). The reader (parsers/press.py) applies them; the mechanics stay there.
"""
from __future__ import annotations

import re

from parsers.model import Action

_I = re.IGNORECASE
# Arabic articles that start a name in lower case: 'al-Nusrah Front', 'ash-Shabaab'
PARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ul)-"
PARTICLE_START = re.compile(r"^" + PARTICLE, _I)

# --- bot blocks: a protection page served instead of the release ------------------------------------------------
# treasury/bot_block_access_denied_403.html: Akamai's "Access Denied" page, "Reference #18.9c…"
ACCESS_DENIED = re.compile(r"<title>\s*Access Denied\s*</title>|<h1>\s*Access Denied\s*</h1>", _I)
AKAMAI_REF = re.compile(r"Reference(?:&#32;|\s)*(?:&#35;|#)([0-9a-f&#;.]+)", _I)
# state/bot_block_technical_difficulties_200.html: "currently experiencing technical difficulties … request blocked"
DIFFICULTIES = re.compile(r"experiencing technical difficulties", _I)
REQUEST_BLOCKED = re.compile(r"request blocked", _I)

# --- sentences ----------------------------------------------------------------------------------------------------
# a period after these does not end a sentence: 'pursuant to E.O. 13224' (every Treasury release), 'Cartel de los
# Soles (a.k.a. Cartel of the Suns)' (treasury/sb0207), 'Pioneer Shipping Co.' (test_..._a_vessel_named_in_bold)
ABBREVIATIONS = {"e.o", "u.s", "u.n", "a.k.a", "f.k.a", "n.k.a", "no", "nos", "mr", "mrs", "ms", "dr",
                 "st", "jr", "sr", "gen", "lt", "col", "inc", "ltd", "co", "corp", "s.a", "c.v", "d.c",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs"}
# the period of these is part of the name: 'Hesco Engineering & Construction Co.' (treasury/sb0183), 'Intercam Banco,
# S.A.' (treasury/sb0179)
NAME_ABBREVIATIONS = frozenset({"co", "inc", "ltd", "corp", "s.a", "c.v", "jr", "sr", "l.l.c", "llc"}) - {"llc"}

# --- effect: when an action takes effect, and which actions a stated effect covers ---------------------------------
# 'The FTO designations take effect upon publication in the Federal Register' (state/cartels_fto_and_sdgt_multi_
# entity), 'This revocation will be effective tomorrow, July 8' (state/fto_revocation_effective_tomorrow),
# 'These revocations take effect on February 16, 2021' (state/ansarallah_and_leaders_revocations)
EFFECT = re.compile(
    r"\b(?:effective|(?:take|takes|taking|go|goes|come|comes|went|took|going) (?:into )?effect|"
    r"becomes? effective)\b(?P<tail>[^.;]{0,90})", _I)
# what the tail after the effect word says, in this order (a date written out is read before any of them)
TOMORROW = re.compile(r"\btomorrow\b", _I)  # 'effective tomorrow, July 8'
# 'The revocations take effect today upon publication in the Federal Register' (test_today_upon_publication_…)
TODAY_UPON_PUBLICATION = re.compile(r"\btoday\s+(?:upon|on|with) (?:their |its )?publication\b", _I)
# 'take effect upon publication in the Federal Register' (state/alias_amendment_and_review)
ON_PUBLICATION = re.compile(r"\b(?:upon|on|after) (?:their |its )?publication\b", _I)
# '…; the SDGT designations take effect today.' (state/cartels_designating_the_following_list)
TODAY = re.compile(r"\b(?:today|immediately)\b", _I)
# the action a sentence stating an effect speaks of (None: designations and announcements); the first row found wins,
# so 'The amendments to these designations take effect …' (state/alias_amendment_and_review) is about amendments
SCOPE_ACTIONS = [(re.compile(r"\brevocations?\b|\bdelistings?\b", re.I), Action.REVOCATION),  # 'These revocations take effect'
                 (re.compile(r"\bamendments?\b", re.I), Action.AMENDMENT),
                 (re.compile(r"\bdesignations?\b", re.I), None)]  # 'The FTO designations take effect upon publication'

# --- aliases ---------------------------------------------------------------------------------------------------------
# alias markers of press releases, one row a marker: (pattern, the wording that needs it)
ALIAS_MARKERS = (
    (r"a\.k\.a\.?|a/k/a|aka", "Treasury sb0207: 'Cartel de los Soles (a.k.a. Cartel of the Suns)'"),
    (r"f\.k\.a\.?|f/k/a|fka|n\.k\.a\.?|formerly", "OFAC-style renames; no release on file shows them"),
    (r"(?:(?:also|commonly|sometimes|often|widely|better|otherwise|previously|formerly|now|locally)\s+)?"
     r"(?:known as|referred to as|called|spelled)", "State 2021 Ansarallah: 'sometimes referred to as the Houthis'"),
    (r"alias(?:es)?", "State amendments: 'to include the following aliases: …'"),
)
ALIAS_MARKER = re.compile("^(?:" + "|".join(pattern for pattern, _ in ALIAS_MARKERS) + r")[\s:]+", _I)
# what a parenthetical or appositive holds that is not an alias: 'Hesco Engineering & Construction Co. (Entity)' in each
# annex entry (treasury/sb0183), '(SDGT)', '(FTO)' after a program, 'DOB …', and the statute an alias chain runs into:
# 'also known as Hay’at Tahrir al-Sham (HTS), under the Immigration and Nationality Act' (state/fto_revocation_…)
NOT_ALIAS = re.compile(r"^(?:entity|individual|sdgt|fto|ftos|sdgts|dob\b.*|the\s+.*\bact\b.*)$", _I)
# 'The Balochistan Liberation Army (BLA) and its alias, The Majeed Brigade, as an FTO' (state/fto_designation_and_
# sdgt_alias_amendment): a marker, read as 'also known as'
ITS_ALIAS = re.compile(r",?\s+and its alias(?:es)?,?\s+", _I)
# boilerplate after the aliases: 'to include Islamic State of Iraq and the Levant (ISIL) and other aliases'
# (test_state_amended_both_designations_…), 'TRF and other associated aliases have been added' (state/alias_amendment_…)
OTHER_ALIASES = re.compile(r",?\s+and (?:other|its|their) (?:associated |related )?aliases\b", _I)
# 'delisting Syrian President al-Sharaa—who is listed under the name Muhammad al-Jawlani—as an SDGT'
# (state/sdgt_individuals_delisted_listed_name): the listed name is the party, the spoken one its alias
LISTED_UNDER = re.compile(r"—\s*who (?:is|was) (?:listed|designated) under the name\s+(?P<name>[^—]+?)\s*(?:—|$)")

# --- descriptions before or beside a name: who is a person, what is a group -------------------------------------------
# nouns that make the parties people: 'Tabataba’i is a Hizballah commander' (state/sdgt_individual_aka_today_designated),
# 'two members of Hizballah’s Central Council' (treasury/sm1162), 'a key Hizballah financier' (treasury/sm0388)
PERSON_NOUNS = re.compile(
    r"\b(?:leaders?|individuals?|members?|commanders?|officials?|financiers?|facilitators?|president|"
    r"minister|head|lieutenants?|co-founders?|founders?|wife|husband|son|daughter|brother|national|"
    r"persons?|spokesman|spokesperson|emir|chief|representatives?|operatives?|envoys?|deputy|associates?|"
    r"businessm[ae]n|sons|daughters|brothers|captains?|owners?|secretary|agents?|experts?|supporters?)\b",
    _I)
# nouns that make a description a group's, not a person's: 'Cartel de los Soles is a Venezuela-based criminal group
# headed by …' (state/fto_announced_with_effective_date) names a head but is no person
ORG_NOUNS = re.compile(r"\b(?:group|organi[sz]ation|network|cartel|company|militia|front|movement|party|bank|"
                       r"gang|faction|wing|branch|firm|charity|foundation)\b", _I)
# a plural head then a comma before the names: 'the respective leaders of those organizations, A, B and C'
GROUP_HEAD = re.compile(
    r"^[^(),]*\b(?:leaders|members|individuals|officials|commanders|groups|organizations|entities|militias)$", _I)
# a title before a name: 'Syrian President al-Sharaa and Interior Minister Khattab' (state/sdgt_individuals_delisted_…)
TITLE_PREFIX = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|an|ese|i|ish)\s+)?(?:(?:Vice|Prime|Deputy|Foreign|Interior|Defense|Defence)\s+)*"
    r"(?:President|Minister|Secretary|Commander|Leader|Emir|Sheikh)\s+(?=\S)")
# 'Hizballah financier Adham Tabaja'; plural roles head a list: 'Hizballah financiers Ali Tajideen and his brother
# Husayn Tajideen' (test_a_plural_group_role_before_two_names_and_a_kin_relative), 'AAH leaders Qays al-Khazali and …'
GROUP_ROLE_PREFIX = re.compile(
    r"^(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:financier|commander|leader|official|operative|facilitator|"
    r"spokesman|emir|member)s?|businessm[ae]n)\s+(?=[A-Z]|(?:al|el|ad)-)")
# A place of several words before '-based': 'South Africa-based Farhad Hoomer and Sierra Leone-based Golden Star
# Trading Limited' (test_a_place_of_several_words_before_based_is_dropped); a one-word place is DESCRIPTOR_SUFFIX's
PLACE_BASED_PREFIX = re.compile(
    r"^(?:[A-Z][\w’'.]*\s+){1,3}[A-Z][\w’'.]*-(?:based|registered|headquartered|flagged)\s+(?=\S)")
# a one-word descriptor dropped before a name: 'designating German-based Antifa Ost' (state/sdgt_now_fto_later_…)
DESCRIPTOR_SUFFIX = re.compile(r"-(?:based|aligned|linked|backed|affiliated|born)[,:]?$", _I)
# words that never start a name: 'intends to designate all four groups as FTOs' (state/sdgt_now_fto_later_…)
GENERIC = re.compile(
    r"^(?:all|both|these|those|this|their|its|his|her|them|they|it|each|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|other|\d+)\b", _I)
# A description set off by commas after a name: 'Cartel de los Soles (a.k.a. Cartel of the Suns), a Venezuela-based
# criminal group headed by …,' (treasury/sb0207_variant_…), 'Ahmad Iman Ali, al-Shabaab’s leader in Kenya' and
# 'Abu Muhammad al-Jawlani, the leader of al-Nusrah Front' (test_descriptions_after_listed_names_are_dropped_…)
APPOSITIVE = re.compile(
    r"^(?:a|an|which|who|whose|that|based|headed|led|located|operating|including|one|two|three|four|five|six|"
    r"both|each|all)\s|^(?:[A-Z]|" + PARTICLE + r")[\w’'-]*[’']s\s+[a-z]"
    r"|^the\s+(?!" + PARTICLE + r")[a-z]"
    # 'OFAC designated A and B, members of Hizballah’s Jihad Council, pursuant to …': a plural role of all before it
    r"|^(?:[a-z][\w-]*\s+){0,2}(?:members|leaders|officials|commanders|financiers|operatives|founders)\s+of\b")
# 'Ali Tajideen and Husayn Tajideen, members of a Hizballah trading family' (test_names_then_a_plural_role_appositive_…):
# the role types every party before it
PLURAL_ROLE = re.compile(r"^(?:[a-z][\w-]*\s+){0,2}(?:members|leaders|officials|commanders|financiers|operatives|"
                         r"founders)\s+of\b")
# the adverb after a name: 'OFAC designated Adham Tabaja today pursuant to E.O. 13224' (the 'designated today'
# wordings of tests/parsers/test_press_generated.py)
TRAILING_TODAY = re.compile(r",?\s+today$", _I)
# 'the tanker Adrian Darya 1 and its captain, Akhilesh Kumar' (test_relatives_and_holdings_…), 'identifying the vessel
# SEA BREEZE' (test_an_alias_aside_before_a_persons_description_…): the party is a vessel
VESSEL_LEAD = re.compile(r"^(?:the\s+)?(?:(?:oil|crude|cargo|product)\s+)?(?:vessel|tanker|ship)\s+(?=[A-Z0-9])", _I)

# --- relatives and holdings joined to a name ---------------------------------------------------------------------------
# 'Harakat al-Nujaba and its secretary general, Akram al-Kaabi' (test_a_group_and_its_secretary_general), 'Adham
# Tabaja and his company, Al-Inmaa Group for Tourism Works' (test_relatives_and_holdings_…): a party of its own
RELATIVE = re.compile(
    r",?\s+and\s+(?:its|his|her|their)\s+(?:(?:one|two|three|four|five|six|\d+)\s+)?"
    r"(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}),\s+(?=[A-Z]|(?:al|el|ad)-)")
# 'Ali Tajideen and his brother Husayn Tajideen': a kinship word names the relative with no comma
KIN_RELATIVE = re.compile(
    r",?\s+and\s+(?:his|her|their)\s+(?P<role>(?:brother|sister|son|daughter|wife|husband|father|mother|"
    r"cousin|nephew|uncle)s?)\s+(?=[A-Z]|(?:al|el|ad)-)")
# a list item 'Qays al-Khazali and his brother Laith al-Khazali' names two parties; without 'and his/its …' an item
# is one party even with 'and' in it: '<li>Basque Fatherland and Liberty (ETA)</li>' (test_a_list_item_with_and_…)
OWN_RELATIVE = re.compile(r"\band\s+(?:its|his|her|their)\b")

# --- enumerations: how many parties, and where 'and' splits ---------------------------------------------------------------
# 'designating German-based Antifa Ost, along with three other violent Antifa groups' (state/sdgt_now_fto_later_three_
# unnamed): parties counted but never named, for a person to read
UNNAMED = re.compile(r",?\s*(?:along with|and|plus)\s+(\w+)\s+(?:other|additional)\b[^,—]*,?", _I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# 'has designated Hasm and Liwa al-Thawra as SDGTs, as well as Yahya Musa, a leader of Hasm' (test_as_well_as_…)
AS_WELL_AS = re.compile(r",?\s+as well as\s+", _I)
# the plural heads of a list between dashes: 'four groups in Iraq—A, B, and C—'
DASH_LIST_HEAD = re.compile(r"\b(?:groups|organizations|entities|individuals|leaders|militias|cartels)\b", re.I)
# 'the Revolutionary Armed Forces of Colombia' loses its article; 'the leader of al-Nusrah Front' stays a description
APPOSITIVE_THE = re.compile(r"^the\s+(?!" + PARTICLE + r")[a-z]")
# Ideals that end a group's name after 'and', never a party by themselves (real name beside each):
NAME_IDEALS = frozenset({
    "liberty",  # Basque Fatherland and Liberty (ETA), revoked as an FTO in 2022
})
# 'Islamic State of Iraq and Syria', 'State of Iraq and Syria': after these a one-word right side belongs to the name
JOINING_PREPOSITIONS = frozenset("of in for from on at de del la los las".split())
# words skipped when an acronym is formed: 'Hay’at Tahrir al-Sham and HTS' (initials H-T-S)
INITIAL_SKIP = frozenset("of the and in for de del la los wal e y".split())

# --- list items: one party, not prose -----------------------------------------------------------------------------------
# an item's closing joiner: '<li>Adham Tabaja, a Lebanon-based contractor; and</li>' (test_treasury_designated_the_following_…)
ITEM_END = re.compile(r"(?:[;,.]|;\s*and|,\s*and)\s*$")
# an item's description after a dash or colon: '<li>Adham Tabaja — a senior figure of the network</li>' (the listed
# items of tests/parsers/test_press_generated.py)
ITEM_DESCRIPTION = re.compile(r"\s+[—–]\s+.*$|:\s+.*$")
# a verb makes a paragraph prose: 'Hizballah was designated as an SDGT in October 2001.' (test_a_release_body_…)
PREDICATE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|remains?|continues?)\b")
# lowercase words a name may hold: 'Cártel del Noreste', 'Abdallah Safi-Al-Din', 'Harakat al-Nujaba'
NAME_PARTICLES = frozenset("al el ad de del la las los y e of the and bin ibn bint wal fi min".split())

# --- acronyms a release defines ------------------------------------------------------------------------------------
# a sentence's opening word before a capitalised name is not part of the name an acronym defines ('In Lashkar-e-
# Tayyiba (LeT) …'); no release on file shows it, kept from the first press reader
SENTENCE_OPENER = re.compile(r"^(?:Today|On|In|While|Since)\s+(?=[A-Z])")

# --- headlines ---------------------------------------------------------------------------------------------------------
# 'Terrorist Designation of The Majeed Brigade', 'Revocation of the Terrorist Designations of Ansarallah', 'Delisting
# of Syrian President al-Sharaa …': a headline that announces an action even when no party can be read
DESIGNATION_TITLE = re.compile(
    r"\b(?:Terrorist Designations?|Designations? of|Revocations? of|Delisting|Amendments? (?:to|of) the "
    r"(?:Terrorist )?Designation)\b", _I)
