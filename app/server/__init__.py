"""The reference service: registration authority and e-bidding platform over HTTP (FastAPI,
SQLAlchemy, Alembic). Core never imports this package; the CLI and the UI start it embedded
(:func:`app.server.embedded.start_embedded`) or point the client at a standalone one.
See docs/service.md."""
