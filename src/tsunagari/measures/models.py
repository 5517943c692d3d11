"""The priority plan (重点計画) and its PDCA record.

Reviews and observations are the public record; what a ministry enters waits in a
Submission until a Cabinet Office reviewer approves it. Staff changes are in the staff
audit log (tsunagari.staff.audit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagari.measures import damage

if TYPE_CHECKING:
    from tsunagari.staff.models import Body


class Ministry(models.Model):
    """府省庁: a ministry or agency that owns measures."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=40, unique=True)
    name_en = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    body = models.OneToOneField(
        "staff.Body", on_delete=models.PROTECT, related_name="ministry", verbose_name=_("所属")
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("府省庁")

    def __str__(self) -> str:
        return self.name


class PlanQuerySet(models.QuerySet["Plan"]):
    def current(self) -> Plan | None:
        """The plan in force: the one decided last."""
        return self.order_by("-decided_on").first()


class Plan(models.Model):
    """重点計画: one edition of the priority plan (2023 lineup, 2024 plan)."""

    code = models.CharField(max_length=10, unique=True)  # "2023", "2024"
    title = models.CharField(max_length=200)
    decided_on = models.DateField()
    source = models.CharField(max_length=200)
    reporting_year = models.PositiveSmallIntegerField(
        _("報告を受け付ける年度"),
        null=True,
        blank=True,
        help_text=_("府省庁が今、実施状況を報告する年度（西暦の年度）"),
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title

    def reported_years(self) -> list[int]:
        """Fiscal years with a public record, and the year open for reports."""
        years = set(Review.objects.filter(measure__plan=self).values_list("fiscal_year", flat=True))
        if self.reporting_year:
            years.add(self.reporting_year)
        return sorted(years)


class Pillar(models.Model):
    """基本方針: one of the plan's four basic policies, (1)–(4)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="pillars")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="pillar_number")]

    def __str__(self) -> str:
        return f"({self.number}) {self.title}"


class Heading(models.Model):
    """A sub-heading ①②… under a pillar."""

    pillar = models.ForeignKey(Pillar, on_delete=models.CASCADE, related_name="headings")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["pillar", "number"]
        constraints = [models.UniqueConstraint(fields=["pillar", "number"], name="heading_number")]

    def __str__(self) -> str:
        return f"{self.mark}{self.title}"

    @property
    def mark(self) -> str:
        return "①②③④⑤⑥⑦⑧⑨"[self.number - 1]


class Measure(models.Model):
    """具体的施策: one measure of one plan, with the plan's own words for it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveSmallIntegerField(null=True, blank=True)  # 施策No. (2024)
    page = models.PositiveSmallIntegerField(null=True, blank=True)  # page (2023 lineup)
    name = models.CharField(max_length=300)
    ministries = models.ManyToManyField(Ministry, related_name="measures")
    ministry_order = models.JSONField(default=list)  # codes, in the plan's order
    overview = models.TextField(_("施策の概要"), blank=True)
    target = models.TextField(_("目標及び達成の期間"), blank=True)
    urls = models.JSONField(default=list)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors"
    )
    successor_score = models.FloatField(null=True, blank=True)
    successor_method = models.CharField(max_length=40, blank=True)
    discontinued_reason = models.TextField(blank=True)
    doubts = models.JSONField(default=list)  # [{"field", "note"}]: still to check
    # Fields the source table damaged (field → reason codes of measures.damage), shown as
    # incomplete excerpts; and fields restored through an approved report, which a new
    # ingestion of the table leaves as restored.
    damaged = models.JSONField(_("原文の表で欠けている項目"), default=dict, blank=True)
    restored = models.JSONField(_("報告で復元した項目"), default=list, blank=True)

    class Meta:
        ordering = ["plan", "number", "page"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="measure_number", condition=models.Q(page=None)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or 'P.' + str(self.page)} {self.name}"

    @staticmethod
    def audit_value(field: str, value: Any) -> str | None:
        """The damage marks read as "項目: 理由" lines in the audit log; restored fields
        by their labels."""
        if field == "damaged":
            return damage.described(value) or "—"
        if field == "restored" and isinstance(value, list):
            return "、".join(str(damage.FIELD_LABELS.get(v, v)) for v in value) or "—"
        return None

    def ordered_ministries(self) -> list[Ministry]:
        by_code = {m.code: m for m in self.ministries.all()}
        return [by_code[c] for c in self.ministry_order if c in by_code]

    def doubt_fields(self) -> set[str]:
        return {d["field"] for d in self.doubts}

    def bodies(self) -> list[Body]:
        """The staff bodies of its ministries: who may report on it."""
        return [m.body for m in self.ministries.all()]


class Listing(models.Model):
    """掲載: one measure under one heading; a measure may be listed again (前出/再掲)."""

    class Kind(models.TextChoices):
        PRIMARY = "primary", _("掲載")
        REPEATED = "repeated", _("前出")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="listings")
    heading = models.ForeignKey(Heading, on_delete=models.CASCADE, related_name="listings")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PRIMARY)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["heading", "order"]

    def __str__(self) -> str:
        return f"{self.measure} @ {self.heading}"


class Direction(models.TextChoices):
    INCREASE = "increase", _("増加が望ましい")
    DECREASE = "decrease", _("減少が望ましい")
    NONE = "none", _("方向なし")


class Indicator(models.Model):
    """指標 (KPI): a quantitative target of a measure, as the plan states it, or a result
    the plan reports without a target (target_value empty)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=20, blank=True)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField(max_digits=16, decimal_places=3, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_value = models.DecimalField(max_digits=16, decimal_places=3, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_year_is_fiscal = models.BooleanField(default=True)
    annual = models.BooleanField(default=False)  # 毎年: the target holds every year
    increment = models.BooleanField(default=False)  # 増加数: an increase, not a level
    source_field = models.CharField(max_length=20)  # target / review / achievement
    source_sentence = models.TextField()
    needs_review = models.BooleanField(default=False)
    review_note = models.CharField(max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["measure", "order"]

    def __str__(self) -> str:
        return self.name


class Achievement(models.TextChoices):
    ACHIEVED = "achieved", _("達成")
    NOT_ACHIEVED = "not_achieved", _("未達成")
    IN_PROGRESS = "in_progress", _("進行中")
    NOT_COMPARABLE = "not_comparable", _("比較不能")


class Observation(models.Model):
    """実績: one fiscal year's actual value of an indicator, with the sentence it came from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", verbose_name=_("指標")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("年度"))
    value = models.DecimalField(_("実績値"), max_digits=16, decimal_places=3)
    period_text = models.CharField(_("期間"), max_length=100, blank=True)
    achievement = models.CharField(_("達成"), max_length=20, choices=Achievement.choices)
    source_sentence = models.TextField(_("出典の文"), blank=True)
    needs_review = models.BooleanField(_("要確認"), default=False)
    review_note = models.CharField(_("確認メモ"), max_length=500, blank=True)
    submission = models.ForeignKey(
        "Submission",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("承認された報告"),
    )  # None: read from the plan's own table by the ingestion

    class Meta:
        ordering = ["indicator", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "fiscal_year"], name="observation_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} FY{self.fiscal_year}: {self.value}"


class Status(models.TextChoices):
    """A measure's achievement status for a fiscal year (目標の達成状況)."""

    ACHIEVED = "achieved", _("達成")
    NOT_ACHIEVED = "not_achieved", _("未達成")
    IN_PROGRESS = "in_progress", _("進行中")
    QUALITATIVE = "qualitative", _("定性目標")
    UNDETERMINED = "undetermined", _("判定不能")


class Decision(models.TextChoices):
    EXPAND = "expand", _("拡充")
    CONTINUE = "continue", _("継続")
    REVISE = "revise", _("見直し")
    REDUCE = "reduce", _("縮小")
    ABOLISH = "abolish", _("廃止")


class Review(models.Model):
    """評価・見直し: one fiscal year's public PDCA check of a measure.

    Written by the ingestion from the plan's table, or by approving a Submission.
    """

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("施策")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("年度"))
    achievement_text = models.TextField(_("目標の達成状況"), blank=True)
    status = models.CharField(_("達成区分"), max_length=20, choices=Status.choices)
    policy_text = models.TextField(_("達成状況を踏まえた施策の見直し方針"), blank=True)
    decision = models.CharField(
        _("見直しの区分"), max_length=10, choices=Decision.choices, blank=True
    )
    decision_evidence = models.CharField(_("見直しの区分の根拠"), max_length=200, blank=True)
    submission = models.ForeignKey(
        "Submission",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("承認された報告"),
    )  # None: read from the plan's own table by the ingestion
    damaged = models.JSONField(
        _("原文の表で欠けている項目"), default=dict, blank=True
    )  # as Measure.damaged

    class Meta:
        ordering = ["measure", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "fiscal_year"], name="review_year")
        ]

    def __str__(self) -> str:
        return f"{self.measure} FY{self.fiscal_year}"

    @staticmethod
    def audit_value(field: str, value: Any) -> str | None:
        return Measure.audit_value(field, value) if field == "damaged" else None


class Submission(models.Model):
    """提出: what a ministry reported for one measure and fiscal year. Nothing of it is
    public until a Cabinet Office reviewer who did not write it approves it; a return
    leaves the public record as it was."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("確認待ち")
        RETURNED = "returned", _("差戻し")
        APPROVED = "approved", _("承認済み")

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("施策")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("年度"))
    body = models.ForeignKey(
        "staff.Body", on_delete=models.PROTECT, related_name="+", verbose_name=_("報告した府省庁")
    )
    achievement_text = models.TextField(_("目標の達成状況"), blank=True)
    status = models.CharField(_("達成区分"), max_length=20, choices=Status.choices)
    policy_text = models.TextField(_("達成状況を踏まえた施策の見直し方針"), blank=True)
    decision = models.CharField(
        _("見直しの区分"), max_length=10, choices=Decision.choices, blank=True
    )
    actuals = models.JSONField(_("実績値"), default=list)  # [{"indicator", "name", "value"}]
    state = models.CharField(_("状態"), max_length=10, choices=State.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("提出者"),
    )
    submitted_at = models.DateTimeField(_("提出日時"))
    # Everyone who submitted a round of it: none of them may decide on it.
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("作成者")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("確認者"),
    )
    decided_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    comment = models.TextField(_("確認者のコメント"), blank=True)
    # The measure's own texts that the source table damaged, as the editor restored them
    # (field → text); published with the report.
    restored = models.JSONField(_("復元した施策の文"), default=dict, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("実施状況の報告")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "fiscal_year"],
                condition=models.Q(state__in=["submitted", "returned"]),
                name="one_open_submission",
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} FY{self.fiscal_year} ({self.get_state_display()})"

    @staticmethod
    def audit_value(field: str, value: Any) -> str | None:
        """Actuals read as "指標名: 値" lines in the audit log, restored texts as
        "項目: 文" lines."""
        if field == "restored" and isinstance(value, dict):
            return "\n".join(f"{damage.FIELD_LABELS.get(k, k)}: {v}" for k, v in value.items())
        if field != "actuals" or not isinstance(value, list):
            return None
        return "\n".join(f"{a.get('name', a.get('indicator'))}: {a.get('value')}" for a in value)
