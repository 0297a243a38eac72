from peewee import DatabaseProxy, Model

workspace_db = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = workspace_db
