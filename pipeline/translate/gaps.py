"""Saying plainly why text has no translation, before anything is written without one.

An export or a resolution into a language some blocks have no translation in must not hand
out the source text as if it were translated. `check_translated` turns the gaps into an error
that names the pair and the way forward: the install command when no engine serves the pair,
`sekretar translate DOC --to LANG` when the engine exists but the document was not translated
into that language yet. `--allow-untranslated` is how a user goes ahead anyway; the exported
paragraphs then say they are not translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from corpus.errors import ModelMissing, SekretarError
from pipeline.translate.engines import pair_name
from pipeline.translate.router import Router

ALLOW_HINT = "or write it anyway, untranslated parts marked, with --allow-untranslated"


class NotTranslated(SekretarError):
    """Text has no translation into the language asked for, though an engine could make one."""


def gap_reasons(gaps: Mapping[str, int], target: str, router: Router) -> dict[str, str]:
    """Why blocks of each source language have no `target` text, in plain words."""
    reasons = {}
    for source in gaps:
        try:
            router.route(source, target)
        except ModelMissing:
            reasons[source] = f"no translation engine for {pair_name(source, target)} is installed"
            continue
        reasons[source] = f"not translated into {target} yet"
    return reasons


def check_translated(
    gaps: Mapping[str, int], target: str, router: Router, what: str, retranslate: str
) -> None:
    """Raise when any of `gaps` (source language -> blocks without a `target` text) remains.

    `what` names the thing being written ("report.docx"); `retranslate` is the command that
    fills the gap when an engine exists.
    """
    missing, waiting = [], []
    for source, count in sorted(gaps.items()):
        if source == target or count == 0:
            continue
        try:
            router.route(source, target)
        except ModelMissing as err:
            missing.append((source, count, err.how))
            continue
        waiting.append((source, count))
    if missing:
        source, count, how = missing[0]
        pairs = ", ".join(pair_name(s, target) for s, _, _ in missing)
        raise ModelMissing(
            f"{what}: {sum(c for _, c, _ in missing)} block(s) need a {target} translation and "
            f"the translation engine for {pairs}",
            f"{how}; {ALLOW_HINT}",
        )
    if waiting:
        count = sum(c for _, c in waiting)
        raise NotTranslated(
            f"{what}: {count} block(s) have no {target} translation yet; run "
            f"'{retranslate}', {ALLOW_HINT}"
        )
