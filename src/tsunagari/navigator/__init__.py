"""From what a person writes to the right help, crisis first."""
