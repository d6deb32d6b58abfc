"""How training uses this machine: PyTorch's threads and the memory layout of convolutional networks.

The choices follow the "Threads" section of benchmarks/RESULTS.md (one epoch of the seed MLP and
of simple-cnn with 1, 2 and all cores, channels_last on and off, headless and in the window):

- **Threads in the window**: all cores but one. PyTorch's default (one thread per core) lets its
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
_window_threads: int | None = None


def window_threads(cores: int) -> int:
    """PyTorch threads for a run started from the window on a machine with `cores` cores."""
    return max(1, cores - 1)


def threads_set_by_user() -> bool:
    return any(os.environ.get(name) for name in THREAD_VARIABLES)


def use_window_threads() -> int | None:
    """Give PyTorch `window_threads` threads, counting cores as PyTorch does (physical ones); None where
    the person chose them with OMP_NUM_THREADS / MKL_NUM_THREADS. Once per process: the window calls it
    when it loads the engine."""
    global _window_threads
    if threads_set_by_user():
        return None
    import torch

    if _window_threads is None:
        _window_threads = window_threads(torch.get_num_threads())
    torch.set_num_threads(_window_threads)
    return _window_threads


def wants_channels_last(model, device) -> bool:
    """True for a network with a 2-D convolution trained on the CPU."""
    import torch

    return (CHANNELS_LAST and device.type == "cpu"
            and any(isinstance(module, torch.nn.Conv2d) for module in model.modules()))
