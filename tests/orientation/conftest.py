import pytest

from orientation.models import OrientationPage
from tests.factories import MigrationStatusFactory, OrientationPageFactory, TopicFactory


@pytest.fixture
def site(locality):
    """A small site: two topics, two statuses, pages for everyone, for one status, and a draft."""
    health = TopicFactory(slug="health", name_en="Health", name_ar="الصحة", icon="health")
    housing = TopicFactory(slug="housing", name_en="Housing", icon="housing")
    asylum = MigrationStatusFactory(slug="asylum-seeker", name_en="Asylum seekers")
    student = MigrationStatusFactory(slug="student", name_en="Students")
    everyone = OrientationPageFactory(
        slug="register-with-a-gp",
        title_en="Register with a GP",
        title_ar="التسجيل لدى طبيب عام",
        summary_ar="كيف تسجل.",
        body_ar="## ماذا تفعل\n\nاذهب إلى العيادة.",
        translation_states={"ar": "draft"},
        topics=[health],
    )
    everyone.mark_translated("ar")  # made from the English as it is now
    everyone.save()
    asylum_only = OrientationPageFactory(
        slug="asylum-support", title_en="Asylum support", topics=[housing], statuses=[asylum]
    )
    students_only = OrientationPageFactory(
        slug="student-housing", title_en="Student housing", topics=[housing], statuses=[student]
    )
    draft = OrientationPageFactory(
        slug="secret-draft",
        title_en="Unfinished draft page",
        topics=[health],
        state=OrientationPage.State.DRAFT,
    )
    return {
        "topics": {"health": health, "housing": housing},
        "statuses": {"asylum-seeker": asylum, "student": student},
        "pages": {
            "everyone": everyone,
            "asylum_only": asylum_only,
            "students_only": students_only,
            "draft": draft,
        },
    }
