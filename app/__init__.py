"""EBid Desk (电子投标助手)."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("ebid-desk")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"

APP_NAME = "EBid Desk"
APP_NAME_ZH = "电子投标助手"
