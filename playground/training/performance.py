"""How training uses this machine: PyTorch's threads and the memory layout of convolutional networks.

The choices follow the "Threads" section of benchmarks/RESULTS.md (one epoch of the seed MLP and
of simple-cnn with 1, 2 and all cores, channels_last on and off, headless and in the window):

- **Threads in the window**: all cores for a network with convolutions (its large kernels gain more
  from every core than the GUI thread loses: simple-cnn's epoch in the window 21.2 s with one
  thread, 17.5 s with two, event-loop p99 21 ms), otherwise all cores but one. PyTorch's default (one thread per core) lets its
  worker threads compete with the GUI thread for the last core; a thread that loses its core for a
  moment stalls the other (they wait for each other at the end of every operation), so the epoch
  slows and the window's paints come late. Headless (`playground train`) keeps PyTorch's default:
  nothing else there needs a core. `OMP_NUM_THREADS` (or `MKL_NUM_THREADS`) set by the person
  wins over both.
- **channels_last** for networks with convolutions, on the CPU: oneDNN's convolutions run on
  channels-last tensors without reordering them on every call, which made simple-cnn's epoch
  faster; an MNIST batch (one channel) is already in that layout, so no copy is made.
"""

from __future__ import annotations

import os

# Measured in benchmarks/RESULTS.md ("Threads"); the benchmark sets it to False for its "off" rows.
CHANNELS_LAST = True
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")
CONVOLUTIONS = ("Conv2d",)
_default_threads: int | None = None  # PyTorch's own count, before the window changed it


def window_threads(cores: int, convolutional: bool = False) -> int:
    """PyTorch threads for a run started from the window on a machine with `cores` cores."""
    return max(1, cores if convolutional else cores - 1)


def threads_set_by_user() -> bool:
    return any(os.environ.get(name) for name in THREAD_VARIABLES)


def use_window_threads(experiment=None) -> int | None:
    """Give PyTorch `window_threads` threads for `experiment` (or for a network without convolutions),
    counting cores as PyTorch does (physical ones); None where the person chose them with
    OMP_NUM_THREADS / MKL_NUM_THREADS. The window calls it when it loads the engine, and its training
    thread before every run."""
    global _default_threads
    if threads_set_by_user():
        return None
    import torch

    if _default_threads is None:
        _default_threads = torch.get_num_threads()
    convolutional = experiment is not None and any(layer.type in CONVOLUTIONS for layer in experiment.layers)
    threads = window_threads(_default_threads, convolutional)
    torch.set_num_threads(threads)
    return threads


def wants_channels_last(model, device) -> bool:
    """True for a network with a 2-D convolution trained on the CPU."""
    import torch

    return (CHANNELS_LAST and device.type == "cpu"
            and any(isinstance(module, torch.nn.Conv2d) for module in model.modules()))
