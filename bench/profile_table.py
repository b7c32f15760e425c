#!/usr/bin/python3
"""Shares of a training thread's time by part of the step, from JFR execution samples (bench/profile.sh).

Reads the text of `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 96 FILE` on
stdin (samples of threads in Java code and in native code, such as StrictMath's fdlibm on Java 17, taken at
the same period by bench/profile.sh) and prints a
Markdown table: each part's share of the samples of the thread that trains. A sample belongs to
- monitors and learning curves, or data generation, when any frame of its stack is in that code (the
  monitors run forward products of their own, which count here and not as training products);
- otherwise to the part of the innermost frame that one of PARTS names;
- "other" when none does.
"""
import collections
import re
import sys

CONTEXTS = [
    ("monitors and learning curves", re.compile(r"\.core\.monitor\.|\.core\.train\.Evaluator\.")),
    ("data generation (Shapeset, batches)", re.compile(r"\.core\.data\.")),
]
PARTS = [
    ("forward products S = Z W", re.compile(r"VectorMatMul\.(mult|multPanel|scalarMult)\(|EjmlMatMul\.mult\(")),
    ("fused back-propagation + update", re.compile(r"\.multTransBThenAddTransA\(|\.fusedRow\(")),
    ("update of W^0 (first layer)", re.compile(r"\.multAddTransA\(|\.addRow\(")),
    ("activations (f and f')", re.compile(
        r"\.activate\(|\.multiplyByDerivative\(|Vector(Tanh|Activations?)\.|StrictMath\.|FdLibm|"
        r"\.choice\.Activation")),
    ("cost (softmax, NLL)", re.compile(r"Propagation\.cost\(|\.choice\.Cost")),
    ("biases and input", re.compile(r"\.(addToEachRow|sumRows|addScaled|load)\(")),
    ("other (loop, bookkeeping)", re.compile(r"\.core\.train\.|\.core\.nn\.")),
]


def samples(lines):
    stack, thread, inside = [], None, False
    for line in lines:
        line = line.strip()
        if line.startswith(("jdk.ExecutionSample", "jdk.NativeMethodSample")):
            stack, thread, inside = [], None, False
        elif line.startswith("sampledThread"):
            thread = line.split('"')[1]
        elif line.startswith("stackTrace = ["):
            inside = True
        elif inside and line == "]":
            inside = False
            yield thread, stack
        elif inside and line != "...":
            stack.append(line)


def part(stack):
    for name, pattern in CONTEXTS:
        if any(pattern.search(frame) for frame in stack):
            return name
    for frame in stack:
        for name, pattern in PARTS:
            if pattern.search(frame):
                return name
    return "other (loop, bookkeeping)"


def main():
    by_thread = collections.defaultdict(collections.Counter)
    for thread, stack in samples(sys.stdin):
        if any("org.glorotsweep.core." in frame for frame in stack):
            by_thread[thread][part(stack)] += 1
    if not by_thread:
        sys.exit("profile_table.py: no samples of trainer code on stdin")
    thread, counts = max(by_thread.items(), key=lambda item: sum(item[1].values()))
    total = sum(counts.values())
    print(f"| part of the step | share ({total} samples, thread {thread}) |")
    print("|---|---|")
    names = [name for name, _ in CONTEXTS] + [name for name, _ in PARTS]
    for name in sorted(names, key=lambda n: -counts[n]):
        if counts[name]:
            print(f"| {name} | {100 * counts[name] / total:.1f}% |")


if __name__ == "__main__":
    main()
