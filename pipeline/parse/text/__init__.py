"""Plain text and HTML, in whatever encoding they arrive."""
