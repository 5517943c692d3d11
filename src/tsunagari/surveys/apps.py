from tsunagari.apps_base import TsunagariApp


class SurveysConfig(TsunagariApp):
    name = "tsunagari.surveys"
    label = "surveys"
