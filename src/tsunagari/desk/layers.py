"""The in-process channel layer (one server without Redis): Channels' own, with its sweep
for expired messages and group memberships run at most once a second. Channels sweeps every
channel and every group on each receive, and each message is received once by each socket
of its conversation: at 600 open sockets the sweeps took more of the event loop than the
messages (measured with py-spy: 14 % of the worker's time, more than storing the messages)."""

from __future__ import annotations

import time

from channels.layers import InMemoryChannelLayer

SWEEP_SECONDS = 1.0


class InProcessLayer(InMemoryChannelLayer):
    _swept = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._swept >= SWEEP_SECONDS:
            self._swept = now
            super()._clean_expired()
