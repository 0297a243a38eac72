package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// Kept here rather than inline so `fleetctl top --explain` can print it.
const topTalkersSQL = `
SELECT org_id, count(*) AS n
FROM chat_messages
WHERE sent_at > now() - interval '1 day'
GROUP BY org_id
ORDER BY n DESC
LIMIT 10`

var topCmd = &cobra.Command{
	Use:   "top",
	Short: "The ten chattiest orgs of the last day",
	RunE: func(cmd *cobra.Command, args []string) error {
		db, err := openDB(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		rows, err := db.QueryContext(cmd.Context(), topTalkersSQL) // expect: MOL201
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var org string
			var n int64
			if err := rows.Scan(&org, &n); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\t%d\n", org, n)
		}
		return rows.Err()
	},
}

func init() {
	rootCmd.AddCommand(topCmd)
}
