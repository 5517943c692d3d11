"""The controlled vocabulary (data/taxonomy.yaml): needs, audiences and methods codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils import translation

KINDS = ("needs", "audiences", "methods")


@dataclass(frozen=True)
class Term:
    code: str
    ja: str
    en: str

    def label(self, language: str) -> str:
        return term_name(language, self.ja, self.en)


def term_name(language: str, ja: str, en: str) -> str:
    """A term's name in a page's language: the file's Japanese or English, else the
    catalogue's (taxonomy_names, context "taxonomy"), else English."""
    if language in ("ja", "en"):
        return en if language == "en" and en else ja
    with translation.override(language):
        name = translation.pgettext("taxonomy", ja)
    return en if name == ja and en else name


@dataclass(frozen=True)
class Taxonomy:
    needs: dict[str, Term]
    audiences: dict[str, Term]
    methods: dict[str, Term]

    def of(self, kind: str) -> dict[str, Term]:
        if kind not in KINDS:
            raise KeyError(f"unknown taxonomy {kind!r}: one of {', '.join(KINDS)}")
        terms: dict[str, Term] = getattr(self, kind)
        return terms


def read_taxonomy(path: Path) -> Taxonomy:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Taxonomy(
        **{
            kind: {code: Term(code, t["ja"], t["en"]) for code, t in data[kind].items()}
            for kind in KINDS
        }
    )


@cache
def load_taxonomy() -> Taxonomy:
    return read_taxonomy(Path(settings.DATA_DIR) / "taxonomy.yaml")
