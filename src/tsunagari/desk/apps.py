from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp


class DeskConfig(TsunagariApp):
    name = "tsunagari.desk"
    label = "desk"
    verbose_name = "相談窓口（チャット相談）"

    def ready(self) -> None:
        from tsunagari.staff import audit, menu
        from tsunagari.staff.roles import Permission

        audit.register(
            {
                "desk.conversation.read": _("相談の記録を読んだ"),
                "desk.conversation.read_refused": _("相談の記録を読もうとして断られた"),
                "desk.conversation.claimed": _("相談を担当した"),
                "desk.conversation.transferred": _("相談を引き継いだ"),
                "desk.conversation.closed": _("相談を終えた"),
                "desk.conversation.alerted": _("緊急の相談をスーパーバイザーに知らせた"),
                "desk.referral.sent": _("つなぎ先に紹介した"),
                "desk.referral.answered": _("紹介に応じた"),
                "desk.referral.reminded": _("返事を待つ紹介を催促した"),
            },
            area=("desk", _("相談窓口")),
            details={"messages": _("読んだメッセージ数"), "to": _("引き継ぎ先")},
        )
        menu.register_link(
            menu.Link(_("相談窓口"), "desk_staff:queue", (Permission.COUNSEL, Permission.SUPERVISE))
        )
        menu.register_link(
            menu.Link(_("届いた紹介"), "desk_staff:referrals", (Permission.RECEIVE_REFERRALS,))
        )
        from tsunagari.desk.referrals import notices

        menu.register_notices(notices)
