package main

// defaultPlatform is the hosted control plane, for a server started by hand.
var defaultPlatform = "https://api.orbit.example/v1" // expect: MOL301
