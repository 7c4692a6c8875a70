"""Markdown files (CommonMark with tables): headings, lists, links and tables as blocks."""
