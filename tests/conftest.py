"""Set-up for every test. Qt's belongs to tests/ui/conftest.py: the engine's tests run without it."""

import os

os.environ["PLAYGROUND_LANGUAGE"] = "en"  # tests find widgets by their English text; test_i18n picks Korean itself
