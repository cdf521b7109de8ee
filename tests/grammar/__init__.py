"""Generators of documents from grammars of their legal formulae, with known answers."""
