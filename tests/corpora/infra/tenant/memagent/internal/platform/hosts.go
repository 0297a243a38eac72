package platform

import "net/http"

const controlHost = "api.molecule.cloud"

// Ping tells the control plane this agent is up.
func Ping() error {
	resp, err := http.Get("https://" + controlHost + "/v1/hosts/ping") // expect: MOL301
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
