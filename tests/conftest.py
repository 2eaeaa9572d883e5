import pytest

from cms.demo.site import load_site


@pytest.fixture
def home(db):
    """The demo site's home page with the privacy and accessibility statements."""
    return load_site()
