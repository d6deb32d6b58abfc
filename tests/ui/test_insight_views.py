"""The "Inside the network" views: they show exactly the numbers they are given, and are driven by
real training through their probes."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from PySide6.QtCore import QObject, Qt, Signal  # noqa: E402

from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec  # noqa: E402
from playground.core.project import EpochRecord, RunRecord  # noqa: E402
from playground.training.anatomy import take_step  # noqa: E402
from playground.training.metrics import Evaluation, Mistake  # noqa: E402
from playground.training.probes.insight import (  # noqa: E402
    EvaluationProbe,
    LayerProbe,
    RunRecorderProbe,
    StepProbe,
)
from playground.ui.background import BackgroundRunner  # noqa: E402
from playground.ui.document import ExperimentDocument  # noqa: E402
from playground.ui.insight import install_insight_views  # noqa: E402
from playground.ui.insight.evaluation_view import EvaluationView  # noqa: E402
from playground.ui.insight.layer_view import LayerView  # noqa: E402
from playground.ui.insight.runs_view import RunsView  # noqa: E402
from playground.ui.insight.step_view import StepView, number  # noqa: E402
from playground.ui.run_controller import TrainingRun  # noqa: E402
from playground.ui.worker import TrainingSession  # noqa: E402

NORMALIZATION = (0.1307, 0.3081)


def tiny_mlp(epochs=3, optimizer=None, dataset="circle") -> Experiment:
    return Experiment(dataset=DatasetSpec(dataset, batch_size=32, samples=200, val_split=0.25),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 2 if dataset != "sine" else 1, "bias": True})],
                      loss="cross_entropy" if dataset != "sine" else "mse",
                      optimizer=optimizer or OptimizerSpec("sgd", lr=0.5), epochs=epochs, device="cpu")


def known_evaluation() -> Evaluation:
    confusion = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 4]])
    rng = np.random.default_rng(0)
    images = [rng.normal(0, 1, (1, 28, 28)).astype(np.float32) for _ in range(3)]
    mistakes = [Mistake(4, 1, 0, 0.93, images[0]), Mistake(9, 0, 1, 0.71, images[1]),
                Mistake(2, 1, 2, 0.55, images[2])]
    return Evaluation(confusion, ["cat", "dog", "bird"], mistakes)


def evaluation_payload(ev):
    return {"evaluation": ev, "normalization": NORMALIZATION, "epoch": 2, "epochs": 5, "final": False,
            "set": "validation set"}


def no_tensors(value) -> bool:
    if isinstance(value, torch.Tensor):
        return False
    if isinstance(value, dict):
        return all(no_tensors(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(no_tensors(v) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return all(no_tensors(getattr(value, f)) for f in value.__dataclass_fields__)
    return True


# ------------------------------------------------------------------------------------------ evaluation


def test_evaluation_view_starts_empty_and_explains_regression(qtbot):
    view = EvaluationView()
    qtbot.addWidget(view)
    assert not view.showing_results and "Train a classifier" in view.message.text()
    view.set_experiment(tiny_mlp(dataset="sine"))
    assert not view.showing_results and "regression" in view.message.text()
    view.set_experiment(tiny_mlp())
    assert "Train a classifier" in view.message.text()


def test_confusion_view_shows_the_counts_of_a_known_evaluation(qtbot):
    view = EvaluationView()
    qtbot.addWidget(view)
    ev = known_evaluation()
    view.show_evaluation(evaluation_payload(ev))
    assert view.showing_results
    shown = [[int(view.confusion.cell_text(t, p)) for p in range(3)] for t in range(3)]
    assert shown == ev.confusion.tolist()
    ticks = view.confusion.getPlotItem().getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == ["cat", "dog", "bird"]
    assert "80.0% correct (20 examples)" in view.header.text() and "epoch 2 of 5" in view.header.text()


def test_per_class_accuracy_bars(qtbot):
    view = EvaluationView()
    qtbot.addWidget(view)
    view.show_evaluation(evaluation_payload(known_evaluation()))
    np.testing.assert_allclose(view.per_class.bars.opts["height"], [500 / 6, 70.0, 100.0])


def test_clicking_a_mistake_emits_its_unnormalized_image(qtbot):
    view = EvaluationView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    ev = known_evaluation()
    view.show_evaluation(evaluation_payload(ev))
    gallery = view.gallery
    assert gallery.count() == 3 and gallery.item(0).text() == "dog → cat\n93%"
    item = gallery.item(1)
    with qtbot.waitSignal(view.imageChosen, timeout=2000) as blocker:
        qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=gallery.visualItemRect(item).center())
    expected = np.clip(ev.mistakes[1].image[0] * NORMALIZATION[1] + NORMALIZATION[0], 0, 1)
    chosen = blocker.args[0]
    assert chosen.shape == (28, 28)
    np.testing.assert_allclose(chosen, expected, atol=1e-6)


# ------------------------------------------------------------------------------------------ a real run


def test_probes_drive_the_views_during_a_real_training_session(qtbot):
    torch.set_num_threads(1)
    exp = tiny_mlp(epochs=3)
    layers, evaluation, runs = LayerView(), EvaluationView(), RunsView()
    for widget in (layers, evaluation, runs):
        qtbot.addWidget(widget)
    probes = {"layers": LayerProbe.for_experiment(exp), "evaluation": EvaluationProbe.for_experiment(exp),
              "runs": RunRecorderProbe.for_experiment(exp)}
    handlers = {"layers": layers.show_layer_stats, "evaluation": evaluation.show_evaluation,
                "runs": runs.add_run_payload}
    seen, weights, grads, payloads = [], [], [], []

    def on_probe(name, payload):
        payloads.append(payload)
        handlers[name](payload)
        if name == "layers":
            seen.append(payload["epoch"])
            weights.append(tuple(np.array(a, copy=True) for a in layers.histograms.weight_curve.getData()))
            grads.append(layers.histograms.grad_curve.isVisible())

    session = TrainingSession(exp, probes=probes)
    session.probe.connect(on_probe)
    with qtbot.waitSignal(session.finished, timeout=60000) as done:
        session.start()
    assert session.wait(10000)
    assert done.args[0].status == "completed"
    assert all(no_tensors(p) for p in payloads)

    assert seen == [0, 1, 2, 3]
    assert layers.histograms.chooser.count() == 2  # Linear #1 and Linear #3
    for before, after in zip(weights, weights[1:], strict=False):
        assert not (np.array_equal(before[0], after[0]) and np.array_equal(before[1], after[1]))
    assert grads == [False, True, True, True]  # no gradients before the first batch
    assert "grad_counts" in layers.histograms.latest["histograms"]["Linear #1"]

    assert evaluation.showing_results
    assert evaluation.confusion.confusion.sum() == 50  # the validation quarter of 200 points
    assert "after training" in evaluation.header.text()

    assert len(runs.runs()) == 1
    run = runs.runs()[0]
    assert [e.epoch for e in run.history] == [1, 2, 3]
    assert len(run.batch_losses) == 3 * run.batches_per_epoch == 3 * 5  # 150 points, batches of 32
    assert run.summary == "Linear(8)-Tanh-Linear(2)" and run.name == "Run 1"
    assert len(runs.loss_plot.getPlotItem().listDataItems()) == 1  # a new run is ticked


def test_step_probe_delivers_the_anatomy_of_the_stepped_batch(qtbot):
    torch.set_num_threads(1)
    exp = tiny_mlp(epochs=1, optimizer=OptimizerSpec("adam", lr=0.01))
    view = StepView()
    qtbot.addWidget(view)
    session = TrainingSession(exp, probes={"step": StepProbe.for_experiment(exp)})
    payloads = []
    session.probe.connect(lambda name, payload: payloads.append(payload) or view.show_step(payload))
    with qtbot.waitSignal(session.probe, timeout=30000) as got:
        session.start(paused=True)
        session.step()
    with qtbot.waitSignal(session.finished, timeout=30000):
        session.resume()  # the other batches run without recording: no more anatomy
    assert session.wait(10000)
    payload = got.args[1]
    assert no_tensors(payload)
    assert payload["global_step"] == 1 and len(payloads) == 1  # handed over once, for the stepped batch only
    assert view.table.rowCount() == 2 and "Adam" in view.update_label.text()
    assert view.table.item(0, 3).text() == number(payload["anatomy"].layers[0].grad_norm)


# ------------------------------------------------------------------------------------------ one step


def test_step_view_numbers_match_the_anatomy(qtbot):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x, y = torch.randn(8, 3), torch.randint(0, 2, (8,))
    take_step(model, opt, torch.nn.CrossEntropyLoss(), x, y)
    anatomy = take_step(model, opt, torch.nn.CrossEntropyLoss(), x, y)
    view = StepView()
    qtbot.addWidget(view)
    view.show_anatomy(anatomy, "sgd")
    assert view.table.rowCount() == 2
    for row, layer in enumerate(anatomy.layers):
        cells = [view.table.item(row, c).text() for c in range(view.table.columnCount())]
        assert cells[0] == layer.name and cells[1] == f"{layer.parameters:,}"
        assert cells[2:6] == [number(layer.weight_norm), number(layer.grad_norm), number(layer.update_norm),
                              number(layer.sgd_update_norm)]
        assert cells[6] == number(layer.update_norm / layer.sgd_update_norm)
        assert f"‖momentum‖ = {number(layer.state['momentum_buffer'])}" in cells[7]
    np.testing.assert_allclose(view.grad_bars.opts["height"], [layer.grad_norm for layer in anatomy.layers])
    np.testing.assert_allclose(view.change_bars.opts["height"], [layer.update_norm for layer in anatomy.layers])
    np.testing.assert_allclose(view.sgd_bars.opts["height"], [layer.sgd_update_norm for layer in anatomy.layers])
    assert number(anatomy.loss) in view.forward.text() and "8×3 → output 8×2" in view.forward.text()
    assert "momentum" in view.update_label.text()


# ------------------------------------------------------------------------------------------ runs


def a_run(name, lr, losses):
    exp = tiny_mlp()
    exp.optimizer.lr = lr
    history = [EpochRecord(k + 1, loss, 0.6 + 0.1 * k, loss * 1.1, 0.55 + 0.1 * k) for k, loss in enumerate(losses)]
    return RunRecord(name, exp, "completed", 12.0, history, [2.0, 1.5, 1.2, 1.0, 0.9, 0.8], 2)


def curve_names(plot):
    return [item.name() for item in plot.getPlotItem().listDataItems()]


def test_runs_overlay_one_curve_per_ticked_run(qtbot):
    view = RunsView()
    qtbot.addWidget(view)
    for k, lr in enumerate((0.1, 0.01, 0.001)):
        view.add_run(a_run(f"lr {lr}", lr, [1.0 - 0.1 * k, 0.7, 0.5]), checked=False)
    assert view.table.rowCount() == 3 and view.table.item(1, 3).text() == "0.01"
    assert curve_names(view.loss_plot) == []
    view.set_checked(0, True)
    view.set_checked(2, True)
    assert curve_names(view.loss_plot) == ["lr 0.1", "lr 0.001"]
    assert curve_names(view.accuracy_plot) == ["lr 0.1", "lr 0.001"]
    legend = view.loss_plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["lr 0.1", "lr 0.001"]
    x, y = view.loss_plot.getPlotItem().listDataItems()[1].getData()
    np.testing.assert_allclose(y, [0.8 * 1.1, 0.77, 0.55])  # validation loss of the third run
    view.curves.setCurrentText("Per-batch loss")
    x, y = view.loss_plot.getPlotItem().listDataItems()[0].getData()
    np.testing.assert_allclose(x, [0.5, 1.0, 1.5, 2.0, 2.5, 3.0])  # two batches per epoch
    view.set_checked(0, False)
    assert curve_names(view.loss_plot) == ["lr 0.001"]


def test_a_long_session_draws_only_the_latest_runs(qtbot):
    from playground.ui.insight.runs_view import MAX_SHOWN_RUNS

    view = RunsView()
    qtbot.addWidget(view)
    for k in range(MAX_SHOWN_RUNS + 5):
        view.add_run(a_run(f"run {k}", 0.1, [0.5]))
    assert view.table.rowCount() == MAX_SHOWN_RUNS + 5  # every run is kept in the table ...
    assert view.checked_indices() == list(range(5, MAX_SHOWN_RUNS + 5))  # ... the newest are drawn
    assert len(curve_names(view.loss_plot)) == MAX_SHOWN_RUNS


def test_runs_rename_delete_and_export(qtbot, tmp_path):
    view = RunsView()
    qtbot.addWidget(view)
    changes = []
    view.changed.connect(lambda: changes.append(1))
    view.add_run(a_run("a", 0.1, [0.5]))
    view.add_run(a_run("b", 0.2, [0.4]))
    view.rename_run(1, "bigger lr")
    assert view.runs()[1].name == "bigger lr"
    assert curve_names(view.loss_plot) == ["a", "bigger lr"]
    view.delete_runs([0])
    assert [r.name for r in view.runs()] == ["bigger lr"] and view.checked_indices() == [0]
    assert len(changes) == 4
    path = tmp_path / "run.csv"
    view.export_run(0, str(path))
    assert path.read_text().splitlines()[1].startswith("1,0.4,")


def test_runs_from_a_project_replace_the_list(qtbot):
    view = RunsView()
    qtbot.addWidget(view)
    view.add_run(a_run("old", 0.1, [0.5]))
    view.set_runs([a_run("x", 0.1, [0.5]), a_run("y", 0.1, [0.4])])
    assert [view.table.item(r, 0).text() for r in range(2)] == ["x", "y"]
    assert curve_names(view.loss_plot) == ["x", "y"]


# ------------------------------------------------------------------------------------------ layers


def conv_model():
    from playground.core.build import build_model
    from playground.core.checkpoint import LoadedModel

    exp = Experiment(dataset=DatasetSpec("mnist"), layers=[
        LayerSpec("Conv2d", {"out_channels": 4, "kernel_size": 3, "stride": 1, "padding": 1}), LayerSpec("ReLU", {}),
        LayerSpec("MaxPool2d", {"kernel_size": 2, "stride": 0}), LayerSpec("Flatten", {}),
        LayerSpec("Linear", {"units": 10, "bias": True})])
    torch.manual_seed(0)
    return LoadedModel(build_model(exp), exp, NORMALIZATION, [str(d) for d in range(10)], (1, 28, 28))


def test_activations_of_the_canvas_digit_are_computed_off_the_gui_thread(qtbot):
    view = LayerView()
    qtbot.addWidget(view)
    loaded = conv_model()
    view.set_model(loaded)
    image = np.random.default_rng(1).normal(0, 1, (28, 28)).astype(np.float32)
    with qtbot.waitSignal(view.activations.runner.finished, timeout=10000):
        view.show_activations_for(image)
    acts = view.activations.activations
    assert [name for name, _ in acts] == ["Conv2d #1", "ReLU #2", "MaxPool2d #3", "Flatten #4", "Linear #5"]
    assert acts[0][1].shape == (4, 28, 28) and acts[2][1].shape == (4, 14, 14) and acts[4][1].shape == (10,)
    expected = loaded.model(torch.from_numpy(image).reshape(1, 1, 28, 28))[0].detach().numpy()
    np.testing.assert_allclose(acts[4][1], expected, rtol=1e-5, atol=1e-6)
    view.close()
    assert not view.activations.runner.is_running()  # closing stops and joins the thread


def test_layer_view_shows_conv_filters(qtbot):
    view = LayerView()
    qtbot.addWidget(view)
    loaded = conv_model()
    payload = LayerProbe()._snapshot(type("T", (), {"model": loaded.model})(), epoch=0)
    view.show_layer_stats(payload)
    assert view.filters.shape == (4, 1, 3, 3) and not view.filters_box.isHidden()
    assert view.filters_box.title() == "Filters of Conv2d #1 at initialization"
    assert list(payload["histograms"]) == ["Conv2d #1", "Linear #5"]


def test_background_runner_keeps_only_the_newest_request(qtbot):
    runner = BackgroundRunner()
    results = []
    runner.finished.connect(lambda tag, result: results.append(result))

    def slow(value):
        time.sleep(0.3)
        return value

    runner.submit(slow, 0)
    time.sleep(0.1)  # the first is running now
    for value in range(1, 6):
        runner.submit(slow, value)
    qtbot.waitUntil(lambda: bool(results) and results[-1] == 5, timeout=5000)
    qtbot.wait(400)
    assert results == [0, 5]
    assert runner.close() and not runner.is_running()


# ------------------------------------------------------------------------------------------ wiring


class FakeModels(QObject):
    """What the views need of the window's trained model (`ModelActions`)."""

    trainedModelChanged = Signal(object)
    trained_model = None


def test_install_insight_views_wires_tabs_probes_and_the_trained_model(qtbot):
    document, run, models, tabs = ExperimentDocument(tiny_mlp()), TrainingRun(), FakeModels(), []
    views = install_insight_views(document, run, models, lambda widget, title: tabs.append((title, widget)))
    for _, widget in tabs:
        qtbot.addWidget(widget)
    assert [title for title, _ in tabs] == ["Evaluation", "Layers", "One step", "Runs"]
    factories = {name: factory for name, (factory, _) in run.probes.items()}
    assert set(factories) == {"insight.evaluation", "insight.layers", "insight.step", "insight.runs"}
    assert isinstance(factories["insight.evaluation"](tiny_mlp()), EvaluationProbe)
    assert factories["insight.evaluation"](tiny_mlp(dataset="sine")) is None  # regression: no confusion matrix
    run.probes["insight.evaluation"][1](evaluation_payload(known_evaluation()))
    assert views.evaluation.showing_results
    loaded = conv_model()
    models.trainedModelChanged.emit(loaded)
    assert views.layers.activations.loaded is loaded
    document.apply_edit("regression", tiny_mlp(dataset="sine"))
    assert "regression" in views.evaluation.message.text()


@pytest.fixture(autouse=True)
def _few_threads():
    torch.set_num_threads(1)


def test_runner_thread_stops_when_its_owner_is_deleted(qtbot):
    import shiboken6

    from playground.ui import background

    owner = QObject()
    runner = BackgroundRunner(parent=owner)
    thread = runner._thread
    assert thread.isRunning()
    shiboken6.delete(owner)  # what happens to a view's runner when its tab is deleted
    del runner
    assert thread in background._THREADS  # kept alive until it has finished: no abort
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=5000)


def test_one_step_shows_the_batch_as_the_network_received_it(qtbot):
    import numpy as np
    import torch

    from playground.training.anatomy import StepAnatomy, batch_images
    from playground.ui.insight.step_view import StepView

    images = batch_images(torch.arange(3 * 28 * 28, dtype=torch.float32).reshape(3, 1, 28, 28) - 5.0)
    assert images.shape == (3, 28, 28) and images.min() == 0.0 and images.max() == 1.0
    assert batch_images(torch.zeros(4, 2)) is None  # 2-D points are not pictures
    view = StepView()
    qtbot.addWidget(view)
    view.show_anatomy(StepAnatomy((3, 1, 28, 28), (3, 10), 2.3, 0.01, [], images=images))
    assert not view.batch_images.isHidden() and not view.batch_images.pixmap().isNull()
    view.show_anatomy(StepAnatomy((3, 2), (3, 2), 0.7, 0.01, [], images=None))
    assert view.batch_images.isHidden()
    assert np.asarray(images).dtype == np.float32
