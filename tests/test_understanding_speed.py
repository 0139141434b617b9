"""The speed-ups of the understanding step give exactly the answers of the plain code."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

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


def test_understanding_cut_patterns_are_jiebas() -> None:
    import jieba

    from service.understanding import matcher

    assert matcher._RE_HAN.pattern == jieba.re_han_default.pattern
    assert matcher._RE_HAN.flags == jieba.re_han_default.flags
    assert matcher._RE_SKIP.pattern == jieba.re_skip_default.pattern
    assert matcher._RE_SKIP.flags == jieba.re_skip_default.flags


def test_understanding_cut_dictionary_is_the_private_tokenizers() -> None:
    """Every word and prefix jieba knows, and as many it does not, look up the same."""
    matcher = Classifier.default()._matcher
    dictionary, freq = matcher._dictionary, matcher.tokenizer.FREQ
    assert dictionary.total == matcher.tokenizer.total
    assert all(dictionary.get(word) == count for word, count in freq.items())
    rnd = random.Random(11)
    words = list(freq)
    for _ in range(20000):
        fragment = rnd.choice(words) + rnd.choice(words)[:2]
        assert dictionary.get(fragment) == freq.get(fragment), fragment


def test_understanding_cut_dictionary_file_is_rebuilt_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.understanding import cutdict

    monkeypatch.setattr(cutdict.tempfile, "gettempdir", lambda: str(tmp_path))
    first = cutdict.CutDictionary(["楼道灯"], 200_000)
    (path,) = tmp_path.glob("hongqiao-cut-*.bin")
    path.write_bytes(path.read_bytes()[:1000])  # truncated
    monkeypatch.setattr(cutdict, "_loaded", {})  # as in a new process
    again = cutdict.CutDictionary(["楼道灯"], 200_000)
    assert path.stat().st_size > 1000
    for word in ("楼道灯", "楼道", "电梯", "的", "不存在的词语"):
        assert again.get(word) == first.get(word)
    assert again.total == first.total


def test_understanding_situation_words_are_found_wherever_they_occur() -> None:
    situations = Classifier.default().situations
    assert situations is not None
    words = situations._words
    rnd = random.Random(12)
    alphabet = sorted({ch for word in words for ch in word}) + list("的了是 ，3")
    texts = _texts()[:2000] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(2000)
    ]
    for text in texts:
        expected: dict[str, list[int]] = {}
        for word in words:
            start = text.find(word)
            while start >= 0:
                expected.setdefault(word, []).append(start)
                start = text.find(word, start + 1)
        assert situations._index(text).at == expected, text


def test_understanding_split_question_scan_is_the_whole_pattern() -> None:
    from service.understanding import evidence

    rnd = random.Random(13)
    alphabet = list("是还不没开有吗?哪谁几点号多少什么的了 ，a1")
    texts = _texts() + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20))) for _ in range(5000)
    ]
    for text in texts:
        assert evidence._asks(text) == bool(evidence._QUESTION.search(text)), text


def test_understanding_clause_breaks_are_separators_and_whitespace() -> None:
    from service.understanding import matcher

    assert not [c for c in range(0x3001, 0x110000) if chr(c).isspace()]
    pieces = {p for text in _texts() for p in matcher.SEPARATORS | set(text) | {"\r\n", "ab"}}
    for piece in pieces:
        assert (piece in matcher._BREAKS) == (piece in matcher.SEPARATORS or piece.isspace())


def test_understanding_tokens_are_the_cut_without_clause_breaks() -> None:
    from service.understanding.matcher import SEPARATORS

    matcher = Classifier.default()._matcher
    for text in _texts():
        words, offsets, clauses = [], [], []
        position = clause = 0
        for piece in matcher.cut(text):
            if piece in SEPARATORS or piece.isspace():
                clause += 1
            else:
                words.append(piece)
                offsets.append(position)
                clauses.append(clause)
            position += len(piece)
        tokens = matcher.tokenize(text)
        assert (tokens.words, tokens.offsets, tokens.clauses) == (
            tuple(words),
            tuple(offsets),
            tuple(clauses),
        ), text


def test_understanding_matcher_finds_the_longest_terms_left_to_right() -> None:
    """The matcher's shortcuts (next characters, one lookup per token) change no hit."""
    matcher = Classifier.default()._matcher
    terms = matcher._index
    prefixes = {term[:k] for term in terms for k in range(1, len(term))}
    for text in _texts():
        tokens = matcher.tokenize(text)
        words, clauses = tokens.words, tokens.clauses
        expected = []
        i = 0
        while i < len(words):
            best_end, run = 0, ""
            for j in range(i, min(len(words), i + 4)):
                if clauses[j] != clauses[i]:
                    break
                run += words[j]
                if run in terms:
                    best_end = j + 1
                if run not in prefixes:
                    break
            if best_end:
                expected.append(("".join(words[i:best_end]), i, best_end))
                i = best_end
            else:
                i += 1
        found = [(hit.word, hit.start, hit.end) for hit in matcher.match(tokens)]
        assert found == expected, text


def test_understanding_fast_result_has_every_field() -> None:
    """classify builds its Understanding without the frozen dataclass's __init__: every field
    must still be there, and it must equal one built the plain way."""
    from dataclasses import fields

    from service.understanding.model import Understanding

    for text in ("3号楼电梯坏了", "谢谢物业", "救命 我被困在电梯里了 2栋1单元", ""):
        u = Classifier.default().classify(text)
        assert set(u.__dict__) == {f.name for f in fields(Understanding)}, text
        assert u == Understanding(**u.__dict__)


def test_understanding_situation_checks_agree_in_any_order() -> None:
    """Per-message memos (skipped clauses, hazard patterns tried, standing routines) and the
    narrowed explained_away give what each check gives on a fresh message."""
    situations = Classifier.default().situations
    assert situations is not None
    texts = _texts()[:1500]
    names = sorted({s.name for s in situations._situations})
    rnd = random.Random(11)

    def checks(text: str, order: list[int]) -> list[object]:
        asks = [
            lambda: situations.read(text),
            lambda: situations.nobody_at_risk(text),
            lambda: situations.danger_explained_away(text),
            lambda: situations.routine(text),
            lambda: situations.explained_away(text),
            lambda: situations.told_as_might_be(text, len(text) // 2),
            lambda: situations.pet_notice(text),
        ]
        situations._last = None
        answers: list[object] = [None] * len(asks)
        for k in order:
            answers[k] = asks[k]()
        return answers

    for text in texts:
        order = list(range(7))
        plain = checks(text, order)
        rnd.shuffle(order)
        assert checks(text, order) == plain, text
        among = set(rnd.sample(names, 3))
        situations._last = None
        assert situations.explained_away(text, among) & among == plain[4] & among, text
