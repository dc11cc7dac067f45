"""The look: light and dark palettes with readable contrast, a live switch from Settings that
every widget follows, and message-box icons in our state colours instead of Qt's stock ones."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QStyle

from app.ui import appearance, settings
from app.ui.settings_page import SettingsPage


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.redF()) + 0.7152 * channel(q.greenF()) + 0.0722 * channel(q.blueF())


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colours", [appearance.LIGHT, appearance.DARK], ids=["light", "dark"])
def test_text_and_state_colours_are_readable(colours):
    # WCAG 2.1: 7:1 (AAA) for body text, 4.5:1 (AA) for secondary text, states and buttons.
    assert contrast(colours.text, colours.window) >= 7 and contrast(colours.text, colours.base) >= 7
    assert contrast(colours.muted, colours.base) >= 4.5
    for state in ("valid", "pending", "revoked", "expired"):
        assert contrast(getattr(colours, state), colours.base) >= 4.5, state
    assert contrast(colours.accent_text, colours.accent) >= 3  # large button text on the accent
    assert contrast(colours.accent, colours.base) >= 3  # a selected item's text


@pytest.fixture
def restore_scheme(app):
    yield
    settings.APPEARANCE.set("system")
    appearance.apply(app)


def test_the_settings_page_switches_light_and_dark_live(app, qtbot, restore_scheme):
    page = SettingsPage(context=None)
    qtbot.addWidget(page)
    combo = page.appearance
    combo.setCurrentIndex(combo.findData("dark"))
    assert settings.APPEARANCE.get() == "dark"
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == QColor(appearance.DARK.window)
    assert appearance.state_colour(appearance.State.REVOKED) == QColor(appearance.DARK.revoked)
    assert "#4C8DFF" in app.styleSheet()  # the dark accent
    combo.setCurrentIndex(combo.findData("light"))
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == QColor(appearance.LIGHT.window)
    assert appearance.chosen_scheme() is appearance.Scheme.LIGHT


def test_message_boxes_use_our_icons_in_state_colours(app, restore_scheme):
    settings.APPEARANCE.set("light")
    appearance.apply(app)
    for standard, colour in [(QStyle.StandardPixmap.SP_MessageBoxWarning, appearance.LIGHT.pending),
                             (QStyle.StandardPixmap.SP_MessageBoxCritical, appearance.LIGHT.revoked),
                             (QStyle.StandardPixmap.SP_MessageBoxInformation, appearance.LIGHT.accent)]:
        image = app.style().standardIcon(standard).pixmap(48, 48).toImage()
        opaque = {image.pixelColor(x, y).name().upper() for x in range(image.width())
                  for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}
        assert opaque == {colour.upper()}, (standard, opaque)  # one line colour, no stock artwork
    assert not app.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons)
