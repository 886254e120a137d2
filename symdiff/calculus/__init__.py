"""Differentiation: the rule families, the forward engine, reverse mode and derivation records."""
