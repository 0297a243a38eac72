def secret(name):
    """A wrapper the config declares as a model (`models:`): reading through it reads env."""
    return name
