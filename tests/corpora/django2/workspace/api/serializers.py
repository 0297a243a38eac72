from rest_framework import serializers

from workspace.models import ActivityEvent, Memory


class MemorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Memory
        fields = ["id", "title", "body", "pinned", "created_at"]


class ActivityEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityEvent
        fields = ["id", "kind", "payload", "created_at"]
