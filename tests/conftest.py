"""Set-up for every test. Qt's belongs to tests/ui/conftest.py: the engine's tests run without it."""

import os

os.environ["PLAYGROUND_LANGUAGE"] = "en"  # tests find widgets by their English text; test_i18n picks Korean itself

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """No test reaches the network: every download fails as offline unless a test serves its own bytes
    (helpers.serve_files, or a fake opener); a failure in one test is not remembered in the next."""
    from helpers import block_network

    from playground.data import download

    block_network(monkeypatch)
    download.forget_failures()
    yield
    download.forget_failures()
