"""The final imprint: full-resolution render → true-size PNG → pre-check, and how it is shown.

:func:`finish_op` runs on a pool thread (through ``BackgroundOp``); :class:`PrecheckPanel` lists
the findings in words, rejections first, marked by an icon and a bold font rather than a colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ....core.fsutil import atomic_write
from ....core.seal.imaging import (
    MIN_DPI,
    EditState,
    PrecheckReport,
    SourceImage,
    decode_image,
    export_png,
    precheck,
    render,
)
from ....core.tasks import check
from ... import theme


@dataclass(frozen=True)
class FinalImprint:
    """What the editor hands back: the PNG to upload and the chosen catalogue entry."""

    png: bytes
    state: EditState
    report: PrecheckReport
    pixels: tuple[int, int]  # (width, height) of the PNG

    @property
    def seal_type(self) -> str | None:
        return self.state.seal_type

    @property
    def shape(self) -> str:
        return self.state.shape

    @property
    def size_mm(self) -> tuple[float, float]:
        return self.state.size_mm


def finish_op(state: EditState, source: SourceImage, dpi: float = MIN_DPI):
    def op(progress, cancel) -> FinalImprint:
        rendered = render(state, source, proxy=False, progress=progress, cancel=cancel)
        check(cancel)
        png = export_png(rendered.image, state.size_mm, dpi)
        bgra = decode_image(png, keep_alpha=True)
        report = precheck(bgra, size_mm=state.size_mm, shape=state.shape)
        return FinalImprint(png, state, report, (bgra.shape[1], bgra.shape[0]))

    return op


def write_png_op(path: Path, png: bytes):
    def op(progress, cancel) -> Path:
        atomic_write(path, png)
        return path

    return op


def finding_text(finding) -> str:
    template = QCoreApplication.translate("errors", finding.template)
    try:
        return template.format(**finding.params)
    except (KeyError, IndexError, ValueError):
        return finding.message


class PrecheckPanel(QWidget):
    """The pre-check in words: a summary line and one row per finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.report: PrecheckReport | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Pre-check findings"))
        self.show_report(self.report)

    def show_report(self, report: PrecheckReport | None) -> None:
        self.report = report
        self.list.clear()
        if report is None:
            self.summary.setText(self.tr("Not checked yet: press Check to test the imprint "
                                         "at full resolution before you upload it."))
            return
        if report.passed:
            self.summary.setText(self.tr("The imprint passed the pre-check."))
        else:
            count = sum(f.reject for f in report.findings)
            self.summary.setText(self.tr("The seal office would likely reject this imprint "
                                         "({count} problems). Fix them before you upload it.").format(count=count))
        findings = sorted(report.findings, key=lambda f: not f.reject)
        for finding in findings:
            self._add(finding)
        if not findings:
            self.list.addItem(QListWidgetItem(theme.icon("check"), self.tr("No problems found.")))

    def _add(self, finding) -> None:
        prefix = self.tr("Likely rejected:") if finding.reject else self.tr("Warning:")
        item = QListWidgetItem(theme.icon("reject" if finding.reject else "warning"),
                               prefix + " " + finding_text(finding))
        item.setData(Qt.ItemDataRole.UserRole, finding.code)
        if finding.reject:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.list.addItem(item)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
