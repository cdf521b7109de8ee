"""What is never a name, as tables: alias boilerplate, the legal formula, sentence words, individuals' details.

One row a rule, with the real wording that needs it (a notice under /work/shared/reference/federal-register/
real-notices, a fixture, or a case of tests/parsers/test_name_check.py). parsers/name_check.py applies them.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# --- words that alone never make a name (every token of a candidate among them: refused) -------------------------------
# 'following organizations', 'of' (test_junk_found_in_real_runs_is_refused_with_its_reason): the rest of a cut sentence
FUNCTION_WORDS = frozenset(
    # articles, prepositions and joiners
    "a an the of and or in on at by for to from with without as into upon under over per via "
    # pronouns and determiners: 'the aforementioned organization and its aliases' (1997-2004 designations)
    "it its they their them theirs his her he she him this that these those which who whom whose such "
    "each all any both other others respective respectively associated aforementioned aforesaid above "
    "above-named named said same following together also known formerly previously hereinafter "
    # the nouns of the legal formula: 'the following persons', 'the organization known as'
    "alias aliases name names organization organizations entity entities group groups person persons "
    "individual individuals member members leader leaders foreign terrorist terrorists organisation "
    "organisations designation designations designated specially global sdgt sdgts fto ftos".split()
)

# --- alias boilerplate: stripped from a list, refused inside a name ------------------------------------------------------
# one row a form: (pattern, the wording that needs it)
ALIAS_BOILERPLATE_FORMS = (
    # "I hereby designate the aforementioned organization and its aliases" (2014-11217 al-Nusrah Front), "… and its
    # respective aliases" (2020-00253 Asa'ib Ahl al-Haq); 'A, B, together with their respective aliases'
    # (test_boilerplate_stripped_in_its_forms); singular 'and its alias' only when no comma follows: 'and its alias,
    # The Majeed Brigade' names an alias (state/fto_designation_and_sdgt_alias_amendment)
    (r"(?:and|together\s+with|including|along\s+with|with)\s+(?:all\s+)?(?:of\s+)?(?:its|their|his|her)\s+"
     r"(?:respective\s+)?(?:associated\s+|other\s+|known\s+)?(?:aliases|alias(?!\s*,)|a\.k\.a\.s?|names)",
     "2014-11217 al-Nusrah Front; 2020-00253 Asa'ib Ahl al-Haq"),
    # "Redesignation of the Kurdistan Workers' Party (PKK and other aliases)" (02-30544), "the Armed Islamic Group and
    # All Associated Aliases" (2010-26082); slot body_boilerplate of tests/grammar/fr_notices.py
    (r"and\s+(?:all\s+)?(?:other|associated)\s+(?:associated\s+)?aliases", "02-30544 PKK; 2010-26082 Armed Islamic Group"),
    (r"and\s+all\s+(?:of\s+)?(?:its|their)\s+aliases", "also read by the first row; kept from the first name check"),
    (r"and\s+any\s+other\s+aliases", "no notice on file shows it; kept from the first name check"),
)
BOILERPLATE_CORE = "(?:" + "|".join(pattern for pattern, _ in ALIAS_BOILERPLATE_FORMS) + ")"
# in parentheses, or set off by a comma; "and its aliases Jamaat Ansar Beit al-Maqdis, …" (2014 ABM amendment)
# introduces aliases: followed by a capital, it is a marker there, not boilerplate
ALIAS_BOILERPLATE = re.compile(
    r"\s*\(\s*" + BOILERPLATE_CORE + r"\s*\)|\s*,?\s*\b" + BOILERPLATE_CORE + r"\b(?!\s*:?\s*(?-i:[A-Z]))", _I)
# what a cut leaves of the boilerplate inside a candidate: 'together with its' (test_junk_found_in_real_runs_…)
BOILERPLATE_LEFT = re.compile(r"\b(?:aliases|aforementioned|hereinafter|together with)\b", _I)
# a candidate that starts with an alias marker is the rest of an alias chain: 'also known as AAH' (85 FR 1369)
MARKER_START = re.compile(r"(?:also\s+|formerly\s+|commonly\s+)?known\s+as\b", _I)

# --- the legal formula and the sentence around a name ------------------------------------------------------------------
# The legal formula is never part of a name: 'Hay’at Tahrir al-Sham as Specially Designated Global Terrorists',
# 'Cartel de los Soles pursuant to E.O. 13224' (test_junk_found_in_real_runs_is_refused_with_its_reason)
FORMULA = re.compile(
    r"\b(?:Specially Designated|Foreign Terrorist Organi[sz]ations?|Executive Order|E\.O\.|pursuant to|"
    r"Immigration and Nationality Act|section 219|SDN List)\b", _I)
# Lower-case only: a verb inside a candidate ('Hizballah is a group'); a capitalised 'HaD' (Hurras al-Din) is a name.
PREDICATE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|shall|will|would|should|hereby|pursuant|committed|poses?|constitutes?)\b")
# a last word that leaves a name open: 'Islamic State of' cut from 'Islamic State of Iraq and Syria'; a closing
# parenthesis ends a name whatever its last word ('Kurdistan Workers' Party (PKK and other …)')
DANGLING = frozenset("of and or in for to the with by from at on de del la los al".split())
# a first word that continues a sentence: 'and its aliases', 'of the Levant', 'together with …'
BAD_START = frozenset({"of", "and", "or", "with", "to", "for", "by", "together", "its", "their"})

# --- individuals' details: born, DOB, POB, nationality, passport ------------------------------------------------------------
MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# 'DOB 1955' (OFAC Recent Actions 20190709), 'born 10 August 1964' (treasury/sm0388), 'DOB circa 1979' (SDGT notices
# listing an individual's identifiers)
DATE = (r"(?:(?:circa|approximately|about|c\.)\s+)?(?:\d{1,2}\s+" + MONTHS + r",?\s+\d{4}|" + MONTHS
        + r"\s+\d{1,2},?\s+\d{4}|" + MONTHS + r"\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}(?:\s*(?:to|-|–)\s*\d{4})?)")
DATE_ONLY = re.compile(r"^" + DATE + r"$", _I)
# 'born 10 August 1964 in Bent Jbeil, Lebanon' (treasury/sm0388; test_details_of_individuals_with_alternates)
BORN = re.compile(r"^(?:born|b\.)\s+(?:(?:on|in)\s+(?=\d|(?:circa|about|approximately)\b|" + MONTHS + r"))?(" + DATE
                  + r")?\s*,?\s*(?:(?:in|at)\s+(.+))?$", _I)
# 'alt. DOB 1958', 'alternate passport RL3400400', 'alt. nationality Belgium' (treasury/sm0388)
ALT = r"^(?:alt(?:ernate|\.)?\s+|alternative\s+)?"
# one row a label: (pattern with the value as group 1, the detail it gives)
LABELLED = [
    (re.compile(ALT + r"(?:date of birth|d\.?o\.?b\.?)(?![\w.])[\s:]*(.+)$", re.I), "dob"),
    (re.compile(ALT + r"(?:place of birth|p\.?o\.?b\.?)(?![\w.])[\s:]*(.+)$", re.I), "pob"),
    (re.compile(ALT + r"(?:nationality|nationalities)\b[\s:]*(.+)$", re.I), "nationality"),
    (re.compile(r"^(?:an?\s+)?(?:dual\s+)?national\s+of\s+(.+)$", re.I), "nationality"),
    # 'a Lebanese national', 'a Lebanese and Belgian national'
    (re.compile(r"^(?:an?\s+)?((?:[A-Z][a-z\u00e0-\u00ff]+(?:\s+and\s+|\s*[-/]\s*)?)+)\s+national$"), "nationality"),
    (re.compile(r"^(?:an?\s+)?citizen(?:ship)?(?:\s+of)?\b[\s:]*(.+)$", re.I), "citizenship"),
    # 'Gender Male' (OFAC Recent Actions entries)
    (re.compile(r"^(?:gender|sex)\b[\s:]*(male|female)$", re.I), "gender"),
    (re.compile(r"^(male|female)$", re.I), "gender"),
    (re.compile(ALT + r"passport(?:\s+(?:no\.|no\b|number|#))?[\s:#]*(.+)$", re.I), "passport"),
    (re.compile(ALT + r"(?:national\s+)?(?:id|identification|identity)(?:\s+card)?(?:\s+(?:no\.|no\b|number|#))?"
                r"(?=[\s:#])[\s:#]*(.+)$", re.I), "national_id"),
]
