import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo.lessons import load_lessons
from cms.demo.site import load_site
from lessons.services import REVIEWERS, TEACHERS

DEFAULT_PASSWORD = "lessen-in-geluk"  # noqa: S105  (demo only, refused when DEBUG is off)


class Command(BaseCommand):
    help = "Create or refresh the demo site (idempotent). Demo users only when DEBUG is on."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = load_site()
            load_lessons(home=home)
        self.stdout.write("Demo pages and lessons are ready.")

        if not settings.DEBUG:
            self.stdout.write(
                self.style.WARNING("DEBUG is off: no demo users created.")
            )
            return
        password = os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)
        logins = self._create_users(password)
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {password}):"))
        for username, role in logins:
            self.stdout.write(f"  {username:<14} {role}")

    def _create_users(self, password):
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username="beheerder", defaults={"first_name": "Beheerder"}
        )
        user.is_staff = user.is_superuser = True
        user.email = "beheerder@example.org"
        user.set_password(password)
        user.save()
        logins = [("beheerder", "site administrator (everything)")]
        for username, first_name, group_name, role in [
            (
                "leerkracht",
                "Sanne",
                TEACHERS,
                "teacher: writes lessons, cannot publish",
            ),
            (
                "redacteur",
                "Joris",
                REVIEWERS,
                "reviewer: reviews and publishes lessons",
            ),
        ]:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"first_name": first_name}
            )
            user.email = f"{username}@example.org"
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            logins.append((username, role))
        return logins
