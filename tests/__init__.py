"""caopo test suite."""
