"""The survey audit log joins the one staff audit log; survey staff become analysts.

Entries keep their time, user and details, with the Cabinet Office (which runs the survey)
as their body. A user who held every survey permission (the 調査担当 group, or each one
directly) becomes an analyst of the Cabinet Office; a user who held only some of them gets
no membership (an analyst may do more) and is printed for an administrator to decide.
"""

from django.db import migrations
from django.db.models import Q

ACTIONS = {
    "uploaded": "surveys.year.uploaded",
    "rejected": "surveys.year.rejected",
    "deleted": "surveys.year.deleted",
    "loaded": "surveys.year.loaded",
    "evaluated": "surveys.programme.evaluated",
}
PERMISSIONS = ("view_surveyyear", "add_surveyyear", "delete_surveyyear", "evaluate_programme")


def _cao(apps):
    body, _ = apps.get_model("staff", "Body").objects.get_or_create(
        kind="cabinet_office", code="cao", defaults={"name": "内閣府", "name_en": "Cabinet Office"}
    )
    return body


def forward(apps, schema_editor):
    cao = _cao(apps)
    New = apps.get_model("staff", "AuditEntry")
    New.objects.bulk_create(
        New(
            at=old.at, user_id=old.user_id, username=old.username, body=cao,
            action=ACTIONS.get(old.action, f"surveys.{old.action}"),
            record_label=old.target, details=old.details,
        )
        for old in apps.get_model("surveys", "AuditEntry").objects.order_by("at", "id")
    )
    User = apps.get_model("auth", "User")
    Membership = apps.get_model("staff", "Membership")
    for user in User.objects.filter(
        Q(groups__permissions__codename__in=PERMISSIONS) | Q(user_permissions__codename__in=PERMISSIONS)
    ).distinct():
        held = set(
            apps.get_model("auth", "Permission").objects.filter(
                Q(group__user=user) | Q(user=user), codename__in=PERMISSIONS
            ).values_list("codename", flat=True)
        )
        if held == set(PERMISSIONS):
            Membership.objects.get_or_create(user=user, body=cao, role="analyst")
        else:
            print(f"\n  surveys: {user.username} held only {sorted(held)}: no analyst role given")
    apps.get_model("auth", "Group").objects.filter(name="調査担当").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("staff", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="surveyyear",
            options={"ordering": ["synthetic", "-year"], "verbose_name": "調査年", "verbose_name_plural": "調査年"},
        ),
        migrations.DeleteModel(name="AuditEntry"),
    ]
