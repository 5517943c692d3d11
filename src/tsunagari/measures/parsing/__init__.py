"""Reading the plan's source documents: pure functions, no database."""
