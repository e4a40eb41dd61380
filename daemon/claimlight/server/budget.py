"""What all connections together may have in flight: requests and characters.

Each connection has its own limits (`server.session`); this is the daemon-wide one, so that many
connections each within their limits cannot together queue more text than the daemon can hold in
memory or answer within a request's timeout. A request over budget gets `busy` at once, which a
client retries later, instead of waiting in a queue that only grows.
"""

from __future__ import annotations


class Budget:
    def __init__(self, max_requests: int, max_chars: int):
        self.max_requests = max_requests
        self.max_chars = max_chars
        self.requests = 0
        self.chars = 0

    def refusal(self, chars: int) -> str | None:
        """Why a request of `chars` characters cannot be taken now, or None if it can."""
        if self.requests >= self.max_requests:
            return f"the daemon has {self.requests} requests in flight, its limit"
        if self.chars + chars > self.max_chars:
            return f"the daemon has {self.chars:,} characters in flight; {chars:,} more would pass its limit of {self.max_chars:,}"
        return None

    def take(self, chars: int) -> None:
        self.requests += 1
        self.chars += chars

    def give_back(self, chars: int) -> None:
        self.requests -= 1
        self.chars -= chars
