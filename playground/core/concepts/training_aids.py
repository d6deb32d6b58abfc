"""Help → Concepts for lessons 002 and 004's training aids: augmentation, transfer learning, freezing,
gradient clipping and learning-rate schedules. Merged into `ideas.IDEAS`."""

from __future__ import annotations

from playground.i18n import QT_TRANSLATE_NOOP

# key → (title, summary, formula, explanation, related)
TRAINING_AIDS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "augmentation": (
        QT_TRANSLATE_NOOP("Concepts", "Data augmentation"),
        QT_TRANSLATE_NOOP("Concepts", "New training images from old ones, made fresh every time."),
        "x̃ = T_θ(x),  θ ~ random (rotation, shift, scale, stroke, blur, flip)",
        QT_TRANSLATE_NOOP("Concepts", "Every time a training image is used it is distorted a little, at random: "
                          "turned, moved, zoomed, its strokes made thicker or thinner, blurred, and for clothing "
                          "mirrored left-right (never for digits: a mirrored 2 is not a 2). The label stays the "
                          "same, so the network has to learn what does not change when a digit is drawn "
                          "differently, and it overfits less. Validation and test images are never distorted. "
                          "The preview under Augmentation shows 16 images exactly as the network receives them. "
                          "Train cnn-augmented and simple-cnn, then draw your own digits: the augmented one reads "
                          "mouse strokes better."),
        ("idea:overfitting", "idea:transfer-learning"),
    ),
    "transfer-learning": (
        QT_TRANSLATE_NOOP("Concepts", "Transfer learning"),
        QT_TRANSLATE_NOOP("Concepts", "Start from a network trained on another task."),
        "W⁽⁰⁾ = W_pretrained (matching layers),  new head: W⁽⁰⁾ random",
        QT_TRANSLATE_NOOP("Concepts", "The first layers of a trained CNN detect edges, strokes and textures that "
                          "are useful for other images too. Transfer learning copies those weights into a new "
                          "network (File → Start from trained weights…: each layer takes the weights of the next "
                          "layer of the checkpoint with the same type and shape), freezes them, and trains only a "
                          "new head — the last layers — for the new classes. It helps when the old task is close "
                          "to the new one and data is scarce; it can also hurt: measured here, the MNIST CNN's "
                          "frozen convolutions give Fashion-MNIST less than training from scratch. The transfer-fashion preset reuses the bundled MNIST CNN's "
                          "convolutions for Fashion-MNIST."),
        ("idea:freezing", "idea:augmentation"),
    ),
    "freezing": (
        QT_TRANSLATE_NOOP("Concepts", "Freezing layers"),
        QT_TRANSLATE_NOOP("Concepts", "Layers that keep their weights while the rest trains."),
        "param.requires_grad = False  ⇒  w ← w",
        QT_TRANSLATE_NOOP("Concepts", "A frozen layer gets no gradient and is not given to the optimizer, so "
                          "its weights stay exactly as they were (untick Train this layer, or right-click → "
                          "Freeze up to here). A pitfall: BatchNorm also keeps running averages of the mean and "
                          "variance, and in training mode it updates them from every batch even when its "
                          "weights are frozen — the pretrained statistics drift towards the new data and the "
                          "frozen features change after all. NN Playground keeps frozen BatchNorm layers in "
                          "evaluation mode, as the exported script does (layer.eval() after model.train())."),
        ("idea:transfer-learning", "layer:BatchNorm"),
    ),
    "clipping": (
        QT_TRANSLATE_NOOP("Concepts", "Gradient clipping"),
        QT_TRANSLATE_NOOP("Concepts", "A cap on the length of the gradient."),
        "‖g‖ = √(Σ gᵢ²);  if ‖g‖ > c:  g ← g · c / ‖g‖",
        QT_TRANSLATE_NOOP("Concepts", "Before each step the lengths of all gradients are combined into one "
                          "norm ‖g‖. If it is above the maximum c, every gradient is scaled down by the same "
                          "factor so the norm equals c: the direction stays, the step gets shorter. It keeps a "
                          "single bad batch (or an exploding recurrent network) from throwing the weights far "
                          "away (lesson 002: torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)). "
                          "The training panel says after each epoch in how many batches it clipped: in almost "
                          "all of them, the cap is tighter than it needs to be and slows learning."),
        ("idea:gradient-descent", "idea:learning-rate"),
    ),
    "schedules": (
        QT_TRANSLATE_NOOP("Concepts", "Learning-rate schedules"),
        QT_TRANSLATE_NOOP("Concepts", "A learning rate that changes during the run."),
        "StepLR: ηₜ = η·γ^⌊t/s⌋   ExponentialLR: ηₜ = η·γᵗ\n"
        "Cosine: ηₜ = ½·η·(1 + cos(π·t/T))\n"
        "OneCycle: η_max/25 → η_max (first 30 %) → η_max/250,000",
        QT_TRANSLATE_NOOP("Concepts", "Large steps help early, when the weights are far from good; small steps "
                          "help late, to settle into a minimum. A schedule lowers the learning rate as training "
                          "goes on (t counts epochs; OneCycle counts batches). The training panel draws the "
                          "learning rate of every batch of the run for the current settings before you press "
                          "Train, and the loss plot shows the rate actually used (dashed, right axis) beside the "
                          "loss."),
        ("scheduler:step", "scheduler:exponential", "scheduler:cosine", "scheduler:onecycle",
         "idea:learning-rate"),
    ),
}
