"""The legal formula of State Department FR notices as phrase families, one screen to read.

Each family is a kind of wording, not one notice's sentence; the comment names the real wording that needs it.
The reader (parsers/fr_text.py) finds operative sentences by these anchors and decisions.
"""
from __future__ import annotations

import re

from parsers.common import LONG_DATE

_I = re.IGNORECASE

# --- authorities: which program a decision acts under -----------------------------------------------------
FTO_ANCHOR = re.compile(
    r"section\s+219\b|\bINA\s+(?:section|§)\s*219|8\s*U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?1189"
    r"|foreign\s+terrorist\s+organi[sz]ations?|\bFTOs?\b", _I)
SDGT_ANCHOR = re.compile(r"\b13224\b|specially\s+designated\s+global\s+terrorists?|\bSDGTs?\b", _I)
# "…is a leader of ISIS, a designated Foreign Terrorist Organization" describes someone else, not the decision
APPOSITIVE_PROGRAM = re.compile(
    r"\b(?:an?|the)\s+(?:(?:U\.S\.|previously|already|currently|State|Department)[- ])*designated\s+"
    r"(?:foreign\s+terrorist\s+organi[sz]ations?|FTOs?|specially\s+designated\s+global\s+terrorists?|SDGTs?)\b"
    r"|\b(?:an?\s+)?(?:entity|entities|group|groups|organi[sz]ations?|individuals?|persons?)\s+"
    r"(?:(?:that|which)\s+(?:is|was|has\s+been)\s+)?(?:previously\s+)?designated\s+(?:as\s+an?\s+[\w ]+?\s+)?"
    r"(?:pursuant\s+to|under)\s+(?:section\s+1\(b\)\s+of\s+)?(?:E\.\s?O\.|Executive\s+Order)\s*(?:No\.\s*)?13224"
    r"|\bwhose\s+property\s+and\s+interests\s+in\s+property\s+are\s+blocked[^.;]*", _I)
# a decision under another authority: the Terrorist Exclusion List (INA 212(a)(3)(B)(vi)(II)) is neither FTO nor SDGT,
# even when the notice goes on to mention section 219 ("is not a designation as a Foreign Terrorist Organization")
OTHER_AUTHORITY = re.compile(r"\bsection\s+212\s*\(a\)\s*\(3\)\s*\(B\)\s*\(vi\)|\bTerrorist\s+Exclusion\s+List\b", _I)
RELEVANT = re.compile(
    r"foreign\s+terrorist\s+organi[sz]ations?|specially\s+designated\s+global\s+terrorists?"
    r"|(?:executive\s+order|E\.\s?O\.)\s*(?:no\.\s*)?13224"
    r"|section\s+219\s+of\s+the\s+(?:immigration\s+and\s+nationality\s+act|INA)|8\s+U\.S\.C\.\s+1189", _I)

# --- decisions ------------------------------------------------------------------------------------------------
# "hereby revokes the designation" (2021 Ansarallah), "is hereby revoked", "the circumstances that were the basis for
# the designation … no longer exist … The designation is accordingly revoked" (a deceased individual's revocation), a review whose circumstances "have
# changed in such a manner as to warrant revocation" (2010 Armed Islamic Group)
REVOKE = re.compile(
    r"\brevok(?:e|es|ing)\b(?=.{0,400}?\bdesignat)|\bdesignat.{0,400}?\b(?:is|are|be|been)\s+(?:hereby\s+|accordingly\s+)?revoked\b"
    r"|\bcircumstances\b.{0,300}?\bbasis\s+for\s+the\s+designation\b.{0,300}?\bno\s+longer\s+exist"
    r"|\b(?:is|are)\s+hereby\s+revoked\b|\bchanged\s+in\s+(?:such\s+a|a)\s+manner\s+(?:as\s+)?to\s+warrant\s+(?:the\s+|a\s+)?revocation"
    r"|\bwarrants?\s+(?:the\s+|a\s+)?revocation\b|\brevocation\s+(?:of\s+the\s+designations?\s+)?is\s+(?:hereby\s+)?warranted",
    _I)
# a revocation that is denied or only possible: "have not changed … to warrant revocation", "may revoke"
NOT_REVOKED = re.compile(
    r"\b(?:not|no|never)\s+(?:\w+\s+){0,3}(?:changed|warrant|revok)|\b(?:may|might|can|could|must|should|would)\s+"
    r"(?:\w+\s+)?revoke|\bto\s+revoke\s+(?:a|any)\s+designation|\bwhether\s+to\s+revoke", _I)
# five-year reviews: "shall be maintained" (2014 PFLP-GC), "have not changed in such a manner as to warrant revocation",
# "will remain in effect"; pre-2004 two-year "redesignations" keep a designation in force as a review does
MAINTAIN = re.compile(
    r"\bnot\s+changed\s+in\s+(?:such\s+a|a)\s+manner\s+(?:as\s+)?to\s+warrant|\b(?:does|do)\s+not\s+warrant\s+(?:a\s+|the\s+)?revocation"
    r"|\b(?:shall|will|should|must|is\s+to|are\s+to)\s+(?:be|remain)\s+(?:maintained|in\s+(?:full\s+)?(?:force|effect))"
    r"|\b(?:is|are)\s+(?:hereby\s+)?maintained\b|\bhereby\s+maintains?\b|\b(?:decided|determined|elected)\s+to\s+maintain\b"
    r"|(?<!decision\sto\s)\bmaintain(?:s|ing)?\s+the\s+(?:\w+\s+)?designations?\b"
    r"|\bhereby\s+re-?designat\w*|\b(?:is|are|has|have)\s+(?:hereby\s+)?re-?designated\b"
    r"|\bcontinues?\s+to\s+(?:meet|satisfy|warrant)\b", _I)
# the operative verb of a pre-2004 two-year redesignation round ("I hereby redesignate that organization …")
REDESIGNATE = re.compile(r"\bhereby\s+re-?designat\w*|\b(?:is|are|has|have)\s+(?:hereby\s+)?re-?designated\b", _I)
# "hereby amends the 2004 designation of …" (2014 ISIL), "the designation … is hereby amended", "to add the following aliases"
AMEND = re.compile(
    r"(?<!as\s)(?<!as\sfurther\s)\bamend(?:s|ing)?\b(?!\s+by\b)(?=.{0,300}?\b(?:re-?)?designat)"
    r"|\b(?:is|are)\s+(?:hereby\s+)?amended\b(?!\s+by\b)|\bhereby\s+(?:adds?|includes?)\b(?=.*\b(?:alias|aliases|names?)\b)"
    r"|\bto\s+(?:add|include)\s+the\s+following\s+(?:new\s+|additional\s+)?(?:names?|aliases)\b", _I)
# FTO findings: "the relevant circumstances described in section 219 … exist with respect to" and its kin
FINDING = re.compile(
    r"\bcircumstances\b.{0,400}?\b(?P<verb>exists?|are\s+present|is\s+present|apply|applies|are\s+met|is\s+met"
    r"|have\s+been\s+(?:met|satisfied|fulfilled|established)|has\s+been\s+(?:met|satisfied|fulfilled|established)"
    r"|are\s+(?:satisfied|fulfilled|established)|is\s+(?:satisfied|fulfilled|established)|obtain|pertain|hold)\b"
    r"\s*,?\s*(?P<prep>with\s+respect\s+to|in\s+respect\s+of|with\s+regard\s+to|in\s+regard\s+to|as\s+to|as\s+regards"
    r"|regarding|concerning|in\s+the\s+case\s+of|for|to)?\s*:?\s*", _I)
# "I hereby designate …", "is hereby designated", "designates, effective October 8, 1997, the following as …"
DESIGNATE = re.compile(
    r"\b(?:hereby\s+)?designat(?:e|es|ing)\b(?!\s+(?:an?\s+)?(?:foreign|specially))|\b(?:is|are)\s+hereby\s+designated\b", _I)
# pre-2004 notices in the third person: "the Secretary … has designated the IMU as a foreign terrorist organization,
# effective September 25, 2000" (2000 IMU), "has designated the following three organizations …:" (2002); never
# the background "the Secretary designated X in 1997" of a review (no 'has', no effective date or list after it)
DESIGNATE_STRONG = re.compile(
    r"\bhereby\s+designat(?:e|es)\b|\b(?:is|are)\s+hereby\s+designated\b|\bI\s+designate\b|\bdesignates?,\s+effective\b"
    r"|\b(?:decided|determined)\s+to\s+designate\b"
    r"|\bSecretary\b[^.;]{0,300}?\bhas\s+designated\b(?=\s+the\s+following\b|[^.;]*?,\s+effective\s+(?!upon)\w)", _I)
# "the Secretary has determined that the Real IRA (RIRA) (a.k.a. …) meets the statutory criteria, and it is hereby
# designated a Foreign Terrorist Organization" (2001 Real IRA): the entity is the subject that meets the criteria
PASSIVE_SUBJECT = re.compile(
    r"\b(?:determined|found|concluded|determines|finds|concludes)\s+that\s+(?P<x>.+?)\s+(?:meets?|satisf(?:y|ies))\s+the\s+"
    r"(?:statutory\s+|relevant\s+|legal\s+)?criteria\b[^.]*?\b(?:it|they)\s+(?:is|are)\s+hereby\s+designated\b", _I)
# SDGT findings (E.O. 13224 section 1(b)): "determine that the person known as X … has committed, or poses a
# significant risk of committing, acts of terrorism"; since 2019 also leaders and officials of designated groups
SDGT_FINDING = re.compile(
    r"\b(?:determine|determines|determined|find|finds|found|conclude|concludes|concluded)"
    r"(?:\s*,\s*(?:effective|as\s+of)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*,)?\s+that\s+", _I)
SDGT_CRITERIA = re.compile(
    r",?\s*(?:who|which|each\s+of\s+(?:whom|which)|each|both)?\s*\b(?:(?:has|have|had)\s+(?:committed|attempted|participated)"
    r"|(?:pose|poses|posed)\s+a\s+significant\s+risk|(?:is|are|was|were)\s+(?:a\s+|an\s+)?(?:leaders?|officials?|senior)"
    r"|(?:is|are)\s+owned\s+or\s+controlled|(?:act|acts|acted|has\s+acted|have\s+acted)\s+for\s+or\s+on\s+behalf"
    r"|(?:has|have)\s+(?:materially\s+)?assisted|(?:has|have)\s+provided|(?:is|are)\s+(?:otherwise\s+)?associated"
    r"|committed,?\s+or\s+pose|meets?\s+the\s+criteria|satisf(?:y|ies)\s+the\s+criteria|(?:is|are)\s+(?:a\s+)?"
    r"(?:foreign\s+person|specially\s+designated))", _I)
# "the Department of State is undertaking a review … will accept written statements" (2021 LTTE): nothing decided
REVIEW_STARTED = re.compile(
    r"\bundertak\w*\s+a\s+review\b|\bis\s+reviewing\b|\bwill\s+accept\s+written\b|\binitiat\w*\s+a\s+review\b"
    r"|\b(?:invites?|solicits?)\s+(?:written\s+)?(?:submissions|statements|comments)\b|\bmust\s+be\s+submitted\s+by\b", _I)

# --- where an entity list starts and stops ---------------------------------------------------------------------
# "exist with respect to the organization named in the caption of this notice": the title names the entity
POINTS_TO_TITLE = re.compile(r"\b(?:named|identified|listed|set\s+(?:forth|out))\s+in\s+the\s+(?:caption|title|heading|subject)\b"
                             r"|\babove[- ]named\b|\bnamed\s+above\b", _I)
# "the aforementioned organization and its respective aliases": points back, names nobody
ANAPHORA = re.compile(
    r"^(?:each\s+of\s+)?(?:the|these|those|this|that|said|such)\s+(?:aforementioned|above[- ]named|above[- ]mentioned"
    r"|aforesaid|named|above|foregoing|same|listed|identified|organi[sz]ations?|entit(?:y|ies)|groups?|persons?"
    r"|individuals?)\b|^(?:it|them|each|both|all\s+(?:of\s+)?(?:the|these|them))\b", _I)
FOLLOWING = re.compile(
    r"^(?:each\s+of\s+)?(?:the\s+)?(?:following|(?:organi[sz]ations?|entit(?:y|ies)|groups?|persons?|individuals?)"
    r"\s+(?:listed|named|set\s+(?:forth|out))\s+below)(?:\s+(?:\w+\s+)?(?:organi[sz]ations?|entit(?:y|ies)|groups?|persons?"
    r"|individuals?|names?|aliases))?(?:\s*,?\s*(?:and|together\s+with|with)\s+(?:its|their)\s+(?:respective\s+)?aliases)?"
    r"\s*:?\s*", _I)
# what closes a list inside its sentence: the program it is designated as, or its authority
LIST_END = re.compile(
    r"\s*,?\s*\b(?:as\s+(?:an?\s+|the\s+)?[\"']?(?:foreign\s+terrorist|specially\s+designated|FTOs?\b|SDGTs?\b)"
    r"|pursuant\s+to\b|under\s+(?:section|the\s+authority)|in\s+accordance\s+with\b|\(hereinafter\b"
    r"|to\s+(?:add|include|reflect|change|replace|remove|delete)\b|effective\s+(?:upon|on|as\s+of)\b)", _I)
# a paragraph of the formula, never an entity in a one-per-paragraph list
FORMULA_PARAGRAPH = re.compile(
    r"\b(?:hereby|shall|determin\w*|designat\w*|pursuant|published|section|Federal\s+Register|Secretary|consultation"
    r"|Administrative\s+Record|Attorney\s+General|effective|Therefore|Accordingly|notice)\b", _I)
LIST_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)]|[•●▪\u2022*–-])\s+")

# --- aliases -----------------------------------------------------------------------------------------------------
# one row a marker: (pattern, the wording that needs it); a real notice where one shows it, else the variant of
# tests/grammar/fr_notices.py's "alias_marker" / "operative_boilerplate" slots that writes it
ALIAS_MARKERS = (
    (r"also\s+known\s+as", "85 FR 1369: 'Asa'ib Ahl al-Haq, also known as AAH'; 2014-11217 al-Nusrah Front"),
    (r"formerly\s+known\s+as", "slot formerly_known_as"),
    (r"previously\s+known\s+as|now\s+known\s+as|otherwise\s+known\s+as|commonly\s+known\s+as", "no notice on file shows it; kept from the earlier reader"),
    (r"also\s+referred\s+to\s+as|also\s+called|also\s+spelled", "no notice on file shows it; kept from the earlier reader"),
    (r"also\s+rendered", "2012 AQAP amendment: 'operates under the alias Ansar al-Shari'a, also rendered Ansar al-Sharia'"),
    # "the Continuity Irish Republican Army (CIRA), also known as the Continuity Army Council and as Republican Sinn
    # Fein" (2004 CIRA); "also known as ISIS-Sinai Province and as Wilayat Sayna" (2021 review of ISIS-Sinai)
    (r"(?:and|or)\s+as(?=\s+(?:the\s+)?(?:(?-i:[A-Z0-9\"'])|(?:al|el|an|ad|ar|as|ash|at|az|ul)-))", "2004 CIRA designation; 2021 ISIS-Sinai amendment"),
    # "Kata'ib Hizballah (KH), which is also known by the following names:" then "(1) …;" paragraphs (2009 KH);
    # "the individual known as Hamza bin Laden, whose other names include (1) …, (2) …" (2017 Hamza bin Laden)
    (r"(?:which|who)\s+(?:is|are|has\s+been|have\s+been)\s+(?:also\s+)?known\s+(?:as|by\s+the\s+(?:following\s+)?(?:names?|aliases))"
     r"|whose\s+(?:other\s+)?(?:names|aliases)\s+(?:include|are)", "2009 Kata'ib Hizballah; 2017 Hamza bin Laden"),
    # "the Mujahidin Shura Council in the Environs of Jerusalem (MSC), variously known as …, or …" (2014 MSC)
    (r"variously\s+known\s+as", "2014 MSC designation; slot alias_marker 'variously known as'"),
    # "Hizbul Mujahideen, an organization also known by the names HM, …" (2017 HM); "known by the following names:"
    (r"(?:an?\s+(?:organi[sz]ation|group|entity)\s+)?(?:also\s+)?known\s+by\s+the\s+(?:following\s+)?(?:names?|aliases)",
     "2017 Hizbul Mujahideen designation; slot alias_marker 'known by the names'"),
    # "the Islamic Revolutionary Guard Corps (IRGC), including its Qods Force, also known as …" (2019 IRGC): a part of
    # the entity named with it; "including its following aliases: …" (2005 IJU)
    (r"including\s+(?:its|their)(?:\s+following\s+(?:aliases|names))?(?=\s*:?\s*(?-i:[A-Z\"']))",
     "2019 IRGC designation ('including its Qods Force'); 2005 IJU ('including its following aliases:')"),
    (r"a\.\s?k\.\s?a\.?", "90 FR 53045 (Cartel de los Soles): 'a.k.a.'; slot paren_akadot"),
    (r"f\.\s?k\.\s?a\.?|n\.\s?k\.\s?a\.?", "slot fka; OFAC-style 'f.k.a.', 'n.k.a.'"),
    (r"a/k/a|f/k/a|\baka\b|\bfka\b|\bnka\b", "slots comma_chain_bare_aka, fka"),
    # "exist with respect to Ansar Bayt al-Maqdis, and its aliases Jamaat Ansar Beit al-Maqdis, …"
    (r"(?:and\s+)?(?:its|their)\s+(?:other\s+)?alias(?:es)?(?:\s+include)?(?=\s*:?\s*[A-Z\"'])", "2014 ABM amendment"),
)
ALIAS_MARKER = "(?:" + "|".join(pattern for pattern, _ in ALIAS_MARKERS) + ")"
ALIAS_SPLIT = re.compile(r"\s*[,;]?\s*(?<![\w])" + ALIAS_MARKER + r"(?![\w])\s*:?\s*", _I)
# a list of aliases announced at the end of a sentence and printed in the paragraphs after it
ALIASES_FOLLOW = re.compile(r"(?<![\w])" + ALIAS_MARKER + r"\s*:?\s*$", _I)
# "(1) Hamza bin Usama bin Ladin, (2) …": numbers inside a running list, never a parenthetical alias
INLINE_NUMBER = re.compile(r"(?:(?<=[\s,;:])|^)\((?:\d{1,2}|[a-z])\)\s+(?=\S)")
ALIAS_PREFIX = re.compile(r"^\s*(?:and\s+|or\s+)?" + ALIAS_MARKER + r"(?![\w])\s*:?\s*", _I)

# --- amendments --------------------------------------------------------------------------------------------------
AMEND_TARGET = re.compile(
    r"\b(?:re-?)?designations?\s+of\s+(?P<target>.+?)(?=\s*,?\s*(?:\bas\s+(?:an?\s+|the\s+)?[\"']?(?:foreign|specially|FTO|SDGT)"
    r"|\bpursuant\s+to\b|\bunder\s+section\b|\b(?:is|are)\s+(?:hereby\s+)?amended\b|\bto\s+(?:add|include|reflect|change"
    r"|replace|adopt|use)\b|\bby\s+adding\b|$))", _I)
ADDED_ALIASES = re.compile(
    r"\b(?:add(?:s|ing)?|include|including|includes)\s+(?:the\s+)?(?:following\s+)?(?:new\s+|additional\s+)?"
    r"(?:names?\s+(?:as\s+)?)?(?:(?:as\s+)?(?:an?\s+)?alias(?:es)?|a\.k\.a\.s?|names?)\b(?:\s+(?:of|for|to)\s+[^:;]+?)?\s*:\s*"
    r"(?P<list>.*)$"
    r"|\b(?:add(?:s|ing)?|include|including)\s+(?:the\s+)?(?:new\s+)?(?:alias(?:es)?|names?)\s+(?P<inline>.+?)(?:\s+(?:as|to)\s+"
    r"(?:its|the|an?)\b.*)?$"
    r"|\b(?:add(?:s|ing)?|include|including)\s+(?P<before>.+?)\s+as\s+(?:an?\s+|new\s+|additional\s+)*alias(?:es)?\b", _I)
# "I conclude … that Liwa Zaynabiyoun uses or has used the following alias: Zainabiyoun Brigade"
IS_ALSO_KNOWN = re.compile(
    r"\b(?:find|finds|found|conclude|concludes|determine|determines)\s+that\s+(?P<target>(?:(?!\bthat\b).)+?)\s+is\s+also"
    r"\s+known\s+as\s+(?P<list>.+?)\.?$", _I)
USES_ALIASES = re.compile(
    r"\b(?:find|finds|found|conclude|concludes|concluded|determine|determines|determined)\s+that\s+(?P<target>(?:(?!\bthat\b).)+?)\s+(?:uses\s+or\s+has"
    r"\s+used|has\s+used|uses|is\s+(?:also\s+)?known\s+by|operates\s+under|has\s+adopted)\b(?:.*?\b(?:the\s+following|these)"
    r"\s+(?:new\s+|additional\s+)?(?:alias(?:es)?|names?)\s*:\s*(?P<list>.*))?", _I)
# "AQAP operates under the alias Ansar al-Shari'a, …" (2012), "HAMAS uses the alias …", "uses the additional aliases A
# and B" (2008 GSPC): aliases named inline in a finding, which the amendment then adds by pointing back
NAMED_ALIASES = re.compile(
    r"\b(?:uses\s+or\s+has\s+used|has\s+used|uses|operates\s+under|has\s+adopted)\s+(?:the\s+)?(?:(?:additional|new|following)\s+)*"
    r"(?:alias(?:es)?|names?)\s+(?P<list>(?-i:[A-Z\"']).+?)\.?$", _I)
# "to add those names as aliases", "to add the aliases named above": the aliases are the ones the finding gave
BACK_REFERENCE = re.compile(
    r"^\s*(?:(?:those|these|such|said|the\s+(?:above|aforementioned|same))(?:[- ]named)?\s+(?:names?|alias(?:es)?)\b"
    r"|(?:named|listed|identified|given|mentioned|set\s+(?:forth|out))\s+above\b|them\b)", _I)
# "the following are aliases of al-Nusrah Front:" (then the aliases, inline or one per paragraph)
ARE_ALIASES = re.compile(
    r"\bthe\s+following\s+(?:names\s+)?are\s+(?:also\s+)?(?:additional\s+|new\s+)?(?:aliases|names)\s+(?:of|for|used\s+by)"
    r"\s+(?P<target>.+?)\s*:\s*(?P<list>.*)$", _I)
# "The organization is also known as Sarayat al-Quds and Soldiers of al-Aqsa."; "… is also known by the names A, B,
# and C." (2013 Boko Haram wording); "The individual's aliases include …"
ALSO_KNOWN = re.compile(r"^(?:The|This|Said)\s+(?:organi[sz]ation|group|entity|individual|person)\s+(?:is|has\s+been)\s+"
                        r"(?:also\s+)?(?:(?:known|referred\s+to)\s+as|(?:also\s+)?known\s+by\s+the\s+(?:following\s+)?"
                        r"(?:names?|aliases))\s*:?\s+(?P<list>.+?)\.?$"
                        r"|^(?:The|This|Said)\s+(?:organi[sz]ation|group|entity|individual|person)(?:'s|\u2019s)\s+(?:other\s+)?"
                        r"(?:aliases|names)\s+(?:include|are)\s*:?\s+(?P<list2>.+?)\.?$")
# a paragraph of its own labelled "Aliases: A; B; C." after the operative sentence (SDGT notices since 2019 print
# an individual's aliases and identifiers this way)
ALIASES_PARAGRAPH = re.compile(r"^(?:Aliases|Alias|Also\s+known\s+as|a\.k\.a\.|AKA)\s*:\s*(?P<list>.+?)\.?$", _I)
# "to change its primary name to Jaysh al-Adl and to include the following new aliases: …" (2019 Jundallah); "to replace
# its primary name with al-Qaida in the Islamic Maghreb (AQIM)" (2008 GSPC)
NEW_PRIMARY = re.compile(
    r"\brenamed\s+itself\s+(?P<d>.+?)(?=\s*(?:,|;|\band\s+(?:to\s+)?(?:add|include)|\.|$))"
    r"|\bunder\s+the\s+(?:new\s+)?name\s+(?P<e>.+?)(?=\s*(?:,|;|\.|$))|"
    r"\b(?:add|adds|adding|adopt|adopts|adopting|use|uses|using|list|lists|reflect|reflects|designate|recogni[sz]e|recogni[sz]es"
    r"|recogni[sz]ing|identify|identifies|establish|establishes|substitute|substitutes|name|names)\s+(?:the\s+)?"
    r"(?:alias\s+|name\s+|new\s+name\s+)?(?P<a>.+?)\s+as\s+(?:its|the)\s+(?:new\s+)?primary\s+name"
    r"|\b(?:change|changes|changing|rename|renames|renaming)\s+(?:its|the)\s+(?:organization'?s?\s+)?(?:primary\s+)?name"
    r"(?:\s+of\s+the\s+(?:organization|entity|group))?\s+(?:from\s+.+?\s+)?to\s+(?P<b>.+?)(?=\s*(?:,|;|\band\s+(?:to\s+)?(?:add|include)|\.|$))"
    r"|\breplac(?:e|es|ing)\s+(?:its|the)\s+(?:organization'?s?\s+)?primary\s+name\s+with\s+(?P<f>.+?)"
    r"(?=\s*(?:,|;|\band\s+(?:to\s+)?(?:add|include)|\.|$))"
    r"|\bprimary\s+name\s+(?:is\s+now|becomes|shall\s+be|will\s+be|to)\s+(?P<c>.+?)(?=\s*(?:,|;|\band\s+(?:to\s+)?(?:add|include)|\.|$))",
    _I)

# --- dates -------------------------------------------------------------------------------------------------------
# LONG_DATE (parsers/common.py): 'November 16, 2025', 'Sept. 21, 2015', '16 November 2025'
STATED_EFFECTIVE = re.compile(
    r"\b(?:effective|takes?\s+effect|shall\s+take\s+effect|goes\s+into\s+effect|enters?\s+into\s+force)"
    r"(?:\s+date)?\s*:?\s*(?:on|as\s+of|from|beginning)?\s*,?\s*(?P<date>" + LONG_DATE.pattern + r")", _I)
UPON_SIGNATURE = re.compile(r"effective\s+(?:immediately\s+)?(?:upon|on|as\s+of)\s+(?:the\s+date\s+of\s+)?(?:my\s+|its\s+|this\s+)?"
                            r"signature"
                            r"|effective\s+on\s+the\s+date\s+(?:it\s+is\s+|this\s+\w+\s+is\s+)?signed", _I)

# --- titles -------------------------------------------------------------------------------------------------------
TITLE_LEAD = re.compile(
    r"^(?:.*;\s+(?=In\s+the\s+Matter))?(?:In\s+the\s+Matter\s+of\s+)?(?:the\s+)?(?:Notice\s+of\s+)?"
    r"(?:(?:Five-Year\s+)?Reviews?|Amendments?|Revocations?|Re-?designations?|Designations?|Determinations?)"
    r"(?:\s+and\s+(?:Amendments?|Revocations?|Reviews?))?"
    r"(?:\s+of\s+(?:the\s+)?(?:Foreign\s+Terrorist\s+Organi[sz]ations?\s+|FTO\s+|Specially\s+Designated\s+Global\s+"
    r"Terrorists?\s+|SDGT\s+|Terrorist\s+)?(?:Re-?designations?|Designations?))?"
    r"(?:\s+as\s+(?:an?\s+)?(?:Foreign\s+Terrorist\s+Organi[sz]ations?|Specially\s+Designated\s+Global\s+Terrorists?"
    r"|FTOs?|SDGTs?))?\s+(?:of|for|concerning)\s*:?\s+(?-i:the\s+)?"
    r"|^(?:the\s+)?(?:Foreign\s+Terrorist\s+Organi[sz]ations?|FTO|Specially\s+Designated\s+Global\s+Terrorists?|SDGT)\s+"
    r"(?:Designations?|Revocations?|Reviews?|Amendments?|Re-?designations?)\s*(?:of|for|:|;|-|–|—)\s*(?-i:the\s+)?", _I)
TITLE_TAIL = re.compile(
    r"\s*[,;]?\s*(?:\bas\s+(?:an?\s+)?(?:the\s+)?[\"']?(?:Foreign\s+Terrorist|Specially\s+Designated|FTO|SDGT|Terrorist)\b.*"
    r"|\bPursuant\s+to\b.*|\bUnder\s+(?:Section|Executive|E\.\s?O\.)\b.*)$", _I)
GENERIC_TITLE_REST = re.compile(
    r"^(?:(?:Foreign\s+)?Terrorist\s+Organi[sz]ations?|Specially\s+Designated\s+Global\s+Terrorists?|Individuals?|Entities"
    r"|Persons|Organi[sz]ations|Groups|Several\s+\w+|Certain\s+\w+|FTOs?|SDGTs?)\b", _I)
