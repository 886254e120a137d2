"""Answer checking: numeric sampling, and SymPy (imported only here) as an independent oracle."""
