"""Parse untrusted bytes in a forked child under a CPU-time bound, and say how it ended.

The fuzz tests, the long fuzz run and the hostile-file tests all need the same thing: feed one
input to `pipeline.parse.parse` (the worker's entry point) and learn whether it ended as a
document, as one of the project's own errors, as some other exception (a defect), as a hang or
as a crash. pdfium is C code: a hang there cannot be interrupted and a crash there would take
the test run with it, so the parse runs in a forked child that the parent watches and kills.
The child is kept for the next input (forking per input would halve the throughput) and
replaced only after a hang or a crash.

CPU time, not wall time, is the bound: a loaded CI machine stretches wall time many times
over, while a parser that spins burns CPU however busy the machine is.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import tempfile
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil

if TYPE_CHECKING:
    from pipeline.parse.options import ParseOptions

#: CPU seconds one input may take before it counts as a hang.
CPU_LIMIT = 10.0
#: wall seconds before a child that burns no CPU (blocked, not spinning) counts as hung.
WALL_LIMIT = 300.0
#: how the parse ended, for inputs that keep the rule: a document or one of our own errors.
ACCEPTED = ("document", "input_error", "project_error")


@dataclass(frozen=True)
class Outcome:
    """How one parse ended: `kind` is one of ACCEPTED, "escaped", "hang" or "crash"."""

    kind: str
    detail: str
    cpu: float

    @property
    def accepted(self) -> bool:
        return self.kind in ACCEPTED


def parse_options() -> ParseOptions:
    """The options the batch worker gives parsers, with OCR off: fuzzing tests our parsers,
    and Tesseract reading a mutated page for minutes would only measure Tesseract."""
    from pipeline.parse.options import ParseOptions
    from pipeline.settings import load_settings

    return ParseOptions.from_settings(load_settings(environ={}, ocr=False))


def classify(path: Path, options: ParseOptions) -> tuple[str, str]:
    """Parse one file in this process and name the outcome (never raises)."""
    from corpus.errors import InputError, SekretarError
    from pipeline.parse import parse
    from pipeline.parse.base import Source

    try:
        document = parse(Source.from_path(path, options=options))
    except InputError as err:
        return "input_error", str(err)
    except SekretarError as err:
        return "project_error", f"{type(err).__name__}: {err}"
    except BaseException as err:  # noqa: BLE001 - exactly what the fuzz rule forbids
        tail = "".join(traceback.format_exception(err)[-6:])
        return "escaped", f"{type(err).__name__}: {str(err)[:300]}\n{tail}"
    return "document", f"{len(document.blocks)} blocks; problems: {document.problems}"


def _serve(receiver: Connection, sender: Connection, folder: str) -> None:
    """The child's loop: take (name, bytes), parse, answer (kind, detail, cpu seconds).

    The inherited heap is frozen first: otherwise the child's first full garbage collection
    writes to every object it got from the (large) test process, copying those pages one by
    one, and that CPU would be charged to whichever input happened to be parsing. The child
    says it is ready only after its imports and first-call costs, so start-up is not charged to the first input.
    """
    gc.freeze()
    options = parse_options()
    from pipeline.parse.text.encoding import decode_text

    decode_text("crème brûlée".encode("cp1252"))  # charset-normalizer's first call costs ~1 s

    sender.send(("ready", "", 0.0))
    while True:
        try:
            name, data = receiver.recv()
        except EOFError:
            return
        path = Path(folder) / name
        path.write_bytes(data)
        started = time.process_time()
        kind, detail = classify(path, options)
        sender.send((kind, detail, time.process_time() - started))
        path.unlink(missing_ok=True)


class ParseChild:
    """A forked parser process; `run(data, name)` returns the `Outcome` for one input."""

    def __init__(self, cpu_limit: float = CPU_LIMIT, wall_limit: float = WALL_LIMIT) -> None:
        self.cpu_limit, self.wall_limit = cpu_limit, wall_limit
        self.folder = tempfile.mkdtemp(prefix="sekretar-fuzz-")
        self.process: Any = None

    def __enter__(self) -> ParseChild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        child_in, self.to_child = context.Pipe(duplex=False)
        self.from_child, child_out = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(child_in, child_out, self.folder),
                                       daemon=True)
        self.process.start()
        child_in.close()
        child_out.close()
        self.watch = psutil.Process(self.process.pid)
        if not self.from_child.poll(self.wall_limit):
            raise RuntimeError(f"the parser process did not start in {self.wall_limit:.0f} s")
        self.from_child.recv()  # ("ready", ...)

    def run(self, data: bytes, name: str) -> Outcome:
        """Parse `data` as a file called `name`; a hang or crash costs the child, not us."""
        if self.process is None or not self.process.is_alive():
            self._start()
        cpu_before = self._cpu()
        self.to_child.send((name, data))
        return self._wait(cpu_before)

    def _cpu(self) -> float:
        times = self.watch.cpu_times()
        return float(times.user + times.system)

    def _wait(self, cpu_before: float) -> Outcome:
        started = time.monotonic()
        while not self.from_child.poll(0.05):
            try:
                used = self._cpu() - cpu_before
            except psutil.Error:
                return self._crashed()
            if not self.process.is_alive():
                return self._crashed()
            if used > self.cpu_limit or time.monotonic() - started > self.wall_limit:
                self._kill()
                return Outcome("hang", f"no answer after {used:.1f} s of CPU", used)
        try:
            kind, detail, cpu = self.from_child.recv()
        except EOFError:
            return self._crashed()
        if cpu > self.cpu_limit:
            return Outcome("hang", f"{kind} after {cpu:.1f} s of CPU: {detail}", cpu)
        return Outcome(kind, detail, cpu)

    def _crashed(self) -> Outcome:
        self.process.join(5)
        code = self.process.exitcode
        self._kill()
        return Outcome("crash", f"the parser process died (exit code {code})", 0.0)

    def _kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join()
            self.to_child.close()
            self.from_child.close()
        self.process = None

    def close(self) -> None:
        """Stop the child and remove its scratch folder."""
        if self.process is not None:
            self.to_child.close()  # the child sees EOF and returns
            self.process.join(5)
            self._kill()
        for leftover in Path(self.folder).iterdir():
            leftover.unlink()
        os.rmdir(self.folder)
