"""The ``ebid`` command line: scripting, support and tests, over ``app.core``."""
