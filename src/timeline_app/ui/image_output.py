"""Render a widget to PNG, SVG or PDF at a chosen size (the base the image export builds on)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget


def render_widget(widget: QWidget, path: str, width: int | None, height: int | None,
                  background: str = "#ffffff", scale: float = 1.0) -> None:
    """Draw the widget into the file; the widget is resized for the duration when a size is given.

    Resizing (rather than scaling a bitmap) keeps text and lines crisp at any output size;
    `scale` multiplies a PNG's pixels (2.0 for HiDPI) without changing what fits. This is a
    screenshot of the live view; report images with title and legend are made by
    `timeline_app.export.images` (see `ui/export_actions.py`).
    """
    old = widget.size()
    size = QSize(width or old.width(), height or old.height())
    resized = size != old
    if resized:
        widget.resize(size)
        widget.ensurePolished()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
    try:
        suffix = Path(path).suffix.lower()
        if suffix == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(size)
            gen.setViewBox(QRect(0, 0, size.width(), size.height()))
            gen.setTitle("Timeline App")
            painter = QPainter(gen)
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor(background))
            widget.render(painter)
            painter.end()
        elif suffix == ".pdf":
            writer = QPdfWriter(path)
            writer.setPageSize(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
            writer.setResolution(72)
            painter = QPainter(writer)
            widget.render(painter)
            painter.end()
        else:
            image = QImage(round(size.width() * scale), round(size.height() * scale),
                           QImage.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(scale)
            image.fill(QColor(background))
            painter = QPainter(image)
            widget.render(painter)
            painter.end()
            if not image.save(path):
                raise OSError(f"could not write image {path}")
    finally:
        if resized:
            widget.resize(old)
