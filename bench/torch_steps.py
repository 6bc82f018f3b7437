"""Step by step against PyTorch: the same initial weights, the same mini-batches, k Adam steps.

`cvkit-bench DATA --trace-out DIR --trace-steps K` writes the preprocessed training matrix, the labels, the
network's initial parameters and, for each of its first K optimizer steps, the batch's rows and the parameters
after the step. This script loads the initial parameters into the PyTorch network (nn.Linear without bias before
BatchNorm1d, ReLU, output nn.Linear; CrossEntropyLoss; torch.optim.Adam with the same lr, betas and eps), runs the
same batches, and compares every parameter after every step (max |Δ| ≤ 1e-4). Run by `make check-torch`:

    python3 bench/torch_steps.py DIR
"""
import json
import sys

import numpy as np
import torch

TOLERANCE = 1e-4


def layout(meta):
    """Yields (kind, index, shape) in cvkit's flat-buffer order (docs/model-format.md)."""
    widths = [meta["inputs"]] + meta["hidden"] + [meta["classes"]]
    for index, (fan_in, fan_out) in enumerate(zip(widths, widths[1:])):
        output = index == len(widths) - 2
        yield ("weight", index, (fan_in, fan_out))
        if meta["batchNorm"] and not output:
            yield ("gamma", index, (fan_out,))
            yield ("beta", index, (fan_out,))
        else:
            yield ("bias", index, (fan_out,))


def build(meta, flat):
    widths = [meta["inputs"]] + meta["hidden"] + [meta["classes"]]
    linears, norms, modules = [], {}, []
    for index, (fan_in, fan_out) in enumerate(zip(widths, widths[1:])):
        output = index == len(widths) - 2
        normalized = meta["batchNorm"] and not output
        linear = torch.nn.Linear(fan_in, fan_out, bias=not normalized)
        linears.append(linear)
        modules.append(linear)
        if normalized:
            norms[index] = torch.nn.BatchNorm1d(fan_out, eps=1e-5, momentum=0.1)
            modules.append(norms[index])
        if not output:
            modules.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*modules)
    load(meta, flat, linears, norms)
    return net, linears, norms


def tensors(meta, linears, norms):
    """The parameters in cvkit's order, as (tensor, transposed?)."""
    for kind, index, _ in layout(meta):
        if kind == "weight":
            yield linears[index].weight, True
        elif kind == "bias":
            yield linears[index].bias, False
        elif kind == "gamma":
            yield norms[index].weight, False
        else:
            yield norms[index].bias, False


def load(meta, flat, linears, norms):
    offset = 0
    with torch.no_grad():
        for tensor, transposed in tensors(meta, linears, norms):
            count = tensor.numel()
            values = torch.tensor(flat[offset:offset + count].copy())
            tensor.copy_(values.reshape(tensor.shape[1], tensor.shape[0]).T if transposed else values.reshape(tensor.shape))
            offset += count


def flatten(meta, linears, norms):
    return np.concatenate([(t.detach().T if transposed else t.detach()).reshape(-1).numpy() for t, transposed in tensors(meta, linears, norms)])


def main():
    folder = sys.argv[1]
    meta = json.load(open(folder + "/meta.json"))
    x = torch.tensor(np.fromfile(folder + "/x.f32", dtype="<f4").reshape(meta["rows"], meta["inputs"]))
    y = torch.tensor(np.fromfile(folder + "/y.i32", dtype="<i4").astype(np.int64))
    initial = np.fromfile(folder + "/initial.f32", dtype="<f4")
    steps = np.fromfile(folder + "/steps.f32", dtype="<f4").reshape(meta["steps"], meta["parameterCount"])
    torch.set_num_threads(1)
    net, linears, norms = build(meta, initial)
    assert np.array_equal(flatten(meta, linears, norms), initial), "the layout does not round-trip"
    net.train()
    optimizer = torch.optim.Adam(net.parameters(), lr=meta["lr"], betas=(meta["beta1"], meta["beta2"]), eps=meta["epsilon"])
    loss_function = torch.nn.CrossEntropyLoss()
    worst = 0.0
    for step, rows in enumerate(meta["batches"]):
        optimizer.zero_grad()
        loss = loss_function(net(x[rows]), y[rows])
        loss.backward()
        optimizer.step()
        difference = float(np.abs(flatten(meta, linears, norms) - steps[step]).max())
        worst = max(worst, difference)
        if step in (0, 9, 29, 59, meta["steps"] - 1) or (difference > TOLERANCE and difference > 1.5 * getattr(main, "last", 0)):
            main.last = difference
            print(f"step {step + 1}: batch of {len(rows)}, loss {loss.item():.6f}, max |Δparameter| = {difference:.2e}")
    # BatchNorm's running statistics after the same steps (running mean, then running variance, per layer).
    final = np.fromfile(folder + "/final-statistics.f32", dtype="<f4")
    mine = np.concatenate([np.concatenate([norms[i].running_mean.numpy(), norms[i].running_var.numpy()]) for i in sorted(norms)]) if norms else np.zeros(0)
    # Running variances are large (tens): compared relative to their size, as float32 rounding is.
    statistics = float((np.abs(mine - final) / np.maximum(1, np.abs(final))).max()) if len(final) else 0.0
    ok = worst <= TOLERANCE and statistics <= TOLERANCE
    print(f"{'ok  ' if ok else 'FAIL'} {meta['steps']} Adam steps from identical weights and batches: max |Δparameter| = {worst:.2e}, "
          f"max |Δrunning statistic| / max(1, |statistic|) = {statistics:.2e} (bound {TOLERANCE})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
