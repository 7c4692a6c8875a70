"""argostranslate (CTranslate2 NMT) packages the user brings, kept in `DATA/models`.

Offline rules (models.md): the package index is never called (`update_package_index`,
`get_available_packages` and `Package.update` crash offline), and argos's own sentence
splitters download models on first use, so every translation gets our splitter
(`pipeline.translate.sentences`) in place of argos's. argos reads `ARGOS_PACKAGES_DIR` when it
is first imported, so `use_models_folder` sets both the variable and the already-imported
settings: the folder can change within one process (tests, several archives).

Translation goes through argos's own objects (its `Package` for metadata and tokenizer, its
`PackageTranslation` holding our splitter and our CTranslate2 translator), but the batching is
ours: argos translates one paragraph per `translate_batch` call, we send every sentence of a
group of segments in one call, which is what keeps us near raw CTranslate2 speed.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import InputError, ModelMissing
from pipeline.settings import DEFAULTS
from pipeline.translate.engines import Pair, TranslationFailed, check_output, pair_name
from pipeline.translate.sentences import sentencizer_for

INSTALL_HINT = "Install a package for it: sekretar models install FILE.argosmodel"


@dataclass(frozen=True)
class PackageInfo:
    """An installed argos package as `models list` shows it."""

    source: str
    target: str
    version: str
    name: str
    path: Path

    @property
    def model_version(self) -> str:
        return f"{self.name} {self.version}".strip()


def use_models_folder(models: Path) -> Any:
    """Point argos at `models` (before and after its import) and return its `package` module."""
    models.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(models)
    from argostranslate import package, settings

    settings.package_data_dir = models
    settings.package_dirs = [models]
    return package


def installed_packages(models: Path) -> list[PackageInfo]:
    """Installed translation packages, read with argos's own `Package` class.

    Folders without a metadata.json (a half-copied package) are skipped rather than breaking
    the listing as argos's `get_installed_packages` would.
    """
    folders = (
        sorted(p for p in models.iterdir() if (p / "metadata.json").is_file())
        if models.is_dir()
        else []
    )
    if not folders:
        return []  # without packages, argos is not even imported
    package = use_models_folder(models)
    found = []
    for folder in folders:
        pkg = package.Package(folder)
        if pkg.type == "translate" and pkg.from_code and pkg.to_code:
            found.append(
                PackageInfo(
                    pkg.from_code, pkg.to_code, str(pkg.package_version), folder.name, folder
                )
            )
    return found


def install_package(models: Path, file: Path) -> PackageInfo:
    """Install a `.argosmodel` file, replacing an installed package for the same pair."""
    metadata, top = _check_package_file(file)
    pair = (metadata["from_code"], metadata["to_code"])
    for old in installed_packages(models):
        if (old.source, old.target) == pair or old.name == top:
            remove_package(models, (old.source, old.target))
    use_models_folder(models).install_from_path(file)
    return next(p for p in installed_packages(models) if p.name == top)


def remove_package(models: Path, pair: Pair) -> PackageInfo:
    """Uninstall the package for `pair`; ModelMissing if there is none."""
    for info in installed_packages(models):
        if (info.source, info.target) == pair:
            package = use_models_folder(models)
            package.uninstall(package.Package(info.path))
            return info
    raise ModelMissing(f"An argos package for {pair_name(*pair)}", "See: sekretar models list")


def _check_package_file(file: Path) -> tuple[dict[str, Any], str]:
    """The metadata and top folder of a package file, or InputError saying what is wrong."""
    if not zipfile.is_zipfile(file):
        raise InputError(f"{file.name}: not an argos package (not a zip archive)")
    with zipfile.ZipFile(file) as archive:
        names = archive.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise InputError(f"{file.name}: a package holds exactly one top-level folder")
        top = tops.pop()
        if f"{top}/metadata.json" not in names or f"{top}/model/model.bin" not in names:
            raise InputError(f"{file.name}: metadata.json or model/model.bin is missing")
        metadata = json.loads(archive.read(f"{top}/metadata.json"))
    if metadata.get("type", "translate") != "translate" or not (
        metadata.get("from_code") and metadata.get("to_code")
    ):
        raise InputError(f"{file.name}: not a translation package (from_code/to_code missing)")
    return metadata, top


class ArgosEngine:
    """Installed argos packages as one engine; translators load on first use of a pair."""

    name = "argos"

    def __init__(
        self,
        models: Path,
        threads: int = DEFAULTS.threads,
        beam_size: int = DEFAULTS.beam_size,
        device: str = DEFAULTS.device,
        batch_tokens: int = 4096,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.models = Path(models)
        self.threads, self.beam_size, self.device = threads, beam_size, device
        self.batch_tokens = batch_tokens
        #: extra `translate_batch` arguments (the benchmark fixes output lengths with them).
        self.options = dict(options or {})
        self._packages: dict[Pair, PackageInfo] | None = None
        self._translations: dict[Pair, Any] = {}

    def pairs(self) -> dict[Pair, str]:
        return {pair: info.model_version for pair, info in self._installed().items()}

    def _installed(self) -> dict[Pair, PackageInfo]:
        if self._packages is None:
            self._packages = {(p.source, p.target): p for p in installed_packages(self.models)}
        return self._packages

    def translation(self, source: str, target: str) -> Any:
        """argos's PackageTranslation for the pair, with our splitter and our translator."""
        pair = (source, target)
        if pair not in self._translations:
            info = self._installed().get(pair)
            if info is None:
                raise ModelMissing(f"Argos package {pair_name(*pair)}", INSTALL_HINT)
            self._translations[pair] = self._load(info)
        return self._translations[pair]

    def _load(self, info: PackageInfo) -> Any:
        import ctranslate2
        from argostranslate.translate import Language, PackageTranslation

        package = use_models_folder(self.models)
        pkg = package.Package(info.path)
        translation = PackageTranslation(
            Language(info.source, pkg.from_name), Language(info.target, pkg.to_name), pkg
        )
        translation.sentencizer = sentencizer_for(info.source)
        translation.translator = ctranslate2.Translator(
            str(info.path / "model"),
            device=self.device,
            inter_threads=1,
            intra_threads=self.threads,
        )
        return translation

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        translation = self.translation(source, target)
        sentences, owners = _sentences(texts, translation.sentencizer)
        tokenizer = translation.pkg.tokenizer
        tokens = [tokenizer.encode(s) for s in sentences]
        outputs = self._translate_tokens(translation, tokens)
        return check_output(self.name, texts, _assemble(texts, owners, outputs, tokenizer))

    def _translate_tokens(self, translation: Any, tokens: list[list[str]]) -> list[list[str]]:
        if not tokens:
            return []
        prefix = translation.pkg.target_prefix
        options = {"max_decoding_length": _output_cap(tokens), **self.options}
        try:
            results = translation.translator.translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                max_batch_size=self.batch_tokens,
                batch_type="tokens",
                beam_size=self.beam_size,
                replace_unknowns=True,
                length_penalty=0.2,
                **options,
            )
        except (RuntimeError, ValueError) as err:
            raise TranslationFailed(f"CTranslate2 failed: {err}") from err
        hypotheses = [r.hypotheses[0] for r in results]
        if prefix:
            hypotheses = [h[1:] if h[:1] == [prefix] else h for h in hypotheses]
        return hypotheses


def _output_cap(tokens: list[list[str]]) -> int:
    """Stop a runaway output (an NMT model caught in a loop) at twice the longest input."""
    return min(512, 2 * max(len(t) for t in tokens) + 10)


def _sentences(texts: Sequence[str], sentencizer: Any) -> tuple[list[str], list[tuple[int, int]]]:
    """Every sentence of every paragraph, with the (segment, paragraph) it belongs to."""
    sentences: list[str] = []
    owners: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        for j, paragraph in enumerate(text.split("\n")):
            if paragraph.strip():
                for sentence in sentencizer.split_sentences(paragraph):
                    sentences.append(sentence)
                    owners.append((i, j))
    return sentences, owners


def _assemble(
    texts: Sequence[str], owners: list[tuple[int, int]], outputs: list[list[str]], tokenizer: Any
) -> list[str]:
    """Join translated sentences back into paragraphs and segments.

    As in argos's `apply_packaged_translation`, a paragraph's tokens are decoded together and
    the tokenizer's leading space is dropped (the target prefix is already gone, per sentence).
    """
    grouped: dict[tuple[int, int], list[str]] = {}
    for owner, tokens in zip(owners, outputs, strict=True):
        grouped.setdefault(owner, []).extend(tokens)
    result = []
    for i, text in enumerate(texts):
        paragraphs = []
        for j, _ in enumerate(text.split("\n")):
            value = tokenizer.decode(grouped[(i, j)]) if (i, j) in grouped else ""
            paragraphs.append(value[1:] if value.startswith(" ") else value)
        result.append("\n".join(paragraphs))
    return result
