from rest_framework import serializers

from workspace.memories.models import AgentMemory


class MemorySerializer(serializers.ModelSerializer):
    class Meta:
        model = AgentMemory
        fields = ["id", "workspace_id", "kind", "content", "created_at"]
