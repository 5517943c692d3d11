"""A second reader for crisis: a linear model over letter n-grams, trained on our own sentences.

The rules of crisis.yaml are the first reader, and every flag they raise traces to a pattern.
New wording that no rule has met yet (ロープ買ってきた。どこに掛けるかまで考えてる) is often
made of pieces the rules' examples share; this model weighs those pieces. It is trained by
`tsunagari train_crisis_model` on data/navigator/crisis-sentences.yaml and the navigator's
own cases, and its weights are a file in the repository (crisis-model.json) that names the
fingerprint of the sentences it learned from: nothing is downloaded or learned at run time,
and the same text always gets the same score. It can only raise the flag, never lower it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from tsunagari.navigator import romaji
from tsunagari.navigator.datafiles import data_path, read_data_file
from tsunagari.navigator.text import surface, to_hiragana

MODEL_FILE = "crisis-model.json"
SHORTEST, LONGEST = 1, 4  # letter n-grams: 死, 死に, 死にた, 死にたい
SCAN_CHARS = 2_000
THRESHOLD = 0.5  # the natural cut of a logistic model; not tuned to any evaluation set
PENALTY = 1e-5  # L2 on the weights, per example
KEPT = 1e-4  # weights smaller than this are left out of the file
# A few words (もう無理, 助けて, 楽になりたい) are one weak sign for the rules, which want two;
# in so short a text a single phrase would decide the model's score, so it does not judge.
SHORTEST_TEXT = 12


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
        total = sum(self.weights.get(g, 0.0) for g in grams) / math.sqrt(len(grams))
        return 1.0 / (1.0 + math.exp(-(self.bias + total)))

    def raises(self, text: str) -> bool:
        letters = len("".join(text[:SCAN_CHARS].split()))
        return letters >= SHORTEST_TEXT and self.probability(text) >= self.threshold

    def strongest(self, text: str, count: int = 5) -> list[str]:
        """The pieces of the text that weighed most towards a crisis (for reviewers)."""
        grams = sorted(ngrams(text), key=lambda g: -self.weights.get(g, 0.0))
        return [g for g in grams[:count] if self.weights.get(g, 0.0) > 0]


def ngrams(text: str) -> set[str]:
    """Letter n-grams of the text read as crisis rules read it (slang and regional forms
    rewritten, katakana folded), with its kana reading when it is romaji."""
    text = text[:SCAN_CHARS]
    kana = romaji.reading(text)
    folded = to_hiragana(surface(text if kana is None else f"{text} {kana}"))
    return {
        folded[i : i + n]
        for n in range(SHORTEST, LONGEST + 1)
        for i in range(len(folded) - n + 1)
        if folded[i : i + n].strip()
    }


@cache
def load_model() -> Model:
    return read_model(data_path(MODEL_FILE))


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


SENTENCES_FILE = "crisis-sentences.yaml"


def examples_from(sentences: Path, case_files: Iterable[Path]) -> list[tuple[str, bool]]:
    """(text, a life in danger?) from the crisis sentences and navigator case files."""
    # Imported here: evaluation reaches crisis, which imports this module.
    from tsunagari.navigator.evaluation import read_cases

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
