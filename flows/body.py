"""Read a response body as a stream: decompressed bytes counted against a ceiling, a deadline for the whole body."""
from __future__ import annotations

import time
import zlib

import requests

CHUNK = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"


class BodyRefused(IOError):
    """A body we will not read: over its ceiling, or in an encoding we did not ask for."""


class BodyTooLarge(BodyRefused):
    """A body (after decompression) over its kind's ceiling."""


class DeadlineExceeded(IOError):
    """A request still running when its total deadline passed."""


class TruncatedBody(IOError):
    """A body shorter than its Content-Length."""


def read_body(response: requests.Response, ceiling: int, deadline_at: float, read_timeout: float) -> bytes:
    """The decoded body, never holding more than `ceiling` decompressed bytes nor reading past `deadline_at`."""
    body = bytearray()
    try:
        return _read_into(body, response, ceiling, deadline_at, read_timeout)
    finally:
        body.clear()  # a traceback keeps this frame alive until the garbage collector runs: free the bytes now


def _read_into(body: bytearray, response: requests.Response, ceiling: int, deadline_at: float,
               read_timeout: float) -> bytes:
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    decoder = _decoder(encoding)
    raw = response.raw
    received = 0
    while True:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise DeadlineExceeded(f"deadline passed after {received} bytes")
        _set_timeout(raw, min(read_timeout, remaining))
        try:
            data = raw.read1(CHUNK, decode_content=False)
        except Exception as error:  # a read cut short by our own deadline is not a transport failure
            if time.monotonic() >= deadline_at:
                raise DeadlineExceeded(f"deadline passed after {received} bytes") from None
            raise requests.ConnectionError(f"{type(error).__name__}: {error}") from None
        if not data:
            break
        received += len(data)
        if decoder is None:
            body += data
        else:
            try:
                body += decoder.decompress(data, ceiling + 1 - len(body))
            except zlib.error as error:
                raise requests.exceptions.ContentDecodingError(f"bad {encoding} body: {error}") from None
        if len(body) > ceiling:
            raise BodyTooLarge(f"body over {ceiling // (1024 * 1024)} MB")
    if decoder is not None:
        body += decoder.flush()
        if len(body) > ceiling:
            raise BodyTooLarge(f"body over {ceiling // (1024 * 1024)} MB")
    expected = response.headers.get("Content-Length")
    if expected and expected.strip().isdigit() and received < int(expected):
        raise TruncatedBody(f"got {received} of {expected} bytes")
    return bytes(body)


def _decoder(encoding: str):
    if encoding in ("identity", ""):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
    raise BodyRefused(f"Content-Encoding {encoding!r} not accepted (we ask for {ACCEPT_ENCODING})")


def _set_timeout(raw, seconds: float) -> None:
    """Bound the next socket read by what is left of the deadline."""
    sock = getattr(getattr(raw, "connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))
