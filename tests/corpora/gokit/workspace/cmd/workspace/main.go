package main

import (
	"flag"
	"net/http"
	"os"

	kitlog "github.com/go-kit/log"
	"github.com/go-kratos/kratos/v2/config"
	"github.com/go-kratos/kratos/v2/config/file"
	klog "github.com/go-kratos/kratos/v2/log"

	"github.com/acme/fleet/workspace/internal/biz"
	"github.com/acme/fleet/workspace/internal/conf"
	"github.com/acme/fleet/workspace/internal/data"
	"github.com/acme/fleet/workspace/internal/platform"
	"github.com/acme/fleet/workspace/internal/service"
)

var flagconf = flag.String("conf", "configs/config.yaml", "config path")

func main() {
	flag.Parse()
	c := config.New(config.WithSource(file.NewSource(*flagconf)))
	if err := c.Load(); err != nil {
		panic(err)
	}
	var bc conf.Bootstrap
	if err := c.Scan(&bc); err != nil {
		panic(err)
	}
	logger := kitlog.NewLogfmtLogger(os.Stderr)
	d, cleanup, err := data.NewData(bc.Data, klog.NewStdLogger(os.Stderr))
	if err != nil {
		panic(err)
	}
	defer cleanup()

	var svc service.Service
	svc = service.NewService(biz.NewMemoryUsecase(data.NewMemoryRepo(d)))
	svc = service.LoggingMiddleware(logger)(svc)

	if cp, err := platform.NewClient(bc.Cp); err == nil {
		go cp.Beat(nil)
	}
	_ = http.ListenAndServe(bc.Server.Addr, service.NewHTTPHandler(svc))
}
