"""Reading the curated directory files: every problem named with file, line and field."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from tsunagari.directory.bundle import DirectoryFileError, read_bundle

VALID = """\
organizations:
  - id: example-npo
    name: 例のNPO
    name_en: Example NPO
    kind: npo
services:
  - id: example-line
    name: 例の電話相談
    name_en: Example line
    organization: example-npo
    description: >-
      話を聞く電話です。
      匿名で相談できます。
    description_en: A line that listens. You can stay anonymous.
    needs: [loneliness]
    methods: [phone]
    phones:
      - number: "#8008"
    schedules:
      - days: weekdays
        opens: "09:00"
        closes: "17:00"
    holidays: closed
    closures:
      - {from: "12-29", to: "01-03", description: 年末年始, description_en: New Year}
    source_url: https://example.org/line
    verified_on: 2026-11-23
"""


def write(tmp_path: Path, text: str, name: str = "services.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DirectoryFileError) as caught:
        read_bundle(path)
    return caught.value.problems


def test_a_valid_file_reads_with_its_schedules_and_closures(tmp_path: Path) -> None:
    bundle = read_bundle(write(tmp_path, VALID))
    (service,) = bundle.services
    assert service.schedules[0].days == ("MO", "TU", "WE", "TH", "FR")
    assert service.closures[0].from_ == "12-29"
    assert service.phones[0].number == "#8008"


def test_folded_japanese_lines_are_joined_without_a_space(tmp_path: Path) -> None:
    (service,) = read_bundle(write(tmp_path, VALID)).services
    assert service.description == "話を聞く電話です。匿名で相談できます。"


def test_an_unknown_need_code_is_named_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("needs: [loneliness]", "needs: [lonely]"))
    assert problems_of(path) == [f"{path}:7: services[0].needs: unknown code 'lonely'"]


def test_an_unquoted_time_gets_a_hint(tmp_path: Path) -> None:
    # YAML 1.1 reads an unquoted 17:00 as the base-60 integer 1020.
    path = write(tmp_path, VALID.replace('closes: "17:00"', "closes: 17:00"))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:22: services[0].schedules[0].closes:")
    assert 'quotes, e.g. "09:00"' in problem


def test_an_unquoted_hash_number_gets_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('number: "#8008"', "number: #8008"))
    (problem,) = problems_of(path)
    assert "services[0].phones[0].number" in problem
    assert "quote numbers that start with #" in problem


def test_a_phone_number_that_is_not_japanese_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('"#8008"', '"+1 555 0100"'))
    (problem,) = problems_of(path)
    assert "write a number as dialled in Japan" in problem


def test_missing_provenance_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("    source_url: https://example.org/line\n", ""))
    (problem,) = problems_of(path)
    assert problem == f"{path}:7: services[0].source_url: Field required"


def test_missing_english_is_an_error_in_curated_files(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        VALID.replace(
            "description_en: A line that listens. You can stay anonymous.", 'description_en: ""'
        ),
    )
    problems = problems_of(path)
    assert any("services[0].description_en" in p for p in problems)


def test_a_local_kind_service_must_say_how_to_find_the_local_office(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("    needs:", "    scope: local-kind\n    needs:"))
    (problem,) = problems_of(path)
    assert "needs local_finder" in problem


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    write(tmp_path, VALID, "a.yaml")
    write(
        tmp_path,
        VALID.split("services:")[0].replace("organizations:", "services: []\norganizations:"),
        "b.yaml",
    )
    problems = problems_of(tmp_path)
    assert any("'example-npo' is also at" in p for p in problems)


def test_a_file_that_is_not_yaml_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "services: [unclosed")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: cannot read YAML")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = VALID.replace("needs: [loneliness]", "needs: [x]").replace(
        "methods: [phone]", "methods: [y]"
    )
    assert len(problems_of(write(tmp_path, broken))) == 2


def test_a_text_longer_than_its_database_column_is_named(tmp_path: Path) -> None:
    note = "確認" * 200
    path = write(
        tmp_path,
        VALID.replace(
            "verified_on: 2026-11-23", f"verified_on: 2026-11-23\n    verification_note: {note}"
        ),
    )
    (problem,) = problems_of(path)
    assert problem == f"{path}:7: services[0].verification_note: 400 characters, at most 300"
