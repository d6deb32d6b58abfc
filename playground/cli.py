"""The `playground` command: the GUI with no arguments; presets, validate, train, predict, export-code,
download, doctor.

Every user error (bad file, unknown preset, invalid network, missing data) ends in one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from playground.core.experiment import Experiment, ExperimentError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user error: printed as one line on stderr."""


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    # one line, always: a CSV's bad rows arrive as a heading and one line per row
    first, *rest = [line.strip() for line in str(message).splitlines() if line.strip()] or ["failed"]
    if rest:
        first = f"{first} {'; '.join(rest)}" if first.endswith(":") else "; ".join([first, *rest])
    print(f"playground: error: {first}", file=sys.stderr)
    return code


def _add_source(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--preset", metavar="NAME", help="a bundled preset (see `playground presets`)")
    group.add_argument("--experiment", metavar="FILE", help="an experiment JSON file")


def _load_source(args: argparse.Namespace) -> Experiment:
    from playground.core.presets import PresetError, load_preset

    if args.preset:
        try:
            return load_preset(args.preset)
        except PresetError as exc:
            raise CliError(str(exc)) from None
    from playground.core.project import load_project

    try:
        # a project saved by the app (the experiment plus its runs) is read as its experiment
        return load_project(args.experiment)[0]
    except ExperimentError as exc:
        raise CliError(f"{args.experiment}: {exc}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="playground", description="NN Playground: build, train and inspect "
                                     "neural networks. With no command, opens the app.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the app (the default)")
    sub.add_parser("presets", help="list the bundled presets")

    validate = sub.add_parser("validate", help="show the layer table of an experiment, or why it is invalid")
    _add_source(validate)
    validate.add_argument("--dataset", metavar="NAME", help="use this dataset instead of the experiment's")

    train = sub.add_parser("train", help="train an experiment headless")
    _add_source(train)
    train.add_argument("--dataset", metavar="NAME")
    train.add_argument("--epochs", type=int, metavar="N")
    train.add_argument("--batch-size", type=int, metavar="N")
    train.add_argument("--lr", type=float, metavar="X")
    train.add_argument("--optimizer", metavar="NAME")
    train.add_argument("--data-dir", metavar="DIR", help="folder with MNIST/ and FashionMNIST/ (torchvision layout)")
    train.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"])
    train.add_argument("--seed", type=int, metavar="N")
    train.add_argument("--limit", type=int, metavar="N", help="use at most N training images")
    train.add_argument("--threads", type=int, metavar="N", help="PyTorch threads (default: one per core)")
    train.add_argument("--sequence-length", type=int, metavar="T",
                       help="steps per sequence of the long-memory data (5 to 200)")
    train.add_argument("--augment", action="store_true", help="random rotations, shifts, stroke width and blur")
    train.add_argument("--init-from", metavar="FILE|bundled:mnist-cnn",
                       help="start from trained weights: a checkpoint, or the bundled MNIST CNN; layers whose type "
                            "and shape match get its weights, in order")
    train.add_argument("--freeze", type=int, metavar="N",
                       help="freeze the first N layers (their weights and BatchNorm statistics do not change)")
    train.add_argument("--clip", type=float, metavar="NORM", help="clip the gradient norm to NORM (0 = off)")
    train.add_argument("--out", metavar="FILE.pt", help="save the trained model here")
    train.add_argument("--json", action="store_true", help="print one JSON object per line")
    train.add_argument("--no-health", action="store_true",
                       help="skip the per-layer gradient statistics (epoch events without \"layers\")")

    predict = sub.add_parser("predict", help="classify digit images with a model")
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    predict.add_argument("--model", metavar="FILE.pt", help="a checkpoint (default: the bundled model)")

    export = sub.add_parser("export-code", help="print a standalone PyTorch script for an experiment")
    _add_source(export)
    export.add_argument("--distributed", action="store_true",
                        help="a script that also runs under torchrun: several processes, machines or GPUs")

    download = sub.add_parser("download", help="download the full MNIST and Fashion-MNIST into the data folder")
    download.add_argument("datasets", nargs="*", metavar="NAME", help="mnist, fashion-mnist (default: both)")
    download.add_argument("--data-dir", metavar="DIR", help="where to put them (default: the data folder)")

    sub.add_parser("doctor", help="check that everything the app needs is installed and usable")
    return parser


def _apply_overrides(exp: Experiment, args: argparse.Namespace) -> Experiment:
    """Command-line overrides go through the same strict parser as files, so limits are the same."""
    data = exp.to_dict()
    if getattr(args, "dataset", None):
        data["dataset"]["name"] = args.dataset
    for key, path in (("epochs", ("epochs",)), ("batch_size", ("dataset", "batch_size")), ("lr", ("optimizer", "lr")),
                      ("optimizer", ("optimizer", "name")), ("device", ("device",)), ("seed", ("seed",)),
                      ("limit", ("dataset", "limit")), ("sequence_length", ("dataset", "sequence_length"))):
        value = getattr(args, key, None)
        if value is not None:
            target = data
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
    if getattr(args, "augment", False):
        data["dataset"]["augment"]["enabled"] = True
    if getattr(args, "init_from", None) is not None:
        data["init_from"] = args.init_from
    if getattr(args, "clip", None) is not None:
        data["grad_clip"] = args.clip
    freeze = getattr(args, "freeze", None)
    if freeze is not None:
        if not 0 <= freeze <= len(data["layers"]):
            raise CliError(f"--freeze takes 0 to {len(data['layers'])} (the network's layers), not {freeze}")
        for index, layer in enumerate(data["layers"]):
            layer.pop("frozen", None)
            if index < freeze:
                layer["frozen"] = True
    try:
        return Experiment.from_dict(data)
    except ExperimentError as exc:
        raise CliError(str(exc)) from None


# ------------------------------------------------------------------ commands


def cmd_presets(args: argparse.Namespace) -> int:
    from playground.core.presets import preset_descriptions

    descriptions = preset_descriptions()
    width = max(len(n) for n in descriptions)
    for name, description in descriptions.items():
        print(f"{name.ljust(width)}  {description}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from playground.core.shapes import infer_shapes

    exp = _apply_overrides(_load_source(args), args)
    report = infer_shapes(exp)
    print(report.table())
    for warning in report.warnings:
        print(f"warning: {warning.message}")
    if report.error is not None:
        return _fail(report.error.message)
    return EXIT_OK


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def cmd_train(args: argparse.Namespace) -> int:
    exp = _apply_overrides(_load_source(args), args)
    from playground.core.shapes import infer_shapes

    report = infer_shapes(exp)
    if report.error is not None:
        raise CliError(report.error.message)
    if args.threads is not None:
        if args.threads < 1:
            raise CliError(f"--threads must be at least 1, not {args.threads}")
        import torch

        torch.set_num_threads(args.threads)

    from playground.training.trainer import Trainer

    progress = _JsonLines() if args.json else _TerminalProgress()
    progress.health = not args.no_health
    trainer = Trainer(exp, progress, data_dir=args.data_dir)
    end = trainer.run()
    if end.status == "completed" and args.out:
        from playground.core.checkpoint import save_checkpoint

        data = trainer.data
        try:
            save_checkpoint(args.out, trainer.model, exp, input_shape=data.info.input_shape,
                            class_names=data.info.class_names, normalization=data.normalization,
                            metrics={**trainer.metrics(), "test_accuracy": end.test_accuracy})
        except OSError as exc:
            raise CliError(f"cannot save the model to {args.out}: {exc.strerror or exc}") from None
        if not args.json:
            print(f"saved {args.out}")
    if end.status == "failed":  # with --json the done line has the message too; stderr has it for people
        return _fail(end.message)
    return EXIT_OK if end.status == "completed" else EXIT_FAILED


def _data_source(trainer) -> str | None:
    """"full" or "sample" for an image set, None for generated and CSV data or when loading failed."""
    return getattr(trainer.data, "source", None)


class _JsonLines:
    """Trainer listener (see TrainerCallbacks) printing one JSON object per line: the --json format.

    With `health` on, the same gradient-health probe the window uses measures every few batches; its
    epoch summary goes into the epoch event as "layers" (and its warnings as "warnings")."""

    health = True
    _probe = _context = None

    def _start_health(self, trainer, event):
        if not self.health:
            return
        from playground.training.probes import ProbeContext
        from playground.training.probes.health import HealthProbe

        self._probe, self._context = HealthProbe(), ProbeContext.of(trainer)
        self._probe.on_start(self._context, event)

    def _epoch_health(self, e) -> tuple[list[dict], list[str]] | None:
        if self._probe is None:
            return None
        summary = self._probe.on_epoch(self._context, e)
        return [layer.to_json() for layer in summary["layers"]], [str(w.message) for w in summary["warnings"]]

    def on_start(self, trainer, event):
        self._start_health(trainer, event)
        data = trainer.data
        print(json.dumps({"event": "start", "data": _data_source(trainer), "images": data.source_images or None,
                          "train_samples": event.train_samples, "val_samples": event.val_samples,
                          "parameters": event.parameters, "trainable_parameters": event.trainable_parameters,
                          "device": event.device, "epochs": event.epochs,
                          "batches_per_epoch": event.batches_per_epoch,
                          **({"init_from": event.init_from, "init": [row.to_dict() for row in event.init]}
                             if event.init_from else {})}),
              flush=True)

    def on_initial(self, trainer, accuracy, loss):
        pass

    def on_batch(self, trainer, event):
        if self._probe is not None:
            self._probe.on_batch(self._context, event)

    def on_epoch(self, trainer, e):
        line = {"event": "epoch", "epoch": e.epoch, "train_loss": _clean(e.train_loss),
                "val_loss": _clean(e.val_loss), "val_accuracy": e.val_accuracy,
                "epoch_seconds": round(e.seconds, 4), "samples_per_second": round(e.samples_per_second, 1)}
        if e.clipped is not None:
            line["clipped"] = round(e.clipped, 4)
        health = self._epoch_health(e)
        if health is not None:
            line["layers"] = health[0]
            if health[1]:
                line["warnings"] = health[1]
        print(json.dumps(line), flush=True)

    def on_end(self, trainer, end):
        if self._probe is not None:
            self._probe.on_end(self._context, end)
        done = {"event": "done", "data": _data_source(trainer), "initial_accuracy": end.initial_accuracy,
                "test_accuracy": end.test_accuracy, "test_loss": _clean(end.test_loss), "status": end.status,
                "message": end.message}
        line = _fitted_line(trainer, end)
        if line is not None:
            done["line"] = {"w": line[0], "b": line[1]}
        print(json.dumps(done), flush=True)


class _TerminalProgress(_JsonLines):
    """A progress bar per epoch on a terminal; plain lines when output is redirected."""

    def __init__(self):
        self.tty = sys.stdout.isatty()

    def on_start(self, trainer, event):
        self._start_health(trainer, event)
        if _data_source(trainer) == "sample":  # one line, where a person looks for what went wrong
            print(_sample_note(trainer), file=sys.stderr, flush=True)
        frozen = event.parameters - event.trainable_parameters
        print(f"training on {event.train_samples:,} samples ({event.val_samples:,} for validation), "
              f"{event.parameters:,} parameters" + (f" ({frozen:,} frozen)" if frozen else "") +
              f", device {event.device}")
        if event.init_from:
            loaded = [f"#{row.index + 1} {row.type}" for row in event.init if row.loaded]
            fresh = [f"#{row.index + 1} {row.type}" for row in event.init if not row.loaded]
            print(f"weights from {event.init_from}: " + ", ".join(loaded) +
                  (f"; starting fresh: {', '.join(fresh)}" if fresh else ""))

    def on_initial(self, trainer, accuracy, loss):
        if accuracy is not None:
            print(f"accuracy before training: {accuracy:.2%}")

    def on_batch(self, trainer, e):
        super().on_batch(trainer, e)
        if self.tty and (e.step % 10 == 0 or e.step == e.batches_per_epoch):
            done = int(30 * e.step / e.batches_per_epoch)
            sys.stdout.write(f"\repoch {e.epoch} [{'#' * done}{'.' * (30 - done)}] {e.step}/{e.batches_per_epoch} "
                             f"loss {e.loss:.4f}")
            sys.stdout.flush()

    def on_epoch(self, trainer, e):
        if self.tty:
            sys.stdout.write("\r\033[K")
        acc = f"  val accuracy {e.val_accuracy:.2%}" if e.val_accuracy is not None else ""
        val = f"  val loss {e.val_loss:.4f}" if e.val_loss is not None else ""
        clipped = f"  clipped in {e.clipped:.0%} of batches" if e.clipped is not None else ""
        print(f"epoch {e.epoch}/{e.epochs}  train loss {e.train_loss:.4f}{val}{acc}{clipped}  "
              f"{e.seconds:.1f}s  {e.samples_per_second:,.0f} samples/s")
        health = self._epoch_health(e)
        for warning in health[1] if health else []:
            print(f"warning: {warning}")

    def on_end(self, trainer, end):
        if self._probe is not None:
            self._probe.on_end(self._context, end)
        if end.test_accuracy is not None:
            print(f"test accuracy: {end.test_accuracy:.2%}")
        line = _fitted_line(trainer, end)
        if line is not None:
            print(f"fitted line: y = {line[0]:.6g}·x + {line[1]:.6g}")
        if end.status != "failed":
            print(end.message)


def _sample_note(trainer) -> str:
    from playground.data import images

    name, data = trainer.experiment.dataset.name, trainer.data
    folder = images.raw_folder(name, images.resolve_data_dir(trainer.data_dir))
    return (f"playground: note: training on the built-in sample of {images.folder_name(name)} ({data.source_images:,} "
            f"training images, not the full {images.FULL_TRAIN_IMAGES:,}): the full set is not in {folder} and could "
            f"not be downloaded ({data.fallback_reason}). Get it with `playground download {name}` when online, or "
            "point --data-dir at a folder that has it.")


def _fitted_line(trainer, end) -> tuple[float, float] | None:
    """(w, b) of a trained one-input linear model, in the data's units (None for other networks)."""
    from playground.training.loss_surface import fitted_line

    if end.status == "failed":
        return None
    line = fitted_line(trainer.experiment, trainer.model)
    return None if line is None or not all(map(math.isfinite, line)) else line


def cmd_predict(args: argparse.Namespace) -> int:
    from playground.inference.predict import predict_cli

    return predict_cli(args.images, args.model)


def cmd_export_code(args: argparse.Namespace) -> int:
    from playground.core.codegen import experiment_to_script

    exp = _load_source(args)
    try:
        script = experiment_to_script(exp, distributed=args.distributed)
    except ExperimentError as exc:
        raise CliError(f"cannot write code for “{exp.name}”: {exc}") from None
    except KeyError:  # a dataset that code export does not know
        raise CliError(f"cannot write code for “{exp.name}”: code export does not support the "
                       f"{exp.dataset.name!r} data yet") from None
    print(script)
    return EXIT_OK


def cmd_download(args: argparse.Namespace) -> int:
    from playground.data import download, images

    names = args.datasets or list(images.FOLDERS)
    unknown = [name for name in names if name not in images.FOLDERS]
    if unknown:
        raise CliError(f"unknown dataset {unknown[0]!r}; downloadable: {', '.join(images.FOLDERS)}")
    root = images.resolve_data_dir(args.data_dir)
    tty = sys.stderr.isatty()
    shown = {"tenth": -1}

    def progress(done: int, total: int) -> None:
        if tty:
            size = f"{done / 1e6:.1f} / {total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
            sys.stderr.write(f"\rdownloading {size}\033[K")
            sys.stderr.flush()
        elif total and done * 10 // total > shown["tenth"]:  # a line every 10 % when written to a file
            shown["tenth"] = done * 10 // total
            print(f"downloading: {done * 100 // total} % of {total / 1e6:.1f} MB", file=sys.stderr, flush=True)

    try:
        fetched = download.download_datasets(names, root, progress=progress)
    except download.DownloadError as exc:
        if tty:
            sys.stderr.write("\r\033[K")
        raise CliError(str(exc)) from None
    if tty:
        sys.stderr.write("\r\033[K")
    for name in names:
        state = "downloaded" if name in fetched else "already there"
        print(f"{images.folder_name(name)}: {state} ({images.raw_folder(name, root)})")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from playground.doctor import run_doctor

    return run_doctor()


def launch_gui(argv: list[str] | None = None) -> int:
    # before PySide6 is imported: a missing system library or display is one line and exit 1, not Qt's abort
    from playground.qt_platform import check_qt_platform

    status = check_qt_platform()
    if not status.usable:
        return _fail(status.problem)
    from playground.app import run_app

    return run_app(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] == "gui":
        return launch_gui(argv[1:] if argv else [])
    args = _parser().parse_args(argv)
    commands = {"presets": cmd_presets, "validate": cmd_validate, "train": cmd_train, "predict": cmd_predict,
                "export-code": cmd_export_code, "download": cmd_download, "doctor": cmd_doctor}
    try:
        return commands[args.command](args)
    except CliError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
