"""Datasets: torchvision images, generated 2-D and regression data, CSV import."""
