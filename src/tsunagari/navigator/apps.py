from tsunagari.apps_base import TsunagariApp


class NavigatorConfig(TsunagariApp):
    name = "tsunagari.navigator"
    label = "navigator"
