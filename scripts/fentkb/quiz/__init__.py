"""Quizzes generated from the knowledge base: templates, the bank, the item linter, forms."""
