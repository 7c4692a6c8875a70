"""Apertium (rule-based, from Debian) for ru↔uk and ru↔be, run through fixed mode files.

The stock mode files in /usr/share/apertium/modes are broken for most pairs: their tagger step
crashes and `apertium` prints nothing yet exits 0 (models.md). We generate fixed copies (the
`cg-proc | apertium-tagger` step replaced by `cg-proc -1 -n`) into a folder of our own at first
use, and run `apertium -d FOLDER -u MODE`
(without `-u` when the caller wants the unknown-word marks `*`, `#`, `@` for its checks). Empty output for real input is still checked for,
because a future package could break in the same silent way.

Segments are sent in large batches, one process per batch, separated by a blank line: Apertium's
text format treats a blank line as a paragraph end, so no transfer rule reaches across it and the
blank line comes back unchanged. Blank lines inside a segment are therefore cut out before and
put back after. If a batch ever comes back with the wrong number of segments, it is split in
halves until each segment stands alone, so boundaries can never silently shift.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpus.errors import ModelMissing
from pipeline.translate.engines import Pair, TranslationFailed, check_output, shorten

STOCK_MODES = Path("/usr/share/apertium/modes")
INSTALL_HINT = "Install it with: apt-get install apertium apertium-rus-ukr apertium-bel-rus"

#: Apertium's ISO 639-3 codes to the ISO 639-1 codes the archive uses.
LANGUAGES = {
    "rus": "ru",
    "ukr": "uk",
    "bel": "be",
    "kaz": "kk",
    "tat": "tt",
    "eng": "en",
    "uzb": "uz",
    "kir": "ky",
    "tgk": "tg",
    "hye": "hy",
    "aze": "az",
    "ron": "ro",
}
_CODES = {two: three for three, two in LANGUAGES.items()}

_MODE_NAME = re.compile(r"^([a-z]{3})-([a-z]{3})\.mode$")
_BROKEN_TAGGER = re.compile(
    r"cg-proc -w ('[^']+\.rlx\.bin') \| apertium-tagger -g \$2 '[^']+\.prob'"
)
_PACKAGE = re.compile(r"/apertium/(apertium-[a-z]+-[a-z]+)/")
_PARAGRAPH_BREAK = re.compile(r"(\s*\n[ \t\r\f\v]*\n\s*)")
SEPARATOR = "\n\n"


def fixed_mode(text: str) -> str:
    """The mode pipeline with the crashing tagger step replaced (models.md)."""
    return _BROKEN_TAGGER.sub(r"cg-proc -w -1 -n \1", text)


def write_fixed_modes(stock: Path, folder: Path) -> Path:
    """Write fixed copies of the stock modes into `folder/modes` and return `folder`.

    Each file is written under a temporary name and renamed, so worker processes preparing the
    same folder at once never read half a file; unchanged files are left alone.
    """
    target = folder / "modes"
    target.mkdir(parents=True, exist_ok=True)
    for mode in sorted(stock.glob("*.mode")):
        text = fixed_mode(mode.read_text("utf-8"))
        path = target / mode.name
        if path.exists() and path.read_text("utf-8") == text:
            continue
        partial = path.with_name(f".{mode.name}.{os.getpid()}")
        partial.write_text(text, "utf-8")
        os.replace(partial, path)
    return folder


class ApertiumEngine:
    """The `apertium` command over fixed mode files; one process per batch of segments."""

    name = "apertium"

    def __init__(
        self,
        cache: Path,
        stock: Path = STOCK_MODES,
        batch_chars: int = 400_000,
        command: str = "apertium",
        marks: bool = False,
    ) -> None:
        self.cache, self.stock = Path(cache), Path(stock)
        self.batch_chars, self.command = batch_chars, command
        self.marks = marks
        self._folder: Path | None = None
        self._pairs: dict[Pair, str] | None = None

    def pairs(self) -> dict[Pair, str]:
        """Direct pairs from the installed stock modes, with their Debian package versions."""
        if self._pairs is None:
            self._pairs = {}
            for mode in sorted(self.stock.glob("*.mode")) if self.stock.is_dir() else []:
                pair = _pair_of(mode.name)
                if pair:
                    self._pairs[pair] = _mode_version(mode, mode.stat().st_mtime_ns)
        return dict(self._pairs)

    def folder(self) -> Path:
        """The folder with fixed modes (`-d` argument), created at first use."""
        if self._folder is None:
            try:
                self._folder = write_fixed_modes(self.stock, self.cache)
            except OSError:
                fallback = Path(tempfile.gettempdir()) / f"sekretar-apertium-{os.getuid()}"
                self._folder = write_fixed_modes(self.stock, fallback)
        return self._folder

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        mode = self._mode(source, target)
        pieces, rebuild = _cut(texts)
        cores = [piece.strip() for piece in pieces]
        done = check_output(self.name, cores, self._translate_cores(cores, mode))
        outputs = [_keep_space(piece, out) for piece, out in zip(pieces, done, strict=True)]
        return rebuild(outputs)

    def _mode(self, source: str, target: str) -> str:
        if (source, target) not in self.pairs():
            raise ModelMissing(f"Apertium pair {source}-{target}", INSTALL_HINT)
        return f"{_CODES[source]}-{_CODES[target]}"

    def _translate_cores(self, cores: list[str], mode: str) -> list[str]:
        outputs = ["" for _ in cores]
        todo = [i for i, core in enumerate(cores) if core]
        for batch in _batches(todo, cores, self.batch_chars):
            for i, out in zip(batch, self._run_split([cores[i] for i in batch], mode), strict=True):
                outputs[i] = out
        return outputs

    def _run_split(self, segments: list[str], mode: str) -> list[str]:
        """Translate segments in one process; halve the batch if boundaries do not survive."""
        output = self._run(SEPARATOR.join(segments), mode).strip("\n")
        if len(segments) == 1:
            return [output]
        parts = output.split(SEPARATOR)
        if len(parts) == len(segments):
            return parts
        half = len(segments) // 2
        return self._run_split(segments[:half], mode) + self._run_split(segments[half:], mode)

    def _run(self, text: str, mode: str) -> str:
        command = [self.command, "-d", str(self.folder()), *([] if self.marks else ["-u"]), mode]
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=300 + len(text) / 100,
                check=False,
            )
        except FileNotFoundError as err:
            raise ModelMissing("Apertium", INSTALL_HINT) from err
        except subprocess.TimeoutExpired as err:
            raise TranslationFailed(f"apertium {mode} did not finish in time") from err
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise TranslationFailed(
                f"apertium {mode} failed on {shorten(text)!r}: {reason[-1] if reason else ''}"
            )
        return done.stdout.decode("utf-8", "replace")


def _pair_of(file_name: str) -> Pair | None:
    match = _MODE_NAME.match(file_name)
    if not match or match[1] not in LANGUAGES or match[2] not in LANGUAGES:
        return None
    return LANGUAGES[match[1]], LANGUAGES[match[2]]


@functools.lru_cache(maxsize=64)
def _mode_version(mode: Path, mtime_ns: int) -> str:
    """`apertium-rus-ukr 0.2.1~r…` from dpkg; a content hash when dpkg does not know it.

    Cached per process by file and modification time: every engine built for a command or a
    test would otherwise run `dpkg-query` once per pair, seconds on a busy machine.
    """
    text = mode.read_text("utf-8")
    package = _PACKAGE.search(text)
    if package:
        try:
            found = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", package[1]],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
            if found.returncode == 0 and found.stdout.strip():
                return f"{package[1]} {found.stdout.strip()}"
        except (OSError, subprocess.TimeoutExpired):
            pass
    return f"{mode.stem} {hashlib.sha256(text.encode()).hexdigest()[:12]}"


def _cut(texts: Sequence[str]) -> tuple[list[str], _Rebuild]:
    """Split segments at blank lines (which would break the batch separator)."""
    pieces: list[str] = []
    layout: list[list[str | int]] = []
    for text in texts:
        parts: list[str | int] = []
        for n, part in enumerate(_PARAGRAPH_BREAK.split(text)):
            if n % 2:
                parts.append(part)
            else:
                parts.append(len(pieces))
                pieces.append(part)
        layout.append(parts)
    return pieces, _Rebuild(layout)


class _Rebuild:
    """Puts translated pieces back together with the original blank lines between them."""

    def __init__(self, layout: list[list[str | int]]) -> None:
        self.layout = layout

    def __call__(self, outputs: list[str]) -> list[str]:
        return [
            "".join(outputs[p] if isinstance(p, int) else p for p in parts) for parts in self.layout
        ]


def _keep_space(piece: str, output: str) -> str:
    """The translation with the piece's own leading and trailing white space."""
    core = piece.strip()
    if not core:
        return piece
    start = piece.index(core[0])
    return piece[:start] + output.strip() + piece[start + len(core) :]


def _batches(order: list[int], cores: list[str], limit: int) -> list[list[int]]:
    batches: list[list[int]] = [[]]
    size = 0
    for i in order:
        if batches[-1] and size + len(cores[i]) > limit:
            batches.append([])
            size = 0
        batches[-1].append(i)
        size += len(cores[i]) + len(SEPARATOR)
    return [b for b in batches if b]
