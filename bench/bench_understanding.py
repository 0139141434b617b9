"""Benchmark the understanding step: throughput against bare jieba, start-up time, memory.

Run: make bench, or .venv/bin/python bench/bench_understanding.py after `make compile`
(prints figures; it is not a test; HONGQIAO_PURE_PYTHON=1 times the Python source instead)
Targets (issue #10): throughput ratio ≥ 0.7, start-up < 1.5 s, resident memory < 150 MB.
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "data" / "understanding_dev.jsonl"
ROUNDS = 21

STARTUP_PROBE = """
import time
start = time.perf_counter()
from service.understanding import Classifier
classifier = Classifier.default()
classifier.classify("3号楼电梯坏了")
elapsed = time.perf_counter() - start
rss_kb = peak_kb = 0
# VmHWM, not getrusage's ru_maxrss: a child keeps the ru_maxrss of the parent it was forked
# from (this bench, holding two tokenizers), so that would not be this process's peak.
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            peak_kb = int(line.split()[1])
print(elapsed, rss_kb, peak_kb)
"""


def load_messages() -> list[str]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def one_round(
    messages: list[str], call: Callable[[str], object], clock: Callable[[], float]
) -> float:
    start = clock()
    for message in messages:
        call(message)
    return clock() - start


def throughputs(
    messages: list[str],
    first: Callable[[str], object],
    second: Callable[[str], object],
    clock: Callable[[], float],
) -> tuple[float, float, float]:
    """Median messages/s of both and median per-round ratio, rounds interleaved (the order
    alternating) so machine load hits both alike."""
    firsts: list[float] = []
    seconds: list[float] = []
    for round_number in range(ROUNDS):
        if round_number % 2:
            seconds.append(one_round(messages, second, clock))
            firsts.append(one_round(messages, first, clock))
        else:
            firsts.append(one_round(messages, first, clock))
            seconds.append(one_round(messages, second, clock))
    ratio = statistics.median(b / a for a, b in zip(firsts, seconds, strict=True))
    n = len(messages)
    return n / statistics.median(firsts), n / statistics.median(seconds), ratio


def main() -> None:
    import jieba

    from service.understanding import Classifier

    jieba.setLogLevel(logging.WARNING)
    messages = load_messages()
    classifier = Classifier.default()
    baseline = jieba.Tokenizer()
    baseline.initialize()
    for message in messages:  # warm caches of both before timing
        classifier.classify(message)
        baseline.lcut(message)

    ours, bare, ratio = throughputs(messages, classifier.classify, baseline.lcut, time.perf_counter)
    from service.understanding.compiled import status

    print(f"messages: {len(messages)} (median of {ROUNDS} interleaved rounds, both warmed)")
    # `make bench` compiles first (service/understanding/compiled.py); say which code ran.
    print(f"understanding step:    {status()}")
    print(f"classify throughput:   {ours:10.0f} messages/s")
    print(f"bare jieba.lcut:       {bare:10.0f} messages/s")
    print(f"ratio:                 {ratio:10.2f}   (target >= 0.7)")
    # CPU time of this process only: steadier than wall time on a busy machine.
    cpu_ours, cpu_bare, cpu_ratio = throughputs(
        messages, classifier.classify, baseline.lcut, time.process_time
    )
    print(
        f"ratio on CPU time:     {cpu_ratio:10.2f}   ({cpu_ours:.0f} vs {cpu_bare:.0f} messages/s)"
    )

    probe = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed, rss_kb, peak_kb = probe.stdout.split()
    print(
        f"start-up (fresh process, import + lexicon + jieba's dictionary): {float(elapsed):.2f} s"
        "   (target < 1.5 s)"
    )
    print(
        f"resident memory after start-up: {int(rss_kb) / 1024:.0f} MB (peak "
        f"{int(peak_kb) / 1024:.0f} MB)   (target < 150 MB)"
    )


if __name__ == "__main__":
    main()
