"""One reading of danger for every door into the navigator.

The answer to a message (`navigate`) and the guided chat's free text must raise the crisis
flag on the same messages: the chat read its text with the crisis rules alone, so a farewell
on a bridge in Vietnamese, which the urgency grade puts at 5, went on to "what troubles you?"
instead of the 24-hour lines. Both now read a message here: the crisis rules and the urgency
grade, combined by `urgency.raises_flag`.
"""

from __future__ import annotations

from tsunagari.navigator.crisis import CrisisResult, detect
from tsunagari.navigator.per_message import reading
from tsunagari.navigator.urgency import URGENCY, Urgency, grade, raises_flag


def read(text: str, earlier_weak: tuple[str, ...] = ()) -> tuple[CrisisResult, Urgency]:
    """The crisis result and the grade of one message. Never raises: the grade answers 5 on
    an internal error, which raises the flag."""
    with reading():  # the rules and the grade read the same sentences in the same forms
        urgency = grade(text)
        return graded(detect(text, earlier_weak), urgency), urgency


def graded(found: CrisisResult, urgency: Urgency) -> CrisisResult:
    """The crisis flag of a message (`urgency.raises_flag`): the crisis rules' result where
    the grade is 2 or more, raised also from urgency level 3 up and when grading failed;
    lowered where the rules fired on a message graded 0 or 1 that names no imminent element
    (their weak signals are kept for the conversation)."""
    flagged = raises_flag(urgency, found.crisis)
    if found.crisis and not flagged:
        return CrisisResult(False, (), False, weak=found.weak, error=found.error)
    if found.crisis or not flagged:
        return found
    return CrisisResult(
        True,
        (URGENCY,),
        "someone-else-now" in {r.code for r in urgency.reasons},
        (),
        found.weak,
        found.error or urgency.error,
    )
