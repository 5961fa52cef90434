"""When: date phrases and the event's date."""
