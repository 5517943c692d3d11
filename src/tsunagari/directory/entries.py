"""One directory entry as our files write it: an organisation, a service and its parts.

Every input (our YAML, HSDS JSON, the database) becomes these entries, validated field by
field; `bundle.read_bundle` reads and cross-checks whole files of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tsunagari.directory import phone_numbers
from tsunagari.directory.hours import TOKYO, Hours, Rule
from tsunagari.directory.hours import Closure as ClosureRule
from tsunagari.directory.phone_numbers import is_free_to_call
from tsunagari.directory.provenance import FACTS, Provenance, resolve

SLUG = r"^[a-z0-9][a-z0-9-]*$"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_SETS = {"daily": WEEKDAYS, "weekdays": WEEKDAYS[:5], "weekends": WEEKDAYS[5:]}
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
SOURCE_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# YAML's folded blocks join lines with a space, which Japanese text must not get.
SPACE_IN_JAPANESE = re.compile(r"(?<=[^\x00-\x7f])[ \n]+(?=[^\x00-\x7f])")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _time(value: Any) -> str:
    if isinstance(value, int):
        # YAML 1.1 reads an unquoted 09:00 as the base-60 integer 540.
        raise ValueError('write times in quotes, e.g. "09:00"')
    if not isinstance(value, str) or not TIME.match(value):
        raise ValueError('a time is "HH:MM" between "00:00" and "24:00"')
    return value


Time = Annotated[str, Field(json_schema_extra={"format": "HH:MM"})]


class ScheduleEntry(Strict):
    """One rule of opening hours (HSDS `schedule`): weekly days or days of the month."""

    days: tuple[str, ...] = ()
    monthdays: tuple[int, ...] = ()
    opens: Time
    closes: Time
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    description: str = ""
    description_en: str = ""

    @field_validator("opens", "closes", mode="before")
    @classmethod
    def _check_time(cls, value: Any) -> str:
        return _time(value)

    @field_validator("days", mode="before")
    @classmethod
    def _expand_days(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value not in DAY_SETS:
                raise ValueError(f"days is one of {sorted(DAY_SETS)} or a list of {WEEKDAYS}")
            return DAY_SETS[value]
        return value

    @field_validator("days")
    @classmethod
    def _check_days(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [day for day in value if day not in WEEKDAYS]
        if unknown:
            raise ValueError(f"unknown day {unknown[0]!r}: use {', '.join(WEEKDAYS)}")
        return tuple(day for day in WEEKDAYS if day in value)

    @field_validator("monthdays")
    @classmethod
    def _check_monthdays(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= day <= 31 for day in value):
            raise ValueError("days of the month are 1–31")
        return value

    def rule(self) -> Rule:
        return Rule.parse(
            self.days, self.monthdays, self.opens, self.closes, self.valid_from, self.valid_to
        )

    @model_validator(mode="after")
    def _one_kind_of_rule(self) -> ScheduleEntry:
        if bool(self.days) == bool(self.monthdays):
            raise ValueError("give either days (weekly) or monthdays (monthly), not both")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class Closure(Strict):
    from_: str = Field(alias="from")
    to: str
    description: str = ""
    description_en: str = ""

    def rule(self) -> ClosureRule:
        return ClosureRule.parse(self.from_, self.to)

    @field_validator("from_", "to")
    @classmethod
    def _check_month_day(cls, value: str) -> str:
        if not MONTH_DAY.match(value):
            raise ValueError('a yearly date is "MM-DD", e.g. "12-29"')
        return value


class PhoneEntry(Strict):
    number: str
    type: Literal["voice", "text", "fax", "textphone", "video"] = "voice"
    label: str = ""
    label_en: str = ""
    languages: tuple[str, ...] = ()
    toll_free: bool = False

    @field_validator("number", mode="before")
    @classmethod
    def _check_number(cls, value: Any) -> str:
        if value is None:
            raise ValueError('a number is required; quote numbers that start with #: "#8008"')
        text = str(value).strip()
        wrong = phone_numbers.problem(text)
        if wrong:
            raise ValueError(wrong)
        return text

    @model_validator(mode="after")
    def _check_cost(self) -> PhoneEntry:
        free = is_free_to_call(self.number)
        if free is not None and free != self.toll_free:
            expected = "true: free dial is free" if free else "false: navi dial is never free"
            raise ValueError(f"toll_free must be {expected} ({self.number})")
        return self


def today() -> dt.date:
    """Today in Japan: a date after it is in the future wherever the server runs."""
    return dt.datetime.now(TOKYO).date()


def _not_in_future(value: dt.date) -> dt.date:
    if value > today():
        raise ValueError(f"{value} is in the future: a check date is the day it was done")
    return value


def source_date(value: Any) -> str:
    """The date a source gives itself (更新日, 発行): YYYY-MM-DD, YYYY-MM or YYYY."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if not SOURCE_DATE.match(text):
        raise ValueError(f"{text!r}: write the source's date as YYYY-MM-DD, YYYY-MM or YYYY")
    if first_day(text) > today():
        raise ValueError(f"{text} is in the future")
    return text


def first_day(text: str) -> dt.date:
    """The first day of a source date of any precision (2024-03 → 2024-03-01)."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


SourceDate = Annotated[str, BeforeValidator(source_date)]
CheckDate = Annotated[dt.date, AfterValidator(_not_in_future)]
Fact = Literal["phones", "hours", "url", "languages"]


class SourceEntry(Strict):
    """A page other than the entry's `source_url` that shows some of its facts."""

    facts: tuple[Fact, ...] = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    date: SourceDate
    checked: CheckDate
    note: str = ""

    @model_validator(mode="after")
    def _dated_before_checked(self) -> SourceEntry:
        if first_day(self.date) > self.checked:
            raise ValueError(f"the source's date {self.date} is after its check {self.checked}")
        return self


class AreaEntry(Strict):
    prefectures: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()

    @field_validator("prefectures")
    @classmethod
    def _check_prefectures(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not re.fullmatch(r"\d{2}", code) or not 1 <= int(code) <= 47:
                raise ValueError(f"{code!r} is not a prefecture code 01–47 (JIS X 0401)")
        return value

    @field_validator("municipalities")
    @classmethod
    def _check_municipalities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not re.fullmatch(r"\d{6}", code):
                raise ValueError(f"{code!r} is not a 6-digit local-government code (JIS X 0402)")
        return value


class OrganizationEntry(Strict):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_en: str = ""
    kind: Literal["government", "local-government", "npo", "other"]
    url: str = Field(default="", pattern=r"^(https?://\S+)?$")
    description: str = ""
    description_en: str = ""


class ServiceEntry(Strict):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    name_en: str = ""
    alternate_name: str = ""
    alternate_name_en: str = ""
    organization: str
    description: str = Field(min_length=1)
    description_en: str = ""
    url: str = Field(default="", pattern=r"^(https?://\S+)?$")
    email: str = ""
    status: Literal["active", "inactive", "defunct", "temporarily closed"] = "active"
    alert: str = ""
    alert_en: str = ""
    scope: Literal["national", "local-kind", "local", "place"] = "national"
    local_kind: str = Field(default="", pattern=rf"^({SLUG[1:-1]})?$")  # local/place: its kind
    address: str = ""
    address_en: str = ""
    postcode: str = Field(default="", pattern=r"^(\d{3}-\d{4})?$")
    access: str = ""
    access_en: str = ""
    accessibility: str = ""
    accessibility_en: str = ""
    local_finder: str = ""
    local_finder_en: str = ""
    local_finder_url: str = Field(default="", pattern=r"^(https?://\S+)?$")
    crisis_line: bool = False
    needs: tuple[str, ...] = Field(min_length=1)
    audiences: tuple[str, ...] = ()
    methods: tuple[str, ...] = Field(min_length=1)
    languages: tuple[str, ...] = ("ja",)
    minimum_age: int | None = Field(default=None, ge=0, le=120)
    maximum_age: int | None = Field(default=None, ge=0, le=120)
    fees: str = ""
    fees_en: str = ""
    eligibility: str = ""
    eligibility_en: str = ""
    phones: tuple[PhoneEntry, ...] = ()
    holidays: Literal["open", "closed", "unknown"] = "unknown"
    closures: tuple[Closure, ...] = ()
    schedules: tuple[ScheduleEntry, ...] = ()
    hours_note: str = ""
    hours_note_en: str = ""
    area: Literal["nationwide"] | AreaEntry = "nationwide"
    keywords: tuple[str, ...] = ()
    valid_from: dt.date | None = None  # a trial, campaign or seasonal service: its window
    valid_to: dt.date | None = None
    source_url: str = Field(pattern=r"^https?://\S+$")
    source_date: SourceDate | Literal[""] = ""  # "" only in entries from before it was kept
    verified_on: CheckDate
    verification_note: str = ""
    sources: tuple[SourceEntry, ...] = ()  # facts shown by another page than source_url

    @field_validator(
        "description", "alert", "local_finder", "eligibility", "hours_note", "fees", mode="after"
    )
    @classmethod
    def _join_japanese_lines(cls, value: str) -> str:
        return SPACE_IN_JAPANESE.sub("", value)

    @field_validator("languages")
    @classmethod
    def _check_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not re.fullmatch(r"[a-z]{2,3}", code):
                raise ValueError(f"{code!r} is not an ISO 639 language code such as ja or en")
        return value

    @model_validator(mode="after")
    def _check_scope(self) -> ServiceEntry:
        if self.scope == "local-kind" and not self.local_finder:
            raise ValueError("a local-kind service needs local_finder: how to find the office")
        if self.scope != "local-kind" and self.local_finder:
            raise ValueError("local_finder is only for scope: local-kind")
        if self.scope in ("local", "place") and not isinstance(self.area, AreaEntry):
            raise ValueError("a local entry or place needs its area: prefectures or municipalities")
        if self.local_kind and self.scope not in ("local", "place"):
            raise ValueError("local_kind is only for scope: local or place")
        if self.local_finder and not self.local_finder_en:
            raise ValueError("local_finder_en is required with local_finder")
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValueError("maximum_age is below minimum_age")
        if self.crisis_line and not self.phones:
            raise ValueError("a crisis line needs at least one phone number")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        if self.source_date and first_day(self.source_date) > self.verified_on:
            raise ValueError(f"source_date {self.source_date} is after verified_on")
        self._check_sources()
        return self

    def _check_sources(self) -> None:
        claimed = [fact for source in self.sources for fact in source.facts]
        twice = sorted({fact for fact in claimed if claimed.count(fact) > 1})
        if twice:
            raise ValueError(f"sources: {', '.join(twice)} named by two sources")
        absent = [fact for fact in claimed if fact not in self.facts()]
        if absent:
            raise ValueError(f"sources: the entry states no {', '.join(absent)}")

    def facts(self) -> tuple[str, ...]:
        """The facts this entry states, each of which needs a source."""
        present = {
            "phones": bool(self.phones),
            "hours": bool(self.schedules or self.closures or self.hours_note),
            "url": bool(self.url),
            "languages": bool(set(self.languages) - {"ja"}),
        }
        return ("service", *(fact for fact in FACTS if present[fact]))

    def provenance(self) -> list[Provenance]:
        """Per fact, the page that shows it: a `sources` entry naming it, else `source_url`."""
        main = Provenance(
            "service", self.source_url, self.source_date, self.verified_on, self.verification_note
        )
        named = [(s.facts, Provenance("", s.url, s.date, s.checked, s.note)) for s in self.sources]
        return resolve(main, named, self.facts())

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every free text shown to people, with its field: where numbers must be checked."""
        for field in FREE_TEXT:
            for name in (field, f"{field}_en"):
                yield name, getattr(self, name)
        for part, fields in (
            ("phones", ("label",)),
            ("schedules", ("description",)),
            ("closures", ("description",)),
        ):
            for i, item in enumerate(getattr(self, part)):
                for field in fields:
                    yield f"{part}[{i}].{field}", getattr(item, field)
                    yield f"{part}[{i}].{field}_en", getattr(item, f"{field}_en")

    def hours(self) -> Hours:
        return Hours(
            rules=tuple(r.rule() for r in self.schedules),
            closures=tuple(c.rule() for c in self.closures),
            holidays=self.holidays,
            status=self.status,
            has_note=bool(self.hours_note),
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )

    def canonical(self) -> ServiceEntry:
        """The same entry with its unordered lists sorted, for comparing two versions."""
        area = self.area
        if isinstance(area, AreaEntry):
            area = AreaEntry(
                prefectures=tuple(sorted(area.prefectures)),
                municipalities=tuple(sorted(area.municipalities)),
            )
        return self.model_copy(
            update={
                "needs": tuple(sorted(self.needs)),
                "audiences": tuple(sorted(self.audiences)),
                "methods": tuple(sorted(self.methods)),
                "area": area,
            }
        )

    def missing_english(self) -> list[str]:
        pairs = [
            ("name", "name_en"),
            ("description", "description_en"),
            ("alternate_name", "alternate_name_en"),
            ("alert", "alert_en"),
            ("fees", "fees_en"),
            ("eligibility", "eligibility_en"),
            ("hours_note", "hours_note_en"),
            ("access", "access_en"),
            ("accessibility", "accessibility_en"),
        ]
        missing = [en for ja, en in pairs if getattr(self, ja) and not getattr(self, en)]
        missing += [
            f"phones[{i}].label_en" for i, p in enumerate(self.phones) if p.label and not p.label_en
        ]
        missing += [
            f"schedules[{i}].description_en"
            for i, r in enumerate(self.schedules)
            if r.description and not r.description_en
        ]
        missing += [
            f"closures[{i}].description_en"
            for i, c in enumerate(self.closures)
            if c.description and not c.description_en
        ]
        return missing


FREE_TEXT = (
    "name",
    "access",
    "accessibility",
    "alternate_name",
    "description",
    "alert",
    "local_finder",
    "fees",
    "eligibility",
    "hours_note",
)


class SourceException(Strict):
    """A source domain accepted although it is not official by rule, and why."""

    domain: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]+$")
    reason: str = Field(min_length=10)
    official_copy: bool = False  # an official body's own publication, hosted elsewhere


class DirectoryFile(Strict):
    organizations: tuple[OrganizationEntry, ...] = ()
    services: tuple[ServiceEntry, ...] = ()
    source_exceptions: tuple[SourceException, ...] = ()
