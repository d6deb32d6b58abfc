"""Explanations for learners: every block, loss, optimizer and scheduler, and the ideas around them.

The Help panel (playground/ui/help_panel.py) shows these; tooltips point to it. Each entry has a
formula: the catalog's own for catalog items (so the two never disagree), and its own for the
general ideas (epoch, batch, backpropagation, ...). The English texts are marked for translation
(see playground.i18n) and translated where they are shown.

Keys: "layer:ReLU", "loss:mse", "optimizer:adam", "scheduler:cosine", "idea:epoch". The general ideas
live in `ideas.py` (a topic with many entries gets its own module, merged into IDEAS there), the
explanations of catalog items in `blocks.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core import catalog
from playground.core.concepts.blocks import EXPLANATIONS
from playground.core.concepts.ideas import IDEAS
from playground.i18n import QT_TRANSLATE_NOOP

KINDS = ("idea", "layer", "loss", "optimizer", "scheduler")
KIND_TITLES = {
    "idea": QT_TRANSLATE_NOOP("Concepts", "Basics"),
    "layer": QT_TRANSLATE_NOOP("Concepts", "Blocks"),
    "loss": QT_TRANSLATE_NOOP("Concepts", "Losses"),
    "optimizer": QT_TRANSLATE_NOOP("Concepts", "Optimizers"),
    "scheduler": QT_TRANSLATE_NOOP("Concepts", "Learning-rate schedules"),
}


@dataclass(frozen=True)
class Concept:
    """One Help entry. Texts are English; each comes with the translation context it is filed under
    ("Catalog" or "Concepts"; "" for a name such as ReLU or Adam, which stays as it is)."""

    key: str
    kind: str  # one of KINDS
    title: str
    summary: str  # one line: the catalog's summary for catalog items
    formulas: tuple[tuple[str, str], ...]  # (context, formula), at least one
    explanation: str  # context "Concepts"
    related: tuple[str, ...] = ()  # keys of other concepts
    title_context: str = "Concepts"
    summary_context: str = "Concepts"


# formulas shown before the catalog's own, where one line does not tell the whole story
_EXTRA_FORMULAS = {
    "optimizer:adam": "m ← β₁·m + (1−β₁)·g,  v ← β₂·v + (1−β₂)·g²",
    "optimizer:adamw": "m ← β₁·m + (1−β₁)·g,  v ← β₂·v + (1−β₂)·g²",
    "layer:Conv2d": QT_TRANSLATE_NOOP("Concepts", "output size = (n + 2·padding − kernel) / stride + 1"),
    "loss:sse": "∂L/∂w = 2·Σ(ŷ − y)·x,  ∂L/∂b = 2·Σ(ŷ − y)",
    "scheduler:onecycle": "η₀ = η_max / 25,  η_end = η₀ / 10⁴\n"
                          "t ≤ 0.3·T:  ηₜ = η₀ + (η_max − η₀)·½(1 − cos(π·t / 0.3T))\n"
                          "t > 0.3·T:  ηₜ = η_end + (η_max − η_end)·½(1 + cos(π·(t − 0.3T) / 0.7T))",
}


def _catalog_items() -> list[tuple[str, str, str, str, str, str]]:
    """(key, kind, title, title context, summary, formula) for every catalog item."""
    items = [(f"layer:{t.name}", "layer", t.name, "", t.summary, t.formula) for t in catalog.LAYERS.values()]
    items += [(f"loss:{n}", "loss", t.label, "Catalog", t.summary, t.formula) for n, t in catalog.LOSSES.items()]
    items += [(f"optimizer:{n}", "optimizer", t.label, "", t.summary, t.formula)
              for n, t in catalog.OPTIMIZERS.items()]
    items += [(f"scheduler:{n}", "scheduler", t.label, "Catalog" if n == "none" else "", t.summary, t.formula)
              for n, t in catalog.SCHEDULERS.items()]
    return items


def all_concepts() -> list[Concept]:
    """Every concept: the basic ideas first, then blocks, losses, optimizers and schedules."""
    concepts = [Concept(f"idea:{key}", "idea", title, summary, tuple(("Concepts", f) for f in formula.split("\n")),
                        text, related)
                for key, (title, summary, formula, text, related) in IDEAS.items()]
    for key, kind, title, title_context, summary, formula in _catalog_items():
        text, related = EXPLANATIONS[key]
        extra = _EXTRA_FORMULAS.get(key)
        formulas = ((("Concepts", extra),) if extra else ()) + (("Catalog", formula),)
        concepts.append(Concept(key, kind, title, summary, formulas, text, related, title_context=title_context,
                                summary_context="Catalog"))
    return concepts


def concept_key(kind: str, name: str) -> str:
    """The key of a catalog item's concept: concept_key("layer", "ReLU") → "layer:ReLU"."""
    return f"{kind}:{name}"
