"""Builders for ingest test files of every kind, written by the tests themselves."""
