"""Offline training of the navigator's learned readers (never imported at run time).

The runtime modules (`crisis_model`, `urgency_model`) only read the weights that these
functions write; scipy's optimiser and the case readers stay out of every web worker.
`tsunagari train_crisis_model` and `tsunagari train_urgency_model` call them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path

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
)
from tsunagari.navigator.datafiles import read_data_file
from tsunagari.navigator.evaluation import read_cases

SENTENCES_FILE = "crisis-sentences.yaml"
PENALTY = 1e-5  # L2 on the weights, per example
KEPT = 1e-4  # weights smaller than this are left out of the file


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


def examples_from(sentences: Path, case_files: Iterable[Path]) -> list[tuple[str, bool]]:
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
