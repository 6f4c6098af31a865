"""How many messages one sender, or one client address, may send: token buckets kept in memory.

Each server process keeps its own buckets (several Rasa servers behind nginx
each allow the full rate, and a restart forgets them): enough to stop one
sender or one address swamping a server, without a shared store to run. A
bucket holds `burst` messages and refills at `per_minute`; a request that
finds it empty is told to wait (HTTP 429) and nothing of it is kept.

No Rasa imports.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Optional

MAX_KEYS = 100_000  # buckets kept; the longest unused go first (a full bucket forgets nothing that matters)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Allows `burst` requests at once per key, refilled at `per_minute`; 0 for either turns it off."""

    def __init__(self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_KEYS) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: "OrderedDict[str, _Bucket]" = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0 and self.burst > 0

    def allow(self, key: str) -> bool:
        """Takes one message from `key`'s bucket; False when it is empty."""
        if not self.enabled:
            return True
        now = self.clock()
        with self._lock:
            bucket = self._buckets.pop(key, None)
            if bucket is None:
                bucket = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            allowed = bucket.tokens >= 1.0
            if allowed:
                bucket.tokens -= 1.0
            self._buckets[key] = bucket  # most recently used last
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return allowed


class Limits:
    """The two limits every message passes: its client address, then its sender."""

    def __init__(self, sender: RateLimiter, client: RateLimiter) -> None:
        self.sender, self.client = sender, client

    @classmethod
    def from_settings(cls, settings) -> "Limits":
        return cls(RateLimiter(settings.sender_rate_per_minute, settings.sender_burst),
                   RateLimiter(settings.client_rate_per_minute, settings.client_burst))

    def client_allows(self, address: Optional[str]) -> bool:
        return self.client.allow(f"client:{address or 'unknown'}")

    def sender_allows(self, sender: str) -> bool:
        """One conversation, whichever channel it comes in on."""
        return self.sender.allow(f"sender:{sender}")
