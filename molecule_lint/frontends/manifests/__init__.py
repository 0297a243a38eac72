"""Deployment manifests: where things run and what environment they get.

docker-compose, Kubernetes, Kustomize generators, Helm charts, Render, Railway, Fly.io, Heroku
`app.json`, Procfiles, DigitalOcean App Platform, dotenv files, systemd units, INI settings files, supervisord programs, cloud-init user
data, Terraform modules and GitHub Actions deploy jobs become ManifestService / ManifestEnv / ManifestLink / ManifestData
facts (see facts.py). Files are read as data — YAML with the safe loader,
TOML, JSON, HCL (tree-sitter-hcl), dotenv, systemd units and INI files as plain text — and nothing in them is run. A file that
does not parse becomes an error with its line (MOL901); a YAML file under a
manifest folder that turns out not to be a manifest gives no facts.
"""
