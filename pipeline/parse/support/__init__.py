"""Machinery the parsers share: the zip guard and child processes that die with their worker."""
