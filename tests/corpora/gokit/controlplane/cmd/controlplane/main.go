package main

import (
	"flag"
	"net/http"
	"os"

	"github.com/go-kit/kit/metrics/prometheus"
	kitlog "github.com/go-kit/log"
	"github.com/go-kratos/kratos/v2/config"
	"github.com/go-kratos/kratos/v2/config/file"
	klog "github.com/go-kratos/kratos/v2/log"
	stdprometheus "github.com/prometheus/client_golang/prometheus"

	"github.com/acme/fleet/controlplane/internal/biz"
	"github.com/acme/fleet/controlplane/internal/conf"
	"github.com/acme/fleet/controlplane/internal/data"
	"github.com/acme/fleet/controlplane/internal/service"
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
	d, cleanup, err := data.NewData(bc.Data, klog.NewStdLogger(os.Stderr)) // expect: MOL102
	if err != nil {
		panic(err)
	}
	defer cleanup()

	requests := prometheus.NewCounterFrom(stdprometheus.CounterOpts{Namespace: "cp", Name: "requests_total"}, []string{"method"})
	uc := biz.NewReportUsecase(data.NewUsageRepo(d), data.NewBillingRepo(d), data.NewRunRepo(d))

	var svc service.ReportService
	svc = service.NewReportService(uc)
	svc = service.LoggingMiddleware(logger)(svc)
	svc = service.InstrumentingMiddleware(requests)(svc)

	_ = http.ListenAndServe(bc.Server.Addr, service.NewHTTPHandler(svc))
}
