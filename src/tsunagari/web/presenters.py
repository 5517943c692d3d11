"""What the templates show of a service: call links, the open-now badge, a result card."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tsunagari.directory.hours import TOKYO, OpenState
from tsunagari.directory.listing import Call, Listing
from tsunagari.directory.models import Service
from tsunagari.navigator.furigana import furigana
from tsunagari.web.data_language import in_its_language, lang_attribute
from tsunagari.web.hours_text import join_list
from tsunagari.web.languages import language_name

# Faces kept a worker (a few kB each): the services that a day's searches show.
KEPT_FACES = 2048


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


@dataclass(frozen=True, eq=False)  # one face a key: compared and hashed by identity
class CardFace:
    """What a result card shows that depends only on the service, the page's language and
    the children's mode, drawn once: its title, summary, notice, calls and organisation.
    Nothing in it depends on the moment or on what was searched."""

    listing: Listing
    title: SafeString
    body: SafeString
    organization: SafeString
    kept: bool = False  # kept from page to page (`stored_card_face`): so is its status


def card_face(listing: Listing, language: str, kids: bool = False) -> CardFace:
    """`kids`: ?kids=1 was asked for; the links carry it, and the words are a child's where
    the children's mode exists (Japanese pages, see `context_processors.public`). A text of
    the directory not in the page's language is marked with its own (`data_language`)."""
    plain = kids and language == "ja"
    url = reverse("web:service", args=[listing.slug]) + ("?kids=1" if kids else "")
    name = listing.name_in(language)
    title = format_html(
        '<h3 class="card__title" id="card-{}"><a href="{}"{}>{}</a></h3>',
        listing.slug,
        url,
        lang_attribute(name),
        furigana(name) if plain else name,
    )
    summary = summary_line(listing.description_in(language))
    alert = listing.alert_in(language)
    phones = listing_phones(listing, language)
    languages = spoken_besides_japanese(listing.languages)
    body = format_html(
        '<p class="card__summary"{}>{}</p>\n  {}\n  {}\n  {}',
        lang_attribute(summary),
        summary,
        format_html(
            '<p class="card__alert"><strong>{}</strong> <span{}>{}</span></p>',
            _("お知らせ:"),
            lang_attribute(alert),
            alert,
        )
        if alert
        else "",
        format_html(
            '<p class="card__languages">{}</p>',
            _("日本語以外の言葉: %(languages)s") % {"languages": languages},
        )
        if languages and not kids
        else "",
        format_html(
            '<p class="card__calls">{}</p>', mark_safe("".join(call_html(p, plain) for p in phones))
        )
        if phones
        else "",
    )
    organization = mark_safe(  # the translation escaped, the name marked
        escape(_("運営: %(organization)s"))
        % {"organization": in_its_language(listing.organization_in(language))}
    )
    return CardFace(
        listing,
        title,
        body,
        mark_safe("") if plain else format_html('<p class="card__org">{}</p>', organization),
    )


def spoken_besides_japanese(codes: tuple[str, ...]) -> str:
    return join_list([language_name(code) for code in codes if code != "ja"])


@lru_cache(maxsize=KEPT_FACES)
def stored_card_face(card: bytes, language: str, kids: bool, prefix: str) -> CardFace:
    """The face of a card as the search index stores it (`engine.stored_cards`), kept by
    the card's own bytes: an edited service is stored anew (a new key) and a withdrawn one
    is no longer found, so a face kept is never out of date. `prefix`, the script prefix
    its links are drawn under, is part of the key."""
    return replace(card_face(Listing.from_data(json.loads(card)), language, kids), kept=True)


def face_of(card: bytes, language: str, kids: bool = False) -> CardFace:
    return stored_card_face(card, language, kids, get_script_prefix())


@dataclass(frozen=True)
class ServiceCard:
    """One service in a list: its face, and what depends on the moment (open now, stale)
    and on the search (the words it matched)."""

    face: CardFace
    status: SafeString  # the open-now badge, when it next opens, a local kind's tag
    stale: bool
    why: SafeString  # the words it matched, and where (empty when none)

    @property
    def slug(self) -> str:
        return self.face.listing.slug


def service_card(
    face: CardFace,
    now: dt.datetime,
    today: dt.date,
    matched: tuple[str, ...] = (),
    matched_fields: tuple[str, ...] = (),
) -> ServiceCard:
    """`today`: `now`'s day in Japan, asked once for a whole list."""
    return ServiceCard(
        face=face,
        status=(kept_card_status if face.kept else card_status)(
            face, now.replace(second=0, microsecond=0)
        ),
        stale=face.listing.stale_on(today),
        why=matched_words(matched, matched_fields),
    )


def matched_words(matched: tuple[str, ...], fields: tuple[str, ...]) -> SafeString:
    """一致した言葉: いじめ（名称・説明に）. Drawn for this search only, never kept: the words
    come from what the person typed."""
    if not matched:
        return mark_safe("")
    words = mark_safe(
        " ".join(format_html("<mark{}>{}</mark>", lang_attribute(word), word) for word in matched)
    )
    where = (
        format_html(
            ' <span class="card__fields">{}</span>',
            _("（%(where)sに）") % {"where": join_list(list(fields))},
        )
        if fields
        else ""
    )
    return format_html('<p class="card__why">{} {}{}</p>', _("一致した言葉:"), words, where)


def card_status(face: CardFace, minute: dt.datetime) -> SafeString:
    """受付中, or 受付時間外 and 次の受付: 今日 17:00. A kept face's is kept for the minute
    (`kept_card_status`), for everyone who sees the card: opening hours begin and end on
    the minute."""
    badge = listing_badge(face.listing, minute)
    html = format_html('<span class="badge badge--{}">{}</span>', badge.state, badge.label)
    if badge.next_opening:
        upcoming = _("次の受付: %(moment)s") % {"moment": badge.next_opening}
        html += format_html(' <span class="badge-next">{}</span>', upcoming)
    if face.listing.local_kind:
        html += format_html(' <span class="tag">{}</span>', _("お住まいの地域の窓口"))
    return html


kept_card_status = lru_cache(maxsize=KEPT_FACES)(card_status)


def call_html(phone: PhoneLink, kids: bool = False) -> SafeString:
    """A number as a link that calls (none for a fax), drawn in Python: a page of results
    has a few dozen, and an included template for each cost more than the search."""
    if not phone.href:
        label = format_html(" {}", in_its_language(phone.label)) if phone.label else ""
        return format_html('<span class="fax">{} {}{}</span>', _("FAX"), phone.number, label)
    verbs = {
        "text": _("SMSを送る"),
        "video": _("ビデオ通話"),
        "textphone": _("文字電話"),
    }
    verb = verbs.get(phone.kind) or (_("でんわする") if kids else _("電話する"))
    parts = [format_html('<span class="call__verb">{}</span> ', verb)]
    parts.append(format_html('<span class="call__number">{}</span>', phone.number))
    if phone.label:
        parts.append(
            format_html(
                ' <span class="call__label"{}>{}</span>', lang_attribute(phone.label), phone.label
            )
        )
    if phone.toll_free:
        free = _("むりょう") if kids else _("無料")
        parts.append(format_html(' <span class="call__free">{}</span>', free))
    sms = " call--sms" if phone.kind == "text" else ""
    return format_html(
        '<a class="call{}" href="{}">{}</a>', sms, phone.href, mark_safe("".join(parts))
    )
