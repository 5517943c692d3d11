"""What waits for a keeper of local help: proposals of others to review, returned ones."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import ngettext

from tsunagari.localhelp import workflow
from tsunagari.localhelp.models import Proposal
from tsunagari.staff import access
from tsunagari.staff.menu import Notice
from tsunagari.staff.roles import Permission


def for_user(user: Any) -> list[Notice]:
    if not access.can(user, Permission.EDIT_LOCAL_HELP):
        return []
    found = []
    returned = Proposal.objects.filter(author_id=user.pk, state=Proposal.State.RETURNED).count()
    if returned:
        text = ngettext(
            "差し戻された地域の支援情報が%(n)d件あります",
            "差し戻された地域の支援情報が%(n)d件あります",
            returned,
        ) % {"n": returned}
        found.append(Notice(text, reverse("localhelp:home")))
    submitted = (
        Proposal.objects.listed().filter(state=Proposal.State.SUBMITTED).exclude(author_id=user.pk)
    )
    waiting = sum(workflow.can_decide(user, p) for p in submitted.select_related("body"))
    if waiting:
        text = ngettext(
            "確認を待つ地域の支援情報が%(n)d件あります",
            "確認を待つ地域の支援情報が%(n)d件あります",
            waiting,
        ) % {"n": waiting}
        found.append(Notice(text, reverse("localhelp:home")))
    return found
