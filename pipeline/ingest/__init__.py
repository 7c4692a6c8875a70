"""Ingest: the batch, its worker processes, the checks behind `sekretar check` and the index hooks."""
