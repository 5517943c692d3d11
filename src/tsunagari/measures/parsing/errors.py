"""Errors in a source document, always naming where: file, line and column."""

from __future__ import annotations


class SourceError(ValueError):
    """A source document cannot be read as expected; nothing is imported."""

    def __init__(self, source: str, line: int, column: int, message: str) -> None:
        self.source, self.line, self.column, self.message = source, line, column, message
        super().__init__(f"{source}:{line}:{column}: {message}")
