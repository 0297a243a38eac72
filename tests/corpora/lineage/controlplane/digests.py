"""ORM writes of platform models built from tenant rows."""

from django.db.models import Count

from models import Digest, Memory, Org


def digest_each(session, workspace_id):
    for memory in Memory.objects.filter(workspace_id=workspace_id):  # expect: MOL101
        session.add(Digest(workspace_id=workspace_id, text=memory.content))  # expect: MOL203


def digest_all(workspace_id):
    memories = Memory.objects.filter(workspace_id=workspace_id)  # expect: MOL101
    Digest.objects.bulk_create([Digest(text=m.content) for m in memories])  # expect: MOL203


def digest_saved(workspace_id):
    memory = Memory.objects.filter(workspace_id=workspace_id).first()  # expect: MOL101
    digest = Digest(text=memory.content)
    digest.save()  # expect: MOL203


def digest_batch(session, workspace_id):
    batch = []
    for memory in Memory.objects.filter(workspace_id=workspace_id):  # expect: MOL101
        batch.append(Digest(text=memory.content))
    session.add_all(batch)  # expect: MOL203


# --- look-alikes ---------------------------------------------------------------------


def digest_of_orgs(session):
    for org in Org.objects.all():
        session.add(Digest(workspace_id=org.id, text=org.name))


def digest_links(workspace_id):
    # a model field given a whole tenant row is a foreign key: it stores the row's id, not its state
    memory = Memory.objects.filter(workspace_id=workspace_id).first()  # expect: MOL101
    Digest.objects.create(memory=memory, workspace_id=memory.workspace_id)


def digest_count(workspace_id):
    n = Memory.objects.filter(workspace_id=workspace_id).count()  # expect: MOL101
    Digest.objects.create(workspace_id=workspace_id, size=n)


def digests_per_org():
    # memory_digests is filled with tenant rows above: counting it per org gathers tenant state across orgs
    return Digest.objects.values("org_id").annotate(n=Count("id"))  # expect: MOL201


def orgs_per_plan():
    return Org.objects.values("plan").annotate(n=Count("id"))
