#!/usr/bin/env python3
"""Pools the JMH JSON results of run-benchmarks.sh and prints a Markdown table of ratios.

Every measurement iteration of every round is pooled per (benchmark, threads). The table
shows the median and the best iteration (the minimum time, or the maximum throughput), and
each as a ratio to the baseline of the same workload and thread count: <workload>_direct for the call path, and
increment_atomicLong for the counter. On a shared machine noise only makes an uncontended
call slower, so the best-iteration ratio is the call path's undisturbed cost; for the
contended counter only the median ratio is given.

    python3 platform/benchmarks/summarize.py platform/benchmarks/results/jdk17 [more result folders]

Results of several folders are pooled.
"""
import glob
import json
import os
import statistics
import sys

BASELINES = ("direct", "atomicLong")


def pooled(directories):
    runs = {}
    paths = [p for d in directories for p in sorted(glob.glob(os.path.join(d, "*.json")))]
    for path in paths:
        if os.path.getsize(path) == 0:  # a run still in progress
            continue
        with open(path) as f:
            for result in json.load(f):
                name = result["benchmark"].rsplit(".", 1)[-1]
                cls = result["benchmark"].rsplit(".", 2)[-2]
                key = (cls, name, result["threads"])
                metric = result["primaryMetric"]
                entry = runs.setdefault(key, {"mode": result["mode"], "unit": metric["scoreUnit"], "raw": []})
                for fork in metric["rawData"]:
                    entry["raw"].extend(fork)
    return runs


def main(directories):
    runs = pooled(directories)
    baselines = {}
    for (cls, name, threads), entry in runs.items():
        workload, path = name.split("_", 1)
        if path in BASELINES:
            baselines[(cls, workload, threads)] = entry
    print("| benchmark | workload | path | threads | iterations | median | best | unit | ratio (median) | ratio (best) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (cls, name, threads) in sorted(runs, key=lambda k: (k[0], k[1].split("_")[0], k[2], k[1])):
        entry = runs[(cls, name, threads)]
        workload, path = name.split("_", 1)
        base = baselines.get((cls, workload, threads))
        throughput = entry["mode"] == "thrpt"
        best = max if throughput else min
        median, top = statistics.median(entry["raw"]), best(entry["raw"])
        if base and throughput:
            # No "best" ratio: a contended baseline gets *faster* when the machine's load
            # keeps its threads apart, so its best iteration is not its undisturbed one.
            ratios = "%.2f× | –" % (median / statistics.median(base["raw"]))
        elif base:
            b_median, b_top = statistics.median(base["raw"]), best(base["raw"])
            ratios = "%.2f× | %.2f×" % (median / b_median, top / b_top)
        else:
            ratios = "– | –"
        print("| %s | %s | %s | %d | %d | %.3f | %.3f | %s | %s |" % (
            cls, workload, path, threads, len(entry["raw"]), median, top, entry["unit"], ratios))


if __name__ == "__main__":
    main(sys.argv[1:])
