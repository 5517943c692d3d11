"""English is complete in every app: each message translated, none fuzzy."""

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tsunagari"
CATALOGUES = sorted(SRC.glob("*/locale/en/LC_MESSAGES/django.po"))


def messages(po: Path) -> list[str]:
    """Every entry but the header and the obsolete ones (#~) that makemessages keeps."""
    blocks = po.read_text(encoding="utf-8").split("\n\n")[1:]
    return [b for b in blocks if "msgid" in b and not b.lstrip().startswith("#~")]


def translation(block: str) -> str:
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
    return "".join(line.split('"', 1)[1].rsplit('"', 1)[0] for line in lines[start:])


def test_every_app_with_pages_has_an_english_catalogue() -> None:
    assert {po.parts[-5] for po in CATALOGUES} >= {"web", "navigator", "measures", "surveys"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parts[-5])
def test_every_message_has_an_english_translation(po: Path) -> None:
    assert [block for block in messages(po) if not translation(block)] == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parts[-5])
def test_no_translation_is_fuzzy(po: Path) -> None:
    assert [block for block in messages(po) if "#, fuzzy" in block] == []


def msgid(block: str) -> str:
    """The message's key: its context (msgctxt), if any, and its msgid."""
    context = next((line for line in block.splitlines() if line.startswith("msgctxt")), "")
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("msgid"))
    end = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
    text = "".join(line.split('"', 1)[1].rsplit('"', 1)[0] for line in lines[start:end])
    return f"{context} {text}".strip()


def test_the_same_japanese_means_the_same_english_in_every_app() -> None:
    # Django merges the apps' catalogues: one app's translation would replace another's.
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for po in CATALOGUES:
        for block in messages(po):
            key, english = msgid(block), translation(block)
            if key in seen and seen[key][1] != english:
                first_app, first = seen[key]
                clashes.append(f"{key!r}: {first_app}: {first!r}, {po.parts[-5]}: {english!r}")
            seen.setdefault(key, (po.parts[-5], english))
    assert clashes == []
