"""Licences (执照): the wallet page, managers, agent authorisations, the first-run guide and the download wizard."""
