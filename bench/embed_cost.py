"""The embed stage's cost on real documents, the way it was (each block alone, cut to its
first 128 tokens), with long blocks read whole in the model's 512-token windows, and the way it
is (pipeline.embed.passages: short blocks packed by section, long ones read in windows of 128
tokens, identical texts once), side by side in one run: seconds, texts the model
read, and the share of the blocks' tokens that reached an embedding.

Usage: python bench/embed_cost.py [FILES or FOLDERS...] [--threads 1]
(default: samples/ and ../shared/corpus/docx/)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.model import Block  # noqa: E402
from pipeline.embed.models import allow_threads, encoder  # noqa: E402
from pipeline.embed.passages import SHORT_TOKENS, embed_blocks, plan  # noqa: E402
from pipeline.parse.base import Source  # noqa: E402
from pipeline.parse.registry import parse  # noqa: E402

DEFAULT = (ROOT / "samples", ROOT.parent / "shared" / "corpus" / "docx")


def documents(paths: list[Path]) -> list[list[Block]]:
    """The blocks of every file that parses (the others are skipped: this measures embedding)."""
    files = [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p]) if f.is_file()]
    found = []
    for path in files:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            document = parse(Source(path=path, sha256=sha, name=path.name))
        except Exception:  # noqa: BLE001 - a file that does not parse is not what is measured
            continue
        blocks = [b for b in document.blocks if b.text.strip()]
        if blocks:
            found.append(blocks)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--short", action="store_true", help="the bundled samples only (CI)")
    args = parser.parse_args()
    allow_threads()
    docs = documents(args.paths or [p for p in DEFAULT[: 1 if args.short else None] if p.exists()])
    cut: Any = encoder("e5-small", threads=args.threads, max_tokens=128)  # E5Encoder.truncate
    whole = encoder("e5-small", threads=args.threads, max_tokens=0)
    blocks = sum(len(d) for d in docs)
    tokens = [whole.tokens(b.text) for d in docs for b in d]
    read_cut = sum(min(t, 128) for t in tokens) / max(sum(tokens), 1)
    before = timed(lambda d: cut.passages([cut.truncate(b.text) for b in d]), docs)
    read_whole = timed(lambda d: embed_blocks(d, whole, windowed=False), docs)
    windowed = timed(lambda d: embed_blocks(d, whole), docs)
    texts_whole = texts_windowed = 0
    for d in docs:
        counts = {i: whole.tokens(b.text) for i, b in enumerate(d)}
        texts_whole += len({p.text for p in plan(d, counts)})
        texts_windowed += len({p.text for p in plan(d, counts, whole)})
    print(f"{len(docs)} documents, {blocks} blocks, {sum(tokens)} tokens")
    print("| embedding | texts read | tokens reaching a vector | seconds |")
    print("|---|---|---|---|")
    print(f"| each block, first 128 tokens | {blocks} | {read_cut:.0%} | {before:.1f} |")
    print(f"| packed passages, long blocks whole | {texts_whole} | 100% | {read_whole:.1f} |")
    print(f"| packed passages, long blocks in windows | {texts_windowed} | 100% | {windowed:.1f} |")
    by_length(docs, cut, whole)


def by_length(docs: list[list[Block]], cut: Any, whole: Any) -> None:
    """The same two ways (first 128 tokens; packed and windowed) on the short blocks alone and
    on the long ones alone: which of them the packing pays for."""
    print("| blocks | count | tokens | first 128 tokens, s | every word, s |")
    print("|---|---|---|---|---|")
    for name, short in (("short (under 48 tokens)", True), ("long", False)):
        part = [[b for b in d if (whole.tokens(b.text) < SHORT_TOKENS) == short] for d in docs]
        part = [d for d in part if d]
        count = sum(len(d) for d in part)
        tokens = sum(whole.tokens(b.text) for d in part for b in d)
        before = timed(lambda d: cut.passages([cut.truncate(b.text) for b in d]), part)
        after = timed(lambda d: embed_blocks(d, whole), part)
        print(f"| {name} | {count} | {tokens} | {before:.1f} | {after:.1f} |")


def timed(embed: Any, docs: list[list[Block]]) -> float:
    """Seconds `embed` takes over every document."""
    began = time.perf_counter()
    for d in docs:
        embed(d)
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
