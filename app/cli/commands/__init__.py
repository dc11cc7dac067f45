"""One module or package per command group (a package also for ``seal``, which adds ``sealfmt``);
each defines ``register(subparsers)``, which adds the group's parser. Discovered by ``app.cli.main``."""
