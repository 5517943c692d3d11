"""The index follows the directory: edits, deletions, imports; built when missing or stale."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tantivy
from django.apps import apps
from django.conf import settings

from tests.factories import create_service
from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Organization, Phone, Service
from tsunagari.search import index as search_index
from tsunagari.search.engine import rebuild_index, search

pytestmark = pytest.mark.django_db


def slugs(query: str = "") -> list[str]:
    return [hit.slug for hit in search(query).hits]


def documents_on_disk() -> int:
    """What another process would read: the index as committed on disk."""
    index = tantivy.Index.open(str(search_index.index_path()))
    return index.searcher().num_docs


def test_rebuild_indexes_every_listed_service() -> None:
    create_service("one")
    create_service("two")
    create_service("ended", status=Service.Status.DEFUNCT)
    assert rebuild_index() == 2
    assert documents_on_disk() == 2


def test_an_edit_is_found_at_the_next_search() -> None:
    service = create_service("line", name="話し相手ダイヤル")
    assert slugs("ひきこもり") == []
    service.keywords = ["ひきこもり"]
    service.save()
    assert slugs("ひきこもり") == ["line"]


def test_a_related_edit_is_indexed_too() -> None:
    service = create_service("line")
    search("")
    service.organization.name = "ふくろう協会"
    service.organization.save()
    assert slugs("ふくろう") == ["line"]
    Phone.objects.create(service=service, number="0120-111-222")
    assert slugs("")  # still there, nothing broken by a phone row


def test_a_deleted_or_ended_service_disappears() -> None:
    gone = create_service("gone")
    ended = create_service("ended")
    create_service("stays")
    assert sorted(slugs()) == ["ended", "gone", "stays"]
    gone.delete()
    ended.status = Service.Status.DEFUNCT
    ended.save()
    assert slugs() == ["stays"]


def test_changing_needs_is_indexed() -> None:
    service = create_service("line", needs=("loneliness",))
    assert slugs("いじめ") == []
    from tsunagari.directory.models import TaxonomyTerm

    service.terms.add(TaxonomyTerm.objects.get(taxonomy="needs", code="bullying"))
    assert slugs("いじめ") == ["line"]


def test_a_committed_import_updates_the_index_on_disk(
    settings: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    rebuild_index()
    assert documents_on_disk() == 0
    with django_capture_on_commit_callbacks(execute=True):
        import_path(Path(settings.DATA_DIR) / "directory")
    assert documents_on_disk() == Service.objects.not_ended().count() > 0
    assert "kodomo-sos-dial" in slugs("いじめ")


def test_a_missing_index_is_built_at_the_first_search() -> None:
    create_service("line")
    assert slugs() == ["line"]
    shutil.rmtree(settings.INDEX_DIR)
    search_index.forget()
    assert slugs() == ["line"]


def test_an_unreadable_index_is_built_again() -> None:
    create_service("line")
    search("")
    search_index.forget()
    (search_index.index_path() / "meta.json").write_text("not json", encoding="utf-8")
    assert slugs() == ["line"]


def test_an_index_out_of_step_with_the_database_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_service("old", name="古い名前")
    assert slugs("古い") == ["old"]
    Service.objects.filter(slug="old").update(name="新しい名前")  # no signals
    create_service("quiet")
    search_index._pending.clear()  # as if another process had made the changes
    monkeypatch.setattr(search_index, "FRESHNESS_SECONDS", 0)
    assert slugs("新しい") == ["old"]
    assert sorted(slugs()) == ["old", "quiet"]


def test_bootstrap_builds_the_index_after_the_directory() -> None:
    apps.get_app_config("directory").load_bundled_data(io.StringIO())
    out = io.StringIO()
    apps.get_app_config("search").load_bundled_data(out)
    assert out.getvalue() == f"search index: {Service.objects.not_ended().count()} services\n"
    assert documents_on_disk() == Service.objects.not_ended().count()


def test_an_organisation_rename_reaches_all_its_services() -> None:
    org = Organization.objects.create(slug="npo", name="つばさ", kind="npo")
    create_service("a", organization=org)
    create_service("b", organization=org)
    org.name = "みらい"
    org.save()
    assert sorted(slugs("みらい")) == ["a", "b"]


def test_a_failed_index_write_does_not_fail_the_save_and_is_retried(
    monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    rebuild_index()

    def broken(ids: object) -> None:
        raise ValueError("Failed to acquire Lockfile: LockBusy")

    with monkeypatch.context() as patched:
        patched.setattr(search_index, "update", broken)
        with django_capture_on_commit_callbacks(execute=True):
            create_service("saved-anyway")
    assert Service.objects.filter(slug="saved-anyway").exists()
    assert slugs() == ["saved-anyway"]
