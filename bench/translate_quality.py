"""Benchmark: translations an editor can sign, the project against the raw engine.

Text: the assembly prose of `bench/data/assembly_prose.tsv` (40 sentences written in Russian,
Ukrainian and Belarusian) with the 12 people of `assembly_names.tsv` (initials first and
surname first), 240 sentence triples; and the blocks of the bundled samples (no reference).
For each pair (ru→uk, ru→be, uk→ru, be→ru):

1. chrF (character 6-grams, β = 2, corpus level, as sacreBLEU's default) of the project's
   `SegmentTranslator` (names, corrections, checks) and of the raw fixed engine
   (`apertium -u`) against the references;
2. names and initials preserved: the share of sentences whose output has the person exactly
   as the reference writes it;
3. flags: a segment is dirty when its output keeps a word of the source that the
   reference does not have; the share of dirty segments flagged (target at least 90%) and of
   clean ones flagged (target under 10%);
4. throughput: segments/s of the project (memory off) against the raw engine on the same
   segments, CPU time of this process and its children, best of `--repeat`;
5. with `--news`: surnames kept on real Russian news (factRuEval-2016 devset, read in place
   from /work/shared/dev-sets): each paragraph with a gold person surname, into uk and be, the
   share whose output has the surname in the pair's letters: raw engine, the project as an
   ingest runs it (name patterns only: the entity stage runs after translate), and the project
   with the gold person spans given, as `sekretar translate` does after the entity stage.

    nice -n 10 .venv/bin/python bench/translate_quality.py --short   # 120 sentences a pair
    nice -n 10 .venv/bin/python bench/translate_quality.py           # all 240
    nice -n 10 .venv/bin/python bench/translate_quality.py --news    # and the news surnames
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.translate.apertium import ApertiumEngine  # noqa: E402
from pipeline.translate.glossary import Glossary, fold  # noqa: E402
from pipeline.translate.router import Router  # noqa: E402
from pipeline.translate.service import SegmentTranslator  # noqa: E402

DATA = ROOT / "bench" / "data"
PAIRS = (("ru", "uk"), ("ru", "be"), ("uk", "ru"), ("be", "ru"))
SAMPLES = ("minutes_session_ru.docx", "report_ryazan_water_ru.docx", "report_kyiv_tourism_uk.docx")
_WORD = re.compile(r"[^\W\d_]+")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line and line[0] != "#"]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def surname_first(name: str) -> str:
    initials, surname = name.rsplit(" ", 1)
    return f"{surname} {initials}"


def assembled() -> list[dict[str, str]]:
    """240 triples: each template with 6 people, alternately initials first and surname first."""
    templates, people = read_tsv(DATA / "assembly_prose.tsv"), read_tsv(DATA / "assembly_names.tsv")
    triples = []
    for t, template in enumerate(templates):
        for j in range(6):
            person = people[(t * 5 + j) % len(people)]
            form = surname_first if j % 2 else (lambda n: n)
            row = {lang: template[lang].replace("{P}", form(person[lang])).replace("..", ".")
                   for lang in template}
            row.update({f"name_{lang}": form(person[lang]) for lang in person})
            triples.append(row)
    return triples


def chrf(hypotheses: list[str], references: list[str], order: int = 6, beta: float = 2) -> float:
    """Corpus chrF: character n-gram precision and recall averaged over n, F-beta, × 100."""
    matches, hyp_total, ref_total = [0] * order, [0] * order, [0] * order
    for hyp, ref in zip(hypotheses, references, strict=True):
        h, r = hyp.replace(" ", ""), ref.replace(" ", "")
        for n in range(1, order + 1):
            hc = Counter(h[i : i + n] for i in range(len(h) - n + 1))
            rc = Counter(r[i : i + n] for i in range(len(r) - n + 1))
            matches[n - 1] += sum((hc & rc).values())
            hyp_total[n - 1] += sum(hc.values())
            ref_total[n - 1] += sum(rc.values())
    precision = sum(m / t for m, t in zip(matches, hyp_total, strict=True) if t) / order
    recall = sum(m / t for m, t in zip(matches, ref_total, strict=True) if t) / order
    if not precision + recall:
        return 0.0
    return 100 * (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def dirty(source: str, output: str, reference: str) -> bool:
    """The output keeps a source word the reference does not have."""
    source_words = {fold(w) for w in _WORD.findall(source)}
    reference_words = {fold(w) for w in _WORD.findall(reference)}
    return any(fold(w) in source_words and fold(w) not in reference_words
               for w in _WORD.findall(output))


def cpu() -> float:
    own, children = (resource.getrusage(r) for r in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_rate(run: Callable[[], object], count: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = cpu()
        run()
        best = min(best, cpu() - start)
    return count / best if best else float("inf")


def speeds(raw: ApertiumEngine, project: SegmentTranslator, sources: list[str],
           pair: tuple[str, str], repeat: int) -> dict[str, float]:
    """Segments per CPU second: the raw engine, and a fresh project translator (its own
    dictionary cache, no memory) on the same segments."""

    def ours() -> object:
        return SegmentTranslator(project.router, project.glossary).translate(sources, *pair)

    return {
        "segments_per_s_raw": round(
            best_rate(lambda: raw.translate(sources, *pair), len(sources), repeat), 1),
        "segments_per_s_project": round(best_rate(ours, len(sources), repeat), 1),
    }


def sample_blocks() -> dict[str, list[str]]:
    from pipeline.parse import parse
    from pipeline.parse.base import Source

    blocks: dict[str, list[str]] = {"ru": [], "uk": []}
    for name in SAMPLES:
        document = parse(Source.from_path(ROOT / "samples" / name))
        language = "uk" if name.endswith("_uk.docx") else "ru"
        blocks[language] += [b.text for b in document.blocks if len(b.text.split()) >= 3]
    return blocks


def run(short: bool, repeat: int) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="bench-tq-"))
    raw = ApertiumEngine(work / "raw")
    project = SegmentTranslator(
        Router([ApertiumEngine(work / "marks", marks=True)]), Glossary.load()
    )
    triples = assembled()
    if short:
        triples = triples[::2]
    results: dict[str, object] = {"sentences": len(triples)}
    samples = sample_blocks()
    for source, target in PAIRS:
        sources = [t[source] for t in triples]
        refs = [t[target] for t in triples]
        names = [t[f"name_{target}"] for t in triples]
        raw_out = raw.translate(sources, source, target)
        ours = project.translate(sources, source, target)
        ours_out = [t.text for t in ours]
        dirty_flags = [(dirty(s, o.text, r), o.needs_review)
                       for s, o, r in zip(sources, ours, refs, strict=True)]
        dirty_n = sum(d for d, _ in dirty_flags)
        clean_n = len(dirty_flags) - dirty_n
        row: dict[str, object] = {
            "chrf_raw": round(chrf(raw_out, refs), 2),
            "chrf_project": round(chrf(ours_out, refs), 2),
            "names_raw": round(sum(n in o for n, o in zip(names, raw_out, strict=True))
                               / len(names), 3),
            "names_project": round(sum(n in o for n, o in zip(names, ours_out, strict=True))
                                   / len(names), 3),
            "dirty": dirty_n,
            "dirty_flagged": round(sum(d and f for d, f in dirty_flags) / dirty_n, 3)
            if dirty_n else None,
            "clean": clean_n,
            "clean_flagged": round(sum(f and not d for d, f in dirty_flags) / clean_n, 3)
            if clean_n else None,
        }
        if source in samples and samples[source]:
            flagged = project.translate(samples[source], source, target)
            row["samples_segments"] = len(flagged)
            row["samples_flagged"] = round(sum(t.needs_review for t in flagged) / len(flagged), 3)
        row.update(speeds(raw, project, sources, (source, target), repeat))
        results[f"{source}-{target}"] = row
    return results


NEWS = Path("/work/shared/dev-sets/factRuEval-2016-devset")
_PERSON_PARTS = ("name", "surname", "patronymic", "nickname")


def news_people(limit: int) -> list[tuple[str, list[tuple[int, int]], list[str]]]:
    """Paragraphs with gold people: (text, person spans, surnames), from the first `limit`
    texts of the devset."""
    found = []
    for txt in sorted(NEWS.glob("book_*.txt"))[:limit]:
        text = txt.read_text("utf-8")
        spans = {}
        for line in txt.with_suffix(".spans").read_text("utf-8").splitlines():
            part = line.split()
            spans[part[0]] = (part[1], int(part[2]), int(part[3]))
        people = []
        for line in txt.with_suffix(".objects").read_text("utf-8").splitlines():
            part = line.split("#")[0].split()
            if len(part) > 2 and part[1] == "Person":
                core = [spans[i] for i in part[2:] if i in spans and spans[i][0] in _PERSON_PARTS]
                if core:
                    people.append(core)
        start = 0
        for paragraph in text.split("\n"):
            end = start + len(paragraph)
            inside = [p for p in people if all(start <= s < end for _, s, _ in p)]
            surnames = [paragraph[s - start : s - start + n] for p in inside
                        for tag, s, n in p if tag == "surname"]
            if surnames:
                found.append((paragraph, [(min(s for _, s, _ in p) - start,
                                           max(s + n for _, s, n in p) - start) for p in inside],
                              surnames))
            start = end + 1
    return found


def news_names(raw: ApertiumEngine, project: SegmentTranslator, limit: int) -> dict[str, object]:
    from pipeline.translate.transliterate import transliterate

    rows = news_people(limit)
    texts = [r[0] for r in rows]
    people = {r[0]: r[1] for r in rows}
    result: dict[str, object] = {"paragraphs": len(rows),
                                 "surnames": sum(len(r[2]) for r in rows)}
    for target in ("uk", "be"):
        outputs = {
            "raw": raw.translate(texts, "ru", target),
            "patterns": [t.text for t in project.translate(texts, "ru", target)],
            "entities": [t.text for t in project.translate(texts, "ru", target, people)],
        }
        for name, out in outputs.items():
            kept = sum(transliterate(surname, "ru", target) in text
                       for (_, _, surnames), text in zip(rows, out, strict=True)
                       for surname in surnames)
            result[f"{target}_{name}"] = round(kept / result["surnames"], 3)  # type: ignore[operator]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="every second sentence")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--news", action="store_true", help="also the factRuEval surnames")
    args = parser.parse_args()
    started = time.time()
    results = run(args.short, args.repeat)
    if args.news and NEWS.is_dir():
        work = Path(tempfile.mkdtemp(prefix="bench-news-"))
        project = SegmentTranslator(
            Router([ApertiumEngine(work / "marks", marks=True)]), Glossary.load())
        results["news"] = news_names(ApertiumEngine(work / "raw"), project,
                                     30 if args.short else 1000)
    results["seconds"] = round(time.time() - started, 1)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
