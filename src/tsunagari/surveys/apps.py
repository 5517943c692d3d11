from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp, Writer


class SurveysConfig(TsunagariApp):
    name = "tsunagari.surveys"
    label = "surveys"
    verbose_name = _("孤独・孤立の実態把握調査")

    def ready(self) -> None:
        from tsunagari.staff import audit, menu
        from tsunagari.staff.roles import Permission

        audit.register(
            {
                "surveys.year.uploaded": _("アップロード"),
                "surveys.year.rejected": _("アップロード拒否（入力エラー）"),
                "surveys.year.deleted": _("削除"),
                "surveys.year.loaded": _("同梱データの読み込み"),
                "surveys.programme.evaluated": _("事業評価レポートの作成"),
                "surveys.programme.rejected": _("事業評価の入力エラー"),
            },
            ("surveys", _("孤独・孤立の実態把握調査")),
            {
                "errors": _("エラー数"),
                "reason": _("理由"),
                "programme": _("事業名"),
                "n_pre": _("事前の回答者数"),
                "n_post": _("事後の回答者数"),
                "synthetic": _("合成データ"),
            },
        )
        menu.register_link(menu.Link(_("調査データ"), "surveys:index", (Permission.VIEW_SURVEYS,)))
        menu.register_link(
            menu.Link(_("事業評価"), "surveys:evaluate", (Permission.EVALUATE_PROGRAMMES,))
        )

    def load_bundled_data(self, out: Writer) -> None:
        """Store the synthetic demonstration years of data/surveys/ (idempotent)."""
        from tsunagari.surveys.services import load_bundled_years

        load_bundled_years(out)
