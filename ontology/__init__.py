"""The ontology as data: Turtle vocabulary, SHACL shapes, alias tables, gazetteers, stored queries."""
