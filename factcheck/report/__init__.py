"""Stage 4: render results (quantities tables, findings) for people and tools."""
