"""Stage 3: rules as YAML data, loaded with positions and evaluated over intervals."""
