"""Navigate (案内): what a person writes → crisis first, then needs → ranked services.

`navigate(text)` never raises. Crisis detection runs first and on the whole text; when it
raises the flag the crisis lines come first with a short, warm message — beside the services
for a practical need stated clearly when the message is not graded imminent
(`lines.needs_beside_lines`). If anything fails on the way, the answer says so in `error`
and still carries the crisis lines, first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsunagari.directory.areas import Place, place_in_text, resolve_place
from tsunagari.directory.crisis_lines import STATIC_LINES
from tsunagari.navigator import catalogue, danger
from tsunagari.navigator.answer import (
    Answer,
    NeedOut,
    crisis_entry_result,
    crisis_line_result,
    ranked_result,
    static_result,
)
from tsunagari.navigator.crisis import SCAN_CHARS, CrisisResult
from tsunagari.navigator.finder import lines_first
from tsunagari.navigator.followup import VAGUE, follow_up
from tsunagari.navigator.lexicon import load_lexicon
from tsunagari.navigator.lines import (
    STATED_TWICE,
    fallback_lines,
    lines_for,
    needs_beside_lines,
    shared,
)
from tsunagari.navigator.llm import suggested_needs
from tsunagari.navigator.ranking import Request, general_windows, rank
from tsunagari.navigator.spoken import spoken_code
from tsunagari.navigator.text import MAX_CHARS, Cleaned, clean_input
from tsunagari.navigator.understand import Understanding, understand
from tsunagari.navigator.urgency import Urgency, failed, grade
from tsunagari.search.engine import Filters, search
from tsunagari.search.filters import covering_areas

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 5
MAX_LIMIT = 20
SEARCH_HITS = 12
SELF_HARM_REASONS = {"self-harm", "overdose"}
CALM = CrisisResult(False, (), False)


def navigate(
    text: object,
    *,
    place: Place | str | None = None,
    methods: Sequence[str] = (),
    now: dt.datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    language: str = "ja",
    needs: dict[str, float] | None = None,
    audiences: dict[str, float] | None = None,
    prefer_open_now: bool = False,
    earlier_weak: tuple[str, ...] = (),
    known_crisis: CrisisResult | None = None,
    written: str = "",
) -> Answer:
    """The answer to `text` (cut at text.MAX_CHARS characters; crisis words are looked for in
    the first crisis.SCAN_CHARS). `needs`/`audiences` add what the person chose in the guided
    chat; `earlier_weak` carries weak crisis signals from earlier messages and `known_crisis`
    a crisis found in them; `written` the language the chat's messages were written in (the
    text's own is read from it). Never raises."""
    language = language if language in dict(settings.LANGUAGES) else "ja"  # the page's
    now = now or timezone.now()
    limit = max(1, min(limit, MAX_LIMIT))
    crisis = CrisisResult(False, (), False)
    urgency = failed()
    with translation.override(language):
        try:
            scanned = clean_input(text, SCAN_CHARS).text
            found, urgency = danger.read(scanned, earlier_weak)
            crisis = _merged(found, known_crisis)
            return _navigate(
                clean_input(text),
                crisis,
                urgency,
                place=place,
                methods=tuple(methods),
                now=now,
                limit=limit,
                language=language,
                chosen_needs=needs or {},
                chosen_audiences=audiences or {},
                prefer_open_now=prefer_open_now,
                written=written,
                earlier=bool(earlier_weak) or bool(known_crisis and known_crisis.crisis),
            )
        except Exception as error:  # the person must still see where to call
            log.exception("navigate failed (the text is not logged)")
            return failed_answer(language, now, crisis, type(error).__name__, urgency)


def _merged(found: CrisisResult, known: CrisisResult | None) -> CrisisResult:
    if known is None or not known.crisis:
        return found
    return CrisisResult(
        True,
        tuple(dict.fromkeys([*known.reasons, *found.reasons])),
        known.about_someone_else or found.about_someone_else,
        tuple(dict.fromkeys([*known.first, *found.first])),
        tuple(dict.fromkeys([*known.weak, *found.weak])),
        found.error,
    )


def failed_answer(
    language: str,
    now: dt.datetime,
    crisis: CrisisResult,
    what: str,
    urgency: Urgency | None = None,
) -> Answer:
    try:
        results = [
            crisis_line_result(line, now, language) for line in fallback_lines(now, crisis.first)
        ]
    except Exception:
        log.exception("crisis lines unreadable: showing the static copy")
        results = []
    results = results or [static_result(line, language) for line in STATIC_LINES]
    return Answer(
        crisis=crisis.crisis,
        needs=[],
        results=results,
        follow_up=None,
        language=language,
        message=_crisis_message(crisis, {}) if crisis.crisis else None,
        crisis_reasons=list(crisis.reasons),
        about_someone_else=crisis.about_someone_else,
        notices=[],
        error=str(
            _(
                "案内の途中で問題が起きました（%(what)s）。いま話したいときは、上の窓口に電話してください。"
            )
            % {"what": what}
        ),
        urgency=urgency or failed(),
    )


def _needs(
    understanding: Understanding | None, chosen: dict[str, float], crisis: CrisisResult
) -> dict[str, float]:
    scores = {n.code: n.score for n in understanding.needs} if understanding else {}
    for code, score in chosen.items():
        scores[code] = max(scores.get(code, 0.0), score)
    if crisis.crisis:
        scores["crisis"] = 1.0
        scores["mental-health"] = max(scores.get("mental-health", 0.0), 0.5)
        if SELF_HARM_REASONS & set(crisis.reasons):
            scores["self-harm"] = max(scores.get("self-harm", 0.0), 0.9)
    return scores


def _cues(understanding: Understanding | None, chosen: dict[str, float]) -> dict[str, int]:
    """How many cues and combinations of the person's words raised each need (not what one
    need implies of another); a need chosen in the guided chat counts as stated twice."""
    cues = {
        n.code: sum(1 for e in n.evidence if e.words)
        for n in (understanding.needs if understanding else ())
    }
    return {**cues, **dict.fromkeys(chosen, STATED_TWICE)}


def _notices(cleaned: Cleaned, place_unknown: bool, chosen: bool) -> list[str]:
    notices = []
    if cleaned.empty and not chosen:
        notices.append(_("何に困っているか、ことばで書いてください。"))
    if cleaned.truncated:
        notices.append(
            _("とても長い文章だったため、最初の%(limit)s文字だけを読みました。")
            % {"limit": f"{MAX_CHARS:,}"}
        )
    if cleaned.dropped_characters:
        notices.append(_("読めない文字（制御文字など）を取り除いて読みました。"))
    if cleaned.dropped_markup:
        notices.append(_("HTMLのタグは取り除いて読みました。"))
    if place_unknown:
        notices.append(_("お住まいの場所がわからなかったため、全国の窓口から探しました。"))
    return [str(n) for n in notices]


def _text_scores(
    text: str, needs: dict[str, float], place: Place | None, now: dt.datetime
) -> dict[str, float]:
    """The search engine's BM25 relevance of each service's text to the person's words."""
    if not text.strip():
        return {}
    top = tuple(
        code for code, score in sorted(needs.items(), key=lambda i: -i[1])[:4] if score >= 0.45
    )
    if not top:
        return {}  # words alone, with no need understood, find services at random
    try:
        # Words alone: the ranking puts the place's own services first where they fit.
        filters = Filters(needs=top, place=place)
        found = search(text, filters, limit=SEARCH_HITS, now=now, local_first=None)
    except Exception:
        log.exception("search failed: ranking by needs alone")
        return {}
    best = max((hit.score for hit in found.hits), default=0.0)
    return {hit.slug: hit.score / best for hit in found.hits} if best > 0 else {}


def _crisis_message(crisis: CrisisResult, audiences: dict[str, float]) -> str:
    reasons = set(crisis.reasons)
    call_119 = _("すぐに119番（救急）に電話してください。")
    if "body-in-danger" in reasons or "overdose" in reasons or "attempt" in reasons:
        message = call_119
    elif "danger-from-someone" in reasons:
        message = _(
            "あなたの安全がいちばん大切です。危険がせまっているときは、すぐに110番（警察）に電話してください。"
        )
    elif crisis.about_someone_else:
        message = _(
            "知らせてくれてありがとう。その人をひとりにしないでください。下の窓口には、まわりの人も相談できます。"
        )
        if "someone-else-now" in reasons:  # the grade named it (danger.CALL_NOW)
            gap = "" if translation.get_language() == "ja" else " "
            return f"{call_119}{gap}{message}"
    elif audiences.get("child", 0.0) >= 0.5:
        message = _(
            "おしえてくれて ありがとう。いま、はなしを きいてくれる ひとが います。"
            "でんわは むりょうで、なまえを いわなくても だいじょうぶ。"
        )
    else:
        message = _(
            "話してくれてありがとう。つらい気持ちを、いま聞いてくれる人がいます。名前を言わなくても大丈夫です。"
        )
    return str(message)


def _place(place: Place | str | None) -> tuple[Place | None, bool]:
    if place is None or isinstance(place, Place):
        return place, False
    if not place.strip():
        return None, False
    found = resolve_place(place)
    return found, found is None


def _navigate(
    cleaned: Cleaned,
    crisis: CrisisResult,
    urgency: Urgency,
    *,
    place: Place | str | None,
    methods: tuple[str, ...],
    now: dt.datetime,
    limit: int,
    language: str,
    chosen_needs: dict[str, float],
    chosen_audiences: dict[str, float],
    prefer_open_now: bool,
    written: str = "",
    earlier: bool = False,
) -> Answer:
    understanding = understand(cleaned.text) if not cleaned.empty else None
    needs = _needs(understanding, chosen_needs, crisis)
    beside = needs_beside_lines(
        crisis, urgency, needs, earlier=earlier, cues=_cues(understanding, chosen_needs)
    )
    # Beside the lines, services are ranked on what the person asked for: the lines
    # already answer the crisis, and a chat for any worry would take the need's place.
    stated = _needs(understanding, chosen_needs, CALM) if beside else needs
    if not needs or max(needs.values()) < VAGUE:
        for code, score in suggested_needs(cleaned.text, lines_first(crisis)).items():
            needs.setdefault(code, score)
    audiences = {a.code: a.score for a in understanding.audiences} if understanding else {}
    for code, score in chosen_audiences.items():
        audiences[code] = max(audiences.get(code, 0.0), score)
    resolved, place_unknown = _place(place)
    if resolved is None and not place_unknown:  # 前橋で母の介護: the words name the place
        resolved = place_in_text(cleaned.text)
    try:
        entries = catalogue.services()
    except DatabaseError:
        log.exception("directory unreadable: answering with the crisis lines")
        return failed_answer(language, now, crisis, "DatabaseError", urgency)
    shown = []
    shown_lines: frozenset[str] = frozenset()
    if lines_first(crisis):
        lines = lines_for(entries, now, crisis.first, needs, audiences)
        if not lines:
            return failed_answer(language, now, crisis, "no crisis lines in the directory", urgency)
        shown = [crisis_entry_result(entry, state, language) for entry, state in lines]
        shown_lines = frozenset(entry.slug for entry, _state in lines)
    request = Request(
        needs=stated,
        audiences=audiences,
        methods=methods,
        areas=covering_areas(resolved) if resolved else (),
        prefer_open_now=prefer_open_now,
        english=bool(understanding and understanding.english),
        language=(understanding.language if understanding else "") or spoken_code(written),
        now=now,
        text_scores=_text_scores(cleaned.text, stated, resolved, now),
        modifiers=load_lexicon().modifiers,
        specialised=load_lexicon().specialised,
    )
    words = {n.code: n.words for n in understanding.needs} if understanding else {}
    ranked = rank(entries, request, limit, shown_lines)
    if not ranked and not crisis.crisis:
        ranked = general_windows(entries, request, limit)
    results = shared(shown, [ranked_result(r, words, methods, language) for r in ranked], beside)
    ordered = sorted(needs.items(), key=lambda item: (-item[1], item[0]))
    return Answer(
        crisis=crisis.crisis,
        needs=[NeedOut(code, round(score, 3), words.get(code, ())) for code, score in ordered],
        results=results,
        follow_up=follow_up(needs, crisis.crisis, language),
        language=language,
        message=_crisis_message(crisis, audiences) if crisis.crisis else None,
        audiences=[
            code for code, score in sorted(audiences.items(), key=lambda i: -i[1]) if score >= 0.5
        ],
        about_someone_else=crisis.about_someone_else,
        crisis_reasons=list(crisis.reasons),
        needs_beside_lines=beside and len(results) > len(shown),
        weak_signals=list(crisis.weak),
        urgency=urgency,
        notices=_notices(cleaned, place_unknown, bool(chosen_needs)),
        error=str(_("危険を知らせる言葉の確認に失敗しました。上の窓口はいつでも使えます。"))
        if crisis.error
        else None,
    )


def preload() -> None:
    """Compile the lexicon, the crisis rules and model now (before a server forks its workers),
    rather than on the first message, which would otherwise wait about two seconds."""
    from tsunagari.navigator.crisis import load_rules
    from tsunagari.navigator.crisis_model import load_model

    load_rules()
    load_model()
    load_lexicon()
    understand("つながり")
    grade("つながり")  # the urgency elements, the embedding's weights and the classifier
