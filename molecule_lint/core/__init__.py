"""The analysis core, one for every language: it evaluates the frontends' value-flow summaries
(values.py), recognises sinks after resolution from library models written as data (sinks.py), and
knows no syntax."""
