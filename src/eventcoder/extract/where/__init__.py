"""Where: toponyms of a report and the place of one event."""
