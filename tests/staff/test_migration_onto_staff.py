"""Data made before the staff layer migrates onto it: ministry memberships become editor
memberships, reviewers and survey staff get their roles, a submitted review becomes a
report and its typed figure leaves the public record, old audit entries are kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# Migrating back and forth needs an empty, transactional database: it runs with the
# transactional live-server tests (`make test-e2e`), never beside the session-ingested plan.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BEFORE = [
    ("measures", "0002_indicator_kind_and_longer_notes"),
    ("surveys", "0001_initial"),
    ("staff", None),
]


def _old_data(apps: Any) -> None:
    User, Group = apps.get_model("auth", "User"), apps.get_model("auth", "Group")
    editor = User.objects.create(username="old-editor")
    editor.groups.add(Group.objects.create(name="府省庁編集者"))
    reviewer = User.objects.create(username="old-reviewer")
    reviewer.groups.add(Group.objects.create(name="内閣府確認者"))
    ministry = apps.get_model("measures", "Ministry").objects.create(
        code="mhlw", name="厚生労働省", name_en="MHLW"
    )
    apps.get_model("measures", "MinistryMembership").objects.create(user=editor, ministry=ministry)
    plan = apps.get_model("measures", "Plan").objects.create(
        code="2024", title="重点計画", decided_on=dt.date(2024, 6, 11), source="seed"
    )
    measure = apps.get_model("measures", "Measure").objects.create(plan=plan, number=8, name="施策")
    measure.ministries.add(ministry)
    indicator = apps.get_model("measures", "Indicator").objects.create(
        measure=measure,
        name="アクセス数",
        direction="increase",
        source_field="target",
        source_sentence="…",
    )
    Observation = apps.get_model("measures", "Observation")
    History = apps.get_model("measures", "HistoricalObservation")
    typed = Observation.objects.create(
        indicator=indicator,
        fiscal_year=2025,
        value=350000,
        achievement="achieved",
        source_sentence="old-editor (2025)",
    )
    History.objects.create(
        id=typed.pk,
        indicator=indicator,
        fiscal_year=2025,
        value=350000,
        achievement="achieved",
        source_sentence="old-editor (2025)",
        history_date=timezone.now(),
        history_type="+",
        history_user=editor,
        history_change_reason="entered by ministry",
    )
    apps.get_model("measures", "Review").objects.create(
        measure=measure,
        fiscal_year=2025,
        status="achieved",
        state="submitted",
        achievement_text="35万回",
        submitted_by=editor,
    )
    apps.get_model("surveys", "AuditEntry").objects.create(
        username="old-editor", action="uploaded", target="2023", details={"file": "a.csv"}
    )


def test_old_staff_data_moves_onto_the_staff_layer() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    _old_data(executor.loader.project_state([t for t in BEFORE if t[1]]).apps)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from django.contrib.auth.models import Group, User

    from tsunagari.measures.models import Observation, Review, Submission
    from tsunagari.staff.access import can
    from tsunagari.staff.models import AuditEntry, Body
    from tsunagari.staff.roles import Permission

    mhlw = Body.objects.get(kind="ministry", code="mhlw")
    editor, reviewer = (
        User.objects.get(username="old-editor"),
        User.objects.get(username="old-reviewer"),
    )
    assert can(editor, Permission.REPORT_MEASURES, [mhlw])
    assert can(reviewer, Permission.REVIEW_MEASURES)
    assert not Group.objects.filter(name__in=["府省庁編集者", "内閣府確認者"]).exists()
    submission = Submission.objects.get()
    assert (submission.state, submission.body, submission.submitted_by) == (
        "submitted",
        mhlw,
        editor,
    )
    assert submission.actuals[0]["value"] == "350000.000"
    assert not Review.objects.filter(fiscal_year=2025).exists()
    assert not Observation.objects.filter(fiscal_year=2025).exists()  # no longer public
    history = AuditEntry.objects.get(action="measures.observation.history")
    assert (history.user, history.changes["value"]) == (editor, [None, "350000.000"])
    survey = AuditEntry.objects.get(action="surveys.year.uploaded")
    assert (survey.username, survey.record_label, survey.body) == (
        "old-editor",
        "2023",
        Body.objects.cabinet_office(),
    )
