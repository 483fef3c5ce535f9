"""Builders of .docx files shaped the way Word and LibreOffice write them.

Used by the tests and by samples/build.py; not imported by the checker itself.
"""
