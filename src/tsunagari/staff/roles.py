"""Roles and what they allow, declared once: (kind of body, role) → permissions.

A membership is valid only for a pair in GRANTS, so a role means the same everywhere and a
new part of the staff side (local help, the consultation desk, the platform) adds its
permissions here rather than checking groups in its views.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What kind of body (所属) a member acts for."""

    CABINET_OFFICE = "cabinet_office", _("内閣府")
    MINISTRY = "ministry", _("府省庁")
    PREFECTURE = "prefecture", _("都道府県")
    MUNICIPALITY = "municipality", _("市区町村")
    ORGANISATION = "organisation", _("団体（NPO・社会福祉協議会など）")


class Role(models.TextChoices):
    EDITOR = "editor", _("編集者")
    REVIEWER = "reviewer", _("確認者")
    ANALYST = "analyst", _("調査分析担当")
    CURATOR = "curator", _("掲載情報管理者")
    MUNICIPAL_STAFF = "municipal_staff", _("自治体職員")
    NPO_EDITOR = "npo_editor", _("団体編集者")
    COUNSELLOR = "counsellor", _("相談員")
    SUPERVISOR = "supervisor", _("スーパーバイザー")


class Permission(models.TextChoices):
    VIEW_PLAN_RECORDS = "measures.view_records", _("重点計画の職員用ページを見る")
    REPORT_MEASURES = "measures.report", _("施策の実施状況を報告する")
    REVIEW_MEASURES = "measures.review", _("実施状況の報告を承認・差戻しする")
    VIEW_SURVEYS = "surveys.view", _("調査結果を見る")
    UPLOAD_SURVEYS = "surveys.upload", _("調査データを登録する")
    DELETE_SURVEYS = "surveys.delete", _("調査データを削除する")
    EVALUATE_PROGRAMMES = "surveys.evaluate", _("事業評価レポートを作成する")
    CURATE_DIRECTORY = "directory.curate", _("相談窓口の掲載情報を管理する")
    EDIT_LOCAL_HELP = "local.edit", _("地域の支援情報を編集する")
    COUNSEL = "desk.counsel", _("相談に応じる")
    SUPERVISE = "desk.supervise", _("相談員を支援・監督する")
    RECEIVE_REFERRALS = "desk.receive", _("相談窓口からの紹介（つなぎ）を受ける")
    CONTRIBUTE_PLATFORM = "platform.contribute", _("官民連携プラットフォームに投稿する")
    REVIEW_PLATFORM = "platform.review", _("官民連携プラットフォームの投稿を確認・公開する")
    PUBLISH_SURVEYS = "surveys.publish", _("調査の推計値の公開を承認する")
    READ_AUDIT = "staff.read_audit", _("所属の監査記録を見る")
    READ_ALL_AUDIT = "staff.read_all_audit", _("すべての監査記録を見る")


P = Permission
_PLAN_EDITOR = frozenset(
    {P.VIEW_PLAN_RECORDS, P.REPORT_MEASURES, P.READ_AUDIT, P.CONTRIBUTE_PLATFORM}
)
_LOCAL_STAFF = frozenset({P.EDIT_LOCAL_HELP, P.READ_AUDIT, P.CONTRIBUTE_PLATFORM})

GRANTS: dict[tuple[Kind, Role], frozenset[Permission]] = {
    (Kind.CABINET_OFFICE, Role.EDITOR): _PLAN_EDITOR,
    (Kind.MINISTRY, Role.EDITOR): _PLAN_EDITOR,
    (Kind.CABINET_OFFICE, Role.REVIEWER): frozenset(
        {P.VIEW_PLAN_RECORDS, P.REVIEW_MEASURES, P.REVIEW_PLATFORM, P.READ_ALL_AUDIT}
    ),
    (Kind.CABINET_OFFICE, Role.ANALYST): frozenset(
        {
            P.VIEW_SURVEYS,
            P.UPLOAD_SURVEYS,
            P.DELETE_SURVEYS,
            P.PUBLISH_SURVEYS,
            P.EVALUATE_PROGRAMMES,
            P.READ_AUDIT,
        }
    ),
    (Kind.CABINET_OFFICE, Role.CURATOR): frozenset({P.CURATE_DIRECTORY, P.READ_AUDIT}),
    # A prefecture's staff run its local platform and review what is posted to it.
    (Kind.PREFECTURE, Role.MUNICIPAL_STAFF): _LOCAL_STAFF | {P.REVIEW_PLATFORM},
    (Kind.MUNICIPALITY, Role.MUNICIPAL_STAFF): _LOCAL_STAFF,
    # An NPO evaluates its own programme with the pre/post survey report.
    # An NPO's editors also answer the referrals the desk sends it (つなぎ).
    (Kind.ORGANISATION, Role.NPO_EDITOR): frozenset(
        {
            P.EDIT_LOCAL_HELP,
            P.EVALUATE_PROGRAMMES,
            P.READ_AUDIT,
            P.CONTRIBUTE_PLATFORM,
            P.RECEIVE_REFERRALS,
        }
    ),
    (Kind.ORGANISATION, Role.COUNSELLOR): frozenset({P.COUNSEL}),
    (Kind.ORGANISATION, Role.SUPERVISOR): frozenset(
        {P.COUNSEL, P.SUPERVISE, P.READ_AUDIT, P.RECEIVE_REFERRALS}
    ),
}

# Roles whose holders must sign in with a second factor when TSUNAGARI_PRODUCTION is on
# (as must anyone who may use /admin/): they publish what the public reads.
SECOND_FACTOR_ROLES = frozenset({Role.REVIEWER})


def permissions_of(kind: str, role: str) -> frozenset[Permission]:
    return GRANTS.get((Kind(kind), Role(role)), frozenset())
