"""Parse YAML once into nodes and data, refusing a key written twice in one mapping.

YAML itself keeps the last of two equal keys without a word, so a list added under a key that
already exists silently replaces the first one. Every config and lexicon file is read here."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's loader when PyYAML has it (every wheel does): the config and lexicon are read at
# every start and the pure-Python parser took most of a start's time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.MarkedYAMLError):
    """One mapping holds the same key twice; the marks point at both."""


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (its marks give line numbers) and the data built from it."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_duplicate_keys(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _refuse_duplicate_keys(node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = str(key_node.value)
                if key in first_seen:
                    first = first_seen[key].start_mark
                    raise DuplicateKeyError(
                        None,
                        None,
                        f"duplicate key {key!r} (first written at line {first.line + 1});"
                        " YAML would silently keep only the last one",
                        key_node.start_mark,
                    )
                first_seen[key] = key_node
            _refuse_duplicate_keys(value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item)
