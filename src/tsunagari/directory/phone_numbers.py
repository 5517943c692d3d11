"""Japanese phone numbers as people dial them, checked against the numbering plan.

A number is one of: a short code that exists (110, 189, #8008, …: SHORT_CODES), or a
10–11 digit number of a kind a support line uses — free dial (0120, 0800), navi dial
(0570), IP phone (050), mobile (070/080/090) or geographic — whose digits fit the plan
for its kind (libphonenumber's metadata for Japan). A digit too many or too few, a short
code nobody runs, a premium-rate or pager number are refused with the reason.
Numbers written in free text (hours notes, labels) are found and checked the same way.
"""

from __future__ import annotations

import enum
import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberType

# Every short code the directory may carry, with who answers it. A code not here is refused:
# # dials are assigned one by one (ダイヤル#事業) and three-digit 1XX codes are special numbers.
SHORT_CODES: dict[str, str] = {
    "110": "警察（事件・事故の緊急通報）",
    "118": "海上保安庁（海の事件・事故の緊急通報）",
    "119": "消防・救急",
    "188": "消費者ホットライン",
    "189": "児童相談所虐待対応ダイヤル",
    "#7119": "救急安心センター事業（実施している地域のみ）",
    "#8000": "こども医療でんわ相談",
    "#8008": "DV相談ナビ",
    "#8103": "性犯罪被害相談電話（警察）",
    "#8891": "性犯罪・性暴力被害者のためのワンストップ支援センター",
    "#9110": "警察相談専用電話",
    "#9999": "孤独・孤立相談ダイヤル（試行期間のみ）",
}


class Kind(enum.Enum):
    SHORT = "short"
    FREE_DIAL = "free-dial"  # 0120, 0800: free to the caller
    NAVI_DIAL = "navi-dial"  # 0570: the caller pays, often more than a local call
    IP_PHONE = "ip-phone"  # 050
    MOBILE = "mobile"  # 070, 080, 090
    GEOGRAPHIC = "geographic"  # 0 + area code + local number


# The plan's lengths per prefix, to say what is wrong with a number of the wrong length.
DIGITS: tuple[tuple[str, Kind, int], ...] = (
    ("0120", Kind.FREE_DIAL, 10),
    ("0800", Kind.FREE_DIAL, 11),
    ("0570", Kind.NAVI_DIAL, 10),
    ("050", Kind.IP_PHONE, 11),
    ("070", Kind.MOBILE, 11),
    ("080", Kind.MOBILE, 11),
    ("090", Kind.MOBILE, 11),
)
ACCEPTED_TYPES = {
    PhoneNumberType.TOLL_FREE: Kind.FREE_DIAL,
    PhoneNumberType.UAN: Kind.NAVI_DIAL,
    PhoneNumberType.VOIP: Kind.IP_PHONE,
    PhoneNumberType.MOBILE: Kind.MOBILE,
    PhoneNumberType.FIXED_LINE: Kind.GEOGRAPHIC,
    PhoneNumberType.FIXED_LINE_OR_MOBILE: Kind.GEOGRAPHIC,
}
GROUPED = re.compile(r"^0\d+(-\d+){0,3}$")
# In free text: a 0-number of 9 digits or more (a postcode, 060-0001, has 7), a # dial, and
# a three-digit code as Japanese and English texts name one (110番, 「189」, (119), call 119),
# not any three digits ("定員120" is no phone number).
IN_TEXT = re.compile(
    r"(?<![\d#-])(?P<long>0\d(?:-?\d){7,12})(?![\d-])"
    r"|(?P<hash>#\d+)"
    r"|(?<![\d#-])(?P<short>1\d\d)(?=番|」)"
    r"|[(（](?P<bracketed>1\d\d)[)）]"
    r"|(?i:\b(?:call|dial|on)\s+)(?P<spoken>1\d\d)\b"
)
DASHES = re.compile(r"(?<=\d)[‐‑‒–—―−ーｰ](?=\d)")


def kind_of(number: str) -> Kind | None:
    """The kind of a well-formed number, or None when the plan refuses it."""
    return None if problem(number) else _kind(number)


def _kind(number: str) -> Kind:
    if number in SHORT_CODES:
        return Kind.SHORT
    parsed = phonenumbers.parse(number.replace("-", ""), "JP")
    return ACCEPTED_TYPES[phonenumbers.number_type(parsed)]


def problem(number: str) -> str | None:
    """What is wrong with `number` as a Japanese number to dial, or None if nothing is."""
    if number.startswith("#") or (len(number) <= 4 and number.isdigit()):
        if number in SHORT_CODES:
            return None
        return f"{number!r} is not a short code in service ({', '.join(SHORT_CODES)})"
    if not GROUPED.match(number):
        return f"{number!r}: write a number as dialled in Japan, digits with hyphens (0120-279-338)"
    digits = number.replace("-", "")
    for prefix, kind, length in DIGITS:
        if digits.startswith(prefix) and len(digits) != length:
            wrong = len(digits)
            return f"{number!r}: a {kind.value} number ({prefix}) has {length} digits, not {wrong}"
    if not digits.startswith(tuple(p for p, _k, _n in DIGITS)) and len(digits) != 10:
        return f"{number!r}: a geographic number has 10 digits, not {len(digits)}"
    parsed = phonenumbers.parse(digits, "JP")
    if not phonenumbers.is_valid_number(parsed):
        return f"{number!r} is not a number in Japan's numbering plan"
    if phonenumbers.number_type(parsed) not in ACCEPTED_TYPES:
        return f"{number!r} is not a kind of number a support line uses (premium, pager, …)"
    return None


def is_dialable(number: str) -> bool:
    return problem(number) is None


def is_free_to_call(number: str) -> bool | None:
    """True for free dial, False for navi dial (never free), None when the kind does not say."""
    kind = kind_of(number)
    if kind is Kind.FREE_DIAL:
        return True
    if kind is Kind.NAVI_DIAL:
        return False
    return None


def numbers_in_text(text: str) -> list[str]:
    """The phone numbers and short codes a text names, as dialled (full-width folded)."""
    folded = DASHES.sub("-", unicodedata.normalize("NFKC", text))
    return [next(v for v in match.groupdict().values() if v) for match in IN_TEXT.finditer(folded)]


def call_uri(number: str, kind: str = "voice") -> str:
    """The one rule for a link that calls: sms: for a text line, none for a fax, tel:
    otherwise. `#` must be escaped as %23, or the dialler drops everything after it."""
    if kind == "fax":
        return ""
    scheme = "sms:" if kind == "text" else "tel:"
    return scheme + number.replace("#", "%23").replace("-", "")


def tel_uri(number: str) -> str:
    return call_uri(number)
