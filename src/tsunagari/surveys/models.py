"""Stored survey years (what staff did with them is in the staff audit log)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
        constraints = [
            models.UniqueConstraint(fields=["year", "synthetic"], name="surveys_one_file_per_year")
        ]

    # The microdata and the estimates stay out of the audit log: it records the upload.
    audit_exclude = ("content", "estimates", "attributes")

    def __str__(self) -> str:
        return f"{self.year} SYNTHETIC" if self.synthetic else str(self.year)

    @property
    def results(self) -> SurveyEstimates:
        return SurveyEstimates.from_json(self.estimates)
