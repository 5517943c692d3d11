"""The guided questions' choices and the need codes each stands for.

Like the government chatbot (shared/spec/directory-notes.md): adults choose a kind of
trouble; children start from four areas — 学校, 家族, 友だち, 自分のこと — and narrow down
with one more question. Labels are translatable; the children's labels are written in
やさしい日本語 (furigana is added when they are shown).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Choice:
    value: str
    label: str | Promise
    codes: tuple[str, ...] = ()  # need codes (methods: method codes); the first is the main one

    def need_scores(self) -> dict[str, float]:
        """What choosing it says: the main need surely, the others likely."""
        return {code: (0.85 if i == 0 else 0.7) for i, code in enumerate(self.codes)}


WHO = (
    Choice("self", _("自分のこと")),
    Choice("child", _("自分のこと（18歳以下）")),
    Choice("family", _("家族のこと")),
    Choice("friend", _("友だち・まわりの人のこと")),
)

TOPICS = (
    Choice("feelings", _("気持ちがつらい・こころのこと"), ("mental-health", "loneliness")),
    Choice("lonely", _("ひとりぼっち・話し相手がいない"), ("loneliness", "community")),
    Choice("violence", _("家族やパートナーからの暴力"), ("dv", "child-abuse", "women")),
    Choice("sexual", _("性暴力・性被害"), ("sexual-violence", "crime-victims")),
    Choice("money", _("お金・生活・住まい"), ("poverty", "housing", "food")),
    Choice("work", _("仕事さがし・職場のこと"), ("employment", "workplace", "freelance")),
    Choice("children", _("妊娠・子育て"), ("parenting", "pregnancy", "single-parent")),
    Choice("care", _("介護・高齢の家族・認知症"), ("caregiver", "elderly", "dementia")),
    Choice("school", _("学校・学生・若者のこと"), ("students", "youth", "school-refusal")),
    Choice(
        "rights",
        _("差別・ネットの中傷・犯罪や詐欺の被害"),
        ("human-rights", "online-abuse", "crime-victims", "consumer"),
    ),
    Choice("identity", _("性のあり方（LGBTQ）"), ("sogi",)),
    Choice(
        "abroad",
        _("外国から来た人の暮らし・海外での暮らし"),
        ("foreign-residents", "overseas-japanese"),
    ),
    Choice("disability", _("障害・病気"), ("disability", "mental-health")),
    Choice("place", _("居場所・ボランティアをさがしたい"), ("community", "volunteering")),
)

KIDS_AREAS = (
    Choice("kids-school", _("がっこうの こと"), ("child-worries", "bullying", "school-refusal")),
    Choice("kids-family", _("かぞくの こと"), ("child-worries", "child-abuse", "young-carer")),
    Choice("kids-friends", _("ともだちの こと"), ("child-worries", "bullying", "loneliness")),
    Choice("kids-self", _("じぶんの こと"), ("child-worries", "mental-health")),
)

KIDS_DETAILS = {
    "kids-school": (
        Choice("bullying", _("いじめ・いやな ことを される"), ("bullying", "child-worries")),
        Choice(
            "refusal", _("がっこうに いけない・いきたくない"), ("school-refusal", "child-worries")
        ),
        Choice("teacher", _("せんせい・べんきょうの こと"), ("child-worries", "students")),
    ),
    "kids-family": (
        Choice(
            "hurt",
            _("たたかれる・どなられる・ごはんが ない"),
            ("child-abuse", "child-worries", "food"),
        ),
        Choice("carer", _("かぞくの せわを している"), ("young-carer", "caregiver")),
        Choice("parents", _("おやと うまく いかない"), ("child-worries", "parenting")),
    ),
    "kids-friends": (
        Choice("left-out", _("なかまはずれ・むしされる"), ("bullying", "child-worries")),
        Choice("no-friends", _("ともだちが いない・さびしい"), ("loneliness", "child-worries")),
        Choice("online", _("SNSや ネットの こと"), ("online-abuse", "bullying")),
    ),
    "kids-self": (
        Choice("feelings", _("つらい・ねむれない"), ("mental-health", "child-worries")),
        Choice("body", _("からだや せいの こと"), ("sogi", "pregnancy", "sexual-violence")),
        Choice("die", _("しにたい・きえたい"), ("crisis", "mental-health")),
    ),
}

METHODS = (
    Choice("phone", _("電話で話したい"), ("phone",)),
    Choice("sns", _("SNS・チャットで（文字で）"), ("sns", "email")),
    Choice("in-person", _("会って話したい"), ("in-person", "visit")),
    Choice("any", _("どれでもいい")),
)

WHEN = (
    Choice("now", _("いますぐ")),
    Choice("later", _("あとで・いつでも")),
)


def find(choices: tuple[Choice, ...], value: str) -> Choice | None:
    return next((c for c in choices if c.value == value), None)


KIDS_WHO = (
    Choice("child", _("じぶんの こと")),
    Choice("family", _("かぞくの こと")),
    Choice("friend", _("ともだちの こと")),
)

KIDS_METHODS = (
    Choice("phone", _("でんわで はなしたい"), ("phone",)),
    Choice("sns", _("LINEや チャットで（もじで）"), ("sns", "email")),
    Choice("letter", _("てがみで"), ("letter",)),
    Choice("any", _("どれでも いい")),
)

KIDS_WHEN = (
    Choice("now", _("いますぐ")),
    Choice("later", _("あとで")),
)
