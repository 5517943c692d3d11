"""Browser tests: Playwright driving Debian's chromium against a live server.

Playwright's sync API runs an event loop in the test thread; Django refuses database access
from a thread with a running loop unless told that this is deliberate.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from tsunagari.directory.importer import import_path
from tsunagari.navigator import catalogue

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def directory() -> Iterator[None]:
    """The bundled directory, as `tsunagari bootstrap` loads it (a module may define its own)."""
    catalogue.forget()
    import_path(Path(settings.DATA_DIR) / "directory")
    yield
    catalogue.forget()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        if os.environ.get("TSUNAGARI_REQUIRE_POSTGRES") == "1":
            pytest.fail("Debian chromium is required in CI: run `make browser`")
        pytest.skip("no /usr/bin/chromium: run `make browser` to install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="ja-JP", java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()
