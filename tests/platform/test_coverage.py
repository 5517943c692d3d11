"""Coverage of the 47 prefectures and the measure-140 KPI: the map, the table and the CSV
change when a local platform is published, not before."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client

from tests.factories import create_service
from tests.personas import Personas, body
from tests.platform.helpers import decide, post
from tsunagari.directory.models import Service
from tsunagari.platform.coverage import TILES, coverage
from tsunagari.platform.models import Platform

pytestmark = pytest.mark.django_db

LOCAL = {
    "name": "千代田区つながりプラットフォーム",
    "name_en": "",
    "purpose": "区内の団体が情報を共有する",
    "purpose_en": "",
    "how_to_join": "区の担当課に申し込む",
    "how_to_join_en": "",
    "contact_url": "https://www.city.example.lg.jp/platform/",
}


def _csv(client: Client) -> list[list[str]]:
    text = client.get("/platform/coverage.csv").content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_every_prefecture_has_one_tile() -> None:
    assert sorted(TILES) == [f"{n:02d}" for n in range(1, 48)]
    assert len(set(TILES.values())) == 47


def test_with_no_local_platform_the_kpi_is_zero_of_47(client: Client) -> None:
    page = client.get("/platform/")
    assert page.status_code == 200
    assert coverage().covered == 0 and coverage().target == 47
    assert "まだつながりに登録されていません" in page.content.decode()
    rows = _csv(client)
    assert len(rows) == 48 and rows[0][0] == "prefecture_code"


def test_a_municipalitys_platform_covers_its_prefecture_once_approved(
    client: Client, personas: Personas
) -> None:
    response = post(client, personas.municipal, "/staff/platform/local/new/", LOCAL)
    assert response.status_code == 302
    platform = Platform.objects.get(slug="city-131016")
    assert platform.prefecture_code == "13" and not platform.published
    assert coverage().covered == 0
    decide(client, personas.reviewer, "platform", platform.pk)
    assert coverage().covered == 1
    tokyo = next(row for row in _csv(Client()) if row[0] == "13")
    assert tokyo[2] == "1"
    svg = Client().get("/platform/").content.decode()
    assert "東京都: 地方版プラットフォーム 1、参画団体 0、地域の窓口 0、居場所 0" in svg
    assert (
        "https://www.city.example.lg.jp/platform/"
        in Client().get("/platform/p/city-131016/").content.decode()
    )
    api = Client().get("/api/v1/coverage").json()
    assert api["covered"] == 1 and api["measure"] == 140 and not api["achieved"]


def test_members_of_a_local_platform_are_counted(client: Client, personas: Personas) -> None:
    post(client, personas.municipal, "/staff/platform/local/new/", LOCAL)
    platform = Platform.objects.get()
    decide(client, personas.reviewer, "platform", platform.pk)
    post(client, personas.npo_editor, "/staff/platform/join/", {"platform": platform.pk})
    member = platform.members.get(body=body("akari"))
    decide(client, personas.reviewer, "member", member.pk)
    tokyo = next(p for p in coverage().prefectures if p.code == "13")
    assert (tokyo.platforms, tokyo.members) == (1, 1)


def test_an_organisation_cannot_register_a_local_platform(
    client: Client, personas: Personas
) -> None:
    assert post(client, personas.npo_editor, "/staff/platform/local/new/", LOCAL).status_code == 403


def _tokyo() -> tuple[int, int]:
    tokyo = next(p for p in coverage().prefectures if p.code == "13")
    return tokyo.windows, tokyo.places


def test_a_window_in_a_municipality_counts_under_its_prefecture(client: Client) -> None:
    assert _tokyo() == (0, 0)
    create_service("chiyoda-window", scope=Service.Scope.LOCAL, areas=(("municipality", "131016"),))
    assert _tokyo() == (1, 0)
    # a place of the prefecture itself, and one serving two wards of it, each count once
    create_service("tokyo-place", scope=Service.Scope.PLACE, areas=(("prefecture", "13"),))
    create_service(
        "two-wards-place",
        scope=Service.Scope.PLACE,
        areas=(("municipality", "131016"), ("municipality", "131041")),
    )
    assert _tokyo() == (1, 2)
    osaka = next(p for p in coverage().prefectures if p.code == "27")
    assert (osaka.windows, osaka.places) == (0, 0)
    # national lines and kinds of window are not local entries of any prefecture
    create_service("national-line", areas=(("nationwide", ""),))
    assert _tokyo() == (1, 2)

    tokyo = next(row for row in _csv(client) if row[0] == "13")
    assert _csv(client)[0][4:] == ["local_windows", "places"]
    assert tokyo[4:] == ["1", "2"]
    page = client.get("/platform/").content.decode()
    assert "東京都: 地方版プラットフォーム 0、参画団体 0、地域の窓口 1、居場所 2" in page
    assert "<td>1</td><td>2</td>" in page  # the table's Tokyo row
    api = next(p for p in client.get("/api/v1/coverage").json()["prefectures"] if p["code"] == "13")
    assert (api["local_windows"], api["places"]) == (1, 2)


def test_withdrawn_or_ended_windows_are_not_counted() -> None:
    window = create_service(
        "chiyoda-window", scope=Service.Scope.LOCAL, areas=(("municipality", "131016"),)
    )
    assert _tokyo() == (1, 0)
    window.status = Service.Status.INACTIVE  # what withdrawing an entry in local help does
    window.save()
    assert _tokyo() == (0, 0)
    create_service(
        "ended-place",
        scope=Service.Scope.PLACE,
        areas=(("municipality", "131016"),),
        valid_to=dt.date(2020, 3, 31),
    )
    create_service(
        "defunct-place",
        scope=Service.Scope.PLACE,
        areas=(("prefecture", "13"),),
        status=Service.Status.DEFUNCT,
    )
    assert _tokyo() == (0, 0)
