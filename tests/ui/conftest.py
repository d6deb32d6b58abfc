"""Fixtures shared by the UI tests."""

import pytest


@pytest.fixture
def panel(qtbot):
    """The Draw tab's panel on its own, shown, with the bundled model loaded (a module may override it)."""
    from playground.ui.digit_panel import DigitPanel

    widget = DigitPanel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model is not None, timeout=60000)
    yield widget
    widget.shutdown()
