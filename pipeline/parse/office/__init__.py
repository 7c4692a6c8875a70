"""Older office formats: legacy Word, RTF and ODT through LibreOffice, and OLE containers."""
