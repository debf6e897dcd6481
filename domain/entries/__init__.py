"""One module per kind of entry: its events, its items in the plan's state, its rules, its fold."""
