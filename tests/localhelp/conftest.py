"""Shared by the local-help tests: a kind of window, a second member of 千代田区, and the
template filled in as a municipality's staff would."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import User

from tests.factories import create_service
from tests.personas import make_user
from tsunagari.directory.models import Service
from tsunagari.localhelp.template import COLUMNS
from tsunagari.staff.roles import Role

ROW = {
    "ID": "chiyoda-kanda-shokudo",
    "種別": "居場所",
    "名称": "かんだこども食堂",
    "名称（英語）": "Kanda Children's Cafeteria",
    "説明": "こどもと家族が一緒に食事できる居場所です。",
    "地域コード": "131016",
    "住所": "東京都千代田区神田1-1-1",
    "郵便番号": "101-0041",
    "電話番号": "03-3264-2111",
    "曜日": "土",
    "開始時刻": "11:00",
    "終了時刻": "14:00",
    "困りごと": "food, community",
    "対象": "child, family",
    "相談方法": "in-person",
    "情報源URL": "https://www.city.chiyoda.lg.jp/",
    "確認日": "2026-11-30",
}


def csv_file(*rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.header for c in COLUMNS])
    for row in rows:
        writer.writerow([row.get(c.header, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


@pytest.fixture
def kind(db: None) -> Service:
    return create_service(
        "chiiki-houkatsu-shien-center",
        name="地域包括支援センター",
        scope=Service.Scope.LOCAL_KIND,
        local_finder="市区町村にたずねてください。",
        needs=("elderly",),
    )


@pytest.fixture
def chiyoda_colleague(db: None) -> User:
    """Another member of 千代田区: the four eyes on what `personas.municipal` submits."""
    user = make_user("chiyoda-staff-2", ("chiyoda", Role.MUNICIPAL_STAFF))
    user.email = "colleague@city.chiyoda.example"
    user.save()
    return user
