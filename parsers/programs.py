"""Which programs a passage names or invokes: one reader for FR notices and press releases."""
from __future__ import annotations

import re

from parsers import fr_phrases as ph
from parsers.common import folded_case
from parsers.model import Program

# the programs by name, as press releases and FR prose write them
FTO_WORDS = r"Foreign Terrorist Organi[sz]ations?|FTOs?"
SDGT_WORDS = r"Specially Designated Global Terrorists?(?: Organi[sz]ations?| entit(?:y|ies))?|SDGTs?"
PROGRAM_WORDS = re.compile(rf"\b(?P<fto>{FTO_WORDS})\b|\b(?P<sdgt>{SDGT_WORDS})\b"
                           r"|(?P<eo>E\.O\.\s*13224|Executive Order(?: \(E\.O\.\))? 13224)")


# each anchor with the words (case-folded) one of which every match of it holds: a cheap test before the search
_ANCHORS = ((Program.FTO, ph.FTO_ANCHOR, ("219", "1189", "foreign", "fto")),
            (Program.SDGT, ph.SDGT_ANCHOR, ("13224", "specially", "sdgt")))


def programs_in(text: str, *, authorities: bool = False) -> tuple[Program, ...]:
    """The programs text names, in the order first named (E.O. 13224 counts as SDGT).

    With authorities (the FR formula): statutory citations count too (section 219, 8 U.S.C. 1189, a bare
    13224), and someone else's designation set in apposition ('a leader of ISIS, a designated FTO') does not.
    """
    if authorities:
        folded = folded_case(text)
        if "designated" in folded or "blocked" in folded:
            text = ph.APPOSITIVE_PROGRAM.sub(" ", text)
        hits = [(m.start(), program) for program, anchor, words in _ANCHORS
                if any(w in folded for w in words) and (m := anchor.search(text))]
        return tuple(program for _, program in sorted(hits))
    found: list[Program] = []
    for m in PROGRAM_WORDS.finditer(text):
        program = Program.FTO if m.group("fto") else Program.SDGT
        if program not in found:
            found.append(program)
    return tuple(found)


def mentions_programs(text: str) -> bool:
    """Whether a text names either program or E.O. 13224 at all."""
    return PROGRAM_WORDS.search(text) is not None
