from pathlib import Path

from django.conf import settings

from tsunagari.apps_base import TsunagariApp, Writer


class DirectoryConfig(TsunagariApp):
    name = "tsunagari.directory"
    label = "directory"
    verbose_name = "支援・相談窓口のディレクトリ"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from tsunagari.staff import menu
        from tsunagari.staff.roles import Permission

        menu.register_link(
            menu.Link(
                _("窓口情報の確認状況"), "directory:staleness", (Permission.CURATE_DIRECTORY,)
            )
        )

    def load_bundled_data(self, out: Writer) -> None:
        from tsunagari.directory.importer import import_path

        report = import_path(Path(settings.DATA_DIR) / "directory")
        out.write(report.summary() + "\n")
