"""Checks behind `sekretar check`: the index against the store, kept source files and
analysis stage versions.

A document's id is the sha256 of its source bytes, and the kept copy is named by it, so a
copy whose bytes hash differently (bit rot, a manual edit, a half-restored backup) is found by
hashing it again; nothing here repairs a file. A document whose stages are stored at another
version than this program's is brought up to date by running those stages again on its kept
file (`--repair`), which the batch already knows how to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from corpus.store import Store
from index.build import compare, repair
from pipeline.settings import Settings
from pipeline.stages import build_stages, stale_stages_of

_CHUNK = 1 << 20


def check_sources(store: Store) -> list[str]:
    """One line per stored document whose kept source file is missing or changed."""
    problems = []
    for document_id, source_name in store.sources():
        path = store.file_path(document_id)
        if not path.exists():
            problems.append(f"{source_name}: kept source file {path.name[:12]} is missing")
            continue
        digest = hashlib.sha256()
        with open(path, "rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != document_id:
            problems.append(
                f"{source_name}: kept source file has changed "
                f"(sha256 {digest.hexdigest()[:12]}, expected {document_id[:12]})"
            )
    return problems


def stale_stages(store: Store, versions: dict[str, str]) -> dict[str, list[str]]:
    """Document id -> the analysis stages to run again, among the stages the settings ask
    for: stored at another version than this program's or never run, or inconsistent (their
    input failed, or was redone after them), with every stage downstream of those."""
    if not versions:
        return {}
    records = store.stage_records()
    stale: dict[str, list[str]] = {}
    for document_id in store.document_ids():
        names = stale_stages_of(records.get(document_id, {}), versions)
        if names:
            stale[document_id] = names
    return stale


def describe_stale(stale: dict[str, list[str]]) -> list[str]:
    """One line per stage: how many documents it has to be run again on."""
    per_stage: dict[str, int] = {}
    for names in stale.values():
        for name in names:
            per_stage[name] = per_stage.get(name, 0) + 1
    return [
        f"stage {name}: {count} document(s) analysed by another version of it, not at all, "
        "or before its input was redone or after it failed"
        for name, count in sorted(per_stage.items())
    ]


def stage_versions(settings: Settings) -> dict[str, str]:
    """This program's version of every analysis stage the settings run."""
    return {stage.name: stage.version for stage in build_stages(settings)}


def rerun_stale(store: Store, settings: Settings, stale: dict[str, list[str]]) -> int:
    """Run the out-of-date stages again on the kept source files, as a batch (the batch plans
    each file's stale stages itself); returns how many documents were updated."""
    from pipeline.ingest.batch import ingest
    from pipeline.ingest.hooks import saved_hooks

    paths = [store.file_path(document_id) for document_id in sorted(stale)]
    report = ingest(store, [p for p in paths if p.exists()], settings,
                    on_saved=saved_hooks(store))
    return sum(1 for f in report.files if f.outcome in ("ok", "partial"))


@dataclass
class CheckReport:
    """What `sekretar check` found, what `--repair` did, and the problems left."""

    documents: int
    blocks: int
    index_problems: list[str]
    source_problems: list[str]
    stage_problems: list[str]
    repaired_documents: int = 0
    rerun_documents: int = 0
    left: list[str] = field(default_factory=list)
    #: what SQLite's own check found wrong in the database file ([] when it is sound)
    database_problems: list[str] = field(default_factory=list)

    @property
    def found(self) -> list[str]:
        return (self.database_problems + self.index_problems + self.source_problems
                + self.stage_problems)

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents, "blocks": self.blocks,
            "database_problems": self.database_problems,
            "index_problems": self.index_problems,
            "repaired_documents": self.repaired_documents,
            "source_problems": self.source_problems, "stage_problems": self.stage_problems,
            "rerun_documents": self.rerun_documents, "ok": not self.left,
        }


def check_archive(store: Store, settings: Settings, repair_found: bool = False,
                  full: bool = False) -> CheckReport:
    """Run SQLite's check of the database (`quick_check`, `integrity_check` when `full`), then
    compare index and store, hash the kept files and read the stage versions; with
    `repair_found`, re-index what differs and re-run the out-of-date stages, then look again.
    A damaged database is reported alone: nothing read from it could be trusted."""
    damage = store.integrity(full)
    if damage:
        lines = [f"the archive database is damaged: {line}" for line in damage]
        return CheckReport(documents=0, blocks=0, index_problems=[], source_problems=[],
                           stage_problems=[], database_problems=lines, left=lines)
    found = compare(store)
    repaired = repair(store, found) if repair_found and not found.ok else 0
    after = compare(store) if repair_found and not found.ok else found
    sources = check_sources(store)
    versions = stage_versions(settings)
    stale = stale_stages(store, versions)
    rerun = rerun_stale(store, settings, stale) if repair_found and stale else 0
    stale_after = stale_stages(store, versions) if rerun else stale
    return CheckReport(
        documents=found.documents, blocks=found.blocks, index_problems=found.problems(),
        source_problems=sources, stage_problems=describe_stale(stale),
        repaired_documents=repaired, rerun_documents=rerun,
        left=after.problems() + sources + describe_stale(stale_after),
    )
