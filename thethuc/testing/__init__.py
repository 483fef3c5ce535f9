"""Builders of .docx files shaped the way Word and LibreOffice write them.

A public API for tests of rule sets (docs/testing.md): ``party`` (the document factory),
``party_samples`` (conforming documents) and ``docx`` (raw parts). Used by the project's tests,
samples/build.py and the benchmarks; never imported by the checker itself.
"""
