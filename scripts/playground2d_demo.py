"""Look at the 2-D playground: real runs in the real window, screenshots into shots/.

    QT_QPA_PLATFORM=offscreen python scripts/playground2d_demo.py

Saves, at 1280×800: the spiral mid-training and done, the network diagram's neuron pictures, the
sine regression curve, and the y = w·x + b lesson with its two numbers.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDockWidget  # noqa: E402

from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec  # noqa: E402
from playground.core.presets import load_preset  # noqa: E402

SHOTS = Path(__file__).resolve().parent.parent / "shots"


def pump(app: QApplication, until, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return False


def train(app, window, panel, experiment: Experiment, mid_epoch: int | None = None, mid_shot: str = ""):
    window.document.replace(experiment)
    window.show_view(panel)
    epochs: list[int] = []
    record = window.run.epoch.connect(lambda e: epochs.append(e.epoch))
    assert window.start_training(), window.train_blocker()
    if mid_epoch:
        pump(app, lambda: epochs and epochs[-1] >= mid_epoch)
        window.run.toggle_pause()
        pump(app, lambda: False, 0.5)  # the paused run's last frames arrive
        window.grab().save(str(SHOTS / mid_shot))
        window.run.toggle_pause()
    pump(app, lambda: not window.run.is_running(), 300)
    window.run.epoch.disconnect(record)
    pump(app, lambda: False, 0.3)


def main() -> int:
    import torch

    torch.set_num_threads(1)
    SHOTS.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    from playground.app import create_window

    window = create_window(load_preset("spiral"))
    panel = window.playground2d
    window.resize(1280, 800)
    window.show()
    pump(app, window.engine_ready, 60)
    pump(app, lambda: False, 0.3)

    train(app, window, panel, load_preset("spiral"), mid_epoch=10, mid_shot="playground2d_spiral_mid.png")
    window.grab().save(str(SHOTS / "playground2d_spiral_done.png"))
    # the neuron pictures with room to breathe: the side panels closed, as a person would
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    for dock in docks:
        dock.hide()
    pump(app, lambda: False, 0.3)
    window.grab().save(str(SHOTS / "playground2d_neurons.png"))
    for dock in docks:
        dock.show()
    print("spiral:", panel.output.train_loss_label.text(), "|", panel.output.test_loss_label.text(), "| frames",
          panel.frames_received)

    sine = Experiment(name="Sine", dataset=DatasetSpec("sine", batch_size=25, val_split=0.3, samples=300, noise=0.1,
                                                      features=["x1"]),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 1, "bias": True})],
                      loss="mse", optimizer=OptimizerSpec("adam", lr=0.01), epochs=150, device="cpu")
    train(app, window, panel, sine)
    panel.data.show_test_check.setChecked(True)
    pump(app, lambda: False, 0.2)
    window.grab().save(str(SHOTS / "playground2d_sine.png"))
    print("sine:", panel.output.train_loss_label.text(), "|", panel.output.test_loss_label.text())

    train(app, window, panel, load_preset("linear-regression"))
    window.grab().save(str(SHOTS / "playground2d_linear.png"))
    print("linear:", panel.output.linear_label.text())
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
