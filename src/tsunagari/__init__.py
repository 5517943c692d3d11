"""tsunagari (つながり): Japan's national system against loneliness and isolation."""
