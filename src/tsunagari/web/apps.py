from tsunagari.apps_base import TsunagariApp


class WebConfig(TsunagariApp):
    name = "tsunagari.web"
    label = "web"
