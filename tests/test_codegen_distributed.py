"""Code export for several processes (`export-code --distributed`): the same file runs as a plain script
and under torchrun, and the figures the first process prints are those of the whole job.

Each torchrun run starts its processes through a small launcher that makes `import playground` fail
(the script must not need the app), notes which process called `torch.save`, and which processes
reached the end of the script.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from helpers import DATA_DIR, requires_mnist
from test_codegen import assert_same_network, import_script, run_main

from playground.cli import main as cli_main
from playground.core.codegen import experiment_to_script
from playground.core.presets import load_preset, preset_names

LAUNCHER = '''\
import os, runpy, sys
import torch

sys.modules["playground"] = None  # the script must not need the app
rank = os.environ.get("RANK", "none")
save = torch.save


def spy(obj, path, *args, **kwargs):
    open(f"{path}.saved-by-rank-{rank}", "w").close()
    return save(obj, path, *args, **kwargs)


torch.save = spy
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
open(f"finished-rank-{rank}", "w").close()
'''
VAL_ACCURACY = re.compile(r"val accuracy (\d+\.\d+)%")


def write_distributed(preset: str, folder: Path) -> Path:
    path = folder / f"{preset.replace('-', '_')}_ddp.py"
    path.write_text(experiment_to_script(load_preset(preset), distributed=True), encoding="utf-8")
    return path


def torchrun(script: Path, processes: int | str, *args: str) -> tuple[subprocess.CompletedProcess, dict[int, str]]:
    """`torchrun --standalone --nproc_per_node=N` on the script (in its folder); the result and each
    process's stdout (torchrun writes them to log files with --redirects)."""
    folder = script.parent
    (folder / "launch.py").write_text(LAUNCHER, encoding="utf-8")
    logs = folder / "logs"
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={processes}",
         "--redirects", "3", "--log-dir", str(logs), "launch.py", script.name, *args],
        capture_output=True, text=True, timeout=600, cwd=folder)
    outputs = {int(log.parent.name): log.read_text(encoding="utf-8")
               for log in logs.glob("*/attempt_0/*/stdout.log")}
    return result, outputs


def val_accuracy(output: str) -> float:
    found = VAL_ACCURACY.findall(output)
    assert len(found) == 1, output
    return float(found[0])


def accuracy_of_saved_weights(script: Path, weights: Path, data_dir: str, limit: int) -> float:
    """The saved network's accuracy on the whole validation set, computed here in one process."""
    module = import_script(script)
    _train, val_set, _test = module.load_data(data_dir, limit)
    model = module.Net()
    model.load_state_dict(torch.load(weights, weights_only=True))
    loader = torch.utils.data.DataLoader(val_set, batch_size=1000)
    _loss, accuracy = module.evaluate(model, loader, torch.nn.CrossEntropyLoss(), torch.device("cpu"))
    return 100 * accuracy


# --------------------------------------------------------------------------- torchrun, CPU (gloo)


@requires_mnist
def test_seed_mlp_on_two_cpu_processes_reports_the_whole_jobs_accuracy_and_saves_once(tmp_path):
    script = write_distributed("seed-mlp", tmp_path)
    # 10,000 images: on fewer, one epoch at twice the batch lands further from the single process's
    args = ["--epochs", "1", "--limit", "10000", "--device", "cpu", "--data-dir", DATA_DIR]

    single = run_main(import_script(script), *args, "--out", str(tmp_path / "single.pt"))
    assert "epoch 1/1  train loss" in single and "processes" not in single
    assert (tmp_path / "single.pt").is_file()

    result, outputs = torchrun(script, 2, *args, "--out", "ddp.pt")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.glob("finished-rank-*")) == ["finished-rank-0", "finished-rank-1"]
    assert sorted(outputs) == [0, 1]
    assert "processes in the job: 2 (gloo), 64 images per batch in each, 128 per step" in outputs[0]
    assert outputs[0].count("epoch 1/1  train loss") == 1
    assert outputs[1] == ""  # the second process prints nothing: no second epoch line
    assert sorted(p.name for p in tmp_path.glob("ddp.pt*")) == ["ddp.pt", "ddp.pt.saved-by-rank-0"]

    printed = val_accuracy(outputs[0])
    assert abs(printed - val_accuracy(single)) <= 2.0, (outputs[0], single)
    # what rank 0 printed is the accuracy on the whole validation set (both halves, summed with
    # all_reduce), not on its own half: the saved weights give exactly that figure
    assert printed == pytest.approx(accuracy_of_saved_weights(script, tmp_path / "ddp.pt", DATA_DIR, 10000),
                                    abs=0.006)


def test_generated_data_trains_on_two_processes_without_files(tmp_path):
    script = write_distributed("spiral", tmp_path)
    result, outputs = torchrun(script, 2, "--epochs", "2", "--device", "cpu", "--out", "")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.glob("finished-rank-*")) == ["finished-rank-0", "finished-rank-1"]
    assert outputs[0].count("val accuracy") == 2 and "validation accuracy" in outputs[0]
    assert outputs[1] == ""
    assert not list(tmp_path.glob("*.saved-by-rank-*"))  # --out '': nothing saved


# --------------------------------------------------------------------------- torchrun, GPUs (NCCL)


@requires_mnist
@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device: the NCCL path needs one GPU per process")
def test_seed_mlp_on_one_process_per_gpu_uses_nccl(tmp_path):
    script = write_distributed("seed-mlp", tmp_path)
    gpus = torch.cuda.device_count()
    result, outputs = torchrun(script, gpus, "--epochs", "1", "--limit", "10000", "--device", "cuda",
                               "--data-dir", DATA_DIR, "--out", "ddp.pt")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(list(tmp_path.glob("finished-rank-*"))) == gpus
    assert f"processes in the job: {gpus} (nccl)" in outputs[0] and "device cuda:0" in outputs[0]
    assert all(outputs[rank] == "" for rank in range(1, gpus))
    assert [p.name for p in tmp_path.glob("*.saved-by-rank-*")] == ["ddp.pt.saved-by-rank-0"]
    assert val_accuracy(outputs[0]) == pytest.approx(
        accuracy_of_saved_weights(script, tmp_path / "ddp.pt", DATA_DIR, 10000), abs=0.006)


# --------------------------------------------------------------------------- the script itself


@pytest.mark.parametrize("preset", preset_names())
def test_every_presets_distributed_script_builds_the_apps_network(preset, tmp_path):
    exp = load_preset(preset)
    module = import_script(write_distributed(preset, tmp_path))
    assert_same_network(exp, module)
    assert module.BATCH_SIZE == exp.dataset.batch_size


def test_as_a_plain_script_it_trains_like_the_ordinary_export(tmp_path):
    """One process: no process group, and the same run as the script without --distributed."""
    exp = load_preset("spiral")
    plain = tmp_path / "plain.py"
    plain.write_text(experiment_to_script(exp), encoding="utf-8")
    ddp = write_distributed("spiral", tmp_path)
    args = ["--epochs", "3", "--device", "cpu"]
    ours = run_main(import_script(ddp), *args, "--out", str(tmp_path / "spiral.pt"))
    theirs = run_main(import_script(plain), *args)

    def figures(text: str) -> list[str]:
        return [re.sub(r"  \d+\.\d+ s$", "", line) for line in text.splitlines() if "loss" in line]

    assert figures(ours) == figures(theirs)
    assert not torch.distributed.is_initialized()
    assert (tmp_path / "spiral.pt").is_file()


def test_header_says_how_to_launch_on_one_machine_several_and_a_gpu_node():
    text = experiment_to_script(load_preset("seed-mlp"), distributed=True)
    header = text.split('"""', 2)[1]
    for line in ("torchrun --standalone --nproc_per_node=2 train.py",
                 "torchrun --standalone --nproc_per_node=gpu train.py --device cuda",
                 "--nnodes=2", "--rdzv-endpoint=HOST:29400", "BATCH_SIZE is the batch of ONE process"):
        assert line in header, line
    for call in ("dist.init_process_group(", "DistributedSampler(", "sampler.set_epoch(epoch)",
                 "DistributedDataParallel(model", "dist.all_reduce(", "dist.destroy_process_group()"):
        assert call in text, call
    assert "torchrun" not in experiment_to_script(load_preset("seed-mlp"))  # the ordinary export is unchanged


def test_cli_export_code_distributed(capsys):
    assert cli_main(["export-code", "--preset", "seed-mlp", "--distributed"]) == 0
    assert capsys.readouterr().out.strip() == experiment_to_script(load_preset("seed-mlp"), distributed=True).strip()
