"""Sections `train` (one epoch: the course loop, `playground train`, the model alone) and `scale`
(epoch time and peak memory against data size)."""

from __future__ import annotations

import time

from benchmarks.common import (
    bench_experiment,
    child,
    cli_epoch,
    course_model,
    median,
    spread,
    verdict,
)


def child_course(kind: str, root: str, threads: int, n: int = 60000, device: str = "cpu") -> dict:
    """The reference: DataLoader over torchvision's dataset, ToTensor + Normalize per sample, batch 64."""
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, Subset
    from torchvision import datasets, transforms

    torch.set_num_threads(threads)
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    dataset = datasets.FashionMNIST(str(root), train=True, download=False, transform=transform)
    if n < len(dataset):
        dataset = Subset(dataset, range(n))
    loader = DataLoader(dataset, batch_size=64, shuffle=True)
    torch.manual_seed(0)
    model = course_model(kind).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    start = time.perf_counter()
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(images), labels)
        loss.backward()
        optimizer.step()
    if device == "cuda":
        torch.cuda.synchronize()
    return {"seconds": time.perf_counter() - start}


def section_train(ctx: dict) -> list[str]:
    import torch

    root, repeats, threads = ctx["root"], ctx["repeats"], ctx["threads"]
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])  # a GPU's rows as well, where there is one
    out = ["## Training throughput: one epoch of 60,000 images, batch 64, Adam 1e-3", "",
           "(1) is the course's loop, written in this benchmark: `DataLoader(FashionMNIST(transform=Compose("
           "[ToTensor(), Normalize((0.5,), (0.5,))])), batch_size=64, shuffle=True)`, the same layers as the "
           "preset, `Adam(lr=1e-3)`, `CrossEntropyLoss`. (2) is `playground train --experiment <preset on "
           "fashion-mnist, val_split 0, 1 epoch> --json`; its time per epoch is the trainer's own "
           "`epoch_seconds` (the images are read into memory once per run, before the first epoch, which is "
           "why the process's whole wall time is shown as well). \"Model alone\" is the least an epoch can "
           "cost: forward, loss, backward and the app's Adam step on batches sliced from one tensor, nothing "
           "else (in the app's memory layout: channels_last for the CNN on the CPU). Each in a fresh process; the three alternate, repeat after repeat, so all see the same load; "
           f"medians of {repeats}, and (2)/(1) is the median of each repeat's own ratio (the machine's speed "
           f"drifts from minute to minute); torch threads: {threads} everywhere.", "",
           "| model | (1) course loop, s/epoch | (2) `playground train`, s/epoch | (2)/(1) | target | "
           "model alone, s/epoch | model alone/(1) | (2) whole process, s |",
           "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |"]
    raw = []
    for device, kind in ((device, kind) for device in devices for kind in ("mlp", "cnn")):
        course, ours, floor = [], [], []
        for _ in range(repeats):
            course.append(child(["course", kind, str(root), str(threads), device])["seconds"])
            ours.append(cli_epoch(kind, root, threads, device=device))
            floor.append(child(["floor", kind, str(threads), device])["seconds"])
        seconds = [r["seconds"] for r in ours]
        ratio = median([a / b for a, b in zip(seconds, course, strict=True)])  # each repeat's pair, side by side
        suffix = "" if device == "cpu" else f"_{device}"
        ctx.setdefault("summary", {})[f"train_{kind}{suffix}"] = ratio
        ctx.setdefault("summary", {})[f"floor_{kind}{suffix}"] = median(floor) / median(course)
        name = "MLP 784-128-64-10" if kind == "mlp" else "simple-cnn (Conv 16 and 32 @3×3, pools, Linear)"
        name += "" if device == "cpu" else f", on {device}"
        target = (verdict("train_ratio", ratio) if kind == "mlp" and device == "cpu" else
                  "none set; bounded by the model alone")
        out.append(f"| {name} | {median(course):.2f} | {median(seconds):.2f} | {ratio:.3f} | {target} | "
                   f"{median(floor):.2f} | {median(floor) / median(course):.3f} | "
                   f"{median([r['wall'] for r in ours]):.2f} |")
        raw.append(f"- {kind} on {device}: (1) {spread(course)} s; (2) {spread(seconds)} s; model alone {spread(floor)} s")
        print(f"train {kind}: course {course} ours {seconds} floor {floor} ratio {ratio:.3f}", flush=True)
    out += ["", "Every repeat:", *raw, "",
            "The trainer's epoch is within a few percent of the model alone: what is left of the course loop's time "
            "once the data pipeline is gone is the network's own arithmetic. For the MLP that arithmetic is small "
            "and the per-sample `ToTensor` + `Normalize` + collation dominated the course loop; for the CNN the "
            "convolutions dominate both, so no data pipeline can bring (2)/(1) below the model-alone ratio.", ""]
    return out


def child_floor(kind: str, threads: int, n: int = 60000, device: str = "cpu") -> dict:
    """Seconds for the bare forward/backward/Adam steps over n images already in memory as one tensor,
    with the optimizer the app builds: what is left of an epoch once the data pipeline and the trainer's
    bookkeeping cost nothing."""
    import torch
    from torch import nn

    from playground.core import catalog
    from playground.training.performance import wants_channels_last

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x = torch.randn(n, 1, 28, 28, device=device)
    y = torch.randint(0, 10, (n,), device=device)
    model = course_model(kind).to(device)
    if wants_channels_last(model, torch.device(device)):
        model = model.to(memory_format=torch.channels_last)
    optimizer = catalog.OPTIMIZERS["adam"].build(model.parameters(), bench_experiment(kind).optimizer)
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(n, device=device)
    start = time.perf_counter()
    for i in range(0, n, 64):
        idx = order[i:i + 64]
        optimizer.zero_grad()
        loss_fn(model(x[idx]), y[idx]).backward()
        optimizer.step()
    if device == "cuda":
        torch.cuda.synchronize()
    return {"seconds": time.perf_counter() - start}


# --------------------------------------------------------------------------- scale


def child_baseline(threads: int) -> dict:
    """Peak RSS of a process that only imports what `playground train` imports: the floor under the table."""
    import resource

    import torch

    torch.set_num_threads(threads)
    import playground.cli  # noqa: F401
    import playground.training.trainer  # noqa: F401

    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def section_scale(ctx: dict) -> list[str]:
    root, threads = ctx["root"], ctx["threads"]
    sizes = (10000, 30000, 60000) if not ctx["quick"] else (10000, 30000)
    repeats = ctx["repeats"]
    base = child(["baseline", str(threads)])["peak_mb"]
    out = ["## Scale: epoch time and peak memory against data size and model", "",
           f"`playground train` (1 epoch, batch 64, Adam 1e-3) in a fresh process per cell, median of {repeats}; "
           "peak memory is the process's maximum resident set size. A process that only imports torch and the "
           f"trainer peaks at {base:.0f} MB; the last column is what the run adds to that.", "",
           "| model | images | epoch, s | s per 10k images | peak RSS, MB | above imports, MB |",
           "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("mlp", "cnn"):
        for n in sizes:
            runs = [cli_epoch(kind, root, threads, limit=n) for _ in range(repeats)]
            seconds = median([r["seconds"] for r in runs])
            peak = median([r["peak_mb"] for r in runs])
            out.append(f"| {kind} | {n:,} | {seconds:.2f} | {seconds / n * 10000:.2f} | {peak:.0f} | "
                       f"{peak - base:.0f} |")
            print(f"scale {kind} {n}: {seconds:.2f}s {peak:.0f}MB", flush=True)
    out += ["", "Time per image stays flat (the s per 10k column): cost grows linearly with the data. Memory grows "
            "with the in-memory copy of the images: Fashion-MNIST's 70,000 uint8 images (55 MB) are read whole, "
            "and the training part is kept as float32 (3.1 MB per 1,000 images), so the limit cuts only the float "
            "copy.", ""]
    return out
