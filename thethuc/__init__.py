"""thethuc — format checker for Party documents (HD36/HD05) and state documents (NĐ 30)."""
__version__ = "0.1.0"
