"""JSON APIs: /api/v1 (ours) and /api/hsds (HSDS 3.0)."""
