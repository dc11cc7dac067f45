#!/usr/bin/env python3
"""Double-click entry point of EBid Desk (电子投标助手): starts the desktop application."""

import sys

from app.ui.application import main

if __name__ == "__main__":
    sys.exit(main())
