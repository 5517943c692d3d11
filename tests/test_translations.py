"""English is complete in every app, and the public pages in every language of the site:
each message translated, none fuzzy, every placeholder kept."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

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


def source(block: str) -> str:
    """The message's Japanese (and its plural)."""
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("msgid"))
    end = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
    return "".join(line.split('"', 1)[1].rsplit('"', 1)[0] for line in lines[start:end])


def msgid(block: str) -> str:
    """The message's key: its context (msgctxt), if any, and its msgid."""
    context = next((line for line in block.splitlines() if line.startswith("msgctxt")), "")
    return f"{context} {source(block)}".strip()


def clashes(catalogues: list[Path]) -> list[str]:
    # Django merges the apps' catalogues: one app's translation would replace another's.
    seen: dict[str, tuple[str, str]] = {}
    found = []
    for po in catalogues:
        for block in messages(po):
            key, text = msgid(block), translation(block)
            if key in seen and seen[key][1] != text:
                first_app, first = seen[key]
                found.append(f"{key!r}: {first_app}: {first!r}, {po.parts[-5]}: {text!r}")
            seen.setdefault(key, (po.parts[-5], text))
    return found


def test_the_same_japanese_means_the_same_english_in_every_app() -> None:
    assert clashes(CATALOGUES) == []


# The public pages (home, search, a service, the crisis lines, the navigator, safety) in every
# language of settings.LANGUAGES; the directory gives them only the taxonomy's and areas' names.
PUBLIC_APPS = ("web", "navigator", "directory")
# Languages whose catalogues are filled on another branch (langtr, issue 18): reported as
# expected failures until it is merged; then remove them from here.
PENDING: frozenset[str] = frozenset()
PUBLIC_LANGUAGES = [
    pytest.param(code, marks=pytest.mark.xfail(reason="filled on branch langtr"))
    if code in PENDING
    else code
    for code, _name in settings.LANGUAGES
    if code not in ("ja", "en")
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{ ?(\w+) ?\}\}|%[sd]")


def public_catalogue(app: str, language: str) -> Path:
    return SRC / app / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"


def untranslated(po: Path) -> list[str]:
    """The entries without a translation in every plural form, or marked fuzzy."""
    missing = []
    for block in messages(po):
        forms = re.split(r"^msgstr\[\d+\] ", block, flags=re.M)[1:] or [translation(block)]
        empty = (
            any(not translation("msgstr " + form) for form in forms)
            if len(forms) > 1
            else (not forms[0])
        )
        if empty or "#, fuzzy" in block:
            missing.append(msgid(block))
    return missing


@pytest.mark.parametrize("language", PUBLIC_LANGUAGES)
def test_the_public_pages_are_translated_into(language: str) -> None:
    missing = {
        app: untranslated(public_catalogue(app, language))
        for app in PUBLIC_APPS
        if public_catalogue(app, language).exists()
    }
    assert [app for app in PUBLIC_APPS if app not in missing] == [], "no catalogue"
    assert {app: found for app, found in missing.items() if found} == {}


@pytest.mark.parametrize("language", PUBLIC_LANGUAGES)
def test_translations_keep_every_placeholder_in(language: str) -> None:
    wrong = []
    for app in PUBLIC_APPS:
        for block in messages(public_catalogue(app, language)):
            expected = sorted(set(PLACEHOLDER.findall(source(block))))
            for form in re.split(r"^msgstr(?:\[\d+\])? ", block, flags=re.M)[1:]:
                text = translation("msgstr " + form)
                if text and sorted(set(PLACEHOLDER.findall(text))) != expected:
                    wrong.append(f"{app}: {msgid(block)!r} → {text!r}")
    assert wrong == []


@pytest.mark.parametrize("language", PUBLIC_LANGUAGES)
def test_the_same_japanese_means_the_same_in_every_app_in(language: str) -> None:
    catalogues = [public_catalogue(app, language) for app in PUBLIC_APPS]
    assert clashes([po for po in catalogues if po.exists()]) == []
