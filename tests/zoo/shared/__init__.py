"""Code both planes import: names of things, builders and helpers, but no tenant read of its own."""
