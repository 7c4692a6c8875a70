"""The drawing-loop count for a PDF whose cross-reference table is broken.

pdfium repairs such a file by scanning its objects, so a form that draws itself is as live in it
as in a sound one. pdfminer's own repair cannot be used for the count: on a damaged file it can
follow an object that refers to itself for ever (pure Python, in the worker's only thread). So
the objects are read here straight from the bytes, with regular expressions that never
backtrack across objects, and the count is made pessimistic where the structure is unknown:

- a name is looked up in every `/XObject` dictionary of the file (the resources that would apply
  are not known without the page tree), and its worst target counts;
- every form is tried as if a page drew it once.

A real document with a broken table and nested drawings stays far below `MAX_DRAWINGS`; only
forms that draw themselves several times over come near it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

#: an indirect object: number, generation, body (up to the first "endobj").
_OBJECT = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+obj\b(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_XOBJECT_DICT = re.compile(rb"/XObject\s*<<(.*?)>>", re.DOTALL)
_XOBJECT_REF = re.compile(rb"/XObject\s+(\d{1,10})\s+\d{1,5}\s+R\b")
_ENTRY = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+(\d{1,10})\s+\d{1,5}\s+R\b")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
#: a deflated form larger than this is read only this far (the names it draws come early).
MAX_INFLATED = 4_000_000


def worst_drawings(data: bytes, depth_limit: int, cap: int) -> int:
    """The most drawings one form could make, nested forms expanded up to `depth_limit`
    levels; counting stops past `cap`."""
    bodies = dict(_objects(data))
    forms = {number: _drawn_names(body) for number, body in bodies.items() if _is_form(body)}
    if not forms:
        return 0
    names = _name_targets(bodies)
    memo: dict[tuple[int, int], int] = {}

    def count(form: int, depth: int) -> int:
        if (form, depth) in memo:
            return memo[(form, depth)]
        total = 1
        if depth < depth_limit:
            for name in forms[form]:
                targets = [t for t in names.get(name, ()) if t in forms]
                if targets:
                    total += max(count(target, depth + 1) for target in targets)
                if total > cap:
                    break
        memo[(form, depth)] = total
        return total

    # deepest first, so each call below finds its inner levels already counted
    for depth in range(depth_limit, 0, -1):
        for form in forms:
            count(form, depth)
    return max(memo[(form, 1)] for form in forms)


def _objects(data: bytes) -> Iterator[tuple[int, bytes]]:
    for match in _OBJECT.finditer(data):
        yield int(match.group(1)), match.group(2)


def _is_form(body: bytes) -> bool:
    head = body.split(b"stream", 1)[0]
    return bool(_FORM.search(head)) and b"stream" in body


def _drawn_names(body: bytes) -> list[bytes]:
    stream = _STREAM.search(body)
    if stream is None:
        return []
    content = stream.group(1)
    if b"/FlateDecode" in body.split(b"stream", 1)[0]:
        content = _inflated(content)
    return _DO.findall(content)


def _inflated(raw: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(raw, MAX_INFLATED)
    except zlib.error:
        return raw


def _name_targets(bodies: dict[int, bytes]) -> dict[bytes, set[int]]:
    """Every name any `/XObject` dictionary gives, with every object it names."""
    targets: dict[bytes, set[int]] = {}
    dictionaries: list[bytes] = []
    for body in bodies.values():
        head = body.split(b"stream", 1)[0]
        dictionaries.extend(_XOBJECT_DICT.findall(head))
        for ref in _XOBJECT_REF.findall(head):
            dictionaries.append(bodies.get(int(ref), b""))
    for dictionary in dictionaries:
        for name, number in _ENTRY.findall(dictionary):
            targets.setdefault(name, set()).add(int(number))
    return targets
