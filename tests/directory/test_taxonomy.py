from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tests.conftest import SHARED_DIR


def test_bundled_taxonomy_equals_the_shared_contract() -> None:
    contract = SHARED_DIR / "spec" / "taxonomy.yaml"
    if not contract.exists():
        pytest.skip(f"no shared contract at {contract}")
    ours = yaml.safe_load((Path(settings.DATA_DIR) / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert ours == yaml.safe_load(contract.read_text(encoding="utf-8"))
