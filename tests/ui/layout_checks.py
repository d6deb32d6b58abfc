"""What a learner sees at a given window size: which views need a horizontal scroll bar, which tab titles
hide behind scroll arrows, which chart titles are cut, whether the Draw tab's answer is on screen.

Each check returns a list of problems in words (empty: fine), so a failing test says what is wrong where.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QScrollBar, QTabBar, QToolButton, QWidget


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def tab_title_problems(window) -> list[str]:
    """Every view tab's title fully visible, without the tab bar's scroll arrows."""
    bar: QTabBar = window.view_tabs.tabBar()
    problems = []
    if any(button.isVisible() for button in bar.findChildren(QToolButton)):
        problems.append(f"tab bar shows scroll arrows ({bar.width()} px wide, needs {bar.sizeHint().width()})")
    for index in range(bar.count()):
        rect = bar.tabRect(index)
        text = bar.tabText(index)
        if not bar.rect().contains(rect) or rect.width() < bar.fontMetrics().horizontalAdvance(text):
            problems.append(f"tab {text!r} is not fully visible")
    return problems


def _visible_rect(widget: QWidget, viewport: QWidget) -> QRect:
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return QRect(top_left, widget.size())


def horizontal_scroll_problems(window, title: str) -> list[str]:
    """The current tab's page, and every scroll area inside it that is not a deliberate strip, has no
    horizontal scroll bar."""
    page = window.view_tabs.currentWidget()
    problems = []
    if isinstance(page, QScrollArea) and page.horizontalScrollBar().isVisible():
        view = page.widget()
        problems.append(f"{title}: the page scrolls sideways (needs {view.minimumSizeHint().width()} px, has "
                        f"{page.viewport().width()})")
    for bar in page.findChildren(QScrollBar):
        owner = bar.parent().parent() if bar.parent() is not None else None
        if (bar.orientation().name == "Horizontal" and bar.isVisible()
                and not (owner is not None and owner.property("scrollsSideways"))
                and not (isinstance(page, QScrollArea) and bar is page.horizontalScrollBar())):
            problems.append(f"{title}: a horizontal scroll bar in {type(owner).__name__} "
                            f"{owner.objectName() if owner else ''}")
    return problems


def chart_title_problems(window, title: str) -> list[str]:
    """No pyqtgraph chart title in the current tab is wider than its chart (Qt would cut it)."""
    page = window.view_tabs.currentWidget()
    problems = []
    for plot in page.findChildren(pg.PlotWidget) + page.findChildren(pg.GraphicsLayoutWidget):
        if not plot.isVisible():
            continue
        items = ([plot.getPlotItem()] if isinstance(plot, pg.PlotWidget)
                 else [i for i in plot.ci.items if isinstance(i, pg.PlotItem)])
        for item in items:
            label = item.titleLabel
            text = label.text or ""
            if not text or not label.isVisible():
                continue
            needed = label.item.boundingRect().width()
            room = min(item.geometry().width(), plot.visibleRegion().boundingRect().width() or plot.width())
            if needed > room + 1:
                problems.append(f"{title}: chart title {text!r} needs {needed:.0f} px, has {room:.0f}")
    return problems


def square_plot_problems(window, title: str) -> list[str]:
    """Plots marked square (property "squarePlot") are square within a few pixels."""
    page = window.view_tabs.currentWidget()
    problems = []
    for widget in page.findChildren(QWidget):
        if widget.property("squarePlot") and widget.isVisible():
            rect = widget.rect()
            if abs(rect.width() - rect.height()) > 4:
                problems.append(f"{title}: {widget.objectName()} is {rect.width():.0f}×{rect.height():.0f}, "
                                "not square")
    return problems


def draw_tab_problems(window) -> list[str]:
    """The prediction heading and all ten probability bars inside the Draw tab's visible area."""
    digit = window.digit_panel
    window.show_view(digit)
    settle()
    page = window.view_tabs.currentWidget()
    viewport = page.viewport() if isinstance(page, QScrollArea) else page
    visible = viewport.rect()
    problems = []
    heading = digit.answer_label
    rect = _visible_rect(heading, viewport)
    if not visible.contains(rect):
        problems.append(f"Draw: the heading {heading.text()!r} at {rect} is outside {visible}")
    if heading.wordWrap() and heading.hasHeightForWidth() and heading.heightForWidth(heading.width()) > heading.height():
        problems.append(f"Draw: the heading {heading.text()!r} is cut (needs "
                        f"{heading.heightForWidth(heading.width())} px in height, has {heading.height()})")
    elif not heading.wordWrap() and heading.fontMetrics().horizontalAdvance(heading.text()) > heading.width():
        problems.append(f"Draw: the heading {heading.text()!r} is cut")
    chart = digit.chart
    rect = _visible_rect(chart, viewport)
    if not visible.contains(rect):
        problems.append(f"Draw: the probability chart at {rect} is outside {visible}")
    view = chart.getPlotItem().getViewBox()
    (x0, x1), _ = view.viewRange()
    if x0 > -0.5 or x1 < len(chart.class_names) - 0.5:
        problems.append(f"Draw: the chart shows x from {x0:.1f} to {x1:.1f}, not all {len(chart.class_names)} bars")
    if view.width() < 10 * 12:
        problems.append(f"Draw: ten bars in {view.width():.0f} px")
    return problems


def every_tab_problems(window) -> list[str]:
    """Visit every tab and collect what does not fit."""
    problems = tab_title_problems(window)
    tabs = window.view_tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        title = tabs.tabText(index)
        problems += horizontal_scroll_problems(window, title)
        problems += chart_title_problems(window, title)
        problems += square_plot_problems(window, title)
    problems += draw_tab_problems(window)
    return problems
