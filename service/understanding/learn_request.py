"""`python -m service.understanding.learn_request`: learn the request-vs-none reading.

A regularised logistic regression of "request" (any category but none) against "none" over
the features naive Bayes uses (tokens and character pairs) plus what the rules found
(``classifier.request_rule_features``: their decision, the cues present, negation, a
question, a complaint, the categories with a problem word). It is trained on the lines
``python -m service.understanding.learn`` uses plus ``understanding_request_*.jsonl`` (sets
written outside the team and read since; never the held-out split, the dev corpus or a guard
set) and written to ``config/lexicon/learned_request.json`` as integer weights.

The classifier asks it after the rules and naive Bayes have decided (emergencies excepted):
a none at a score of at least ``to_request`` becomes a request, a request at a score of at
most ``to_none`` becomes none. The regularisation and both thresholds are chosen by k-fold
cross-validation on the training lines, each fold read by the classifier with naive Bayes
trained on the other folds (same smoothing and margins as the shipped learned.json), for
the best request-vs-none F1. Re-run it after ``learn`` (its thresholds depend on naive
Bayes) or after adding labelled lines.

Chatter is rarer in the training lines (about a quarter) than in the groups the bot reads and
in every fresh set written outside the team (two fifths or more), so a false ticket weighs
less in training than it costs in use. Each none line is therefore weighted so that none
carries ``--none-share`` of the weight (default 0.5), in the loss and in the F1 that picks the
thresholds (a correction for the shift in class balance, not a fit to any test set).

Options:
  --none-share S   the share of chatter the weights assume (default 0.5)
  --exclude NAME   leave one training file out (repeatable)
  --folds K        cross-validation folds (default 5)
  --out PATH       where to write (default config/lexicon/learned_request.json)
  --with-corrections  also learn from staff corrections stored in the database (as
                   ``learn --with-corrections``); --db URL picks the database
"""

from __future__ import annotations

import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from service.understanding.classifier import Classifier, request_rule_features
from service.understanding.learn import (
    CORRECTIONS_SOURCE,
    SEED,
    _folds,
    labelled_texts,
    stored_corrections,
    training_arguments,
    training_files,
)
from service.understanding.learned import (
    LEARNED_FILE,
    REQUEST_FILE,
    LearnedModel,
    RequestWeights,
    dump_request,
    load_learned,
    train_naive_bayes,
    with_request,
)
from service.understanding.lexicon import Lexicon, load_lexicon
from service.understanding.model import CATEGORIES

# Weights are stored as integers in units of 1/SCALE (they then add exactly in any order).
# Tenths lose nothing in cross-validation against hundredths, and fewer distinct weights let
# more features share one row of the table (smaller, faster in the processor's caches).
SCALE = 10
L2 = (0.001, 0.003, 0.01)
EPOCHS = 15
STEP = 0.5  # AdaGrad's base step
# Thresholds tried, in log-odds: a none becomes a request at >= t, a request none at <= -t.
# The share of chatter the weights assume (see the module docstring).
NONE_SHARE = 0.5
THRESHOLDS = tuple(t / 2 for t in range(0, 11))  # 0 … 5
# A request the rules found becomes none only where the reading leans to none by at least this:
# at 0 (chosen once sets W-AB joined training) a coin toss turned "请问小区装烟感报警器是物业统一
# 装还是自己买" into chatter.
MIN_TO_NONE = 0.5
# Rule features live apart from word features (a token could be spelled like one).
_RULE = "\0"


@dataclass(frozen=True)
class Line:
    text: str
    label: str
    words: list[str]  # sorted
    rules: list[str]
    ruled_out: bool  # the rules decided "no request" for a reason: never made a request
    request_stands: bool  # Classifier.request_stands: a request here is never made none

    @property
    def request(self) -> bool:
        return self.label != "none"


def read_line(classifier: Classifier, text: str, label: str) -> Line:
    reading = classifier.read_rules(text)
    if reading is None:  # nothing left after normalising: none, whatever the weights
        return Line(text, label, [], [], True, False)
    return Line(
        text,
        label,
        sorted(reading.found),
        request_rule_features(reading),
        reading.ruled_out,
        classifier.request_stands(reading),
    )


def read_lines(classifier: Classifier, files: list[Path]) -> list[Line]:
    return [read_line(classifier, t, label) for p in files for t, label in labelled_texts(p)]


def none_weight(lines: list[Line], none_share: float) -> float:
    """The weight of one none line that gives none ``none_share`` of all the weight."""
    nones = sum(1 for line in lines if not line.request)
    requests = len(lines) - nones
    if not nones or not requests:
        return 1.0
    return (none_share / (1.0 - none_share)) * requests / nones


def train_logistic(
    lines: list[Line], l2: float, weight_of_none: float = 1.0
) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression by AdaGrad, in a fixed order (deterministic); each
    none line's error counts ``weight_of_none`` times."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(lines)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            line = lines[i]
            found = [*line.words, *(_RULE + f for f in line.rules)]
            z = bias + sum([weights.get(f, 0.0) for f in found])
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - 1.0 if line.request else weight_of_none * p
            bias_square += g * g
            bias -= STEP * g / math.sqrt(bias_square)
            for f in found:
                w = weights.get(f, 0.0)
                gf = g + l2 * w
                s = squares[f] = squares.get(f, 1e-8) + gf * gf
                weights[f] = w - STEP * gf / math.sqrt(s)
    return weights, bias


def quantised(weights: dict[str, float], bias: float) -> RequestWeights:
    """Integer weights; those that round to 0 are left out (they weigh nothing)."""
    rounded = {f: round(w * SCALE) for f, w in weights.items()}
    words = {f: w for f, w in rounded.items() if w and not f.startswith(_RULE)}
    rules = {f[1:]: w for f, w in rounded.items() if w and f.startswith(_RULE)}
    return RequestWeights(SCALE, round(bias * SCALE), words, rules, None, None)


def score(request: RequestWeights, line: Line) -> int:
    return (
        request.bias
        + sum([request.words.get(f, 0) for f in line.words])
        + sum([request.rules.get(f, 0) for f in line.rules])
    )


def combined(
    line: Line, before: str, value: int, to_request: int | None, to_none: int | None
) -> bool:
    """Is the message a request after the learned request-vs-none reading?"""
    if before == "emergency":
        return True
    if before == "none":
        return to_request is not None and value >= to_request and not line.ruled_out
    return line.request_stands or not (to_none is not None and value <= to_none)


def f1(pairs: list[tuple[bool, bool]], weight_of_none: float = 1.0) -> float:
    """Request-vs-none F1 of (expected, predicted) pairs, a false request counting
    ``weight_of_none`` times."""
    tp = sum(e and p for e, p in pairs)
    fp = weight_of_none * sum(p and not e for e, p in pairs)
    fn = sum(e and not p for e, p in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(
    lines: list[Line], before: list[str], values: list[int], weight_of_none: float = 1.0
) -> tuple[int | None, int | None, float]:
    """The thresholds with the best (weighted) request-vs-none F1; ties keep the more cautious
    one."""
    candidates: list[int | None] = [None, *(round(t * SCALE) for t in reversed(THRESHOLDS))]
    best: tuple[int | None, int | None, float] = (None, None, -1.0)
    downs = [d for d in candidates if d is None or d >= round(MIN_TO_NONE * SCALE)]
    for up in candidates:
        for down in downs:
            to_none = None if down is None else -down
            pairs = [
                (line.request, combined(line, b, v, up, to_none))
                for line, b, v in zip(lines, before, values, strict=True)
            ]
            value = f1(pairs, weight_of_none)
            if value > best[2]:
                best = (up, to_none, value)
    return best


def naive_bayes_like_shipped(lexicon_dir: Path) -> tuple[LearnedModel, float]:
    model = load_learned(lexicon_dir)
    if model is None:
        raise SystemExit(f"no {LEARNED_FILE} in {lexicon_dir}: run service.understanding.learn")
    about = json.loads((lexicon_dir / LEARNED_FILE).read_text(encoding="utf-8"))["about"]
    return model, float(about["alpha"])


def cross_validated_before(
    lexicon: Lexicon, shipped: LearnedModel, alpha: float, lines: list[Line], folds: list[list[int]]
) -> list[str]:
    """Each line's category from the classifier with naive Bayes trained on the other folds."""
    found = [set(line.words) for line in lines]
    before = [""] * len(lines)
    margins = (shipped.margin_override, shipped.margin_to_none, shipped.margin_to_emergency)
    for fold in folds:
        held = set(fold)
        model = train_naive_bayes(
            [(found[i], lines[i].label) for i in range(len(lines)) if i not in held],
            alpha,
            shipped.margin_over_none,
            shipped.margin_over_inquiry,
            margins,
        )
        classifier = Classifier(lexicon, model)
        for i in fold:
            before[i] = classifier.classify(lines[i].text).category
    return before


def main(argv: list[str] | None = None) -> int:
    parser = training_arguments("python -m service.understanding.learn_request")
    parser.add_argument("--none-share", type=float, default=NONE_SHARE)
    args = parser.parse_args(argv)
    if not 0.0 < args.none_share < 1.0:
        print("error: --none-share must be between 0 and 1", file=sys.stderr)
        return 2
    files = training_files(args.data, set(args.exclude), request=True)
    if not files:
        print("error: no training files found", file=sys.stderr)
        return 2
    lexicon = load_lexicon(args.lexicon)
    shipped, alpha = naive_bayes_like_shipped(args.lexicon)
    rules_only = Classifier(lexicon)
    lines = read_lines(rules_only, files)
    trained_on = {p.name: sum(1 for _ in p.open(encoding="utf-8")) for p in files}
    if args.with_corrections:
        rows = stored_corrections(args.db)
        for row in rows:
            text, label = row.get("text"), row.get("category")
            if isinstance(text, str) and label in CATEGORIES:
                lines.append(read_line(rules_only, text, label))
        trained_on[CORRECTIONS_SOURCE] = len(rows)
        print(f"staff corrections: {len(rows)} messages")
    print(f"training lines: {len(lines)} from {', '.join(trained_on)}")
    weight = none_weight(lines, args.none_share)
    print(f"each none line weighs {weight:.3f} (chatter share {args.none_share:g})")
    folds = _folds(len(lines), args.folds)
    before = cross_validated_before(lexicon, shipped, alpha, lines, folds)
    as_before = f1(
        [(line.request, b != "none") for line, b in zip(lines, before, strict=True)], weight
    )
    print(f"cross-validated request-vs-none F1 (weighted) before this reading: {as_before:.4f}")
    best: tuple[float, float, int | None, int | None] | None = None
    for l2 in L2:
        values = [0] * len(lines)
        for fold in folds:
            held = set(fold)
            kept = [x for i, x in enumerate(lines) if i not in held]
            weights, bias = train_logistic(kept, l2, weight)
            request = quantised(weights, bias)
            for i in fold:
                values[i] = score(request, lines[i])
        to_request, to_none, value = choose_thresholds(lines, before, values, weight)
        alone = f1([(line.request, v > 0) for line, v in zip(lines, values, strict=True)], weight)
        print(
            f"l2 {l2:g}: alone F1 {alone:.4f}; with the classifier {value:.4f} at"
            f" to_request {_shown(to_request)}, to_none {_shown(to_none)}"
        )
        if best is None or value > best[0]:
            best = (value, l2, to_request, to_none)
    assert best is not None
    value, l2, to_request, to_none = best
    weights, bias = train_logistic(lines, l2, weight)
    request = quantised(weights, bias)
    request = RequestWeights(
        request.scale, request.bias, request.words, request.rules, to_request, to_none
    )
    out = args.out or args.lexicon / REQUEST_FILE
    dump_request(
        request,
        out,
        {
            "generated_by": "python -m service.understanding.learn_request",
            "trained_on": trained_on,
            "l2": l2,
            "none_share": args.none_share,
            "cross_validation": (
                f"{args.folds}-fold, naive Bayes retrained per fold; weighted request-vs-none F1"
                f" {as_before:.4f} before, {value:.4f} with this reading"
            ),
        },
    )
    with_request(shipped, request)  # checks it lays over the shipped table
    print(
        f"chosen: l2 {l2:g}, to_request {_shown(to_request)}, to_none {_shown(to_none)};"
        f" wrote {len(request.words)} word and {len(request.rules)} rule weights to {out}"
    )
    return 0


def _shown(threshold: int | None) -> str:
    return "never" if threshold is None else f"{threshold / SCALE:g}"


if __name__ == "__main__":
    raise SystemExit(main())
