from __future__ import annotations

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp, Writer


class PlatformConfig(TsunagariApp):
    name = "tsunagari.platform"
    label = "platform"
    verbose_name = _("官民連携プラットフォーム")

    def ready(self) -> None:
        from tsunagari.platform import notices
        from tsunagari.staff import audit, menu
        from tsunagari.staff.roles import Permission

        steps = {"submitted": _("提出"), "approved": _("承認・公開"), "returned": _("差戻し")}
        things = {
            "platform": _("プラットフォーム"),
            "member": _("参画"),
            "profile": _("団体紹介"),
            "case": _("実践事例"),
            "event": _("催し"),
            "news": _("お知らせ"),
        }
        actions: dict[str, str | Promise] = {
            f"platform.{thing}.{step}": format_lazy("{}: {}", label, step_label)
            for thing, label in things.items()
            for step, step_label in steps.items()
        }
        actions["platform.surveyapproval.approved"] = _("調査結果の公表の承認")
        actions["platform.surveyapproval.withdrawn"] = _("調査結果の公表の取下げ")
        actions["platform.event.completed"] = _("修了者数の記録")
        audit.register(actions, ("platform", _("官民連携プラットフォーム")))
        menu.register_link(
            menu.Link(
                _("プラットフォームへの投稿"), "platform:staff", (Permission.CONTRIBUTE_PLATFORM,)
            )
        )
        menu.register_link(
            menu.Link(_("確認待ちの投稿"), "platform:queue", (Permission.REVIEW_PLATFORM,))
        )
        menu.register_link(
            menu.Link(
                _("調査結果の公表"), "platform:survey_approvals", (Permission.PUBLISH_SURVEYS,)
            )
        )
        menu.register_notices(notices.for_user)

    def load_bundled_data(self, out: Writer) -> None:
        from tsunagari.platform.bundled import load_platforms

        out.write(load_platforms())
