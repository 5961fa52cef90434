"""What happened: event triggers, their scope and modality, and the event type."""
