import os
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cms.demo.check_ins import generate_check_ins
from cms.demo.lessons import load_lessons
from cms.demo.schools import create_school_users, load_schools
from cms.demo.site import load_site
from cms.demo.teaching import furnish_teacher_home
from lessons.services import REVIEWERS, TEACHERS

DEFAULT_PASSWORD = "lessen-in-geluk"  # noqa: S105  (demo only: see demo_users_refused)


def demo_users_refused():
    """Why demo users (a superuser with a published password) may not be made here."""
    if not settings.DEBUG:
        return "DEBUG is off"
    if not settings.DEMO_USERS_ALLOWED:
        return (
            f"the database ({connection.vendor}) is not the local SQLite database "
            "of `make run`"
        )
    return None


class Command(BaseCommand):
    help = (
        "Create or refresh the demo site (idempotent). Demo users only with "
        "--with-demo-users, on the local SQLite database of `make run`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-check-ins",
            action="store_true",
            help="Skip the school year of synthetic check-ins.",
        )
        parser.add_argument(
            "--with-demo-users",
            action="store_true",
            help="Also create the demo logins (`make run` does): never in production.",
        )

    def handle(self, *args, **options):
        if options["with_demo_users"] and (refused := demo_users_refused()):
            raise CommandError(
                f"Refusing to create demo users: {refused}. They have a published "
                "password; only `make run` makes them, on its own SQLite database."
            )
        with transaction.atomic():
            home = load_site()
            library = load_lessons(home=home)
            classes = load_schools()
        self.stdout.write(
            f"Demo pages, lessons and {len(classes)} classes in "
            f"{len({c.school_id for c in classes})} schools are ready."
        )
        if not options["no_check_ins"]:
            started = time.monotonic()
            counts = generate_check_ins(library=library)
            verb = "added" if counts["created"] else "already there"
            self.stdout.write(
                f"Synthetic check-ins {verb}: {counts['sessions']:,} sessions, "
                f"{counts['answers']:,} answers, {counts['deliveries']:,} lessons given "
                f"({time.monotonic() - started:.1f} s)."
            )

        if not options["with_demo_users"]:
            self.stdout.write(
                self.style.WARNING(
                    "Demo content only, no demo users (--with-demo-users makes them)."
                )
            )
            return
        password = os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)
        logins = dict(self._create_users(password))
        for username, role in create_school_users(password=password):
            logins[username] = (
                f"{logins[username]}; {role}" if username in logins else role
            )
        furnish_teacher_home()  # her home: a series planned, lessons saved
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {password}):"))
        for username, role in logins.items():
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
