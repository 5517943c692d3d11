"""Who may see the curators' pages: decided here, in this one function.

Issue 10 builds one staff layer (bodies, roles, one permission check); when it lands, this
gate moves onto it and the views keep calling `curator_required`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required

View = Callable[..., Any]

CURATE = "directory.curate_directory"


def curator_required(view: View) -> View:
    """Visitors go to the staff login; signed-in users without the permission get 403."""
    return login_required(permission_required(CURATE, raise_exception=True)(view))
