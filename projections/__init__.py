"""Read models: plan summary, worklist, audit log and analytics."""
