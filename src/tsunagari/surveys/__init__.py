"""The national loneliness survey: instruments, estimates, programme evaluation."""
