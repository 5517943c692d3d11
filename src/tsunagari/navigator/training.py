"""Offline training of the navigator's learned readers (never imported at run time).

The runtime modules (`crisis_model`, `urgency_model`) only read the weights that these
functions write; scipy's optimiser and the case readers stay out of every web worker.
`tsunagari train_crisis_model` and `tsunagari train_urgency_model` call them.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from tsunagari.navigator.crisis_model import (
    LONGEST,
    SHORTEST,
    THRESHOLD,
    Model,
    fingerprint,
    ngrams,
    read_by,
)
from tsunagari.navigator.crisis_model import load_model as load_crisis_model
from tsunagari.navigator.datafiles import read_data_file
from tsunagari.navigator.evaluation import read_cases
from tsunagari.navigator.urgency import (
    SCAN_CHARS,
    ceiling_of,
    floor_of,
    message_elements,
    quiet,
)
from tsunagari.navigator.urgency import sentences as split_sentences
from tsunagari.navigator.urgency_evaluation import read_urgency_cases
from tsunagari.navigator.urgency_model import LEVELS, embed
from tsunagari.navigator.urgency_model import Model as UrgencyModel

SENTENCES_FILE = "crisis-sentences.yaml"
PENALTY = 1e-5  # L2 on the weights, per example
# Weights smaller than this are left out of the file: trained with the urgency messages the
# model has 400,000 n-grams, and those below 0.03 change no verdict on blind sets 14–19.
KEPT = 0.03


def train(examples: list[tuple[str, bool]]) -> Model:
    """L2-regularised logistic regression (L-BFGS), the same result for the same examples."""
    examples = sorted(set(examples))
    grams = [sorted(ngrams(text)) for text, _ in examples]
    vocabulary = {g: i for i, g in enumerate(sorted({g for gs in grams for g in gs}))}
    rows = [r for r, gs in enumerate(grams) for _ in gs]
    cols = [vocabulary[g] for gs in grams for g in gs]
    values = [1.0 / math.sqrt(len(gs)) for gs in grams for _ in gs]
    x = sparse.csr_matrix((values, (rows, cols)), shape=(len(examples), len(vocabulary)))
    y = np.array([1.0 if label else 0.0 for _, label in examples])

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += PENALTY * float(w @ w)
        gradient = np.append(x.T @ (p - y) / len(y) + 2 * PENALTY * w, np.mean(p - y))
        return float(value), gradient

    start = np.zeros(len(vocabulary) + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    w, b = result.x[:-1], float(result.x[-1])
    weights = {g: round(float(w[i]), 5) for g, i in vocabulary.items() if abs(w[i]) >= KEPT}
    return Model(round(b, 5), weights, THRESHOLD, fingerprint(examples))


def write_model(model: Model, path: Path, examples: int, positives: int) -> None:
    data = {
        "about": "crisis second reader; see tsunagari.navigator.crisis_model",
        "fingerprint": model.fingerprint,
        "examples": examples,
        "positives": positives,
        "ngrams": [SHORTEST, LONGEST],
        "penalty": PENALTY,
        "threshold": model.threshold,
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def examples_from(
    sentences: Path, case_files: Iterable[Path], messages: Iterable[UrgencyExample] = ()
) -> list[tuple[str, bool]]:
    """(text, a life in danger?) from the crisis sentences and navigator case files, then
    from labelled urgency messages (`danger_examples`) where those have not labelled the
    text already (a reviewed sentence or case keeps its label)."""
    return with_messages(_reviewed(sentences, case_files), messages)


def with_messages(
    reviewed: list[tuple[str, bool]], messages: Iterable[UrgencyExample]
) -> list[tuple[str, bool]]:
    labelled = dict(reviewed)
    for text, label in danger_examples(messages):
        labelled.setdefault(text, label)
    return sorted({*reviewed, *labelled.items()})


def danger_examples(messages: Iterable[UrgencyExample]) -> list[tuple[str, bool]]:
    """Levels 3–5 in danger and 0–1 not, and each sentence of a longer message of 0–1 not
    either; level 2 (a passive wish: the rules raise the flag, the scale's grade may not) is
    left out. The second reader is asked about single sentences of a long message too
    (urgency.found_elements): trained on the crisis sentences alone, it raised the flag on
    「これからもよろしくお願いいたします。」 and on 14.5 % of the level-0 messages of blind
    sets 14–19 through one sentence; trained with these, on 1.3 % (round 9)."""
    wholes: list[tuple[str, bool]] = []
    parts: list[tuple[str, bool]] = []
    for message in messages:
        if message.level >= 3:
            wholes.append((message.text, True))
        elif message.level <= 1:
            wholes.append((message.text, False))
            split = split_sentences(message.text)
            parts += [(part, False) for part in split] if len(split) > 1 else []
    return wholes + parts  # a message's own label before that of a sentence of another


def _reviewed(sentences: Path, case_files: Iterable[Path]) -> list[tuple[str, bool]]:
    """(text, a life in danger?) from the crisis sentences and navigator case files."""
    source = read_data_file(sentences)
    data = source.data
    if not isinstance(data, dict) or not isinstance(data.get("raise"), dict):
        raise source.error(
            (), "must be a mapping with `raise` (groups of sentences) and `ordinary`"
        )
    found = [(t, True) for group in data["raise"].values() for t in group or ()]
    found += [(t, False) for t in data.get("ordinary") or ()]
    for path in case_files:
        found += [(case.text, case.crisis) for case in read_cases(path)]
    return sorted(set(found))


# --- urgency --------------------------------------------------------------------------------

URGENCY_DIR = "urgency"  # data/navigator/urgency/*.yaml: labelled messages, levels 0–5
URGENCY_PENALTY = 3e-5  # L2 on the weights (cross-validated: 1e-3 and 1e-4 read worse)
FOLDS = 3
# P(level ≥ L) needed to give L: 0.5, except for the two levels a counsellor acts on. For 3
# (the crisis flag) the lowest threshold that keeps cross-validated false alarms on written
# level-0 messages within FALSE_ALARMS; for 5, the lowest that grades at most OVER_FIVE of
# written messages of levels 0–3 as imminent.
DEFAULT_THRESHOLD = 0.5
FALSE_ALARMS = 0.10
OVER_FIVE = 0.05
GRID = tuple(round(0.1 + 0.02 * i, 2) for i in range(21))  # 0.10 … 0.50
# Where no element of danger was found (urgency.quiet), the learned reader alone would give
# 5, and the desk pages a supervisor on every 5: for those messages level 5 needs the lowest
# threshold (not below the general one) that grades at most QUIET_OVER_FIVE of the written
# quiet messages of levels 0–1 as imminent.
QUIET_OVER_FIVE = 0.02
QUIET_GRID = tuple(round(0.1 + 0.02 * i, 2) for i in range(41))  # 0.10 … 0.90
URGENCY_KEPT = 0.01  # n-grams whose weights all stay below this are left out of the file
MIN_DOCUMENTS = 3  # a letter n-gram seen in fewer messages is not learned


@dataclass(frozen=True)
class UrgencyExample:
    text: str
    level: int
    weight: float
    source: str = ""  # the file (one writer, one set): cross-validation holds out whole files


def urgency_examples(folder: Path) -> list[UrgencyExample]:
    """Every labelled message of data/navigator/urgency/ (a file may set `weight:`)."""
    examples = []
    for path in sorted(folder.glob("*.yaml")):
        source = read_data_file(path)
        weight = source.data.get("weight", 1.0) if isinstance(source.data, dict) else 1.0
        examples += [
            UrgencyExample(c.text, c.level, float(weight), path.stem)
            for c in read_urgency_cases(path)
        ]
    return examples


def urgency_fingerprint(examples: Iterable[UrgencyExample]) -> str:
    digest = hashlib.sha256()
    for text, level, weight in sorted({(e.text, e.level, e.weight) for e in examples}):
        digest.update(f"{level}\t{weight}\t{text}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class UrgencyFeatures:
    """What the classifier reads of each message: its embedding and elements (dense), and
    its letter n-grams."""

    dense: np.ndarray
    grams: list[frozenset[str]]
    found: list[frozenset[str]]

    def subset(self, rows: np.ndarray) -> UrgencyFeatures:
        def kept(items: list[Any]) -> list[Any]:
            return [item for item, r in zip(items, rows, strict=True) if r]

        return UrgencyFeatures(self.dense[rows], kept(self.grams), kept(self.found))

    def matrix(self, vocabulary: dict[str, int]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for row, grams in enumerate(self.grams):
            for gram in grams:
                if gram in vocabulary:
                    rows.append(row)
                    cols.append(vocabulary[gram])
                    values.append(1.0 / math.sqrt(len(grams)))
        shape = (len(self.grams), len(vocabulary))
        return sparse.hstack(
            [sparse.csr_matrix(self.dense), sparse.csr_matrix((values, (rows, cols)), shape)]
        ).tocsr()


def urgency_features(
    texts: list[str], model: UrgencyModel, readers: dict[int, Model], folds: np.ndarray
) -> UrgencyFeatures:
    """The features of each text, its elements read with the crisis second reader of its
    fold (`readers`, -1 the one for texts never held out; none given: the shipped one)."""
    vectors = np.vstack([embed(texts[i : i + 64]) for i in range(0, len(texts), 64)])
    found = [frozenset[str]()] * len(texts)
    for fold in sorted(set(folds.tolist())):
        reader = readers.get(fold, load_crisis_model())
        with read_by(reader):
            for row in np.flatnonzero(folds == fold):
                found[row] = message_elements(texts[row][:SCAN_CHARS])[0]
    return UrgencyFeatures(model.dense(vectors, found), [ngrams(t) for t in texts], found)


def crisis_readers(
    reviewed: list[tuple[str, bool]], examples: list[UrgencyExample], folds: np.ndarray
) -> dict[int, Model]:
    """A crisis second reader for each fold, trained without that fold's messages: the
    urgency reader weighs the crisis signal (the element `crisis-rules`) as it reads on
    messages the second reader has not seen, not as it reads its own training messages
    (which it nearly always gets right). -1: trained on all, as shipped."""
    readers = {-1: train(with_messages(reviewed, examples))}
    for fold in range(FOLDS):
        kept = [e for e, f in zip(examples, folds, strict=True) if f != fold]
        readers[fold] = train(with_messages(reviewed, kept))
    return readers


def urgency_vocabulary(grams: list[frozenset[str]]) -> dict[str, int]:
    """Letter n-grams found in at least MIN_DOCUMENTS messages."""
    counts: dict[str, int] = {}
    for found in grams:
        for gram in found:
            counts[gram] = counts.get(gram, 0) + 1
    kept = sorted(g for g, n in counts.items() if n >= MIN_DOCUMENTS)
    return {g: i for i, g in enumerate(kept)}


def _softmax_fit(x: Any, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted multinomial logistic regression with L2 (L-BFGS): weights, bias."""
    d = x.shape[1]
    target = np.eye(LEVELS)[y]
    w = w / w.sum()

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        weights = params[: LEVELS * d].reshape(LEVELS, d)
        bias = params[LEVELS * d :]
        scores = np.asarray(x @ weights.T) + bias
        scores -= scores.max(axis=1, keepdims=True)
        log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -float((w[:, None] * target * log_p).sum())
        value += URGENCY_PENALTY * float((weights * weights).sum())
        residual = w[:, None] * (np.exp(log_p) - target)
        gradient = np.concatenate(
            [
                (np.asarray(x.T @ residual).T + 2 * URGENCY_PENALTY * weights).ravel(),
                residual.sum(axis=0),
            ]
        )
        return value, gradient

    start = np.zeros(LEVELS * d + LEVELS)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return result.x[: LEVELS * d].reshape(LEVELS, d), result.x[LEVELS * d :]


def _balanced(levels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each level weighs the same in all, however many examples it has."""
    totals = np.array([weights[levels == level].sum() for level in range(LEVELS)])
    return weights / np.maximum(totals[levels], 1e-9)


def _thresholds(
    probabilities: np.ndarray,
    levels: np.ndarray,
    written: np.ndarray,
    floors: np.ndarray,
    calm: np.ndarray,
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The thresholds, and those for quiet messages (no element of danger found)."""
    at_least = np.cumsum(probabilities[:, ::-1], axis=1)[:, ::-1]

    def lowest(
        level: int, among: np.ndarray, allowed: float, grid: tuple[float, ...] = GRID
    ) -> float:
        for threshold in grid:
            given = (at_least[among, level] >= threshold) | (floors[among] >= level)
            if not among.any() or given.mean() <= allowed:
                return threshold
        return DEFAULT_THRESHOLD if grid is GRID else grid[-1]

    chosen = [DEFAULT_THRESHOLD] * (LEVELS - 1)
    chosen[3 - 1] = lowest(3, written & (levels == 0), FALSE_ALARMS)
    chosen[5 - 1] = lowest(5, written & (levels <= 3), OVER_FIVE)
    stricter = tuple(t for t in QUIET_GRID if t >= chosen[5 - 1])
    held = list(chosen)
    held[5 - 1] = lowest(5, written & calm & (levels <= 1), QUIET_OVER_FIVE, stricter)
    return tuple(chosen), tuple(held)


def _unique(examples: list[UrgencyExample]) -> list[UrgencyExample]:
    """One example a text, level and weight (the first file that has it), in a fixed order."""
    first: dict[tuple[str, int, float], UrgencyExample] = {}
    for example in sorted(examples, key=lambda e: (e.text, e.level, e.weight, e.source)):
        first.setdefault((example.text, example.level, example.weight), example)
    return list(first.values())


def _folds(examples: list[UrgencyExample]) -> np.ndarray:
    """Whole files are held out together, so a writer's or a set's style never helps to
    grade its own messages; derived examples (weight < 1) are never held out."""
    written = sorted({e.source for e in examples if e.weight >= 1.0})
    if len(written) < FOLDS:  # too few files to hold out whole ones: every third message
        return np.array([i % FOLDS if e.weight >= 1.0 else -1 for i, e in enumerate(examples)])
    fold_of = {source: i % FOLDS for i, source in enumerate(written)}
    return np.array([fold_of.get(e.source, -1) if e.weight >= 1.0 else -1 for e in examples])


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    return np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)


def train_urgency(
    examples: list[UrgencyExample],
    elements: tuple[str, ...],
    reviewed: list[tuple[str, bool]] | None = None,
) -> tuple[UrgencyModel, dict[str, float]]:
    """The classifier and its thresholds (from cross-validation), and the cross-validated
    figures on the written examples (not the derived ones), as the grade is given (with the
    elements' floor and ceiling): the same result for the same examples. With `reviewed`
    (the crisis sentences and cases), the crisis second reader is trained for each fold
    (`crisis_readers`); without, the shipped one reads every message."""
    examples = _unique(examples)
    folds = _folds(examples)
    readers = crisis_readers(reviewed, examples, folds) if reviewed is not None else {}
    shell = UrgencyModel(elements, np.zeros((LEVELS, 0)), {}, np.zeros(LEVELS), (), "")
    features = urgency_features([e.text for e in examples], shell, readers, folds)
    y = np.array([e.level for e in examples])
    w = _balanced(y, np.array([e.weight for e in examples]))
    held_out = np.zeros((len(examples), LEVELS))
    for fold in range(FOLDS):
        rows = folds != fold
        part = features.subset(rows)
        vocabulary = urgency_vocabulary(part.grams)
        weights, bias = _softmax_fit(part.matrix(vocabulary), y[rows], w[rows])
        rest = features.subset(~rows).matrix(vocabulary)
        held_out[~rows] = _softmax(np.asarray(rest @ weights.T) + bias)
    written = folds >= 0
    floors = np.array([floor_of(found) for found in features.found])
    calm = np.array([quiet(found) for found in features.found], dtype=bool)
    thresholds, quiet_thresholds = _thresholds(held_out, y, written, floors, calm)
    vocabulary = urgency_vocabulary(features.grams)
    weights, bias = _softmax_fit(features.matrix(vocabulary), y, w)
    dense = features.dense.shape[1]
    kept = {
        gram: weights[:, dense + i]
        for gram, i in vocabulary.items()
        if np.abs(weights[:, dense + i]).max() >= URGENCY_KEPT
    }
    model = UrgencyModel(
        elements,
        weights[:, :dense],
        kept,
        bias,
        thresholds,
        urgency_fingerprint(examples),
        quiet_thresholds,
    )
    # As the grade is given: the learned level, the elements' floor, and their ceiling (a
    # frame with nothing being done, a day set ahead) — before round 4 the ceiling was left
    # out of these figures.
    ceilings = np.array([ceiling_of(found) for found in features.found])
    graded = np.minimum(np.maximum(model.levels(held_out, calm), floors), ceilings)[written]
    y = y[written]
    figures = {
        "exact": float((graded == y).mean()),
        "within_one": float((np.abs(graded - y) <= 1).mean()),
        "flag_3_to_5": float((graded[y >= 3] >= 3).mean()),
        "five_as_five": float((graded[y == 5] == 5).mean()),
        "false_alarms_0": float((graded[y == 0] >= 3).mean()),
        "levels_0_1_as_five": float((graded[y <= 1] == 5).mean()),
    }
    return model, figures
