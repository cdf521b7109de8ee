"""The FR reader on grammar-generated notices: python benchmarks/bench_generated.py --n 20000 [--seed 0] [--examples 12].

Prints the exact rate, junk names, parse throughput, and failures clustered (1) by notice kind and problem and
(2) by slot variant, ranked by how much more often notices with that variant fail than notices without it; each
cluster shows one example (the shortest failing notice): its text, the expected events and what the parser gave.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.federal_register import parse_fr_document  # noqa: E402
from tests.grammar.fr_notices import SLOTS, Outcome, compare, generate_seeded, report  # noqa: E402


def run(n: int, seed: int) -> tuple[list[tuple], float, float]:
    """(notice, outcome, error) for n seeds; seconds spent generating and parsing."""
    results, gen_s, parse_s = [], 0.0, 0.0
    for i in range(n):
        started = time.perf_counter()
        notice = generate_seeded(seed + i)
        parsed = time.perf_counter()
        gen_s += parsed - started
        try:
            events, error = parse_fr_document(notice.meta, notice.xml).events, None
        except Exception as exc:  # a crash is a finding, not the end of the run
            events, error = (), f"{type(exc).__name__}: {exc}"
        parse_s += time.perf_counter() - parsed
        outcome = compare(notice, events)
        if error:
            outcome = Outcome(False, (f"parser raised {error.split(':')[0]}",), outcome.junk, outcome.got)
        results.append((notice, outcome, error))
    return results, gen_s, parse_s


def shortest(items: list[tuple]) -> tuple:
    return min(items, key=lambda item: len(item[0].text()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--examples", type=int, default=12, help="clusters shown with an example, per table")
    parser.add_argument("--min-support", type=int, default=30, help="least notices a variant needs to be ranked")
    args = parser.parse_args()

    results, gen_s, parse_s = run(args.n, args.seed)
    failures = [r for r in results if not r[1].exact]
    junk = [(text, why, r[0]) for r in results for text, why in r[1].junk]
    exact = len(results) - len(failures)
    print(f"generated notices: {len(results):,} (seeds {args.seed}..{args.seed + args.n - 1})")
    print(f"exact: {exact:,} ({100 * exact / len(results):.2f}%)   failing: {len(failures):,}")
    print(f"junk names or aliases produced: {len(junk):,} in {len({id(j[2]) for j in junk}):,} notices")
    print(f"parser throughput: {len(results) / parse_s:,.0f} notices/s on one core "
          f"(generation {len(results) / gen_s:,.0f} notices/s, not counted)")
    print(f"parser crashes: {sum(1 for r in results if r[2])}")

    by_kind: dict[str, list] = collections.defaultdict(list)
    total_kind: collections.Counter = collections.Counter()
    for r in results:
        total_kind[r[0].choices["kind"][0]] += 1
    for r in failures:
        by_kind[r[0].choices["kind"][0]].append(r)
    print("\n== exact rate by kind ==")
    for kind in SLOTS["kind"]:
        total = total_kind[kind]
        if total:
            print(f"  {kind:30s} {100 * (total - len(by_kind[kind])) / total:6.1f}%  of {total}")

    clusters: dict[tuple, list] = collections.defaultdict(list)
    for r in failures:
        clusters[(r[0].choices["kind"][0], r[1].problems)].append(r)
    print(f"\n== failures by kind and problem ({len(clusters)} clusters, largest first) ==")
    ranked = sorted(clusters.items(), key=lambda item: -len(item[1]))
    for (kind, problems), items in ranked:
        print(f"  {len(items):6d}  {kind:30s} {', '.join(problems)}")

    # variant lift within a kind: P(fail | kind, variant) / P(fail | kind, not variant)
    seen: collections.Counter = collections.Counter()
    failed: collections.Counter = collections.Counter()
    examples: dict[tuple, list] = collections.defaultdict(list)
    for r in results:
        kind = r[0].choices["kind"][0]
        for slot, variant in set(r[0].variants()):
            if slot == "kind":
                continue
            key = (kind, slot, variant)
            seen[key] += 1
            if not r[1].exact:
                failed[key] += 1
                examples[key].append(r)
    lifts = []
    for key, count in seen.items():
        if count < args.min_support or not failed[key] or count == total_kind[key[0]]:
            continue  # too rare to rank, never failing, or in every notice of its kind (no contrast)
        kind_total, kind_failed = total_kind[key[0]], len(by_kind[key[0]])
        rate = failed[key] / count
        rest = (kind_failed - failed[key]) / max(1, kind_total - count)
        lifts.append((rate / rest if rest else float("inf"), rate, count, key))
    lifts.sort(key=lambda item: (-min(item[0], 1e9), -item[1], -item[2]))
    print("\n== slot variants whose notices fail most, within their kind "
          "(fail rate with the variant / without it; inf = every failure of the kind has it) ==")
    for lift, rate, count, (kind, slot, variant) in lifts[:40]:
        print(f"  lift {lift:6.2f}  fail {100 * rate:5.1f}% of {count:5d}  {kind:28s} {slot}={variant}")
    always = [key for key, count in seen.items() if count >= args.min_support and failed[key] == count]
    print(f"\n== variants failing in every notice that has them ({len(always)}) ==")
    for kind, slot, variant in sorted(always):
        print(f"  {kind:28s} {slot}={variant}  ({seen[(kind, slot, variant)]})")

    print(f"\n== examples: the {args.examples} largest kind/problem clusters ==")
    for (kind, problems), items in ranked[:args.examples]:
        notice, outcome, error = shortest(items)
        print(f"\n### {kind}: {', '.join(problems)} ({len(items)} notices)" + (f"\nerror: {error}" if error else ""))
        print(report(notice, outcome))
    print(f"\n== examples: the {args.examples} variants with the highest lift ==")
    for lift, rate, count, key in lifts[:args.examples]:
        notice, outcome, error = shortest(examples[key])
        print(f"\n### {key[0]}: {key[1]}={key[2]} (lift {lift:.2f}, {failed[key]} failing of {count})")
        print(report(notice, outcome))
    if junk:
        print("\n== junk names (first 20) ==")
        for text, why, notice in junk[:20]:
            print(f"  {text!r}: {why}   [{notice.choices['kind'][0]}]")


if __name__ == "__main__":
    main()
