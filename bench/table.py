#!/usr/bin/python3
"""Formats bench.sh's measurements (precision, activation, depth, width, kernel, trials, examples/s per trial;
one per line, tab-separated) as a table: one row per network and activation, one column per kernel, and each kernel's ratio to
torch, or, for two trials at once, to the same kernel's one-trial rate."""
import sys
from collections import OrderedDict


def main(path):
    rates = OrderedDict()
    kernels = []
    for line in open(path):
        precision, activation, depth, width, kernel, trials, rate = line.split("\t")
        name = kernel if trials == "1" else f"{kernel} x{trials}"
        rates.setdefault((precision, activation, int(depth), int(width)), {})[name] = float(rate)
        if name not in kernels:
            kernels.append(name)
    ours = [k for k in kernels if k != "torch" and " x" not in k]
    parallel = [k for k in kernels if " x" in k]
    header = ["precision", "activation", "depth", "width"] + kernels
    header += [f"{k}/torch" for k in ours if "torch" in kernels]
    header += [f"{k}/{k.split(' x')[0]}" for k in parallel]
    print("\t".join(header))
    for (precision, activation, depth, width), row in rates.items():
        cells = [precision, activation, str(depth), str(width)]
        cells += [f"{row[k]:.0f}" if k in row else "-" for k in kernels]
        if "torch" in kernels:
            cells += [ratio(row, k, "torch") for k in ours]
        cells += [ratio(row, k, k.split(" x")[0]) for k in parallel]
        print("\t".join(cells))


def ratio(row, numerator, denominator):
    if numerator in row and denominator in row:
        return f"{row[numerator] / row[denominator]:.2f}"
    return "-"


if __name__ == "__main__":
    main(sys.argv[1])
