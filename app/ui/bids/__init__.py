"""Bid files (标书): the page, its table model, the encryption jobs, and the work it runs off the GUI thread."""
