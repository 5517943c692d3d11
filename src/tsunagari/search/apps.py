from tsunagari.apps_base import TsunagariApp, Writer


class SearchConfig(TsunagariApp):
    name = "tsunagari.search"
    label = "search"
    verbose_name = "検索"

    def ready(self) -> None:
        from tsunagari.search import signals

        signals.connect()

    def load_bundled_data(self, out: Writer) -> None:
        """Runs after the directory's import: the index is built from what it imported."""
        from tsunagari.search.engine import rebuild_index

        out.write(f"search index: {rebuild_index()} services\n")
