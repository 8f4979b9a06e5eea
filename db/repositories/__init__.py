"""Every select() of the application lives here: one module per aggregate."""
