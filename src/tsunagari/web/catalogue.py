"""How the public pages group the needs: by theme, and by life stage (ライフステージ).

The life stages follow the seeds' chart of support by life stage (孤独・孤立対策に関する政府の
取組, 2021: 出生 → 児童生徒・学生 → 就職 → 妊娠・出産・子育て → 退職・高齢), with the worries
that cut across every stage (DV, crime, disability, foreign residents, …) as a stage of their own.
Every need of the taxonomy belongs to exactly one theme; tests keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsunagari.directory.taxonomy import Term, load_taxonomy


@dataclass(frozen=True)
class NeedGroup:
    """A theme of needs, named in plain words."""

    code: str
    title: str | Promise
    needs: tuple[str, ...]

    def terms(self) -> list[Term]:
        needs = load_taxonomy().needs
        return [needs[code] for code in self.needs]


@dataclass(frozen=True)
class LifeStage:
    """ライフステージ: a time of life, with the needs and audiences that fit it."""

    code: str
    title: str | Promise
    summary: str | Promise
    needs: tuple[str, ...]
    audiences: tuple[str, ...] = ()

    def terms(self) -> list[Term]:
        needs = load_taxonomy().needs
        return [needs[code] for code in self.needs]


NEED_GROUPS: tuple[NeedGroup, ...] = (
    NeedGroup(
        "life-and-mind",
        _("命やこころのこと"),
        ("crisis", "self-harm", "mental-health", "loneliness"),
    ),
    NeedGroup(
        "violence",
        _("暴力や被害にあったとき"),
        ("dv", "sexual-violence", "child-abuse", "crime-victims", "online-abuse", "human-rights"),
    ),
    NeedGroup(
        "children-and-youth",
        _("学校・こども・若者のこと"),
        (
            "bullying",
            "school-refusal",
            "child-worries",
            "youth",
            "students",
            "young-carer",
            "hikikomori",
        ),
    ),
    NeedGroup(
        "money-work-home",
        _("お金・仕事・住まいのこと"),
        ("poverty", "housing", "food", "employment", "workplace", "freelance", "consumer"),
    ),
    NeedGroup(
        "family",
        _("妊娠・子育て・家族のこと"),
        ("pregnancy", "parenting", "single-parent", "no-koseki"),
    ),
    NeedGroup(
        "care",
        _("高齢・介護・障害のこと"),
        ("elderly", "caregiver", "dementia", "disability"),
    ),
    NeedGroup(
        "circumstances",
        _("それぞれの立場の悩み"),
        ("women", "men", "sogi", "foreign-residents", "overseas-japanese", "reentry", "disaster"),
    ),
    NeedGroup(
        "connection",
        _("居場所・つながり"),
        ("community", "volunteering", "bereavement"),
    ),
)

LIFE_STAGES: tuple[LifeStage, ...] = (
    LifeStage(
        "children",
        _("こども（小学生・中学生・高校生）"),
        _("いじめ、学校に行けない、家のこと、友だちのこと。こどもが自分で相談できる窓口です。"),
        (
            "child-worries",
            "bullying",
            "school-refusal",
            "child-abuse",
            "young-carer",
            "online-abuse",
            "food",
        ),
        ("child",),
    ),
    LifeStage(
        "youth",
        _("若者・学生"),
        _("学校やこれからのこと、居場所、家にこもりがちなとき、はじめての仕事探し。"),
        ("youth", "students", "hikikomori", "employment", "mental-health", "sogi", "young-carer"),
        ("youth",),
    ),
    LifeStage(
        "working-age",
        _("働く世代"),
        _("仕事や職場の悩み、お金や住まいの困りごと、こころの不調。"),
        ("workplace", "employment", "freelance", "poverty", "housing", "mental-health", "consumer"),
        ("adult",),
    ),
    LifeStage(
        "parenting",
        _("妊娠・出産・子育て"),
        _("妊娠の不安、子育ての悩み、ひとり親の暮らし。"),
        ("pregnancy", "parenting", "single-parent", "child-abuse", "no-koseki", "food"),
        ("family",),
    ),
    LifeStage(
        "older-age",
        _("高齢期・介護"),
        _("ひとり暮らし、介護、認知症、地域での居場所。家族や周りの人も相談できます。"),
        ("elderly", "caregiver", "dementia", "loneliness", "community", "consumer"),
        ("elderly",),
    ),
    LifeStage(
        "any-age",
        _("どの世代でも"),
        _("暴力や犯罪の被害、障害、外国から来た人の暮らし、災害のあとの暮らし。"),
        (
            "crisis",
            "loneliness",
            "dv",
            "sexual-violence",
            "women",
            "men",
            "disability",
            "foreign-residents",
            "overseas-japanese",
            "human-rights",
            "crime-victims",
            "reentry",
            "disaster",
            "volunteering",
            "bereavement",
        ),
    ),
)

# Needs whose filter alone means the person may be in danger: the crisis lines come first.
CRISIS_NEEDS = frozenset({"crisis", "self-harm"})


def life_stage(code: str) -> LifeStage | None:
    return next((stage for stage in LIFE_STAGES if stage.code == code), None)


def need_term(code: str) -> Term | None:
    return load_taxonomy().needs.get(code)


def group_of(need: str) -> NeedGroup | None:
    return next((group for group in NEED_GROUPS if need in group.needs), None)
