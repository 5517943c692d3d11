"""The staff bar (on every staff page) and the local-help page list proposals without
reading their entries: a municipality's file makes a proposal megabytes long, and reading
each waiting one to decide who reviews it made every staff page take 84 s."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.localhelp.conftest import ROW, csv_file
from tests.personas import Personas, body
from tsunagari.localhelp.models import Proposal
from tsunagari.localhelp.notices import for_user

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _waiting(personas: Personas) -> Proposal:
    rows = [ROW, {**ROW, "ID": "chiyoda-second", "名称": "二つめの居場所"}]
    _client(personas.municipal).post(
        "/staff/local/upload/",
        {"body": body("chiyoda").pk, "file": SimpleUploadedFile("list.csv", csv_file(*rows))},
    )
    proposal = Proposal.objects.get()
    _client(personas.municipal).post(f"/staff/local/proposals/{proposal.pk}/submit/")
    return proposal


def _read_entries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if '"entries"' in q["sql"]]


def test_the_staff_bar_and_the_list_do_not_read_the_entries(
    personas: Personas, chiyoda_colleague: User
) -> None:
    proposal = _waiting(personas)
    assert proposal.areas == [{"prefectures": [], "municipalities": ["131016"]}]
    client = _client(chiyoda_colleague)
    with CaptureQueriesContext(connection) as queries:
        notices = for_user(chiyoda_colleague)
        page = client.get("/staff/local/").content.decode()
    assert [n.text for n in notices] == ["確認を待つ地域の支援情報が1件あります"]
    assert f"/staff/local/proposals/{proposal.pk}/" in page  # still listed to decide
    assert _read_entries(queries) == []
    # Who decides still follows the entries' area: not Osaka.
    assert for_user(personas.other_municipal) == []


def test_proposals_made_before_get_their_areas_from_their_entries(personas: Personas) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tsunagari.localhelp.migrations.0002_proposal_areas")
    chiyoda = {"prefectures": [], "municipalities": ["131016"]}
    old = Proposal.objects.create(
        body=body("chiyoda"),
        author=personas.municipal,
        source="old.csv",
        entries=[{"id": "a", "area": chiyoda}, {"id": "b", "area": chiyoda}, {"id": "c"}],
    )
    migration.fill_areas(apps, None)
    old.refresh_from_db()
    assert old.areas == [chiyoda]
