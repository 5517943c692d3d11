"""{% if user|can:"surveys.upload" %}: the staff permission check in templates."""

from __future__ import annotations

from typing import Any

from django import template

from tsunagari.staff import access
from tsunagari.staff.roles import Permission

register = template.Library()


@register.filter
def can(user: Any, permission: str) -> bool:
    return access.can(user, Permission(permission))
