from pathlib import Path

from django.conf import settings

from tsunagari.apps_base import TsunagariApp, Writer


class DirectoryConfig(TsunagariApp):
    name = "tsunagari.directory"
    label = "directory"
    verbose_name = "支援・相談窓口のディレクトリ"

    def load_bundled_data(self, out: Writer) -> None:
        from tsunagari.directory.importer import import_path

        report = import_path(Path(settings.DATA_DIR) / "directory")
        out.write(report.summary() + "\n")
