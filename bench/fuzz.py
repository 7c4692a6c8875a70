"""Long fuzz run: mutate valid DOCX, PDF and text files for minutes per format, keep crashers.

    python bench/fuzz.py                       # 10 minutes per format
    python bench/fuzz.py --minutes 3 --formats pdf
    python bench/fuzz.py --short               # 15 seconds per format (bench/run_all.py)

The rule is the one `tests/fuzz` checks in its short form: every input ends as a document or
as one of the project's own errors (`SekretarError`), within `--cpu-limit` CPU seconds. An
input that breaks it (another exception, a hang, a crash) is written to
`tests/fuzz/crashers/<format>-<sha256 prefix>.bin`, which `tests/fuzz/test_fuzz_crashers.py`
replays on every run: a crasher found once stays a regression test after its fix.

Mutations come from a plain `random.Random` here (faster than hypothesis, and a long run needs
no shrinking); `--seed` repeats a run exactly. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.fuzz_child import CPU_LIMIT, ParseChild  # noqa: E402
from bench.fuzz_inputs import FORMATS, mutant, seeds  # noqa: E402

CRASHERS = ROOT / "tests" / "fuzz" / "crashers"
#: the file name each format's crashers are parsed under, so the registry sees a usual name.
REPLAY_NAMES = {"docx": "crasher.docx", "pdf": "crasher.pdf", "text": "crasher.txt"}


def save_crasher(fmt: str, data: bytes, folder: Path = CRASHERS) -> Path:
    """Keep a failing input as `<format>-<sha256 prefix>.bin` (the same input, the same name)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{fmt}-{hashlib.sha256(data).hexdigest()[:16]}.bin"
    path.write_bytes(data)
    return path


def fuzz_format(fmt: str, seconds: float, rng: random.Random, child: ParseChild,
                folder: Path) -> dict[str, object]:
    """Run one format for `seconds`; returns its figures (examples, outcomes, worst CPU)."""
    seeds(fmt)  # built before the clock starts
    kinds: Counter[str] = Counter()
    worst, found = 0.0, []
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        name, data = mutant(fmt, rng.randint)
        outcome = child.run(data, name)
        kinds[outcome.kind] += 1
        worst = max(worst, outcome.cpu)
        if not outcome.accepted:
            path = save_crasher(fmt, data, folder)
            found.append(path.name)
            print(f"   {fmt}: {outcome.kind} -> {path.name}: {outcome.detail.splitlines()[0]}",
                  flush=True)
    elapsed = time.monotonic() - started
    examples = sum(kinds.values())
    return {"format": fmt, "examples": examples, "seconds": round(elapsed, 1),
            "per_second": round(examples / max(elapsed, 1e-9), 2), "outcomes": dict(kinds),
            "worst_cpu": round(worst, 2), "crashers": found}


def main() -> int:
    parser = argparse.ArgumentParser(description="long fuzz run over the parsers")
    parser.add_argument("--minutes", type=float, default=10.0, help="minutes per format")
    parser.add_argument("--formats", nargs="*", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--cpu-limit", type=float, default=CPU_LIMIT,
                        help="CPU seconds one input may take")
    parser.add_argument("--out", type=Path, default=CRASHERS, help="folder for crashers")
    parser.add_argument("--short", action="store_true", help="8 seconds per format (CI)")
    args = parser.parse_args()
    seconds = 8.0 if args.short else args.minutes * 60
    seed = args.seed if args.seed is not None else int(time.time())
    print(f"fuzz: seed {seed}, {seconds:g} s per format, CPU limit {args.cpu_limit:g} s",
          flush=True)
    rng = random.Random(seed)
    found = 0
    with ParseChild(cpu_limit=args.cpu_limit) as child:
        for fmt in args.formats:
            figures = fuzz_format(fmt, seconds, rng, child, args.out)
            found += len(figures["crashers"])  # type: ignore[arg-type]
            print(f"   {figures}", flush=True)
    print(f"fuzz: {found} crasher(s) written to {args.out}" if found else "fuzz: no crashers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
