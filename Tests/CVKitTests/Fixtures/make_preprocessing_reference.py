"""Writes preprocessing_reference.json: scikit-learn's numbers for cvkit's Preprocessing.

A small raw table (numbers with gaps, categories with gaps and rare values), a training part and a
test part; the pipeline below is fitted on the training rows and applied to the test rows, and the
output is stored per named column, so the Swift test can compare column by column whatever the
order. Run: python3 Tests/CVKitTests/Fixtures/make_preprocessing_reference.py (scikit-learn ≥ 1.2).
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

rng = np.random.default_rng(7)
n = 60
mass = np.round(rng.normal(4000, 600, n), 1).astype(object)
mass[rng.choice(n, 9, replace=False)] = None
bill = np.round(rng.uniform(30, 60, n), 2).astype(object)
bill[[50, 55]] = None  # gaps only among the test rows
island = rng.choice(["Biscoe", "Dream", "Torgersen"], n, p=[0.5, 0.4, 0.1]).astype(object)
island[rng.choice(n, 5, replace=False)] = None
island[57] = "Unseen"  # a category only the test part has
label = rng.choice(["A", "B"], n)
frame = pd.DataFrame({"mass": mass, "bill": bill, "island": island, "label": label})
train = list(range(0, 48))
test = list(range(48, 60))

csv = frame.to_csv(index=False, lineterminator="\n")


def reference(min_frequency):
    numeric = Pipeline([("impute", SimpleImputer(strategy="median", add_indicator=True)), ("scale", StandardScaler())])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="(missing)")),
        ("encode", OneHotEncoder(handle_unknown="ignore", min_frequency=min_frequency, sparse_output=False)),
    ])
    transformer = ColumnTransformer([("numeric", numeric, ["mass", "bill"]), ("categorical", categorical, ["island"])])
    x = frame[["mass", "bill", "island"]].copy()
    x["mass"] = x["mass"].astype(float)
    x["bill"] = x["bill"].astype(float)
    transformer.fit(x.iloc[train])
    out = transformer.transform(x.iloc[test])
    names = []
    for name in transformer.get_feature_names_out():
        name = name.split("__", 1)[1]
        if name.startswith("missingindicator_"):
            name = name[len("missingindicator_"):] + " (missing)"
        elif name.startswith("island_"):
            value = name[len("island_"):]
            name = "island=" + ("(other)" if value == "infrequent_sklearn" else value)
        names.append(name)
    return {"names": names, "test": [[float(v) for v in row] for row in out]}


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "preprocessing_reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "csv": csv, "train": train, "test": test,
               "minCount1": reference(None), "minCount4": reference(4)}, f, indent=1)
