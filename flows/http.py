"""A polite HTTP client: rate limits, retries with backoff, conditional requests, rebasing, archiving."""
from __future__ import annotations

import email.utils
import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

import requests
import urllib3.exceptions

from flows.body import ACCEPT_ENCODING, BodyRefused, DeadlineExceeded, TruncatedBody, read_body
from flows.config import Settings
from flows.deadline import DeadlineAdapter, deadline
from flows.url_policy import is_public_url, origin, refusal
from storage.raw import RawArchive

RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0
MAX_REDIRECTS = 5
QUICK_RETRY_DELAY = 0.05  # a name that does not resolve gets one retry after this; a refused connection none
ERROR_BODY_CEILING = 1024 * 1024


class FetchError(RuntimeError):
    """A URL that could not be fetched after every retry (or must not be fetched at all)."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status

    def __str__(self) -> str:
        host = urlsplit(self.url).netloc.rpartition("@")[2]  # never print user information (credentials)
        return f"{host or self.url}: {self.reason}"  # URLs with queries run to kilobytes


class HostDown(FetchError):
    """A host that cannot be reached at all (refused, unknown name, connect timeout): skipped for the rest of the run."""


class RefusedURL(FetchError):
    """A URL off the configured bases: never requested."""


class RateLimiter:
    """At most `rate` starts per second, shared by threads."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        """Block until the next request may start."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)

    def refund(self) -> None:
        """Give back the last slot: a request that reached no server cost that server nothing."""
        with self._lock:
            self._next = max(time.monotonic(), self._next - self.interval)


@dataclass
class Fetched:
    """One response body, archived, with where it came from."""

    url: str
    status: int
    body: bytes
    sha256: str
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Counter:
    """Requests sent per rate bucket, for reports and benchmarks."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, bucket: str) -> None:
        with self.lock:
            self.counts[bucket] = self.counts.get(bucket, 0) + 1


class HttpClient:
    """Every request the pipeline makes goes through here."""

    def __init__(self, settings: Settings, archive: RawArchive | None):
        self.settings = settings
        self.archive = archive
        self.session = requests.Session()
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers["Accept-Encoding"] = ACCEPT_ENCODING
        self.session.trust_env = False  # no proxy or netrc from the environment: requests go where we check
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, DeadlineAdapter())
        self.limiters = {
            "fr_api": RateLimiter(settings.fr_api_rps),
            "fr_fulltext": RateLimiter(settings.fr_fulltext_rps),
            "site": RateLimiter(settings.site_rps),
        }
        self.sent = Counter()
        self.answered = 0  # HTTP responses received, of any status
        self.down: dict[str, str] = {}  # netloc -> why it could not be reached, for the rest of this run
        self._hosts = settings.public_hosts()
        self._bases = settings.bases()
        self.warnings: list[str] = []  # what went wrong but was handled: refusals, archive mismatches

    def rebase(self, url: str) -> str:
        """Point a public URL of one of our sources at its configured base (mirror or proxy)."""
        if not is_public_url(url, set(self._hosts)):
            return url
        parts = urlsplit(url)
        base = self._hosts[parts.hostname]
        target = urlsplit(base)
        path = target.path.rstrip("/") + parts.path
        return urlunsplit((target.scheme, target.netloc, path, parts.query, ""))

    def is_public_source_url(self, url: str) -> bool:
        """Whether a URL is on one of our sources' public hosts (what `announce --url` accepts)."""
        return is_public_url(url, set(self._hosts))

    def allowed(self, url: str) -> bool:
        """Only our sources' public hosts (rebased) and the configured bases are ever fetched."""
        return refusal(self.rebase(url), self._bases) is None

    def check(self, url: str) -> None:
        """Raise RefusedURL (logged, and kept in warnings) unless the URL is on a configured base."""
        reason = refusal(url, self._bases)
        if reason is not None:
            self._log(url, None, error=f"refused: {reason}")
            self.warnings.append(f"refused {url}: {reason}")
            raise RefusedURL(url, f"refused: {reason}")

    def kind(self, url: str, bucket: str) -> str:
        """The kind of response, for its size ceiling: the bucket, or ofac_lists for the list service."""
        if bucket == "site" and origin(url) == origin(self.settings.ofac_list_base):
            return "ofac_lists"
        return bucket

    def get(self, url: str, *, bucket: str = "fr_api", params=None, conditional: bool = False) -> Fetched:
        """GET with the bucket's rate limit, retries, optional conditional headers; archive the body."""
        url = self.rebase(url)
        for _ in range(MAX_REDIRECTS + 1):
            try:
                full_url = requests.Request("GET", url, params=params).prepare().url
            except (requests.RequestException, ValueError) as error:
                self.check(url)  # an unreadable URL is refused like any other off-base one
                raise FetchError(url, f"bad URL: {error}") from None
            self.check(full_url)
            response, body, validated = self._send(full_url, bucket, conditional)
            if response.status_code in (301, 302, 303, 307, 308):
                url, params = self._redirect_target(full_url, response), None
                continue
            return self._finish(full_url, response, body, validated, bucket)
        raise FetchError(url, "too many redirects")

    def _redirect_target(self, url: str, response: requests.Response) -> str:
        location = requests.compat.urljoin(url, response.headers.get("Location", ""))
        target = self.rebase(location)
        try:
            self.check(target)
        except RefusedURL as error:
            raise RefusedURL(url, f"refusing redirect to {location}: {error.reason.removeprefix('refused: ')}") from None
        return target

    def _send(self, url: str, bucket: str, conditional: bool) -> tuple[requests.Response, bytes, bool]:
        """(response, body, whether validators were sent); a body only for 200s."""
        host = urlsplit(url).netloc
        if host in self.down:
            raise HostDown(url, f"not tried: host down earlier in this run ({self.down[host]})")
        headers = self._validators(url) if conditional else {}
        last_error = "no attempt"
        unreachable_attempts = 0
        for attempt in range(self.settings.http_retries + 1):
            self.limiters[bucket].wait()
            self.sent.add(bucket)
            try:
                response, body = self._attempt(url, headers, bucket)
            except (DeadlineExceeded, BodyRefused) as error:  # the server's doing: asking again costs as much
                self._log(url, None, error=f"{type(error).__name__}: {error}")
                limit = f" ({self.settings.http_deadline:g} s)" if isinstance(error, DeadlineExceeded) else ""
                raise FetchError(url, f"{error}{limit}") from None
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError, TruncatedBody) as error:
                last_error = describe_failure(error)
                self._log(url, None, error=f"{type(error).__name__}: {error}")
                if unreachable(error):
                    self.limiters[bucket].refund()
                    unreachable_attempts += 1
                    if unreachable_attempts < 2 and last_error == "name does not resolve":  # resolvers hiccup
                        time.sleep(QUICK_RETRY_DELAY)
                        continue
                    self.down[host] = f"{last_error}, {attempt + 1} attempt{'s' if attempt else ''}"
                    raise HostDown(url, self.down[host]) from None
                self._sleep(attempt, None)
                continue
            if response.status_code in RETRY_STATUSES:
                last_error = f"HTTP {response.status_code}"
                self._log(url, response.status_code, error=last_error)
                if attempt < self.settings.http_retries:
                    self._sleep(attempt, response.headers.get("Retry-After"))
                continue
            return response, body, bool(headers)
        raise FetchError(url, f"gave up after {self.settings.http_retries + 1} attempts ({last_error})")

    def _attempt(self, url: str, headers: dict[str, str], bucket: str) -> tuple[requests.Response, bytes]:
        """One request under the total deadline; the body read as a bounded stream."""
        deadline_at = time.monotonic() + self.settings.http_deadline
        timeout = min(self.settings.http_timeout, self.settings.http_deadline)
        with deadline(self.settings.http_deadline):  # a server trickling its headers is cut off too
            try:
                response = self.session.get(url, headers=headers, timeout=timeout, allow_redirects=False,
                                            stream=True)
                self.answered += 1
            except requests.RequestException:
                if time.monotonic() >= deadline_at:
                    raise DeadlineExceeded("deadline passed before the headers were complete") from None
                raise
            try:
                if response.status_code != 200:
                    _drain(response, deadline_at, timeout)
                    return response, b""
                return response, read_body(response, self.settings.body_ceiling(self.kind(url, bucket)),
                                           deadline_at, timeout)
            finally:
                response.close()

    def _finish(self, url: str, response: requests.Response, body: bytes, validated: bool, bucket: str) -> Fetched:
        headers = dict(response.headers)
        if response.status_code == 304:
            if not validated or self.archive is None:
                self._log(url, 304, error="304 to a request without validators")
                raise FetchError(url, "304 Not Modified to a request that sent no validators", 304)
            record = self.archive.last_fetch(url)
            body = self.archive.read_verified(record["sha256"])
            if body is None:  # our archived copy is gone or altered: ask for the body itself
                self.warnings.append(f"archived body of {url} ({record['sha256'][:12]}…) is gone or failed its sha256 "
                                     "check: fetched again")
                self._log(url, 304, error="archived body gone or failed its sha256 check", sha256=record["sha256"])
                response, body, _ = self._send(url, bucket, conditional=False)
                return self._finish(url, response, body, False, bucket)
            self._log(url, 304, sha256=record["sha256"])
            return Fetched(url, 304, body, record["sha256"], not_modified=True, headers=headers)
        if response.status_code != 200:
            self._log(url, response.status_code, error=f"HTTP {response.status_code}")
            raise FetchError(url, f"HTTP {response.status_code}", response.status_code)
        sha = self.archive.write_payload(body) if self.archive is not None else _sha(body)
        self._log(url, 200, sha256=sha, etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"),
                  bytes=len(body))
        return Fetched(url, 200, body, sha, headers=headers)

    def _validators(self, url: str) -> dict[str, str]:
        record = self.archive.last_fetch(url) if self.archive is not None else None
        if record and not self.archive.may_hold(record["sha256"]):
            record = None  # our copy is gone: ask for the body again
        headers = {}
        if record and record.get("etag"):
            headers["If-None-Match"] = record["etag"]
        if record and record.get("last_modified"):
            headers["If-Modified-Since"] = record["last_modified"]
        return headers

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        if attempt >= self.settings.http_retries:
            return
        delay = _retry_after_seconds(retry_after)
        if delay is None:
            delay = self.settings.http_backoff * (2 ** attempt) * (1 + random.random() / 4)
        time.sleep(min(delay, MAX_RETRY_AFTER))

    def _log(self, url: str, status: int | None, **extra) -> None:
        if self.archive is not None:
            fetched_at = datetime.now(timezone.utc).isoformat()
            self.archive.append_log({"url": url, "status": status, "fetched_at": fetched_at, **extra})


def unreachable(error: Exception) -> bool:
    """Whether a transport failure means the host cannot be reached at all (not worth a backoff)."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    cause = error.args[0] if isinstance(error, requests.ConnectionError) and error.args else None
    return isinstance(getattr(cause, "reason", cause), urllib3.exceptions.NewConnectionError)


def describe_failure(error: Exception) -> str:
    """A transport failure in a few words, for one-line reports."""
    cause = error.args[0] if error.args else None
    reason = getattr(cause, "reason", cause)
    if isinstance(reason, urllib3.exceptions.NameResolutionError):
        return "name does not resolve"
    if isinstance(error, requests.ConnectTimeout):
        return "connection timed out"
    if isinstance(reason, urllib3.exceptions.NewConnectionError):
        return "connection refused" if "refused" in str(reason).lower() else "cannot connect"
    if isinstance(error, requests.Timeout):
        return "timed out"
    if isinstance(error, TruncatedBody):
        return f"truncated body ({error})"
    if isinstance(error, requests.exceptions.ContentDecodingError):
        return "undecodable body"
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return "connection broken mid-body"
    return "connection reset" if "reset" in str(error).lower() or "aborted" in str(error).lower() else "connection failed"


def _drain(response: requests.Response, deadline_at: float, timeout: float) -> None:
    """Read a small error body so the connection can be reused; a large or slow one just closes it."""
    try:
        read_body(response, ERROR_BODY_CEILING, deadline_at, timeout)
    except (OSError, requests.RequestException):
        pass


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
