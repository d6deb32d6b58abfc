"""The 2-D playground: TensorFlow Playground's page, natively, over real PyTorch.

- `panel`: `Playground2DPanel`, the tab, and `install_playground2d`, which wires it to the document and the run.
- `data_controls`, `hidden_layers`, `output_panel`: the panel's parts (data and features; the hidden
  layers' +/− buttons; losses and the plane).
- `boundary_view`, `network_diagram`, `csv_dialog`: the drawing widgets and the CSV import dialog.

The Qt-free parts live below the UI: the network as hidden layers in `playground.core.mlp`, the
probe that computes the frames on the training thread in `playground.training.probes.boundary`.
"""

from __future__ import annotations

from playground.ui.playground2d.panel import Playground2DPanel, install_playground2d

__all__ = ["Playground2DPanel", "install_playground2d"]
