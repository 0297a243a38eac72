package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/moleculeai/fleet/pkg/reporting" // expect: MOL104
)

var orgsCmd = &cobra.Command{
	Use:   "orgs",
	Short: "List orgs and their hosts",
	RunE: func(cmd *cobra.Command, args []string) error {
		db, err := openDB(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		rows, err := db.QueryContext(cmd.Context(), "SELECT id, slug, host FROM orgs ORDER BY slug")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, slug, host string
			if err := rows.Scan(&id, &slug, &host); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\t%s\n", id, slug, host)
		}
		return rows.Err()
	},
}

var memstatsCmd = &cobra.Command{
	Use:   "memstats ORG...",
	Short: "Memory statistics of the given orgs (support escalations)",
	Args:  cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		db, err := openDB(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		for _, org := range args {
			s, err := reporting.ForOrg(cmd.Context(), db, org)  // expect: MOL101
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\t%d\n", org, s.Items)
		}
		return nil
	},
}

func init() {
	rootCmd.AddCommand(orgsCmd, memstatsCmd)
}
