"""WordprocessingML names and the one safe way we parse an Office XML part.

Every part we read ourselves (notes, comments, anything python-docx keeps as raw bytes) goes
through `parse_part`, whose parser never resolves entities, never loads a DTD and never touches
the network. Office parts never carry a DOCTYPE, so a part that declares one is refused
outright: it can only be a crafted file (XXE, entity bombs), and refusing is simpler to trust
than any amount of careful expansion.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from corpus.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
V_NS = "urn:schemas-microsoft-com:vml"

#: an lxml element; python-docx's custom element classes are lxml elements too.
Element = Any


def w(name: str) -> str:
    """The Clark name (`{namespace}name`) of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


W_VAL = w("val")
R_ID = f"{{{R_NS}}}id"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_part(blob: bytes, name: str) -> Element:
    """The root element of an XML part, or `InputError` if it is unreadable or declares a DTD."""
    try:
        root = etree.fromstring(blob, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as err:
        raise InputError(f"corrupt DOCX: unreadable XML in {name} ({err})") from err
    refuse_doctype(root, name)
    return root


def refuse_doctype(root: Element, name: str) -> None:
    """Refuse a part that declares a DTD: no Office program writes one, attackers do."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise InputError(f"corrupt DOCX: {name} declares a DTD, which Office files never do")


def val(element: Element | None, default: str | None = None) -> str | None:
    """The `w:val` attribute of an optional element (most WordprocessingML properties)."""
    if element is None:
        return default
    result = element.get(W_VAL)
    return default if result is None else result


def int_val(element: Element | None, default: int | None = None) -> int | None:
    """`w:val` as an integer; a malformed number counts as absent rather than failing a file."""
    raw = val(element)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        return default


def pick_alternative(alternate: Element) -> Element | None:
    """The one branch of `mc:AlternateContent` we read, so its text is never taken twice.

    The first `mc:Choice` is the richer modern form (DrawingML text boxes); `mc:Fallback`
    (VML) repeats the same text and is used only when there is no choice.
    """
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)
