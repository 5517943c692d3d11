"""Japanese text analysis and the search index over the directory."""
