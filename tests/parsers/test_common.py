"""Named cases for the helpers every reader shares (parsers/common.py, parsers/programs.py, NoticeKind.of)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from parsers.common import (FILL, balanced, case_folded, cut, fold_accents, folded_case, forget_document, mask,
                            outside_and_groups, partner, per_document, read_date, slotted, slug, split_outside, squash,
                            straight_quotes)
from parsers.model import Action, DocumentRef, Event, NoticeKind, Program, Source
from parsers.programs import mentions_programs, programs_in


@pytest.mark.parametrize("text, expected", [
    ("November 16, 2025", date(2025, 11, 16)),
    ("Sunday, November 16, 2025", date(2025, 11, 16)),
    ("Sunday November 16, 2025", date(2025, 11, 16)),
    ("  November\u00a016,  2025 ", date(2025, 11, 16)),
    ("Nov. 16, 2025", date(2025, 11, 16)),
    ("Sept. 21, 2015", date(2015, 9, 21)),
    ("November 16 2025", date(2025, 11, 16)),
    ("November 16,2025", date(2025, 11, 16)),
    ("16 November 2025", date(2025, 11, 16)),
    ("NOVEMBER 16, 2025", date(2025, 11, 16)),
    ("2025-11-16", date(2025, 11, 16)),
    ("2025-07-25T12:00:00Z", date(2025, 7, 25)),
    ("10/8/1997", date(1997, 10, 8)),
    ("February 30, 2025", None),  # no such day: None, not ValueError
    ("2025-02-30", None),
    ("13/1/2025", None),
    ("Dated: November 16, 2025", None),  # the whole text must be the date
    ("November 2025", None),
    ("", None),
    (None, None),
])
def test_read_date_of_a_whole_text(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dated: November 16, 2025.", date(2025, 11, 16)),
    ("effective Sept. 21, 2015, and on October 1, 2015", date(2015, 9, 21)),  # the first one
    ("signed on 3 March 2019 by", date(2019, 3, 3)),
    ("on February 30, 2025", None),
    ("published 2025-11-16", None),  # anywhere reads long dates only
    ("no date here", None),
    (None, None),
])
def test_read_date_anywhere_in_text(text, expected):
    assert read_date(text, anywhere=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("A (B, C), D", "A \x01\x01\x01\x01\x01), D"),
    ("A (B (C) D) E", "A \x01\x01\x01\x01\x01\x01\x01\x01) E"),
    ("A) B", "A) B"),  # a stray closing bracket is ignored
    ("A (B, C", "A \x01\x01\x01\x01\x01"),  # an unclosed one masks to the end
    ("plain", "plain"),
])
def test_mask_hides_what_is_inside_parentheses(text, expected):
    assert mask(text) == expected.replace("\x01", FILL)


def test_mask_of_quotes_ignores_brackets_inside_them():
    assert mask('"A (B", C', quotes='"') == FILL * 5 + '", C'
    assert mask("\u201cA, B\u201d, C", quotes="\u201c\u201d") == FILL * 5 + "\u201d, C"


@pytest.mark.parametrize("text, separators, kwargs, expected", [
    ("A, B (C, D), E", ",", {}, ["A", "B (C, D)", "E"]),
    ("A; B (x; (y; z)); C", ";", {}, ["A", "B (x; (y; z))", "C"]),
    ("A, B (unclosed, C", ",", {}, ["A", "B (unclosed, C"]),
    ("A), B, C", ",", {}, ["A)", "B", "C"]),
    ('"A, B", C', ",", {}, ['"A, B"', "C"]),
    ("\u201cA, B\u201d; C", ",;", {}, ["\u201cA, B\u201d", "C"]),
    ("A [B, C], D", ",", {"brackets": "()[]"}, ["A [B, C]", "D"]),
    ("A [B, C], D", ",", {}, ["A [B", "C]", "D"]),
    ("born January 1, 1970, Iraq", ",", {"dates": True}, ["born January 1, 1970", "Iraq"]),
    ("born January 1, 1970, Iraq", ",", {}, ["born January 1", "1970", "Iraq"]),
    (" , A,, ", ",", {}, ["A"]),
])
def test_split_outside(text, separators, kwargs, expected):
    assert split_outside(text, separators, **kwargs) == expected


def test_cut_keeps_pieces_as_they_are():
    text = "Iraq and Syria (and Levant) and X"
    assert cut(text, re.compile(r"\s+and\s+"), mask(text)) == ["Iraq", "Syria (and Levant)", "X"]


@pytest.mark.parametrize("text, expected", [
    ("A (B) C", True), ("A (B (C)) D", True), ("", True), ("A (B", False), ("A) (B", False), ("(A))", False),
])
def test_balanced(text, expected):
    assert balanced(text) is expected


@pytest.mark.parametrize("text, index, expected", [
    ("(A (B) C)", 0, 8), ("(A (B) C)", 8, 0), ("(A (B) C)", 3, 5), ("(A (B C", 0, None), ("A) B)", 4, None),
])
def test_partner(text, index, expected):
    assert partner(text, index) == expected


@pytest.mark.parametrize("text, outside, groups", [
    ("Hamas (a.k.a. Harakat al-Muqawama) (HAMAS)", "Hamas \x000\x00 \x001\x00", ["a.k.a. Harakat al-Muqawama", "HAMAS"]),
    ("X (a (b) c) Y", "X \x000\x00 Y", ["a (b) c"]),
    ("X) Y", "X) Y", []),  # a stray ')' stays
    ("X (unclosed Y", "X ", []),  # an unclosed group and what follows are dropped
])
def test_slotted(text, outside, groups):
    assert slotted(text) == (outside, groups)
    assert outside_and_groups(text) == (re.sub("\x00\\d+\x00", "", outside), groups)


def test_folding():
    assert squash(" A\u00a0 \n B\u200bC ") == "A BC"
    assert straight_quotes("\u2018a\u2019 \u201cb\u201d") == "'a' \"b\""
    assert fold_accents("Cártel de Sinaloa") == "Cartel de Sinaloa"
    assert fold_accents("al-Shabaab") == "al-Shabaab"


@pytest.mark.parametrize("label, expected", [
    ("Nationality of Registration", "nationality_of_registration"),
    ("  D.O.B. ", "d_o_b"),
    ("Passport #", "passport"),
    ("", ""),
])
def test_slug(label, expected):
    assert slug(label) == expected


@pytest.mark.parametrize("text, authorities, expected", [
    ("designated as an FTO and as an SDGT", False, (Program.FTO, Program.SDGT)),
    ("as Specially Designated Global Terrorists and Foreign Terrorist Organizations", False, (Program.SDGT, Program.FTO)),
    ("pursuant to E.O. 13224", False, (Program.SDGT,)),
    ("pursuant to section 219 of the INA", False, ()),
    ("pursuant to section 219 of the INA", True, (Program.FTO,)),
    ("under 8 U.S.C. 1189 and Executive Order 13224", True, (Program.FTO, Program.SDGT)),
    # 'a designated FTO' describes someone else's designation, not this decision
    ("X, a leader of ISIS, a designated Foreign Terrorist Organization, under E.O. 13224", True, (Program.SDGT,)),
    ("X, a leader of ISIS, a designated Foreign Terrorist Organization, under E.O. 13224", False,
     (Program.FTO, Program.SDGT)),
])
def test_programs_in(text, authorities, expected):
    assert programs_in(text, authorities=authorities) == expected


def test_mentions_programs():
    assert mentions_programs("sanctioned under Executive Order (E.O.) 13224") is True
    assert mentions_programs("sanctioned under the Kingpin Act") is False


def _event(program: Program, action: Action) -> Event:
    return Event(program, action, "X", DocumentRef(Source.STATE, "d", "u", "s"))


@pytest.mark.parametrize("pairs, expected", [
    ([(Program.FTO, Action.DESIGNATION)], "fto_designation"),
    ([(Program.SDGT, Action.REVOCATION), (Program.SDGT, Action.REVOCATION)], "sdgt_revocation"),
    ([(Program.FTO, Action.REVIEW), (Program.FTO, Action.AMENDMENT)], "fto_review_amendment"),
    ([(Program.FTO, Action.REVIEW), (Program.FTO, Action.REVOCATION)], "combined"),
    ([(Program.FTO, Action.DESIGNATION), (Program.SDGT, Action.DESIGNATION)], "combined"),
])
def test_notice_kind_of_events(pairs, expected):
    kind = NoticeKind.of(_event(*pair) for pair in pairs)
    assert kind is NoticeKind(expected) and kind == expected


@pytest.mark.parametrize("text", [
    "The Secretary of State hereby revokes the designation of the Armed Islamic Group.",
    "THE SECRETARY HEREBY REVOKES THE DESIGNATION",
    "hereby revokes the des\u0130gnation",  # 'İ' lowers to two characters; IGNORECASE takes it for 'i'
    "hereby revokes the de\u017fignation",  # long s
    "hereby revokes the des\u0131gnation",  # dotless i
])
def test_a_case_folded_family_finds_what_the_case_blind_one_finds_at_the_same_offsets(text):
    family = re.compile(r"\brevok(?:e|es|ing)\b(?=.{0,40}?\bdesignat)|(?P<d>designations?)\b", re.IGNORECASE)
    folded = case_folded(family)
    found = [m.regs for m in family.finditer(text)]
    assert len(found) == 2 and [m.regs for m in folded.finditer(folded_case(text))] == found


@pytest.mark.parametrize("pattern", [r"\bFTOs?\b", r"(?-i:[A-Z])\w+", r"\S+ designat", r"\x41"])
def test_case_folded_refuses_a_pattern_it_would_change(pattern):
    with pytest.raises(ValueError):
        case_folded(re.compile(pattern) if pattern == r"\bFTOs?\b" else re.compile(pattern, re.IGNORECASE))


def test_a_per_document_step_is_computed_once_per_document():
    calls = []
    step = per_document(lambda text: calls.append(text) or text.upper())
    assert (step("kach"), step("kach"), calls) == ("KACH", "KACH", ["kach"])
    forget_document()
    assert (step("kach"), calls) == ("KACH", ["kach", "kach"])
