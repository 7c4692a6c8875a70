"""The embed stage: multilingual embeddings of every block for cross-language search."""
