"""The consultation desk's records: a conversation (相談), its messages sealed at rest, the
closing record and the tallies kept for statistics after the text is gone."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.areas import Place, resolve_place
from tsunagari.staff.models import Body

TOP_LEVEL = 5


class Status(models.TextChoices):
    WAITING = "waiting", _("待っている")
    ACTIVE = "active", _("対応中")
    CLOSED = "closed", _("終了")
    LEFT = "left", _("相談者が退出")


class Outcome(models.TextChoices):
    LISTENED = "listened", _("話を聞いた")
    INFORMED = "informed", _("情報を伝えた")
    REFERRED = "referred", _("つなぎ先を紹介した")
    EMERGENCY = "emergency", _("緊急通報・保護につないだ")
    DROPPED = "dropped", _("途中で終わった")


def new_code() -> str:
    """The private code a person keeps to come back: 12 characters of a 31-letter alphabet
    without look-alikes (about 59 bits), typed by hand on a phone."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ2345679"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


class Conversation(models.Model):
    """相談: one anonymous chat. Nothing names the person; the private code is kept only
    as a digest. `level` is the highest urgency any message reached and is never lowered."""

    status = models.CharField(
        _("状態"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    language = models.CharField(_("言語"), max_length=8, default="ja")
    started_at = models.DateTimeField(_("開始日時"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("最後のやりとり"), default=timezone.now)
    ended_at = models.DateTimeField(_("終了"), null=True, blank=True)
    level = models.PositiveSmallIntegerField(_("緊急度"), default=0)
    reasons = models.JSONField(_("緊急度の理由"), default=list, blank=True)
    code_digest = models.CharField(max_length=64, unique=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desk_conversations",
        verbose_name=_("担当の相談員"),
    )
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("担当の団体")
    )
    claimed_at = models.DateTimeField(_("担当開始"), null=True, blank=True)
    alerted_at = models.DateTimeField(_("スーパーバイザーへの通知"), null=True, blank=True)
    topics = models.JSONField(_("相談の分類"), default=list, blank=True)
    outcome = models.CharField(_("結果"), max_length=12, choices=Outcome.choices, blank=True)
    # Only the code of the area the person chose to tell (JIS X 0402: 2 digits for a
    # prefecture, 6 for a municipality), never what they typed.
    area_code = models.CharField(_("相談者が伝えた地域"), max_length=6, blank=True)
    # The number of its last message (Message.seq): a socket that missed one sees the gap.
    last_seq = models.PositiveIntegerField(default=0)

    audit_exclude = ("code_digest",)

    class Meta:
        verbose_name = _("相談")
        verbose_name_plural = _("相談")
        indexes = [models.Index(fields=["status", "-level", "started_at"])]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in (Status.WAITING, Status.ACTIVE)

    @property
    def place(self) -> Place | None:
        return resolve_place(self.area_code) if self.area_code else None

    def raise_level(self, level: int, reasons: list[dict[str, object]]) -> None:
        """Keep the highest level reached, with the reasons of every message that reached
        it or more (a calmer message later never lowers it)."""
        if level > self.level:
            self.level = level
        known = {r["code"] for r in self.reasons}
        self.reasons = [*self.reasons, *(r for r in reasons if r["code"] not in known)]


class Sender(models.TextChoices):
    PERSON = "person", _("相談者")
    COUNSELLOR = "counsellor", _("相談員")


class Message(models.Model):
    """One message, its text sealed (crypto.seal): unreadable in the database without the
    key. Read it through transcript.read, which writes the audit entry."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(default=timezone.now)
    sealed = models.BinaryField()
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    # 1, 2, 3… within the conversation, in the order the messages were committed (numbered
    # under the conversation's row lock): a socket or a page that saw up to n asks for > n.
    seq = models.PositiveIntegerField()

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="desk_message_seq")
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}/{self.pk}"  # never the text


class Tally(models.Model):
    """統計: what the plan counts of one ended conversation, with no text and no link to
    it, so that it outlives the conversation's deletion."""

    ended_on = models.DateField()
    started_hour = models.PositiveSmallIntegerField()
    level = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    topics = models.JSONField(default=list, blank=True)
    minutes = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.ended_on} level {self.level}"


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("本人の同意待ち")
    REFUSED = "refused", _("本人が同意しなかった")
    SENT = "sent", _("受け入れ先の返事待ち")
    ACCEPTED = "accepted", _("受け入れ")
    DECLINED = "declined", _("受け入れできない")
    CONTACTED = "contacted", _("本人と連絡がとれた")
    CLOSED = "closed", _("支援を終えた")


class Referral(models.Model):
    """つなぎ: a hand-off to a local organisation of the directory, sent only with the
    person's recorded consent and carrying only the fields they agreed to share (sealed)."""

    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    organisation = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, verbose_name=_("紹介先")
    )
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("受け入れる団体")
    )
    sender_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="+", verbose_name=_("紹介した団体")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("状態"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED
    )
    asked_fields = models.JSONField(_("共有を求めた項目"), default=list)
    agreed_fields = models.JSONField(_("本人が共有に同意した項目"), default=list)
    sealed = models.BinaryField(default=b"")
    proposed_at = models.DateTimeField(default=timezone.now)
    consented_at = models.DateTimeField(_("同意した日時"), null=True, blank=True)
    answered_at = models.DateTimeField(_("返事の日時"), null=True, blank=True)
    contacted_at = models.DateTimeField(_("連絡がとれた日時"), null=True, blank=True)
    closed_at = models.DateTimeField(_("終えた日時"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("催促した日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("紹介（つなぎ）")
        verbose_name_plural = _("紹介（つなぎ）")
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"referral #{self.pk}"
