"""The one permission check of the staff side, for views and the API alike.

`can(user, permission, bodies)` says whether one of the user's memberships grants the
permission on one of `bodies` (on any body when `bodies` is None); `require` raises
PermissionDenied instead; `permission_required` guards a view: sign-in, second factor,
then the permission somewhere, so that the view only checks the record's own bodies.
Superusers get nothing here by being superusers: rights come from memberships only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from tsunagari.staff.models import Body, Membership
from tsunagari.staff.roles import SECOND_FACTOR_ROLES, Permission, permissions_of

User = Any  # request.user: a user or AnonymousUser
View = Callable[..., HttpResponse]

_CACHE = "_staff_memberships"


def memberships(user: User) -> list[Membership]:
    """The user's memberships, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(Membership.objects.filter(user_id=user.pk).select_related("body"))
        setattr(user, _CACHE, cached)
    return cached


def forget(user: User) -> None:
    """Drop the cached memberships after they changed."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def bodies_where(user: User, permission: Permission) -> list[Body]:
    return [m.body for m in memberships(user) if permission in permissions_of(m.body.kind, m.role)]


def can(user: User, permission: Permission, bodies: Iterable[Body] | None = None) -> bool:
    held = {body.pk for body in bodies_where(user, permission)}
    if bodies is None:
        return bool(held)
    return any(body.pk in held for body in bodies)


def require(user: User, permission: Permission, bodies: Iterable[Body] | None = None) -> None:
    """Raises PermissionDenied unless `can(user, permission, bodies)`."""
    if not can(user, permission, bodies):
        raise PermissionDenied(f"{permission} is not granted here")


def is_staff_member(user: User) -> bool:
    return bool(memberships(user))


def needs_second_factor(user: User) -> bool:
    """Whether this sign-in must be confirmed with a one-time code before any staff page:
    always once the user has a device, and in production for reviewers and admins."""
    from django_otp import user_has_device

    if not getattr(user, "is_authenticated", False):
        return False
    if user_has_device(user, confirmed=True):
        return True
    if not settings.PRODUCTION:
        return False
    return bool(user.is_staff or any(m.role in SECOND_FACTOR_ROLES for m in memberships(user)))


def second_factor_pending(request: HttpRequest) -> bool:
    verified = getattr(request.user, "is_verified", lambda: False)()
    return needs_second_factor(request.user) and not verified


def _to_second_factor(request: HttpRequest) -> HttpResponse:
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('staff:two_factor')}?{query}")


def permission_required(*permissions: Permission) -> Callable[[View], View]:
    """Guard a staff view: visitors go to the login, an unconfirmed second factor to its
    page, and a user holding none of `permissions` on any body gets 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if second_factor_pending(request):
                return _to_second_factor(request)
            if not any(can(request.user, p) for p in permissions):
                raise PermissionDenied(f"none of {permissions} is granted")
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorator


def staff_required(view: View) -> View:
    """Guard a page every member of staff may see (their own account, two-factor set-up)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if second_factor_pending(request):
            return _to_second_factor(request)
        if not is_staff_member(request.user):
            raise PermissionDenied("no membership")
        return view(request, *args, **kwargs)

    return login_required(guarded)
