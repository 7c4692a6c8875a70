"""Build a real `.argosmodel` with random weights, for tests and benchmarks.

No argos model weights can be downloaded here (models.md), yet the argos code path (package
install, metadata, sentencepiece, CTranslate2) must be exercised for real. This builds a genuine
package: a sentencepiece model trained on the given sentences and a CTranslate2 Transformer
whose weights are random. It translates nonsense, so callers assert on structure, never wording.
The same recipe at OPUS-MT base size (6 layers, width 512, 32k vocabulary) is the benchmark
model.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ModelSize:
    """Transformer dimensions; `TINY` for tests, `BASE` matches OPUS-MT base."""

    layers: int = 2
    heads: int = 2
    width: int = 32
    ffn: int = 64
    #: model vocabulary; 0 keeps the trained sentencepiece pieces (at most 400) as they are.
    vocab: int = 0
    quantization: str | None = None


TINY = ModelSize()
BASE = ModelSize(layers=6, heads=8, width=512, ffn=2048, vocab=32000, quantization="int8")


def build_package(
    out: Path,
    source: str,
    target: str,
    sentences: Sequence[str],
    size: ModelSize = TINY,
    version: str = "1.0",
    seed: int = 0,
) -> Path:
    """Write `out/translate-SRC_TGT.argosmodel` and return its path."""
    name = f"translate-{source}_{target}"
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    vocab = _train_sentencepiece(folder / "sentencepiece.model", sentences, size.vocab)
    _save_model(folder / "model", _padded(vocab, size.vocab), size, seed)
    metadata = {
        "package_version": version,
        "argos_version": "1.12",
        "from_code": source,
        "to_code": target,
        "from_name": source,
        "to_name": target,
        "type": "translate",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), "utf-8")
    return _zip(folder, out / f"{name}.argosmodel")


def _train_sentencepiece(path: Path, sentences: Sequence[str], vocab_size: int) -> list[str]:
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buffer,
        vocab_size=min(vocab_size or 400, 400),
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        normalization_rule_name="identity",
        minloglevel=2,
    )
    path.write_bytes(buffer.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=buffer.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _padded(vocab: list[str], size: int) -> list[str]:
    """Pad the vocabulary to the model size with pieces that never occur in real text."""
    return vocab + [f"⟨pad{n}⟩" for n in range(max(0, size - len(vocab)))]


def _save_model(folder: Path, vocab: list[str], size: ModelSize, seed: int) -> None:
    import numpy as np
    from ctranslate2.specs import model_spec, transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(
        num_layers=size.layers, num_heads=size.heads
    )
    rng = np.random.default_rng(seed)

    def fill(layer: Any, scope: str, value: Any) -> None:
        if value is None:
            attribute = scope.rsplit("/", 1)[-1]
            shape = _shape(scope, len(vocab), size)
            setattr(layer, attribute, _weights(rng, scope, shape))

    model_spec.visit_spec(spec, fill)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=size.quantization)
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))


def _shape(scope: str, vocab: int, size: ModelSize) -> tuple[int, ...]:
    d, ff = size.width, size.ffn
    if scope.endswith(("gamma", "beta")):
        return (d,)
    if "embeddings" in scope or "projection" in scope:
        return (vocab, d)
    shapes = {
        "self_attention/linear_0": (3 * d, d),
        "self_attention/linear_1": (d, d),
        "attention/linear_0": (d, d),
        "attention/linear_1": (2 * d, d),
        "attention/linear_2": (d, d),
        "ffn/linear_0": (ff, d),
        "ffn/linear_1": (d, ff),
    }
    for key, shape in shapes.items():
        if f"{key}/weight" in scope:
            return shape
    raise ValueError(f"no shape known for {scope}")


def _weights(rng: Any, scope: str, shape: tuple[int, ...]) -> Any:
    import numpy as np

    if scope.endswith("gamma"):
        return np.ones(shape, dtype=np.float32)
    if scope.endswith("beta"):
        return np.zeros(shape, dtype=np.float32)
    return (rng.standard_normal(shape) * 0.1).astype(np.float32)


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(folder.parent).as_posix())
    return target
