"""What a batch reports: each file's outcome, the pairs waiting for a translation model, and
the progress events a display follows while it runs."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from pipeline.translate.router import INSTALL_COMMAND

OUTCOMES = ("ok", "partial", "failed", "unchanged")
#: what a batch is doing, in the order a file goes through it: hashing and comparing with the
#: archive, parsing (in a worker), the analysis stages (in a worker), writing and indexing (in
#: this process), and the second pass that computes the embeddings.
PHASES = ("checking", "reading", "analysing", "storing", "embedding")


@dataclass
class FileOutcome:
    """What happened to one file of a batch. `seconds` is the file's own work (reading,
    analysing, embedding in its worker), not the time it waited for one."""

    path: str
    outcome: str
    reason: str | None = None
    document_id: str | None = None
    title: str | None = None
    seconds: float = 0.0
    #: translation pairs (`en-ru`) that wait for a model; no loss, said once per batch.
    waiting: list[str] = field(default_factory=list)


@dataclass
class Progress:
    """Where a running batch is: the phase of the latest file that moved, and how much of
    the work is done. `total` counts every file, plus an embedding pass for each file that
    needs one (it shrinks when a file fails before it)."""

    phase: str
    name: str
    done: int
    total: int


@dataclass
class BatchReport:
    batch_id: int
    started: str
    finished: str | None = None
    files: list[FileOutcome] = field(default_factory=list)
    report_path: str | None = None
    #: why the batch ended before its last file (`--strict` after a failure), if it did.
    stopped: str | None = None

    def counts(self) -> dict[str, int]:
        return {o: sum(1 for f in self.files if f.outcome == o) for o in OUTCOMES}

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome == "failed"]

    def waiting(self) -> dict[str, int]:
        """Each translation pair that waits for a model, with how many documents wait for it."""
        counts = Counter(pair for f in self.files for pair in f.waiting)
        return dict(sorted(counts.items()))

    def to_json(self) -> dict[str, object]:
        files = [{k: v for k, v in asdict(f).items() if k != "waiting"} for f in self.files]
        waiting = [{"pair": pair, "documents": n} for pair, n in self.waiting().items()]
        return {"batch": self.batch_id, "started": self.started, "finished": self.finished,
                "counts": self.counts(), "files": files, "stopped": self.stopped,
                "waiting_for_models": waiting,
                "install": INSTALL_COMMAND if waiting else None}
