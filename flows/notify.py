"""Notifications (DESIGNATIONS_NOTIFY, Apprise URLs): one message per published version that changes the law."""
from __future__ import annotations

from collections import Counter, defaultdict

from storage.versions import Published, VersionStore, change_of

# What a change means in law, and which events carry its citation and link.
NOTIFIED_ACTIONS = {"designation": ("designation",), "announcement": ("designation", "announcement"),
                    "in_force": ("designation",), "amendment": ("amendment",), "revocation": ("revocation",)}
SOURCE_NAME = "notify"


def targets(setting: str) -> list[str]:
    """The Apprise URLs of DESIGNATIONS_NOTIFY (comma-separated)."""
    return [url.strip() for url in setting.split(",") if url.strip()]


# the day each legal action of changes.parquet takes effect, read from the designation row; reviews are not news
EFFECTIVE_FIELD = {"designation": ("designated_on", "first_listed_on"), "announcement": ("scheduled_on", "announced_on"),
                   "in_force": ("designated_on",), "amendment": ("last_amended_on",), "revocation": ("revoked_on",)}


def legal_actions(before: dict | None, after: dict) -> list[tuple[str, object]]:
    """(action, effective date) pairs that turned one designation row into the next; reviews are not news."""
    return dated_actions(change_of(before, after), after)


def dated_actions(change: dict, row: dict) -> list[tuple[str, object]]:
    """(action, effective date) for the notified actions a change row records (storage.versions.legal_actions)."""
    return [(action, next((row[f] for f in EFFECTIVE_FIELD[action] if row.get(f)), None))
            for action in change.get("actions") or [] if action in EFFECTIVE_FIELD]


def _source_event(events: list[dict], action: str) -> dict | None:
    """The newest published event behind an action (a public-inspection copy only when nothing else exists)."""
    wanted = [e for e in events if e["action"] in NOTIFIED_ACTIONS[action]]
    wanted.sort(key=lambda e: (e["stage"] == "published", str(e["effective_on"] or e["published_on"] or "")))
    return wanted[-1] if wanted else None


def version_items(store: VersionStore, published: Published) -> list[dict]:
    """Every designating, in-force, amending or revoking change of a published version, with citation and link."""
    changed = {c["designation_id"]: c for c in published.changes}
    if not changed:
        return []
    events: dict[str, list[dict]] = defaultdict(list)
    for event in store.read_table(published.name, "events").to_pylist():
        if event["designation_id"] in changed:
            events[event["designation_id"]].append(event)
    items = []
    for row in store.read_table(published.name, "designations").to_pylist():
        if row["designation_id"] not in changed:
            continue
        for action, effective in dated_actions(changed[row["designation_id"]], row):
            source = _source_event(events[row["designation_id"]], action) or {}
            items.append({"program": row["program"], "name": row["name"], "action": action, "effective_on": effective,
                          "citation": source.get("citation") or source.get("document_id"), "url": source.get("url"),
                          "designation_id": row["designation_id"]})
    return items


ACTION_WORDS = {"designation": "designated", "announcement": "announced (pending)", "in_force": "in force",
                "amendment": "amended", "revocation": "revoked"}


def message(published: Published, items: list[dict]) -> tuple[str, str]:
    """Title and body of the one message for a version."""
    counts = Counter(item["action"] for item in items)
    title = f"designations {published.name}: " + ", ".join(f"{n} {ACTION_WORDS[a]}" for a, n in sorted(counts.items()))
    lines = [f"{item['program']} {ACTION_WORDS[item['action']]}: {item['name']} — effective "
             f"{item['effective_on'] or 'not stated'} — {item['citation'] or 'no citation yet'} — {item['url'] or ''}".rstrip(" —")
             for item in items]
    return title, "\n".join(lines)


def send(urls: list[str], title: str, body: str) -> list[str]:
    """Send to each target on its own; the reasons of those that failed."""
    import apprise

    failures = []
    for url in urls:
        target = apprise.Apprise()
        if not target.add(url):
            failures.append(f"{_redacted(url)}: not an Apprise URL")
        elif not target.notify(title=title, body=body):
            failures.append(f"{_redacted(url)}: delivery failed")
    return failures


def _redacted(url: str) -> str:
    """The scheme and host of a target, without the credentials or tokens that Apprise URLs carry."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('@')[-1].split('/')[0]}" if rest else scheme


def notify_published(run) -> None:
    """After a publish: tell DESIGNATIONS_NOTIFY's targets; a failing target degrades the report, nothing else."""
    published, urls = run.report.published, targets(run.settings.notify)
    if published is None or not urls:
        return
    try:
        items = version_items(run.versions, published)
        if not items:
            return
        failures = send(urls, *message(published, items))
    except Exception as error:  # noqa: BLE001 - the version is published; a notification never undoes that
        failures = [f"{type(error).__name__}: {error}"]
    status = run.report.source(SOURCE_NAME)
    status.documents = len(urls) - len(failures)
    for failure in failures:
        run.report.degrade(SOURCE_NAME, failure)
