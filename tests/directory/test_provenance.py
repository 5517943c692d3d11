"""Provenance that proves something: per fact a dated official source and a real check date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings

from tests.directory.test_bundle import VALID, problems_of, write
from tsunagari.directory.bundle import read_bundle, today
from tsunagari.directory.importer import import_path
from tsunagari.directory.models import Service
from tsunagari.directory.provenance import Level, audit, is_government, is_official, site

WITH_SOURCES = VALID.replace(
    "    verified_on: 2026-11-23\n",
    "    source_date: 2024-03\n"
    "    verified_on: 2026-11-23\n"
    "    sources:\n"
    "      - facts: [phones, hours]\n"
    "        url: https://www.mhlw.go.jp/line.html\n"
    "        date: 2025-04-01\n"
    "        checked: 2026-11-20\n"
    "        note: 番号と時間の表\n",
)


def audit_of(text: str, tmp_path: Path, on: dt.date = dt.date(2026, 12, 1)) -> list[str]:
    return [str(f) for f in audit(read_bundle(write(tmp_path, text)), on)]


def test_each_fact_has_its_source_its_date_and_its_check(tmp_path: Path) -> None:
    (service,) = read_bundle(write(tmp_path, WITH_SOURCES)).services
    facts = {p.fact: (p.url, p.date, p.checked) for p in service.provenance()}
    assert facts == {
        "service": ("https://example.org/line", "2024-03", dt.date(2026, 11, 23)),
        "phones": ("https://www.mhlw.go.jp/line.html", "2025-04-01", dt.date(2026, 11, 20)),
        "hours": ("https://www.mhlw.go.jp/line.html", "2025-04-01", dt.date(2026, 11, 20)),
    }


def test_a_check_date_in_the_future_is_refused(tmp_path: Path) -> None:
    tomorrow = today() + dt.timedelta(days=1)
    (found,) = problems_of(write(tmp_path, VALID.replace("2026-11-23", tomorrow.isoformat())))
    assert "verified_on" in found and "is in the future" in found


def test_a_source_dated_after_its_check_is_refused(tmp_path: Path) -> None:
    text = WITH_SOURCES.replace("date: 2025-04-01", "date: 2026-11-21")
    (found,) = problems_of(write(tmp_path, text))
    assert "after its check" in found


def test_a_source_for_a_fact_the_entry_does_not_state_is_refused(tmp_path: Path) -> None:
    (found,) = problems_of(write(tmp_path, WITH_SOURCES.replace("[phones, hours]", "[url]")))
    assert "the entry states no url" in found


def test_official_domains_by_rule() -> None:
    for url in (
        "https://www.mhlw.go.jp/x",
        "https://town.mizumaki.lg.jp/x",
        "https://www.city.omura.nagasaki.jp/x",
        "https://www.police.pref.saga.jp/x",
    ):
        assert is_government(url), url
    assert not is_government("https://mykoho.jp/article/x")
    assert site("https://www.since2011.net/yorisoi/") == "since2011.net"
    assert site("https://www.houterasu.or.jp/x") == "houterasu.or.jp"
    assert is_official("https://since2011.net/yorisoi/n8", ["https://www.since2011.net/"], {})
    assert not is_official("https://blog.example.com/x", ["https://www.since2011.net/"], {})


def test_an_unofficial_source_without_an_exception_is_an_error(tmp_path: Path) -> None:
    text = VALID.replace("https://example.org/line", "https://news.example.com/article")
    (finding,) = [f for f in audit_of(text, tmp_path) if f.startswith("error")]
    assert "not an official domain and no exception for it" in finding


def test_an_exception_with_its_reason_lets_a_source_through(tmp_path: Path) -> None:
    text = VALID.replace("https://example.org/line", "https://news.example.com/article")
    text += (
        "source_exceptions:\n"
        "  - domain: example.com\n"
        "    reason: 自治体の広報紙を自治体の提供のまま載せるサービス\n"
    )
    assert not [f for f in audit_of(text, tmp_path) if f.startswith("error")]


def test_a_crisis_line_only_takes_exceptions_that_are_official_copies(tmp_path: Path) -> None:
    text = VALID.replace("https://example.org/line", "https://news.example.com/article")
    text = text.replace("    needs: [loneliness]", "    crisis_line: true\n    needs: [loneliness]")
    text += "source_exceptions:\n  - domain: example.com\n"
    text += "    reason: 運営団体の案内を載せた別のサイト\n"
    (finding,) = [f for f in audit_of(text, tmp_path) if f.startswith("error")]
    assert "a crisis line's facts come from official pages only" in finding
    copied = text.replace("    reason:", "    official_copy: true\n    reason:")
    assert not [f for f in audit_of(copied, tmp_path) if f.startswith("error")]


@override_settings(DIRECTORY_CRISIS_STALE_AFTER_DAYS=90, DIRECTORY_STALE_AFTER_DAYS=365)
def test_a_crisis_line_past_its_interval_is_an_error_and_other_entries_are_due(
    tmp_path: Path,
) -> None:
    later = dt.date(2027, 3, 1)  # 98 days after the check of 2026-11-23
    crisis = VALID.replace(
        "    needs: [loneliness]", "    crisis_line: true\n    needs: [loneliness]"
    )
    assert any(
        f.startswith("error") and "8 days past its interval" in f
        for f in audit_of(crisis, tmp_path, later)
    )
    assert not any("past its interval" in f for f in audit_of(VALID, tmp_path, later))
    assert any(
        f.startswith("due") and "past its interval" in f
        for f in audit_of(VALID, tmp_path, dt.date(2027, 12, 1))
    )


def test_the_bundled_directory_passes_the_check_and_reports_what_is_due(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("directory", "check", "data/directory")
    out = capsys.readouterr().out
    assert ": 0 errors," in out
    assert all(line.startswith("due: ") for line in out.splitlines()[:-1])


def test_the_bundled_crisis_lines_are_all_within_their_check_interval() -> None:
    # Fails CI when a crisis line's facts were last checked more than 90 days ago.
    bundle = read_bundle(Path("data/directory"))
    late = [
        f
        for f in audit(bundle, today())
        if f.level is Level.ERROR or "past its interval" in f.message
        if f.service in {s.id for s in bundle.services if s.crisis_line}
    ]
    assert late == []


@pytest.mark.django_db
def test_the_check_of_the_database_fails_on_a_provenance_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_path(
        write(tmp_path, VALID.replace("https://example.org/line", "https://x.example.com/"))
    )
    with pytest.raises(CommandError, match="1 provenance errors"):
        call_command("directory", "check")
    assert "x.example.com/: not an official domain" in capsys.readouterr().out


@pytest.mark.django_db
def test_sources_and_windows_survive_the_hsds_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = WITH_SOURCES.replace(
        "    source_url:", "    valid_from: 2026-05-02\n    valid_to: 2026-05-07\n    source_url:"
    )
    import_path(write(tmp_path, text))
    call_command("directory", "export")
    exported = tmp_path / "export.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    Service.objects.all().delete()
    import_path(exported)
    service = Service.objects.with_details().get(slug="example-line")
    assert (service.valid_from, service.valid_to) == (dt.date(2026, 5, 2), dt.date(2026, 5, 7))
    assert service.source_date == "2024-03"
    (source,) = service.sources.all()
    assert (source.facts, source.date, source.checked_on) == (
        "phones,hours",
        "2025-04-01",
        dt.date(2026, 11, 20),
    )
    assert json.loads(exported.read_text(encoding="utf-8"))[0]["assured_date"] == "2026-11-23"


@pytest.mark.django_db
def test_the_service_page_shows_each_facts_source_with_its_dates(
    tmp_path: Path, client: Client
) -> None:
    import_path(write(tmp_path, WITH_SOURCES))
    page = client.get("/services/example-line/").content.decode()
    assert "（情報源の日付: 2024-03）" in page
    assert "電話番号・受付時間の情報源（2025-04-01、2026年11月20日に確認）:" in page
    assert 'href="https://www.mhlw.go.jp/line.html"' in page
