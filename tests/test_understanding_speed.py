"""The speed-ups of the understanding step give exactly the answers of the plain code."""

from __future__ import annotations

import json
import random
from pathlib import Path

from service.understanding import Classifier

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("understanding_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    rnd = random.Random(10)
    alphabet = list("abcXYZ0129 \t\r\n,.。！？-_+#&%的了是3号楼电梯坏漏水停电燃气味道😀é")
    texts.extend(
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)
    )
    return texts


def test_understanding_fast_cut_is_jieba_cut_without_hmm() -> None:
    matcher = Classifier.default()._matcher
    for text in _texts():
        assert matcher.cut(text) == matcher.tokenizer.lcut(text, HMM=False), text


def test_understanding_situation_reading_is_the_same_read_twice_or_interleaved() -> None:
    situations = Classifier.default().situations
    assert situations is not None
    texts = _texts()[:500]
    first = [(situations.told_as_past(t), situations.read(t)) for t in texts]
    again = [(situations.told_as_past(t), situations.read(t)) for t in reversed(texts)]
    assert first == list(reversed(again))
