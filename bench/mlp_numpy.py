"""The XOR network's training in numpy, timed on this machine (used by bench/kernels.ts).

The same computation as lib/mlp.ts: a 2-W-1 network (hidden activation sigmoid or ReLU, sigmoid
output), full-batch gradient descent on the mean binary cross-entropy over the four XOR points,
lr 2, each epoch followed by the accuracy and loss of the updated net (as lib/mlp.ts records
them), vectorised over the four points the way one writes it in numpy. Prints one line of JSON:
ms per 3,000-epoch run. Usage: python3 bench/mlp_numpy.py [width]
"""
import json
import statistics
import sys
import time

import numpy as np

X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
ACT = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z: (lambda s: s * (1 - s))(1 / (1 + np.exp(-z)))),
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(np.float64)),
}


def train(width, act, epochs=3000, lr=2.0, seed=1):
    f, df = ACT[act]
    rng = np.random.default_rng(seed)
    W1, b1 = 0.3 * rng.standard_normal((2, width)), 0.3 * rng.standard_normal(width)
    W2, b2 = 0.3 * rng.standard_normal((width, 1)), 0.3 * rng.standard_normal(1)
    hist = []
    for _ in range(epochs):
        z = X @ W1 + b1
        h = f(z)
        y = 1 / (1 + np.exp(-(h @ W2 + b2)))
        d = y - Y  # d(cross-entropy)/d(output pre-activation)
        gW2, gb2 = h.T @ d, d.sum(0)
        dh = (d @ W2.T) * df(z)
        gW1, gb1 = X.T @ dh, dh.sum(0)
        W1 -= lr / 4 * gW1
        b1 -= lr / 4 * gb1
        W2 -= lr / 4 * gW2
        b2 -= lr / 4 * gb2
        y = 1 / (1 + np.exp(-(f(X @ W1 + b1) @ W2 + b2)))
        c = np.clip(y, 1e-12, 1 - 1e-12)
        hist.append(((y >= 0.5) == Y).mean())
        hist.append(float(-(Y * np.log(c) + (1 - Y) * np.log(1 - c)).mean()))
    return hist[-2]


def timed(fn, repeats=5):
    fn()
    per = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        per.append((time.perf_counter() - t0) * 1000)
    return statistics.median(per)


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    out = {f"2-{width}-1 {a}, 3000 epochs": timed(lambda a=a: train(width, a)) for a in ("sigmoid", "relu")}
    print(json.dumps({"python": sys.version.split()[0], "numpy": np.__version__, "ms": out}))


if __name__ == "__main__":
    main()
