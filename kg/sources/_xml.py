"""The one safe way kg parses XML from outside: no DTD, no entity, nothing fetched.

Archive files (FRUS volumes, the Office of the Historian's visits and travels)
never need a DTD, and a DTD can declare entities that expand exponentially
("billion laughs") or fetch files and URLs.  So every XML reader in kg refuses
any ``<!DOCTYPE`` or ``<!ENTITY`` in the text *before* parsing
(:func:`forbidden_declaration`), and parses with :func:`safe_parser`, whose
handlers refuse DTDs, entity declarations and external references as a second
line of defence.  No entity is ever expanded, so ``defusedxml`` is not needed.

Why expat (the parser under ElementTree) is driven directly instead of
``ElementTree.iterparse``: the C ``XMLParser`` does not expose expat's
handlers, so it can neither refuse a DTD at parser level nor tell the line of an
element.  :class:`LineTreeBuilder` builds ElementTree elements from expat events
itself and keeps each element's source line, so that a problem names file and
line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import NoReturn, Protocol
from xml.parsers import expat

__all__ = [
    "ElementSink",
    "LineTreeBuilder",
    "RefusedError",
    "element_line",
    "forbidden_declaration",
    "safe_parser",
]

_FORBIDDEN = re.compile(r"<!(?:DOCTYPE|ENTITY)\b", re.IGNORECASE)
_LINE = "{urn:x-kg}line"  # the source line of an element, kept in its attributes


def forbidden_declaration(text: str) -> tuple[str, int] | None:
    """The first DTD or entity declaration in ``text`` and its line, or ``None``.

    >>> forbidden_declaration("<TEI/>") is None
    True
    >>> forbidden_declaration('<?xml version="1.0"?>\\n<!doctype x [<!ENTITY a "b">]><x/>')
    ('<!doctype', 2)
    """
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    return match.group(0), text.count("\n", 0, match.start()) + 1


class RefusedError(Exception):
    """Raised from expat handlers when the markup declares a DTD or entities."""


def _refuse(*_args: object) -> NoReturn:
    raise RefusedError("DTDs, entities and external references are refused")


def safe_parser(
    *, encoding: str | None = None, namespace_separator: str | None = None
) -> expat.XMLParserType:
    """An expat parser that raises :class:`RefusedError` at any DTD, entity
    declaration or external reference, and reports text in whole runs."""
    parser = expat.ParserCreate(encoding=encoding, namespace_separator=namespace_separator)
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    return parser


def element_line(element: ET.Element) -> int:
    """The source line :class:`LineTreeBuilder` recorded for an element."""
    return int(element.get(_LINE, "0"))


def _qname(name: str) -> str:
    """expat's "uri}local" -> ElementTree's "{uri}local"."""
    return "{" + name if "}" in name else name


class ElementSink(Protocol):
    """What receives the elements a :class:`LineTreeBuilder` builds."""

    namespaces: dict[str, str]

    def start(self, element: ET.Element, depth: int) -> None: ...

    def end(self, element: ET.Element) -> bool:
        """Whether to drop the finished element from its parent (keeps memory flat)."""
        ...


class LineTreeBuilder:
    """Builds ElementTree elements (with their line) from expat events for a sink.

    When the sink's ``end`` returns True the element is dropped from its
    parent (finished document divs), which keeps memory flat on large files.
    ``line_offset`` is added to every line, for text cut out of a larger file.
    """

    def __init__(self, sink: ElementSink, line_offset: int = 0) -> None:
        parser = safe_parser(namespace_separator="}")
        parser.StartNamespaceDeclHandler = self._namespace
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        self.parser, self.sink, self.offset = parser, sink, line_offset
        self.stack: list[ET.Element] = []

    @property
    def line(self) -> int:
        """The line the parser is at, in the whole file."""
        return int(self.parser.CurrentLineNumber) + self.offset

    def parse(self, text: str) -> expat.ExpatError | None:
        """Parse ``text``; a break in the XML is returned (its line in the whole file).

        Raises :class:`RefusedError` at a DTD or entity declaration.
        """
        try:
            self.parser.Parse(text, True)
        except expat.ExpatError as error:
            error.lineno += self.offset
            return error
        return None

    def _namespace(self, prefix: str | None, uri: str) -> None:
        self.sink.namespaces.setdefault(prefix or "", uri)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        attrib = {_qname(k): v for k, v in attrs.items()}
        attrib[_LINE] = str(self.line)
        element = ET.Element(_qname(name), attrib)
        if self.stack:
            self.stack[-1].append(element)
        self.stack.append(element)
        self.sink.start(element, len(self.stack))

    def _end(self, _name: str) -> None:
        element = self.stack.pop()
        if self.sink.end(element) and self.stack:
            del self.stack[-1][-1]

    def _data(self, data: str) -> None:
        if not self.stack:
            return
        top = self.stack[-1]
        if len(top):
            top[-1].tail = (top[-1].tail or "") + data
        else:
            top.text = (top.text or "") + data
