from celery import Celery
from flask_migrate import Migrate
from flask_redis import FlaskRedis
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
migrate = Migrate()
redis_client = FlaskRedis()
celery = Celery(__name__)
