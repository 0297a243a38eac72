package heartbeat

// fallbackControlPlane is used when the deployment forgot to say where the platform is.
const fallbackControlPlane = "https://api.orbit.example" // expect: MOL301
