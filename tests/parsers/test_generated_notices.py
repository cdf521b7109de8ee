"""The FR notice reader against notices generated from a grammar of the legal formula (tests/grammar/)."""
from __future__ import annotations

import collections

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from parsers.federal_register import parse_fr_document
from tests.grammar.fr_notices import (
    SLOTS,
    GeneratedNotice,
    HypothesisDraw,
    compare,
    generate,
    generate_seeded,
    junk_reason,
    report,
)

KINDS = SLOTS["kind"]
PER_KIND = 360  # 14 kinds x 360 = 5,040 generated notices in the normal run
COVERAGE_SEEDS = 3000


@st.composite
def notices(draw, kind: str | None = None) -> GeneratedNotice:
    """A notice drawn from the grammar by hypothesis (so a failure shrinks to a small notice)."""
    return generate(HypothesisDraw(draw), kind=kind)


@pytest.mark.parametrize("kind", KINDS)
@settings(derandomize=True, database=None, deadline=None, max_examples=PER_KIND,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_generated_notices_are_read_exactly_with_no_junk_names(kind, data):
    notice = data.draw(notices(kind), label="notice")
    outcome = compare(notice, parse_fr_document(notice.meta, notice.xml).events)
    assert not outcome.junk, "junk names\n" + report(notice, outcome)
    assert outcome.exact, "events differ\n" + report(notice, outcome)


def test_generator_is_deterministic_and_well_formed():
    for seed in range(200):
        first, again = generate_seeded(seed), generate_seeded(seed)
        assert first.xml == again.xml and first.meta == again.meta and first.expected == again.expected
        assert first.choices == again.choices
        assert etree.fromstring(first.xml).tag == "NOTICE"
    assert len({generate_seeded(seed).xml for seed in range(200)}) == 200


def test_generator_covers_every_variant_of_every_slot():
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for seed in range(COVERAGE_SEEDS):
        for slot, variants in generate_seeded(seed).choices.items():
            seen[slot].update(variants)
    missing = {slot: sorted(set(variants) - seen[slot]) for slot, variants in SLOTS.items()
               if set(variants) - seen[slot]}
    assert missing == {}


def test_the_answer_key_names_only_names():
    for seed in range(COVERAGE_SEEDS):
        notice = generate_seeded(seed)
        for event in notice.expected:
            for text in (event.name, *event.aliases):
                assert junk_reason(text) is None, (text, notice.text())
            assert event.name.casefold() not in {a.casefold() for a in event.aliases}
            assert len({a.casefold() for a in event.aliases}) == len(event.aliases)
            assert not event.name.startswith("the ")
            assert event.signed_on is not None and event.effective_on is not None


@pytest.mark.parametrize("text, reason", [
    ("following organizations", "function-word or pronoun phrase"),
    ("of", "function-word or pronoun phrase"),
    ("together with its", "function-word or pronoun phrase"),
    ("its respective aliases", "function-word or pronoun phrase"),
    ("male", "individual's detail"),
    ("nationality Ecuador", "individual's detail"),
    ("Armed Islamic Group and All Associated Aliases", "alias boilerplate"),
    ("Al-Nusrah Front, also known as Jabhat al-Nusrah", "alias marker inside a name"),
    ("individual known as Muhammad Sarwar", "descriptor phrase ('… known as')"),
    ("Ansarallah (a.k.a. Ansar Allah)", "alias marker inside a name"),
    ("Hizballah", None),
    ("The Victory Front", None),
    ("Group for the Support of Islam and Muslims", None),
])
def test_junk_detector_names_what_is_not_a_name(text, reason):
    assert junk_reason(text) == reason


def test_kinds_without_events_have_an_empty_answer_and_the_rest_do_not():
    for seed in range(300):
        notice = generate_seeded(seed)
        assert (notice.expected == ()) == notice.choices["kind"][0].startswith("negative")
