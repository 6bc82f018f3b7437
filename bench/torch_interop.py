"""A cvkit model file in PyTorch: its probabilities must equal `cvkit predict`'s.

For each data set: `cvkit fit` writes a model, `cvkit predict` scores the training file; this script reads the
model file as docs/model-format.md describes it (checks the magic line and the SHA-256), applies the preprocessing
in pandas/numpy (median fill, indicators, standardization, one-hot by category name), builds the network in PyTorch
(nn.Linear with W transposed, BatchNorm1d in eval mode with the running statistics, ReLU, softmax) and compares
every probability with cvkit's, within 1e-5. Run by `make check-torch`:

    python3 bench/torch_interop.py .build/release/cvkit
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
import torch

TOLERANCE = 1e-5
CASES = [("datasets/penguins.csv", ["--label", "species"]), ("datasets/titanic.csv", ["--label", "survived"]),
         ("datasets/wine.csv", []), ("datasets/iris.csv", ["--hidden", "16", "--no-batchnorm"])]


def read_model(path):
    data = open(path, "rb").read()
    assert data[:12] == b"CVKIT-MODEL\n", "not a cvkit model"
    assert hashlib.sha256(data[:-64]).hexdigest().encode() == data[-64:], "checksum mismatch"
    (length,) = struct.unpack("<Q", data[12:20])
    header = json.loads(data[20:20 + length])
    floats = np.frombuffer(data[20 + length:-64], dtype="<f4")
    count = header["parameterCount"]
    return header, floats[:count], floats[count:]


def network(header, parameters, statistics):
    config = header["network"]
    widths = [config["inputs"]] + config["hidden"] + [config["classes"]]
    layers, p, s = [], 0, 0
    for index, (fan_in, fan_out) in enumerate(zip(widths, widths[1:])):
        output = index == len(widths) - 2
        normalized = config["batchNorm"] and not output
        weight = parameters[p:p + fan_in * fan_out].reshape(fan_in, fan_out)
        p += fan_in * fan_out
        linear = torch.nn.Linear(fan_in, fan_out, bias=not normalized)
        linear.weight.data = torch.tensor(weight.T.copy())
        layers.append(linear)
        if normalized:
            norm = torch.nn.BatchNorm1d(fan_out, eps=1e-5, momentum=0.1)
            norm.weight.data = torch.tensor(parameters[p:p + fan_out].copy())
            norm.bias.data = torch.tensor(parameters[p + fan_out:p + 2 * fan_out].copy())
            norm.running_mean = torch.tensor(statistics[s:s + fan_out].copy())
            norm.running_var = torch.tensor(statistics[s + fan_out:s + 2 * fan_out].copy())
            p += 2 * fan_out
            s += 2 * fan_out
            layers.append(norm)
        else:
            linear.bias.data = torch.tensor(parameters[p:p + fan_out].copy())
            p += fan_out
        if not output:
            layers.append(torch.nn.ReLU())
    assert p == len(parameters) and s == len(statistics), "parameters do not match the network"
    return torch.nn.Sequential(*layers).eval()


def inputs(header, frame):
    columns = []
    for column in header["preprocessing"]["columns"]:
        values = frame[column["name"]]
        if column["kind"] == "numeric":
            # cvkit stores each number as the nearest float32 (identity encoding) and computes in float64.
            x = pd.to_numeric(values, errors="coerce").astype(np.float32).astype(np.float64)
            missing = x.isna().to_numpy()
            x = x.fillna(column.get("fill") or 0.0).to_numpy()
            columns.append((x - column["mean"]) * column["scale"])
            if column.get("indicator"):
                m, scale = column["indicator"]
                columns.append((missing.astype(np.float64) - m) * scale)
        else:
            text = values.astype(object)
            missing = values.isna().to_numpy()
            other = set(column.get("other") or [])
            for name in column["outputs"]:
                if name == "(missing)":
                    hit = missing
                elif name == "(other)":
                    hit = np.array([(v in other) if not m else ("(missing)" in other) for v, m in zip(text, missing)])
                else:
                    hit = np.array([(not m) and str(v) == name for v, m in zip(text, missing)])
                columns.append(hit.astype(np.float64))
    return np.stack(columns, axis=1).astype(np.float32)


def check(cvkit, path, flags, folder):
    model = os.path.join(folder, os.path.basename(path) + ".cvkit")
    predictions = os.path.join(folder, os.path.basename(path) + ".predictions.csv")
    subprocess.run([cvkit, "fit", path, *flags, "--out", model, "--force", "--quiet"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cvkit, "predict", model, path, "--out", predictions, "--quiet"], check=True)
    header, parameters, statistics = read_model(model)
    categorical = [c["name"] for c in header["preprocessing"]["columns"] if c["kind"] == "categorical"]
    frame = pd.read_csv(path, dtype={name: str for name in categorical})
    with torch.no_grad():
        probabilities = torch.softmax(network(header, parameters, statistics)(torch.tensor(inputs(header, frame))), dim=1).numpy()
    theirs = pd.read_csv(predictions)[["p_" + name for name in header["classNames"]]].to_numpy()
    difference = float(np.abs(probabilities - theirs).max())
    status = "ok  " if difference <= TOLERANCE else "FAIL"
    print(f"{status} {path}: {len(frame)} rows, {header['network']['inputs']} inputs, max |p_torch − p_cvkit| = {difference:.2e}")
    return difference <= TOLERANCE


def main():
    cvkit = sys.argv[1] if len(sys.argv) > 1 else ".build/release/cvkit"
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as folder:
        results = [check(cvkit, path, flags, folder) for path, flags in CASES]
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
