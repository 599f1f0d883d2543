"""Curated records as written: values with their lines, and the checks of one field.

A scholar's YAML or CSV file is first turned into :class:`Value` trees -- text,
lists and mappings, each with the line it was written on -- so that every schema
error can be reported as ``file:line``.  :class:`FieldChecker` holds the checks
that do not depend on which field it is (unknown or repeated keys, text where a
list belongs, a word that is not in a vocabulary); the record schema itself is
in :mod:`kg.sources.curated`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

import yaml

from kg.concepts import Concept, DocumentType, EventType
from kg.report import Problem, Severity

__all__ = ["FieldChecker", "Text", "Value", "mark_skipped", "yaml_value"]

_E = TypeVar("_E", EventType, DocumentType)


@dataclass(frozen=True)
class Value:
    """A value as written -- text, a list or a mapping of values -- and its line.

    In a mapping, each entry's line is the line of its key (where an error about the
    field is best shown); ``duplicates`` lists keys given twice, with their lines.
    """

    data: str | list[Value] | dict[str, Value] | None
    line: int
    duplicates: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Text:
    """A text field as written (stripped) and the line of its key."""

    value: str
    line: int


def _node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def yaml_value(node: yaml.Node, line: int) -> Value:
    """A composed YAML node as a :class:`Value`; scalars stay the strings written."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null":
            return Value(None, line)
        return Value(str(node.value), line)
    if isinstance(node, yaml.SequenceNode):
        return Value([yaml_value(item, _node_line(item)) for item in node.value], line)
    mapping: dict[str, Value] = {}
    duplicates: list[tuple[str, int]] = []
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "<complex key>"
        if key in mapping:
            duplicates.append((key, _node_line(key_node)))
            continue
        mapping[key] = yaml_value(value_node, _node_line(key_node))
    return Value(mapping, line, tuple(duplicates))


class FieldChecker:
    """Reads fields of one file, collecting a problem for each value of the wrong shape.

    ``errors`` counts the errors so far: a caller compares it before and after a
    record to tell whether the record is kept.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.errors = 0

    def problem(
        self, code: str, message: str, line: int | None, severity: Severity = "error"
    ) -> None:
        self.problems.append(Problem(code, self.path, message, line, severity))
        self.errors += severity == "error"

    def fields(self, raw: Value, known: tuple[str, ...], what: str) -> dict[str, Value]:
        assert isinstance(raw.data, dict)
        for key, line in raw.duplicates:
            self.problem("duplicate-field", f"{key!r} is given twice in the {what}", line)
        present = {}
        for key, value in raw.data.items():
            if key not in known:
                allowed = ", ".join(known)
                self.problem(
                    "unknown-field", f"unknown {what} field {key!r} (known: {allowed})", value.line
                )
            elif value.data is not None and value.data != "":
                present[key] = value
        return present

    def unknown(self, what: str, text: Text, allowed: Iterable[Concept]) -> None:
        known = ", ".join(member.value for member in allowed)
        code = "unknown-" + what.replace(" ", "-")
        self.problem(code, f"unknown {what} {text.value!r} (known: {known})", text.line)

    def wrong(self, name: str, expected: str, value: Value) -> None:
        kind = {"list": "a list", "dict": "a mapping"}.get(type(value.data).__name__, "text")
        self.problem("wrong-type", f"{name!r} must be {expected}, not {kind}", value.line)

    def text(self, fields: dict[str, Value], name: str, *, collapse: bool = True) -> Text | None:
        value = fields.get(name)
        if value is None:
            return None
        if not isinstance(value.data, str):
            self.wrong(name, "text", value)
            return None
        text = " ".join(value.data.split()) if collapse else value.data.strip()
        return Text(text, value.line) if text else None

    def texts(self, fields: dict[str, Value], name: str) -> tuple[Text, ...] | None:
        value = fields.get(name)
        if value is None:
            return None
        if not isinstance(value.data, list):
            self.wrong(name, "a list", value)
            return None
        items = [self.text({name: item}, name) for item in value.data]
        return tuple(item for item in items if item is not None)

    def choice(self, fields: dict[str, Value], name: str, enum: type[_E], what: str) -> _E | None:
        text = self.text(fields, name)
        if text is None:
            return None
        try:
            return enum(text.value.lower())
        except ValueError:
            self.unknown(what, text, enum)
            return None


def mark_skipped(problems: list[Problem], since: int) -> None:
    """Say in each error from ``since`` on that it cost its record."""
    for i in range(since, len(problems)):
        if problems[i].severity == "error":
            problems[i] = replace(problems[i], message=problems[i].message + "; record skipped")
