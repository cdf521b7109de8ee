"""Settings: one field table, every bad value a one-line reason naming the variable, the documented defaults."""
from __future__ import annotations

import dataclasses
import os
import pickle
import re
from pathlib import Path

import pytest

from flows import config
from flows.config import DEFAULT_USER_AGENT, ENV_NAMES, Settings
from flows.registry import known_sources

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DESIGNATIONS_SHARED_DIR") or REPO.parent / "shared")
KNOWN = ", ".join(known_sources())
BUCKET = "needs a bucket name after s3:// (3-63 lowercase letters, digits, dots, hyphens)"
ELSEWHERE = "only s3://bucket/prefix object-store URLs are supported: give that or a local path"


def configuration_rows(markdown: str, heading: str) -> list[tuple[list[str], list[str]]]:
    """The (variables, backticked defaults) of each row of the variable table under this heading."""
    section = markdown.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`DESIGNATIONS_"):
            continue
        names = re.findall(r"`([A-Z_]+)`", cells[0])
        # `DESIGNATIONS_MAX_BODY_MB_FR_API` / `_FR_FULLTEXT` / ...: the later ones are suffixes of the same prefix
        names = [names[0]] + ["DESIGNATIONS_MAX_BODY_MB" + name for name in names[1:]]
        rows.append((names, re.findall(r"`([^`]+)`", cells[1])))
    return rows


INTERFACE_ROWS = configuration_rows((SHARED / "INTERFACE.md").read_text(), "## Configuration")
README_ROWS = configuration_rows((REPO / "README.md").read_text(), "## Configuration")


def refusal(env: dict[str, str]) -> str:
    with pytest.raises(ValueError) as caught:
        Settings.from_env(env)
    return str(caught.value)


# ---------------------------------------------------------------- the table against the documents

def test_every_variable_of_the_interface_is_in_the_field_table():
    documented = {name for names, _ in INTERFACE_ROWS for name in names}
    assert {"DESIGNATIONS_DATA_DIR", "DESIGNATIONS_NOTIFY", "DESIGNATIONS_FR_FULLTEXT_RPS"} <= documented
    assert documented - set(ENV_NAMES.values()) == set()


def test_the_readme_table_names_exactly_the_field_table():
    assert sorted(name for names, _ in README_ROWS for name in names) == sorted(ENV_NAMES.values())


@pytest.mark.parametrize("document,rows", [("INTERFACE.md", INTERFACE_ROWS), ("README.md", README_ROWS)])
def test_the_stated_defaults_are_the_defaults(document, rows):
    defaults, checked = Settings(), set()
    for names, stated in rows:
        if len(names) > 1:  # the per-kind body ceilings, in MB
            assert [defaults.body_ceiling(name.removeprefix("DESIGNATIONS_MAX_BODY_MB_").lower()) for name in names] \
                == [int(value) * 2**20 for value in stated]
        elif names == ["DESIGNATIONS_CURATIONS"]:
            assert Path(stated[0].replace("$DESIGNATIONS_DATA_DIR", str(defaults.data_dir))) == defaults.curations_dir
        elif stated and "…" not in stated[0]:
            assert Settings.from_env({names[0]: stated[0]}) == defaults, names[0]
        else:
            continue
        checked.update(names)
    assert {"DESIGNATIONS_DATA_DIR", "DESIGNATIONS_CURATIONS", "DESIGNATIONS_FR_API",
            "DESIGNATIONS_FR_API_RPS"} <= checked
    if document == "README.md":
        assert {"DESIGNATIONS_MAX_BODY_MB_SITE", "DESIGNATIONS_HTTP_RETRIES", "DESIGNATIONS_SOURCES"} <= checked


def test_defaults_that_are_stated_in_words():
    defaults = Settings()
    assert (defaults.notify, defaults.max_body_mb, defaults.user_agent) == ("", None, DEFAULT_USER_AGENT)
    assert "+https://github.com/designations/designations" in defaults.user_agent  # "with a contact URL"
    assert defaults.enabled_sources == list(known_sources())


# ---------------------------------------------------------------- each kind of bad value: its one line

@pytest.mark.parametrize("variable,value,reason", [
    ("DESIGNATIONS_FR_API_RPS", "fast", "could not convert string to float: 'fast'"),
    ("DESIGNATIONS_FR_FULLTEXT_RPS", "nan", "must be a positive finite number"),
    ("DESIGNATIONS_SITE_RPS", "-1", "must be a positive finite number"),
    ("DESIGNATIONS_HTTP_TIMEOUT", "0", "must be a positive finite number"),
    ("DESIGNATIONS_HTTP_DEADLINE", "inf", "must be a positive finite number"),
    ("DESIGNATIONS_MAX_BODY_MB_SITE", "0", "must be a positive finite number"),
    ("DESIGNATIONS_HTTP_RETRIES", "-1", "must be a whole number, 0 or more"),
    ("DESIGNATIONS_HTTP_RETRIES", "2.5", "must be a whole number, 0 or more"),
    ("DESIGNATIONS_LOOKBACK_DAYS", "a week", "must be a whole number, 0 or more"),
    ("DESIGNATIONS_FIRST_RUN_DAYS", "0", "must be a whole number, 1 or more"),
    ("DESIGNATIONS_OFAC_LIST_FORMAT", "json", "must be one of csv, xml"),
    ("DESIGNATIONS_STATE_BASE", "ftp://mirror.example", "must be an http:// or https:// URL"),
    ("DESIGNATIONS_FR_API", "www.federalregister.gov/api/v1", "must be an http:// or https:// URL"),
    ("DESIGNATIONS_FR_API", "https://mirror .example", "must be an http:// or https:// URL"),
    ("DESIGNATIONS_TREASURY_BASE", "https://", "must name a host"),
    ("DESIGNATIONS_OFAC_BASE", "https://ofac.example/?page=1", "must not carry a query or fragment"),
    ("DESIGNATIONS_OFAC_BASE", "https://ofac.example/recent-actions#top", "must not carry a query or fragment"),
    ("DESIGNATIONS_HTTP_RETRIES", "\u0663", "must be a whole number, 0 or more"),
    ("DESIGNATIONS_OFAC_LIST_BASE", "http://127.0.0.1:99999", "Port out of range 0-65535"),
    ("DESIGNATIONS_USER_AGENT", "designations\r\nX-Injected: 1",
     "must not contain line breaks or other control characters"),
    ("DESIGNATIONS_USER_AGENT", "   ", "must not be empty"),
    ("DESIGNATIONS_DATA_DIR", "gs://bucket/designations", ELSEWHERE),
    ("DESIGNATIONS_DATA_DIR", "http://minio:9000/designations", ELSEWHERE),
    ("DESIGNATIONS_DATA_DIR", "s3://", BUCKET),
    ("DESIGNATIONS_DATA_DIR", "s3:///designations", BUCKET),
    ("DESIGNATIONS_DATA_DIR", "s3://My_Bucket/designations", BUCKET),
    ("DESIGNATIONS_DATA_DIR", "s3://bucket/a//b",
     "the prefix after the bucket must be a plain path (no empty parts, ? or #)"),
    ("DESIGNATIONS_CURATIONS", "gs://bucket/curations", ELSEWHERE),
])
def test_a_bad_value_is_one_line_naming_variable_and_value(variable, value, reason, monkeypatch):
    monkeypatch.setattr(config, "OBJECT_STORE_BACKEND", True)  # the s3 form is judged, not the backend's absence
    assert refusal({variable: value}) == f"{variable}={value!r}: {reason}"


@pytest.mark.parametrize("value,message", [
    ("federal_register,treasurey", f"DESIGNATIONS_SOURCES: unknown treasurey (known: {KNOWN})"),
    ("state, federal_register ,state", "DESIGNATIONS_SOURCES: names state more than once"),
    (" , ", f"DESIGNATIONS_SOURCES=' , ': names no source (known: {KNOWN})"),
])
def test_a_bad_source_list_names_the_bad_source(value, message):
    assert refusal({"DESIGNATIONS_SOURCES": value}) == message


def test_a_setting_built_directly_is_checked_the_same():
    with pytest.raises(ValueError, match=r"^DESIGNATIONS_HTTP_RETRIES=-1: must be a whole number, 0 or more$"):
        Settings(http_retries=-1)
    with pytest.raises(ValueError, match=r"^DESIGNATIONS_SITE_RPS=nan: must be a positive finite number$"):
        Settings(site_rps=float("nan"))


def test_a_copy_with_changes_is_checked_again():
    settings = Settings()
    assert dataclasses.replace(settings, sources=" public_inspection ").enabled_sources == ["public_inspection"]
    with pytest.raises(ValueError, match=r"^DESIGNATIONS_FR_API_RPS=0: must be a positive finite number$"):
        dataclasses.replace(settings, fr_api_rps=0)


# ---------------------------------------------------------------- the data directory: a path or an s3 URL

def test_a_local_data_dir_is_a_path_and_curations_sit_under_it():
    settings = Settings.from_env({"DESIGNATIONS_DATA_DIR": "/srv/designations"})
    assert (settings.data_dir, settings.curations_dir) == (
        Path("/srv/designations"), Path("/srv/designations/curations"))
    assert Settings.from_env({"DESIGNATIONS_CURATIONS": "/srv/curations"}).curations_dir == Path("/srv/curations")


@pytest.mark.parametrize("value,kept", [
    ("s3://designations/prod", "s3://designations/prod"),
    ("s3://designations/prod/", "s3://designations/prod"),
    ("S3://my.bucket-1/a/b", "s3://my.bucket-1/a/b"),
    ("s3://designations", "s3://designations"),
])
def test_an_s3_data_dir_is_kept_as_its_url(value, kept, monkeypatch):
    monkeypatch.setattr(config, "OBJECT_STORE_BACKEND", True)
    settings = Settings.from_env({"DESIGNATIONS_DATA_DIR": value})
    assert (settings.data_dir, settings.curations_dir) == (kept, kept + "/curations")


def test_an_s3_data_dir_is_refused_while_storage_has_no_backend(monkeypatch):
    monkeypatch.setattr(config, "OBJECT_STORE_BACKEND", False)
    assert refusal({"DESIGNATIONS_DATA_DIR": "s3://bucket/designations"}) == (
        "DESIGNATIONS_DATA_DIR='s3://bucket/designations': object-store URLs are not supported yet: give a local path")


# ---------------------------------------------------------------- overrides, bases, copies

def test_overrides_win_over_the_environment_and_none_is_no_override():
    env = {"DESIGNATIONS_FR_API_RPS": "5", "DESIGNATIONS_SOURCES": "state", "DESIGNATIONS_DATA_DIR": "gs://elsewhere"}
    settings = Settings.from_env(env, fr_api_rps="1000", sources=None, data_dir="/srv/designations")
    assert (settings.fr_api_rps, settings.sources, settings.data_dir) == (1000.0, "state", Path("/srv/designations"))


def test_an_empty_variable_is_unset():
    assert Settings.from_env({"DESIGNATIONS_SOURCES": "", "DESIGNATIONS_HTTP_RETRIES": ""}) == Settings()


def test_bases_lose_their_trailing_slash_and_serve_their_public_hosts():
    settings = Settings.from_env({"DESIGNATIONS_FR_API": "http://127.0.0.1:8080/api/v1/",
                                  "DESIGNATIONS_STATE_BASE": "https://state.mirror.example/"})
    assert (settings.fr_api, settings.fr_site) == ("http://127.0.0.1:8080/api/v1", "http://127.0.0.1:8080")
    assert settings.bases() == ["http://127.0.0.1:8080", "https://state.mirror.example", "https://home.treasury.gov",
                                "https://ofac.treasury.gov", "https://sanctionslistservice.ofac.treas.gov"]
    assert settings.public_hosts()["state.gov"] == "https://state.mirror.example"
    assert settings.public_hosts()["federalregister.gov"] == "http://127.0.0.1:8080"


def test_to_env_gives_the_same_settings_back():
    settings = Settings.from_env({"DESIGNATIONS_DATA_DIR": "/srv/d", "DESIGNATIONS_MAX_BODY_MB_SITE": "2.5",
                                  "DESIGNATIONS_SOURCES": "state,treasury", "DESIGNATIONS_OFAC_LIST_FORMAT": "XML",
                                  "DESIGNATIONS_NOTIFY": "json://127.0.0.1/hook"})
    assert settings.to_env()["DESIGNATIONS_MAX_BODY_MB_SITE"] == "2.5"
    assert Settings.from_env(settings.to_env()) == settings


def test_settings_are_frozen_hashable_and_pickle():
    settings = Settings.from_env({"DESIGNATIONS_SITE_RPS": "3"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.site_rps = 4.0
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert hash(settings) == hash(Settings(site_rps=3))
