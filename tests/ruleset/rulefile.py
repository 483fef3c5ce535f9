"""A one-rule file to grow broken rule files from: the tests append the rule's kind keys to it."""
from __future__ import annotations

HEAD = """\
ruleset: t
rules:
  Z001:
    name: thu
    grade: A
    source: test
    description: d
    message: m
"""
