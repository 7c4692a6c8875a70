"""The DOCX parser (Office Open XML word-processing documents)."""
