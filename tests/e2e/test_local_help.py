"""Local help end to end: 千代田区 staff upload the template, read the preview and submit;
a colleague publishes; an NPO editor edits its own place and cannot open another's; a
person in 千代田区 finds the new place first and a person in 大阪市 does not see it."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.localhelp.conftest import ROW, csv_file
from tests.personas import PASSWORD, make_user
from tsunagari.directory.models import Service
from tsunagari.localhelp.models import Proposal
from tsunagari.staff.roles import Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP")
    page = context.new_page()
    page.goto(base + "/staff/local/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/staff/local/")
    return page


def serious_violations(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_upload_preview_publish_and_local_first(browser: Any, live_server: Any) -> None:
    make_user("chiyoda-staff", ("chiyoda", Role.MUNICIPAL_STAFF))
    make_user("chiyoda-staff-2", ("chiyoda", Role.MUNICIPAL_STAFF))
    base = live_server.url
    staff = sign_in(browser, base, "chiyoda-staff")
    staff.click("text=ファイルで一括登録する")
    staff.set_input_files(
        "#id_file", files=[{"name": "chiyoda.csv", "mimeType": "text/csv", "buffer": csv_file(ROW)}]
    )
    staff.click("text=読み込んでプレビューする")
    staff.wait_for_selector("text=追加 1 件・変更 0 件・掲載終了 0 件")
    assert "かんだこども食堂" in staff.locator("table").inner_text()
    assert not Service.objects.filter(slug=ROW["ID"]).exists()  # a preview writes nothing
    assert serious_violations(staff) == []
    staff.click("text=確認を依頼する")
    staff.wait_for_selector("text=確認待ち")
    proposal = Proposal.objects.get()

    colleague = sign_in(browser, base, "chiyoda-staff-2")
    colleague.click(f"a[href$='/staff/local/proposals/{proposal.pk}/']")
    colleague.click("text=確認して公開する")
    colleague.wait_for_selector("text=公開済み")
    assert Service.objects.get(slug=ROW["ID"]).owner is not None

    person = browser.new_context(locale="ja-JP").new_page()
    person.goto(base + "/search/?q=こども食堂&area=千代田区")
    first = person.locator("h3.card__title").first
    assert "かんだこども食堂" in first.inner_text()
    person.goto(base + "/search/?q=こども食堂&area=大阪市")
    assert "かんだこども食堂" not in person.locator("main").inner_text()


def test_an_npo_editor_edits_its_own_place_not_another(browser: Any, live_server: Any) -> None:
    from tests.factories import create_service
    from tests.personas import body

    make_user("akari-editor", ("akari", Role.NPO_EDITOR))
    for slug, owner in (("akari-ibasho", "akari"), ("hidamari-ibasho", "hidamari")):
        place = create_service(
            slug,
            name=f"{owner}の居場所",
            scope=Service.Scope.PLACE,
            needs=("community",),
            methods=("in-person",),
            areas=(("municipality", "131016"),),
        )
        place.owner = body(owner)
        place.save()
    base = live_server.url
    editor = sign_in(browser, base, "akari-editor")
    editor.click("text=akariの居場所")
    editor.fill("#id_address", "東京都千代田区神田2-2")
    editor.click("text=変更を提出する")
    editor.wait_for_selector("text=確認待ち")
    assert Proposal.objects.get().state == Proposal.State.SUBMITTED
    assert serious_violations(editor) == []
    response = editor.goto(base + "/staff/local/entries/hidamari-ibasho/")
    assert response is not None and response.status == 404
