"""The learned fallback: word evidence decides only where the rules found nothing, says why,
never overrides a not-a-request cue, and is trained by a command on the training files only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from service.understanding import Classifier
from service.understanding.learn import NEVER_TRAIN_ON, training_files
from service.understanding.learn import main as learn_main
from service.understanding.learned import (
    LEARNED_FILE,
    LearnedModel,
    load_learned,
    train_naive_bayes,
)
from service.understanding.lexicon import LexiconError, load_lexicon
from service.understanding.model import CATEGORIES

LEXICON = Path(__file__).resolve().parents[1] / "config" / "lexicon"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def toy_model() -> LearnedModel:
    """A word no lexicon file knows (叮咚) learned as a maintenance complaint."""
    examples = [({"叮咚", "井盖"}, "maintenance")] * 6 + [
        ({"天气", "真好"}, "none"),
        ({"早上", "大家"}, "none"),
    ]
    examples += [({f"词{c}"}, c) for c in CATEGORIES]
    return train_naive_bayes(examples, alpha=0.1, margin_over_none=2.0, margin_over_inquiry=2.0)


@pytest.fixture(scope="module")
def rules_only() -> Classifier:
    return Classifier(load_lexicon(LEXICON))


@pytest.fixture(scope="module")
def with_toy(toy_model: LearnedModel) -> Classifier:
    return Classifier(load_lexicon(LEXICON), toy_model)


def test_rules_alone_find_no_request_in_unknown_wording(rules_only: Classifier) -> None:
    assert rules_only.classify("叮咚叮咚的 一晚上").category == "none"


def test_learned_words_decide_where_the_rules_found_nothing_and_say_why(
    with_toy: Classifier,
) -> None:
    result = with_toy.classify("叮咚叮咚的 一晚上")
    assert result.category == "maintenance"
    assert result.subcategory == "公共设施"  # the category's default: no lexicon word matched
    learned = [r for r in result.reasons if r.startswith("learned:")]
    assert len(learned) == 1
    assert "叮咚 +" in learned[0]
    assert "→ maintenance" in learned[0]
    assert result.keywords[0] == "叮咚"
    assert result.summary  # a ticket still gets a title


@pytest.mark.parametrize(
    "text",
    [
        "谢谢物业 叮咚叮咚的",  # thanks
        "叮咚叮咚的 已经修好了",  # solved
        "如果叮咚叮咚的 就打电话",  # hypothetical
    ],
)
def test_a_not_a_request_cue_is_never_overridden(with_toy: Classifier, text: str) -> None:
    result = with_toy.classify(text)
    assert result.category == "none"
    assert not any(r.startswith("learned:") for r in result.reasons)


def test_rules_that_found_a_request_keep_it(with_toy: Classifier) -> None:
    result = with_toy.classify("3号楼楼道灯不亮了 叮咚")
    assert result.category == "maintenance"
    assert not any(r.startswith("learned:") for r in result.reasons)


def test_repository_learned_evidence_reads_a_trained_phrase_the_rules_leave_open() -> None:
    """The line is a training line (not unseen): this checks the wiring of the shipped
    weights, not how well they generalise (docs/understanding.md has those figures)."""
    classifier = Classifier.default()
    assert classifier.learned is not None
    result = classifier.classify("喷泉那个池子的水都绿了，一股馊味")
    assert result.category == "maintenance"
    assert any(r.startswith("learned:") for r in result.reasons)


def test_repository_weights_cover_every_training_file() -> None:
    """Adding labelled lines without re-running the learner is caught here."""
    about = json.loads((LEXICON / LEARNED_FILE).read_text(encoding="utf-8"))["about"]
    expected = {
        p.name: sum(1 for _ in p.open(encoding="utf-8")) for p in training_files(DATA, set())
    }
    assert about["trained_on"] == expected, "re-run: python -m service.understanding.learn"


def _write(path: Path, rows: list[tuple[str, str]]) -> None:
    path.write_text(
        "".join(json.dumps({"text": t, "category": c}, ensure_ascii=False) + "\n" for t, c in rows),
        encoding="utf-8",
    )


def test_learn_command_trains_on_training_files_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rows = [
        ("井盖咣当咣当响", "maintenance"),
        ("路灯不亮了", "maintenance"),
        ("楼上天天吵", "dispute"),
        ("今天天气真好", "none"),
        ("请问社保怎么交", "inquiry"),
        ("想报名合唱团", "culture"),
        ("着火了快来人", "emergency"),
        ("独居老人没人照顾", "care"),
    ]
    _write(data / "understanding_tune.jsonl", rows)
    _write(data / "understanding_extra.jsonl", rows[:4])
    _write(data / "understanding_heldout.jsonl", [("绝不能学到的词", "culture")])
    _write(data / "understanding_dev.jsonl", [("绝不能学到的词", "culture")])
    lexicon = tmp_path / "lexicon"
    shutil.copytree(LEXICON, lexicon)
    (lexicon / LEARNED_FILE).unlink()

    assert learn_main(["--data", str(data), "--lexicon", str(lexicon), "--folds", "2"]) == 0

    model = load_learned(lexicon)
    assert model is not None
    assert "咣当" in model.table
    assert "绝不能学到的词" not in model.table and "学到" not in model.table
    about = json.loads((lexicon / LEARNED_FILE).read_text(encoding="utf-8"))["about"]
    assert set(about["trained_on"]) == {"understanding_tune.jsonl", "understanding_extra.jsonl"}


def test_without_a_weights_file_the_rules_decide_alone(tmp_path: Path) -> None:
    copy = tmp_path / "lexicon"
    shutil.copytree(LEXICON, copy)
    (copy / LEARNED_FILE).unlink()
    classifier = Classifier.from_dir(copy)
    assert classifier.learned is None
    assert classifier.classify("3号楼电梯坏了").category == "maintenance"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "cannot read"),
        ('{"format": 1, "classes": ["none"]}', "classes"),
        ('{"format": 99}', "format"),
    ],
)
def test_broken_weights_file_is_named(tmp_path: Path, content: str, expected: str) -> None:
    copy = tmp_path / "lexicon"
    shutil.copytree(LEXICON, copy)
    (copy / LEARNED_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        Classifier.from_dir(copy)
    assert LEARNED_FILE in str(error.value)
    assert expected in str(error.value)


def test_repository_never_trains_on_the_held_out_split_or_its_paraphrases() -> None:
    names = {p.name for p in training_files(DATA, set())}
    assert "understanding_tune.jsonl" in names
    assert names.isdisjoint(NEVER_TRAIN_ON)
    assert "understanding_guard_near_heldout.jsonl" in NEVER_TRAIN_ON
