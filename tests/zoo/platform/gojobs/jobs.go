// Package gojobs is platform code in Go: every idiom of the zoo's Python twin that Go has, each with a
// look-alike that must stay silent.
package gojobs

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"

	"example.com/zoo/shared/goclients"
	"example.com/zoo/shared/goconfig"
	"example.com/zoo/shared/godb"
	"example.com/zoo/shared/gotables"
)

func ViaHelper(ctx context.Context, db *sql.DB, org string) {
	godb.Fetch(ctx, db, gotables.QuotaTable, org)
	godb.Fetch(ctx, db, gotables.MemoryTable, org) // expect: MOL101
}

func ViaBuilder(ctx context.Context, db *sql.DB) {
	db.QueryRowContext(ctx, godb.CountSQL(gotables.QuotaTable))
	db.QueryRowContext(ctx, godb.CountSQL(gotables.MemoryTable)) // expect: MOL101, MOL201
}

func OtherFileOfThePackage(ctx context.Context, db *sql.DB) {
	db.QueryRowContext(ctx, "SELECT count(*) FROM "+quotaView)
	q := "SELECT count(*) FROM " + memoryView
	db.QueryRowContext(ctx, q) // expect: MOL101, MOL201
}

func Registry(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, "DELETE FROM "+gotables.TablesByKind["quotas"])
	db.ExecContext(ctx, "DELETE FROM "+gotables.TablesByKind["memories"]) // expect: MOL101
}

func MultipleReturns(ctx context.Context, db *sql.DB) error {
	quotas, err := godb.Build("quotas")
	if err != nil {
		return err
	}
	db.QueryContext(ctx, quotas)
	memories, _ := godb.Build("memories")
	_, err = db.QueryContext(ctx, memories) // expect: MOL101, MOL201
	return err
}

func Sprintf(ctx context.Context, db *sql.DB, org string) {
	db.QueryContext(ctx, fmt.Sprintf("SELECT * FROM %s WHERE org_id = '%v'", gotables.OrgsTable, org))
	db.QueryContext(ctx, fmt.Sprintf("SELECT * FROM %s WHERE org_id = '%v'", gotables.MemoryTable, org)) // expect: MOL101
}

func Fleet(ctx context.Context, db *sql.DB, orgs []string) []*sql.Rows {
	var all []*sql.Rows
	for _, org := range orgs {
		rows, _ := godb.Fetch(ctx, db, gotables.QuotaTable, org)
		all = append(all, rows)
	}
	for _, org := range orgs { // expect: MOL202
		rows, _ := godb.Fetch(ctx, db, gotables.MemoryTable, org) // expect: MOL101
		all = append(all, rows)
	}
	return all
}

func Client(ws string) {
	c := &goclients.TenantClient{BaseURL: goclients.TenantAPIURL}
	http.Get(c.HealthURL()) // a health probe
	http.Get(c.MemoriesURL(ws)) // expect: MOL103
}

func Config() {
	var cfg goconfig.Config
	sql.Open("postgres", cfg.PlatformDB)
	sql.Open("postgres", cfg.TenantDB) // expect: MOL102
	os.Getenv("PLATFORM_" + "DATABASE_URL")
}

func Cache(ctx context.Context, org string) {
	redis.NewClient(&redis.Options{Addr: goconfig.RedisFrom("PLATFORM_REDIS_URL").Addr})
	tenant := goconfig.RedisFrom("TENANT_" + "REDIS_URL") // expect: MOL102
	redis.NewClient(&redis.Options{Addr: tenant.Addr}) // expect: MOL102
	rdb := redis.NewClient(&redis.Options{Addr: "platform-redis:6379"})
	rdb.Get(ctx, "billing:"+org)
	rdb.Get(ctx, memoryPrefix+org) // expect: MOL102
}
