"""Code export, several processes: what `experiment_to_script(exp, distributed=True)` adds.

The script stays one file that runs as a plain `python train.py` (one process, the same run as the
ordinary export) and, unchanged, under `torchrun` on one machine, on several, or on a GPU node:
`init_process_group` from torchrun's environment (gloo between CPU processes, NCCL between GPUs),
`DistributedSampler` for the training images (`set_epoch` every epoch), the network wrapped in
`DistributedDataParallel`, every metric summed over the processes with `all_reduce` so the first
process prints the true figures for the whole set, only that process printing and saving the
weights, and `destroy_process_group` at the end.

`codegen` and `codegen_training` call the functions here where `distributed` is set; the ordinary
export never reaches this module. Pure string templating: no torch, no Qt.
"""

from __future__ import annotations

from string import Template

from playground.core.codegen_data import is_image
from playground.core.experiment import Experiment


def import_lines(exp: Experiment) -> list[str]:
    """A block of its own after the ordinary imports: what running on several processes needs."""
    return ["# several processes (torchrun)", "import os", "import time", "",
            "import torch.distributed as dist", "from torch.nn.parallel import DistributedDataParallel",
            *([] if is_image(exp) else ["from torch.utils.data import Subset"]),
            "from torch.utils.data.distributed import DistributedSampler"]


BATCH_NOTE = "per process: under torchrun each step of the job uses (processes) × BATCH_SIZE"


def launch_text(exp: Experiment) -> str:
    """The header's lines on running the script on several processes, machines or GPUs."""
    data = " --data-dir ./data" if is_image(exp) else ""
    options = " (add the options above)" if is_image(exp) else ""
    download = ("\nEach machine reads the data from its own --data-dir; the first process on each machine "
                "downloads it\nwhile the others wait.\n" if is_image(exp) else "")
    return Template('''\
The same file runs on several processes with torchrun (it comes with PyTorch). On one machine
(CPU processes talk over gloo; torchrun gives each OMP_NUM_THREADS=1 unless you set it):
    torchrun --standalone --nproc_per_node=2 train.py$data

On a GPU node, one process per GPU (they talk over NCCL):
    torchrun --standalone --nproc_per_node=gpu train.py --device cuda$data

On several machines, the same command on each (here 2 machines with 4 GPUs each); HOST is the
address of the first machine, reachable from the others on port 29400$options:
    torchrun --nnodes=2 --nproc_per_node=4 --rdzv-backend=c10d --rdzv-endpoint=HOST:29400 train.py --device cuda
$download
BATCH_SIZE is the batch of ONE process: with N processes each step averages the gradients of
N × BATCH_SIZE images (DistributedDataParallel), so an epoch has N times fewer steps; the learning
rate is not scaled for it. The first process (rank 0) alone prints, and its figures are summed over
all processes (the validation accuracy is that of the whole validation set); it alone saves the
weights (--out).''').substitute(data=data, download=download, options=options)


def reduce_line(names: list[str], indent: str = "    ") -> str:
    """`a, b = sum_over_processes([a, b], device)`: the totals of every process, before dividing."""
    joined = ", ".join(names)
    return f"{indent}{joined} = sum_over_processes([{joined}], device)\n"


def processes_section() -> str:
    """The functions that start, join and sum over the processes (after `pick_device`)."""
    return '''\
# ---------------------------------------------------------------------------- several processes
def start_processes(device_name):
    """(device, rank, world_size) of this process.

    Started by torchrun (which sets RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT for every
    process it starts), join the others: init_process_group reads those variables. GPUs: one GPU
    per process (LOCAL_RANK) and NCCL; CPUs: gloo. Started as `python train.py`: one process, rank 0.
    """
    device = pick_device(device_name)
    if "RANK" not in os.environ:
        return device, 0, 1
    if device.type == "cuda":
        device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
        torch.cuda.set_device(device)
    elif device.type == "mps":  # no backend passes MPS tensors between processes
        device = torch.device("cpu")
    dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    if dist.get_rank() != 0:
        print_nothing()
    return device, dist.get_rank(), dist.get_world_size()


def print_nothing():
    """One process reports for all: the others' print() does nothing (their errors still reach stderr)."""
    import builtins

    builtins.print = lambda *args, **kwargs: None


def sum_over_processes(values, device):
    """Each number summed over all processes (all_reduce), so every process sees the totals;
    the numbers themselves in a single process."""
    if not dist.is_initialized():
        return values
    totals = torch.tensor(values, dtype=torch.float64, device=device)
    dist.all_reduce(totals, op=dist.ReduceOp.SUM)
    return totals.tolist()


def shard(dataset, rank, world_size):
    """Every world_size-th sample from `rank` on: the processes share the evaluation of a set and each
    sample counts once (DistributedSampler would repeat samples to even out the parts)."""
    return Subset(dataset, range(rank, len(dataset), world_size))


def first_on_each_machine(load):
    """load() in the first process of each machine (it may download the data), then in the others."""
    first = int(os.environ.get("LOCAL_RANK", "0")) == 0
    if dist.is_initialized() and not first:
        dist.barrier()  # wait until the first process has the files
    result = load()
    if dist.is_initialized() and first:
        dist.barrier()
    return result
'''


def argument_lines() -> list[str]:
    return ['parser.add_argument("--out", default="model.pt",',
            '                    help="where the first process saves the trained weights (\'\' = nowhere)")']


def setup_lines(exp: Experiment, load: str) -> list[str]:
    """Replaces `device = pick_device(...)`, loading the data and making the training loader."""
    target, call = load.split(" = ", 1)
    if is_image(exp):
        load = f"{target} = first_on_each_machine(lambda: {call})"
    return [
        "device, rank, world_size = start_processes(args.device)",
        load,
        f"# each process trains on its own part of the {_samples(exp)}, in a new order every epoch (set_epoch)",
        "sampler = DistributedSampler(train_set, num_replicas=world_size, rank=rank, seed=SEED) if world_size > 1 else None",
        "train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=sampler is None, sampler=sampler,",
        "                          generator=torch.Generator().manual_seed(SEED))",
    ]


def evaluation_loader(name: str) -> str:
    """A loader over this process's part of `name` (val_set, test_set, train_set)."""
    return f"DataLoader(shard({name}, rank, world_size), batch_size=1000)"


def _samples(exp: Experiment) -> str:
    return "images" if is_image(exp) else "samples"


def wrap_lines(exp: Experiment) -> list[str]:
    """After `model.to(device)` and the 'training on' line: the processes, and the model DDP trains."""
    return [
        "if dist.is_initialized():",
        f'    print(f"processes in the job: {{world_size}} ({{dist.get_backend()}}), {{BATCH_SIZE}} {_samples(exp)} '
        'per batch in "',
        '          f"each, {world_size * BATCH_SIZE} per step")',
        "# DistributedDataParallel averages the gradients of all processes in backward(), so every copy",
        "# of the network takes the same step; evaluation and saving use the network itself",
        "trained = model",
        "if world_size > 1:",
        '    trained = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)',
    ]


EPOCH_START = ["    if sampler is not None:", "        sampler.set_epoch(epoch)",
               "    started = time.perf_counter()"]
EPOCH_TIME = '    message += f"  {time.perf_counter() - started:.2f} s"'


def end_lines() -> list[str]:
    return [
        "",
        "if rank == 0 and args.out:",
        "    torch.save(model.state_dict(), args.out)  # load with Net().load_state_dict(torch.load(path))",
        '    print(f"saved {args.out}")',
        "if dist.is_initialized():",
        "    dist.destroy_process_group()",
    ]
