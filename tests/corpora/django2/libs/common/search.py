"""Full-text search over workspace memories (used by the workspace API and, historically, support)."""
from django.contrib.postgres.search import SearchQuery, SearchVector

from workspace.models.memory import Memory


def search_memories(query, workspace_id):
    vector = SearchVector("title", "body")
    return Memory.objects.annotate(search=vector).filter(search=SearchQuery(query), workspace_id=workspace_id)
