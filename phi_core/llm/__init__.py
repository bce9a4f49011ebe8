"""Talking to models: reading their replies (parsing); backends live in phi_core.backends."""

from phi_core.llm.parsing import VIOLATION_CODES, ParsedReply, parse_reply

__all__ = ["VIOLATION_CODES", "ParsedReply", "parse_reply"]
