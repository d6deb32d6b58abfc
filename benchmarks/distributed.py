"""Section `distributed`: the script of `playground export-code --distributed` run as one process and
under torchrun with 1 and 2 processes (and one per GPU where there are GPUs): its epoch time and the
validation accuracy rank 0 reports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.accuracy import mnist_root
from benchmarks.common import median

EPOCHS = 2
EPOCH_LINE = re.compile(r"^epoch (\d+)/\d+ .*val accuracy (\d+\.\d+)%\s+(\d+\.\d+) s$")


def run_script(script: Path, processes: int | None, threads: int, device: str, data: Path) -> dict:
    """One run: `python script` (processes None) or `torchrun --standalone --nproc_per_node=N script`."""
    launcher = [] if processes is None else ["-m", "torch.distributed.run", "--standalone",
                                             f"--nproc_per_node={processes}"]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    proc = subprocess.run([sys.executable, *launcher, str(script), "--epochs", str(EPOCHS), "--device", device,
                           "--data-dir", str(data), "--out", ""],
                          capture_output=True, text=True, cwd=script.parent, env=env, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"{script.name} on {processes} process(es) failed: {proc.stderr[-2000:]}")
    epochs = [EPOCH_LINE.match(line.strip()) for line in proc.stdout.splitlines()]
    epochs = [m for m in epochs if m]
    if len(epochs) != EPOCHS:  # every process but rank 0 prints nothing: one line per epoch
        raise RuntimeError(f"expected {EPOCHS} epoch lines from rank 0, got: {proc.stdout[-2000:]}")
    # the first epoch also warms up (the first batches, the process group's first exchanges)
    return {"seconds": float(epochs[-1].group(3)), "accuracy": float(epochs[-1].group(2))}


def section_distributed(ctx: dict) -> list[str]:
    import torch

    from playground.core.codegen import experiment_to_script
    from playground.core.presets import load_preset

    data = mnist_root()
    if data is None:
        return ["## The exported script on several processes", "", "Skipped: no MNIST files.", ""]
    cores = os.cpu_count() or 1
    configs = [("`python train.py`", None, 1, "cpu"), ("`python train.py`", None, cores, "cpu"),
               ("`torchrun --nproc_per_node=1`", 1, 1, "cpu"), ("`torchrun --nproc_per_node=2`", 2, 1, "cpu")]
    if torch.cuda.is_available():
        gpus = torch.cuda.device_count()
        configs += [("`python train.py --device cuda`", None, 1, "cuda"),
                    (f"`torchrun --nproc_per_node={gpus} --device cuda` (NCCL)", gpus, 1, "cuda")]
    out = ["## The exported script on several processes", "",
           "`playground export-code --distributed` for the preset, run on the local MNIST files for "
           f"{EPOCHS} epochs, each run in turn, medians of {ctx['repeats']}; the time is the last epoch's "
           "(training and validation) as rank 0 prints it, with the validation accuracy it prints (summed "
           "over the processes). torchrun's processes take 64 images each per step, so 2 processes take "
           f"half the steps of one. Threads per process: `OMP_NUM_THREADS`. This machine: {cores} CPUs.", "",
           "| model | run | processes × threads | epoch, s | ÷ one process | validation accuracy |",
           "| --- | --- | --- | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as tmp:
        for kind, preset in (("mlp", "seed-mlp"), ("cnn", "simple-cnn")):
            script = Path(tmp) / f"{preset.replace('-', '_')}.py"
            script.write_text(experiment_to_script(load_preset(preset), distributed=True), encoding="utf-8")
            results: dict[int, list[dict]] = {}
            for _ in range(ctx["repeats"]):
                for i, (_text, processes, threads, device) in enumerate(configs):
                    results.setdefault(i, []).append(run_script(script, processes, threads, device, data))
            base = median([r["seconds"] for r in results[0]])
            for i, (text, processes, threads, _device) in enumerate(configs):
                seconds = median([r["seconds"] for r in results[i]])
                accuracy = median([r["accuracy"] for r in results[i]])
                out.append(f"| {kind} | {text} | {processes or 1} × {threads} | {seconds:.2f} | "
                           f"{seconds / base:.2f} | {accuracy:.2f} % |")
                if processes == 2:
                    ctx.setdefault("summary", {})[f"ddp_{kind}"] = (base, seconds)
            print(f"distributed {kind}: {[(c[0], median([r['seconds'] for r in results[i]])) for i, c in enumerate(configs)]}",
                  flush=True)
    return out + ["", "With two processes each trains on half the images in batches of 64 and they average their "
                  "gradients after every step (gloo, through memory), so an epoch has half the steps, each of 128 "
                  "images: the accuracy after an epoch differs a little from one process's for that reason. "
                  "Several threads in one process (`1 × 2`) and two single-thread processes share the same cores "
                  "differently; the busier the machine, the more a thread that waits for its partner costs.", ""]
