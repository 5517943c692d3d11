"""つなぎ (hand-off with consent): the counsellor proposes an organisation and which fields
to share; the person agrees field by field (or refuses); only then is it sent, carrying only
what they agreed to, sealed. The receiving organisation accepts or declines, records the
contact and the closure; the sender sees each step; one waiting too long is reminded."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tsunagari.desk import crypto, live, transcript
from tsunagari.desk.conversations import require_reader
from tsunagari.desk.models import Conversation, Referral, ReferralStatus
from tsunagari.directory.areas import Place
from tsunagari.directory.models import Organization, Service, ServiceArea
from tsunagari.search.filters import NATIONWIDE, area_term, area_tier, covering_areas
from tsunagari.staff import access, audit
from tsunagari.staff.menu import Notice
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Permission

# What a referral may carry; the person chooses among those the counsellor asked for.
FIELDS = {
    "summary": gettext_lazy("相談の要約（相談員が書いたもの）"),
    "nickname": gettext_lazy("呼び名"),
    "area": gettext_lazy("住んでいる地域"),
    "contact": gettext_lazy("連絡先（電話番号またはメール）"),
}
S = ReferralStatus
NEXT = {  # what the receiving organisation may record next
    S.SENT: (S.ACCEPTED, S.DECLINED),
    S.ACCEPTED: (S.CONTACTED, S.CLOSED),
    S.CONTACTED: (S.CLOSED,),
}
STAMP = {
    S.ACCEPTED: "answered_at",
    S.DECLINED: "answered_at",
    S.CONTACTED: "contacted_at",
    S.CLOSED: "closed_at",
}


def receiving_body(organisation: Organization) -> Body | None:
    """The staff body that answers for a directory organisation: same code as its slug."""
    return Body.objects.filter(kind=Kind.ORGANISATION, code=organisation.slug).first()


def receivers() -> QuerySet[Organization]:
    """Organisations of the directory whose staff can receive a referral."""
    codes = Body.objects.filter(kind=Kind.ORGANISATION).values_list("code", flat=True)
    return Organization.objects.filter(slug__in=list(codes)).order_by("name")


def receivers_for(place: Place | None) -> list[tuple[Organization, int]]:
    """The receiving organisations whose listed services cover the person's place, local
    first (search.filters.area_tier: 2 their municipality, 1 their prefecture, 0
    nationwide), by name within a tier; never one limited to another area. Without a place
    the person told, only nationwide ones."""
    areas = covering_areas(place) if place else (NATIONWIDE,)
    organisations = {o.pk: o for o in receivers()}
    terms: dict[uuid.UUID, set[str]] = {}
    rows = ServiceArea.objects.filter(
        service__in=Service.objects.listed(), service__organization__in=list(organisations)
    ).values_list("service__organization", "kind", "code")
    for pk, kind, code in rows:
        terms.setdefault(pk, set()).add(area_term(kind, code))
    found = [
        (organisations[pk], area_tier(held, areas))
        for pk, held in terms.items()
        if held & set(areas)
    ]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].name))


def organisation(conversation: Conversation, pk: str) -> Organization | None:
    """One of the conversation's receivers (receivers_for its place) by its id as a form
    sends it; None for anything else."""
    try:
        wanted = uuid.UUID(pk)
    except ValueError:
        return None
    found = receivers_for(conversation.place)
    return next((o for o, _tier in found if o.pk == wanted), None)


def propose(
    conversation: Conversation,
    user: Any,
    organisation: Organization,
    fields: list[str],
    summary: str,
) -> Referral:
    require_reader(user, conversation)
    if conversation.counsellor_id != user.pk or conversation.body is None:
        raise PermissionDenied("only the counsellor holding the case proposes a referral")
    body = receiving_body(organisation)
    if body is None:
        raise ValidationError(_("この団体はまだ紹介を受けられません。"))
    if organisation not in [o for o, _tier in receivers_for(conversation.place)]:
        raise ValidationError(_("この団体は相談者の地域の紹介先ではありません。"))
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown or not fields:
        raise ValidationError(_("共有する項目を選んでください。"))
    if "summary" in fields and not summary.strip():
        raise ValidationError(_("要約を共有するときは要約を書いてください。"))
    referral = Referral.objects.create(
        conversation=conversation,
        organisation=organisation,
        body=body,
        sender_body=conversation.body,
        sent_by=user,
        asked_fields=[f for f in FIELDS if f in fields],
        sealed=crypto.seal(json.dumps({"summary": summary.strip()}, ensure_ascii=False)),
    )
    live.referral_proposed(conversation.pk)
    return referral


def pending_for(conversation: Conversation) -> Referral | None:
    return conversation.referrals.filter(status=S.PROPOSED).first()


def consent(referral: Referral, agreed: list[str], values: dict[str, str]) -> None:
    """The person's answer: the fields they agree to share, with what they typed for them.
    Nothing agreed means no referral (refused). Raises ValidationError on a missing value."""
    if referral.status != S.PROPOSED:
        raise ValidationError(_("この紹介にはすでに答えています。"))
    agreed = [f for f in referral.asked_fields if f in agreed]
    if not agreed:
        referral.status = S.REFUSED
        referral.sealed = b""
        referral.save()
        return
    typed = {f: values.get(f, "").strip()[:200] for f in agreed if f != "summary"}
    if missing := [str(FIELDS[f]) for f, v in typed.items() if not v]:
        raise ValidationError(
            _("次の項目を書いてください: %(fields)s") % {"fields": "、".join(missing)}
        )
    proposed = json.loads(crypto.unseal(referral.sealed))
    shared = {**typed, **({"summary": proposed["summary"]} if "summary" in agreed else {})}
    referral.sealed = crypto.seal(json.dumps(shared, ensure_ascii=False))
    referral.agreed_fields, referral.status = agreed, S.SENT
    referral.consented_at = timezone.now()
    referral.save()
    audit.log_action(None, "desk.referral.sent", referral, body=referral.sender_body)


def visible_to(user: Any) -> QuerySet[Referral]:
    """Referrals sent to the bodies where the user receives them."""
    bodies = access.bodies_where(user, Permission.RECEIVE_REFERRALS)
    return Referral.objects.filter(body__in=bodies).exclude(status__in=[S.PROPOSED, S.REFUSED])


def read_shared(referral: Referral, user: Any) -> dict[str, str]:
    """What the person agreed to share (audited); raises PermissionDenied for anyone but
    the receiving organisation."""
    if not access.can(user, Permission.RECEIVE_REFERRALS, [referral.body]):
        transcript.refused(user, referral)
        raise PermissionDenied("not the receiving organisation")
    if referral.status in (S.PROPOSED, S.REFUSED):
        raise PermissionDenied("not sent")
    shared: dict[str, str] = json.loads(crypto.unseal(referral.sealed))
    audit.log_action(user, "desk.conversation.read", referral, body=referral.body, after={})
    return shared


def answer(referral: Referral, user: Any, status: str) -> None:
    """Accept, decline, record the contact or the closure (in that order)."""
    access.require(user, Permission.RECEIVE_REFERRALS, [referral.body])
    if status not in NEXT.get(ReferralStatus(referral.status), ()):
        raise ValidationError(
            _("「%(status)s」の次にこの記録はできません。")
            % {"status": referral.get_status_display()}
        )
    before = audit.snapshot(referral)
    referral.status = status
    setattr(referral, STAMP[ReferralStatus(status)], timezone.now())
    referral.save()
    audit.log_action(user, "desk.referral.answered", referral, body=referral.body, before=before)


def remind_waiting() -> int:
    """The job desk-referral-reminders: a referral unanswered for
    DESK_REFERRAL_REMIND_HOURS is marked reminded (the receivers' staff bar shows it) and
    logged for the sender; once per referral, so safe to run twice."""
    limit = timezone.now() - datetime.timedelta(hours=settings.DESK_REFERRAL_REMIND_HOURS)
    waiting = Referral.objects.filter(status=S.SENT, consented_at__lt=limit, reminded_at=None)
    count = 0
    for referral in waiting:
        referral.reminded_at = timezone.now()
        referral.save(update_fields=["reminded_at"])
        audit.log_action(
            None, "desk.referral.reminded", referral, body=referral.sender_body, after={}
        )
        count += 1
    return count


def overdue_for(user: Any) -> QuerySet[Referral]:
    return visible_to(user).filter(status=S.SENT).exclude(reminded_at=None)


def notices(user: Any) -> list[Notice]:
    """The staff bar's reminder for the receivers of referrals waiting too long."""
    count = overdue_for(user).count()
    if not count:
        return []
    text = _("返事を待っている紹介が%(count)d件あります。") % {"count": count}
    return [Notice(text, reverse("desk_staff:referrals"))]
