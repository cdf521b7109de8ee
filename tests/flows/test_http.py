"""The polite HTTP client against a real local server: retries, Retry-After, timeouts, truncation, 304s."""
from __future__ import annotations

import time

import pytest

from flows.http import FetchError, HttpClient
from storage.raw import RawArchive
from tests.conftest import mirror_settings
from tests.mirror.sites import SiteMirror

PAGE = "/releases/office-of-the-spokesperson/2025/11/example/"


@pytest.fixture
def site():
    with SiteMirror() as mirror:
        mirror.add(PAGE, "<html><body>release</body></html>", headers={"Cache-Control": "max-age=60"})
        yield mirror


@pytest.fixture
def client(site, data_dir):
    return HttpClient(mirror_settings(data_dir, state=site), RawArchive(data_dir))


def get(client):
    return client.get("https://www.state.gov" + PAGE, bucket="site")


def test_public_url_is_fetched_from_the_configured_base(client, site):
    fetched = get(client)
    assert fetched.body == b"<html><body>release</body></html>"
    assert fetched.url == site.base_url + PAGE
    assert site.requests[-1].headers["user-agent"].startswith("Mozilla/5.0 (compatible; designations/")


def test_server_errors_are_retried_then_succeed(client, site):
    site.faults.add("example", "status", times=2, status=503)
    assert get(client).status == 200
    assert site.requests.count() == 3


@pytest.mark.parametrize("kind,options", [("delay", {"seconds": 3}), ("truncate", {}), ("reset", {})])
def test_transport_failures_are_retried(client, site, kind, options):
    site.faults.add("example", kind, times=1, **options)
    assert get(client).body.endswith(b"</html>")


def test_retry_after_is_honoured(client, site):
    site.faults.add("example", "rate_limit", times=1, retry_after=1)
    started = time.monotonic()
    assert get(client).status == 200
    assert time.monotonic() - started >= 1.0


def test_persistent_failure_gives_up_with_a_clear_error(client, site):
    site.faults.add("example", "status", times=None, status=500)
    with pytest.raises(FetchError, match="gave up after 4 attempts \\(HTTP 500\\)"):
        get(client)
    assert site.requests.count() == 4


def test_not_found_is_not_retried(client, site):
    with pytest.raises(FetchError) as error:
        client.get("https://www.state.gov/nothing-here/", bucket="site")
    assert error.value.status == 404
    assert site.requests.count() == 1


def test_conditional_request_reuses_the_archived_body(client, site, data_dir):
    first = client.get("https://www.state.gov" + PAGE, bucket="site", conditional=True)
    second = client.get("https://www.state.gov" + PAGE, bucket="site", conditional=True)
    assert (first.status, second.status, second.not_modified) == (200, 304, True)
    assert second.body == first.body and second.sha256 == first.sha256
    log = list(RawArchive(data_dir).read_log())
    assert [r["status"] for r in log] == [200, 304]
    assert RawArchive(data_dir).read_payload(first.sha256) == first.body


def test_redirect_off_the_source_sites_is_refused(client, site):
    site.redirect("/go-away/", "https://example.com/elsewhere")
    with pytest.raises(FetchError, match="refusing redirect"):
        client.get("https://www.state.gov/go-away/", bucket="site")


def test_redirect_within_the_site_is_followed(client, site):
    site.redirect("/old/", "https://www.state.gov" + PAGE)
    assert client.get("https://www.state.gov/old/", bucket="site").body.endswith(b"</html>")


def test_rate_limit_spaces_requests(site, data_dir):
    client = HttpClient(mirror_settings(data_dir, state=site, site_rps=10.0), None)
    started = time.monotonic()
    for _ in range(6):
        get(client)
    assert time.monotonic() - started >= 0.5
