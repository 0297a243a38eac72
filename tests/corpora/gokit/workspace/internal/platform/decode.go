package platform

import (
	"context"
	"net/http"
)

func decodeHeartbeat(_ context.Context, r *http.Response) (interface{}, error) {
	return r.StatusCode, nil
}
