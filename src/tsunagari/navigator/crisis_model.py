"""A second reader for crisis: a linear model over letter n-grams, trained on our own sentences.

The rules of crisis.yaml are the first reader, and every flag they raise traces to a pattern.
New wording that no rule has met yet (ロープ買ってきた。どこに掛けるかまで考えてる) is often
made of pieces the rules' examples share; this model weighs those pieces. It is trained
offline (`tsunagari train_crisis_model`, in `tsunagari.navigator.training`) on
data/navigator/crisis-sentences.yaml and the navigator's own cases, and its weights are a
file in the repository (crisis-model.json) that names the fingerprint of the sentences it
learned from: nothing is downloaded or learned at run time, and the same text always gets
the same score. It can only raise the flag, never lower it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from pathlib import Path

from tsunagari.navigator import romaji
from tsunagari.navigator.datafiles import data_path
from tsunagari.navigator.per_message import per_message
from tsunagari.navigator.text import surface, to_hiragana

MODEL_FILE = "crisis-model.json"
SHORTEST, LONGEST = 1, 4  # letter n-grams: 死, 死に, 死にた, 死にたい
SCAN_CHARS = 2_000
THRESHOLD = 0.5  # the natural cut of a logistic model; not tuned to any evaluation set
# A few words (もう無理, 助けて, 楽になりたい) are one weak sign for the rules, which want two;
# in so short a text a single phrase would decide the model's score, so it does not judge.
# Trained with the labelled messages (round 9) it read one phrase of a short lookalike as
# danger (ビルの屋上から夜景を見た, 今日中に宿題を全部終わらせる): under 20 letters it is
# left to the rules and the grade's elements (blind sets 14–19: no level-0 message more
# flagged, 2 % fewer imminent ones reached by this reader alone).
SHORTEST_TEXT = 20


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float
    fingerprint: str

    def probability(self, text: str) -> float:
        grams = ngrams(text)
        if not grams:
            return 0.0
        total = sum(map(self.weights.get, grams, repeat(0.0))) / math.sqrt(len(grams))
        return 1.0 / (1.0 + math.exp(-(self.bias + total)))

    def raises(self, text: str) -> bool:
        letters = len("".join(text[:SCAN_CHARS].split()))
        return letters >= SHORTEST_TEXT and self.probability(text) >= self.threshold


@per_message
def ngrams(text: str) -> frozenset[str]:
    """Letter n-grams of the text read as crisis rules read it (slang and regional forms
    rewritten, katakana folded), with its kana reading when it is romaji. Shared within a
    reading of one message (`per_message`): the urgency grader reads a message's n-grams for
    the crisis model and again for its own classifier."""
    text = text[:SCAN_CHARS]
    kana = romaji.reading(text)
    folded = to_hiragana(surface(text if kana is None else f"{text} {kana}"))
    # Each length's n-grams listed, then the blank ones dropped: the same n-grams in the same
    # order as one loop that tests each (the order the urgency classifier sums them in), in
    # two thirds of the time.
    every = chain.from_iterable(
        [folded[i : i + n] for i in range(len(folded) - n + 1)]
        for n in range(SHORTEST, LONGEST + 1)
    )
    return frozenset(filter(str.strip, every))


@cache
def load_model() -> Model:
    return read_model(data_path(MODEL_FILE))


# Training the urgency reader puts in the shipped model's place one that has not seen the
# messages being read (`training.train_urgency`); nothing else does.
_STAND_IN: ContextVar[Model | None] = ContextVar("crisis_reader_stand_in", default=None)


def reader() -> Model:
    """The model that reads a text: the shipped one, or its stand-in (`read_by`)."""
    return _STAND_IN.get() or load_model()


@contextmanager
def read_by(model: Model) -> Iterator[None]:
    token = _STAND_IN.set(model)
    try:
        yield
    finally:
        _STAND_IN.reset(token)


def read_model(path: Path) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        fingerprint=str(data["fingerprint"]),
    )


def fingerprint(examples: Iterable[tuple[str, bool]]) -> str:
    digest = hashlib.sha256()
    for text, label in sorted(set(examples)):
        digest.update(f"{int(label)}\t{text}\n".encode())
    return digest.hexdigest()
