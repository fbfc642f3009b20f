"""The build: the pipeline of stages, the cache a rebuild reuses, worker processes, the atomic writer."""
