from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp, Writer


class MeasuresConfig(TsunagariApp):
    name = "tsunagari.measures"
    label = "measures"
    verbose_name = "重点計画"

    def ready(self) -> None:
        from tsunagari.measures import notices
        from tsunagari.measures.access import REPORT, REVIEW, VIEW
        from tsunagari.staff import audit, menu

        audit.register(
            {
                "measures.submission.submitted": _("実施状況の提出"),
                "measures.submission.approved": _("報告の承認"),
                "measures.submission.returned": _("報告の差戻し"),
                "measures.review.published": _("評価・見直しの公開"),
                "measures.observation.published": _("実績値の公開"),
                "measures.measure.restored": _("欠けていた施策の文の復元"),
                "measures.review.history": _("評価・見直しの変更（移行前の記録）"),
                "measures.observation.history": _("実績値の変更（移行前の記録）"),
                "measures.ministrymembership.history": _("所属府省庁の変更（移行前の記録）"),
            },
            ("measures", _("重点計画")),
            {"reason": _("理由")},
        )
        menu.register_link(menu.Link(_("重点計画ダッシュボード"), "measures:dashboard", (VIEW,)))
        menu.register_link(menu.Link(_("確認待ちの実施状況"), "measures:queue", (REVIEW,)))
        menu.register_link(
            menu.Link(_("原文の表で欠けている項目"), "measures:damaged", (REPORT, REVIEW))
        )
        menu.register_notices(notices.for_user)

    def load_bundled_data(self, out: Writer) -> None:
        from tsunagari.measures.ingest import ingest
        from tsunagari.measures.report import summary

        out.write(summary(ingest()) + "\n")
