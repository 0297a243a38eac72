package platformclient

// defaultPlatformURL is the hosted control plane, used when the org runs on the managed offering.
const defaultPlatformURL = "https://api.molecule.dev/" // expect: MOL301

// legacyEnv is what the first self-hosted installs exported.
const legacyEnv = "CONTROLPLANE_URL"
