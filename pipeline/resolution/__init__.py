"""Draft resolutions compiled from a meeting's minutes, in several languages, as DOCX."""
