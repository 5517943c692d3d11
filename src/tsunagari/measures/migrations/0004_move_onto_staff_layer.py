"""Move the plan's staff data onto the staff layer, before 0005 drops the old tables.

- each ministry gets its staff body (内閣府 the Cabinet Office's);
- ministry editors (group 府省庁編集者 or the edit_own_ministry permission, with a
  MinistryMembership) become editors of their ministry's body; holders of decide_review
  become reviewers of the Cabinet Office; the two groups go;
- a review that was not approved becomes a Submission (a draft that a GET created is
  dropped), and the actuals its editor typed leave the public record: each observation
  goes back to its last ingested values, or goes if it had none;
- a review approved by a reviewer is linked to an approved Submission;
- django-simple-history's rows made by a user become audit entries with before/after.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from django.db.models import Q
from django.utils import timezone

EDITORS, REVIEWERS = "府省庁編集者", "内閣府確認者"
HISTORY_FIELDS = {"id", "history_id", "history_date", "history_change_reason", "history_type",
                  "history_user", "history_user_id"}


def _plain(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _holders(User, codename):
    held = Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename)
    return set(User.objects.filter(held).values_list("pk", flat=True))


def _bodies(apps):
    Body = apps.get_model("staff", "Body")
    for ministry in apps.get_model("measures", "Ministry").objects.all():
        kind = "cabinet_office" if ministry.code == "cao" else "ministry"
        body, _ = Body.objects.get_or_create(
            kind=kind, code=ministry.code, defaults={"name": ministry.name, "name_en": ministry.name_en}
        )
        ministry.body = body
        ministry.save(update_fields=["body"])
    cao, _ = Body.objects.get_or_create(
        kind="cabinet_office", code="cao", defaults={"name": "内閣府", "name_en": "Cabinet Office"}
    )
    return cao


def _memberships(apps, cao):
    User = apps.get_model("auth", "User")
    Membership = apps.get_model("staff", "Membership")
    editors = _holders(User, "edit_own_ministry") | set(
        User.objects.filter(groups__name=EDITORS).values_list("pk", flat=True)
    )
    for old in apps.get_model("measures", "MinistryMembership").objects.select_related("ministry"):
        if old.user_id in editors:
            Membership.objects.get_or_create(user_id=old.user_id, body_id=old.ministry.body_id, role="editor")
    reviewers = _holders(User, "decide_review") | set(
        User.objects.filter(groups__name=REVIEWERS).values_list("pk", flat=True)
    )
    for user_id in reviewers:
        Membership.objects.get_or_create(user_id=user_id, body=cao, role="reviewer")
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


def _staff_observations(apps, review):
    Observation = apps.get_model("measures", "Observation")
    History = apps.get_model("measures", "HistoricalObservation")
    entered = History.objects.filter(
        indicator__measure_id=review.measure_id, fiscal_year=review.fiscal_year,
        history_user__isnull=False,
    ).values_list("id", flat=True)
    return list(Observation.objects.filter(pk__in=set(entered)).select_related("indicator"))


def _submitted_at(apps, review):
    History = apps.get_model("measures", "HistoricalReview")
    last = History.objects.filter(id=review.pk, history_user__isnull=False).order_by("-history_date").first()
    return last.history_date if last else timezone.now()


def _submission(apps, review, state, observations):
    Submission = apps.get_model("measures", "Submission")
    measure = review.measure
    body_id = next((m.body_id for m in measure.ministries.all()), None) or (
        apps.get_model("staff", "Body").objects.get(kind="cabinet_office", code="cao").pk
    )
    submission = Submission.objects.create(
        measure_id=review.measure_id, fiscal_year=review.fiscal_year, body_id=body_id,
        achievement_text=review.achievement_text, status=review.status,
        policy_text=review.policy_text, decision=review.decision,
        actuals=[
            {"indicator": o.indicator_id, "name": o.indicator.name, "value": str(o.value)}
            for o in observations
        ],
        state=state, submitted_by_id=review.submitted_by_id, submitted_at=_submitted_at(apps, review),
        decided_by_id=review.decided_by_id, comment=review.reviewer_comment,
        decided_at=_submitted_at(apps, review) if review.decided_by_id else None,
    )
    if review.submitted_by_id:
        submission.authors.add(review.submitted_by_id)
    return submission


def _restore(apps, observation):
    """The observation as the last ingestion left it, or gone if it never had such values."""
    History = apps.get_model("measures", "HistoricalObservation")
    ingested = History.objects.filter(id=observation.pk, history_user__isnull=True).order_by("-history_date").first()
    if ingested is None or ingested.history_type == "-":
        observation.delete()
        return
    for field in ("value", "period_text", "achievement", "source_sentence", "needs_review", "review_note"):
        setattr(observation, field, getattr(ingested, field))
    observation.save()


def _reviews(apps):
    Review = apps.get_model("measures", "Review")
    for review in Review.objects.exclude(state="approved").select_related("measure"):
        observations = _staff_observations(apps, review)
        if review.state != "draft":
            _submission(apps, review, review.state, observations)
        for observation in observations:
            _restore(apps, observation)
        review.delete()
    for review in Review.objects.filter(state="approved", decided_by__isnull=False):
        observations = _staff_observations(apps, review)
        submission = _submission(apps, review, "approved", observations)
        review.submission = submission
        review.save(update_fields=["submission"])
        for observation in observations:
            observation.submission = submission
            observation.save(update_fields=["submission"])


def _history(apps):
    """Each change a user made, diffed against the row before it, as an audit entry."""
    AuditEntry = apps.get_model("staff", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    User = apps.get_model("auth", "User")
    names = dict(User.objects.values_list("pk", "username"))
    for model in ("review", "observation", "ministrymembership"):
        History = apps.get_model("measures", f"historical{model}")
        record_type, _ = ContentType.objects.get_or_create(app_label="measures", model=model)
        fields = [f.attname for f in History._meta.concrete_fields if f.attname not in HISTORY_FIELDS]
        previous = {}
        for row in History.objects.order_by("id", "history_date", "history_id"):
            values = _plain({f: getattr(row, f) for f in fields})
            before = previous.get(row.id, {})
            previous[row.id] = values if row.history_type != "-" else {}
            if row.history_user_id is None:
                continue
            after = values if row.history_type != "-" else {}
            changes = {k: [before.get(k), after.get(k)] for k in {*before, *after} if before.get(k) != after.get(k)}
            AuditEntry.objects.create(
                at=row.history_date, user_id=row.history_user_id, username=names.get(row.history_user_id, ""),
                action=f"measures.{model}.history", record_type=record_type, record_id=str(row.id),
                record_label=f"{model} {row.id}", changes=changes,
                details={"reason": row.history_change_reason or ""},
            )


def forward(apps, schema_editor):
    cao = _bodies(apps)
    _memberships(apps, cao)
    _reviews(apps)
    _history(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0003_submissions_and_staff_bodies"),
        ("staff", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
