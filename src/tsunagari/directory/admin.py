"""Curation in the Django admin: lists, filters, inline hours and phones, validation."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.models import (
    Closure,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    TaxonomyTerm,
)


class PhoneInline(admin.TabularInline):
    model = Phone
    extra = 0
    fields = ["position", "number", "type", "label", "label_en", "toll_free", "languages"]


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0
    fields = [
        "position",
        "byday",
        "bymonthday",
        "opens_at",
        "closes_at",
        "valid_from",
        "valid_to",
        "description",
        "description_en",
    ]


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0


class StaleFilter(admin.SimpleListFilter):
    title = _("確認の鮮度")
    parameter_name = "stale"

    def lookups(self, request: HttpRequest, model_admin: object) -> list[tuple[str, str]]:
        return [("yes", str(_("要再確認"))), ("no", str(_("確認済み")))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Service]) -> QuerySet[Service]:
        import datetime as dt

        from django.conf import settings
        from django.utils import timezone

        limit = timezone.localdate() - dt.timedelta(days=settings.DIRECTORY_STALE_AFTER_DAYS)
        if self.value() == "yes":
            return queryset.filter(verified_on__lt=limit)
        if self.value() == "no":
            return queryset.filter(verified_on__gte=limit)
        return queryset


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "scope", "status", "crisis_line", "verified_on"]
    list_filter = [
        "status",
        "scope",
        "crisis_line",
        StaleFilter,
        ("terms", admin.RelatedOnlyFieldListFilter),
        "organization__kind",
    ]
    search_fields = ["name", "name_en", "alternate_name", "description", "slug", "phones__number"]
    autocomplete_fields = ["organization", "local_kind"]
    filter_horizontal = ["terms"]
    readonly_fields = ["id", "last_modified"]
    inlines = [PhoneInline, ScheduleInline, ClosureInline, ServiceAreaInline]
    fieldsets = [
        (None, {"fields": ["slug", "organization", "status", "crisis_line", "scope"]}),
        (
            _("名称と説明"),
            {
                "fields": [
                    "name",
                    "name_en",
                    "alternate_name",
                    "alternate_name_en",
                    "description",
                    "description_en",
                    "alert",
                    "alert_en",
                ]
            },
        ),
        (_("分類"), {"fields": ["terms", "languages", "keywords"]}),
        (
            _("利用条件"),
            {
                "fields": [
                    "minimum_age",
                    "maximum_age",
                    "fees",
                    "fees_en",
                    "eligibility",
                    "eligibility_en",
                ]
            },
        ),
        (_("受付時間"), {"fields": ["holidays", "hours_note", "hours_note_en"]}),
        (
            _("連絡先と地域の窓口"),
            {
                "fields": [
                    "url",
                    "email",
                    "local_finder",
                    "local_finder_en",
                    "local_finder_url",
                ]
            },
        ),
        (
            _("地域の窓口・居場所"),
            {
                "fields": [
                    "local_kind",
                    "owner",
                    "address",
                    "address_en",
                    "postcode",
                    "access",
                    "access_en",
                    "accessibility",
                    "accessibility_en",
                ]
            },
        ),
        (
            _("情報源と確認"),
            {"fields": ["source_url", "verified_on", "verification_note", "id", "last_modified"]},
        ),
    ]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "slug"]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["code", "name", "name_en"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # codes come from data/taxonomy.yaml only: they are stable API

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
