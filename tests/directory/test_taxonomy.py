from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tests.conftest import SHARED_DIR

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
