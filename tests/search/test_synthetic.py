"""The benchmark's synthetic directory is valid directory data that search can use."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tsunagari.directory.areas import municipalities, resolve_place
from tsunagari.directory.models import Service
from tsunagari.search import synthetic
from tsunagari.search.engine import Filters, rebuild_index, search

pytestmark = pytest.mark.django_db


def test_synthetic_services_are_valid_and_searchable() -> None:
    sizes = synthetic.load(60)
    assert sizes.services == Service.objects.count() == 60
    for service in Service.objects.with_details()[:20]:
        try:
            service.full_clean()
        except ValidationError as error:  # pragma: no cover - the message says what
            pytest.fail(f"{service.slug}: {error}")
        assert service.phones.exists() and service.areas.exists()
        assert service.codes("needs") and service.codes("methods")
    listed = Service.objects.listed().count()
    assert rebuild_index() == listed
    assert search("", limit=100).total == listed
    town = next(iter(municipalities().values()))  # the first synthetic service's
    assert "synthetic-000000" in [h.slug for h in search(town.name).hits]
    assert search("", Filters(place=resolve_place("13"))).total >= 1
