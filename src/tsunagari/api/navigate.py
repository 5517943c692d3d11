"""/api/v1/navigate: the navigator's answer, crisis lines first when needed.

`GET ?text=…` or `POST` with the same fields as a JSON object: a URL holds about 900
percent-encoded Japanese characters (the server reads request lines up to 8 KB), so a long
message is posted. The same JSON as `tsunagari navigate --json` (see
tsunagari.navigator.answer). `text` is cut at 2,000 characters (the answer says so in
`notices`); bad parameters get 422 naming the field. The answer is never cached and the text
is never logged.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import BaseModel, Field, model_validator

from tsunagari.api.errors import INVALID, UNREADABLE_BODY, invalid_param
from tsunagari.api.fields import code_of
from tsunagari.directory.areas import Place
from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.navigate import DEFAULT_LIMIT, MAX_LIMIT, navigate
from tsunagari.navigator.text import MAX_CHARS
from tsunagari.search.params import FilterError, place_of

router = Router(tags=["navigator"])


class NavigateParams(BaseModel):  # not a Schema, which reads the attributes of anything
    text: str = Field(
        "", description=f"What the person wrote; the first {MAX_CHARS:,} characters are read"
    )
    place: str = Field(
        "",
        max_length=40,
        description="Postcode (160-0023), municipality or prefecture code or name",
    )
    method: list[code_of("methods")] = Field(  # type: ignore[valid-type]
        [], description="Preferred contact methods (phone, sns, …)"
    )
    open_now: bool = Field(False, description="Prefer services open now (Asia/Tokyo)")
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Services after the crisis lines"
    )
    lang: str = Field("ja", pattern="^(ja|en)$", description="Language of names and explanations")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        """A posted `[]`, `"…"` or `null` is not an empty question."""
        if not isinstance(data, dict):
            raise ValueError('the body must be a JSON object, such as {"text": "…"}')
        return data


class NeedOut(Schema):
    code: str
    score: float
    label: str
    words: list[str] = Field(description="The person's words that raised this need")


class AnswerPhoneOut(Schema):
    number: str
    tel: str = Field(description="A tel: (or sms:) URI to dial; # escaped as %23")
    type: str
    label: str
    toll_free: bool


class ResultOut(Schema):
    id: str
    slug: str
    name: str
    crisis_line: bool
    needs: list[str]
    audiences: list[str]
    methods: list[str]
    languages: list[str] = Field(
        default_factory=list,
        description="ISO 639-1 codes of the languages it answers in (empty: not known)",
    )
    phones: list[AnswerPhoneOut]
    url: str
    open_now: bool | None = Field(description="null when the hours are not known")
    local_finder: str = Field(description="How to find the local office (窓口の種類)")
    why: list[str] = Field(description="Why this service was chosen")
    score: float | None


class OptionOut(Schema):
    value: str
    label: str
    needs: list[str]


class FollowUpOut(Schema):
    id: str
    question: str
    options: list[OptionOut]


class UrgencyReasonOut(Schema):
    code: str = Field(
        description="An element of data/navigator/urgency.yaml (wish, thought, method, place, "
        "now, means-at-hand, means-kept, preparation, farewell, attempt, someone-else-now, "
        "distress, distance, …), reads-like when the learned reader graded higher than the "
        "elements, or grader-error"
    )
    level: int = Field(ge=0, le=5, description="The level this reason points to")
    ja: str = Field(description="The reason as a counsellor reads it, in Japanese")
    en: str = Field(description="The same in English")


class UrgencyOut(Schema):
    level: int = Field(
        ge=0,
        le=5,
        description="0 none, 1 distress, 2 passive wish to be dead or gone, 3 active thoughts "
        "of suicide or self-harm, 4 a method, place, time or plan, or repeated self-harm, "
        "5 imminent (means at hand, now or today, an attempt, preparations done, a farewell, "
        "someone else in danger now). 5 also when grading failed",
    )
    reasons: list[UrgencyReasonOut] = Field(description="Why, the highest level first")


class AnswerOut(Schema):
    crisis: bool = Field(
        description="A life may be in danger: a crisis line comes first (see needs_beside_lines)"
    )
    message: str | None = Field(description="A short message shown with the crisis lines")
    about_someone_else: bool
    crisis_reasons: list[str] = Field(
        description="Ids of the crisis.yaml rules that fired, about-someone-else, or "
        "crisis-model when only the second reader (a model trained on our sentences) raised it, "
        "urgency when only the urgency grade (3 or more) raised it, and attempt or "
        "someone-else-now where the grade (5) names them: the message then says to call 119"
    )
    needs_beside_lines: bool = Field(
        description="The crisis flag rests on the urgency grade alone (3–4, no sign of danger "
        "named) and a practical need (work, a home, money, residence) is stated clearly: the "
        "first crisis line is followed by the two best services for that need, then the other "
        "crisis lines. False: every crisis line comes before the services"
    )
    urgency: UrgencyOut = Field(description="How urgent the message is (0–5), and why")
    needs: list[NeedOut]
    audiences: list[str]
    results: list[ResultOut]
    follow_up: FollowUpOut | None = Field(description="One question when the text is vague")
    notices: list[str] = Field(description="What was cut or dropped from the text, and why")
    error: str | None = Field(description="Set when something failed; crisis lines still first")
    language: str


def _checked(params: NavigateParams, where: str) -> Place | None:
    """Raises a 422 naming the parameter that is wrong."""
    known = load_taxonomy().methods
    unknown = [m for m in params.method if m not in known]
    if unknown:
        raise invalid_param(
            "method", f"unknown method(s) {', '.join(unknown)}; known: {', '.join(known)}", where
        )
    try:
        return place_of(params.place)
    except FilterError as error:
        raise invalid_param("place", str(error), where) from None


@router.get(
    "/navigate",
    response={200: AnswerOut, **INVALID},
    summary="From what a person writes to the right help",
)
def navigate_text(
    request: HttpRequest, response: HttpResponse, params: Query[NavigateParams]
) -> dict[str, Any]:
    return _answer(params, response, "query")


@router.post(
    "/navigate",
    response={200: AnswerOut, **UNREADABLE_BODY, **INVALID},
    summary="The same, for a message too long for a URL",
)
def navigate_posted(
    request: HttpRequest, response: HttpResponse, params: NavigateParams
) -> dict[str, Any]:
    return _answer(params, response, "body")


def _answer(params: NavigateParams, response: HttpResponse, where: str) -> dict[str, Any]:
    place = _checked(params, where)
    response["Cache-Control"] = "no-store"
    answer = navigate(
        params.text,
        place=place,
        methods=params.method,
        limit=params.limit,
        language=params.lang,
        prefer_open_now=params.open_now,
    )
    return answer.as_dict()
