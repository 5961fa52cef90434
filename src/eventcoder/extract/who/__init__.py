"""Who did what to whom: actor mentions, the actor dictionary and roles."""
