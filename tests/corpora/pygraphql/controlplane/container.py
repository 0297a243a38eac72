from dependency_injector import containers, providers
from django.conf import settings

from libs.common.gql import GraphQLClient


class Container(containers.DeclarativeContainer):
    workspace_graphql = providers.Singleton(GraphQLClient, endpoint=settings.WORKSPACE_GRAPHQL_URL)
    billing_graphql = providers.Singleton(GraphQLClient, endpoint="https://billing.orgstack.io/graphql")


container = Container()
