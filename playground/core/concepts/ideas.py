"""The general ideas of the course (epoch, batch, backpropagation, ...): key → (title, summary,
formula, explanation, related). Topics with many entries of their own get a module beside this one."""

from __future__ import annotations

from playground.core.concepts.health import HEALTH_IDEAS
from playground.i18n import QT_TRANSLATE_NOOP

# ---------------------------------------------------------------------------- the general ideas
# key → (title, summary, formula, explanation, related)
IDEAS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "weights": (
        QT_TRANSLATE_NOOP("Concepts", "Weights and bias"),
        QT_TRANSLATE_NOOP("Concepts", "The numbers a network learns."),
        "y = f(w₁x₁ + w₂x₂ + … + wₙxₙ + b)",
        QT_TRANSLATE_NOOP("Concepts", "A neuron multiplies each input by a weight, adds the products and a bias "
                          "b, and passes the sum through an activation function f. The weights and biases are "
                          "the parameters: training adjusts them, and the network view counts them for every "
                          "layer."),
        ("layer:Linear", "idea:activation", "idea:gradient-descent"),
    ),
    "layers": (
        QT_TRANSLATE_NOOP("Concepts", "Input, hidden and output layers"),
        QT_TRANSLATE_NOOP("Concepts", "How a network is stacked."),
        "784 → 128 → 64 → 10",
        QT_TRANSLATE_NOOP("Concepts", "The input layer is the data itself: an MNIST image is 1×28×28 = 784 pixel "
                          "values. The hidden layers are everything in between; they learn intermediate "
                          "features such as strokes and curves. The output layer has one neuron per class (10 "
                          "digits) or per value to predict. The seed MLP has two hidden layers, of 128 and 64 "
                          "neurons."),
        ("idea:weights", "layer:Linear", "layer:Flatten"),
    ),
    "activation": (
        QT_TRANSLATE_NOOP("Concepts", "Activation function"),
        QT_TRANSLATE_NOOP("Concepts", "The nonlinearity after a layer."),
        "h = f(W·x + b)",
        QT_TRANSLATE_NOOP("Concepts", "A nonlinear function applied to a layer's outputs. Without one, a stack "
                          "of Linear layers collapses into a single linear function and can only draw straight "
                          "decision boundaries. ReLU is the usual choice for hidden layers; Sigmoid and Softmax "
                          "turn outputs into probabilities."),
        ("layer:ReLU", "layer:Sigmoid", "layer:Tanh", "layer:Softmax"),
    ),
    "loss": (
        QT_TRANSLATE_NOOP("Concepts", "Loss function"),
        QT_TRANSLATE_NOOP("Concepts", "One number that says how wrong the network is."),
        "L(ŷ, y)",
        QT_TRANSLATE_NOOP("Concepts", "Compares the network's predictions ŷ with the targets y and returns one "
                          "number: small when they agree. Training searches for the weights that make it "
                          "small, and the loss plot shows it falling. Classification uses cross-entropy; "
                          "regression uses mean squared error."),
        ("loss:cross_entropy", "loss:mse", "idea:gradient-descent"),
    ),
    "forward": (
        QT_TRANSLATE_NOOP("Concepts", "Forward pass"),
        QT_TRANSLATE_NOOP("Concepts", "From the input to the prediction."),
        "ŷ = f₃(f₂(f₁(x)))",
        QT_TRANSLATE_NOOP("Concepts", "The input goes through the layers in order, each computing its output "
                          "from the one before, up to the prediction ŷ and the loss. In PyTorch: "
                          "output = model(x), loss = loss_fn(output, y)."),
        ("idea:backprop", "idea:loss"),
    ),
    "backprop": (
        QT_TRANSLATE_NOOP("Concepts", "Backpropagation"),
        QT_TRANSLATE_NOOP("Concepts", "How every weight's gradient is computed."),
        "∂L/∂w = ∂L/∂y · ∂y/∂w",
        QT_TRANSLATE_NOOP("Concepts", "Starting from the loss, goes backwards through the layers and applies "
                          "the chain rule at each one, which gives the gradient of the loss with respect to "
                          "every weight in one sweep. In PyTorch: loss.backward(). The One step tab shows the "
                          "gradients of a single batch."),
        ("idea:forward", "idea:gradient", "idea:gradient-descent"),
    ),
    "gradient": (
        QT_TRANSLATE_NOOP("Concepts", "Gradient"),
        QT_TRANSLATE_NOOP("Concepts", "Which way, and how steeply, the loss rises."),
        "g = ∂L/∂w",
        QT_TRANSLATE_NOOP("Concepts", "How much the loss changes when one weight changes a little. Its sign "
                          "says which way is uphill, so gradient descent moves each weight the opposite way. "
                          "Gradients near zero in a layer mean that layer has almost stopped learning (see the "
                          "Layers tab)."),
        ("idea:backprop", "idea:gradient-descent"),
    ),
    "gradient-descent": (
        QT_TRANSLATE_NOOP("Concepts", "Gradient descent"),
        QT_TRANSLATE_NOOP("Concepts", "Small steps downhill on the loss."),
        "w ← w − η·∂L/∂w",
        QT_TRANSLATE_NOOP("Concepts", "Repeat for every batch: compute the loss (forward pass), compute the "
                          "gradients (backpropagation), and move every weight a small step against its "
                          "gradient. In PyTorch: optimizer.zero_grad(); loss.backward(); optimizer.step(). The "
                          "optimizers (SGD, Adam, ...) differ in how they choose the step."),
        ("idea:learning-rate", "optimizer:sgd", "optimizer:adam"),
    ),
    "learning-rate": (
        QT_TRANSLATE_NOOP("Concepts", "Learning rate"),
        QT_TRANSLATE_NOOP("Concepts", "The size of each step."),
        "w ← w − η·g",
        QT_TRANSLATE_NOOP("Concepts", "The step size η. Too small and training crawls; too large and the loss "
                          "jumps around or explodes (NaN). Try values a factor of 10 apart (0.1, 0.01, 0.001): "
                          "Adam usually works with 0.001, SGD with 0.01 to 0.1. A schedule can lower it during "
                          "training."),
        ("idea:gradient-descent", "scheduler:step", "scheduler:cosine"),
    ),
    "loss-surface": (
        QT_TRANSLATE_NOOP("Concepts", "Loss surface"),
        QT_TRANSLATE_NOOP("Concepts", "The loss over every possible setting of the weights."),
        "L(w, b) = Σᵢ (w·xᵢ + b − yᵢ)²\nη < 2 / λ_max",
        QT_TRANSLATE_NOOP("Concepts", "The line y = w·x + b has only two numbers to learn, so its loss can be "
                          "drawn as a map over the (w, b) plane. For a squared error the map is a bowl, a long "
                          "valley, and its lowest point is the least-squares line. Gradient descent starts "
                          "somewhere on the map and steps downhill against the gradient, each step η times the "
                          "gradient long. The valley is steep across (large x values make w sensitive) and "
                          "flat along it: a step too long for the steep side jumps over the valley and lands "
                          "higher every time, and the loss blows up. The largest safe learning rate is 2 divided "
                          "by the steepest curvature λ_max of the bowl. To watch it, open the Linear regression "
                          "preset and the 2-D playground tab: the map with its lowest point (★), the path drawn "
                          "as the line learns, and after Step the last update as an arrow."),
        ("loss:sse", "idea:gradient-descent", "idea:learning-rate"),
    ),
    "batch": (
        QT_TRANSLATE_NOOP("Concepts", "Batch"),
        QT_TRANSLATE_NOOP("Concepts", "The examples behind one step."),
        "g = (1/B)·Σᵢ ∇Lᵢ",
        QT_TRANSLATE_NOOP("Concepts", "Training looks at a small group of B examples at a time (a mini-batch) "
                          "and averages their gradients for one step. Larger batches give smoother but fewer "
                          "steps per epoch; 32 to 128 are common. The faint line in the loss plot is the loss of "
                          "each batch."),
        ("idea:epoch", "idea:gradient-descent"),
    ),
    "epoch": (
        QT_TRANSLATE_NOOP("Concepts", "Epoch"),
        QT_TRANSLATE_NOOP("Concepts", "One pass over the training data."),
        QT_TRANSLATE_NOOP("Concepts", "steps per epoch = ⌈N / B⌉"),
        QT_TRANSLATE_NOOP("Concepts", "One pass over the whole training set. With N training examples and "
                          "batch size B, an epoch takes ⌈N / B⌉ steps. After every epoch the network is checked "
                          "on the validation data, which gives one point of the accuracy plot."),
        ("idea:batch", "idea:validation"),
    ),
    "validation": (
        QT_TRANSLATE_NOOP("Concepts", "Validation and test data"),
        QT_TRANSLATE_NOOP("Concepts", "Data kept aside to check the network honestly."),
        QT_TRANSLATE_NOOP("Concepts", "data = training + validation + test"),
        QT_TRANSLATE_NOOP("Concepts", "Part of the data is never trained on. The validation data is checked "
                          "after every epoch, to see how well the network does on examples it has not seen and "
                          "to choose settings; the test data is used once, at the end, for the final score."),
        ("idea:overfitting", "idea:accuracy"),
    ),
    "accuracy": (
        QT_TRANSLATE_NOOP("Concepts", "Accuracy"),
        QT_TRANSLATE_NOOP("Concepts", "The share of correct answers."),
        QT_TRANSLATE_NOOP("Concepts", "accuracy = correct answers / examples"),
        QT_TRANSLATE_NOOP("Concepts", "The fraction of examples whose highest-scoring class is the true one. "
                          "The dashed line in the accuracy plot is the accuracy before training: about 10% for "
                          "ten classes, which is guessing."),
        ("idea:validation", "loss:cross_entropy"),
    ),
    "overfitting": (
        QT_TRANSLATE_NOOP("Concepts", "Overfitting"),
        QT_TRANSLATE_NOOP("Concepts", "Learning the training data by heart."),
        QT_TRANSLATE_NOOP("Concepts", "training loss ↓ while validation loss ↑"),
        QT_TRANSLATE_NOOP("Concepts", "The network memorizes the training examples, noise included, instead of "
                          "the general pattern: the training loss keeps falling while the validation loss rises. "
                          "Remedies: more data, a smaller network, dropout, weight decay, or stopping earlier."),
        ("layer:Dropout", "idea:regularization", "idea:validation"),
    ),
    "regularization": (
        QT_TRANSLATE_NOOP("Concepts", "Regularization (L1, L2, weight decay)"),
        QT_TRANSLATE_NOOP("Concepts", "A penalty for large weights."),
        "L₂: L + λ·Σw²\nL₁: L + λ·Σ|w|",
        QT_TRANSLATE_NOOP("Concepts", "Adds a penalty for large weights to the loss, which keeps the network "
                          "simpler and reduces overfitting. L2 (weight decay) shrinks all weights a little at "
                          "every step; L1 pushes many of them to exactly 0."),
        ("idea:overfitting", "optimizer:adamw", "layer:Dropout"),
    ),
    "normalization": (
        QT_TRANSLATE_NOOP("Concepts", "Normalization"),
        QT_TRANSLATE_NOOP("Concepts", "Bringing values to mean 0 and spread 1."),
        "x̂ = (x − μ) / σ",
        QT_TRANSLATE_NOOP("Concepts", "Shifts and scales values to mean 0 and standard deviation 1, which makes "
                          "training faster and steadier. MNIST pixels are normalized with the training set's "
                          "mean and standard deviation before they reach the network; BatchNorm and LayerNorm "
                          "do the same inside it."),
        ("layer:BatchNorm", "layer:LayerNorm"),
    ),
    "long-memory": (
        QT_TRANSLATE_NOOP("Concepts", "Long-range memory"),
        QT_TRANSLATE_NOOP("Concepts", "Remembering an input many steps later."),
        "∂h_T/∂h₁ = ∂h_T/∂h_T₋₁ · … · ∂h₂/∂h₁",
        QT_TRANSLATE_NOOP("Concepts", "A recurrent network reads a sequence one step at a time and must carry "
                          "what matters in its hidden state h until it answers. A plain RNN rewrites h at every "
                          "step through tanh(W·x + U·h), so an early input fades under each new one, and the "
                          "gradient that would teach it to keep that input is a product of one factor per step: "
                          "mostly smaller than 1, it vanishes over a few dozen steps. The long-memory data shows "
                          "it: the class is in the first 3 of T steps and the rest is noise. As T grows past "
                          "about 30 the RNN stays at chance (25%), while LSTM and GRU, whose gates hold the "
                          "memory, still learn."),
        ("layer:RNN", "layer:LSTM", "idea:gates"),
    ),
    "gates": (
        QT_TRANSLATE_NOOP("Concepts", "LSTM and GRU gates"),
        QT_TRANSLATE_NOOP("Concepts", "Learned switches that decide what to keep, write and show."),
        "f = σ(W_f·xₜ + U_f·hₜ₋₁ + b_f)\ncₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ)\nGRU: hₜ = z⊙hₜ₋₁ + (1 − z)⊙h̃ₜ",
        QT_TRANSLATE_NOOP("Concepts", "A gate is a sigmoid between 0 and 1 that multiplies a signal: 0 blocks "
                          "it, 1 lets it through, and the network learns when to open it. The LSTM keeps a "
                          "memory cell c beside h: the forget gate f sets how much of the old cell survives each "
                          "step, the input gate i how much new content g is written, the output gate o how much "
                          "of the cell is shown as h. The cell is carried on by a multiplication with f and an "
                          "addition, not squashed through tanh at every step, so with f near 1 the memory and its "
                          "gradient cross many steps almost unchanged. The GRU does the same with two gates: the "
                          "update gate z keeps part of the old state and fills the rest with a candidate h̃, and "
                          "the reset gate r decides how much of the old state the candidate sees. PyTorch starts "
                          "f and z half open (bias 0); the lstm-long and gru-long presets start them at bias 3 "
                          "(σ(3) ≈ 0.95), so the memory lasts from the first step."),
        ("layer:LSTM", "layer:GRU", "idea:long-memory"),
    ),
    "residual": (
        QT_TRANSLATE_NOOP("Concepts", "Residual block (skip connection)"),
        QT_TRANSLATE_NOOP("Concepts", "A shortcut around a few layers, added back to their output."),
        "y = F(x) + x",
        QT_TRANSLATE_NOOP("Concepts", "A deep stack of layers is hard to train: on the way back the gradient is "
                          "multiplied by every layer's slope and can fade to almost nothing before it reaches the "
                          "first layers (try deep-sigmoid). A residual block lets the input x skip past a few "
                          "layers F and adds it to their output: y = F(x) + x. The addition passes the gradient "
                          "back unchanged along the skip, so even the first layers learn, and F only has to learn "
                          "a correction, starting from \"leave x as it is\". This is the idea of ResNet (2015), "
                          "which trained networks of 152 layers. Add a Residual block from the palette, or select "
                          "some blocks and choose \"Wrap in a residual block\"; residual-mlp and mini-resnet show "
                          "it on MNIST."),
        ("layer:Add", "layer:Concat", "idea:gradient"),
    ),
}


# topics with a module of their own
IDEAS.update(HEALTH_IDEAS)
from playground.core.concepts.training_aids import TRAINING_AIDS  # noqa: E402 (a topic of its own)

IDEAS.update(TRAINING_AIDS)
