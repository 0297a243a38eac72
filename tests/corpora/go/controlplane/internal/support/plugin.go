// Package support holds the support engineers' diagnostics.
package support

import (
	"net/http"
	"time"

	"github.com/spf13/viper"
)

func init() {
	viper.AutomaticEnv()
	viper.SetDefault("PLATFORM_STATUS_PAGE", "https://status.molecule.dev")
}

// PluginStatus reports whether the memory plugin answers (diagnostics page).
func PluginStatus() (int, error) {
	base := viper.GetString("MEMORY_PLUGIN_URL") // expect: MOL102
	c := &http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get(base + "/healthz")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// StatusPage is where the platform's own status lives.
func StatusPage() string {
	return viper.GetString("PLATFORM_STATUS_PAGE")
}
