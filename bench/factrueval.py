"""Russian NER on the factRuEval-2016 demonstration set: our entity stage against natasha alone.

    nice -n 10 python bench/factrueval.py                 # all 122 texts
    nice -n 10 python bench/factrueval.py --short         # the first 40 texts (by number)
    nice -n 10 python bench/factrueval.py --limit 60      # the first 60 texts
    nice -n 10 python bench/factrueval.py --errors 30     # also print 30 differences of ours
    nice -n 10 python bench/factrueval.py --normals       # also compare normal forms with natasha's

The set is read in place from ../shared/dev-sets/factRuEval-2016-devset/ (or --data). It is
scored as that folder's README says: per document, the multiset of (mention text, type) with
PER (Person), LOC (Location, LocOrg) and ORG (Org); a mention runs from the first to the last
character of its object's core spans (name, surname, patronymic, nickname for PER; loc_name or
org_name for LOC; org_name for ORG), whitespace collapsed; counts are summed over documents.

natasha alone is run as its README runs it, on the whole text. Ours is the pipeline as a file
meets it: the text is cut into one block per line, the `language` stage labels the blocks and
the `entities` stage tags them. When the set is not there, the script says so and does
nothing (it is public data read in place, not part of the repository).
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402 - the thread limits must be set before numpy loads
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "dev-sets" / "factRuEval-2016-devset"
TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
CORE = {
    "PER": {"name", "surname", "patronymic", "nickname"},
    "LOC": {"loc_name", "org_name"},
    "ORG": {"org_name"},
}
LABELS = ("PER", "LOC", "ORG")

Mentions = Counter[tuple[str, str]]


def collapse(text: str) -> str:
    return " ".join(text.split())


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def gold_mentions(book: Path) -> Mentions:
    """The (mention text, type) multiset of one text, from its .spans and .objects files."""
    text = read_text(book.with_suffix(".txt"))
    spans: dict[str, tuple[str, int, int]] = {}
    for line in read_text(book.with_suffix(".spans")).splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = (fields[1], int(fields[2]), int(fields[2]) + int(fields[3]))
    found: Mentions = Counter()
    for line in read_text(book.with_suffix(".objects")).splitlines():
        fields = line.split("#")[0].split()
        if len(fields) < 3 or fields[1] not in TYPES:
            continue
        label = TYPES[fields[1]]
        core = [spans[s] for s in fields[2:] if s in spans and spans[s][0] in CORE[label]]
        if core:
            start, end = min(s for _, s, _ in core), max(e for _, _, e in core)
            found[(collapse(text[start:end]), label)] += 1
    return found


def books(data: Path, limit: int | None) -> list[Path]:
    names = sorted(data.glob("book_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    return [p.with_suffix("") for p in names[:limit]]


def sentenize(text: str) -> list[str]:
    from razdel import sentenize as cut

    return [s.text for s in cut(text)]


def natasha_alone(texts: list[str]) -> list[Mentions]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    found = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        found.append(Counter((collapse(s.text), s.type) for s in doc.spans))
    return found


def ours(texts: list[str]) -> list[Mentions]:
    from corpus.model import Document
    from pipeline.entities.stage import EntitiesStage
    from pipeline.language.stage import LanguageStage

    language, entities = LanguageStage(), EntitiesStage()
    found = []
    for n, text in enumerate(texts):
        doc = Document(id=f"{n:064d}", source_name="bench", media_type="text/plain")
        for line in text.splitlines():
            if line.strip():
                doc.add_block("paragraph", line)
        entities.run(language.run(doc))
        found.append(
            Counter(
                (collapse(e.text), e.label)
                for block in doc.blocks
                for e in block.entities
                if e.label in LABELS
            )
        )
    return found


def normal_agreement(texts: list[str]) -> tuple[int, int]:
    """(agreeing, compared): of the spans natasha and our stage both find at the same offsets,
    how many have the same normal form (natasha's: its morphology and syntax, `span.normalize`).
    The set has no gold normal forms, so this is agreement, not accuracy."""
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    from corpus.model import Document
    from pipeline.entities.stage import EntitiesStage
    from pipeline.language.stage import LanguageStage

    emb = NewsEmbedding()
    segmenter, ner, vocab = Segmenter(), NewsNERTagger(emb), MorphVocab()
    morph, syntax = NewsMorphTagger(emb), NewsSyntaxParser(emb)
    agree = total = 0
    for n, text in enumerate(texts):
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        theirs = {}
        for span in doc.spans:
            span.normalize(vocab)
            theirs[(span.start, span.stop)] = span.normal
        ours_doc = Document(id=f"{n:064d}", source_name="bench", media_type="text/plain")
        starts, position = [], 0
        for line in text.split("\n"):
            if line.strip():
                ours_doc.add_block("paragraph", line)
                starts.append(position)
            position += len(line) + 1
        EntitiesStage().run(LanguageStage().run(ours_doc))
        for block, start in zip(ours_doc.blocks, starts, strict=True):
            for e in block.entities:
                normal = theirs.get((start + e.start, start + e.end))
                if normal is not None:
                    total += 1
                    agree += normal == e.normal
    return agree, total


def score(gold: list[Mentions], found: list[Mentions], label: str | None) -> dict[str, float]:
    def keep(c: Mentions) -> Mentions:
        return Counter({k: v for k, v in c.items() if label is None or k[1] == label})

    tp = sum(sum((keep(g) & keep(f)).values()) for g, f in zip(gold, found, strict=True))
    n_found = sum(sum(keep(f).values()) for f in found)
    n_gold = sum(sum(keep(g).values()) for g in gold)
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold}


def print_errors(names: list[Path], gold: list[Mentions], found: list[Mentions], n: int) -> None:
    shown = 0
    for name, g, f in zip(names, gold, found, strict=True):
        for kind, diff in (("missed", g - f), ("extra ", f - g)):
            for (text, label), count in sorted(diff.items()):
                if shown < n:
                    print(f"  {name.name:9} {kind} {label} {text!r} x{count}")
                    shown += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the set's folder")
    parser.add_argument("--limit", type=int, help="score only the first N texts")
    parser.add_argument("--short", action="store_true", help="the first 40 texts")
    parser.add_argument("--normals", action="store_true", help="compare normal forms too")
    parser.add_argument("--errors", type=int, default=0, help="print N differences of ours")
    args = parser.parse_args()
    names = books(args.data, 40 if args.short and not args.limit else args.limit)
    if not names:
        print(f"no factRuEval texts in {args.data}: nothing to measure")
        return
    texts = [read_text(p.with_suffix(".txt")) for p in names]
    gold = [gold_mentions(p) for p in names]
    runs = {}
    sentences = sum(len(list(sentenize(text))) for text in texts)
    print(f"factRuEval-2016 devset, {len(texts)} texts ({sentences} sentences)")
    for who, run in (("natasha", natasha_alone), ("ours", ours)):
        run(texts[:1])  # load the models first
        started = time.process_time()
        runs[who] = run(texts)
        spent = time.process_time() - started
        print(f"  {who:8} {spent:.1f} CPU s, {sentences / spent:.0f} sentences per CPU second")
    print("Mention multisets per document:")
    for who, found in runs.items():
        for label in (None, *LABELS):
            s = score(gold, found, label)
            print(
                f"  {who:8} {label or 'all':4} P {s['p']:.3f}  R {s['r']:.3f}  "
                f"F1 {s['f1']:.3f}  (gold {s['gold']:.0f})"
            )
    if args.normals:
        agree, total = normal_agreement(texts)
        print(f"Normal forms the same as natasha's: {agree}/{total} = {agree / total:.3f}")
    if args.errors:
        print_errors(names, gold, runs["ours"], args.errors)


if __name__ == "__main__":
    main()
