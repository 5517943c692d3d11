"""Who may see what: declared once, used by every staff view of the survey pages.

Visitors are sent to the staff login; signed-in users without the permission get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required

View = Callable[..., Any]

VIEW_RESULTS = "surveys.view_surveyyear"
UPLOAD = "surveys.add_surveyyear"
DELETE = "surveys.delete_surveyyear"
EVALUATE = "surveys.evaluate_programme"
READ_AUDIT = "surveys.view_auditentry"


def staff_only(permission: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorator
