from __future__ import annotations

from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp


class StaffConfig(TsunagariApp):
    name = "tsunagari.staff"
    label = "staff"
    verbose_name = _("職員と監査記録")

    def ready(self) -> None:
        from tsunagari.staff import audit, menu
        from tsunagari.staff.roles import Permission

        menu.register_link(menu.Link(_("職員ページ"), "staff:home"))
        menu.register_link(
            menu.Link(
                _("監査記録"),
                "staff:audit",
                (Permission.READ_AUDIT, Permission.READ_ALL_AUDIT),
            )
        )
        menu.register_link(menu.Link(_("2段階認証"), "staff:two_factor"))

        audit.register(
            {
                "staff.membership.added": _("役割の付与"),
                "staff.membership.removed": _("役割の取消し"),
                "staff.two_factor.enrolled": _("2段階認証の登録"),
            },
            ("staff", _("職員・役割")),
        )
        audit.register(
            {
                "admin.added": _("管理画面で追加"),
                "admin.changed": _("管理画面で変更"),
                "admin.deleted": _("管理画面で削除"),
            },
            ("admin", _("管理画面")),
        )


class StaffAdminConfig(AdminConfig):
    """Django's admin, on a site that asks for the second factor like the staff pages."""

    default_site = "tsunagari.staff.admin_site.StaffAdminSite"
