"""The in-process channel layer delivers as Channels' own does, sweeping expired messages
and memberships at most once a second instead of on every receive."""

from __future__ import annotations

import time

import pytest
from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer

from tsunagari.desk import layers
from tsunagari.desk.layers import InProcessLayer


@async_to_sync
async def _round_trip(layer: InProcessLayer) -> list[dict[str, str]]:
    one, two = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("desk-conversation-1", one)
    await layer.group_add("desk-conversation-1", two)
    await layer.group_send("desk-conversation-1", {"type": "desk.message", "id": "1"})
    return [await layer.receive(one), await layer.receive(two)]


def test_a_group_message_reaches_every_socket_of_the_conversation() -> None:
    got = _round_trip(InProcessLayer())
    assert [m["id"] for m in got] == ["1", "1"]


@async_to_sync
async def _expired_membership_is_swept(layer: InProcessLayer) -> bool:
    channel = await layer.new_channel()
    await layer.group_add("desk-queue", channel)
    layer.groups["desk-queue"][channel] = time.time() - layer.group_expiry - 1
    layer._swept = time.monotonic() - layers.SWEEP_SECONDS
    layer._clean_expired()
    return channel not in layer.groups.get("desk-queue", {})


def test_an_expired_membership_is_still_swept() -> None:
    assert _expired_membership_is_swept(InProcessLayer())


def test_a_hundred_receives_in_a_second_sweep_once(monkeypatch: pytest.MonkeyPatch) -> None:
    sweeps: list[int] = []
    monkeypatch.setattr(InMemoryChannelLayer, "_clean_expired", lambda self: sweeps.append(1))
    layer = InProcessLayer()
    for _ in range(100):
        layer._clean_expired()
    assert len(sweeps) == 1
