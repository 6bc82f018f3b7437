"""Writes metrics_reference.json: scikit-learn's metrics for cvkit's Metrics tests.

Cases: binary, multiclass, a class missing from the truth (a small fold), tied scores, probabilities of
exactly 0 and 1. Probabilities are float32 (what cvkit's network gives), stored as their float64 values.
For every case: accuracy, balanced accuracy (adjusted=False), macro-F1, log loss (eps clip 1e-15, as cvkit),
ROC AUC (binary: class 1; multiclass: one-vs-rest macro), average precision (binary: class 1; multiclass:
one-vs-rest macro), Brier score (brier_score_loss with labels), expected calibration error (15 equal-width bins
of the top probability, a bin holding confidences in (lo, hi], the first also 0) and per-class precision/recall/F1.
A metric that is undefined for the case (ROC AUC or average precision with a class absent from the truth:
scikit-learn warns and gives NaN, or refuses) is null.
Run: python3 Tests/CVKitTests/Fixtures/make_metrics_reference.py (scikit-learn 1.9.1).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, brier_score_loss,
                             f1_score, precision_recall_fscore_support, roc_auc_score)

rng = np.random.default_rng(11)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def ece(y, p, bins=15):
    confidence = p.max(axis=1).astype(np.float64)
    predicted = p.argmax(axis=1)
    index = np.clip(np.ceil(confidence * bins).astype(int) - 1, 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() / len(y) * abs((predicted[mask] == y[mask]).mean() - confidence[mask].mean())
    return total


def case(name, y, p):
    c = p.shape[1]
    p64 = p.astype(np.float64)
    predicted = p.argmax(axis=1)
    labels = list(range(c))
    out = {"name": name, "classes": c, "truth": y.tolist(), "probabilities": p64.ravel().tolist(),
           "accuracy": accuracy_score(y, predicted),
           "balancedAccuracy": balanced_accuracy_score(y, predicted),
           "macroF1": f1_score(y, predicted, average="macro", labels=sorted(set(y) | set(predicted)), zero_division=0),
           "logLoss": float(np.mean(-np.log(np.clip(p64[np.arange(len(y)), y], 1e-15, 1)))),
           "brier": brier_score_loss(y, p64, labels=labels) if c > 2 else brier_score_loss(y, p64[:, 1], labels=labels),
           "ece": ece(y, p)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            out["rocAuc"] = roc_auc_score(y, p64[:, 1]) if c == 2 else roc_auc_score(y, p64, multi_class="ovr", labels=labels)
        except ValueError:
            out["rocAuc"] = None
        if out["rocAuc"] is not None and np.isnan(out["rocAuc"]):
            out["rocAuc"] = None  # scikit-learn warns and gives NaN: undefined
        present = set(y.tolist())
        if len(present) < c:
            out["prAuc"] = None
        else:
            out["prAuc"] = average_precision_score(y, p64[:, 1]) if c == 2 else average_precision_score(y, p64, average="macro")
    precision, recall, f1, support = precision_recall_fscore_support(y, predicted, labels=labels, zero_division=0)
    out["perClass"] = [{"precision": float(a), "recall": float(b), "f1": float(d), "support": int(e)}
                       for a, b, d, e in zip(precision, recall, f1, support)]
    return out


cases = []
y = rng.integers(0, 2, 200)
cases.append(case("binary", y, softmax(rng.normal(size=(200, 2)) + 1.5 * np.eye(2)[y])))
y = rng.integers(0, 4, 300)
cases.append(case("multiclass", y, softmax(rng.normal(size=(300, 4)) + 1.2 * np.eye(4)[y])))
y = rng.integers(0, 2, 12)  # classes 0 and 1 of 3: class 2 absent from this fold's truth
cases.append(case("class missing", y, softmax(rng.normal(size=(12, 3)) + np.eye(3)[y])))
y = rng.integers(0, 2, 100)
tied = np.round(rng.uniform(size=100), 1).astype(np.float32)  # many equal scores
cases.append(case("tied scores", y, np.stack([1 - tied, tied], axis=1).astype(np.float32)))
y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 1])
hard = np.array([0, 1, 1, 1, 1, 0, 0, 0, 1, 1], dtype=np.float32)  # probabilities exactly 0 and 1, two confidently wrong
cases.append(case("probability 0 and 1", y, np.stack([1 - hard, hard], axis=1)))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "metrics_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
