"""Fixtures of the whole suite."""
from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    # The rule-set cache (thethuc/cache.py) of a test run is a folder of its own, shared by the
    # in-process runs and the subprocesses (which inherit the variable): the suite neither reads
    # nor fills the developer's ~/.cache/thethuc, and runs through the cache as users do.
    folder = tempfile.mkdtemp(prefix="thethuc-test-cache-")
    _CACHE.append(folder)
    os.environ["THETHUC_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CACHE:
        shutil.rmtree(folder, ignore_errors=True)
