"""One reading of danger for every door into the navigator.

The answer to a message (`navigate`) and the guided chat's free text must raise the crisis
flag on the same messages: the chat read its text with the crisis rules alone, so a farewell
on a bridge in Vietnamese, which the urgency grade puts at 5, went on to "what troubles you?"
instead of the 24-hour lines. Both now read a message here: the crisis rules and the urgency
grade, combined by `urgency.raises_flag`.
"""

from __future__ import annotations

from dataclasses import replace

from tsunagari.navigator.crisis import CrisisResult, detect
from tsunagari.navigator.per_message import reading
from tsunagari.navigator.urgency import URGENCY, Urgency, grade, raises_flag


def read(text: str, earlier_weak: tuple[str, ...] = ()) -> tuple[CrisisResult, Urgency]:
    """The crisis result and the grade of one message. Never raises: the grade answers 5 on
    an internal error, which raises the flag."""
    with reading():  # the rules and the grade read the same sentences in the same forms
        urgency = grade(text)
        return graded(detect(text, earlier_weak), urgency), urgency


# Elements of an imminent grade after which the page says "call 119 now" first. They are
# added to the crisis reasons, which the guided chat keeps (never the words): its answer is
# read again from them, and a lone neighbour who does not answer beside a fall got "don't
# leave them alone" without 119 (round 9, found in the browser).
CALL_NOW = ("attempt", "someone-else-now")


def graded(found: CrisisResult, urgency: Urgency) -> CrisisResult:
    """The crisis flag of a message (`urgency.raises_flag`): the crisis rules' result where
    the grade is 2 or more, raised also from urgency level 3 up and when grading failed;
    lowered where the rules fired on a message graded 0 or 1 that names no imminent element
    (their weak signals are kept for the conversation). A grade of 5 adds its CALL_NOW
    elements to the reasons."""
    flagged = raises_flag(urgency, found.crisis)
    if found.crisis and not flagged:
        return CrisisResult(False, (), False, weak=found.weak, error=found.error)
    if not flagged:
        return found
    codes = {r.code for r in urgency.reasons}
    named = tuple(code for code in CALL_NOW if code in codes) if urgency.level >= 5 else ()
    if found.crisis:
        return replace(
            found,
            reasons=tuple(dict.fromkeys([*found.reasons, *named])),
            about_someone_else=found.about_someone_else or "someone-else-now" in named,
        )
    return CrisisResult(
        True,
        (URGENCY, *named),
        "someone-else-now" in codes,
        (),
        found.weak,
        found.error or urgency.error,
    )
