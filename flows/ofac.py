"""What to fetch from OFAC: Recent Actions pages, and the SDN list files (with a cross-check against our ledger)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from flows.config import OFAC_LIST_FORMATS
from flows.http import FetchError, HostDown
from flows.poll import Ask, Found
from flows.registry import RECENT_ACTIONS_LINKS, Poller
from flows.sites import BlockedError, fetch_page, known_releases, parse_release
from parsers.model import DocumentRef, Notice, ParseError, Program, Source
from parsers.names import name_key
from parsers.ofac_csv import SdnFileError, list_change_events, parse_sdn_csv_set
from parsers.ofac_recent_actions import (
    RECENT_ACTIONS,
    is_terrorism_title,
    parse_recent_actions_index,
    parse_recent_actions_page,
)
from parsers.ofac_xml import iter_sdn_xml
from parsers.sdn import SdnEntry, terrorism_programs
from storage.atomic import write_bytes_atomic
from storage.derive import derive

RECENT_ACTIONS_SOURCE = Poller.OFAC_RECENT_ACTIONS
LISTS_SOURCE = Poller.OFAC_LISTS
LISTING_PAGES = 3
LIST_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
LIST_FILES = ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
LIST_XML = "SDN.XML"  # DESIGNATIONS_OFAC_LIST_FORMAT=xml: the same list in one file
LIST_STATE = "ofac_list_state.json"
KIND_LIST = "ofac_sdn_list"
# More SDGT/FTO entries gone at once than this share of the last vintage means broken files, not news.
MAX_REMOVED_SHARE = 0.10
NAMES_SHOWN = 20
# The list host answers 403 to any other User-Agent (FORMATS.md §4).
_LIST_USER_AGENT = re.compile(r"^Mozilla/\d")
_LIST_USER_AGENT_LENGTH = 40


# ---------------------------------------------------------------- Recent Actions


def poll_recent_actions(run, ask: Ask) -> Found:
    """The registry's poller: the listing, and the pages Treasury releases of this run link to."""
    return Found(tuple(poll_ofac_recent_actions(run, links=ask.given.get(RECENT_ACTIONS_LINKS, ()))))


def poll_ofac_recent_actions(run, links: Iterable[str] = ()) -> list[Notice]:
    """New Recent Actions pages about SDGT/FTO actions, and the pages in `links` (linked from Treasury releases)."""
    known, _ = known_releases(run, Source.OFAC)
    wanted = dict.fromkeys(listed_actions(run) + list(links))
    notices = []
    for url in (url for url in wanted if url not in known):
        try:
            notices.append(parse_release(Source.OFAC, url, fetch_page(run, url), parse_recent_actions_page))
        except (BlockedError, HostDown) as error:  # the rest would fail the same way
            run.report.degrade(RECENT_ACTIONS_SOURCE, str(error))
            break
        except FetchError as error:  # not in the ledger, so the next run asks again
            run.report.degrade(RECENT_ACTIONS_SOURCE, f"{url} not fetched: {error.reason}")
    run.report.source(RECENT_ACTIONS_SOURCE).documents += len(notices)
    return notices


def listed_actions(run) -> list[str]:
    """Counter-terrorism actions on the Recent Actions listing since the cursor, newest first."""
    cutoff = recent_actions_cursor(run)
    urls: list[str] = []
    seen: set[str] = set()
    try:
        for page in range(LISTING_PAGES):
            items = [item for item in parse_recent_actions_index(fetch_page(run, listing_url(page)).body)
                     if item.url not in seen]
            seen.update(item.url for item in items)
            urls += [item.url for item in items if is_terrorism_title(item.title)
                     and (item.published_on is None or item.published_on >= cutoff)]
            if not items or any(item.published_on and item.published_on < cutoff for item in items):
                break
    except (FetchError, ParseError) as error:
        run.report.degrade(RECENT_ACTIONS_SOURCE, str(error))
    return urls


def listing_url(page: int) -> str:
    """The Recent Actions listing, page 0 first (Drupal counts pages from 0)."""
    return RECENT_ACTIONS if page == 0 else f"{RECENT_ACTIONS}?page={page}"


def recent_actions_cursor(run) -> date:
    """The oldest action date read: `first_run_days` back, or the newest page in the ledger less lookback if older."""
    # A page that failed is not in the ledger: it is asked for again while it stays inside this window.
    window = run.today - timedelta(days=run.settings.first_run_days)
    newest = run.snapshot.newest_published(Source.OFAC, prefix="recent-actions/")
    if newest is None:
        return window
    return min(window, min(newest, run.today) - timedelta(days=run.settings.lookback_days))


# ---------------------------------------------------------------- SDN list files


@dataclass(frozen=True)
class Vintage:
    """One set of the four list files, by sha256, and the document its events were filed under."""

    document_id: str
    fetched_on: date
    sha256: dict[str, str]

    def as_json(self) -> dict:
        """The vintage as the state file keeps it."""
        return {"document_id": self.document_id, "date": self.fetched_on.isoformat(), "sha256": self.sha256}


def poll_lists(run, ask: Ask) -> Found:
    """The registry's poller for the SDN list files."""
    return Found(tuple(poll_ofac_lists(run)))


def poll_ofac_lists(run) -> list[Notice]:
    """The SDGT/FTO changes in OFAC's SDN list files since the vintage last applied (all of them the first time)."""
    problem = user_agent_problem(run.settings.user_agent) or list_format_problem(run.settings.ofac_list_format)
    if problem:
        run.report.degrade(LISTS_SOURCE, problem)
        return []
    files = list_files(run.settings.ofac_list_format)
    try:
        bodies = {name: run.client.get(LIST_EXPORTS + name, bucket="site", conditional=True) for name in files}
    except FetchError as error:
        run.report.degrade(LISTS_SOURCE, _fetch_problem(run, error))
        return []
    shas = {name: fetched.sha256 for name, fetched in bodies.items()}
    try:
        applied = last_applied_vintage(run)
    except (ValueError, KeyError, TypeError) as error:
        run.report.degrade(LISTS_SOURCE, f"unreadable {LIST_STATE} ({error!r}): fix it, or delete it to apply "
                                         f"the current files as a first vintage")
        return []
    if applied is not None and applied.sha256 == shas:
        return []
    try:
        current = parse_vintage({name: fetched.body for name, fetched in bodies.items()})
        previous = read_vintage(run, applied) if applied else None
    except (SdnFileError, ParseError, OSError) as error:
        run.report.degrade(LISTS_SOURCE, f"SDN list files not applied: {error}")
        return []
    problem = shrink_problem(previous, current)
    if problem:
        run.report.degrade(LISTS_SOURCE, problem)
        return []
    vintage = Vintage(_new_document_id(run), run.today, shas)
    document = DocumentRef(Source.OFAC, vintage.document_id, LIST_EXPORTS + files[0], shas[files[0]],
                           title=f"OFAC SDN list files ({', '.join(files)})", published_on=run.today)
    events = list_change_events(previous, current, document, effective_on=run.today)
    notice = Notice(document, KIND_LIST, tuple(events), notes=tuple(f"{name}={sha}" for name, sha in shas.items()))
    try:
        write_list_state(run, [v for v in (applied, vintage) if v])
    except OSError as error:
        run.report.degrade(LISTS_SOURCE, f"SDN list files not applied: cannot record the vintage: {error}")
        return []
    run.report.reconciliation += reconcile_sdgt(run, current, vintage.document_id)
    run.report.source(LISTS_SOURCE).documents += 1
    return [notice]


def user_agent_problem(user_agent: str) -> str | None:
    """Why the list host would refuse this User-Agent, or None."""
    if _LIST_USER_AGENT.match(user_agent) and len(user_agent) >= _LIST_USER_AGENT_LENGTH:
        return None
    return (f"DESIGNATIONS_USER_AGENT {user_agent!r} cannot work: sanctionslistservice.ofac.treas.gov answers 403 "
            f"unless the User-Agent starts with 'Mozilla/<digit>' and is at least {_LIST_USER_AGENT_LENGTH} "
            f"characters long (this one has {len(user_agent)})")


# ---- list format (DESIGNATIONS_OFAC_LIST_FORMAT): the CSV set or SDN.XML


def list_format_problem(list_format: str) -> str | None:
    """Why the configured list format cannot be used, or None."""
    if list_format in OFAC_LIST_FORMATS:
        return None
    return f"DESIGNATIONS_OFAC_LIST_FORMAT {list_format!r} is not one of {', '.join(OFAC_LIST_FORMATS)}"


def list_files(list_format: str) -> tuple[str, ...]:
    """The export files one vintage is made of in this format."""
    return (LIST_XML,) if list_format == "xml" else LIST_FILES


def parse_vintage(files: dict[str, bytes]) -> list[SdnEntry]:
    """A vintage's entries from its files: SDN.XML when that is what was fetched, else the CSV set."""
    if LIST_XML in files:
        return list(iter_sdn_xml(files[LIST_XML]))
    return parse_sdn_csv_set(*(files[name] for name in LIST_FILES))

# ---- end list format


def _fetch_problem(run, error: FetchError) -> str:
    if error.status == 403:
        return (f"{error}: the list host refused our User-Agent ({len(run.settings.user_agent)} characters); "
                f"it wants one starting 'Mozilla/<digit>', at least {_LIST_USER_AGENT_LENGTH} characters long")
    return str(error)


def shrink_problem(previous: list[SdnEntry] | None, current: list[SdnEntry]) -> str | None:
    """Why the new files look broken rather than changed (no SDGT/FTO entry, or too many gone at once)."""
    now = {entry.ent_num for entry in current if terrorism_programs(entry)}
    if not now:
        return "SDN list files not applied: the list file holds no SDGT or FTO entry"
    before = {entry.ent_num for entry in previous or () if terrorism_programs(entry)}
    gone = len(before - now)
    if before and gone > MAX_REMOVED_SHARE * len(before):
        return (f"SDN list files not applied: {gone} of {len(before)} SDGT/FTO entries would be removed at once "
                f"(more than {MAX_REMOVED_SHARE:.0%}); check the files")
    return None


# The state file says which vintage was applied, but a run can die between polling and ingest: a vintage
# counts as applied only once its document is in the ledger, so the last one written stays unapplied (and
# is produced again, with the same document id and event ids on the same day) until an ingest records it.


def last_applied_vintage(run) -> Vintage | None:
    """The newest vintage in the state file whose document the ledger holds."""
    filed = _ofac_document_ids(run)
    applied = [vintage for vintage in read_list_state(run) if vintage.document_id in filed]
    return applied[-1] if applied else None


def read_list_state(run) -> list[Vintage]:
    """The vintages recorded in <data_dir>/ledger/ofac_list_state.json, oldest first."""
    path = run.ledger.root / LIST_STATE
    if not path.exists():
        return []
    data = json.loads(path.read_text())
    return [Vintage(v["document_id"], date.fromisoformat(v["date"]), dict(v["sha256"])) for v in data["vintages"]]


def write_list_state(run, vintages: list[Vintage]) -> None:
    """Record the last applied vintage and the one just produced."""
    payload = {"vintages": [vintage.as_json() for vintage in vintages]}
    write_bytes_atomic(run.ledger.root / LIST_STATE, (json.dumps(payload, indent=2) + "\n").encode())


def read_vintage(run, vintage: Vintage) -> list[SdnEntry]:
    """A vintage's entries, read back from the raw archive."""
    try:
        files = {name: run.archive.read_payload(sha) for name, sha in vintage.sha256.items()}
    except FileNotFoundError as error:
        raise FileNotFoundError(f"the files of {vintage.document_id} are missing from the raw archive "
                                f"({error.filename})") from None
    return parse_vintage(files)


def _new_document_id(run) -> str:
    """'sdn-list/YYYY-MM-DD', or '…_02' when another vintage of the same day is already in the ledger."""
    base = f"sdn-list/{run.today.isoformat()}"
    filed = _ofac_document_ids(run)
    number = 1
    document_id = base
    while document_id in filed:
        number += 1
        document_id = f"{base}_{number:02d}"
    return document_id


def _ofac_document_ids(run) -> set[str]:
    return run.snapshot.document_ids(Source.OFAC)


# ---------------------------------------------------------------- reconciliation


def reconcile_sdgt(run, entries: list[SdnEntry], vintage_id: str) -> list[str]:
    """OFAC's SDGT entries against the SDGT designations our Federal Register, State and Treasury documents make."""
    # The ledger as it stood before this run: the other sources' notices of this run are ingested after polling.
    events = run.snapshot.events_of(Program.SDGT, except_source=Source.OFAC)
    listed = [entry for entry in entries if Program.SDGT in terrorism_programs(entry)]
    if not events:
        return [f"OFAC's SDN list ({vintage_id}, {len(listed)} SDGT entries): our ledger has no SDGT designation "
                f"from the Federal Register, State or Treasury to compare it with"]
    ours = [row for row in derive(events, run.today)[0] if row["status"] == "active"]
    our_keys = set().union(*(_keys(row["name"], row["aliases"]) for row in ours))
    listed_keys = set().union(*(_keys(entry.name, entry.aliases + entry.weak_aliases) for entry in listed))
    unknown = [entry.name for entry in listed if not _keys(entry.name, entry.aliases + entry.weak_aliases) & our_keys]
    absent = [row["name"] for row in ours if not _keys(row["name"], row["aliases"]) & listed_keys]
    lines = []
    if unknown:
        lines.append(_names(f"{len(unknown)} of the {len(listed)} SDGT entries on OFAC's SDN list ({vintage_id}) "
                            f"match no SDGT designation from our Federal Register, State or Treasury documents",
                            unknown))
    if absent:
        lines.append(_names(f"{len(absent)} active SDGT designations from our Federal Register, State or Treasury "
                            f"documents are not on OFAC's SDN list ({vintage_id})", absent))
    return lines


def _keys(name: str, aliases: Iterable[str]) -> set[str]:
    return {name_key(name), *(name_key(alias) for alias in aliases or ())}


def _names(summary: str, names: list[str]) -> str:
    shown = "; ".join(names[:NAMES_SHOWN])
    more = f"; and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    return f"{summary}: {shown}{more}"
