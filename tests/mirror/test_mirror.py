"""The mirrors themselves behave like the real sources (FORMATS.md §1), faults included."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from lxml import etree

from tests.mirror import FRMirror, MirrorDocument, SiteMirror, backfill_corpus, paging_corpus, public_inspection_entry
from tests.mirror.corpus import TERM

SEARCH = "/api/v1/documents.json"


@pytest.fixture(scope="module")
def big():
    """12,000 matching notices over 2020: more than the API will page through."""
    with FRMirror(paging_corpus(12_000, date(2020, 1, 1), date(2020, 12, 31))) as mirror:
        yield mirror


def _doc(number, day, title, agencies=("state-department",), **kwargs):
    return MirrorDocument.build(number, day, title, agencies, **kwargs)


SMALL = [
    _doc("2025-20750", "2025-11-24", "Foreign Terrorist Organization Designation of Cartel de los Soles",
         start_page=53045, docket_ids=["Public Notice: 12869"], xml="<NOTICE><P>Cartel de los Soles</P></NOTICE>",
         text="exist with respect to: Cartel de los Soles (also known as Cartel of the Suns)."),
    _doc("2025-20001", "2025-11-10", "Notice of OFAC Sanctions Actions",
         ("treasury-department", "foreign-assets-control-office"), abstract="Entries under Executive Order 13224."),
    _doc("2025-19999", "2025-11-10", "Agency Information Collection Activities", ("treasury-department",),
         abstract="Foreign persons; terrorist organization reporting."),
    _doc("2025-18000", "2025-10-01", "Export Administration Regulations", ("commerce-department",),
         abstract="A Foreign Terrorist Organization is mentioned here."),
    _doc("2025-17000", "2025-09-20", "Continuation of the National Emergency", ("executive-office-of-the-president",),
         type="Presidential Document", abstract="Executive Order 13224 national emergency continues."),
]


@pytest.fixture(scope="module")
def small():
    with FRMirror(SMALL) as mirror:
        yield mirror


def _search(mirror, params, **kwargs):
    return requests.get(mirror.api_base + "/documents.json", params=params, timeout=10, **kwargs)


def _numbers(response):
    return [result["document_number"] for result in response.json()["results"]]


# --- paging caps ------------------------------------------------------------------------------------

def test_count_and_total_pages_are_capped(big):
    body = _search(big, [("order", "newest")]).json()
    assert body["count"] == 10_000
    assert body["total_pages"] == 50
    assert len(body["results"]) == 20


def test_page_51_serves_page_1_again(big):
    params = [("order", "newest"), ("per_page", "100")]
    first = _search(big, params + [("page", "1")])
    assert _numbers(_search(big, params + [("page", "51")])) == _numbers(first)
    assert _numbers(_search(big, params + [("page", "0")])) == _numbers(first)
    assert _numbers(_search(big, params + [("page", "2")])) != _numbers(first)


def test_page_times_per_page_over_10000_serves_page_1(big):
    params = [("order", "oldest"), ("per_page", "1000")]
    first = _numbers(_search(big, params + [("page", "1")]))
    assert _numbers(_search(big, params + [("page", "10")])) != first
    assert _numbers(_search(big, params + [("page", "11")])) == first
    body = _search(big, [("order", "oldest"), ("per_page", "300"), ("page", "33")]).json()
    assert body["total_pages"] == 34 and "page=34" in body["next_page_url"]
    assert _numbers(_search(big, [("order", "oldest"), ("per_page", "300"), ("page", "34")]))[:3] == first[:3]


@pytest.mark.parametrize("per_page", ["1", "2001", "abc", "0"])
def test_per_page_outside_range_becomes_20(big, per_page):
    assert len(_search(big, [("per_page", per_page)]).json()["results"]) == 20


def test_per_page_bounds_accepted(big):
    assert len(_search(big, [("per_page", "2")]).json()["results"]) == 2
    assert len(_search(big, [("per_page", "2000")]).json()["results"]) == 2000


def test_next_and_previous_page_urls_are_absolute_on_the_real_host(big):
    body = _search(big, [("conditions[agencies][]", "state-department"), ("per_page", "500"), ("page", "2")]).json()
    next_url = urlsplit(body["next_page_url"])
    assert (next_url.scheme, next_url.netloc, next_url.path) == ("https", "www.federalregister.gov", SEARCH)
    query = parse_qs(next_url.query)
    assert query["page"] == ["3"] and query["conditions[agencies][]"] == ["state-department"]
    assert parse_qs(urlsplit(body["previous_page_url"]).query)["page"] == ["1"]
    last = _search(big, [("conditions[agencies][]", "state-department"), ("per_page", "500"), ("page", "16")]).json()
    assert last["count"] == 8_000 and last["total_pages"] == 16 and "next_page_url" not in last
    assert len(last["results"]) == 500


def test_windowed_paging_reaches_every_document(big):
    seen = []
    for window in (("2020-01-01", "2020-06-30"), ("2020-07-01", "2020-12-31")):
        params = [("conditions[publication_date][gte]", window[0]), ("conditions[publication_date][lte]", window[1]),
                  ("order", "newest"), ("per_page", "2000"), ("fields[]", "document_number")]
        body = _search(big, params + [("page", "1")]).json()
        assert body["count"] < 10_000
        for page in range(1, body["total_pages"] + 1):
            seen += _numbers(_search(big, params + [("page", str(page))]))
    assert len(seen) == len(set(seen)) == 12_000


def test_metadata_only_and_zero_hits(big):
    assert set(_search(big, [("metadata_only", "1")]).json()) == {"count", "description"}
    empty = _search(big, [("conditions[publication_date][year]", "2019")]).json()
    assert set(empty) == {"count", "description"} and empty["count"] == 0


# --- fields, order, conditions --------------------------------------------------------------------

def test_unknown_field_is_400(small):
    response = _search(small, [("fields[]", "title"), ("fields[]", "bogus")])
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["fields"] and "bogus" in response.json()["errors"]["fields"][0]


def test_only_requested_fields_else_default_set(small):
    results = _search(small, [("fields[]", "document_number"), ("fields[]", "citation")]).json()["results"]
    assert all(set(result) == {"document_number", "citation"} for result in results)
    default = _search(small, []).json()["results"][0]
    assert set(default) == {"title", "type", "abstract", "document_number", "html_url", "pdf_url",
                            "public_inspection_pdf_url", "publication_date", "agencies", "excerpts"}


def test_order_newest_and_default_relevance(small, big):
    newest = _search(small, [("order", "newest")]).json()["results"]
    keys = [(r["publication_date"], r["document_number"]) for r in newest]
    assert keys == sorted(keys, reverse=True)
    oldest = [r["document_number"] for r in _search(small, [("order", "oldest")]).json()["results"]]
    assert oldest == [r["document_number"] for r in reversed(newest)]
    relevance = [r["publication_date"] for r in _search(big, [("per_page", "100")]).json()["results"]]
    assert relevance != sorted(relevance) and relevance != sorted(relevance, reverse=True)


def test_agencies_are_ored(small):
    params = [("conditions[agencies][]", "state-department"),
              ("conditions[agencies][]", "foreign-assets-control-office"), ("order", "newest")]
    assert _numbers(_search(small, params)) == ["2025-20750", "2025-20001"]
    treasury = _numbers(_search(small, [("conditions[agencies][]", "treasury-department"), ("order", "newest")]))
    assert treasury == ["2025-20001", "2025-19999"]


def test_term_phrases_or_and_not(small):
    def term(value):
        return set(_numbers(_search(small, [("conditions[term]", value)])))
    assert term('"Foreign Terrorist Organization"') == {"2025-20750", "2025-18000"}
    assert term(TERM) == {"2025-20750", "2025-18000", "2025-20001", "2025-17000"}
    assert term("foreign terrorist organization") == {"2025-20750", "2025-18000", "2025-19999"}
    assert term('"foreign terrorist organization" -export') == {"2025-20750"}
    assert term("cartel | regulations") == {"2025-20750", "2025-18000"}
    assert term("(cartel | regulations) suns") == {"2025-20750"}


def test_type_and_date_conditions(small):
    def numbers(params):
        return set(_numbers(_search(small, params)))
    assert numbers([("conditions[type][]", "PRESDOCU")]) == {"2025-17000"}
    assert "2025-17000" not in numbers([("conditions[type][]", "NOTICE")])
    assert numbers([("conditions[publication_date][is]", "2025-11-10")]) == {"2025-20001", "2025-19999"}
    assert numbers([("conditions[publication_date][gte]", "2025-10-01"),
                    ("conditions[publication_date][lte]", "11/10/2025")]) == {"2025-20001", "2025-19999", "2025-18000"}
    assert len(numbers([("conditions[publication_date][year]", "2025")])) == 5


@pytest.mark.parametrize("params", [
    [("conditions[bogus]", "x")],
    [("conditions[agencies][]", "no-such-agency")],
    [("conditions[type][]", "MEMO")],
    [("conditions[publication_date][gte]", "2025-13-45")],
])
def test_invalid_conditions_are_400(small, params):
    response = _search(small, params)
    assert response.status_code == 400 and "errors" in response.json()


def test_daily_facets(small):
    body = requests.get(small.api_base + "/documents/facets/daily",
                        params=[("conditions[agencies][]", "treasury-department")], timeout=10).json()
    assert {day: entry["count"] for day, entry in body.items()} == {"2025-11-10": 2}


# --- single and multiple documents, full text ---------------------------------------------------------

def test_document_and_404(small):
    document = requests.get(small.api_base + "/documents/2025-20750.json", timeout=10).json()
    assert document["citation"] == "90 FR 53045" and document["docket_ids"] == ["Public Notice: 12869"]
    assert document["full_text_xml_url"].startswith("https://www.federalregister.gov/documents/full_text/xml/")
    missing = requests.get(small.api_base + "/documents/2099-00001.json", timeout=10)
    assert missing.status_code == 404 and missing.json() == {"status": 404, "message": "Record Not Found"}
    fields = requests.get(small.api_base + "/documents/2025-20750.json", params={"fields[]": "title"}, timeout=10)
    assert fields.json() == {"title": "Foreign Terrorist Organization Designation of Cartel de los Soles"}


def test_several_documents_with_not_found(small):
    body = requests.get(small.api_base + "/documents/2025-20750,2099-00001,2025-20001.json",
                        params=[("fields[]", "document_number")], timeout=10).json()
    assert body["count"] == 2
    assert body["results"] == [{"document_number": "2025-20750"}, {"document_number": "2025-20001"}]
    assert body["errors"] == {"not_found": ["2099-00001"]}


def test_full_text_xml(small):
    response = requests.get(small.base_url + "/documents/full_text/xml/2025/11/24/2025-20750.xml", timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/xml"
    assert response.content.startswith(b"<NOTICE>")
    assert requests.get(small.base_url + "/documents/full_text/xml/2025/11/10/2025-20001.xml",
                        timeout=10).status_code == 404


def test_etag_and_if_none_match(small):
    url = small.api_base + "/documents/2025-20750.json"
    first = requests.get(url, timeout=10)
    etag = first.headers["ETag"]
    again = requests.get(url, headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == etag
    assert requests.get(url, headers={"If-None-Match": '"other"'}, timeout=10).status_code == 200


# --- public inspection -------------------------------------------------------------------------------

def test_public_inspection_current_and_available_on():
    entry = public_inspection_entry(SMALL[0], "2025-11-21T08:45:00.000-05:00")
    other = public_inspection_entry(SMALL[1], "2025-11-07T08:45:00.000-05:00")
    with FRMirror(public_inspection=[entry]) as mirror:
        current = requests.get(mirror.api_base + "/public-inspection-documents/current.json", timeout=10).json()
        assert current["count"] == 1 and current["results"][0]["document_number"] == "2025-20750"
        assert current["results"][0]["publication_date"] == "2025-11-24"
        mirror.public_inspection = [entry, other]
        day = requests.get(mirror.api_base + "/public-inspection-documents.json", timeout=10, params=[
            ("conditions[available_on]", "2025-11-21"), ("conditions[agencies][]", "commerce-department"),
        ]).json()
        assert [result["document_number"] for result in day["results"]] == ["2025-20750"]


# --- faults and the request log --------------------------------------------------------------------

def test_status_and_rate_limit_faults(small):
    small.faults.add(r"/documents/2025-20750", "status", status=503, body="down")
    small.faults.add(r"/documents/2025-20750", "rate_limit", retry_after=0)
    url = small.api_base + "/documents/2025-20750.json"
    failed = requests.get(url, timeout=10)
    assert (failed.status_code, failed.text) == (503, "down")
    limited = requests.get(url, timeout=10)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "0"
    assert requests.get(url, timeout=10).status_code == 200


def test_fault_times_and_clear(small):
    small.faults.add(r"2025-20001", "status", times=2, status=500)
    url = small.api_base + "/documents/2025-20001.json"
    assert [requests.get(url, timeout=10).status_code for _ in range(3)] == [500, 500, 200]
    small.faults.add(r"2025-20001", "status", times=None, status=502)
    assert requests.get(url, timeout=10).status_code == 502
    small.faults.clear()
    assert requests.get(url, timeout=10).status_code == 200


def test_delay_fault_times_out_client(small):
    small.faults.add(r"documents\.json", "delay", seconds=0.5)
    with pytest.raises(requests.Timeout):
        requests.get(small.api_base + "/documents.json", timeout=0.1)
    assert _search(small, []).status_code == 200


def test_truncate_and_reset_faults(small):
    url = small.api_base + "/documents/2025-20750.json"
    small.faults.add(r"2025-20750", "truncate")
    with pytest.raises((requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError)):
        requests.get(url, timeout=10)
    small.faults.add(r"2025-20750", "reset")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url, timeout=10)
    assert requests.get(url, timeout=10).status_code == 200


def test_request_log(small):
    small.requests.reset()
    requests.get(small.api_base + "/documents/2025-20750.json", params={"fields[]": "title"}, timeout=10)
    _search(small, [("conditions[agencies][]", "state-department")])
    assert small.requests.count() == 2 and small.requests.count("/api/v1/documents.json") == 1
    record = small.requests[0]
    assert (record.method, record.path, record.query, record.status) == (
        "GET", "/api/v1/documents/2025-20750.json", {"fields[]": ["title"]}, 200)
    small.requests.reset()
    assert len(small.requests) == 0


# --- site mirror --------------------------------------------------------------------------------------

def test_site_mirror_routes_redirects_and_files(tmp_path):
    page = tmp_path / "sdn.csv"
    page.write_text('36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"\n')
    with SiteMirror(require_user_agent=None) as site:
        site.add("/press-releases/", "<html>list</html>")
        site.add("/press-releases/page/2/?utm=x", "<html>tracked</html>")
        site.add_file("/api/PublicationPreview/exports/sdn.csv", page)
        site.redirect("/changes/latest", site.base_url + "/press-releases/")
        assert requests.get(site.base_url + "/press-releases", timeout=10).text == "<html>list</html>"
        assert requests.get(site.base_url + "/press-releases/?page=9", timeout=10).text == "<html>list</html>"
        assert requests.get(site.base_url + "/press-releases/page/2/?utm=x", timeout=10).text == "<html>tracked</html>"
        assert requests.get(site.base_url + "/press-releases/page/2/", timeout=10).status_code == 404
        csv = requests.get(site.base_url + "/api/PublicationPreview/exports/sdn.csv", timeout=10)
        assert csv.headers["Content-Type"].startswith("text/csv") and csv.text.startswith("36,")
        followed = requests.get(site.base_url + "/changes/latest", timeout=10)
        assert followed.history[0].status_code == 302 and followed.text == "<html>list</html>"
        site.faults.add(r"^/press-releases", "status", status=403)
        assert requests.get(site.base_url + "/press-releases/", timeout=10).status_code == 403
        assert site.requests.count("/press-releases") == 6


def test_site_mirror_conditional_requests_and_no_etags():
    with SiteMirror(etags=False) as site:
        stamp = "Mon, 24 Nov 2025 08:45:00 GMT"
        site.add("/recent-actions/20251124", "<html>actions</html>", headers={"Last-Modified": stamp})
        url = site.base_url + "/recent-actions/20251124"
        first = requests.get(url, timeout=10)
        assert "ETag" not in first.headers and first.headers["Last-Modified"] == stamp
        assert requests.get(url, headers={"If-Modified-Since": stamp}, timeout=10).status_code == 304
        assert requests.head(url, timeout=10).headers["Content-Length"] == str(len(first.content))


def test_site_mirror_user_agent_gate():
    with SiteMirror(require_user_agent=r"^Mozilla/\d.{32,}") as site:
        site.add("/api/PublicationPreview/exports/SDN.XML", "<sdnList/>", content_type="application/xml")
        url = site.base_url + "/api/PublicationPreview/exports/SDN.XML"
        assert requests.get(url, timeout=10).status_code == 403
        agent = "Mozilla/5.0 (X11; Linux x86_64) designations-test/1.0"
        assert requests.get(url, headers={"User-Agent": agent}, timeout=10).status_code == 200


# --- corpora ----------------------------------------------------------------------------------------

def test_backfill_corpus_is_deterministic_and_matches_exactly_its_truth():
    corpus = backfill_corpus(total=2_000, designations=60, start=date(2023, 1, 1), end=date(2025, 6, 30))
    again = backfill_corpus(total=2_000, designations=60, start=date(2023, 1, 1), end=date(2025, 6, 30))
    assert [d.meta for d in corpus.documents] == [d.meta for d in again.documents]
    assert corpus.expected == again.expected
    assert len(corpus.documents) == 2_000 and len(corpus.expected) == 60 and len(corpus.near_misses) == 100
    with FRMirror(corpus.documents) as mirror:
        hits = _search(mirror, [("conditions[term]", TERM), ("per_page", "2000"), ("fields[]", "document_number")])
        expected = {event.document_number for event in corpus.expected} | set(corpus.near_misses)
        assert set(_numbers(hits)) == expected


def test_backfill_designation_xml_has_the_gpo_shape():
    corpus = backfill_corpus(total=400, designations=40, start=date(2024, 1, 1), end=date(2025, 6, 30), seed=3)
    actions = {event.action for event in corpus.expected}
    assert "designation" in actions
    for event in corpus.expected:
        document = corpus.document(event.document_number)
        assert document.meta["citation"] == event.citation and document.meta["title"]
        root = etree.fromstring(document.xml)
        assert root.tag == "NOTICE" and root.findtext("PREAMB/AGENCY") == "DEPARTMENT OF STATE"
        # real DEPDOC lines print "[Public Notice: 12869]" and "[Public Notice 8993]"
        assert root.findtext("PREAMB/DEPDOC").replace(":", "") == f"[{event.public_notice}]".replace(":", "")
        assert root.find(".//PRTPAGE") is not None
        assert root.findtext("FRDOC").startswith(f"[FR Doc. {event.document_number} Filed ")
        # PRTPAGE may split a word and names may print curly apostrophes (the grammar's noise and quotes slots)
        text = " ".join("".join(root.itertext()).replace("\u2019", "'").split())
        assert event.name in text and all(alias in text for alias in event.aliases)
        assert f"Dated: {event.signed_on:%B} {event.signed_on.day}, {event.signed_on.year}" in text
