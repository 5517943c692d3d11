"""The language a message is written in (書かれた言語), and the navigator's words in each.

`data/navigator/languages/<code>.yaml` holds, for one language, words by meaning class (the
lexicon's concepts and needs, merged into it by `lexicon.load_lexicon`), the marker words
that tell it from the other languages written in Latin letters, and its false friends: words
of the Japanese lexicon that mean something else in it (大家 is everyone in Chinese, a
landlord in Japanese), which do not count in a text written in it. `detect(text)` is cheap and
explainable: the script decides (kana: Japanese, Hangul: Korean, Thai, Devanagari: Nepali,
Chinese characters with words Japanese does not write: Chinese, even with a Japanese
loanword in kana such as アパート); Latin letters are
Vietnamese when they carry its letters (ơ, ư, đ, ạ…), else the language whose marker words
are most frequent. Codes are ISO 639-1, as in the directory's `languages`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from tsunagari.directory.taxonomy import load_taxonomy
from tsunagari.navigator.datafiles import DataFile, data_path, read_data_file
from tsunagari.search.analysis import normalize

SCRIPTS = ("latin", "han", "hangul", "thai", "devanagari")
TIERS = ("strong", "cues", "weak")
_KANA = re.compile(r"[\u3041-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[a-zà-ỹ]")
# Letters only Vietnamese writes among the languages read here (ă â đ ê ô ơ ư and the tone
# marks under or over them); á é í ó ú ã õ ç ñ are Spanish and Portuguese too.
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
# Characters of written Chinese that Japanese does not use (simplified and traditional).
_CHINESE_ONLY = frozenset(
    "我你她们們吗嗎呢么麼这這没沒说說对對让讓还钱錢业时为现问帮幫办辦边邊谁誰给來怎很找哪您吧啊呀"
    "孩欺负負懂该該聽听醫僱寞吃喝啥咋嘛哦唉发经样馬马个"
    "學懷簽處會單經發樣證诉骗护顾亲关门电话买卖贷险签证资习处东车过现问题业时债"
)
_TRADITIONAL = frozenset(
    "們嗎麼這沒說對讓錢幫辦邊誰還給會來學醫懷簽證資習處東車過現問題業個時為僱馬聽經發樣該負單獨債"
)
_SIMPLIFIED = frozenset(
    "们吗么这没说对让钱帮办边谁还给会来学医怀签证资习处东车过现问题业个时为雇马听经发样该负单独债"
)
# Letters that, among the Latin-letter languages read here (Vietnamese told apart first), only
# Portuguese (ã õ ç) or only Spanish (ñ ¿ ¡) writes: each counts as a marker word.
_OWN_LETTERS = {"pt": re.compile(r"[ãõç]"), "es": re.compile(r"[ñ¿¡]")}
_WORD = re.compile(r"[a-zà-ỹ'-]+")
MIN_MARKERS = 2  # marker words a Latin-letter text needs to be read as one language


@dataclass(frozen=True)
class LanguageWords:
    """One language's file: its marker words and its words by meaning class."""

    code: str
    name: str
    script: str
    markers: frozenset[str]
    concepts: dict[str, tuple[str, ...]]
    needs: dict[str, dict[str, tuple[str, ...]]]  # need → tier → words
    source: DataFile
    false_friends: tuple[str, ...] = ()


def _words(source: DataFile, where: tuple[str | int, ...], value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise source.error(where, "must be a list of words")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise source.error((*where, i), f"{item!r} is not a word: quote numbers and yes/no")
    return tuple(item.strip() for item in value)


def read_language(source: DataFile) -> LanguageWords:
    """Raises DataFileError naming file, line and field for any mistake."""
    data = source.data
    if not isinstance(data, dict):
        raise source.error((), "must be a mapping with language, name, script, needs")
    allowed = {"language", "name", "script", "markers", "concepts", "needs", "false_friends"}
    if set(data) - allowed:
        raise source.error((), f"unknown key(s) {sorted(set(data) - allowed)}")
    code = data.get("language")
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2}", code):
        raise source.error(("language",), "an ISO 639-1 code (two lower-case letters)")
    if source.path.stem != code:
        raise source.error(("language",), f"{code!r} must be the file's name ({code}.yaml)")
    if data.get("script") not in SCRIPTS:
        raise source.error(("script",), f"one of {', '.join(SCRIPTS)}")
    markers = data.get("markers") or []
    needs: dict[str, dict[str, tuple[str, ...]]] = {}
    known = load_taxonomy().needs
    for need, tiers in (data.get("needs") or {}).items():
        if need not in known:
            raise source.error(("needs", need), f"{need!r} is not a need of data/taxonomy.yaml")
        if not isinstance(tiers, dict) or not tiers or set(tiers) - set(TIERS):
            raise source.error(("needs", need), f"a mapping of {', '.join(TIERS)} to words")
        needs[need] = {t: _words(source, ("needs", need, t), w) for t, w in tiers.items()}
    return LanguageWords(
        code=code,
        name=str(data.get("name") or code),
        script=str(data["script"]),
        markers=frozenset(normalize(m) for m in _words(source, ("markers",), markers))
        if markers
        else frozenset(),
        concepts={
            str(name): _words(source, ("concepts", name), words)
            for name, words in (data.get("concepts") or {}).items()
        },
        needs=needs,
        source=source,
        false_friends=_words(source, ("false_friends",), data["false_friends"])
        if "false_friends" in data
        else (),
    )


@cache
def load_languages() -> tuple[LanguageWords, ...]:
    folder = data_path("languages")
    return tuple(read_language(read_data_file(path)) for path in sorted(folder.glob("*.yaml")))


def _latin(text: str) -> str:
    if len(_VIETNAMESE.findall(text)) >= 2:
        return "vi"
    words = Counter(_WORD.findall(text))
    counts = {
        lang.code: sum(n for word, n in words.items() if word in lang.markers)
        + (len(_OWN_LETTERS[lang.code].findall(text)) if lang.code in _OWN_LETTERS else 0)
        for lang in load_languages()
        if lang.markers
    }
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_MARKERS:
        return ""
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return ""  # as much of one as of another: not told apart
    return ranked[0][0]


def detect(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in; "" when it cannot be told
    (too short, or Japanese written in Latin letters, which the romaji reading handles)."""
    text = normalize(text)
    counts = {
        "ja": len(_KANA.findall(text)),
        "ko": len(_HANGUL.findall(text)),
        "th": len(_THAI.findall(text)),
        "ne": len(_DEVANAGARI.findall(text)),
    }
    han = _HAN.findall(text)
    chinese = sum(1 for c in han if c in _CHINESE_ONLY)
    if chinese and (counts["ja"] == 0 or (chinese >= 2 and 2 * counts["ja"] < len(han))):
        # 我想租アパート 但沒有保證人: Chinese with a Japanese word in kana, which Japanese
        # prose (我慢できない, 詐欺にあった) never is: kana there is at least half the kanji.
        counts["zh"] = len(han) + counts["ja"]
    elif han and counts["ja"]:
        counts["ja"] += len(han)
    script, letters = max(counts.items(), key=lambda item: item[1])
    latin = len(_LATIN.findall(text))
    if letters and letters * 2 >= latin:
        return script
    if latin >= 3:
        return _latin(text)
    return "ja" if han else ""


def written_in_traditional(text: str) -> bool:
    """Chinese in traditional characters (Taiwan, Hong Kong) rather than simplified."""
    letters = Counter(text)
    traditional = sum(letters[c] for c in _TRADITIONAL)
    return traditional > sum(letters[c] for c in _SIMPLIFIED)


def page_language(code: str, text: str) -> str:
    """The site's language code for a text in the language `code` (ISO 639-1): Chinese in
    its simplified or traditional pages, Portuguese in the Brazilian ones."""
    if code == "zh":
        return "zh-hant" if written_in_traditional(text) else "zh-hans"
    return {"pt": "pt-br"}.get(code, code)


def spoken_code(page_code: str) -> str:
    """The ISO 639-1 code of a site language code (zh-hant → zh, pt-br → pt)."""
    return page_code.split("-")[0]
