from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils import translation

from tests.conftest import SHARED_DIR
from tsunagari.directory.taxonomy import KINDS, Term
from tsunagari.directory.taxonomy_names import NAMES

# Codes added here since the contract was copied (codes may be added, never renamed).
ADDED = {"needs": {"bereavement"}}


def test_bundled_taxonomy_keeps_every_code_of_the_shared_contract_unchanged() -> None:
    contract = SHARED_DIR / "spec" / "taxonomy.yaml"
    if not contract.exists():
        pytest.skip(f"no shared contract at {contract}")
    ours = yaml.safe_load((Path(settings.DATA_DIR) / "taxonomy.yaml").read_text(encoding="utf-8"))
    shared = yaml.safe_load(contract.read_text(encoding="utf-8"))
    assert set(ours) == set(shared)
    for kind, terms in shared.items():
        assert {code: ours[kind][code] for code in terms} == terms
        assert set(ours[kind]) - set(terms) == ADDED.get(kind, set())


def test_every_name_of_the_taxonomy_is_marked_for_translation() -> None:
    data = yaml.safe_load((Path(settings.DATA_DIR) / "taxonomy.yaml").read_text(encoding="utf-8"))
    names = [term["ja"] for kind in KINDS for term in data[kind].values()]
    with translation.override("ja"):  # Japanese has no catalogue: each name as it is marked
        assert sorted(str(name) for name in NAMES) == sorted(names)


def test_a_term_is_named_in_english_where_its_language_has_no_name_for_it() -> None:
    term = Term("made-up", "架空の分類", "A made-up term")
    assert term.label("ja") == "架空の分類"
    assert term.label("en") == "A made-up term"
    assert term.label("vi") == "A made-up term"
