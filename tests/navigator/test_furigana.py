"""Furigana for the children's mode: ruby over kanji only, everything escaped."""

from tsunagari.navigator.furigana import furigana


def test_kanji_get_their_reading_and_okurigana_stay_outside() -> None:
    html = furigana("学校に行きたくない")
    assert "<ruby>学校<rt>がっこう</rt></ruby>" in html
    assert "<ruby>行<rt>い</rt></ruby>きたくない" in html


def test_text_without_kanji_is_left_as_it_is() -> None:
    assert furigana("がっこうの こと") == "がっこうの こと"


def test_markup_is_escaped() -> None:
    html = furigana("<script>電話</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<ruby>電話<rt>でんわ</rt></ruby>" in html


def test_a_service_name_gets_readings() -> None:
    html = furigana("24時間子供SOSダイヤル")
    assert "<ruby>時間<rt>じかん</rt></ruby>" in html
    assert "SOSダイヤル" in html
