"""The whole pipeline and every read command on an s3:// data directory (moto's server on 127.0.0.1)."""
from __future__ import annotations

import json
from datetime import datetime

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.pipeline import run_nightly
from storage.ledger import Ledger
from storage.raw import RawArchive
from storage.store import data_path
from storage.versions import VersionStore
from tests.conftest import mirror_settings
from tests.flows.fr_fixtures import cartel_de_los_soles, cartel_on_public_inspection
from tests.mirror.fr_api import FRMirror
from tests.s3_server import new_bucket


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00+00:00")


@pytest.fixture(scope="module")
def two_versions(s3_endpoint):
    """Two runs on S3: the Cartel announced on public inspection (v000001), then in force (v000002); read-only
    for every test here but the last (reparse), which adds v000003."""
    s3_data_dir = f"s3://{new_bucket(s3_endpoint)}/data"
    with FRMirror() as fr:
        settings = mirror_settings(s3_data_dir, fr=fr)
        fr.public_inspection = [cartel_on_public_inspection()]
        first = run_nightly(settings, now=at("2025-11-21"))
        fr.public_inspection = []
        fr.add(cartel_de_los_soles())
        second = run_nightly(settings, now=at("2025-11-24"))
        again = run_nightly(settings, now=at("2025-11-24"))
    return s3_data_dir, (first, second, again)


def test_a_full_run_publishes_on_s3_and_a_run_with_nothing_new_publishes_nothing(two_versions):
    data_dir, (first, second, again) = two_versions
    assert (first.published.name, second.published.name, again.published) == ("v000001", "v000002", None)
    store = VersionStore(data_dir)
    assert store.names() == ["v000001", "v000002"] and store.latest_name() == "v000002"
    assert (data_path(data_dir) / "versions" / "LATEST").read_text() == "v000002\n"
    [active] = store.read_table("v000002", "designations").to_pylist()
    assert (active["name"], active["status"], active["citations"]) == ("Cartel de los Soles", "active", ["90 FR 53045"])
    manifest = store.read_manifest("v000002")
    assert (manifest["parent"], manifest["row_counts"]["designations"]) == ("v000001", 1)
    keys = sorted(str(k.relative_to(data_path(data_dir))) for k in (data_path(data_dir) / "versions").keys())
    assert keys == ["versions/LATEST"] + [f"versions/{v}/{f}" for v in ("v000001", "v000002") for f in
                                          ("changes.parquet", "designations.parquet", "events.parquet", "manifest.json")]
    ledger = Ledger(data_dir)
    assert {e["document_id"] for e in ledger.read_events()} == {"2025-20750"}
    archive = RawArchive(data_dir)
    log = list(archive.read_log())
    assert log and all(archive.object_path(r["sha256"]).exists() for r in log if r.get("sha256"))
    assert not again.warnings


def test_every_read_command_reads_s3(two_versions, monkeypatch, capsys, tmp_path):
    data_dir, _ = two_versions
    monkeypatch.setenv("DESIGNATIONS_DATA_DIR", data_dir)
    outputs = {}
    commands = {"show": ["show", "--format", "jsonl"], "history": ["history", "Cartel de los Soles"],
                "snapshots": ["snapshots", "--format", "jsonl"], "diff": ["diff", "1", "2", "--format", "jsonl"],
                "search": ["search", "soles", "--format", "jsonl"], "review": ["review", "--format", "jsonl"],
                "changes": ["changes", "--format", "jsonl"],
                "export": ["export", "--format", "csv", "--out", str(tmp_path / "list.csv")]}
    for name, argv in commands.items():
        assert main(argv) == 0, name
        outputs[name] = capsys.readouterr().out
    assert [json.loads(line)["status"] for line in outputs["show"].splitlines()] == ["active"]
    assert "90 FR 53045" in outputs["history"] and "2 events" in outputs["history"]
    assert [json.loads(line)["path"] for line in outputs["snapshots"].splitlines()] == [
        f"{data_dir}/versions/v000002", f"{data_dir}/versions/v000001"]
    [change] = [json.loads(line) for line in outputs["diff"].splitlines()]
    assert (change["change"], change["after"]["status"]) == ("changed", "active")
    assert [json.loads(line)["name"] for line in outputs["search"].splitlines()] == ["Cartel de los Soles"]
    assert outputs["review"] == ""
    assert {json.loads(line)["version"] for line in outputs["changes"].splitlines()} == {"v000001", "v000002"}
    assert pd.read_csv(tmp_path / "list.csv")["name"].tolist() == ["Cartel de los Soles"]


def test_pandas_pyarrow_and_duckdb_read_a_version_on_s3(two_versions, monkeypatch, tmp_path):
    data_dir, _ = two_versions
    store = VersionStore(data_dir)
    assert store.read_table("v000002", "designations")["name"].to_pylist() == ["Cartel de los Soles"]
    monkeypatch.setenv("DESIGNATIONS_DATA_DIR", data_dir)
    assert main(["export", "--format", "parquet", "--out", str(tmp_path / "list.parquet")]) == 0
    assert pq.read_table(tmp_path / "list.parquet")["status"].to_pylist() == ["active"]
    assert pd.read_parquet(tmp_path / "list.parquet")["citations"].map(list).tolist() == [["90 FR 53045"]]
    rows = duckdb.sql(f"select name, status from read_parquet('{tmp_path / 'list.parquet'}')").fetchall()
    assert rows == [("Cartel de los Soles", "active")]
    # pandas reads the object itself from its bytes
    body = (data_path(data_dir) / "versions" / "v000002" / "events.parquet").read_bytes()
    import io

    assert sorted(pd.read_parquet(io.BytesIO(body))["action"]) == ["designation", "designation"]


def test_two_runs_on_one_parent_one_wins_and_the_loser_retries_on_its_version(s3_data_dir, monkeypatch):
    """Two workers that both believe they hold the data directory (a lease lost to a long pause): the
    conditional writes let one win; the other re-derives on what the winner wrote and loses nothing."""
    import contextlib
    import threading

    from flows import pipeline
    from tests.flows.fr_fixtures import fixture_document

    together = threading.Barrier(2, timeout=30)
    entered = []

    @contextlib.contextmanager
    def no_lock(data_dir, timeout=600.0, lease_seconds=60.0):
        entered.append(data_dir)
        if len(entered) <= 2:
            together.wait()  # both read the same ledger and the same parent
        yield

    monkeypatch.setattr(pipeline, "data_lock", no_lock)
    reports = []
    with FRMirror([cartel_de_los_soles()]) as fr_a, FRMirror([fixture_document("fto_designation_multi_entity")]) as fr_b:
        runs = [threading.Thread(target=lambda fr=fr: reports.append(run_nightly(
            mirror_settings(s3_data_dir, fr=fr), since=at("2025-01-01").date(), now=at("2025-11-25"))))
            for fr in (fr_a, fr_b)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(60)
    store = VersionStore(s3_data_dir)
    assert [(n, store.read_manifest(n)["parent"]) for n in store.names()] == [("v000001", None),
                                                                             ("v000002", "v000001")]
    assert sorted(r.published.name for r in reports) == ["v000001", "v000002"]
    winner, loser = sorted(reports, key=lambda r: r.published.name)
    assert [w for w in winner.warnings if "planned again" in w] == []
    assert [w for w in loser.warnings if "planned again" in w][0] == (
        f"{s3_data_dir}/ledger/events.parquet was written by another writer since this one read it: "
        "planned again on what it wrote")
    documents = {e["document_id"] for e in store.read_table("v000002", "events").to_pylist()}
    assert documents == {e["document_id"] for e in Ledger(s3_data_dir).read_events()}
    assert "2025-20750" in documents and len(documents) == 2


def test_reparse_reads_the_raw_archive_and_the_curations_on_s3(two_versions, monkeypatch, capsys):
    data_dir, _ = two_versions
    curation = ("document: 2025-20750\ncurated_by: A. Analyst\nreason: also named under E.O. 13224\n"
                "events:\n  - program: SDGT\n    action: designation\n    name: Cartel de los Soles\n")
    (data_path(data_dir) / "curations" / "2025-20750.yaml").write_bytes(curation.encode())
    monkeypatch.setenv("DESIGNATIONS_DATA_DIR", data_dir)
    assert main(["reparse"]) == 0, capsys.readouterr().err
    store = VersionStore(data_dir)
    assert store.latest_name() == "v000003"
    rows = store.read_table("v000003", "designations").to_pylist()
    assert sorted((r["program"], r["name"]) for r in rows) == [("FTO", "Cartel de los Soles"),
                                                              ("SDGT", "Cartel de los Soles")]
    assert [d["curation"] for d in Ledger(data_dir).read_documents()] == ["A. Analyst: also named under E.O. 13224"]


def test_a_run_with_nothing_new_takes_no_lease_and_writes_only_its_fetch_log(s3_endpoint, monkeypatch):
    import obstore

    data_dir = f"s3://{new_bucket(s3_endpoint)}/data"
    with FRMirror([cartel_de_los_soles()]) as fr:
        settings = mirror_settings(data_dir, fr=fr)
        assert run_nightly(settings, since=at("2025-11-01").date(), now=at("2025-11-25")).published.name == "v000001"
        assert run_nightly(settings, now=at("2025-11-25")).published is None  # its own search: fetched whole
        sent = []
        for verb in ("get", "head", "put", "delete", "list"):
            def counted(store, *args, _verb=verb, _send=getattr(obstore, verb), **options):
                key = args[0] if args else options.get("prefix")
                sent.append((_verb, key if isinstance(key, str) else "(many)"))
                return _send(store, *args, **options)
            monkeypatch.setattr(obstore, verb, counted)
        report = run_nightly(settings, now=at("2025-11-25"))
        during = list(sent)
    assert report.published is None and report.requests == {"fr_api": 2}
    puts = sorted(key for verb, key in during if verb == "put")
    assert len(puts) == 2 and puts[0].startswith("raw/fetch_log/")  # both fetches' lines in one rewrite
    assert puts[1] == "raw/fetch_validators.jsonl"  # the seal, rewritten at the run's end
    assert [r["status"] for r in RawArchive(data_dir).read_log()][-2:] == [304, 304]  # this run's two fetches
    assert [verb for verb, _ in during].count("delete") == 0 and not any(".lock" in key for _, key in during)
    assert [(verb, key) for verb, key in during if key.startswith("raw/fetch") and verb != "put"] == [
        ("get", "raw/fetch_validators.jsonl")]  # the validators from the seal: no segment listed or read
    reads = sorted(key for verb, key in during if verb == "get" and not key.startswith("raw/"))
    # each once: counts.json is checked only before a write, the version's hash comes with LATEST (S3 metadata)
    assert reads == ["ledger/documents.parquet", "ledger/events.parquet", "versions/LATEST"]
    assert [verb for verb, _ in during].count("head") == 0  # the 304s' bodies are read, never asked after first
    assert [key for _, key in during if key.startswith("raw/objects/")] == []  # the 304s' bodies: local copies
