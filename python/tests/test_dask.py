"""framelens.dask on a LocalCluster with two worker processes: the merged result equals one
run's bytes, also when a worker is killed mid-run; a re-run resumes; a corrupt partition fails
alone and is named."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import polars as pl
import pytest
from distributed import Client, LocalCluster

import framelens
import framelens.dask
from conftest import generated_rows, write_jsonl

OUTLET_TABLES = ["word_choice", "outlet_features", "voices", "attribution", "partials", "hedges", "tone",
                 "loaded", "naming", "media_credits", "copies", "outlet_intervals", "differences", "clusters"]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """80 articles made from the example ones (40 partitions of 2), and one run over them."""
    folder = tmp_path_factory.mktemp("corpus")
    path = write_jsonl(folder / "corpus.jsonl", generated_rows(80))
    single = folder / "single"
    framelens.report(path, single)
    return path, single


def assert_same_outlet_tables(single: Path, merged: Path):
    for name in OUTLET_TABLES:
        for extension in ("csv", "parquet"):
            file = f"{name}.{extension}"
            assert (merged / file).read_bytes() == (single / file).read_bytes(), file
    assert (merged / "report.md").read_bytes() == (single / "report.md").read_bytes()
    for file in ("evidence.csv", "quotes.csv", "article_features.csv"):
        assert (merged / file).read_bytes() == (single / file).read_bytes(), file


def test_forty_partitions_merge_to_one_runs_bytes_and_a_rerun_resumes(client, corpus, tmp_path):
    path, single = corpus
    parts = framelens.dask.partitions(path, partition_size=2)
    assert len(parts) == 40
    merged = tmp_path / "out"
    tables = framelens.dask.extract(path, merged, client, partition_size=2, progress=False)
    assert "articles" not in tables and tables["outlet_features"]["articles"].sum() == 80
    assert_same_outlet_tables(single, merged)
    manifests = sorted((merged / "shards").glob("part-*/run_manifest.json"))
    assert len(manifests) == 40
    written = [m.stat().st_mtime_ns for m in manifests]
    framelens.dask.extract(path, merged, client, partition_size=2, progress=False)
    assert [m.stat().st_mtime_ns for m in manifests] == written, "complete shards are not extracted again"
    assert_same_outlet_tables(single, merged)


def test_a_worker_killed_mid_run_changes_nothing(client, corpus, tmp_path):
    path, single = corpus
    merged = tmp_path / "out"
    killed = []

    def kill_one_worker():
        shards = merged / "shards"
        while len(list(shards.glob("part-*/run_manifest.json"))) < 4:
            time.sleep(0.05)
        address = sorted(client.scheduler_info()["workers"])[0]
        try:
            client.run(os._exit, 1, workers=[address])
        except Exception:  # the worker dies before it answers
            pass
        killed.append(address)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    framelens.dask.extract(path, merged, client, partition_size=2, progress=False)
    killer.join()
    assert killed, "a worker was killed"
    assert_same_outlet_tables(single, merged)
    client.wait_for_workers(2, timeout=60)


def test_a_corrupt_partition_fails_alone_and_is_named(client, tmp_path):
    folder = tmp_path / "dataset"
    folder.mkdir()
    rows = generated_rows(9)
    for k in range(3):
        write_jsonl(folder / f"part-{k}.jsonl", rows[k * 3:(k + 1) * 3])
    (folder / "part-1.jsonl").write_text("{not json\n" * 3, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(framelens.FramelensError) as failure:
        framelens.dask.extract(folder, out, client, retries=1, progress=False)
    message = str(failure.value)
    assert "part-1.jsonl" in message and "1 of 3 partitions failed" in message, message
    assert "part-00001" in message, message  # the merge names the missing shard
    complete = [json.loads(m.read_text())["complete"] for m in sorted((out / "shards").glob("*/run_manifest.json"))]
    assert complete == [True, True]
    assert not (out / "run_manifest.json").exists(), "nothing merged"


def read_in_place_equals_single(client, path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Extract ``path`` once and in partitions of 4 articles; the partitions are read in place
    and merge to the single run's outlet tables. Returns both folders."""
    single = tmp_path / "single"
    framelens.extract(path, out=single)
    merged = tmp_path / "out"
    framelens.dask.extract(path, merged, client, partition_size=4, progress=False)
    assert not (merged / "partitions").exists(), "nothing is copied"
    for name in ("word_choice", "outlet_features", "voices"):
        assert (merged / f"{name}.csv").read_bytes() == (single / f"{name}.csv").read_bytes(), name
    return single, merged


def test_partitions_of_one_file_are_read_in_place_with_the_files_line_ids(client, tmp_path):
    rows = [{k: v for k, v in row.items() if k != "id"} for row in generated_rows(9)]
    lines = [json.dumps(r) for r in rows]
    lines[4:4] = ["", "   "]  # blank lines count as lines, not as articles
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = framelens.dask.partitions(path, partition_size=4)
    assert [(p.line, p.stop is not None) for p in parts] == [(1, True), (5, True), (11, True)]
    single, merged = read_in_place_equals_single(client, path, tmp_path)
    ids = pl.concat([framelens.tables(merged / "shards" / p.name)["articles"] for p in parts])["article"].to_list()
    assert ids == framelens.tables(single)["articles"]["article"].to_list()
    assert ids[4] == f"{path}:7", ids


def test_parquet_partitions_are_read_in_place(client, tmp_path):
    rows = generated_rows(10)
    path = tmp_path / "corpus.parquet"
    pl.DataFrame(rows).write_parquet(path, row_group_size=3)
    single, merged = read_in_place_equals_single(client, path, tmp_path)
    manifest = json.loads((merged / "shards" / "part-00001" / "run_manifest.json").read_text())
    assert manifest["input_files"][0]["rows"] == [4, 8]
