"""Explanations for learners: every block, loss, optimizer and scheduler, and the ideas around them.

The Help panel (playground/ui/help_panel.py) shows these; tooltips point to it. Each entry has a
formula: the catalog's own for catalog items (so the two never disagree), and its own for the
general ideas (epoch, batch, backpropagation, ...). The English texts are marked for translation
(see playground.i18n) and translated where they are shown.

Keys: "layer:ReLU", "loss:mse", "optimizer:adam", "scheduler:cosine", "idea:epoch".
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core import catalog
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


# ---------------------------------------------------------------------------- the general ideas
# key → (title, summary, formula, explanation, related)
_IDEAS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
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
}

# ---------------------------------------------------------------------------- catalog items
# key → (explanation, related); the title, summary and formula come from the catalog.
_EXPLANATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "layer:Linear": (
        QT_TRANSLATE_NOOP("Concepts", "Each output is a weighted sum of all the inputs plus a bias; W holds one "
                          "row of weights per output neuron, so the layer has inputs × outputs + outputs "
                          "parameters. Two Linear layers with no activation between them are still one linear "
                          "function, which is why hidden layers are followed by an activation."),
        ("idea:weights", "idea:activation"),
    ),
    "layer:Conv2d": (
        QT_TRANSLATE_NOOP("Concepts", "A small filter (kernel) of learned weights slides over the image; at each "
                          "position it multiplies the pixels under it and adds them up, so the same detector is "
                          "used everywhere in the picture. Each filter gives one feature map (output channel). "
                          "Output size per side: (n + 2·padding − kernel) / stride + 1. It needs far fewer "
                          "weights than a Linear layer on the same image."),
        ("layer:MaxPool2d", "layer:Flatten"),
    ),
    "layer:MaxPool2d": (
        QT_TRANSLATE_NOOP("Concepts", "Cuts each feature map into k×k windows and keeps only the largest value "
                          "of each: with k = 2 the height and width are halved. It has no weights; it makes the "
                          "network cheaper and a little tolerant of small shifts of the input."),
        ("layer:Conv2d", "layer:AvgPool2d"),
    ),
    "layer:AvgPool2d": (
        QT_TRANSLATE_NOOP("Concepts", "Like max pooling, but keeps the average of each window: a smoother "
                          "summary of the region. It has no weights."),
        ("layer:MaxPool2d",),
    ),
    "layer:Flatten": (
        QT_TRANSLATE_NOOP("Concepts", "Lays the channels × height × width image out as one long vector so that "
                          "Linear layers can read it (1×28×28 → 784). Nothing is learned; the numbers are only "
                          "rearranged."),
        ("layer:Linear", "layer:Conv2d"),
    ),
    "layer:ReLU": (
        QT_TRANSLATE_NOOP("Concepts", "Keeps positive values and turns negative ones into 0. It is cheap, and its "
                          "gradient is 1 for every positive input, so deep networks train well with it: the "
                          "usual choice for hidden layers. A neuron whose input stays negative always outputs 0 "
                          "and stops learning (a \"dead\" ReLU)."),
        ("idea:activation", "layer:LeakyReLU"),
    ),
    "layer:LeakyReLU": (
        QT_TRANSLATE_NOOP("Concepts", "Like ReLU, but negative inputs keep a small slope (0.01 by default) "
                          "instead of becoming 0, so a neuron never stops passing gradient back."),
        ("layer:ReLU",),
    ),
    "layer:ELU": (
        QT_TRANSLATE_NOOP("Concepts", "The identity for positive inputs and a smooth exponential curve towards −α "
                          "for negative ones. Its outputs average closer to zero than ReLU's, which can make "
                          "learning a little faster."),
        ("layer:ReLU",),
    ),
    "layer:GELU": (
        QT_TRANSLATE_NOOP("Concepts", "Weighs each input by Φ(x), the probability that a standard normal value "
                          "is smaller than it: a smooth version of ReLU. Transformers such as BERT and GPT use "
                          "it."),
        ("layer:ReLU", "layer:SiLU"),
    ),
    "layer:SiLU": (
        QT_TRANSLATE_NOOP("Concepts", "x times its own sigmoid: smooth, and slightly negative for negative "
                          "inputs. Also called Swish; many modern image networks use it."),
        ("layer:Sigmoid", "layer:GELU"),
    ),
    "layer:Sigmoid": (
        QT_TRANSLATE_NOOP("Concepts", "Squashes any number into (0, 1), so the output can be read as a "
                          "probability of \"yes\". In hidden layers it saturates: for large |x| its gradient is "
                          "almost 0, which slows deep networks down (vanishing gradients)."),
        ("layer:Tanh", "loss:bce_with_logits"),
    ),
    "layer:Tanh": (
        QT_TRANSLATE_NOOP("Concepts", "Squashes any number into (−1, 1), centred at 0, which usually makes it a "
                          "better hidden-layer activation than sigmoid; it still saturates for large |x|. "
                          "tanh(x) = 2·σ(2x) − 1."),
        ("layer:Sigmoid", "layer:ReLU"),
    ),
    "layer:Softmax": (
        QT_TRANSLATE_NOOP("Concepts", "Turns a vector of scores (logits) into probabilities: each is positive and "
                          "together they add up to 1, the largest score getting the largest share. Do not put it "
                          "before the cross-entropy loss, which applies softmax itself."),
        ("loss:cross_entropy", "layer:LogSoftmax"),
    ),
    "layer:LogSoftmax": (
        QT_TRANSLATE_NOOP("Concepts", "The logarithm of softmax, computed in one numerically stable step. A "
                          "network ending in LogSoftmax is trained with the negative log-likelihood loss; "
                          "together they equal cross-entropy."),
        ("loss:nll", "layer:Softmax"),
    ),
    "layer:Identity": (
        QT_TRANSLATE_NOOP("Concepts", "Returns its input unchanged. As an activation it leaves a layer purely "
                          "linear, for example at a regression output."),
        ("idea:activation",),
    ),
    "layer:Dropout": (
        QT_TRANSLATE_NOOP("Concepts", "While training, sets each input to 0 with probability p and scales the "
                          "others by 1/(1 − p), so the network cannot rely on any single neuron; this reduces "
                          "overfitting. When evaluating (model.eval()) it does nothing."),
        ("idea:overfitting", "idea:regularization"),
    ),
    "layer:BatchNorm": (
        QT_TRANSLATE_NOOP("Concepts", "Normalizes every feature to mean 0 and variance 1 over the current batch, "
                          "then scales and shifts it with the learned γ and β. It allows higher learning rates "
                          "and deeper networks. When evaluating it uses running averages of the statistics "
                          "collected while training."),
        ("idea:normalization", "layer:LayerNorm"),
    ),
    "layer:LayerNorm": (
        QT_TRANSLATE_NOOP("Concepts", "Normalizes each example over its own features (not over the batch), then "
                          "applies the learned γ and β. It works the same for any batch size, which is why "
                          "transformers and recurrent networks use it."),
        ("idea:normalization", "layer:BatchNorm"),
    ),
    "layer:RNN": (
        QT_TRANSLATE_NOOP("Concepts", "Reads a sequence one step at a time (here the image's rows, top to bottom) "
                          "and carries a hidden state h from each step to the next, so it can remember what it "
                          "has seen. A simple RNN forgets over long sequences, because the gradient fades "
                          "through many steps."),
        ("layer:LSTM", "layer:GRU"),
    ),
    "layer:LSTM": (
        QT_TRANSLATE_NOOP("Concepts", "A recurrent layer with a memory cell c and three gates (input i, forget f, "
                          "output o) that learn what to store, what to keep and what to show. The gated cell "
                          "lets the gradient flow over many steps, so it remembers much longer than a simple "
                          "RNN."),
        ("layer:RNN", "layer:GRU"),
    ),
    "layer:GRU": (
        QT_TRANSLATE_NOOP("Concepts", "A simpler gated recurrent layer: an update gate z mixes the previous state "
                          "with a new candidate h̃. It has fewer parameters than an LSTM (three sets of weights "
                          "instead of four) and often learns as well."),
        ("layer:LSTM", "layer:RNN"),
    ),
    "loss:cross_entropy": (
        QT_TRANSLATE_NOOP("Concepts", "The standard loss for classification. Softmax turns the scores z into "
                          "probabilities, and the loss is −log of the probability given to the true class y: "
                          "0 when the network is sure and right, large when it is sure and wrong. PyTorch's "
                          "CrossEntropyLoss applies softmax itself, so the last layer should output raw scores "
                          "(logits)."),
        ("layer:Softmax", "idea:accuracy"),
    ),
    "loss:nll": (
        QT_TRANSLATE_NOOP("Concepts", "−log of the true class's probability, for a network whose outputs already "
                          "are log-probabilities (it ends with LogSoftmax). LogSoftmax followed by NLL equals "
                          "cross-entropy."),
        ("layer:LogSoftmax", "loss:cross_entropy"),
    ),
    "loss:mse": (
        QT_TRANSLATE_NOOP("Concepts", "The average of the squared differences between predictions and targets: "
                          "the usual loss for regression. Squaring makes large errors count much more than small "
                          "ones, so outliers weigh a lot."),
        ("loss:l1", "loss:smooth_l1"),
    ),
    "loss:l1": (
        QT_TRANSLATE_NOOP("Concepts", "The average of the absolute differences. Every error counts in proportion "
                          "to its size, so outliers weigh less than with mean squared error."),
        ("loss:mse", "loss:smooth_l1"),
    ),
    "loss:smooth_l1": (
        QT_TRANSLATE_NOOP("Concepts", "Squared error for small differences d (|d| < 1) and absolute error for "
                          "large ones: smooth near the answer like MSE, robust to outliers like L1."),
        ("loss:mse", "loss:l1"),
    ),
    "loss:bce_with_logits": (
        QT_TRANSLATE_NOOP("Concepts", "Binary cross-entropy for yes/no outputs: each output is its own "
                          "probability σ(z). Doing the sigmoid and the loss in one function is numerically "
                          "more stable than a Sigmoid layer followed by the loss."),
        ("layer:Sigmoid", "loss:cross_entropy"),
    ),
    "optimizer:sgd": (
        QT_TRANSLATE_NOOP("Concepts", "Stochastic gradient descent moves every weight a small step against its "
                          "gradient g, computed on one batch: w ← w − η·g. With momentum μ (for example 0.9) it "
                          "keeps a running velocity v, so steps build up along directions that stay the same and "
                          "zig-zags cancel out. Nesterov momentum takes the gradient after the look-ahead step."),
        ("idea:gradient-descent", "idea:learning-rate", "optimizer:adam"),
    ),
    "optimizer:adam": (
        QT_TRANSLATE_NOOP("Concepts", "Adam keeps two running averages for every weight: m of the gradient (the "
                          "first moment) and v of the squared gradient (the second moment). Both start at 0, so "
                          "at first they are too small; dividing by 1 − βᵗ corrects this bias. Each weight then "
                          "moves by η·m̂/(√v̂ + ε): far where its gradients agree, little where they are noisy. A "
                          "good default: learning rate 0.001, β₁ = 0.9, β₂ = 0.999."),
        ("optimizer:sgd", "optimizer:adamw", "optimizer:rmsprop"),
    ),
    "optimizer:adamw": (
        QT_TRANSLATE_NOOP("Concepts", "Adam with the weight decay applied to the weights directly (each step "
                          "shrinks w by η·λ·w) instead of being added to the gradient, where Adam's scaling would "
                          "weaken it. It usually regularizes better than Adam with L2."),
        ("optimizer:adam", "idea:regularization"),
    ),
    "optimizer:rmsprop": (
        QT_TRANSLATE_NOOP("Concepts", "Divides each weight's step by the root of a running average of its squared "
                          "gradients, so weights with large gradients take smaller steps. Adam is RMSprop plus "
                          "momentum plus bias correction."),
        ("optimizer:adam", "optimizer:adagrad"),
    ),
    "optimizer:adagrad": (
        QT_TRANSLATE_NOOP("Concepts", "Adds up all past squared gradients G of each weight and divides its step "
                          "by √G: weights with frequent, large gradients get smaller steps. Because G only grows, "
                          "the steps keep shrinking and learning can stop too early."),
        ("optimizer:rmsprop",),
    ),
    "scheduler:none": (
        QT_TRANSLATE_NOOP("Concepts", "The learning rate η stays as set for the whole run."),
        ("idea:learning-rate",),
    ),
    "scheduler:step": (
        QT_TRANSLATE_NOOP("Concepts", "Multiplies the learning rate by γ every s epochs (\"Step every\"): big "
                          "steps first, then finer ones once the loss levels off."),
        ("scheduler:exponential", "idea:learning-rate"),
    ),
    "scheduler:exponential": (
        QT_TRANSLATE_NOOP("Concepts", "Multiplies the learning rate by γ after every epoch: a smooth, steady "
                          "decay."),
        ("scheduler:step", "idea:learning-rate"),
    ),
    "scheduler:cosine": (
        QT_TRANSLATE_NOOP("Concepts", "Lowers the learning rate from η to 0 along half a cosine wave over the T "
                          "epochs of the run: slowly at first, fastest in the middle, slowly again at the end."),
        ("scheduler:onecycle", "idea:learning-rate"),
    ),
    "scheduler:onecycle": (
        QT_TRANSLATE_NOOP("Concepts", "Starts low, warms up to a maximum learning rate (10 × the set one) during "
                          "the first 30% of the batches, then anneals to almost 0. It changes after every batch "
                          "and often trains quickly."),
        ("scheduler:cosine", "idea:learning-rate"),
    ),
}

# formulas shown before the catalog's own, where one line does not tell the whole story
_EXTRA_FORMULAS = {
    "optimizer:adam": "m ← β₁·m + (1−β₁)·g,  v ← β₂·v + (1−β₂)·g²",
    "optimizer:adamw": "m ← β₁·m + (1−β₁)·g,  v ← β₂·v + (1−β₂)·g²",
    "layer:Conv2d": QT_TRANSLATE_NOOP("Concepts", "output size = (n + 2·padding − kernel) / stride + 1"),
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
                for key, (title, summary, formula, text, related) in _IDEAS.items()]
    for key, kind, title, title_context, summary, formula in _catalog_items():
        text, related = _EXPLANATIONS[key]
        extra = _EXTRA_FORMULAS.get(key)
        formulas = ((("Concepts", extra),) if extra else ()) + (("Catalog", formula),)
        concepts.append(Concept(key, kind, title, summary, formulas, text, related, title_context=title_context,
                                summary_context="Catalog"))
    return concepts


def concept_key(kind: str, name: str) -> str:
    """The key of a catalog item's concept: concept_key("layer", "ReLU") → "layer:ReLU"."""
    return f"{kind}:{name}"
