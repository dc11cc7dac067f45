"""Domain, crypto, formats, protocols and storage. Never imports Qt, ui, server or cli."""
