"""A meeting's adopted decisions as an Akoma Ntoso 3.0 `statement` (a resolution): the preamble
and one operative paragraph per adopted decision, in the language of the minutes it comes
from, each paragraph pointing at its source.

- `meta/identification`: the work `/akn/iaclc/statement/resolution/{date}/{number}`, the
  expression in the minutes' language (ISO 639-2);
- `preface`: the draft's title; `preamble`: the fixed preamble in that language
  (`pipeline.resolution.words`);
- `mainBody`: a `paragraph` per adopted decision (`num` 1, 2, … across the meeting,
  `content/p` with the text), whose `refersTo` names a `TLCReference` in `meta/references`
  with the decision's place in the minutes' AKN debate (`…/debaterecord/…#dbsect_2__para_1`)
  and its source note (file, paragraphs, pages, blocks) as `showAs`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from corpus.model import Document, Session
from pipeline.exchange.akn import AKN_NS, AUTHOR, LANGUAGE_CODES, body_token, number_part
from pipeline.minutes.stage import minutes_language
from pipeline.resolution.compile import source_note, status_of
from pipeline.resolution.model import ADOPTED
from pipeline.resolution.words import place_name, preamble, words

_A = f"{{{AKN_NS}}}"


def statement_xml(document: Document) -> bytes:
    """The adopted decisions of one set of minutes as an AKN `statement`, serialised."""
    session = document.minutes or Session()
    language = minutes_language(document)
    code = LANGUAGE_CODES.get(language, "und")
    date = session.date or document.date or "1900-01-01"
    number = number_part(session.number)
    work = f"/akn/iaclc/statement/resolution/{date}{number}"
    debate = f"/akn/iaclc/debaterecord/{body_token(session.body)}/{date}{number}/{code}@"
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS})
    statement = etree.SubElement(root, _A + "statement", name="resolution")
    meta = etree.SubElement(statement, _A + "meta")
    _identification(meta, work, f"{work}/{code}@", date, code)
    references = _references(meta)
    preface = etree.SubElement(statement, _A + "preface")
    etree.SubElement(preface, _A + "p", {"class": "title"}).text = words(language)["title"]
    pre = etree.SubElement(statement, _A + "preamble")
    etree.SubElement(pre, _A + "p").text = preamble(
        language, session.number, session.date,
        place_name(document.city, session.place, language))
    main = etree.SubElement(statement, _A + "mainBody")
    blocks = {b.id: b for b in document.blocks}
    count = 0
    for i, item in enumerate(session.agenda, start=1):
        for j, decision in enumerate(item.decisions, start=1):
            if status_of(decision.vote or item.vote) != ADOPTED:
                continue
            count += 1
            source = f"src_{count}"
            etree.SubElement(references, _A + "TLCReference", eId=source, name="source",
                             href=f"{debate}#dbsect_{i}__para_{j}",
                             showAs=source_note(document, decision.block_ids, blocks))
            paragraph = etree.SubElement(main, _A + "paragraph", eId=f"para_{count}",
                                         refersTo="#" + source)
            etree.SubElement(paragraph, _A + "num").text = f"{count}."
            content = etree.SubElement(paragraph, _A + "content")
            etree.SubElement(content, _A + "p").text = decision.text
    if count == 0:
        empty = etree.SubElement(main, _A + "paragraph", eId="para_0")
        etree.SubElement(etree.SubElement(empty, _A + "content"), _A + "p").text = \
            words(language)["none"]
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _identification(meta: Any, work: str, expression: str, date: str, code: str) -> None:
    ident = etree.SubElement(meta, _A + "identification", source="#" + AUTHOR)
    for level, uri, extra in (("FRBRWork", work, "country"),
                              ("FRBRExpression", expression, "language"),
                              ("FRBRManifestation", expression + "/!main.xml", None)):
        part = etree.SubElement(ident, _A + level)
        etree.SubElement(part, _A + "FRBRthis", value=uri + ("/!main" if extra else ""))
        etree.SubElement(part, _A + "FRBRuri", value=uri)
        etree.SubElement(part, _A + "FRBRdate", date=date, name="adoption" if extra else
                         "generation")
        etree.SubElement(part, _A + "FRBRauthor", href="#assembly")
        if extra == "country":
            etree.SubElement(part, _A + "FRBRcountry", value="iaclc")
        elif extra == "language":
            etree.SubElement(part, _A + "FRBRlanguage", language=code)


def _references(meta: Any) -> Any:
    refs = etree.SubElement(meta, _A + "references", source="#" + AUTHOR)
    etree.SubElement(refs, _A + "TLCOrganization", eId="assembly",
                     href="/ontology/organization/iaclc",
                     showAs="International Assembly of Capitals and Large Cities")
    etree.SubElement(refs, _A + "TLCOrganization", eId=AUTHOR,
                     href="/ontology/organization/sekretar", showAs="sekretar")
    return refs
