"""Where requests may go: only to a configured base, matched on scheme, host and port exactly."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from urllib3.util import parse_url

DEFAULT_PORTS = {"http": 80, "https": 443}
ACCEPTED_SCHEMES = ("http", "https")


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL, the port filled in from the scheme (ValueError if it has none)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ACCEPTED_SCHEMES or not parts.hostname:
        raise ValueError(f"not an http or https URL: {url!r}")
    return scheme, parts.hostname, parts.port or DEFAULT_PORTS[scheme]


def refusal(url: str, bases: list[str]) -> str | None:
    """Why a URL must not be fetched, or None when it is on one of the configured bases."""
    if any(char.isspace() or ord(char) < 32 or char == "\\" for char in url):
        return "spaces, control characters or backslashes in the URL"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ACCEPTED_SCHEMES:
        return f"scheme {parts.scheme or 'none'!r}: only http and https are fetched"
    if "@" in parts.netloc:
        return "user information in the URL"
    try:
        target = origin(url)
    except ValueError as error:
        return str(error)
    allowed = {origin(base) for base in bases}
    if target not in allowed:
        where = f"{target[0]}://{target[1]}:{target[2]}"
        return f"{where} is not a configured base" + (" (an IP address)" if _is_ip(target[1]) else "")
    # urllib3 opens the connection: it must read the same host and port from the URL as we did.
    seen = parse_url(url)
    if (seen.host or "").strip("[]").lower() != target[1] or (seen.port or DEFAULT_PORTS[target[0]]) != target[2]:
        return "the URL reads differently to the HTTP library"
    return None


def is_public_url(url: str, hosts: set[str]) -> bool:
    """An http(s) URL on one of these public hosts exactly: no user information, no port, no trailing dot."""
    if any(char.isspace() or ord(char) < 32 or char == "\\" for char in url):
        return False
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme.lower() in ACCEPTED_SCHEMES and "@" not in parts.netloc and port is None
            and parts.hostname in hosts)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
