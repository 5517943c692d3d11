"""The plan's one setting that staff move on: the fiscal year open for reports."""

from __future__ import annotations

from django.contrib import admin

from tsunagari.measures.models import Plan
from tsunagari.staff.admin import AuditedAdmin


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["code", "title", "decided_on", "reporting_year"]
    fields = ["code", "title", "decided_on", "source", "reporting_year"]
    readonly_fields = ["code", "title", "decided_on", "source"]

    def has_add_permission(self, request: object) -> bool:
        return False  # plans come from the seeds (tsunagari measures ingest)

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
