"""Coverage of Japan's 47 prefectures: where a local platform exists (地方版官民連携
プラットフォーム), how many members each prefecture's platforms have and how many local
windows and places (居場所) the directory lists there, and the KPI of
measure 140 of the 2024 plan: at least one body (the prefecture or a municipality in it)
with a local platform in every prefecture, by the end of FY2025 (seed 001).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tsunagari.directory.area_names import prefecture_name
from tsunagari.directory.areas import prefectures
from tsunagari.directory.models import Service, ServiceArea
from tsunagari.platform.models import Member, Platform

KPI_MEASURE = 140
KPI_TARGET = 47

# A tile cartogram: each prefecture one square at (column, row), roughly where it lies.
# Shapes from a registry package were not available here; equal tiles also keep small,
# populous prefectures (Tokyo, Osaka) as visible as large ones.
TILES: dict[str, tuple[int, int]] = {
    "01": (11, 0),
    "02": (11, 1),
    "05": (10, 2),
    "03": (11, 2),
    "06": (10, 3),
    "04": (11, 3),
    "15": (9, 4),
    "07": (10, 4),
    "17": (7, 5),
    "16": (8, 5),
    "10": (9, 5),
    "09": (10, 5),
    "08": (11, 5),
    "32": (2, 6),
    "31": (3, 6),
    "28": (5, 6),
    "26": (6, 6),
    "18": (7, 6),
    "20": (8, 6),
    "11": (9, 6),
    "13": (10, 6),
    "12": (11, 6),
    "40": (0, 7),
    "35": (1, 7),
    "34": (2, 7),
    "33": (3, 7),
    "27": (5, 7),
    "25": (6, 7),
    "21": (7, 7),
    "19": (8, 7),
    "14": (9, 7),
    "42": (0, 8),
    "41": (1, 8),
    "38": (2, 8),
    "37": (3, 8),
    "30": (5, 8),
    "29": (6, 8),
    "24": (7, 8),
    "23": (8, 8),
    "22": (9, 8),
    "43": (0, 9),
    "44": (1, 9),
    "39": (2, 9),
    "36": (3, 9),
    "46": (0, 10),
    "45": (1, 10),
    "47": (0, 12),
}


@dataclass(frozen=True)
class PrefectureCoverage:
    code: str
    name: str
    platforms: int  # published local platforms (the prefecture's and its municipalities')
    members: int  # published members of those platforms
    windows: int  # listed local windows (scope local) of the prefecture or its municipalities
    places: int  # listed places (居場所, scope place), counted the same way

    @property
    def covered(self) -> bool:
        return self.platforms > 0


@dataclass(frozen=True)
class Coverage:
    prefectures: list[PrefectureCoverage]

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.prefectures)

    @property
    def target(self) -> int:
        return KPI_TARGET

    @property
    def achieved(self) -> bool:
        return self.covered >= KPI_TARGET


def _directory_counts() -> tuple[Counter[str], Counter[str]]:
    """Listed local windows and places per prefecture code. The same queryset the
    directory shows people (not withdrawn, not ended); a municipality's entry counts under
    its prefecture, and an entry serving several areas of one prefecture counts once."""
    rows = (
        Service.objects.listed()
        .filter(
            scope__in=[Service.Scope.LOCAL, Service.Scope.PLACE],
            areas__kind__in=[ServiceArea.Kind.PREFECTURE, ServiceArea.Kind.MUNICIPALITY],
        )
        .values_list("id", "scope", "areas__code")
    )
    seen = {(service, scope, code[:2]) for service, scope, code in rows}
    windows = Counter(pref for _, scope, pref in seen if scope == Service.Scope.LOCAL)
    places = Counter(pref for _, scope, pref in seen if scope == Service.Scope.PLACE)
    return windows, places


def coverage(language: str = "ja") -> Coverage:
    local = Platform.objects.public().exclude(kind=Platform.Kind.NATIONAL)
    platforms = Counter(local.values_list("prefecture_code", flat=True))
    members = Counter(
        Member.objects.public()
        .filter(platform__in=local)
        .values_list("platform__prefecture_code", flat=True)
    )
    windows, places = _directory_counts()
    return Coverage(
        [
            PrefectureCoverage(
                code,
                prefecture_name(code, language),
                platforms[code],
                members[code],
                windows[code],
                places[code],
            )
            for code in sorted(prefectures())
        ]
    )
