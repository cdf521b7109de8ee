"""What a run did: sources, documents, events, the version it published and what needs review."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from parsers.model import Notice
from storage.versions import Published


SUMMARY_REVIEW_LINES = 20


@dataclass
class SourceStatus:
    """How one source fared in a run."""

    name: str
    status: str = "ok"  # ok | degraded | skipped
    reasons: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def detail(self) -> str:
        """Every reason on one line."""
        return "; ".join(self.reasons)


@dataclass
class RunReport:
    """Everything a run has to say, for the CLI summary and the Prefect artifact."""

    mode: str
    started_at: datetime
    sources: dict[str, SourceStatus] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    events_added: int = 0
    events_replaced: int = 0
    events_removed: int = 0  # events a document read again no longer holds (reparse, curations)
    kept_as_filed: list[str] = field(default_factory=list)  # documents a reparse could not read again, and why
    published: Published | None = None
    refused: str | None = None
    unanswered: dict[str, str] = field(default_factory=dict)  # no source answered: host -> why; nothing published
    pending_overdue: list[dict] = field(default_factory=list)
    reconciliation: list[str] = field(default_factory=list)
    requests: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # handled, but a person should know: refusals, repairs
    finished_at: datetime | None = None

    def source(self, name: str) -> SourceStatus:
        """The status record of a source, created on first use."""
        return self.sources.setdefault(name, SourceStatus(name))

    def degrade(self, name: str, detail: str) -> None:
        """Mark a source degraded, keeping every reason."""
        status = self.source(name)
        status.status = "degraded"
        if detail not in status.reasons:
            status.reasons.append(detail)

    @property
    def degraded(self) -> list[str]:
        """Names of the sources that failed in part or in whole."""
        return [s.name for s in self.sources.values() if s.status == "degraded"]

    @property
    def review(self) -> list[dict[str, Any]]:
        """Documents a person should look at: relevant-looking but no events, unknown shapes, failures."""
        return [
            {"document_id": n.document.document_id, "title": n.document.title, "url": n.document.url,
             "kind": n.kind, "reason": n.review}
            for n in self.notices if n.review
        ]

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"{self.mode}: {len(self.notices)} documents parsed, {self.events_added} events added, "
                 f"{self.events_replaced} updated" + (f", {self.events_removed} removed" if self.events_removed else "")]
        if self.kept_as_filed:
            lines.append(f"  {len(self.kept_as_filed)} documents kept as filed (not read again): "
                         + "; ".join(self.kept_as_filed[:SUMMARY_REVIEW_LINES])
                         + (" …" if len(self.kept_as_filed) > SUMMARY_REVIEW_LINES else ""))
        for status in self.sources.values():
            lines.append(f"  source {status.name}: {status.status}")
            lines += [f"    {reason}" for reason in status.reasons]
        if self.unanswered:
            lines.append("  no source answered: nothing published")
        elif self.published:
            counts = self.published.manifest["changes"]
            lines.append(f"  published {self.published.name}: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
                         + f" -> {self.published.path}")
        elif self.refused:
            lines.append(f"  refused to publish: {self.refused}")
        else:
            lines.append("  no change: no new version")
        review = self.review
        for item in review[:SUMMARY_REVIEW_LINES]:
            lines.append(f"  review {item['document_id']}: {item['reason']} ({item['url']})")
        if len(review) > SUMMARY_REVIEW_LINES:
            kinds = Counter(item["kind"] for item in review)
            lines.append(f"  … {len(review) - SUMMARY_REVIEW_LINES} more not shown; {len(review)} to review in all ("
                         + ", ".join(f"{n} {k}" for k, n in kinds.most_common())
                         + "), every one in ledger/documents.parquet (column review) and the Prefect artifact")
        for item in self.pending_overdue:
            lines.append(f"  pending since {item['announced_on']} without a Federal Register notice: "
                         f"{item['program']} {item['name']}")
        lines += [f"  check: {line}" for line in self.reconciliation]
        lines += [f"  warning: {line}" for line in self.warnings]
        if self.requests:
            lines.append("  requests: " + ", ".join(f"{k} {v}" for k, v in sorted(self.requests.items())))
        return "\n".join(lines)

    def markdown(self) -> str:
        """The Prefect artifact: what changed, with citations and links, and what needs review."""
        out = [f"# designations {self.mode}", "", f"Started {self.started_at.isoformat()}.", ""]
        if self.degraded:
            out += [f"**Degraded**: {', '.join(self.degraded)} did not answer in full.", ""]
        out += ["## Sources", ""]
        for s in self.sources.values():
            out.append(f"- **{s.name}**: {s.status}")
            out += [f"  - {reason}" for reason in s.reasons]
        if not self.sources:
            out.append("none")
        out += ["", "## Changes", ""]
        if self.unanswered:
            out.append("No new version: no source answered.")
        elif self.published:
            out.append(f"Published **{self.published.name}** (parent {self.published.manifest['parent']}).")
            out += ["", "| change | program | name | fields |", "|---|---|---|---|"]
            out += [f"| {c['change']} | {c['program']} | {c['name']} | {', '.join(c['fields_changed'])} |"
                    for c in self.published.changes]
        else:
            out.append(f"No new version{': ' + self.refused if self.refused else ' (nothing changed)'}.")
        events = [f"- {event.program} {event.action} of **{event.name}** "
                  f"(effective {event.effective_on or 'not stated'}) — "
                  f"[{notice.document.citation or notice.document.document_id}]({notice.document.url})"
                  for notice in self.notices for event in notice.events]
        out += _section("Events from this run", events)
        out += _section("Needs review", [f"- [{r['document_id']}]({r['url']}) {r['title']}: {r['reason']}"
                                         for r in self.review])
        out += _section("Announced, still no Federal Register notice",
                        [f"- {p['program']} {p['name']} (announced {p['announced_on']})" for p in self.pending_overdue])
        out += _section("Cross-checks (reported, not applied)", [f"- {line}" for line in self.reconciliation])
        out += _section("Warnings (handled)", [f"- {line}" for line in self.warnings])
        return "\n".join(out) + "\n"


def _section(title: str, lines: list[str]) -> list[str]:
    """A markdown section that says "none" when it has nothing to list."""
    return ["", f"## {title}", "", *(lines or ["none"])]
