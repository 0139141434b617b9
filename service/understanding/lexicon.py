"""Load and validate the keyword lexicon (config/lexicon/*.yaml).

The lexicon is data a community worker edits without touching code: one file per request
category, ``cues.yaml`` for decision cues and ``synonyms.yaml`` for word families. Every file
is validated with pydantic; a broken file raises :class:`LexiconError` naming file and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from service.understanding.model import CATEGORIES
from service.yaml_parse import parse_yaml

Weight = Annotated[float, Field(gt=0, le=5)]
CATEGORY_FILES = tuple(c for c in CATEGORIES if c != "none")
ModelT = TypeVar("ModelT", bound=BaseModel)

# Here, not in a compiled module: a compiled module's __file__ is its compiled copy.
DEFAULT_LEXICON_DIR = Path(__file__).resolve().parents[2] / "config" / "lexicon"


class LexiconError(ValueError):
    """The lexicon directory or one of its files is missing or invalid."""


def _check_words(words: list[str]) -> None:
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"empty or non-text keyword {word!r}")


def _text_keys(value: Any) -> Any:
    """YAML reads 110: 0.5 as an int key; keywords are always text."""
    if value is None:
        return {}
    if isinstance(value, dict):
        keys = [str(k) if isinstance(k, int | float) else k for k in value]
        _check_words(keys)
        return dict(zip(keys, value.values(), strict=True))
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubcategorySpec(_Strict):
    topics: dict[str, Weight] = Field(default_factory=dict)
    signals: dict[str, Weight] = Field(default_factory=dict)
    # With one of its own signals counted, this subcategory wins over these: the blood of a
    # fight is the fight's ("打起来了 鼻子都出血了 还在打" is 打架, not 急病).
    outranks: tuple[str, ...] = ()
    # Whom a title of this subcategory must name: a title naming none of them starts with the
    # first one the message names ("儿子 现在十二点多了还没回来", not "现在十二点多了还没回来").
    title_subjects: tuple[str, ...] = ()

    @field_validator("topics", "signals", mode="before")
    @classmethod
    def _words_are_text(cls, value: Any) -> Any:
        return _text_keys(value)


class CategorySpec(_Strict):
    category: str
    default_subcategory: str
    threshold: Weight = 1.0
    signals: dict[str, Weight] = Field(default_factory=dict)
    topics: dict[str, Weight] = Field(default_factory=dict)
    # A character inside a word the lexicon does not know (堵 in 堵得死死的): a weak signal.
    char_signals: dict[str, Weight] = Field(default_factory=dict)
    subcategories: dict[str, SubcategorySpec] = Field(default_factory=dict)

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORY_FILES:
            raise ValueError(f"unknown category {value!r}, expected one of {CATEGORY_FILES}")
        return value

    @field_validator("signals", "topics", mode="before")
    @classmethod
    def _words_are_text(cls, value: Any) -> Any:
        return _text_keys(value)


class CuesSpec(_Strict):
    negation: list[str]
    negation_gap: list[str] = Field(default_factory=list)
    resolved: list[str]
    ongoing: list[str]
    false_alarm: list[str]
    thanks: list[str]
    social: list[str]
    greeting: list[str] = Field(default_factory=list)
    ask: list[str]
    question: list[str]
    request: list[str]
    complaint: list[str] = Field(default_factory=list)
    advert: dict[str, Weight]
    notice: list[str]
    strong_notice: list[str]
    hypothetical: list[str]
    sarcasm: list[str]
    neighbour: list[str]
    public: list[str]
    neighbour_remap: dict[str, str] = Field(default_factory=dict)
    # Water from public parts (公共管道) is maintenance, not 高空抛物: dispute → maintenance.
    public_remap: dict[str, str] = Field(default_factory=dict)
    # Only words holding one of these (漏, 渗 ...) are re-filed by a neighbour or public part.
    neighbour_leak: list[str] = Field(default_factory=list)
    # An apology or admission without a request: not a request.
    apology: list[str] = Field(default_factory=list)
    # Asking whether news is true (听说明天停水三天 真的假的): a question for staff to answer
    # (inquiry), whatever the news is of.
    rumour_check: list[str] = Field(default_factory=list)
    # Asking who pays for what a fault cost, or whether a fee is waived (停电那会冰箱里的东西全坏
    # 了 这个能找谁赔): a question for staff to answer (inquiry), whatever the fault is.
    who_pays: list[str] = Field(default_factory=list)
    # Pleasure in something, with no complaint, question or request: not a request.
    praise: list[str] = Field(default_factory=list)
    # An invitation to chat or do something together, with no complaint, request or clear
    # problem: not a request.
    invitation: list[str] = Field(default_factory=list)
    # False-alarm words that only explain (原来是): they call off danger, never a request.
    explains: list[str] = Field(default_factory=list)
    # False-alarm words of the people only (里面没人): no danger, the problem still a request.
    nobody_inside: list[str] = Field(default_factory=list)
    # Right before a false-alarm word, these say it was not done (忘关火了 is no 关火了).
    forgotten: list[str] = Field(default_factory=list)
    # ... unless it is the polite opening of a report (打扰一下, 不好意思在群里说这个).
    opener: list[str] = Field(default_factory=list)
    # Clauses that mention a problem without reporting one (小时候停电, 别在群里吵).
    muted: list[str] = Field(default_factory=list)
    # Figures of speech on the speaker (热得我要着火了, 难得我头都要炸了): the clause neither
    # reports a problem nor a danger, so it is muted and its danger words are not counted.
    figure_of_speech: list[str] = Field(default_factory=list)
    # ... and by construction, a comparison (regular expressions: 跟…一样).
    comparison: list[str] = Field(default_factory=list)
    # The lead of a what-if (假如, 要是哪天): a clause it opens tells what might happen, not
    # what is wrong now (假如停电一个礼拜 我家冰箱里的肉就全完了).
    what_if: list[str] = Field(default_factory=list)
    # ... unless the message says it is so now (还不来水, 再不修) or wishes for something (就好了):
    # checked as written.
    what_if_reports: list[str] = Field(default_factory=list)
    # A rule told in general (按规定, 要罚款的, 是按…收的), for the same test as a what-if.
    rule_said: list[str] = Field(default_factory=list)
    # A contrast after thanks (不过, 可惜) reopens the complaint.
    contrast: list[str] = Field(default_factory=list)
    # A cry (救命) with an everyday woe (加班, 作业) and no other danger word: a figure of
    # speech. `everyday_woe` is checked as written (not given to the tokenizer).
    cry: list[str] = Field(default_factory=list)
    everyday_woe: list[str] = Field(default_factory=list)
    # Laughing at what one tells (笑死, 哈哈哈, 😂): with a figure of speech, in jest; with a
    # danger, in jest too unless someone is urged to come (`urged`: 快来, 快打 …).
    laughter: list[str] = Field(default_factory=list)
    urged: list[str] = Field(default_factory=list)
    # The writer has the problem too (我家也停电了): in a chat that is a report joining an
    # earlier one, so word statistics never make it "none". Checked as written, not matched
    # (these words are not given to the tokenizer).
    me_too: list[str] = Field(default_factory=list)
    befallen: list[str] = Field(default_factory=list)
    retort: list[str] = Field(default_factory=list)
    # Where no building stands (东门外, 小区外): the chat's building is not the problem's place.
    # Checked as written, not matched.
    outside_compound: list[str] = Field(default_factory=list)
    # Unpaid bills: a supply cut-off for someone who cannot pay is help, not a repair.
    arrears: list[str] = Field(default_factory=list)
    arrears_remap: dict[str, str] = Field(default_factory=dict)
    # A vulnerable person stranded by an outage, with a request: help for the person (care).
    stranded: list[str] = Field(default_factory=list)
    # ... asking for help for that person (帮我, 背我上去), not for the outage to be fixed.
    stranded_help: list[str] = Field(default_factory=list)
    # ... a question that asks for the outage to be dealt with (谁能管管), not what to do.
    stranded_fix_plea: list[str] = Field(default_factory=list)
    stranded_remap: dict[str, str] = Field(default_factory=dict)

    @field_validator(
        "negation",
        "negation_gap",
        "resolved",
        "ongoing",
        "false_alarm",
        "thanks",
        "social",
        "greeting",
        "ask",
        "question",
        "request",
        "complaint",
        "notice",
        "strong_notice",
        "hypothetical",
        "sarcasm",
        "neighbour",
        "public",
        "arrears",
        "stranded",
        "stranded_help",
        "stranded_fix_plea",
        "neighbour_leak",
        "apology",
        "rumour_check",
        "who_pays",
        "praise",
        "invitation",
        "opener",
        "muted",
        "figure_of_speech",
        "comparison",
        "what_if",
        "what_if_reports",
        "rule_said",
        "contrast",
        "me_too",
        "befallen",
        "retort",
        "outside_compound",
        "cry",
        "everyday_woe",
        "laughter",
        "urged",
        mode="before",
    )
    @classmethod
    def _list_of_text(cls, value: Any) -> Any:
        if isinstance(value, list):
            words = [str(v) if isinstance(v, int | float) else v for v in value]
            _check_words(words)
            return words
        return value

    @field_validator("advert", mode="before")
    @classmethod
    def _advert_words(cls, value: Any) -> Any:
        return _text_keys(value)


class SynonymsSpec(_Strict):
    families: dict[str, list[str]]
    keep_whole: list[str] = Field(default_factory=list)

    @field_validator("families")
    @classmethod
    def _no_empty_variant(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for canonical, variants in value.items():
            _check_words([canonical, *variants])
        return value


@dataclass(frozen=True)
class Lexicon:
    categories: dict[str, CategorySpec]
    cues: CuesSpec
    synonyms: SynonymsSpec
    source: Path


def _read_yaml(path: Path) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))[1]
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: lexicon file is missing") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from exc


def validate_file(model: type[ModelT], path: Path) -> ModelT:
    """Read one YAML file into ``model``; errors name the file and the key."""
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"key {'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise LexiconError(f"{path}: {problems}") from exc


def load_lexicon(directory: Path) -> Lexicon:
    """Read and validate every lexicon file in ``directory``."""
    if not directory.is_dir():
        raise LexiconError(f"{directory}: lexicon directory not found")
    categories: dict[str, CategorySpec] = {}
    for name in CATEGORY_FILES:
        path = directory / f"{name}.yaml"
        spec = validate_file(CategorySpec, path)
        if spec.category != name:
            raise LexiconError(f"{path}: key category: is {spec.category!r}, expected {name!r}")
        categories[name] = spec
    cues = validate_file(CuesSpec, directory / "cues.yaml")
    synonyms = validate_file(SynonymsSpec, directory / "synonyms.yaml")
    return Lexicon(categories=categories, cues=cues, synonyms=synonyms, source=directory)
