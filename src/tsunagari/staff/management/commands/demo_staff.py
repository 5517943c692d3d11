"""`tsunagari demo_staff`: staff accounts for trying the staff pages on a local portal.

`make run` calls it so that a person trying tsunagari can sign in as a ministry editor, a
Cabinet Office reviewer and a survey analyst. Passwords are random and printed once; the
command refuses to run against anything but the local SQLite database unless forced.
"""

from __future__ import annotations

import secrets
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tsunagari.staff.members import grant
from tsunagari.staff.models import Body
from tsunagari.staff.roles import Kind, Role

# (username, kind of body, body code, role); the ministries' bodies come with the plan.
ACCOUNTS = (
    ("demo-editor", Kind.MINISTRY, "mhlw", Role.EDITOR),
    ("demo-reviewer", Kind.CABINET_OFFICE, "cao", Role.REVIEWER),
    ("demo-analyst", Kind.CABINET_OFFICE, "cao", Role.ANALYST),
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
            Body.objects.cabinet_office()
            for username, kind, code, role in ACCOUNTS:
                body = Body.objects.filter(kind=kind, code=code).first()
                if body is None:
                    raise CommandError(f"no {kind} {code!r}: run `tsunagari bootstrap` first")
                self._account(username, body, role, reset=options["reset"])

    def _account(self, username: str, body: Body, role: Role, reset: bool) -> None:
        user, created = User.objects.get_or_create(username=username)
        grant(user, body, role)
        who = f"{username} ({body.name}・{role.label})"
        if created or reset:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(f"{who}: password {password}")
        else:
            self.stdout.write(f"{who}: exists (--reset for a new password)")
