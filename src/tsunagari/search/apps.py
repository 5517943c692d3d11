from tsunagari.apps_base import TsunagariApp


class SearchConfig(TsunagariApp):
    name = "tsunagari.search"
    label = "search"
