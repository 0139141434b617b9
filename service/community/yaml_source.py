"""Load YAML while remembering where each key stood, so errors can name the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from service.yaml_parse import parse_yaml

M = TypeVar("M", bound=BaseModel)


def config_files(config_dir: Path, name: str) -> tuple[Path, ...]:
    """Where one configuration file is read from. A community directory
    (`config/communities/<slug>/`) is laid over the street's `config/`: the shared file first,
    then the community's own, whose top-level keys win (a community's tickets.yaml may hold
    only its quiet_hours). Only files that exist; when none does, the community's own path, so
    a missing file is named where it was expected."""
    own = config_dir / name
    if config_dir.parent.name != "communities":
        return (own,)
    layers = tuple(p for p in (config_dir.parent.parent / name, own) if p.exists())
    return layers or (own,)


def any_exists(paths: tuple[Path, ...]) -> bool:
    return any(p.exists() for p in paths)


class ConfigError(Exception):
    """A configuration file is missing, unreadable or invalid; the message says where and why."""


class ReferenceProblem(Exception):
    """Entries that are each valid but do not fit together; loc points at the culprit."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message


def load_model(
    paths: Path | tuple[Path, ...],
    model: type[M],
    extra: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
) -> M:
    """Parse and validate one YAML file, or layers of one (config_files: later files' top-level
    keys win); any problem raises ConfigError naming file, line, key.

    `extra` adds already-validated fields that come from elsewhere (not from this file);
    `context` reaches the model's validators (e.g. the community, to check references).

    A frozen model read without `context` is remembered by the files' texts (and `extra`'s
    very objects): the communities of a street share the street's large tables (commands.yaml,
    tickets.yaml), read once, not once per community. The paths only name a file in an error,
    and a model that gave one is not remembered."""
    layers = (paths,) if isinstance(paths, Path) else paths
    texts = tuple(_read(path) for path in layers)
    if context is not None or not model.model_config.get("frozen"):
        return _validate(layers, texts, model, extra, context)
    key = (model, texts, tuple((name, id(value)) for name, value in (extra or {}).items()))
    found = _models.get(key)
    if found is not None and all(found[1][n] is v for n, v in (extra or {}).items()):
        return cast(M, found[0])
    if len(_models) >= _MODELS_KEPT:
        _models.clear()
    validated = _validate(layers, texts, model, extra, context)
    _models[key] = (validated, dict(extra or {}))
    return validated


_MODELS_KEPT = 64
_models: dict[tuple[Any, ...], tuple[BaseModel, dict[str, Any]]] = {}


def _validate(
    layers: tuple[Path, ...],
    texts: tuple[str, ...],
    model: type[M],
    extra: dict[str, Any] | None,
    context: dict[str, Any] | None,
) -> M:
    data: dict[str, Any] = {}
    origin: dict[str, tuple[Path, dict[tuple[str | int, ...], int]]] = {}
    for path, text in zip(layers, texts, strict=True):
        layer, lines = _parse(path, text)
        if not isinstance(layer, dict):
            raise ConfigError(f"{path}: line 1: expected a mapping at the top level")
        data.update(layer)
        origin.update({str(key): (path, lines) for key in layer})
    try:
        return model.model_validate({**data, **(extra or {})}, context=context)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc, msg = tuple(err["loc"]), err["msg"].removeprefix("Value error, ")
        cause: Exception = exc
    except ReferenceProblem as exc:
        loc, msg, cause = exc.loc, exc.message, exc
    path, lines = origin.get(str(loc[0]), (layers[-1], {})) if loc else (layers[-1], {})
    line = line_of(lines, loc)
    where = f"line {line}: " if line else ""
    raise ConfigError(f"{path}: {where}{format_loc(loc)}: {msg}") from cause


def load_yaml(path: Path) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    """Return the parsed document and a map from key path to 1-based line number."""
    return _parse(path, _read(path))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 ({exc.reason})") from exc


def _parse(path: Path, text: str) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    try:
        node, data = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: {where}: YAML syntax error: {problem}") from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return data, lines


def _collect_lines(
    node: yaml.Node, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _collect_lines(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), lines)


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the deepest known prefix of loc."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def format_loc(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
