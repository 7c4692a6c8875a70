"""The entities stage: people, places, organisations, dates and sums named in a document."""
