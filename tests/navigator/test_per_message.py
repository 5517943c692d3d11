"""Work shared while one message is read, and nothing of it kept after (privacy: what a
visitor types is not kept beyond the request, not even in a worker's cache)."""

from __future__ import annotations

import threading

from tsunagari.navigator import alternation, crisis_model, danger, per_message, romaji, text
from tsunagari.navigator.per_message import kept, reading


def test_inside_a_reading_a_text_is_worked_once_and_outside_every_time() -> None:
    calls: list[str] = []

    @per_message.per_message
    def worked(value: str) -> str:
        calls.append(value)
        return value.upper()

    with reading():
        assert worked("abc") == worked("abc") == "ABC"
        with reading():  # nested: the same reading
            worked("abc")
        assert calls == ["abc"] and kept() == 1
    assert kept() == 0
    worked("abc")
    worked("abc")
    assert calls == ["abc", "abc", "abc"]


def test_readings_in_other_threads_are_apart() -> None:
    seen: list[int] = []

    def other() -> None:
        seen.append(kept())

    with reading():
        text.surface("いま橋の上にいる")
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [0]


def test_no_text_is_kept_after_a_message_is_read() -> None:
    for shared in (text.surface, romaji.reading, crisis_model.ngrams, alternation.scripts_of):
        assert not hasattr(shared, "cache_info"), shared  # no process-wide cache of texts
    danger.read("Em đang đứng trên cầu. Xin lỗi mọi người")
    assert kept() == 0
