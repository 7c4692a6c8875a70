"""The hard retrieval set the way a user's script meets it: every text ingested as its own file
with every stage (`sekretar ingest`), the questions asked with `sekretar search --batch --json
--limit 10`, and recall@1 and recall@5 counted on the documents listed.

Unlike bench/hard_retrieval.py, which puts each text in one block and calls the searcher, the
texts here are parsed as files (one block a paragraph), their language is detected, entities
found, and a hit is a document: what a held-out run of the same kind would see.

The texts are copied to a temporary folder for the run and deleted with it.

Usage: python bench/hard_cli.py [--texts N] [--json] [--short]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hard_retrieval import LANGUAGES, TEXTS, questions  # noqa: E402
from pipeline.cli import main as cli  # noqa: E402


def run(command: list[str]) -> str:
    """What a sekretar command printed (it must succeed)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(command)
    if code not in (0, None):
        raise SystemExit(f"sekretar {command[0]} ended with {code}:\n{out.getvalue()[-2000:]}")
    return out.getvalue()


def recall(answers: list[dict[str, Any]], items: list[dict[str, str]]) -> dict[str, float]:
    """recall@1 and @5 of the documents listed, and how many questions got none."""
    first = five = empty = 0
    for answer, item in zip(answers, items, strict=True):
        names = [Path(hit["source_name"]).stem for hit in answer.get("hits", [])]
        empty += not names
        first += names[:1] == [item["id"]]
        five += item["id"] in names[:5]
    count = max(len(items), 1)
    return {"recall@1": first / count, "recall@5": five / count, "no hits": empty}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=0, help="texts asked about (0: all)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--short", action="store_true", help="8 texts (CI)")
    args = parser.parse_args()
    if args.short:
        args.texts = 8
    if not TEXTS.is_dir():
        print(f"the factRuEval-2016 dev set is not at {TEXTS}: nothing to measure")
        return
    items = questions()
    names = sorted(dict.fromkeys(item["id"] for item in items))
    names = names[: args.texts] if args.texts else names
    items = [item for item in items if item["id"] in names]
    report: dict[str, Any] = {"texts": len(names), "questions": len(items)}
    with tempfile.TemporaryDirectory() as folder:
        inbox, data = Path(folder) / "inbox", Path(folder) / "data"
        inbox.mkdir()
        for name in names:
            shutil.copy(TEXTS / f"{name}.txt", inbox)
        began = time.perf_counter()
        run(["ingest", str(inbox), "--data", str(data)])
        report["ingest_seconds"] = round(time.perf_counter() - began, 1)
        for language in LANGUAGES:
            asked = Path(folder) / f"questions_{language}.txt"
            asked.write_text("".join(f"{i[f'question_{language}']}\n" for i in items), "utf-8")
            printed = run(["search", "--batch", str(asked), "--json", "--limit", "10",
                           "--data", str(data)])
            answers = [json.loads(line) for line in printed.splitlines() if line.strip()]
            report[language] = recall(answers, items)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['texts']} texts, {report['questions']} questions a language, "
          f"ingest {report['ingest_seconds']} s")
    print("| questions | recall@1 | recall@5 | no hits |")
    print("|---|---|---|---|")
    for language in LANGUAGES:
        got = report[language]
        print(f"| {language} | {got['recall@1']:.3f} | {got['recall@5']:.3f} | {got['no hits']} |")


if __name__ == "__main__":
    main()
