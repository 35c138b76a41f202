"""Reports a commission hands on: the annual report to council."""
