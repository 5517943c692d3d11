import io

from django.apps import apps

from tsunagari.staff.models import AuditEntry
from tsunagari.surveys.models import SurveyYear


def test_bootstrap_stores_the_synthetic_demo_years_once(db: None) -> None:
    config = apps.get_app_config("surveys")
    out = io.StringIO()
    config.load_bundled_data(out)  # type: ignore[attr-defined]
    years = list(SurveyYear.objects.order_by("year"))
    assert [y.year for y in years] == [2021, 2022, 2023, 2024]
    assert all(y.synthetic and y.uploaded_by is None for y in years)
    assert set(years[0].estimates["indicators"]["ucla3_mean"]["by"]) == {
        "age_group",
        "sex",
        "region",
    }
    assert AuditEntry.objects.filter(action="surveys.year.loaded", user=None).count() == 4
    config.load_bundled_data(io.StringIO())  # type: ignore[attr-defined]
    assert SurveyYear.objects.count() == 4
    assert AuditEntry.objects.count() == 4
    assert "2024" in out.getvalue()
