class PrimaryReplicaRouter:
    """Reads of the platform's own models may go to the replica; writes go to the primary."""

    def db_for_read(self, model, **hints):
        return "default"

    def db_for_write(self, model, **hints):
        return "default"
