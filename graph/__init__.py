"""Graph layer: records in, RDF out; store, SPARQL, networks. Knows RDF, not Chinese."""
