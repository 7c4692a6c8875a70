"""The PDF parser: text layers, layout, tables, forms; scanned pages through OCR."""
