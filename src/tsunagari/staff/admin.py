"""Bodies, memberships and the audit log in /admin/; every change there is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest

from tsunagari.staff.audit import log_action, snapshot
from tsunagari.staff.models import AuditEntry, Body, Membership


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose additions, changes and deletions (inlines too) go to the audit
    log with their values before and after."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        setattr(form, "_audit_before", snapshot(stored) if stored else None)  # noqa: B010
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        before = getattr(form, "_audit_before", None)
        log_action(
            request.user, "admin.changed" if change else "admin.added", form.instance, before=before
        )

    def save_formset(
        self,
        request: HttpRequest,
        form: ModelForm,
        formset: BaseModelFormSet[Any, Any],
        change: bool,
    ) -> None:
        stored = {o.pk: snapshot(o) for o in formset.get_queryset()}
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            log_action(request.user, "admin.added", obj)
        for obj, _fields in formset.changed_objects:
            log_action(request.user, "admin.changed", obj, before=stored.get(obj.pk))
        for obj in formset.deleted_objects:
            log_action(request.user, "admin.deleted", obj, before=stored.get(obj.pk), after={})

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        log_action(request.user, "admin.deleted", obj, before=snapshot(obj), after={})
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            log_action(request.user, "admin.deleted", obj, before=snapshot(obj), after={})
        super().delete_queryset(request, queryset)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Body)
class BodyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "code"]
    inlines = [MembershipInline]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the code, never by hand."""

    list_display = ["at", "username", "action", "record_label", "body"]
    list_filter = ["action"]
    search_fields = ["username", "record_label", "action"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
