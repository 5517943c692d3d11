"""What the staff bar tells a member about the platform: posts waiting for their review,
and their own posts sent back."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from tsunagari.platform.queries import returned_to, waiting_for
from tsunagari.staff.menu import Notice


def for_user(user: Any) -> list[Notice]:
    notices = []
    waiting = len(waiting_for(user))
    if waiting:
        notices.append(
            Notice(
                _("プラットフォームの確認待ち: %(count)d件") % {"count": waiting},
                reverse("platform:queue"),
            )
        )
    returned = len(returned_to(user))
    if returned:
        notices.append(
            Notice(
                _("差し戻されたプラットフォームの投稿: %(count)d件") % {"count": returned},
                reverse("platform:staff"),
            )
        )
    return notices
