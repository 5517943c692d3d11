"""Furigana (ふりがな) for the children's mode: <ruby>漢字<rt>かんじ</rt></ruby>.

Readings come from Sudachi, token by token; the kana a word is written with (送り仮名: 食べる)
are matched against its reading so that only the kanji carry the ruby (<ruby>食<rt>た</rt>
</ruby>べる). Everything else is HTML-escaped.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from sudachipy import SplitMode

from tsunagari.search.analysis import to_hiragana, tokenizer

_KANJI = re.compile(r"[\u3005\u4e00-\u9fff]")  # 々 and the CJK ideographs
_RUNS = re.compile(r"[\u3005\u4e00-\u9fff]+|[^\u3005\u4e00-\u9fff]+")


def _ruby(kanji: str, reading: str) -> str:
    return f"<ruby>{escape(kanji)}<rt>{escape(reading)}</rt></ruby>"


def _word(surface: str, reading: str) -> str:
    """One word: ruby on its kanji runs, its kana left as written."""
    if not _KANJI.search(surface) or not reading:
        return str(escape(surface))
    runs = _RUNS.findall(surface)
    pattern = "".join("(.+?)" if _KANJI.match(run) else re.escape(to_hiragana(run)) for run in runs)
    match = re.fullmatch(pattern, reading)
    if match is None:
        return _ruby(surface, reading)
    groups = iter(match.groups())
    return "".join(
        _ruby(run, next(groups)) if _KANJI.match(run) else str(escape(run)) for run in runs
    )


def furigana(text: str) -> SafeString:
    """`text` as HTML with furigana over every kanji."""
    if not text or not _KANJI.search(text):
        return mark_safe(escape(text))
    pieces = []
    for morpheme in tokenizer().tokenize(text, SplitMode.C):  # type: ignore[attr-defined]
        surface = morpheme.surface()
        reading = to_hiragana(morpheme.reading_form())
        pieces.append(_word(surface, reading))
    return mark_safe("".join(pieces))
