"""Area names in the page's language: 静岡県浜松市 on a Japanese page, Hamamatsu-shi, Shizuoka
on an English one (Hepburn from the official reading, long vowels as people write them)."""

from __future__ import annotations

import jaconv
from django.utils.translation import gettext as _

from tsunagari.directory.areas import (
    KANA_SUFFIXES,
    PREFECTURE_SUFFIXES,
    Municipality,
    Place,
    designated_city,
    fold_long_vowels,
    municipality,
    prefecture_kana,
    prefectures,
    without_ending,
)

_SUFFIX_ROMAJI = {
    "シ": "shi",
    "ク": "ku",
    "マチ": "machi",
    "チョウ": "cho",
    "ムラ": "mura",
    "ソン": "son",
}


def _romaji(kana: str) -> str:
    return fold_long_vowels(jaconv.kana2alphabet(jaconv.kata2hira(kana))).capitalize()


def prefecture_name(code: str, language: str) -> str:
    name = prefectures().get(code, code)
    if language == "ja" or code not in prefecture_kana():
        return name
    stem = without_ending(prefecture_kana()[code], (PREFECTURE_SUFFIXES.get(name[-1], ""),))
    return _romaji(stem)


def municipality_name(found: Municipality, language: str) -> str:
    if language == "ja" or not found.kana:
        return found.full_name
    city = designated_city(found)
    if city and city.kana and found.kana.startswith(city.kana):
        ward = found.name[len(city.name) :]
        stem = without_ending(found.kana[len(city.kana) :], KANA_SUFFIXES.get(ward[-1], ()))
        return f"{_romaji(stem)}-ku, {municipality_name(city, language)}"
    stem = without_ending(found.kana, KANA_SUFFIXES.get(found.name[-1], ()))
    suffix = _SUFFIX_ROMAJI.get(found.kana[len(stem) :], "")
    name = f"{_romaji(stem)}-{suffix}" if suffix else _romaji(stem)
    return f"{name}, {prefecture_name(found.prefecture_code, language)}"


def area_name(kind: str, code: str, language: str) -> str:
    """One service area: 全国 / Nationwide, a prefecture, or a municipality."""
    if kind == "prefecture":
        return prefecture_name(code, language)
    if kind == "municipality":
        found = municipality(code)
        return municipality_name(found, language) if found else code
    return _("全国")


def place_name(place: Place, language: str) -> str:
    if place.municipality:
        return municipality_name(place.municipality, language)
    return prefecture_name(place.prefecture_code, language)
