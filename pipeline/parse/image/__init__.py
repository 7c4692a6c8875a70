"""Images (scans and photos of pages), read by OCR."""
