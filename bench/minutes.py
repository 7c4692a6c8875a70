"""Benchmark: precision and recall of the minutes reader on the generated quality set.

Generates the set (`tests/pipeline/minutes/make_minutes_set.py`: ru, uk, be, kk, en; DOCX,
PDF, text, Markdown) into a temporary folder, parses each file with the real parsers, runs the
language and minutes stages, and compares what was read with the expected structure written
beside each file. Counted units:

- agenda items: (number, title)
- decisions: (item, number, text)
- speakers: (item, speaker in the nominative, person key)
- speaker parts: (item, person key, capacity) for speeches with a part (chair, rapporteur…)
- votes: (item, decision or the whole item, for, against, abstained, outcome, unanimous)
- member votes: (item, decision or the whole item, person key, choice)
- body, number, date, place, chair, secretary: the head's field, where the minutes give it

    python bench/minutes.py            # the quality table (markdown)
    python bench/minutes.py --json     # the same numbers as JSON
    python bench/minutes.py --set DIR  # use (and keep) the set in DIR
    python bench/minutes.py --short    # one timing round instead of ten (what CI runs)
    python bench/minutes.py --held-out # the held-out minutes instead (never tuned on)

Speed is printed two ways: documents/s end to end (parse, language, minutes) and documents/s
of the minutes stage alone, re-reading the parsed documents `--rounds` times.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "pipeline" / "minutes"))

from make_minutes_set import expected_for, make_set  # noqa: E402

from pipeline.minutes.export import structure  # noqa: E402
from pipeline.parse import parse  # noqa: E402
from pipeline.parse.base import Source  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.stages import build_stages, run_stages  # noqa: E402

HEAD_FIELDS = ("body", "number", "date", "place", "chair", "secretary")
CATEGORIES = ("agenda items", "decisions", "speakers", "speaker parts", "votes",
              "member votes", *HEAD_FIELDS)
Units = dict[str, Counter[tuple[Any, ...]]]


def units(data: dict[str, Any]) -> Units:
    """The counted units of a structure (see the module's docstring)."""
    found: Units = {c: Counter() for c in CATEGORIES}
    head = data.get("minutes") or {}
    for name in HEAD_FIELDS:
        if head.get(name):
            found[name][(head[name],)] += 1
    agenda = head.get("agenda", [])
    for position, item in enumerate(agenda, start=1):
        name = item["number"] or f"#{position}"
        found["agenda items"][(item["number"], item["title"])] += 1
        for speech in item["speeches"]:
            found["speakers"][(name, speech["speaker"], speech["person_key"])] += 1
            if speech.get("capacity"):
                found["speaker parts"][(name, speech["person_key"], speech["capacity"])] += 1
        for decision in item["decisions"]:
            found["decisions"][(name, decision["number"], decision["text"])] += 1
            _vote(found, (name, decision["number"] or decision["text"][:30]), decision["vote"])
        _vote(found, (name, "item"), item["vote"])
    return found


def _vote(found: Units, where: tuple[Any, ...], vote: dict[str, Any] | None) -> None:
    if vote is not None:
        found["votes"][(*where, vote["for"], vote["against"], vote["abstained"], vote["outcome"],
                        vote["unanimous"])] += 1
        for member in vote.get("members", []):
            found["member votes"][(*where, member["person_key"], member["choice"])] += 1


def read_document(path: Path, stages: list[Any]) -> dict[str, Any]:
    """Parse a file, run the stages and return its structure."""
    document = parse(Source.from_path(path))
    run_stages(document, stages, strict=True)
    document.finish()
    return structure(document)


def score(folder: Path) -> dict[str, Any]:
    """Per-document and overall true positives, found and expected counts per category."""
    stages = build_stages(load_settings(stages="language,minutes"))
    totals: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
    documents = []
    started = time.perf_counter()
    for path in sorted(p for p in folder.iterdir() if not p.name.endswith(".json")):
        got, want = units(read_document(path, stages)), units(expected_for(path))
        row: dict[str, Any] = {"file": path.name}
        for category in CATEGORIES:
            hit = sum((got[category] & want[category]).values())
            counts = Counter(tp=hit, found=sum(got[category].values()),
                             expected=sum(want[category].values()))
            totals[category].update(counts)
            row[category] = dict(counts)
        documents.append(row)
    seconds = time.perf_counter() - started
    return {"documents": documents, "totals": {c: dict(totals[c]) for c in CATEGORIES},
            "seconds": round(seconds, 2),
            "documents_per_second": round(len(documents) / seconds, 2)}


def stage_speed(folder: Path, rounds: int) -> float:
    """Documents per second of the minutes stage alone, over already parsed documents."""
    from pipeline.minutes.stage import read_minutes

    parsed = []
    language = build_stages(load_settings(stages="language"))
    for path in sorted(p for p in folder.iterdir() if not p.name.endswith(".json")):
        document = parse(Source.from_path(path))
        run_stages(document, language, strict=True)
        parsed.append(document)
    read_minutes(parsed[0])  # loads the morphology dictionaries outside the timing
    started = time.perf_counter()
    for _ in range(rounds):
        for document in parsed:
            read_minutes(document)
    return round(rounds * len(parsed) / (time.perf_counter() - started), 1)


def write_held_out(folder: Path) -> None:
    """The held-out minutes and their expected structures, written into `folder`."""
    import minutes_heldout
    from minutes_write import write

    folder.mkdir(parents=True, exist_ok=True)
    for make in minutes_heldout.ALL:
        real = make()
        write(folder / real.filename, real.elements, real.options)
        (folder / f"{real.name}.expected.json").write_text(
            json.dumps(real.expected, ensure_ascii=False, indent=1) + "\n", "utf-8")


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def table(result: dict[str, Any]) -> str:
    """The quality table in markdown."""
    lines = ["| unit | expected | found | correct | precision | recall |",
             "|---|---:|---:|---:|---:|---:|"]
    for category, c in result["totals"].items():
        lines.append(f"| {category} | {c['expected']} | {c['found']} | {c['tp']} | "
                     f"{ratio(c['tp'], c['found']):.3f} | {ratio(c['tp'], c['expected']):.3f} |")
    misses = [d["file"] for d in result["documents"]
              if any(d[c]["tp"] != d[c]["expected"] or d[c]["tp"] != d[c]["found"]
                     for c in CATEGORIES)]
    lines.append("")
    lines.append(f"{len(result['documents'])} documents, {result['seconds']} s "
                 f"({result['documents_per_second']} documents/s parse + language + minutes; "
                 f"minutes stage alone {result['stage_documents_per_second']} documents/s); "
                 f"documents with a miss: {', '.join(misses) or 'none'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--set", type=Path, help="folder for the generated set (kept)")
    parser.add_argument("--short", action="store_true", help="one timing round (for CI)")
    parser.add_argument("--rounds", type=int, default=10, help="timing rounds of the stage")
    parser.add_argument("--held-out", action="store_true",
                        help="score the held-out minutes (tests/pipeline/minutes/minutes_heldout.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.set or Path(tmp)
        if args.held_out:
            write_held_out(folder)
        else:
            make_set(folder)
        result = score(folder)
        result["stage_documents_per_second"] = stage_speed(folder, 1 if args.short else args.rounds)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else table(result))


if __name__ == "__main__":
    main()
