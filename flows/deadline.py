"""A total deadline for one request, headers included: at the deadline the request's own socket is shut down."""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Iterator

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()  # per thread: the holder of the socket its request is on


class _Tracked:
    """A connection that tells its thread which socket the request it sends is on."""

    def request(self, *args, **kwargs):
        super().request(*args, **kwargs)
        holder = getattr(_current, "holder", None)
        if holder is not None:
            holder.sock = self.sock


class _TrackedHTTPConnection(_Tracked, HTTPConnection):
    pass


class _TrackedHTTPSConnection(_Tracked, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections can be cut by `deadline`."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Shut the socket of the request this thread sends within the block down once `seconds` have passed."""
    holder = SimpleNamespace(sock=None)  # shared with the timer thread (a thread-local would not be)
    _current.holder = holder
    timer = threading.Timer(max(seconds, 0.0), _cut, args=(holder,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        _current.holder = None


def _cut(owner) -> None:
    sock = getattr(owner, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
