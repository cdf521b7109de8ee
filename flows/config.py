"""Settings from DESIGNATIONS_* variables (INTERFACE.md): one field table, every value checked when it is set."""
from __future__ import annotations

import importlib.util
import math
import os
import re
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import urlsplit

from flows import registry

OFAC_LIST_FORMATS = ("csv", "xml")
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (compatible; designations/0.1; FTO/SDGT Federal Register ingestion; "
    "+https://github.com/designations/designations)"
)
DEFAULT_SOURCES = registry.default_sources()  # every registered source (flows/registry.py)

# Whether storage/ reads and writes object stores (storage/store.py); without it a well-formed s3:// URL is
# refused, so that no run writes into a local folder named "s3:".
OBJECT_STORE_BACKEND = importlib.util.find_spec("storage.store") is not None


class PartError(ValueError):
    """A check's reason that already names the bad part of a list value (the whole value is not repeated)."""


# ---------------------------------------------------------------- checks: what a caller or the environment gives
# (a string, or a value of the field's type) -> the value kept; a ValueError says why not, in a few words.

def positive_number(value) -> float:
    """A positive finite number (rates, seconds, megabytes)."""
    number = float(value)  # its own message: could not convert string to float: 'fast'
    if isinstance(value, bool) or not (math.isfinite(number) and number > 0):
        raise ValueError("must be a positive finite number")
    return number


def whole_number(minimum: int) -> Callable[[object], int]:
    """A check for a whole number of at least `minimum`."""
    def check(value) -> int:
        text = str(value).strip()
        if isinstance(value, bool) or not re.fullmatch(r"[+-]?[0-9]+", text) or int(text) < minimum:
            raise ValueError(f"must be a whole number, {minimum} or more")
        return int(text)
    return check


def one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    """A check for one of these words, in any case."""
    def check(value) -> str:
        word = str(value).strip().lower()
        if word not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return word
    return check


def http_base(value) -> str:
    """An http(s) URL with a host and no query, without its trailing slash (paths are appended to it)."""
    text = str(value).strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or any(c.isspace() for c in text):
        raise ValueError("must be an http:// or https:// URL")
    if not parts.hostname:
        raise ValueError("must name a host")
    if "?" in text or "#" in text:
        raise ValueError("must not carry a query or fragment")
    parts.port  # noqa: B018 - raises ValueError("Port out of range 0-65535") and the like
    return text


S3_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")  # S3's bucket naming rule


def location(value) -> Path | str:
    """A local path (kept as a Path) or s3://bucket/prefix (kept as the URL, without a trailing slash)."""
    if isinstance(value, Path):
        return value
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty: give a local path or s3://bucket/prefix")
    scheme, separator, rest = text.partition("://")
    if not separator:
        return Path(text)
    if scheme.lower() != "s3":
        raise ValueError("only s3://bucket/prefix object-store URLs are supported: give that or a local path")
    bucket, _, prefix = rest.partition("/")
    if not S3_BUCKET.fullmatch(bucket):
        raise ValueError("needs a bucket name after s3:// (3-63 lowercase letters, digits, dots, hyphens)")
    prefix = prefix.strip("/")
    if "//" in prefix or "?" in prefix or "#" in prefix:
        raise ValueError("the prefix after the bucket must be a plain path (no empty parts, ? or #)")
    if not OBJECT_STORE_BACKEND:
        raise ValueError("object-store URLs are not supported yet: give a local path")
    return f"s3://{bucket}/{prefix}" if prefix else f"s3://{bucket}"


def header_text(value) -> str:
    """Text that may be sent as an HTTP header value: not empty, no line breaks or other control characters."""
    text = str(value).strip()
    if not text:
        raise ValueError("must not be empty")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise ValueError("must not contain line breaks or other control characters")
    return text


def any_text(value) -> str:
    """Text passed on as it is (Apprise checks each notification URL when it sends, without echoing tokens)."""
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value


def source_list(value) -> str:
    """Known source names, comma-separated, each once; kept as 'a,b,c'."""
    names = [name.strip() for name in str(value).split(",") if name.strip()]
    known = registry.known_sources()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise PartError(f"unknown {', '.join(unknown)} (known: {', '.join(known)})")
    if not names:
        raise ValueError(f"names no source (known: {', '.join(known)})")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise PartError(f"names {', '.join(twice)} more than once")
    return ",".join(names)


def setting(env: str, default, check: Callable) -> Field:
    """One row of the field table: the environment variable, the default, the check."""
    return field(default=default, metadata={"env": env, "check": check})


# ---------------------------------------------------------------- the field table

@dataclass(frozen=True)
class Settings:
    """Everything a run reads from its environment; `dataclasses.replace(settings, ...)` copies it, checked again."""

    data_dir: Path | str = setting("DESIGNATIONS_DATA_DIR", Path("./data"), location)
    curations: Path | str | None = setting("DESIGNATIONS_CURATIONS", None, location)  # None: <data_dir>/curations
    fr_api: str = setting("DESIGNATIONS_FR_API", "https://www.federalregister.gov/api/v1", http_base)
    state_base: str = setting("DESIGNATIONS_STATE_BASE", "https://www.state.gov", http_base)
    treasury_base: str = setting("DESIGNATIONS_TREASURY_BASE", "https://home.treasury.gov", http_base)
    ofac_base: str = setting("DESIGNATIONS_OFAC_BASE", "https://ofac.treasury.gov", http_base)
    ofac_list_base: str = setting("DESIGNATIONS_OFAC_LIST_BASE", "https://sanctionslistservice.ofac.treas.gov",
                                  http_base)
    user_agent: str = setting("DESIGNATIONS_USER_AGENT", DEFAULT_USER_AGENT, header_text)
    fr_api_rps: float = setting("DESIGNATIONS_FR_API_RPS", 5.0, positive_number)
    fr_fulltext_rps: float = setting("DESIGNATIONS_FR_FULLTEXT_RPS", 1.0, positive_number)
    site_rps: float = setting("DESIGNATIONS_SITE_RPS", 1.0, positive_number)
    http_timeout: float = setting("DESIGNATIONS_HTTP_TIMEOUT", 30.0, positive_number)
    http_retries: int = setting("DESIGNATIONS_HTTP_RETRIES", 4, whole_number(0))
    http_backoff: float = setting("DESIGNATIONS_HTTP_BACKOFF", 2.0, positive_number)
    # seconds one request may take in all, body included (not per read)
    http_deadline: float = setting("DESIGNATIONS_HTTP_DEADLINE", 60.0, positive_number)
    # one ceiling for every kind of response; the per-kind ones win; None: DEFAULT_BODY_MB
    max_body_mb: float | None = setting("DESIGNATIONS_MAX_BODY_MB", None, positive_number)
    max_body_mb_fr_api: float | None = setting("DESIGNATIONS_MAX_BODY_MB_FR_API", None, positive_number)
    max_body_mb_fr_fulltext: float | None = setting("DESIGNATIONS_MAX_BODY_MB_FR_FULLTEXT", None, positive_number)
    max_body_mb_site: float | None = setting("DESIGNATIONS_MAX_BODY_MB_SITE", None, positive_number)
    max_body_mb_ofac_lists: float | None = setting("DESIGNATIONS_MAX_BODY_MB_OFAC_LISTS", None, positive_number)
    lookback_days: int = setting("DESIGNATIONS_LOOKBACK_DAYS", 7, whole_number(0))
    first_run_days: int = setting("DESIGNATIONS_FIRST_RUN_DAYS", 30, whole_number(1))
    pending_alert_days: int = setting("DESIGNATIONS_PENDING_ALERT_DAYS", 14, whole_number(0))
    # read by storage/lock.py too (storage takes no Settings): checked here so a bad value fails at start-up
    lease_seconds: float = setting("DESIGNATIONS_LEASE_SECONDS", 60.0, positive_number)
    # csv: sdn.csv, alt.csv, add.csv, sdn_comments.csv; xml: SDN.XML
    ofac_list_format: str = setting("DESIGNATIONS_OFAC_LIST_FORMAT", "csv", one_of(OFAC_LIST_FORMATS))
    notify: str = setting("DESIGNATIONS_NOTIFY", "", any_text)  # Apprise URLs, comma-separated (flows/notify.py)
    sources: str = setting("DESIGNATIONS_SOURCES", DEFAULT_SOURCES, source_list)

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is None and spec.default is None:
                continue
            try:
                checked = spec.metadata["check"](value)
            except PartError as error:
                raise ValueError(f"{spec.metadata['env']}: {error}") from None
            except (ValueError, TypeError) as error:
                raise ValueError(f"{spec.metadata['env']}={value!r}: {error}") from None
            object.__setattr__(self, spec.name, checked)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "Settings":
        """Settings from DESIGNATIONS_* variables (empty means unset); keyword overrides (command-line flags) win."""
        env = os.environ if env is None else env
        values = {spec.name: env[spec.metadata["env"]] for spec in fields(cls) if env.get(spec.metadata["env"])}
        values.update({name: value for name, value in overrides.items() if value is not None})
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        """The variables that make `Settings.from_env()` give these settings back (unset ones left out)."""
        return {spec.metadata["env"]: str(getattr(self, spec.name)) for spec in fields(self)
                if getattr(self, spec.name) not in (None, "")}

    @property
    def enabled_sources(self) -> list[str]:
        """The sources a run polls, in order (DESIGNATIONS_SOURCES, comma-separated)."""
        return self.sources.split(",")

    @property
    def curations_dir(self) -> Path | str:
        """Where analysts' curation files live (DESIGNATIONS_CURATIONS, default <data_dir>/curations)."""
        if self.curations is not None:
            return self.curations
        if isinstance(self.data_dir, str):
            return f"{self.data_dir}/curations"
        return self.data_dir / "curations"

    @property
    def fr_site(self) -> str:
        """The Federal Register site root that the API base lives under (full-text URLs hang off it)."""
        return self.fr_api[: -len("/api/v1")] if self.fr_api.endswith("/api/v1") else self.fr_api

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


# Field name -> its environment variable (every setting; README and INTERFACE.md name the same).
ENV_NAMES = {spec.name: spec.metadata["env"] for spec in fields(Settings)}

# Ceilings per kind of response: the largest real payloads are SDN.XML (~100 MB) and a daily issue (~3 MB).
DEFAULT_BODY_MB = {"fr_api": 32.0, "fr_fulltext": 64.0, "site": 16.0, "ofac_lists": 256.0}
