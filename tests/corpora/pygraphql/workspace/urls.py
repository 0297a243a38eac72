from django.urls import path
from ninja import NinjaAPI
from strawberry.django.views import GraphQLView

from workspace.api.routers import router
from workspace.schema import schema

api = NinjaAPI()
api.add_router("/api/v1", router)

urlpatterns = [
    path("graphql/tenant", GraphQLView.as_view(schema=schema)),
    path("", api.urls),
]
