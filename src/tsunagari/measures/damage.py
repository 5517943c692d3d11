"""Which texts of the plan the source table damaged, by general signs, never by measure.

The status table (seed 001) is a PDF's text extraction: a cell that wrapped over a page or
was overprinted comes out cut at either end, with one half of a bracket, or with a run of
it printed twice. Such a field is not the plan's text, so pages and the API show it as an
incomplete excerpt with the reasons, never as the text, and editors restore it through the
normal review (``workflow``). The signs:

- ``unbalanced``: a bracket opened and never closed, or closed and never opened;
- ``starts-mid-sentence``: the first word is one no sentence starts with (a particle, an
  auxiliary verb or a suffix: を, の, ることなく …), or a sign that only follows another;
- ``ends-mid-sentence``: the text stops without the full stop (or closing bracket) every
  cell of these columns ends with;
- ``repeated``: a run of a third of the text or more comes twice (an overprinted line;
  shorter repeats are the plan's own wording: 犯罪をした者等が… twice in No.41);
- ``missing``: the cell came out empty.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from functools import cache

from django.utils.translation import gettext_lazy as _
from sudachipy import Dictionary, SplitMode

# The measure's own texts that are sentences (its reviews' are achievement_text and
# policy_text); a report may restore these.
MEASURE_FIELDS = ("overview", "target")

REASONS = {
    "unbalanced": _("括弧の片方が欠けている"),
    "starts-mid-sentence": _("文の途中から始まっている"),
    "ends-mid-sentence": _("文の途中で切れている"),
    "repeated": _("同じ語句が重複している"),
    "missing": _("原文の表から読み取れなかった"),
}

FIELD_LABELS = {
    "overview": _("施策の概要"),
    "target": _("目標及び達成の期間"),
    "achievement_text": _("目標の達成状況"),
    "policy_text": _("達成状況を踏まえた施策の見直し方針"),
}

PAIRS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "［": "］", "〔": "〕"}
ENDINGS = "。．.!！?？）)」』】］〕"
# Signs that only ever follow something: a cell starting with one was cut before it.
FOLLOWERS = "、。，．・）)」』】ーっゃゅょァィゥェォッャュョヮぁぃぅぇぉ"
# Parts of speech that never begin a sentence (Sudachi's first level).
NOT_FIRST = {"助詞", "助動詞", "接尾辞"}
REPEAT = re.compile(r"(.{12,}).*\1", re.S)


def repeated(text: str) -> bool:
    """Whether a third of the text or more is printed twice."""
    found = REPEAT.search(text)
    if found is None:
        return False
    longest = max(
        (len(m.group(1)) for m in re.finditer(r"(?=(.{12,}).*\1)", text, re.S)),
        default=len(found.group(1)),
    )
    return longest * 3 >= len(text)


_local = threading.local()


@cache
def _dictionary() -> Dictionary:
    return Dictionary(dict="core")


# One-character particles as a whole first word: Sudachi reads a leading が as the
# conjunction "but", which official prose never opens with.
PARTICLES = {"が", "を", "に", "は", "へ", "の", "と", "で", "も", "や"}


def _first_word(text: str) -> tuple[str, str]:
    """The first word's surface and its part of speech (Sudachi's first level)."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        tokenizer = _local.tokenizer = _dictionary().tokenizer(mode=SplitMode.C)
    tokens = tokenizer.tokenize(text[:40])
    if not len(tokens):
        return "", ""
    return str(tokens[0].surface()), str(tokens[0].part_of_speech()[0])


def unbalanced(text: str) -> bool:
    depth = dict.fromkeys(PAIRS, 0)
    closing = {close: open_ for open_, close in PAIRS.items()}
    for char in text:
        if char in PAIRS:
            depth[char] += 1
        elif char in closing:
            depth[closing[char]] -= 1
            if depth[closing[char]] < 0:
                return True
    return any(depth.values())


def starts_mid_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    if not first:
        return False
    if first in FOLLOWERS:
        return True
    surface, part = _first_word(text.lstrip())
    return surface in PARTICLES or part in NOT_FIRST


def reasons(text: str) -> list[str]:
    """The signs of damage in one field's text, in the order of REASONS; [] when sound."""
    text = text.strip()
    if not text:
        return ["missing"]
    found = []
    if unbalanced(text):
        found.append("unbalanced")
    if starts_mid_sentence(text):
        found.append("starts-mid-sentence")
    if text[-1] not in ENDINGS:
        found.append("ends-mid-sentence")
    if repeated(text):
        found.append("repeated")
    return found


def assess(values: Mapping[str, str]) -> dict[str, list[str]]:
    """Field → reasons, for the damaged fields among `values` (field → text)."""
    return {field: found for field, text in values.items() if (found := reasons(text))}


def labels(codes: list[str]) -> list[str]:
    return [str(REASONS[code]) for code in codes if code in REASONS]


def described(marks: object) -> str | None:
    """A field → reasons mapping as the audit log shows it: "目標…: 括弧の…" lines."""
    if not isinstance(marks, dict):
        return None
    return "\n".join(
        f"{FIELD_LABELS.get(name, name)}: {'、'.join(labels(list(codes)))}"
        for name, codes in marks.items()
    )


def incomplete(text: str, codes: list[str]) -> dict[str, object]:
    """How the API and the JSON export give a damaged field: never as the text."""
    return {"excerpt": text.strip(), "reasons": codes, "note": "、".join(labels(codes))}


def marked(text: str, codes: list[str]) -> str:
    """A damaged field in a spreadsheet cell: marked as an excerpt, with the reasons."""
    head = str(_("［不完全な抜粋：%(reasons)s］")) % {"reasons": "、".join(labels(codes))}
    return f"{head}…{text.strip()}…" if text.strip() else head
