"""Shared steps of the platform tests: posting as a persona and deciding as another."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tsunagari.platform.bundled import load_platforms
from tsunagari.platform.models import Platform
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind

CASE_FORM = {
    "title": "高齢者の見守り電話の試み",
    "tried": "一人暮らしの高齢者に、ボランティアが週に一度電話をかけた。",
    "for_whom": "地域の一人暮らしの高齢者",
    "result": "孤立感が和らいだという声が多かった。",
    "lessons": "若い世代の参加が続かず、担い手が不足した。交通費の支援がなかったため。",
    "outcome": "mixed",
    "needs": ["loneliness"],
    "audiences": ["elderly"],
    "prefecture_code": "13",
    "municipality_code": "131016",
    "year": "2024",
}


def national() -> Platform:
    load_platforms()
    return Platform.objects.get(slug="national")


def post(client: Client, user: Any, url: str, data: dict[str, Any]) -> Any:
    client.force_login(user)
    return client.post(url, data)


def decide(
    client: Client, user: Any, kind: str, pk: int, step: str = "approve", **extra: str
) -> Any:
    client.force_login(user)
    return client.post(f"/staff/platform/reviews/{kind}/{pk}/", {"step": step, **extra})


def prefecture_body(code: str = "13", name: str = "東京都") -> Body:
    body, _created = Body.objects.get_or_create(
        kind=Kind.PREFECTURE, code=code, defaults={"name": name, "name_en": "Tokyo"}
    )
    return body
