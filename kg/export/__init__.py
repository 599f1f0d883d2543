"""Timeline and network exports: one module per format, each drawing on :mod:`kg.timeline`."""
