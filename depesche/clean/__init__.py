"""Cleaning: which lines of a raw page are the article (a rule ladder, then a pass over neighbours)."""
