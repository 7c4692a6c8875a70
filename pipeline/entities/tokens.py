"""The Russian pipeline's tokenizer: razdel's tokens, the ones natasha's model is trained on.

spaCy's own Russian tokenizer splits differently (it keeps «США.Байден» or
«Бельгия#Италия#Испания» as one token), and a span of `doc.ents` can only cover whole tokens,
so the model's spans would be widened to spaCy's. With razdel's tokens every span the model
finds is a span of the doc as it is, and the model can be fed the doc's tokens directly.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab


class RazdelTokenizer:
    """A spaCy tokenizer: razdel's tokens, with whitespace other than one space as tokens."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from razdel import tokenize

        words: list[str] = []
        spaces: list[bool] = []
        last = 0
        for token in tokenize(text):
            _gap(text[last : token.start], words, spaces)
            words.append(token.text)
            spaces.append(False)
            last = token.stop
        _gap(text[last:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Whitespace between tokens: one space rides on the token before it, the rest is a token."""
    if not gap:
        return
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
