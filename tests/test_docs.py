"""Documentation kept honest by tests: every setting is in .env.example."""

import re
from pathlib import Path

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
