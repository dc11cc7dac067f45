"""Seals (印章): the page, seal authorisations, the seal office calls and the imprint editor (``editor/``)."""
