"""What every public page needs to know: the children's mode and the form stamp."""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language


def public(request: HttpRequest) -> dict[str, object]:
    """`kids`: the children's mode (やさしい日本語, children's lines first), carried from page
    to page as ?kids=1 and only in Japanese; `stamp`: when this page was made (see `exit`);
    `desk_linked`: the consultation desk's chat is offered (settings.DESK_LINKED)."""
    kids = request.GET.get("kids") == "1" or request.path.startswith("/kids/")
    return {
        "kids": kids and (get_language() or "ja") == "ja",
        "stamp": int(time.time()),
        "desk_linked": settings.DESK_LINKED,
    }
