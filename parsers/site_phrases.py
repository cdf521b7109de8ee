"""The wording of State's and of Treasury's own releases as tables: the operative verbs each site writes.

Each entry is a kind of wording, not one release's sentence; the comment names the real wording that needs it
(a fixture under tests/fixtures/state or tests/fixtures/treasury, or a test of tests/parsers/), or says that none
on file does. parsers/state.py and parsers/treasury.py apply them; the wording both sites share is in
parsers/press_phrases.py, the page mechanics (selectors, URL shapes) stay in the readers.
"""
from __future__ import annotations

import re

from parsers.common import FULL_MONTH
from parsers.programs import FTO_WORDS, SDGT_WORDS

# ================================================================ State (parsers/state.py)

PROGRAM_NAME = rf"(?:{FTO_WORDS}|{SDGT_WORDS})"

# --- operative verbs: the sentence acts today, ahead, or by a decision ---------------------------------------------
# 'The Department of State intends to designate Cartel de los Soles' (state/fto_announced_with_effective_date),
# 'is designating The Balochistan Liberation Army (BLA)' (state/fto_designation_and_sdgt_alias_amendment), 'Today,
# the Department of State announces the designation of Tren de Aragua (TdA), …' (test_eight_cartels_as_ftos_and_
# sdgts), 'I am announcing the Department’s designation of Ansarallah' (state/fto_designation_commonly_referred_to_as)
DESIGNATE = re.compile(
    r"\b(?:is|are|am)\s+(?:also\s+)?(?:designating|adding)\b|\b(?:intends?|intent|plans?)\s+to\s+designate\b"
    r"|\bwill\s+(?:also\s+)?designate\b|\bhereby\s+designates?\b|\bdesignates\b"
    r"|\btoday\s+(?:also\s+)?designated\b|\b(?:has|have)\s+(?:today\s+)?(?:also\s+)?designated\b"
    r"|\b(?:decided|decides|determined)\s+to\s+designate\b"
    r"|\bannounc(?:e|es|ing|ed)\s+(?:the\s+)?(?:(?:[A-Z]\w+\s+|of\s+|the\s+){0,4}\w+[’']s\s+)?designations?\s+of\b")
# 'I am announcing my intent to revoke' (state/fto_revocation_effective_tomorrow), 'is revoking the designations of
# the FARC' (state/revocation_and_new_designations_with_individuals), 'is delisting Syrian President al-Sharaa'
# (state/sdgt_individuals_delisted_listed_name), 'has revoked the FTO designations of Basque Fatherland and Liberty'
# (test_today_upon_publication_is_the_release_date_…), 'decided, …, to revoke … and to delist' (test_decided_after_…)
REVOKE = re.compile(
    r"\b(?:is|are|am)\s+(?:also\s+)?(?:revoking|delisting)\b|\b(?:intends?|intent)\s+to\s+revoke\b"
    r"|\bwill\s+(?:also\s+)?revoke\b|\bhereby\s+revokes?\b|\brevokes\b"
    r"|\btoday\s+(?:also\s+)?revoked\b|\b(?:has|have)\s+(?:today\s+)?(?:also\s+)?revoked\b"
    r"|\b(?:decided|decides)(?:,[^,]{1,60},)?\s+to\s+revoke\b|\band\s+to\s+(?:delist|revoke)\b"
    r"|\bannounc(?:e|es|ing)\s+(?:the\s+)?revocations?\s+of\b")
# A plain past tense acts only in a sentence dated 'today': 'Today, the Department of State designated Haytham ‘Ali
# Tabataba’i, aka …' (state/sdgt_individual_aka_today_designated); a plain 'revoked' dated today: none on file
DESIGNATED = re.compile(r"\bdesignated\b")
REVOKED = re.compile(r"\brevoked\b")
# 'today' but not 'today’s': 'took today’s sanctions actions' (state/mention_state_release_on_treasury_action)
STATE_TODAY = re.compile(r"\btoday\b(?![’']s)", re.IGNORECASE)
# before a past tense, an earlier action: 'Ten years ago today, al-Shabaab, a designated …' (test_a_designated_fto_as_a_
# description_is_a_mention), 'In 2019 the Secretary announced the designation of Hurras al-Din' (test_state_announced_
# the_designation_dated_today)
STATE_RECALLED = re.compile(rf"\bpreviously\b|\bago\b|\bin \d{{4}}\b|\b(?:{FULL_MONTH})\s+\d|\bon\s+(?:{FULL_MONTH})\b")
# a 'has designated' clause that recalls: 'The Department of State has designated Kata’ib Hizballah as an FTO since
# 2009' (the generated releases of tests/parsers/test_press_generated.py)
PERFECT = re.compile(r"(?:has|have)\b")
RECALLED_IN_CLAUSE = re.compile(rf"\bsince\b|\bpreviously\b|\b(?:in|from) (?:\d{{4}}|(?:{FULL_MONTH}))\b")
# 'HAMAS, a designated Foreign Terrorist Organization, …' describes; it does not act. 'Ten years ago today, al-Shabaab,
# a designated Foreign Terrorist Organization, attacked …' (test_a_designated_fto_as_a_description_is_a_mention) is
# already recalled by its 'ago': no test on file turns on this rule alone
PROGRAM_ADJECTIVE = re.compile(rf"\s+(?:{PROGRAM_NAME})\b")
# 'is designating The BLA …, and adding the Majeed Brigade as an alias to BLA’s existing SDGT designation'
# (state/fto_designation_and_sdgt_alias_amendment): 'adding' ends the clause before it
ADDING = re.compile(r"(?:\band\s+)?\badding\b")
# 'is adding X as an alias to …' is an amendment, not a designation; no release on file shows it
AS_ALIAS = re.compile(r"\s+(?:the\s+)?.+?\s+as\s+(?:an?\s+)?alias")

# --- what follows the verb: the parties, then the programs -------------------------------------------------------
# 'Ansarallah, commonly referred to as the Houthis, as a Foreign Terrorist Organization' (state/fto_designation_
# commonly_referred_to_as), 'al-Sharaa—who is listed under the name Muhammad al-Jawlani—as a Specially Designated
# Global Terrorist' (state/sdgt_individuals_delisted_listed_name), 'as a designated FTO' (state/alias_amendment_…)
STATE_AS_PROGRAM = re.compile(rf"(?:\s+|—)as\s+(?:(?:a|an)\s+)?(?:designated\s+)?(?={PROGRAM_NAME}\b)")
# 'the Foreign Terrorist Organization (FTO) designation of al-Nusrah Front, also known as …, under the Immigration and
# Nationality Act' (state/fto_revocation_effective_tomorrow), 'the SDGT designations of its leaders Abdul Malik
# al-Houthi, …' (state/ansarallah_and_leaders_revocations)
PROGRAM_DESIGNATION_OF = re.compile(
    rf"^(?:the\s+)?(?P<programs>{PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?(?:\s+and\s+{PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?)?)"
    rf"\s+designations?\s+of\s+(?P<segment>.+?)(?:,?\s+(?:under|pursuant to)\b.*)?$")
# a counted program head before a colon ('<word> SDGT designations …: A, B'); no release or test on file reaches it
COUNTED_DESIGNATIONS = re.compile(
    rf"^(?:\w+\s+)?(?P<programs>{PROGRAM_NAME}(?:\s*\([A-Z]+s?\))?)\s+designations?\b[^:]*:\s*(?P<segment>.+)$")
# 'is revoking the designations of the Revolutionary Armed Forces of Colombia (FARC) as a Foreign Terrorist
# Organization' (state/revocation_and_new_designations_with_individuals)
LEADING_DESIGNATION_OF = re.compile(r"^(?:the\s+)?(?:terrorist\s+)?designations?\s+of\s+", re.IGNORECASE)
# 'the FTO designation of Kahane Chai, as well as its designation as a Specially Designated Global Terrorist'
# (test_revoking_one_programs_designation_as_well_as_its_designation_as_another): one more program for the party
ITS_DESIGNATION_AS = re.compile(
    rf",?\s+(?:as well as|and)\s+its\s+designations?\s+as\s+(?:an?\s+)?(?P<programs>{PROGRAM_NAME}.*)$")
# 'designated Hasm and Liwa al-Thawra as SDGTs, as well as Yahya Musa, a leader of Hasm' (test_as_well_as_a_person_…)
AS_WELL_AS_AFTER = re.compile(r",?\s+as well as\s+(?P<more>(?:[A-Z]|(?:al|el|ad)-).*)$")
# the parties end at the authority when no 'as an FTO' names the program ('… pursuant to section 219 of the
# Immigration and Nationality Act'); no release or test on file reaches it
AUTHORITY = re.compile(r",?\s+(?:pursuant to|under)\s+(?:section|E\.O\.|Executive Order|the Immigration|the INA)")

# --- lists and references a sentence points to ---------------------------------------------------------------------
# 'is designating the following eight organizations as FTOs and SDGTs:' (state/cartels_designating_the_following_
# list); an empty segment before the colon is read the same way (no release on file shows it)
STATE_FOLLOWING = re.compile(r"^(?:the\s+)?following\b|^$", re.IGNORECASE)
# a head that makes a 'following …' list groups, not people: 'the following eight organizations' (state/cartels_
# designating_the_following_list); a head naming people and groups together ('individuals and entities') is read as
# groups, and no State release on file shows one
MIXED_HEAD = re.compile(r"\b(?:entit(?:y|ies)|organi[sz]ations?|groups?|companies|company)\b")
# A counted or generic head that a colon list names: 'four senior Hizballah commanders' (test_counted_head_before_a_
# colon_list_…), 'four individuals—Noor Wali Mehsud, Marwan Issa, …' (test_individuals_counted_before_a_dashed_list_…)
COUNTED_HEAD = re.compile(
    r"^(?:the\s+following|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)(?:\s+(?:more|other|"
    r"additional|senior|key))?)\s+[\w’'-]+", re.IGNORECASE)
# 'intends to designate all four groups as FTOs' (state/sdgt_now_fto_later_three_unnamed): the parties named before
BACK_REFERENCE = re.compile(r"^(?:all|both|these|those|the)\b|^(?:them|it)$", re.IGNORECASE)

# --- alias amendments and reviews ------------------------------------------------------------------------------------
# 'TRF and other associated aliases have been added to LeT’s designation as an FTO and SDGT' (state/alias_amendment_
# and_review)
ADDED_TO = re.compile(
    r"(?P<aliases>[^.]+?)\s+(?:has|have)\s+been\s+added\s+(?:as\s+(?:an?\s+)?alias(?:es)?\s+)?to\s+"
    r"(?P<target>[^.]+?)[’']s\s+(?:(?:previous|existing|current)\s+)?designations?\b(?P<rest>.*)$")
# 'The Department has added JuD and several other aliases to Lashkar-e-Tayyiba’s FTO and SDGT designations'
# (test_added_to_an_existing_designation_is_an_amendment_not_a_new_party)
ADDED_ACTIVE = re.compile(
    r"\b(?:has|have)\s+(?:also\s+)?(?:today\s+)?added\s+(?P<aliases>[^.]+?)\s+to\s+"
    r"(?P<target>[^.]+?)[’']s\s+(?P<rest>(?:(?:previous|existing|current)\s+)?[^.]*?)\s*designations?\b")
# 'to add the alias Islamic State of Iraq and the Levant as its primary name' (test_an_alias_added_as_the_new_primary_
# name_renames_the_party)
NEW_PRIMARY = re.compile(r"\s+as\s+(?:its|the)\s+(?:new\s+)?primary\s+name\b.*$")
# 'These aliases have been added to al-Nusrah Front’s designations as a Foreign Terrorist Organization …' (test_aliases_
# included_in_one_sentence_and_their_programs_in_the_next): the aliases of the sentence before
BACK_ALIASES = re.compile(r"^(?:these|those|the|both)\s+(?:\w+\s+)?(?:aliases|names)$|^(?:they|both)$", re.I)
# 'and adding the Majeed Brigade as an alias to BLA’s existing Specially Designated Global Terrorist (SDGT)
# designation' (state/fto_designation_and_sdgt_alias_amendment)
ADDING_ALIAS = re.compile(
    r"\badding\s+(?P<aliases>.+?)\s+as\s+(?:an?\s+)?(?:new\s+)?alias(?:es)?\s+to\s+(?P<target>.+?)[’']s\s+"
    r"(?:(?:previous|existing|current)\s+)?(?P<rest>.*?)\s*designations?\b")
# 'The Department of State has amended the designation of Hizballah as an SDGT under section 1(b) of Executive Order
# 13224 and as an FTO … to add …' (state/hizballah_and_aqap_alias_amendments), 'has amended the terrorist designations
# of al-Nusrah Front to include Jabhat Fath al-Sham and other aliases' (test_aliases_included_in_one_sentence_…)
AMENDING = re.compile(
    r"\b(?:is|are|am|has|have)\s+(?:also\s+)?(?:today\s+)?(?:amending|amended)\s+(?:the\s+)?(?:[\w.()]+\s+){0,10}?"
    r"designations?\s+of\s+(?P<target>.+?)(?P<middle>\s+(?:as|under|pursuant to)\b.*?)?,?\s+to\s+(?:add|include)\s+"
    r"(?:(?:(?:the|its|new|additional|following)\s+)*(?:aliases|alias|names?|a\.k\.a\.s?)\b[:,]?\s*(?:including\s+)?"
    r"(?P<aliases>.+)|(?P<aliases2>.+?)\s+(?:and\s+(?:other|additional|related)\s+|as\s+(?:an?\s+)?(?:new\s+)?)"
    r"alias(?:es)?\b.*)$")
# 'The Department of State has also reviewed and maintained LeT’s FTO designation' (state/alias_amendment_and_review),
# 'has maintained the designation of Lashkar-e-Tayyiba (LeT) as a Foreign Terrorist Organization' (test_state_
# maintained_designation_is_a_review)
REVIEWED = re.compile(
    rf"\breviewed\s+and\s+maintained\s+(?:the\s+)?(?P<target>.+?)[’']s\s+(?P<programs>{PROGRAM_NAME}"
    rf"(?:\s+and\s+{PROGRAM_NAME})?)\s+designations?"
    rf"|\b(?:has|have)\s+(?:also\s+)?(?:(?:reviewed\s+and\s+)?maintained|decided\s+to\s+maintain)\s+(?:the\s+)?"
    rf"designations?\s+of\s+(?P<target2>.+?)\s+as\s+(?:an?\s+)?"
    rf"(?P<programs2>{PROGRAM_NAME}(?:\s+and\s+(?:an?\s+)?{PROGRAM_NAME})?)"
    # 'has also reviewed and maintained the FTO designation of ISIS'
    rf"|\b(?:has|have)\s+(?:also\s+)?(?:reviewed\s+and\s+)?maintained\s+(?:the\s+)?(?P<programs3>{PROGRAM_NAME}"
    rf"(?:\s+and\s+{PROGRAM_NAME})?)\s+designations?\s+of\s+(?P<target3>[^,;]+?)\.?$")

# ================================================================ Treasury (parsers/treasury.py)

# A run of text whose parentheses are read whole: '(also known as X)' never ends a segment at its 'as'.
SEGMENT = r"(?:[^()]|\((?:[^()]|\([^()]*\))*\))+?"

# --- operative sentences: OFAC acts today under an authority ------------------------------------------------------
# 'Today, OFAC is sanctioning Cartel de los Soles pursuant to E.O. 13224, as amended, for having …' (treasury/sb0207_
# sdgt_entity_designation), 'Today, OFAC is sanctioning Mosquera Serrano pursuant to E.O. 13581, as amended, and
# pursuant to E.O. 13224' (treasury/sb0178_sdgt_individual_short_reference), 'Today’s action designates one individual
# and two entities pursuant to E.O. 13224, as amended.' (treasury/sb0183_annex_entries_under_several_orders)
SANCTIONING = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:sanctioning|designating)\s+(?P<segment>"
    rf"{SEGMENT})\s+(?:pursuant to|under)\s+"
    rf"(?P<authority>.+)$|\bdesignates\s+(?P<segment2>{SEGMENT})\s+pursuant to\s+(?P<authority2>.+)$")
# 'Cham Wings Airlines (Entity) is being designated pursuant to section 1(a)(iii)(A) of E.O. 13224' (treasury/sb0183_
# annex_entries_under_several_orders), 'Nabil Qaouk and Hassan al-Baghdadi, two members of Hizballah’s Central
# Council, were designated today by the Department of the Treasury’s …' (treasury/sm1162_two_officials_were_designated_…)
BEING_DESIGNATED = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?:is|are)\s+(?:also\s+)?being\s+|(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?=designated\s+today\b))designated\s+(?:today\s+)?(?:by\s+[^,]+?\s+)?(?:as\s+[^.]*?\s+)?(?:pursuant to|under)\s+"
    r"(?P<authority>.+)$")
# 'Ali Tajideen (Tajideen) is a Lebanon-based Hizballah financier who is being designated pursuant to E.O. 13224 …'
# (test_a_description_ending_who_is_being_designated)
WHO_IS_BEING = re.compile(
    r"^(?P<subject>.+?)\s+(?:is|are)\s+(?P<what>(?:a|an|the|two|three)\s+[^.]*?)\bwho\s+(?:is|are)\s+(?:also\s+)?being\s+"
    r"designated\s+(?:pursuant to|under)\s+(?P<authority>.+)$")
# 'The State Department is concurrently designating Mahad Karate as an SDGT', not 'Separately, the Department of State
# designated al-Shabaab as an FTO in 2008' (test_a_state_designation_reported_in_a_treasury_release): State's action
# the same day, announced in the release
STATE_CONCURRENT = re.compile(
    rf"^(?P<when>Concurrently|Today|Separately|Also)?,?\s*(?:[Tt]he\s+)?(?:U\.S\.\s+)?(?:Department of State|State Department)"
    rf"\s+(?P<verb>(?:(?:is|has)\s+)?(?:(?:also|concurrently|today)\s+)*(?:designating|designated))\s+(?P<segment>{SEGMENT})"
    rf"(?:,?\s+as\s+(?:an?\s+)?(?P<program>.+?)|,?\s+(?P<authority>(?:pursuant to|under)\s+.*?))?\.?$")
# a past 'OFAC designated X …' opening a paragraph under a release that acts today: the section's own action ('OFAC
# designated Ali Tajideen and Husayn Tajideen, members of a Hizballah trading family, pursuant to E.O. 13224',
# test_names_then_a_plural_role_appositive_are_people)
AGENT_DESIGNATED = re.compile(r"^(?:OFAC|Treasury)\s+(?:also\s+)?designated\s+(?!the\s+following\b)")
# 'Al-Inmaa Group for Tourism Works is being designated for being owned or controlled by Adham Tabaja' (test_treasury_
# is_being_designated_for_after_an_e_o_13224_opening)
BEING_DESIGNATED_FOR = re.compile(r"^(?P<subject>.+?)\s+(?:is|are)\s+(?:also\s+)?being\s+designated\s+for\b")
# 'OFAC today designated X (a.k.a. Y), a …-based group, as an SDGT pursuant to E.O. 13224': any past-tense
# designation the release dates 'today' (a date or 'previously' makes it a recalled, earlier action): '(OFAC) today
# designated Cartel de los Soles (a.k.a. Cartel of the Suns), a Venezuela-based criminal group …' (treasury/sb0207_
# variant_today_designated_pursuant_to_eo); 'Tren de Aragua was sanctioned today pursuant to Executive Order (E.O.)
# 13581' (treasury/jy2459_designation_under_other_program) names another order and gives nothing
DESIGNATED_TODAY = re.compile(
    rf"\b(?:designated|sanctioned)\s+(?P<segment>{SEGMENT})(?<!\bknown)(?<!\bto)(?:,?\s+today)?,?\s+(?P<authority>(?:as|pursuant to|under)\b.+"
    r"|for\s+(?:acting|having|being|providing|assisting|materially|its|his|her|their)\b.+)$")
# what follows the verb is no party: 'were designated today by the Department of the Treasury’s Office of Foreign
# Assets Control' (treasury/sm1162_two_officials_were_designated_today; its subject is read by BEING_DESIGNATED)
NOT_A_SEGMENT = re.compile(r"(?:today|by)\b")
# 'Today, the Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned the Cartel de los Soles
# (a.k.a. Cartel of the Suns) as a Specially Designated Global Terrorist' (treasury/sb0207_sdgt_entity_designation), 'Today, OFAC designated
# Mohammad Ibrahim Bazzi (born 10 August 1964 …), a key Hizballah financier, …' (treasury/sm0388_financier_and_…)
SANCTIONED_AS = re.compile(
    rf"^Today,?\s.*?\b(?:sanctioned|designated)\s+(?P<segment>{SEGMENT})(?<!\bknown)(?<!\bto)\s+as\s+(?:an?\s+)?(?:{SDGT_WORDS})\b")
# 'OFAC also designated Adham Tabaja, a Lebanon-based Hizballah financier, pursuant to E.O. 13224' (test_treasury_also_
# designated_counts_only_under_e_o_13224); 'OFAC also designated 139 individuals … under E.O. 13894' (treasury/sb0183)
ALSO_PAST = re.compile(r"\balso\s+(?:designated|sanctioned)\b")
# 'Today, the Office of Foreign Assets Control (OFAC) removed Saudi businessman Yassin Abdullah Kadi from the Specially
# Designated Nationals and Blocked Persons List' (test_treasury_removal_whose_authority_is_the_next_sentence), 'OFAC
# removed 518 individuals and entities from the List of Specially Designated Nationals' (treasury/sb0183_…)
REMOVING = re.compile(
    rf"\b(?:is|are)\s+(?:also\s+)?(?:removing|delisting)\s+(?P<segment>{SEGMENT})(?<!\bknown)(?<!\bto)"
    r"(?:\s+from\s+the\s+SDN\s+List)?(?:\s+(?:as|pursuant to|under)\s+(?P<authority>.+))?$"
    rf"|\b(?:OFAC|Treasury)\)?\s+(?:today\s+)?(?:also\s+)?(?:removed|delisted)\s+(?P<segment2>{SEGMENT})\s+from\s+the\s+"
    r"(?:SDN List|(?:List of )?Specially Designated Nationals[^.]*?)(?P<authority2>.*)$")

# --- when: today, or recalled ---------------------------------------------------------------------------------------
# 'Today, the Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned …' (treasury/sb0207_…)
TREASURY_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
# 'Treasury previously sanctioned Tren de Aragua …', 'On February 20, 2025, the Department of State designated both
# Tren de Aragua and the Sinaloa Cartel' (treasury/sb0207_sdgt_entity_designation): an earlier action
TREASURY_RECALLED = re.compile(rf"\bpreviously\b|\bin \d{{4}}\b|\bon\s+(?:{FULL_MONTH})\b|\b(?:{FULL_MONTH})\s+\d")
# the opening acts today: 'Today, … (OFAC) sanctioned the Cartel de los Soles' (treasury/sb0207_sdgt_entity_designation)
ACTING_TODAY = re.compile(r"\b(?:designated|sanctioned|designating|sanctioning)\b")
# a release acting today even when no party can be read: 'Today, OFAC took action against a network of Hizballah
# financiers pursuant to E.O. 13224' (test_treasury_acting_under_e_o_13224_without_a_readable_party_is_a_review),
# 'Today, OFAC is sanctioning the Cartel de los Soles, which …' (treasury/sb0207_sdgt_entity_designation)
ACTING = re.compile(r"\b(?:is|are)\s+(?:also\s+)?(?:sanctioning|designating|targeting)\b|\btook\s+action\b"
                    r"|\btoday\s+(?:also\s+)?(?:designated|sanctioned)\b|\bdesignations?\s+(?:is|are)\s+made\b")

# --- authorities: E.O. 13224 or another order -----------------------------------------------------------------------
# 'pursuant to E.O. 13224, as amended' (treasury/sb0207_sdgt_entity_designation), 'pursuant to section 1(a)(iii)(A) of
# E.O. 13224' (treasury/sb0183_annex_entries_under_several_orders)
EO_13224 = re.compile(r"(?:pursuant to|under)\s+(?:section\s+\S+\s+of\s+)?(?:E\.O\.|Executive Order)\s*13224")
# 'pursuant to E.O. 13581, as amended' (treasury/sb0178_sdgt_individual_short_reference), 'pursuant to E.O. 14059'
# (treasury/sb0207_variant_…); no test turns on it (each release on file with another order is read by its verbs)
OTHER_ORDER = re.compile(r"(?:E\.O\.|Executive Order)\s*(?!13224)\d{5}")
# the authority cited: 'E.O. 13224, as amended' (treasury/sb0207_…), 'as a Specially Designated Global Terrorist'
SDGT_AUTHORITY = re.compile(rf"13224|\b(?:{SDGT_WORDS})\b")
# the reasons after the authority: 'pursuant to E.O. 13224, as amended, for having materially assisted, …' (treasury/
# sb0207_sdgt_entity_designation)
WHY = re.compile(r",?\s+for\s+(?:having|being|acting|its|their|his|her|operating|its role)\b")
# the program after the parties: 'Noor Wali Mehsud (a.k.a. Mufti Noor Wali) … as Specially Designated Global
# Terrorists (SDGTs)' (the generated releases of tests/parsers/test_press_generated.py)
TREASURY_AS_PROGRAM = re.compile(rf"\s+as\s+(?:an?\s+)?(?=(?:{SDGT_WORDS}|{FTO_WORDS})\b)")

# --- lists and counts: the parties named further on -------------------------------------------------------------------
# 'Today, OFAC is sanctioning the following leaders and key affiliates of Tren de Aragua.' (treasury/sb0195_sdgt_
# individuals_following_list), 'The following individuals are being designated pursuant to section 1(a)(i)(B) of
# E.O. 13894' (treasury/sb0183_…), 'Its Annex designates the following:' (test_an_annex_designates_the_following)
TREASURY_FOLLOWING = re.compile(
    r"\b(?:(?:(?:is|are)\s+(?:also\s+)?(?:sanctioning|designating)|today\s+(?:designated|sanctioned)"
    r"|(?P<annex>designates))\s+the\s+following\b"
    r"|^The following\b.*?\b(?:(?:is|are)\s+being|(?:were|have\s+been|was|has\s+been)\s+(?=designated\s+today))"
    r"\s*designated\b|\b(?P<past>designated|sanctioned)\s+the\s+following\b)(?P<rest>.*)$")
# 'the following individuals pursuant to E.O. 13224 for acting on behalf of Hizballah:' (test_treasury_designated_the_
# following_individuals_today): each item is a person, whatever words describe it
FOLLOWING_PEOPLE = re.compile(
    r"^\s*(?:\w+\s+)?(?:individuals|persons|people)(?:\s*[:,]|\s*$|\s+(?:pursuant|under|as|for|who|today)\b)",
    re.IGNORECASE)
# 'Today, OFAC is sanctioning one individual and one entity that finance Hizballah.' (test_treasury_counted_sanctions_
# named_in_bold_further_on), 'Today, OFAC took action against a Hizballah financier and his company' (test_treasury_is_
# being_designated_for_after_…): the parties are named further on, in bold
COUNTED_SANCTION = re.compile(
    r"\b(?:(?:is|are)\s+(?:also\s+)?(?:sanctioning|designating)|took\s+action\s+against)\s+"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s")
# 'Today, OFAC designated two individuals pursuant to E.O. 13224 for acting for Hizballah.' with each party named
# only in the heading over its paragraph (test_parties_named_only_in_headings_after_a_counted_opening)
COUNTED_TODAY = re.compile(
    r"\btoday,?\s+(?:[^,.]*?\s+)?(?:designated|sanctioned|is\s+designating|is\s+sanctioning)\s+"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<noun>individuals?|persons?|people|entities|"
    r"entity|organizations?)\b", re.IGNORECASE)
# 'Faour, head of a Hizballah procurement unit, is being designated for …' (test_parties_named_only_in_headings_…): a
# short reference and a title
REFERENCE_TITLE = re.compile(r"^(?P<ref>[^\s,]+),\s+[^,]+,?$")
# lower-case words a heading that names a party may hold ('<h3>Husayn Ali Faour</h3>' in test_parties_named_only_in_
# headings_… has none); no heading on file needs one
HEADING_NAME_PARTICLES = frozenset("al el ad bin ibn bint de del la the of and y e wal abu".split())

# --- bold names: who they are, and what is no party ----------------------------------------------------------------------
# words near a bold name that make it a person: 'Niño Guerrero’s wife, Wendy Marbelys Rios Gomez' (treasury/sb0195_…),
# 'a fugitive leader' (treasury/sb0178_…), 'Adham Tabaja is a Hizballah member' (test_treasury_counted_sanctions_…)
PERSON_CUE = re.compile(
    r"\b(?:leader|member|head|lieutenant|co-founder|founder|wife|husband|son|daughter|brother|sister|"
    r"national|official|commander|financier|facilitator|president|minister|fugitive|individual|agent|"
    r"businessm[ae]n|associate|supporter|captain|owner|operative)\b", re.I)
# 'Hesco Engineering & Construction Co. (Entity)', 'Mohsen Chizari (Individual)' (treasury/sb0183_annex_entries_…)
TYPE_TAG = re.compile(r"^\((?P<tag>Individual|Entity|Vessel|Aircraft)\)$", re.IGNORECASE)
# 'is identifying the vessel <b>SEA BREEZE</b>' (test_an_alias_aside_before_a_persons_description_and_a_vessel_…)
VESSEL_BEFORE = re.compile(r"\b(?:the\s+)?(?:vessel|tanker|ship)$", re.IGNORECASE)
# bold words that are no party: '<strong>WASHINGTON</strong> –' and 'Secretary of the Treasury Scott Bessent'
# (treasury/sb0207_sdgt_entity_designation), 'Under Secretary for Terrorism and Financial Intelligence' (treasury/jy2459)
NOT_A_PARTY = re.compile(r"^(?:WASHINGTON|Secretary|Under Secretary|Deputy Secretary|Director)\b")
# where the words about one of several bold names end: '(CIBanco), Intercam Banco S.A., …, and Vector Casa de Bolsa'
# (treasury/sb0179_mention_fincen_orders)
NEXT_PARTY = re.compile(r",?\s+and\s+(?=[A-Z])|,\s+(?=[A-Z])|;")
# a sentence naming more than one party, so only the words right after a bold name describe it: '… extortion and
# drug trafficking to its human smuggling, and it has formed ties …' (treasury/jy2459_designation_under_other_program)
LISTS_OTHERS = re.compile(r",\s+and\s+|\s+and\s+[A-Z]")
# 'WASHINGTON — Today, the Department of the Treasury’s …' (treasury/sb0207_…), 'WASHINGTON – Today, President …'
# (treasury/sb0182_statement_without_designations): the dateline before a paragraph
DATELINE = re.compile(r"^(?:WASHINGTON|[A-Z][A-Z .]+)(?:,? D\.?C\.?)?\s*[—–-]+\s+")
