"""What the templates show of a service: call links, the open-now badge, a result card."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tsunagari.directory.hours import TOKYO, OpenState
from tsunagari.directory.models import Phone, Service, pick
from tsunagari.directory.phone_numbers import tel_uri
from tsunagari.web.hours_text import join_list


@dataclass(frozen=True)
class PhoneLink:
    """A number as dialled in Japan and the link that dials it (none for a fax)."""

    number: str
    href: str
    label: str = ""
    kind: str = "voice"
    toll_free: bool = False


@dataclass(frozen=True)
class OpenBadge:
    """受付中 / 受付時間外 / 要確認. Unknown hours are never shown as open."""

    state: str  # open | closed | unknown
    label: str
    next_opening: str = ""


def phone_link(
    number: str, kind: str = "voice", label: str = "", toll_free: bool = False
) -> PhoneLink:
    if kind == Phone.Type.FAX:
        href = ""
    elif kind == Phone.Type.TEXT:
        href = "sms:" + tel_uri(number).removeprefix("tel:")
    else:
        href = tel_uri(number)
    return PhoneLink(number, href, label, kind, toll_free)


def service_phones(service: Service, language: str) -> tuple[PhoneLink, ...]:
    return tuple(
        phone_link(p.number, p.type, pick(language, p.label, p.label_en), p.toll_free)
        for p in service.phones.all()
    )


def open_badge(
    state: OpenState,
    *,
    always_open: bool = False,
    status: str = Service.Status.ACTIVE,
    next_opening: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> OpenBadge:
    if status != Service.Status.ACTIVE:
        return OpenBadge(OpenState.CLOSED.value, _("休止中"))
    if state is OpenState.OPEN:
        return OpenBadge(state.value, _("24時間受付") if always_open else _("受付中"))
    if state is OpenState.CLOSED:
        label = _("受付時間外")
        upcoming = format_moment(next_opening, now) if next_opening else ""
        return OpenBadge(state.value, label, upcoming)
    return OpenBadge(state.value, _("受付時間は要確認"))


def service_badge(service: Service, now: dt.datetime) -> OpenBadge:
    hours = service.hours()
    state = hours.state_at(now)
    upcoming = hours.next_opening(now) if state is OpenState.CLOSED else None
    return open_badge(
        state,
        always_open=hours.always_open,
        status=service.status,
        next_opening=upcoming,
        now=now,
    )


def format_moment(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """When a service next opens, in Japan time: 今日 17:00, 明日 9:00, 11月25日(水) 9:00."""
    moment = moment.astimezone(TOKYO)
    time = f"{moment.hour}:{moment.minute:02d}"
    today = now.astimezone(TOKYO).date() if now else None
    if today and moment.date() == today:
        return _("今日 %(time)s") % {"time": time}
    if today and moment.date() == today + dt.timedelta(days=1):
        return _("明日 %(time)s") % {"time": time}
    # Translators: a Django date format for the next opening time (n月j日(D) G:i).
    return date_format(moment, _("n月j日(D) G:i"))


def summary_line(text: str, limit: int = 90) -> str:
    """The first sentence of a description, cut to fit one line of a card."""
    first = text.strip().split("\n")[0]
    for stop in ("。", ". "):
        if stop in first:
            first = first.split(stop)[0] + stop.strip()
            break
    return first if len(first) <= limit else first[: limit - 1] + "…"


@dataclass(frozen=True)
class ServiceCard:
    """One service in a list: what a person needs to decide and to call."""

    slug: str
    name: str
    summary: str
    organization: str
    phones: tuple[PhoneLink, ...]
    badge: OpenBadge
    local_kind: bool
    stale: bool
    alert: str
    matched: tuple[str, ...] = ()
    matched_where: str = ""


def service_card(
    service: Service,
    language: str,
    now: dt.datetime,
    matched: tuple[str, ...] = (),
    matched_fields: tuple[str, ...] = (),
) -> ServiceCard:
    return ServiceCard(
        slug=service.slug,
        name=service.display_name(language),
        summary=summary_line(service.display_description(language)),
        organization=service.organization.display_name(language),
        phones=service_phones(service, language),
        badge=service_badge(service, now),
        local_kind=service.scope == Service.Scope.LOCAL_KIND,
        stale=service.is_stale,
        alert=pick(language, service.alert, service.alert_en),
        matched=matched,
        matched_where=join_list(list(matched_fields)),
    )
