"""The priority plan (重点計画) and its PDCA record."""
