"""A function's decorators by library name (OrgFlow.decorators): as imported, and as the core resolves a method
of a library object the project made, in its module or another (`@app.task`, `@router.get(...)`)."""

from __future__ import annotations

from molecule_lint.core.orgflow import OrgFlow
from molecule_lint.core.values import Unit
from test_value_flow import linked


def decorators(files: dict[str, str], module: str, function: str) -> tuple[str, ...]:
    project, _ = linked(files)
    return OrgFlow(project).decorators(Unit(module, function), project.summaries[module][function])


WORKER = 'from celery import Celery\nfrom fastapi import APIRouter\napp = Celery("w")\nrouter = APIRouter()\n'


def test_methods_of_a_celery_app_and_an_api_router_by_their_class() -> None:
    tasks = """
        from celery import shared_task
        from shared.worker import app as celery_app, router

        @celery_app.task(bind=True)
        def sync(self, org_id):
            return org_id

        @router.get("/orgs/{org_id}")
        def read(org_id):
            return org_id

        @shared_task
        def plain(org_id):
            return org_id
        """
    files = {"shared/worker.py": WORKER, "platform/tasks.py": tasks}
    assert "celery.Celery.task" in decorators(files, "platform.tasks", "sync")
    assert "fastapi.APIRouter.get" in decorators(files, "platform.tasks", "read")
    assert decorators(files, "platform.tasks", "plain") == ("celery.shared_task",)


def test_a_method_of_a_project_object_is_no_library_decorator() -> None:
    tasks = """
        class Registry:
            def task(self, f):
                return f

        app = Registry()

        @app.task
        def sync(org_id):
            return org_id
        """
    assert decorators({"platform/tasks.py": tasks}, "platform.tasks", "sync") == ()
