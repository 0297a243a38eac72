"""datalib: helpers shared by the workspace server and the analytics jobs."""
