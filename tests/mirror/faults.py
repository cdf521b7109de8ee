"""Shared machinery of the local mirrors: a threaded HTTP server with a request log and fault injection."""
from __future__ import annotations

import hashlib
import json
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

FAULT_KINDS = ("status", "rate_limit", "delay", "truncate", "reset")
_FAULT_OPTIONS = {
    "status": {"status", "body", "content_type", "headers"},
    "rate_limit": {"retry_after", "status", "body"},
    "delay": {"seconds"},
    "truncate": {"fraction"},
    "reset": set(),
}


@dataclass
class Response:
    """One HTTP answer: status, content type, body and extra headers."""

    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Response:
        """A JSON answer."""
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return cls(status, "application/json; charset=utf-8", body)


@dataclass(frozen=True)
class Request:
    """What a client asked: method, decoded path, query as lists, raw target and headers."""

    method: str
    path: str
    query: dict[str, list[str]]
    pairs: list[tuple[str, str]]
    target: str
    headers: dict[str, str]

    def first(self, key: str, default: str | None = None) -> str | None:
        """The first value of a query parameter."""
        values = self.query.get(key)
        return values[0] if values else default


@dataclass(frozen=True)
class RequestRecord:
    """One served request as the log keeps it (time is time.monotonic(); status 0 = connection reset)."""

    method: str
    path: str
    query: dict[str, list[str]]
    status: int
    time: float
    headers: dict[str, str]
    fault: str | None = None


class RequestLog:
    """Thread-safe, list-like log of the requests a mirror served."""

    def __init__(self) -> None:
        self._records: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, record: RequestRecord) -> None:
        """Add one record."""
        with self._lock:
            self._records.append(record)

    def count(self, path_prefix: str | None = None) -> int:
        """How many requests were served, optionally only those whose path starts with path_prefix."""
        with self._lock:
            if path_prefix is None:
                return len(self._records)
            return sum(1 for record in self._records if record.path.startswith(path_prefix))

    def matching(self, path_prefix: str) -> list[RequestRecord]:
        """The records whose path starts with path_prefix."""
        with self._lock:
            return [record for record in self._records if record.path.startswith(path_prefix)]

    def reset(self) -> None:
        """Forget every record."""
        with self._lock:
            self._records.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def __iter__(self) -> Iterator[RequestRecord]:
        with self._lock:
            return iter(list(self._records))

    def __getitem__(self, index):
        with self._lock:
            return self._records[index]


@dataclass
class Fault:
    """One armed fault: where it applies, what it does, how many more times (None = forever)."""

    pattern: re.Pattern
    kind: str
    times: int | None
    options: dict[str, Any]
    fired: int = 0


class Faults:
    """Thread-safe set of faults; each matching request consumes the first armed fault."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, path_regex: str, kind: str, times: int | None = 1, **options: Any) -> Fault:
        """Arm a fault for requests whose decoded target (path?query) matches path_regex (re.search).

        Options: status — status=500, body, content_type, headers; rate_limit — retry_after=1 (None: no header),
        status=429, body; delay — seconds (then answers normally); truncate — fraction=0.5 of the body sent
        under the full Content-Length, then the connection closes; reset — none.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {FAULT_KINDS}")
        unknown = set(options) - _FAULT_OPTIONS[kind]
        if unknown:
            raise TypeError(f"fault {kind!r} takes no options {sorted(unknown)}")
        if kind == "delay" and "seconds" not in options:
            raise TypeError("fault 'delay' needs seconds=")
        fault = Fault(re.compile(path_regex), kind, times, options)
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, target: str) -> Fault | None:
        """The first armed fault matching target, consumed once; None if none."""
        with self._lock:
            for fault in self._faults:
                if fault.pattern.search(target):
                    fault.fired += 1
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        """Disarm every fault."""
        with self._lock:
            self._faults.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._faults)


def etag_of(body: bytes) -> str:
    """A strong ETag for a body."""
    return '"' + hashlib.sha1(body).hexdigest() + '"'


def _etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = [value.strip() for value in if_none_match.split(",")]
    return "*" in candidates or any(value.removeprefix("W/") == etag for value in candidates)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (as one does on a body over its ceiling) is not a server error."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MirrorServer/1.0"
    timeout = 60

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without NODELAY, keep-alive clients wait on delayed ACKs.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self.server.mirror._handle(self, head=False)

    def do_HEAD(self) -> None:
        self.server.mirror._handle(self, head=True)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class MirrorServer:
    """A local HTTP server on 127.0.0.1 with a request log and fault injection; subclasses answer."""

    def __init__(self, etags: bool = True) -> None:
        self.requests = RequestLog()
        self.faults = Faults()
        self.etags = etags
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def respond(self, request: Request) -> Response:
        """The answer to one request (no faults, no ETag handling)."""
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT of the running server."""
        if self._server is None:
            raise RuntimeError("mirror not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        """Start serving in a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.mirror = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _handle(self, handler: _Handler, head: bool) -> None:
        request = _read_request(handler)
        fault = self.faults.take(unquote(request.target))
        kind = fault.kind if fault else None
        response = None
        if kind in ("status", "rate_limit"):
            response = _fault_response(fault)
        elif kind != "reset":
            if kind == "delay":
                time.sleep(fault.options["seconds"])
            response = self._answer(request)
        # Logged before answering, so a client that has its answer finds its request in the log.
        self.requests.append(RequestRecord(
            request.method, request.path, request.query, response.status if response else 0, time.monotonic(),
            request.headers, kind,
        ))
        try:
            if response is None:
                _abort(handler)
            elif kind == "truncate":
                _send_truncated(handler, response, fault.options.get("fraction", 0.5))
            else:
                _send(handler, response, head)
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            handler.close_connection = True

    def _answer(self, request: Request) -> Response:
        try:
            response = self.respond(request)
        except Exception as error:  # a mirror bug must show as a 500, not a hung client
            response = Response.json({"status": 500, "message": f"mirror error: {error!r}"}, 500)
        if response.status != 200:
            return response
        headers = dict(response.headers)
        if self.etags:
            headers.setdefault("ETag", etag_of(response.body))
        etag, modified = headers.get("ETag"), headers.get("Last-Modified")
        if etag and _etag_matches(request.headers.get("if-none-match"), etag):
            return Response(304, "", b"", {"ETag": etag})
        if modified and "if-none-match" not in request.headers and request.headers.get("if-modified-since") == modified:
            return Response(304, "", b"", {"Last-Modified": modified})
        return Response(200, response.content_type, response.body, headers)


def _read_request(handler: _Handler) -> Request:
    parts = urlsplit(handler.path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query: dict[str, list[str]] = {}
    for key, value in pairs:
        query.setdefault(key, []).append(value)
    headers = {key.lower(): value for key, value in handler.headers.items()}
    return Request(handler.command, unquote(parts.path), query, pairs, handler.path, headers)


def _fault_response(fault: Fault) -> Response:
    options = fault.options
    if fault.kind == "rate_limit":
        status = options.get("status", 429)
        body = options.get("body", "Too Many Requests")
        retry_after = options.get("retry_after", 1)
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        content_type = "text/plain; charset=utf-8"
    else:
        status = options.get("status", 500)
        body = options.get("body", json.dumps({"status": status, "message": "Injected fault"}))
        headers = dict(options.get("headers") or {})
        content_type = options.get("content_type", "application/json; charset=utf-8")
    if isinstance(body, str):
        body = body.encode("utf-8")
    return Response(status, content_type, body, headers)


def _send(handler: _Handler, response: Response, head: bool) -> None:
    _send_head(handler, response, len(response.body))
    if not head and response.status != 304:
        handler.wfile.write(response.body)


def _send_truncated(handler: _Handler, response: Response, fraction: float) -> None:
    """Promise the whole body (or 1 KiB if empty), send only part of it, then close."""
    declared = len(response.body) or 1024
    _send_head(handler, response, declared)
    handler.wfile.write(response.body[: int(len(response.body) * fraction)])
    handler.close_connection = True


def _send_head(handler: _Handler, response: Response, content_length: int) -> None:
    handler.send_response(response.status)
    if response.content_type and response.status != 304:
        handler.send_header("Content-Type", response.content_type)
    handler.send_header("Content-Length", str(content_length if response.status != 304 else 0))
    for key, value in response.headers.items():
        handler.send_header(key, value)
    handler.end_headers()


def _abort(handler: _Handler) -> None:
    """Close the connection without answering; linger 0 makes the close a TCP reset."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.close_connection = True
