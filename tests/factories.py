import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from cms.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("test-password-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Lessen in geluk"
    intro = "Lessen over geluk voor groep 1 tot en met 8."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage
