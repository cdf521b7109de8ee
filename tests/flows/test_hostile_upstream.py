"""A hostile Federal Register API and hostile sites: each bad answer costs one document, never the run or the list.

Every case runs the real pipeline against local mirrors; a canary server on another 127.0.0.1 port must receive
nothing, whatever the API says.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from flows.pipeline import run_announcement, run_nightly
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import FR_FIXTURES, cartel_de_los_soles
from tests.mirror.fr_api import MirrorDocument
from tests.mirror.hostile import Canary, HostileFRMirror, gzip_of_zeros

NOW = datetime(2025, 11, 25, 12, tzinfo=timezone.utc)
SINCE = NOW.date().replace(day=1)
HOSTILE = "2025-20760"
FULL_TEXT = f"/documents/full_text/xml/2025/11/24/{HOSTILE}.xml"


def second_notice() -> MirrorDocument:
    """An FTO designation published beside Cartel de los Soles (the semicolon-aliases fixture's text)."""
    meta = dict(cartel_de_los_soles().meta)
    meta.update(document_number=HOSTILE, title="Foreign Terrorist Organization Designation of a second group",
                html_url=f"https://www.federalregister.gov/d/{HOSTILE}",
                full_text_xml_url=f"https://www.federalregister.gov{FULL_TEXT}", start_page=53050, end_page=53050,
                citation="90 FR 53050", toc_doc=None)
    return MirrorDocument(meta, (FR_FIXTURES / "fto_designation_semicolon_aliases.xml").read_bytes())


@pytest.fixture(scope="module")
def canary():
    with Canary() as server:
        yield server


@pytest.fixture(scope="module")
def fr():
    with HostileFRMirror([cartel_de_los_soles(), second_notice()]) as mirror:
        yield mirror


@pytest.fixture
def hostile(fr, canary):
    fr.reset()
    canary.requests.reset()
    yield fr
    assert canary.requests.count() == 0, [r.path for r in canary.requests]


def nightly(data_dir, fr, **overrides):
    settings = mirror_settings(data_dir, fr=fr, sources="federal_register", http_retries=1, **overrides)
    return run_nightly(settings, since=SINCE, now=NOW)


def published_names(report) -> list[str]:
    store = VersionStore(report.published.path.parent.parent)
    return sorted(r["name"] for r in store.read_table(report.published.name, "designations").to_pylist())


def review_ids(report) -> list[str]:
    return [item["document_id"] for item in report.review]


def test_the_honest_mirror_publishes_both_notices(hostile, data_dir):
    report = nightly(data_dir, hostile)
    assert report.degraded == [] and len(published_names(report)) > 1
    assert "Cartel de los Soles" in published_names(report)


def _set(**fields):
    return lambda record: {**record, **fields}


def _drop(name):
    return lambda record: {k: v for k, v in record.items() if k != name}


# A record we cannot read: a review item for that record (under its number when it has a usable one).
MALFORMED = {
    "null document_number": (_set(document_number=None), "malformed"),
    "integer document_number": (_set(document_number=202520760), "malformed"),
    "empty document_number": (_set(document_number=""), "malformed"),
    "path in document_number": (_set(document_number="../../etc/passwd"), "malformed"),
    "list document_number": (_set(document_number=[HOSTILE]), "malformed"),
    "missing publication_date": (_drop("publication_date"), HOSTILE),
    "null publication_date": (_set(publication_date=None), HOSTILE),
    "impossible publication_date": (_set(publication_date="2025-02-30"), HOSTILE),
    "US-style publication_date": (_set(publication_date="11/24/2025"), HOSTILE),
    "integer publication_date": (_set(publication_date=20251124), HOSTILE),
    "integer title": (_set(title=5), HOSTILE),
    "object title": (_set(title={"en": "x"}), HOSTILE),
    "file:// full text": (_set(full_text_xml_url="file:///etc/passwd"), HOSTILE),
    "ftp full text": (_set(full_text_xml_url="ftp://www.federalregister.gov/x.xml"), HOSTILE),
    "javascript full text": (_set(full_text_xml_url="javascript:alert(1)"), HOSTILE),
    "scheme-relative full text": (_set(full_text_xml_url="//127.0.0.1:9/x.xml"), HOSTILE),
    "string start_page": (_set(start_page="53050"), HOSTILE),
    "boolean volume": (_set(volume=True), HOSTILE),
    "string agencies": (_set(agencies="state-department"), HOSTILE),
    "integer docket_ids": (_set(docket_ids=[12869]), HOSTILE),
    "file:// html_url": (_set(html_url="file:///etc/shadow"), HOSTILE),
    "word effective_on": (_set(effective_on="tomorrow"), HOSTILE),
    "a result that is a string": (lambda record: HOSTILE, "malformed"),
    "a result that is null": (lambda record: None, "malformed"),
    "a result that is a list": (lambda record: [record], "malformed"),
}


@pytest.mark.parametrize("rewrite,review_as", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_record_is_a_review_item_and_the_rest_publishes(hostile, data_dir, rewrite, review_as):
    hostile.rewrites[HOSTILE] = rewrite
    report = nightly(data_dir, hostile)
    assert published_names(report) == ["Cartel de los Soles"]
    [review] = report.review
    assert review["document_id"].startswith(review_as) and review["reason"].startswith("parse error: malformed API")
    assert report.degraded == ["federal_register"]


def _off_site(canary_port: int) -> dict[str, str]:
    canary = f"127.0.0.1:{canary_port}"
    return {
        "another local port": f"http://{canary}/x.xml",
        "userinfo trick": f"http://www.federalregister.gov@{canary}/x.xml",
        "userinfo on the base": "http://user:pw@www.federalregister.gov/x.xml",
        "cloud metadata address": "http://169.254.169.254/latest/meta-data/",
        "look-alike suffix host": "https://www.federalregister.gov.evil.example/x.xml",
        "trailing-dot host": "https://www.federalregister.gov./x.xml",
        "IPv6 loopback": f"http://[::1]:{canary_port}/x.xml",
        "backslash trick": f"http://{canary}\\@www.federalregister.gov/x.xml",
        "port on the public host": f"https://www.federalregister.gov:{canary_port}/x.xml",
        "localhost by name": f"http://localhost:{canary_port}/x.xml",
        "decimal IP": f"http://2130706433:{canary_port}/x.xml",
        "unknown host": "https://evil.example/x.xml",
    }


OFF_SITE_CASES = list(_off_site(0))


@pytest.mark.parametrize("case", OFF_SITE_CASES)
def test_an_off_site_full_text_url_is_refused_and_reviewed(hostile, canary, data_dir, case):
    url = _off_site(int(canary.base_url.rsplit(":", 1)[1]))[case]
    hostile.rewrites[HOSTILE] = _set(full_text_xml_url=url)
    report = nightly(data_dir, hostile)
    assert published_names(report) == ["Cartel de los Soles"]
    assert review_ids(report) == [HOSTILE]
    reason = report.review[0]["reason"]
    assert reason.startswith("parse error: ") and ": refused: " in reason
    assert "@" not in reason.split(": refused: ")[0]
    [warning] = [line for line in report.warnings if line.startswith("refused ")]
    assert warning.endswith(reason.rsplit("refused: ", 1)[1])
    assert report.degraded == ["federal_register"]


@pytest.mark.parametrize("target", ["canary", "userinfo", "metadata"])
def test_a_redirect_off_site_is_refused(hostile, canary, data_dir, target):
    location = {"canary": canary.base_url + "/x.xml",
                "userinfo": f"http://www.federalregister.gov@{canary.base_url.removeprefix('http://')}/x.xml",
                "metadata": "http://169.254.169.254/latest/meta-data/"}[target]
    hostile.faults.add(FULL_TEXT, "status", times=None, status=302, headers={"Location": location}, body="")
    report = nightly(data_dir, hostile)
    assert published_names(report) == ["Cartel de los Soles"]
    assert review_ids(report) == [HOSTILE] and "refusing redirect" in report.review[0]["reason"]


def test_announce_document_with_an_off_site_full_text_url(hostile, canary, data_dir):
    hostile.rewrites[HOSTILE] = _set(full_text_xml_url=canary.base_url + "/x.xml")
    settings = mirror_settings(data_dir, fr=hostile, sources="federal_register", http_retries=1)
    report = run_announcement(settings, document=HOSTILE, now=NOW)
    assert review_ids(report) == [HOSTILE] and published_names(report) == []  # a first, empty version


# The answer as a whole is unreadable: the source degrades, the run ends normally, nothing is lost.
BAD_PAGES = {
    "non-numeric count": lambda page: {**page, "count": "many"},
    "negative count": lambda page: {**page, "count": -1},
    "null count": lambda page: {**page, "count": None},
    "results an object": lambda page: {**page, "results": {"a": 1}},
    "results a string": lambda page: {**page, "results": "none"},
    "page a list": lambda page: [page],
    "page a number": lambda page: 42,
}


@pytest.mark.parametrize("rewrite", BAD_PAGES.values(), ids=BAD_PAGES.keys())
def test_a_malformed_search_page_degrades_and_keeps_the_list(hostile, data_dir, rewrite):
    first = nightly(data_dir, hostile)
    hostile.page_rewrite = rewrite
    hostile.requests.reset()
    report = nightly(data_dir, hostile)
    assert (report.published, report.refused, report.degraded) == (None, None, ["federal_register"])
    assert "malformed answer" in report.sources["federal_register"].detail
    assert VersionStore(data_dir).latest_name() == first.published.name


def test_a_search_page_that_is_not_json_degrades(hostile, data_dir):
    hostile.faults.add("documents.json", "status", times=None, status=200, body="<html>maintenance</html>",
                       content_type="text/html")
    report = nightly(data_dir, hostile)
    assert (published_names(report), report.degraded) == ([], ["federal_register"])
    assert "not JSON" in report.sources["federal_register"].detail


def test_a_304_to_a_request_without_validators(hostile, data_dir):
    hostile.faults.add(FULL_TEXT, "status", times=None, status=304, body="")
    report = nightly(data_dir, hostile)
    assert published_names(report) == ["Cartel de los Soles"]
    assert "304 Not Modified to a request that sent no validators" in report.sources["federal_register"].detail


def test_a_304_on_the_first_search_without_validators(hostile, data_dir):
    hostile.faults.add("documents.json", "status", times=None, status=304, body="")
    report = nightly(data_dir, hostile)
    assert (published_names(report), report.degraded) == ([], ["federal_register"])
    assert "304 Not Modified to a request that sent no validators" in report.sources["federal_register"].detail


@pytest.mark.parametrize("case", ["over the ceiling", "gzip bomb", "unasked encoding", "truncated"])
def test_an_oversized_or_broken_full_text_costs_one_document(hostile, data_dir, case):
    body, headers = {
        "over the ceiling": (b"<NOTICE>" + b"x" * (2 * 1024 * 1024) + b"</NOTICE>", {}),
        "gzip bomb": (gzip_of_zeros(64), {"Content-Encoding": "gzip"}),
        "unasked encoding": (b"\x1b\x00", {"Content-Encoding": "br"}),
        "truncated": (b"<NOT", {"Content-Length": "5000"}),
    }[case]
    if case == "truncated":
        hostile.faults.add(FULL_TEXT, "truncate", times=None, fraction=0.1)
    else:
        hostile.faults.add(FULL_TEXT, "status", times=None, status=200, body=body, headers=headers,
                           content_type="application/xml")
    report = nightly(data_dir, hostile, max_body_mb_fr_fulltext=1.0)
    assert published_names(report) == ["Cartel de los Soles"]
    assert report.degraded == ["federal_register"]
    detail = report.sources["federal_register"].detail
    assert f"{HOSTILE} not fetched" in detail
    expected = {"over the ceiling": "body over 1 MB", "gzip bomb": "body over 1 MB",
                "unasked encoding": "Content-Encoding 'br' not accepted", "truncated": "gave up after 2 attempts"}
    assert expected[case] in detail


BAD_INSPECTION = {
    "results a string": {"count": 1, "results": "x"},
    "an entry that is a string": {"count": 1, "results": ["2025-20760"]},
    "an entry without its number": {"count": 1, "results": [{"title": "Designation of a Foreign Terrorist "
                                                             "Organization", "agencies": [{"slug": "state-department"}]}]},
    "not an object": [1, 2],
}


@pytest.mark.parametrize("answer", BAD_INSPECTION.values(), ids=BAD_INSPECTION.keys())
def test_a_malformed_public_inspection_answer_degrades_that_source(hostile, data_dir, answer):
    import json

    hostile.faults.add("public-inspection-documents/current.json", "status", times=None, status=200,
                       body=json.dumps(answer))
    settings = mirror_settings(data_dir, fr=hostile, sources="federal_register,public_inspection", http_retries=1)
    report = run_nightly(settings, since=SINCE, now=NOW)
    assert report.degraded == ["public_inspection"]
    assert "Cartel de los Soles" in published_names(report)
