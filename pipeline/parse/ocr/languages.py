"""Which Tesseract language packs to read a page with, and whether they are installed.

The wrong pack turns Cyrillic into Latin garbage, so packs follow the document's declared or
detected language, always with English added (the archive's scans quote English names and
terms); with nothing known we read Russian plus English, the assembly's working languages.

Packs are Debian packages (`tesseract-ocr-rus`, ...); a missing one is a `ModelMissing` whose
message is the exact `apt-get` line, never a silent fall-back to a pack that reads garbage.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import pytesseract

from corpus.errors import ModelMissing

#: ISO 639-1 code -> Tesseract packs. Uzbek and Azerbaijani are written in two scripts.
PACKS: dict[str, tuple[str, ...]] = {
    "ru": ("rus",),
    "uk": ("ukr",),
    "be": ("bel",),
    "kk": ("kaz",),
    "uz": ("uzb_cyrl", "uzb"),
    "ky": ("kir",),
    "tg": ("tgk",),
    "hy": ("hye",),
    "az": ("aze", "aze_cyrl"),
    "ka": ("kat",),
    "ro": ("ron",),
    "tk": ("tuk",),
    "tt": ("tat",),
    "en": ("eng",),
}
DEFAULT_PACKS = ("rus", "eng")
ALWAYS = "eng"
TESSERACT_PACKAGE = "tesseract-ocr"


def debian_package(pack: str) -> str:
    """The Debian package holding a pack: `uzb_cyrl` -> `tesseract-ocr-uzb-cyrl`."""
    return f"{TESSERACT_PACKAGE}-{pack.replace('_', '-').lower()}"


def install_hint(packs: Iterable[str]) -> str:
    names = " ".join(debian_package(p) for p in packs)
    return f"Install it with: apt-get install -y {names}"


def packs_for(languages: Sequence[str] | str | None) -> list[str]:
    """Packs for ISO codes or pack names ("uk", ["ru", "kk"], "rus+eng"), English added.

    Unknown ISO codes are dropped; with nothing usable left the default Russian plus English
    is returned, because reading with no pack at all is not an option.
    """
    if isinstance(languages, str):
        languages = languages.replace("+", " ").split()
    packs: list[str] = []
    for code in languages or ():
        code = code.strip()
        for pack in PACKS.get(code.lower(), (code,) if len(code) >= 3 else ()):
            if pack not in packs:
                packs.append(pack)
    if not packs:
        packs = list(DEFAULT_PACKS)
    if ALWAYS not in packs:
        packs.append(ALWAYS)
    return packs


def tesseract_missing() -> ModelMissing:
    """The error for a machine without the `tesseract` program itself."""
    packages = " ".join([TESSERACT_PACKAGE, *(debian_package(p) for p in DEFAULT_PACKS)])
    return ModelMissing("Tesseract OCR", f"Install it with: apt-get install -y {packages}")


@functools.lru_cache(maxsize=1)
def installed_packs() -> frozenset[str]:
    """The packs Tesseract can load (asked once per process: it starts a subprocess)."""
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError as err:
        raise tesseract_missing() from err
    except (pytesseract.TesseractError, OSError) as err:
        raise ModelMissing("Tesseract OCR (it does not start)", f"Reinstall tesseract-ocr: {err}") from err


def require_packs(packs: Sequence[str]) -> None:
    """Raise `ModelMissing` naming the Debian packages of any pack that is not installed."""
    missing = [p for p in packs if p not in installed_packs()]
    if missing:
        listed = ", ".join(missing)
        raise ModelMissing(f"Tesseract language pack {listed}", install_hint(missing))


#: language ID must be this sure, on at least this many letters, to choose packs from it.
DETECT_MIN_CONFIDENCE = 0.8
DETECT_MIN_LETTERS = 150


def detected_packs(text: str) -> list[str] | None:
    """Packs for the language `text` is written in, or None if it cannot be told reliably.

    Works on text read with the Russian pack too: Ukrainian and Kazakh read that way lose
    their own letters but keep their words, which language ID still recognises.
    """
    if sum(1 for c in text if c.isalpha()) < DETECT_MIN_LETTERS:
        return None
    from pipeline.parse.ocr.quality import identify

    language, confidence = identify(text)
    if language not in PACKS or confidence < DETECT_MIN_CONFIDENCE:
        return None
    return packs_for([language])
