"""What a finding says is what the code does: reads, writes or deletes; one MOL104 per import statement."""

from __future__ import annotations

from typing import Any

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "app", "plane": "tenant", "paths": ["app/"]},
    ],
    "tenant_data": {"tables": ["members", "agent_memories"], "modules": ["app.models"]},
}


def messages(result: Any, rule: str) -> list[str]:
    return [f"{f.loc.line}: {f.message}" for f in result.findings if f.rule == rule]


def test_sql_and_orm_accesses_say_read_write_or_delete(project: Any) -> None:
    files = {
        "app/__init__.py": "",
        "app/models.py": (
            "from django.db import models\n\n\n"
            "class Member(models.Model):\n    class Meta:\n        db_table = 'members'\n"
        ),
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": (
            "def purge(db, org):\n"
            '    db.execute("DELETE FROM agent_memories WHERE org_id = %s", (org,))\n'
            '    db.execute("INSERT INTO agent_memories (org_id) VALUES (%s)", (org,))\n'
            '    return db.execute("SELECT body FROM agent_memories WHERE org_id = %s", (org,))\n'
        ),
        "controlplane/members.py": (
            "from app.models import Member  # molecule-lint: ignore[MOL104] -- the wording test\n\n\n"
            "def invite(org, user):\n"
            "    Member.objects.create(org_id=org, user=user)\n"
            "    Member.objects.filter(org_id=org).count()\n"
            "    Member.objects.delete()\n"
        ),
    }
    result = project(files, CONFIG)
    assert messages(result, "MOL101") == [
        "2: platform service `controlplane` deletes tenant table `agent_memories`",
        "3: platform service `controlplane` writes tenant table `agent_memories`",
        "4: platform service `controlplane` reads tenant table `agent_memories`",
        "5: platform service `controlplane` writes tenant table `members`",
        "6: platform service `controlplane` reads tenant table `members`",
        "7: platform service `controlplane` deletes tenant table `members`",
    ]


def test_one_mol104_per_import_statement_naming_what_else_it_brings_in(project: Any) -> None:
    files = {
        "app/__init__.py": "from app.store import recent\nfrom app.views import page\n",
        "app/store.py": 'def recent(db):\n    return db.execute("SELECT body FROM agent_memories WHERE id = %s")\n',
        "app/views.py": "def page():\n    return 1\n",
        "controlplane/__init__.py": "",
        "controlplane/digest.py": (
            "from app import page, recent\n"
            "from app.views import page as again\n\n\n"
            "def digest(db):\n    return recent(db), page(), again()\n"
        ),
    }
    result = project(files, {**CONFIG, "tenant_data": {"tables": ["agent_memories"]}})
    assert messages(result, "MOL104") == [
        "1: platform service `controlplane` reaches tenant table `agent_memories` through `app.store` (2 hops);"
        " the same import brings in `app`",
        "2: platform service `controlplane` imports tenant module `app.views`",
    ]


def test_tenant_modules_are_named_as_code_imports_them_in_a_src_layout(project: Any) -> None:
    files = {
        "libs/tenantkit/src/tenantkit/__init__.py": "",
        "libs/tenantkit/src/tenantkit/orm.py": "class Note:\n    pass\n",
        "libs/tenantkit/src/tenantkit/names.py": "class Plan:\n    pass\n",
        "controlplane/__init__.py": "",
        "controlplane/notes.py": (
            "from tenantkit.orm import Note\n"
            "from tenantkit.names import Plan\n\n\n"
            "def first():\n    return Note.first(), Plan.first()\n"
        ),
    }
    config = {
        **CONFIG,
        "services": [*CONFIG["services"], {"name": "kit", "plane": "shared", "paths": ["libs/tenantkit/"]}],
        "tenant_data": {"modules": ["tenantkit.orm"]},
    }
    result = project(files, config)
    assert messages(result, "MOL104") == ["1: platform service `controlplane` imports tenant module `tenantkit.orm`"]
