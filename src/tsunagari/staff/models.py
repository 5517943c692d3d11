"""Who staff are: bodies, the members of each with their roles, and one audit log."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tsunagari.staff.roles import GRANTS, Kind, Role


def jis_municipality_code_error(code: str) -> str:
    """Why `code` is not a JIS X 0402 local-government code (six digits, the last a check
    digit), or "" when it is one."""
    if not re.fullmatch(r"[0-9]{6}", code):
        return str(_("市区町村は6桁の全国地方公共団体コード（例: 131016）で指定してください。"))
    digits = [int(d) for d in code[:5]]
    remainder = sum(d * w for d, w in zip(digits, (6, 5, 4, 3, 2), strict=True)) % 11
    check = (11 - remainder) % 10
    if int(code[5]) != check:
        return str(_("全国地方公共団体コードの検査数字が合いません（%(code)s）。")) % {"code": code}
    return ""


class BodyQuerySet(models.QuerySet["Body"]):
    def cabinet_office(self) -> Body:
        """内閣府: the coordinating body; it runs the national survey and reviews the plan."""
        body, _created = self.get_or_create(
            kind=Kind.CABINET_OFFICE,
            code="cao",
            defaults={"name": "内閣府", "name_en": "Cabinet Office"},
        )
        return body


class Body(models.Model):
    """所属: a body staff act for: the Cabinet Office, a ministry, a prefecture, a
    municipality (by its JIS code) or an organisation such as an NPO or a 社会福祉協議会."""

    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("コード"), max_length=40, help_text=_("府省庁は略称、市区町村は6桁のJISコード")
    )
    name = models.CharField(_("名称"), max_length=100)
    name_en = models.CharField(_("英語名"), max_length=200, blank=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("所属")
        verbose_name_plural = _("所属")
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="body_code")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == Kind.MUNICIPALITY and (error := jis_municipality_code_error(self.code)):
            raise ValidationError({"code": error})
        if self.kind == Kind.PREFECTURE and not (
            re.fullmatch(r"[0-9]{2}", self.code) and 1 <= int(self.code) <= 47
        ):
            raise ValidationError(
                {"code": _("都道府県は2桁のコード（01〜47）で指定してください。")}
            )


class Membership(models.Model):
    """A user's role in a body (所属と役割); what it allows is in roles.GRANTS."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("ユーザー"),
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("所属")
    )
    role = models.CharField(_("役割"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["body", "role"]
        verbose_name = _("所属と役割")
        verbose_name_plural = _("所属と役割")
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role"], name="staff_membership_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.body} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.body_id and (self.body.kind, self.role) not in GRANTS:
            raise ValidationError(
                {
                    "role": _("%(kind)sの所属に「%(role)s」の役割はありません。")
                    % {"kind": self.body.get_kind_display(), "role": self.get_role_display()}
                }
            )


class AuditEntry(models.Model):
    """監査記録: one staff change: who, when, for which body, which record, and each
    changed field's value before and after. Written by audit.log_action only."""

    at = models.DateTimeField(_("日時"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("操作者"),
    )
    username = models.CharField(_("操作者"), max_length=150, blank=True)
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("所属"),
    )
    action = models.CharField(_("操作"), max_length=80, db_index=True)
    record_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    record_id = models.CharField(max_length=64, blank=True)
    record_label = models.CharField(pgettext_lazy("audit", "対象"), max_length=255, blank=True)
    changes = models.JSONField(default=dict)  # {field: [before, after]}
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("監査記録")
        verbose_name_plural = _("監査記録")
        indexes = [models.Index(fields=["record_type", "record_id"], name="audit_record")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.record_label}"

    @property
    def record_model(self) -> type[models.Model] | None:
        return self.record_type.model_class() if self.record_type else None

    def changed(self) -> list[tuple[str, Any, Any]]:
        return [(field, pair[0], pair[1]) for field, pair in self.changes.items()]
