"""Stored survey years and the audit log of what staff did with them."""

from __future__ import annotations

import gzip

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tsunagari.surveys.results import SurveyEstimates


class SurveyYear(models.Model):
    """One year's validated microdata (調査年) with its estimates by every attribute.

    Synthetic demonstration data and real data are kept apart: one file per year in each,
    and trends never mix them.
    """

    year = models.PositiveSmallIntegerField(
        _("調査年"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    synthetic = models.BooleanField(_("合成データ"), default=False)
    source_name = models.CharField(_("ファイル名"), max_length=255)
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField(help_text="the uploaded CSV, gzip-compressed")
    mapping = models.CharField(_("対応表"), max_length=100, blank=True)
    lonely_psu = models.CharField(_("単一PSU層の扱い"), max_length=20, default="fail")
    respondents = models.PositiveIntegerField(_("回答者数"))
    attributes = models.JSONField(default=list)
    estimates = models.JSONField(help_text="SurveyEstimates.to_json(), by every attribute")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["synthetic", "-year"]
        verbose_name = _("調査年")
        verbose_name_plural = _("調査年")
        permissions = [("evaluate_programme", _("事業評価レポートを作成できる"))]
        constraints = [
            models.UniqueConstraint(fields=["year", "synthetic"], name="surveys_one_file_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} SYNTHETIC" if self.synthetic else str(self.year)

    @property
    def results(self) -> SurveyEstimates:
        return SurveyEstimates.from_json(self.estimates)

    @property
    def csv_bytes(self) -> bytes:
        return gzip.decompress(bytes(self.content))


class AuditEntry(models.Model):
    """Who did what to the survey data, and when (監査記録). Never holds microdata."""

    class Action(models.TextChoices):
        UPLOADED = "uploaded", _("アップロード")
        REJECTED = "rejected", _("アップロード拒否（入力エラー）")
        DELETED = "deleted", _("削除")
        LOADED = "loaded", _("同梱データの読み込み")
        EVALUATED = "evaluated", _("事業評価レポートの作成")

    at = models.DateTimeField(_("日時"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("ユーザー"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    target = models.CharField(pgettext_lazy("audit", "対象"), max_length=255)
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("監査記録")
        verbose_name_plural = _("監査記録")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.target}"
