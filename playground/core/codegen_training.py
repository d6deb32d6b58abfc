"""Code export, the training: loss, optimizer and scheduler, the training loop, evaluation and main().

Every loss, optimizer and scheduler is written from its catalog entry (`LossType.torch_name`,
`OptimizerType.torch_class` and `arguments`, `SchedulerType.torch_class`, `arguments` and
`describe`), so the script makes the same objects as the app. Part of `playground.core.codegen`;
pure string templating.
"""

from __future__ import annotations

from string import Template

from playground.core import catalog, codegen_distributed, codegen_transfer
from playground.core.code_text import num, py_str
from playground.core.codegen_data import has_validation, is_image
from playground.core.experiment import Experiment

CODE_WIDTH = 120  # a call longer than this (with its indentation) continues on the next line


class _Code(str):
    """An expression of the script (args.epochs) given where the app gives a number."""


def _value(value) -> str:
    if isinstance(value, _Code):
        return value
    if isinstance(value, tuple):
        return f"({', '.join(_value(v) for v in value)})"
    return num(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else repr(value)


def call_lines(target: str, function: str, arguments: list[str], indent: int = 4) -> list[str]:
    """`target = function(arguments)`, continued under the parenthesis where it would pass CODE_WIDTH
    (counting the `indent` the line will get)."""
    head = f"{target} = {function}("
    lines, line = [], head
    for i, argument in enumerate(arguments):
        text = argument + (")" if i == len(arguments) - 1 else ",")
        if line != head and indent + len(line) + 1 + len(text) > CODE_WIDTH:
            lines.append(line)
            line = " " * len(head) + text
        else:
            line += ("" if line == head else " ") + text
    if not arguments:
        line += ")"
    return [*lines, line]


def uses_one_hot_targets(exp: Experiment, task: str) -> bool:
    return task == "classification" and catalog.LOSSES[exp.loss].one_hot_targets


def hand_written_update(exp: Experiment, distributed: bool = False) -> bool:
    """Lesson 003's loop: a network that is one Linear layer trained by plain gradient descent (SGD without
    momentum, weight decay or a schedule) gets the update written out, w -= lr * w.grad, as the lesson
    writes it, instead of torch.optim. (The distributed script keeps the optimizer.)"""
    spec = exp.optimizer
    layers = [layer for layer in exp.layers if layer.type != "Identity"]
    return (not distributed and len(layers) == 1 and layers[0].type == "Linear" and spec.name == "sgd"
            and not spec.momentum and not spec.nesterov and not spec.weight_decay and exp.scheduler.name == "none")


def _linear_has_bias(exp: Experiment) -> bool:
    linear = next(layer for layer in exp.layers if layer.type == "Linear")
    return bool(catalog.LAYERS["Linear"].complete(linear.params).get("bias", True))


def _hand_written_lines(exp: Experiment) -> list[str]:
    attr = catalog.LAYERS["Linear"].code_name + "1"
    bias = _linear_has_bias(exp)
    names = ["w", "b"] if bias else ["w"]
    lines = [f"        {', '.join(names)} = model.{attr}.weight{', model.' + attr + '.bias' if bias else ''}"
             + ("  # the line's slope and intercept" if bias else "  # the line's slope (no bias: through 0)"),
             "        # plain gradient descent, written out as lesson 003 writes it: each parameter takes a step",
             "        # against its gradient, then the gradient is cleared (backward() adds to it)",
             "        with torch.no_grad():"]
    lines += [f"            {n} -= lr * {n}.grad" for n in names]
    lines += [f"        {n}.grad.zero_()" for n in names]
    return lines


def _loss_line(exp: Experiment) -> str:
    loss = catalog.LOSSES[exp.loss]
    args = ", ".join(f"{k}={v!r}" for k, v in loss.kwargs.items())
    return f"loss_fn = nn.{loss.torch_name}({args})"


def _optimizer_lines(exp: Experiment) -> list[str]:
    spec = exp.optimizer
    optimizer = catalog.OPTIMIZERS[spec.name]
    # the learning rate always; another setting where it differs from torch's default, or where torch's
    # default is not the usual one (AdamW's weight decay is 0.01, not 0): a reader need not know it
    arguments = [f"{name}={_value(value)}" for name, value in optimizer.arguments(spec).items()
                 if name == "lr" or name in optimizer.torch_defaults or value != optimizer.torch_default(name)]
    return call_lines("optimizer", f"torch.optim.{optimizer.torch_class}",
                      [codegen_transfer.optimizer_parameters(exp), *arguments])


def _scheduler_lines(exp: Experiment) -> list[str]:
    spec, lr = exp.scheduler, exp.optimizer.lr
    scheduler = catalog.SCHEDULERS[spec.name]
    lines = [f"# {scheduler.describe(spec, lr)}"]
    if scheduler.torch_class:
        arguments = scheduler.arguments(spec, lr, _Code("args.epochs"), _Code("len(train_loader)"))
        lines += call_lines("scheduler", f"torch.optim.lr_scheduler.{scheduler.torch_class}",
                            ["optimizer", *(f"{name}={_value(value)}" for name, value in arguments.items())])
    return lines


def training_section(exp: Experiment, task: str, out_size: int, distributed: bool = False,
                     attrs: list[str] | None = None) -> str:
    one_hot = uses_one_hot_targets(exp, task)
    y = "labels" if task == "classification" else "targets"  # what the loss compares the outputs with
    target = "targets_for(labels, outputs)" if one_hot else y
    per_batch = catalog.SCHEDULERS[exp.scheduler.name].per_batch
    step_lines = ["        loss = loss_fn(outputs, " + target + ")"]
    penalty_terms = []
    if exp.l1:
        penalty_terms.append("L1 * sum(w.abs().sum() for w in weights)")
    if exp.l2:
        penalty_terms.append("L2 * sum((w * w).sum() for w in weights)")
    if penalty_terms:
        step_lines += [
            "        # penalty on the weights (not the biases), added to the loss as the app does",
            "        weights = [p for p in model.parameters() if p.dim() > 1]",
            "        penalty = " + " + ".join(penalty_terms),
            "        optimizer.zero_grad()",
            "        (loss + penalty).backward()",
        ]
    else:
        step_lines += ["        optimizer.zero_grad()", "        loss.backward()"]
    by_hand = hand_written_update(exp, distributed)
    if by_hand:  # the gradients start at zero and are cleared after each step: no zero_grad() before
        step_lines = [line.replace("optimizer.zero_grad()", "").rstrip() for line in step_lines]
        step_lines = [line for line in step_lines if line]
    if exp.grad_clip:
        step_lines.append("        nn.utils.clip_grad_norm_(model.parameters(), max_norm=GRAD_CLIP)")
    step_lines += _hand_written_lines(exp) if by_hand else ["        optimizer.step()"]
    if per_batch:
        step_lines.append("        scheduler.step()  # OneCycle changes the learning rate after every batch")
    train_args = "model, loader, loss_fn, optimizer, scheduler, device" if per_batch else \
        "model, loader, loss_fn, lr, device" if by_hand else "model, loader, loss_fn, optimizer, device"

    helpers = ""
    if one_hot:
        loss_label = catalog.LOSSES[exp.loss].torch_name
        helpers += Template('''\
def targets_for(labels, outputs):
    """$loss compares the outputs with one-hot vectors: label 3 → [0, 0, 0, 1, 0, …]."""
    return F.one_hot(labels, outputs.shape[1]).to(outputs.dtype)


''').substitute(loss=loss_label)

    if task == "classification":
        predicted = "(outputs[:, 0] > 0).long()" if out_size == 1 else "outputs.argmax(1)"
        predicted_note = "  # one output: positive means class 1" if out_size == 1 else ""
        evaluate = Template('''\
def evaluate(model, loader, loss_fn, device):
    """Mean loss and accuracy over a whole set, without changing the model."""
    model.eval()  # Dropout off, BatchNorm uses its running statistics
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for inputs, labels in loader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model(inputs)
            total_loss += loss_fn(outputs, $target).item() * len(inputs)
            predicted = $predicted$note
            correct += (predicted == labels).sum().item()
            count += len(inputs)
${reduce}    return total_loss / count, correct / count
''').substitute(target=target, predicted=predicted, note=predicted_note,
                 reduce=codegen_distributed.reduce_line(["total_loss", "correct", "count"]) if distributed else "")
    else:
        evaluate = Template('''\
def evaluate(model, loader, loss_fn, device):
    """Mean loss over a whole set, without changing the model."""
    model.eval()  # Dropout off, BatchNorm uses its running statistics
    total_loss, count = 0.0, 0
    with torch.no_grad():
        for inputs, targets in loader:
            inputs, targets = inputs.to(device), targets.to(device)
            total_loss += loss_fn(model(inputs), targets).item() * len(inputs)
            count += len(inputs)
${reduce}    return total_loss / count
''').substitute(reduce=codegen_distributed.reduce_line(["total_loss", "count"]) if distributed else "")
    return Template('''\
# ---------------------------------------------------------------------------- training
${helpers}def train_one_epoch($train_args):
    """One pass over the training data; returns the mean loss."""
    model.train()  # Dropout and BatchNorm in training mode
${frozen}    total_loss, count = 0.0, 0
    for inputs, $y in loader:
        inputs, $y = inputs.to(device), $y.to(device)
        outputs = model(inputs)
$steps
        total_loss += loss.item() * len(inputs)
        count += len(inputs)
${reduce}    return total_loss / count


$evaluate

def pick_device(name):
    """'auto' → CUDA, then Apple's MPS, then the CPU; an unavailable choice falls back to the CPU."""
    if name in ("auto", "cuda") and torch.cuda.is_available():
        return torch.device("cuda")
    if name in ("auto", "mps") and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def summary(model):
    """Parameter count and every layer's output shape (the app's layer table), as a dict."""
    shapes = []

    def record(layer, inputs, output):
        if isinstance(output, tuple):  # RNN/LSTM/GRU: every step's output; forward keeps the last
            output = output[0][:, -1]
        shapes.append(list(output.shape[1:]))

    hooks = [layer.register_forward_hook(record) for layer in model.children()]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(2, *INPUT_SHAPE))
    for hook in hooks:
        hook.remove()
    return {"parameters": sum(p.numel() for p in model.parameters()), "output_shapes": shapes}
''').substitute(helpers=helpers, train_args=train_args, steps="\n".join(step_lines), evaluate=evaluate,
                 frozen="".join(line + "\n" for line in codegen_transfer.train_mode_lines(exp, attrs or [])),
                y=y, reduce=codegen_distributed.reduce_line(["total_loss", "count"]) if distributed else "")


def main_section(exp: Experiment, task: str, distributed: bool = False, attrs: list[str] | None = None) -> str:
    ds = exp.dataset
    per_batch = catalog.SCHEDULERS[exp.scheduler.name].per_batch
    classification = task == "classification"
    has_val = has_validation(exp)
    args = [
        'parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])',
        'parser.add_argument("--epochs", type=int, default=EPOCHS)',
    ]
    if is_image(exp):
        args.append('parser.add_argument("--data-dir", default="data", help="where torchvision keeps the dataset")')
        args.append('parser.add_argument("--limit", type=int, default=LIMIT, '
                    'help="use at most N training images (0 = all)")')
        load = "train_set, val_set, test_set = load_data(args.data_dir, args.limit)"
    else:
        if ds.name == "csv":
            args.append('parser.add_argument("--csv", default=CSV_PATH, help="the CSV file")')
            load = "train_set, val_set = load_data(args.csv, args.limit)"
        else:
            load = "train_set, val_set = load_data(args.limit)"
        args.append('parser.add_argument("--data-dir", default="data", help="not used: this data needs no files")'
                    if ds.name != "csv" else
                    'parser.add_argument("--data-dir", default="data", help="not used: the data is --csv")')
        args.append('parser.add_argument("--limit", type=int, default=0, '
                    'help="use at most N training samples (0 = all)")')
    args += [
        f'parser.add_argument("--device", default={py_str(exp.device)}, help="auto, cpu, cuda or mps")',
        'parser.add_argument("--seed", type=int, default=SEED, help="random seed (SEED repeats the app\'s run)")',
        'parser.add_argument("--summary", action="store_true",',
        '                    help="print the parameter count and layer output shapes as JSON, then exit")',
        *codegen_transfer.argument_line(exp),
        *(codegen_distributed.argument_lines() if distributed else []),
        "args = parser.parse_args()",
        "SEED = args.seed  # the split, the starting weights and the order of the batches follow it",
    ]
    lines = ["global SEED", *args, "",
             "torch.manual_seed(SEED)  # with the app's seed, Net() starts from the app's weights",
             "model = Net()",
             "if args.summary:",
             "    print(json.dumps(summary(model)))",
             "    return",
             *codegen_transfer.model_lines(exp, attrs or []),
             "",
             ]
    if distributed:
        lines += codegen_distributed.setup_lines(exp, load)
    else:
        lines += ["device = pick_device(args.device)",
                  load,
                  "train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True,",
                  "                          generator=torch.Generator().manual_seed(SEED))"]

    def loader(name: str) -> str:
        return codegen_distributed.evaluation_loader(name) if distributed else f"DataLoader({name}, batch_size=1000)"

    if has_val:
        lines.append(f"val_loader = {loader('val_set')}")
    if is_image(exp):
        lines.append(f"test_loader = {loader('test_set')}")
    samples = "images" if is_image(exp) else "samples"
    lines += [
        "model = model.to(device)",
        'parameters = sum(p.numel() for p in model.parameters())',
        f'print(f"training on {{len(train_set):,}} {samples} ({{len(val_set):,}} for validation), "',
        '      f"{parameters:,} parameters, device {device}")',
        *(codegen_distributed.wrap_lines(exp) if distributed else []),
        "",
        _loss_line(exp),
        *([f"lr = {num(exp.optimizer.lr)}  # learning rate η: plain gradient descent, written out in "
           "train_one_epoch"] if hand_written_update(exp, distributed) else
          [*_optimizer_lines(exp), *_scheduler_lines(exp)]),
        "",
        "for epoch in range(1, args.epochs + 1):",
        *(codegen_distributed.EPOCH_START if distributed else []),
    ]
    trained = "trained" if distributed else "model"
    train_call = (f"train_one_epoch({trained}, train_loader, loss_fn, optimizer, scheduler, device)" if per_batch
                  else f"train_one_epoch({trained}, train_loader, loss_fn, lr, device)"
                  if hand_written_update(exp, distributed) else
                  f"train_one_epoch({trained}, train_loader, loss_fn, optimizer, device)")
    lines.append(f"    train_loss = {train_call}")
    lines.append('    message = f"epoch {epoch}/{args.epochs}  train loss {train_loss:.4f}"')
    if has_val:
        lines.append("    if len(val_set) > 0:")
        if classification:
            lines += ["        val_loss, val_accuracy = evaluate(model, val_loader, loss_fn, device)",
                      '        message += f"  val loss {val_loss:.4f}  val accuracy {val_accuracy:.2%}"']
        else:
            lines += ["        val_loss = evaluate(model, val_loader, loss_fn, device)",
                      '        message += f"  val loss {val_loss:.4f}"']
    if distributed:
        lines.append(codegen_distributed.EPOCH_TIME)
    lines.append("    print(message)")
    if exp.scheduler.name != "none" and not per_batch:
        lines.append("    scheduler.step()  # once per epoch")
    lines.append("")
    if is_image(exp):
        final_loader, final_name = "test_loader", "test"
        lines.append("# the official test set: images the model never saw while training")
    elif has_val:
        final_loader, final_name = "val_loader", "validation"
        lines.append("# generated data has no separate test set: like the app, report the validation set"
                     if ds.name != "csv" else "# a CSV file has no separate test set: like the app, report the "
                     "validation set")
    else:
        # (the training loader of several processes is their parts, with samples repeated to even them out)
        final_loader, final_name = loader("train_set") if distributed else "train_loader", "training"
        lines.append("# no validation split (VAL_SPLIT = 0): report the training set")
    if classification:
        lines += [f"final_loss, final_accuracy = evaluate(model, {final_loader}, loss_fn, device)",
                  f'print(f"{final_name} loss {{final_loss:.4f}}  {final_name} accuracy {{final_accuracy:.2%}}")']
    else:
        lines += [f"final_loss = evaluate(model, {final_loader}, loss_fn, device)",
                  f'print(f"{final_name} loss {{final_loss:.4f}}")']
    if has_val and not is_image(exp):
        lines = lines[:-2] + ["if len(val_set) > 0:"] + ["    " + line for line in lines[-2:]]
    if hand_written_update(exp, distributed) and task == "regression":
        attr = catalog.LAYERS["Linear"].code_name + "1"
        b = f"model.{attr}.bias.item()" if _linear_has_bias(exp) else "0.0"
        lines += [f"if model.{attr}.weight.numel() == 1:  # one input, one output: the fitted line",
                  f"    w, b = model.{attr}.weight.item(), {b}",
                  '    print(f"line: y = w·x + b with w = {w:.4f}, b = {b:.4f}")']
    if distributed:
        lines += codegen_distributed.end_lines()
    body = "\n".join(("    " + line) if line else "" for line in lines)
    return Template('''\
# ---------------------------------------------------------------------------- main
def main():
$body


if __name__ == "__main__":
    main()
''').substitute(body=body)
