package provision

import (
	"bytes"
	"text/template"
)

// userDataTmpl boots a tenant host: it writes the tenant's identity and the
// platform's address, then starts the co-located stack.
var userDataTmpl = template.Must(template.New("ud").Parse(`#!/bin/bash
set -euo pipefail
cat >/etc/molecule/tenant.env <<ENV
MOLECULE_ORG_ID={{.OrgID}}
MOLECULE_PLATFORM_URL={{.PlatformURL}}
ENV
docker compose -f /opt/molecule/docker-compose.tenant.yml --env-file /etc/molecule/tenant.env up -d
`))

type userData struct {
	OrgID       string
	PlatformURL string
}

func renderUserData(orgID, platformURL string) (string, error) {
	var b bytes.Buffer
	err := userDataTmpl.Execute(&b, userData{OrgID: orgID, PlatformURL: platformURL})
	return b.String(), err
}
