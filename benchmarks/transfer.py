"""Section `transfer`: lesson 004's transfer learning, measured. The `transfer-fashion` preset (the
bundled MNIST CNN's convolution blocks, frozen, and a new head) against the same network trained from
scratch (fresh weights, nothing frozen), on the same few Fashion-MNIST images: three seeds, 500 and
1,000 images (10 % of them held out for validation), test accuracy on the 10,000 Fashion-MNIST test
images. Every other setting is the preset's (epochs, batch size, Adam 1e-3)."""

from __future__ import annotations

import statistics
import time

SEEDS = (0, 1, 2)
LIMITS = (500, 1000)


def _run(limit: int, seed: int, transfer: bool, root) -> tuple[float, float]:
    from playground.core.presets import load_preset
    from playground.training.trainer import Trainer

    exp = load_preset("transfer-fashion")
    exp.dataset.limit, exp.seed, exp.device = limit, seed, "cpu"
    if not transfer:
        exp.init_from = ""
        for layer in exp.layers:
            layer.frozen = False
    started = time.perf_counter()
    end = Trainer(exp, data_dir=str(root)).run()
    if end.status != "completed":
        raise RuntimeError(f"transfer benchmark run failed: {end.message}")
    return end.test_accuracy, time.perf_counter() - started


def section_transfer(ctx: dict) -> list[str]:
    from playground.core.presets import load_preset
    from playground.data.images import has_local_files

    root = ctx["root"]
    if ctx.get("synthetic") or not has_local_files("fashion-mnist", root):
        return ["## Transfer learning", "", "Skipped: no Fashion-MNIST files in PLAYGROUND_DATA_DIR.", ""]
    epochs = load_preset("transfer-fashion").epochs
    rows, raw = [], []
    for limit in LIMITS:
        results = {True: [], False: []}
        for seed in SEEDS:
            for transfer in (True, False):
                accuracy, seconds = _run(limit, seed, transfer, root)
                results[transfer].append(accuracy)
                raw.append(f"- {limit} images, seed {seed}, {'transfer' if transfer else 'from scratch'}: "
                           f"{100 * accuracy:.2f} % in {seconds:.0f} s")
                print(raw[-1], flush=True)
        pre, fresh = results[True], results[False]
        wins = sum(a > b for a, b in zip(pre, fresh, strict=True))
        rows.append(f"| {limit:,} ({int(limit * 0.9):,} to train) | {100 * statistics.mean(pre):.1f} % "
                    f"({', '.join(f'{100 * a:.1f}' for a in pre)}) | {100 * statistics.mean(fresh):.1f} % "
                    f"({', '.join(f'{100 * a:.1f}' for a in fresh)}) | "
                    f"{100 * (statistics.mean(pre) - statistics.mean(fresh)):+.1f} points | {wins} of {len(SEEDS)} |")
    return ["## Transfer learning (lesson 004)", "",
            "`transfer-fashion` (the bundled MNIST CNN's five convolution blocks, frozen, BatchNorm statistics "
            "kept; a new head Linear 64 → ReLU → Linear 10) against the same network from scratch (fresh He "
            f"initialisation, every layer learning), {epochs} epochs each, Adam 1e-3, batch 32, on the first "
            "Fashion-MNIST training images of each seed's shuffle (10 % held out). Test accuracy on the 10,000 "
            "Fashion-MNIST test images; the seed sets the split, the head's start and the batches.", "",
            "| Images | Transfer (mean; per seed) | From scratch (mean; per seed) | Difference | Transfer better |",
            "| --- | --- | --- | --- | --- |", *rows, "", *raw, ""]
