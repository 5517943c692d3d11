from tsunagari.apps_base import TsunagariApp


class ApiConfig(TsunagariApp):
    name = "tsunagari.api"
    label = "api"
