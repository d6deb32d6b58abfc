"""NN Playground: build a neural network by clicking, train it live with real PyTorch."""

__version__ = "0.1.0"
