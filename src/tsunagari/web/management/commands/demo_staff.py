"""`tsunagari demo_staff`: staff accounts for trying the staff pages on a local portal.

`make run` calls it so that a person trying tsunagari can sign in as a ministry editor, a
Cabinet Office reviewer and a survey analyst. Passwords are random and printed once; the
command refuses to run against anything but the local SQLite database unless forced.
"""

from __future__ import annotations

import secrets
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import Group, Permission, User
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tsunagari.measures.access import EDITORS, REVIEWERS, ensure_groups
from tsunagari.measures.models import Ministry, MinistryMembership

ANALYSTS = "調査担当"
ANALYST_PERMISSIONS = (
    "view_surveyyear",
    "add_surveyyear",
    "delete_surveyyear",
    "view_auditentry",
    "evaluate_programme",
)


class Command(BaseCommand):
    help = "Create demo staff accounts (local portal only) and print their passwords."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--reset", action="store_true", help="give existing ones new passwords")
        parser.add_argument("--force", action="store_true", help="allow a non-SQLite database")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "sqlite" and not options["force"]:
            raise CommandError("demo accounts are for the local SQLite portal; use --force")
        with transaction.atomic():
            ensure_groups()
            analysts, _ = Group.objects.get_or_create(name=ANALYSTS)
            analysts.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="surveys", codename__in=ANALYST_PERMISSIONS
                )
            )
            accounts = [
                ("demo-editor", EDITORS, "厚生労働省"),
                ("demo-reviewer", REVIEWERS, None),
                ("demo-analyst", ANALYSTS, None),
            ]
            for username, group, ministry in accounts:
                self._account(username, group, ministry, reset=options["reset"])

    def _account(self, username: str, group: str, ministry: str | None, reset: bool) -> None:
        user, created = User.objects.get_or_create(username=username)
        user.groups.add(Group.objects.get(name=group))
        if ministry:
            MinistryMembership.objects.get_or_create(
                user=user, ministry=Ministry.objects.get(name=ministry)
            )
        if created or reset:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(f"{username} ({group}): password {password}")
        else:
            self.stdout.write(f"{username} ({group}): exists (--reset for a new password)")
