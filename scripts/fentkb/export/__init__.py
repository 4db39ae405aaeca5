"""Exports of the question bank, one format per module."""
