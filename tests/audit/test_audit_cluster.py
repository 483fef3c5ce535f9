"""`--scheduler`: the same audit on a real Dask distributed cluster (LocalCluster on 127.0.0.1)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from audit_corpus import build_archive, read_jsonl
from click.testing import CliRunner

from thethuc.cli import main

distributed = pytest.importorskip("distributed", reason="the thethuc[distributed] extra")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _audit(*args: str) -> int:
    res = CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--quiet", *args], catch_exceptions=False)
    return res.exit_code


def test_cluster_run_matches_local_run_and_feeds_the_journal(scheduler: str, tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    local, remote, journal = tmp_path / "local.jsonl", tmp_path / "dask.jsonl", tmp_path / "j.jsonl"
    local_code = _audit("--jobs", "1", "--jsonl", str(local), str(archive.root))

    code = _audit("--scheduler", scheduler, "--journal", str(journal), "--jsonl", str(remote),
                  str(archive.root))

    assert code == local_code == 3
    def key(f: dict[str, object]) -> str:
        return str(f["path"])

    assert sorted(read_jsonl(remote), key=key) == sorted(read_jsonl(local), key=key)
    assert len(read_jsonl(journal)) == archive.checkable
