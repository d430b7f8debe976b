import pytest
from django.core.cache import cache

from tests.factories import EmergencyContactFactory, LocalityFactory


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Every test gets its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locality(db):
    locality = LocalityFactory()
    EmergencyContactFactory(key="emergency", number="999", label_en="Police, fire or ambulance")
    EmergencyContactFactory(key="nhs-111", number="111", label_en="NHS 111")
    return locality
