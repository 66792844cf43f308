"""Extractors: gazette text in, typed records with provenance out. Knows Chinese, not RDF."""
