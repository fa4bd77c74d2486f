"""Demo data: a realistic, deterministic dealership (customers, vehicles, staff and
complaint sheets) loaded in bulk. A tool above the use cases, not a use case itself."""
