"""OFAC end to end through mirrors on 127.0.0.1: the SDN list files (two real vintages) and Recent Actions pages."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from flows.config import Settings
from flows.ofac import LIST_FILES, poll_ofac_lists, poll_ofac_recent_actions
from flows.pipeline import Run, ingest, run_nightly
from parsers.model import Action, DocumentRef, Event, Notice, Program, Source
from parsers.ofac_csv import parse_sdn_csv_set
from storage.ledger import Ledger
from storage.versions import VersionStore
from tests.conftest import FIXTURES, mirror_settings
from tests.mirror import SiteMirror
from tests.parsers.test_ofac_xml import write_sdn_xml

SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
VINTAGES = SHARED / "reference" / "ofac-sdn-csv"
PAGES = FIXTURES / "ofac_recent_actions"
EXPORTS = "/api/PublicationPreview/exports/"
# The list host's rule (FORMATS.md §4): the User-Agent starts 'Mozilla/<digit>' and has 40 characters or more.
LIST_HOST_USER_AGENT = r"^(?=.{40})Mozilla/\d"

needs_vintages = pytest.mark.skipif(not (VINTAGES / "2021-07" / "sdn.csv").exists(),
                                    reason=f"no OFAC CSV vintages under {VINTAGES}")


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00+00:00")


@pytest.fixture
def lists():
    with SiteMirror(require_user_agent=LIST_HOST_USER_AGENT) as mirror:
        yield mirror


@pytest.fixture
def site():
    with SiteMirror() as mirror:
        yield mirror


@pytest.fixture(scope="module")
def csv_bootstrap(tmp_path_factory):
    """A fresh data directory given the full 2021-07 CSV files through run_nightly: (data dir, report, seconds)."""
    fresh = tmp_path_factory.mktemp("csv") / "data"
    with SiteMirror(require_user_agent=LIST_HOST_USER_AGENT) as lists:
        serve(lists, vintage("2021-07"))
        started = time.perf_counter()
        report = run_nightly(list_settings(fresh, lists), now=at("2021-07-07"))
        return fresh, report, time.perf_counter() - started


def list_settings(data_dir, lists, **overrides):
    return mirror_settings(data_dir, ofac_list_base=lists.base_url, sources="ofac_lists", **overrides)


def serve(lists, files: dict[str, bytes]) -> None:
    for name, body in files.items():
        lists.add(EXPORTS + name, body, content_type="text/csv")


def vintage(name: str) -> dict[str, bytes]:
    return {file: (VINTAGES / name / file).read_bytes() for file in LIST_FILES}


def subset(name: str, ent_nums: set[str]) -> dict[str, bytes]:
    """The vintage's four files cut down to a few entries, rows as OFAC wrote them."""
    files = {}
    for file in LIST_FILES:
        text = (VINTAGES / name / file).read_bytes().decode("latin-1")
        rows = [row for row in csv.reader(io.StringIO(text, newline="")) if row and row[0] in ent_nums]
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        files[file] = out.getvalue().encode("latin-1")
    return files


def designations(data_dir, version: str | None = None, program: str = "SDGT") -> list[dict]:
    store = VersionStore(data_dir)
    rows = store.read_table(version or store.latest_name(), "designations").to_pylist()
    return [row for row in rows if row["program"] == program]


def raw_sdgt(name: str) -> dict[str, tuple]:
    """ent_num -> (name, aliases, tags) of the rows tagged SDGT, read plainly from sdn.csv and alt.csv."""
    def rows(file):
        text = (VINTAGES / name / file).read_bytes().decode("latin-1")
        return [row for row in csv.reader(io.StringIO(text, newline="")) if row and row != ["\x1a"]]
    aliases: dict[str, set] = {}
    for ent_num, _, _, alias, _ in rows("alt.csv"):
        aliases.setdefault(ent_num, set()).add(alias)
    view = {}
    for row in rows("sdn.csv"):
        tags = frozenset(tag.strip(" []") for tag in row[3].split("] ["))
        if "SDGT" in tags:
            remarks = row[11].strip().rstrip(".")
            weak = {part[8:-1] for part in remarks.split("; ") if part.startswith("a.k.a. '") and part.endswith("'")}
            view[row[0]] = (row[1], frozenset(aliases.get(row[0], set()) | weak), tags)
    return view


def held(row: dict) -> set[str]:
    """The OFAC entries (ent_num) a designation was built from."""
    return set(json.loads(row["details"] or "{}").get("ent_num", []))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@needs_vintages
def test_two_real_vintages_then_nothing_new_then_a_timed_bootstrap(lists, data_dir, csv_bootstrap):
    settings = list_settings(data_dir, lists)
    serve(lists, vintage("2019-01"))
    first = run_nightly(settings, now=at("2019-01-15"))
    assert (first.published.name, first.degraded, first.sources["ofac_lists"].documents) == ("v000001", [], 1)
    before = raw_sdgt("2019-01")
    v1 = designations(data_dir)
    assert sorted(n for row in v1 for n in held(row)) == sorted(before)  # each entry in exactly one designation
    # The list files carry no legal dates: each entry is in force, first listed on the vintage's day.
    assert {(row["status"], row["designated_on"], row["first_listed_on"]) for row in v1} == {
        ("active", None, date(2019, 1, 15))}
    state = json.loads((data_dir / "ledger" / "ofac_list_state.json").read_text())
    assert state == {"vintages": [{"document_id": "sdn-list/2019-01-15", "date": "2019-01-15",
                                   "sha256": {file: sha(body) for file, body in vintage("2019-01").items()}}]}

    serve(lists, vintage("2021-07"))
    second = run_nightly(settings, now=at("2021-07-07"))
    assert (second.published.name, second.degraded) == ("v000002", [])
    after = raw_sdgt("2021-07")
    v2 = designations(data_dir)
    assert sorted(n for row in v2 for n in held(row)) == sorted(set(before) | set(after))
    # Our list keeps one designation per entity: derive merges OFAC entries that share a normalised name or
    # strong alias (an organisation listed once per branch; weak aliases such as kunyas never match), so the
    # expectation is counted per designation, from the raw files' entry-level diff and the entries each
    # designation holds. A designation never disappears: one whose entries left the list is revoked, a change.
    new, gone = set(after) - set(before), set(before) - set(after)
    touched = new | gone | {n for n in set(before) & set(after) if before[n] != after[n]}
    expected = Counter(added=sum(held(row) <= new for row in v2),
                       changed=sum(bool(held(row) - new) and bool(held(row) & touched) for row in v2))
    changes = VersionStore(data_dir).read_table("v000002", "changes").to_pylist()
    assert Counter(c["change"] for c in changes if c["program"] == "SDGT") == expected
    print(f"\n2019-01 -> 2021-07: {len(new)} SDGT entries added, {len(gone)} removed, "
          f"{len(touched) - len(new) - len(gone)} changed -> designations {dict(expected)}")

    lists.requests.reset()
    third = run_nightly(settings, now=at("2021-07-08"))
    assert (third.published, third.refused, third.degraded) == (None, None, [])
    assert [(r.path.rsplit("/", 1)[1], r.status, "if-none-match" in r.headers) for r in lists.requests] == [
        (file, 304, True) for file in LIST_FILES]

    fresh, bootstrap, elapsed = csv_bootstrap
    assert bootstrap.published.name == "v000001"
    assert sorted(n for row in designations(fresh) for n in held(row)) == sorted(after)
    print(f"SDGT/FTO list from the full 2021-07 files through run_nightly (fetch, parse, derive, publish): "
          f"{elapsed:.2f} s, {len(designations(fresh))} SDGT designations")


@needs_vintages
def test_a_refused_user_agent_degrades_and_keeps_the_list(lists, data_dir):
    serve(lists, subset("2021-07", {"27318", "27256"}))
    assert run_nightly(list_settings(data_dir, lists), now=at("2021-07-07")).published.name == "v000001"
    before = designations(data_dir)
    lists.requests.reset()

    report = run_nightly(list_settings(data_dir, lists, user_agent="designations/0.1"), now=at("2021-07-08"))
    assert (report.published, report.refused, report.degraded) == (None, None, ["ofac_lists"])
    assert report.sources["ofac_lists"].detail.startswith("DESIGNATIONS_USER_AGENT 'designations/0.1' cannot work")
    assert len(lists.requests) == 0

    lists.require_user_agent = re.compile(r"^Mozilla/\d \(Windows")  # the host's rule changed
    report = run_nightly(list_settings(data_dir, lists), now=at("2021-07-08"))
    assert (report.published, report.refused, report.degraded) == (None, None, ["ofac_lists"])
    assert "HTTP 403" in report.sources["ofac_lists"].detail and "refused our User-Agent" in report.sources[
        "ofac_lists"].detail
    assert designations(data_dir) == before


@needs_vintages
def test_a_vintage_produced_by_a_run_that_died_before_ingest_is_applied_by_the_next(lists, data_dir):
    serve(lists, subset("2021-07", {"27318", "27256"}))
    settings = list_settings(data_dir, lists)
    [lost] = poll_ofac_lists(Run(settings, at("2021-07-07")))  # polled, state written, never ingested
    assert json.loads((data_dir / "ledger" / "ofac_list_state.json").read_text())["vintages"][0]["document_id"] == (
        "sdn-list/2021-07-07")
    report = run_nightly(settings, now=at("2021-07-07"))
    assert report.published.name == "v000001"
    assert sorted(e["event_id"] for e in Ledger(data_dir).read_events()) == sorted(e.event_id for e in lost.events)
    assert [row["name"] for row in designations(data_dir)] == ["HURRAS AL-DIN", "JABARIN, Zaher"]


@needs_vintages
def test_a_vintage_that_would_remove_most_entries_is_not_applied(lists, data_dir):
    serve(lists, subset("2021-07", {"27318", "27256", "27315"}))
    settings = list_settings(data_dir, lists)
    run_nightly(settings, now=at("2021-07-07"))
    serve(lists, subset("2021-07", {"27318"}))
    report = run_nightly(settings, now=at("2021-07-08"))
    assert report.degraded == ["ofac_lists"] and report.published is None
    assert report.sources["ofac_lists"].detail == (
        "SDN list files not applied: 2 of 3 SDGT/FTO entries would be removed at once (more than 10%); check the files")
    assert {row["status"] for row in designations(data_dir)} == {"active"}


def fr_designation(number: str, name: str, on: str) -> Notice:
    """An SDGT designation as our Federal Register parser files it (document number a placeholder)."""
    document = DocumentRef(Source.FEDERAL_REGISTER, number, f"https://www.federalregister.gov/d/{number}", "0" * 64,
                           published_on=date.fromisoformat(on))
    return Notice(document, "sdgt_designation",
                  (Event(Program.SDGT, Action.DESIGNATION, name, document, effective_on=date.fromisoformat(on)),))


@needs_vintages
def test_reconciliation_names_what_each_side_lacks(lists, data_dir):
    serve(lists, subset("2021-07", {"27318", "27256", "27315"}))
    run = Run(list_settings(data_dir, lists), at("2021-07-07"))
    run.ledger.merge([fr_designation("2019-99201", "Hurras al-Din", "2019-09-10"),
                      fr_designation("2021-99202", "Ansarallah", "2021-01-19")])
    poll_ofac_lists(run)
    assert run.report.reconciliation == [
        "2 of the 3 SDGT entries on OFAC's SDN list (sdn-list/2021-07-07) match no SDGT designation from our "
        "Federal Register, State or Treasury documents: JABARIN, Zaher; 'AQIL, Ibrahim",
        "1 active SDGT designations from our Federal Register, State or Treasury documents are not on OFAC's SDN "
        "list (sdn-list/2021-07-07): Ansarallah",
    ]


@needs_vintages
def test_reconciliation_lines_reach_the_run_report(lists, data_dir):
    serve(lists, subset("2021-07", {"27318"}))
    report = run_nightly(list_settings(data_dir, lists), now=at("2021-07-07"))
    assert any("OFAC's SDN list (sdn-list/2021-07-07" in line for line in report.reconciliation)


def serve_recent_actions(site) -> None:
    site.add_file("/recent-actions", PAGES / "recent_actions_index.html")
    site.add_file("/recent-actions?page=1", PAGES / "recent_actions_index_page_2.html")
    for day, name in (("20190920", "mixed_programs_only_sdgt_counts"), ("20190910", "counter_terrorism_designations"),
                      ("20190829", "malformed_entry_reported"), ("20190702", "counter_terrorism_designation_update")):
        site.add_file(f"/recent-actions/{day}", PAGES / f"{name}.html")


def test_recent_actions_designate_on_the_action_date(site, data_dir):
    serve_recent_actions(site)
    settings = mirror_settings(data_dir, ofac=site, sources="ofac_recent_actions")
    report = run_nightly(settings, now=at("2019-09-25"))
    assert (report.published.name, report.degraded) == ("v000001", [])
    # Page 1 of the listing still reaches back into the 30-day window; page 2 (July) goes past it.
    assert [(r.path, r.query) for r in site.requests] == [
        ("/recent-actions", {}), ("/recent-actions", {"page": ["1"]}), ("/recent-actions/20190920", {}),
        ("/recent-actions/20190910", {}), ("/recent-actions/20190829", {})]
    assert {row["name"]: row["designated_on"] for row in designations(data_dir)} == {
        "'AQIL, Ibrahim": date(2019, 9, 10), "BANK MARKAZI JOMHOURI ISLAMI IRAN": date(2019, 9, 20),
        "ETEMAD TEJARATE PARS CO.": date(2019, 9, 20), "HURRAS AL-DIN": date(2019, 9, 10),
        "ISSA, Marwan": date(2019, 9, 10), "NASSER, Fawaz Mahmud Ali": date(2019, 8, 29),
        "NATIONAL DEVELOPMENT FUND OF IRAN": date(2019, 9, 20), "SARUR, Muhammad": date(2019, 8, 29),
        "SHUKR, Fu'ad": date(2019, 9, 10), "WALI, Noor": date(2019, 9, 10)}
    row = next(row for row in designations(data_dir) if row["name"] == "HURRAS AL-DIN")
    assert row["source_documents"] == ["https://ofac.treasury.gov/recent-actions/20190910"]
    assert [(item["document_id"], item["reason"]) for item in report.review] == [
        ("recent-actions/20190829", "2 malformed SDN entries; see notes")]

    site.requests.reset()
    again = run_nightly(settings, now=at("2019-09-26"))
    assert (again.published, again.degraded, [r.path for r in site.requests]) == (
        None, [], ["/recent-actions", "/recent-actions"])


def test_pages_linked_from_treasury_releases_are_fetched_even_when_the_listing_fails(site, data_dir):
    serve_recent_actions(site)
    site.faults.add("^/recent-actions$", "status", times=None, status=503)
    linked = ["https://ofac.treasury.gov/recent-actions/20190702"]  # what a Treasury release's poll offered
    run = Run(mirror_settings(data_dir, ofac=site, sources="ofac_recent_actions"), at("2019-07-03"))
    notices = poll_ofac_recent_actions(run, links=linked)
    assert run.report.degraded == ["ofac_recent_actions"]
    assert "gave up after 4 attempts (HTTP 503)" in run.report.sources["ofac_recent_actions"].detail
    assert [(e.program, e.action, e.name, e.previous_name) for n in notices for e in n.events] == [
        (Program.SDGT, Action.AMENDMENT, "JAYSH AL-ADL", "JUNDALLAH"),
        (Program.FTO, Action.AMENDMENT, "JAYSH AL-ADL", "JUNDALLAH")]
    ingest(run, notices)
    assert [row["name"] for row in designations(data_dir, program="FTO")] == ["JAYSH AL-ADL"]


def test_a_page_that_cannot_be_fetched_degrades_and_is_fetched_next_run(site, data_dir):
    serve_recent_actions(site)
    site.faults.add("^/recent-actions/20190910$", "status", times=4, status=500)
    settings = mirror_settings(data_dir, ofac=site, sources="ofac_recent_actions")
    first = run_nightly(settings, now=at("2019-09-25"))
    assert first.degraded == ["ofac_recent_actions"] and "20190910" in first.sources["ofac_recent_actions"].detail
    assert "HURRAS AL-DIN" not in {row["name"] for row in designations(data_dir)}
    second = run_nightly(settings, now=at("2019-09-26"))
    assert second.degraded == [] and "HURRAS AL-DIN" in {row["name"] for row in designations(data_dir)}


@needs_vintages
def test_an_unreadable_state_file_degrades_and_applies_nothing(lists, data_dir):
    serve(lists, subset("2021-07", {"27318"}))
    settings = list_settings(data_dir, lists)
    run_nightly(settings, now=at("2021-07-07"))
    (data_dir / "ledger" / "ofac_list_state.json").write_text("{")
    serve(lists, subset("2021-07", {"27318", "27256"}))
    report = run_nightly(settings, now=at("2021-07-08"))
    assert (report.degraded, report.published) == (["ofac_lists"], None)
    assert report.sources["ofac_lists"].detail.startswith("unreadable ofac_list_state.json")


# ---------------------------------------------------------------- DESIGNATIONS_OFAC_LIST_FORMAT=xml (SDN.XML)


@needs_vintages
def test_sdn_xml_bootstraps_the_same_sdgt_list_as_the_csv_files(lists, data_dir, csv_bootstrap):
    sdn_xml = write_sdn_xml(parse_sdn_csv_set(*vintage("2021-07").values()))
    lists.add(EXPORTS + "SDN.XML", sdn_xml, content_type="text/xml")
    settings = list_settings(data_dir, lists, ofac_list_format="xml")
    first = run_nightly(settings, now=at("2021-07-07"))
    assert (first.published.name, first.degraded, first.sources["ofac_lists"].documents) == ("v000001", [], 1)
    assert [r.path.rsplit("/", 1)[1] for r in lists.requests] == ["SDN.XML"]
    from_xml = designations(data_dir)
    assert sorted(n for row in from_xml for n in held(row)) == sorted(raw_sdgt("2021-07"))  # 1,709 entries
    assert json.loads((data_dir / "ledger" / "ofac_list_state.json").read_text()) == {"vintages": [
        {"document_id": "sdn-list/2021-07-07", "date": "2021-07-07", "sha256": {"SDN.XML": sha(sdn_xml)}}]}

    from_csv = designations(csv_bootstrap[0])  # the same files as CSV, through run_nightly into a fresh directory
    assert len(from_xml) == len(from_csv) == 1709
    same = ("designation_id", "name", "aliases", "entity_type", "status", "designated_on")
    assert sorted(tuple(row[k] for k in same) for row in from_xml) == sorted(
        tuple(row[k] for k in same) for row in from_csv)

    lists.requests.reset()
    again = run_nightly(settings, now=at("2021-07-08"))
    assert (again.published, again.degraded) == (None, [])
    assert [(r.path.rsplit("/", 1)[1], r.status, "if-none-match" in r.headers) for r in lists.requests] == [
        ("SDN.XML", 304, True)]


def test_the_list_format_setting_takes_csv_or_xml_only(lists, data_dir):
    assert Settings.from_env({}).ofac_list_format == "csv"
    assert Settings.from_env({"DESIGNATIONS_OFAC_LIST_FORMAT": "XML"}).ofac_list_format == "xml"
    with pytest.raises(ValueError, match=r"^DESIGNATIONS_OFAC_LIST_FORMAT='json': must be one of csv, xml$"):
        Settings.from_env({"DESIGNATIONS_OFAC_LIST_FORMAT": "json"})
    with pytest.raises(ValueError, match=r"^DESIGNATIONS_OFAC_LIST_FORMAT='json': must be one of csv, xml$"):
        list_settings(data_dir, lists, ofac_list_format="json")  # built directly, checked the same
    assert len(lists.requests) == 0
