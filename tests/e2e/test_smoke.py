from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_in_chromium(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "つながり"
