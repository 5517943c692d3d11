"""The web app's English is complete: every string translated, nothing fuzzy."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "src/tsunagari/web/locale/en/LC_MESSAGES/django.po"


def _entries() -> list[str]:
    return PO.read_text(encoding="utf-8").split("\n\n")[1:]


def test_no_translation_is_marked_fuzzy() -> None:
    assert [e for e in _entries() if "#, fuzzy" in e] == []


def test_every_string_has_an_english_translation() -> None:
    untranslated = [
        entry for entry in _entries() if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', entry, re.M)
    ]
    assert untranslated == []
