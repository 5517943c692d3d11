"""English is complete: every message of the survey app has a translation, none fuzzy."""

from pathlib import Path

import tsunagari.surveys

PO = Path(tsunagari.surveys.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries() -> list[str]:
    return [block for block in PO.read_text(encoding="utf-8").split("\n\n") if "msgid" in block]


def translation(block: str) -> str:
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
    return "".join(line.split('"', 1)[1].rsplit('"', 1)[0] for line in lines[start:])


def test_every_message_has_an_english_translation() -> None:
    messages = entries()[1:]  # the first entry is the header
    assert len(messages) > 150
    untranslated = [block for block in messages if not translation(block)]
    assert untranslated == []


def test_no_translation_is_fuzzy() -> None:
    assert "#, fuzzy" not in PO.read_text(encoding="utf-8")
