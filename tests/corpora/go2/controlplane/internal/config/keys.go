package config

// Env keys read outside the envconfig struct (one-off tools and jobs).
const (
	KeyStripeSecret  = "STRIPE_SECRET_KEY"
	KeyDNSToken      = "CLOUDFLARE_API_TOKEN"
	KeyWorkspaceDSN  = "WORKSPACE_DATABASE_URL"
	KeyControlDBURL  = "CP_DATABASE_URL"
)
