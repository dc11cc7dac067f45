"""One module per page of the main window. A page is added only when its feature works."""
