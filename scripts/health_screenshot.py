"""Offscreen screenshot of gradient health: the deep-sigmoid preset mid-training, the network tinted.

    python scripts/health_screenshot.py [FOLDER]            # default: shots/ (git-ignored)
    python scripts/health_screenshot.py --lang ko [FOLDER]

Trains on MNIST from PLAYGROUND_DATA_DIR (a limited subset), pauses in the second epoch (after the
first epoch's warnings), and writes health_WxH.png at 1280×800 and 1920×1080; the English 1280×800
one is also docs/health.png for the README.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import ROOT, SIZES, close_window, wait  # noqa: E402


def shoot(app: QApplication, folder: Path, size: tuple[int, int], suffix: str) -> Path:
    from playground.app import create_window
    from playground.core.presets import load_preset

    exp = load_preset("deep-sigmoid")
    exp.dataset.limit = 4000
    exp.epochs = 3
    window = create_window(exp)
    window.resize(*size)
    window.show()
    wait(app, lambda: window.document.report is not None)
    finished = []
    window.run.runFinished.connect(lambda end, _result: finished.append(end))
    window.start_training()
    target = None

    def far_enough() -> bool:  # half-way through the second epoch: the first epoch's warnings are shown
        nonlocal target
        if window.run.total_batches and target is None:
            target = int(window.run.total_batches * 0.5)
        return bool(finished) or (target is not None and window.loss_plot_panel.batch_count >= target)

    wait(app, far_enough, 600)
    if not finished:
        window.run.toggle_pause()
    wait(app, lambda: False, 0.5)
    window.plots.redraw()
    window.run.publish_progress()
    window.network_view.select_row(0)
    window.network_view.graph.fit_to_view()  # every block in sight: the tint runs from the input to the output
    app.processEvents()
    path = folder / f"health_{size[0]}x{size[1]}{suffix}.png"
    window.grab().save(str(path))
    window.run.stop()
    wait(app, lambda: bool(finished))
    close_window(app, window)
    return path


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Offscreen screenshot of the tinted network mid-training.")
    parser.add_argument("folder", nargs="?", default=str(ROOT / "shots"))
    parser.add_argument("--lang", default="en", help="language of the window: en (default) or ko")
    args = parser.parse_args(argv)
    os.environ["PLAYGROUND_LANGUAGE"] = args.lang
    suffix = "" if args.lang == "en" else f"_{args.lang}"
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.mkdtemp(prefix="nn-playground-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication([])
    from playground.ui.i18n import install_translators

    install_translators(args.lang)
    for size in SIZES:
        path = shoot(app, folder, size, suffix)
        if size == (1280, 800) and not suffix:
            (ROOT / "docs" / "health.png").write_bytes(path.read_bytes())
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
