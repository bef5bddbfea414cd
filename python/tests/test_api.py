"""The Python API returns the command line's tables, takes data frames as Arrow, raises the
command line's errors, and releases the GIL while it works."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from polars.testing import assert_frame_equal

import framelens
from conftest import EXAMPLE, cli, example_rows, write_jsonl


def cli_tables(folder: Path) -> dict[str, pl.DataFrame]:
    return {p.stem: pl.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}


def test_extract_returns_the_command_lines_tables(binary, tmp_path):
    cli(binary, "extract", str(EXAMPLE), "--out", str(tmp_path / "cli"), "--quiet")
    expected = cli_tables(tmp_path / "cli")
    found = framelens.extract(EXAMPLE)
    assert sorted(found) == sorted(expected)
    assert {"word_choice", "evidence", "quotes", "outlet_features", "partials"} <= set(found)
    for name, frame in expected.items():
        assert_frame_equal(found[name], frame, check_exact=True), name
    assert found["articles"].height == 5


def test_a_data_frame_and_an_arrow_table_give_the_tables_of_the_same_rows_as_a_file(binary, tmp_path):
    rows = example_rows()
    source = write_jsonl(tmp_path / "example.jsonl", rows)
    cli(binary, "extract", str(source), "--out", str(tmp_path / "cli"), "--quiet")
    expected = cli_tables(tmp_path / "cli")
    frame = pl.DataFrame(rows)
    for data in (frame, pa.table(frame.to_dict(as_series=False))):
        found = framelens.extract(data, threads=1)
        for name, table in expected.items():
            if "source" in table.columns:
                table = table.drop("source")
                assert found[name]["source"].str.starts_with("data:").all(), found[name]["source"]
                found[name] = found[name].drop("source")
            if name == "article_partials":
                continue  # the states carry the source too
            assert_frame_equal(found[name], table, check_exact=True), name


def test_options_are_the_command_lines_flags_and_lists_repeat_them():
    every = framelens.extract(EXAMPLE)["removed_lines"]
    kept = framelens.extract(EXAMPLE, keep_lines=["site_navigation", "tag_line"])["removed_lines"]
    assert {"site_navigation", "tag_line"} <= set(every["rule"])
    assert not {"site_navigation", "tag_line"} & set(kept["rule"])
    assert 0 < kept.height < every.height


def test_rows_without_ids_get_stable_ones():
    frame = pl.DataFrame({"text": [r["text"] for r in example_rows()[:2]], "outlet": ["HuffPost", "Sputnik"]})
    first = framelens.extract(frame)["articles"]["article"].to_list()
    assert first == ["row 1", "row 2"] == framelens.extract(frame)["articles"]["article"].to_list()


def test_errors_carry_the_command_lines_message(tmp_path):
    with pytest.raises(framelens.FramelensError, match="no-such-corpus"):
        framelens.extract(tmp_path / "no-such-corpus")
    with pytest.raises(framelens.FramelensError, match="--not-an-option"):
        framelens.extract(EXAMPLE, not_an_option=True)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A sentence about Iraq.", "outlet": "X", "id": "1"}\n{not json\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped"):
        found = framelens.extract(bad)
    assert found["articles"].height == 1
    with pytest.raises(TypeError):
        framelens.extract(42)


def test_report_merge_and_compare_mirror_their_commands(binary, tmp_path):
    rows = example_rows()
    whole = write_jsonl(tmp_path / "all.jsonl", rows)
    cli(binary, "report", str(whole), "--out", str(tmp_path / "cli"), "--quiet")
    reported = framelens.report(whole, tmp_path / "py")
    for name in ("word_choice", "outlet_features", "voices", "outlet_intervals"):
        assert (tmp_path / "py" / f"{name}.csv").read_bytes() == (tmp_path / "cli" / f"{name}.csv").read_bytes(), name
    assert (tmp_path / "py" / "report.md").exists() and reported["voices"].height > 0
    parts = [write_jsonl(tmp_path / f"part-{k}.jsonl", rows[k * 3:(k + 1) * 3]) for k in range(2)]
    shards = [tmp_path / f"shard-{k}" for k in range(2)]
    for part, shard in zip(parts, shards):
        framelens.extract(part, out=shard)
    merged = framelens.merge(reversed(shards), tmp_path / "merged")
    assert_frame_equal(merged["word_choice"], reported["word_choice"])
    assert_frame_equal(merged["outlet_intervals"], reported["outlet_intervals"])
    assert "evidence" not in merged and framelens.tables(tmp_path / "merged")["evidence"].height > 0
    compared = framelens.compare(tmp_path / "merged", k=2)
    assert set(compared) >= {"clusters", "distances"}
    assert compared["clusters"].height == 5


def test_lexicon_check_and_suggest(tmp_path):
    checked = framelens.lexicon.check(Path(framelens.__file__).parents[2] / "lexicons/stories/iraq-2020.toml")
    assert checked.ok, checked.problems
    broken = tmp_path / "broken.toml"
    broken.write_text('[lexicon]\nid = "broken"\n\n[[concept]]\nid = "x"\nlabels = [\n', encoding="utf-8")
    checked = framelens.lexicon.check(broken)
    assert not checked.ok
    error = checked.problems.filter(pl.col("severity") == "error").row(0, named=True)
    assert error["file"].endswith("broken.toml") and error["line"] > 0, error
    suggested = framelens.lexicon.suggest(EXAMPLE, tmp_path / "suggest")
    assert suggested["suggestions"].height > 0 and "[[concept]]" in suggested["draft"]


def test_the_gil_is_released_while_rust_works():
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    framelens.extract(EXAMPLE, threads=1)
    finished = time.perf_counter()
    stop.set()
    ticker.join()
    during = [t for t in ticks if started < t < finished]
    # Holding the GIL for the whole run would leave the ticker silent until it returned.
    assert len(during) > 20, (len(during), finished - started)
