"""From what a person writes to the right help, crisis first."""

from tsunagari.apps_base import TsunagariApp, Writer


class NavigatorConfig(TsunagariApp):
    name = "tsunagari.navigator"
    label = "navigator"
    verbose_name = "案内（ナビゲーター）"

    def load_bundled_data(self, out: Writer) -> None:
        """Nothing to import: the lexicon and the crisis rules are checked and reported."""
        from tsunagari.navigator.crisis import load_rules
        from tsunagari.navigator.crisis_model import load_model
        from tsunagari.navigator.lexicon import load_lexicon

        lexicon = load_lexicon()
        rules = load_rules()
        model = load_model()
        out.write(
            f"navigator: {len(lexicon.needs)} needs, {lexicon.cue_count} cues, "
            f"{len(rules.rules)} crisis rules, a crisis model of {len(model.weights)} weights\n"
        )
