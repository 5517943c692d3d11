"""The crisis lines as the navigator puts them first: ordered for the person, never missing.

They are the directory's crisis lines (`crisis_line: true`), the same that `crisis_lines()`
returns: read from the navigator's snapshot of the directory when it can be read, else from
`crisis_lines()` itself (which falls back to the bundled files), else from STATIC_LINES
(tests check each number against data/directory).

`needs_beside_lines` decides how the lines share the answer with the services for the needs.
A crisis answer always opens with a crisis line (and every page with the crisis panel).
Where the flag rests on the urgency grade alone — graded 3 or 4 by the learned reader, while
the crisis rules, their model and the grade's own elements found no sign of danger (no wish,
thought, method, place, plan or time) — and the message states a practical need clearly (the
job, the dormitory, the visa, money; at level 4 by two cues of the need), the two services
for that need follow the first line, before the other lines (`shared`). That is how ordinary
requests in Vietnamese, Nepali or Tagalog were graded by mistake (docs/languages.md): asking
where to sleep after losing a job, the person found only lines that neither answer in their
language nor deal with housing. Any sign of danger keeps every line first, as does level 5:
on the project's own 2,803 cases no crisis message is answered the other way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tsunagari.directory.crisis_lines import CrisisLine, crisis_lines
from tsunagari.directory.hours import OpenState
from tsunagari.navigator.catalogue import Entry
from tsunagari.navigator.crisis import CrisisResult
from tsunagari.navigator.urgency import MODEL, URGENCY, Urgency

IMMINENT = 5  # the urgency level at which nothing comes between the person and the lines
DANGER_FROM = 2  # an element of the grade from a passive wish up is a sign of danger
# Trouble that services other than the crisis lines resolve, and that the lines do not: work,
# a home, money, debt, food, the right to stay (在留資格). Distress, violence, bullying and
# health stay with the lines (DV相談＋ and the children's lines are crisis lines themselves).
PRACTICAL_NEEDS = frozenset(
    {"consumer", "employment", "food", "foreign-residents", "housing", "poverty", "workplace"}
)
# Stated, not guessed: a cue word of the need (0.6 up), not the 0.48 that writing in another
# language gives foreign-residents alone.
CLEAR_NEED = 0.6
# Read at 4 — a method, place, time or plan — the need must be stated twice over (two cues,
# or a cue and a combination, of that need): on the urgency sets 8, 9 and 11–13 the crises
# answered beside a need were all graded 4 and had the need from one ordinary word (会社,
# visa, salary, the neck of 首), while the ordinary requests graded 4 state it again.
PLAN = 4
STATED_TWICE = 2
BESIDE_FIRST_LINE = 2  # services for the needs after the first line: one line in the top 3


def _fit(
    entry: Entry,
    state: OpenState,
    first: tuple[str, ...],
    needs: dict[str, float],
    audiences: dict[str, float],
) -> float:
    """How well a crisis line fits: named first by a rule (119 after an overdose), reachable
    now, and for this kind of trouble (a suicide line for 死にたい, not the DV line) and age."""
    value = 10.0 - first.index(entry.slug) if entry.slug in first else 0.0
    if entry.emergency and entry.slug not in first:
        value -= 3  # 110/119 stay on the list, after the lines that listen
    value += {OpenState.OPEN: 1.0, OpenState.UNKNOWN: 0.4}.get(state, 0.0)
    overlap = sum(
        score for code, score in needs.items() if code != "crisis" and code in entry.needs
    )
    value += overlap if overlap else -1.0
    if audiences.get("child", 0.0) >= 0.5:
        value += 1.0 if "child" in entry.audiences else -0.5
    elif entry.audiences and set(entry.audiences) <= {"child", "family"}:
        value -= 0.5
    return value


def lines_for(
    entries: tuple[Entry, ...],
    moment: dt.datetime,
    first: tuple[str, ...] = (),
    needs: dict[str, float] | None = None,
    audiences: dict[str, float] | None = None,
) -> list[tuple[Entry, OpenState]]:
    """The crisis lines for this person, best fitting first; ties in the order of
    `crisis_lines()` (24-hour lines, then open ones, then by slug)."""
    keyed = []
    for entry in entries:
        if not entry.crisis_line:
            continue
        state = entry.hours.state_at(moment)
        fit = _fit(entry, state, first, needs or {}, audiences or {})
        usual = (0 if entry.hours.always_open else 1, 0 if state is OpenState.OPEN else 1)
        keyed.append(((-fit, *usual, entry.slug), entry, state))
    return [(entry, state) for _key, entry, state in sorted(keyed, key=lambda k: k[0])]


def fallback_lines(moment: dt.datetime, first: tuple[str, ...] = ()) -> list[CrisisLine]:
    """From `crisis_lines()` (database, else bundled files), `first` ones first."""
    lines = crisis_lines(moment)
    return sorted(lines, key=lambda line: 0 if line.slug in first else 1)


def is_open(line: CrisisLine, moment: dt.datetime) -> bool | None:
    return line.open_state(moment).as_bool()


def needs_beside_lines(
    crisis: CrisisResult,
    urgency: Urgency,
    needs: dict[str, float],
    *,
    earlier: bool,
    cues: Mapping[str, int],
) -> bool:
    """Whether the services for a practical need come right after the first crisis line:
    only where the urgency grade alone raised the flag, below level 5, from the learned
    reader's reading with no element of danger named, and a practical need is stated — at
    level 4 (where the reader read a method, place, time or plan that no element named) by
    at least two words of the need (`cues`: the cues and combinations found, by need).

    Never when a crisis rule or the crisis model fired (a wish to die, a method, 119 after
    an overdose, 110 when someone threatens), when anything failed (a failed grade is level
    5), or when the crisis is known from earlier messages of a conversation (this message's
    grade is not theirs): then every line comes first, as it always has."""
    if not crisis.crisis or crisis.error or earlier or crisis.reasons != (URGENCY,):
        return False
    if urgency.error or urgency.level >= IMMINENT:
        return False
    if any(r.code != MODEL for r in urgency.reasons if r.level >= DANGER_FROM):
        return False
    words = STATED_TWICE if urgency.level >= PLAN else 1
    return any(
        needs.get(code, 0.0) >= CLEAR_NEED and cues.get(code, 0) >= words
        for code in PRACTICAL_NEEDS
    )


def shared(
    lines: list[dict[str, Any]], services: list[dict[str, Any]], beside: bool
) -> list[dict[str, Any]]:
    """The answer's results: the lines, then the services; or, beside a practical need, the
    first line, the best services for the need, the other lines, the other services."""
    if not beside or not lines:
        return [*lines, *services]
    return [
        *lines[:1],
        *services[:BESIDE_FIRST_LINE],
        *lines[1:],
        *services[BESIDE_FIRST_LINE:],
    ]
