"""Every app has its place in the import layers (`make lint` runs lint-imports on them)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "src" / "tsunagari"


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def declared_layers() -> list[set[str]]:
    (layers,) = [c for c in _contracts() if c["type"] == "layers"]
    assert layers["containers"] == ["tsunagari"]
    names = layers["layers"]
    assert isinstance(names, list)
    return [{name.strip() for name in re.split(r"[|:]", line)} for line in names]


def apps() -> set[str]:
    return {p.parent.name for p in APPS.glob("*/__init__.py")}


def test_every_app_declares_its_layer() -> None:
    declared = set().union(*declared_layers())
    missing = sorted(apps() - declared)
    assert missing == [], (
        f"{missing}: add each to a layer of [tool.importlinter] in pyproject.toml "
        "(see DEVELOPERS.md, 'A new app')"
    )


def test_no_layer_names_an_app_that_is_gone_and_none_twice() -> None:
    layers = declared_layers()
    every = [name for layer in layers for name in layer]
    assert sorted(set(every) - apps()) == []
    assert len(every) == len(set(every))


def test_the_layers_put_web_and_api_on_top_and_staff_lowest() -> None:
    layers = declared_layers()
    assert layers[0] == {"web", "api"}
    assert "staff" in layers[-1]
    order = {name: i for i, layer in enumerate(layers) for name in layer}
    assert order["navigator"] < order["search"] < order["directory"]


def test_make_lint_runs_the_contracts() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "lint-imports" in lint
    assert re.search(r"^test:.*\blint\b", makefile, re.M)
