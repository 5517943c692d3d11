"""Documentation kept honest by tests: every setting is in .env.example, and the README's
figures and lists are the data's and the code's."""

import re
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]


def test_every_environment_variable_is_listed_in_env_example() -> None:
    used = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r"env_\w+\(\s*\"([A-Z_]+)\"", path.read_text(encoding="utf-8")))
    listed = set(re.findall(r"^# ?([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert used, "no settings found: the pattern is out of date"
    assert sorted(used - listed) == []


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


# What the README states as fact is checked against the data and the code, so that it
# cannot drift: the service count, the roles, what the API serves, the damaged fields.

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_service_count_is_the_directorys() -> None:
    from django.conf import settings

    from tsunagari.directory.bundle import read_bundle

    stated = re.search(r"the national directory \((\d+) services", README)
    assert stated is not None, "the README no longer says how many services"
    services = read_bundle(Path(settings.DATA_DIR) / "directory").services
    assert int(stated.group(1)) == len(services)


def _roles_table() -> list[str]:
    table = README.split("| role | body | may |", 1)[1].split("\n\n", 1)[0]
    return [line for line in table.splitlines()[1:] if line.startswith("|")]


def test_the_roles_table_names_every_role_and_no_other() -> None:
    from tsunagari.staff.roles import Role

    named = set()
    for line in _roles_table():
        named |= set(re.findall(r"\(([^()|]+)\)", line.split("|")[1]))
    assert named == {str(role.label) for role in Role}


def test_the_roles_table_gives_each_role_the_bodies_it_may_hold() -> None:
    from tsunagari.staff.roles import GRANTS, Kind, Role

    words = {
        Kind.CABINET_OFFICE: "Cabinet Office",
        Kind.MINISTRY: "ministry",
        Kind.PREFECTURE: "prefecture",
        Kind.MUNICIPALITY: "municipality",
        Kind.ORGANISATION: "organisation",
    }
    for line in _roles_table():
        cells = line.split("|")
        roles = [r for r in Role if f"({r.label})" in cells[1]]
        stated = {kind for kind, word in words.items() if word in cells[2]}
        for role in roles:
            assert stated == {kind for kind, r in GRANTS if r == role}, role


@pytest.mark.django_db
def test_every_api_path_is_in_the_readme_and_every_one_it_names_exists(client: Client) -> None:
    served = set()
    for document in ("/api/v1/openapi.json", "/api/hsds/openapi.json"):
        served |= set(client.get(document).json()["paths"])
    named = set(re.findall(r"`(?:GET |POST |GET`/`POST )?(/api/(?:v1|hsds)/[^`?\s]*)", README))
    named -= {"/api/v1/openapi.json", "/api/hsds/openapi.json"}
    assert sorted(served - named) == []
    assert sorted(named - served) == []


def test_the_damaged_field_figures_are_the_detectors() -> None:
    from tsunagari.measures import damage
    from tsunagari.measures.ingest import Sources
    from tsunagari.measures.parsing.corrections import load_corrections
    from tsunagari.measures.parsing.ministries import load_ministries
    from tsunagari.measures.parsing.pipeline import read_plan

    sources = Sources.bundled()
    reading = read_plan(
        sources.lineup.read_text(encoding="utf-8"),
        sources.status_table.read_text(encoding="utf-8"),
        load_corrections(sources.corrections),
        [m.name for m in load_ministries(sources.ministries)],
        (sources.lineup.name, sources.status_table.name, sources.corrections.name),
    )
    drafts = reading.plan.measures
    found = [
        damage.assess(
            {
                "overview": d.overview,
                "target": d.target,
                "achievement_text": d.achievement,
                "policy_text": d.review,
            }
        )
        for d in drafts
    ]
    stated = re.search(r"(\d+) fields in (\d+) of the (\d+)\s+measures", README)
    assert stated is not None
    assert (int(stated.group(1)), int(stated.group(2)), int(stated.group(3))) == (
        sum(len(f) for f in found),
        sum(1 for f in found if f),
        len(drafts),
    )
