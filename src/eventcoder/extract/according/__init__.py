"""According to whom, and how sure: source chains, claims, certainty, speculation."""
