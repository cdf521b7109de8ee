"""The eight real FR notice texts in ../shared, wrapped in GPO XML here (never copied), each read exactly."""
from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from parsers.federal_register import parse_fr_document
from parsers.model import Action, Program

SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
REAL = SHARED / "reference" / "federal-register" / "real-notices"
pytestmark = pytest.mark.skipif(not REAL.exists(), reason="shared reference directory not present")


def wrap_real_notice(path: Path) -> tuple[dict, bytes]:
    """API metadata from the file's '# ' header and the notice text as a State Department NOTICE in GPO XML."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = " ".join(line[2:] for line in lines if line.startswith("# "))
    fields = dict(re.findall(r"(\w+)=(\S+)", header))
    body = [line.strip() for line in lines if line.strip() and not line.startswith("# ")]
    title, rest = body[0], body[1:]
    dated = next((i for i, line in enumerate(rest) if line.startswith("Dated:")), len(rest))
    paragraphs, signature = rest[:dated], rest[dated:]
    citation = re.search(r"fr_citation=(\d+ FR \d+)", header)
    meta = {
        "document_number": fields["document_number"],
        "publication_date": fields["publication_date"],
        "citation": citation.group(1) if citation else None,
        "title": title,
        "type": "Notice",
        "agencies": [{"name": "State Department", "slug": "state-department"}],
    }
    sig = ""
    if signature:
        name = f"<NAME>{escape(signature[1])}</NAME>" if len(signature) > 1 else ""
        job = f"<TITLE>{escape(signature[2])}</TITLE>" if len(signature) > 2 else ""
        sig = f"<SIG><DATED>{escape(signature[0])}</DATED>{name}{job}</SIG>"
    xml = (
        "<NOTICE><PREAMB><AGENCY TYPE=\"S\">DEPARTMENT OF STATE</AGENCY>"
        f"<SUBJECT>{escape(title)}</SUBJECT></PREAMB><SUPLINF>"
        + "".join(f"<P>{escape(p)}</P>" for p in paragraphs)
        + f"</SUPLINF>{sig}<FRDOC>[FR Doc. {fields['document_number']} Filed 01-01-00; 8:45 am]</FRDOC></NOTICE>"
    )
    return meta, xml.encode("utf-8")


def read(number: str):
    """The notice parsed from the real text of one FR document."""
    return parse_fr_document(*wrap_real_notice(REAL / f"{number}.txt"))


def facts(notice) -> list[tuple]:
    """(program, action, name, aliases, effective_on) of every event, in order."""
    return [(e.program, e.action, e.name, e.aliases, e.effective_on) for e in notice.events]


def test_2002_pkk_amendment_adds_three_aliases_printed_one_per_line_effective_on_the_stated_date():
    notice = read("02-30544")
    assert facts(notice) == [(Program.FTO, Action.AMENDMENT, "Kurdistan Workers' Party",
                              ("Kurdistan Freedom and Democracy Congress", "Freedom and Democracy Congress of Kurdistan",
                               "KADEK"), date(2002, 12, 3))]
    assert notice.events[0].signed_on == date(2002, 11, 26)
    assert notice.events[0].signer == "William P. Pope"


def test_2010_review_whose_body_revokes_is_a_revocation_of_the_armed_islamic_group():
    notice = read("2010-26082")
    assert facts(notice) == [(Program.FTO, Action.REVOCATION, "Armed Islamic Group", ("GIA",), date(2010, 10, 15))]


def test_2014_al_nusrah_front_designation_reads_the_whole_also_known_as_chain():
    notice = read("2014-11217")
    assert facts(notice) == [(Program.FTO, Action.DESIGNATION, "Al-Nusrah Front", (
        "Jabhat al-Nusrah", "Jabhet al-Nusra", "The Victory Front", "Al Nusrah Front for the People of the Levant",
        "Al-Nusrah Front in Lebanon", "Support Front for the People of the Levant",
        "Jabaht al-Nusra li-Ahl al-Sham min Mujahedi al-Sham fi Sahat al-Jihad"), date(2014, 5, 15))]
    assert notice.events[0].signed_on == date(2014, 5, 7)
    assert notice.events[0].signer == "John F. Kerry"


def test_2014_pflp_gc_review_maintains_the_designation():
    notice = read("2014-30963")
    assert facts(notice) == [(Program.FTO, Action.REVIEW, "Popular Front for the Liberation of Palestine-General Command",
                              (), date(2015, 1, 6))]
    assert notice.events[0].document.citation == "80 FR 603"


def test_2020_asaib_ahl_al_haq_designation_reads_the_semicolon_alias_list():
    notice = read("2020-00253")
    assert facts(notice) == [(Program.FTO, Action.DESIGNATION, "Asa'ib Ahl al-Haq", (
        "AAH", "Asa'ib Ahl al-Haq min Al-Iraq", "Asaib al Haq", "Asa'ib Ahl Al-Haqq", "League of the Righteous",
        "Khazali Network", "Khazali Special Group", "Qazali Network", "The People of the Cave",
        "Khazali Special Groups Network", "Al-Tayar al-Risali", "The Missionary Current"), date(2020, 1, 10))]


def test_2021_ltte_review_only_started_gives_no_event_and_no_review_item():
    notice = read("2021-22783")
    assert notice.kind == "review_started"
    assert notice.events == ()
    assert notice.review is None


def test_2025_cartel_de_los_soles_designation_is_the_seed_case():
    notice = read("2025-20750")
    assert facts(notice) == [(Program.FTO, Action.DESIGNATION, "Cartel de los Soles", ("Cartel of the Suns",),
                              date(2025, 11, 24))]
    event = notice.events[0]
    assert (event.signed_on, event.signer, event.document.citation) == (date(2025, 11, 16), "Marco Rubio",
                                                                        "90 FR 53045")


def test_2026_lebanese_muslim_brotherhood_alias_list_that_repeats_the_name():
    notice = read("2026-00573")
    assert facts(notice) == [(Program.FTO, Action.DESIGNATION, "Lebanese Muslim Brotherhood", (
        "al-Jamaa al-Islamiyah", "Jamaa Islamiya", "al-Jamaah al-Islamiyah", "Jama'a Islamiyah", "Jamaa Islamiyah",
        "The Islamic Group", "Islamic Group in Lebanon", "al-Fajr Forces", "The Fajr Forces", "al-Fajer Forces",
        "The Dawn Forces", "Quwat al-Fajr"), date(2026, 1, 14))]


@pytest.mark.parametrize("path", sorted(REAL.glob("*.txt")) if REAL.exists() else [], ids=lambda p: p.stem)
def test_every_real_notice_names_the_entity_its_header_expects(path):
    expected = re.search(r"entities=([^|]+)", path.read_text(encoding="utf-8")).group(1).strip()
    notice = parse_fr_document(*wrap_real_notice(path))
    if notice.kind == "review_started":
        return
    primary = re.sub(r"\s*\(.*\)$", "", expected)
    assert [e.name for e in notice.events] == [primary]
