"""Run every benchmark in `bench/` one after another and print their figures.

    python bench/run_all.py            # full sizes (long: run by hand)
    python bench/run_all.py --short    # the quick form CI runs

Every `bench/*.py` except the helpers in `SKIP` is run (ingest, search, translate, entities,
retrieval, minutes, kinds, ocr, web, concurrency...), each with `--short` when this script has
it.

A benchmark that fails makes this script exit non-zero, so a broken benchmark is noticed; the
figures themselves are printed, never asserted (speed is not a test).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"run_all.py", "corpus_gen.py", "__init__.py", "fuzz_child.py", "fuzz_inputs.py",
        "kinds_set.py"}


def main() -> int:
    parser = argparse.ArgumentParser(description="run every benchmark")
    parser.add_argument("--short", action="store_true", help="small sizes, for CI")
    parser.add_argument("--only", nargs="*", help="names of benchmarks to run (default: all)")
    parser.add_argument("--limit", type=float, default=None,
                        help="seconds one benchmark may run (default: 90 with --short, else none)")
    parser.add_argument("--budget", type=float, default=None,
                        help="seconds for all of them; the rest are skipped and named "
                             "(default: 600 with --short, else none)")
    args = parser.parse_args()
    if args.limit is None:
        args.limit = 90.0 if args.short else 0.0
    if args.budget is None:
        args.budget = 600.0 if args.short else 0.0
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in SKIP)
    if args.only:
        scripts = [p for p in scripts if p.stem in args.only]
    failed: list[str] = []
    skipped: list[str] = []
    begun = time.monotonic()
    for script in scripts:
        if args.budget > 0 and time.monotonic() - begun > args.budget:
            skipped.append(script.stem)
            continue
        print(f"== {script.stem}", flush=True)
        started = time.monotonic()
        command = [sys.executable, str(script)] + (["--short"] if args.short else [])
        limit = args.limit if args.limit > 0 else None
        process = subprocess.Popen(command, cwd=HERE.parent, start_new_session=True)
        try:
            code = process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # with any server or worker it started
            process.wait()
            print(f"   stopped at the time limit of {limit:g} s", flush=True)
            code = 1
        print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
        if code != 0:
            failed.append(script.stem)
    if skipped:
        print(f"not run, the budget of {args.budget:g} s being spent: {', '.join(skipped)}")
    if failed:
        print(f"benchmarks failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
