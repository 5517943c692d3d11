"""The public–private platform (官民連携プラットフォーム): platforms and their members, an
organisation's profile, the practice library, events and training, and news.

Everything here is posted by a body's staff and public only once reviewed (review.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagari.platform.review import Reviewed
from tsunagari.staff.models import Body


class Platform(Reviewed):
    """官民連携プラットフォーム: the national one, or a local one (地方版) run by a
    prefecture or a municipality."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("全国")
        PREFECTURE = "prefecture", _("都道府県")
        MUNICIPALITY = "municipality", _("市区町村")

    EDITABLE = (
        "name",
        "name_en",
        "purpose",
        "purpose_en",
        "how_to_join",
        "how_to_join_en",
        "contact_url",
    )

    slug = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    prefecture_code = models.CharField(_("都道府県コード"), max_length=2, blank=True)
    municipality_code = models.CharField(_("市区町村コード"), max_length=6, blank=True)
    name = models.CharField(_("名称"), max_length=200)
    name_en = models.CharField(_("英語名"), max_length=200, blank=True)
    purpose = models.TextField(_("目的・活動"), blank=True)
    purpose_en = models.TextField(_("目的・活動（英語）"), blank=True)
    how_to_join = models.TextField(_("参加の方法"), blank=True)
    how_to_join_en = models.TextField(_("参加の方法（英語）"), blank=True)
    contact_url = models.URLField(_("連絡先のページ"), max_length=500, blank=True)
    source_url = models.URLField(_("出典"), max_length=500, blank=True)

    class Meta:
        ordering = ["kind", "prefecture_code", "municipality_code", "slug"]
        verbose_name = _("官民連携プラットフォーム")
        verbose_name_plural = _("官民連携プラットフォーム")

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    NPO = "npo", _("NPO・市民活動団体")
    COUNCIL = "council", _("社会福祉協議会")
    MUNICIPALITY = "municipality", _("地方公共団体")
    COMPANY = "company", _("企業")
    FOUNDATION = "foundation", _("財団・助成団体")
    OTHER = "other", _("その他")


class Member(Reviewed):
    """参画団体: a body's membership of a platform, public once the platform accepts it."""

    EDITABLE = ("note",)

    platform = models.ForeignKey(
        Platform,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("プラットフォーム"),
    )
    note = models.TextField(_("参加の目的"), blank=True)

    class Meta:
        ordering = ["platform", "body__name"]
        verbose_name = _("参画団体")
        verbose_name_plural = _("参画団体")
        constraints = [
            models.UniqueConstraint(fields=["platform", "body"], name="platform_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.body} @ {self.platform}"

    def prefecture_of_record(self) -> str:
        return self.platform.prefecture_code


class Profile(Reviewed):
    """団体紹介: an organisation's own page, kept by its editors."""

    EDITABLE = (
        "display_name",
        "display_name_en",
        "kind",
        "prefecture_code",
        "description",
        "description_en",
        "website",
    )

    display_name = models.CharField(_("名称"), max_length=200)
    display_name_en = models.CharField(_("英語名"), max_length=200, blank=True)
    kind = models.CharField(_("団体の種類"), max_length=20, choices=OrganisationKind.choices)
    prefecture_code = models.CharField(_("主な活動地域（都道府県）"), max_length=2, blank=True)
    description = models.TextField(_("活動の紹介"))
    description_en = models.TextField(_("活動の紹介（英語）"), blank=True)
    website = models.URLField(_("ウェブサイト"), max_length=500, blank=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("団体紹介")
        verbose_name_plural = _("団体紹介")
        constraints = [models.UniqueConstraint(fields=["body"], name="platform_profile_once")]

    def __str__(self) -> str:
        return self.display_name


class Outcome(models.TextChoices):
    WORKED = "worked", _("うまくいった")
    MIXED = "mixed", _("一部うまくいった")
    FAILED = "failed", _("うまくいかなかった")


class Case(Reviewed):
    """実践事例: what was tried, for whom, where, and what came of it — failures too (seed
    003 asks that hardships and failures be shared so that others can learn)."""

    EDITABLE = (
        "title",
        "tried",
        "for_whom",
        "result",
        "lessons",
        "outcome",
        "needs",
        "audiences",
        "prefecture_code",
        "municipality_code",
        "year",
    )

    title = models.CharField(_("題名"), max_length=200)
    tried = models.TextField(_("取り組んだこと"))
    for_whom = models.TextField(_("対象"))
    result = models.TextField(_("結果"))
    lessons = models.TextField(_("うまくいかなかったこととその理由"), blank=True)
    outcome = models.CharField(_("結果の区分"), max_length=10, choices=Outcome.choices)
    needs = models.JSONField(_("困りごと"), default=list, blank=True)
    audiences = models.JSONField(_("対象者"), default=list, blank=True)
    prefecture_code = models.CharField(_("都道府県"), max_length=2, blank=True)
    municipality_code = models.CharField(_("市区町村コード"), max_length=6, blank=True)
    year = models.PositiveSmallIntegerField(_("実施年"))
    search_terms = models.JSONField(default=list, blank=True)  # filled on publication

    audit_exclude = ("pending", "search_terms")

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("実践事例")
        verbose_name_plural = _("実践事例")

    def __str__(self) -> str:
        return self.title

    def on_publish(self) -> None:
        from tsunagari.platform.practice import index_terms

        self.search_terms = index_terms(self)
        self.save(update_fields=["search_terms"])


class Event(Reviewed):
    """催し: a つながりサポーター course, a platform meeting or an awareness-month event.

    Sign-ups are a count: the organiser needs to know how many seats are taken, not who."""

    class Kind(models.TextChoices):
        SUPPORTER_COURSE = "supporter_course", _("つながりサポーター養成講座")
        MEETING = "meeting", _("プラットフォームの会合")
        AWARENESS = "awareness", _("強化月間の催し")

    EDITABLE = (
        "kind",
        "title",
        "description",
        "starts_at",
        "ends_at",
        "venue",
        "online_url",
        "prefecture_code",
        "capacity",
    )

    platform = models.ForeignKey(
        Platform,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("プラットフォーム"),
    )
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=200)
    description = models.TextField(_("内容"), blank=True)
    starts_at = models.DateTimeField(_("開始"))
    ends_at = models.DateTimeField(_("終了"))
    venue = models.CharField(_("会場"), max_length=200, blank=True)
    online_url = models.URLField(_("オンライン参加のページ"), max_length=500, blank=True)
    prefecture_code = models.CharField(_("都道府県"), max_length=2, blank=True)
    capacity = models.PositiveIntegerField(_("定員"))
    signups = models.PositiveIntegerField(_("申込数"), default=0)
    completed = models.PositiveIntegerField(_("修了者数"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("催し")
        verbose_name_plural = _("催し")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(signups__lte=models.F("capacity")), name="event_not_overbooked"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.signups, 0)


class News(Reviewed):
    """お知らせ: an announcement (a new window, a #9999 trial, the awareness month)."""

    class Topic(models.TextChoices):
        WINDOW = "window", _("新しい相談窓口")
        TRIAL = "trial", _("試行中の窓口")
        AWARENESS = "awareness", _("強化月間")
        PLATFORM = "platform", _("プラットフォーム")

    EDITABLE = ("topic", "title", "title_en", "text", "text_en")

    topic = models.CharField(_("分類"), max_length=20, choices=Topic.choices)
    title = models.CharField(_("見出し"), max_length=200)
    title_en = models.CharField(_("見出し（英語）"), max_length=200, blank=True)
    text = models.TextField(_("本文"))
    text_en = models.TextField(_("本文（英語）"), blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("お知らせ")
        verbose_name_plural = _("お知らせ")

    def __str__(self) -> str:
        return self.title


class SurveyApproval(models.Model):
    """公表の承認: an analyst's decision that a survey year's estimates may be public.
    Nobody approves a year they uploaded."""

    survey_year = models.OneToOneField(
        "surveys.SurveyYear",
        on_delete=models.CASCADE,
        related_name="approval",
        verbose_name=_("調査年"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("承認者"),
    )
    approved_at = models.DateTimeField(_("承認日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("調査結果の公表承認")
        verbose_name_plural = _("調査結果の公表承認")

    def __str__(self) -> str:
        return str(self.survey_year)


__all__ = ["Body", "Case", "Event", "Member", "News", "Platform", "Profile", "SurveyApproval"]
