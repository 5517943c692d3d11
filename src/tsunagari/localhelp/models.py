"""A proposed change to local help (変更の申請) and the reminders owners were sent.

A proposal carries the entries as they would be written (the directory's bundle format,
JSON) and the ids to withdraw; nothing public changes until someone other than its author
publishes it (tsunagari.localhelp.workflow).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagari.staff.models import Body


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def listed(self) -> ProposalQuerySet:
        """Without the entries and the preview, which a municipality's file makes megabytes
        long: lists and the staff bar read only the rest (84 s with big uploads waiting)."""
        return self.defer("entries", "withdraw", "summary")


class Proposal(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("下書き（プレビュー）")
        SUBMITTED = "submitted", _("確認待ち")
        PUBLISHED = "published", _("公開済み")
        RETURNED = "returned", _("差戻し")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="local_proposals", verbose_name=_("所属")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="local_proposals",
        verbose_name=_("申請した人"),
    )
    state = models.CharField(_("状態"), max_length=12, choices=State, default=State.DRAFT)
    source = models.CharField(_("元のファイル・画面"), max_length=200)
    entries = models.JSONField(_("掲載する内容"), default=list)
    withdraw = models.JSONField(_("掲載をやめる窓口"), default=list)
    summary = models.JSONField(_("追加・変更・掲載終了"), default=dict)
    # The distinct areas of the entries: who may decide is read from these, not the entries.
    areas = models.JSONField(_("地域"), default=list)
    created_at = models.DateTimeField(_("作成日時"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("確認した人"),
    )
    decided_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    comment = models.TextField(_("コメント"), blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("地域の支援情報の変更申請")
        verbose_name_plural = _("地域の支援情報の変更申請")

    def __str__(self) -> str:
        return f"{self.body} {self.source} ({self.get_state_display()})"


class Reminder(models.Model):
    """確認の依頼: one e-mail to an owner about an entry whose check is due; one per check."""

    service_slug = models.SlugField(max_length=80)
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    checked_on = models.DateField()  # the check it asks to renew
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service_slug", "checked_on"], name="one_reminder_per_check"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_slug} ({self.checked_on})"
