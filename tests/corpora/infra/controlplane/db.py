from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from controlplane.settings import get_settings

engine = create_engine(str(get_settings().database_url), pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
