from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp


class LocalHelpConfig(TsunagariApp):
    name = "tsunagari.localhelp"
    label = "localhelp"
    verbose_name = "地域の支援情報"

    def ready(self) -> None:
        from tsunagari.localhelp import notices
        from tsunagari.staff import audit, menu
        from tsunagari.staff.roles import Permission

        audit.register(
            {
                "localhelp.proposal.submitted": _("地域の支援情報の申請"),
                "localhelp.proposal.published": _("地域の支援情報の公開"),
                "localhelp.proposal.returned": _("地域の支援情報の差戻し"),
                "localhelp.service.published": _("窓口・居場所の掲載"),
                "localhelp.service.withdrawn": _("窓口・居場所の掲載終了"),
            },
            ("localhelp", _("地域の支援情報")),
            {"source": _("元のファイル・画面")},
        )
        menu.register_link(
            menu.Link(_("地域の支援情報"), "localhelp:home", (Permission.EDIT_LOCAL_HELP,))
        )
        menu.register_notices(notices.for_user)
