"""What the templates show of a service: call links, the open-now badge, a result card."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tsunagari.directory.hours import TOKYO, OpenState
from tsunagari.directory.listing import Call, Listing
from tsunagari.directory.models import Service
from tsunagari.web.data_language import in_its_language
from tsunagari.web.hours_text import join_list
from tsunagari.web.languages import language_name


@dataclass(frozen=True)
class PhoneLink:
    """A number as dialled in Japan and the link that dials it (none for a fax)."""

    number: str
    href: str
    label: str = ""
    kind: str = "voice"
    toll_free: bool = False
    languages: tuple[str, ...] = ()  # what the line answers in, when it says


@dataclass(frozen=True)
class OpenBadge:
    """受付中 / 受付時間外 / 要確認. Unknown hours are never shown as open."""

    state: str  # open | closed | unknown
    label: str
    next_opening: str = ""


def phone_link(call: Call, language: str, languages: tuple[str, ...] = ()) -> PhoneLink:
    """`languages`: those of the service, for a line that does not say its own."""
    return PhoneLink(
        call.number,
        call.href,
        call.label_in(language),
        call.kind,
        call.toll_free,
        call.languages or languages,
    )


def listing_phones(listing: Listing, language: str) -> tuple[PhoneLink, ...]:
    return tuple(phone_link(p, language, listing.languages) for p in listing.phones)


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


def listing_badge(listing: Listing, now: dt.datetime) -> OpenBadge:
    hours = listing.hours
    state = hours.state_at(now)
    upcoming = hours.next_opening(now) if state is OpenState.CLOSED else None
    return open_badge(
        state,
        always_open=hours.always_open,
        status=listing.status,
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
    url: str = ""
    organization_line: str = ""
    languages: str = ""  # the languages besides Japanese its official page states


def spoken_besides_japanese(codes: tuple[str, ...]) -> str:
    return join_list([language_name(code) for code in codes if code != "ja"])


def service_card(
    listing: Listing,
    language: str,
    now: dt.datetime,
    matched: tuple[str, ...] = (),
    matched_fields: tuple[str, ...] = (),
    kids: bool = False,
) -> ServiceCard:
    organization = listing.organization_in(language)
    return ServiceCard(
        slug=listing.slug,
        name=listing.name_in(language),
        summary=summary_line(listing.description_in(language)),
        organization=listing.organization_in(language),
        phones=listing_phones(listing, language),
        badge=listing_badge(listing, now),
        local_kind=listing.local_kind,
        stale=listing.stale_on(timezone.localdate(now)),
        alert=listing.alert_in(language),
        matched=matched,
        matched_where=join_list(list(matched_fields)),
        url=reverse("web:service", args=[listing.slug]) + ("?kids=1" if kids else ""),
        organization_line=mark_safe(  # the translation escaped, the name marked
            escape(_("運営: %(organization)s")) % {"organization": in_its_language(organization)}
        ),
        languages=spoken_besides_japanese(listing.languages),
    )
