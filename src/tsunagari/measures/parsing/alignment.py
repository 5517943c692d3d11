"""Which 2023 lineup measure each 2024 measure continues, and the names that follow.

Both plans list their measures in the same order under the same headings, so the match
is a monotone alignment (no crossing links) that maximises the summed score of
name similarity and, where the 2024 name was lost, how much of the 2023 name the 2024
row's text contains. A 2024 name that survived only as its last line(s) is completed
from its 2023 match when the lost part is a whole number of cell lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from tsunagari.measures.parsing.drafts import Doubt, MeasureDraft, Repair
from tsunagari.measures.parsing.lineup import LineupEntry
from tsunagari.measures.parsing.text import coverage, normalize, similarity

MATCH_THRESHOLD = 0.45
CELL_LINE = (16, 19)  # characters per line of the name cell in the 2024 PDF
# The 2024 plan writes こども where the 2023 lineup wrote 子ども (measures 14, 84, 87).
NOTATION_2024 = (("子ども", "こども"),)


@dataclass(frozen=True)
class Link:
    no: int
    page: int
    score: float
    method: str


def _score(draft: MeasureDraft, entry: LineupEntry) -> tuple[float, str]:
    name = normalize(entry.name)
    if draft.name:
        exact = similarity(draft.name, name)
        if exact >= 0.6:
            return exact, "name"
        if name.endswith(draft.name) and len(draft.name) >= 2:
            content = coverage(name, draft.full_text())
            return 0.5 + 0.5 * content, "name tail and text"
    content = coverage(name, draft.full_text())
    return 0.9 * content, "text"


def align(drafts: list[MeasureDraft], entries: list[LineupEntry]) -> list[Link]:
    """The monotone alignment of highest total score; pairs below the threshold drop."""
    n, m = len(drafts), len(entries)
    scores = [[_score(d, e) for e in entries] for d in drafts]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = scores[i][j][0]
            gain = best[i + 1][j + 1] + take if take >= MATCH_THRESHOLD else -1.0
            best[i][j] = max(gain, best[i + 1][j], best[i][j + 1])
    links: list[Link] = []
    i = j = 0
    while i < n and j < m:
        take = scores[i][j][0]
        if take >= MATCH_THRESHOLD and best[i][j] == best[i + 1][j + 1] + take:
            page = entries[j].page
            assert page is not None
            links.append(Link(drafts[i].no, page, round(take, 2), scores[i][j][1]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return links


def fill_sequence_gaps(
    drafts: list[MeasureDraft], entries: list[LineupEntry], links: list[Link]
) -> list[Link]:
    """Between two linked neighbours, unnamed 2024 rows and unlinked 2023 measures of the
    same count pair up in order (the row-sequence rule)."""
    linked_no = {link.no: link for link in links}
    linked_pages = {link.page for link in links}
    order = {e.page: i for i, e in enumerate(entries)}
    added: list[Link] = []
    previous: Link | None = None
    gap: list[MeasureDraft] = []
    for draft in [*drafts, None]:
        link = linked_no.get(draft.no) if draft else None
        if draft is not None and link is None:
            gap.append(draft)
            continue
        low = order[previous.page] + 1 if previous else 0
        high = order[link.page] if link else len(entries)
        free = [e for e in entries[low:high] if e.page not in linked_pages]
        if gap and len(free) == len(gap) and all(not d.name for d in gap):
            for d, e in zip(gap, free, strict=True):
                assert e.page is not None
                added.append(Link(d.no, e.page, 0.5, "row sequence"))
        gap, previous = [], link
    return sorted([*links, *added], key=lambda link: link.no)


def looks_cut(name: str) -> bool:
    """A name that begins where no name can: with a particle or a mid-word character."""
    return bool(name) and (name[0] in "のにをはがでとへやもンッーょ・、" or len(name) < 4)


def name_2024(name_2023: str) -> tuple[str, bool]:
    name = normalize(name_2023)
    changed = False
    for old, new in NOTATION_2024:
        if old in name:
            name, changed = name.replace(old, new), True
    return name, changed


def _lost_whole_lines(fragment: str, full: str) -> bool:
    lost = len(full) - len(fragment)
    return any(CELL_LINE[0] * k <= lost <= CELL_LINE[1] * k for k in (1, 2))


def complete_names(
    drafts: list[MeasureDraft], entries: list[LineupEntry], links: list[Link]
) -> tuple[list[Repair], list[Doubt]]:
    """Fill lost or cut names from the linked 2023 measure where that is sound."""
    by_page = {e.page: e for e in entries}
    by_no = {d.no: d for d in drafts}
    repairs: list[Repair] = []
    doubts: list[Doubt] = []
    for link in links:
        draft = by_no[link.no]
        draft.predecessor_page, draft.link_score, draft.link_method = (
            link.page,
            link.score,
            link.method,
        )
        full, renotated = name_2024(by_page[link.page].name)
        if draft.name == full or (
            draft.name and not full.endswith(draft.name) and not looks_cut(draft.name)
        ):
            continue
        rule = f"2023 lineup P.{link.page} (score {link.score})"
        if renotated:
            rule += "; 2024 notation こども"
        if not draft.name:
            repairs.append(Repair(draft.no, "name", "", full, f"name lost; {rule}"))
            draft.name = full
        elif draft.name and full.endswith(draft.name) and _lost_whole_lines(draft.name, full):
            repairs.append(
                Repair(draft.no, "name", draft.name, full, f"first line(s) lost; {rule}")
            )
            draft.name = full
        else:
            doubts.append(
                Doubt(
                    draft.no,
                    "name",
                    f"{draft.name or '(empty)'} does not complete to the 2023 name {full!r}",
                )
            )
    for draft in drafts:
        if not draft.name:
            doubts.append(Doubt(draft.no, "name", "the name was lost and no 2023 measure matches"))
        elif looks_cut(draft.name) and draft.no not in {d.no for d in doubts}:
            doubts.append(Doubt(draft.no, "name", f"{draft.name!r} looks like the end of a name"))
    return repairs, doubts
