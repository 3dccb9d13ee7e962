"""Timeline and graph images for reports: PNG at any size or scale, SVG and PDF as vectors.

The report images are drawn here with QPainter rather than grabbed from the app's pyqtgraph
views: one painting routine then serves a bitmap (QImage), a true vector SVG (QSvgGenerator)
and a PDF (QPdfWriter) with real, selectable text, and it runs headless (the offscreen Qt
platform) for `timeline-app render`. This is the one module outside `ui/` that imports Qt.
Layout decisions live in `timeline_layout` / `graph_layout`, which do not.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from timeline_app.domain import Corpus
from timeline_app.export import graph_layout
from timeline_app.export.report_style import STYLES, ReportStyle
from timeline_app.export.timeline_layout import (
    ACTOR_LANES,
    BODY,
    BOLD,
    FUZZY,
    OPEN,
    POINT,
    SMALL,
    TITLE,
    Measure,
    TimelineLayout,
    TimelineRequest,
    layout_timeline,
)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".pdf")
MAX_SIDE = 32_000  # QPainter's raster engine limit is 32,767 device pixels a side

_APP = None


def ensure_gui() -> None:
    """A Qt application must exist for fonts; headless, create one on the offscreen platform."""
    global _APP
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    _APP = QApplication(["timeline-app"])


@dataclass(frozen=True)
class ImageOptions:
    """What a report image shows and how big it is.

    `width`/`height` are the layout size in logical pixels (SVG/PDF: user units / points);
    `scale` multiplies the PNG's pixels (2.0 for HiDPI) without changing the layout. The view
    state fields (window, lanes, fold_people, only, selection, positions) reproduce the app's
    views "as shown"; their defaults give everything, fitted. `selection` holds event ids
    for the timeline and actor ids for the graph.
    """

    width: int = 1600
    height: int = 900
    scale: float = 1.0
    title: str | None = None
    legend: bool = True
    source_line: str | None = None  # None: name the articles; "": none
    window: tuple[date | None, date | None] | None = None
    lanes: str = ACTOR_LANES
    fold_people: bool = False
    only: frozenset[str] | None = None
    selection: frozenset[str] = frozenset()
    positions: dict[str, tuple[float, float]] | None = field(default=None, compare=False)
    theme: str = "light"

    @property
    def style(self) -> ReportStyle:
        return STYLES.get(self.theme, STYLES["light"])


# -- fonts and colours -----------------------------------------------------------------------

def _fonts(style: ReportStyle) -> dict:
    from PySide6.QtGui import QFont

    fonts = {}
    for role, px, bold in ((BODY, style.font_px, False), (SMALL, style.small_px, False),
                           (TITLE, style.title_px, True), (BOLD, style.small_px, True)):
        font = QFont(style.font_family)
        font.setPixelSize(round(px))
        font.setBold(bold)
        font.setHintingPreference(QFont.PreferNoHinting)  # same widths in PNG, SVG and PDF
        fonts[role] = font
    return fonts


def _measure(fonts: dict) -> Measure:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    metrics = {role: QFontMetricsF(font) for role, font in fonts.items()}
    cache: dict[tuple[str, str], float] = {}

    def width(text: str, role: str) -> float:
        key = (text, role)
        found = cache.get(key)
        if found is None:
            found = cache[key] = metrics[role].horizontalAdvance(text) + 1.0
        return found

    def elide(text: str, max_width: float, role: str) -> str:
        return metrics[role].elidedText(" ".join(text.split()), Qt.ElideRight, max_width)

    def line_height(role: str) -> float:
        return metrics[role].height()

    return Measure(width=width, elide=elide, line_height=line_height)


@functools.lru_cache(maxsize=4096)
def _colour(hex_colour: str, alpha: int = 255):
    """QColor by hex and alpha, cached: a 10,000-event image asks for the same few often."""
    from PySide6.QtGui import QColor

    c = QColor(hex_colour)
    c.setAlpha(alpha)
    return c


@functools.lru_cache(maxsize=4096)
def _blend(hex_colour: str, alpha: int, under: str):
    """An opaque colour that looks like `hex_colour` at `alpha` over `under`.

    Gradients use these rather than translucent stops: PDF viewers draw translucent
    gradient stops as opaque, which turns a fading bar into a solid block.
    """
    from PySide6.QtGui import QColor

    top, bottom, a = QColor(hex_colour), QColor(under), alpha / 255
    return QColor(round(top.red() * a + bottom.red() * (1 - a)),
                  round(top.green() * a + bottom.green() * (1 - a)),
                  round(top.blue() * a + bottom.blue() * (1 - a)))


# -- output devices --------------------------------------------------------------------------

def _check_size(width: float, height: float, scale: float) -> None:
    if width < 200 or height < 150:
        raise ValueError(f"image too small: {width}x{height} (at least 200x150)")
    if width * scale > MAX_SIDE or height * scale > MAX_SIDE:
        raise ValueError(f"image too large: {width * scale:.0f}x{height * scale:.0f} pixels "
                         f"(at most {MAX_SIDE} a side)")


def paint_to_file(path: str | Path, width: int, height: int, scale: float,
                  paint: Callable, background: str, title: str = "Timeline App") -> None:
    """Run `paint(painter)` on the device the file's suffix asks for, then write the file."""
    from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    path = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValueError(f"unknown image format {suffix or path!r}: use .png, .svg or .pdf")
    _check_size(width, height, scale if suffix in (".png", ".jpg", ".jpeg") else 1.0)
    ensure_gui()
    if suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        device = QSvgGenerator()
        device.setFileName(path)
        device.setSize(QSize(width, height))
        device.setViewBox(QRectF(0, 0, width, height))
        device.setResolution(96)
        device.setTitle(title)
        device.setDescription("Made with Timeline App")
    elif suffix == ".pdf":
        device = QPdfWriter(path)
        device.setResolution(72)  # one device unit = one point = one layout pixel
        device.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point, title,
                                     QPageSize.SizeMatchPolicy.ExactMatch))
        device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        device.setTitle(title)
        device.setCreator("Timeline App")
    else:
        device = render_image(width, height, scale, paint, background)
        # PNG quality 70 is zlib level ~3: twice as fast as the default, files ~4% larger.
        quality = 70 if suffix == ".png" else 92
        if not device.save(path, None, quality):
            raise OSError(f"could not write image {path}")
        return
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, width, height), _colour(background))
        paint(painter)
    finally:
        painter.end()
    if not Path(path).is_file():
        raise OSError(f"could not write image {path}")
    if suffix == ".svg":
        _add_font_fallbacks(Path(path))


def _add_font_fallbacks(path: Path) -> None:
    """Name similar fonts after ours, so a viewer without DejaVu keeps labels the same width."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('font-family="DejaVu Sans"',
                        'font-family="DejaVu Sans, Verdana, Geneva, sans-serif"')
    path.write_text(text, encoding="utf-8")


def render_image(width: int, height: int, scale: float, paint: Callable, background: str):
    """A QImage of width*scale x height*scale pixels; layout in logical pixels."""
    from PySide6.QtGui import QImage, QPainter

    ensure_gui()
    _check_size(width, height, scale)
    image = QImage(round(width * scale), round(height * scale),
                   QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(_colour(background))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        paint(painter)
    finally:
        painter.end()
    return image


# -- timeline --------------------------------------------------------------------------------

def timeline_layout(corpus: Corpus, options: ImageOptions) -> TimelineLayout:
    ensure_gui()
    request = TimelineRequest(
        width=options.width, height=options.height, window=options.window,
        lanes=options.lanes, fold_people=options.fold_people, only=options.only,
        selection=options.selection, title=options.title, legend=options.legend,
        source_line=options.source_line,
    )
    return layout_timeline(corpus, request, options.style, _measure(_fonts(options.style)))


def paint_timeline(painter, layout: TimelineLayout) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QLinearGradient, QPen, QPolygonF

    style = layout.style
    fonts = _fonts(style)
    left, top, right, bottom = layout.plot
    fg, muted = _colour(style.foreground), _colour(style.muted)
    if layout.title:
        painter.setFont(fonts[TITLE])
        painter.setPen(fg)
        painter.drawText(QRectF(16, 0, right, layout.title_y + 8),
                         Qt.AlignLeft | Qt.AlignBottom, layout.title)
    # Lanes: alternating bands, a colour swatch and the lane's name.
    painter.setFont(fonts[BODY])
    for i, lane in enumerate(layout.lanes):
        if i % 2:
            painter.fillRect(QRectF(16, lane.y0, right - 16, lane.y1 - lane.y0),
                             _colour(style.lane_alt))
        row = min(layout.row_height, lane.y1 - lane.y0)
        painter.fillRect(QRectF(16, lane.y0 + 3, 5, lane.y1 - lane.y0 - 6),
                         _colour(lane.colour))
        painter.setPen(fg)
        name = QRectF(layout.lane_label_x, lane.y0, left - layout.lane_label_x - 8, row)
        painter.drawText(name, Qt.AlignLeft | Qt.AlignVCenter,
                         painter.fontMetrics().elidedText(lane.label, Qt.ElideRight,
                                                          int(name.width())))
    # Date grid and axis.
    painter.setFont(fonts[SMALL])
    for tick in layout.ticks:
        painter.setPen(QPen(_colour(style.grid, 255 if tick.major else 150), 1))
        painter.drawLine(QPointF(tick.x, top), QPointF(tick.x, bottom))
    painter.setPen(QPen(muted, 1))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    metrics = painter.fontMetrics()
    for tick in layout.ticks:
        w = metrics.horizontalAdvance(tick.label) + 2
        x = min(max(tick.x - w / 2, left), right - w)
        painter.setPen(QPen(muted, 1))
        painter.drawLine(QPointF(tick.x, bottom), QPointF(tick.x, bottom + 4))
        painter.setFont(fonts[BOLD] if tick.major else fonts[SMALL])
        painter.setPen(fg if tick.major else muted)
        painter.drawText(QRectF(x, bottom + 4, w + 4, metrics.height() + 2),
                         Qt.AlignLeft | Qt.AlignTop, tick.label)
        painter.setFont(fonts[SMALL])
    if layout.empty_message:
        painter.setFont(fonts[BODY])
        painter.setPen(muted)
        painter.drawText(QRectF(left, top, right - left, bottom - top), Qt.AlignCenter,
                         layout.empty_message)
    # Marks, then labels on top of every mark.
    bar_h = max(6.0, layout.row_height - 7)
    for mark in layout.marks:
        c = mark.colour
        if mark.shape == POINT:
            r = 5.0
            diamond = QPolygonF([QPointF(mark.x0, mark.y - r), QPointF(mark.x0 + r, mark.y),
                                 QPointF(mark.x0, mark.y + r), QPointF(mark.x0 - r, mark.y)])
            painter.setPen(QPen(_colour(style.selection) if mark.selected
                                else _colour(style.background), 2 if mark.selected else 1))
            painter.setBrush(_colour(c))
            painter.drawPolygon(diamond)
            continue
        x0, x1 = mark.x0, max(mark.x1, mark.x0 + 3)
        rect = QRectF(x0, mark.y - bar_h / 2, x1 - x0, bar_h)
        if mark.shape == OPEN:
            under = style.lane_alt if mark.lane % 2 else style.background
            grad = QLinearGradient(x0, 0, x1, 0)
            grad.setColorAt(0.0, _blend(c, 120, under))
            grad.setColorAt(0.55, _blend(c, 90, under))
            grad.setColorAt(1.0, _blend(c, 8, under))
            brush = QBrush(grad)
        elif mark.shape == FUZZY:
            under = style.lane_alt if mark.lane % 2 else style.background
            grad = QLinearGradient(x0, 0, x1, 0)
            grad.setColorAt(0.0, _blend(c, 0, under))
            grad.setColorAt(0.3, _blend(c, 95, under))
            grad.setColorAt(0.7, _blend(c, 95, under))
            grad.setColorAt(1.0, _blend(c, 0, under))
            brush = QBrush(grad)
        else:
            brush = QBrush(_colour(c, 85))
        painter.setPen(Qt.NoPen)
        painter.setBrush(brush)
        painter.drawRect(rect)
        edge = QPen(_colour(c), 2)
        if mark.shape == FUZZY:
            edge = QPen(_colour(c, 200), 1.2, Qt.DotLine)
            painter.setPen(edge)
            painter.drawLine(QPointF(x0, rect.bottom()), QPointF(x1, rect.bottom()))
        else:
            painter.setPen(edge)
            if not mark.clipped_left:
                painter.drawLine(QPointF(x0 + 1, rect.top()), QPointF(x0 + 1, rect.bottom()))
            if mark.shape != OPEN and not mark.clipped_right:
                painter.drawLine(QPointF(x1 - 1, rect.top()), QPointF(x1 - 1, rect.bottom()))
        if mark.selected:
            painter.setPen(QPen(_colour(style.selection), 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(rect)
    # The article date: where open periods stop being known.
    if layout.window and layout.article_date and layout.lanes \
            and layout.window[0] <= layout.article_date <= layout.window[1]:
        lo, hi = layout.window[0].toordinal(), layout.window[1].toordinal() + 1
        x = left + (layout.article_date.toordinal() + 0.5 - lo) / (hi - lo) * (right - left)
        pen = QPen(_colour(style.selection, 170), 1, Qt.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.setFont(fonts[BODY])
    body = painter.fontMetrics()
    backing = _colour(style.background, 175)
    for mark in layout.marks:
        if not mark.label:
            continue
        rect = QRectF(mark.label_x, mark.y - body.height() / 2,
                      body.horizontalAdvance(mark.label) + 4, body.height())
        # A faint backing keeps the letters readable over marks that had no row of their own;
        # a label inside its own bar needs none.
        inside = mark.shape != POINT and mark.x0 <= rect.left() and rect.right() <= mark.x1
        if not inside:
            painter.setPen(Qt.NoPen)
            painter.setBrush(backing)
            painter.drawRoundedRect(rect.adjusted(-2, 1, 0, -1), 3, 3)
        painter.setPen(_colour(style.selection) if mark.selected else fg)
        painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, mark.label)
    _paint_legend(painter, layout.legend, style, fonts)
    _paint_footer(painter, layout.footer, style, fonts, layout.width)


def _paint_legend(painter, entries, style: ReportStyle, fonts: dict) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QLinearGradient, QPen, QPolygonF

    metrics = None
    for e in entries:
        painter.setFont(fonts[BOLD] if e.kind == "heading" else fonts[SMALL])
        metrics = painter.fontMetrics()
        h = metrics.height()
        x = e.x
        cy = e.y + h / 2
        if e.kind == "swatch":
            painter.setPen(Qt.NoPen)
            painter.setBrush(_colour(e.colour))
            painter.drawRoundedRect(QRectF(x, cy - 5, 10, 10), 2, 2)
            x += 16
        elif e.kind == "shape":
            c = e.colour
            painter.setPen(Qt.NoPen)
            if e.shape == POINT:
                painter.setBrush(_colour(c))
                painter.drawPolygon(QPolygonF([QPointF(x + 10, cy - 5), QPointF(x + 15, cy),
                                               QPointF(x + 10, cy + 5), QPointF(x + 5, cy)]))
            else:
                grad = QLinearGradient(x, 0, x + 22, 0)
                stops = {OPEN: ((0, 120), (1, 8)), FUZZY: ((0, 0), (0.5, 110), (1, 0))}
                for at, alpha in stops.get(e.shape, ((0, 90), (1, 90))):
                    grad.setColorAt(at, _blend(c, alpha, style.background))
                painter.setBrush(grad)
                painter.drawRect(QRectF(x, cy - 5, 22, 10))
                if e.shape not in (FUZZY,):
                    painter.setPen(QPen(_colour(c), 2))
                    painter.drawLine(QPointF(x + 1, cy - 5), QPointF(x + 1, cy + 5))
            x += 26
        painter.setPen(_colour(style.foreground if e.kind == "heading" else style.muted))
        painter.drawText(QRectF(x, e.y, metrics.horizontalAdvance(e.label) + 4, h),
                         Qt.AlignLeft | Qt.AlignVCenter, e.label)


def _paint_footer(painter, lines, style: ReportStyle, fonts: dict, width: float) -> None:
    from PySide6.QtCore import QPointF, Qt

    painter.setFont(fonts[SMALL])
    painter.setPen(_colour(style.muted))
    metrics = painter.fontMetrics()
    for y, text in lines:
        painter.drawText(QPointF(16, y - metrics.descent()),
                         metrics.elidedText(text, Qt.ElideRight, int(width - 32)))


def timeline_image(corpus: Corpus, options: ImageOptions | None = None):
    """The timeline report as a QImage (for the clipboard)."""
    options = options or ImageOptions()
    layout = timeline_layout(corpus, options)
    return render_image(options.width, options.height, options.scale,
                        lambda p: paint_timeline(p, layout), options.style.background)


def render_timeline(corpus: Corpus, path: str | Path, options: ImageOptions | None = None
                    ) -> None:
    """Write the timeline report image; the suffix (.png, .svg, .pdf) picks the format."""
    options = options or ImageOptions()
    layout = timeline_layout(corpus, options)
    paint_to_file(path, options.width, options.height, options.scale,
                  lambda p: paint_timeline(p, layout), options.style.background,
                  options.title or "Timeline")


# -- graph -----------------------------------------------------------------------------------

def graph_scene(corpus: Corpus, options: ImageOptions) -> graph_layout.GraphScene:
    ensure_gui()
    return graph_layout.layout_graph(
        corpus, graph_layout.GraphRequest(
            width=options.width, height=options.height, window=options.window,
            fold_people=options.fold_people, positions=options.positions,
            selection=options.selection, title=options.title, legend=options.legend,
            source_line=options.source_line,
        ),
        options.style, _measure(_fonts(options.style)),
    )


def _node_path(kind: str, x: float, y: float, r: float):
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QPainterPath, QPolygonF

    path = QPainterPath()
    if kind == "person":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.15), QPointF(x + r * 1.05, y + r * 0.8),
                                   QPointF(x - r * 1.05, y + r * 0.8)]))
        path.closeSubpath()
    elif kind in ("organisation", "government"):
        path.addRoundedRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8), 2, 2)
    elif kind == "group":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.2, y),
                                   QPointF(x, y + r * 1.2), QPointF(x - r * 1.2, y)]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(x, y), r, r)
    return path


def paint_graph(painter, scene: graph_layout.GraphScene) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPainterPath, QPen, QPolygonF

    style = scene.style
    fonts = _fonts(style)
    fg, bg = _colour(style.foreground), _colour(style.background)
    if scene.title:
        painter.setFont(fonts[TITLE])
        painter.setPen(fg)
        painter.drawText(QRectF(16, 0, scene.width - 32, scene.title_y + 8),
                         Qt.AlignLeft | Qt.AlignBottom, scene.title)
    if scene.empty_message:
        painter.setFont(fonts[BODY])
        painter.setPen(_colour(style.muted))
        left, top, right, bottom = scene.plot
        painter.drawText(QRectF(left, top, right - left, bottom - top), Qt.AlignCenter,
                         scene.empty_message)
    for edge in scene.edges:
        colour = _colour(edge.colour, 220)
        path = QPainterPath(QPointF(*edge.start))
        path.quadTo(QPointF(*edge.control), QPointF(*edge.end))
        painter.setPen(QPen(colour, edge.width, Qt.SolidLine, Qt.RoundCap))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)
        tip, (dx, dy) = edge.end, edge.direction
        size = 7 + edge.width * 1.5
        nx_, ny_ = -dy, dx
        base = (tip[0] - dx * size, tip[1] - dy * size)
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([
            QPointF(*tip),
            QPointF(base[0] + nx_ * size * 0.45, base[1] + ny_ * size * 0.45),
            QPointF(base[0] - nx_ * size * 0.45, base[1] - ny_ * size * 0.45),
        ]))
    for node in scene.nodes:
        painter.setPen(QPen(_colour(style.selection) if node.selected else bg,
                            2.5 if node.selected else 1.5))
        painter.setBrush(_colour(node.colour))
        painter.drawPath(_node_path(node.kind, node.x, node.y, node.r))
    # Labels last, each on a faint backing so lines under it do not cut the letters.
    for label in [*scene.edge_labels, *scene.node_labels]:
        font = fonts[SMALL] if label.role == SMALL else fonts[BODY]
        painter.setFont(font)
        rect = QRectF(label.x, label.y, label.w, label.h)
        painter.setPen(Qt.NoPen)
        painter.setBrush(_colour(style.background, 200))
        painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 3, 3)
        painter.setPen(_colour(label.colour) if label.colour else fg)
        painter.drawText(rect, Qt.AlignCenter, label.text)
    _paint_graph_legend(painter, scene, fonts)
    _paint_footer(painter, scene.footer, style, fonts, scene.width)


def _paint_graph_legend(painter, scene: graph_layout.GraphScene, fonts: dict) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPen

    style = scene.style
    for e in scene.legend:
        painter.setFont(fonts[BOLD] if e.kind == "heading" else fonts[SMALL])
        metrics = painter.fontMetrics()
        h = metrics.height()
        x, cy = e.x, e.y + h / 2
        if e.kind == "node":
            painter.setPen(QPen(_colour(style.background), 1))
            painter.setBrush(_colour(e.colour))
            painter.drawPath(_node_path(e.shape, x + 6, cy, 5.5))
            x += 16
        elif e.kind == "line":
            painter.setPen(QPen(_colour(e.colour), 3, Qt.SolidLine, Qt.RoundCap))
            painter.drawLine(QPointF(x + 1, cy), QPointF(x + 20, cy))
            x += 26
        painter.setPen(_colour(style.foreground if e.kind == "heading" else style.muted))
        painter.drawText(QRectF(x, e.y, metrics.horizontalAdvance(e.label) + 4, h),
                         Qt.AlignLeft | Qt.AlignVCenter, e.label)


def graph_image(corpus: Corpus, options: ImageOptions | None = None):
    options = options or ImageOptions()
    scene = graph_scene(corpus, options)
    return render_image(options.width, options.height, options.scale,
                        lambda p: paint_graph(p, scene), options.style.background)


def render_graph(corpus: Corpus, path: str | Path, options: ImageOptions | None = None) -> None:
    options = options or ImageOptions()
    scene = graph_scene(corpus, options)
    paint_to_file(path, options.width, options.height, options.scale,
                  lambda p: paint_graph(p, scene), options.style.background,
                  options.title or "Actor graph")


# -- the command line's entry ----------------------------------------------------------------

def render_images(corpus: Corpus, *, timeline: str | Path | None = None,
                  graph: str | Path | None = None, width: int | None = None,
                  height: int | None = None,
                  window: tuple[date | None, date | None] | None = None,
                  title: str | None = None, scale: float = 1.0, lanes: str = ACTOR_LANES,
                  legend: bool = True, theme: str = "light",
                  source_line: str | None = None) -> list[Path]:
    """Write the timeline and/or graph images `timeline-app render` asks for; returns paths."""
    options = ImageOptions(width=width or 1600, height=height or 900, window=window,
                           title=title, scale=scale, lanes=lanes, legend=legend, theme=theme,
                           source_line=source_line)
    written = []
    if timeline:
        render_timeline(corpus, timeline, options)
        written.append(Path(timeline))
    if graph:
        render_graph(corpus, graph, replace(options))
        written.append(Path(graph))
    return written
