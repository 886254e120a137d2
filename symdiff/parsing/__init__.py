"""Text to :class:`~symdiff.core.definition.Definition`: the grammar's tables, lexer and builder."""
