from tsunagari.apps_base import TsunagariApp


class MeasuresConfig(TsunagariApp):
    name = "tsunagari.measures"
    label = "measures"
