"""Screenshots of the "Inside the network" views after a short real training run.

    QT_QPA_PLATFORM=offscreen python scripts/insight_demo.py      # writes shots/insight_*.png

Trains a small CNN on 2,000 MNIST images when PLAYGROUND_DATA_DIR is set, else an MLP on the
circle dataset; runs twice (two learning rates) so the Runs tab has curves to compare, then takes
one Step apart and shows the activations of a validation image.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec  # noqa: E402
from playground.training.probes.insight import (  # noqa: E402
    EvaluationProbe,
    LayerProbe,
    RunRecorderProbe,
    StepProbe,
)
from playground.ui.insight import EvaluationView, LayerView, RunsView, StepView  # noqa: E402
from playground.ui.worker import TrainingSession  # noqa: E402

SHOTS = Path(__file__).resolve().parent.parent / "shots"
SIZE = (1200, 760)


def experiment(lr: float) -> Experiment:
    if os.environ.get("PLAYGROUND_DATA_DIR"):
        return Experiment(name="Small CNN", dataset=DatasetSpec("mnist", batch_size=64, limit=2000), layers=[
            LayerSpec("Conv2d", {"out_channels": 8, "kernel_size": 3, "stride": 1, "padding": 1}),
            LayerSpec("ReLU", {}), LayerSpec("MaxPool2d", {"kernel_size": 2, "stride": 0}), LayerSpec("Flatten", {}),
            LayerSpec("Linear", {"units": 32, "bias": True}), LayerSpec("ReLU", {}),
            LayerSpec("Linear", {"units": 10, "bias": True})],
            optimizer=OptimizerSpec("adam", lr=lr), epochs=3, device="cpu")
    return Experiment(name="Circle MLP", dataset=DatasetSpec("circle", batch_size=16, samples=400, noise=0.1), layers=[
        LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
        LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
        LayerSpec("Linear", {"units": 2, "bias": True})],
        optimizer=OptimizerSpec("sgd", lr=lr * 30, momentum=0.9), epochs=8, device="cpu")


def wait_for(signal, timeout_ms: int = 120_000) -> list:
    loop, got = QEventLoop(), []

    def done(*args):
        got.append(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not got:
        raise SystemExit(f"timed out waiting for {signal}")
    return list(got[0])


def train(exp: Experiment, handlers: dict, probes: dict) -> TrainingSession:
    session = TrainingSession(exp, data_dir=os.environ.get("PLAYGROUND_DATA_DIR"), probes=probes)
    session.probe.connect(lambda name, payload: handlers[name](payload))
    session.start()
    end = wait_for(session.finished)[0]
    session.wait()
    print(f"{exp.name} lr={exp.optimizer.lr:g}: {end.status}, {end.epochs_done} epochs, "
          f"test accuracy {end.test_accuracy}")
    return session


def save(widget, name: str) -> None:
    widget.resize(*SIZE)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = SHOTS / f"insight_{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def main() -> int:
    torch.set_num_threads(1)
    app = QApplication.instance() or QApplication(sys.argv)
    SHOTS.mkdir(exist_ok=True)
    evaluation, layers, step, runs = EvaluationView(), LayerView(), StepView(), RunsView()
    save(evaluation, "evaluation_empty")
    handlers = {"evaluation": evaluation.show_evaluation, "layers": layers.show_layer_stats,
                "runs": runs.add_run_payload, "step": step.show_step}

    for lr in (3e-3, 3e-4):
        exp = experiment(lr)
        probes = {"evaluation": EvaluationProbe.for_experiment(exp), "layers": LayerProbe.for_experiment(exp),
                  "runs": RunRecorderProbe.for_experiment(exp)}
        session = train(exp, handlers, probes)
    save(evaluation, "evaluation")
    save(runs, "runs")

    loaded = session.result  # the trained model, handed over at the end of the run
    layers.set_model(loaded)
    if len(loaded.input_shape) == 3:
        from playground.data.registry import load_dataset

        image = load_dataset(loaded.experiment.dataset, seed=loaded.experiment.seed).val_x[0, 0]
        layers.show_activations_for(image.numpy())
        wait_for(layers.activations.runner.finished)
    save(layers, "layers")
    page = layers.activations.widget()  # the whole activations column, unscrolled
    page.grab().save(str(SHOTS / "insight_activations.png"))

    exp = experiment(1e-3)
    stepping = TrainingSession(exp, data_dir=os.environ.get("PLAYGROUND_DATA_DIR"),
                               probes={"step": StepProbe.for_experiment(exp)})
    stepping.probe.connect(lambda name, payload: handlers[name](payload))
    stepping.start(paused=True)
    stepping.step()
    wait_for(stepping.probe)
    stepping.step()  # the second step shows the optimizer's state at work
    wait_for(stepping.probe)
    stepping.stop()
    stepping.wait()
    save(step, "step")
    layers.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
