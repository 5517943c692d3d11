"""The service page: calls, hours in plain words, open now, provenance, local offices."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.test import Client

from tests.factories import create_service
from tests.web.conftest import TUESDAY_NOON
from tsunagari.directory.models import Closure, Phone, Schedule, Service

pytestmark = pytest.mark.django_db


def _weekday_line(**fields: object) -> Service:
    return create_service(
        "weekday-line",
        phones=("0570-064-556",),
        hours=(("MO,TU,WE,TH,FR", "09:00", "17:00"),),
        holidays="closed",
        **fields,
    )


def test_it_shows_name_description_organisation_and_call_links(client: Client) -> None:
    _weekday_line(name="平日の相談電話", description="仕事の悩みを聞く電話です。\n匿名で話せます。")
    response = client.get("/services/weekday-line/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="service-name">平日の相談電話</h1>' in page
    assert "仕事の悩みを聞く電話です。<br>匿名で話せます。" in page
    assert "運営: テスト団体" in page
    assert 'href="tel:0570064556"' in page


def test_a_hash_number_is_dialled_with_an_escaped_hash(client: Client) -> None:
    create_service("child-line", phones=("#8008",))
    page = client.get("/services/child-line/").content.decode()
    assert 'href="tel:%238008"' in page
    assert ">#8008<" in page


def test_sms_numbers_open_messages_and_fax_numbers_are_not_links(client: Client) -> None:
    service = create_service("multi")
    Phone.objects.create(service=service, position=0, number="0120-111-222", type="text")
    Phone.objects.create(service=service, position=1, number="03-1234-5678", type="fax")
    page = client.get("/services/multi/").content.decode()
    assert 'href="sms:0120111222"' in page
    assert "tel:0312345678" not in page and "03-1234-5678" in page


def test_weekday_hours_read_in_plain_words_with_the_holiday_rule(
    client: Client, tuesday_noon: dt.datetime
) -> None:
    _weekday_line()
    page = client.get("/services/weekday-line/").content.decode()
    assert "平日（月〜金）" in page and "9:00〜17:00" in page
    assert "祝日はお休みです。" in page
    assert '<span class="badge badge--open">受付中</span>' in page


def test_a_closed_line_says_when_it_opens_next(client: Client, tuesday_night: dt.datetime) -> None:
    _weekday_line()
    page = client.get("/services/weekday-line/").content.decode()
    assert '<span class="badge badge--closed">受付時間外</span>' in page
    assert "次の受付: 明日 9:00" in page


def test_unknown_hours_are_never_shown_as_open(client: Client, tuesday_noon: dt.datetime) -> None:
    create_service("no-hours", phones=("0570-000-222",))
    page = client.get("/services/no-hours/").content.decode()
    main = page[page.index("<main") :]  # the crisis panel above lists lines open now
    assert '<span class="badge badge--unknown">受付時間は要確認</span>' in main
    assert "受付中" not in main
    assert "受付時間は分かっていません" in page


def test_monthly_days_closures_and_notes_are_described_and_an_ended_window_is_gone(
    client: Client, tuesday_noon: dt.datetime
) -> None:
    service = create_service("trial", hours_note="混み合うとつながりにくいことがあります。")
    Schedule.objects.create(
        service=service, position=0, bymonthday="10,20", opens_at="10:00", closes_at="16:00"
    )
    Schedule.objects.create(
        service=service,
        position=1,
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at="00:00",
        closes_at="24:00",
        valid_from=dt.date(2026, 5, 1),
        valid_to=dt.date(2026, 5, 31),
        description="強化月間の試行",
    )
    Schedule.objects.create(
        service=service, position=2, byday="SA,SU", opens_at="17:00", closes_at="02:00"
    )
    Closure.objects.create(service=service, start="12-29", end="01-03", description="年末年始")
    page = client.get("/services/trial/").content.decode()
    assert "毎月10日・20日" in page and "10:00〜16:00" in page
    assert "2026年5月1日〜2026年5月31日のみ" not in page and "強化月間の試行" not in page
    assert "土・日" in page and "17:00〜翌2:00" in page
    assert "12月29日〜1月3日はお休み（年末年始）" in page
    assert "混み合うとつながりにくいことがあります。" in page


def test_source_and_date_checked_are_shown(client: Client, tuesday_noon: dt.datetime) -> None:
    create_service(
        "checked",
        source_url="https://www.example.go.jp/soudan",
        verified_on=dt.date(2026, 11, 1),
        verification_note="公式ページの番号欄",
    )
    page = client.get("/services/checked/").content.decode()
    assert 'href="https://www.example.go.jp/soudan"' in page
    assert "確認した日: 2026年11月1日" in page
    assert "公式ページの番号欄" in page
    assert "古い情報の可能性" not in page


def test_an_entry_not_checked_for_long_is_flagged(
    client: Client, tuesday_noon: dt.datetime
) -> None:
    create_service("old", verified_on=dt.date(2024, 1, 5))
    page = client.get("/services/old/").content.decode()
    assert "古い情報の可能性" in page
    assert "この情報は 2024年1月5日 から確認されていません" in page


def test_a_local_kind_explains_how_to_find_the_local_office(client: Client) -> None:
    create_service(
        "houkatsu",
        scope="local-kind",
        local_finder="お住まいの市区町村の高齢者福祉の窓口で、担当の地域包括支援センターを教えてもらえます。",
        local_finder_url="https://www.example.go.jp/list",
    )
    page = client.get("/services/houkatsu/").content.decode()
    assert "お住まいの地域の窓口の探し方" in page
    assert "担当の地域包括支援センター" in page
    assert 'href="https://www.example.go.jp/list"' in page
    assert "全国で一つの電話番号ではありません" in page


def test_who_languages_fees_area_and_alert_are_shown(client: Client) -> None:
    create_service(
        "foreign",
        audiences=("foreign",),
        languages=["ja", "en", "vi"],
        fees="無料",
        alert="年末は受付時間が変わります。",
        minimum_age=15,
        areas=(("prefecture", "13"),),
    )
    page = client.get("/services/foreign/").content.decode()
    assert "外国人" in page
    assert "日本語、英語、ベトナム語" in page
    assert "無料" in page
    assert "年末は受付時間が変わります。" in page
    assert "15歳以上" in page
    assert "東京都" in page


def test_the_english_page_uses_the_english_texts(client: Client) -> None:
    _weekday_line(name_en="Weekday helpline", description_en="A line for worries about work.")
    page = client.get("/en/services/weekday-line/").content.decode()
    assert "Weekday helpline" in page
    assert "A line for worries about work." in page
    assert "Weekdays (Mon–Fri)" in page


def test_an_ended_service_says_so_and_offers_no_call(client: Client) -> None:
    create_service("ended", status="defunct", phones=("0120-999-999",))
    page = client.get("/services/ended/").content.decode()
    assert "この窓口は終了しました。" in page
    assert "tel:0120999999" not in page


def test_a_line_closed_for_days_gives_the_date_it_reopens(client: Client) -> None:
    create_service("weekend-line", phones=("0120-111-999",), hours=(("SA", "10:00", "16:00"),))
    monday = dt.datetime(2026, 11, 23, 20, 0, tzinfo=TUESDAY_NOON.tzinfo)
    with mock.patch("django.utils.timezone.now", return_value=monday):
        page = client.get("/services/weekend-line/").content.decode()
    assert "次の受付: 11月28日(土) 10:00" in page
