"""The language stage: which language each block and document is in."""
