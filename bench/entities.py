"""Benchmark of the language and entity stages (a script, not a test).

    python bench/entities.py            # full run (about two minutes)
    python bench/entities.py --short    # CI's short form
    python bench/entities.py --json     # the same figures as JSON

Prints, on the same Russian sentences and on one core: sentences per CPU second (CPU time,
not wall time, so a busy machine does not distort the figure) for our full
Russian pipeline (the `entities` stage: NER, rules, gazetteer, normalisation) and for natasha
alone (its NER, and its NER plus the morphology and syntax its normalisation needs), with each
one's load time and peak memory (each measured in a fresh process); span-exact P/R/F1 of
natasha alone and of our pipeline on the gold set in tests/pipeline/entities/data/ner_gold_ru.txt; and
the language-ID accuracy table (ours, and py3langid alone) on
tests/pipeline/language/data/langid_sentences.tsv.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402 - the thread limits must be set before numpy loads
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "tests" / "pipeline" / "entities" / "data" / "ner_gold_ru.txt"
LANGID = ROOT / "tests" / "pipeline" / "language" / "data" / "langid_sentences.tsv"
MARK = re.compile(r"\[(PER|LOC|ORG) ([^\]|]+)(?:\|([^\]]+))?\]")

Span = tuple[int, int, str]


def read_gold() -> list[tuple[str, str, list[tuple[int, int, str, str | None]]]]:
    """(set, plain text, [(start, end, label, normal)]) per gold sentence."""
    rows = []
    for line in GOLD.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        group, marked = line.split("\t")
        text, spans, last = "", [], 0
        for m in MARK.finditer(marked):
            text += marked[last : m.start()]
            spans.append((len(text), len(text) + len(m[2]), m[1], m[3]))
            text += m[2]
            last = m.end()
        rows.append((group, text + marked[last:], spans))
    return rows


def russian_sentences() -> list[str]:
    """The gold sentences and the Russian language-ID sentences: 175 different sentences."""
    found = [text for _, text, _ in read_gold()]
    for line in LANGID.read_text("utf-8").splitlines():
        if line.startswith("ru\t"):
            found.append(line.split("\t")[1])
    return found


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# speed workers (each runs in its own process) ---------------------------------------------


def ours_worker(texts: list[str]) -> dict[str, Any]:
    """The entities stage on a document whose blocks are the sentences."""
    from corpus.model import Document
    from pipeline.entities.stage import EntitiesStage

    def run(sentences: list[str]) -> float:
        doc = Document(id="0" * 64, source_name="bench", media_type="text/plain", language="ru")
        for text in sentences:
            doc.add_block("paragraph", text, language="ru")
        started = time.process_time()
        EntitiesStage().run(doc)
        assert not doc.problems, doc.problems
        return time.process_time() - started

    load = run(["Заседание прошло в Москве."])  # loads the models (and a few words)
    return {
        "load_s": load,
        "first_pass": len(texts) / run(texts),
        "steady": len(texts) / run(texts),
    }


def natasha_worker(texts: list[str], full: bool) -> dict[str, Any]:
    """natasha alone, as its README runs it, one Doc per sentence."""
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    started = time.process_time()
    emb = NewsEmbedding()
    segmenter, ner = Segmenter(), NewsNERTagger(emb)
    morph, syntax, vocab = (
        (NewsMorphTagger(emb), NewsSyntaxParser(emb), MorphVocab()) if full else (None, None, None)
    )
    load = time.process_time() - started

    def run() -> float:
        started = time.process_time()
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(ner)
            if full:
                doc.tag_morph(morph)
                doc.parse_syntax(syntax)
                for span in doc.spans:
                    span.normalize(vocab)
        return time.process_time() - started

    return {"load_s": load, "first_pass": len(texts) / run(), "steady": len(texts) / run()}


def worker_main(name: str, repeat: int) -> None:
    pin_one_core()
    texts = russian_sentences() * repeat
    if name == "ours":
        result = ours_worker(texts)
    else:
        result = natasha_worker(texts, full=name == "natasha-full")
    result["sentences"] = len(texts)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def measure(name: str, repeat: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# quality ------------------------------------------------------------------------------------


def score(
    gold: list[set[Span]], found: list[set[Span]], label: str | None = None
) -> dict[str, float]:
    """Span-exact precision, recall and F1 (for one label or all)."""

    def keep(spans: set[Span]) -> set[Span]:
        return {s for s in spans if label is None or s[2] == label}

    tp = sum(len(keep(g) & keep(f)) for g, f in zip(gold, found, strict=True))
    n_found = sum(len(keep(f)) for f in found)
    n_gold = sum(len(keep(g)) for g in gold)
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold}


def natasha_spans(texts: list[str]) -> list[set[Span]]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    found = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        found.append({(s.start, s.stop, s.type) for s in doc.spans})
    return found


def our_entities(texts: list[str]) -> list[list[Any]]:
    from corpus.model import Document
    from pipeline.entities.stage import EntitiesStage

    doc = Document(id="1" * 64, source_name="gold", media_type="text/plain", language="ru")
    for text in texts:
        doc.add_block("paragraph", text, language="ru")
    EntitiesStage().run(doc)
    return [b.entities for b in doc.blocks]


def quality() -> dict[str, Any]:
    gold_rows = read_gold()
    texts = [text for _, text, _ in gold_rows]
    theirs = natasha_spans(texts)
    ours_full = our_entities(texts)
    ours = [
        {(e.start, e.end, e.label) for e in es if e.label in ("PER", "LOC", "ORG")}
        for es in ours_full
    ]
    result: dict[str, Any] = {}
    for group in ("news", "domain"):
        idx = [i for i, row in enumerate(gold_rows) if row[0] == group]
        gold = [{(s, e, lab) for s, e, lab, _ in gold_rows[i][2]} for i in idx]
        result[group] = {
            who: {
                lab or "all": score(gold, [found[i] for i in idx], lab)
                for lab in (None, "PER", "LOC", "ORG")
            }
            for who, found in (("natasha", theirs), ("ours", ours))
        }
    result["domain"]["normal_forms"] = normal_form_accuracy(gold_rows, ours_full)
    return result


def normal_form_accuracy(gold_rows: list[Any], ours: list[list[Any]]) -> dict[str, Any]:
    """Of the domain's gold spans with a normal form: found with the exact span and normal."""
    right, total, wrong = 0, 0, []
    for (group, _, spans), entities in zip(gold_rows, ours, strict=True):
        if group != "domain":
            continue
        by_span = {(e.start, e.end, e.label): e.normal for e in entities}
        for start, end, label, normal in spans:
            total += 1
            if by_span.get((start, end, label)) == normal:
                right += 1
            else:
                wrong.append(normal)
    return {"right": right, "total": total, "missed": wrong}


# language identification ------------------------------------------------------------------


def langid_table() -> dict[str, dict[str, Any]]:
    from pipeline.language.detect import LANGUAGES, identifier, identify

    rows = [
        line.split("\t")
        for line in LANGID.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    counts: dict[str, Counter[str]] = {code: Counter() for code in LANGUAGES}
    for language, sentence in rows:
        short = " ".join(sentence.split()[:3])
        tally = counts[language]
        tally["n"] += 1
        tally["ours"] += identify(sentence).language == language
        tally["py3langid"] += identifier().classify(sentence)[0] == language
        tally["ours_3_words"] += identify(short).language == language
        tally["py3langid_3_words"] += identifier().classify(short)[0] == language
    return {
        code: {k: (v if k == "n" else v / c["n"]) for k, v in c.items()}
        for code, c in counts.items()
    }


# report -------------------------------------------------------------------------------------


def report(results: dict[str, Any]) -> None:
    print("Language identification (accuracy on clean sentences; 3 words = their first 3 words)")
    print(f"{'lang':5} {'n':>3} {'ours':>7} {'py3langid':>10} {'ours 3w':>8} {'py3l 3w':>8}")
    for code, row in results["langid"].items():
        print(
            f"{code:5} {row['n']:>3} {row['ours']:>7.1%} {row['py3langid']:>10.1%} "
            f"{row['ours_3_words']:>8.1%} {row['py3langid_3_words']:>8.1%}"
        )
    for group in ("news", "domain"):
        print(f"\nRussian NER, span-exact, {group} set")
        for who in ("natasha", "ours"):
            for label, s in results["ner"][group][who].items():
                print(
                    f"  {who:8} {label:4} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}"
                    f"  (gold {s['gold']})"
                )
    nf = results["ner"]["domain"]["normal_forms"]
    print(f"\nDomain normal forms right: {nf['right']}/{nf['total']}  missed: {nf['missed']}")
    print(
        "\nSpeed: sentences per CPU second, i.e. on one dedicated core (first pass with cold "
        "caches; steady), load = CPU seconds to load"
    )
    for name, row in results["speed"].items():
        print(
            f"  {name:13} {row['first_pass']:7.1f} {row['steady']:7.1f}   load "
            f"{row['load_s']:.1f} s   peak {row['peak_mb']:.0f} MB   ({row['sentences']} sent.)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="CI's short form")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker, args.repeat)
        return
    repeat = 1 if args.short else args.repeat
    names = ("ours", "natasha-ner") if args.short else ("ours", "natasha-ner", "natasha-full")
    results = {
        "langid": langid_table(),
        "ner": quality(),
        "speed": {name: measure(name, repeat) for name in names},
    }
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        report(results)


if __name__ == "__main__":
    main()
