"""A small static-site mirror for the State, Treasury and OFAC web sources."""
from __future__ import annotations

import mimetypes
import re
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from tests.mirror.faults import MirrorServer, Request, Response

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
}


def _route_key(path: str) -> tuple[str, tuple[tuple[str, str], ...] | None]:
    """(path without trailing slash, sorted query pairs or None) — how routes are matched."""
    parts = urlsplit(path)
    route_path = parts.path.rstrip("/") or "/"
    query = tuple(sorted(parse_qsl(parts.query, keep_blank_values=True))) if parts.query else None
    return route_path, query


class SiteMirror(MirrorServer):
    """Serves registered paths exactly (with or without trailing slash); queries matter only if registered.

    require_user_agent: a regex the User-Agent must match, else 403 (OFAC's list host, FORMATS.md §4).
    etags: add an ETag to every 200 (a route's own ETag/Last-Modified headers are honoured either way).
    """

    def __init__(
        self, routes: dict[str, Response] | None = None, *, require_user_agent: str | None = None, etags: bool = True
    ):
        super().__init__(etags)
        self._routes: dict[tuple, Response] = {}
        self._lock = threading.Lock()
        self.require_user_agent = re.compile(require_user_agent) if require_user_agent else None
        for path, response in (routes or {}).items():
            self.route(path, response)

    def route(self, path: str, response: Response) -> None:
        """Serve response at path (a path may carry a query string that must then match)."""
        with self._lock:
            self._routes[_route_key(path)] = response

    def add(
        self,
        path: str,
        body: bytes | str,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        """Serve body at path."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.route(path, Response(status, content_type, body, dict(headers or {})))

    def add_file(self, path: str, file: str | Path, content_type: str | None = None) -> None:
        """Serve a file's bytes at path, typed by its extension unless content_type is given."""
        file = Path(file)
        guessed = _CONTENT_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0]
        self.add(path, file.read_bytes(), content_type=content_type or guessed or "application/octet-stream")

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        """Answer path with a redirect to location (absolute, or relative to this mirror)."""
        self.route(path, Response(status, "text/html; charset=utf-8", b"", {"Location": location}))

    def remove(self, path: str) -> None:
        """Stop serving path."""
        with self._lock:
            self._routes.pop(_route_key(path), None)

    def respond(self, request: Request) -> Response:
        if self.require_user_agent and not self.require_user_agent.search(request.headers.get("user-agent", "")):
            return Response(403, "text/html; charset=utf-8", b"<h1>Access Denied</h1>")
        route_path = request.path.rstrip("/") or "/"
        query = tuple(sorted(request.pairs))
        with self._lock:
            response = self._routes.get((route_path, query)) or self._routes.get((route_path, None))
        return response or Response(404, "text/html; charset=utf-8", b"<h1>Not Found</h1>")
