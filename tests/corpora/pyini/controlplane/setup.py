from setuptools import find_packages, setup

setup(
    name="controlplane",
    packages=find_packages(),
    install_requires=["pyramid", "SQLAlchemy", "APScheduler", "click", "requests-toolbelt", "peewee"],
    entry_points={"paste.app_factory": ["main = controlplane:main"], "console_scripts": ["cpctl = controlplane.cli:cli"]},
)
