"""OpenCV with its own logging silenced.

OpenCV writes WARN/ERROR lines to stderr for every broken image it is given ("PNG input buffer
is incomplete"); our callers turn the failure into one error of their own, so the command line
prints one line and the desktop app's log stays ours. Import ``cv2`` from here in modules that
decode outside images.
"""

from __future__ import annotations

import cv2

cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)

__all__ = ["cv2"]
