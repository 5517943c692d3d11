"""Related URLs repaired from the OCR'd, wrapped URL cells of seed 001, and doubts kept."""

from __future__ import annotations

import pytest

from tsunagari.measures.parsing.links import extract_urls


def urls(cell: str) -> list[str]:
    return [u.url for u in extract_urls(cell)]


def test_spaces_are_line_wraps_or_lost_underscores() -> None:
    assert urls("https://www.cao.go.jp/ kodoku koritsu/torikum i/zenkokuchousa.html") == [
        "https://www.cao.go.jp/kodoku_koritsu/torikumi/zenkokuchousa.html"
    ]
    assert urls("https://www.moj.go.jp/ JINKEN/index soudan.h tml") == [
        "https://www.moj.go.jp/JINKEN/index_soudan.html"
    ]


def test_go_ip_is_go_jp() -> None:
    assert urls("https://www.soumu.go. ip/main_sosiki/hyouka/ soudan_n/with- kikumimi/") == [
        "https://www.soumu.go.jp/main_sosiki/hyouka/soudan_n/with-kikumimi/"
    ]


@pytest.mark.parametrize("mark", ["!", "I", "1", "|"])
def test_a_mark_after_htm_is_the_l_of_html_misread(mark: str) -> None:
    (found,) = extract_urls(
        f"https://www.gender.go. jp/policy/no violence/s eibouryoku/consult.htm {mark}"
    )
    assert found.url == "https://www.gender.go.jp/policy/no_violence/seibouryoku/consult.html"
    assert any(".html" in rule for rule in found.rules)


def test_an_underlined_l_set_apart_by_the_extraction_closes_html() -> None:
    assert urls("https://www.mext.go.jp /a menu/ikusei/manabi naoshi/mext_00955.htm <u>l</u>") == [
        "https://www.mext.go.jp/a_menu/ikusei/manabinaoshi/mext_00955.html"
    ]


def test_htm_alone_is_a_real_extension_and_stays() -> None:
    assert urls("https://www.mext.go.jp /a menu/shotou/clarin et/003.htm") == [
        "https://www.mext.go.jp/a_menu/shotou/clarinet/003.htm"
    ]


def test_a_misread_scheme_is_https() -> None:
    (found,) = extract_urls("Tittp3.// www.caa.go.jp/")
    assert found.url == "https://www.caa.go.jp/" and found.rules


def test_an_unwrapped_cell_keeps_all_its_underscores() -> None:
    assert urls("https://www.caa.go.jp/policies/policy/consumer policy/caution/caution 029") == [
        "https://www.caa.go.jp/policies/policy/consumer_policy/caution/caution_029"
    ]


def test_a_host_cut_after_go_is_completed_from_the_cell_and_doubted() -> None:
    first, second = extract_urls(
        "https://www.gender.go. jp/policy/no violence/s eibouryoku/consult.htm ! ②Cure time "
        "(キュアタ イム) https://www.gender.go."
    )
    assert second.url == "https://www.gender.go.jp/"
    assert second.doubts and "path is lost" in second.doubts[0]
    assert not first.doubts


@pytest.mark.parametrize(
    ("cell", "doubt"),
    [
        ("https://www.npa.go.jp/higaisya/renkei/dantai.", "end may be cut"),
        ("https://www.cfa.go.jp/a ssets/contents/20241224-policies-", "end may be cut"),
        (
            "https://www.soumu.go. ousei/c- gyousei/bunken kaikak u/02gyosei08_03000070 .html",
            "damaged",
        ),
    ],
)
def test_urls_that_no_rule_can_complete_are_doubted(cell: str, doubt: str) -> None:
    (found,) = extract_urls(cell)
    assert found.doubts and doubt in found.doubts[0]
