"""The 2-D playground: TensorFlow Playground's page, natively, over real PyTorch.

- `mlp`: the network as hidden layers (+/− layers and neurons, activations), no Qt.
- `probes`: `BoundaryProbe`, the decision boundary, neuron pictures, weights and losses computed on
  the training thread, no Qt.
- `boundary_view`, `network_diagram`, `csv_dialog`, `panel`: the widgets.

Importing this package does not import Qt, so the core tests can use `mlp` and `probes`.
"""

from __future__ import annotations


def install_playground2d(window):
    """Add the "2-D playground" tab to the MainWindow (or a host with its API) and return the panel."""
    from PySide6.QtCore import QCoreApplication

    from playground.ui.playground2d.panel import Playground2DPanel

    panel = Playground2DPanel(window)
    window.add_view(panel, QCoreApplication.translate("Playground2DPanel", "2-D playground"))
    return panel
