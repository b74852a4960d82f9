"""A strict reader for the plain YAML that casevault's own YAML files use (the CI workflow and the
Flatpak manifest), so their structure tests need no YAML library (PyYAML is not in the locks).

Understood: block mappings and sequences by indentation (spaces only), `- key: value` items,
plain, 'single' and "double" quoted scalars, integers, true/false/null, `{}` and `[]` for empty
collections, and comments. Anything else (anchors, tags, flow collections with items, block
scalars `|` and `>`, multi-document streams) raises YamlSubsetError rather than being misread:
keep those files within this subset. Keys stay strings (`on` is not a boolean, as GitHub reads it).
"""

from __future__ import annotations

import json
import re
from typing import Any

Node = dict[str, Any] | list[Any] | str | int | bool | None


class YamlSubsetError(ValueError):
    pass


_KEY = re.compile(r"^([A-Za-z0-9_.$/-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\s+(.*))?$")


def _strip_comment(text: str) -> str:
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index].rstrip()
    return text.rstrip()


def _scalar(text: str, line: int) -> Node:
    if text.startswith('"'):
        if not text.endswith('"') or len(text) < 2:
            raise YamlSubsetError(f"line {line}: unterminated string {text!r}")
        return str(json.loads(text))
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise YamlSubsetError(f"line {line}: unterminated string {text!r}")
        return text[1:-1].replace("''", "'")
    if text == "{}":
        return {}
    if text == "[]":
        return []
    if text[:1] in "&*!|>[{%@`" or ": " in text or text.endswith(":"):
        # The last two are no plain scalar in YAML either ("mapping values are not allowed here").
        raise YamlSubsetError(f"line {line}: outside the YAML subset: {text!r}")
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~"):
        return None
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    return text


def _key(text: str) -> str:
    return text[1:-1] if text[:1] in "'\"" else text


def loads(source: str) -> Node:
    lines: list[tuple[int, int, str]] = []  # (line number, indent, content)
    for number, raw in enumerate(source.splitlines(), 1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlSubsetError(f"line {number}: tab in indentation")
        content = _strip_comment(raw)
        if not content.strip():
            continue
        if content.strip() in ("---", "..."):
            raise YamlSubsetError(f"line {number}: one document only")
        lines.append((number, len(content) - len(content.lstrip()), content.strip()))
    if not lines:
        return None
    node, end = _block(lines, 0, lines[0][1])
    if end != len(lines):
        raise YamlSubsetError(f"line {lines[end][0]}: unexpected indentation")
    return node


def _block(lines: list[tuple[int, int, str]], start: int, indent: int) -> tuple[Node, int]:
    if lines[start][2].startswith("- ") or lines[start][2] == "-":
        return _sequence(lines, start, indent)
    return _mapping(lines, start, indent)


def _value(lines: list[tuple[int, int, str]], index: int, indent: int, rest: str | None) -> tuple[Node, int]:
    """The value after `key:` or `- `: inline, or the block indented below line index - 1."""
    number = lines[index - 1][0]
    if rest:
        return _scalar(rest, number), index
    if index < len(lines) and lines[index][1] > indent:
        return _block(lines, index, lines[index][1])
    # A sequence may sit at its key's own indentation ("key:\n- a"), as GitHub allows.
    if index < len(lines) and lines[index][1] == indent and lines[index][2].startswith("- "):
        return _sequence(lines, index, indent)
    return None, index


def _mapping(lines: list[tuple[int, int, str]], start: int, indent: int) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    index = start
    while index < len(lines) and lines[index][1] == indent and not lines[index][2].startswith("- "):
        number, _, text = lines[index]
        match = _KEY.match(text)
        if not match:
            raise YamlSubsetError(f"line {number}: expected `key: value`, got {text!r}")
        key = _key(match.group(1).strip())
        if key in result:
            raise YamlSubsetError(f"line {number}: duplicate key {key!r}")
        result[key], index = _value(lines, index + 1, indent, match.group(2))
    if index < len(lines) and lines[index][1] > indent:
        raise YamlSubsetError(f"line {lines[index][0]}: unexpected indentation")
    return result, index


def _sequence(lines: list[tuple[int, int, str]], start: int, indent: int) -> tuple[list[Any], int]:
    result: list[Any] = []
    index = start
    while (
        index < len(lines)
        and lines[index][1] == indent
        and (lines[index][2].startswith("- ") or lines[index][2] == "-")
    ):
        number, _, text = lines[index]
        item = text[1:].strip()
        if item and _KEY.match(item):
            # "- key: value" opens a mapping whose further keys line up with "key": read it as if
            # "key: value" stood alone at that column.
            column = indent + len(text) - len(item)
            moved = [*lines[:index], (number, column, item), *lines[index + 1 :]]
            node, index = _mapping(moved, index, column)
            result.append(node)
        else:
            value, index = _value(lines, index + 1, indent, item or None)
            result.append(value)
    if index < len(lines) and lines[index][1] > indent:
        raise YamlSubsetError(f"line {lines[index][0]}: unexpected indentation")
    return result, index
