"""The `kind` stage: what a document is (report, minutes, agenda, resolution, letter or other),
read from its own text in Russian, Ukrainian, Belarusian, Kazakh and English.

Modules: `words` (the word lists, declared once), `reading` (the lines and head the classifier
reads), `evidence` (weighted evidence per kind), `classify` (the verdict), `stage` (when a
document's kind may be set).
"""
