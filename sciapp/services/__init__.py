"""Use cases: one transaction each, validated, returning plain results or raising ServiceError.

The only door to the data for both the GUI and the command line.
"""
