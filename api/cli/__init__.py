"""The `hindsight` command line: one module per subcommand."""
