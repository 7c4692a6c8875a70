"""Benchmark: our translation layer against the raw engines on the same text.

1. Apertium ru→uk: words/s through `SegmentTranslator` (memory lookups, glossary placeholders
   and checks, batching, boundary checks) against one raw `apertium -d FIXED -u rus-ukr` run on
   the same segments joined by blank lines. Target: ours within 15% of raw.
2. The same segments again with the memory filled: segments/s when nothing is translated.
3. argos: sentences/s through `SegmentTranslator` + `ArgosEngine` against one raw CTranslate2
   `translate_batch` on the same sentences, pre-split and pre-tokenized (so both decode exactly
   the same inputs), on a model built by the test recipe at
   OPUS-MT base size (6 layers, width 512, 32k vocabulary, int8), outputs fixed at 28 tokens.
   Target: ours at least 90% of raw.

Both wall time and CPU time (this process and its children) are reported: on a shared machine
CPU time is the steadier measure. Each figure is the best of `--repeat` runs.

    python bench/translate.py            # full sizes
    python bench/translate.py --short    # the quick form CI runs
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.memory import MemoryEntry  # noqa: E402
from corpus.store import Store  # noqa: E402
from pipeline.translate.apertium import SEPARATOR, ApertiumEngine  # noqa: E402
from pipeline.translate.argos import ArgosEngine, install_package  # noqa: E402
from pipeline.translate.glossary import Glossary  # noqa: E402
from pipeline.translate.router import Router  # noqa: E402
from pipeline.translate.service import SegmentTranslator  # noqa: E402
from pipeline.translate.synthetic import BASE, ModelSize, build_package  # noqa: E402

SENTENCES = [
    "Международная ассамблея столиц и крупных городов объединяет города Содружества.",
    "Потери воды в сетях снизились на двенадцать процентов за три года.",
    "Минск представил опыт информатизации городского хозяйства и электронных услуг.",
    "Делегация Астаны предложила общую программу обмена специалистами.",
    "Совет ассамблеи одобрил план сотрудничества городов на следующие годы.",
    "Бишкек модернизирует систему учёта воды и переходит на новые счётчики.",
    "Городской транспорт перевёз на пять процентов больше пассажиров, чем год назад.",
    "Комиссия рассмотрела предложения по благоустройству набережной и парков.",
    "Участники заседания обсудили подготовку к зимнему сезону и ремонт дорог.",
    "Мэрия опубликовала отчёт о расходах бюджета на образование и здравоохранение.",
    "Представители Москвы рассказали о развитии метрополитена и наземного транспорта.",
    "Рабочая группа подготовит проект решения к следующему заседанию совета.",
]
SMALL = ModelSize(layers=2, heads=4, width=256, ffn=1024, vocab=8000, quantization="int8")


def segments(count: int, seed: int = 1) -> list[str]:
    """Unique report paragraphs of two to four sentences (numbered, so none repeats)."""
    rng = random.Random(seed)
    return [
        f"{n}. " + " ".join(rng.sample(SENTENCES, rng.randint(2, 4))) for n in range(1, count + 1)
    ]


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(repeat: int, work: Callable[[], object]) -> dict[str, float]:
    """The fastest of `repeat` runs, wall and CPU seconds."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), cpu_seconds()
        work()
        runs.append((time.perf_counter() - wall, cpu_seconds() - cpu))
    return {"wall": min(r[0] for r in runs), "cpu": min(r[1] for r in runs)}


def best_pair(
    repeat: int, raw: Callable[[], object], ours: Callable[[], object]
) -> tuple[dict[str, float], dict[str, float]]:
    """Best of `repeat` runs each, alternating raw and ours after one warm-up of both, so a
    cold page cache or a burst of load on a shared machine does not favour either side."""
    raw(), ours()
    runs: tuple[list[dict[str, float]], list[dict[str, float]]] = ([], [])
    for _ in range(repeat):
        runs[0].append(best_of(1, raw))
        runs[1].append(best_of(1, ours))
    return tuple(  # type: ignore[return-value]
        {k: min(r[k] for r in side) for k in ("wall", "cpu")} for side in runs
    )


def raw_apertium(engine: ApertiumEngine, texts: list[str]) -> None:
    done = subprocess.run(
        ["apertium", "-d", str(engine.folder()), "-u", "rus-ukr"],
        input=SEPARATOR.join(texts).encode(),
        capture_output=True,
        check=True,
    )
    assert done.stdout.strip()


def bench_apertium(texts: list[str], work: Path, repeat: int) -> dict[str, Any]:
    engine = ApertiumEngine(work / "apertium")
    router, glossary = Router([engine]), Glossary.load()
    words = sum(len(t.split()) for t in texts)
    stores = iter(Store(work / f"archive{n}") for n in range(repeat + 1))

    def ours() -> None:
        store = next(stores)
        translator = SegmentTranslator(router, glossary, store.memory)
        results = translator.translate(texts, "ru", "uk")
        assert translator.counts.machine == len(texts) and all(r.text for r in results)

    raw, layer = best_pair(repeat, lambda: raw_apertium(engine, texts), ours)
    rerun = bench_memory(router, glossary, texts, work, repeat)
    return {
        "segments": len(texts),
        "words": words,
        "raw_words_per_s": words / raw["wall"],
        "ours_words_per_s": words / layer["wall"],
        "ratio_wall": raw["wall"] / layer["wall"],
        "ratio_cpu": raw["cpu"] / layer["cpu"],
        "raw": raw,
        "ours": layer,
        **rerun,
    }


def bench_memory(
    router: Router, glossary: Glossary, texts: list[str], work: Path, repeat: int
) -> dict[str, Any]:
    """A re-run where the memory holds every segment: nothing reaches the engine."""
    store = Store(work / "memory")
    first = SegmentTranslator(router, glossary, store.memory)
    results = first.translate(texts, "ru", "uk")
    store.memory.add(
        [
            MemoryEntry("ru", "uk", t, r.text, r.engine, r.model_version)
            for t, r in zip(texts, results, strict=True)
        ]
    )

    def rerun() -> None:
        translator = SegmentTranslator(router, glossary, store.memory)
        translator.translate(texts, "ru", "uk")
        assert (translator.counts.machine, translator.counts.memory) == (0, len(texts))

    timing = best_of(repeat, rerun)
    return {"memory_segments_per_s": len(texts) / timing["wall"], "memory": timing}


def bench_argos(
    size: ModelSize, count: int, work: Path, repeat: int, threads: int
) -> dict[str, Any]:
    started = time.perf_counter()
    package = build_package(work / "build", "ru", "en", SENTENCES * 4, size=size)
    built = time.perf_counter() - started
    install_package(work / "models", package)
    fixed = {"min_decoding_length": 28, "max_decoding_length": 28}
    engine = ArgosEngine(work / "models", threads=threads, beam_size=2, options=fixed)
    translation = engine.translation("ru", "en")
    sentences = [
        f"{s[:-1]}, пункт {n}." for n, s in zip(range(count), SENTENCES * count, strict=False)
    ]
    split = [part for s in sentences for part in translation.sentencizer.split_sentences(s)]
    tokens = [translation.pkg.tokenizer.encode(s) for s in split]

    def raw() -> None:
        results = translation.translator.translate_batch(tokens, beam_size=2, **fixed)
        assert len(results) == len(tokens)

    router, glossary = Router([engine]), Glossary.load()  # once, as the stage does

    def ours() -> None:
        SegmentTranslator(router, glossary, None).translate(sentences, "ru", "en")

    raw_time, our_time = best_pair(repeat, raw, ours)  # the warm-up loads the model once
    return {
        "model_mb": round(package.stat().st_size / 2**20, 1),
        "build_s": round(built, 1),
        "sentences": count,
        "raw_sentences_per_s": count / raw_time["wall"],
        "ours_sentences_per_s": count / our_time["wall"],
        "ratio_wall": raw_time["wall"] / our_time["wall"],
        "ratio_cpu": raw_time["cpu"] / our_time["cpu"],
        "raw": raw_time,
        "ours": our_time,
    }


def report(figures: dict[str, Any]) -> None:
    a, g = figures["apertium"], figures["argos"]
    print(f"Apertium ru→uk, {a['segments']} segments, {a['words']} words:")
    print(f"  raw apertium      {a['raw_words_per_s']:8.0f} words/s")
    print(
        f"  our layer         {a['ours_words_per_s']:8.0f} words/s   "
        f"ours/raw: wall {a['ratio_wall']:.0%}, CPU {a['ratio_cpu']:.0%} (target ≥ 85%)"
    )
    print(f"  memory-only re-run {a['memory_segments_per_s']:7.0f} segments/s")
    print(
        f"argos, {g['sentences']} sentences, model {g['model_mb']} MB (built in "
        f"{g['build_s']} s), 28 output tokens, beam 2:"
    )
    print(f"  raw translate_batch {g['raw_sentences_per_s']:6.1f} sentences/s")
    print(
        f"  our layer           {g['ours_sentences_per_s']:6.1f} sentences/s   "
        f"ours/raw: wall {g['ratio_wall']:.0%}, CPU {g['ratio_cpu']:.0%} (target ≥ 90%)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="small sizes, for CI")
    parser.add_argument("--repeat", type=int, default=0, help="runs per figure (best counts)")
    parser.add_argument("--threads", type=int, default=2, help="CTranslate2 threads")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    repeat = args.repeat or (2 if args.short else 3)
    with tempfile.TemporaryDirectory(prefix="sekretar-bench-") as folder:
        work = Path(folder)
        figures = {
            "apertium": bench_apertium(segments(200 if args.short else 2000), work, repeat),
            "argos": bench_argos(
                SMALL if args.short else BASE, 40 if args.short else 200, work, repeat, args.threads
            ),
        }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
