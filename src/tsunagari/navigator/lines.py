"""The crisis lines as the navigator puts them first: ordered for the person, never missing.

They are the directory's crisis lines (`crisis_line: true`), the same that `crisis_lines()`
returns: read from the navigator's snapshot of the directory when it can be read, else from
`crisis_lines()` itself (which falls back to the bundled files), else from STATIC_LINES
(tests check each number against data/directory).
"""

from __future__ import annotations

import datetime as dt

from tsunagari.directory.crisis_lines import CrisisLine, crisis_lines
from tsunagari.directory.hours import OpenState
from tsunagari.navigator.catalogue import Entry


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
