"""Shared test setup: Prefect kept offline, settings pointed at local mirrors with fast, short retries."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="designations-test-cache-")  # payload copies: not ~/.cache

from flows import registry  # noqa: E402
from flows.config import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
UNREACHABLE = "http://127.0.0.1:9"


def mirror_settings(data_dir: Path, fr=None, state=None, treasury=None, ofac=None, **overrides) -> Settings:
    """Settings for a run against local mirrors: no real host, generous rates, retries in milliseconds.

    Every base a registered source is fetched from (flows/registry.py) is unreachable unless a mirror serves it.
    """
    bases = {name: UNREACHABLE for name in registry.base_settings() if name != "fr_site"}  # fr_site: under fr_api
    mirrors = {"state_base": state, "treasury_base": treasury, "ofac_base": ofac}
    bases.update({name: mirror.base_url for name, mirror in mirrors.items() if mirror})
    values = dict(
        data_dir=data_dir,
        fr_api=fr.api_base if fr else UNREACHABLE + "/api/v1",
        **bases,
        fr_api_rps=1000.0, fr_fulltext_rps=1000.0, site_rps=1000.0,
        http_timeout=2.0, http_retries=3, http_backoff=0.01,
        sources=",".join(["federal_register", "public_inspection"] + (["state", "state_fto_page"] if state else [])
                         + (["treasury"] if treasury else [])),
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """An empty data directory."""
    return tmp_path / "data"

pytest_plugins = ["tests.s3_server"]  # the S3 server for tests on s3:// data directories
