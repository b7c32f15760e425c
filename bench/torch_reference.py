#!/usr/bin/python3
"""PyTorch reference for bench.sh: training throughput of the paper's network in examples/s, one thread.

The same network and step as trainer-core's TrainingBenchmark: 1024 inputs, `depth` layers of `width` tanh,
sigmoid or softsign units, 10 softmax units, normalized (Glorot uniform) init with zero biases, NLL (cross-entropy on the
logits), plain SGD on batches of 10 random examples held in memory. Prints one tab-separated line per
measurement: precision, activation, depth, width, "torch", trials (always 1), median examples/s over the repetitions.
One thread: torch.set_num_threads(1) here, and OPENBLAS_NUM_THREADS=1 from bench.sh (OpenBLAS's own
threads otherwise compete with torch's and run several times slower).
"""
import argparse
import statistics
import sys
import time

import torch

INPUTS, CLASSES, BATCH, POOL, LEARNING_RATE = 1024, 10, 10, 64, 0.01
ACTIVATIONS = {"tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid, "softsign": torch.nn.Softsign}


def network(activation, depth, width, dtype):
    sizes = [INPUTS] + [width] * depth
    layers = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        layers += [torch.nn.Linear(fan_in, fan_out, dtype=dtype), ACTIVATIONS[activation]()]
    layers.append(torch.nn.Linear(sizes[-1], CLASSES, dtype=dtype))
    net = torch.nn.Sequential(*layers)
    for layer in net:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
    return net


def examples_per_second(step, seconds):
    begin = time.perf_counter()
    deadline = begin + seconds
    steps = 0
    while True:
        step(steps % POOL)
        steps += 1
        now = time.perf_counter()
        if now >= deadline:
            return steps * BATCH / (now - begin)


def measure(precision, activation, depth, width, args):
    dtype = torch.float32 if precision == "float32" else torch.float64
    generator = torch.Generator().manual_seed(2010)
    net = network(activation, depth, width, dtype)
    features = torch.rand(POOL, BATCH, INPUTS, generator=generator, dtype=dtype) * 2 - 1
    labels = torch.randint(CLASSES, (POOL, BATCH), generator=generator)
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)
    loss = torch.nn.CrossEntropyLoss()

    def step(b):
        optimizer.zero_grad()  # torch 1.13's default: zero the gradient buffers in place, no allocation
        loss(net(features[b]), labels[b]).backward()
        optimizer.step()

    examples_per_second(step, args.warmup)
    return statistics.median(examples_per_second(step, args.seconds) for _ in range(args.repetitions))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--precisions", default="float32,float64")
    parser.add_argument("--activations", default="tanh")
    parser.add_argument("--depths", default="1,3,5")
    parser.add_argument("--widths", default="250,500,1000")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    for precision in args.precisions.split(","):
        for activation in args.activations.split(","):
            for depth in map(int, args.depths.split(",")):
                for width in map(int, args.widths.split(",")):
                    rate = measure(precision, activation, depth, width, args)
                    print(f"{precision}\t{activation}\t{depth}\t{width}\ttorch\t1\t{rate:.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
