from tsunagari.directory.areas import check_digit, municipalities, prefectures, resolve_place


def test_check_digit_matches_published_codes() -> None:
    assert check_digit("13101") == "6"  # 千代田区 131016
    assert check_digit("01100") == "2"  # 札幌市 011002
    assert check_digit("27127") == "6"  # 大阪市北区 271276


def test_every_prefecture_and_about_1900_municipalities_are_known() -> None:
    assert len(prefectures()) == 47
    assert 1800 < len(municipalities()) < 2000  # with the 20 designated cities


def test_a_postcode_in_any_width_or_format_finds_its_municipality() -> None:
    for text in ("100-0001", "〒100-0001", "1000001", "１００－０００１"):
        place = resolve_place(text)
        assert place is not None and place.municipality is not None
        assert place.municipality.code == "131016"


def test_a_prefecture_is_found_by_name_with_or_without_its_suffix() -> None:
    assert resolve_place("京都府").prefecture_code == "26"  # type: ignore[union-attr]
    assert resolve_place("京都").prefecture_code == "26"  # type: ignore[union-attr]
    assert resolve_place("13").prefecture == "東京都"  # type: ignore[union-attr]


def test_an_ambiguous_or_unknown_place_is_none() -> None:
    assert resolve_place("府中市") is None  # in Tokyo and in Hiroshima
    assert resolve_place("") is None
    assert resolve_place("999-9999") is None


def test_a_large_offices_own_postcode_finds_its_municipality() -> None:
    place = resolve_place("100-8914")  # 内閣府
    assert place is not None and place.municipality is not None
    assert place.municipality.name == "千代田区"


def test_a_designated_city_is_a_place_and_its_wards_know_it() -> None:
    from tsunagari.directory.areas import designated_city

    osaka = resolve_place("大阪市")
    assert osaka is not None and osaka.municipality is not None
    assert osaka.municipality.code == "271004"
    kita = resolve_place("大阪市北区")
    assert kita is not None and kita.municipality is not None
    city = designated_city(kita.municipality)
    assert city is not None and city.code == "271004"


def test_a_place_typed_in_romaji_or_kana_is_found() -> None:
    from tsunagari.directory.areas import resolve_place

    for text in ("Hamamatsu", "hamamatsu-shi", "Hamamatsu City", "はままつ"):
        place = resolve_place(text)
        assert place is not None and place.label == "静岡県浜松市", text
    assert resolve_place("Tōkyō").label == "東京都"  # type: ignore[union-attr]
    assert resolve_place("Osaka").label == "大阪府"  # type: ignore[union-attr]
    assert resolve_place("Osaka City").label == "大阪府大阪市"  # type: ignore[union-attr]
    assert resolve_place("Fuchu") is None  # two cities


def test_the_one_place_a_sentence_names_is_found() -> None:
    from tsunagari.directory.areas import place_in_text

    assert place_in_text("フリースクール　さいたま市").label == "埼玉県さいたま市"  # type: ignore[union-attr]
    assert place_in_text("shelter in Hamamatsu").label == "静岡県浜松市"  # type: ignore[union-attr]
    assert place_in_text("東京都新宿区で相談").label == "東京都新宿区"  # type: ignore[union-attr]
    assert place_in_text("長野で相談").label == "長野県"  # type: ignore[union-attr]
    assert place_in_text("いじめられている") is None
    assert place_in_text("仕事がない") is None


def test_areas_are_named_in_the_pages_language() -> None:
    from tsunagari.directory.area_names import area_name

    assert area_name("municipality", "221309", "en") == "Hamamatsu-shi, Shizuoka"
    assert area_name("municipality", "221309", "ja") == "静岡県浜松市"
    assert area_name("municipality", "271276", "en") == "Kita-ku, Osaka-shi, Osaka"
    assert area_name("prefecture", "13", "en") == "Tokyo"
    assert area_name("prefecture", "01", "en") == "Hokkaido"
