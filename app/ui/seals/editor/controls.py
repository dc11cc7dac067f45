"""The editor's side panel: geometry, tone, ink and catalogue controls bound to the model.

The panel writes to :class:`EditorModel` and mirrors every state it announces (undo, redo, a new
photo) with its signals blocked, so showing a state never records a new one.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....core.seal.imaging import INKS, EditState
from . import edits
from .model import EditorModel

STRAIGHTEN_STEPS = 10  # slider units per degree
MAX_STRAIGHTEN = 15
TONE_STEPS = 100


def ink_icon(rgb: tuple[int, int, int]) -> QIcon:
    """A swatch of a standard ink: data (the seal office's colour), not UI chrome."""
    pixmap = QPixmap(QSize(20, 20))
    pixmap.fill(QColor(*rgb))
    return QIcon(pixmap)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


class _Slider(QSlider):
    """A horizontal slider whose drags become one undo step."""

    def __init__(self, model: EditorModel, low: int, high: int, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(low, high)
        self.setPageStep(max(1, (high - low) // 20))
        self.sliderPressed.connect(model.begin_merge)
        self.sliderReleased.connect(model.end_merge)


class ControlPanel(QWidget):
    def __init__(self, model: EditorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.straighten = _Slider(model, -MAX_STRAIGHTEN * STRAIGHTEN_STEPS, MAX_STRAIGHTEN * STRAIGHTEN_STEPS, self)
        self.brightness = _Slider(model, -TONE_STEPS, TONE_STEPS, self)
        self.contrast = _Slider(model, -TONE_STEPS, TONE_STEPS, self)
        self.straighten_value, self.brightness_value, self.contrast_value = QLabel(), QLabel(), QLabel()
        self.extract = QCheckBox(self)
        self.ink_group = QButtonGroup(self)
        self.ink_buttons: dict[str, QToolButton] = {}
        self.seal_type, self.shape, self.size = QComboBox(self), QComboBox(self), QComboBox(self)
        self._build()
        self._connect()
        self.retranslate()
        model.state_changed.connect(self.show_state)
        self.show_state(model.state)

    def _build(self) -> None:
        self.geometry_box, self.tone_box = QGroupBox(self), QGroupBox(self)
        self.ink_box, self.seal_box = QGroupBox(self), QGroupBox(self)
        geo = QFormLayout(self.geometry_box)
        self.straighten_label = QLabel()
        geo.addRow(self.straighten_label, self._with_value(self.straighten, self.straighten_value))
        tone = QFormLayout(self.tone_box)
        self.brightness_label, self.contrast_label = QLabel(), QLabel()
        tone.addRow(self.brightness_label, self._with_value(self.brightness, self.brightness_value))
        tone.addRow(self.contrast_label, self._with_value(self.contrast, self.contrast_value))
        ink = QVBoxLayout(self.ink_box)
        ink.addWidget(self.extract)
        row = QHBoxLayout()
        for name, spec in INKS.items():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(ink_icon(spec.rgb))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            self.ink_group.addButton(button)
            self.ink_buttons[name] = button
            row.addWidget(button)
        ink.addLayout(row)
        seal = QFormLayout(self.seal_box)
        self.type_label, self.shape_label, self.size_label = QLabel(), QLabel(), QLabel()
        for label, combo in ((self.type_label, self.seal_type), (self.shape_label, self.shape),
                             (self.size_label, self.size)):
            label.setBuddy(combo)
            seal.addRow(label, combo)
        for label, slider in ((self.straighten_label, self.straighten),
                              (self.brightness_label, self.brightness), (self.contrast_label, self.contrast)):
            label.setBuddy(slider)
        layout = QVBoxLayout(self)
        for box in (self.seal_box, self.geometry_box, self.tone_box, self.ink_box):
            layout.addWidget(box)
        layout.addStretch(1)

    def _with_value(self, slider: QSlider, value: QLabel) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("−15.0°"))
        row.addWidget(value)
        return box

    def _connect(self) -> None:
        self.straighten.valueChanged.connect(self._straighten)
        self.brightness.valueChanged.connect(self._tone)
        self.contrast.valueChanged.connect(self._tone)
        self.extract.toggled.connect(self._extract)
        self.ink_group.buttonClicked.connect(self._ink)
        self.seal_type.activated.connect(self._type)
        self.shape.activated.connect(self._shape)
        self.size.activated.connect(self._size)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.seal_box.setTitle(self.tr("Seal"))
        self.geometry_box.setTitle(self.tr("Straighten"))
        self.tone_box.setTitle(self.tr("Light"))
        self.ink_box.setTitle(self.tr("Ink"))
        self.straighten_label.setText(self.tr("&Angle"))
        self.brightness_label.setText(self.tr("&Brightness"))
        self.contrast_label.setText(self.tr("C&ontrast"))
        self.type_label.setText(self.tr("&Type"))
        self.shape_label.setText(self.tr("S&hape"))
        self.size_label.setText(self.tr("Si&ze"))
        self.extract.setText(self.tr("Clean ink, &transparent background"))
        self.straighten.setAccessibleName(self.tr("Straightening angle in degrees"))
        self.brightness.setAccessibleName(self.tr("Brightness"))
        self.contrast.setAccessibleName(self.tr("Contrast"))
        names = self.ink_names()
        for name, button in self.ink_buttons.items():
            button.setText(names[name])
            button.setAccessibleName(self.tr("Ink colour: {name}").format(name=names[name]))
            rgb = INKS[name].rgb
            button.setToolTip(self.tr("{name} ink, RGB {r}, {g}, {b}").format(
                name=names[name], r=rgb[0], g=rgb[1], b=rgb[2]))
        self.show_state(self.model.state)

    def ink_names(self) -> dict[str, str]:
        return {"red": self.tr("Red"), "blue": self.tr("Blue"), "black": self.tr("Black"),
                "purple": self.tr("Purple")}

    def shape_names(self) -> dict[str, str]:
        return {"round": self.tr("Round"), "oval": self.tr("Oval"), "square": self.tr("Square"),
                "rectangle": self.tr("Rectangle")}

    # -- state → widgets -------------------------------------------------------------------------

    def show_state(self, state: EditState) -> None:
        widgets = (self.straighten, self.brightness, self.contrast, self.extract, self.seal_type,
                   self.shape, self.size)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.straighten.setValue(round(state.straighten_deg * STRAIGHTEN_STEPS))
            self.brightness.setValue(round(state.brightness * TONE_STEPS))
            self.contrast.setValue(round(state.contrast * TONE_STEPS))
            self.extract.setChecked(state.extract)
            self._fill_catalogue(state)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.straighten_value.setText(self.tr("{deg}°").format(deg=f"{state.straighten_deg:+.1f}"))
        self.brightness_value.setText(f"{state.brightness * TONE_STEPS:+.0f}")
        self.contrast_value.setText(f"{state.contrast * TONE_STEPS:+.0f}")
        for name, button in self.ink_buttons.items():
            button.setChecked(name == state.ink)
            button.setEnabled(state.extract)

    def _fill_catalogue(self, state: EditState) -> None:
        chinese = _chinese()
        self.seal_type.clear()
        for kind in edits.seal_types():
            self.seal_type.addItem(kind.zh if chinese else kind.en, kind.code)
        self.seal_type.setCurrentIndex(max(0, self.seal_type.findData(state.seal_type or edits.DEFAULT_TYPE)))
        kind = edits.load_catalogue()[self.seal_type.currentData()]
        shapes = self.shape_names()
        self.shape.clear()
        for option in kind.shapes:
            self.shape.addItem(shapes[option.shape], option.shape)
        self.shape.setCurrentIndex(max(0, self.shape.findData(state.shape)))
        self.size.clear()
        option = edits.shape_option_for(kind.code, state.shape)
        sizes = list(option.sizes_mm)
        if tuple(state.size_mm) not in sizes:
            sizes.append(tuple(state.size_mm))
        for w, h in sizes:
            text = (self.tr("{d} mm").format(d=f"{w:g}") if w == h
                    else self.tr("{w} × {h} mm").format(w=f"{w:g}", h=f"{h:g}"))
            self.size.addItem(text, (w, h))
        self.size.setCurrentIndex(sizes.index(tuple(state.size_mm)))

    # -- widgets → model -------------------------------------------------------------------------

    def _straighten(self, value: int) -> None:
        state = self.model.state
        source = self.model.source
        if source is None:
            return
        h, w = source.proxy.shape[:2]
        size = (h, w) if state.quarter_turns % 2 else (w, h)
        new = edits.straighten_to(state, value / STRAIGHTEN_STEPS, size)
        self.model.change(self.tr("Straighten"), straighten_deg=new.straighten_deg, crop=new.crop)

    def _tone(self) -> None:
        self.model.change(self.tr("Brightness and contrast"),
                          brightness=self.brightness.value() / TONE_STEPS,
                          contrast=self.contrast.value() / TONE_STEPS)

    def _extract(self, on: bool) -> None:
        self.model.change(self.tr("Transparent background"), extract=on)

    def _ink(self, button: QToolButton) -> None:
        name = next(n for n, b in self.ink_buttons.items() if b is button)
        self.model.change(self.tr("Ink colour"), ink=name)

    def _type(self) -> None:
        new = edits.choose_type(self.model.state, self.seal_type.currentData())
        self.model.change(self.tr("Seal type"), seal_type=new.seal_type, shape=new.shape,
                          size_mm=new.size_mm, guide=new.guide)

    def _shape(self) -> None:
        new = edits.choose_shape(self.model.state, self.shape.currentData())
        self.model.change(self.tr("Shape"), shape=new.shape, size_mm=new.size_mm, guide=new.guide)

    def _size(self) -> None:
        self.model.change(self.tr("Size"), size_mm=tuple(self.size.currentData()))
