"""Benchmark: precision and recall of the `kind` stage (report, minutes, agenda, resolution,
letter, other) on a labelled set.

The set (see `bench/kinds_set.py`): 87 documents generated from `bench/data/kinds/` (ru, uk,
be, kk, en; DOCX, PDF, text; hard cases: titles that name another kind, letters enclosing a
report, minutes without the word ПРОТОКОЛ, English agendas that read like minutes), 26 more
held out (written after the classifier was settled, never tuned on), the 6 bundled samples,
the minutes quality set (30 documents), and 22 files of `../shared/corpus/` read in place. Each file is parsed by the real parsers and goes through the `language`, `kind`
and `minutes` stages, as in an ingest; the kind it ends with is compared with its label. The
same files without the `kind` stage (`language`, `minutes`: the pipeline before it) are the
baseline.

    python bench/kinds.py            # the table, the misses, and 10 timing rounds
    python bench/kinds.py --short    # 4 shared files instead of 22, one timing round (CI)
    python bench/kinds.py --json     # the same numbers as JSON
    python bench/kinds.py --set DIR  # write (and keep) the generated files in DIR
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kinds_set import Case, all_cases  # noqa: E402

from corpus.model import DOCUMENT_KINDS, Document  # noqa: E402
from pipeline.kind.classify import classify  # noqa: E402
from pipeline.parse import parse  # noqa: E402
from pipeline.parse.base import Source  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stages import Stage, build_stages, run_stages  # noqa: E402


@dataclass
class Outcome:
    """What one file became: with the kind stage, without it, and why."""

    case: Case
    found: str
    before: str
    reasons: list[str]


def run(cases: list[Case], with_kind: list[Stage], without: list[Stage]) -> tuple[
        list[Outcome], list[Document]]:
    """Every file through both stage lists; the parsed documents are returned for timing."""
    outcomes, parsed = [], []
    for case in cases:
        try:
            document = parse(Source.from_path(case.path))
        except Exception as err:  # noqa: BLE001 - a file that does not parse is a miss, shown
            outcomes.append(Outcome(case, "unreadable", "unreadable", [str(err)]))
            continue
        parsed.append(copy.deepcopy(document))
        baseline = copy.deepcopy(document)
        run_stages(document, with_kind, strict=True)
        run_stages(baseline, without, strict=True)
        outcomes.append(Outcome(case, document.kind, baseline.kind,
                                document.properties.get("kind_evidence", [])))
    return outcomes, parsed


def per_kind(outcomes: list[Outcome], found: str = "found") -> dict[str, dict[str, Any]]:
    """Precision, recall and F1 per kind (of `found` or `before`)."""
    table = {}
    for kind in DOCUMENT_KINDS:
        expected = sum(1 for o in outcomes if o.case.kind == kind)
        given = sum(1 for o in outcomes if getattr(o, found) == kind)
        right = sum(1 for o in outcomes if o.case.kind == kind and getattr(o, found) == kind)
        precision = right / given if given else 1.0
        recall = right / expected if expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = {"expected": expected, "found": given, "correct": right,
                       "precision": round(precision, 3), "recall": round(recall, 3),
                       "f1": round(f1, 3)}
    return table


def accuracy(outcomes: list[Outcome], found: str = "found") -> float:
    right = sum(1 for o in outcomes if getattr(o, found) == o.case.kind)
    return round(right / len(outcomes), 3) if outcomes else 1.0


def grouped(outcomes: list[Outcome], key: str) -> dict[str, dict[str, Any]]:
    """Accuracy per source or per language."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(getattr(outcome.case, key) or "—", []).append(outcome)
    return {name: {"documents": len(group), "accuracy": accuracy(group),
                   "accuracy_before": accuracy(group, "before")}
            for name, group in groups.items()}


def stage_speed(parsed: list[Document], rounds: int) -> float:
    """Documents per second of the classifier alone, over parsed documents."""
    started = time.perf_counter()
    for _ in range(rounds):
        for document in parsed:
            classify(document)
    return round(rounds * len(parsed) / (time.perf_counter() - started), 1)


def score(folder: Path, short: bool, rounds: int) -> dict[str, Any]:
    cases = all_cases(folder, short)
    with_kind = build_stages(load_settings(stages="language,kind,minutes"))
    without = build_stages(load_settings(stages="language,minutes"))
    started = time.perf_counter()
    outcomes, parsed = run(cases, with_kind, without)
    seconds = time.perf_counter() - started
    return {
        "date": time.strftime("%Y-%m-%d"),
        "documents": len(outcomes),
        "labels": dict(Counter(o.case.kind for o in outcomes)),
        "accuracy": accuracy(outcomes),
        "accuracy_before": accuracy(outcomes, "before"),
        "kinds": per_kind(outcomes),
        "kinds_before": per_kind(outcomes, "before"),
        "sources": grouped(outcomes, "source"),
        "languages": grouped(outcomes, "language"),
        "misses": [{"file": o.case.path.name, "expected": o.case.kind, "found": o.found,
                    "why": o.reasons} for o in outcomes if o.found != o.case.kind],
        "seconds": round(seconds, 2),
        "stage_documents_per_second": stage_speed(parsed, rounds),
    }


def markdown(result: dict[str, Any]) -> str:
    lines = ["| kind | documents | found | correct | precision | recall | F1 | recall before |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, row in result["kinds"].items():
        before = result["kinds_before"][kind]["recall"]
        lines.append(f"| {kind} | {row['expected']} | {row['found']} | {row['correct']} | "
                     f"{row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | "
                     f"{before:.3f} |")
    lines += ["", f"accuracy {result['accuracy']:.3f} over {result['documents']} documents "
                  f"(before the kind stage: {result['accuracy_before']:.3f})", "",
              "| group | documents | accuracy | before |", "|---|---:|---:|---:|"]
    for section in ("sources", "languages"):
        for name, row in result[section].items():
            lines.append(f"| {name} | {row['documents']} | {row['accuracy']:.3f} | "
                         f"{row['accuracy_before']:.3f} |")
    lines.append("")
    for miss in result["misses"]:
        lines.append(f"miss: {miss['file']}: {miss['expected']} → {miss['found']} "
                     f"({'; '.join(miss['why'][:3])})")
    lines.append(f"{result['seconds']} s for parse + stages (both stage lists); the classifier "
                 f"alone: {result['stage_documents_per_second']} documents/s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--set", type=Path, help="folder for the generated files (kept)")
    parser.add_argument("--short", action="store_true", help="fewer shared files, one round")
    parser.add_argument("--rounds", type=int, default=10, help="timing rounds of the classifier")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.set or Path(tmp)
        result = score(folder, args.short, 1 if args.short else args.rounds)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else markdown(result))


if __name__ == "__main__":
    main()
