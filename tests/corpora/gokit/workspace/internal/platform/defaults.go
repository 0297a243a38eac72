package platform

// defaultEndpoint is used when the config leaves cp.endpoint empty (local dev against the hosted CP).
const defaultEndpoint = "https://cp.fleet.example.com" // expect: MOL301

// envOverride lets operators point a host at a staging control plane.
const envOverride = "FLEET_CP_ENDPOINT"
