"""Explanations of the catalog's items (blocks, losses, optimizers, schedules): key → (explanation,
related). The title, summary and formula come from the catalog itself, so the two never disagree."""

from __future__ import annotations

from playground.i18n import QT_TRANSLATE_NOOP

# ---------------------------------------------------------------------------- catalog items
# key → (explanation, related); the title, summary and formula come from the catalog.
EXPLANATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
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
        QT_TRANSLATE_NOOP("Concepts", "Reads a sequence one step at a time (an image's rows from top to bottom, "
                          "or the steps of a generated sequence) and carries a hidden state h from each step to "
                          "the next, so it can remember what it has seen. A simple RNN forgets over long "
                          "sequences: every step rewrites h, and the gradient fades through many steps."),
        ("layer:LSTM", "layer:GRU", "idea:long-memory"),
    ),
    "layer:LSTM": (
        QT_TRANSLATE_NOOP("Concepts", "A recurrent layer with a memory cell c and three gates (input i, forget f, "
                          "output o) that learn what to store, what to keep and what to show. The gated cell "
                          "lets the gradient flow over many steps, so it remembers much longer than a simple "
                          "RNN. Its forget-gate bias sets where f starts: 0 is PyTorch's start, 3 keeps the "
                          "memory from the first step."),
        ("layer:RNN", "layer:GRU", "idea:gates"),
    ),
    "layer:GRU": (
        QT_TRANSLATE_NOOP("Concepts", "A simpler gated recurrent layer: an update gate z mixes the previous state "
                          "with a new candidate h̃. It has fewer parameters than an LSTM (three sets of weights "
                          "instead of four) and often learns as well. Its update-gate bias sets where z starts: "
                          "0 is PyTorch's start, 3 keeps the state from the first step."),
        ("layer:LSTM", "layer:RNN", "idea:gates"),
    ),
    "layer:Add": (
        QT_TRANSLATE_NOOP("Concepts", "A merge block: it reads two or more blocks and adds their outputs number by "
                          "number, so they must have exactly the same shape (128 and 128, or 16×14×14 and "
                          "16×14×14). With one input straight from further up (the skip) and the other from a "
                          "few layers (the body), it makes a residual block: the body only has to learn a "
                          "correction to what passes by it. It has no weights. Connect a second arrow to it from "
                          "a block's output port; where the shapes differ, put a Linear or a 1×1 Conv2d on one "
                          "path."),
        ("idea:residual", "layer:Concat"),
    ),
    "layer:Concat": (
        QT_TRANSLATE_NOOP("Concepts", "A merge block that puts its inputs side by side instead of adding them: two "
                          "images of 16 and 8 channels become one of 24 channels (their height and width must "
                          "match), two vectors of 128 and 64 become one of 192. Nothing is lost or mixed; the next "
                          "layer learns how to combine them. It has no weights."),
        ("layer:Add", "idea:residual"),
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
        ("loss:sse", "loss:l1", "loss:smooth_l1"),
    ),
    "loss:sse": (
        QT_TRANSLATE_NOOP("Concepts", "The squared differences between predictions and targets added up, not "
                          "averaged: lesson 003's loss, (y_pred − y).pow(2).sum(). It is N times the mean squared "
                          "error, so both have the same best fit (the least-squares line), but every gradient is "
                          "N times larger: a learning rate that suits MSE is N times too large for SSE. The sum "
                          "also grows with the batch, so its value is comparable only between batches of the same "
                          "size. In PyTorch: nn.MSELoss(reduction=\"sum\")."),
        ("loss:mse", "idea:loss-surface", "idea:learning-rate"),
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

