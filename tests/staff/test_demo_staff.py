from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.personas import body
from tsunagari.staff.access import can
from tsunagari.staff.roles import Permission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo_staff", "--force", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def ministry() -> None:
    body("mhlw")


def test_it_creates_an_editor_a_reviewer_and_an_analyst_with_printed_passwords() -> None:
    out = run()
    editor = User.objects.get(username="demo-editor")
    password = out.split("demo-editor (厚生労働省・編集者): password ")[1].split()[0]
    assert editor.check_password(password)
    assert can(User.objects.get(username="demo-editor"), Permission.REPORT_MEASURES, [body("mhlw")])
    assert can(User.objects.get(username="demo-reviewer"), Permission.REVIEW_MEASURES)
    assert can(User.objects.get(username="demo-analyst"), Permission.VIEW_SURVEYS)
    assert not can(User.objects.get(username="demo-analyst"), Permission.REVIEW_MEASURES)


def test_a_second_run_keeps_the_passwords() -> None:
    run()
    before = User.objects.get(username="demo-reviewer").password
    assert "exists" in run()
    assert User.objects.get(username="demo-reviewer").password == before


def test_it_refuses_a_database_other_than_sqlite_unless_forced() -> None:
    with mock.patch.object(connection, "vendor", "postgresql"), pytest.raises(CommandError):
        call_command("demo_staff", stdout=StringIO())
