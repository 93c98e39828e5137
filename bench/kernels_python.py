"""The source lesson's own Python, timed on this machine (used by bench/kernels.ts).

Loads the functions and the class of ../shared/reference/seed_restored.py (its def/class blocks
only: the cells that plot or open the photo are not run), then times the same four kernels as
bench/kernels.ts. matplotlib and PIL are replaced by stand-ins: plt.hist computes numpy's
histogram (what matplotlib does before drawing), the other plot calls do nothing, and
Image.open returns a synthetic 512x512 RGB picture. Prints one line of JSON: ms per call.
Usage: python3 bench/kernels_python.py <path to seed_restored.py>
"""
import ast
import json
import statistics
import sys
import time
from itertools import product

import numpy as np


class _Plt:
    def hist(self, values, bins):
        return np.histogram(values, bins)

    def __getattr__(self, name):
        return lambda *a, **k: self


class _Image:
    @staticmethod
    def open(_path):
        y, x = np.mgrid[0:512, 0:512]
        r = 128 + 90 * np.sin(x / 37) * np.cos(y / 53)
        return np.stack([r, (x + y) % 256, (x * y) % 256], axis=-1).astype(np.uint8)


def load(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    keep = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    ns = {"np": np, "plt": _Plt(), "Image": _Image}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), ns)
    return ns


def timed(fn, repeats=3, min_ms=100):
    fn()  # warm-up
    per = []
    for _ in range(repeats):
        n, t0 = 0, time.perf_counter()
        while True:
            fn()
            n += 1
            el = (time.perf_counter() - t0) * 1000
            if el >= min_ms or n >= 1000:
                break
        per.append(el / n)
    return statistics.median(per)


def main():
    ns = load(sys.argv[1])
    np.random.seed(1)
    X = np.array([[0, 0], [1, 0], [0, 1], [1, 1]])
    and_y = np.array([x1 & x2 for x1, x2 in X])

    def train():
        p = ns["Perceptron"](input_size=2, activation_ftn=ns["binary_step"])
        p.train(X, and_y, epochs=1000, verbose=2)  # verbose 2: the seed's loop, no printing
        return p

    and_p = train()
    test_X = np.array([[x / 100, y / 100] for (x, y) in product(range(101), range(101))])
    sigmoid = ns["sigmoid"]
    image = np.array(_Image.open(None), dtype=np.float64)[:, :, 0] / 255.0
    image -= np.median(image)

    def image_loop():  # the seed's pixel loop from plot_and_visulize, with its sigmoid
        activation_image = np.zeros(image.shape)
        h, w = image.shape
        for i in range(w):
            for j in range(h):
                activation_image[j][i] += sigmoid(image[j][i])
        return activation_image

    out = {
        "train AND, 1000 epochs": timed(train),
        "predict 101x101 grid": timed(lambda: and_p(test_X)),
        "sigmoid over 512x512 image": timed(image_loop, repeats=3),
        "six panels' data (sigmoid)": timed(lambda: ns["plot_and_visulize"]("synthetic.jpg", sigmoid, ns["dev_sigmoid"]), repeats=3),
    }
    print(json.dumps({"python": sys.version.split()[0], "numpy": np.__version__, "ms": out}))


if __name__ == "__main__":
    main()
