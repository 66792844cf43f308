"""govkg: a knowledge graph of government actors from Chinese municipal government gazettes."""
__version__ = "0.1.0"
