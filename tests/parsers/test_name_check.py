"""Name checks: the junk the review found is refused with its reason; real names and details pass."""
from __future__ import annotations

import pytest

from parsers.name_check import detail_pairs, name_problem, strip_alias_boilerplate


@pytest.mark.parametrize("junk, reason", [
    ("following organizations", "is a phrase of function words"),
    ("of", "is a phrase of function words"),
    ("together with its", "holds alias boilerplate"),
    ("male", "is an individual's detail"),
    ("nationality Ecuador", "is an individual's detail"),
    ("alt. nationality Belgium", "is an individual's detail"),
    ("a Lebanese national", "is an individual's detail"),
    ("Armed Islamic Group and All Associated Aliases", "holds alias boilerplate"),
    ("Hay’at Tahrir al-Sham as Specially Designated Global Terrorists", "holds words of the legal formula"),
    ("Cartel de los Soles pursuant to E.O. 13224", "holds words of the legal formula"),
])
def test_junk_found_in_real_runs_is_refused_with_its_reason(junk, reason):
    assert reason in name_problem(junk)


@pytest.mark.parametrize("name", ["Cartel de los Soles", "Hay’at Tahrir al-Sham", "MS-13", "Kata’ib Hizballah",
                                  "Wonderland Amusement Park & Resort Ltd", "Car Escort Services S.A.L. Off Shore",
                                  "Abd al-Khaliq Badr al-Din al-Houthi", "Dobson Group", "Pobeda", "HaD"])
def test_real_names_pass(name):
    assert name_problem(name) is None


def test_details_of_individuals_with_alternates():
    assert detail_pairs("born 10 August 1964 in Bent Jbeil, Lebanon") == [("dob", "10 August 1964"),
                                                                          ("pob", "Bent Jbeil, Lebanon")]
    assert detail_pairs("alt. DOB 1958") == [("dob", "1958")]
    assert detail_pairs("alternate passport RL3400400") == [("passport", "RL3400400")]
    assert detail_pairs("a Lebanese and Belgian national") == [("nationality", "Lebanese and Belgian")]
    assert detail_pairs("Dobson Group") == []


def test_boilerplate_stripped_in_its_forms():
    assert strip_alias_boilerplate("Armed Islamic Group and all associated aliases") == "Armed Islamic Group"
    assert strip_alias_boilerplate("A, B, together with their respective aliases") == "A, B"
