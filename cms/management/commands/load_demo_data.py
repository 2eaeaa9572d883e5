import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo.site import load_site

DEFAULT_PASSWORD = "lessen-in-geluk"  # noqa: S105  (demo only, refused when DEBUG is off)


class Command(BaseCommand):
    help = "Create or refresh the demo site (idempotent). Demo users only when DEBUG is on."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_site()
        self.stdout.write("Demo pages are ready.")

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
        return [("beheerder", "site administrator (everything)")]
