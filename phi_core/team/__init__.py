"""Team annotation: assignments, blind mode, adjudication, roles; every entry point checks the actor's role."""
