"""Decode the bytes of a plain-text or HTML file, with care for legacy Russian code pages.

General detectors (charset-normalizer, chardet) often mistake cp1251, KOI8-R and cp866 for one
another, or for a Latin code page, because all three are valid for almost any byte string. The
assembly's archive is full of such files, so the order here is:

1. a byte order mark (UTF-8, UTF-16, UTF-32) wins;
2. NUL bytes without a BOM: UTF-16 if the text then looks like text, otherwise not a text file;
3. strict UTF-8 (a legacy Cyrillic text is practically never valid UTF-8);
4. a charset the caller read from the file itself (HTML `<meta>`), if it decodes;
5. each Cyrillic code page is tried and the decoded text is scored by how much it looks like
   Russian, Ukrainian or Belarusian (letter frequencies, letter case within words, no stray
   symbols); the best one wins if it is convincingly Cyrillic;
6. otherwise charset-normalizer, and cp1252 with replacement as the last resort.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from corpus.errors import InputError

#: single-byte Cyrillic code pages with a handicap (nats per character) that breaks near-ties
#: in favour of the common ones; Mac and ISO Cyrillic are rare and decode much of cp1251 and
#: cp866 text almost alike, so they must win clearly.
CYRILLIC_CANDIDATES = {
    "cp1251": 0.0,
    "koi8_r": 0.1,
    "koi8_u": 0.15,
    "cp866": 0.2,
    "mac_cyrillic": 0.6,
    "iso8859_5": 0.6,
}
#: bytes scored for the Cyrillic guess; enough for a stable guess, cheap on large files.
SAMPLE_BYTES = 65536
#: an average log-likelihood per non-ASCII character above this means "convincingly Cyrillic".
CYRILLIC_THRESHOLD = -5.5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Letter frequencies (per cent) of running Russian text, with the letters of Ukrainian and
# Belarusian added at their usual rates there; only the ratios matter.
_FREQUENCIES = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47,
    "р": 4.73, "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81,
    "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59,
    "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48,
    "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
    "і": 1.50, "ї": 0.20, "є": 0.20, "ґ": 0.01, "ў": 0.30,
}  # fmt: skip
_TOTAL = sum(_FREQUENCIES.values())
_LETTER_LOGP = {ch: math.log(f / _TOTAL) for ch, f in _FREQUENCIES.items()}
#: other Cyrillic letters (Serbian, Macedonian) are possible but rare in this archive.
_RARE_LETTER_LOGP = math.log(1e-4)
#: typographic marks that legacy Russian texts do contain.
_PUNCTUATION = set("«»—–…„“”‘’№°§±×•·\u00a0€")
_PUNCTUATION_LOGP = math.log(2e-3)
#: box drawing, control characters, misplaced letters: what a wrong code page produces.
_JUNK_LOGP = math.log(1e-6)
#: a word no language writes: "пРИВЕТ" (the KOI8/cp1251 case swap) or one starting with "ь".
_SHAPE_PENALTY = math.log(1e-3)
_NO_WORD_STARTS = set("ьъыЬЪЫ")

_WORD = re.compile(r"[^\W\d_]+")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([a-z0-9._:-]+)""", re.IGNORECASE)
_CHAOS_TOLERANCE = 0.1
_CONTROL_BYTES = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B})


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the codec that produced it (a Python codec name)."""

    text: str
    encoding: str


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes; `InputError` if they are not text at all.

    `declared` is a charset the file states about itself (an HTML `<meta>`); it is honoured when
    the bytes are not UTF-8 and decode cleanly with it.
    """
    found = _from_bom(data) or _from_nul_bytes(data)
    if found:
        return found
    _refuse_binary(data)
    found = _from_utf8(data)
    if found:
        return found
    declared_codec = _codec_name(declared) if declared else None
    if declared_codec:
        try:
            return Decoded(data.decode(declared_codec), declared_codec)
        except UnicodeDecodeError:
            pass
    return _guess_cyrillic(data) or _guess_other(data)


def declared_html_charset(head: bytes) -> str | None:
    """The charset an HTML file declares in its first bytes (`<meta>` or an XML declaration).

    As browsers do (WHATWG), a declared UTF-16 means UTF-8, since a `<meta>` readable as ASCII
    cannot be UTF-16, and Latin-1 means cp1252.
    """
    match = _META_CHARSET.search(head[:8192]) or _XML_ENCODING.search(head[:8192])
    if not match:
        return None
    codec = _codec_name(match.group(1).decode("ascii"))
    if codec in ("utf-16", "utf-16-le", "utf-16-be"):
        return "utf-8"
    if codec in ("latin-1", "ascii"):
        return "cp1252"
    return codec


def cyrillic_score(text: str) -> float:
    """How Russian/Ukrainian `text` looks: mean log-likelihood per non-ASCII character.

    Correct Cyrillic text scores about -3; a text decoded with the wrong code page scores far
    lower, because its letters come out in the wrong case, with rare letters or with symbols.
    Words mixing Latin and Cyrillic letters (a Latin-1 "café" read as cp1251 "cafй") count as
    junk. A text without non-ASCII characters scores minus infinity: there is nothing to judge.
    """
    total = 0.0
    counted = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        total += _word_logp(word)
        counted += sum(1 for ch in word if not ch.isascii())
    for ch in _WORD.sub("", text):
        if not ch.isascii():
            total += _PUNCTUATION_LOGP if ch in _PUNCTUATION else _JUNK_LOGP
            counted += 1
    return total / counted if counted else -math.inf


def _word_logp(word: str) -> float:
    """Log-likelihood of a word's non-ASCII letters, with the case and script penalties."""
    if any("a" <= ch.lower() <= "z" for ch in word):
        return _JUNK_LOGP * sum(1 for ch in word if not ch.isascii())
    logp = sum(_letter_logp(ch) for ch in word)
    if _bad_shape(word):
        logp += _SHAPE_PENALTY * len(word)
    return logp


def _letter_logp(ch: str) -> float:
    lower = ch.lower()
    if lower in _LETTER_LOGP:
        return _LETTER_LOGP[lower]
    if "\u0400" <= ch <= "\u04ff":
        return _RARE_LETTER_LOGP
    return _JUNK_LOGP


def _bad_shape(word: str) -> bool:
    """True for "пРИВЕТ", "пРивет" or "ьто": real words are lower, Title or UPPER case."""
    if word[0] in _NO_WORD_STARTS:
        return True
    return not (word.islower() or word.isupper() or word[1:].islower())


def _from_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as err:
                raise InputError(f"not a text file (broken {codec.upper()})") from err
    return None


def _from_nul_bytes(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, or `InputError`: NUL bytes never occur in 8-bit text."""
    if b"\x00" not in data:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        # judge a sample first: a large binary file is not decoded whole for nothing
        if not _looks_like_text(data[:SAMPLE_BYTES].decode(codec, errors="replace")):
            continue
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    raise InputError("not a text file")


def _looks_like_text(text: str) -> bool:
    """Binary read as UTF-16 gives CJK and symbols; our texts are Latin and Cyrillic."""
    if not text:
        return False
    plain = sum(1 for ch in text if ch in "\t\n\r\f" or (ch.isprintable() and ch < "\u0530"))
    return plain / len(text) > 0.95


def _from_utf8(data: bytes) -> Decoded | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "ascii" if text.isascii() else "utf-8")


def _refuse_binary(data: bytes) -> None:
    """Many control bytes mean a binary file, even without NUL bytes."""
    sample = data[:SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 20):
        raise InputError("not a text file")


def _guess_cyrillic(data: bytes) -> Decoded | None:
    """The Cyrillic code page whose decoding looks most like real text, if any convinces."""
    sample = data[:SAMPLE_BYTES]
    best: tuple[float, str] | None = None
    for codec, handicap in CYRILLIC_CANDIDATES.items():
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = cyrillic_score(text) - handicap
        if best is None or score > best[0]:
            best = (score, codec)
    if best is None or best[0] < CYRILLIC_THRESHOLD:
        return None
    codec = _codec_name(best[1]) or best[1]
    return Decoded(data.decode(best[1], errors="replace"), codec)


def _guess_other(data: bytes) -> Decoded:
    """Non-Cyrillic legacy text: charset-normalizer's guess, else cp1252 with replacement."""
    codec = _charset_normalizer_guess(data[: SAMPLE_BYTES * 4])
    if codec:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252")


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's best guess, but cp1252 when it is about as good (as browsers do).

    Its "chaos" measure is noisy on short texts: it ranks cp1257 or cp1250 first for plain
    French, turning "crème" into "crčme". cp1252 wins when it is as coherent as the best guess
    and at most `_CHAOS_TOLERANCE` more chaotic; a Romanian cp1250 text stays cp1250 because
    its letters make it more coherent.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        near = match.chaos <= best.chaos + _CHAOS_TOLERANCE and match.coherence >= best.coherence
        if near and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return _codec_name(best.encoding)


def _codec_name(name: str) -> str | None:
    """Python's canonical codec name ("windows-1251" -> "cp1251"), or None if unknown or not a
    text encoding: Python also names bytes-to-bytes codecs ("uu", "base64", "zlib"), which
    `bytes.decode` refuses with LookupError (an HTML page declaring charset=uu, found by
    fuzzing)."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None
