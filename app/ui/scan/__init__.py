"""Scan (扫一扫): the page, the live decoder thread, still pictures (file, clipboard, screen) and the view."""
