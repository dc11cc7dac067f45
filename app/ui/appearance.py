"""The look of the whole application: Fusion with our two palettes (light and dark), one accent
colour, the state colours, and one stylesheet written against palette roles.

Widgets never set colours of their own: a page marks a frame as a card (``card`` property), a
button as the page's main action (``primary``), a label as a banner (``tone``: caution / error /
ok), and this module's stylesheet draws them. A scheme change re-applies the palette and the
stylesheet; widgets re-tint their icons on the palette change (see :mod:`.theme`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

from . import settings, theme


class Scheme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class State(enum.StrEnum):
    """What a row or a badge says about a licence, seal, authorisation, key or bid."""

    VALID = "valid"
    PENDING = "pending"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    alternate: str
    text: str
    muted: str  # secondary text: placeholders, captions, disabled
    border: str
    divider: str
    accent: str
    accent_text: str
    accent_soft: str  # hover and selection behind normal text
    valid: str
    pending: str
    expired: str
    revoked: str
    caution_soft: str
    error_soft: str
    ok_soft: str


# Accent: the blue of 钉钉 and Windows 11 apps; contrast of text on window ≥ 12:1 in both.
LIGHT = Colours(
    window="#F5F6F8", base="#FFFFFF", alternate="#F7F8FA", text="#1F2329", muted="#646A73",
    border="#D0D3D9", divider="#E6E8EB", accent="#1664FF", accent_text="#FFFFFF",
    accent_soft="#E8F0FF", valid="#177A4F", pending="#B25F00", expired="#646A73",
    revoked="#C9302C", caution_soft="#FFF4E0", error_soft="#FDECEC", ok_soft="#E8F6EF",
)
DARK = Colours(
    window="#1B1C1F", base="#25272B", alternate="#2A2C31", text="#E8E9EB", muted="#A0A4AB",
    border="#43464D", divider="#33363C", accent="#4C8DFF", accent_text="#FFFFFF",
    accent_soft="#22365C", valid="#4CC38A", pending="#F0A33A", expired="#A0A4AB",
    revoked="#F2706A", caution_soft="#3D3020", error_soft="#40262A", ok_soft="#1E3A2E",
)

STYLESHEET = """
#sideBar {{ background: palette(base); border-right: 1px solid {divider}; }}
#brand {{ font-size: 14pt; font-weight: 600; padding: 2px 0; }}
#brandVersion {{ color: {muted}; }}
QListWidget#sidebar {{ background: transparent; border: none; outline: 0; padding: 4px 8px; }}
QListWidget#sidebar::item {{ padding: 9px 10px; margin: 1px 0; border-radius: 6px; color: palette(window-text); }}
QListWidget#sidebar::item:hover {{ background: {alternate}; }}
QListWidget#sidebar::item:selected {{ background: {accent_soft}; color: {accent}; }}

QFrame[card="true"], QGroupBox {{
    background: palette(base); border: 1px solid {divider}; border-radius: 10px; }}
QGroupBox {{ padding: 2.2em 12px 10px 12px; }}
QGroupBox::title {{ subcontrol-origin: padding; subcontrol-position: top left; left: 14px; top: 10px;
    color: palette(window-text); font-weight: 600; }}
QScrollArea#pageScroll, QScrollArea#pageScroll > QWidget#qt_scrollarea_viewport {{ background: transparent; }}
QLabel[role="heading"] {{ font-size: 12pt; font-weight: 600; }}
QLabel[role="title"] {{ font-size: 16pt; font-weight: 600; }}
QLabel[role="display"] {{ font-size: 20pt; font-weight: 600; }}
QLabel[role="caption"] {{ color: {muted}; }}
QLabel[tone] {{ border-radius: 8px; padding: 8px 10px; color: palette(window-text); }}
QLabel[tone="caution"] {{ background: {caution_soft}; border: 1px solid {pending}; }}
QLabel[tone="error"] {{ background: {error_soft}; border: 1px solid {revoked}; }}
QLabel[tone="ok"] {{ background: {ok_soft}; border: 1px solid {valid}; }}

QPushButton, QToolButton {{ background: palette(base); border: 1px solid {border}; border-radius: 6px;
    padding: 5px 14px; min-height: 1.4em; }}
QToolButton {{ padding: 4px 8px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {accent}; color: {accent}; }}
QPushButton:pressed, QToolButton:pressed, QToolButton:checked {{ background: {accent_soft}; }}
QPushButton:focus, QToolButton:focus {{ border: 1px solid {accent}; }}
QPushButton[primary="true"], QPushButton:default {{ background: {accent}; border-color: {accent};
    color: {accent_text}; }}
QPushButton[primary="true"]:hover, QPushButton:default:hover {{ color: {accent_text}; }}
QPushButton:disabled, QToolButton:disabled {{ background: {alternate}; border-color: {divider};
    color: {muted}; }}
QPushButton::menu-indicator {{ subcontrol-position: right center; right: 6px; }}

QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit, QComboBox {{
    background: palette(base); border: 1px solid {border}; border-radius: 6px; padding: 4px 8px;
    selection-background-color: {accent}; selection-color: {accent_text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QDateTimeEdit:focus, QComboBox:focus {{ border-color: {accent}; }}
QLineEdit:disabled, QComboBox:disabled {{ background: {alternate}; color: {muted}; }}
QComboBox::drop-down {{ border: none; width: 20px; }}

QTableView, QTreeView, QListView {{ background: palette(base); border: 1px solid {divider};
    border-radius: 8px; alternate-background-color: {alternate}; gridline-color: {divider};
    selection-background-color: {accent_soft}; selection-color: palette(text); outline: 0; }}
QHeaderView::section {{ background: palette(base); color: {muted}; border: none;
    border-bottom: 1px solid {divider}; padding: 6px 8px; }}
QTableCornerButton::section {{ background: palette(base); border: none; }}

QTabWidget::pane {{ border: 1px solid {divider}; border-radius: 8px; background: palette(base); top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: none; border-bottom: 2px solid transparent; color: {muted}; }}
QTabBar::tab:selected {{ color: {accent}; border-bottom-color: {accent}; }}
QTabBar::tab:hover {{ color: palette(window-text); }}

QProgressBar {{ background: {divider}; border: none; border-radius: 4px; text-align: center;
    min-height: 8px; color: palette(window-text); }}
QProgressBar::chunk {{ background: {accent}; border-radius: 4px; }}
QStatusBar {{ background: palette(base); border-top: 1px solid {divider}; color: {muted}; }}
QToolTip {{ background: palette(base); color: palette(text); border: 1px solid {border}; padding: 4px; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle {{ background: {border}; border-radius: 3px; min-height: 24px; min-width: 24px; }}
QScrollBar::handle:hover {{ background: {muted}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QMenu {{ background: palette(base); border: 1px solid {border}; padding: 4px; }}
QMenu::item {{ padding: 5px 24px 5px 16px; border-radius: 4px; }}
QMenu::item:selected {{ background: {accent_soft}; color: palette(text); }}
QMessageBox QLabel#qt_msgbox_label {{ min-width: 18em; }}
"""

# The fonts Chinese users read on each system, before Qt's default.
FONT_FAMILIES = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
                 "Source Han Sans SC", "WenQuanYi Micro Hei"]

_MESSAGE_ICONS = {
    QStyle.StandardPixmap.SP_MessageBoxInformation: ("info", "accent"),
    QStyle.StandardPixmap.SP_MessageBoxQuestion: ("question", "accent"),
    QStyle.StandardPixmap.SP_MessageBoxWarning: ("warning", "pending"),
    QStyle.StandardPixmap.SP_MessageBoxCritical: ("reject", "revoked"),
}


class Style(QProxyStyle):
    """Fusion, with the message boxes' icons drawn in our line style and state colours instead of
    the old green tick, yellow triangle and red cross."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def standardIcon(self, standard, option=None, widget: QWidget | None = None):  # noqa: N802
        if standard in _MESSAGE_ICONS:
            name, colour = _MESSAGE_ICONS[standard]
            return theme.tinted(name, QColor(getattr(_applied.colours, colour)))
        return super().standardIcon(standard, option, widget)

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:  # no old stock icons on OK/Cancel
            return 0
        return super().styleHint(hint, option, widget, data)


@dataclass
class _Applied:
    style: Style | None = None
    colours: Colours = LIGHT


_applied = _Applied()  # the application's one style (the stylesheet hides it behind its own)


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def chosen_scheme() -> Scheme:
    try:
        return Scheme(settings.APPEARANCE.get())
    except ValueError:
        return Scheme.SYSTEM


def colours_for(scheme: Scheme) -> Colours:
    if scheme is Scheme.SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return DARK if scheme is Scheme.DARK else LIGHT


def current() -> Colours:
    return _applied.colours


def palette_of(c: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    roles = {
        role.Window: c.window, role.WindowText: c.text, role.Base: c.base,
        role.AlternateBase: c.alternate, role.Text: c.text, role.Button: c.base,
        role.ButtonText: c.text, role.BrightText: c.accent_text, role.Highlight: c.accent,
        role.HighlightedText: c.accent_text, role.Link: c.accent, role.LinkVisited: c.accent,
        role.ToolTipBase: c.caution_soft, role.ToolTipText: c.text, role.PlaceholderText: c.muted,
        role.Light: c.base, role.Midlight: c.divider, role.Mid: c.border, role.Dark: c.muted,
        role.Shadow: c.muted, role.Accent: c.accent,
    }
    for colour_role, value in roles.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor(c.muted))
    return palette


def stylesheet_of(c: Colours) -> str:
    return STYLESHEET.format(**vars(c))


def state_colour(state: State | str) -> QColor:
    """The colour that says valid / pending / expired / revoked, in the current scheme."""
    return QColor(getattr(current(), State(state).value))


def apply(app: QApplication, scheme: Scheme | None = None) -> Colours:
    """Give ``app`` our style, font, palette and stylesheet; again on a scheme change."""
    if _applied.style is None:
        _applied.style = Style()
        app.setStyle(_applied.style)
        # The desktop switching between light and dark, while "system" is chosen.
        app.styleHints().colorSchemeChanged.connect(
            lambda _: apply(app) if chosen_scheme() is Scheme.SYSTEM else None)
    colours = colours_for(chosen_scheme() if scheme is None else scheme)
    _applied.colours = colours
    font = QFont(app.font())
    font.setFamilies([*FONT_FAMILIES, *font.families()])
    if font.pointSizeF() < 10:  # 9 pt Chinese is hard to read on a laptop screen
        font.setPointSizeF(10)
    app.setFont(font)
    app.setPalette(palette_of(colours))
    app.setStyleSheet(stylesheet_of(colours))
    return colours

