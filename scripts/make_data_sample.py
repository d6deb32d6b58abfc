"""Draw the built-in data sample (resources/data/) from the official MNIST and Fashion-MNIST files.

For each dataset: 600 training images of every class (6,000) from the official training files and
100 test images of every class (1,000) from the official test files (t10k), chosen at random with
a fixed seed, in a shuffled order, written as gzip IDX like the official files. Rerunning it on the
same files gives the same bytes (the gzip header holds no time or name).

The source is a folder in torchvision's layout (<source>/MNIST/raw/train-images-idx3-ubyte, ...,
plain or .gz), by default $PLAYGROUND_DATA_DIR. Any subset of the official training files works:
the committed sample of MNIST was drawn from a 10,000-image subset of the official training set
(about 1,000 per digit) and from the official t10k test set; Fashion-MNIST from its full official
files. resources/data/README.md records this; keep it in step when the source changes.

    python scripts/make_data_sample.py [--source DIR] [--out resources/data] [--seed 17]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.data.sample import (  # noqa: E402
    FOLDERS,
    SAMPLE_TEST,
    SAMPLE_TRAIN,
    SPLIT_FILES,
    read_idx,
    write_idx_gz,
)

SEED = 17
CLASSES = 10


def read_source(raw: Path, filename: str) -> np.ndarray:
    for candidate in (raw / filename, raw / f"{filename}.gz"):
        if candidate.is_file():
            return read_idx(candidate)
    raise SystemExit(f"make_data_sample: {raw / filename} (or .gz) not found")


def balanced_choice(labels: np.ndarray, total: int, rng: np.random.Generator) -> np.ndarray:
    """`total // CLASSES` indices of every class, drawn without replacement, in a shuffled order."""
    per_class = total // CLASSES
    chosen = []
    for label in range(CLASSES):
        candidates = np.flatnonzero(labels == label)
        if len(candidates) < per_class:
            raise SystemExit(f"make_data_sample: only {len(candidates)} images of class {label}, need {per_class}")
        chosen.append(rng.choice(candidates, per_class, replace=False))
    return rng.permutation(np.concatenate(chosen))


def make(name: str, source: Path, out: Path, seed: int) -> list[Path]:
    raw = source / FOLDERS[name] / "raw"
    folder = out / FOLDERS[name]
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng([seed, list(FOLDERS).index(name)])  # each dataset its own draw
    written = []
    for train, total in ((True, SAMPLE_TRAIN), (False, SAMPLE_TEST)):
        images_file, labels_file = SPLIT_FILES[train]
        pictures, labels = read_source(raw, images_file), read_source(raw, labels_file)
        order = balanced_choice(labels, total, rng)
        for filename, array in ((images_file, pictures[order]), (labels_file, labels[order])):
            path = folder / f"{filename}.gz"
            write_idx_gz(path, array)
            written.append(path)
        print(f"{FOLDERS[name]} {'train' if train else 'test'}: {len(order):,} of {len(labels):,} images "
              f"from {raw}")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=os.environ.get("PLAYGROUND_DATA_DIR"),
                        help="folder with MNIST/raw and FashionMNIST/raw (default: $PLAYGROUND_DATA_DIR)")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "data")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.source is None:
        parser.error("give --source or set PLAYGROUND_DATA_DIR")
    for name in FOLDERS:
        written = make(name, args.source, args.out, args.seed)
        size = sum(p.stat().st_size for p in written)
        print(f"{FOLDERS[name]}: {size / 1e6:.2f} MB")
        for path in written:
            print(f"  {hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
