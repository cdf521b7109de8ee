"""Hostile upstreams for the edge tests: an FR mirror that rewrites its own answers, and a canary that must stay idle."""
from __future__ import annotations

import gzip
import json
import threading
import time
from typing import Any, Callable

from tests.mirror.faults import MirrorServer, Request, Response, _send_head
from tests.mirror.fr_api import API_PREFIX, FRMirror


class Canary(MirrorServer):
    """Answers anything with 200; a test that is right leaves its request log empty."""

    def respond(self, request: Request) -> Response:
        return Response(200, "application/xml", b"<NOTICE><P>canary</P></NOTICE>")


class HostileFRMirror(FRMirror):
    """The FR mirror, with per-document rewrites of search and document answers, and whole-page rewrites."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rewrites: dict[str, Callable[[dict], Any]] = {}
        self.page_rewrite: Callable[[dict], Any] | None = None

    def reset(self) -> None:
        """Back to an honest mirror."""
        self.rewrites.clear()
        self.page_rewrite = None
        self.faults.clear()
        self.requests.reset()

    def respond(self, request: Request) -> Response:
        response = super().respond(request)
        if response.status != 200 or not request.path.startswith(f"{API_PREFIX}/documents"):
            return response
        data = json.loads(response.body)
        if request.path in (f"{API_PREFIX}/documents.json", f"{API_PREFIX}/documents"):
            data["results"] = [self._rewrite(r) for r in data.get("results", [])]
            if self.page_rewrite:
                data = self.page_rewrite(data)
        elif isinstance(data, dict) and "document_number" in data:
            data = self._rewrite(data)
        return Response(200, response.content_type, json.dumps(data).encode(), response.headers)

    def _rewrite(self, record: dict) -> Any:
        rewrite = self.rewrites.get(record.get("document_number"))
        return rewrite(dict(record)) if rewrite else record


def gzip_of_zeros(megabytes: int) -> bytes:
    """A small gzip stream that inflates to `megabytes` MB of zeros."""
    return gzip.compress(b"\0" * (megabytes * 1024 * 1024), compresslevel=9)


class StreamingServer(MirrorServer):
    """Serves generated bodies without holding them: a gzip bomb of any size, a huge body, or a trickle."""

    def __init__(self) -> None:
        super().__init__(etags=False)
        self.routes: dict[str, Callable[[Any], None]] = {}

    def _handle(self, handler, head: bool) -> None:
        path = handler.path.split("?")[0]
        self.requests.append(_record(handler, path))
        route = self.routes.get(path)
        try:
            if route is None:
                _send_head(handler, Response(404, "text/plain", b""), 0)
            else:
                route(handler)
        except (BrokenPipeError, ConnectionResetError, OSError):
            handler.close_connection = True

    def bomb(self, path: str, gigabytes: float) -> None:
        """A gzip stream of zeros inflating to `gigabytes` GB, compressed on the fly (never stored)."""
        def send(handler):
            _send_head_only(handler, {"Content-Type": "application/xml", "Content-Encoding": "gzip",
                                      "Transfer-Encoding": "chunked"})
            compressor = __import__("zlib").compressobj(9, wbits=31)
            block = b"\0" * (1024 * 1024)
            for _ in range(int(gigabytes * 1024)):
                _chunk(handler, compressor.compress(block))
            _chunk(handler, compressor.flush())
            handler.wfile.write(b"0\r\n\r\n")
            handler.close_connection = True
        self.routes[path] = send

    def huge(self, path: str, megabytes: int) -> None:
        """A plain body of `megabytes` MB under an honest Content-Length, written block by block."""
        def send(handler):
            _send_head_only(handler, {"Content-Type": "application/xml",
                                      "Content-Length": str(megabytes * 1024 * 1024)})
            block = b"<P>" + b"x" * (1024 * 1024 - 7) + b"</P>\n"
            for _ in range(megabytes):
                handler.wfile.write(block)
            handler.close_connection = True
        self.routes[path] = send

    def trickle(self, path: str, every: float, total: int = 10_000) -> None:
        """One byte every `every` seconds under a Content-Length of `total`: never a read timeout, never done."""
        stop = threading.Event()
        self._stop = stop

        def send(handler):
            _send_head_only(handler, {"Content-Type": "application/xml", "Content-Length": str(total)})
            for _ in range(total):
                if stop.is_set():
                    break
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(every)
            handler.close_connection = True
        self.routes[path] = send

    def trickle_headers(self, path: str, every: float) -> None:
        """A status line, then one header byte every `every` seconds: the headers never end."""
        stop = threading.Event()
        self._stop = stop

        def send(handler):
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            while not stop.is_set():
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(every)
        self.routes[path] = send

    def stop(self) -> None:
        if getattr(self, "_stop", None):
            self._stop.set()
        super().stop()


def _record(handler, path: str):
    from tests.mirror.faults import RequestRecord

    return RequestRecord(handler.command, path, {}, 200, time.monotonic(), dict(handler.headers.items()))


def _send_head_only(handler, headers: dict[str, str]) -> None:
    handler.send_response(200)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()


def _chunk(handler, data: bytes) -> None:
    if data:
        handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
