"""Opening a DOCX package safely, Strict Open XML included, and reading its core properties.

The order matters: the zip-bomb guard reads the central directory first, and only a package
that passes it is handed to python-docx, which inflates the parts it needs. Every failure a
malformed package can cause in python-docx, zipfile or lxml becomes an `InputError` with a
plain reason, so a bad file never looks like our defect.

Strict Open XML (ISO 29500 strict) uses other namespace URIs for the same vocabulary; python-docx
knows only the transitional ones. We translate the namespaces in memory (the guard has already
bounded the size) and read the result as an ordinary DOCX.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import IO

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.part import Part, XmlPart
from docx.package import Package
from lxml import etree

from corpus.errors import InputError
from corpus.model import Document
from pipeline.parse.docx.xml import refuse_doctype
from pipeline.parse.support.zipguard import ZIP_ERRORS, ZipLimits, open_checked

#: errors python-docx, zipfile and lxml raise on malformed packages.
BROKEN_PACKAGE = (OpcError, LookupError, TypeError, AttributeError, etree.LxmlError, *ZIP_ERRORS)
_STRICT_MARK = b"purl.oclc.org/ooxml/"
_STRICT_URI = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/")
_TRANSITIONAL_URI = rb"http://schemas.openxmlformats.org/\1/2006/"
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def open_package(file: str | IO[bytes], limits: ZipLimits) -> Package:
    """The python-docx package of a DOCX that passed the zip guard; `InputError` otherwise."""
    with open_checked(file, limits) as archive:
        translated = _translate_strict(archive) if _is_strict(archive) else None
    if not isinstance(file, str):
        file.seek(0)
    try:
        package = Package.open(translated or file)
    except BROKEN_PACKAGE as err:
        raise InputError(f"corrupt DOCX: {_reason(err)}") from err
    for part in package.iter_parts():
        if isinstance(part, XmlPart):
            refuse_doctype(part.element, str(part.partname).lstrip("/"))
    return package


def _reason(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:200]


def main_part(package: Package) -> Part:
    """The main document part (usually word/document.xml), or `InputError` if there is none."""
    try:
        return package.main_document_part
    except (KeyError, ValueError) as err:
        raise InputError("corrupt DOCX: no main document part (word/document.xml)") from err


def _is_strict(archive: zipfile.ZipFile) -> bool:
    """A Strict Open XML package names its main document with a purl.oclc.org relationship."""
    try:
        return _STRICT_MARK in archive.read("_rels/.rels")
    except KeyError:
        return False
    except ZIP_ERRORS as err:
        raise InputError(f"corrupt DOCX: {_reason(err)}") from err


def _translate_strict(archive: zipfile.ZipFile) -> io.BytesIO:
    """A copy of the package with Strict namespaces replaced by their transitional twins."""
    stream = io.BytesIO()
    try:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_STORED) as copy:
            for entry in archive.infolist():
                data = archive.read(entry)
                if entry.filename.lower().endswith(_XML_SUFFIXES):
                    data = _STRICT_URI.sub(_TRANSITIONAL_URI, data)
                copy.writestr(entry.filename, data)
    except ZIP_ERRORS as err:
        raise InputError(f"corrupt DOCX: {_reason(err)}") from err
    stream.seek(0)
    return stream


def set_core_properties(document: Document, package: Package) -> None:
    """Title, author and dates from docProps/core.xml, when the package has one.

    python-docx invents a default core part (title "Word Document", modified now) when the
    package lacks one, so we look the relationship up ourselves and never ask for a default.
    """
    rels = [r for r in package.rels.values() if r.reltype == RT.CORE_PROPERTIES]
    if not rels or rels[0].is_external:
        return
    try:
        properties = rels[0].target_part.core_properties
        title, author = properties.title, properties.author
        created, modified = properties.created, properties.modified
    except BROKEN_PACKAGE:
        document.note_problem("document properties are unreadable")
        return
    document.title = (title or "").strip() or None
    document.author = (author or "").strip() or None
    document.created = _iso(created)
    document.modified = _iso(modified)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
