"""Every source in one table: its poller, parsers, base setting, public hosts, what it needs and offers.

`run`, the Prefect flows, `parse FILE`, `announce --url`, reparse, settings validation and the test mirrors all
read this table; adding a source is one entry here plus its own modules (README: Adding a source). Functions
are named as "module:attribute" and imported when used, so read-only commands import no source module.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit


class Poller(StrEnum):
    """The sources a run can poll (DESIGNATIONS_SOURCES names)."""

    FEDERAL_REGISTER = "federal_register"
    PUBLIC_INSPECTION = "public_inspection"
    STATE = "state"
    TREASURY = "treasury"
    OFAC_RECENT_ACTIONS = "ofac_recent_actions"
    OFAC_LISTS = "ofac_lists"
    STATE_FTO_PAGE = "state_fto_page"


# What one source finds for another (Found.offers / Ask.given keys).
RECENT_ACTIONS_LINKS = "ofac_recent_actions_links"  # Recent Actions pages Treasury releases link to


@dataclass(frozen=True)
class SourceEntry:
    """One source: how it is polled and read, where it is fetched from, and what it takes from other sources."""

    name: str
    poll: str  # "module:function", called (SourceRun, Ask) -> Found
    base_setting: str  # the Settings attribute holding the base URL it is fetched from
    public_hosts: tuple[str, ...]  # public hosts rebased onto that base
    document_source: str  # parsers.model.Source of the documents it files
    release_parser: str | None = None  # "module:function" (url, html) -> Notice: announce --url and reparse
    announce_url: bool = False  # `announce --url` accepts its public hosts
    file_marker: str | None = None  # text marking its HTML pages for `parse FILE`
    needs: tuple[str, ...] = ()  # what it reads from other sources' polls (Ask.given)
    offers: tuple[str, ...] = ()  # what its poll finds for others (Found.offers)
    default: bool = True  # polled when DESIGNATIONS_SOURCES is unset

    def poller(self) -> Callable:
        """The poll function."""
        return load(self.poll)

    def parser(self) -> Callable | None:
        """The release parser, if it has one."""
        return load(self.release_parser) if self.release_parser else None


FR_HOSTS = ("www.federalregister.gov", "federalregister.gov")
STATE_HOSTS = ("www.state.gov", "state.gov")

ENTRIES: dict[str, SourceEntry] = {}


def register(entry: SourceEntry) -> SourceEntry:
    """Add a source to the table (a name may be registered once)."""
    if entry.name in ENTRIES:
        raise ValueError(f"source {entry.name!r} is registered twice")
    ENTRIES[entry.name] = entry
    return entry


def unregister(name: str) -> None:
    """Take a source out of the table (tests that register a toy source)."""
    ENTRIES.pop(name, None)


for _entry in (
    SourceEntry(Poller.FEDERAL_REGISTER, "flows.federal_register:poll", "fr_site", FR_HOSTS, "federal_register",
                announce_url=True),
    SourceEntry(Poller.PUBLIC_INSPECTION, "flows.federal_register:poll_desk", "fr_site", FR_HOSTS, "federal_register"),
    SourceEntry(Poller.STATE, "flows.state:poll", "state_base", STATE_HOSTS, "state",
                release_parser="parsers.state:parse_state_release", announce_url=True,
                file_marker="featured-content__headline"),
    SourceEntry(Poller.TREASURY, "flows.treasury:poll", "treasury_base", ("home.treasury.gov",), "treasury",
                release_parser="parsers.treasury:parse_treasury_release", announce_url=True,
                file_marker="uswds-page-title", offers=(RECENT_ACTIONS_LINKS,)),
    SourceEntry(Poller.OFAC_RECENT_ACTIONS, "flows.ofac:poll_recent_actions", "ofac_base", ("ofac.treasury.gov",),
                "ofac", release_parser="parsers.ofac_recent_actions:parse_recent_actions_page", announce_url=True,
                file_marker="node-type-ofac-recent-action",
                needs=(RECENT_ACTIONS_LINKS,)),
    SourceEntry(Poller.OFAC_LISTS, "flows.ofac:poll_lists", "ofac_list_base", ("sanctionslistservice.ofac.treas.gov",),
                "ofac"),
    SourceEntry(Poller.STATE_FTO_PAGE, "flows.state:poll_fto_page", "state_base", STATE_HOSTS, "state"),
):
    register(_entry)


def load(reference: str) -> Any:
    """The object a "module:attribute" reference names."""
    module, _, attribute = reference.partition(":")
    return getattr(import_module(module), attribute)


def entry(name: str) -> SourceEntry:
    """The entry of one source (ValueError naming the known ones)."""
    try:
        return ENTRIES[name]
    except KeyError:
        raise ValueError(f"unknown source {name!r} (known: {', '.join(ENTRIES)})") from None


def known_sources() -> tuple[str, ...]:
    """Every registered source, in table order."""
    return tuple(ENTRIES)


def default_sources() -> str:
    """DESIGNATIONS_SOURCES when unset: every default source, comma-separated."""
    return ",".join(name for name, e in ENTRIES.items() if e.default)


def poll_order(names: Iterable[str]) -> list[str]:
    """The sources in their given order, except that a source comes after those offering what it needs."""
    pending = list(dict.fromkeys(names))
    ordered: list[str] = []
    while pending:
        ready = next((name for name in pending if not _waits_for(name, pending)), pending[0])
        pending.remove(ready)
        ordered.append(ready)
    return ordered


def _waits_for(name: str, pending: list[str]) -> bool:
    needs = set(entry(name).needs)
    return any(other != name and needs & set(entry(other).offers) for other in pending)


def base_settings() -> list[str]:
    """The Settings attributes that hold bases, each once, in table order."""
    return list(dict.fromkeys(e.base_setting for e in ENTRIES.values()))


def bases(settings) -> list[str]:
    """Every configured base: the only places a request may go."""
    return [getattr(settings, name) for name in base_settings()]


def public_hosts(settings) -> dict[str, str]:
    """Public host -> the configured base that serves it."""
    return {host: getattr(settings, e.base_setting) for e in ENTRIES.values() for host in e.public_hosts}


def announce_entry(host: str) -> SourceEntry | None:
    """The source whose public pages `announce --url` takes on this host, or None."""
    return next((e for e in ENTRIES.values() if e.announce_url and host in e.public_hosts), None)


def announce_hosts() -> list[str]:
    """The hosts `announce --url` accepts, for its refusal message (one name per source)."""
    return list(dict.fromkeys(e.public_hosts[0] for e in ENTRIES.values() if e.announce_url))


def release_parser_for(document_source: str, url: str = "") -> Callable | None:
    """The parser that reads a release again (reparse): its source's, the one serving its URL's host first."""
    host = urlsplit(url).hostname or ""
    readers = [e for e in ENTRIES.values() if e.document_source == document_source and e.release_parser]
    chosen = next((e for e in readers if host in e.public_hosts), readers[0] if readers else None)
    return chosen.parser() if chosen else None


def html_readers() -> list[tuple[tuple[str, ...], str | None, Callable]]:
    """(public hosts, marker, parser) of every source whose pages `parse FILE` reads; parsers imported when called."""
    return [(e.public_hosts, e.file_marker, _deferred(e.release_parser)) for e in ENTRIES.values() if e.release_parser]


def _deferred(reference: str) -> Callable:
    return lambda *args: load(reference)(*args)
