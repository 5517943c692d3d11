from django.utils.translation import gettext_lazy as _

from tsunagari.apps_base import TsunagariApp, Writer


class SurveysConfig(TsunagariApp):
    name = "tsunagari.surveys"
    label = "surveys"
    verbose_name = _("孤独・孤立の実態把握調査")

    def load_bundled_data(self, out: Writer) -> None:
        """Store the synthetic demonstration years of data/surveys/ (idempotent)."""
        from tsunagari.surveys.services import load_bundled_years

        load_bundled_years(out)
