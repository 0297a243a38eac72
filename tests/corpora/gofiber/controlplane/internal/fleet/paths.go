package fleet

import "net/url"

func memoriesPath(org string) string {
	return "/orgs/" + url.PathEscape(org) + "/memories"
}

func quotaPath(org string) string {
	return "/orgs/" + url.PathEscape(org) + "/quota"
}
