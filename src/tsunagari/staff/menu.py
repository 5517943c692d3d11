"""What the staff bar on every page offers a signed-in member: the staff pages they may
open and what waits for them (a returned report, a review to do). Apps register both in
their AppConfig.ready, so the bar knows no app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise, SimpleLazyObject

from tsunagari.staff import access
from tsunagari.staff.roles import Permission


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    permissions: tuple[Permission, ...] = ()  # any of them; none: every member of staff

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class Notice:
    text: str
    url: str


LINKS: list[Link] = []
NOTICES: list[Callable[[Any], list[Notice]]] = []


def register_link(link: Link) -> None:
    if link not in LINKS:
        LINKS.append(link)


def register_notices(provider: Callable[[Any], list[Notice]]) -> None:
    if provider not in NOTICES:
        NOTICES.append(provider)


def links_for(user: Any) -> list[Link]:
    return [
        link
        for link in LINKS
        if not link.permissions or any(access.can(user, p) for p in link.permissions)
    ]


def notices_for(user: Any) -> list[Notice]:
    return [notice for provider in NOTICES for notice in provider(user)]


def staff_context(request: HttpRequest) -> dict[str, Any]:
    """Template context: `staff` is None for visitors, else the bar's contents (read
    lazily, so public pages pay nothing)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"staff": None}

    def bar() -> dict[str, Any]:
        return {
            "memberships": access.memberships(user),
            "links": links_for(user),
            "notices": notices_for(user),
        }

    return {"staff": SimpleLazyObject(bar)}
