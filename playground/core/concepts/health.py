"""Help → Concepts entries for gradient health (the network view's colours and the training panel's
warnings): key → (title, summary, formula, explanation, related), merged into `ideas.IDEAS`."""

from __future__ import annotations

from playground.i18n import QT_TRANSLATE_NOOP

HEALTH_IDEAS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "gradient-health": (
        QT_TRANSLATE_NOOP("Concepts", "Gradient health"),
        QT_TRANSLATE_NOOP("Concepts", "What the colours on the network view mean."),
        "‖g‖ = √(Σ gᵢ²)",
        QT_TRANSLATE_NOOP("Concepts", "While a network trains, every few batches the playground measures each "
                          "layer's gradient norm ‖g‖ (how strongly the loss pulls on its weights), its weight "
                          "norm ‖w‖ and the update ratio ‖Δw‖/‖w‖, and for activation layers the share of dead "
                          "or saturated units. The network view tints each layer on a log scale: turning blue "
                          "when its gradient is 10 or more times smaller than the strongest layer's (vanishing; "
                          "deep blue at 1,000 times), pale green when healthy, red when its norm is above 10 "
                          "(exploding). Hover a layer for its "
                          "figures; the small line beside it is its gradient norm over the run. playground "
                          "train --json writes the same figures for every epoch."),
        ("idea:vanishing-gradients", "idea:exploding-gradients", "idea:update-ratio", "idea:dead-relu",
         "idea:saturation"),
    ),
    "vanishing-gradients": (
        QT_TRANSLATE_NOOP("Concepts", "Vanishing gradients"),
        QT_TRANSLATE_NOOP("Concepts", "The gradient fades on its way back to the first layers."),
        "∂L/∂x₁ = ∂L/∂xₙ · f′(zₙ₋₁)·Wₙ₋₁ · … · f′(z₁)·W₁,   σ′(z) ≤ 0.25",
        QT_TRANSLATE_NOOP("Concepts", "Backpropagation multiplies the gradient by each layer's weights and by "
                          "the slope of each activation on its way from the loss to the input. A sigmoid's "
                          "slope is at most 0.25, so ten sigmoid layers shrink the gradient by a million or "
                          "more: the last layers learn, the first ones hardly move, and accuracy stays low. "
                          "The deep-sigmoid preset shows it: its first layer turns blue. Remedies: ReLU (slope "
                          "1 where active), careful initialisation, BatchNorm, and skip connections that give "
                          "the gradient a short way back."),
        ("layer:Sigmoid", "layer:ReLU", "layer:BatchNorm", "idea:gradient-health", "idea:saturation"),
    ),
    "exploding-gradients": (
        QT_TRANSLATE_NOOP("Concepts", "Exploding gradients"),
        QT_TRANSLATE_NOOP("Concepts", "The gradient grows until the steps throw the weights away."),
        "‖g‖ ≫ 1  →  w ← w − η·g overshoots",
        QT_TRANSLATE_NOOP("Concepts", "The same product of factors that makes gradients vanish makes them grow "
                          "when the factors are larger than 1: large weights, a learning rate that is too high, "
                          "or a long recurrent chain. Each step then overshoots further, the loss jumps up and "
                          "may become NaN. Lower the learning rate, turn on gradient clipping (it caps ‖g‖), "
                          "add BatchNorm, or use LSTM/GRU for sequences. Layers with a gradient norm above 10 "
                          "turn red on the network view."),
        ("idea:learning-rate", "idea:vanishing-gradients", "idea:gradient-health"),
    ),
    "dead-relu": (
        QT_TRANSLATE_NOOP("Concepts", "Dead ReLU units"),
        QT_TRANSLATE_NOOP("Concepts", "Units that output 0 for every input, and so stop learning."),
        "ReLU(z) = max(0, z),   ReLU′(z) = 0 for z < 0",
        QT_TRANSLATE_NOOP("Concepts", "A ReLU unit whose input is negative for every example outputs 0 and "
                          "passes no gradient back, so nothing pushes its weights out of that state: it is dead. "
                          "A few dead units are normal; when more than half of a layer is dead, the layer has "
                          "lost most of its width. A learning rate that is too high often causes it (one big "
                          "step pushes the bias far negative). Lower the learning rate, use LeakyReLU (a small "
                          "slope below 0), or BatchNorm before the ReLU. The bar on a ReLU row of the network "
                          "view shows the dead share."),
        ("layer:ReLU", "layer:LeakyReLU", "idea:learning-rate", "idea:gradient-health"),
    ),
    "saturation": (
        QT_TRANSLATE_NOOP("Concepts", "Saturated activations"),
        QT_TRANSLATE_NOOP("Concepts", "Sigmoid or Tanh outputs pinned near their limits, where the slope is 0."),
        "σ(z) < 0.03 or > 0.97,   |tanh(z)| > 0.97",
        QT_TRANSLATE_NOOP("Concepts", "Sigmoid and Tanh flatten out for large inputs: near 0 or 1 (Sigmoid), "
                          "near −1 or 1 (Tanh), their slope is almost 0, so the gradient that passes through "
                          "them is almost 0 too. A layer whose outputs are mostly saturated has stopped "
                          "learning, and the layers before it with it. Large weights or inputs cause it. Try "
                          "ReLU, BatchNorm before the activation, normalised inputs, or a lower learning rate. "
                          "The bar on a Sigmoid or Tanh row of the network view shows the saturated share."),
        ("layer:Sigmoid", "layer:Tanh", "idea:vanishing-gradients", "idea:gradient-health"),
    ),
    "update-ratio": (
        QT_TRANSLATE_NOOP("Concepts", "Update-to-weight ratio"),
        QT_TRANSLATE_NOOP("Concepts", "How much one step changes a layer's weights, relative to their size."),
        "‖Δw‖ / ‖w‖ ≈ 0.001",
        QT_TRANSLATE_NOOP("Concepts", "Divide the size of one step's change to a layer's weights by the size of "
                          "the weights. A rule of thumb says about 0.001 is healthy. Far above (0.1: each step "
                          "changes a tenth of the weights) the learning rate is too high and training jumps "
                          "around or diverges; far below (0.00001) it is too low, or the gradient has vanished, "
                          "and training crawls. Hover a layer on the network view to see its ratio."),
        ("idea:learning-rate", "idea:gradient-descent", "idea:gradient-health"),
    ),
}
