import json

from django.core.management.base import BaseCommand

from workspace.store import MemoryStore  # expect: MOL104


class Command(BaseCommand):
    help = "Dump one workspace's memories to stdout"

    def add_arguments(self, parser) -> None:
        parser.add_argument("workspace_id")

    def handle(self, *args, **options) -> None:
        store = MemoryStore()
        self.stdout.write(json.dumps(store.list(options["workspace_id"])))  # expect: MOL101
