"""The consultation desk in Debian chromium: a person writes, a counsellor claims and
answers, the person consents to a hand-off, the receiving NPO accepts and closes it; a
level-5 message jumps the queue and alerts the supervisor; quick exit ends the chat; an NPO
cannot read another's conversations; the text in the database is unreadable without the key.
The live server here speaks plain HTTP, so the pages follow by the polling fallback (the
WebSocket path is in tests/desk/test_live_chat.py and `make bench`)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from tests.desk import conftest
from tests.factories import create_organization, create_service
from tests.personas import PASSWORD, Personas, body
from tsunagari.desk import crypto
from tsunagari.desk.models import Conversation, Referral, ReferralStatus, Status

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WAIT = 15_000  # ms: the polling fallback asks every 4 s


def _off_loop(call: Any, *args: Any) -> Any:
    """Run a desk operation outside Playwright's event loop (it tells sockets through
    async_to_sync, as a view does in the server's threads)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(call, *args).result()


def started(text: str) -> Conversation:
    return _off_loop(conftest.started, text)  # type: ignore[no-any-return]


def _staff_page(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def _start(page: Any, base: str, text: str) -> None:
    page.goto(f"{base}/desk/")
    page.fill("#desk-text", text)
    page.click("text=相談をはじめる")
    assert len(page.locator("[data-desk-code]").inner_text().strip()) == 12
    page.click("text=チャットへ進む")
    page.wait_for_selector("[data-desk-messages]")


def test_a_consultation_from_first_message_to_a_closed_referral(
    page: Any, browser: Any, live_server: Any, personas: Personas
) -> None:
    base = live_server.url
    body("hidamari")
    hidamari = create_organization("hidamari", name="ひだまり社協")
    create_service("hidamari-salon", organization=hidamari, areas=(("municipality", "131016"),))
    _start(page, base, "ひとり暮らしで誰とも話さない日が続いています")
    assert "24時間の窓口" in page.content()
    page.fill("#desk-area", "千代田区")  # the organisations offered are those of the area told
    page.click("text=地域を伝える")
    page.wait_for_selector("text=相談員に伝えた地域: 東京都千代田区")

    counsellor = _staff_page(browser, base, "akari-counsellor")
    counsellor.goto(f"{base}/staff/desk/")
    counsellor.click("text=担当する")
    assert "ひとり暮らしで誰とも話さない日が続いています" in counsellor.content()
    page.wait_for_selector("text=相談員が対応しています。", timeout=WAIT)
    counsellor.fill("#desk-reply", "お話を聞かせてください")
    counsellor.click("form[data-desk-send] button")
    page.wait_for_selector("text=お話を聞かせてください", timeout=WAIT)

    counsellor.select_option("#desk-organisation", label="ひだまり社協")
    counsellor.check("#field-summary")
    counsellor.check("#field-area")
    counsellor.fill("#desk-summary", "地域の居場所を探している")
    counsellor.click("text=本人に紹介を提案する")
    page.wait_for_selector("[data-desk-consent]", timeout=WAIT)
    page.check("#share-summary")
    page.check("#share-area")
    page.fill("#value-area", "千代田区")
    page.click("text=選んだ項目を伝えることに同意する")
    page.wait_for_load_state()
    assert Referral.objects.get().status == ReferralStatus.SENT

    npo = _staff_page(browser, base, "hidamari-editor")
    npo.goto(f"{base}/staff/desk/referrals/")
    npo.click("table a")
    assert "千代田区" in npo.content() and "ひとり暮らし" not in npo.content()
    for step in ("受け入れ", "本人と連絡がとれた", "支援を終えた"):
        npo.click(f"button:text-is('{step}')")
        npo.wait_for_load_state()
    assert Referral.objects.get().status == ReferralStatus.CLOSED
    counsellor.reload()
    assert "支援を終えた" in counsellor.locator("[data-desk-referrals]").inner_text()


def test_a_level_five_message_jumps_the_queue_and_alerts_the_supervisor(
    page: Any, browser: Any, live_server: Any, personas: Personas
) -> None:
    base = live_server.url
    calm = [started("眠れない日が続いています"), started("さみしい")]
    _start(page, base, "もう限界です。今から駅で飛び降りて死にます")
    imminent = Conversation.objects.latest("pk")
    assert imminent.level == 5
    supervisor = _staff_page(browser, base, "akari-supervisor")
    supervisor.goto(f"{base}/staff/desk/")
    alert = supervisor.locator("[data-desk-alert]").inner_text()
    assert "119" in alert and "110" in alert
    rows = supervisor.locator("[data-desk-waiting] tbody tr")
    assert rows.first.get_attribute("data-conversation") == str(imminent.pk)
    assert rows.count() == len(calm) + 1
    assert "crisis--prominent" in page.content()  # the person's page puts the lines first


def test_quick_exit_ends_the_chat(page: Any, live_server: Any) -> None:
    base = live_server.url
    _start(page, base, "話を聞いてほしいです")
    page.route("https://www.google.co.jp/**", lambda route: route.fulfill(body="neutral"))
    page.click("a.quick-exit")
    page.wait_for_url("https://www.google.co.jp/**")
    assert Conversation.objects.get().status == Status.LEFT
    page.goto(f"{base}/desk/chat/")
    assert "ひとり" not in page.content() and page.url.endswith("/desk/")


def test_an_npo_cannot_read_another_organisations_conversations(
    browser: Any, live_server: Any, personas: Personas
) -> None:
    base = live_server.url
    conversation = started("ほかの団体に見せない話")
    from tsunagari.desk import conversations

    _off_loop(conversations.claim, conversation, personas.counsellor)
    for username in ("hidamari-counsellor", "hidamari-editor", "akari-editor"):
        other = _staff_page(browser, base, username)
        response = other.goto(f"{base}/staff/desk/{conversation.pk}/")
        assert response.status == 403 and "ほかの団体に見せない話" not in other.content()


def test_the_text_in_the_database_is_unreadable_without_the_key(
    page: Any, live_server: Any
) -> None:
    _start(page, live_server.url, "だれにも言えない秘密があります")
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM desk_message")
        (raw,) = cursor.fetchone()
    stored = bytes(raw)
    assert "秘密".encode() not in stored
    assert crypto.unseal(stored) == "だれにも言えない秘密があります"
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(stored)


def test_without_javascript_the_forms_and_the_update_link_carry_the_chat(
    page_without_js: Any, live_server: Any
) -> None:
    page = page_without_js
    _start(page, live_server.url, "こんばんは、話を聞いてほしいです")
    page.fill("#desk-text", "夜になると不安です")
    page.click("form[data-desk-send] button")
    assert "夜になると不安です" in page.locator("[data-desk-messages]").inner_text()
    from tsunagari.desk import conversations

    _off_loop(conversations.post, Conversation.objects.get(), "counsellor", "ここにいますよ")
    page.click("text=新しいメッセージを見る（更新）")
    assert "ここにいますよ" in page.locator("[data-desk-messages]").inner_text()


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]


def test_the_chat_and_the_counsellors_case_pass_axe_on_a_phone(
    page: Any, browser: Any, live_server: Any, personas: Personas
) -> None:
    base = live_server.url
    _start(page, base, "話を聞いてほしいです")
    assert _serious(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    counsellor = _staff_page(browser, base, "akari-counsellor")
    counsellor.goto(f"{base}/staff/desk/")
    assert _serious(counsellor) == []
    counsellor.click("text=担当する")
    assert _serious(counsellor) == []
