"""The support directory, shaped as Open Referral HSDS 3.0 (Organization → Service → …).

Japanese is the primary language of every text field; `*_en` holds the English version.
Identifiers are UUIDs (as HSDS wants) derived from a stable slug, so that an import run twice
yields the same ids.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tsunagari.directory.entries import FREE_TEXT
from tsunagari.directory.hours import Closure as ClosureRule
from tsunagari.directory.hours import Hours, Rule
from tsunagari.directory.phone_numbers import (
    SHORT_CODES,
    is_free_to_call,
    numbers_in_text,
    problem,
    tel_uri,
)
from tsunagari.directory.provenance import FACTS, Provenance, resolve
from tsunagari.directory.taxonomy import term_name

ID_NAMESPACE = uuid.UUID("6f1c2f5e-5b7a-4f0e-9a51-7473756e6167")  # "tsunag" in its tail

TIME_VALIDATOR = RegexValidator(
    r"^(([01]\d|2[0-3]):[0-5]\d|24:00)$", _("HH:MM 形式で入力してください")
)
MONTH_DAY_VALIDATOR = RegexValidator(
    r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", _("MM-DD 形式で入力してください")
)
DAYS_VALIDATOR = RegexValidator(r"^((MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*)?$")
MONTHDAYS_VALIDATOR = RegexValidator(r"^((3[01]|[12]\d|[1-9])(,(3[01]|[12]\d|[1-9]))*)?$")


def _dialable(number: str) -> None:
    if problem(number):
        raise ValidationError(
            _("番号計画にない番号です。桁数と局番を確かめてください（例: 0120-0-78310, #8008）")
        )


SOURCE_DATE_VALIDATOR = RegexValidator(
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
    _("YYYY-MM-DD、YYYY-MM または YYYY で入力してください"),
)


POSTCODE_VALIDATOR = RegexValidator(
    r"^\d{3}-\d{4}$", _("郵便番号は 123-4567 の形で入力してください")
)


def _not_in_future(day: dt.date) -> None:
    if day > timezone.localdate():
        raise ValidationError(_("確認日に未来の日付は使えません"))


def _numbers_in_plan(text: str) -> None:
    wrong = [n for n in numbers_in_text(text) if problem(n)]
    if wrong:
        raise ValidationError(
            _("番号計画にない番号があります: %(numbers)s") % {"numbers": ", ".join(wrong)}
        )


def stable_id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(ID_NAMESPACE, "/".join(parts))


def pick(language: str, ja: str, en: str) -> str:
    """The text in the page's language: the directory is written in Japanese and English,
    so a page in any other language shows the English (marked lang="en" by the template),
    falling back to Japanese when none was written."""
    return en if language != "ja" and en else ja


class Organization(models.Model):
    """提供主体: the ministry, municipality or NPO that runs services."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("国")
        LOCAL_GOVERNMENT = "local-government", _("自治体")
        NPO = "npo", _("NPO・民間団体")
        OTHER = "other", _("その他")

    id = models.UUIDField(primary_key=True, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("名称"), max_length=200)
    name_en = models.CharField(_("名称（英語）"), max_length=200, blank=True)
    kind = models.CharField(_("種別"), max_length=20, choices=Kind.choices)
    url = models.URLField(_("ウェブサイト"), max_length=500, blank=True)
    description = models.TextField(_("説明"), blank=True)
    description_en = models.TextField(_("説明（英語）"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("提供主体")
        verbose_name_plural = _("提供主体")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.id:
            self.id = stable_id("organization", self.slug)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def display_name(self, language: str) -> str:
        return pick(language, self.name, self.name_en)


class TaxonomyTerm(models.Model):
    """分類: one code of data/taxonomy.yaml (a need, an audience or a contact method)."""

    class Kind(models.TextChoices):
        NEED = "needs", pgettext_lazy("taxonomy", "困りごと")
        AUDIENCE = "audiences", pgettext_lazy("taxonomy", "対象")
        METHOD = "methods", pgettext_lazy("taxonomy", "相談方法")

    id = models.UUIDField(primary_key=True, editable=False)
    taxonomy = models.CharField(max_length=20, choices=Kind.choices)
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)

    class Meta:
        ordering = ["taxonomy", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code"),
        ]
        verbose_name = _("分類")
        verbose_name_plural = _("分類")

    def __str__(self) -> str:
        return f"{self.get_taxonomy_display()}: {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.id:
            self.id = stable_id("taxonomy_term", self.taxonomy, self.code)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def display_name(self, language: str) -> str:
        return term_name(language, self.name, self.name_en)


class ServiceQuerySet(models.QuerySet["Service"]):
    def listed(self, day: dt.date | None = None) -> ServiceQuerySet:
        """Services a person may be shown: not ended, by status or by the end of their
        window (from the day after `valid_to`, without any change to the data)."""
        day = day or timezone.localdate()
        return self.not_ended().filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )

    def not_ended(self) -> ServiceQuerySet:
        """Not inactive or defunct, whatever their window (the search index holds these and
        leaves out ended windows when it is asked)."""
        return self.exclude(status__in=[Service.Status.DEFUNCT, Service.Status.INACTIVE])

    def with_details(self) -> ServiceQuerySet:
        return self.select_related("organization", "local_kind").prefetch_related(
            "terms", "phones", "schedules", "closures", "areas", "sources"
        )


class Service(models.Model):
    """支援・相談窓口: one consultation line, chat service, website or programme."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("実施中")
        INACTIVE = "inactive", _("休止中")
        DEFUNCT = "defunct", _("終了")
        TEMPORARILY_CLOSED = "temporarily closed", _("一時休止")

    class Scope(models.TextChoices):
        NATIONAL = "national", _("全国共通の窓口")
        LOCAL_KIND = "local-kind", _("各地域にある窓口（種類）")
        LOCAL = "local", _("地域の窓口")
        PLACE = "place", _("居場所")

    class Holidays(models.TextChoices):
        OPEN = "open", _("祝日も受付")
        CLOSED = "closed", _("祝日は休み")
        UNKNOWN = "unknown", _("祝日の対応は不明")

    id = models.UUIDField(primary_key=True, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services", verbose_name=_("提供主体")
    )
    name = models.CharField(_("名称"), max_length=200)
    name_en = models.CharField(_("名称（英語）"), max_length=200, blank=True)
    alternate_name = models.CharField(_("別名"), max_length=200, blank=True)
    alternate_name_en = models.CharField(_("別名（英語）"), max_length=200, blank=True)
    description = models.TextField(_("説明"))
    description_en = models.TextField(_("説明（英語）"), blank=True)
    url = models.URLField(_("ウェブサイト"), max_length=500, blank=True)
    email = models.EmailField(_("メール"), blank=True)
    status = models.CharField(_("状態"), max_length=20, choices=Status, default=Status.ACTIVE)
    alert = models.CharField(_("お知らせ"), max_length=300, blank=True)
    alert_en = models.CharField(_("お知らせ（英語）"), max_length=300, blank=True)
    scope = models.CharField(_("範囲"), max_length=20, choices=Scope, default=Scope.NATIONAL)
    local_finder = models.TextField(_("地域の窓口の探し方"), blank=True)
    local_finder_en = models.TextField(_("地域の窓口の探し方（英語）"), blank=True)
    local_finder_url = models.URLField(_("地域の窓口の一覧"), max_length=500, blank=True)
    local_kind = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_entries",
        limit_choices_to={"scope": "local-kind"},
        verbose_name=_("窓口の種類"),
        help_text=_("地域の窓口が、どの種類の窓口（地域包括支援センターなど）の一つか"),
    )
    owner = models.ForeignKey(
        "staff.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directory_entries",
        verbose_name=_("管理する所属"),
        help_text=_("この掲載情報を最新に保つ自治体・団体。確認の時期にメールが届く"),
    )
    address = models.CharField(_("住所"), max_length=300, blank=True)
    address_en = models.CharField(_("住所（英語）"), max_length=300, blank=True)
    postcode = models.CharField(
        _("郵便番号"), max_length=8, blank=True, validators=[POSTCODE_VALIDATOR]
    )
    access = models.TextField(_("交通・行き方"), blank=True)
    access_en = models.TextField(_("交通・行き方（英語）"), blank=True)
    accessibility = models.TextField(_("バリアフリー・配慮"), blank=True)
    accessibility_en = models.TextField(_("バリアフリー・配慮（英語）"), blank=True)
    crisis_line = models.BooleanField(
        _("緊急時に最初に示す窓口"),
        default=False,
        help_text=_("自殺を考えている人や命の危険がある人に、まず示す電話窓口"),
    )
    terms = models.ManyToManyField(
        TaxonomyTerm, related_name="services", blank=True, verbose_name=_("分類")
    )
    languages = models.JSONField(_("対応言語"), default=list, blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("対象年齢（下限）"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("対象年齢（上限）"), null=True, blank=True)
    fees = models.CharField(_("費用"), max_length=200, blank=True)
    fees_en = models.CharField(_("費用（英語）"), max_length=200, blank=True)
    eligibility = models.TextField(_("対象となる人"), blank=True)
    eligibility_en = models.TextField(_("対象となる人（英語）"), blank=True)
    holidays = models.CharField(
        _("祝日"), max_length=10, choices=Holidays, default=Holidays.UNKNOWN
    )
    hours_note = models.TextField(_("受付時間の補足"), blank=True)
    hours_note_en = models.TextField(_("受付時間の補足（英語）"), blank=True)
    keywords = models.JSONField(_("検索語"), default=list, blank=True)
    valid_from = models.DateField(
        _("実施期間（開始）"),
        null=True,
        blank=True,
        help_text=_("試行・キャンペーン・季節の窓口だけ。終了日の翌日から表示されなくなる"),
    )
    valid_to = models.DateField(_("実施期間（終了）"), null=True, blank=True)
    source_url = models.URLField(_("情報源"), max_length=500)
    source_date = models.CharField(
        _("情報源の日付"),
        max_length=10,
        blank=True,
        validators=[SOURCE_DATE_VALIDATOR],
        help_text=_("情報源そのものの日付（更新日・発行日）。YYYY-MM-DD、YYYY-MM、YYYY"),
    )
    verified_on = models.DateField(_("確認日"), validators=[_not_in_future])
    verification_note = models.CharField(_("確認の方法"), max_length=300, blank=True)
    last_modified = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("支援・相談窓口")
        verbose_name_plural = _("支援・相談窓口")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.id:
            self.id = stable_id("service", self.slug)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.scope == self.Scope.LOCAL_KIND and not self.local_finder:
            raise ValidationError({"local_finder": _("地域の窓口の探し方を書いてください")})
        if self.local_kind_id and self.scope not in (self.Scope.LOCAL, self.Scope.PLACE):
            raise ValidationError(
                {"local_kind": _("窓口の種類は地域の窓口・居場所だけに指定します")}
            )
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValidationError({"maximum_age": _("上限が下限より小さくなっています")})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("終了日が開始日より前です")})
        self._check_numbers_in_text()

    def _check_numbers_in_text(self) -> None:
        """A number written in a text must exist in the plan and be one the directory lists."""
        errors: dict[str, list[ValidationError]] = {}
        for field in (f"{name}{suffix}" for name in FREE_TEXT for suffix in ("", "_en")):
            for number in numbers_in_text(getattr(self, field)):
                if problem(number):
                    message = _("%(number)s は番号計画にない番号です") % {"number": number}
                elif number not in SHORT_CODES and not Phone.objects.filter(number=number).exists():
                    message = _("%(number)s はどの窓口の電話番号にもありません") % {
                        "number": number
                    }
                else:
                    continue
                errors.setdefault(field, []).append(ValidationError(message))
        if errors:
            raise ValidationError(errors)

    def display_name(self, language: str) -> str:
        return pick(language, self.name, self.name_en)

    def codes(self, taxonomy: str) -> list[str]:
        return sorted(t.code for t in self.terms.all() if t.taxonomy == taxonomy)

    @property
    def is_stale(self) -> bool:
        """Not re-checked for longer than settings allow: shown with a warning, never as current."""
        age = timezone.localdate() - self.verified_on
        return age > dt.timedelta(days=settings.DIRECTORY_STALE_AFTER_DAYS)

    def hours(self) -> Hours:
        return Hours(
            rules=tuple(s.rule() for s in self.schedules.all()),
            closures=tuple(c.rule() for c in self.closures.all()),
            holidays=self.holidays,
            status=self.status,
            has_note=bool(self.hours_note),
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )

    def facts(self) -> tuple[str, ...]:
        """The facts this service states, each with a source (as `ServiceEntry.facts`)."""
        present = {
            "phones": bool(self.phones.all()),
            "hours": bool(self.schedules.all() or self.closures.all() or self.hours_note),
            "url": bool(self.url),
            "languages": bool(set(self.languages or ()) - {"ja"}),
        }
        return ("service", *(fact for fact in FACTS if present[fact]))

    def provenance(self) -> list[Provenance]:
        """Per fact: the page that shows it, the page's date, the day it was checked."""
        main = Provenance(
            "service", self.source_url, self.source_date, self.verified_on, self.verification_note
        )
        named = [
            (s.facts.split(","), Provenance("", s.url, s.date, s.checked_on, s.note))
            for s in self.sources.all()
        ]
        return resolve(main, named, self.facts())

    def ended_on(self, day: dt.date) -> bool:
        """Its window is over: from the day after `valid_to`."""
        return bool(self.valid_to and self.valid_to < day)


class Phone(models.Model):
    """電話番号 (HSDS `phone`; `type` as RFC 6350: voice, text, fax, textphone, video)."""

    class Type(models.TextChoices):
        VOICE = "voice", _("電話")
        TEXT = "text", _("SMS")
        FAX = "fax", _("FAX")
        TEXTPHONE = "textphone", _("文字電話")
        VIDEO = "video", _("ビデオ通話")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="phones")
    position = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(
        _("番号"),
        max_length=20,
        validators=[_dialable],
    )
    type = models.CharField(_("種類"), max_length=10, choices=Type, default=Type.VOICE)
    label = models.CharField(_("ラベル"), max_length=100, blank=True, validators=[_numbers_in_plan])
    label_en = models.CharField(
        _("ラベル（英語）"), max_length=100, blank=True, validators=[_numbers_in_plan]
    )
    languages = models.JSONField(_("対応言語"), default=list, blank=True)
    toll_free = models.BooleanField(_("通話料無料"), default=False)

    class Meta:
        ordering = ["service", "position"]
        verbose_name = _("電話番号")
        verbose_name_plural = _("電話番号")

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        free = is_free_to_call(self.number)
        if free is not None and free != self.toll_free:
            raise ValidationError({"toll_free": _("フリーダイヤルは無料、ナビダイヤルは有料です")})

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.number)


class Schedule(models.Model):
    """受付時間 (HSDS `schedule`): a weekly or monthly rule, optionally bounded in time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    position = models.PositiveSmallIntegerField(default=0)
    byday = models.CharField(
        _("曜日"), max_length=30, blank=True, validators=[DAYS_VALIDATOR], help_text="MO,TU,…"
    )
    bymonthday = models.CharField(
        _("毎月の日"),
        max_length=90,
        blank=True,
        validators=[MONTHDAYS_VALIDATOR],
        help_text="10,20",
    )
    opens_at = models.CharField(_("開始時刻"), max_length=5, validators=[TIME_VALIDATOR])
    closes_at = models.CharField(_("終了時刻"), max_length=5, validators=[TIME_VALIDATOR])
    valid_from = models.DateField(_("有効期間（開始）"), null=True, blank=True)
    valid_to = models.DateField(_("有効期間（終了）"), null=True, blank=True)
    description = models.CharField(
        _("説明"), max_length=300, blank=True, validators=[_numbers_in_plan]
    )
    description_en = models.CharField(
        _("説明（英語）"), max_length=300, blank=True, validators=[_numbers_in_plan]
    )

    class Meta:
        ordering = ["service", "position"]
        verbose_name = _("受付時間")
        verbose_name_plural = _("受付時間")

    def __str__(self) -> str:
        days = self.byday or f"{self.bymonthday}日"
        return f"{days} {self.opens_at}–{self.closes_at}"

    def clean(self) -> None:
        if bool(self.byday) == bool(self.bymonthday):
            raise ValidationError(_("曜日か日のどちらか一方を指定してください"))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("終了日が開始日より前です")})

    def rule(self) -> Rule:
        return Rule.parse(
            tuple(d for d in self.byday.split(",") if d),
            tuple(int(d) for d in self.bymonthday.split(",") if d),
            self.opens_at,
            self.closes_at,
            self.valid_from,
            self.valid_to,
        )


class Source(models.Model):
    """情報源: a page other than the service's `source_url` that shows some of its facts
    (its numbers, its hours, its web address), with the page's own date and the day it
    was checked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveSmallIntegerField(default=0)
    facts = models.CharField(
        _("確認した事実"),
        max_length=40,
        help_text="phones,hours,url,languages",
        validators=[
            RegexValidator(r"^(phones|hours|url|languages)(,(phones|hours|url|languages))*$")
        ],
    )
    url = models.URLField(_("情報源"), max_length=500)
    date = models.CharField(_("情報源の日付"), max_length=10, validators=[SOURCE_DATE_VALIDATOR])
    checked_on = models.DateField(_("確認日"), validators=[_not_in_future])
    note = models.TextField(_("確認の方法"), blank=True)

    class Meta:
        ordering = ["service", "position"]
        verbose_name = _("事実ごとの情報源")
        verbose_name_plural = _("事実ごとの情報源")

    def __str__(self) -> str:
        return f"{self.facts}: {self.url}"


class Closure(models.Model):
    """休業期間: a yearly closure such as 年末年始 (12-29 to 01-03)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="closures")
    start = models.CharField(_("開始（月-日）"), max_length=5, validators=[MONTH_DAY_VALIDATOR])
    end = models.CharField(_("終了（月-日）"), max_length=5, validators=[MONTH_DAY_VALIDATOR])
    description = models.CharField(_("説明"), max_length=200, blank=True)
    description_en = models.CharField(_("説明（英語）"), max_length=200, blank=True)

    class Meta:
        ordering = ["service", "start"]
        verbose_name = _("休業期間")
        verbose_name_plural = _("休業期間")

    def __str__(self) -> str:
        return f"{self.start}–{self.end}"

    def rule(self) -> ClosureRule:
        return ClosureRule.parse(self.start, self.end)


class ServiceArea(models.Model):
    """対象地域 (HSDS `service_area`): nationwide, a prefecture or a municipality."""

    class Kind(models.TextChoices):
        NATIONWIDE = "nationwide", _("全国")
        PREFECTURE = "prefecture", _("都道府県")
        MUNICIPALITY = "municipality", _("市区町村")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="areas")
    kind = models.CharField(_("種類"), max_length=20, choices=Kind)
    code = models.CharField(
        _("地方公共団体コード"),
        max_length=6,
        blank=True,
        help_text=_("都道府県は2桁、市区町村は6桁（JIS X 0402）"),
    )

    class Meta:
        ordering = ["service", "kind", "code"]
        verbose_name = _("対象地域")
        verbose_name_plural = _("対象地域")

    def __str__(self) -> str:
        return self.code or self.get_kind_display()

    def clean(self) -> None:
        expected = {self.Kind.NATIONWIDE: 0, self.Kind.PREFECTURE: 2, self.Kind.MUNICIPALITY: 6}
        if len(self.code) != expected[self.Kind(self.kind)] or not (
            self.code.isdigit() or not self.code
        ):
            raise ValidationError({"code": _("コードの桁数が種類と合いません")})


class LinkCheck(models.Model):
    """リンク確認: the last outcome of `tsunagari directory check --links` for one URL."""

    url = models.URLField(_("URL"), max_length=500, unique=True)
    outcome = models.CharField(_("結果"), max_length=20)  # links.Outcome
    detail = models.CharField(_("詳細"), max_length=300, blank=True)
    moved_to = models.URLField(_("移転先"), max_length=500, blank=True)
    used_by = models.CharField(_("使っている窓口"), max_length=1000, blank=True)
    checked_at = models.DateTimeField(_("リンクを確認した日時"))

    class Meta:
        ordering = ["url"]
        verbose_name = _("リンク確認")
        verbose_name_plural = _("リンク確認")

    def __str__(self) -> str:
        return f"{self.outcome}: {self.url}"
