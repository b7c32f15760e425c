#!/usr/bin/python3
"""Formats bench.sh's measurements (round, precision, activation, depth, width, kernel, trials, examples/s per
trial; one per line, tab-separated) as a table: one row per network and activation, one column per kernel with
its median rate over the rounds, and each kernel's ratio to torch (or, for two trials at once, to the same
kernel's one-trial rate) as the median of the ratios taken within each round, with their range over the rounds:
ours and torch alternate round by round, so a ratio compares measurements a minute apart."""
import statistics
import sys
from collections import OrderedDict


def main(path):
    rates = OrderedDict()  # network -> kernel -> round -> rate
    kernels = []
    for line in open(path):
        round_, precision, activation, depth, width, kernel, trials, rate = line.rstrip("\n").split("\t")
        name = kernel if trials == "1" else f"{kernel} x{trials}"
        network = (precision, activation, int(depth), int(width))
        rates.setdefault(network, {}).setdefault(name, {})[round_] = float(rate)
        if name not in kernels:
            kernels.append(name)
    ours = [k for k in kernels if k != "torch" and " x" not in k]
    parallel = [k for k in kernels if " x" in k]
    header = ["precision", "activation", "depth", "width"] + kernels
    header += [f"{k}/torch (range)" for k in ours if "torch" in kernels]
    header += [f"{k}/{k.split(' x')[0]} (range)" for k in parallel]
    print("\t".join(header))
    for (precision, activation, depth, width), row in rates.items():
        cells = [precision, activation, str(depth), str(width)]
        cells += [f"{statistics.median(row[k].values()):.0f}" if k in row else "-" for k in kernels]
        if "torch" in kernels:
            cells += [ratio(row, k, "torch") for k in ours]
        cells += [ratio(row, k, k.split(" x")[0]) for k in parallel]
        print("\t".join(cells))


def ratio(row, numerator, denominator):
    """The median over rounds of numerator / denominator within a round, and the range, e.g. 1.52 (1.41-1.60)."""
    if numerator not in row or denominator not in row:
        return "-"
    rounds = [r for r in row[numerator] if r in row[denominator]]
    ratios = sorted(row[numerator][r] / row[denominator][r] for r in rounds)
    if not ratios:
        return "-"
    return f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f})"


if __name__ == "__main__":
    main(sys.argv[1])
