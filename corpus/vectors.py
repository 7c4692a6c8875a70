"""The stored vector format: how a block's embedding is written and read back.

The embed stage writes int8 vectors scaled per vector to the full range (the direction is what
cosine similarity needs, so the scale is dropped); older archives may hold float16 or float32
vectors, which the byte length over the dimension tells apart. Both sides (the embed stage and
the search index) use these functions, so the format is declared once.
"""

from __future__ import annotations

import numpy as np


def quantize(vector: np.ndarray) -> np.ndarray:
    """A float vector as int8 scaled to the full range (direction kept, scale dropped)."""
    v = np.asarray(vector, np.float32)
    peak = float(np.abs(v).max()) if v.size else 0.0
    if peak == 0.0:
        return np.zeros(v.shape, np.int8)
    return np.clip(np.rint(v * (127.0 / peak)), -127, 127).astype(np.int8)


def unpack(blob: bytes, dim: int) -> np.ndarray:
    """A stored vector as an int8 array, whatever precision it was stored in."""
    width = len(blob) // max(dim, 1)
    if width == 1 and len(blob) == dim:
        return np.frombuffer(blob, np.int8)
    if width == 2 and len(blob) == 2 * dim:
        return quantize(np.frombuffer(blob, np.float16).astype(np.float32))
    if width == 4 and len(blob) == 4 * dim:
        return quantize(np.frombuffer(blob, np.float32))
    raise ValueError(f"an embedding of {len(blob)} bytes does not fit dimension {dim}")


def pack(vector: np.ndarray) -> bytes:
    """A vector as the int8 bytes the store keeps."""
    return quantize(vector).tobytes()


def pack_rows(rows: np.ndarray | None) -> bytes:
    """Several vectors (a block's windows) as int8 rows, each scaled on its own."""
    if rows is None or not len(rows):
        return b""
    return b"".join(pack(row) for row in np.asarray(rows, np.float32))


def unpack_rows(blob: bytes, dim: int) -> np.ndarray:
    """Stored window vectors as an int8 array of shape (windows, dim)."""
    if dim <= 0 or len(blob) % dim:
        raise ValueError(f"window vectors of {len(blob)} bytes do not fit dimension {dim}")
    return np.frombuffer(blob, np.int8).reshape(-1, dim)
