"""Configuration from environment variables (INTERFACE.md), with the public hosts each base stands for."""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from flows import registry

OFAC_LIST_FORMATS = ("csv", "xml")
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (compatible; designations/0.1; FTO/SDGT Federal Register ingestion; "
    "+https://github.com/designations/designations)"
)


@dataclass(frozen=True)
class Settings:
    """Everything a run reads from its environment."""

    data_dir: Path = Path("./data")
    curations: Path | None = None  # DESIGNATIONS_CURATIONS; None: <data_dir>/curations
    fr_api: str = "https://www.federalregister.gov/api/v1"
    state_base: str = "https://www.state.gov"
    treasury_base: str = "https://home.treasury.gov"
    ofac_base: str = "https://ofac.treasury.gov"
    ofac_list_base: str = "https://sanctionslistservice.ofac.treas.gov"
    user_agent: str = DEFAULT_USER_AGENT
    fr_api_rps: float = 5.0
    fr_fulltext_rps: float = 1.0
    site_rps: float = 1.0
    http_timeout: float = 30.0
    http_retries: int = 4
    http_backoff: float = 2.0
    http_deadline: float = 60.0  # seconds one request may take in all, body included (not per read)
    max_body_mb: float | None = None  # one ceiling for every kind of response; the per-kind ones win
    max_body_mb_fr_api: float | None = None
    max_body_mb_fr_fulltext: float | None = None
    max_body_mb_site: float | None = None
    max_body_mb_ofac_lists: float | None = None
    lookback_days: int = 7
    first_run_days: int = 30
    pending_alert_days: int = 14
    ofac_list_format: str = "csv"  # "csv" (sdn.csv, alt.csv, add.csv, sdn_comments.csv) or "xml" (SDN.XML)
    notify: str = ""  # DESIGNATIONS_NOTIFY: Apprise URLs, comma-separated (flows/notify.py)
    sources: str = registry.default_sources()  # every registered source (flows/registry.py)

    def __post_init__(self) -> None:
        self.enabled_sources  # noqa: B018 - a misspelt source fails here, before any request
        for name, field_type in type(self).__annotations__.items():
            value = getattr(self, name)
            if field_type.startswith("float") and value is not None and not (math.isfinite(value) and value > 0):
                env = ENV_NAMES.get(name, f"DESIGNATIONS_{name.upper()}")
                raise ValueError(f"{env}={value!r}: must be a positive finite number")

    @property
    def enabled_sources(self) -> list[str]:
        """The sources a run polls, in order (DESIGNATIONS_SOURCES, comma-separated)."""
        names = [s.strip() for s in self.sources.split(",") if s.strip()]
        known = registry.known_sources()
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ValueError(f"DESIGNATIONS_SOURCES: unknown {', '.join(unknown)} (known: {', '.join(known)})")
        return names

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "Settings":
        """Settings from DESIGNATIONS_* variables; keyword overrides (command-line flags) win."""
        env = os.environ if env is None else env
        values = {}
        for name, field_type in cls.__annotations__.items():
            raw = env.get(ENV_NAMES.get(name, f"DESIGNATIONS_{name.upper()}"))
            if raw is not None and raw != "":
                values[name] = _convert(name, field_type, raw)
        settings = cls(**values)
        given = {k: _convert(k, cls.__annotations__[k], v) if isinstance(v, str) else v
                 for k, v in overrides.items() if v is not None}
        return replace(settings, **given)

    @property
    def curations_dir(self) -> Path:
        """Where analysts' curation files live (DESIGNATIONS_CURATIONS, default <data_dir>/curations)."""
        return self.curations if self.curations is not None else Path(self.data_dir) / "curations"

    @property
    def fr_site(self) -> str:
        """The Federal Register site root that the API base lives under (full-text URLs hang off it)."""
        base = self.fr_api.rstrip("/")
        return base[: -len("/api/v1")] if base.endswith("/api/v1") else base

    def body_ceiling(self, kind: str) -> int:
        """Most decompressed bytes accepted for one response of this kind (fr_api, fr_fulltext, site, ofac_lists)."""
        megabytes = getattr(self, f"max_body_mb_{kind}") or self.max_body_mb or DEFAULT_BODY_MB[kind]
        return int(megabytes * 1024 * 1024)

    def bases(self) -> list[str]:
        """Every configured base: the only places a request may go (each source's, flows/registry.py)."""
        return registry.bases(self)

    def public_hosts(self) -> dict[str, str]:
        """Public host -> the configured base that serves it (mirrors and proxies included)."""
        return registry.public_hosts(self)

# Ceilings per kind of response: the largest real payloads are SDN.XML (~100 MB) and a daily issue (~3 MB).
DEFAULT_BODY_MB = {"fr_api": 32.0, "fr_fulltext": 64.0, "site": 16.0, "ofac_lists": 256.0}

ENV_NAMES = {
    "data_dir": "DESIGNATIONS_DATA_DIR",
    "fr_api": "DESIGNATIONS_FR_API",
    "fr_api_rps": "DESIGNATIONS_FR_API_RPS",
    "fr_fulltext_rps": "DESIGNATIONS_FR_FULLTEXT_RPS",
}


def _convert(name: str, field_type: str, raw: str):
    try:
        if field_type in ("Path", "Path | None"):
            if "://" in raw:
                raise ValueError("object-store URLs are not supported yet: give a local path")
            return Path(raw)
        if field_type in ("float", "float | None"):
            value = float(raw)
            if not math.isfinite(value) or value <= 0:
                raise ValueError("must be a positive finite number")
            return value
        if field_type == "int":
            return int(raw)
        if name == "ofac_list_format":
            if raw.strip().lower() not in OFAC_LIST_FORMATS:
                raise ValueError(f"must be one of {', '.join(OFAC_LIST_FORMATS)}")
            return raw.strip().lower()
        return raw.rstrip("/") if name.endswith(("_base", "_api")) else raw
    except ValueError as error:
        raise ValueError(f"{ENV_NAMES.get(name, f'DESIGNATIONS_{name.upper()}')}={raw!r}: {error}") from None
