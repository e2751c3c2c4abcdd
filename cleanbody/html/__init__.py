"""The HTML path: extraction with trafilatura, then the same text rules."""
