"""The alphabet guess of a text's language, for index modules that import it from here.

The alphabets, marker letters and scripts are declared in corpus.languages; `index/` may not
depend on the pipeline's language stage, and a query or a block of undetermined language still
needs an analyser.
"""

from __future__ import annotations

from corpus.languages import script_language

__all__ = ["script_language"]
