import json

from channels.generic.websocket import JsonWebsocketConsumer
from django.db import connections


class ActivityConsumer(JsonWebsocketConsumer):
    def connect(self) -> None:
        self.org_id = self.scope["url_route"]["kwargs"]["org_id"]
        self.accept()

    def receive_json(self, content, **kwargs) -> None:
        with connections[f"org_{self.org_id}"].cursor() as cursor:
            cursor.execute("SELECT kind, payload FROM activity_events ORDER BY id DESC LIMIT 20")
            self.send_json([{"kind": k, "payload": json.loads(p or "null")} for k, p in cursor.fetchall()])
