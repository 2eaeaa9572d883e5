from django.core.management.base import BaseCommand, CommandError

from cms.inventory import as_markdown, unclassified


class Command(BaseCommand):
    help = (
        "Print the data inventory (every stored field: personal data or not, why, how "
        "long) as the table in docs/privacy.md."
    )

    def handle(self, *args, **options):
        missing = unclassified()
        if missing:
            raise CommandError(
                "Classify these fields in cms/content/data_inventory.toml: "
                + ", ".join(f"{model}.{field}" for model, field in missing)
            )
        self.stdout.write(as_markdown(), ending="")
