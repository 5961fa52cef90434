"""How many were killed: fatality counts by the codebook's rules."""
