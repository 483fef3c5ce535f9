"""The state số và ký hiệu parser, kept under its first name: the kind is now ``reference`` with
``style: state`` (one kind for the Party and the state shapes, see checks/reference.py)."""
from __future__ import annotations

from thethuc.checks.reference import StateReference, parse_state_reference

__all__ = ["StateReference", "parse_state_reference"]
