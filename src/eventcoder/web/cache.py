"""A small per-process cache of read responses (the list, map points, incidents and stats).

Analysts open the same views over and over; building a page of records costs far more than
sending stored bytes. Entries live `seconds` (default 2) and the whole cache is dropped by every
write through this process (a review, a merge, a split), so a reviewer sees their change at once;
writes by other processes (ingest, another `serve` worker) show within `seconds`. Event cards and
audit trails are never cached.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Optional

from fastapi import Request
from fastapi.responses import Response

#: seconds an entry lives (serve --cache-seconds; 0 turns the cache off)
SECONDS = 2.0
MAX_ENTRIES = 256


class ResponseCache:
    """URL -> (expiry, JSON bytes), least recently used dropped first."""

    def __init__(self, seconds: float = SECONDS, max_entries: int = MAX_ENTRIES):
        self.seconds = seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Optional[bytes]:
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0] < time.monotonic():
                self._entries.pop(key, None)
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: str, body: bytes) -> None:
        if self.seconds <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic() + self.seconds, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def cached_json(request: Request, build: Callable[[], bytes]) -> Response:
    """The cached body for this URL, or `build()`'s, stored (flagged by the X-Cache header)."""
    cache: ResponseCache = request.app.state.cache
    key = f"{request.url.path}?{request.url.query}"
    body = cache.get(key)
    hit = body is not None
    if body is None:
        body = build()
        cache.put(key, body)
    return Response(body, media_type="application/json", headers={"x-cache": "hit" if hit else "miss"})
