"""Offscreen screenshots of the main window: idle, mid-training and error states at two sizes.

    python scripts/screenshot.py [FOLDER]            # default: shots/ (git-ignored)
    python scripts/screenshot.py --lang ko [FOLDER]  # the window in Korean: *_ko.png (needs a Korean font)
    python scripts/screenshot.py --sample-banner     # a first launch offline: trained on the built-in sample

Also writes docs/screenshot.png (mid-training, 1280×800, English) for the README; with --sample-banner,
docs/sample-banner.png (the seed MLP trained for 3 epochs with an empty data folder and no network). Mid-training uses MNIST
from PLAYGROUND_DATA_DIR when present (a limited subset), else the generated spiral data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(1280, 800), (1920, 1080)]


def wait(app: QApplication, condition, seconds: float = 120.0) -> None:
    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)


def close_window(app: QApplication, window) -> None:
    """Close without the unsaved-work question (the recorded runs count as unsaved work) and let it go."""
    window.files.maybe_save = lambda: True
    window.close()
    window.deleteLater()
    app.processEvents()


def training_experiment():
    from playground.core.presets import load_preset
    from playground.data.images import resolve_data_dir

    exp = load_preset("seed-mlp")
    if (resolve_data_dir() / "MNIST" / "raw").is_dir():
        exp.dataset.limit = 6000
        exp.epochs = 3
    else:
        exp = load_preset("spiral")
        exp.epochs = 60
    return exp


def shoot(app: QApplication, folder: Path, size: tuple[int, int], suffix: str = "") -> Path:
    from playground.app import create_window
    from playground.core.experiment import LayerSpec

    w, h = size
    exp = training_experiment()
    window = create_window(exp)
    window.resize(w, h)
    window.show()
    wait(app, lambda: window.document.report is not None)
    window.network_view.select_row(1)
    app.processEvents()
    window.grab().save(str(folder / f"idle_{w}x{h}{suffix}.png"))

    # mid-training: run, pause after some epochs' worth of batches, shoot, stop
    finished = []
    window.run.runFinished.connect(lambda end, _result: finished.append(end))
    window.start_training()
    target = None

    def far_enough() -> bool:
        nonlocal target
        if window.run.total_batches and target is None:
            target = int(window.run.total_batches * 0.6)
        return bool(finished) or (target is not None and window.loss_plot_panel.batch_count >= target)

    wait(app, far_enough)
    if not finished:
        window.run.toggle_pause()
        wait(app, lambda: False, 0.3)
        window.plots.redraw()
        window.run.publish_progress()
        app.processEvents()
    mid = folder / f"training_{w}x{h}{suffix}.png"
    window.grab().save(str(mid))
    window.run.stop()
    wait(app, lambda: bool(finished))

    # error: a Linear layer with no Flatten before it on images (or a Conv2d on points)
    broken = window.document.experiment.copy()
    broken.layers.insert(0, LayerSpec("Conv2d", {"out_channels": 8, "kernel_size": 3, "stride": 1, "padding": 0})
                         if broken.dataset.name not in ("mnist", "fashion-mnist")
                         else LayerSpec("Linear", {"units": 32, "bias": True}))
    window.document.apply_edit("Break the network", broken, select=0)
    app.processEvents()
    window.grab().save(str(folder / f"error_{w}x{h}{suffix}.png"))
    close_window(app, window)
    return mid


def shoot_sample_banner(app: QApplication, folder: Path, size: tuple[int, int], suffix: str = "") -> Path:
    """The window after Train on the default network with an empty data folder and no network: the
    full set cannot be downloaded, so the run uses the built-in sample and the banner says so."""
    import urllib.error

    from playground.app import create_window
    from playground.data import download

    def offline(request, timeout):
        raise urllib.error.URLError("[Errno -2] Name or service not known")

    os.environ["PLAYGROUND_DATA_DIR"] = tempfile.mkdtemp(prefix="nn-playground-empty-data-")
    download._default_opener = offline  # as on a machine without internet, without waiting for timeouts
    w, h = size
    window = create_window()
    window.resize(w, h)
    window.show()
    wait(app, lambda: window.document.report is not None)
    window.training_panel.epochs.setValue(3)
    finished = []
    window.run.runFinished.connect(lambda end, _result: finished.append(end))
    window.start_training()
    wait(app, lambda: bool(finished), 600)
    window.plots.redraw()
    app.processEvents()
    path = folder / f"sample_banner_{w}x{h}{suffix}.png"
    window.grab().save(str(path))
    close_window(app, window)
    return path


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Offscreen screenshots of the main window.")
    parser.add_argument("folder", nargs="?", default=str(ROOT / "shots"))
    parser.add_argument("--lang", default="en", help="language of the window: en (default) or ko")
    parser.add_argument("--sample-banner", action="store_true",
                        help="only the first launch offline (the built-in sample's banner); docs/sample-banner.png")
    args = parser.parse_args(argv)
    os.environ["PLAYGROUND_LANGUAGE"] = args.lang  # read by playground.ui.i18n when the window is made
    suffix = "" if args.lang == "en" else f"_{args.lang}"
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.mkdtemp(prefix="nn-playground-shots-")  # never the user's settings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication([])
    from playground.ui.i18n import install_translators

    install_translators(args.lang)
    if args.sample_banner:
        for size in SIZES:
            shot = shoot_sample_banner(app, folder, size, suffix)
            if size == (1280, 800) and not suffix:
                (ROOT / "docs" / "sample-banner.png").write_bytes(shot.read_bytes())
            print(f"wrote {shot}")
        return 0
    for size in SIZES:
        mid = shoot(app, folder, size, suffix)
        if size == (1280, 800) and not suffix:
            (ROOT / "docs").mkdir(exist_ok=True)
            (ROOT / "docs" / "screenshot.png").write_bytes(mid.read_bytes())
        print(f"wrote {folder}/*_{size[0]}x{size[1]}{suffix}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
